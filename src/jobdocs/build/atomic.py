"""Write outputs so that a reader only ever sees a complete file."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import JobdocsError

try:
    import fcntl
except ImportError:  # Windows: builds in one folder are not guarded against each other
    fcntl = None

LOCK = ".jobdocs.lock"


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, renamed over it once the block completes.

    If the block raises (or the process dies), `target` keeps its previous content and
    the temporary file is removed (or, after a kill, left as a hidden `.*.tmp` file).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(0o644)  # mkstemp creates files readable by their owner only
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the output folder for one build; remove what an interrupted build left behind.

    A build killed while writing leaves only its hidden temporary files: the outputs
    themselves are always complete.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "w") as lock:
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise JobdocsError(f"{folder}: another jobdocs build is writing here") from None
        for leftover in folder.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)
        yield
