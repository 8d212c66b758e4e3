"""Read a project's TOML files into the model, reporting every problem with file and line."""

import difflib
import functools
import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .errors import ContentError, Problem
from .locate import key_positions, locate
from .model import ID_PATTERN, Comparison, Organization, Project, Role, Settings
from .project import ProjectPaths

M = TypeVar("M", bound=BaseModel)

FILE_LIMIT = 1024 * 1024  # bytes in one content file


def load_settings(paths: ProjectPaths) -> Settings:
    """The project's settings; defaults where it has no settings file."""
    if not paths.settings_file.is_file():
        return Settings()
    problems: list[Problem] = []
    settings = _load_file(paths.settings_file, Settings, problems)
    if problems:
        raise ContentError(problems)
    return settings


def load_project(paths: ProjectPaths) -> Project:
    """Load and validate every content file; raise one ContentError listing all problems."""
    problems: list[Problem] = []
    organization = _load_file(paths.organization_file, Organization, problems)
    roles = _load_folder(paths.roles, Role, problems)
    comparisons = _load_folder(paths.comparisons, Comparison, problems)
    if organization and not problems:
        problems += _check_references(paths, organization, roles, comparisons)
    if problems:
        raise ContentError(problems)
    return Project(organization=organization, roles=roles, comparisons=comparisons)


def _load_folder(folder: Path, model: type[M], problems: list[Problem]) -> dict[str, M]:
    loaded: dict[str, M] = {}
    if not folder.is_dir():
        problems.append(Problem(folder, None, None, "", "folder is missing"))
        return loaded
    for path in sorted(folder.glob("*.toml")):
        if not re.fullmatch(ID_PATTERN, path.stem):
            problems.append(
                Problem(path, None, None, "", "file name must be an id: lower-case words and '-'")
            )
            continue
        item = _load_file(path, model, problems)
        if item is not None:
            loaded[path.stem] = item
    return loaded


def _load_file(path: Path, model: type[M], problems: list[Problem]) -> M | None:
    try:
        if path.stat().st_size > FILE_LIMIT:
            problems.append(Problem(path, None, None, "", "file is larger than 1 MiB"))
            return None
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except FileNotFoundError:
        problems.append(Problem(path, None, None, "", "file is missing"))
        return None
    except IsADirectoryError:
        problems.append(Problem(path, None, None, "", "expected a file, found a folder"))
        return None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(path, line, None, "", "file is not valid UTF-8 text"))
        return None
    if not text.strip():
        problems.append(Problem(path, 1, None, "", "file is empty"))
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(_syntax_problem(path, error))
        return None
    except RecursionError:
        problems.append(Problem(path, None, None, "", "values are nested too deeply"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        positions = key_positions(text)
        problems.extend(_validation_problem(path, positions, model, e) for e in error.errors())
        return None


def _syntax_problem(path: Path, error: tomllib.TOMLDecodeError) -> Problem:
    message = str(error)
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if match:
        message = message[: match.start()]
        line, column = int(match.group(1)), int(match.group(2))
    else:
        line, column = None, None
    return Problem(path, line, column, "", f"TOML syntax error: {message}")


def _validation_problem(path: Path, positions, model: type[BaseModel], error) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    message = error["msg"].removeprefix("Value error, ")
    if kind == "missing":
        message = "required key is missing"
        position = locate(positions, loc[:-1]) or (1, 1)
    else:
        position = locate(positions, loc)
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        match = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        message = "unknown key" + (f"; did you mean '{match[0]}'?" if match else "")
        if allowed:
            message += f" (allowed: {', '.join(allowed)})"
    line, column = position or (None, None)
    return Problem(path, line, column, key_path(loc), message)


def key_path(loc: tuple[Any, ...]) -> str:
    """`('rows', 1, 'cells')` as `rows[2].cells`: items are counted from 1, as people do."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at `loc` inside `model`, following nested models and lists."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return annotation if get_origin(annotation) is None else None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _check_references(
    paths: ProjectPaths,
    organization: Organization,
    roles: dict[str, Role],
    comparisons: dict[str, Comparison],
) -> list[Problem]:
    problems: list[Problem] = []

    @functools.cache
    def positions(path: Path):
        return key_positions(path.read_text(encoding="utf-8"))

    def problem(path: Path, loc: tuple[Any, ...], message: str) -> None:
        position = locate(positions(path), loc)
        line, column = position or (1, 1)  # a problem with the file as a whole
        problems.append(Problem(path, line, column, key_path(loc), message))

    def unknown(role_id: str) -> str:
        match = difflib.get_close_matches(role_id, list(roles), n=1)
        hint = f"; did you mean '{match[0]}'?" if match else ""
        return f"no role '{role_id}' in content/roles{hint}"

    for role_id, role in roles.items():
        path = paths.role_file(role_id)
        if role.reports_to is not None and role.reports_to not in roles:
            problem(path, ("reports_to",), unknown(role.reports_to))
        elif role.reports_to == role_id:
            problem(path, ("reports_to",), "a role cannot report to itself")
    _report_cycles(paths, roles, problem)

    for comparison_id, comparison in comparisons.items():
        path = paths.comparison_file(comparison_id)
        for index, role_id in enumerate(comparison.roles):
            if role_id not in roles:
                problem(path, ("roles", index), unknown(role_id))
        if comparison_id in roles:
            problem(path, (), f"id '{comparison_id}' is also a role's id; outputs would collide")

    handbook = handbook_id(organization)
    if handbook in roles or handbook in comparisons:
        problem(
            paths.organization_file,
            ("title",),
            f"the handbook's id '{handbook}' is also a role's or comparison's id",
        )
    return problems


def _report_cycles(paths: ProjectPaths, roles: dict[str, Role], problem) -> None:
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
            problem(paths.role_file(start), ("reports_to",), f"reporting lines form a loop: {loop}")


def handbook_id(organization: Organization) -> str:
    """The handbook's output id: its title in lower-case words joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", organization.title.lower()).strip("-") or "handbook"
