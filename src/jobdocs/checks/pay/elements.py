"""What a posting states, element by element, against one requirement of one rule: each
result is met, not met (with what is missing and how to fix it), or to check by hand."""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ...content.model import Organization, Role, primary_language
from .reach import Jurisdiction, pay_covers
from .rules import Requirement

WHAT = {
    "pay": "a pay range or figure",
    "benefits": "a description of benefits",
    "other_compensation": "a description of other compensation",
    "deadline": "an application deadline",
    "gender_neutral_title": "a gender-neutral title",
    "no_canadian_experience": "no Canadian-experience requirement",
    "ai_disclosure": "a statement whether AI screens applicants",
    "vacancy_status": "a statement whether the vacancy exists",
}
PER_YEAR = {"DAY": 260, "WEEK": 52, "MONTH": 12, "YEAR": 1}  # HOUR: hours a week x 52

# English words that name one gender; issue 13's posting-language lint brings fuller lists.
GENDERED = re.compile(
    r"\b(?!(?:hu|ger|ro|sha|talis|otto|cai|cay)m[ae]n\b)[a-z]+m[ae]n\b|\b(?:wo)?m[ae]n\b"
    r"|\b(?:headmaster|headmistress|waitress|stewardess|hostess|manageress|actress)\b",
    re.IGNORECASE,
)
# A German title names all genders with a marker: (m/w/d), Jurist*in, Jurist:in, Jurist_in,
# JuristIn, Jurist/-in, or both forms ("Juristin oder Jurist").
GERMAN_MARKER = re.compile(
    r"\((?i:[mwfdix]\s*/\s*)+(?i:[mwfdix])\)|(?i:\(all(?:e)? (?:genders|Geschlechter)\))"
    r"|\w[*:_]in(?:nen)?\b|[a-zäöüß]In(?:nen)?\b|/-?in(?:nen)?\b"
    r"|[A-ZÄÖÜ]\w+in (?:oder|und) [A-ZÄÖÜ]"
)
GERMAN_PERSON = re.compile(r"\b[A-ZÄÖÜ]\w*(?:er|or|eur|ent|ant|ist|mann|loge)\b")
CANADIAN_EXPERIENCE = re.compile(r"canadian\s+(?:work\s+)?experience", re.IGNORECASE)


@dataclass(frozen=True)
class Result:
    element: str
    met: bool | None
    """None: jobdocs cannot tell; check by hand."""
    detail: str
    fix: str = ""
    loc: tuple[Any, ...] = ("posting",)
    rule: str = ""
    """The last part of the finding's rule id, e.g. "range" in "pay.us-co.range"."""


def evaluate(
    requirement: Requirement,
    role: Role,
    organization: Organization,
    jurisdiction: Jurisdiction,
    on: date,
    language: str,
) -> list[Result]:
    """The results of one requirement: one that is met, or each thing that is not."""
    element = requirement.element
    if element == "pay":
        return _pay(requirement, role, jurisdiction, on)
    if element == "benefits":
        if role.benefits or organization.benefits:
            return [Result(element, True, "benefits are listed")]
        fix = "list them in benefits (or the organization's benefits)"
        return [Result(element, False, "no benefits are listed", fix, rule="benefits")]
    if element == "other_compensation":
        if role.other_compensation:
            return [Result(element, True, "other_compensation is given")]
        fix = 'describe bonus, commission or equity in other_compensation, or write "None"'
        return [
            Result(element, False, "the role has no other_compensation", fix, rule=_id(element))
        ]
    if element == "deadline":
        if role.posting and role.posting.valid_through:
            return [Result(element, True, f"closes {role.posting.valid_through}")]
        fix = "add valid_through = YYYY-MM-DD (the closing date) to [posting]"
        return [Result(element, False, "the posting has no valid_through", fix, rule=_id(element))]
    if element == "gender_neutral_title":
        return [_title(role, language)]
    if element == "no_canadian_experience":
        return _canadian_experience(role)
    return [
        Result(
            element, None, "no field says it: check the posting's text by hand", rule=_id(element)
        )
    ]


def _id(element: str) -> str:
    return {"other_compensation": "other-compensation", "gender_neutral_title": "title"}.get(
        element, element.replace("_", "-")
    )


def _pay(
    requirement: Requirement, role: Role, jurisdiction: Jurisdiction, on: date
) -> list[Result]:
    covering = [i for i in range(len(role.pay)) if pay_covers(role, i, jurisdiction)]
    stated = [i for i in covering if role.pay[i].has_figures or requirement.scale_ok]
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
    currencies = _currencies(jurisdiction.country, on)
    fitting = [
        i for i in stated if not role.pay[i].has_figures or role.pay[i].currency in currencies
    ]
    if not fitting:
        first = stated[0]
        found = ", ".join(sorted({role.pay[i].currency or "" for i in stated}))
        detail = f"the pay is in {found}; {jurisdiction.name} needs {' or '.join(currencies)}"
        fix = f"add a [[pay]] entry in {currencies[0]} for {jurisdiction.name}"
        return [Result("pay", False, detail, fix, ("pay", first, "currency"), "currency")]
    top = max((_yearly(role, i, high=True) for i in fitting), default=0)
    if requirement.exempt_above and top > requirement.exempt_above:
        detail = f"exempt: pay above {requirement.exempt_above:,} a year"
        return [Result("pay", True, detail)]
    results = []
    for i in fitting:
        pay = role.pay[i]
        if pay.kind in ("from", "up_to"):
            words = "from" if pay.kind == "from" else "up to"
            fix = "give both minimum and maximum (or one amount)"
            results.append(
                Result(
                    "pay", False, f'the range is open-ended ("{words}")', fix, ("pay", i), "range"
                )
            )
        if pay.has_figures and pay.period is None:
            fix = 'add period = "YEAR" (or HOUR, DAY, WEEK, MONTH)'
            results.append(Result("pay", False, "the pay has no period", fix, ("pay", i), "period"))
        elif requirement.periods and pay.period not in requirement.periods and pay.has_figures:
            allowed = " or ".join(requirement.periods)
            detail = f"the pay is per {pay.period}; {jurisdiction.name} asks for {allowed}"
            results.append(
                Result(
                    "pay",
                    False,
                    detail,
                    f"state the pay per {allowed}",
                    ("pay", i, "period"),
                    "period",
                )
            )
        elif requirement.max_spread and pay.kind == "range":
            spread = _yearly(role, i, high=True) - _yearly(role, i, high=False)
            if spread > requirement.max_spread:
                detail = f"the range spans {spread:,.0f} a year; at most {requirement.max_spread:,}"
                fix = f"narrow the range to {requirement.max_spread:,} or less"
                results.append(Result("pay", False, detail, fix, ("pay", i), "spread"))
    stated_as = "; ".join(_figures(role, i) for i in fitting)
    return results or [Result("pay", True, f"stated: {stated_as}")]


def _figures(role: Role, index: int) -> str:
    """A pay entry in a few words: "USD 60,000–90,000 per YEAR", "scale TV-L E13"."""
    pay = role.pay[index]
    if not pay.has_figures:
        return f"scale {pay.scale}"
    ends = [n for n in (pay.minimum, pay.maximum, pay.amount) if n is not None]
    figures = "–".join(f"{n:,.0f}" for n in dict.fromkeys(ends))
    return f"{pay.currency} {figures}" + (f" per {pay.period}" if pay.period else "")


@lru_cache(maxsize=256)
def _currencies(country: str, on: date) -> tuple[str, ...]:
    """The currencies in use in `country` on `on`, from CLDR (through Babel)."""
    from babel.numbers import get_territory_currencies

    return tuple(get_territory_currencies(country, on)) or ("",)


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


def _title(role: Role, language: str) -> Result:
    element, title = "gender_neutral_title", role.title
    fix = 'name all genders, e.g. "Salesperson" or "Verkäufer*in (m/w/d)"'
    primary = primary_language(language)
    if primary == "en":
        found = GENDERED.search(title)
        if found:
            detail = f"'{found.group()}' in the title names one gender"
            return Result(element, False, detail, fix, ("title",), "title")
        return Result(element, True, "no gendered word found")
    if primary == "de":
        person = GERMAN_PERSON.search(title)
        if person and not GERMAN_MARKER.search(title):
            detail = f"'{person.group()}' without a gender marker such as (m/w/d) or *in"
            return Result(element, False, detail, fix, ("title",), "title")
        return Result(element, True, "the title names all genders")
    detail = f"jobdocs has no word list for '{primary}' titles: check by hand"
    return Result(element, None, detail, loc=("title",), rule="title")


def _canadian_experience(role: Role) -> list[Result]:
    element = "no_canadian_experience"
    texts: list[tuple[tuple[Any, ...], str]] = [
        (("title",), role.title),
        (("summary",), role.summary),
    ]
    texts += [(("responsibilities", i), t) for i, t in enumerate(role.responsibilities)]
    texts += [(("eligibility", i), t) for i, t in enumerate(role.eligibility)]
    q = role.qualifications
    if q:
        for key in ("required", "preferred"):
            texts += [(("qualifications", key, i), t) for i, t in enumerate(getattr(q, key))]
        for g, group in enumerate(q.groups):
            for key in ("required", "preferred"):
                items = enumerate(getattr(group, key))
                texts += [(("qualifications", "groups", g, key, i), t) for i, t in items]
    texts += [(("sections", i, "body"), s.body) for i, s in enumerate(role.sections)]
    found = [(loc, text) for loc, text in texts if CANADIAN_EXPERIENCE.search(text)]
    if not found:
        return [Result(element, True, "no Canadian-experience requirement found")]
    fix = "ask for the experience itself, wherever it was gained"
    return [
        Result(
            element,
            False,
            "the posting asks for Canadian experience",
            fix,
            loc,
            "canadian-experience",
        )
        for loc, _ in found
    ]
