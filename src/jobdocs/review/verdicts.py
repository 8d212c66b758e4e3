"""What the review did to each field: unchanged, edited, a list item deleted, inserted or
moved, fixed text or a heading edited (reported, not applied), or a conflict with an edit
made to the TOML since the document was built. And the new values to write."""

import difflib
from dataclasses import dataclass, field
from typing import Any

from ..content.fields import FieldRef, markdown_keys
from ..content.project import key_path as _key
from .inline import markdown, plain, rewrite, source_plain, splice, word_diff
from .markdown import rebuild, units
from .match import Tag
from .reader import Block, Piece

HEADING_KEYS = {"title", "heading", "name"}
"""Fields printed as headings: edits to them are reported, not applied."""


@dataclass
class Verdict:
    source: str  # "roles/software-engineer"
    field: str  # "responsibilities[3]"
    kind: str  # edited, deleted, inserted, moved, fixed, heading, conflict, kept, unknown
    old: str = ""
    new: str = ""
    diff: str = ""
    applied: bool = True
    how: str = "bookmark"  # how the paragraph was recognised
    shown: str = ""  # a conflict's or kept field's text as the reviewed document showed it


@dataclass
class Outcome:
    verdicts: list[Verdict] = field(default_factory=list)
    values: dict[str, dict[tuple, Any]] = field(default_factory=dict)  # source → loc → new
    unchanged: int = 0

    def set(self, source: str, loc: tuple, value: Any) -> None:
        self.values.setdefault(source, {})[loc] = value


def lookup(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def decide(
    source: str, original: list[Piece], accepted: list[Piece], fresh: bool
) -> tuple[str, str]:
    """("unchanged" | "edited" | "kept" | "conflict", the new inline Markdown)."""
    was, now, typed = plain(original), plain(accepted), source_plain(source)
    reviewed = was != now or markdown(original) != markdown(accepted)
    if not reviewed:
        if fresh and now != typed:  # edited with tracking off
            spliced = splice(source, typed, now)
            return "edited", spliced if spliced is not None else markdown(accepted)
        return ("kept" if now != typed else "unchanged"), source
    if not fresh and was != typed:  # the TOML changed too since the build
        return ("unchanged", source) if now == typed else ("conflict", markdown(accepted))
    if was == typed:
        new = rewrite(source, original, accepted)
    else:  # text the source no longer has (jobdocs's own tracked changes): from the source
        new = splice(source, typed, now) if now != typed else source
        new = new if new is not None else markdown(accepted)
    if new.split() == source.split():  # e.g. jobdocs's own tracked changes, left pending
        return "unchanged", source
    return "edited", new


def judge(blocks: list[Block], tags: dict[int, Tag], data: dict[str, Any], fresh: bool) -> Outcome:
    """`data`: each source's values as tomllib reads them. `fresh`: the document's digest
    is today's, so any difference from the TOML is the reviewer's."""
    outcome = Outcome()
    groups = _groups(outcome, blocks, tags)
    lists: dict[tuple[str, tuple], dict[int, list[Piece] | None]] = {}
    hows: dict[tuple[str, tuple, int], str] = {}  # how each list item's paragraph was found
    for name, members in groups.items():
        ref = FieldRef.parse(name)
        source, loc = ref.source, ref.path
        value = lookup(data.get(source), loc)
        key = loc[-1] if not isinstance(loc[-1], int) else loc[-2] if len(loc) > 1 else ""
        tag, block = members[0]
        if not isinstance(value, str):
            outcome.verdicts.append(Verdict(source, _key(loc), "unknown", applied=False))
        elif key in markdown_keys():
            _markdown_field(outcome, source, loc, value, members, blocks, tags, fresh)
        elif isinstance(loc[-1], int) and block.cell is None:
            changed = _changed_member(members, value, fresh)
            lists.setdefault((source, loc[:-1]), {})[loc[-1]] = changed
            hows[(source, loc[:-1], loc[-1])] = tag.how
            if changed is None:
                outcome.unchanged += 1
        else:
            _text_field(outcome, source, loc, value, members, fresh, key in HEADING_KEYS)
    _insertions(blocks, tags, groups, lists, data)
    for (source, loc), items in lists.items():
        how = {i: h for (s, at, i), h in hows.items() if (s, at) == (source, loc)}
        _list_field(outcome, source, loc, lookup(data.get(source), loc), items, fresh, how)
    return outcome


def _groups(outcome: Outcome, blocks: list[Block], tags: dict[int, Tag]):
    """The paragraphs of each content field; edits to template text and to paragraphs of
    no known field are reported, not applied."""
    groups: dict[str, list[tuple[Tag, Block]]] = {}
    for block in blocks:
        tag = tags.get(block.index)
        if tag is None:
            continue
        if tag.field is not None and not tag.fixed:
            groups.setdefault(tag.field, []).append((tag, block))
            continue
        was, now = plain(block.original()), plain(block.accepted())
        if was != now and tag.fixed:
            diff = word_diff(was, now)
            outcome.verdicts.append(Verdict("", "", "fixed", was, now, diff, False, tag.how))
        elif was != now:
            outcome.verdicts.append(Verdict("", "", "unknown", applied=False))
    return groups


def _changed_member(members, value: str, fresh: bool):
    """The accepted pieces of the occurrence a reviewer changed, or None."""
    for _, block in members:
        if not plain(block.accepted()):
            return block  # its text deleted, and usually its paragraph mark too
        if decide(value, block.original(), block.accepted(), fresh)[0] != "unchanged":
            return block
    return None


def _text_field(outcome, source, loc, value, members, fresh, heading: bool) -> None:
    for tag, block in members:
        verdict, new = decide(value, block.original(), block.accepted(), fresh)
        if verdict == "unchanged":
            continue
        old_plain, new_plain = source_plain(value), plain(block.accepted())
        kind = "heading" if heading and verdict == "edited" else verdict
        applied = kind == "edited" and bool(new_plain)
        outcome.verdicts.append(
            Verdict(source, _key(loc), kind, value, new, word_diff(old_plain, new_plain),
                    applied, tag.how, plain(block.original()))
        )  # fmt: skip
        if applied:
            outcome.set(source, loc, new)
        return
    outcome.unchanged += 1


def _markdown_field(outcome, source, loc, value, members, blocks, tags, fresh) -> None:
    _, found = units(value)
    first_occurrence = [(t, b) for t, b in members if t.occurrence == members[0][0].occurrence]
    changes, deleted, conflicts, hows = {}, set(), [], set()
    for tag, block in first_occurrence:
        number = tag.index - 1
        if number >= len(found):
            continue
        unit, saw = found[number], plain(block.original())
        if block.mark_deleted and not plain(block.accepted()):
            if fresh or saw == source_plain(unit.content):
                deleted.add(number)
                hows.add(tag.how)
            else:  # the reviewer deleted a paragraph that has changed since
                conflicts.append((saw, ""))
            continue
        verdict, new = decide(unit.content, block.original(), block.accepted(), fresh)
        if verdict == "edited":
            changes[number] = new
            hows.add(tag.how)
        elif verdict == "conflict":
            conflicts.append((saw, plain(block.accepted())))
        elif verdict == "kept":
            outcome.verdicts.append(
                Verdict(source, f"{_key(loc)}, paragraph {tag.index}", "kept", unit.plain,
                        plain(block.accepted()), applied=False, shown=saw)
            )  # fmt: skip
    inserted = _markdown_insertions(blocks, tags, members)
    if not fresh:  # a paragraph an earlier reviewed file inserted already is not added twice
        present = {u.plain for u in found}
        inserted = {
            k: [t for t in v if source_plain(t) not in present] for k, v in inserted.items()
        }
        inserted = {k: v for k, v in inserted.items() if v}
    if conflicts:
        shown = "\n\n".join(saw for saw, _ in conflicts)
        now = "\n\n".join(new or "(deleted)" for _, new in conflicts)
        outcome.verdicts.append(
            Verdict(source, _key(loc), "conflict", value, now, applied=False, shown=shown)
        )
        return
    if not (changes or deleted or inserted):
        outcome.unchanged += 1
        return
    new = rebuild(value, changes, deleted, inserted)
    old_plain = " ".join(u.plain for u in found)
    new_plain = " ".join(u.plain for u in units(new)[1])
    how = ", ".join(sorted(hows)) or "bookmark"
    outcome.verdicts.append(
        Verdict(source, _key(loc), "edited", value, new, word_diff(old_plain, new_plain), how=how)
    )
    outcome.set(source, loc, new)


def _markdown_insertions(blocks, tags, members) -> dict[int, list[str]]:
    """Paragraphs a reviewer added after one of a Markdown field's own."""
    inserted: dict[int, list[str]] = {}
    own = {b.index: t for t, b in members}
    for block in blocks:
        if block.index in tags or not plain(block.accepted()):
            continue
        previous = _previous(tags, block.index)
        if previous in own:
            tags[block.index] = Tag(own[previous].field, 0, how="inserted")
            inserted.setdefault(own[previous].index - 1, []).append(markdown(block.accepted()))
    return inserted


def _previous(tags: dict[int, Tag], index: int) -> int | None:
    """The nearest paragraph before `index` that the document itself tagged."""
    return next(
        (i for i in range(index - 1, -1, -1) if i in tags and tags[i].how != "inserted"), None
    )


def _insertions(blocks, tags, groups, lists, data) -> None:
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


def _list_field(outcome, source, loc, old: list, items, fresh: bool, how: dict) -> None:
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
