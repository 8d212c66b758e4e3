"""`[posting]` of a role: what makes a job description a job posting (dates, how to
apply, the statements some laws ask every posting to make)."""

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from .text import LIST_LIMIT, DateOrText, Email, Markdown, Strict, Text, Url


class KeyDate(Strict):
    label: Text
    """What happens, e.g. "Interviews"."""
    date: DateOrText
    """When: a TOML date or words ("week of 12 January")."""


class Link(Strict):
    label: Text
    """What the link is, e.g. "The full job description"."""
    url: Url
    """Where it leads."""


class Posting(Strict):
    """`[posting]`: what makes the role a job posting."""

    id: Text | None = None
    """The requisition or reference number, e.g. "REQ-1234"."""
    status: Literal["draft", "open", "closed"] = "open"
    """draft (never published), open or closed."""
    date_posted: date | None = None
    """The day the posting went up."""
    rolling: bool = False
    """Applications are accepted on a rolling basis until the job is filled: no closing
    date ("Open until filled" is printed where it would be)."""
    valid_through: date | None = None
    """The closing date: the last day applications are accepted."""
    openings: Annotated[int, Field(ge=1)] | Text | None = None
    """How many people will be hired: a number, or text such as "1–2"."""
    apply_url: Url | None = None
    """Where to apply online."""
    apply_email: Email | None = None
    """Where to apply by e-mail."""
    how_to_apply: Markdown | None = None
    """Instructions for applicants; the organization's are used when absent."""
    direct_apply: bool | None = None
    """Whether applicants can apply on the page the posting is on (Google's directApply)."""
    key_dates: Annotated[list[KeyDate], Field(max_length=LIST_LIMIT)] = []
    """Other dates: sift, interviews, start of review."""
    links: Annotated[list[Link], Field(max_length=LIST_LIMIT)] = []
    """Further links, printed with how to apply: `[[posting.links]]` with label and url."""
    ai_screening: bool | Text | None = None
    """Whether artificial intelligence is used to screen, assess or select applicants:
    true or false, or words saying how it is used. Printed; Ontario asks for it."""
    existing_vacancy: bool | None = None
    """Whether the posting is for a vacancy that exists now (false: a pool or pipeline of
    candidates). Printed; Ontario asks for it."""

    @field_validator("valid_through")
    @classmethod
    def _after_posting(cls, value: date | None, info: ValidationInfo) -> date | None:
        posted = info.data.get("date_posted")
        if value is not None and info.data.get("rolling"):
            raise ValueError(
                "rolling = true says there is no closing date, and valid_through gives one:"
                " keep one of them"
            )
        if value is not None and posted is not None and value < posted:
            raise ValueError(f"the closing date {value} is before date_posted {posted}")
        return value
