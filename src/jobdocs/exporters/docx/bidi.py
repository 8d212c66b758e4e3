"""Right-to-left text in Word. A paragraph whose HTML direction is rtl gets `w:bidi` (Word
then lays it out from the right, its indents and tab stops measured from there), a table
`w:bidiVisual` (its first column on the right), the section `w:bidi`, and each run that
holds right-to-left letters `w:rtl`, with its bold and italic set for complex scripts too
(Word draws Arabic and Hebrew with the complex-script properties)."""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# What may follow w:bidi in w:pPr and in w:sectPr: the schema's order, as python-docx's
# CT_PPr and CT_SectPr list it (python-docx has no setter for either w:bidi).
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_SECTION_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def paragraph(paragraph) -> None:
    _flag(paragraph._p.get_or_add_pPr(), "w:bidi", _AFTER_BIDI)


def section(section) -> None:
    _flag(section._sectPr, "w:bidi", _SECTION_AFTER_BIDI)


def table(table) -> None:
    table._tbl.tblPr.get_or_add_bidiVisual()


def run(run) -> None:
    font = run.font
    font.rtl = True
    font.cs_bold = font.bold
    font.cs_italic = font.italic


def _flag(parent, tag: str, successors) -> None:
    if parent.find(qn(tag)) is None:
        parent.insert_element_before(OxmlElement(tag), *successors)
