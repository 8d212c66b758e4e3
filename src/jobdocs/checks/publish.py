"""What a published posting lacks for Google for Jobs and the job feeds, checked when the
careers site is built: required properties are errors, recommended ones warnings.

Google's rules: https://developers.google.com/search/docs/appearance/structured-data/job-posting
"""

from ..content.project import Project
from ..documents.site import SITE, published
from ..errors import Problem

# rule: (severity, message, fix)
RULES = {
    "base-url": (
        "error",
        "the careers site needs the address it is published at",
        '[site] base_url = "https://example.com/careers/" in jobdocs.toml',
    ),
    "date-posted": (
        "error",
        "no date_posted: Google requires datePosted",
        "date_posted = 2027-01-15 under [posting]",
    ),
    "location": (
        "error",
        "no place of work: Google requires jobLocation unless the job may be done remotely",
        'add [[locations]] with city and country, or [work] arrangement = "remote"',
    ),
    "country": (
        "error",
        "a location without a country: Google requires addressCountry",
        'country = "US" (or region = "US-CO")',
    ),
    "remote-eligible": (
        "error",
        "a remote role without the regions applicants may work from: Google asks for "
        "applicantLocationRequirements",
        '[remote] eligible = ["US"]',
    ),
    "valid-through": (
        "warning",
        "no closing date: Google recommends validThrough",
        "valid_through = 2027-02-15 under [posting]",
    ),
    "employment-type": (
        "warning",
        "no employment type: Google recommends employmentType",
        'employment_type = "FULL_TIME"',
    ),
    "salary": (
        "warning",
        "no pay figures: Google recommends baseSalary, and some laws require a range",
        "add [[pay]] with currency, minimum, maximum and period",
    ),
    "pay-period": (
        "warning",
        "pay without a period: baseSalary needs unitText, and feeds a salary period",
        'period = "YEAR"',
    ),
    "apply": (
        "warning",
        "no way to apply: no apply_url, apply_email or how_to_apply",
        'apply_url = "https://…" under [posting]',
    ),
}


def check(project: Project, context) -> list[Problem]:
    if SITE not in context.formats:
        return []
    problems = []
    if not project.settings.site.base_url:
        source = project.sources.get(project.paths.settings_file)
        if source is not None:
            problems.append(_finding(source.problem, ("site",), "base-url"))
        else:
            severity, message, fix = RULES["base-url"]
            path = project.paths.settings_file
            problems.append(Problem(path, None, None, "", message, severity, "site.base-url", fix))
    for role_id, role in published(project).items():
        if role.posting.status == "open":
            problems += _posting(project, role_id, role)
    return problems


def _finding(problem, loc: tuple, rule: str) -> Problem:
    severity, message, fix = RULES[rule]
    return problem(loc, message, severity=severity, rule=f"site.{rule}", fix=fix)


def _posting(project: Project, role_id: str, role) -> list[Problem]:
    problem = project.role_source(role_id).problem
    posting = role.posting
    remote = role.is_remote
    found = []
    if posting.date_posted is None:
        found.append(_finding(problem, ("posting",), "date-posted"))
    if not role.locations and not remote:
        found.append(_finding(problem, (), "location"))
    for index, location in enumerate(role.locations):
        if location.country_code is None:
            found.append(_finding(problem, ("locations", index), "country"))
    if remote and not (role.remote and role.remote.eligible):
        found.append(_finding(problem, ("work", "arrangement"), "remote-eligible"))
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
