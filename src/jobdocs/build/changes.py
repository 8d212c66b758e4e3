"""The project as it was at a git revision, for Word files that show the changes since as
tracked changes (`jobdocs build -f docx --changes-since REF`)."""

import io
import subprocess
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..content import load_project
from ..content.load import FILE_LIMIT
from ..documents import Document, plan
from ..errors import ContentError, UsageError

AUTHOR = "jobdocs"


@dataclass(frozen=True)
class Previous:
    documents: dict[str, Document]
    commit: str
    date: str  # the commit's date, UTC, as Word dates revisions


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, timeout=60)
    except FileNotFoundError:
        raise UsageError("--changes-since needs git, which is not installed") from None
    if done.returncode:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = said[-1] if said else f"exited with {done.returncode} and said nothing"
        raise UsageError(f"git {' '.join(args)}: {why}", "--changes-since")
    return done.stdout


def previous(root: Path, ref: str) -> Previous:
    """Every document as the project at `ref` (a tag or a commit) plans it, with the
    templates and settings of today, so only the content's changes show."""
    root = root.resolve()
    _git(root, "rev-parse", "--show-toplevel")
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except UsageError:  # --quiet: git says nothing
        raise UsageError(f"no commit {ref!r} in this repository", "--changes-since") from None
    commit = commit.decode().strip()
    stamp = _git(root, "show", "-s", "--format=%ct", commit).decode().strip()
    date = datetime.fromtimestamp(int(stamp), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    archive = _git(root, "archive", "--format=tar", commit, "--", f"{prefix}content")
    content = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar:
            file = tar.extractfile(member) if member.isfile() else None
            if file is not None:
                name = member.name.removeprefix(f"{prefix}content/")
                content[name] = file.read(FILE_LIMIT + 1)
    try:
        project = load_project(root, content=content)
    except ContentError as error:
        raise UsageError(
            f"the content at {ref} is not valid, so no changes can be shown since it "
            f"({len(error.problems)} problems)",
            "--changes-since",
        ) from None
    documents = {document.id: document for document in plan(project)}
    return Previous(documents, commit, date)
