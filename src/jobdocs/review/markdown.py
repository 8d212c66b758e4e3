"""A Markdown field (a summary, a section's body) as the Word file has it: one paragraph
per paragraph, heading, list item and table cell, in order. Each is a `Unit` of the
source, so a reviewed paragraph is written back into the lines it came from and the rest
of the source stays as it was typed."""

from dataclasses import dataclass

from ..content.markdown import MARKDOWN, prepared
from .inline import source_plain


@dataclass
class Unit:
    kind: str  # "paragraph", "heading", "item" or "cell"
    first: int  # its lines in the source, [first, last)
    last: int
    content: str  # its inline Markdown
    prefix: str  # what stands before it on its first line: "- ", "## ", "> "
    block_first: int  # the lines of the whole list item or paragraph, for deletion
    block_last: int

    @property
    def plain(self) -> str:
        return source_plain(self.content)


def units(text: str) -> tuple[list[str], list[Unit]]:
    """The source's lines and its units, in the order the Word writer made paragraphs."""
    lines = text.split("\n")
    found: list[Unit] = []
    stack: list[tuple[str, list[int]]] = []
    cells_in_line: dict[int, int] = {}
    for token in MARKDOWN.parse(prepared(text)):
        if token.nesting == 1:
            stack.append((token.type, token.map or [0, 0]))
        elif token.nesting == -1:
            stack.pop()
        if token.type != "inline":
            continue
        parent = stack[-1][0] if stack else ""
        first, last = token.map or [0, 0]
        content = _raw(lines, first, last, token.content)
        start = lines[first].find(content.split("\n", 1)[0]) if first < len(lines) else -1
        if parent in ("th_open", "td_open"):
            offset = cells_in_line.get(first, 0)
            start = lines[first].find(content, offset) if content else offset
            cells_in_line[first] = max(start, 0) + len(content) + 1
            found.append(Unit("cell", first, first + 1, content, "", first, first + 1))
            found[-1].prefix = str(max(start, 0))
            continue
        kind = {"heading_open": "heading"}.get(parent, "paragraph")
        block = stack[-2][1] if len(stack) > 1 and stack[-2][0] == "list_item_open" else None
        if block is not None:
            kind = "item"
        prefix = lines[first][: max(start, 0)]
        block_first, block_last = block if block is not None else (first, last)
        while block_last > last and not lines[block_last - 1].strip():
            block_last -= 1  # markdown-it counts the blank line after a list's last item
        found.append(Unit(kind, first, last, content, prefix, block_first, block_last))
    return lines, found


def _raw(lines: list[str], first: int, last: int, content: str) -> str:
    """The unit's inline Markdown as typed (markdown-it's copy has gender stars escaped)."""
    if "\\*" not in content:
        return content
    return content.replace("\\*", "*") if "\\*" not in "\n".join(lines[first:last]) else content


def rebuild(
    text: str,
    changes: dict[int, str],
    deleted: set[int],
    inserted: dict[int, list[str]],
) -> str:
    """The source with unit i's content replaced (`changes`), units removed (`deleted`) and
    new paragraphs or items after unit i (`inserted`; -1 for before the first)."""
    lines, found = units(text)
    edits: list[tuple[int, int, list[str]]] = []  # (first, last, new lines), applied bottom-up
    cells: list[tuple[int, int, int, str]] = []  # (line, column, length, new), made in place
    for index, unit in enumerate(found):
        if index in deleted:
            first, last = unit.block_first, unit.block_last
            if unit.kind == "paragraph" and last < len(lines) and not lines[last].strip():
                last += 1  # and the blank line after it
            edits.append((first, last, []))
        elif index in changes and unit.kind == "cell":
            cells.append((unit.first, int(unit.prefix), len(unit.content), changes[index]))
        elif index in changes:
            edits.append((unit.first, unit.last, [unit.prefix + changes[index]]))
        for new in inserted.get(index, []):
            end = unit.block_last
            edits.append((end, end, [unit.prefix + new] if unit.kind == "item" else ["", new]))
    for new in inserted.get(-1, []):
        first = found[0] if found else None
        if first is not None and first.kind == "item":
            edits.append((first.block_first, first.block_first, [first.prefix + new]))
        else:
            at = first.first if first else 0
            edits.append((at, at, [new, ""]))
    for line, column, length, new in sorted(cells, reverse=True):
        lines[line] = lines[line][:column] + new + lines[line][column + length :]
    for first, last, new_lines in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[first:last] = new_lines
    return "\n".join(lines)
