"""Build documents: find what is out of date, export it (in parallel), report the outcome.

`build_project` is the library's one assembly of the pipeline: load the project, plan its
documents, select and shard them, and write each one in each format.
"""

import hashlib
import os
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import checks
from ..content import load_project
from ..content.project import Project
from ..documents import Document, plan, select
from ..documents import shard as take_shard
from ..documents.site import SITE, site_plan
from ..errors import ContentError, Problem, UsageError
from ..formats import FORMATS
from ..render import Renderer
from ..session import Session
from ..writing import checked
from .atomic import exclusive
from .changes import AUTHOR
from .manifest import Manifest, document_digest, input_digest, templates_digest
from .site import copy_site_files, remove_unpublished
from .workers import Job, Outcome, run


@dataclass
class Report:
    built: list[Job] = field(default_factory=list)
    skipped: list[Job] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    """Files of the careers site that it no longer has (a withdrawn posting's page)."""
    seconds: float = 0.0


@dataclass(frozen=True)
class BuildOptions:
    """What to build, where and how."""

    ids: tuple[str, ...] = ()
    """The documents to build (a role's id also selects its careers page); none: all."""
    formats: tuple[str, ...] = ()
    """The formats to write; none: the settings' formats."""
    out: Path | None = None
    """The output folder; None: the project's output/."""
    jobs: int | None = None
    """Exports at once; None: one per CPU."""
    force: bool = False
    """Rebuild files that are up to date."""
    shard: tuple[int, int] | None = None
    """(K, N): part K of N."""
    as_of: date | None = None
    """The day the checks and the careers site are for; None: today."""
    changes_since: str | None = None
    """A git revision: Word files of documents changed since show those changes tracked."""


class Observer:
    """What a build tells its caller as it goes. Each method does nothing here."""

    def findings(self, problems: list[Problem]) -> None:
        """The checks' warnings and notes, before anything is built."""

    def planned(self, count: int) -> None:
        """How many files are out of date and will be written."""

    def outcome(self, outcome: Outcome) -> None:
        """One file written, or failed."""


def build_project(
    path: Path | str = ".",
    options: BuildOptions | None = None,
    observer: Observer | None = None,
    session: Session | None = None,
) -> Report:
    """Build the project in `path` as `options` say, skipping files that are up to date.
    `session` keeps what a later build in this process can reuse (see session.py).

    The checks run first: an error in any of them raises `ContentError` before anything is
    written; warnings and notes go to the observer. A document that fails does not stop the
    others: its error is in the report. Problems with the project itself raise a
    `JobdocsError` before anything is written.
    """
    options = options or BuildOptions()
    observer = observer or Observer()
    session = session or Session()
    session.begin()
    project = load_project(path, session=session)
    formats = list(dict.fromkeys(options.formats or project.settings.formats))
    for name in formats:
        if name not in FORMATS:
            raise UsageError(f"no format {name!r}; choose from {', '.join(FORMATS)}", "--format")
    as_of = options.as_of or date.today()
    findings = checks.run(project, checks.Context(as_of, tuple(formats), session))
    if checks.errors(findings):
        raise ContentError(findings)
    observer.findings(findings)
    pages = site_plan(project, as_of, tuple(formats)) if SITE in formats else []
    work = _work(options, formats, plan(project), pages)
    out = _output_folder(project, options.out)
    if options.changes_since is not None:
        from .changes import previous

        work = _with_changes(work, previous(project.paths.root, options.changes_since))
    jobs = options.jobs or os.cpu_count() or 1
    with exclusive(out):
        # First, so that a withdrawn posting is gone even if the build is interrupted.
        removed = remove_unpublished(project, out, pages) if SITE in formats else []
        report = _build(project, work, out, jobs, options.force, observer, session)
        report.removed = removed
        if SITE in formats:
            copy_site_files(project, out, work)
    return report


def _output_folder(project: Project, out: Path | None) -> Path:
    """The folder to write into. One given on the command line is the user's choice; the
    project's own output/ must be a folder of the project, not a checked-in link."""
    if out is not None:
        return Path(out)
    return checked(project.paths.output, project.paths.root)


def _work(options: BuildOptions, formats: list[str], documents, pages) -> list:
    """Each document to build, with each format it is built in; `pages`: the careers
    site's, the one collection, planned as of a day."""
    ids = tuple(options.ids)
    documents = select(documents, ids)
    work = [(d, f) for d in documents for f in formats if not FORMATS[f].collection]
    chosen = [d for d in pages if not ids or d.context.get("role_id") in (None, *ids)]
    work += [(d, SITE) for d in chosen]
    if options.shard is not None:
        kept = {d.id for d in take_shard(list({d.id: d for d, _ in work}.values()), *options.shard)}
        work = [(d, f) for d, f in work if d.id in kept]
    return work


def _with_changes(work: list, since) -> list:
    """Word files of documents that changed since the revision get its version beside."""
    changed = []
    for document, format in work:
        old = since.documents.get(document.id)
        if format == "docx" and old is not None and old.meta.digest != document.meta.digest:
            format = (format, old, (AUTHOR, since.date), since.commit)
        changed.append((document, format))
    return changed


def _build(
    project: Project,
    work: list[tuple[Document, str]],
    out: Path,
    jobs: int,
    force: bool,
    observer: Observer,
    session: Session,
) -> Report:
    start = time.perf_counter()
    report = Report()
    settings, templates = project.settings, project.paths.template_folders
    manifest = Manifest(out)
    templates_hash = templates_digest(templates)
    todo = []
    digests: dict[str, str] = {}
    for document, format in work:
        old, revision, commit = None, (AUTHOR, ""), ""
        if isinstance(format, tuple):  # with the changes since a revision
            format, old, revision, commit = format
        if document.id not in digests:
            digests[document.id] = document_digest(document, settings, templates_hash)
        inputs = input_digest(digests[document.id], format)
        if old is not None:
            inputs = hashlib.sha256(f"{inputs}\0{commit}".encode()).hexdigest()
        name = document.id if FORMATS[format].collection else f"{document.id}.{format}"
        target = out / name
        job = Job(document, format, target, out, inputs, old, revision)
        if not force and manifest.is_current(job.target, inputs):
            report.skipped.append(job)
        else:
            todo.append(job)
    observer.planned(len(todo))
    # The templates as they are now, with their labels: a renderer is reused only
    # while the template folders and the settings are byte for byte the same.
    renderer = session.renderers.get(
        (templates, templates_hash, settings.digest), lambda: Renderer(templates, settings)
    )
    renderer.begin()
    try:
        for outcome in run(todo, renderer, jobs):
            if outcome.error is None:
                report.built.append(outcome.job)
                manifest.record(outcome.job.target, outcome.job.inputs)
            else:
                report.failed.append(outcome)
                manifest.forget(outcome.job.target)
            observer.outcome(outcome)
    finally:
        if todo:  # also when interrupted: what was written is recorded
            manifest.save()
    report.seconds = time.perf_counter() - start
    return report
