"""Which pay-transparency rules a posting reaches, whether the employer is covered by each,
and the day a posting is checked as of."""

import re
from dataclasses import dataclass
from datetime import date

from ...content.model import Organization, Role, country_of
from .rules import LawRule

CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


@dataclass(frozen=True)
class Reach:
    """A place a posting reaches: a place of work, or a region remote applicants may work
    from. `region` and `city` are None where the place is wider."""

    country: str
    region: str | None
    city: str | None
    remote: bool
    label: str


@dataclass(frozen=True)
class Jurisdiction:
    """One rule as it applies to a posting: for a rule over several countries (the EU), one
    of them."""

    rule: LawRule
    code: str
    """The rule's place reached: a country, or a subdivision."""
    via: tuple[Reach, ...]

    @property
    def country(self) -> str:
        return country_of(self.code)

    @property
    def region(self) -> str | None:
        return self.code if "-" in self.code else None

    @property
    def name(self) -> str:
        if len(self.rule.places) == 1:
            return self.rule.name
        from babel import Locale  # country names, only for rules over several countries

        return f"{self.rule.name} ({Locale('en').territories.get(self.code, self.code)})"

    @property
    def remote_only(self) -> bool:
        """Reached only by remote work, which the rule does not cover."""
        return not self.rule.remote and all(reach.remote for reach in self.via)


@dataclass(frozen=True)
class Coverage:
    covered: bool
    assumed: bool
    """Covered because the headcount that decides it is not known."""
    why: str


def reaches(role: Role) -> list[Reach]:
    """The places of work, and for remote or hybrid roles the regions applicants may work
    from (a role with [remote] and no arrangement counts as remote)."""
    found = []
    for location in role.locations:
        country = location.country_code
        if country:
            where = ", ".join(p for p in (location.city, location.region or country) if p)
            found.append(Reach(country, location.region, location.city, False, where))
    for code in role.remote.eligible if role.remote and role.reaches_remote_applicants else []:
        region = code if "-" in code else None
        found.append(Reach(country_of(code), region, None, True, f"{code} (remote)"))
    return found


def matches(reach: Reach, rule: LawRule, code: str) -> bool:
    """Whether `reach` lies in (or contains) the rule's place `code`: a country reaches its
    subdivisions' and cities' rules, a subdivision its cities' rules."""
    if reach.country != country_of(code):
        return False
    if "-" in code and reach.region not in (None, code):
        return False
    if rule.city and reach.city is not None:
        return reach.city.casefold() == rule.city.casefold()
    return True


def jurisdictions(role: Role, rules: tuple[LawRule, ...]) -> list[Jurisdiction]:
    """Every rule the posting reaches, in the order of the rules file."""
    places = reaches(role)
    found = []
    for rule in rules:
        for code in rule.places:
            via = tuple(reach for reach in places if matches(reach, rule, code))
            if via:
                found.append(Jurisdiction(rule, code, via))
    return found


def pay_covers(role: Role, index: int, jurisdiction: Jurisdiction) -> bool:
    """Whether `[[pay]]` entry `index` states the pay for `jurisdiction`: it names no
    place, or a pay tier (which may be anywhere), or a place in or around it."""
    names = role.pay[index].applies_to
    if not names:
        return True
    tiers = {tier.name for tier in role.pay_tiers}
    rule, code = jurisdiction.rule, jurisdiction.code
    for name in names:
        if name in tiers:
            return True
        if CODE.match(name):
            region = name if "-" in name else None
            if matches(Reach(country_of(name), region, None, False, name), rule, code):
                return True
            continue
        for location in role.locations:
            if name in (location.name, location.city) and location.country_code:
                place = Reach(location.country_code, location.region, location.city, False, "")
                if matches(place, rule, code):
                    return True
    return False


def coverage(organization: Organization, jurisdiction: Jurisdiction) -> Coverage:
    """Whether the employer is big enough for the rule: by its total headcount, or by its
    headcount in the place (headcount_by_region; the subdivision's for a city)."""
    rule = jurisdiction.rule
    if jurisdiction.remote_only:
        note = rule.remote_note or "the law does not cover remote work from there"
        return Coverage(False, False, f"reached only by remote work: {note}")
    need = rule.threshold
    if need <= 1 and rule.counted == "total":
        return Coverage(True, False, "the law applies to every employer")
    size = f"the law applies from {need} employee{'s' * (need != 1)}"
    if rule.counted == "total":
        count = organization.headcount
        if count is None:
            return Coverage(True, True, f"{size}; headcount not given, so assumed covered")
        return Coverage(count >= need, False, f"{size}; the organization has {count}")
    size += f" in {rule.city or jurisdiction.name}"
    count, exact = _employees_in(organization, jurisdiction.region or jurisdiction.code)
    if count is None:
        return Coverage(True, True, f"{size}; headcount there not given, so assumed covered")
    if count < need:
        return Coverage(
            False,
            False,
            f"{size}; the organization has {count if exact else f'at most {count}'} there",
        )
    if exact and not rule.city:
        return Coverage(True, False, f"{size}; the organization has {count} there")
    return Coverage(
        True, True, f"{size}; headcount there not given (at most {count}), so assumed covered"
    )


def _employees_in(organization: Organization, code: str) -> tuple[int | None, bool]:
    """The employees in `code`, and whether that is exact (else an upper bound). A table
    listing some subdivisions of a country counts the ones it leaves out as having none."""
    table = organization.headcount_by_region
    if code in table:
        return table[code], True
    if table:
        country = country_of(code)
        if any(key.startswith(f"{country}-") for key in table):
            return 0, True
        if country in table:
            return table[country], False
        return 0, True
    return organization.headcount, False


def checked_on(role: Role, as_of: date) -> date:
    """The day a posting is checked as of: `as_of`, or its date_posted when later; a posting
    whose closing date has passed is checked as of that day, its last."""
    posting = role.posting
    if posting is None:
        return as_of
    if posting.date_posted and posting.date_posted > as_of:
        return posting.date_posted
    if posting.valid_through and posting.valid_through < as_of:
        return posting.valid_through
    return as_of
