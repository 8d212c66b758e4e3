"""The documents a project builds, each with exactly the data its template shows.

A document's context is also what decides whether it must be rebuilt (see
build/manifest.py), so it holds only what the document uses: the roles it prints in full,
and the titles of the roles it merely names.
"""

import difflib
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..content.model import Strict
from ..content.project import Project
from ..errors import UsageError


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
    organization = project.organization
    logo = project.logo_uri

    def meta(title: str, subject: str, keywords, language=None, context=None, files=()):
        language = language or project.settings.language
        keywords = tuple(k for k in keywords if k)
        kind, digest, sources = "", "", ()
        if context is not None:
            kind, digest = context["kind"], context_digest(context)
            sources = tuple(sorted({"organization.toml", *(f"{f}.toml" for f in files)}))
        author = organization.name
        return Metadata(title, subject, author, keywords, language, kind, sources, digest)

    roles = project.roles

    def titles(*role_ids: str) -> dict[str, str]:
        return {role_id: roles[role_id].title for role_id in sorted(set(role_ids))}

    documents = []
    for role_id, role in sorted(roles.items()):
        comparisons = [
            (cid, c) for cid, c in sorted(project.comparisons.items()) if role_id in c.roles
        ]
        named = [role_id, *([role.reports_to] if role.reports_to else [])]
        named += [r for _, comparison in comparisons for r in comparison.roles]
        context = {
            "organization": organization,
            "logo": logo,
            "role_id": role_id,
            "role": role,
            "comparisons": comparisons,
            "titles": titles(*named),
        }
        documents.append(
            Document(
                id=role_id,
                kind="role",
                template="role.html",
                context=context,
                meta=meta(
                    role.title,
                    f"{organization.name}: {role.title}",
                    (role.title, role.department),
                    role.language,
                    {**context, "kind": "role"},
                    [f"roles/{r}" for r in named] + [f"comparisons/{c}" for c, _ in comparisons],
                ),
            )
        )
    for comparison_id, comparison in sorted(project.comparisons.items()):
        compared = tuple(roles[r].title for r in comparison.roles)
        context = {
            "organization": organization,
            "comparison_id": comparison_id,
            "comparison": comparison,
            "titles": titles(*comparison.roles),
        }
        documents.append(
            Document(
                id=comparison_id,
                kind="comparison",
                template="comparison.html",
                context=context,
                meta=meta(
                    comparison.title,
                    " · ".join(compared),
                    compared,
                    None,
                    {**context, "kind": "comparison"},
                    [f"comparisons/{comparison_id}", *(f"roles/{r}" for r in comparison.roles)],
                ),
            )
        )
    roles_by_title = sorted(roles.items(), key=lambda item: item[1].title.casefold())
    context = {
        "organization": organization,
        "logo": logo,
        "roles_by_title": roles_by_title,
        "comparisons": sorted(project.comparisons.items()),
        "titles": titles(*roles),
    }
    files = [f"roles/{r}" for r in roles] + [f"comparisons/{c}" for c in project.comparisons]
    documents.append(
        Document(
            id=organization.handbook_id,
            kind="handbook",
            template="handbook.html",
            context=context,
            meta=meta(
                organization.handbook_title,
                organization.name,
                (organization.name,),
                None,
                {**context, "kind": "handbook"},
                files,
            ),
        )
    )
    return documents


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
            match = difflib.get_close_matches(wanted, list(by_id), n=1)
            hint = f"; did you mean '{match[0]}'?" if match else "; see 'jobdocs list'"
            raise UsageError(f"no document '{wanted}'{hint}", "IDS")
    return [by_id[wanted] for wanted in dict.fromkeys(ids)]


def shard(documents: list[Document], part: int, parts: int) -> list[Document]:
    """Part `part` (1-based) of `parts`: documents dealt in turn, in id order. The parts are
    disjoint and together hold every document."""
    ordered = sorted(documents, key=lambda document: document.id)
    return [d for index, d in enumerate(ordered) if index % parts == part - 1]
