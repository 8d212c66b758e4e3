"""Inline text as Word runs need it: stretches of text with their formatting, and HTML's
white-space rules applied across them."""

import re
from dataclasses import dataclass

from .htmltree import Element


@dataclass(frozen=True)
class Span:
    """A stretch of inline text with its formatting: the unit a paragraph is built from."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    line_break: bool = False
    picture: Element | None = None  # an <img>: the span is a picture, its text empty
    lang: str | None = None  # a language tag, where it is not the document's


def collapse_white_space(spans: list[Span]) -> list[str]:
    """HTML white-space rules across span boundaries: runs of white space become one
    space, none at the start or end of a line."""
    texts = []
    at_line_start = True
    for span in spans:
        if span.picture is not None:  # like a word: spaces either side of it stay
            texts.append("")
            at_line_start = False
            continue
        text = re.sub(r"\s+", " ", span.text)
        if at_line_start or (texts and texts[-1].endswith(" ")):
            text = text.lstrip(" ")
        if span.line_break:
            texts = _strip_trailing(texts, spans)
            at_line_start = True
        elif text:
            at_line_start = False
        texts.append(text)
    return _strip_trailing(texts, spans)


def _strip_trailing(texts: list[str], spans: list[Span]) -> list[str]:
    for index in range(len(texts) - 1, -1, -1):
        if spans[index].picture is not None:
            break
        texts[index] = texts[index].rstrip(" ")
        if texts[index]:
            break
    return texts
