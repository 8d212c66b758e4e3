"""The outcome of checking one requirement, and what each element asks a posting for."""

from dataclasses import dataclass
from typing import Any

WHAT = {
    "pay": "a pay range or figure",
    "pay_spread": "a pay range no wider than its limit",
    "pay_period": "pay by the hour or the year",
    "benefits": "a description of benefits",
    "other_compensation": "a description of other compensation",
    "deadline": "an application deadline",
    "gender_neutral_title": "a gender-neutral title",
    "no_canadian_experience": "no Canadian-experience requirement",
    "ai_disclosure": "a statement whether AI screens applicants",
    "vacancy_status": "a statement whether the vacancy exists",
    "how_to_apply": "how to apply",
}


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
