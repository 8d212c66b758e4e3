"""Rendered HTML read back into a small element tree, for writers that build other formats.

The templates produce well-formed HTML, so a plain stack-based reader is enough; it keeps
every element and text node in document order.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "link", "img", "hr", "input", "col", "area", "base", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Element | str"] = field(default_factory=list)
    line: int = 0
    lang: str = ""  # the element's language: its lang attribute, or its parent's
    rtl: bool = False  # right to left: its dir attribute says so, or its parent's

    def find(self, tag: str) -> "Element | None":
        """The first descendant named `tag`, depth first."""
        for child in self.children:
            if isinstance(child, Element):
                if child.tag == tag:
                    return child
                found = child.find(tag)
                if found is not None:
                    return found
        return None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = self._element(tag, attrs)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def _element(self, tag, attrs) -> Element:
        values = {k: v or "" for k, v in attrs}
        parent = self.stack[-1]
        lang = values.get("lang", parent.lang).strip()
        rtl = values["dir"].strip().lower() == "rtl" if "dir" in values else parent.rtl
        element = Element(tag, values, line=self.getpos()[0], lang=lang, rtl=rtl)
        parent.children.append(element)
        return element

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # Close up to the matching element; HTML lets some end tags be implied.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.root
