"""Read a project's TOML files into the model, reporting every problem with file and line."""

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, Problem
from .integrity import check_integrity
from .model import ID_PATTERN, Comparison, Organization, Role, Settings
from .paths import ProjectPaths
from .project import Project, Source, key_path

M = TypeVar("M", bound=BaseModel)

FILE_LIMIT = 1024 * 1024  # bytes in one content file


def load(paths: ProjectPaths) -> Project:
    """Load and validate the settings and every content file; raise one ContentError that
    lists every problem in every file."""
    problems: list[Problem] = []
    sources: dict[Path, Source] = {}
    settings = Settings()
    if paths.settings_file.is_file():
        settings = _load_file(paths.settings_file, Settings, problems, sources)
    organization = _load_file(paths.organization_file, Organization, problems, sources)
    roles = _load_folder(paths.roles, Role, problems, sources)
    comparisons = {}
    if paths.comparisons.exists():  # a project may have no comparisons
        comparisons = _load_folder(paths.comparisons, Comparison, problems, sources)
    if problems:
        raise ContentError(problems)
    project = Project(paths, settings, organization, roles, comparisons, sources)
    problems = check_integrity(project)
    if problems:
        raise ContentError(problems)
    return project


def _load_folder(
    folder: Path, model: type[M], problems: list[Problem], sources: dict[Path, Source]
) -> dict[str, M]:
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
        item = _load_file(path, model, problems, sources)
        if item is not None:
            loaded[path.stem] = item
    return loaded


def _load_file(
    path: Path, model: type[M], problems: list[Problem], sources: dict[Path, Source]
) -> M | None:
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
    cached = _valid.get(path)
    if cached is not None and cached[0] is model and cached[1].text == text:
        sources[path] = cached[1]
        return cached[2]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(_syntax_problem(path, error))
        return None
    except RecursionError:
        problems.append(Problem(path, None, None, "", "values are nested too deeply"))
        return None
    source = sources[path] = Source(path, text)
    try:
        loaded = model.model_validate(data)
    except ValidationError as error:
        found = {}
        for detail in error.errors():
            problem = _validation_problem(source, model, detail)
            found.setdefault(problem.key, problem)  # a union's branches: its first word
        problems.extend(found.values())
        return None
    _valid[path] = (model, source, loaded)
    return loaded


# The files a long-running process (`jobdocs watch`, a benchmark) has validated, by path:
# a file read again with the same text is not parsed and validated again.
_valid: dict[Path, tuple[type, Source, BaseModel]] = {}


def _syntax_problem(path: Path, error: tomllib.TOMLDecodeError) -> Problem:
    message = str(error)
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if match:
        message = message[: match.start()]
        line, column = int(match.group(1)), int(match.group(2))
    else:
        line, column = None, None
    return Problem(path, line, column, "", f"TOML syntax error: {message}")


def _validation_problem(source: Source, model: type[BaseModel], error) -> Problem:
    loc = _fields(model, tuple(error["loc"]))
    kind = error["type"]
    message = error["msg"].removeprefix("Value error, ")
    if kind == "missing":
        message = "required key is missing"
        problem = source.problem(loc[:-1], message)
        return Problem(problem.path, problem.line, problem.column, key_path(loc), message)
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        match = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        message = "unknown key" + (f"; did you mean '{match[0]}'?" if match else "")
        if allowed:
            message += f" (allowed: {', '.join(allowed)})"
    return source.problem(loc, message)


# The names pydantic gives the branches of a union and the parts of a type: "literal[…]",
# "function-after[…]", "date", "[key]". They are not keys of the file.
_TYPE_PART = re.compile(
    r"^(?:[a-z-]+\[.*\]|constrained-\w+|str|int|float|bool|date|datetime|none|bytes)$", re.S
)


def _fields(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """`loc` with only the keys and list positions the file has."""
    return tuple(p for p in loc if isinstance(p, int) or not _TYPE_PART.match(p))


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
    if not _is_model(current):
        return []
    return [name for name, field in current.model_fields.items() if not field.exclude]


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
