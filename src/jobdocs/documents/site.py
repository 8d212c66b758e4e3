"""The documents of the careers site (`-f site`): a page per published posting, the index,
a page per department and location, the sitemap, robots.txt, the job feeds and the
stylesheet. Their ids are their paths below the output folder ("site/…")."""

from datetime import date
from typing import Any

from ..content.model import Role, slug
from ..content.project import Project
from . import Document, Metadata

SITE = "site"
DOWNLOADS = ("pdf", "docx")
REMOTE = "@remote"
"""The location group of remote postings; templates print the label of its language."""
LISTED = ("title", "department", "language", "employment_type", "work", "locations", "remote")
"""What the index and the filter pages show of a posting (and its pay figures): editing
anything else rebuilds the posting's page and the feeds, not the lists."""


def listed(role: Role) -> Role:
    """The part of a role the lists show, so that only edits to it rebuild them."""
    pay = [p for p in role.pay if p.has_figures]
    return Role.model_construct(summary="", pay=pay, **{k: getattr(role, k) for k in LISTED})


def page_name(text: str) -> str:
    """A path segment from a name (a department, a place)."""
    return slug(text, "other")


def expired(role: Role, as_of: date) -> bool:
    """Closed, or past its closing date on `as_of`."""
    posting = role.posting
    closed = posting.status == "closed"
    return closed or (posting.valid_through is not None and posting.valid_through < as_of)


def published(project: Project) -> dict[str, Role]:
    """The roles the site shows: postings that are not drafts."""
    return {
        role_id: role
        for role_id, role in sorted(project.roles.items())
        if role.posting is not None and role.posting.status != "draft"
    }


def site_plan(project: Project, as_of: date, formats: tuple[str, ...]) -> list[Document]:
    """The site's documents as of `as_of`; pages link the downloads among `formats`."""
    settings = project.settings.site
    organization = project.organization
    language = project.settings.language
    title = settings.title or organization.name
    postings = published(project)
    stale = {role_id for role_id, role in postings.items() if expired(role, as_of)}
    if settings.expired == "omit":
        postings = {k: v for k, v in postings.items() if k not in stale}
    listing = [(role_id, role) for role_id, role in postings.items() if role_id not in stale]
    views = {role_id: listed(role) for role_id, role in listing}  # one each: digested once
    groups: dict[str, dict[str, list]] = {"departments": {}, "locations": {}}
    for role_id, role in listing:
        for kind, names in (("departments", _departments(role)), ("locations", _places(role))):
            for name in names:
                groups[kind].setdefault(name, []).append((role_id, views[role_id]))
    filters = {
        kind: [(page_name(name), name) for name in sorted(members)]
        for kind, members in groups.items()
    }
    shared: dict[str, Any] = {
        "organization": organization,
        "site": settings,
        "logo": project.logo_uri,
        "filters": filters,
    }

    def titles(members) -> dict[str, str]:
        """The titles of the roles the postings report to, which their facts name."""
        named = {role.reports_to for _, role in members if role.reports_to}
        return {role_id: project.roles[role_id].title for role_id in sorted(named)}

    def grouped(members) -> list[tuple[str | None, list]]:
        by_department: dict[str, list] = {}
        for role_id, role in members:
            by_department.setdefault(role.department or "", []).append((role_id, role))
        ordered = sorted(by_department.items(), key=lambda item: (not item[0], item[0]))
        return [(name or None, group) for name, group in ordered]  # the unnamed last

    def document(path: str, template: str, name: str, language=language, **context) -> Document:
        meta = Metadata(name, title, organization.name, (organization.name,), language)
        return Document(f"{SITE}/{path}", SITE, template, {**shared, **context}, meta)

    documents = [
        document(
            "index.html",
            "site/index.html",
            title,
            groups=grouped(list(views.items())),
            root="",
            page="",
            filtered=None,
        ),
        document("style.css", "site/style.css", title),
        document("robots.txt", "site/robots.txt", title),
        document(
            "sitemap.xml",
            "site/sitemap.xml",
            title,
            pages=[(role_id, role.posting.date_posted) for role_id, role in listing],
        ),
        document("jobs.xml", "site/jobs.xml", title, postings=listing, titles=titles(listing)),
        document("jobs.json", "site/jobs.json", title, postings=listing, titles=titles(listing)),
    ]
    for kind, members_by_name in groups.items():
        for name, members in sorted(members_by_name.items()):
            documents.append(
                document(
                    f"{kind}/{page_name(name)}/index.html",
                    "site/index.html",
                    title,
                    groups=grouped(members),
                    root="../../",
                    page=f"{kind}/{page_name(name)}/",
                    filtered=name,
                )
            )
    for role_id, role in postings.items():
        documents.append(
            document(
                f"{role_id}/index.html",
                "site/posting.html",
                role.title,
                language=role.language or language,
                role_id=role_id,
                role=role,
                titles=titles([(role_id, role)]),
                expired=role_id in stale,
                downloads=[f for f in DOWNLOADS if f in formats],
                root="../",
            )
        )
    return documents


def _departments(role: Role) -> list[str]:
    return [role.department] if role.department else []


def _places(role: Role) -> list[str]:
    names = [location.city or location.name for location in role.locations]
    if role.is_remote:
        names.append(REMOTE)
    return list(dict.fromkeys(name for name in names if name))
