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

# Finds every link target, including those MARKDOWN would refuse to link: the same rules,
# so that validation sees the links rendering makes (a link title across a blank line is
# two paragraphs to both), and every link, whatever its scheme.
_SCANNER = MarkdownIt("zero", {"html": False}).enable(RULES)
_SCANNER.validateLink = lambda url: True

# An asterisk between two letters is a gender star (Jurist*in), never emphasis.
_GENDER_STAR = re.compile(r"(?<=\w)\*(?=\w)")


def prepared(text: str) -> str:
    """`text` as the parser should see it: gender stars escaped, so they print as typed."""
    return _GENDER_STAR.sub(r"\\*", text)


def links(text: str) -> list[str]:
    """Every link target in `text`, read as a block (as summaries are rendered) and as one
    line (as titles and list items are)."""
    if "](" not in text:
        return []
    text = prepared(text)
    found = [
        str(child.attrs.get("href", ""))
        for token in [*_SCANNER.parse(text), *_SCANNER.parseInline(text)]
        for child in token.children or []
        if child.type == "link_open"
    ]
    return list(dict.fromkeys(found))


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


# Rendering links only what validation allows, should a link ever get past it.
MARKDOWN.validateLink = _allowed
