"""What each output was built from, so that an unchanged output is not built again.

The output folder keeps `.jobdocs-manifest.json`: for every file, a digest of everything it
was made from (its document's data, the templates, the settings, the versions of jobdocs
and of the library that writes the format) and a digest of the file as written. An output
is current when both still match.
"""

import hashlib
import json
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ..content.model import Settings
from ..documents import Document, plain
from ..formats import FORMATS
from ..writing import write_file

MANIFEST = ".jobdocs-manifest.json"


def templates_digest(folders: tuple[Path, ...]) -> str:
    """Digest of the templates as a build sees them: earlier folders override later ones."""
    files: dict[str, Path] = {}
    for folder in reversed(folders):
        files.update(
            {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}
        )
    digest = hashlib.sha256()
    for name, path in sorted(files.items()):
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def document_digest(document: Document, settings: Settings, templates: str) -> str:
    """Digest of everything a document's files are made from, whatever their format."""
    payload = {
        "jobdocs": _writer_version("jobdocs"),
        "settings": settings.model_dump(mode="json"),
        "templates": templates,
        "document": [document.template, plain(vars(document.meta))],
        "context": plain(document.context),
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def input_digest(document: str, format: str) -> str:
    """Digest of everything one output file is made from: its document and its writer."""
    return hashlib.sha256(f"{document}\0{format}\0{_writer(format)}".encode()).hexdigest()


def _writer(format: str) -> str:
    return _writer_version(FORMATS[format].writer)


@cache
def _writer_version(distribution: str) -> str:
    """A distribution's version, read once: reading package metadata is slow."""
    return version(distribution)


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Manifest:
    def __init__(self, folder: Path):
        self.path = folder / MANIFEST
        try:
            self.entries: dict[str, dict[str, str]] = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self.entries = {}  # none yet, or unreadable: everything counts as changed
        if not isinstance(self.entries, dict):
            self.entries = {}

    def _key(self, target: Path) -> str:
        return target.relative_to(self.path.parent).as_posix()

    def is_current(self, target: Path, inputs: str) -> bool:
        entry = self.entries.get(self._key(target))
        return (
            isinstance(entry, dict)
            and entry.get("inputs") == inputs
            and entry.get("output") == _file_digest(target)
        )

    def record(self, target: Path, inputs: str) -> None:
        self.entries[self._key(target)] = {"inputs": inputs, "output": _file_digest(target) or ""}

    def forget(self, target: Path) -> None:
        self.entries.pop(self._key(target), None)

    def save(self) -> None:
        folder = self.path.parent
        entries = {k: v for k, v in self.entries.items() if (folder / k).exists()}
        text = json.dumps(entries, indent=1, sort_keys=True)
        write_file(self.path, text, self.path.parent)
