"""The documents of the careers site (`-f site`): a page per published posting, the index,
a page per department and location, the sitemap, robots.txt, the job feeds and the
stylesheet. Their ids are their paths below the output folder ("site/…")."""

import re
import unicodedata
from datetime import date
from typing import Any

from ..content.model import Organization, Role
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
    """A path segment from a name (a department, a place): Latin letters without their
    accents ("München" → "munchen"), the letters of other scripts as they are ("القدس"),
    digits, and '-' between words."""
    kept, base = [], ""
    for char in unicodedata.normalize("NFKD", text.casefold()):
        mark = unicodedata.category(char).startswith("M")
        if mark and base.isascii():
            continue  # an accent on a Latin letter
        kept.append(char if mark or char.isalnum() else "-")
        base = base if mark else char
    segment = re.sub(r"-+", "-", unicodedata.normalize("NFC", "".join(kept)))
    return segment.strip("-") or "other"


def page_names(names: list[str]) -> dict[str, str]:
    """Each name's own path segment: names that would share one ("R&D", "R-D") get "-2",
    "-3" in the order of their names, so that no page overwrites another."""
    found: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(names):
        segment, number = page_name(name), 1
        while segment in taken:
            number += 1
            segment = f"{page_name(name)}-{number}"
        taken.add(segment)
        found[name] = segment
    return found


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
    site = _SitePlan(project, as_of)
    return [
        *site.lists(),
        *site.filter_pages(),
        *(site.posting(role_id, role, formats) for role_id, role in site.postings.items()),
    ]


def site_files(project: Project, pages: list[Document]) -> set[str]:
    """Every file of the site with these pages, by its path below the output folder: the
    pages, their downloads and the logo."""
    found = {page.id for page in pages}
    found |= {f"{SITE}/{p.context['role_id']}/{name}" for p in pages for name in downloads(p)}
    logo = logo_name(project.organization)
    return found | {f"{SITE}/{logo}"} if logo is not None else found


def downloads(page: Document) -> list[str]:
    """The files a posting's page offers for download, by name ("id.pdf")."""
    role_id = page.context.get("role_id")
    return [f"{role_id}.{kind}" for kind in page.context["downloads"]] if role_id else []


def logo_name(organization: Organization) -> str | None:
    """The name of the site's copy of the logo."""
    logo = organization.logo
    return f"logo{logo[logo.rfind('.') :].lower()}" if logo is not None else None


class _SitePlan:
    def __init__(self, project: Project, as_of: date):
        self.project = project
        settings, organization = project.settings.site, project.organization
        self.language = project.settings.language
        self.title = settings.title or organization.name
        postings = published(project)
        self.stale = {role_id for role_id, role in postings.items() if expired(role, as_of)}
        if settings.expired == "omit":
            postings = {k: v for k, v in postings.items() if k not in self.stale}
        self.postings = postings
        self.listing = [(r, role) for r, role in postings.items() if r not in self.stale]
        self.views = {role_id: listed(role) for role_id, role in self.listing}  # digested once
        self.groups: dict[str, dict[str, list]] = {"departments": {}, "locations": {}}
        for role_id, role in self.listing:
            for kind, names in (("departments", _departments(role)), ("locations", _places(role))):
                for name in names:
                    self.groups[kind].setdefault(name, []).append((role_id, self.views[role_id]))
        self.segments = {kind: page_names(list(m)) for kind, m in self.groups.items()}
        filters = {
            kind: [(segments[name], name) for name in sorted(segments)]
            for kind, segments in self.segments.items()
        }
        self.shared: dict[str, Any] = {
            "organization": organization,
            "site": settings,
            "logo": project.logo_uri,
            "filters": filters,
        }

    def document(self, path: str, template: str, name: str, language=None, **context):
        organization = self.project.organization.name
        language = language or self.language
        meta = Metadata(name, self.title, organization, (organization,), language)
        return Document(f"{SITE}/{path}", SITE, template, {**self.shared, **context}, meta)

    def titles(self, members) -> dict[str, str]:
        """The titles of the roles the postings report to, which their facts name."""
        named = {role.reports_to for _, role in members if role.reports_to}
        return {role_id: self.project.roles[role_id].title for role_id in sorted(named)}

    def lists(self) -> list[Document]:
        """The index, the stylesheet, robots.txt, the sitemap and the feeds."""
        title, listing = self.title, self.listing
        groups = _grouped(list(self.views.items()))
        pages = [(role_id, role.posting.date_posted) for role_id, role in listing]
        named = self.titles(listing)
        return [
            self.document(
                "index.html",
                "site/index.html",
                title,
                groups=groups,
                root="",
                page="",
                filtered=None,
            ),
            self.document("style.css", "site/style.css", title),
            self.document("robots.txt", "site/robots.txt", title),
            self.document("sitemap.xml", "site/sitemap.xml", title, pages=pages),
            self.document("jobs.xml", "site/jobs.xml", title, postings=listing, titles=named),
            self.document("jobs.json", "site/jobs.json", title, postings=listing, titles=named),
        ]

    def filter_pages(self) -> list[Document]:
        """A page for each department and each place, listing its postings."""
        return [
            self.document(
                f"{kind}/{self.segments[kind][name]}/index.html",
                "site/index.html",
                self.title,
                groups=_grouped(members),
                root="../../",
                page=f"{kind}/{self.segments[kind][name]}/",
                filtered=name,
            )
            for kind, members_by_name in self.groups.items()
            for name, members in sorted(members_by_name.items())
        ]

    def posting(self, role_id: str, role: Role, formats: tuple[str, ...]) -> Document:
        return self.document(
            f"{role_id}/index.html",
            "site/posting.html",
            role.title,
            language=role.language,
            role_id=role_id,
            role=role,
            titles=self.titles([(role_id, role)]),
            expired=role_id in self.stale,
            downloads=[f for f in DOWNLOADS if f in formats],
            root="../",
        )


def _grouped(members) -> list[tuple[str | None, list]]:
    """The postings by department, the unnamed last."""
    by_department: dict[str, list] = {}
    for role_id, role in members:
        by_department.setdefault(role.department or "", []).append((role_id, role))
    ordered = sorted(by_department.items(), key=lambda item: (not item[0], item[0]))
    return [(name or None, group) for name, group in ordered]


def _departments(role: Role) -> list[str]:
    return [role.department] if role.department else []


def _places(role: Role) -> list[str]:
    names = [location.city or location.name for location in role.locations]
    if role.is_remote:
        names.append(REMOTE)
    return list(dict.fromkeys(name for name in names if name))
