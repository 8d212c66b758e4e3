"""Rules of the content model that no TOML parser enforces."""

from datetime import date

import pytest
from pydantic import ValidationError

from jobdocs.content.model import Comparison, Location, Pay, Posting, Role, Settings

ROLE = {"title": "Tester", "summary": "Tests things."}


def test_a_role_needs_only_a_title_and_a_summary():
    role = Role.model_validate(ROLE)
    assert role.department is None and role.responsibilities == [] and role.pay == []
    assert role.employment_types == [] and role.qualifications is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"employment_type": "FULLTIME"}, "Input should be 'FULL_TIME'"),
        ({"employment_type": []}, "at least 1 item"),
        ({"reports_to": "Not An Id"}, "should match pattern"),
        ({"title": 5}, "valid string"),
        ({"summary": "\t\n "}, "must not be empty"),
        ({"summary": "bell\x07"}, r"U\+0007"),
        ({"summary": "[x](javascript:alert(1))"}, "links must start with http"),
        ({"bonus": 1}, "Extra inputs"),
        ({"language": "German"}, "should match pattern"),
        ({"source_url": "www.example.com"}, "must be a web address"),
        ({"work": {"hours_per_week": [40, 30]}}, "maximum must not be less"),
        ({"work": {"arrangement": "office"}}, "'on-site', 'hybrid' or 'remote'"),
        ({"pay_tiers": [{"name": "A"}, {"name": "A"}]}, "a name of its own"),
        ({"location": "Berlin, Germany"}, r"replaced; write \[\[locations\]\]"),
        ({"work_arrangement": "hybrid"}, r"replaced; write \[work\] with arrangement"),
        ({"compensation": {"currency": "EUR"}}, r"replaced; write \[\[pay\]\]"),
    ],
)
def test_role_rules(change, message):
    with pytest.raises(ValidationError, match=message):
        Role.model_validate({**ROLE, **change})


def test_one_employment_type_or_several():
    assert Role.model_validate({**ROLE, "employment_type": "INTERN"}).employment_types == ["INTERN"]
    both = Role.model_validate({**ROLE, "employment_type": ["FULL_TIME", "TEMPORARY"]})
    assert both.employment_types == ["FULL_TIME", "TEMPORARY"]


@pytest.mark.parametrize(
    ("pay", "kind"),
    [
        ({"currency": "EUR", "minimum": 1, "maximum": 5}, "range"),
        ({"currency": "EUR", "minimum": 5}, "from"),
        ({"currency": "EUR", "maximum": 5}, "up_to"),
        ({"currency": "GBP", "amount": 14.5, "period": "HOUR"}, "amount"),
        ({"scale": "TV-L E13"}, "scale"),
        ({"scale": "GS-14", "currency": "USD", "minimum": 1, "maximum": 2}, "range"),
    ],
)
def test_pay_reads_as_postings_state_it(pay, kind):
    assert Pay.model_validate(pay).kind == kind


@pytest.mark.parametrize(
    ("pay", "message"),
    [
        ({"currency": "EUR", "minimum": 10, "maximum": 5}, "maximum must not be less"),
        ({"currency": "EUR", "amount": 1, "minimum": 1}, "either amount or minimum"),
        ({"minimum": 1}, "amounts need a currency"),
        ({"currency": "EUR"}, "give minimum and/or maximum, an amount, or a scale"),
        ({"currency": "euro", "amount": 1}, "not an ISO 4217 currency code.*'EUR'"),
        ({"currency": "EUR", "amount": 1, "period": "FORTNIGHT"}, "'HOUR', 'DAY'"),
        ({"currency": "EUR", "amount": -1}, "greater than or equal to 0"),
    ],
)
def test_pay_rules(pay, message):
    with pytest.raises(ValidationError, match=message):
        Pay.model_validate(pay)


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ({"country": "UK"}, "not an ISO 3166-1 country code.*did you mean 'GB'"),
        ({"country": "Germany"}, "did you mean 'DE'"),
        ({"region": "US-COL"}, "not an ISO 3166-2 code.*did you mean 'US-CO'"),
        ({"region": "US-CO", "country": "CA"}, "region 'US-CO' is not in country 'CA'"),
        ({"postal_code": "10115"}, "give at least a city"),
    ],
)
def test_location_rules(location, message):
    with pytest.raises(ValidationError, match=message):
        Location.model_validate(location)


def test_a_region_implies_its_country():
    assert Location.model_validate({"region": "CA-ON"}).country_code == "CA"


def test_the_closing_date_follows_the_posting_date():
    posted = {"date_posted": date(2026, 11, 2)}
    assert Posting.model_validate({**posted, "valid_through": date(2026, 11, 2)})
    with pytest.raises(ValidationError, match="closing date 2026-11-01 is before"):
        Posting.model_validate({**posted, "valid_through": date(2026, 11, 1)})


def test_comparisons_of_any_number_of_roles_with_matching_cells():
    three = {
        "title": "T",
        "roles": ["a", "b", "c"],
        "rows": [{"aspect": "X", "cells": list("123")}],
    }
    assert len(Comparison.model_validate(three).rows[0].cells) == 3
    with pytest.raises(ValidationError, match=r"row 1 \('X'\) has 2 cells for 3 roles"):
        Comparison.model_validate({**three, "rows": [{"aspect": "X", "cells": ["1", "2"]}]})
    with pytest.raises(ValidationError, match="labels has 1 entries for 3 roles"):
        Comparison.model_validate({**three, "labels": ["A"]})
    with pytest.raises(ValidationError, match="roles must not repeat"):
        Comparison.model_validate({**three, "roles": ["a", "a", "c"]})


def test_pdf_variants_are_ones_weasyprint_knows():
    from typing import get_args

    from weasyprint.pdf import VARIANTS

    from jobdocs.content.model import PdfVariant

    assert set(get_args(PdfVariant)) <= set(VARIANTS)
    with pytest.raises(ValidationError):
        Settings.model_validate({"pdf_variant": "pdf/z-9"})
