"""The building blocks of every content file: text types with their limits, codes checked
against the ISO standards, and the strict base model."""

import hashlib
import re
from collections.abc import Iterator
from datetime import date
from functools import cached_property
from typing import Annotated, Any, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationInfo,
    field_validator,
)
from pydantic.json_schema import WithJsonSchema

from ..markdown import bad_links

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_LIMIT = 100
"""Characters in an id: it names output files, and file systems allow 255 bytes a name."""
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


def primary_language(tag: str) -> str:
    """The language subtag of a BCP 47 tag: "de-AT" → "de". Labels, rule files and word
    lists are per primary language."""
    return tag.split("-")[0].lower()


def slug(text: str, empty: str) -> str:
    """A name as an id: its letters in Latin script (transliterated by anyascii:
    "numérique" → "numerique", "دليل" → "dlyl"), lower case, digits kept, words joined by
    '-' (`empty` where none are left)."""
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).casefold()).strip("-") or empty


# Limits that keep absurd input from costing unbounded time or memory; generous for any
# real job description (the README lists them).
TEXT_LIMIT = 2_000  # characters in one line of text
MARKDOWN_LIMIT = 20_000  # characters in a summary or introduction (about ten pages)
LIST_LIMIT = 200  # items in one list
COLUMN_LIMIT = 6  # roles in one comparison: more do not fit a printed page

# Characters TOML may hold but XML 1.0 (and so Word) cannot: C0 controls except tab,
# newline and carriage return, plus the non-characters U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _strings(value: Any, table: bool) -> Iterator[str]:
    """The strings of a field's value as read from TOML: itself, a list's items, and a
    table's keys and values where the table is not a model (whose fields check their own,
    with their own keys in the message)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from (item for item in value if isinstance(item, str))
    elif isinstance(value, dict) and table:
        yield from (t for pair in value.items() for t in pair if isinstance(t, str))


def _holds_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model(arg) for arg in get_args(annotation))


def _no_control_characters(cls, value: Any, info: ValidationInfo) -> Any:
    """The one rule for every string of every file: nothing a document cannot hold (a
    control character would end a Word export midway or make jobs.xml invalid XML)."""
    field = cls.model_fields.get(info.field_name or "")
    table = field is not None and not _holds_model(field.annotation)
    for text in _strings(value, table):
        bad = _XML_ILLEGAL.search(text)
        if bad:
            raise ValueError(
                f"contains the control character U+{ord(bad.group()):04X}, "
                "which documents cannot hold; remove it"
            )
    return value


def _clean_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    links = bad_links(value)
    if links:
        raise ValueError(
            f"link to {links[0]!r}: links must start with http://, https:// or mailto:, "
            "or be relative to the organization's url"
        )
    return value


def _web_address(value: str) -> str:
    if not re.match(r"https?://[^\s/]+", value):
        raise ValueError("must be a web address starting with http:// or https://")
    if re.search(r"[\s\x7f]", value):
        raise ValueError("a web address has no spaces or line breaks: write a space as %20")
    return value


# An address as a mailto: link can carry it: no spaces, and no "?" or "%", which would
# start or smuggle in a query (mailto:jobs@example.com?bcc=someone@elsewhere).
_EMAIL = re.compile(r"[\w.!#$&'*+/=^`{|}~-]+@[\w-]+(\.[\w-]+)+")


def _email_address(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise ValueError(
            "must be one e-mail address such as jobs@example.com (no spaces, '?' or '%')"
        )
    return value


Text = Annotated[str, Field(max_length=TEXT_LIMIT), AfterValidator(_clean_text)]
"""One line of inline Markdown."""

BLOCK = "block Markdown"
"""Marks the `Markdown` type, so that what is block Markdown is read off the model."""

Markdown = Annotated[str, Field(max_length=MARKDOWN_LIMIT), AfterValidator(_clean_text), BLOCK]
"""Block Markdown: paragraphs, lists, sub-headings, tables and quotes."""

Items = Annotated[list[Text], Field(max_length=LIST_LIMIT)]
"""A list of lines of text."""

Url = Annotated[str, Field(max_length=TEXT_LIMIT), AfterValidator(_web_address)]
"""A web address: http:// or https://."""

Email = Annotated[
    str, Field(max_length=254, examples=["jobs@example.com"]), AfterValidator(_email_address)
]

RoleId = Annotated[str, Field(pattern=ID_PATTERN, max_length=ID_LIMIT)]


def _language_tag(value: str) -> str:
    """BCP 47 tags are the same in any case; kept in the case the registry writes them
    ("en-GB", "sr-Latn-RS"), since labels, hyphenation and the pages compare them."""
    first, *rest = value.split("-")
    parts = [first.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())  # a script
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            parts.append(part.upper())  # a region
        else:
            parts.append(part.lower())
    return "-".join(parts)


Language = Annotated[str, Field(pattern=LANGUAGE_PATTERN), AfterValidator(_language_tag)]
"""A BCP 47 language tag, e.g. "en", "de", "en-GB"; written in any case, kept in the
registry's."""

DateOrText = date | Text
"""A TOML date (2027-01-15) or words ("as soon as possible")."""


def one_or_more(item: Any, most: int = LIST_LIMIT) -> Any:
    """A value written once or as a list ("FULL_TIME" or ["FULL_TIME", "TEMPORARY"]), held
    as a list; the schema editors read offers both forms."""
    schema = TypeAdapter(item).json_schema()
    listed = {"type": "array", "items": schema, "minItems": 1, "maxItems": most}
    return Annotated[
        list[item],
        BeforeValidator(lambda value: value if isinstance(value, list) else [value]),
        Field(min_length=1, max_length=most),
        WithJsonSchema({"anyOf": [schema, listed]}),
    ]


class Strict(BaseModel):
    # Field docstrings become descriptions in the JSON Schemas editors show, read by
    # schema.py when a schema is asked for (pydantic's use_attribute_docstrings parses
    # every model's source at import: a tenth of a second of every command).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    _control = field_validator("*", mode="before")(classmethod(_no_control_characters))

    @cached_property
    def digest(self) -> str:
        """Digest of the data: what decides whether a document made from it is current.
        A model is frozen, so it is taken once, when first asked for."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()
