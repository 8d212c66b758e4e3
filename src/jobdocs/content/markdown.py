"""The Markdown that content may use, shared by validation and rendering.

Only what every output format can carry is enabled: paragraphs, lists, sub-headings, pipe
tables, block quotes, emphasis, links and hard line breaks. Raw HTML, images and code stay
literal text. Nesting deeper than markdown-it's `maxNesting` (20) is left as text, so no
input can nest without bound.
"""

import re
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

RULES = ["list", "heading", "table", "blockquote", "emphasis", "link", "newline", "escape"]
LINK_SCHEMES = ("http", "https", "mailto")

MARKDOWN = MarkdownIt("zero", {"html": False}).enable(RULES)

# Finds every link target, including those MARKDOWN would quietly refuse to link.
_SCANNER = MarkdownIt("zero").enable(["link", "escape"])
_SCANNER.validateLink = lambda url: True

# An asterisk between two letters is a gender star (Jurist*in), never emphasis.
_GENDER_STAR = re.compile(r"(?<=\w)\*(?=\w)")


def prepared(text: str) -> str:
    """`text` as the parser should see it: gender stars escaped, so they print as typed."""
    return _GENDER_STAR.sub(r"\\*", text)


def links(text: str) -> list[str]:
    """Every link target in `text`."""
    if "](" not in text:
        return []
    return [
        str(child.attrs.get("href", ""))
        for token in _SCANNER.parseInline(text)
        for child in token.children or []
        if child.type == "link_open"
    ]


def bad_links(text: str) -> list[str]:
    """The link targets in `text` with a scheme other than http, https or mailto."""
    return [href for href in links(text) if not _allowed(href)]


def relative_links(text: str) -> list[str]:
    """The link targets in `text` without a scheme: they need a base address."""
    return [href for href in links(text) if _allowed(href) and not _scheme(href)]


def _scheme(href: str) -> str:
    return urlsplit(href).scheme.lower()


def _allowed(href: str) -> bool:
    try:
        scheme = _scheme(href)
    except ValueError:  # not a URL at all, e.g. "http://[::1"
        return False
    return scheme in LINK_SCHEMES or (not scheme and not href.startswith("\\"))
