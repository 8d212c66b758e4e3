"""What a published posting lacks for Google for Jobs and the job feeds, checked when the
careers site is built: required properties are errors, recommended ones warnings. The
rules, with the page each comes from, are data: `rules.toml` beside this module."""

import tomllib
from functools import cache
from importlib.resources import files
from typing import Literal

from pydantic import Field

from ...content.model import Strict
from ...content.project import Project
from ...documents.site import SITE, published
from ...errors import Problem
from .. import RuleInfo


class _Rule(Strict):
    severity: Literal["error", "warning", "note"]
    description: str = Field(min_length=1)
    fix: str = Field(min_length=1)
    source: str = Field(pattern=r"^https://")


class _RuleFile(Strict):
    rules: dict[str, _Rule] = Field(min_length=1)


@cache
def rule_rows() -> list[RuleInfo]:
    """The family's rules, read from rules.toml (shipped with jobdocs, checked by a test)."""
    text = files(__package__).joinpath("rules.toml").read_text(encoding="utf-8")
    table = _RuleFile.model_validate(tomllib.loads(text)).rules
    return [RuleInfo(id, r.severity, r.description, r.fix, r.source) for id, r in table.items()]


def _rule(name: str) -> RuleInfo:
    return next(rule for rule in rule_rows() if rule.id == f"publish.{name}")


def check(project: Project, context) -> list[Problem]:
    if SITE not in context.formats:
        return []
    problems = []
    if not project.settings.site.base_url:
        source = project.sources.get(project.paths.settings_file)
        if source is not None:
            problems.append(_finding(source.problem, ("site",), "base-url"))
        else:
            rule, path = _rule("base-url"), project.paths.settings_file
            problems.append(
                Problem(path, None, None, "", rule.description, rule.severity, rule.id, rule.fix)
            )
    for role_id, role in published(project).items():
        if role.posting.status == "open":
            problems += _posting(project, role_id, role)
    return problems


def _finding(problem, loc: tuple, name: str) -> Problem:
    rule = _rule(name)
    return problem(loc, rule.description, severity=rule.severity, rule=rule.id, fix=rule.fix)


def _places(problem, role) -> list[Problem]:
    """Where the job is done, as Google asks: a country for each place of work, and for a
    remote job the countries applicants may work from."""
    remote, found = role.is_remote, []
    if not role.locations and not remote:
        found.append(_finding(problem, (), "location"))
    for index, location in enumerate(role.locations):
        if location.country_code is None:
            found.append(_finding(problem, ("locations", index), "country"))
    if remote and role.remote and role.remote.anywhere:
        found.append(_finding(problem, ("remote", "anywhere"), "remote-anywhere"))
    elif remote and not (role.remote and role.remote.eligible):
        found.append(_finding(problem, ("work", "arrangement"), "remote-eligible"))
    return found


def _posting(project: Project, role_id: str, role) -> list[Problem]:
    problem = project.role_source(role_id).problem
    posting = role.posting
    found = []
    if posting.date_posted is None:
        found.append(_finding(problem, ("posting",), "date-posted"))
    found += _places(problem, role)
    if posting.valid_through is None:
        found.append(_finding(problem, ("posting",), "valid-through"))
    if not role.employment_types:
        found.append(_finding(problem, (), "employment-type"))
    if not any(pay.has_figures for pay in role.pay):
        found.append(_finding(problem, (), "salary"))
    for index, pay in enumerate(role.pay):
        if pay.has_figures and pay.period is None:
            found.append(_finding(problem, ("pay", index), "pay-period"))
    view = project.view(role_id)
    if not (posting.apply_url or view.how_to_apply or view.apply_email):
        found.append(_finding(problem, ("posting",), "apply"))
    return found
