"""Hold the output folder for one build, and clean up after one that was killed."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import JobdocsError
from ..writing import folder as make_folder
from ..writing import open_lock

try:
    import fcntl
except ImportError:  # Windows: builds in one folder are not guarded against each other
    fcntl = None

LOCK = ".jobdocs.lock"

_held: set[int] = set()
"""The descriptors of the locks this process holds, for `release_inherited`."""


@contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the output folder for one build; remove what an interrupted build left behind.

    A build killed while writing leaves only its hidden temporary files, in any subfolder:
    the outputs themselves are always complete.
    """
    make_folder(folder, folder)
    with open_lock(folder / LOCK, folder) as lock:
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise JobdocsError(f"{folder}: another jobdocs build is writing here") from None
        for here, _, names in os.walk(folder):
            for name in names:
                if name.startswith(".") and name.endswith(".tmp"):
                    Path(here, name).unlink(missing_ok=True)
        _held.add(lock.fileno())
        try:
            yield
        finally:
            _held.discard(lock.fileno())


def release_inherited() -> None:
    """In a forked worker: close the copies of the parent's locks. A lock is held while
    any copy is open, so a worker that outlived a killed build would otherwise keep every
    later build out of the folder."""
    for descriptor in _held:
        os.close(descriptor)
    _held.clear()
