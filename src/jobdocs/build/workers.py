"""Export jobs: one output file each, in this process or in worker processes.

A worker lives for one build and must never outlive it: it ignores the signals that stop a
build (the parent handles them and lets the files in hand finish), holds none of the
parent's locks and ends once its parent has, so a killed build leaves nothing running.
"""

import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from ..content.model import Settings
from ..documents import Document
from ..errors import JobdocsError
from ..exporters import exporter
from ..render import Renderer
from ..writing import write_file
from .atomic import release_inherited


@dataclass(frozen=True)
class Job:
    """One output file to write."""

    document: Document
    format: str
    target: Path
    out: Path
    """The output folder: the one place this job may write."""
    inputs: str
    """Digest of everything the file is made from."""
    previous: Document | None = None
    """The document at an earlier revision, whose changes a Word file shows as tracked."""
    revision: tuple[str, str] = ("jobdocs", "")


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: JobdocsError | None = None


def run(todo: list[Job], renderer: Renderer, jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or len(todo) <= 1:
        for job in todo:
            yield _export(job, renderer)
        return
    # The longest first, so that no worker is left with a long job at the end.
    ordered = sorted(todo, key=lambda j: (j.document.kind == "handbook", j.format), reverse=True)
    formats = sorted({job.format for job in todo})
    settings, templates = renderer.settings, renderer.templates
    pool = ProcessPoolExecutor(
        min(jobs, len(todo)), initializer=_prepare, initargs=(formats, templates, settings)
    )
    try:
        futures = [pool.submit(_export, job) for job in ordered]
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except BrokenProcessPool:
                raise JobdocsError(
                    "a worker process was killed before it finished (by the system, perhaps"
                    " for lack of memory); every file written is complete: build again, with"
                    " fewer jobs (-j) if memory is short"
                ) from None
            yield outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _prepare(formats: list[str], templates: tuple[Path, ...], settings: Settings) -> None:
    """Start a worker for one build: leave Ctrl-C and SIGTERM to the parent, hold none of
    its locks, end with it, import the exporters once and make the renderer its exports
    share."""
    global _worker_renderer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    release_inherited()
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()
    for format in formats:
        exporter(format)
    _worker_renderer = Renderer(templates, settings)


def _end_with_parent(parent: int) -> None:
    """A worker of a killed build must not go on writing: it ends once its parent has."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


_worker_renderer: Renderer | None = None
"""A worker process's renderer; a worker lives for one build."""


def _export(job: Job, renderer: Renderer | None = None) -> Outcome:
    renderer = renderer or _worker_renderer
    assert renderer is not None
    try:
        rendered = renderer.render(job.document)
        if job.previous is not None:
            earlier = renderer.render(job.previous)
            rendered = replace(rendered, previous=earlier, revision=job.revision)
        data = exporter(job.format).export(rendered)
        write_file(job.target, data, job.out)
    except JobdocsError as error:
        return Outcome(job, error)
    except Exception as error:  # a bug in jobdocs or a library: the other files go on
        return Outcome(job, JobdocsError(unexpected(error, f"{job.target.name}: the export")))
    return Outcome(job)


def unexpected(error: Exception, what: str) -> str:
    """The message for an exception nobody foresaw: a bug, to be reported."""
    return f"{what} failed unexpectedly ({type(error).__name__}: {error}); please report this"
