"""Documents print the words a posting has and no others: no "Required" over a list that
has nothing to be told apart from, no empty heading where a project cleared a label, and
sentences jobdocs assembles start as sentences do."""

import re

import docx
from conftest import build_files, minimal_with, pdf_text

ROLE = """title = "Clerk"
summary = "Keeps the records."
benefits = ["A pension."]

[qualifications]
required = ["Typing."]

[[qualifications.groups]]
heading = "Languages"
required = ["English."]
preferred = ["French."]

[[pay]]
currency = "USD"
minimum = 52500
period = "YEAR"
"""


def built(tmp_path, labels: str = "", role: str = ROLE):
    root = minimal_with(tmp_path, role)
    if labels:
        (root / "templates/labels").mkdir(parents=True)
        (root / "templates/labels/en.toml").write_text(labels, encoding="utf-8")
    return build_files(root, ["html", "docx", "pdf"], tmp_path / "out", ["clerk"])


def headings(files) -> list[str]:
    html = files["clerk.html"].read_text(encoding="utf-8")
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html)]


def test_required_is_said_only_beside_preferred(tmp_path):
    files = built(tmp_path)
    found = headings(files)
    # the top-level list has no preferred one: no heading; the group has both
    assert found.count("Required") == 1 and found.count("Preferred") == 1
    assert found.index("Languages") < found.index("Required") < found.index("Preferred")
    text = pdf_text(files["clerk.pdf"])
    assert text.count("Required") == 1


def test_a_cleared_label_leaves_no_empty_heading(tmp_path):
    files = built(tmp_path, '[headings]\nbenefits = ""\nrequired = ""\n')
    html = files["clerk.html"].read_text(encoding="utf-8")
    assert not re.search(r"<h[1-6][^>]*>\s*</h[1-6]>", html)
    assert "A pension." in html
    document = docx.Document(str(files["clerk.docx"]))
    empty = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")
             and not p.text.strip()]  # fmt: skip
    assert empty == []


def test_an_assembled_pay_line_starts_with_a_capital(tmp_path):
    files = built(tmp_path)
    assert "From $52,500 per year" in pdf_text(files["clerk.pdf"])
    assert '<span class="amount">From $52,500 per year</span>' in files["clerk.html"].read_text(
        encoding="utf-8"
    )


def test_the_users_own_words_print_as_typed(tmp_path):
    typed = "December 15, 11:59 p.m. EST"
    role = (
        ROLE + f'\n[posting]\nkey_dates = [{{ label = "Applications close", date = "{typed}" }}]\n'
    )
    files = built(tmp_path, role=role)
    word = "\n".join(p.text for p in docx.Document(str(files["clerk.docx"])).paragraphs)
    page = re.sub(r"<[^>]+>", "", files["clerk.html"].read_text("utf-8"))
    for text in (pdf_text(files["clerk.pdf"]), word, page):
        assert f"Applications close: {typed}" in text
