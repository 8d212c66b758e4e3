"""The project's `[lint]` settings as the engine uses them: each rule's severity, the allowed
phrases, the mistakes in them; and the inline suppressions of a file
(`# jobdocs: allow rule-id`)."""

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ...content.model.settings import LintThresholds
from ...content.project import Project, Source
from ...errors import Problem
from .rules import renamed, rule_table

CONFIG_RULE = "lint.config"
_SUPPRESSION = re.compile(r"\bjobdocs:\s*allow\b(.*)")


@dataclass
class Config:
    severities: dict[str, str | None]
    """Each rule's severity; None where it is switched off."""
    allow: re.Pattern | None
    thresholds: LintThresholds
    extra: str
    """The JSON of `[lint.words]`."""
    problems: list[Problem] = field(default_factory=list)


def names() -> list[str]:
    """Every rule id and every family a configuration may name ("lint.gender")."""
    found = set()
    for id in rule_table():
        parts = id.split(".")
        found.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
    return sorted(found)


def _renamed(name: str) -> tuple[str, str]:
    """The message and fix for a rule id of an earlier version, which still works."""
    return f"{name!r} is now {renamed()[name]!r}", f"write {renamed()[name]!r}"


def _unknown(name: str) -> tuple[str, str]:
    """The message and fix for a rule id that does not exist."""
    match = difflib.get_close_matches(name, names(), n=1, cutoff=0.6)
    message = f"no rule {name!r}" + (f"; did you mean {match[0]!r}?" if match else "")
    return message, "see `jobdocs lint --rules` for every rule id"


def read_config(project: Project) -> Config:
    settings = project.settings.lint
    table = rule_table()
    severities: dict[str, str | None] = {id: rule.severity for id, rule in table.items()}
    source = project.sources.get(project.paths.settings_file)
    problems = []
    known = set(names())
    for name in sorted(settings.rules, key=lambda n: n.count(".")):  # families first
        value = settings.rules[name]
        if name in renamed():
            if source is not None:
                message, fix = _renamed(name)
                loc = ("lint", "rules", name)
                problems.append(
                    source.problem(loc, message, severity="note", rule=CONFIG_RULE, fix=fix)
                )
            name = renamed()[name]
        if name not in known:
            message, fix = _unknown(name)
            if source is not None:
                loc = ("lint", "rules", name)
                problems.append(source.problem(loc, message, rule=CONFIG_RULE, fix=fix))
            continue
        for id in table:
            if (id == name or id.startswith(name + ".")) and id != CONFIG_RULE:
                on = table[id].severity if value is True else value
                severities[id] = on or None
    allow = None
    if settings.allow:
        phrases = sorted((r"\s+".join(map(re.escape, p.split())) for p in settings.allow), key=len)
        allow = re.compile(r"(?<![\w-])(?:" + "|".join(reversed(phrases)) + r")(?![\w-])", re.I)
    extra = settings.words.model_dump_json()
    return Config(severities, allow, settings.thresholds, extra, problems)


def suppressions(source: Source) -> tuple[dict[int, set[str]], list[Problem]]:
    """The rules each line allows, and the mistakes in the comments that say so."""
    allowed: dict[int, set[str]] = {}
    problems = []
    known = set(names())
    for line, (column, comment) in source.layout.comments.items():
        match = _SUPPRESSION.search(comment)
        if not match:
            continue
        ids = [i for i in re.split(r"[\s,]+", match.group(1)) if i]
        mistakes = [(*_unknown(id), "error") for id in ids if id not in known | renamed().keys()]
        mistakes += [(*_renamed(id), "note") for id in ids if id in renamed()]
        if not ids:
            mistakes.append(
                ("a suppression names no rule", "# jobdocs: allow lint.gender.word", "error")
            )
        for message, fix, severity in mistakes:
            problems.append(
                Problem(source.path, line, column, "", message, severity, CONFIG_RULE, fix)
            )
        allowed[line] = {renamed().get(id, id) for id in ids}
    return allowed, problems


def suppressed(problem: Problem, loc: tuple[Any, ...], source: Source, allowed) -> bool:
    """Whether a comment allows the problem's rule on its line, or on the first or last line
    of the value, list or table it stands in."""
    if not allowed:
        return False
    lines = {problem.line}
    for end in range(1, len(loc) + 1):
        lines.update(source.layout.lines(loc[:end]))
    rule = problem.rule
    return any(
        rule == id or rule.startswith(id + ".") for line in lines for id in allowed.get(line, ())
    )
