"""Where everything in a TOML file stands, so that a problem names a line and column:
`tomllib` returns plain data without positions.

The scanner reads a file `tomllib` has accepted once, and records where every key, table
header and array item begins (`Layout.locate`), and for every string value (basic,
literal, multi-line, in arrays and inline tables) its decoded text and where each decoded
character came from, so that a finding about a word inside a value points at that word:
escapes, a multi-line string's first newline and its line-ending backslashes make the two
differ. It also records the lines every value spans and the comments, which inline
suppressions (`# jobdocs: allow …`) are read from.
"""

import bisect
import contextlib
import re
from dataclasses import dataclass, field

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = re.compile(r"[ \t]*(?:#[^\n]*)?")
_SPACE_LINES = re.compile(r"(?:[ \t\n]+|#[^\n]*)*")
_COMMENT = re.compile(r"#[^\n]*")
_SCALAR = re.compile(
    r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[Zz]|[+-]\d\d:\d\d)?|[^\s,\]\}#]+"
)
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_CONTINUATION = re.compile(r"\\[ \t]*\n[ \t\n]*")


@dataclass(frozen=True)
class Span:
    """One string value: its text as decoded, and where its characters stand in the file."""

    value: str
    runs: tuple[tuple[int, int], ...]
    """(index in `value`, offset in the file) where a stretch copied as is begins."""

    def offset(self, index: int) -> int:
        """The file offset of `value[index]`."""
        at = bisect.bisect_right(self.runs, (index, float("inf"))) - 1
        start, offset = self.runs[max(at, 0)]
        return offset + index - start


@dataclass
class Layout:
    """What the scanner found in one file."""

    text: str
    strings: dict[Path, Span] = field(default_factory=dict)
    extents: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """The offsets of the first and last character of every value, array item and table
    header; `lines` gives their lines."""
    comments: dict[int, tuple[int, str]] = field(default_factory=dict)
    """Comments by line: the column of their `#`, and their text after it."""
    keys: dict[Path, int] = field(default_factory=dict)
    """The offset where each key path is first written: its key, or the first key of a
    dotted key that makes it."""

    def __post_init__(self):
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def lines(self, path: Path) -> tuple[int, ...]:
        """The first and last line of the value, item or table at `path`; () for none."""
        extent = self.extents.get(path)
        return tuple(self.position(offset)[0] for offset in extent) if extent else ()

    def locate(self, path: Path) -> tuple[int, int] | None:
        """The line and column where `path` (a key, table or array item) is written, or
        its nearest ancestor that is."""
        for end in range(len(path), 0, -1):
            offset = self.keys.get(path[:end])
            if offset is None:
                offset = self.extents.get(path[:end], (None,))[0]
            if offset is not None:
                return self.position(offset)
        return None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a file offset."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def words(self, path: Path, value: str, start: int, end: int) -> tuple[int, int, int | None]:
        """Line, column and end column (when on the same line) of `value[start:end]`, the
        string at `path`; a ValueError where the file holds no such string."""
        span = self.strings.get(path)
        if span is None or span.value != value or not 0 <= start < end <= len(value):
            raise ValueError(f"no string {value[:20]!r} at {path}")
        line, column = self.position(span.offset(start))
        end_line, end_column = self.position(span.offset(end - 1))
        return line, column, end_column + 1 if end_line == line else None


def scan(text: str) -> Layout:
    """The layout of a TOML file that `tomllib` accepted (a partial one for any other)."""
    scanner = _Scanner(text.replace("\r\n", "\n"))
    with contextlib.suppress(IndexError, ValueError, RecursionError):
        scanner.document()  # on text tomllib refused: what was found before the mistake
    return scanner.layout


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.i = 0
        self.layout = Layout(text)

    def document(self) -> None:
        text, table, arrays = self.text, (), {}
        while True:
            self.blank(newlines=True)
            if self.i >= len(text):
                return
            if text[self.i] == "[":
                double = text.startswith("[[", self.i)
                start = self.i
                self.i += 2 if double else 1
                keys = self.keys()
                self.i += 2 if double else 1
                table = _resolve(keys, arrays)
                if double:
                    arrays[table] = arrays.get(table, -1) + 1
                    table = (*table, arrays[table])
                self.layout.extents.setdefault(table, (start, start))
            else:
                keys = self.key_path(table)
                self.expect("=")
                self.value((*table, *keys))

    def blank(self, newlines: bool = False) -> None:
        """Skip spaces and tabs, and with `newlines` also line ends and comments."""
        skipped = (_SPACE_LINES if newlines else _SPACE).match(self.text, self.i)
        if "#" in skipped.group():
            for comment in _COMMENT.finditer(self.text, self.i, skipped.end()):
                line, column = self.layout.position(comment.start())
                self.layout.comments[line] = (column, comment.group()[1:])
        self.i = skipped.end()

    def expect(self, token: str) -> None:
        self.blank()
        if not self.text.startswith(token, self.i):
            raise ValueError(f"expected {token!r} at {self.i}")
        self.i += len(token)
        self.blank()

    def key_path(self, table: Path) -> list[str]:
        """The keys of an assignment in `table`, each path they make recorded."""
        start = self.i
        keys = self.keys()
        for end in range(1, len(keys) + 1):  # dotted keys make their parent tables
            self.layout.keys.setdefault((*table, *keys[:end]), start)
        return keys

    def keys(self) -> list[str]:
        keys = []
        while True:
            self.blank()
            text, i = self.text, self.i
            if text[i] in "\"'":
                keys.append(self.string((), record=False))
            else:
                match = _BARE_KEY.match(text, i)
                if not match:
                    raise ValueError(f"expected a key at {i}")
                keys.append(match.group())
                self.i = match.end()
            self.blank()
            if not self.text.startswith(".", self.i):
                return keys
            self.i += 1

    def value(self, path: Path) -> None:
        text, first = self.text, self.i
        char = text[self.i]
        if char in "\"'":
            self.string(path)
        elif char == "[":
            self.i += 1
            index = 0
            while True:
                self.blank(newlines=True)
                if text[self.i] == "]":
                    break
                self.value((*path, index))
                index += 1
                self.blank(newlines=True)
                if text[self.i] == ",":
                    self.i += 1
            self.i += 1
        elif char == "{":
            self.i += 1
            self.blank()
            while text[self.i] != "}":
                keys = self.key_path(path)
                self.expect("=")
                self.value((*path, *keys))
                self.blank()
                if text[self.i] == ",":
                    self.i += 1
                    self.blank()
            self.i += 1
        else:
            match = _SCALAR.match(text, self.i)
            if not match:
                raise ValueError(f"expected a value at {self.i}")
            self.i = match.end()
        self.layout.extents.setdefault(path, (first, self.i - 1))

    def string(self, path: Path, record: bool = True) -> str:
        """Read the string at the scanner's offset; record where its characters stand."""
        text, start = self.text, self.i
        quote = text[start]
        multiline = text.startswith(quote * 3, start)
        delimiter = quote * 3 if multiline else quote
        i = start + len(delimiter)
        if multiline and text.startswith("\n", i):
            i += 1  # a newline right after the opening quotes is not part of the value
        parts: list[str] = []
        runs: list[tuple[int, int]] = []
        length = 0
        while True:
            end = text.find(delimiter, i)
            if end < 0:
                raise ValueError("unterminated string")
            if multiline:  # up to two quotes right before the closing ones are content
                end += len(text[end + 3 : end + 5]) - len(text[end + 3 : end + 5].lstrip(quote))
            escape = text.find("\\", i, end) if quote == '"' else -1
            stop = end if escape < 0 else escape
            if stop > i:
                runs.append((length, i))
                parts.append(text[i:stop])
                length += stop - i
            if escape < 0:
                self.i = end + len(delimiter)
                break
            continuation = _CONTINUATION.match(text, escape) if multiline else None
            if continuation:
                i = continuation.end()
                continue
            char, i = self._escape(escape)
            runs.append((length, escape))
            parts.append(char)
            length += 1
        value = "".join(parts)
        if record:
            self.layout.strings[path] = Span(value, tuple(runs))
        return value

    def _escape(self, at: int) -> tuple[str, int]:
        """The character the escape at `at` stands for, and the offset after it."""
        code = self.text[at + 1]
        if code in _ESCAPES:
            return _ESCAPES[code], at + 2
        digits = {"u": 4, "U": 8}[code]
        return chr(int(self.text[at + 2 : at + 2 + digits], 16)), at + 2 + digits


def _resolve(keys: list[str], arrays: dict[Path, int]) -> Path:
    """A header's path, with the current index of each enclosing array of tables."""
    path: Path = ()
    for number, key in enumerate(keys, 1):
        path = (*path, key)
        if number < len(keys) and path in arrays:
            path = (*path, arrays[path])
    return path
