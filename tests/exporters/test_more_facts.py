"""What real postings state that had no field: a manager who is not a role of the project,
further links beside how to apply, and a group note of several paragraphs; read back from
the PDF (pdftotext), the Word file (python-docx) and the page."""

import docx
import pytest
from conftest import build_files, minimal_with, pdf_text

from jobdocs.content import load_project
from jobdocs.errors import ContentError

ROLE = '''title = "Custodian"
summary = "Keeps the library clean and safe."
reports_to_title = "Building Engineer"

[qualifications]

[[qualifications.groups]]
heading = "Physical requirements"
note = """The work is done on foot.

Most shifts start at 6 a.m.

Some lifting is needed.

We provide the equipment."""
required = ["Lift boxes of up to 20 kg."]

[posting]
apply_url = "https://jobs.example.org/apply/7"
links = [{ label = "The full job description", url = "https://jobs.example.org/jd/7.pdf" }]
'''


def build(tmp_path, role: str = ROLE):
    return build_files(
        minimal_with(tmp_path, role), ["pdf", "docx", "html"], tmp_path / "out", ["clerk"]
    )


def test_a_manager_outside_the_project_links_and_a_long_group_note(tmp_path):
    files = build(tmp_path)
    pdf = pdf_text(files["clerk.pdf"])
    document = docx.Document(str(files["clerk.docx"]))
    word = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    html = files["clerk.html"].read_text(encoding="utf-8")
    for text in (pdf, word, html):
        assert "Reports to" in text and "Building Engineer" in text
        assert "The full job description" in text and "https://jobs.example.org/jd/7.pdf" in text
    assert html.count('data-field="roles/clerk:qualifications.groups[1].note"') == 4
    notes = [
        p.text
        for p in document.paragraphs
        if p.text.startswith(("The work", "Most", "Some", "We provide"))
    ]
    assert len(notes) == 4
    assert "The work is done on foot. Most shifts start at 6 a.m." in pdf


def test_a_role_reports_to_one_manager(tmp_path):
    role = ROLE.replace(
        'reports_to_title = "Building Engineer"',
        'reports_to = "clerk"\nreports_to_title = "Building Engineer"',
    )
    with pytest.raises(ContentError) as raised:
        load_project(minimal_with(tmp_path, role))
    assert "reports_to_title: the role already reports_to a role of the project" in str(
        raised.value
    )


PAID = """title = "Clerk"
summary = "Keeps the records."

[[pay]]
currency = "USD"
minimum = 52500
maximum = 60000
period = "YEAR"
label = "New York"
"""


@pytest.mark.parametrize("shown", [True, False])
def test_the_pay_stands_in_the_facts_unless_told_not_to(tmp_path, shown):
    root = minimal_with(tmp_path, PAID)
    if not shown:
        (root / "jobdocs.toml").write_text("[facts]\npay = false\n", encoding="utf-8")
    files = build_files(root, ["docx", "pdf"], tmp_path / "out", ["clerk"])
    tables = docx.Document(str(files["clerk.docx"])).tables  # none: no facts to show
    rows = {row.cells[0].text: row.cells[1].text for t in tables[:1] for row in t.rows}
    line = "New York: $52,500–$60,000 per year"
    assert (rows.get("Pay") == line) is shown
    assert pdf_text(files["clerk.pdf"]).count(line) == (2 if shown else 1)
