"""The documents a project builds, each with exactly the data its template shows.

A document's context is also what decides whether it must be rebuilt (see manifest.py),
so it holds only what the document uses: the roles it prints in full, and the titles of
the roles it merely names.
"""

from .content import handbook_id
from .model import Project
from .render import Document


def plan(project: Project) -> list[Document]:
    """Every document the project builds: each role, each comparison, then the handbook."""
    organization = project.organization
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
        documents.append(
            Document(
                id=role_id,
                kind="role",
                title=role.title,
                template="role.html",
                context={
                    "organization": organization,
                    "role_id": role_id,
                    "role": role,
                    "comparisons": comparisons,
                    "titles": titles(*named),
                },
                subject=f"Job description: {role.title}",
                keywords=(role.title, role.department, "job description"),
            )
        )
    for comparison_id, comparison in sorted(project.comparisons.items()):
        compared = tuple(roles[r].title for r in comparison.roles)
        documents.append(
            Document(
                id=comparison_id,
                kind="comparison",
                title=comparison.title,
                template="comparison.html",
                context={
                    "organization": organization,
                    "comparison_id": comparison_id,
                    "comparison": comparison,
                    "titles": titles(*comparison.roles),
                },
                subject=f"Comparison: {', '.join(compared)}",
                keywords=(*compared, "comparison"),
            )
        )
    roles_by_title = sorted(roles.items(), key=lambda item: item[1].title.casefold())
    documents.append(
        Document(
            id=handbook_id(organization),
            kind="handbook",
            title=organization.title,
            template="handbook.html",
            context={
                "organization": organization,
                "roles_by_title": roles_by_title,
                "comparisons": sorted(project.comparisons.items()),
                "titles": titles(*roles),
            },
            subject=f"{organization.name}: job descriptions",
            keywords=(organization.name, "job descriptions"),
        )
    )
    return documents
