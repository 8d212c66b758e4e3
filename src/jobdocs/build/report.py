"""The language report `jobdocs watch` adds to each role's page in the preview: the
posting's length, readability and gender-coded words, and its posting-language findings.
It is added as pages are served, never written into a document (PDF, Word or HTML)."""

from html import escape
from pathlib import Path

from ..checks.lint.engine import Report, language_reports
from ..content import load_project
from ..content.model.settings import LintThresholds
from ..session import Session

STYLE = (
    "margin:3em 0 1em;padding:1em 1.5em;border:2px dashed #b45309;background:#fffbeb;"
    "font:14px/1.5 system-ui,sans-serif;color:#1f2937"
)


def reports(root: Path, session: Session | None = None) -> dict[str, bytes]:
    """Each role's report, by the name of its HTML file; none where `[lint]` is off."""
    project = load_project(root, session=session)
    if not project.settings.lint.enabled:
        return {}
    limits = project.settings.lint.thresholds
    return {
        f"{role_id}.html": render(report, limits).encode()
        for role_id, report in language_reports(project, session).items()
    }


def render(report: Report, limits: LintThresholds) -> str:
    stats = report.stats
    grade = (
        f"Flesch-Kincaid grade {stats.grade} (at most {limits.grade_max:g})"
        if stats.grade is not None
        else "too short for a readability grade"
    )
    figures = [
        f"{stats.words} words ({limits.words_min}–{limits.words_max}), "
        f"{stats.sentences} sentences; {grade}",
        f"Gender-coded words in the role's own texts: {len(stats.masculine)} masculine"
        f"{_listed(stats.masculine)}, "
        f"{len(stats.feminine)} feminine{_listed(stats.feminine)}",
    ]
    findings = [
        f"<li><strong>{escape(p.severity)}</strong> <code>{escape(p.rule)}</code> "
        f"line {p.line}: {escape(p.message)}" + (f" <em>Fix: {escape(p.fix)}</em>" if p.fix else "")
        for p in report.problems
    ]
    found = f"<ol>{''.join(findings)}</ol>" if findings else "<p>No findings.</p>"
    return (
        f'<section class="jobdocs-language-report" style="{STYLE}">'
        "<h2>Language report</h2>"
        "<p>Shown in this preview only, never in the documents; "
        "<code>jobdocs lint</code> lists the same findings.</p>"
        f"<ul>{''.join(f'<li>{escape(line)}</li>' for line in figures)}</ul>"
        f"<h3>Findings</h3>{found}</section>\n"
    )


def _listed(words: list[str]) -> str:
    unique = list(dict.fromkeys(w.lower() for w in words))
    return f" ({', '.join(unique)})" if unique else ""
