"""Content's Markdown as HTML: sub-headings placed below the section they are in, relative
links made absolute against the posting's base address, gender stars printed as typed."""

from urllib.parse import urljoin

from markupsafe import Markup

from ..content.fields import FieldRef
from ..content.markdown import MARKDOWN, prepared


def block(
    text: str, level: int = 3, base: str | None = None, field: FieldRef | None = None
) -> Markup:
    """Block Markdown; `# Heading` becomes an `h{level}`, `##` the level below, down to h6.
    Each top-level block gets `data-field="{field}"`: the Word writer numbers the
    paragraphs of a field in order, so a review finds each one's Markdown again."""
    tokens = MARKDOWN.parse(prepared(text))
    for token in tokens:
        if field and token.level == 0 and token.nesting == 1:
            token.attrSet("data-field", str(field))
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + level - 1, 6)}"
        elif token.type == "inline":
            _absolute(token.children or [], base)
    return Markup(MARKDOWN.renderer.render(tokens, MARKDOWN.options, {}))


def inline(text: str, base: str | None = None) -> Markup:
    tokens = MARKDOWN.parseInline(prepared(text))
    for token in tokens:
        _absolute(token.children or [], base)
    return Markup(MARKDOWN.renderer.render(tokens, MARKDOWN.options, {}))


def _absolute(children, base: str | None) -> None:
    if not base:
        return
    for child in children:
        if child.type == "link_open":
            child.attrs["href"] = urljoin(base, str(child.attrs.get("href", "")))
