"""Content fields as documents name them, so a reviewed Word file maps back to the TOML.

A field is a `FieldRef`: the content file it is in and a key path inside it, written
`SOURCE:KEY.PATH` with the file without `.toml` (`roles/software-engineer`,
`comparisons/developer-vs-engineer`, `organization`) and the key path as `key_path` writes
it (`qualifications.required[2]`, items counted from 1). The templates make them with the
`role_field`, `comparison_field` and `organization_field` globals and put them in
`data-field` attributes; the Word writer turns each paragraph of a field into a hidden
bookmark whose name is the same in every document (see `bookmark`), and a review decodes
the names by hashing every field of the project's files (`FieldIndex`) and parses them
back with `FieldRef.parse`.
"""

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from .model import BLOCK, Comparison, Organization, Role

FIELD_PREFIX = "_jd_f_"  # a paragraph of a content field
FIXED_PREFIX = "_jd_x_"  # text the template adds: a label, or a value made from fields
NAME_LIMIT = 40  # Word's limit for a bookmark name
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class FieldRef:
    """A content field: the file it is in (`source`: "roles/x", "organization") and its
    key path there (`path`: keys and list positions counted from 0)."""

    source: str
    path: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        from .project import key_path

        return f"{self.source}:{key_path(self.path)}"

    @classmethod
    def parse(cls, text: str) -> "FieldRef":
        """`roles/x:rows[2].cells[1]` as FieldRef("roles/x", ("rows", 1, "cells", 0))."""
        source, _, path = text.partition(":")
        loc = [int(index) - 1 if index else name for name, index in _PART.findall(path)]
        return cls(source, tuple(loc))

    def at(self, *parts: str | int) -> "FieldRef":
        """The field below this one: a key ("summary", or a dotted path of keys such as
        "work.hours") or a list position counted from 0."""
        more: list[str | int] = []
        for part in parts:
            more += part.split(".") if isinstance(part, str) else [part]
        return FieldRef(self.source, (*self.path, *more))

    @property
    def key(self) -> str | int | None:
        """The last key of the path (a position in a list is its own key)."""
        return self.path[-1] if self.path else None

    @property
    def is_markdown(self) -> bool:
        """Whether the field's value is block Markdown, printed as several paragraphs."""
        return isinstance(self.key, str) and is_markdown(self.source, self.path)


def role_field(role_id: str, *path: str | int) -> FieldRef:
    return FieldRef(f"roles/{role_id}").at(*path)


def comparison_field(comparison_id: str, *path: str | int) -> FieldRef:
    return FieldRef(f"comparisons/{comparison_id}").at(*path)


def organization_field(*path: str | int) -> FieldRef:
    return FieldRef("organization").at(*path)


def is_markdown(source: str, loc: tuple[str | int, ...]) -> bool:
    """Whether the value at key path `loc` of a content file (`source`: "roles/x",
    "organization", "comparisons/x"), or each item of the list there, is block Markdown:
    a document prints it as several paragraphs, numbered in the bookmarks. Decided by the
    whole path, as keys of one name differ: `responsibilities` is a list of lines,
    `intro.responsibilities` a paragraph."""
    kind = source.split("/")[0]
    return tuple(part for part in loc if isinstance(part, str)) in markdown_paths().get(kind, ())


@cache
def markdown_paths() -> dict[str, frozenset[tuple[str, ...]]]:
    """The key paths (list positions left out) typed `Markdown` in the model, per kind of
    content file."""

    def walk(annotation: Any, path: tuple[str, ...], found: set, seen: tuple) -> None:
        if get_origin(annotation) is Annotated:
            if path and BLOCK in annotation.__metadata__:
                found.add(path)
            walk(get_args(annotation)[0], path, found, seen)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in seen:  # a model inside itself: no deeper
                for key, info in annotation.model_fields.items():
                    if BLOCK in info.metadata:  # pydantic lifts a field's own Annotated
                        found.add((*path, key))
                    walk(info.annotation, (*path, key), found, (*seen, annotation))
        else:
            for arg in get_args(annotation):
                walk(arg, path, found, seen)

    paths = {}
    kinds = {"roles": Role, "organization": Organization, "comparisons": Comparison}
    for kind, model in kinds.items():
        found: set[tuple[str, ...]] = set()
        walk(model, (), found, ())
        paths[kind] = frozenset(found)
    return paths


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


class FieldIndex:
    """The fields of a project's files by hash, to decode bookmark names."""

    def __init__(self, sources: dict[str, Any], extra: Iterable[str] = ()):
        self.fields: dict[str, str] = {}
        for source, data in sources.items():
            for loc, _ in key_paths(data):
                if loc:
                    self.add(str(FieldRef(source, loc)))
        for field in extra:
            self.add(field)

    def add(self, field: str) -> None:
        self.fields.setdefault(field_hash(field), field)

    def field(self, digest: str) -> str | None:
        return self.fields.get(digest)
