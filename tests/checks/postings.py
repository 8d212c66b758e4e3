"""Small projects written for the posting-language tests: one organization, the roles
given, and optional settings; linted through the library."""

from pathlib import Path

from jobdocs.checks.lint.engine import lint
from jobdocs.content import load_project
from jobdocs.errors import Problem

ORGANIZATION = 'name = "Acme"\n'


def write(root: Path, roles: dict[str, str], settings: str | None = None) -> Path:
    (root / "content/roles").mkdir(parents=True)
    (root / "content/organization.toml").write_text(ORGANIZATION, encoding="utf-8")
    for role_id, text in roles.items():
        (root / f"content/roles/{role_id}.toml").write_text(text, encoding="utf-8")
    if settings is not None:
        (root / "jobdocs.toml").write_text(settings, encoding="utf-8")
    return root


def findings(root: Path, role: str, settings: str | None = None, rule: str = "") -> list[Problem]:
    """The findings of linting a project of one role, `posting`, of rules starting `rule`."""
    write(root, {"posting": role}, settings)
    return [p for p in lint(load_project(root)) if p.rule.startswith(rule)]


def at(problem: Problem) -> tuple:
    """Where a finding points: (line, column, end column)."""
    return problem.line, problem.column, problem.end_column


def words_at(root: Path, problem: Problem) -> str:
    """The text of the file a finding points at, from its column to its end column."""
    line = (root / "content/roles/posting.toml").read_text().splitlines()[problem.line - 1]
    return line[problem.column - 1 : problem.end_column - 1]
