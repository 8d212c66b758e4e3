"""The pay-transparency rules as data: `rules.toml` beside this module, read once and
validated strictly (the file's own comments describe every key)."""

import tomllib
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator

from ...content.model import PayPeriod, Place, Strict
from ...errors import JobdocsError

Element = Literal[
    "pay",
    "pay_spread",
    "pay_period",
    "benefits",
    "other_compensation",
    "deadline",
    "gender_neutral_title",
    "no_canadian_experience",
    "ai_disclosure",
    "vacancy_status",
    "how_to_apply",
]
Severity = Literal["error", "warning", "note"]

Url = Annotated[str, Field(pattern=r"^https?://[^\s/]+\S*$")]
Words = Annotated[str, Field(min_length=1)]
Amount = Annotated[int, Field(gt=0)]


class Citation(Strict):
    url: Url
    supports: Words
    """The facts of the rule this reference supports."""


class Requirement(Strict):
    element: Element
    since: date | None = None
    """When the element is required, where later than the rule's `effective`."""
    periods: list[PayPeriod] = Field(default_factory=list)
    """For `pay_period`: the only pay periods allowed."""
    scale_ok: bool = False
    """For `pay`: a pay scale without figures (e.g. a collective agreement's) meets it."""
    max_spread: Amount | None = None
    """For `pay_spread`: the widest range allowed, a year."""
    exempt_above: Amount | None = None
    """For `pay` and `pay_spread`: no duty where the expected pay a year exceeds this."""
    rolling_ok: bool = False
    """For `deadline`: a posting open until filled (`rolling = true`) meets it."""
    severity: Severity | None = None
    """Where it differs from the rule's: a warning where compliance depends on facts
    jobdocs cannot see (whether other compensation is offered at all)."""
    quote: Words | None = None
    """The words of the law, regulation or official guidance that create the requirement,
    as written there; required for every requirement that can fail a build."""
    source: Url | None = None
    """Where `quote` is written."""
    note: Words | None = None

    @model_validator(mode="after")
    def _pay_only(self) -> "Requirement":
        if self.element != "pay" and self.scale_ok:
            raise ValueError("scale_ok is for 'pay'")
        if (self.element == "pay_period") != bool(self.periods):
            raise ValueError("periods are for 'pay_period', which needs them")
        if self.element not in ("pay", "pay_spread") and (self.max_spread or self.exempt_above):
            raise ValueError("max_spread and exempt_above are for 'pay' and 'pay_spread'")
        if self.element == "pay_spread" and not self.max_spread:
            raise ValueError("pay_spread needs max_spread")
        if self.rolling_ok and self.element != "deadline":
            raise ValueError("rolling_ok is for 'deadline'")
        if self.quote and not self.source:
            raise ValueError("a quote needs the source it is quoted from")
        return self


class LawRule(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z]+(-[a-z]+)*$")]
    name: Words
    places: Annotated[list[Place], Field(min_length=1)]
    city: Words | None = None
    law: Words
    citation: Words
    source: Url
    sources: list[Citation] = Field(default_factory=list)
    effective: date
    enforced: date | None = None
    threshold: Annotated[int, Field(ge=1)]
    counted: Literal["total", "in-jurisdiction"]
    remote: bool
    remote_note: Words | None = None
    severity: Literal["error", "warning"] = "error"
    """Of every requirement that does not set its own."""
    status: Words | None = None
    confidence: Literal["confirmed", "partial", "unconfirmed"]
    note: Words | None = None
    requires: Annotated[list[Requirement], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> "LawRule":
        if self.city and (len(self.places) != 1 or "-" not in self.places[0]):
            raise ValueError("a city rule names exactly one subdivision in places")
        if self.enforced and self.enforced < self.effective:
            raise ValueError("enforced must not be before effective")
        elements = [r.element for r in self.requires]
        if len(set(elements)) != len(elements):
            raise ValueError("each element is required once")
        for requirement in self.requires:
            if requirement.since and requirement.since < self.effective:
                raise ValueError(f"{requirement.element}: since is before effective")
            # A false error blocks a real team's build: only words someone can read may.
            if self.severity_of(requirement) == "error" and not requirement.quote:
                raise ValueError(
                    f"{requirement.element}: an error-level requirement needs the quote"
                    " (and source) of the words that create it"
                )
        return self

    def starts(self, requirement: Requirement) -> date:
        """The day `requirement` is first required."""
        return requirement.since or self.effective

    def severity_of(self, requirement: Requirement) -> str:
        """What a posting that does not meet `requirement` gets, once it is in force."""
        return requirement.severity or self.severity


class RuleFile(Strict):
    rules: Annotated[list[LawRule], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique(self) -> "RuleFile":
        ids = [rule.id for rule in self.rules]
        if len(set(ids)) != len(ids):
            raise ValueError("every rule needs an id of its own")
        return self


def parse(text: str, name: str = "rules.toml") -> tuple[LawRule, ...]:
    """The rules in `text`; a `JobdocsError` naming the file and key when it is not valid."""
    try:
        return tuple(RuleFile.model_validate(tomllib.loads(text)).rules)
    except tomllib.TOMLDecodeError as error:
        raise JobdocsError(f"{name}: {error}") from None
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            where = "".join(
                f"[{part + 1}]" if isinstance(part, int) else f".{part}" for part in problem["loc"]
            ).lstrip(".")
            lines.append(f"{name}: {where}: {problem['msg']}")
        raise JobdocsError("\n".join(lines)) from None


@cache
def rules() -> tuple[LawRule, ...]:
    """The rules shipped with jobdocs."""
    resource = files(__package__).joinpath("rules.toml")
    return parse(resource.read_text(encoding="utf-8"), str(resource))
