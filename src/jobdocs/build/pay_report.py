"""The pay-transparency compliance report: every posting against every jurisdiction it
reaches (covered or not and why, each requirement met or not), as HTML and PDF, because HR
and legal review it as a document. The report is in English, like the rules."""

from datetime import date
from pathlib import Path

from ..checks import NOT_LEGAL_ADVICE
from ..checks.pay import evaluate
from ..checks.pay.rules import rules
from ..content import load_project
from ..documents import Document, Metadata
from ..exporters import exporter
from ..render import Renderer
from ..render.labels import labels
from ..writing import checked, write_file
from .atomic import exclusive

REPORT_ID = "pay-report"
FORMATS = ("html", "pdf")


def pay_report(
    path: Path | str = ".", out: Path | str | None = None, as_of: date | None = None
) -> list[Path]:
    """Write `pay-report.html` and `pay-report.pdf` for the project in `path` into `out`
    (default: its output/ folder), as of `as_of` (default: today); the files written."""
    project = load_project(path)
    as_of = as_of or date.today()
    folders = project.paths.template_folders
    title = labels(folders, "en")["report"]["title"]
    organization = project.organization
    document = Document(
        id=REPORT_ID,
        kind="report",
        template="pay-report.html",
        context={
            "organization": organization,
            "as_of": as_of,
            "postings": evaluate(project, as_of),
            "rules": rules(),
            "not_legal_advice": NOT_LEGAL_ADVICE,
        },
        meta=Metadata(title, f"{organization.name}: {title}", organization.name, (title,), "en"),
    )
    rendered = Renderer(folders, project.settings).render(document)
    folder = Path(out) if out is not None else checked(project.paths.output, project.paths.root)
    written = []
    with exclusive(folder):
        for name in FORMATS:
            data = exporter(name).export(rendered)
            target = folder / f"{REPORT_ID}.{name}"
            written.append(write_file(target, data, folder))
    return written
