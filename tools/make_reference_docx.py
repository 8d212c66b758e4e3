"""Write templates/reference.docx, the Word styles of the default theme.

    python tools/make_reference_docx.py

It starts from python-docx's own template and sets fonts, sizes and colours to match
templates/style.css. A project may replace the result with any .docx edited in Word, as
long as it keeps the style names listed in STYLES.
"""

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from jobdocs.exporters.docx.word import stable_zip

TARGET = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"
FONT = "DejaVu Sans"  # Latin, Greek, Cyrillic, Hebrew, Arabic ("cs": complex scripts)
EAST_ASIAN_FONT = "Noto Sans CJK SC"  # Chinese, Japanese, Korean
INK, NAVY, BLUE, GREY, RULE, BAND = "1F2937", "1E3A5F", "2563EB", "6B7280", "CBD5E1", "F1F5F9"
MUTED = "4B5563"

# name: (size pt, bold, colour, space before pt, space after pt). Body styles take their
# colour from the document defaults, so that table styles can colour header rows.
STYLES = {
    "Normal": (10, False, None, 0, 0),
    "Body Text": (10, False, None, 4, 4),
    "Compact": (10, False, None, 0, 2),
    "Title": (22, True, NAVY, 0, 12),
    "Subtitle": (9, False, BLUE, 0, 2),
    "Heading 1": (14, True, NAVY, 16, 4),
    "Heading 2": (11.5, True, NAVY, 12, 3),
    "Heading 3": (10, True, "374151", 8, 2),
    "Heading 4": (10, True, "374151", 6, 2),
    "Heading 5": (9.5, True, GREY, 6, 2),
    "Quote": (10, False, MUTED, 4, 4),
    "Footer": (8, False, GREY, 0, 0),
}

TABLE_STYLES = {
    "Table": f"""
      <w:tblPr>
        <w:tblBorders>
          <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
          <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
        </w:tblBorders>
        <w:tblCellMar>
          <w:top w:w="80" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
          <w:bottom w:w="80" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>
        </w:tblCellMar>
      </w:tblPr>
      <w:tblStylePr w:type="band2Horz">
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{BAND}"/></w:tcPr>
      </w:tblStylePr>
      <w:tblStylePr w:type="firstCol">
        <w:rPr><w:b/><w:color w:val="{NAVY}"/></w:rPr>
      </w:tblStylePr>
      <w:tblStylePr w:type="firstRow">
        <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{NAVY}"/></w:tcPr>
      </w:tblStylePr>""",
    "Facts": """
      <w:tblPr>
        <w:tblCellMar>
          <w:top w:w="10" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>
          <w:bottom w:w="10" w:type="dxa"/><w:right w:w="140" w:type="dxa"/>
        </w:tblCellMar>
      </w:tblPr>
      <w:tblStylePr w:type="firstCol">
        <w:rPr><w:b/><w:color w:val="374151"/></w:rPr>
      </w:tblStylePr>""",
}

# The children of w:pPr that the schema puts after w:pBdr.
AFTER_BORDERS = [
    f"w:{name}"
    for name in (
        "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
        "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing "
        "mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap "
        "outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split()
]


def set_fonts(properties) -> None:
    """Explicit fonts in place of theme fonts, which Word would otherwise prefer."""
    for old in properties.findall(qn("w:rFonts")):
        properties.remove(old)
    fonts = OxmlElement("w:rFonts")
    for slot in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    properties.insert(0, fonts)


def border(style, side: str, size: int, space: int) -> None:
    """A rule beside the paragraph (`size` in eighths of a point, `space` in points), placed
    where the schema wants it: Word refuses a file whose elements are out of order."""
    borders = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="{size}" w:space="{space}" '
        f'w:color="{RULE}"/></w:pBdr>'
    )
    style.element.get_or_add_pPr().insert_element_before(borders, *AFTER_BORDERS)


def main() -> None:
    document = docx.Document()
    styles = document.styles

    defaults = styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(run_defaults)
    run_defaults.insert(1, parse_xml(f'<w:color {nsdecls("w")} w:val="{INK}"/>'))
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "264")  # 1.1 lines

    compact = styles.add_style("Compact", WD_STYLE_TYPE.PARAGRAPH)
    compact.base_style = styles["Body Text"]
    compact.quick_style = True
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor.from_string(BLUE)
    link.font.underline = True
    link.element.append(OxmlElement("w:unhideWhenUsed"))

    for name, (size, bold, colour, before, after) in STYLES.items():
        style = styles[name]
        properties = style.element.get_or_add_rPr()
        set_fonts(properties)
        for tag in ("w:color", "w:i", "w:iCs", "w:spacing", "w:caps"):
            for old in properties.findall(qn(tag)):
                properties.remove(old)
        style.font.size = Pt(size)
        style.font.bold = bold
        if colour:
            style.font.color.rgb = RGBColor.from_string(colour)
        paragraph = style.paragraph_format
        paragraph.space_before = Pt(before)
        paragraph.space_after = Pt(after)
        ppr = style.element.get_or_add_pPr()
        for tag in ("w:pBdr", "w:numPr", "w:tabs", "w:contextualSpacing"):
            for old in ppr.findall(qn(tag)):
                ppr.remove(old)
        if name.startswith("Heading") or name == "Title":
            paragraph.keep_with_next = True
    styles["Subtitle"].font.all_caps = True
    border(styles["Heading 1"], "bottom", size=4, space=2)
    # style.css: blockquote { padding-left: 4mm; border-left: 1.5pt solid; font-style: italic }
    quote = styles["Quote"]
    quote.font.italic = quote.font.cs_italic = True
    quote.paragraph_format.left_indent = Pt(13)
    border(quote, "left", size=12, space=11)

    for name, body in TABLE_STYLES.items():
        styles.element.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{name}">'
                f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/>'
                f'<w:uiPriority w:val="59"/><w:qFormat/>{body}</w:style>'
            )
        )

    properties = document.core_properties
    properties.title = properties.subject = properties.keywords = properties.comments = ""
    properties.author = properties.last_modified_by = "jobdocs"

    TARGET.write_bytes(stable_zip(document))
    print(
        f"wrote {TARGET.relative_to(Path.cwd()) if TARGET.is_relative_to(Path.cwd()) else TARGET}"
    )


if __name__ == "__main__":
    sys.exit(main())
