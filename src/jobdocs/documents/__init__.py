"""The documents a project builds, each with exactly the data its template shows.

A document's context is also what decides whether it must be rebuilt (see
build/manifest.py), so it holds only what the document uses: the roles it prints in full,
and the titles of the roles it merely names.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..content.model import Strict
from ..content.project import Project
from ..errors import no_such


@dataclass(frozen=True)
class Metadata:
    """What every format records about a document: PDF and HTML in the page's head, Word in
    its core properties."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    language: str
    kind: str = ""
    """role, comparison or handbook: with the two below, what a Word file records so that
    a reviewed copy maps back to its content files."""
    sources: tuple[str, ...] = ()
    """The content files whose fields the document prints: `roles/x.toml`, …"""
    digest: str = ""
    """Digest of those files' text, as the document was built from them."""


@dataclass(frozen=True)
class Document:
    """One output document: which template renders it, with what, under which id."""

    id: str
    kind: str  # "role", "comparison", "handbook" or "site" (a file of the careers site)
    template: str
    context: dict[str, Any]
    meta: Metadata

    @property
    def title(self) -> str:
        return self.meta.title


def plan(project: Project) -> list[Document]:
    """Every document the project builds: each role, each comparison, then the handbook."""
    planner = _Planner(project)
    return [*planner.roles(), *planner.comparisons(), planner.handbook()]


class _Planner:
    def __init__(self, project: Project):
        self.project = project
        self.organization = project.organization
        self.roles_by_id = project.roles

    def titles(self, *role_ids: str) -> dict[str, str]:
        """The titles of the roles a document names without printing them."""
        return {role_id: self.roles_by_id[role_id].title for role_id in sorted(set(role_ids))}

    def document(self, id: str, kind: str, context: dict, title: str, subject: str,
                 keywords, files, language: str | None = None) -> Document:  # fmt: skip
        """The document, with the metadata every format records: a Word file's kind,
        sources and digest map a reviewed copy back to the content files."""
        sources = tuple(sorted({"organization.toml", *(f"{f}.toml" for f in files)}))
        meta = Metadata(
            title,
            subject,
            self.organization.name,
            tuple(k for k in keywords if k),
            language or self.project.settings.language,
            kind,
            sources,
            context_digest({**context, "kind": kind}),
        )
        return Document(id, kind, f"{kind}.html", context, meta)

    def roles(self) -> list[Document]:
        project, organization = self.project, self.organization
        documents = []
        for role_id, role in sorted(self.roles_by_id.items()):
            comparisons = [
                (cid, c) for cid, c in sorted(project.comparisons.items()) if role_id in c.roles
            ]
            named = [role_id, *([role.reports_to] if role.reports_to else [])]
            named += [r for _, comparison in comparisons for r in comparison.roles]
            context = {
                "organization": organization,
                "logo": project.logo_uri,
                "role_id": role_id,
                "role": role,
                "comparisons": comparisons,
                "titles": self.titles(*named),
            }
            files = [f"roles/{r}" for r in named] + [f"comparisons/{c}" for c, _ in comparisons]
            subject = f"{organization.name}: {role.title}"
            keywords = (role.title, role.department)
            documents.append(
                self.document(
                    role_id, "role", context, role.title, subject, keywords, files, role.language
                )
            )
        return documents

    def comparisons(self) -> list[Document]:
        documents = []
        for comparison_id, comparison in sorted(self.project.comparisons.items()):
            compared = tuple(self.roles_by_id[r].title for r in comparison.roles)
            context = {
                "organization": self.organization,
                "comparison_id": comparison_id,
                "comparison": comparison,
                "titles": self.titles(*comparison.roles),
            }
            files = [f"comparisons/{comparison_id}", *(f"roles/{r}" for r in comparison.roles)]
            documents.append(
                self.document(
                    comparison_id,
                    "comparison",
                    context,
                    comparison.title,
                    " · ".join(compared),
                    compared,
                    files,
                )
            )
        return documents

    def handbook(self) -> Document:
        project, organization, roles = self.project, self.organization, self.roles_by_id
        context = {
            "organization": organization,
            "logo": project.logo_uri,
            "roles_by_title": sorted(roles.items(), key=lambda item: item[1].title.casefold()),
            "comparisons": sorted(project.comparisons.items()),
            "titles": self.titles(*roles),
        }
        files = [f"roles/{r}" for r in roles] + [f"comparisons/{c}" for c in project.comparisons]
        name = organization.name
        return self.document(organization.handbook_id, "handbook", context,
                             organization.handbook_title, name, (name,), files)  # fmt: skip


def context_digest(context: dict[str, Any]) -> str:
    """Digest of the data a document prints: a reviewed copy whose digest is today's was
    built from the content as it is."""
    encoded = json.dumps(plain(context), sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()[:32]


def plain(value: Any) -> Any:
    """`value` as plain JSON data, each model as the digest of its data: what digests of
    documents are made from."""
    if isinstance(value, Strict):
        return value.digest
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def select(documents: list[Document], ids: list[str] | tuple[str, ...]) -> list[Document]:
    """The documents named by `ids`, in that order, or all of them when none are named."""
    if not ids:
        return documents
    by_id = {document.id: document for document in documents}
    for wanted in ids:
        if wanted not in by_id:
            raise no_such("document", wanted, by_id)
    return [by_id[wanted] for wanted in dict.fromkeys(ids)]


def shard(documents: list[Document], part: int, parts: int) -> list[Document]:
    """Part `part` (1-based) of `parts`: documents dealt in turn, in id order. The parts are
    disjoint and together hold every document."""
    ordered = sorted(documents, key=lambda document: document.id)
    return [d for index, d in enumerate(ordered) if index % parts == part - 1]
