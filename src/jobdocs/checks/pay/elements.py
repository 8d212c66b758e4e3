"""What a posting states, element by element, against one requirement of one rule: each
result is met, not met (with what is missing and how to fix it), or to check by hand."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...content.model import Organization, Role, primary_language
from . import figures
from .reach import Jurisdiction
from .results import Result
from .rules import Requirement

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
class Statement:
    """An element a posting meets by stating something in a field."""

    stated: Callable[[Role, Organization], bool]
    missing: str
    fix: str
    rule: str


def _applying(role: Role, organization: Organization) -> bool:
    posting = role.posting
    ways = (posting.apply_url, posting.apply_email, posting.how_to_apply) if posting else ()
    return any(ways) or bool(organization.how_to_apply)


STATEMENTS = {
    "benefits": Statement(
        lambda role, organization: bool(role.benefits or organization.benefits),
        "no benefits are listed",
        "list them in benefits (or the organization's benefits)",
        "benefits",
    ),
    # Only the employer knows whether any is offered: the fix never suggests "None".
    "other_compensation": Statement(
        lambda role, _: bool(role.other_compensation),
        "the role has no other_compensation; the law asks for it where any is offered",
        "if bonuses, commissions, equity or other pay are offered, describe them in"
        " other_compensation",
        "other-compensation",
    ),
    "how_to_apply": Statement(
        _applying,
        "the posting does not say how to apply",
        "add apply_url, apply_email or how_to_apply to [posting]",
        "apply",
    ),
    "ai_disclosure": Statement(
        lambda role, _: bool(role.posting and role.posting.ai_screening is not None),
        "the posting does not say whether AI screens applicants",
        "add ai_screening = true or false (or words saying how AI is used) to [posting]",
        "ai-screening",
    ),
    "vacancy_status": Statement(
        lambda role, _: bool(role.posting and role.posting.existing_vacancy is not None),
        "the posting does not say whether the vacancy exists",
        "add existing_vacancy = true (or false, for a pool of candidates) to [posting]",
        "existing-vacancy",
    ),
}


def evaluate(
    requirement: Requirement,
    role: Role,
    organization: Organization,
    jurisdiction: Jurisdiction,
    language: str,
) -> list[Result]:
    """The results of one requirement: one that is met, or each thing that is not."""
    element = requirement.element
    if element in STATEMENTS:
        statement = STATEMENTS[element]
        if statement.stated(role, organization):
            return [Result(element, True, "stated")]
        return [Result(element, False, statement.missing, statement.fix, rule=statement.rule)]
    if element == "pay":
        return figures.pay(requirement, role, jurisdiction)
    if element == "pay_spread":
        return figures.spread(requirement, role, jurisdiction)
    if element == "pay_period":
        return figures.periods(requirement, role, jurisdiction)
    if element == "deadline":
        return [_deadline(requirement, role)]
    if element == "gender_neutral_title":
        return [_title(role, language)]
    return _canadian_experience(role)


def _deadline(requirement: Requirement, role: Role) -> Result:
    posting, element = role.posting, "deadline"
    if posting and posting.valid_through:
        return Result(element, True, f"closes {posting.valid_through}")
    if posting and posting.rolling:
        if requirement.rolling_ok:
            return Result(element, True, "open until filled, as the posting says")
        fix = "give valid_through = YYYY-MM-DD (the closing date) instead of rolling = true"
        detail = "the posting is open until filled; a closing date is asked for"
        return Result(element, False, detail, fix, ("posting", "rolling"), "deadline")
    fix = "add valid_through = YYYY-MM-DD (the closing date) to [posting]"
    if requirement.rolling_ok:
        fix += ", or rolling = true where applications are accepted until the job is filled"
    return Result(element, False, "the posting has no valid_through", fix, rule="deadline")


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
