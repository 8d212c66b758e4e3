"""Build documents: find what is out of date, export it (in parallel), report the outcome."""

import importlib
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import exclusive
from .errors import JobdocsError
from .manifest import Manifest, document_digest, input_digest, templates_digest
from .model import Settings
from .render import Document, Renderer

FORMATS = ("pdf", "docx", "html")


@dataclass(frozen=True)
class Job:
    """One output file to write."""

    document: Document
    format: str
    target: Path
    inputs: str
    """Digest of everything the file is made from."""


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: str | None = None


@dataclass
class Report:
    built: list[Job] = field(default_factory=list)
    skipped: list[Job] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0


def shard(documents: list[Document], part: int, parts: int) -> list[Document]:
    """Part `part` (1-based) of `parts`: documents dealt in turn, in id order. The parts are
    disjoint and together hold every document."""
    ordered = sorted(documents, key=lambda document: document.id)
    return [d for index, d in enumerate(ordered) if index % parts == part - 1]


def build(
    settings: Settings,
    templates: tuple[Path, ...],
    documents: list[Document],
    formats: list[str],
    out: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> Report:
    """Write each document in each format into `out`, skipping files that are up to date.

    A document that fails does not stop the others; its error is in the report.
    """
    start = time.perf_counter()
    report = Report()
    with exclusive(out):
        manifest = Manifest(out)
        templates_hash = templates_digest(templates)
        todo = []
        for document in documents:
            document_hash = document_digest(document, settings, templates_hash)
            for format in formats:
                inputs = input_digest(document_hash, format)
                job = Job(document, format, out / f"{document.id}.{format}", inputs)
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


def exporter(format: str):
    """The exporter module for `format`, imported on first use: WeasyPrint is slow to load."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}")
    return importlib.import_module(f".exporters.{format}", __package__)


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
        exporter(job.format).write(renderer.render(job.document, job.format), job.target)
    except JobdocsError as error:
        return Outcome(job, str(error))
    return Outcome(job)
