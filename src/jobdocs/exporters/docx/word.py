"""Word XML that python-docx has no API for: list numbering, fixed table layout, fields,
the document language, and a .docx whose bytes depend only on its content."""

import io
import zipfile

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

LIST_INDENT = 360  # twips per nesting level
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class Numbering:
    """One numbering instance per list, so every numbered list restarts at 1. Lists of
    right-to-left paragraphs have their own definitions, numbers justified to the right
    (LibreOffice reads `w:lvlJc` as the side of the page, not of the paragraph)."""

    BULLETS = ("•", "◦", "▪")

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        ids = [int(n) for n in self.root.xpath("./w:abstractNum/@w:abstractNumId")]
        self.first = max(ids, default=-1) + 1
        self.abstract: dict[tuple[bool, bool], int] = {}
        for ordered in (False, True):  # right-to-left ones when first needed
            self._define(ordered, rtl=False)

    def _define(self, ordered: bool, rtl: bool) -> None:
        abstract_id = self.abstract[ordered, rtl] = self.first + len(self.abstract)
        levels = []
        for level in range(9):
            if ordered:
                kind = ("decimal", "lowerLetter", "lowerRoman")[level % 3]
                text = f"%{level + 1}."
            else:
                kind, text = "bullet", self.BULLETS[level % 3]
            indent = LIST_INDENT * (level + 1)
            levels.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="{"right" if rtl else "left"}"/>'
                f'<w:pPr><w:ind w:left="{indent}" w:hanging="{LIST_INDENT}"/></w:pPr></w:lvl>'
            )
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>'
        )
        existing = self.root.xpath("./w:num")
        if existing:
            existing[0].addprevious(abstract)  # the schema wants abstractNums before nums
        else:
            self.root.append(abstract)

    def new(self, ordered: bool, rtl: bool = False) -> int:
        if (ordered, rtl) not in self.abstract:
            self._define(ordered, rtl)
        num = self.root.add_num(self.abstract[ordered, rtl])
        if ordered:  # instances of one definition share counters in Word unless restarted
            for level in range(9):
                num.add_lvlOverride(ilvl=level).add_startOverride(1)
        return num.numId

    def apply(self, paragraph, num_id: int, level: int) -> None:
        properties = paragraph._p.get_or_add_pPr()
        numbering = properties.get_or_add_numPr()
        numbering.get_or_add_ilvl().val = level
        numbering.get_or_add_numId().val = num_id


def fixed_layout(table, widths: list[int], header: bool, row_headers: bool) -> None:
    """Fixed column widths, so Word and LibreOffice lay the table out alike."""
    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(widths) // 635))  # EMU to twentieths of a point
    width.set(qn("w:type"), "dxa")
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(width)
    look = properties.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        properties.append(look)
    for name, value in {
        "firstRow": header,
        "firstColumn": row_headers,
        "lastRow": False,
        "lastColumn": False,
        "noHBand": False,
        "noVBand": True,
    }.items():
        look.set(qn(f"w:{name}"), "1" if value else "0")
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width


def row_properties(row, is_header: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if is_header:
        properties.append(OxmlElement("w:tblHeader"))


def field(paragraph, instruction: str) -> None:
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
        "<w:r><w:t>1</w:t></w:r></w:fldSimple>"
    )
    paragraph._p.append(field)


def language_tag(language: str) -> str:
    """The tag Word is given for an HTML language: a bare "en" is US English."""
    return language if "-" in language else {"en": "en-US"}.get(language, language)


def set_language(document, language: str, rtl: bool = False) -> None:
    """Word's spell-checker reads the language from the style defaults, not the properties;
    right-to-left text is checked in the complex-script language (`w:bidi`)."""
    tag = language_tag(language)
    styles = document.styles.element
    if styles.find(qn("w:docDefaults")) is None:
        styles.insert(0, OxmlElement("w:docDefaults"))
    element = styles
    for name in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"):
        child = element.find(qn(name))
        if child is None:
            child = OxmlElement(name)
            element.append(child)
        element = child
    element.set(qn("w:val"), tag)
    if rtl:
        element.set(qn("w:bidi"), tag)


def set_run_language(run, tag: str) -> None:
    """Text in another language than the document's: a w:lang in the run's properties."""
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    run._r.get_or_add_rPr().insert_element_before(
        lang, "w:eastAsianLayout", "w:specVanish", "w:oMath"
    )


def clear_body(document) -> None:
    """Keep only the reference document's styles and page settings, not its text."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def stable_zip(document) -> bytes:
    """The .docx with fixed entry times and order: the same input gives the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    stable = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(stable, "w") as target:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return stable.getvalue()
