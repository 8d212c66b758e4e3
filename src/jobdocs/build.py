"""Plan a project's documents, render them and write every requested format."""

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .content import handbook_id
from .model import Project, Settings
from .render import Document, Renderer

__all__ = ["FORMATS", "Document", "build", "exporter", "plan"]

FORMATS = ("pdf", "docx", "html")


def plan(project: Project) -> list[Document]:
    """Every document the project builds: each role, each comparison, then the handbook."""
    organization = project.organization
    roles_by_title = sorted(project.roles.items(), key=lambda item: item[1].title.casefold())
    common = {"organization": organization, "roles": project.roles}
    documents = []
    for role_id, role in sorted(project.roles.items()):
        comparisons = [
            (cid, c) for cid, c in sorted(project.comparisons.items()) if role_id in c.roles
        ]
        documents.append(
            Document(
                id=role_id,
                kind="role",
                title=role.title,
                template="role.html",
                context={**common, "role_id": role_id, "role": role, "comparisons": comparisons},
                subject=f"Job description: {role.title}",
                keywords=(role.title, role.department, "job description"),
            )
        )
    for comparison_id, comparison in sorted(project.comparisons.items()):
        titles = tuple(project.roles[r].title for r in comparison.roles)
        documents.append(
            Document(
                id=comparison_id,
                kind="comparison",
                title=comparison.title,
                template="comparison.html",
                context={**common, "comparison_id": comparison_id, "comparison": comparison},
                subject=f"Comparison: {', '.join(titles)}",
                keywords=(*titles, "comparison"),
            )
        )
    documents.append(
        Document(
            id=handbook_id(organization),
            kind="handbook",
            title=organization.title,
            template="handbook.html",
            context={
                **common,
                "roles_by_title": roles_by_title,
                "comparisons": sorted(project.comparisons.items()),
            },
            subject=f"{organization.name}: job descriptions",
            keywords=(organization.name, *(role.title for _, role in roles_by_title)),
        )
    )
    return documents


@dataclass(frozen=True)
class Written:
    document: Document
    format: str
    path: Path


def build(
    settings: Settings,
    templates: Path,
    documents: list[Document],
    formats: list[str],
    out: Path,
) -> Iterator[Written]:
    """Render and write each document in each format, yielding every file as it is written.

    The first failure raises; files already written stay, each complete.
    """
    renderer = Renderer(templates, settings)
    for document in documents:
        for format in formats:
            rendered = renderer.render(document, format)
            target = out / f"{document.id}.{format}"
            exporter(format).write(rendered, target)
            yield Written(document, format, target)


def exporter(format: str):
    """The exporter module for `format`, imported on first use: WeasyPrint is slow to load."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}")
    return importlib.import_module(f".exporters.{format}", __package__)
