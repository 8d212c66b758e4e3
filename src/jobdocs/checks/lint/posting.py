"""Rules over a whole posting: the balance of gender-coded words, realistic requirements,
its length and its readability."""

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ...content.model import Role
from ...content.model.settings import LintThresholds
from .rules import Ruleset
from .text import WORD, Field, count_sentences, syllables
from .words import Coded, Hit

READABLE_FROM = 100
"""Fewer words than this give no meaningful readability grade."""


@dataclass
class Stats:
    """What a language report shows of a posting."""

    words: int = 0
    sentences: int = 0
    grade: float | None = None
    masculine: list[str] = field(default_factory=list)
    feminine: list[str] = field(default_factory=list)


def gender(title: Field, coded: list[Coded], own: Path, rules: Ruleset, lean: int) -> list[Hit]:
    """The balance of gender-coded words in the posting, once it leans one way by `lean`
    words: leaning masculine, a warning and a note on each masculine-coded word in the
    role's own file `own`; leaning feminine, a note."""
    masculine = [c for c in coded if c.masculine]
    feminine = [c for c in coded if not c.masculine]
    balance = f"{len(masculine)} masculine-coded, {len(feminine)} feminine-coded words"
    if len(feminine) - len(masculine) >= lean:
        message = f"{balance} (leans feminine-coded)"
        return [Hit(title, "lint.gender.balance", message, "", *_whole(title))]
    if len(masculine) - len(feminine) < lean:
        return []
    hits = [
        Hit(
            title,
            "lint.gender.masculine",
            f"the posting leans masculine-coded: {balance} ({_counted(masculine)}); "
            "Gaucher et al. (2011) found such wording makes a job less appealing to women",
            "use neutral words for some: " + _alternatives(masculine, rules),
            *_whole(title),
        )
    ]
    for word in masculine:
        if word.field.source.path == own:
            instead = rules.alternatives.get(word.stem, "")
            hits.append(
                Hit(
                    word.field,
                    "lint.gender.word",
                    f"'{word.word}' is masculine-coded",
                    instead,
                    word.start,
                    word.end,
                )
            )
    return hits


def _whole(field: Field) -> tuple[int, int]:
    """The whole of a text: a finding about the posting points at its title."""
    return 0, len(field.text)


def _counted(words: list[Coded]) -> str:
    counts = Counter(w.word.lower() for w in words)
    return ", ".join(w + (f" \u00d7{n}" if n > 1 else "") for w, n in counts.most_common())


def _alternatives(masculine: list[Coded], rules: Ruleset) -> str:
    first: dict[str, str] = {}
    for word in masculine:
        first.setdefault(word.stem, word.word.lower())
    shown = list(first.items())[:5]
    return "; ".join(f"{word} → {rules.alternatives.get(stem, '…')}" for stem, word in shown)


def realism(
    role: Role, fields: list[Field], texts: dict[Field, str], rules: Ruleset, limits: LintThresholds
) -> list[Hit]:
    hits = []
    q = role.qualifications
    if q is not None:
        required = len(q.required) + sum(len(g.required) for g in q.groups)
        if required > limits.required_max:
            source = fields[0].source
            loc = ("qualifications", "required") if q.required else ("qualifications",)
            hits.append(
                Hit(
                    Field(source, loc, ""),
                    "lint.realism.required-count",
                    f"{required} required qualifications (more than {limits.required_max}): "
                    "many qualified people apply only when they meet every one",
                    "keep the truly required ones and move the rest to preferred",
                )
            )
    for f in fields:
        if not f.requirement or not _YEARS.search(texts[f]):
            continue
        for match in rules.years.finditer(texts[f]):
            number = match.group("n").lower()
            years = int(number) if number.isdigit() else rules.numbers.get(number, 0)
            if years > limits.years_max:
                hits.append(
                    Hit(
                        f,
                        "lint.realism.years",
                        f"requires {years} years (more than {limits.years_max})",
                        "ask for the skills those years stand for, or move it to preferred",
                        match.start(),
                        match.end(),
                    )
                )
    return hits + _duplicates(fields, texts, rules)


_YEARS = re.compile("y(?:ea)?rs?", re.IGNORECASE)


def _duplicates(fields: list[Field], texts: dict[Field, str], rules: Ruleset) -> list[Hit]:
    """Preferred qualifications that repeat a required one in the same list or group."""
    hits = []
    groups: dict[tuple, dict[str, list[Field]]] = {}
    for f in fields:
        if f.loc[:1] == ("qualifications",) and f.loc[-2] in ("required", "preferred"):
            groups.setdefault(f.loc[:-2], {}).setdefault(f.loc[-2], []).append(f)
    for kinds in groups.values():
        required = [(f, _content_words(texts[f], rules)) for f in kinds.get("required", [])]
        for preferred in kinds.get("preferred", []):
            words = _content_words(texts[preferred], rules)
            for f, other in required:
                if len(words) >= 2 and _similar(words, other) >= rules.similarity:
                    hits.append(
                        Hit(
                            preferred,
                            "lint.realism.duplicate",
                            f"repeats required qualification {f.loc[-1] + 1}: {f.text!r}",
                            "keep it in one list: required or preferred",
                            0,
                            len(preferred.text),
                        )
                    )
                    break
    return hits


def _content_words(text: str, rules: Ruleset) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(text)) - rules.ignore


def _similar(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def clarity(
    title: Field,
    texts: dict[Field, str],
    word_lists: dict[Field, list[str]],
    language: str,
    limits: LintThresholds,
) -> tuple[list[Hit], Stats]:
    """Length and readability of the whole posting: (hits, stats). `word_lists` holds the
    words of texts that were already read."""
    stats = Stats()
    words: Counter[str] = Counter()
    for f, text in texts.items():
        listed = word_lists.get(f)
        words.update(WORD.findall(text.lower()) if listed is None else listed)
        stats.sentences += count_sentences(f)
    stats.words = sum(words.values())
    hits = []
    if not limits.words_min <= stats.words <= limits.words_max:
        short = stats.words < limits.words_min
        hits.append(
            Hit(
                title,
                "lint.clarity.length",
                f"the posting has {stats.words} words; postings of {limits.words_min}–"
                f"{limits.words_max} words draw the most applications",
                "say more about the work, the team and the pay"
                if short
                else "cut what applicants do not need to decide whether to apply",
                *_whole(title),
            )
        )
    if stats.words >= READABLE_FROM and stats.sentences:
        count = sum(syllables(word, language) * n for word, n in words.items())
        grade = 0.39 * stats.words / stats.sentences + 11.8 * count / stats.words - 15.59
        stats.grade = round(grade, 1)
        if stats.grade > limits.grade_max:
            hits.append(
                Hit(
                    title,
                    "lint.clarity.readability",
                    f"reads at Flesch-Kincaid grade {stats.grade} (above {limits.grade_max:g})",
                    "use shorter sentences and plainer words",
                    *_whole(title),
                )
            )
    return hits, stats
