"""Rules over a loaded project that yield located problems (readiness for publishing, pay
transparency, posting language), and the formats problems are printed in. Checks read
content and documents; they never import the CLI.

Each rule family is a package here with `check(project, context) -> list[Problem]` and
`rule_rows() -> list[RuleInfo]`, listed in RULES; `run` calls every check, `rule_table` joins
every family's rules into the one table that `check --rules`, `lint --rules` and SARIF
print. A finding of severity "error" fails `jobdocs check` and `jobdocs build`; warnings
and notes are printed. Rule ids start with their family's name.
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

CONTENT_RULE = "content"
"""The rule id of problems with the content itself (syntax, types, references)."""

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


@dataclass(frozen=True)
class RuleInfo:
    """One row of the rule table."""

    id: str
    """The id findings carry; a family's ids start with its name ("lint.gender.word")."""
    severity: str
    """Its default severity: error, warning or note."""
    description: str
    fix: str = ""
    source: str = ""
    """Where the rule comes from: a law's, a guide's or a study's address or citation."""


def rule_table() -> dict[str, RuleInfo]:
    """Every rule of every family, by id. Pay-transparency rules stand for all the ids of
    their jurisdiction ("pay.colorado" for "pay.colorado.range")."""
    table = {
        CONTENT_RULE: RuleInfo(
            CONTENT_RULE,
            "error",
            "A content file is not valid: TOML syntax, unknown keys, wrong values, or a "
            "reference to a role or place that is not there.",
        )
    }
    for name in RULES:
        module = importlib.import_module(f".{name}", __name__)
        table.update({rule.id: rule for rule in module.rule_rows()})
    return table


def describe(rule_id: str, table: dict[str, RuleInfo]) -> RuleInfo | None:
    """The row of `rule_id`, or of the nearest family of rules it belongs to."""
    parts = rule_id.split(".")
    for end in range(len(parts), 0, -1):
        found = table.get(".".join(parts[:end]))
        if found is not None:
            return found
    return None


def run(project: "Project", context: Context | None = None) -> list[Problem]:
    """Every finding of every rule family, in file and line order."""
    context = context or Context()
    problems: list[Problem] = []
    for name in RULES:
        problems += importlib.import_module(f".{name}", __name__).check(project, context)
    return sorted(problems, key=lambda p: (str(p.path), p.line or 0, p.column or 0, p.rule))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
