"""Which field each paragraph of a reviewed file shows: its bookmark, or where a reviewer
lost it (overtyping a table cell with tracking off does), its place in the table, the gap
it fills between its neighbours, then how much its text looks like a field's source."""

import bisect
import difflib
from dataclasses import dataclass

from ..content.fields import FieldIndex, FieldRef, bookmark, parse_bookmark
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
    lost = {  # untagged text that was there before the review, and still is
        b.index
        for b in blocks
        if b.index not in tags and not b.inserted_only and plain(b.accepted())
    }
    # The nearest tags either side, kept as the paragraphs are gone through in order (a
    # search from each lost paragraph made the time quadratic in them): after one, only
    # bookmarks, since the lost paragraphs after it are not tagged yet.
    after = _following(blocks, tags)
    before: list[Tag | None] = [None, None]  # any tag, a tag showing a field
    cells = _Cells(blocks, tags)
    for block in blocks:
        if block.index in lost:
            next_any, next_field = after[block.index]
            tag = cells.tag(block, tags) or _by_gap(before[0], next_any)
            if tag is None or (tag.field, tag.index) in seen:
                near = [before[1], next_field]
                sources = [t.field.partition(":")[0] for t in near if t and t.field]
                tag = _by_similarity(block, texts, seen, sources)
            if tag is not None:
                tags[block.index] = tag
                seen.add((tag.field, tag.index))
                cells.add(block, tag)
        tag = tags.get(block.index)
        if tag is not None:
            before = [tag, tag if tag.field else before[1]]
    return tags


def _following(blocks: list[Block], tags: dict[int, Tag]) -> list[tuple]:
    """For each paragraph, the nearest tag after it, and the nearest showing a field."""
    found: list[tuple] = [(None, None)] * len(blocks)
    any_tag = field_tag = None
    for block in reversed(blocks):
        found[block.index] = (any_tag, field_tag)
        tag = tags.get(block.index)
        if tag is not None:
            any_tag, field_tag = tag, tag if tag.field else field_tag
    return found


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


class _Cells:
    """The tagged cells of each table that show a field, in order, kept as cells are
    tagged: looking through every paragraph for a table's cells, per cell, was quadratic."""

    def __init__(self, blocks: list[Block], tags: dict[int, Tag]):
        self.cells: dict[int, list[Block]] = {}
        self.columns: dict[int, int] = {}
        for block in blocks:
            if block.cell:
                table = block.cell[0]
                self.columns[table] = max(self.columns.get(table, 0), block.cell[2] + 1)
                self.add(block, tags.get(block.index))

    def add(self, block: Block, tag: Tag | None) -> None:
        if block.cell and tag is not None and tag.field is not None:
            bisect.insort(self.cells.setdefault(block.cell[0], []), block, key=_index)

    def tag(self, block: Block, tags: dict[int, Tag]) -> Tag | None:
        """A cell's field from another cell of its table: a comparison's rows and columns,
        or the paragraphs of a Markdown table, counted row by row."""
        if block.cell is None:
            return None
        table, row, column = block.cell
        columns = self.columns[table]
        for other in self.cells.get(table, []):
            tag = tags[other.index]
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
            number = tag.index + (row - orow) * columns + (column - ocolumn)
            if ref.is_markdown and number >= 1:  # a table inside a Markdown field
                return Tag(tag.field, number, tag.occurrence, how="table position")
        return None


def _index(block: Block) -> int:
    return block.index


def _by_gap(before: Tag | None, after: Tag | None) -> Tag | None:
    """The one paragraph missing between two tagged neighbours of the same field or list."""
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
            matcher = difflib.SequenceMatcher(None, text, source, autojunk=False)
            # The cheap upper bounds first: ratio() is what a review spends its time on.
            if matcher.real_quick_ratio() <= score or matcher.quick_ratio() <= score:
                continue
            ratio = matcher.ratio()
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
