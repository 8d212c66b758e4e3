"""Checks no single field can make: every role a file names exists, reporting lines have
no loops, no two documents share an output id, pay applies to places the role has,
relative links have a base, and every language has labels."""

import difflib
import tomllib

from pydantic import BaseModel

from ..errors import Problem
from .fields import key_paths
from .markdown import relative_links
from .model import Role, primary_language
from .project import Project, Source

LOGO_LIMIT = 1024 * 1024  # bytes
LOGO_PIXELS = 4096
"""Pixels a side: a picture is decoded whole in every PDF export (a 12,000-pixel square
costs 1.2 GB per worker), and a logo printed 40 mm wide needs about 500 at 300 dpi."""


def check_integrity(project: Project) -> list[Problem]:
    problems = _references(project)
    problems += _languages(project)
    problems += _role_labels(project)
    problems += _links(project.organization_source, project.organization, project.organization.url)
    problems += _logo(project)
    for role_id, role in project.roles.items():
        source = project.role_source(role_id)
        problems += _pay_places(source, role)
        problems += _links(source, role, role.source_url or project.organization.url)
    return problems


def _references(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    roles = project.roles

    def unknown(role_id: str) -> str:
        match = difflib.get_close_matches(role_id, list(roles), n=1)
        hint = f"; did you mean '{match[0]}'?" if match else ""
        return f"no role '{role_id}' in content/roles{hint}"

    for role_id, role in roles.items():
        source = project.role_source(role_id)
        if role.reports_to is not None and role.reports_to not in roles:
            problems.append(source.problem(("reports_to",), unknown(role.reports_to)))
        elif role.reports_to == role_id:
            problems.append(source.problem(("reports_to",), "a role cannot report to itself"))
    problems += _cycles(project)

    for comparison_id, comparison in project.comparisons.items():
        source = project.comparison_source(comparison_id)
        for index, role_id in enumerate(comparison.roles):
            if role_id not in roles:
                problems.append(source.problem(("roles", index), unknown(role_id)))
        if comparison_id in roles:
            message = f"id '{comparison_id}' is also a role's id; outputs would collide"
            problems.append(source.problem((), message))

    handbook = project.organization.handbook_id
    if handbook in roles or handbook in project.comparisons:
        message = f"the handbook's id '{handbook}' is also a role's or comparison's id"
        problems.append(project.organization_source.problem(("title",), message))
    return problems


def _cycles(project: Project) -> list[Problem]:
    roles = project.roles
    problems = []
    reported: set[str] = set()
    for start in roles:
        seen: list[str] = []
        current: str | None = start
        while current in roles and current not in seen:
            seen.append(current)
            current = roles[current].reports_to
        if current == start and start not in reported and len(seen) > 1:
            reported.update(seen)
            loop = " -> ".join([*seen, start])
            message = f"reporting lines form a loop: {loop}"
            problems.append(project.role_source(start).problem(("reports_to",), message))
    return problems


def _pay_places(source: Source, role: Role) -> list[Problem]:
    """Every name in `pay.applies_to` is a place, remote region or pay tier of the role."""
    known = {tier.name for tier in role.pay_tiers}
    for location in role.locations:
        known.update(
            value
            for value in (location.name, location.city, location.region, location.country_code)
            if value
        )
    known.update(role.remote.eligible if role.remote else [])
    problems = []
    for index, pay in enumerate(role.pay):
        for number, name in enumerate(pay.applies_to):
            if name in known:
                continue
            match = [k for k in sorted(known) if k.casefold() == name.casefold()]
            match = match or difflib.get_close_matches(name, sorted(known), n=1)
            hint = f"; did you mean '{match[0]}'?" if match else ""
            choices = f" (the role has: {', '.join(sorted(known))})" if known else ""
            message = (
                f"'{name}' is none of the role's locations, remote regions or pay tiers"
                f"{hint}{choices}"
            )
            problems.append(source.problem(("pay", index, "applies_to", number), message))
    return problems


def _links(source: Source, model: BaseModel, base: str | None) -> list[Problem]:
    """Relative links need a base address: the role's source_url or the organization's url."""
    if base:
        return []
    return [
        source.problem(
            loc,
            f"the relative link '{href}' needs a base: set url in content/organization.toml"
            " (or source_url in the role)",
        )
        for loc, text in key_paths(model.model_dump(exclude_none=True))
        if isinstance(text, str)
        for href in relative_links(text)[:1]
    ]


def _role_labels(project: Project) -> list[Problem]:
    """A role's `[labels]` name labels that exist: a mistyped key would change nothing."""
    known: set[str] = set()
    for folder in project.paths.template_folders:
        path = folder / "labels/en.toml"  # every language has the keys English has
        if path.is_file():
            for table, keys in tomllib.loads(path.read_text(encoding="utf-8")).items():
                if isinstance(keys, dict) and table != "report":
                    known |= {f"{table}.{k}" for k, v in keys.items() if isinstance(v, str)}
    problems = []
    for role_id, role in project.roles.items():
        for table, keys in role.labels.items():
            for key in keys:
                if f"{table}.{key}" not in known:
                    match = difflib.get_close_matches(f"{table}.{key}", sorted(known), n=1)
                    hint = f"; did you mean '{match[0]}'?" if match else ""
                    message = f"no label '{table}.{key}' to override{hint}"
                    problems.append(
                        project.role_source(role_id).problem(("labels", table, key), message)
                    )
    return problems


def _languages(project: Project) -> list[Problem]:
    """Every language a document is printed in has a label file."""
    folders = project.paths.template_folders

    def missing(language: str) -> bool:
        name = f"labels/{primary_language(language)}.toml"
        return not any((folder / name).is_file() for folder in folders)

    def message(language: str) -> str:
        primary = primary_language(language)
        return (
            f"no labels for language '{language}': add templates/labels/{primary}.toml "
            "(copy the theme's en.toml and translate it)"
        )

    problems = []
    settings = project.settings
    if missing(settings.language):
        source = project.sources.get(project.paths.settings_file)
        if source is not None:
            problems.append(source.problem(("language",), message(settings.language)))
        else:
            problems.append(
                Problem(
                    project.paths.settings_file, None, None, "language", message(settings.language)
                )
            )
    for role_id, role in project.roles.items():
        if role.language and missing(role.language):
            problems.append(
                project.role_source(role_id).problem(("language",), message(role.language))
            )
    return problems


def _logo(project: Project) -> list[Problem]:
    logo = project.organization.logo
    if logo is None:
        return []
    path = project.paths.root / logo
    problem = None
    if not path.resolve().is_relative_to(project.paths.root.resolve()):
        problem = "the logo must be a file inside the project folder"
    elif not path.is_file():
        problem = f"no file {logo} in the project folder"
    elif path.stat().st_size > LOGO_LIMIT:
        problem = "the logo is larger than 1 MiB"
    else:
        problem = _picture_problem(path, logo)
    return [project.organization_source.problem(("logo",), problem)] if problem else []


def _picture_problem(path, logo: str) -> str | None:
    """What keeps the file from being the PNG or JPEG picture its name says."""
    from PIL import Image, UnidentifiedImageError  # loaded only for a project with a logo

    kind = "PNG" if logo.lower().endswith(".png") else "JPEG"
    try:
        with Image.open(path) as picture:  # reads the header, not the pixels
            found, (width, height) = picture.format, picture.size
    except (UnidentifiedImageError, OSError, ValueError):
        return f"{logo} is not a picture that can be read (it should be a {kind} file)"
    if found != kind:
        return f"{logo} is a {found} file, not {kind}: convert it or rename it"
    if max(width, height) > LOGO_PIXELS:
        return f"the logo is {width} by {height} pixels; {LOGO_PIXELS} a side at most"
    return None
