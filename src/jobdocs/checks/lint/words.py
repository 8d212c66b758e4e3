"""Rules that find words in one text: gender-coded words, exclusionary terms, unfinished
text, long sentences and vague pay phrases."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .patterns import bare, heads, normal
from .rules import Ruleset
from .text import Field, count_words, lines, sentences


@dataclass(frozen=True)
class Hit:
    """A finding before severities and suppressions: a rule, and where in which text."""

    field: Field
    rule: str
    message: str
    fix: str = ""
    start: int | None = None
    """Offsets of the words in `field.text`; None for the value as a whole."""
    end: int | None = None


@dataclass(frozen=True)
class Coded:
    """A gender-coded word in a text."""

    field: Field
    start: int
    end: int
    word: str
    stem: str
    masculine: bool


def coded_words(
    field: Field, text: str, rules: Ruleset, words: frozenset[str] | None = None
) -> Iterator[Coded]:
    """The gender-coded words of `text` (the field's text, made readable), as
    gender-decoder finds them: a word is coded when it starts with a stem; words are split
    at apostrophes, and at hyphens unless they start with a hyphenated stem. The rule
    file's exceptions (technical terms) are not counted."""
    if words is not None and not rules.may_code(words):
        return
    text = rules.not_coded.blanked(text, None if words is None else heads(words))
    for match in rules.coded.finditer(text):
        group = match.lastgroup
        yield Coded(
            field,
            match.start(),
            match.end(),
            match.group(),
            match.group(group).lower(),
            group.startswith("m"),
        )


def exclusionary(
    field: Field, text: str, rules: Ruleset, heads: frozenset[str] | None = None
) -> Iterator[Hit]:
    for match in rules.terms.finditer(text, heads):
        term = rules.term_of[match.lastgroup]
        if term.requirement and not field.requirement:
            continue
        if term.unless_essential and field.essential:
            continue
        words = " ".join(match.group().split())
        yield Hit(
            field, term.rule, f"'{words}': {term.why}", term.instead, match.start(), match.end()
        )


_SHORT = 40
"""Characters in the longest line that may be a placeholder or a short skeleton line."""


def unfinished(
    field: Field, text: str, rules: Ruleset, heads: frozenset[str] | None = None
) -> Iterator[Hit]:
    for match in rules.skeleton.finditer(text, heads):
        yield Hit(
            field,
            "lint.unfinished.skeleton",
            "guidance text from the `jobdocs new` skeleton",
            "write the role's own text here, or delete the line",
            match.start(),
            match.end(),
        )
    marked = []
    for match in rules.markers.finditer(text, heads):
        marked.append(match.start())
        yield Hit(
            field,
            "lint.unfinished.marker",
            f"'{match.group()}' marks unfinished text",
            "finish the text and remove the marker",
            match.start(),
            match.end(),
        )
    listed = list(lines(field))
    for start, end in listed:
        line = text[start:end]
        if end - start > _SHORT or line.startswith("|"):
            continue  # placeholders and the skeleton's short lines are short
        if normal(line) in rules.skeleton_lines:
            yield Hit(
                field,
                "lint.unfinished.skeleton",
                "guidance text from the `jobdocs new` skeleton",
                "write the role's own text here, or delete the line",
                start,
                end,
            )
            continue
        whole = not field.block or len(listed) == 1 or _is_item(field.text, start)
        core = bare(line)
        answer = core in rules.answers.get(str(field.loc[0]), ()) if field.loc else False
        placeholder = not core or (core in rules.placeholders and not answer)
        if whole and placeholder and not any(start <= at < end for at in marked):
            yield Hit(
                field,
                "lint.unfinished.placeholder",
                f"'{line}' is a placeholder, not text",
                "write the text, or leave the key out",
                start,
                end,
            )


def _is_item(text: str, start: int) -> bool:
    """Whether the line at `start` is a list item."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return bool(re.match(r"\s*(?:[-*+]|\d{1,9}[.)])\s", line))


def long_sentences(field: Field, text: str, most: int) -> Iterator[Hit]:
    for start, end in sentences(field):
        words = count_words(text, start, end)
        if words > most:
            yield Hit(
                field,
                "lint.clarity.sentence",
                f"a sentence of {words} words (more than {most})",
                "split it in two, or make it a list",
                start,
                end,
            )


def vague_pay(
    field: Field, text: str, rules: Ruleset, heads: frozenset[str] | None = None
) -> Iterator[Hit]:
    for match in rules.vague_pay.finditer(text, heads):
        yield Hit(
            field,
            "lint.clarity.vague-pay",
            f"'{match.group()}' says nothing about pay, and the role states no range",
            "state the range in [[pay]] (minimum, maximum, currency, period)",
            match.start(),
            match.end(),
        )
