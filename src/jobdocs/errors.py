"""Errors a user can fix: one family, turned into messages and exit codes in one place
(`cli/`). Anything else raised inside jobdocs is a bug and keeps its traceback."""

import difflib
from dataclasses import dataclass
from pathlib import Path


class JobdocsError(Exception):
    """A problem with the project, its content, templates or outputs."""


SEVERITIES = ("error", "warning", "note")


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem. A content error prints as `path:line:col: key.path: message`;
    a finding of a rule as `path:line:col: severity rule-id: message (fix: suggestion)`."""

    path: Path
    line: int | None
    column: int | None
    key: str
    message: str
    severity: str = "error"
    """error (fails check and build), warning, or note (for information)."""
    rule: str = ""
    """The id of the rule that found it, e.g. "pay.us-co.range"; empty for content errors."""
    fix: str = ""
    """How to fix it, where a rule can say."""
    end_column: int | None = None
    """Where the words the finding is about end on the line, if it points at words."""

    def __str__(self) -> str:
        where = _printable(str(self.path))
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = _printable(self.message)
        if self.rule:
            fix = f" (fix: {_printable(self.fix)})" if self.fix else ""
            return f"{where}: {self.severity} {self.rule}: {message}{fix}"
        return f"{where}: {_printable(self.key)}: {message}" if self.key else f"{where}: {message}"


def _printable(text: str) -> str:
    """`text` on one line: control and other unprintable characters as escapes, since file
    names, keys and values come from content and one problem must stay one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class ContentError(JobdocsError):
    """One or more problems in the content files, all reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (str(p.path), p.line or 0, p.key))
        super().__init__("\n".join(map(str, self.problems)))


class ProjectError(JobdocsError):
    """The project folder or its settings are not usable."""


class TemplateError(JobdocsError):
    """A template failed to load or render."""


class ExportError(JobdocsError):
    """An output file could not be produced."""


class UsageError(JobdocsError):
    """A command was asked for something that does not exist (exit code 2, like a bad
    option)."""

    def __init__(self, message: str, parameter: str | None = None):
        self.parameter = parameter
        super().__init__(message)


def no_such(what: str, wanted: str, known) -> UsageError:
    """The error for an id on the command line that names nothing: the nearest known id,
    or where to see them."""
    match = difflib.get_close_matches(wanted, list(known), n=1)
    hint = f"; did you mean {match[0]!r}?" if match else "; see 'jobdocs list'"
    return UsageError(f"no {what} {wanted!r}{hint}", "IDS")
