"""The files of the careers site that are not rendered: each posting's PDF and Word
downloads, copied beside its page, and the logo, so that output/site/ is complete on its
own and can be copied to any static host."""

from pathlib import Path

from ..content.project import Project
from ..documents import Document
from ..documents.site import SITE
from ..writing import write_file


def copy_site_files(project: Project, out: Path, work: list[tuple[Document, str]]) -> None:
    """Copy what changed: a download whose source was built, and the logo."""
    for document, format in work:
        if format != SITE or "role_id" not in document.context:
            continue
        role_id = document.context["role_id"]
        for kind in document.context["downloads"]:
            _copy(out / f"{role_id}.{kind}", out / SITE / role_id / f"{role_id}.{kind}", out)
    logo = project.organization.logo
    if logo is not None:
        _copy(project.paths.root / logo, out / SITE / f"logo{Path(logo).suffix.lower()}", out)


def _copy(source: Path, target: Path, out: Path) -> None:
    if not source.is_file():
        return  # not built, e.g. a failed export: the page's link is then the only loss
    data = source.read_bytes()
    if not (target.is_file() and not target.is_symlink() and target.read_bytes() == data):
        write_file(target, data, out)
