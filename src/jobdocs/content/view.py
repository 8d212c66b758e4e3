"""A role as its documents print it: the organization's defaults applied (how to apply,
the e-mail address, benefits, the about text and the equal-opportunity statement), each
value with the `FieldRef` of the file it comes from, and every text the document prints.
The templates, the checks and the feeds read a role through this view, so none of them
re-derives which value wins; job families and levels resolve here next."""

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .fields import FieldRef, organization_field, role_field
from .model import Organization, Role


@dataclass(frozen=True)
class Stated:
    """A value as a document prints it, and the field it comes from."""

    value: Any
    ref: FieldRef


@dataclass(frozen=True)
class Printed:
    """One text a role's document prints."""

    ref: FieldRef
    text: str
    block: bool = False
    """Block Markdown (paragraphs, lists); otherwise one line of text or a list item."""
    requirement: bool = False
    """A required qualification or a condition of employment."""
    essential: bool = False
    """In a group or section marked `essential`: an essential function of the job."""


@dataclass(frozen=True)
class RoleView:
    role_id: str
    role: Role
    organization: Organization
    show_about: bool = True
    """Whether a role's own document prints the organization's about text (settings)."""

    @cached_property
    def ref(self) -> FieldRef:
        return role_field(self.role_id)

    def _own_or_default(self, path: str, own: Any, key: str) -> Stated | None:
        if own:
            return Stated(own, self.ref.at(path))
        value = getattr(self.organization, key)
        return Stated(value, organization_field(key)) if value else None

    @property
    def how_to_apply(self) -> Stated | None:
        """How to apply: the posting's words, or the organization's."""
        posting = self.role.posting
        own = posting.how_to_apply if posting else None
        return self._own_or_default("posting.how_to_apply", own, "how_to_apply")

    @property
    def apply_email(self) -> Stated | None:
        posting = self.role.posting
        own = posting.apply_email if posting else None
        return self._own_or_default("posting.apply_email", own, "apply_email")

    @property
    def benefits(self) -> Stated | None:
        """The role's benefits, or the organization's (a list of texts)."""
        return self._own_or_default("benefits", self.role.benefits, "benefits")

    @property
    def about(self) -> Stated | None:
        """The organization's about text, where the role's document prints it."""
        if not (self.show_about and self.organization.about):
            return None
        return Stated(self.organization.about, organization_field("about"))

    @property
    def equal_opportunity(self) -> Stated | None:
        """The organization's statement, which every posting prints."""
        if not (self.role.posting and self.organization.equal_opportunity):
            return None
        return Stated(self.organization.equal_opportunity, organization_field("equal_opportunity"))

    def texts(self) -> Iterator[Printed]:
        """Every text the role's document prints, its own and the organization's."""
        role, ref = self.role, self.ref
        yield Printed(ref.at("title"), role.title)
        if role.department:
            yield Printed(ref.at("department"), role.department)
        if role.reports_to_title:
            yield Printed(ref.at("reports_to_title"), role.reports_to_title)
        yield Printed(ref.at("summary"), role.summary, block=True)
        yield from _free_texts(ref, role)
        yield from _items(ref.at("responsibilities"), role.responsibilities)
        if role.qualifications:
            yield from _qualifications(ref.at("qualifications"), role.qualifications)
        yield from _items(ref.at("eligibility"), role.eligibility, requirement=True)
        if role.other_compensation:
            yield Printed(ref.at("other_compensation"), role.other_compensation, block=True)
        if role.work and role.work.note:
            yield Printed(ref.at("work.note"), role.work.note)
        benefits = self.benefits
        if benefits:
            yield from _items(benefits.ref, benefits.value)
        for stated in (self.about, self.equal_opportunity):
            if stated:
                yield Printed(stated.ref, stated.value, block=True)
        how = self.how_to_apply if role.posting else None
        if how:
            yield Printed(how.ref, how.value, block=True)


def _free_texts(ref: FieldRef, role) -> Iterator[Printed]:
    """The lead-ins and the free sections, wherever they stand."""
    for key, text in (role.intro.model_dump(exclude_none=True) if role.intro else {}).items():
        yield Printed(ref.at("intro", key), text, block=True)
    for number, section in enumerate(role.sections):
        at, essential = ref.at("sections", number), section.essential
        if section.heading:
            yield Printed(at.at("heading"), section.heading, essential=essential)
        yield Printed(at.at("body"), section.body, block=True, essential=essential)


def _items(
    ref: FieldRef, texts: list[str], requirement: bool = False, essential: bool = False
) -> Iterator[Printed]:
    for index, text in enumerate(texts):
        yield Printed(ref.at(index), text, requirement=requirement, essential=essential)


def _qualifications(ref: FieldRef, q) -> Iterator[Printed]:
    yield from _items(ref.at("required"), q.required, requirement=True)
    yield from _items(ref.at("preferred"), q.preferred)
    for number, group in enumerate(q.groups):
        at, essential = ref.at("groups", number), group.essential
        yield Printed(at.at("heading"), group.heading, essential=essential)
        if group.note:
            yield Printed(at.at("note"), group.note, block=True, essential=essential)
        yield from _items(at.at("required"), group.required, True, essential)
        yield from _items(at.at("preferred"), group.preferred, essential=essential)
