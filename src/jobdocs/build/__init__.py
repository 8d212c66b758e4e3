"""Build documents: find what is out of date, export it (in parallel), report the outcome.

`build_project` is the library's one assembly of the pipeline: load the project, plan its
documents, select and shard them, and write each one in each format.
"""

import hashlib
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .. import checks
from ..content import load_project
from ..content.model import Settings
from ..documents import Document, plan, select
from ..documents import shard as take_shard
from ..documents.site import SITE, site_plan
from ..errors import ContentError, JobdocsError, Problem, UsageError
from ..exporters import exporter
from ..formats import FORMATS
from ..render import Renderer
from .atomic import atomic_path, exclusive
from .changes import AUTHOR
from .manifest import Manifest, document_digest, input_digest, templates_digest
from .site import copy_site_files


@dataclass(frozen=True)
class Job:
    """One output file to write."""

    document: Document
    format: str
    target: Path
    inputs: str
    """Digest of everything the file is made from."""
    previous: Document | None = None
    """The document at an earlier revision, whose changes a Word file shows as tracked."""
    revision: tuple[str, str] = ("jobdocs", "")


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: JobdocsError | None = None


@dataclass
class Report:
    built: list[Job] = field(default_factory=list)
    skipped: list[Job] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0


def build_project(
    path: Path | str = ".",
    ids: Iterable[str] = (),
    formats: Iterable[str] | None = None,
    out: Path | str | None = None,
    *,
    jobs: int | None = None,
    force: bool = False,
    shard: tuple[int, int] | None = None,
    as_of: date | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_findings: Callable[[list[Problem]], None] | None = None,
    changes_since: str | None = None,
) -> Report:
    """Build the project in `path` into `out` (default: its output/ folder): every document,
    or those named in `ids`, in `formats` (default: the settings' formats), skipping files
    that are up to date. `jobs` exports run at once (default: one per CPU); `shard=(K, N)`
    builds part K of N. `changes_since` (a git revision) makes the Word files of documents
    changed since then show those changes as tracked changes.

    The checks run first, as of `as_of` (default: today): an error in any of them raises
    `ContentError` before anything is written; warnings and notes go to `on_findings`.
    A document that fails does not stop the others: its error is in the report. Problems
    with the project itself raise a `JobdocsError` before anything is written.
    """
    project = load_project(path)
    formats = list(dict.fromkeys(formats or project.settings.formats))
    for name in formats:
        if name not in FORMATS:
            raise UsageError(f"no format {name!r}; choose from {', '.join(FORMATS)}", "--format")
    findings = checks.run(project, checks.Context(as_of or date.today(), tuple(formats)))
    if checks.errors(findings):
        raise ContentError(findings)
    if on_findings is not None:
        on_findings(findings)
    ids = tuple(ids)
    documents = select(plan(project), ids)
    work = [(d, f) for d in documents for f in formats if f != SITE]
    if SITE in formats:
        pages = site_plan(project, as_of or date.today(), tuple(formats))
        chosen = [d for d in pages if not ids or d.context.get("role_id") in (None, *ids)]
        work += [(d, SITE) for d in chosen]
    if shard is not None:
        kept = {d.id for d in take_shard(list({d.id: d for d, _ in work}.values()), *shard)}
        work = [(d, f) for d, f in work if d.id in kept]
    out = Path(out) if out is not None else project.paths.output
    if changes_since is not None:
        from .changes import previous

        work = _with_changes(work, previous(project.paths.root, changes_since))
    report = _build(
        project.settings,
        project.paths.template_folders,
        work,
        out,
        jobs=jobs or os.cpu_count() or 1,
        force=force,
        on_plan=on_plan,
        on_outcome=on_outcome,
    )
    if SITE in formats:
        copy_site_files(project, out, work)
    return report


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
    settings: Settings,
    templates: tuple[Path, ...],
    work: list[tuple[Document, str]],
    out: Path,
    *,
    jobs: int,
    force: bool,
    on_outcome: Callable[[Outcome], None] | None,
    on_plan: Callable[[int], None] | None,
) -> Report:
    start = time.perf_counter()
    report = Report()
    with exclusive(out):
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
            target = out / (document.id if format == SITE else f"{document.id}.{format}")
            job = Job(document, format, target, inputs, old, revision)
            if not force and manifest.is_current(job.target, inputs):
                report.skipped.append(job)
            else:
                todo.append(job)
        if on_plan:
            on_plan(len(todo))
        try:
            for outcome in _run(todo, settings, templates, jobs):
                if outcome.error is None:
                    report.built.append(outcome.job)
                    manifest.record(outcome.job.target, outcome.job.inputs)
                else:
                    report.failed.append(outcome)
                    manifest.forget(outcome.job.target)
                if on_outcome:
                    on_outcome(outcome)
        finally:
            if todo:  # also when interrupted: what was written is recorded
                manifest.save()
    report.seconds = time.perf_counter() - start
    return report


def _run(
    todo: list[Job], settings: Settings, templates: tuple[Path, ...], jobs: int
) -> Iterator[Outcome]:
    if jobs <= 1 or len(todo) <= 1:
        for job in todo:
            yield _export(job, settings, templates)
        return
    # The longest first, so that no worker is left with a long job at the end.
    ordered = sorted(todo, key=lambda j: (j.document.kind == "handbook", j.format), reverse=True)
    formats = sorted({job.format for job in todo})
    pool = ProcessPoolExecutor(min(jobs, len(todo)), initializer=_prepare, initargs=(formats,))
    try:
        futures = [pool.submit(_export, job, settings, templates) for job in ordered]
        for future in as_completed(futures):
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _prepare(formats: list[str]) -> None:
    """Start a worker: leave Ctrl-C to the parent and import the exporters once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for format in formats:
        exporter(format)


_renderers: dict[tuple[tuple[Path, ...], str], Renderer] = {}


def _export(job: Job, settings: Settings, templates: tuple[Path, ...]) -> Outcome:
    key = (templates, settings.model_dump_json())
    renderer = _renderers.get(key) or _renderers.setdefault(key, Renderer(templates, settings))
    try:
        rendered = renderer.render(job.document)
        if job.previous is not None:
            earlier = renderer.render(job.previous)
            rendered = replace(rendered, previous=earlier, revision=job.revision)
        data = exporter(job.format).export(rendered)
        with atomic_path(job.target) as temporary:
            temporary.write_bytes(data)
    except JobdocsError as error:
        return Outcome(job, error)
    return Outcome(job)
