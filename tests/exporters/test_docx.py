"""Word export: real styles, lists, tables and links; no word lost; a second reader agrees."""

import base64
import io
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from conftest import (
    DOCUMENT_IDS,
    GOLDEN,
    GOLDEN_PROJECTS,
    REPO,
    build_files,
    check_golden,
    pdf_info,
    pdf_text,
    require,
)
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Twips
from PIL import Image

from jobdocs import load_project
from jobdocs.errors import ExportError

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
HEADING_STYLES |= {"h5": "Heading 4", "h6": "Heading 5"}
BLOCKS = {"p", "li", "td", "th", "tr", "br", "ul", "ol", "table", "blockquote", *HEADING_STYLES}


def build_project(root: Path, out: Path, formats=("docx", "html"), ids=()) -> dict[str, Path]:
    return build_files(root, formats, out, ids)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    return build_project(REPO, tmp_path_factory.mktemp("docx"))


def docx_files(outputs) -> dict[str, Path]:
    return {name.removesuffix(".docx"): p for name, p in outputs.items() if name.endswith(".docx")}


class _HtmlText(HTMLParser):
    """The words of an HTML body and its headings, read independently of jobdocs."""

    def __init__(self):
        super().__init__()
        self.parts, self.headings, self.skip, self.heading = [], [], 0, None

    def handle_starttag(self, tag, attrs):
        self.skip += tag in {"head", "style", "title"}
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in HEADING_STYLES:
            self.heading = [tag, ""]

    def handle_endtag(self, tag):
        self.skip -= tag in {"head", "style", "title"}
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in HEADING_STYLES and self.heading:
            self.headings.append((HEADING_STYLES[tag], " ".join(self.heading[1].split())))
            self.heading = None

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)
            if self.heading:
                self.heading[1] += data


def html_reading(path: Path) -> _HtmlText:
    reader = _HtmlText()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def docx_words(document) -> list[str]:
    words = []
    for paragraph in document.element.body.iter(qn("w:p")):
        text = "".join(
            node.text or "" if node.tag == qn("w:t") else " "
            for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab"))
        )
        words += text.split()
    return words


def test_every_document_has_a_docx(outputs):
    ids = set(DOCUMENT_IDS)
    assert set(docx_files(outputs)) == ids


def test_words_match_the_html_they_were_made_from(outputs):
    for document_id, path in docx_files(outputs).items():
        html_words = "".join(html_reading(outputs[f"{document_id}.html"]).parts).split()
        assert docx_words(docx.Document(str(path))) == html_words, document_id


def outline(path: Path) -> str:
    """The Word file's shape as python-docx reads it: one line per paragraph (style, list
    level, the first words) and per table (rows x columns, header row)."""
    document = docx.Document(str(path))
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            header = " | ".join(cell.text for cell in block.rows[0].cells)
            lines.append(f"table {len(block.rows)}x{len(block.columns)}: {header}")
            continue
        level = numbering_of(block)
        indent = "  " * (level[1] + 1) + "- " if level else ""
        words = " ".join(block.text.split()[:8])
        lines.append(f"{indent}[{block.style.name}] {words}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", list(GOLDEN_PROJECTS))
def test_golden_word_outlines(name, outputs, tmp_path, update_golden):
    """Run `pytest --update-golden` after an intended change to content or templates."""
    if name != "starter":
        outputs = build_project(GOLDEN_PROJECTS[name], tmp_path, ("docx",))
    outlines = {f"{id}.docx.txt": outline(path) for id, path in docx_files(outputs).items()}
    check_golden(GOLDEN / "docx" / name, outlines, update_golden)


def test_headings_have_word_heading_styles(outputs):
    for document_id, path in docx_files(outputs).items():
        document = docx.Document(str(path))
        headings = [
            (p.style.name, p.text)
            for p in document.paragraphs
            if p.style.name == "Title" or p.style.name.startswith("Heading")
        ]
        assert headings == html_reading(outputs[f"{document_id}.html"]).headings, document_id
    handbook = docx.Document(str(docx_files(outputs)["technical-job-descriptions"]))
    levels = {p.style.name for p in handbook.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "Subtitle", "Body Text"} <= levels


def test_comparison_is_a_word_table_with_a_repeating_header(outputs):
    cells = [
        [cell for cell in row.cells]
        for row in load_project(REPO).comparisons["developer-vs-engineer"].rows
    ]
    for document_id in (
        "developer-vs-engineer",
        "software-developer",
        "technical-job-descriptions",
    ):
        document = docx.Document(str(docx_files(outputs)[document_id]))
        (table,) = [t for t in document.tables if t.style.name == "Table"]
        rows = table.rows
        assert [c.text for c in rows[0].cells] == ["Aspect", "Developer", "Engineer"]
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
        assert [[c.text for c in r.cells[1:]] for r in rows[1:]] == cells
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert grid[1] == grid[2] > grid[0]


def test_hyperlinks_are_real(outputs):
    document = docx.Document(str(docx_files(outputs)["platform-architect"]))
    links = list(document.element.body.iter(qn("w:hyperlink")))
    assert links
    for link in links:
        relationship = document.part.rels[link.get(qn("r:id"))]
        assert relationship.is_external and relationship.target_ref.startswith("https://")
        style = link.find(qn("w:r")).find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val"))
        assert document.styles.get_by_id(style, 2).name == "Hyperlink"


def test_properties_language_page_and_footer(outputs):
    document = docx.Document(str(docx_files(outputs)["software-engineer"]))
    properties = document.core_properties
    assert properties.title == "Software Engineer"
    assert properties.subject == "Technical Group: Software Engineer"
    assert properties.author == "Technical Group"
    assert "Engineering" in properties.keywords
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == (
        "en-US"
    )
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 20
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Software Engineer\tPage ")
    instructions = [f.get(qn("w:instr")).strip() for f in footer._p.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_letter_pages(project, tmp_path):
    (project / "jobdocs.toml").write_text('page_size = "Letter"\nmargin_mm = 25\n')
    files = build_project(project, tmp_path / "out", ["docx"], {"devops-engineer"})
    document = docx.Document(str(files["devops-engineer.docx"]))
    section = document.sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5, 11)
    assert round(section.left_margin.mm) == 25
    for table in document.tables:  # as wide as the text, not the reference document's text
        assert round(sum(column.width.mm for column in table.columns)) == round(215.9 - 50)


def numbering_of(paragraph) -> tuple[int, int] | None:
    properties = paragraph._p.pPr
    if properties is None or properties.numPr is None:
        return None
    return properties.numPr.numId.val, properties.numPr.ilvl.val


def test_lists_nest_and_every_numbered_list_restarts(project, tmp_path):
    role = project / "content/roles/devops-engineer.toml"
    text = role.read_text(encoding="utf-8")
    summary = (
        'summary = """\nFirst:\n\n1. one\n2. two\n   - nested a\n   - nested b\n\n'
        'Then:\n\n1. again one\n2. again two\n"""\n'
    )
    start, end = text.index('summary = """'), text.index('"""\n', text.index('summary = """') + 14)
    role.write_text(text[:start] + summary + text[end + 4 :], encoding="utf-8")
    files = build_project(project, tmp_path / "out", ["docx"], {"devops-engineer"})
    document = docx.Document(str(files["devops-engineer.docx"]))
    numbered = {p.text: numbering_of(p) for p in document.paragraphs if numbering_of(p)}
    first, second = numbered["one"][0], numbered["again one"][0]
    assert numbered["two"] == (first, 0) and numbered["again two"] == (second, 0)
    assert first != second
    assert numbered["nested a"][1] == 1 and numbered["nested a"][0] not in {first, second}
    numbering = document.part.numbering_part.element
    for num_id in (first, second):
        (num,) = [n for n in numbering.num_lst if n.numId == num_id]
        overrides = {
            int(o.get(qn("w:ilvl"))): o.find(qn("w:startOverride")).get(qn("w:val"))
            for o in num.findall(qn("w:lvlOverride"))
        }
        assert overrides[0] == "1"
        formats = numbering.xpath(
            f"./w:abstractNum[@w:abstractNumId={num.abstractNumId.val}]/w:lvl[@w:ilvl=0]/w:numFmt"
        )
        assert formats[0].get(qn("w:val")) == "decimal"


@pytest.mark.parametrize(("markup", "tag"), [("<hr>", "hr"), ("<p>a <code>b</code></p>", "code")])
def test_an_element_outside_the_vocabulary_is_an_error(project, tmp_path, markup, tag):
    template = project / "templates/comparison.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% endblock %}", markup + "{% endblock %}"))
    with pytest.raises(ExportError, match=rf"developer-vs-engineer: <{tag}> \(line \d+ of the"):
        build_project(project, tmp_path / "out", ["docx"], {"developer-vs-engineer"})
    assert not (tmp_path / "out" / "developer-vs-engineer.docx").exists()


def test_a_missing_style_is_named(project, tmp_path):
    template = project / "templates/comparison.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{% endblock %}", '<p data-docx-style="Fancy">x</p>{% endblock %}'
        )
    )
    with pytest.raises(ExportError, match="the Word style 'Fancy' is missing"):
        build_project(project, tmp_path / "out", ["docx"], {"developer-vs-engineer"})


def export_markup(project: Path, out: Path, markup: str) -> dict[str, Path]:
    """The comparison document with `markup` added at the end of its body: its .docx and
    .html, by extension."""
    template = project / "templates/comparison.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% endblock %}", markup + "{% endblock %}"))
    files = build_project(project, out, ["docx", "html"], {"developer-vs-engineer"})
    return {path.suffix: path for path in files.values()}


def added(document) -> list:
    """The paragraphs and tables after the comparison table: the ones `markup` made."""
    blocks = list(document.iter_inner_content())
    first_table = next(i for i, b in enumerate(blocks) if isinstance(b, docx.table.Table))
    return blocks[first_table + 1 :]


def test_h5_and_h6_are_headings_4_and_5(project, tmp_path):
    files = export_markup(project, tmp_path, "<h4>Four</h4><h5>Five</h5><h6>Six</h6>")
    document = docx.Document(str(files[".docx"]))
    assert [(p.style.name, p.text) for p in added(document)] == [
        ("Heading 3", "Four"),
        ("Heading 4", "Five"),
        ("Heading 5", "Six"),
    ]
    assert document.styles["Heading 5"].font.bold


def test_a_block_quote_is_quote_paragraphs(project, tmp_path):
    markup = (
        "<blockquote>\n<p>Said <em>once</em></p>\n<ul><li>a point</li></ul>\n"
        "<blockquote><p>said before</p></blockquote>\n</blockquote>\n<p>Not quoted</p>"
    )
    document = docx.Document(str(export_markup(project, tmp_path, markup)[".docx"]))
    said, point, before, after = added(document)
    assert [(p.style.name, p.text) for p in (said, point, before, after)] == [
        ("Quote", "Said once"),
        ("Quote", "a point"),
        ("Quote", "said before"),
        ("Body Text", "Not quoted"),
    ]
    quote = document.styles["Quote"]
    indent = quote.paragraph_format.left_indent
    assert indent > 0 and quote.font.italic
    assert quote.element.pPr.find(f"{qn('w:pBdr')}/{qn('w:left')}") is not None
    assert said.paragraph_format.left_indent is None  # the style's own indent
    assert numbering_of(point) == (numbering_of(point)[0], 0)
    assert point.paragraph_format.left_indent == indent + Twips(360)
    assert point.paragraph_format.first_line_indent == -Twips(360)
    assert before.paragraph_format.left_indent == 2 * indent


PIPE_TABLE = """<table>
<thead>
<tr>
<th>Skill</th>
<th style="text-align:center">Level</th>
<th style="text-align:right">Years</th>
</tr>
</thead>
<tbody>
<tr>
<td>Python</td>
<td style="text-align:center">Expert</td>
<td style="text-align:right">10</td>
</tr>
<tr>
<td>Rust</td>
<td style="text-align:center">Good</td>
<td style="text-align:right">3</td>
</tr>
</tbody>
</table>
"""


def test_a_markdown_table_has_equal_columns_alignment_and_a_repeating_header(project, tmp_path):
    (table,) = added(docx.Document(str(export_markup(project, tmp_path, PIPE_TABLE)[".docx"])))
    rows = table.rows
    assert [[c.text for c in r.cells] for r in rows] == [
        ["Skill", "Level", "Years"],
        ["Python", "Expert", "10"],
        ["Rust", "Good", "3"],
    ]
    aligned = [[c.paragraphs[0].alignment for c in r.cells] for r in rows]
    assert aligned == [[None, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT]] * 3
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert max(grid) - min(grid) <= 1
    assert table.style.name == "Table"


def test_an_unknown_text_alignment_is_an_error(project, tmp_path):
    with pytest.raises(ExportError, match=r"<th> \(line \d+ .*text-align 'middle'"):
        export_markup(
            project, tmp_path, PIPE_TABLE.replace("text-align:center", "text-align:middle")
        )


def data_url(kind: str, size=(60, 20)) -> str:
    """A picture of `size` pixels as a data: URL; kind PNG or JPEG."""
    image = io.BytesIO()
    Image.new("RGB", size, "#1e3a5f").save(image, kind)
    return f"data:image/{kind.lower()};base64,{base64.b64encode(image.getvalue()).decode()}"


def test_data_url_pictures_are_inline_pictures(project, tmp_path):
    markup = (
        f'<div><img src="{data_url("PNG")}" alt="Technical  Group\nlogo"></div>\n'
        f'<p>Logo: <img data-docx-width-mm="25" src="{data_url("JPEG", (50, 40))}"/> here</p>'
    )
    document = docx.Document(str(export_markup(project, tmp_path, markup)[".docx"]))
    logo, inline = added(document)
    assert (logo.style.name, logo.text, inline.text) == ("Body Text", "", "Logo:  here")
    shapes = document.inline_shapes
    assert len(shapes) == 2
    assert (round(shapes[0].width.mm, 1), round(shapes[0].height.mm, 1)) == (40, 13.3)
    assert (round(shapes[1].width.mm, 1), round(shapes[1].height.mm, 1)) == (25, 20)
    assert shapes[0]._inline.docPr.get("descr") == "Technical Group logo"
    assert shapes[1]._inline.docPr.get("descr") is None
    embedded = [shape._inline.graphic.graphicData.pic.blipFill.blip.embed for shape in shapes]
    types = [document.part.related_parts[r_id].content_type for r_id in embedded]
    assert types == ["image/png", "image/jpeg"]
    words = [run.text for run in inline.runs]
    assert words[0] == "Logo: " and words[-1] == " here"  # the spaces around the picture


@pytest.mark.parametrize(
    ("src", "problem"),
    [
        ("https://example.com/logo.png", "fetches nothing"),
        ("file:///etc/hostname", "fetches nothing"),
        ("logo.png", "fetches nothing"),
        ("data:image/gif;base64,R0lGODlhAQABAAAAACw=", "fetches nothing"),
        ("data:image/png;base64,not*base64", "not valid base64"),
        (data_url("JPEG").replace("jpeg", "png"), "holds no PNG image"),
        ("data:image/png;base64,iVBORw0KGgoAAAA=", "cannot be read"),
    ],
)
def test_a_picture_word_cannot_hold_is_an_error(project, tmp_path, src, problem):
    with pytest.raises(ExportError, match=rf"<img> \(line \d+ of the rendered HTML\): .*{problem}"):
        export_markup(project, tmp_path, f'<p>\n<img src="{src}"></p>')
    assert not list((tmp_path).glob("*.docx"))


@pytest.mark.parametrize("width", ["0", "-5", "wide", "nan", "500"])
def test_a_picture_width_must_be_millimetres_within_the_text(project, tmp_path, width):
    markup = f'<img data-docx-width-mm="{width}" src="{data_url("PNG")}">'
    with pytest.raises(ExportError, match=r"data-docx-width-mm=.*text width \(170\)"):
        export_markup(project, tmp_path, markup)


def run_languages(block) -> list[tuple[str, str | None]]:
    """Each run's text and w:lang, inside hyperlinks and table cells too."""
    return [
        (
            "".join(t.text for t in r.iter(qn("w:t"))),
            r.xpath("string(./w:rPr/w:lang/@w:val)") or None,
        )
        for r in block._element.iter(qn("w:r"))
    ]


def test_text_in_another_language_is_marked_so(project, tmp_path):
    markup = (
        '<section lang="de">\n<h5>Über uns</h5>\n'
        '<p>Wir <strong>suchen</strong> <a href="https://example.com/de">dich</a></p>\n'
        "<ul><li>Eins</li></ul>\n<table><tbody><tr><td>Zelle</td></tr></tbody></table>\n"
        "<blockquote><p>Zitat</p></blockquote>\n</section>\n"
        '<p>Back in <span lang="fr">français</span> and <em lang="en">English</em>.</p>\n'
        '<p lang="EN-us">Same</p><p lang="">Unknown</p>'
    )
    blocks = added(docx.Document(str(export_markup(project, tmp_path, markup)[".docx"])))
    assert [run_languages(block) for block in blocks] == [
        [("Über uns", "de")],
        [("Wir ", "de"), ("suchen", "de"), (" ", "de"), ("dich", "de")],
        [("Eins", "de")],
        [("Zelle", "de")],
        [("Zitat", "de")],
        [("Back in ", None), ("français", "fr"), (" and ", None), ("English", None), (".", None)],
        [("Same", None)],
        [("Unknown", None)],
    ]


def test_a_language_must_be_a_language_tag(project, tmp_path):
    with pytest.raises(ExportError, match=r"<p> \(line \d+ .*lang='de_DE' is not a language tag"):
        export_markup(project, tmp_path, '<p lang="de_DE">Hallo</p>')


def every_new_element() -> str:
    """Block Markdown's output, a logo and a section in another language, in one page."""
    return (
        f'<header><img src="{data_url("PNG")}" alt="Logo" data-docx-width-mm="30"></header>\n'
        "<h5>Five heading</h5>\n<h6>Six heading</h6>\n"
        "<blockquote>\n<p>Quoted words</p>\n<ol><li>quoted item</li></ol>\n</blockquote>\n"
        f'<p>Inline <img src="{data_url("JPEG")}" alt="mark"> picture</p>\n'
        f'<section lang="de">\n<p>Über uns</p>\n{PIPE_TABLE}</section>\n'
    )


def test_words_of_every_new_element_match_the_html(project, tmp_path):
    files = export_markup(project, tmp_path, every_new_element())
    reading = html_reading(files[".html"])
    document = docx.Document(str(files[".docx"]))
    assert docx_words(document) == "".join(reading.parts).split()
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]
    assert (
        headings
        == reading.headings
        == [
            ("Title", "Software Developer vs Software Engineer"),
            ("Heading 4", "Five heading"),
            ("Heading 5", "Six heading"),
        ]
    )


def test_libreoffice_reads_every_new_element(project, tmp_path):
    soffice = require("soffice")
    path = export_markup(project, tmp_path, every_new_element())[".docx"]
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    converted = tmp_path / "lo" / f"{path.stem}.pdf"
    text = pdf_text(converted)
    for words in (
        "Five heading Six heading Quoted words",
        "quoted item",
        "Inline picture",
        "Über uns",
        "Skill Level Years",
        "Python Expert 10",
    ):
        assert words in text, words
    images = subprocess.run(
        [require("pdfimages"), "-list", str(converted)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 2


def test_same_input_same_bytes(project, tmp_path):
    first = build_project(project, tmp_path / "a", ["docx"], {"software-engineer"})
    second = build_project(project, tmp_path / "b", ["docx"], {"software-engineer"})
    name = "software-engineer.docx"
    assert first[name].read_bytes() == second[name].read_bytes()


def test_libreoffice_reads_every_docx(outputs, tmp_path):
    """LibreOffice is a second, independent reader of our Word files."""
    soffice = require("soffice")
    files = sorted(docx_files(outputs).values())
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    cells = [
        cell
        for row in load_project(REPO).comparisons["developer-vs-engineer"].rows
        for cell in row.cells
    ]
    for path in files:
        converted = tmp_path / f"{path.stem}.pdf"
        pages = int(pdf_info(converted)["Pages"])
        text = pdf_text(converted)
        title = docx.Document(str(path)).core_properties.title
        assert title in text, path.stem
        if path.stem == "technical-job-descriptions":
            assert pages >= 6
            assert "with four key departments:" in text
        else:
            assert 1 <= pages <= 3, (path.stem, pages)
        if path.stem in {
            "developer-vs-engineer",
            "software-engineer",
            "technical-job-descriptions",
        }:
            for cell in cells:
                assert cell in text, (path.stem, cell)
