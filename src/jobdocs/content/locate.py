"""Where in a TOML file a key path stands, so errors can name a line and column.

`tomllib` returns plain data without positions. This scanner reads the text once and
records the position of every table header, key and (for arrays written one item per
line) array item. It only needs to be right for files `tomllib` has already accepted.
Positions of words inside string values come from `spans.py`.
"""

import re

Path = tuple[str | int, ...]
Position = tuple[int, int]

_KEY = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"^(\s*)(\[\[?)\s*({_DOTTED})\s*\]\]?")
_ASSIGN = re.compile(rf"^(\s*)({_DOTTED})\s*=\s*(.*)$")
_ITEM_START = re.compile(r"""^(\s*)["'0-9tf{\[+-]""")


def _split(dotted: str) -> list[str]:
    parts = re.findall(_KEY, dotted)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _strip_strings(text: str) -> str:
    """The line without the contents of one-line strings, so brackets inside them don't count."""
    return re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', '""', text)


def key_positions(text: str) -> dict[Path, Position]:
    """Map every key path found in `text` to its 1-based (line, column)."""
    positions: dict[Path, Position] = {}
    table: Path = ()
    aot_counts: dict[Path, int] = {}
    multiline: str | None = None  # the closing quotes of an open multi-line string
    array: Path | None = None  # the key of an open multi-line array
    depth = 0
    item = 0

    for number, line in enumerate(text.splitlines(), 1):
        if multiline:
            if line.count(multiline) % 2 == 1:
                multiline = None
            continue
        if array is not None and depth == 1:
            match = _ITEM_START.match(line)
            if match:
                positions.setdefault((*array, item), (number, len(match.group(1)) + 1))
                item += 1
        if array is not None:
            depth += _bracket_change(line)
            if depth <= 0:
                array = None
            multiline = _opens_multiline(line)
            continue

        header = _HEADER.match(line)
        if header:
            table = _resolve(_split(header.group(3)), aot_counts)
            if header.group(2) == "[[":
                index = aot_counts.get(table, -1) + 1
                aot_counts[table] = index
                table = (*table, index)
            positions.setdefault(table, (number, len(header.group(1)) + 1))
            continue

        assign = _ASSIGN.match(line)
        if assign:
            keys = _split(assign.group(2))
            position = (number, len(assign.group(1)) + 1)
            for end in range(1, len(keys) + 1):  # dotted keys create their parent tables
                positions.setdefault((*table, *keys[:end]), position)
            path = (*table, *keys)
            value = assign.group(3)
            multiline = _opens_multiline(value)
            change = _bracket_change(value)
            if value.lstrip().startswith("[") and change > 0:
                array, depth, item = path, change, 0
    return positions


def _resolve(parts: list[str], aot_counts: dict[Path, int]) -> Path:
    """A header's path, with the current index of each enclosing array of tables."""
    path: Path = ()
    for number, part in enumerate(parts, 1):
        path = (*path, part)
        if number < len(parts) and path in aot_counts:
            path = (*path, aot_counts[path])
    return path


def _opens_multiline(text: str) -> str | None:
    for quotes in ('"""', "'''"):
        if text.count(quotes) % 2 == 1:
            return quotes
    return None


def _bracket_change(text: str) -> int:
    bare = _strip_strings(text).split("#", 1)[0]
    return bare.count("[") - bare.count("]")


def locate(positions: dict[Path, Position], path: Path) -> Position | None:
    """The position of `path`, or of its nearest ancestor that has one."""
    for end in range(len(path), 0, -1):
        found = positions.get(path[:end])
        if found:
            return found
    return None
