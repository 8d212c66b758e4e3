"""Writing a review's new values into the TOML with tomlkit: comments, key order, string
styles (a literal string stays literal, the newline after an opening triple quote stays)
and the `#:schema` line are kept, and only the edited values' lines change. The result
must load as valid content, or nothing is written."""

import difflib
import os
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Array, String, StringType

from ..content import load_project
from ..errors import ContentError
from ..writing import write_all
from .package import ReviewError


def edited(text: str, values: dict[tuple, Any]) -> str:
    """`text` (a TOML file) with the values at each key path replaced."""
    document = tomlkit.parse(text)
    for loc, value in values.items():
        parent = document
        for part in loc[:-1]:
            parent = parent[part]
        old = parent[loc[-1]]
        if isinstance(value, list) and isinstance(old, Array):
            _edit_array(old, value)
        else:
            parent[loc[-1]] = _string_like(old, value)
    return _only_edits(text, tomlkit.dumps(tomlkit.parse(text)), tomlkit.dumps(document))


def _only_edits(text: str, round_trip: str, result: str) -> str:
    """`result` with every line the edits did not touch exactly as in `text`: tomlkit
    rewrites a few constructs it did not need to (a date at the end of an inline table
    loses its space), so only the lines that differ from its own unedited round trip are
    taken from it."""
    lines, same, new = text.splitlines(True), round_trip.splitlines(True), result.splitlines(True)
    if len(lines) != len(same):
        return result
    merged: list[str] = []
    matcher = difflib.SequenceMatcher(None, same, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        merged += lines[i1:i2] if op == "equal" else new[j1:j2]
    return "".join(merged)


def _string_like(old: Any, value: str) -> String:
    """`value` written as `old` was: basic or literal, on one line or several."""
    kind = old.type if isinstance(old, String) else StringType.SLB
    if "\n" in value and not kind.is_multiline():
        kind = StringType.MLB if kind is StringType.SLB else StringType.MLL
    try:
        new = String.from_raw(value, kind)
    except TOMLKitError:  # a quote a literal string cannot hold
        kind = StringType.MLB if kind.is_multiline() else StringType.SLB
        new = String.from_raw(value, kind)
    original = new.as_string()[len(kind.value) : -len(kind.value)]
    opened = isinstance(old, String) and old.as_string()[len(kind.value) :][:1] == "\n"
    if kind.is_multiline() and opened and original[:1] != "\n":
        original = "\n" + original  # the line break after the opening quotes, kept
    trivia = old.trivia if isinstance(old, String) else new.trivia
    return String(kind, value, original, trivia)


def _edit_array(array: Array, new: list[str]) -> None:
    old = [str(item) for item in array]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if op == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for offset in range(pairs):
            array[i1 + offset] = _string_like(array[i1 + offset], new[j1 + offset])
        for index in range(i2 - 1, i1 + pairs - 1, -1):
            del array[index]
        template = array[min(i1, len(array) - 1)] if len(array) else None
        for offset, value in enumerate(new[j1 + pairs : j2]):
            array.insert(i1 + pairs + offset, _string_like(template, value))


def unified(path: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{path}",
            f"b/{path}",
        )
    )


def validate(root: Path, changed: dict[Path, str]) -> None:
    """Load the project with the changed files' new text in place of theirs; a ReviewError
    listing the problems if it would not load."""
    try:
        load_project(root, overrides=changed)
    except ContentError as error:
        problems = "\n".join(str(p).replace(str(root) + os.sep, "") for p in error.problems)
        raise ReviewError(
            f"the reviewed content would not be valid, so nothing was written:\n{problems}"
        ) from None


def line_endings_of(before: str, after: str) -> str:
    """`after` with the line endings of `before`: a file saved with CRLF stays CRLF, where
    tomlkit would write the lines it adds with LF."""
    if "\r\n" not in before:
        return after
    return after.replace("\r\n", "\n").replace("\n", "\r\n")


def write(root: Path, changed: dict[Path, str]) -> None:
    """Every changed file replaced whole, or none (see writing.write_all)."""
    write_all(changed, root)
