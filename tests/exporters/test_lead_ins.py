"""Lead-ins (`[intro]`) and free sections anywhere (`after = "start"`, `"required"`,
`"preferred"`; `heading` optional), in the order a real posting has them: read back from
the PDF (pdftotext), the Word file (python-docx) and the page (an HTML parser). A
reviewed lead-in goes back into the TOML: tests/review/test_apply.py."""

from html.parser import HTMLParser

import docx
import pytest
from conftest import build_files, minimal_with, pdf_text

from jobdocs.content import load_project
from jobdocs.errors import ContentError

ROLE = """title = "Senior Developer"
language = "fr"
summary = "Tu rejoins une équipe de douze personnes."
responsibilities = ["Concevoir des services.", "Relire le code."]

[intro]
responsibilities = "En tant que Senior Developer, tu vas :"
required = "Les conditions suivantes doivent être remplies :"
preferred = "Et ce serait génial si tu connaissais aussi :"

[qualifications]
required = ["Cinq ans de Python."]
preferred = ["Rust."]

[[sections]]
after = "start"
body = "Statut actuel : poste ouvert, entretiens en janvier."

[[sections]]
heading = "Équivalences"
after = "required"
body = "Une expérience équivalente peut remplacer le diplôme."

[[sections]]
body = "Rejoins-nous !"
"""
ORDER = [
    "Statut actuel : poste ouvert",  # a section without a heading, before the summary
    "Tu rejoins une équipe",
    "Missions",
    "En tant que Senior Developer, tu vas :",
    "Concevoir des services.",
    "Profil recherché",
    "Requis",
    "Les conditions suivantes doivent être remplies :",
    "Cinq ans de Python.",
    "Équivalences",  # after the required list, inside the qualifications
    "Une expérience équivalente",
    "Souhaité",
    "Et ce serait génial si tu connaissais aussi :",
    "Rust.",
    "Rejoins-nous !",  # at the end, without a heading
]


def project(tmp_path, role: str = ROLE):
    return minimal_with(tmp_path, role)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.headings, self.tag = [], [], ""

    def handle_starttag(self, tag, attrs):
        self.tag = tag

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())
            if self.tag[:1] == "h" and self.tag[1:].isdigit():
                self.headings.append(data.strip())


def _in_order(text: str, kind: str) -> None:
    at = [text.find(phrase) for phrase in ORDER]
    assert -1 not in at and at == sorted(at), (kind, list(zip(ORDER, at, strict=True)))


def test_lead_ins_and_sections_stand_where_the_posting_has_them(tmp_path):
    files = build_files(project(tmp_path), ["pdf", "docx", "html"], tmp_path / "out", ["clerk"])
    _in_order(pdf_text(files["clerk.pdf"]), "pdf")
    paragraphs = docx.Document(str(files["clerk.docx"])).paragraphs
    _in_order("\n".join(p.text for p in paragraphs), "docx")
    assert not [p for p in paragraphs if p.style.name.startswith("Heading") and not p.text]
    page = _Text()
    page.feed(files["clerk.html"].read_text(encoding="utf-8"))
    _in_order("\n".join(page.text), "html")
    assert "" not in page.headings and "Rejoins-nous !" not in page.headings


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('preferred = ["Rust."]', "intro.preferred: the role has no qualifications.preferred"),
        ('responsibilities = ["Concevoir des services.", "Relire le code."]',
         "intro.responsibilities: the role has no responsibilities"),
    ],
)  # fmt: skip
def test_a_lead_in_with_no_list_to_lead_into_is_an_error(tmp_path, change, message):
    root = project(tmp_path, ROLE.replace(change, ""))
    with pytest.raises(ContentError) as raised:
        load_project(root)
    assert message in str(raised.value)


def test_a_section_placed_after_a_missing_list_is_an_error(tmp_path):
    role = (
        ROLE.replace('after = "required"', 'after = "preferred"')
        .replace('preferred = ["Rust."]', "")
        .replace('preferred = "Et ce serait génial si tu connaissais aussi :"\n', "")
    )
    with pytest.raises(ContentError) as raised:
        load_project(project(tmp_path, role))
    assert "sections[2]: after = 'preferred', but the role has no qualifications.preferred" in (
        str(raised.value)
    )


FRENCH = """title = "Développeur·se"
language = "fr"
summary = "Tu rejoins une équipe de douze personnes."

[labels.headings]
preferred = ""

[intro]
preferred = "Et ce serait génial si tu connaissais aussi :"

[qualifications]
required = ["Python."]
preferred = ["Rust.", "Go."]
"""


def test_a_postings_own_labels_and_an_empty_one_that_drops_its_heading(tmp_path):
    files = build_files(
        project(tmp_path, FRENCH), ["pdf", "docx", "html"], tmp_path / "out", ["clerk"]
    )
    html = files["clerk.html"].read_text(encoding="utf-8")
    pdf = pdf_text(files["clerk.pdf"])
    word = "\n".join(p.text for p in docx.Document(str(files["clerk.docx"])).paragraphs)
    for kind, text in (("html", html), ("pdf", pdf), ("docx", word)):
        assert "Souhaité" not in text, kind  # the label it replaced by nothing
        assert "Requis" in text, kind  # the rest of the posting's labels stay
        assert "Et ce serait génial si tu connaissais aussi :" in text, kind
    assert "Python. Et ce serait génial si tu connaissais aussi : • Rust. • Go." in pdf


def test_a_label_that_does_not_exist_is_an_error(tmp_path):
    role = FRENCH.replace('preferred = ""', 'prefered = ""')
    with pytest.raises(ContentError) as raised:
        load_project(project(tmp_path, role))
    assert "no label 'headings.prefered' to override; did you mean 'headings.preferred'?" in str(
        raised.value
    )
