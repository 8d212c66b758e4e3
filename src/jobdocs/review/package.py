"""A reviewed .docx opened as the untrusted input it is: no entity expansion, no network,
no zip bombs, no external targets followed. Every problem is a `ReviewError` that says
what the file is instead."""

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import JobdocsError

MAX_ENTRY = 64 * 1024 * 1024  # bytes one part may inflate to
MAX_RATIO = 200  # inflated / compressed size: a document's XML compresses 5 to 20 times
MAX_TOTAL = 256 * 1024 * 1024
OLE = b"\xd0\xcf\x11\xe0"  # an OLE compound file: an encrypted .docx, or an old .doc
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
DOCUMENT_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)


class ReviewError(JobdocsError):
    """A file that cannot be reviewed, or a review that cannot be applied."""


@dataclass
class Package:
    path: Path
    archive: zipfile.ZipFile
    properties: dict[str, str] = field(default_factory=dict)
    document: str = "word/document.xml"

    def xml(self, name: str):
        """The part's XML root, or None where the package has no such part."""
        data = self.read(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as error:
            raise ReviewError(f"{self.path}: {name} is not well-formed XML ({error})") from None

    def read(self, name: str) -> bytes | None:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if info.file_size > MAX_ENTRY or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            raise ReviewError(
                f"{self.path}: {name} would inflate to {info.file_size:,} bytes from "
                f"{info.compress_size:,}; refusing it (a zip bomb?)"
            )
        try:
            return self.archive.read(info)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
            raise ReviewError(f"{self.path}: the file is damaged ({error})") from None

    def related(self, part: str, kind: str) -> list[str]:
        """Parts related to `part` by relationships of type `kind` (ending), in the package;
        targets outside it (TargetMode="External") are never followed."""
        folder, _, name = part.rpartition("/")
        rels = self.xml(f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels")
        found = []
        for rel in [] if rels is None else rels.iter(f"{RELS}Relationship"):
            if rel.get("TargetMode") == "External" or not rel.get("Type", "").endswith(kind):
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else _join(folder, target)
            found.append(path)
        return found

    def links(self, part: str) -> dict[str, str]:
        """Hyperlink targets by relationship id: read as text, never fetched."""
        folder, _, name = part.rpartition("/")
        rels = self.xml(f"{folder}/_rels/{name}.rels")
        return {
            rel.get("Id"): rel.get("Target", "")
            for rel in ([] if rels is None else rels.iter(f"{RELS}Relationship"))
            if rel.get("Type", "").endswith("/hyperlink")
        }


def _join(folder: str, target: str) -> str:
    parts = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def open_docx(path: Path) -> Package:
    """The package of a Word file jobdocs wrote, with its custom properties."""
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except OSError as error:
        raise ReviewError(f"{path}: cannot read it ({error.strerror})") from None
    if head.startswith(OLE):
        raise ReviewError(
            f"{path}: a password-protected (encrypted) Word file, or an old .doc; "
            "save it without a password as a .docx and review that"
        )
    if not head.startswith(b"PK"):
        raise ReviewError(f"{path}: not a Word (.docx) file")
    try:
        archive = zipfile.ZipFile(path)
        total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ReviewError(f"{path}: the file is damaged: not a readable zip ({error})") from None
    package = Package(path, archive)
    if total > MAX_TOTAL:
        raise ReviewError(f"{path}: its parts would inflate to {total:,} bytes; refusing it")
    documents = package.related("", DOCUMENT_TYPE.rpartition("/")[2])
    if not documents or package.read(documents[0]) is None:
        raise ReviewError(f"{path}: not a Word (.docx) file: it has no document part")
    package.document = documents[0]
    for custom in package.related("", "/custom-properties"):
        root = package.xml(custom)
        for prop in [] if root is None else root.iter(f"{CUSTOM}property"):
            package.properties[prop.get("name", "")] = "".join(prop.itertext())
    if "jobdocs.id" not in package.properties:
        raise ReviewError(
            f"{path}: not a document jobdocs built (it has no jobdocs properties); "
            "only Word files from `jobdocs build` can be read back"
        )
    return package


def joined(properties: dict[str, str], name: str) -> str:
    """A property that was split into `name`, `name.2`, … because of its length."""
    value, number = properties.get(name, ""), 2
    while f"{name}.{number}" in properties:
        value += properties[f"{name}.{number}"]
        number += 1
    return value
