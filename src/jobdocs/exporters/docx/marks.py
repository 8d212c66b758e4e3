"""What lets a reviewed Word file flow back into the TOML: a hidden bookmark around every
paragraph, list item and table cell naming the content field it shows (or the fixed text
the template adds), and custom document properties naming the document and its sources.

Bookmarks survive tracked edits, further reviewers and saving in Word and LibreOffice;
content controls and paragraph ids do not (see the README's review section).
"""

from contextlib import contextmanager
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...content.fields import bookmark, fixed_bookmark
from .htmltree import Element

CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_URI = "/docProps/custom.xml"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one all custom properties use
_VALUE_LIMIT = 255  # Word keeps at most this many characters of a text property


class Marks:
    """Hands out bookmark names as the writer makes paragraphs, in document order."""

    def __init__(self) -> None:
        self.scopes: list[tuple[str, str]] = []  # ("field" or "fixed", its name), innermost last
        self.next_id = 0
        self.paragraphs: dict[str, int] = {}  # paragraphs of a field's current occurrence
        self.occurrences: dict[str, int] = {}
        self.last: str | None = None  # the field of the last paragraph tagged
        self.tagged: list[tuple[str, str, int, int, object]] = []
        """("field" or "fixed", its name, paragraph number, occurrence, the w:p) in order."""

    @contextmanager
    def scope(self, element: Element):
        """Inside `element`, paragraphs belong to its data-field or data-fixed, if any."""
        if "data-field" in element.attrs:
            self.scopes.append(("field", element.attrs["data-field"]))
        elif "data-fixed" in element.attrs:
            self.scopes.append(("fixed", element.attrs["data-fixed"]))
        else:
            yield
            return
        try:
            yield
        finally:
            self.scopes.pop()

    def name(self, p) -> str | None:
        if not self.scopes:
            return None
        kind, key = self.scopes[-1]
        if kind == "fixed":
            self.last = None
            self.occurrences[key] = self.occurrences.get(key, 0) + 1
            self.tagged.append((kind, key, 1, self.occurrences[key], p))
            return fixed_bookmark(key, self.occurrences[key])
        if key not in self.occurrences or self.last != key:  # printed again further on
            self.occurrences[key] = self.occurrences.get(key, 0) + 1
            self.paragraphs[key] = 0
        self.paragraphs[key] += 1
        self.last = key
        self.tagged.append((kind, key, self.paragraphs[key], self.occurrences[key], p))
        return bookmark(key, self.paragraphs[key], self.occurrences[key])

    def tag(self, paragraph) -> None:
        """A bookmark around the paragraph's content, once its runs are written."""
        name = self.name(paragraph._p)
        if name is None:
            return
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.next_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        p = paragraph._p
        properties = p.find(qn("w:pPr"))
        if properties is None:
            p.insert(0, start)
        else:
            properties.addnext(start)
        p.append(end)


def custom_properties(document, values: dict[str, str]) -> None:
    """`docProps/custom.xml` with text properties (python-docx has no API for them). A
    value longer than Word keeps is split: `name`, `name.2`, `name.3`, …"""
    properties = []
    for name, value in values.items():
        chunks = [value[i : i + _VALUE_LIMIT] for i in range(0, len(value), _VALUE_LIMIT)]
        for number, chunk in enumerate(chunks or [""], 1):
            properties.append((name if number == 1 else f"{name}.{number}", chunk))
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes">'
        + "".join(
            f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name, {chr(34): "&quot;"})}">'
            f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
            for pid, (name, value) in enumerate(properties, 2)
        )
        + "</Properties>"
    )
    package = document.part.package
    for relationship in list(package.rels.values()):
        if relationship.reltype == RELATIONSHIP_TYPE.CUSTOM_PROPERTIES:
            package.rels.pop(relationship.rId)
    part = Part(PackURI(CUSTOM_URI), CUSTOM_TYPE, xml.encode("utf-8"), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
