"""The content stage: the model, reading TOML files into it with every problem located,
the Markdown content may use, and the JSON Schemas editors read."""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import Project


def load_project(path: Path | str = ".") -> "Project":
    """Load and validate the project in `path`: settings, organization, roles, comparisons.

    Raises `ContentError` listing every problem in every file, or `ProjectError` when `path`
    is not a project.
    """
    # Imported here so that commands which never load content (`--help`) stay fast.
    from .load import load
    from .paths import find_project

    return load(find_project(Path(path)))
