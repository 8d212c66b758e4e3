"""The organization, `content/organization.toml`, and comparisons of roles,
`content/comparisons/<id>.toml`."""

from typing import Annotated

from pydantic import Field, model_validator

from .codes import Place
from .text import (
    COLUMN_LIMIT,
    LIST_LIMIT,
    Email,
    Items,
    Markdown,
    RoleId,
    Strict,
    Text,
    Url,
    slug,
)


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
    """The organization: content/organization.toml."""

    name: Text
    """The organization's name; printed above every document's title."""
    title: Text | None = None
    """The handbook's title (its name when absent); the handbook's output id is this title
    in lower-case words joined by '-'."""
    introduction: Markdown | None = None
    """The handbook's opening text, before the list of roles."""
    composition_note: Markdown | None = None
    """Text after the handbook's list of roles, e.g. on how the group changes over time."""
    growth: Growth | None = None
    """How the group grows into departments (printed in the handbook)."""
    url: Url | None = None
    """The organization's web site; also the base for relative links in content."""
    logo: Annotated[str, Field(pattern=r"^[^/\\][^\\]*\.(png|jpe?g)$")] | None = None
    """A PNG or JPEG file in the project, relative to its folder, e.g. "assets/logo.png"."""
    about: Markdown | None = None
    """About the organization, printed in each role document (setting `show_about`)."""
    equal_opportunity: Markdown | None = None
    """The equal-opportunity statement, printed at the end of each posting."""
    how_to_apply: Markdown | None = None
    """How to apply, for postings that give no instructions of their own."""
    apply_email: Email | None = None
    """Where to apply by e-mail, for postings that give no address of their own."""
    benefits: Items = []
    """Benefits, for roles that list none of their own."""
    headcount: Annotated[int, Field(ge=1)] | None = None
    """How many people the organization employs in all; pay-transparency laws apply by
    size."""
    headcount_by_region: dict[Place, Annotated[int, Field(ge=0)]] = {}
    """Employees per country or subdivision, e.g. { "US-CO" = 12 }."""

    @property
    def handbook_title(self) -> str:
        return self.title or self.name

    @property
    def handbook_id(self) -> str:
        """The handbook's output id: its title in lower-case words joined by '-'."""
        return slug(self.handbook_title, "handbook")
