"""Right-to-left postings: the full fixture's Arabic (`field-assistant`) and Hebrew
(`product-designer`) roles, each with a Latin acronym, numbers, a URL and an e-mail address
inside right-to-left sentences, read back from every format by other programs: poppler for
the PDF and for LibreOffice's PDF of the .docx, python-docx for the Word XML, an HTML
parser for the page."""

import re
import subprocess
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from conftest import FULL, REPO, build_files, pdf_text, require
from docx.oxml.ns import qn
from pypdf import PdfReader

RTL = {"field-assistant": "ar", "product-designer": "he"}
HANDBOOK = "northwind-collective"  # in English, with every role of the fixture
LABEL_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "ar", "he")
MARGIN_PT = 20 / 25.4 * 72  # the fixture's 20 mm margins
A4_WIDTH_PT = 595.28
RIGHT_TO_LEFT_LETTER = re.compile("[\u0590-\u05ff\u0600-\u06ff]")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:

    out = tmp_path_factory.mktemp("rtl")
    return build_files(FULL, ["pdf", "docx", "html"], out, ids=(*RTL, HANDBOOK))


def _keys(table: dict, prefix=()) -> set[tuple]:
    found = set()
    for key, value in table.items():
        found |= _keys(value, (*prefix, key)) if isinstance(value, dict) else {(*prefix, key)}
    return found


def _labels(language: str) -> dict:
    return tomllib.loads((REPO / "templates/labels" / f"{language}.toml").read_text("utf-8"))


@pytest.mark.parametrize("language", LABEL_LANGUAGES)
def test_the_theme_has_every_label_in_ten_languages(language):
    english = _labels("en")
    del english["report"]  # the pay report is in English only
    assert _keys(_labels(language)) - {k for k in _keys(_labels("en")) if k[0] == "report"} == (
        _keys(english)
    )


def test_french_puts_a_narrow_no_break_space_before_colons_and_arabic_has_its_comma():
    assert _labels("fr")["punctuation"]["colon"] == "\u202f:"
    assert _labels("ar")["punctuation"]["comma"] == "\u060c "


class _Dirs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "dir" in attrs:
            self.found.append((tag, attrs))


@pytest.mark.parametrize("role", RTL)
def test_the_page_is_right_to_left_and_the_organizations_english_left_to_right(built, role):
    parser = _Dirs()
    parser.feed(built[f"{role}.html"].read_text(encoding="utf-8"))
    assert parser.found[0] == ("html", {"lang": RTL[role], "dir": "rtl"})
    english = [attrs for tag, attrs in parser.found if attrs.get("lang") == "en"]
    assert english and all(attrs["dir"] == "ltr" for attrs in english)  # about, benefits…


def _lines(pdf: Path) -> list[tuple[float, float, str]]:
    """(left, right, text) of each line of the PDF's first page, as pdftotext -bbox reads it."""
    xml = subprocess.run(
        [require("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    lines: dict[float, list] = {}
    for x0, y0, x1, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', xml
    ):
        lines.setdefault(round(float(y0)), []).append((float(x0), float(x1), word))
    return [
        (min(w[0] for w in words), max(w[1] for w in words), " ".join(w[2] for w in words))
        for _, words in sorted(lines.items())
    ]


def _right_aligned(pdf: Path) -> None:
    """Right-to-left lines end at the right margin, and start where they run out."""
    right = A4_WIDTH_PT - MARGIN_PT
    lines = [line for line in _lines(pdf) if RIGHT_TO_LEFT_LETTER.search(line[2])]
    body = lines[1:-1]  # not the page's header or footer line
    assert len(body) > 10
    ends = [end for _, end, _ in body]
    assert sum(abs(end - right) < 10 for end in ends) >= 0.9 * len(body), (right, ends)
    starts = {round(start) for start, _, _ in body}
    assert len(starts) > len(body) / 3  # ragged at the left
    assert min(starts) > MARGIN_PT - 3
    footer = lines[-1]  # "Page 1 of 2" in the language, at the bottom left
    assert footer[0] < A4_WIDTH_PT / 2, footer


@pytest.mark.parametrize("role", RTL)
def test_pdf_lines_end_at_the_right_margin_and_the_pdf_names_its_language(built, role):
    pdf = built[f"{role}.pdf"]
    _right_aligned(pdf)
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == RTL[role]


@pytest.mark.parametrize("role", RTL)
def test_word_paragraphs_and_runs_are_right_to_left(built, role):
    document = docx.Document(str(built[f"{role}.docx"]))
    paragraphs = [p for p in document.paragraphs if RIGHT_TO_LEFT_LETTER.search(p.text)]
    assert len(paragraphs) > 10
    for paragraph in paragraphs:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
        for run in paragraph.runs:
            if RIGHT_TO_LEFT_LETTER.search(run.text):
                assert run.font.rtl, run.text
    english = [p for p in document.paragraphs if p.text.startswith("Northwind Collective is")]
    assert english and english[0]._p.pPr.find(qn("w:bidi")) is None
    section = document.sections[0]
    assert section._sectPr.find(qn("w:bidi")) is not None
    assert section.footer.paragraphs[0]._p.pPr.find(qn("w:bidi")) is not None
    assert all(t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in document.tables)
    numbering = document.part.numbering_part.element
    justified = {j.get(qn("w:val")) for j in numbering.iter(qn("w:lvlJc"))}
    assert "right" in justified


@pytest.mark.parametrize("role", RTL)
def test_libreoffice_lays_the_word_file_out_right_to_left(built, role, tmp_path):
    soffice = require("soffice")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(built[f"{role}.docx"])],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    _right_aligned(tmp_path / f"{role}.pdf")


@pytest.mark.parametrize("role", RTL)
def test_no_english_label_in_a_right_to_left_posting(built, role):
    english = _labels("en")
    del english["report"]
    words = {
        value
        for table in english.values()
        for value in table.values()
        if isinstance(value, str) and len(value) > 3 and "{" not in value
    }
    texts = {
        "pdf": pdf_text(built[f"{role}.pdf"]),
        "docx": "\n".join(p.text for p in docx.Document(str(built[f"{role}.docx"])).paragraphs),
        "html": built[f"{role}.html"].read_text(encoding="utf-8"),
    }
    for kind, text in texts.items():
        # The organization's own English texts are English by right; labels are not.
        text = re.sub(r"Northwind Collective[^\n<]*", "", text)
        assert not [w for w in words if re.search(rf"\b{re.escape(w)}\b", text)], kind


def test_a_project_may_set_a_languages_direction(full_project, build, tmp_path):
    assert not (full_project / "jobdocs.toml").exists()
    (full_project / "jobdocs.toml").write_text('directions = { "nl" = "rtl" }\n')
    html = build(full_project, ["html"], tmp_path / "out", ["data-analist"])["data-analist.html"]
    assert '<html lang="nl" dir="rtl">' in html.read_text(encoding="utf-8")


def test_a_handbook_sets_the_direction_of_each_role_section(built):
    parser = _Dirs()
    parser.feed(built[f"{HANDBOOK}.html"].read_text(encoding="utf-8"))
    assert parser.found[0] == ("html", {"lang": "en", "dir": "ltr"})
    sections = [a for tag, a in parser.found if tag == "section"]
    assert {"class": "role", "lang": "ar", "dir": "rtl"} in sections
    assert {"class": "role", "lang": "he", "dir": "rtl"} in sections
    document = docx.Document(str(built[f"{HANDBOOK}.docx"]))
    for paragraph in document.paragraphs:
        bidi = paragraph._p.pPr is not None and paragraph._p.pPr.find(qn("w:bidi")) is not None
        if RIGHT_TO_LEFT_LETTER.search(paragraph.text):
            assert bidi, paragraph.text
        elif paragraph.text.startswith(("Northwind", "Four-day")):
            assert not bidi, paragraph.text  # the organization's English, in any section
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is None
