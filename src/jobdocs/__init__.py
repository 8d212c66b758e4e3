"""Print-ready job descriptions from TOML content.

The library's entry points: `load_project(path)` reads and validates a project;
`build_project(path, ...)` builds its documents. Both raise `JobdocsError` for anything a
user can fix.
"""

from typing import TYPE_CHECKING

from .errors import ContentError, JobdocsError, Problem

if TYPE_CHECKING:
    from .build import Report, build_project
    from .content import load_project

__all__ = ["ContentError", "JobdocsError", "Problem", "Report", "build_project", "load_project"]


def __getattr__(name: str):
    # Loaded on first use: `import jobdocs` (and so `jobdocs --help`) stays fast.
    if name in ("build_project", "Report"):
        from . import build

        return getattr(build, name)
    if name == "load_project":
        from .content import load_project

        return load_project
    raise AttributeError(f"module 'jobdocs' has no attribute {name!r}")
