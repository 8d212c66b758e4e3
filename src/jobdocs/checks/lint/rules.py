"""The rule files: one folder per language (`en/`), one TOML file per rule family, each with
its rules (id, default severity, description), its words, and its source and licence.
Read once per process and compiled into regular expressions, with the project's own words
(`[lint.words]`) added."""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ...content.model import primary_language
from .. import RuleInfo
from . import files as rule_files
from .patterns import Finder, bare, finder, normal, phrase, trie

FAMILIES = tuple(rule_files.MODELS)

ENGINE_RULES = {
    "lint.language": ("note", "The role's language has no posting-language rules."),
    "lint.config": ("error", "A mistake in [lint] of jobdocs.toml or in a suppression comment."),
}
"""Rules of the engine itself, in no rule file."""


@dataclass(frozen=True)
class Term:
    rule: str
    instead: str
    why: str
    requirement: bool
    unless_essential: bool = False
    """Silent on an essential function of the job (a group or section marked essential)."""


@dataclass(frozen=True)
class Ruleset:
    """The compiled rules of one language."""

    language: str
    coded: re.Pattern
    """Gender-coded words: the stem in a group named m (masculine) or f (feminine)."""
    stems: tuple[str, ...]
    """Every stem without a hyphen."""
    hyphenated: frozenset[str]
    """The first word of each stem with a hyphen ("co" of "co-operat")."""
    not_coded: Finder
    alternatives: dict[str, str]
    terms: Finder
    """Exclusionary terms, each in a group named for its key in `term_of`."""
    term_of: dict[str, Term]
    skeleton: Finder
    skeleton_lines: frozenset[str]
    markers: Finder
    placeholders: frozenset[str]
    answers: dict[str, frozenset[str]]
    """Per key, the placeholder values that are real answers there ("None")."""
    years: re.Pattern
    numbers: dict[str, int]
    similarity: float
    ignore: frozenset[str]
    vague_pay: Finder
    _coded_words: dict[str, bool] = field(default_factory=dict, compare=False)

    def may_code(self, words: frozenset[str]) -> bool:
        """Whether any of `words` (a text's, lower case, split at hyphens) starts with a
        stem; each word is looked at once per process."""
        if not self.hyphenated.isdisjoint(words):
            return True
        seen = self._coded_words
        if len(seen) > 65536:  # the words of the postings seen; bounded in a long watch
            seen.clear()
        for word in words:
            coded = seen.get(word)
            if coded is None:
                coded = seen[word] = word.startswith(self.stems)
            if coded:
                return True
        return False


def _folder():
    return files(__package__)


@cache
def _read(language: str, family: str) -> dict[str, Any] | None:
    path = _folder() / language / f"{family}.toml"
    if not path.is_file():
        return None
    return rule_files.read(Path(str(path)), family, f"checks/lint/{language}/{family}.toml")


@cache
def languages() -> tuple[str, ...]:
    """The languages that have rule files."""
    return tuple(sorted(p.name for p in _folder().iterdir() if (p / "gender.toml").is_file()))


@cache
def rule_table() -> dict[str, RuleInfo]:
    """Every rule id with its default severity, description and source. The ids are the
    same in every language; English has them all."""
    table = {id: RuleInfo(id, *value) for id, value in ENGINE_RULES.items()}
    for family in FAMILIES:
        data = _read("en", family) or {}
        source = " ".join(data.get("source", "").split())
        for id, rule in data.get("rules", {}).items():
            table[id] = RuleInfo(id, rule["severity"], rule["description"], source=source)
    return table


@cache
def renamed() -> dict[str, str]:
    """Rule ids of earlier versions, each with the id it has now."""
    return {
        rule["renamed_from"]: id
        for family in FAMILIES
        for id, rule in (_read("en", family) or {}).get("rules", {}).items()
        if rule.get("renamed_from")
    }


# A few compiled rulesets: one per language and `[lint.words]` in use. Bounded, since a
# long `jobdocs watch` sees a new `extra` with every edit of [lint.words].
@lru_cache(maxsize=16)
def ruleset(language: str, extra: str = "{}") -> Ruleset | None:
    """The rules of `language` (a BCP 47 tag), with the extra words of `extra` (the JSON of
    `[lint.words]`); None where the language has no rule files."""
    import json

    language = primary_language(language)
    if language not in languages():
        return None
    words = json.loads(extra)
    gender = _read(language, "gender")
    masculine = (*gender["stems"]["masculine"], *words.get("masculine", []))
    feminine = (*gender["stems"]["feminine"], *words.get("feminine", []))
    masculine = tuple(s.lower() for s in masculine)
    feminine = tuple(s.lower() for s in feminine)

    exclusionary = _read(language, "exclusionary")
    terms = [
        Term(
            t["rule"],
            t["instead"],
            t["why"],
            t.get("requirement", False),
            t.get("unless_essential", False),
        )
        for t in exclusionary["terms"]
    ]
    matches = [t["match"] for t in exclusionary["terms"]]
    for term, replacement in words.get("exclusionary", {}).items():
        terms.append(Term("lint.exclusionary.custom", replacement, "on the project's list", False))
        matches.append([term])
    patterns = [[phrase(m) for m in listed] for listed in matches]
    groups, term_of = [], {}
    for number, (term, alternatives) in enumerate(zip(terms, patterns, strict=True)):
        ordered = sorted(alternatives, key=len, reverse=True)
        groups.append(f"(?P<t{number}>{'|'.join(ordered)})")
        term_of[f"t{number}"] = term
    term_pattern = r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])"
    terms_finder = finder([m for listed in matches for m in listed], term_pattern)

    unfinished = _read(language, "unfinished")
    skeleton = unfinished["skeleton"]
    markers = unfinished["markers"]
    marker_words = [*markers["words"], *words.get("unfinished", [])]
    phrases = sorted(markers["phrases"], key=len, reverse=True)
    realism = _read(language, "realism")
    clarity = _read(language, "clarity")
    return Ruleset(
        language=language,
        coded=_coded(masculine, feminine),
        stems=tuple(stem for stem in (*masculine, *feminine) if "-" not in stem),
        hyphenated=frozenset(s.split("-")[0] for s in (*masculine, *feminine) if "-" in s),
        not_coded=finder(gender["exceptions"]["phrases"]),
        alternatives={k.lower(): v for k, v in gender["alternatives"].items()},
        terms=terms_finder,
        term_of=term_of,
        skeleton=finder(
            [*skeleton["phrases"], *skeleton["patterns"]],
            "|".join([*(phrase(p) for p in skeleton["phrases"]), *skeleton["patterns"]]),
        ),
        skeleton_lines=frozenset(normal(line) for line in skeleton["lines"]),
        markers=finder(
            [*marker_words, *phrases],
            rf"(?<![\w-])(?:{trie(marker_words)})(?![\w-])"
            rf"|(?i:{trie([p.lower() for p in phrases])})",
            flags=0,
        ),
        placeholders=frozenset(bare(v) for v in unfinished["placeholders"]["values"]),
        answers={
            key: frozenset(bare(v) for v in values)
            for key, values in unfinished["placeholders"].get("answers", {}).items()
        },
        years=re.compile(realism["years"]["pattern"], re.IGNORECASE),
        numbers=realism["years"]["numbers"],
        similarity=realism["duplicate"]["similarity"],
        ignore=frozenset(realism["duplicate"]["ignore"]),
        vague_pay=finder([*clarity["vague_pay"]["phrases"], *words.get("vague_pay", [])]),
    )


def _coded(masculine: tuple[str, ...], feminine: tuple[str, ...]) -> re.Pattern:
    """Words that start with a stem, split as gender-decoder splits them: at apostrophes,
    and at hyphens unless the word starts with a hyphenated stem ("co-operative")."""

    def stems(found, hyphenated):
        return trie([s for s in found if ("-" in s) == hyphenated])

    hyphenated = f"(?P<m_>{stems(masculine, True)})|(?P<f_>{stems(feminine, True)})"
    plain = f"(?P<m>{stems(masculine, False)})|(?P<f>{stems(feminine, False)})"
    return re.compile(
        rf"(?<![\w'\u2019-])(?:{hyphenated})[^\W_]*(?:-[^\W_]+)*"
        rf"|(?<![^\W_])(?:{plain})[^\W_]*",
        re.IGNORECASE,
    )
