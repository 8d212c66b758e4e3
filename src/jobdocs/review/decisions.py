"""One verdict on one field of a review, and the rule that decides it: unchanged, edited,
kept (it differs, but who changed it cannot be told) or a conflict with an edit made to
the TOML since the document was built."""

from dataclasses import dataclass, field
from typing import Any

from .inline import markdown, plain, rewrite, source_plain, splice
from .reader import Piece


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
