"""Whatever `check` accepts builds in every format (issue 18). Before, Markdown that check
accepted (a heading, a quote or a table inside a list item) failed the Word export with an
error pointing at a line of the rendered HTML, and pay figures of 1e28 or inf passed the
check and then failed every build, blaming the theme."""

import shutil

import docx
import pytest
from conftest import MINIMAL, build_files, pdf_text

from jobdocs.content import load_project
from jobdocs.errors import ContentError

SUMMARY = '''summary = """
Keeps the records.

- First duty
  ### Filing, in detail
- Second duty
  > Quoted guidance for the second duty.
- Third duty

  | Shelf | Boxes |
  |---|---|
  | A | 12 |
"""
'''


def project(tmp_path, role: str):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    (root / "content/roles/clerk.toml").write_text(f'title = "Clerk"\n{role}', encoding="utf-8")
    return root


def test_blocks_inside_list_items_build_in_every_format(tmp_path, jobdocs):
    root = project(tmp_path, SUMMARY)
    assert jobdocs(root, "check").exit_code == 0
    built = build_files(root, ["docx", "pdf", "html"], tmp_path / "out", ["clerk"])
    word = docx.Document(built["clerk.docx"])
    paragraphs = [(p.style.name, p.text) for p in word.paragraphs]
    at = paragraphs.index(("Compact", "First duty"))
    assert paragraphs[at + 1][1] == "Filing, in detail"
    assert paragraphs[at + 1][0].startswith("Heading")
    assert ("Quote", "Quoted guidance for the second duty.") in paragraphs
    assert [[c.text for c in row.cells] for row in word.tables[-1].rows] == [
        ["Shelf", "Boxes"],
        ["A", "12"],
    ]
    assert "Filing, in detail" in pdf_text(built["clerk.pdf"])


@pytest.mark.parametrize("figure", ["1e28", "inf", "nan", "-5"])
def test_pay_figures_no_format_can_print_are_refused_by_the_check(tmp_path, figure):
    role = f'summary = "Keeps the records."\n[[pay]]\ncurrency = "EUR"\nminimum = {figure}\n'
    with pytest.raises(ContentError) as caught:
        load_project(project(tmp_path, role))
    (found,) = caught.value.problems
    assert "clerk.toml:5:" in str(found) and "pay[1].minimum" in str(found)
