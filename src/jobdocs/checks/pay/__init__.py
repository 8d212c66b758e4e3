"""Pay transparency: each job posting against the laws of the places it reaches, as of a
day. The rules are data (`rules.toml`, read by rules.py); reach.py works out
where a posting reaches and whether the employer is covered; elements.py checks what
the posting states.

Only roles with [posting] are postings, and only open ones are checked: a draft is not
published yet and a closed posting is no longer up. An open posting must meet every rule
in force on the day checked (`checks.Context.as_of`), whatever its date_posted; a posting
dated later is checked as of its date_posted, and one whose closing date has passed, as of
that day. A rule (or a requirement of it) that starts later, but while the posting is
still up, gives a note naming the day it starts. Where the headcount that decides a size
threshold is not given, the rule is assumed to apply, and one note says so.
"""

from dataclasses import dataclass
from datetime import date

from ...content.model import Role
from ...content.project import Project
from ...errors import Problem
from .. import Context, RuleInfo
from .elements import evaluate as evaluate_requirement
from .reach import Coverage, Jurisdiction, checked_on, coverage, jurisdictions
from .results import WHAT, Result
from .rules import LawRule, Requirement
from .rules import rules as shipped_rules


@dataclass(frozen=True)
class Check:
    """One requirement of one jurisdiction, for one posting."""

    requirement: Requirement
    starts: date
    in_force: bool
    results: tuple[Result, ...]

    @property
    def met(self) -> bool | None:
        if any(result.met is False for result in self.results):
            return False
        return True if all(result.met for result in self.results) else None

    @property
    def what(self) -> str:
        return WHAT[self.requirement.element]


@dataclass(frozen=True)
class Row:
    """One jurisdiction a posting reaches: covered or not and why, and its requirements."""

    jurisdiction: Jurisdiction
    coverage: Coverage
    checks: tuple[Check, ...]

    @property
    def failing(self) -> int:
        """Requirements in force and not met."""
        return sum(1 for check in self.checks if check.in_force and check.met is False)

    @property
    def due_later(self) -> int:
        """Requirements not met that are not in force yet."""
        return sum(1 for check in self.checks if not check.in_force and check.met is False)


@dataclass(frozen=True)
class PostingReport:
    role_id: str
    role: Role
    on: date | None
    """The day it is checked as of; None when it is not checked."""
    skipped: str
    """Why it is not checked, when it is not."""
    rows: tuple[Row, ...]
    unreached: tuple[LawRule, ...]

    @property
    def failing(self) -> int:
        return sum(row.failing for row in self.rows)

    @property
    def due_later(self) -> int:
        return sum(row.due_later for row in self.rows)


def evaluate(
    project: Project, as_of: date, rules: tuple[LawRule, ...] | None = None
) -> list[PostingReport]:
    """Every posting of the project against every rule, as of `as_of`."""
    rules = shipped_rules() if rules is None else rules
    organization = project.organization
    reports = []
    for role_id, role in sorted(project.roles.items()):
        posting = role.posting
        if posting is None:
            continue
        if posting.status != "open":
            why = {"draft": "a draft: not published yet", "closed": "closed: no longer up"}
            reports.append(PostingReport(role_id, role, None, why[posting.status], (), ()))
            continue
        on = checked_on(role, as_of)
        language = role.language or project.settings.language
        rows = []
        for jurisdiction in jurisdictions(role, rules):
            covered = coverage(organization, jurisdiction)
            checks = []
            for requirement in jurisdiction.rule.requires if covered.covered else ():
                starts = jurisdiction.rule.starts(requirement)
                results = evaluate_requirement(
                    requirement, role, organization, jurisdiction, language
                )
                checks.append(Check(requirement, starts, starts <= on, tuple(results)))
            rows.append(Row(jurisdiction, covered, tuple(checks)))
        reached = {row.jurisdiction.rule.id for row in rows}
        unreached = tuple(rule for rule in rules if rule.id not in reached)
        reports.append(PostingReport(role_id, role, on, "", tuple(rows), unreached))
    return reports


def check(project: Project, context: Context) -> list[Problem]:
    """The findings: requirements not met (errors or warnings as each rule says; notes for
    those not in force yet), requirements to check by hand (notes), and one note when a
    headcount had to be assumed."""
    problems = []
    assumed: dict[str, None] = {}
    for report in evaluate(project, context.as_of):
        if report.on is None:
            continue
        source = project.role_source(report.role_id)
        posting = report.role.posting
        closes = posting.valid_through if posting and posting.valid_through else date.max
        for row in report.rows:
            if row.coverage.covered and row.coverage.assumed:
                assumed[row.jurisdiction.name] = None
            for item in row.checks:
                if not item.in_force and item.starts > closes:
                    continue
                for result in item.results:
                    if result.met or (result.met is None and not item.in_force):
                        continue
                    severity = row.jurisdiction.rule.severity_of(item.requirement)
                    if result.met is None or not item.in_force:
                        severity = "note"
                    problems.append(
                        source.problem(
                            result.loc,
                            _message(row.jurisdiction, item, result, report.on),
                            severity=severity,
                            rule=f"pay.{row.jurisdiction.rule.id}.{result.rule}",
                            fix=result.fix,
                        )
                    )
    if assumed:
        places = ", ".join(assumed)
        problems.append(
            project.organization_source.problem(
                ("headcount",),
                "pay-transparency rules assumed to apply: the headcount that decides them "
                f"is not given for {places}",
                severity="note",
                rule="pay.headcount",
                fix="give headcount, and employees per place in [headcount_by_region], in "
                "content/organization.toml",
            )
        )
    return problems


def _message(jurisdiction: Jurisdiction, check: Check, result: Result, on: date) -> str:
    rule = jurisdiction.rule
    text = f"{jurisdiction.name} requires {check.what} ({rule.citation}): {result.detail}"
    if not check.in_force:
        text = f"from {check.starts}, {text}"
    elif rule.enforced and on < rule.enforced:
        text += f" (enforced from {rule.enforced})"
    return text + (f"; {rule.status}" if rule.status else "")


def rule_rows() -> list[RuleInfo]:
    """A row for each jurisdiction's law, standing for all its requirements' ids
    ("pay.colorado" for "pay.colorado.range"), and the headcount note."""
    found = [
        RuleInfo(
            f"pay.{rule.id}",
            rule.severity,
            f"What a job posting must state under {rule.law} ({rule.name}).",
            "state it in the role's TOML: the finding names the field",
            rule.source,
        )
        for rule in shipped_rules()
    ]
    found.append(
        RuleInfo(
            "pay.headcount",
            "note",
            "The headcount that decides whether a law covers the organization is not given, "
            "so the law is assumed to apply.",
            "give headcount and [headcount_by_region] in content/organization.toml",
        )
    )
    return found
