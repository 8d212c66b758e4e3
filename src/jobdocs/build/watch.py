"""Watching a project: a build now, and again after every change to its content, templates
or settings."""

from collections.abc import Iterator
from pathlib import Path

from ..content.paths import ProjectPaths


def changes(paths: ProjectPaths) -> Iterator[None]:
    """Yield at once, then after every batch of edits that can change an output, until
    interrupted."""
    import watchfiles

    def relevant(change: watchfiles.Change, path: str) -> bool:
        where = Path(path)
        return where == paths.settings_file or any(
            where.is_relative_to(folder) for folder in (paths.content, paths.templates)
        )

    yield
    for _ in watchfiles.watch(paths.root, watch_filter=relevant, debounce=200):
        yield
