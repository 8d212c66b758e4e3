"""The Markdown that content may use, shared by validation and rendering.

Only what every output format can carry is enabled: paragraphs, lists, emphasis, links and
hard line breaks. Raw HTML, images, headings and code stay literal text. Nesting deeper
than markdown-it's `maxNesting` (20) is left as text, so no input can nest without bound.
"""

from urllib.parse import urlsplit

from markdown_it import MarkdownIt

RULES = ["list", "emphasis", "link", "newline", "escape"]
LINK_SCHEMES = ("http", "https", "mailto")

MARKDOWN = MarkdownIt("zero", {"html": False}).enable(RULES)

# Finds every link target, including those MARKDOWN would quietly refuse to link.
_SCANNER = MarkdownIt("zero").enable(["link", "escape"])
_SCANNER.validateLink = lambda url: True


def bad_links(text: str) -> list[str]:
    """The link targets in `text` whose scheme is not http, https or mailto."""
    if "](" not in text:
        return []
    hrefs = [
        str(child.attrs.get("href", ""))
        for token in _SCANNER.parseInline(text)
        for child in token.children or []
        if child.type == "link_open"
    ]
    return [href for href in hrefs if not _allowed(href)]


def _allowed(href: str) -> bool:
    try:
        return urlsplit(href).scheme.lower() in LINK_SCHEMES
    except ValueError:  # not a URL at all, e.g. "http://[::1"
        return False
