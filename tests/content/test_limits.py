"""Absurd and hostile input: a clear error or a correct document, in bounded time."""

from pathlib import Path

from conftest import edit, listing


def role(project: Path) -> Path:
    return project / "content/roles/devops-engineer.toml"


def test_links_allow_only_http_https_and_mailto(project, jobdocs):
    path = role(project)
    edit(path, 'title = "DevOps Engineer"', 'title = "[here](javascript:alert(1))"')
    edit(path, 'department = "Operations"', 'department = "[f](file:///etc/passwd)"')
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    assert "title: link to 'javascript:alert(1)': links must start with" in result.stderr
    assert "department: link to 'file:///etc/passwd'" in result.stderr


def test_relative_links_need_a_base(project, jobdocs):
    edit(role(project), 'department = "Operations"', 'department = "[ops](/teams/ops)"')
    assert jobdocs(project, "check").exit_code == 0  # the organization's url is the base
    edit(project / "content/organization.toml", 'url = "https://www.example.com"\n', "")
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    assert "department: the relative link '/teams/ops' needs a base" in result.stderr


def test_web_and_mail_links_are_fine(project, jobdocs):
    edit(
        role(project),
        'department = "Operations"',
        'department = "[Ops](https://ops.example), [mail](mailto:jobs@example.com)"',
    )
    assert jobdocs(project, "check").exit_code == 0


def test_a_50_mb_file_is_refused_without_reading_it(project, jobdocs):
    path = role(project)
    path.write_text('title = "' + "x" * 50_000_000 + '"\n', encoding="utf-8")
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    assert f"{path}: file is larger than 1 MiB" in result.stderr


def test_a_long_text_and_a_huge_list_are_refused(project, jobdocs):
    path = role(project)
    edit(path, 'title = "DevOps Engineer"', f'title = "{"x" * 2001}"')
    edit(path, "responsibilities = [", "responsibilities = [" + '"a",' * 100_000)
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    assert "title: String should have at most 2000 characters" in result.stderr
    assert "responsibilities: List should have at most 200 items" in result.stderr


def test_deeply_nested_values_are_an_error(project, jobdocs):
    path = role(project)
    path.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    assert f"{path}: values are nested too deeply" in result.stderr


def test_deeply_nested_markdown_gives_a_correct_document(project, tmp_path, jobdocs):
    edit(role(project), 'summary = """', 'summary = """\n' + "- " * 5000 + "deep\n\n")
    out = tmp_path / "out"
    result = jobdocs(
        project, "build", "devops-engineer", "-f", "html", "-f", "docx", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert listing(out) == ["devops-engineer.docx", "devops-engineer.html"]


def test_an_empty_file_is_named(project, jobdocs):
    path = role(project)
    path.write_text("\n  \n", encoding="utf-8")
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    assert f"{path}:1: file is empty" in result.stderr


def test_an_empty_settings_file_is_all_defaults(project, jobdocs):
    """`touch jobdocs.toml` marks a project; before, it was "file is empty"."""
    (project / "jobdocs.toml").write_text("", encoding="utf-8")
    result = jobdocs(project, "check")
    assert result.exit_code == 0, result.output
