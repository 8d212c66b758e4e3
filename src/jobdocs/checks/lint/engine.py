"""The run of the posting-language rules over a project: each role in its language, the
organization's and the comparisons' texts in the project's; severities, allowed phrases and
suppressions applied; every finding located in its TOML file."""

from collections.abc import Iterable
from dataclasses import dataclass

from ...content.project import Project
from ...errors import Problem, no_such
from ...session import Session
from . import posting, words
from .config import CONFIG_RULE, Config, read_config, suppressed, suppressions
from .patterns import heads, words_of
from .rules import Ruleset, languages, ruleset
from .text import (
    WORD,
    Field,
    comparison_fields,
    organization_fields,
    readable,
    role_fields,
)
from .words import Hit


@dataclass
class Report:
    """A role's language report: its figures and its findings."""

    stats: posting.Stats
    problems: list[Problem]


def lint(
    project: Project, ids: Iterable[str] = (), session: Session | None = None
) -> list[Problem]:
    """Every finding of the posting-language rules, in file and line order: for the roles
    and comparisons named in `ids`, or for everything (the organization's texts too).
    Roles linted before in `session`, with nothing they depend on changed, are not again."""
    return _Run(project, session).all(tuple(ids))[0]


def language_reports(project: Project, session: Session | None = None) -> dict[str, Report]:
    """Each role's figures and findings, for the preview's language report."""
    problems, stats = _Run(project, session).all(())
    return {
        role_id: Report(
            stats[role_id],
            [p for p in problems if p.path == project.paths.role_file(role_id)],
        )
        for role_id in stats
    }


class _Run:
    def __init__(self, project: Project, session: Session | None):
        self.project = project
        self.session = session or Session()
        self.config: Config = read_config(project)
        self.hits: list[Hit] = []
        self.stats: dict[str, posting.Stats] = {}
        self.word_lists: dict[Field, list[str]] = {}
        """The words of each text, lower case, as the clarity rules count them."""
        self.printed: dict[tuple, Field] = {}
        """The organization's texts that role documents print, each read once."""
        self.readable: dict[Field, str] = {}
        self.words_of: dict[Field, frozenset[str]] = {}
        """The words of each text (see `patterns.words_of`), taken once."""

    def all(self, ids: tuple[str, ...]) -> tuple[list[Problem], dict[str, posting.Stats]]:
        project = self.project
        roles, comparisons = _select(project, ids)
        for role_id in roles:
            self.role_once(role_id)
        language = project.settings.language
        rules = ruleset(language, self.config.extra)
        texts = [comparison_fields(project, c) for c in comparisons]
        if not ids:
            texts.insert(0, organization_fields(project))
        for fields in texts:
            if rules is None:
                self.hits.append(_no_rules(fields[0], language))
                continue
            for field in fields:
                self.words(field, readable(field.text, self.config.allow), rules, pay=True)
        return self.problems(), self.stats

    def role_once(self, role_id: str) -> None:
        """The role's findings, taken from an earlier run in the session where nothing
        they depend on changed: a long-running process (`jobdocs watch`) lints only the
        roles edited."""
        project = self.project
        inputs = (
            role_id,
            project.roles[role_id].digest,
            project.role_source(role_id).text,
            project.organization.digest,
            project.organization_source.text,
            project.settings.digest,
        )

        def run() -> tuple[list[Hit], "posting.Stats | None"]:
            first = len(self.hits)
            self.role(role_id)
            found = self.hits[first:]
            del self.hits[first:]
            return found, self.stats.get(role_id)

        hits, stats = self.session.lint.get(inputs, run)
        self.hits += hits
        if stats is not None:
            self.stats[role_id] = stats

    def role(self, role_id: str) -> None:
        project, config = self.project, self.config
        role = project.roles[role_id]
        fields, printed = role_fields(project, role_id)
        language = role.language or project.settings.language
        rules = ruleset(language, config.extra)
        if rules is None:
            self.hits.append(_no_rules(fields[0], language))
            return
        texts = {f: readable(f.text, config.allow) for f in fields}
        pay = any(p.has_figures for p in role.pay)
        for field in fields:
            self.words(field, texts[field], rules, pay)
        everything = {**texts}
        for field in printed:
            field = self.printed.setdefault((field.loc, field.text), field)  # read once
            if field not in self.readable:
                self.readable[field] = readable(field.text, config.allow)
                self.words_of[field] = words_of(self.readable[field])
                self.word_lists[field] = WORD.findall(self.readable[field].lower())
            everything[field] = self.readable[field]
        # The organization's own texts (about, equal opportunity) are the same in every
        # posting: they are linted once, in organization.toml, and count toward no
        # posting's balance.
        coded = [
            c
            for f, text in texts.items()
            for c in words.coded_words(f, text, rules, self.words_of.get(f))
        ]
        title = fields[0]
        lean = config.thresholds.gender_lean
        self.hits += posting.gender(title, coded, title.source.path, rules, lean)
        self.hits += posting.realism(role, fields, texts, rules, config.thresholds)
        hits, self.stats[role_id] = posting.clarity(
            title, everything, self.word_lists, rules.language, config.thresholds
        )
        self.stats[role_id].masculine = [c.word for c in coded if c.masculine]
        self.stats[role_id].feminine = [c.word for c in coded if not c.masculine]
        self.hits += hits

    def words(self, field: Field, text: str, rules: Ruleset, pay: bool) -> None:
        self.words_of[field] = found = words_of(text)
        found = heads(found)
        self.hits += words.exclusionary(field, text, rules, found)
        self.hits += words.unfinished(field, text, rules, found)
        self.word_lists[field] = listed = WORD.findall(text.lower())
        most = self.config.thresholds.sentence_words_max
        if len(listed) > most:  # else too short to hold a sentence that long
            self.hits += words.long_sentences(field, text, most)
        if not pay:
            self.hits += words.vague_pay(field, text, rules, found)

    def problems(self) -> list[Problem]:
        """The hits as located problems, with severities and suppressions applied."""
        found = list(self.config.problems)
        allowed = {}
        for hit in self.hits:
            severity = self.config.severities.get(hit.rule)
            if severity is None:
                continue
            source = hit.field.source
            if source.path not in allowed:
                allowed[source.path], mistakes = suppressions(source)
                found += mistakes
            at = None if hit.start is None else (hit.field.text, hit.start, hit.end)
            problem = source.problem(
                hit.field.loc, hit.message, at, severity=severity, rule=hit.rule, fix=hit.fix
            )
            if not suppressed(problem, hit.field.loc, source, allowed[source.path]):
                found.append(problem)
        unique = dict.fromkeys(found)
        return sorted(unique, key=lambda p: (str(p.path), p.line or 0, p.column or 0, p.rule))


def _no_rules(field: Field, language: str) -> Hit:
    return Hit(
        field,
        "lint.language",
        f"no posting-language rules for {language!r}: its texts were not checked "
        f"(rules exist for: {', '.join(languages())})",
        "add rule files for the language to jobdocs, or review the wording by hand",
    )


def _select(project: Project, ids: tuple[str, ...]) -> tuple[list[str], list[str]]:
    if not ids:
        return sorted(project.roles), sorted(project.comparisons)
    known = [*project.roles, *project.comparisons]
    for wanted in ids:
        if wanted not in known:
            raise no_such("role or comparison", wanted, known)
    return (
        [i for i in dict.fromkeys(ids) if i in project.roles],
        [i for i in dict.fromkeys(ids) if i in project.comparisons],
    )


__all__ = ["CONFIG_RULE", "Report", "language_reports", "lint"]
