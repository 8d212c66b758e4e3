"""HTML tables as Word tables: fixed column widths, a repeating header row, one
paragraph per cell, aligned as the cell's `style="text-align: …"` says (Markdown's pipe
tables write their column alignment so)."""

from dataclasses import replace

from docx.enum.text import WD_ALIGN_PARAGRAPH

from . import bidi
from .htmltree import Element
from .runs import add_runs, spans
from .word import fixed_layout, row_properties


def write_table(writer, element: Element, container) -> None:
    """`writer` is the document's writer: its styles, inline runs and errors."""
    rows: list[tuple[bool, list[Element]]] = []
    for part in elements(element, writer):
        if part.tag in {"thead", "tbody", "tfoot"}:
            rows += [(part.tag == "thead", elements(r, writer)) for r in elements(part, writer)]
        elif part.tag == "tr":
            rows.append((False, elements(part, writer)))
        else:
            writer.fail(part, "not allowed in a table")
    columns = max((len(cells) for _, cells in rows), default=0)
    if not columns:
        writer.fail(element, "a table needs at least one cell")
    table = container.add_table(rows=len(rows), cols=columns)
    table.style = writer.style(element.attrs.get("data-docx-style", "Table"))
    widths = column_widths(writer, element, columns)
    row_headers = bool(rows[-1][1]) and rows[-1][1][0].tag == "th"
    fixed_layout(table, widths, header=rows[0][0], row_headers=row_headers)
    if element.rtl:
        bidi.table(table)
    for row, (is_header, cells) in zip(table.rows, rows, strict=True):
        row_properties(row, is_header)
        for column, source in enumerate(cells):
            if source.tag not in {"th", "td"} or "colspan" in source.attrs:
                writer.fail(source, "a table row may only hold plain <th> and <td> cells")
            cell = row.cells[column]
            cell.width = widths[column]
            paragraph = cell.paragraphs[0]
            paragraph._p.get_or_add_pPr().style = writer.style("Compact").style_id
            paragraph.alignment = alignment(writer, source)
            if source.rtl:
                bidi.paragraph(paragraph)
            runs = spans(writer, source.children, source.lang)
            if source.tag == "th":
                runs = [replace(run, bold=True) for run in runs]
            add_runs(writer, paragraph, runs)
            with writer.marks.scope(source):
                writer.marks.tag(paragraph)


ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def alignment(writer, cell: Element) -> WD_ALIGN_PARAGRAPH | None:
    """The cell's `text-align`, if its style attribute has one; its other declarations are
    looks that Word takes from the table style, so they are left out, like `class`."""
    for declaration in cell.attrs.get("style", "").split(";"):
        name, _, value = declaration.partition(":")
        if name.strip().lower() == "text-align":
            value = value.strip().lower()
            if value not in ALIGNMENTS:
                writer.fail(
                    cell, f"text-align {value!r}: Word export knows {', '.join(ALIGNMENTS)}"
                )
            return ALIGNMENTS[value]
    return None


def column_widths(writer, element: Element, columns: int) -> list[int]:
    """Widths in EMU: `data-docx-widths` gives percentages; otherwise equal columns."""
    section = writer.document.sections[0]
    available = section.page_width - section.left_margin - section.right_margin
    given = element.attrs.get("data-docx-widths", "").split()
    if given and len(given) != columns:
        writer.fail(
            element, f"data-docx-widths names {len(given)} columns, the table has {columns}"
        )
    shares = [float(g) for g in given] or [1.0] * columns
    return [int(available * share / sum(shares)) for share in shares]


def elements(element: Element, writer) -> list[Element]:
    """The child elements; text other than white space is an error."""
    children = []
    for child in element.children:
        if isinstance(child, Element):
            children.append(child)
        elif child.strip():
            writer.fail(element, f"text outside a cell: {child.strip()[:40]!r}")
    return children
