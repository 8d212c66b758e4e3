"""Numbers, money, dates and place names as the document's language writes them, from
Babel (CLDR) and pycountry (ISO 3166 names and their translations)."""

import gettext
import re
from datetime import date
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, get_currency_symbol

from ..content.model import Location, Pay, primary_language
from .labels import fill


@cache
def locale(language: str) -> Locale:
    try:
        return Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(primary_language(language))


def direction(language: str, chosen: dict[str, str] | None = None) -> str:
    """ "rtl" or "ltr": how text in `language` runs, as the project chose (`directions` in
    jobdocs.toml) or else as CLDR has it."""
    chosen = chosen or {}
    found = chosen.get(language) or chosen.get(primary_language(language))
    return found or locale(language).text_direction


def number(value: float, language: str) -> str:
    return format_decimal(value, locale=locale(language))


def money(amount: float, currency: str, language: str) -> str:
    """An amount with its currency, without cents when it is whole: "75.000 €", "$120,000"."""
    pattern = locale(language).currency_formats["standard"].pattern
    if amount == int(amount):
        pattern = pattern.replace(".00", "")
    return format_currency(
        amount, currency, format=pattern, locale=locale(language), currency_digits=False
    )


def amounts(pay: Pay, labels: dict[str, Any], language: str) -> str:
    """The figures of a pay statement, with their period: "75.000–100.000 € pro Jahr"."""
    kind = pay.kind
    if kind == "scale":
        return ""
    if kind == "amount":
        text = money(pay.amount if pay.amount is not None else pay.minimum, pay.currency, language)
    elif kind == "from":
        text = fill(labels["pay"]["from"], amount=money(pay.minimum, pay.currency, language))
    elif kind == "up_to":
        text = fill(labels["pay"]["up_to"], amount=money(pay.maximum, pay.currency, language))
    else:
        low = money(pay.minimum, pay.currency, language)
        high = money(pay.maximum, pay.currency, language)
        symbol = get_currency_symbol(pay.currency, locale(language))
        if low.endswith(symbol):  # the symbol follows the number: print it once, at the end
            low = low.removesuffix(symbol).rstrip("\u00a0 ")
        text = f"{low}–{high}"
    if pay.period:
        text += " " + labels["period"][pay.period]
    return text


def sentence(text: str) -> str:
    """Text jobdocs assembled, made to start a sentence: "from $52,500 per year" → "From
    $52,500 per year". Only the first letter changes (Jinja's `capitalize` would lower
    the rest: "EUR" → "eur")."""
    return text[:1].upper() + text[1:]


def when(value: date | str, language: str) -> str:
    """A date in the language's long form ("15. Dezember 2026"); words as they are."""
    if isinstance(value, date):
        return format_date(value, "long", locale=locale(language))
    return value


def place(code: str, language: str) -> str:
    """The name of a country ("DE") or subdivision ("US-CO") in the language."""
    if "-" not in code:
        return locale(language).territories.get(code, code)
    import pycountry

    found = pycountry.subdivisions.get(code=code)
    if found is None:
        return code
    return _subdivision_names(primary_language(language)).gettext(found.name)


def place_or_name(value: str, language: str) -> str:
    """A place's name where `value` is an ISO code ("US-NY"), else `value` as it is (a city,
    a site, a pay tier)."""
    if re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?", value):
        return place(value, language)
    return value


@cache
def _subdivision_names(language: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def location(value: Location, language: str, comma: str = ", ") -> str:
    """A place of work on one line: site, street, postal code and city, region, country,
    apart by the language's `comma` (a label: "، " in Arabic)."""
    parts = [value.name, value.street]
    parts.append(" ".join(p for p in (value.postal_code, value.city) if p) or None)
    region = place(value.region, language) if value.region else None
    if region and region != value.city:  # Berlin, not "Berlin, Berlin"
        parts.append(region)
    if value.country_code:
        parts.append(place(value.country_code, language))
    return comma.join(p for p in parts if p)


def listing(items: list[str], language: str) -> str:
    """Items as the language lists them: "A, B and C", "A, B und C"."""
    return format_list(list(items), locale=locale(language)) if items else ""
