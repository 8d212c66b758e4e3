"""Cross-file checks: every role a file names exists, reporting lines have no loops, and no
two documents share an output id."""

import difflib

from ..errors import Problem
from .project import Project


def check_references(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    roles = project.roles

    def unknown(role_id: str) -> str:
        match = difflib.get_close_matches(role_id, list(roles), n=1)
        hint = f"; did you mean '{match[0]}'?" if match else ""
        return f"no role '{role_id}' in content/roles{hint}"

    for role_id, role in roles.items():
        source = project.role_source(role_id)
        if role.reports_to is not None and role.reports_to not in roles:
            problems.append(source.problem(("reports_to",), unknown(role.reports_to)))
        elif role.reports_to == role_id:
            problems.append(source.problem(("reports_to",), "a role cannot report to itself"))
    problems += _cycles(project)

    for comparison_id, comparison in project.comparisons.items():
        source = project.comparison_source(comparison_id)
        for index, role_id in enumerate(comparison.roles):
            if role_id not in roles:
                problems.append(source.problem(("roles", index), unknown(role_id)))
        if comparison_id in roles:
            message = f"id '{comparison_id}' is also a role's id; outputs would collide"
            problems.append(source.problem((), message))

    handbook = project.organization.handbook_id
    if handbook in roles or handbook in project.comparisons:
        message = f"the handbook's id '{handbook}' is also a role's or comparison's id"
        problems.append(project.organization_source.problem(("title",), message))
    return problems


def _cycles(project: Project) -> list[Problem]:
    roles = project.roles
    problems = []
    reported: set[str] = set()
    for start in roles:
        seen: list[str] = []
        current: str | None = start
        while current in roles and current not in seen:
            seen.append(current)
            current = roles[current].reports_to
        if current == start and start not in reported and len(seen) > 1:
            reported.update(seen)
            loop = " -> ".join([*seen, start])
            message = f"reporting lines form a loop: {loop}"
            problems.append(project.role_source(start).problem(("reports_to",), message))
    return problems
