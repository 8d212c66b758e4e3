"""Content fields as documents name them, so a reviewed Word file maps back to the TOML.

A field is `SOURCE:KEY.PATH`: the content file without `.toml` (`roles/software-engineer`,
`comparisons/developer-vs-engineer`, `organization`) and a key path as `key_path` writes
it (`qualifications.required[2]`, items counted from 1). The templates put it in
`data-field` attributes; the Word writer turns each paragraph of a field into a hidden
bookmark whose name is the same in every document (see `bookmark`), and a review decodes
the names by hashing every field of the project's files (`FieldIndex`).
"""

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

FIELD_PREFIX = "_jd_f_"  # a paragraph of a content field
FIXED_PREFIX = "_jd_x_"  # text the template adds: a label, or a value made from fields
NAME_LIMIT = 40  # Word's limit for a bookmark name
MARKDOWN_KEYS = frozenset(
    "summary body about how_to_apply equal_opportunity other_compensation introduction "
    "composition_note".split()
)
"""The keys whose values are block Markdown (the model's `Markdown` type): a document
prints them as several paragraphs, numbered in the bookmarks."""
_NAME = re.compile(r"^_jd_([fx])_[a-z0-9]*_([a-z2-7]{8})_(\d+)(?:_(\d+))?$")


def field_hash(field: str) -> str:
    """Eight letters and digits from the field's name: 40 bits, unique within a project."""
    digest = hashlib.sha256(field.encode()).digest()[:5]
    return base64.b32encode(digest).decode("ascii").lower()


def _abbreviation(field: str) -> str:
    """A hint for people who see the name: each word of the key path cut to four letters."""
    key = field.partition(":")[2] or field
    words = re.findall(r"[A-Za-z]+|\d+", key)
    return "".join(w[:4].lower() if w.isalpha() else w for w in words)[:12]


def bookmark(field: str, index: int, occurrence: int = 1) -> str:
    """The name of paragraph `index` (from 1) of `field` where it is printed for the
    `occurrence`-th time in a document (a default, such as the organization's benefits,
    can be printed under several roles of a handbook)."""
    name = f"{FIELD_PREFIX}{_abbreviation(field)}_{field_hash(field)}_{index}"
    return name + (f"_{occurrence}" if occurrence > 1 else "")


def fixed_bookmark(key: str, occurrence: int) -> str:
    return f"{FIXED_PREFIX}{_abbreviation(key)}_{field_hash(key)}_{occurrence}"


def parse_bookmark(name: str) -> tuple[str, str, int, int] | None:
    """("f" or "x", the hash, the paragraph index or occurrence, the occurrence) of one of
    our names; None for any other bookmark."""
    match = _NAME.match(name)
    if not match:
        return None
    kind, digest, index, occurrence = match.groups()
    return kind, digest, int(index), int(occurrence or 1)


def source_name(content: Path, path: Path) -> str:
    """The source part of a field for a content file: `roles/software-engineer`."""
    return path.relative_to(content).with_suffix("").as_posix()


def source_file(content: Path, source: str) -> Path:
    return content / f"{source}.toml"


def key_paths(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every key path in a file's data with its value: tables, arrays and their items."""
    yield loc, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from key_paths(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from key_paths(value, (*loc, index))


def field_name(source: str, loc: tuple) -> str:
    from .project import key_path

    return f"{source}:{key_path(loc)}"


def parse_field(field: str) -> tuple[str, tuple]:
    """`roles/x:rows[2].cells[1]` as ("roles/x", ("rows", 1, "cells", 0))."""
    source, _, path = field.partition(":")
    loc: list = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        loc.append(int(index) - 1 if index else name)
    return source, tuple(loc)


class FieldIndex:
    """The fields of a project's files by hash, to decode bookmark names."""

    def __init__(self, sources: dict[str, Any], extra: Iterable[str] = ()):
        self.fields: dict[str, str] = {}
        for source, data in sources.items():
            for loc, _ in key_paths(data):
                if loc:
                    self.add(field_name(source, loc))
        for field in extra:
            self.add(field)

    def add(self, field: str) -> None:
        self.fields.setdefault(field_hash(field), field)

    def field(self, digest: str) -> str | None:
        return self.fields.get(digest)
