"""Real postings in every format: the project in tests/fixtures/postings, built to HTML,
PDF and Word and read back with poppler, python-docx, qpdf and an HTML parser."""

import re
import shutil
import subprocess
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from conftest import REPO, build_files, pdf_text, require
from docx.oxml.ns import qn

BLOCKS = {"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br"}
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "postings"


class Reader(HTMLParser):
    """The text of a page, and its headings in order, read without jobdocs."""

    def __init__(self, html: str):
        super().__init__()
        self.text: list[str] = []
        self.headings: list[str] = []
        self.lang = None
        self._heading = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        self._skip = tag in ("style", "title")
        if tag in BLOCKS:
            self.text.append(" ")

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None
        self._skip = False
        if tag in BLOCKS:
            self.text.append(" ")

    def handle_data(self, data):
        if getattr(self, "_skip", False):
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    @property
    def words(self) -> str:
        return " ".join("".join(self.text).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, dict]:
    """Every document of the fixture project: its page, PDF text and Word paragraphs."""
    root = tmp_path_factory.mktemp("postings") / "project"
    shutil.copytree(FIXTURE, root)
    files = build_files(root, ["html", "pdf", "docx"], root / "output", jobs=2)
    documents = {}
    for name in files:
        document_id = Path(name).stem
        if document_id in documents:
            continue
        html = (root / "output" / f"{document_id}.html").read_text(encoding="utf-8")
        word = docx.Document(str(root / "output" / f"{document_id}.docx"))
        documents[document_id] = {
            "page": Reader(html),
            "pdf": pdf_text(root / "output" / f"{document_id}.pdf"),
            "pdf_path": root / "output" / f"{document_id}.pdf",
            "docx": word,
            "word": " ".join(
                " ".join(p.text for p in word.paragraphs).split()
                + [c.text for t in word.tables for r in t.rows for c in r.cells]
            ),
        }
    return documents


def everywhere(built, document_id: str, *phrases: str) -> None:
    """Each phrase is in the page, the PDF and the Word file."""
    document = built[document_id]
    for phrase in phrases:
        for channel in ("pdf", "word"):
            assert phrase in document[channel], (document_id, channel, phrase)
        assert phrase in document["page"].words, (document_id, "html", phrase)


def test_a_remote_role_in_two_countries_with_two_pay_ranges(built):
    everywhere(
        built,
        "site-reliability-engineer",
        "Remote work",
        "from United States and Canada; UTC−8 to UTC−4",
        "United States: $120,000–$150,000 per year",
        "Canada: CA$140,000–CA$170,000 per year",
        "An annual bonus of up to 10%",
        "Apply by e-mail: jobs@northwind.example",
        "Travel Twice a year, to team weeks",
        "Start March 1, 2027",
        "Openings 1–2",
        "Authorized to work in the United States or Canada.",
    )


def test_single_figure_up_to_from_and_scale_only_pay(built):
    everywhere(built, "care-assistant", "£14.50 per hour. Pro rata holiday pay")
    everywhere(
        built,
        "fundraising-lead",
        "Colorado: up to $95,000 per year",
        "Remote US: from $80,000 per year",
        "Remote US: Everywhere else in the United States",
    )
    everywhere(built, "policy-adviser", "Pay scale Grade 7")


def test_grouped_criteria_with_the_projects_own_labels(built):
    everywhere(
        built,
        "policy-adviser",
        "Communication",
        "We don't expect you to have all of these.",
        "At least 2 of these",
        "All of these",
        "Essential",
        "Desirable",
    )
    assert "Required" not in built["policy-adviser"]["pdf"]


def test_sections_stand_after_the_blocks_they_name(built):
    expected = [
        "Site Reliability Engineer",
        "About Northwind Collective",
        "What a week looks like",
        "Our stack",
        "Responsibilities",
        "Qualifications",
        "Essential",
        "Desirable",
        "Eligibility",
        "Pay",
        "Other compensation",
        "Pay philosophy",
        "Benefits",
        "How to apply",
        "Hiring process",
        "Equal opportunity",
    ]
    document = built["site-reliability-engineer"]
    assert document["page"].headings == expected
    word_headings = [
        p.text for p in document["docx"].paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert word_headings == expected


def test_a_role_without_department_or_responsibilities(built):
    document = built["care-assistant"]
    for channel in ("pdf", "word"):
        assert "Department" not in document[channel]
        assert "Responsibilities" not in document[channel]
    everywhere(built, "care-assistant", "St Mary's House, Leeds, United Kingdom", "Part-time")


def english_labels() -> set[str]:
    """Every English label's words, without the {fields} filled in when printed."""
    labels = tomllib.loads((REPO / "templates/labels/en.toml").read_text(encoding="utf-8"))
    german = tomllib.loads((REPO / "templates/labels/de.toml").read_text(encoding="utf-8"))

    def strings(data):
        for value in data.values():
            if isinstance(value, dict):
                yield from strings(value)
            elif isinstance(value, str):
                yield value

    words = set()
    for text in set(strings(labels)) - set(strings(german)):
        for fragment in re.split(r"\{\w+\}|[,:]", text):
            if len(fragment.strip()) >= 4 and fragment.strip() not in strings(german):
                words.add(fragment.strip())
    return words


def test_a_german_posting_has_no_english_label(built):
    document = built["datenschutz-jurist"]
    for channel in ("pdf", "word"):
        text = document[channel]
        found = {w for w in english_labels() if re.search(rf"\b{re.escape(w)}\b", text)}
        assert not found, (channel, found)
    everywhere(
        built,
        "datenschutz-jurist",
        "Jurist*in (m/w/d) Datenschutz",
        "Als Jurist*in oder Anwält*in berätst du",
        "Jurist:innen",
        "Vollzeit, Befristet",
        "Vor Ort · Hybrid",
        "Haus am Park, Parkstraße 3, 80331 München, Bayern, Deutschland",
        "30–39,8 Stunden pro Woche",
        "4.800–6.900 € pro Monat (TV-L E13)",
        "Bewerbungsschluss",
        "20. Dezember 2026",
        "Vorstellungsgespräche: 12. Januar 2027",
    )
    assert "Seite 1 von" in document["pdf"]


def test_the_language_reaches_every_format(built):
    document = built["datenschutz-jurist"]
    assert document["page"].lang == "de"
    defaults = document["docx"].styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == "de"
    qdf = subprocess.run(
        [require("qpdf"), "--qdf", "--object-streams=disable", str(document["pdf_path"]), "-"],
        capture_output=True,
        check=True,
    ).stdout
    assert b"/Lang (de)" in qdf


def test_relative_links_become_absolute(built):
    page = (built["datenschutz-jurist"]["pdf_path"]).with_suffix(".html").read_text("utf-8")
    assert '<a href="https://jobs.northwind.example/de/bewerben">unser Portal</a>' in page
    rels = built["site-reliability-engineer"]["docx"].part.rels.values()
    assert "https://jobs.northwind.example/teams/sre" in {r.target_ref for r in rels}


def test_the_logo_is_in_every_format(built):
    document = built["site-reliability-engineer"]
    page = document["pdf_path"].with_suffix(".html").read_text("utf-8")
    assert '<img src="data:image/png;base64,' in page
    images = subprocess.run(
        [require("pdfimages"), "-list", str(document["pdf_path"])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert [line.split()[3:5] for line in images] == [["60", "20"]]  # width, height
    assert len(document["docx"].inline_shapes) == 1


def test_tables_and_quotes_in_section_bodies(built):
    document = built["policy-adviser"]
    (table,) = [t for t in document["docx"].tables if t.rows[0].cells[0].text == "Grade"]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Grade", "Salary"],
        ["Grade 6", "£62,000"],
        ["Grade 7", "£52,000"],
    ]
    quote = [p for p in document["docx"].paragraphs if "I still learn" in p.text]
    assert quote[0].style.name == "Quote"
    everywhere(built, "policy-adviser", "Two years in, I still learn something every week.")


def test_a_german_role_in_an_english_handbook_keeps_its_language(built):
    handbook = built["northwind-collective"]
    page = handbook["pdf_path"].with_suffix(".html").read_text("utf-8")
    assert '<section class="role" lang="de">' in page
    assert "Aufgaben" in handbook["pdf"] and "Responsibilities" in handbook["pdf"]
    languages = {
        run.get(qn("w:val"))
        for paragraph in handbook["docx"].paragraphs
        if "Vorstellungsgespräche" in paragraph.text
        for run in paragraph._p.iter(qn("w:lang"))
    }
    assert languages == {"de"}


def test_word_files_have_the_words_of_their_pages(built):
    from test_docx import docx_words, html_reading

    for document_id, document in built.items():
        page = html_reading(document["pdf_path"].with_suffix(".html"))
        assert docx_words(document["docx"]) == "".join(page.parts).split(), document_id
