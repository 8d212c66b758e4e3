"""The pay a posting states, against a requirement: which entries state it for a place,
whether it is closed and has a period, by which period, and how wide a range is."""

from ...content.model import Role
from .reach import Jurisdiction, pay_covers
from .results import Result
from .rules import Requirement

PER_YEAR = {"DAY": 260, "WEEK": 52, "MONTH": 12, "YEAR": 1}  # HOUR: hours a week x 52
A_PERIOD = {
    "HOUR": "an hour",
    "DAY": "a day",
    "WEEK": "a week",
    "MONTH": "a month",
    "YEAR": "a year",
}
"""Periods in the words of findings and the report, which are in English."""


def _covering(role: Role, jurisdiction: Jurisdiction) -> list[int]:
    """The pay entries that apply to `jurisdiction`."""
    return [i for i in range(len(role.pay)) if pay_covers(role, i, jurisdiction)]


def _stating(requirement: Requirement, role: Role, covering: list[int]) -> list[int]:
    """Those of the `covering` entries that state the pay. No law checked here asks for a
    currency: pay in USD for a remote Canadian job is the employer's choice."""
    return [i for i in covering if role.pay[i].has_figures or requirement.scale_ok]


def _exempt(requirement: Requirement, role: Role, stated: list[int]) -> Result | None:
    top = max((_yearly(role, i, high=True) for i in stated), default=0)
    if requirement.exempt_above and top > requirement.exempt_above:
        detail = f"exempt: pay above {requirement.exempt_above:,} a year"
        return Result(requirement.element, True, detail)
    return None


def spread(requirement: Requirement, role: Role, jurisdiction: Jurisdiction) -> list[Result]:
    stated = _stating(requirement, role, _covering(role, jurisdiction))
    exempt = _exempt(requirement, role, stated)
    if exempt:
        return [exempt]
    results, most = [], requirement.max_spread or 0
    for i in stated:
        if role.pay[i].kind != "range":
            continue
        width = _yearly(role, i, high=True) - _yearly(role, i, high=False)
        if width > most:
            detail = f"the range spans {width:,.0f} a year; at most {most:,}"
            fix = f"narrow the range to {most:,} or less"
            results.append(Result("pay_spread", False, detail, fix, ("pay", i), "spread"))
    return results or [Result("pay_spread", True, "no range is wider")]


def periods(requirement: Requirement, role: Role, jurisdiction: Jurisdiction) -> list[Result]:
    allowed = " or ".join(A_PERIOD[period] for period in requirement.periods)
    results = []
    for i in _stating(requirement, role, _covering(role, jurisdiction)):
        period = role.pay[i].period
        if role.pay[i].has_figures and period and period not in requirement.periods:
            detail = f"the pay is {A_PERIOD[period]}; {jurisdiction.name} asks for pay {allowed}"
            fix = f"state the pay {allowed}"
            results.append(Result("pay_period", False, detail, fix, ("pay", i, "period"), "period"))
    return results or [Result("pay_period", True, f"stated {allowed}")]


def pay(requirement: Requirement, role: Role, jurisdiction: Jurisdiction) -> list[Result]:
    covering = _covering(role, jurisdiction)
    stated = _stating(requirement, role, covering)
    if not stated:
        if not role.pay:
            detail, loc = "the posting states no pay", ("posting",)
        elif covering:
            detail, loc = "the pay is a scale without figures", ("pay", covering[0])
        else:
            detail = f"no [[pay]] entry applies to {jurisdiction.name}"
            loc = ("pay", 0, "applies_to") if role.pay[0].applies_to else ("pay", 0)
        fix = "add [[pay]] with currency, minimum, maximum and period"
        return [Result("pay", False, detail, fix, loc, "range")]
    exempt = _exempt(requirement, role, stated)
    if exempt:
        return [exempt]
    results = []
    for i in stated:
        pay = role.pay[i]
        if pay.kind in ("from", "up_to"):
            words = "from" if pay.kind == "from" else "up to"
            fix = "give both minimum and maximum (or one amount)"
            detail = f'the range is open-ended ("{words}")'
            results.append(Result("pay", False, detail, fix, ("pay", i), "range"))
        if pay.has_figures and pay.period is None:
            fix = 'add period = "YEAR" (or HOUR, DAY, WEEK, MONTH)'
            results.append(Result("pay", False, "the pay has no period", fix, ("pay", i), "period"))
    stated_as = "; ".join(_figures(role, i) for i in stated)
    return results or [Result("pay", True, f"stated: {stated_as}")]


def _figures(role: Role, index: int) -> str:
    """A pay entry in a few words: "USD 60,000–90,000 a year", "scale TV-L E13"."""
    pay = role.pay[index]
    if not pay.has_figures:
        return f"scale {pay.scale}"
    ends = [n for n in (pay.minimum, pay.maximum, pay.amount) if n is not None]
    figures = "–".join(f"{n:,.0f}" for n in dict.fromkeys(ends))
    return f"{pay.currency} {figures}" + (f" {A_PERIOD[pay.period]}" if pay.period else "")


def _yearly(role: Role, index: int, high: bool) -> float:
    """A pay entry's upper (or lower) figure a year; 0 where it has none."""
    pay = role.pay[index]
    ends = (
        [pay.maximum, pay.amount, pay.minimum] if high else [pay.minimum, pay.amount, pay.maximum]
    )
    figure = next((n for n in ends if n is not None), 0)
    if pay.period == "HOUR":
        hours = role.work.hours_per_week if role.work and role.work.hours_per_week else [40]
        return figure * hours[-1] * 52
    return figure * PER_YEAR.get(pay.period or "YEAR", 1)
