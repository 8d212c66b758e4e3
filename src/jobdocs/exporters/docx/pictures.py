"""Pictures: an <img> whose src is a PNG or JPEG `data:` URL becomes an inline picture.
Word export never fetches anything, so any other src is an error."""

import base64
import binascii
import re
from io import BytesIO

from docx.shared import Emu, Mm

from .htmltree import Element

DEFAULT_WIDTH_MM = 40.0  # a logo's width, when the template gives none
_DATA_URL = re.compile(r"data:image/(png|jpeg);base64,(.*)", re.IGNORECASE | re.DOTALL)
_SIGNATURES = {"png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}


def add_picture(writer, run, element: Element) -> None:
    """The picture into `run`, `data-docx-width-mm` wide (or 40 mm), the height to scale;
    its alt text becomes the picture's description, which screen readers read."""
    kind, data = _image(writer, element)
    width = _width(writer, element)
    try:
        shape = run.add_picture(BytesIO(data), width=Mm(width))
    except Exception as error:  # python-docx raises many kinds (KeyError, Exception …) for damage
        writer.fail(element, f"the {kind.upper()} image in src cannot be read ({error})")
    alt = " ".join(element.attrs.get("alt", "").split())
    if alt:
        shape._inline.docPr.set("descr", alt)


def _image(writer, element: Element) -> tuple[str, bytes]:
    src = element.attrs.get("src", "").strip()
    found = _DATA_URL.fullmatch(src)
    if not found:
        shown = src if len(src) <= 60 else src[:57] + "..."
        writer.fail(
            element,
            f"src {shown!r}: Word export takes a picture only from a data:image/png;base64 "
            "or data:image/jpeg;base64 URL, and fetches nothing",
        )
    kind = found.group(1).lower()
    try:
        data = base64.b64decode(re.sub(r"\s+", "", found.group(2)), validate=True)
    except binascii.Error:
        writer.fail(element, "src is not valid base64")
    if not data.startswith(_SIGNATURES[kind]):
        writer.fail(element, f"src says image/{kind}, but holds no {kind.upper()} image")
    return kind, data


def _width(writer, element: Element) -> float:
    given = element.attrs.get("data-docx-width-mm")
    if given is None:
        return DEFAULT_WIDTH_MM
    section = writer.document.sections[0]
    text_width = Emu(section.page_width - section.left_margin - section.right_margin).mm
    try:
        width = float(given)
    except ValueError:
        width = -1.0
    if not 0 < width <= text_width:  # also false for nan
        writer.fail(
            element,
            f"data-docx-width-mm={given!r}: give millimetres, more than 0 and at most the "
            f"text width ({text_width:.0f})",
        )
    return width
