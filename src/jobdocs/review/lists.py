"""A list field under review: items kept, edited, deleted, inserted or moved, each
paragraph judged like any field, and a deletion of an item changed since the build a
conflict like an edit."""

import difflib

from ..content.fields import FieldRef
from ..content.project import key_path as _key
from .decisions import Verdict, decide, lookup
from .inline import markdown, plain, source_plain, word_diff
from .match import Tag
from .reader import Block


def insertions(blocks, tags, lists, data) -> None:
    """New list items, each placed after its nearest tagged neighbour in the same list."""
    for block in blocks:
        if block.index in tags or not plain(block.accepted()) or not block.listed:
            continue
        previous = next((tags[i] for i in range(block.index - 1, -1, -1) if i in tags), None)
        following = next((tags[i] for i in range(block.index + 1, len(blocks)) if i in tags), None)
        for neighbour, after in ((previous, True), (following, False)):
            if neighbour is None or neighbour.field is None:
                continue
            ref = FieldRef.parse(neighbour.field)
            source, loc = ref.source, ref.path
            if not loc or not isinstance(loc[-1], int) or (not after and loc[-1] != 0):
                continue
            if not isinstance(lookup(data.get(source), loc[:-1]), list):
                continue
            items = lists.setdefault((source, loc[:-1]), {})
            items.setdefault(("after", loc[-1] if after else -1), []).append(block)
            tags[block.index] = Tag(neighbour.field, 0, how="inserted")
            break


def list_field(outcome, source, loc, old: list, items, fresh: bool, how: dict) -> None:
    new = _new_items(outcome, source, loc, old, items, fresh)
    if new != old:
        outcome.set(source, loc, new)
        _list_verdicts(outcome, source, loc, old, new, how)


def _new_items(outcome, source, loc, old: list, items, fresh: bool) -> list[str]:
    """The list as the review leaves it: each item kept, edited or deleted, and the
    paragraphs inserted after each (or before the first)."""
    new: list[str] = []
    for position in [-1, *range(len(old))]:
        if position >= 0:
            change = items.get(position)
            if position not in items and fresh:
                pass  # printed, and gone without a tracked change: deleted with tracking off
            elif change is None:
                new.append(old[position])
            else:
                new += _item(outcome, source, (*loc, position), old[position], change, fresh)
        for block in items.get(("after", position), []):
            text = markdown(block.accepted())
            if fresh or text not in old:  # not inserted already by an earlier reviewed file
                new.append(text)
    return new


def _item(outcome, source, loc, value: str, change: Block, fresh: bool) -> list[str]:
    """The list item `value` as the reviewed paragraph `change` leaves it: [] when deleted.
    A deletion, like an edit, of an item whose text has changed since the document was
    built (in the TOML, or by an earlier reviewed file) is a conflict: the reviewer did
    not see what they would delete."""
    saw, now = plain(change.original()), plain(change.accepted())
    if not now and (fresh or saw == source_plain(value)):
        return []
    verdict, new = decide(value, change.original(), change.accepted(), fresh)
    if not now or verdict in ("conflict", "kept"):
        kind = "conflict" if verdict != "kept" else "kept"
        outcome.verdicts.append(
            Verdict(source, _key(loc), kind, value, now, applied=False, shown=saw)
        )
        return [value]
    return [new if verdict == "edited" else value]


def _list_verdicts(outcome, source, loc, old: list, new: list, how: dict) -> None:
    """What happened to each item, from the difference of the two lists."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    removed = {old[i] for op, i1, i2, _, _ in matcher.get_opcodes() if op != "equal"
               for i in range(i1, i2)}  # fmt: skip
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                diff = word_diff(source_plain(old[i]), source_plain(new[j]))
                found = how.get(i, "bookmark")
                outcome.verdicts.append(
                    Verdict(source, _key((*loc, i)), "edited", old[i], new[j], diff, how=found)
                )
            continue
        for i in range(i1, i2) if op in ("delete", "replace") else ():
            kind = "moved" if old[i] in new else "deleted"
            outcome.verdicts.append(Verdict(source, _key((*loc, i)), kind, old[i], ""))
        for j in range(j1, j2) if op in ("insert", "replace") else ():
            if new[j] in removed and new[j] in old:
                continue
            where = _between(new, j)
            outcome.verdicts.append(Verdict(source, _key((*loc, j)), "inserted", "", new[j], where))


def _between(items: list[str], j: int) -> str:
    before = f"after {_short(items[j - 1])!r}" if j > 0 else "first"
    after = f" and before {_short(items[j + 1])!r}" if j + 1 < len(items) else ""
    return before + after


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:6]) + (" …" if len(words) > 6 else "")
