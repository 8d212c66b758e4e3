"""Rendering: golden HTML for every document, content printed as data, template errors located."""

import re
import tempfile
from pathlib import Path

import pytest
from conftest import GOLDEN, GOLDEN_PROJECTS, check_golden

from jobdocs.build import BuildOptions, build_project
from jobdocs.errors import TemplateError
from jobdocs.render.markdown import block, inline


def render_all(root: Path) -> dict[str, str]:
    """Every document as rendered: the HTML export writes the rendered page as it is."""
    with tempfile.TemporaryDirectory() as out:
        report = build_project(root, BuildOptions(formats=("html",), out=Path(out), jobs=1))
        if report.failed:
            raise report.failed[0].error
        return {p.stem: p.read_text(encoding="utf-8") for p in Path(out).glob("*.html")}


@pytest.mark.parametrize("name", list(GOLDEN_PROJECTS))
def test_golden_html(name, update_golden):
    """Run `pytest --update-golden` after an intended change to content or templates.

    The inlined stylesheet is left out: it is templates/style.css, the same in every file."""
    rendered = {
        f"{document_id}.html": re.sub(
            r"<style>.*?</style>", "<style>(style.css)</style>", html, flags=re.S
        )
        for document_id, html in render_all(GOLDEN_PROJECTS[name]).items()
    }
    check_golden(GOLDEN / "html" / name, rendered, update_golden)


def test_handbook_counts_the_departments(project):
    handbook = render_all(project)["technical-job-descriptions"]
    assert "with four key departments:" in handbook
    organization = project / "content/organization.toml"
    text = organization.read_text(encoding="utf-8")
    organization.write_text(text[: text.rindex("[[growth.departments]]")], encoding="utf-8")
    assert "with three key departments:" in render_all(project)["technical-job-descriptions"]


def test_compared_roles_show_the_comparison(project):
    rendered = render_all(project)
    for role_id in ("software-developer", "software-engineer"):
        assert '<table class="comparison"' in rendered[role_id]
    assert '<table class="comparison"' not in rendered["devops-engineer"]


def test_content_is_data_not_markup_or_template():
    hostile = "<script>alert(1)</script> {{ settings }} {% raw %} <img src=x> [x](javascript:y)"
    html = inline(hostile)
    assert "<script>" not in html and "<img" not in html and "href" not in html
    assert "&lt;script&gt;" in html
    assert "{{ settings }} {% raw %}" in html


def test_markdown_vocabulary():
    html = block(
        "A **b** *c* [d](https://e.example)\n\n- one\n  1. two\n\n# Sub\n\n## Subsub\n\n"
        "> quoted\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n<b>raw</b> ![i](https://x.example/i.png)",
        level=3,
    )
    assert "<strong>b</strong>" in html and "<em>c</em>" in html
    assert '<a href="https://e.example">d</a>' in html
    assert "<ul>" in html and "<ol>" in html
    assert "<h3>Sub</h3>" in html and "<h4>Subsub</h4>" in html  # below the section's level
    assert "<blockquote>" in html and '<td style="text-align:right">2</td>' in html
    assert "&lt;b&gt;raw&lt;/b&gt;" in html and "<img" not in html


def test_headings_never_go_below_h6():
    assert "<h6>deep</h6>" in block("### deep", level=5)


def test_relative_links_resolve_against_the_base():
    html = inline("[apply](/jobs/1) [mail](mailto:a@b.example)", base="https://x.example/c/")
    assert '<a href="https://x.example/jobs/1">apply</a>' in html
    assert 'href="mailto:a@b.example"' in html


def test_gender_stars_and_colons_print_as_typed():
    html = inline("Jurist*in oder Anwält*in, Jurist:in, and *emphasis* still works")
    assert "Jurist*in oder Anwält*in, Jurist:in" in html
    assert "<em>emphasis</em>" in html


def test_hostile_content_renders_as_text(project):
    role = project / "content/roles/software-developer.toml"
    text = role.read_text(encoding="utf-8")
    role.write_text(
        text.replace('title = "Software Developer"', 'title = "Dev {{ 7 * 7 }} <b>x</b>"', 1),
        encoding="utf-8",
    )
    html = render_all(project)["software-developer"]
    assert "Dev {{ 7 * 7 }} &lt;b&gt;x&lt;/b&gt;" in html
    assert "49" not in html


def test_template_syntax_error_names_file_and_line(project):
    template = project / "templates/role.html"
    template.write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=rf"^{template}:2: "):
        render_all(project)


def test_undefined_variable_names_file_and_line(project):
    template = project / "templates/comparison.html"
    template.write_text("{{ meta.title }}\n\n{{ no_such_thing }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=rf"^{template}:3: 'no_such_thing' is undefined"):
        render_all(project)


def test_page_size_comes_from_settings(project):
    assert "size: A4;" in render_all(project)["devops-engineer"]
    (project / "jobdocs.toml").write_text('page_size = "Letter"\n', encoding="utf-8")
    assert "size: Letter;" in render_all(project)["devops-engineer"]


@pytest.mark.parametrize(
    "expression",
    ['{{ 1 + "a" }}', "{{ 1 // 0 }}", "{{ role.title | round(2) }}", "{% include 'x' %}"],
)
def test_errors_in_template_expressions_name_file_and_line(project, expression):
    template = project / "templates/role.html"
    template.write_text(f"line one\n\n{expression}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=rf"^{template}(:3)?: "):
        render_all(project)
