"""Postings written for the pay-transparency tests: a small project on disk, built from
keyword options, and the findings of the checks on it as of a day."""

from datetime import date
from pathlib import Path

from jobdocs.checks import Context, run
from jobdocs.content import load_project
from jobdocs.errors import Problem

ORGANIZATION = 'name = "Acme"\nheadcount = {headcount}\n{by_region}'


def posting(
    city: str | None = "Denver",
    region: str | None = "US-CO",
    currency: str = "USD",
    *,
    title: str = "Data Analyst",
    language: str | None = None,
    pay: str = "range",
    period: str | None = "YEAR",
    low: float = 60000,
    high: float = 90000,
    benefits: bool = True,
    other: bool = True,
    status: str = "open",
    date_posted: str = "2020-01-01",
    valid_through: str | None = "2030-12-31",
    rolling: bool = False,
    apply: bool = True,
    ai_screening: str | None = "false",
    existing_vacancy: str | None = "true",
    remote: list[str] | None = None,
    required: list[str] | None = None,
    hours: int | None = None,
) -> str:
    """A role with [posting] that states everything any rule asks for, unless told not to.
    `pay` is "range", "from", "up_to", "amount", "scale" or "none"."""
    lines = [f'title = "{title}"', 'summary = "Turn data into decisions."']
    if language:
        lines.append(f'language = "{language}"')
    if benefits:
        lines.append('benefits = ["Health, dental and vision insurance.", "25 days of leave."]')
    if other:
        lines.append('other_compensation = "An annual bonus of up to 5%."')
    if required:
        lines.append("qualifications.required = [" + ", ".join(f'"{r}"' for r in required) + "]")
    if remote is not None or hours:
        arrangement = 'arrangement = "remote"\n' if remote is not None else ""
        lines.append(f"[work]\n{arrangement}" + (f"hours_per_week = {hours}" if hours else ""))
    if city or region:
        lines.append("[[locations]]")
        lines += [f'city = "{city}"'] if city else []
        lines += [f'region = "{region}"'] if region else []
    if remote is not None:
        lines.append("[remote]\neligible = [" + ", ".join(f'"{c}"' for c in remote) + "]")
    if pay != "none":
        figures = {
            "range": f"minimum = {low}\nmaximum = {high}",
            "from": f"minimum = {low}",
            "up_to": f"maximum = {high}",
            "amount": f"amount = {low}",
            "scale": "",
        }[pay]
        lines.append("[[pay]]")
        lines += [f'currency = "{currency}"\n{figures}'] if figures else ['scale = "TV-L E13"']
        lines += [f'period = "{period}"'] if period and figures else []
    lines.append(f'[posting]\nstatus = "{status}"\ndate_posted = {date_posted}')
    if valid_through:
        lines.append(f"valid_through = {valid_through}")
    if rolling:
        lines.append("rolling = true")
    if apply:
        lines.append('apply_url = "https://example.com/apply"')
    if ai_screening is not None:
        lines.append(f"ai_screening = {ai_screening}")
    if existing_vacancy is not None:
        lines.append(f"existing_vacancy = {existing_vacancy}")
    return "\n".join(lines) + "\n"


def project(
    root: Path,
    *roles: str,
    headcount: int | None = 1000,
    by_region: dict[str, int] | None = None,
) -> Path:
    """A project in `root` with the roles given, named job-1, job-2, …"""
    (root / "content/roles").mkdir(parents=True)
    table = ""
    if by_region:
        table = "[headcount_by_region]\n" + "".join(f'"{k}" = {v}\n' for k, v in by_region.items())
    organization = ORGANIZATION.format(headcount=headcount, by_region=table)
    if headcount is None:
        organization = organization.replace("headcount = None\n", "")
    (root / "content/organization.toml").write_text(organization, encoding="utf-8")
    for number, text in enumerate(roles, 1):
        (root / f"content/roles/job-{number}.toml").write_text(text, encoding="utf-8")
    # The postings written for these tests are short: the language rules would have much
    # to say, none of it about pay.
    (root / "jobdocs.toml").write_text("[lint]\nenabled = false\n", encoding="utf-8")
    return root


def findings(root: Path, as_of: str) -> list[Problem]:
    """The pay-transparency findings on the project in `root` as of `as_of`."""
    problems = run(load_project(root), Context(as_of=date.fromisoformat(as_of)))
    return [p for p in problems if p.rule.startswith("pay.")]


def by_rule(problems: list[Problem], rule_id: str) -> list[Problem]:
    """The findings of one jurisdiction ("us-co"), or of one rule ("us-co.range")."""
    return [
        p for p in problems if p.rule == f"pay.{rule_id}" or p.rule.startswith(f"pay.{rule_id}.")
    ]


def line_of(root: Path, needle: str, role: int = 1) -> int:
    """The line of a role file on which `needle` first stands."""
    text = (root / f"content/roles/job-{role}.toml").read_text(encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)
