"""Word export: the rendered HTML mapped onto the styles of `templates/reference.docx`.

The vocabulary is small and closed (the README lists it): h1 to h6, p, ul/ol/li,
blockquote, table parts, img with a data: URL, strong/em/a/br, transparent containers, and
the lang and data-docx-* attributes. Any other element is an error naming it, so content
is never dropped without a word.
"""

import re
from pathlib import Path

import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Emu, Mm, Twips

from ...content.bidi import right_to_left
from ...errors import ExportError
from ...render import Rendered
from . import bidi
from .htmltree import Element, parse
from .marks import Marks, custom_properties
from .redline import Redline
from .runs import add_runs, check_languages, spans
from .tables import write_table
from .word import LIST_INDENT, Numbering, clear_body, field, language_tag, set_language, stable_zip

REFERENCE = "reference.docx"
BLOCK_STYLES = {"p": "Body Text", "h1": "Title", "h2": "Heading 1", "h3": "Heading 2"}
BLOCK_STYLES |= {"h4": "Heading 3", "h5": "Heading 4", "h6": "Heading 5"}
CONTAINERS = {"html", "body", "section", "div", "header", "footer", "main", "article"}
ITEM_BLOCKS = {*BLOCK_STYLES} - {"p"} | {"blockquote", "table", "img"}
"""Blocks Markdown lets a list item hold besides paragraphs and lists."""
PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}


def export(rendered: Rendered) -> bytes:
    reference = next(
        (f / REFERENCE for f in rendered.templates if (f / REFERENCE).is_file()),
        rendered.templates[0] / REFERENCE,
    )
    try:
        document = docx.Document(str(reference))
    except Exception as error:  # python-docx raises many kinds for a missing or broken file
        raise ExportError(f"{reference}: not a usable Word reference document ({error})") from None
    clear_body(document)
    writer = _Writer(rendered, document, reference)
    body = parse(rendered.html).find("body")
    if body is None:
        raise ExportError(f"{rendered.document_id}: the rendered HTML has no <body>")
    check_languages(writer, body)
    writer.rtl = body.rtl
    writer.page_setup()  # first: table and picture widths depend on the page
    writer.blocks(body, document)
    writer.properties()
    if rendered.previous is not None:
        old = _Writer(rendered.previous, docx.Document(str(reference)), reference)
        old.blocks(parse(rendered.previous.html).find("body"), old.document)
        Redline(*rendered.revision).apply(writer.marks.tagged, old.marks.tagged)
    return stable_zip(document)


class _Writer:
    def __init__(self, rendered: Rendered, document, reference: Path):
        self.rendered = rendered
        self.document = document
        self.reference = reference
        self.numbering = Numbering(document)
        self.styles: dict[str, object] = {}
        self.language = language_tag(rendered.meta.language)
        self.rtl = False  # the document's direction, from its <body>
        self.quotes: list[str] = []  # the paragraph style of each open <blockquote>
        self.marks = Marks()

    # -- block level ---------------------------------------------------------------------

    def blocks(self, element: Element, container) -> None:
        for child in element.children:
            if isinstance(child, str):
                if child.strip():
                    self.fail(element, f"text outside a paragraph: {child.strip()[:40]!r}")
            elif child.tag in {"head", "script", "style"} and element.tag == "html":
                continue
            else:
                with self.marks.scope(child):
                    self.block(child, container)

    def block(self, child: Element, container) -> None:
        if child.tag in CONTAINERS:
            self.blocks(child, container)
        elif child.tag in BLOCK_STYLES:
            quoted = child.tag == "p" and self.quotes
            default = self.quotes[-1] if quoted else BLOCK_STYLES[child.tag]
            style = child.attrs.get("data-docx-style", default)
            paragraph = self.paragraph(container, style, child.children, child)
            if quoted and len(self.quotes) > 1:
                paragraph.paragraph_format.left_indent = self.quote_indent()
        elif child.tag == "blockquote":
            self.quotes.append(child.attrs.get("data-docx-style", "Quote"))
            self.blocks(child, container)
            self.quotes.pop()
        elif child.tag in {"ul", "ol"}:
            self.add_list(child, container, 0)
        elif child.tag == "img":  # a picture on its own: a paragraph of its own
            default = self.quotes[-1] if self.quotes else "Body Text"
            style = child.attrs.get("data-docx-style", default)
            self.paragraph(container, style, [child], child)
        elif child.tag == "table":
            write_table(self, child, container)
        else:
            self.fail(child, "no Word equivalent for this element")

    def paragraph(self, container, style: str, nodes: list, source: Element):
        """A paragraph of `nodes`, inline content of `source` (its language, its direction)."""
        paragraph = container.add_paragraph()
        paragraph._p.get_or_add_pPr().style = self.style(style).style_id
        if source.rtl:
            bidi.paragraph(paragraph)
        add_runs(self, paragraph, spans(self, nodes, source.lang))
        self.marks.tag(paragraph)
        return paragraph

    def add_list(self, element: Element, container, level: int) -> None:
        num_id = self.numbering.new(ordered=element.tag == "ol", rtl=element.rtl)
        for item in element.children:
            if isinstance(item, str) and not item.strip():
                continue
            if isinstance(item, str) or item.tag != "li":
                self.fail(element, "a list may only hold <li> items")
            with self.marks.scope(item):
                self.list_item(item, container, num_id, level)

    def list_item(self, item: Element, container, num_id: int, level: int) -> None:
        """The item's text becomes a numbered paragraph; paragraphs after it are indented to
        match, and nested lists go one level deeper."""
        first = True
        pending: list = []

        def flush(nodes: list, source: Element) -> None:
            nonlocal first
            if not "".join(n if isinstance(n, str) else "x" for n in nodes).strip():
                return
            paragraph = self.paragraph(
                container, self.quotes[-1] if self.quotes else "Compact", nodes, source
            )
            if first:
                self.numbering.apply(paragraph, num_id, level)
            if not first or self.quotes:  # in a quote, the numbering's indent moves inside it
                indent = paragraph.paragraph_format
                indent.left_indent = Emu(self.quote_indent() + Twips(LIST_INDENT * (level + 1)))
                indent.first_line_indent = -Twips(LIST_INDENT) if first else None
            first = False

        for child in item.children:
            if isinstance(child, Element) and child.tag in {"ul", "ol"}:
                flush(pending, item)
                pending = []
                self.add_list(child, container, level + 1)
            elif isinstance(child, Element) and child.tag == "p":
                flush(pending, item)
                pending = []
                with self.marks.scope(child):
                    flush(child.children, child)
            elif isinstance(child, Element) and child.tag in ITEM_BLOCKS:
                # Markdown lets an item hold a heading, a quote or a table: Word's list
                # paragraphs cannot, so it follows the item's text as a block of its own.
                flush(pending, item)
                pending, first = [], False
                with self.marks.scope(child):
                    self.block(child, container)
            else:
                pending.append(child)
        flush(pending, item)

    def quote_indent(self) -> Emu:
        """How far the open block quotes indent their paragraphs, nested ones added up."""
        return Emu(sum(self.style(s).paragraph_format.left_indent or 0 for s in self.quotes))

    # -- the document as a whole ---------------------------------------------------------

    def page_setup(self) -> None:
        settings = self.rendered.settings
        width, height = PAGE_SIZES[settings.page_size]
        margin = Mm(settings.margin_mm)
        for section in self.document.sections:
            section.page_width, section.page_height = width, height
            section.left_margin = section.right_margin = section.top_margin = margin
            section.bottom_margin = Mm(settings.margin_mm + 4)
            footer = section.footer.paragraphs[0]
            footer.style = self.style("Footer")
            if self.rtl:  # the title at the right, the page number at the left
                bidi.section(section)
                bidi.paragraph(footer)
            footer.paragraph_format.tab_stops.clear_all()
            text_width = width - 2 * margin
            footer.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
            runs = [footer.add_run(f"{self.rendered.meta.title}\t")]
            fields = {"{page}": "PAGE", "{pages}": "NUMPAGES"}
            for piece in re.split(r"(\{pages?\})", self.rendered.page_label):
                if piece in fields:
                    field(footer, fields[piece])
                elif piece:
                    runs.append(footer.add_run(piece))
            for run in runs:
                if right_to_left(run.text):
                    bidi.run(run)

    def properties(self) -> None:
        meta = self.rendered.meta
        properties = self.document.core_properties
        values = {
            "title": meta.title,
            "subject": meta.subject,
            "author": meta.author,
            "last_modified_by": meta.author,
            "keywords": ", ".join(meta.keywords),
            "language": meta.language,
            "comments": "jobdocs",
        }
        for name, value in values.items():
            # Word's core properties hold at most 255 characters each.
            setattr(properties, name, value if len(value) <= 255 else value[:254] + "…")
        set_language(self.document, meta.language, self.rtl)
        custom_properties(
            self.document,
            {
                "jobdocs.id": self.rendered.document_id,
                "jobdocs.kind": meta.kind,
                "jobdocs.organization": meta.author,
                "jobdocs.digest": meta.digest,
                "jobdocs.sources": " ".join(meta.sources),
            },
        )

    def style(self, name: str):
        """The named style of the reference document; looked up once, as lookups are slow."""
        if name in self.styles:
            return self.styles[name]
        try:
            self.styles[name] = self.document.styles[name]
            return self.styles[name]
        except KeyError:
            raise ExportError(
                f"{self.reference}: the Word style {name!r} is missing; "
                "add it to the reference document (jobdocs's own reference.docx has it)"
            ) from None

    def fail(self, element: Element, message: str):
        where = f"line {element.line} of the rendered HTML" if element.line else "rendered HTML"
        raise ExportError(f"{self.rendered.document_id}: <{element.tag}> ({where}): {message}")
