"""The texts a posting is made of, each with the file and key it came from, and how they
are read: words, lines and list items, sentences, syllables."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...content.project import Project, Source


@dataclass(frozen=True, eq=False)
class Field:
    """One string value of a content file (compared and hashed by identity: each is read
    once)."""

    source: Source
    loc: tuple[Any, ...]
    text: str
    block: bool = False
    """Block Markdown (paragraphs, lists); otherwise one line of text or a list item."""
    requirement: bool = False
    """A required qualification or a condition of employment."""
    essential: bool = False
    """An essential function of the job (a group or section marked `essential`)."""


def role_fields(project: Project, role_id: str) -> tuple[list[Field], list[Field]]:
    """Every text a role's document prints: those of its own file (its title first), and
    the organization's it prints besides."""
    view = project.view(role_id)
    own_source = project.role_source(role_id)
    sources = {view.ref.source: own_source, "organization": project.organization_source}
    own: list[Field] = []
    printed: list[Field] = []
    for text in view.texts():
        source = sources.get(text.ref.source) or project.source_of(text.ref)
        found = Field(
            source, text.ref.path, text.text, text.block, text.requirement, text.essential
        )
        (own if source is own_source else printed).append(found)
    return own, printed


def organization_fields(project: Project) -> list[Field]:
    organization, source = project.organization, project.organization_source
    fields = [Field(source, ("name",), organization.name)]
    for key in ("title", "introduction", "composition_note"):
        if getattr(organization, key, None):
            fields.append(Field(source, (key,), getattr(organization, key)))
    for key in ("about", "how_to_apply", "equal_opportunity"):
        if getattr(organization, key, None):
            fields.append(Field(source, (key,), getattr(organization, key), block=True))
    for index, text in enumerate(organization.benefits):
        fields.append(Field(source, ("benefits", index), text))
    growth = organization.growth
    if growth:
        for key in ("title", "introduction"):
            if getattr(growth, key, None):
                fields.append(Field(source, ("growth", key), getattr(growth, key)))
        for index, department in enumerate(growth.departments):
            loc = ("growth", "departments", index)
            fields.append(Field(source, (*loc, "name"), department.name))
            if department.description:
                fields.append(Field(source, (*loc, "description"), department.description))
    return fields


def comparison_fields(project: Project, comparison_id: str) -> list[Field]:
    comparison = project.comparisons[comparison_id]
    source = project.comparison_source(comparison_id)
    fields = [Field(source, ("title",), comparison.title)]
    if comparison.introduction:
        fields.append(Field(source, ("introduction",), comparison.introduction))
    for index, label in enumerate(comparison.labels or []):
        fields.append(Field(source, ("labels", index), label))
    for number, row in enumerate(comparison.rows):
        fields.append(Field(source, ("rows", number, "aspect"), row.aspect))
        for index, cell in enumerate(row.cells):
            fields.append(Field(source, ("rows", number, "cells", index), cell))
    return fields


# Link targets, web and mail addresses and code: never words of the posting. A target
# stops at the next "](" and an address is tried only where a run of its characters
# begins: else every "](" or letter of a long run would rescan the rest of the run (time
# quadratic in the run's length).
_NOT_WORDS = re.compile(
    r"\]\((?:[^)\s\]]|\](?!\())*+\)|<?\b(?:https?|mailto):[^\s>)\]]*>?"
    r"|(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.-]+|`[^`\n]*`"
)
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
"""A word: letters and digits, with apostrophes and hyphens inside."""


def readable(text: str, allow: re.Pattern | None = None) -> str:
    """`text` with link targets, addresses, code and allowed phrases blanked out, each
    character kept in its place so that offsets stay those of the value."""

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    if "](" in text or ":" in text or "@" in text or "`" in text:
        text = _NOT_WORDS.sub(blank, text)
    return allow.sub(blank, text) if allow is not None else text


_MARKER = re.compile(r"[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+|>[ \t]*)+")
# Tried only where a run of stops begins, and never giving back what it took: "!!!!…"
# not followed by a space would otherwise be rescanned from each of its characters.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"'\u201d\u2019)\]*_]*+(?=\s)")


def lines(field: Field) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of a text, without its list, heading or quote marker and
    without surrounding white space: the value itself for a one-line text."""
    text = field.text
    offset = 0
    for line in text.split("\n") if field.block else [text]:
        marker = _MARKER.match(line)
        start = offset + (marker.end() if marker else len(line) - len(line.lstrip()))
        end = offset + len(line.rstrip())
        if end > start:
            yield start, end
        offset += len(line) + 1


def paragraphs(field: Field) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph, list item and heading. The lines of a paragraph
    wrapped in the file are one; table rows are not prose and are left out."""
    if not field.block:
        yield from lines(field)
        return
    current: tuple[int, int] | None = None
    joins = False
    offset = 0
    for line in field.text.split("\n"):
        end = offset + len(line.rstrip())
        marker = _MARKER.match(line)
        if not line.strip() or line.lstrip().startswith("|"):
            if current:
                yield current
            current, joins = None, False
        elif marker or not joins or current is None:
            if current:
                yield current
            start = offset + (marker.end() if marker else len(line) - len(line.lstrip()))
            current = (start, max(start, end))
            joins = not line.lstrip().startswith("#")
        else:
            current = (current[0], end)
        offset += len(line) + 1
    if current:
        yield current


def sentences(field: Field) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence; a paragraph, list item or heading ends one too."""
    text = field.text
    if not field.block and not _SENTENCE_END.search(text):
        yield from lines(field)
        return
    for start, end in paragraphs(field):
        for stop in _SENTENCE_END.finditer(text, start, end):
            if stop.end() > start:
                yield start, stop.end()
            start = stop.end()
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            yield start, end


def count_sentences(field: Field) -> int:
    text = field.text
    if not field.block and not _SENTENCE_END.search(text):
        return 1 if text.strip() else 0  # a line or an item without a full stop inside
    return sum(1 for _ in sentences(field))


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    return len(WORD.findall(text, start, len(text) if end is None else end))


_VOWEL_GROUP = re.compile(r"[aeiouyäöüàâéèêëîïôûùœæ]+")


@lru_cache(maxsize=65536)  # words of the postings seen: bounded in a long watch
def syllables(word: str, language: str = "en") -> int:
    """Syllables in a word, counted as groups of vowels less a silent final e: the usual
    approximation of readability formulas. (Pyphen's hyphenation points were no more
    accurate on the starter content, and loading its dictionary took 0.14 s of every
    `jobdocs check`.)"""
    if word.isdigit():
        return 1
    word = word.lower().replace("'", "").replace("\u2019", "")
    count = len(_VOWEL_GROUP.findall(word))
    if language.startswith("en") and count > 1 and word.endswith("e"):
        count -= not word.endswith(("le", "ee", "ye"))
    return max(1, count)
