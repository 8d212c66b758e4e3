"""What the review did to each field: unchanged, edited, a list item deleted, inserted or
moved (lists.py), fixed text or a heading edited (reported, not applied), or a conflict with
an edit made to the TOML since the document was built. And the new values to write."""

from typing import Any

from ..content.fields import FieldRef, is_markdown
from ..content.project import key_path as _key
from .decisions import Outcome, Verdict, decide, lookup
from .inline import markdown, plain, source_plain, word_diff
from .lists import insertions, list_field
from .markdown import rebuild, units
from .match import Tag
from .reader import Block

HEADING_KEYS = {"title", "heading", "name"}
"""Fields printed as headings: edits to them are reported, not applied."""


def judge(blocks: list[Block], tags: dict[int, Tag], data: dict[str, Any], fresh: bool) -> Outcome:
    """`data`: each source's values as tomllib reads them. `fresh`: the document's digest
    is today's, so any difference from the TOML is the reviewer's."""
    outcome = Outcome()
    groups = _groups(outcome, blocks, tags)
    lists: dict[tuple[str, tuple], dict] = {}  # each list's changed items, by position
    hows: dict[tuple[str, tuple, int], str] = {}  # how each list item's paragraph was found
    for name, members in groups.items():
        ref = FieldRef.parse(name)
        source, loc = ref.source, ref.path
        value = lookup(data.get(source), loc)
        key = loc[-1] if not isinstance(loc[-1], int) else loc[-2] if len(loc) > 1 else ""
        tag, block = members[0]
        if not isinstance(value, str):
            outcome.verdicts.append(Verdict(source, _key(loc), "unknown", applied=False))
        elif is_markdown(source, loc):
            _markdown_field(outcome, source, loc, value, members, blocks, tags, fresh)
        elif isinstance(loc[-1], int) and block.cell is None:
            changed = _changed_member(members, value, fresh)
            lists.setdefault((source, loc[:-1]), {})[loc[-1]] = changed
            hows[(source, loc[:-1], loc[-1])] = tag.how
            if changed is None:
                outcome.unchanged += 1
        else:
            _text_field(outcome, source, loc, value, members, fresh, key in HEADING_KEYS)
    insertions(blocks, tags, lists, data)
    for (source, loc), items in lists.items():
        how = {i: h for (s, at, i), h in hows.items() if (s, at) == (source, loc)}
        list_field(outcome, source, loc, lookup(data.get(source), loc), items, fresh, how)
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
