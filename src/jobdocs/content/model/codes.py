"""ISO codes, checked against pycountry's copy of the standards: countries (ISO 3166-1
alpha-2), their subdivisions (ISO 3166-2) and currencies (ISO 4217).

A code is accepted only as the standard writes it ("US-CO", not "us-co"): the pay rules,
the feeds and the documents compare and print codes as they are, so a code in another
case would silently match no rule. pycountry's own lookups ignore case; the did-you-mean
uses that."""

import difflib
from typing import Annotated

from pydantic import AfterValidator, Field


def _suggestion(value: str, database, attribute: str, codes: list[str]) -> str:
    """ "; did you mean 'X'?" from a name ("Germany" → DE) or a near code, else ""."""
    import pycountry  # loaded when a code is first checked

    try:
        found = getattr(getattr(pycountry, database).lookup(value), attribute, None)
    except LookupError:
        matches = difflib.get_close_matches(value.upper(), codes, n=1)
        found = matches[0] if matches else None
    return f"; did you mean '{found}'?" if found else ""


def _country(value: str) -> str:
    import pycountry

    if len(value) == 2 and value.isupper() and pycountry.countries.get(alpha_2=value):
        return value
    hint = "" if value != "UK" else "; did you mean 'GB'?"
    if not hint:
        codes = [c.alpha_2 for c in pycountry.countries]
        hint = _suggestion(value, "countries", "alpha_2", codes)
    raise ValueError(f"'{value}' is not an ISO 3166-1 country code such as 'US' or 'DE'{hint}")


def _region(value: str) -> str:
    import pycountry

    found = pycountry.subdivisions.get(code=value) if "-" in value else None
    if found is not None and found.code == value:
        return value
    if "-" not in value and pycountry.countries.get(alpha_2=value):
        country = pycountry.countries.get(alpha_2=value).alpha_2
        raise ValueError(
            f"'{value}' is a country, not a region (a state or province such as "
            f"'US-CO'); write country = \"{country}\", or the region's ISO 3166-2 code"
        )
    country = value.split("-")[0]
    codes = [s.code for s in pycountry.subdivisions.get(country_code=country) or []]
    hint = _suggestion(value, "subdivisions", "code", codes)
    raise ValueError(f"'{value}' is not an ISO 3166-2 code such as 'US-CO' or 'DE-BY'{hint}")


def _place(value: str) -> str:
    """A country or one of its subdivisions."""
    return _region(value) if "-" in value else _country(value)


def _currency(value: str) -> str:
    import pycountry

    if len(value) == 3 and value.isupper() and pycountry.currencies.get(alpha_3=value):
        return value
    codes = [c.alpha_3 for c in pycountry.currencies]
    hint = _suggestion(value, "currencies", "alpha_3", codes)
    raise ValueError(f"'{value}' is not an ISO 4217 currency code such as 'EUR' or 'USD'{hint}")


Country = Annotated[str, Field(examples=["US", "DE"]), AfterValidator(_country)]
"""An ISO 3166-1 alpha-2 country code, e.g. "US", "DE", "GB"."""

Region = Annotated[str, Field(examples=["US-CO", "DE-BY"]), AfterValidator(_region)]
"""An ISO 3166-2 subdivision code, e.g. "US-CO" (Colorado), "CA-ON" (Ontario)."""

Place = Annotated[str, Field(examples=["US", "CA-ON"]), AfterValidator(_place)]
"""A country ("US") or a subdivision ("US-CO")."""

Currency = Annotated[str, Field(examples=["EUR", "USD"]), AfterValidator(_currency)]
"""An ISO 4217 currency code, e.g. "EUR", "USD", "GBP"."""


def country_of(place: str) -> str:
    """The country of a country or subdivision code: "US-CO" → "US"."""
    return place.split("-")[0]
