"""What the commands print: errors, progress and the closing summary."""

import sys

import click

from ..checks import NOT_LEGAL_ADVICE
from ..checks.printing import as_text, shown
from ..errors import ContentError, JobdocsError, Problem


def explain(error: JobdocsError) -> str:
    """The one translation of a library error into what a user reads. A content error's
    problems go to stderr one per line; the returned line closes them."""
    if isinstance(error, ContentError):
        show_problems(error.problems)
        return plural(len(error.problems), "problem") + " found"
    return str(error)


def show_problems(problems: list[Problem]) -> None:
    """Problems as text on stderr, one per line, and after pay-transparency findings the
    line that says they are not legal advice."""
    if problems:
        click.echo(as_text(problems), err=True)
    if any(problem.rule.startswith("pay.") for problem in problems):
        click.echo(NOT_LEGAL_ADVICE, err=True)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def summary(report) -> str:
    removed = f", removed {len(report.removed)} no longer published" if report.removed else ""
    return (
        f"built {len(report.built)}, skipped {len(report.skipped)} unchanged, "
        f"failed {len(report.failed)}{removed} in {report.seconds:.1f} s"
    )


def failure(outcome) -> str:
    return f"error: {shown(outcome.job.target)}: {explain(outcome.error)}"


class Progress:
    """A progress bar on a terminal; elsewhere (CI logs) one line per file written."""

    def __init__(self, quiet: bool, each_file: bool = True):
        self.quiet = quiet
        self.each_file = each_file
        """Print a line or move the bar for each file (`watch` prints a summary only)."""
        self.bar = None

    def planned(self, total: int) -> None:
        if not self.quiet and self.each_file and total and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label="building", file=sys.stderr)
            self.bar.__enter__()

    def findings(self, problems) -> None:
        """Warnings and notes of the checks, before anything is built."""
        if not self.quiet:
            show_problems(problems)

    def outcome(self, outcome) -> None:
        if outcome.error is not None:
            if self.bar is not None:
                click.echo("", err=True)  # leave the bar's line before printing
            click.echo(failure(outcome), err=True)
        elif not self.quiet and self.each_file and self.bar is None:
            click.echo(f"wrote {shown(outcome.job.target)}")
        if self.bar is not None:
            self.bar.update(1)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
