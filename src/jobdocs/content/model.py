"""The content model: what a project's TOML files may hold. Pure data, no I/O.

Every text field accepts inline Markdown (bold, italic, links); fields typed `Markdown`
accept paragraphs and lists as well. Raw HTML is never interpreted.
"""

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ..formats import NAMES
from .markdown import bad_links

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Limits that keep absurd input from costing unbounded time or memory; generous for any
# real job description (the README lists them).
TEXT_LIMIT = 2_000  # characters in one line of text
MARKDOWN_LIMIT = 20_000  # characters in a summary or introduction (about ten pages)
LIST_LIMIT = 200  # items in one list
COLUMN_LIMIT = 6  # roles in one comparison: more do not fit a printed page

# Characters TOML may hold but XML 1.0 (and so Word) cannot: C0 controls except tab,
# newline and carriage return, plus the non-characters U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    bad = _XML_ILLEGAL.search(value)
    if bad:
        raise ValueError(
            f"contains the control character U+{ord(bad.group()):04X}, "
            "which documents cannot hold; remove it"
        )
    links = bad_links(value)
    if links:
        raise ValueError(
            f"link to {links[0]!r}: links must start with http://, https:// or mailto:"
        )
    return value


Text = Annotated[str, Field(max_length=TEXT_LIMIT), AfterValidator(_clean_text)]
"""One line of inline Markdown."""

Markdown = Annotated[str, Field(max_length=MARKDOWN_LIMIT), AfterValidator(_clean_text)]
"""Block Markdown: paragraphs separated by blank lines, bulleted and numbered lists."""

Items = Annotated[list[Text], Field(max_length=LIST_LIMIT)]
"""A list of lines of text."""

RoleId = Annotated[str, Field(pattern=ID_PATTERN)]

EmploymentType = Literal[
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"
]
WorkArrangement = Literal["on-site", "hybrid", "remote"]
PayPeriod = Literal["HOUR", "DAY", "WEEK", "MONTH", "YEAR"]


class Strict(BaseModel):
    # Field docstrings become descriptions in the JSON Schemas editors show (schema.py).
    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True
    )


class Qualifications(Strict):
    required: Annotated[Items, Field(min_length=1)]
    """What every candidate must bring, one item each."""
    preferred: Items = []
    """What helps but is not required."""


class Compensation(Strict):
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    """The ISO 4217 currency code, e.g. "EUR", "USD", "GBP"."""
    minimum: Annotated[int, Field(ge=0)]
    """The lower end of the pay range, in whole currency units."""
    maximum: Annotated[int, Field(ge=0)]
    """The upper end of the pay range; not less than the minimum."""
    period: PayPeriod = "YEAR"
    """What the amounts are paid for: HOUR, DAY, WEEK, MONTH or YEAR."""

    @model_validator(mode="after")
    def _ordered(self) -> "Compensation":
        if self.maximum < self.minimum:
            raise ValueError("maximum must not be less than minimum")
        return self


class Role(Strict):
    """One role: content/roles/<id>.toml, where <id> is the file's name."""

    title: Text
    """The role's title, e.g. "Software Engineer"."""
    department: Text
    """The department the role belongs to, e.g. "Engineering"."""
    summary: Markdown
    """Why the role exists and what success looks like; paragraphs and lists allowed."""
    reports_to: RoleId | None = None
    """The id of the role this one reports to (its file name without .toml)."""
    employment_type: EmploymentType
    """schema.org's employment type: FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN,
    VOLUNTEER, PER_DIEM or OTHER."""
    location: Text | None = None
    """Where the work is done, e.g. "Berlin, Germany"."""
    work_arrangement: WorkArrangement | None = None
    """on-site, hybrid or remote."""
    responsibilities: Annotated[Items, Field(min_length=1)]
    """What the person in the role does, one sentence each."""
    qualifications: Qualifications
    """What candidates need (required) and what helps (preferred)."""
    compensation: Compensation | None = None
    """The pay range, with currency and period."""
    benefits: Items = []
    """What the employer offers beyond pay, one item each."""


class ComparisonRow(Strict):
    aspect: Text
    """A short label for what the row compares, e.g. "Responsibility"."""
    cells: Annotated[list[Text], Field(min_length=2, max_length=COLUMN_LIMIT)]
    """One cell per compared role, in the order of `roles`."""


class Comparison(Strict):
    """A side-by-side table of roles: content/comparisons/<id>.toml."""

    title: Text
    """The comparison's title, e.g. "Software Developer vs Software Engineer"."""
    introduction: Markdown | None = None
    """Text printed before the table."""
    roles: Annotated[list[RoleId], Field(min_length=2, max_length=COLUMN_LIMIT)]
    """The ids of the roles compared, two to six, one column each."""
    labels: Annotated[list[Text], Field(max_length=COLUMN_LIMIT)] | None = None
    """Column headings, one per role; the roles' titles where absent."""
    rows: Annotated[list[ComparisonRow], Field(min_length=1, max_length=LIST_LIMIT)]
    """The table's rows: an aspect and one cell per role."""

    @model_validator(mode="after")
    def _shape(self) -> "Comparison":
        if len(set(self.roles)) != len(self.roles):
            raise ValueError("roles must not repeat")
        if self.labels is not None and len(self.labels) != len(self.roles):
            raise ValueError(f"labels has {len(self.labels)} entries for {len(self.roles)} roles")
        for number, row in enumerate(self.rows, 1):
            if len(row.cells) != len(self.roles):
                raise ValueError(
                    f"row {number} ({row.aspect!r}) has {len(row.cells)} cells "
                    f"for {len(self.roles)} roles"
                )
        return self


class Department(Strict):
    name: Text
    """The department's name, e.g. "Engineering"."""
    description: Text | None = None
    """What the department owns, in a sentence."""


class Growth(Strict):
    title: Text = "Growth"
    """The section's heading."""
    introduction: Text
    """The sentence before the list; the handbook adds ", with N key departments:"."""
    departments: Annotated[list[Department], Field(min_length=1, max_length=LIST_LIMIT)]
    """The departments the group grows into."""


class Organization(Strict):
    """The technical group: content/organization.toml."""

    name: Text
    """The group's or company's name; printed above every document's title."""
    title: Text
    """The handbook's title; its output id is this title in lower-case words joined by '-'."""
    introduction: Markdown
    """The handbook's opening text, before the list of roles."""
    composition_note: Markdown | None = None
    """Text after the list of roles, e.g. on how the group changes over time."""
    growth: Growth | None = None
    """How the group grows into departments."""

    @property
    def handbook_id(self) -> str:
        """The handbook's output id: its title in lower-case words joined by '-'."""
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") or "handbook"


PdfVariant = Literal[
    "pdf/a-1b",
    "pdf/a-2a",
    "pdf/a-2b",
    "pdf/a-2u",
    "pdf/a-3a",
    "pdf/a-3b",
    "pdf/a-3u",
    "pdf/a-4u",
    "pdf/ua-1",
    "pdf/ua-2",
]
Format = Literal[NAMES]


class Settings(Strict):
    """`jobdocs.toml`: how a project's documents are printed and which formats it builds."""

    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    """The documents' language as a BCP 47 tag, e.g. "en", "de", "en-GB"."""
    page_size: Literal["A4", "Letter"] = "A4"
    """The paper size: A4 or Letter."""
    margin_mm: Annotated[int, Field(ge=5, le=50)] = 20
    """Page margins in millimetres, 5 to 50."""
    pdf_variant: PdfVariant | None = None
    """A PDF variant to conform to: pdf/ua-1 or pdf/ua-2 (accessible), pdf/a-… (archival)."""
    formats: Annotated[list[Format], Field(min_length=1)] = ["pdf", "docx"]
    """The formats `jobdocs build` writes when none are given: pdf, docx, html."""
