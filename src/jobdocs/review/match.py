"""Which field each paragraph of a reviewed file shows: its bookmark, or where a reviewer
lost it (overtyping a table cell with tracking off does), its place in the table, the gap
it fills between its neighbours, then how much its text looks like a field's source."""

import difflib
from dataclasses import dataclass

from ..content.fields import FieldIndex, FieldRef, bookmark, markdown_keys, parse_bookmark
from .inline import plain
from .reader import Block


@dataclass
class Tag:
    field: str | None  # None for fixed text, or a field this project no longer has
    index: int = 1  # the paragraph of the field, from 1
    occurrence: int = 1
    fixed: bool = False
    how: str = "bookmark"  # or the fallback that found it


def assign(blocks: list[Block], index: FieldIndex, texts: dict[str, str]) -> dict[int, Tag]:
    """Tags by block index. `texts` holds the source text of every field (paragraph
    `field#k` for Markdown fields), for the similarity fallback."""
    tags: dict[int, Tag] = {}
    taken: set[str] = set()
    for block in blocks:
        for name in block.names:
            parsed = parse_bookmark(name)
            if parsed is None or name in taken:
                continue
            taken.add(name)
            kind, digest, number, occurrence = parsed
            if kind == "x":
                tags[block.index] = Tag(None, number, fixed=True)
            else:
                tags[block.index] = Tag(index.field(digest), number, occurrence)
            break
    seen = {(t.field, t.index) for t in tags.values() if t.field}
    lost = [  # untagged text that was there before the review, and still is
        b for b in blocks if b.index not in tags and not b.inserted_only and plain(b.accepted())
    ]
    for block in lost:
        tag = _by_table(block, blocks, tags) or _by_gap(block, blocks, tags)
        if tag is None or (tag.field, tag.index) in seen:
            near = [_near(blocks, tags, block, step, True)[1] for step in (-1, 1)]
            sources = [t.field.partition(":")[0] for t in near if t and t.field]
            tag = _by_similarity(block, texts, seen, sources)
        if tag is not None:
            tags[block.index] = tag
            seen.add((tag.field, tag.index))
    return tags


def _near(blocks, tags, block, step: int, field_only: bool = False):
    """The nearest tagged paragraph before (step -1) or after (1) `block`."""
    position = block.index + step
    while 0 <= position < len(blocks):
        tag = tags.get(position)
        if tag is not None and (tag.field or not field_only):
            return blocks[position], tag
        position += step
    return None, None


def _row(ref: FieldRef) -> tuple[FieldRef, int] | None:
    """Where a comparison cell's field is: the field of the rows, and the row's position."""
    path = ref.path
    if path[-1:] == ("aspect",):
        head = path[:-1]
    elif len(path) >= 2 and path[-2] == "cells" and isinstance(path[-1], int):
        head = path[:-2]
    else:
        return None
    if len(head) >= 2 and head[-2] == "rows" and isinstance(head[-1], int):
        return FieldRef(ref.source, head[:-1]), head[-1]
    return None


def _by_table(block: Block, blocks: list[Block], tags: dict[int, Tag]) -> Tag | None:
    """A cell's field from another cell of its table: a comparison's rows and columns, or
    the paragraphs of a Markdown table, counted row by row."""
    if block.cell is None:
        return None
    table, row, column = block.cell
    cells = [b for b in blocks if b.cell and b.cell[0] == table]
    columns = max(b.cell[2] for b in cells) + 1
    for other in cells:
        tag = tags.get(other.index)
        if tag is None or tag.field is None or other is block:
            continue
        _, orow, ocolumn = other.cell
        ref = FieldRef.parse(tag.field)
        found = _row(ref)
        if found:
            rows, position = found
            position += row - orow
            if position < 0:
                continue
            cell = ("cells", column - 1) if column else ("aspect",)
            return Tag(str(rows.at(position, *cell)), 1, how="table position")
        key = ref.path[-1:]
        number = tag.index + (row - orow) * columns + (column - ocolumn)
        if key and key[0] in markdown_keys() and number >= 1:
            return Tag(tag.field, number, tag.occurrence, how="table position")
    return None


def _by_gap(block: Block, blocks: list[Block], tags: dict[int, Tag]) -> Tag | None:
    """The one paragraph missing between two tagged neighbours of the same field or list."""
    _, before = _near(blocks, tags, block, -1)
    _, after = _near(blocks, tags, block, 1)
    if before is None or after is None or before.field is None or after.field is None:
        return None
    if before.field == after.field and after.index == before.index + 2:
        return Tag(before.field, before.index + 1, before.occurrence, how="gap")
    first, second = FieldRef.parse(before.field), FieldRef.parse(after.field)
    if not (isinstance(first.key, int) and isinstance(second.key, int)):
        return None
    list_of = FieldRef(first.source, first.path[:-1])
    if list_of == FieldRef(second.source, second.path[:-1]) and second.key == first.key + 2:
        return Tag(str(list_of.at(first.key + 1)), 1, how="gap")
    return None


def _by_similarity(block: Block, texts: dict[str, str], seen, sources: list[str]) -> Tag | None:
    """The unseen field whose source text is likest the paragraph's (at least 60% alike):
    in the file of the tagged paragraph before it, then of the one after, then anywhere."""
    text = plain(block.original())
    for tier in [*sources, None]:
        best, score = None, 0.6
        for key, source in texts.items():
            field, _, number = key.partition("#")
            if (field, int(number or 1)) in seen or tier not in (None, field.partition(":")[0]):
                continue
            ratio = difflib.SequenceMatcher(None, text, source, autojunk=False).ratio()
            if ratio > score:
                best, score = (field, int(number or 1)), ratio
        if best:
            return Tag(best[0], best[1], how="text similarity")
    return None


def names(field: str, count: int) -> list[str]:
    """The bookmark names of a field's first `count` paragraphs (for tests and tools)."""
    return [bookmark(field, number) for number in range(1, count + 1)]


def source_of(field: str) -> str:
    return FieldRef.parse(field).source
