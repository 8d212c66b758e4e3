"""A role, `content/roles/<id>.toml`: the job description, and with `[posting]` a job
posting with places, pay, dates and how to apply."""

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from .pay import Pay, PayTier
from .place import Location, Remote
from .posting import Posting
from .text import (
    LIST_LIMIT,
    TEXT_LIMIT,
    DateOrText,
    Items,
    Language,
    Markdown,
    RoleId,
    Strict,
    Text,
    Url,
    one_or_more,
)

EmploymentType = Literal[
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"
]
Arrangement = Literal["on-site", "hybrid", "remote"]
Hours = Annotated[int, Field(gt=0, le=168)] | Annotated[float, Field(gt=0, le=168)]
LabelName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_-]{0,39}$")]
Label = Annotated[str, Field(max_length=TEXT_LIMIT)]
"""A label's words; empty for none."""
SectionPlace = Literal[
    "start", "summary", "responsibilities", "qualifications", "required", "preferred", "pay",
    "benefits", "end",
]  # fmt: skip


class Work(Strict):
    """How, when and how much the work is: `[work]`."""

    arrangement: one_or_more(Arrangement) | None = None
    """on-site, hybrid or remote; a list where several apply (["on-site", "remote"])."""
    hours: Text | None = None
    """Working time as printed, e.g. "30–40 hours a week"."""
    hours_per_week: one_or_more(Hours, most=2) | None = None
    """Hours a week as a number, or [min, max]; for feeds and JSON-LD."""
    schedule: Text | None = None
    """When the work happens, e.g. "Monday to Friday"."""
    term: Text | None = None
    """The contract term, e.g. "Fixed term, 24 months"."""
    start: DateOrText | None = None
    """The start date (2027-01-15) or words ("as soon as possible")."""
    travel: Text | None = None
    """How much travel the role needs, e.g. "Up to 25%"."""
    note: Text | None = None
    """What no value above says, e.g. "occasional home office"."""

    @field_validator("hours_per_week")
    @classmethod
    def _ordered(cls, value):
        if value and value[-1] < value[0]:
            raise ValueError("[min, max]: the maximum must not be less than the minimum")
        return value

    @property
    def arrangements(self) -> list[str]:
        return self.arrangement or []


class QualificationGroup(Strict):
    """A group of criteria under a heading, as person specifications have them."""

    heading: Text
    """The group's heading, e.g. "Communication"."""
    required: Items = []
    """Criteria every candidate must meet."""
    preferred: Items = []
    """Criteria that help."""
    need: Literal["any", "all"] | Annotated[int, Field(ge=1)] | None = None
    """How many of the criteria a candidate needs: "any", "all" or a number."""
    note: Markdown | None = None
    """Printed under the heading, e.g. "We don't expect you to have all of these"; may
    hold several paragraphs."""
    essential: bool = False
    """Its criteria are essential functions of the job ("Lift boxes of up to 50 pounds"):
    the posting-language rule on physical requirements stays silent on them."""


class Qualifications(Strict):
    required: Items = []
    """What every candidate must bring, one item each."""
    preferred: Items = []
    """What helps but is not required."""
    groups: Annotated[list[QualificationGroup], Field(max_length=LIST_LIMIT)] = []
    """Criteria grouped by competency, printed after the two lists."""


class Section(Strict):
    """A section of free text, placed after one of the standard blocks: `[[sections]]`."""

    heading: Text | None = None
    """The section's heading, e.g. "Hiring process"; without one, its text stands alone."""
    body: Markdown
    """The section's text."""
    after: SectionPlace = "end"
    """Where it goes: at the start (before the summary); after the summary,
    responsibilities, qualifications, pay or benefits; after the required or preferred
    qualifications (inside that block); or at the end."""
    essential: bool = False
    """It states essential functions of the job ("Physical requirements"): the
    posting-language rule on physical requirements stays silent on it."""


class Intro(Strict):
    """Lead-ins: a paragraph printed under a block's heading, before its list ("As a Senior
    Developer, you will:"): `[intro]`."""

    responsibilities: Markdown | None = None
    """Before the responsibilities."""
    qualifications: Markdown | None = None
    """Under the qualifications' heading, before the lists."""
    required: Markdown | None = None
    """Before the required qualifications."""
    preferred: Markdown | None = None
    """Before the preferred qualifications."""
    eligibility: Markdown | None = None
    """Before the conditions of employment."""
    benefits: Markdown | None = None
    """Before the benefits."""


def _list_name(key: str) -> str:
    return f"qualifications.{key}" if key in ("required", "preferred") else key


def _moved(replacement: str):
    """A key from an earlier version: any value is an error that shows what to write."""

    def fail(value: Any) -> None:
        raise ValueError(f"this key is replaced; write {replacement}")

    return SkipJsonSchema[Annotated[Any, AfterValidator(fail)] | None]


class Role(Strict):
    """One role: content/roles/<id>.toml, where <id> is the file's name."""

    title: Text
    """The role's title, e.g. "Software Engineer"."""
    department: Text | None = None
    """The department the role belongs to, e.g. "Engineering"."""
    summary: Markdown
    """Why the role exists and what success looks like; paragraphs, lists, sub-headings."""
    reports_to: RoleId | None = None
    """The id of the role this one reports to (its file name without .toml)."""
    reports_to_title: Text | None = None
    """The title of a manager who is not a role of the project ("Building Engineer"),
    printed like `reports_to`; not with it."""
    employment_type: one_or_more(EmploymentType) | None = None
    """FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM or OTHER;
    a list where several apply (["FULL_TIME", "TEMPORARY"])."""
    grade: Text | None = None
    """A grade, band or level, e.g. "GS-14", "Band 5"."""
    language: Language | None = None
    """The posting's language, e.g. "de"; the project's language when absent."""
    source_url: Url | None = None
    """The page the posting was taken from; relative links in its text resolve against it."""
    work: Work | None = None
    """Arrangement, hours, schedule, term, start and travel."""
    locations: Annotated[list[Location], Field(max_length=LIST_LIMIT)] = []
    """The places of work."""
    remote: Remote | None = None
    """For remote and hybrid roles: where applicants may work from."""
    pay: Annotated[list[Pay], Field(max_length=LIST_LIMIT)] = []
    """Pay ranges, figures or scales; one per location, tier or currency where they differ."""
    pay_tiers: Annotated[list[PayTier], Field(max_length=LIST_LIMIT)] = []
    """Named tiers (cost-of-living zones, grades) that `pay.applies_to` can name."""
    other_compensation: Markdown | None = None
    """Bonus, equity, commission and the like."""
    eligibility: Items = []
    """Conditions of employment: citizenship, work permit, clearance."""
    responsibilities: Items = []
    """What the person in the role does, one sentence each."""
    qualifications: Qualifications | None = None
    """What candidates need (required), what helps (preferred), and grouped criteria."""
    benefits: Items = []
    """What the employer offers beyond pay; the organization's benefits when empty."""
    posting: Posting | None = None
    """Present when the role is a job posting."""
    sections: Annotated[list[Section], Field(max_length=LIST_LIMIT)] = []
    """Free sections, each placed after a standard block."""
    labels: dict[LabelName, dict[LabelName, Label]] = {}
    """The labels overridden for this posting, key by key, as a project's
    `templates/labels/<language>.toml` overrides the theme's: `[labels.headings]`
    `preferred = ""` leaves that heading out."""
    intro: Intro | None = None
    """Lead-in paragraphs under the headings of responsibilities, qualifications,
    required, preferred, eligibility and benefits."""

    # Keys of earlier versions, each an error that shows what to write instead.
    location: _moved('[[locations]] with city = "…" and country = "…" (an ISO code)') = Field(
        None, exclude=True
    )
    work_arrangement: _moved('[work] with arrangement = "…"') = Field(None, exclude=True)
    compensation: _moved("[[pay]] with currency, minimum, maximum and period (the same keys)") = (
        Field(None, exclude=True)
    )

    @model_validator(mode="after")
    def _one_manager(self) -> "Role":
        if self.reports_to and self.reports_to_title:
            raise ValueError(
                "reports_to_title: the role already reports_to a role of the project;"
                " keep one of them"
            )
        return self

    @model_validator(mode="after")
    def _placed(self) -> "Role":
        """A lead-in or a section placed by a list the role does not have would never
        print: an error rather than text that silently goes missing."""
        q = self.qualifications
        present = {
            "responsibilities": bool(self.responsibilities),
            "qualifications": bool(q and (q.required or q.preferred or q.groups)),
            "required": bool(q and q.required),
            "preferred": bool(q and q.preferred),
            "eligibility": bool(self.eligibility),
        }
        for key in self.intro.model_dump(exclude_none=True) if self.intro else ():
            if not present.get(key, True):
                raise ValueError(f"intro.{key}: the role has no {_list_name(key)} to lead into")
        for number, section in enumerate(self.sections, 1):
            if section.after in ("required", "preferred") and not present[section.after]:
                raise ValueError(
                    f"sections[{number}]: after = {section.after!r}, but the role has no "
                    f"{_list_name(section.after)}"
                )
        return self

    @model_validator(mode="after")
    def _unique_tiers(self) -> "Role":
        names = [tier.name for tier in self.pay_tiers]
        if len(set(names)) != len(names):
            raise ValueError("pay_tiers: every tier needs a name of its own")
        return self

    @property
    def employment_types(self) -> list[str]:
        return self.employment_type or []

    @property
    def is_remote(self) -> bool:
        """Whether the job may be done fully remotely ("remote" among its arrangements):
        what the careers site lists under remote and Google calls TELECOMMUTE. A role that
        is only hybrid is not."""
        return bool(self.work) and "remote" in self.work.arrangements

    @property
    def reaches_remote_applicants(self) -> bool:
        """Whether people may apply from the regions of [remote]: a remote or hybrid role
        with [remote], or one with [remote] and no arrangement. Pay-transparency laws of
        those regions reach it."""
        arrangements = set(self.work.arrangements) if self.work else set()
        return self.remote is not None and (
            not arrangements or bool({"remote", "hybrid"} & arrangements)
        )
