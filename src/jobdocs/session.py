"""What a process keeps from one build to the next (`jobdocs watch`, a benchmark, a library
caller that builds twice): values made from content, each keyed on that content itself
(its text, or the digest of its data), so that an edit can never be answered with a value
made before it.

A caller that builds once needs no session; `build_project` then makes a fresh one.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


class Memo:
    """Values by key, kept for the run that used them and the run after it: a key no run
    asked for is dropped when the next run starts, so a long `watch` keeps no more than two
    builds' worth."""

    def __init__(self) -> None:
        self._now: dict[Hashable, object] = {}
        self._before: dict[Hashable, object] = {}

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        if key in self._now:
            return self._now[key]  # type: ignore[return-value]
        value = self._before.pop(key) if key in self._before else make()
        self._now[key] = value
        return value  # type: ignore[return-value]

    def turn(self) -> None:
        """Start a new run: what the last one did not use is forgotten."""
        self._before, self._now = self._now, {}

    def __len__(self) -> int:
        return len(self._now) + len(self._before)


@dataclass
class Session:
    """The memos of one long-running caller."""

    files: Memo = field(default_factory=Memo)
    """Validated content files, by model, path and text (content/load.py)."""
    renderers: Memo = field(default_factory=Memo)
    """Template environments and labels, by the digest of the templates and settings."""
    lint: Memo = field(default_factory=Memo)
    """Each role's posting-language findings, by the digests of what they are made from."""

    def begin(self) -> None:
        """Start a build."""
        for memo in (self.files, self.renderers, self.lint):
            memo.turn()
