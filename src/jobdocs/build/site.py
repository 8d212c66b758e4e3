"""The files of the careers site that are not rendered: each posting's PDF and Word
downloads, copied beside its page, and the logo, so that output/site/ is complete on its
own and can be copied to any static host; and the removal of what the site no longer has.
"""

import os
from pathlib import Path

from ..content.project import Project
from ..documents import Document
from ..documents.site import SITE, downloads, logo_name, site_files
from ..writing import checked, write_file


def copy_site_files(project: Project, out: Path, work: list[tuple[Document, str]]) -> None:
    """Copy what changed: a download whose source was built, and the logo."""
    for document, format in work:
        if format == SITE:
            for name in downloads(document):
                _copy(out / name, out / SITE / document.context["role_id"] / name, out)
    logo = logo_name(project.organization)
    if logo is not None:
        _copy(project.paths.root / project.organization.logo, out / SITE / logo, out)


def remove_unpublished(project: Project, out: Path, pages: list[Document]) -> list[Path]:
    """Remove from the site folder every file the site does not have now (the page of a
    posting set back to draft, deleted or omitted once expired, a department nobody is
    in any more), and the folders left empty; the files removed. The build owns
    output/site/: nothing else belongs there."""
    keep = {out / name for name in site_files(project, pages)}
    removed = []
    # os.walk follows a link given as its top: a linked site folder would empty its target
    for here, folders, names in os.walk(checked(out / SITE, out), topdown=False):
        for name in names:
            path = Path(here, name)
            if path not in keep:
                path.unlink()
                removed.append(path)
        for name in folders:
            path = Path(here, name)
            if path.is_symlink():
                path.unlink()  # os.walk does not enter a linked folder: a stray too
            elif not any(path.iterdir()):
                path.rmdir()
    return sorted(removed)


def _copy(source: Path, target: Path, out: Path) -> None:
    if not source.is_file():
        return  # not built, e.g. a failed export: the page's link is then the only loss
    data = source.read_bytes()
    if not (target.is_file() and not target.is_symlink() and target.read_bytes() == data):
        write_file(target, data, out)
