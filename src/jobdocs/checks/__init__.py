"""Rules over a loaded project that yield located problems (readiness for publishing, pay
transparency, posting language), and the formats problems are printed in. Checks read
content and documents; they never import the CLI.

Each rule family is a module here with `check(project, context) -> list[Problem]`, listed
in RULES; `run` calls them all. A finding of severity "error" fails `jobdocs check` and
`jobdocs build`; warnings and notes are printed.
"""

import importlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:  # the model loads pydantic, which `jobdocs --help` never needs
    from ..content.project import Project
    from ..session import Session

RULES: list[str] = ["publish", "pay", "lint"]
"""The rule families, by module name in this package, in the order they run."""

NOT_LEGAL_ADVICE = (
    "Pay-transparency findings are not legal advice: the rules are simplified and may be "
    "out of date; check each law's text and ask a lawyer."
)
"""The one line printed wherever pay-transparency findings are shown."""


@dataclass(frozen=True)
class Context:
    """What a check run knows beyond the content."""

    as_of: date = field(default_factory=date.today)
    """The day the postings are checked for: laws in force, postings open."""
    formats: tuple[str, ...] = ()
    """The formats being built; some rules only matter for some (the careers site)."""
    session: "Session | None" = None
    """What a long-running process keeps between runs (see session.py)."""


def run(project: "Project", context: Context | None = None) -> list[Problem]:
    """Every finding of every rule family, in file and line order."""
    context = context or Context()
    problems: list[Problem] = []
    for name in RULES:
        problems += importlib.import_module(f".{name}", __name__).check(project, context)
    return sorted(problems, key=lambda p: (str(p.path), p.line or 0, p.column or 0, p.rule))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
