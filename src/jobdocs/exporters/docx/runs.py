"""A paragraph's inline content as Word runs: bold and italic, links, line breaks,
pictures, and the language of the text where it is not the document's."""

import re

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...content.bidi import right_to_left
from . import bidi
from .htmltree import Element
from .pictures import add_picture
from .spans import Span, collapse_white_space
from .word import language_tag, set_run_language

LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")  # BCP 47, loosely


def spans(writer, nodes: list, lang: str, bold=False, italic=False, href=None) -> list[Span]:
    """The spans of `nodes`, whose text is in the language `lang` (an element's own lang
    attribute applies inside it). `writer` is the document's writer: its language, errors."""
    found: list[Span] = []
    for node in nodes:
        if isinstance(node, str):
            found.append(Span(node, bold, italic, href, lang=_language(writer, lang)))
        elif node.tag in {"strong", "b"}:
            found += spans(writer, node.children, node.lang, True, italic, href)
        elif node.tag in {"em", "i"}:
            found += spans(writer, node.children, node.lang, bold, True, href)
        elif node.tag == "span":
            found += spans(writer, node.children, node.lang, bold, italic, href)
        elif node.tag == "a":
            link = node.attrs.get("href") or None
            found += spans(writer, node.children, node.lang, bold, italic, link)
        elif node.tag == "br":
            found.append(Span("", bold, italic, href, line_break=True))
        elif node.tag == "img":
            found.append(Span("", bold, italic, href, picture=node))
        else:
            writer.fail(node, "no Word equivalent for this element inside a paragraph")
    return found


def add_runs(writer, paragraph, spans: list[Span]) -> None:
    link = None
    for span, text in zip(spans, collapse_white_space(spans), strict=True):
        if not text and not span.line_break and span.picture is None:
            continue
        run = paragraph.add_run(text)
        if span.picture is not None:
            add_picture(writer, run, span.picture)
        run.bold = span.bold or None
        run.italic = span.italic or None
        if right_to_left(text):
            bidi.run(run)
        if span.lang:
            set_run_language(run, span.lang)
        if span.line_break:
            run.add_break()
        if span.href is None:
            link = None
            continue
        run._r.get_or_add_rPr().style = writer.style("Hyperlink").style_id
        if link is None or link[0] != span.href:
            link = (span.href, _hyperlink(paragraph, span.href))
        link[1].append(run._r)


def check_languages(writer, element: Element) -> None:
    """Every lang attribute below `element` is a language tag, or empty."""
    for child in element.children:
        if isinstance(child, Element):
            if child.attrs.get("lang") and not LANGUAGE.fullmatch(child.attrs["lang"]):
                writer.fail(child, f"lang={child.attrs['lang']!r} is not a language tag")
            check_languages(writer, child)


def _language(writer, lang: str) -> str | None:
    """The Word language of text in `lang`, when it is not the document's; an empty
    lang (HTML's "unknown") and the document's own language need no mark."""
    tag = language_tag(lang) if lang else writer.language
    return None if tag.lower() == writer.language.lower() else tag


def _hyperlink(paragraph, href: str):
    relationship = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    paragraph._p.append(hyperlink)
    return hyperlink
