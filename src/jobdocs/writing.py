"""Every file jobdocs writes goes through here.

A project is untrusted input: a checked-in symbolic link must not turn a build, `init`,
`new`, `schema --write` or `review --apply` into a write somewhere else. So a write names
the folder it is for (the project, or the output folder) and is refused, naming the link,
when the target or a folder on the way to it is a link or resolves outside that folder.
Files are written whole: a temporary file with a fresh name beside the target, renamed over
it, so a reader never sees half a file and a planted name is never opened.
"""

import os
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import JobdocsError

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""Not on Windows, where a checked-in link is not a link without administrator rights."""


def checked(target: Path, within: Path) -> Path:
    """`target`, once it is known that writing it writes inside `within`: neither it nor a
    folder between `within` and it is a symbolic link, and it resolves inside `within`."""
    target, within = Path(target), Path(within)
    try:
        relative = target.relative_to(within)
    except ValueError:
        raise JobdocsError(f"{target}: outside {within}; jobdocs writes only there") from None
    here = within
    for part in relative.parts:
        here = here / part
        if here.is_symlink():
            raise JobdocsError(f"{here}: is a symbolic link; jobdocs does not write through links")
    if not target.resolve().is_relative_to(within.resolve()):
        raise JobdocsError(f"{target}: resolves outside {within}; jobdocs writes only there")
    return target


def folder(path: Path, within: Path) -> Path:
    """`path` made as a folder inside `within` (see `checked`)."""
    try:
        checked(path, within).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise JobdocsError(f"{path}: is a file, not a folder") from None
    except OSError as error:
        raise JobdocsError(f"{path}: cannot make this folder ({error.strerror})") from None
    return path


def write_file(target: Path, data: bytes | str, within: Path) -> Path:
    """Write `data` (text as UTF-8) to `target` whole; `target`."""
    write_all({target: data}, within)
    return target


def write_all(files: Mapping[Path, bytes | str], within: Path) -> None:
    """Write every file or none: all are written to temporary files beside their targets
    first, and only when every one is complete are they renamed into place. After a kill,
    a temporary file may be left as a hidden `.*.tmp` file (the next build in an output
    folder removes them); a target is always either old or new, never half-written. A file
    replaced keeps its permissions."""
    with _temporaries(list(files), within) as temporaries:
        for temporary, data, target in zip(temporaries, files.values(), files, strict=True):
            raw = data.encode("utf-8") if isinstance(data, str) else data
            with _reported(target):
                temporary.write_bytes(raw)
        for temporary, target in zip(temporaries, files, strict=True):
            with _reported(target):
                os.replace(temporary, target)


def open_lock(path: Path, within: Path) -> IO[str]:
    """The lock file `path`, opened for writing without following a link."""
    checked(path, within)
    flags = os.O_RDWR | os.O_CREAT | NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.fdopen(os.open(path, flags, 0o644), "w")
    except OSError as error:
        raise JobdocsError(f"{path}: cannot open the lock file ({error.strerror})") from None


@contextmanager
def _reported(target: Path) -> Iterator[None]:
    """A full disk or a folder where the file should be is the user's to fix: say so."""
    try:
        yield
    except OSError as error:
        raise JobdocsError(f"{target}: cannot write ({error.strerror})") from None


@contextmanager
def _temporaries(targets: list[Path], within: Path) -> Iterator[list[Path]]:
    made: list[Path] = []
    try:
        for target in targets:
            made.append(_make_temporary(target, within))
        yield made
    finally:
        for temporary in made:
            temporary.unlink(missing_ok=True)


def _make_temporary(target: Path, within: Path) -> Path:
    folder(target.parent, within)
    checked(target, within)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name[:64]}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise JobdocsError(f"{target}: cannot write here ({error.strerror})") from None
    os.close(handle)
    temporary = Path(name)
    temporary.chmod(_mode(target))
    return temporary


def _mode(target: Path) -> int:
    """The permissions a replaced file keeps; a new file's are the usual 644 (mkstemp's own
    are 600, which would hide outputs from a web server)."""
    try:
        status = target.lstat()
    except OSError:
        return 0o644
    return stat.S_IMODE(status.st_mode) if stat.S_ISREG(status.st_mode) else 0o644
