"""Validation sees the links rendering makes (issue 18, Markdown links). Before, validation
parsed a whole text as one line while rendering parsed it block by block, so a link title
spanning a blank line hid an `smb:`, `ms-msdt:` or `search-ms:` link that then reached HTML,
PDF and Word. Now both read the same blocks, and the renderer links only the same schemes
(http, https, mailto, relative)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jobdocs.content.markdown import MARKDOWN, bad_links
from jobdocs.render.markdown import block, inline

SCHEMES = ["smb", "ms-msdt", "search-ms", "javascript", "file", "data", "vbscript", "ftp"]
HREF = re.compile(r'href="([^"]*)"')

pieces = st.sampled_from(
    [
        '[a](https://ok.example "title',
        "\n\n",
        "\n",
        '")',
        "- ",
        "> ",
        "| x | y |\n|---|---|\n| ",
        " |",
        "# ",
        "**",
        "\\",
        "text ",
    ]
)


@st.composite
def hostile_markdown(draw):
    scheme = draw(st.sampled_from(SCHEMES))
    link = f"[b]({scheme}://evil/share)"
    before = draw(st.lists(pieces, max_size=6))
    after = draw(st.lists(pieces, max_size=6))
    return "".join(before) + link + "".join(after)


def hrefs(html: str) -> list[str]:
    return HREF.findall(html)


def allowed(href: str) -> bool:
    return href.startswith(("http://", "https://", "mailto:")) or ":" not in href.split("/")[0]


@settings(max_examples=300, deadline=None)
@given(hostile_markdown())
def test_what_validation_lets_through_is_what_rendering_links(text):
    rendered = hrefs(str(block(text))) + hrefs(str(inline(text)))
    # The renderer never links another scheme, whatever validation said.
    assert all(allowed(href) for href in rendered), (text, rendered)
    # And what validation finds includes every link the renderer would make with any scheme.
    unchecked = MARKDOWN.validateLink
    try:
        MARKDOWN.validateLink = lambda url: True
        made = hrefs(str(block(text))) + hrefs(str(inline(text)))
    finally:
        MARKDOWN.validateLink = unchecked
    for href in made:
        if not allowed(href):
            assert href in bad_links(text), (text, href)


def test_a_link_title_across_a_blank_line_hides_no_link():
    text = '[a](https://ok.example "title\n\n[b](smb://evil/share) ")'
    assert bad_links(text) == ["smb://evil/share"]
    assert hrefs(str(block(text))) == []
