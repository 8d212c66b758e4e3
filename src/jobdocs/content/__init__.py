"""The content stage: the model, reading TOML files into it with every problem located,
the Markdown content may use, and the JSON Schemas editors read."""

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..session import Session
    from .project import Project


def load_project(
    path: Path | str = ".",
    *,
    session: "Session | None" = None,
    overrides: Mapping[Path, str] | None = None,
    content: Mapping[str, bytes] | None = None,
) -> "Project":
    """Load and validate the project in `path`: settings, organization, roles, comparisons.

    `overrides` gives some files' text instead of what is on disk (by absolute path), and
    `content` the whole content/ folder as it is elsewhere (each file's bytes by its path
    inside content/, as at a git revision); templates, labels, assets and the logo stay the
    project's own. `session` keeps validated files for the next load in the same process.

    Raises `ContentError` listing every problem in every file, or `ProjectError` when `path`
    is not a project.
    """
    # Imported here so that commands which never load content (`--help`) stay fast.
    from .load import load
    from .paths import find_project

    paths = find_project(Path(path))
    return load(paths, session=session, overrides=overrides, content=content)
