"""Rules of the content model that no TOML parser enforces."""

import pytest
from pydantic import ValidationError

from jobdocs.content.model import Comparison, Compensation, Role, Settings

ROLE = {
    "title": "Tester",
    "department": "Quality",
    "summary": "Tests things.",
    "employment_type": "PART_TIME",
    "responsibilities": ["Test"],
    "qualifications": {"required": ["Patience"]},
}


def test_a_minimal_role_is_valid():
    role = Role.model_validate(ROLE)
    assert role.reports_to is None and role.benefits == [] and role.compensation is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"employment_type": "FULLTIME"}, "Input should be 'FULL_TIME'"),
        ({"responsibilities": []}, "at least 1 item"),
        ({"reports_to": "Not An Id"}, "should match pattern"),
        ({"title": 5}, "valid string"),
        ({"summary": "\t\n "}, "must not be empty"),
        ({"summary": "bell\x07"}, r"U\+0007"),
        ({"bonus": 1}, "Extra inputs"),
    ],
)
def test_role_rules(change, message):
    with pytest.raises(ValidationError, match=message):
        Role.model_validate({**ROLE, **change})


def test_compensation_range_is_ordered():
    with pytest.raises(ValidationError, match="maximum must not be less than minimum"):
        Compensation.model_validate({"currency": "EUR", "minimum": 10, "maximum": 5})
    with pytest.raises(ValidationError, match="should match pattern"):
        Compensation.model_validate({"currency": "euro", "minimum": 1, "maximum": 5})


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
