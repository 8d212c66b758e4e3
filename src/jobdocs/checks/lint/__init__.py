"""Posting language: wording that narrows the applicant pool, found with rules whose source
is cited, each finding pointing at the words in the TOML with a suggested fix.

The rules are data: one folder per language (`en/`), one TOML file per rule family
(gender-coded words, exclusionary terms, realism, unfinished text, clarity), each with its
source and licence. `jobdocs lint` runs them; `jobdocs check` and `jobdocs build` too,
unless `[lint] enabled = false` in jobdocs.toml.
"""

from typing import TYPE_CHECKING

from ...errors import Problem

if TYPE_CHECKING:
    from ...content.project import Project
    from .. import RuleInfo


def rule_rows() -> list["RuleInfo"]:
    """The family's rules: those of the engine and those of the English rule files (every
    language has the same ids)."""
    from .rules import rule_table

    return list(rule_table().values())


def check(project: "Project", context) -> list[Problem]:
    """The rule family's entry for `checks.run`."""
    if not project.settings.lint.enabled:
        return []
    from .engine import lint

    return lint(project, session=context.session)
