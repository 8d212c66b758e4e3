"""Read a project's TOML files into the model, reporting every problem with file and line."""

import difflib
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, Problem
from ..session import Session
from .integrity import check_integrity
from .model import ID_LIMIT, ID_PATTERN, Comparison, Organization, Role, Settings
from .paths import ProjectPaths
from .project import Project, Source, key_path

M = TypeVar("M", bound=BaseModel)

FILE_LIMIT = 1024 * 1024  # bytes in one content file


class Unreadable(OSError):
    """A content path that is not a regular file inside the project; the reason."""


@dataclass(frozen=True)
class Files:
    """Where the loader reads content files: the project's folder, with some files given
    as text instead (`overrides`, by path), or its content/ folder as it is elsewhere
    (`content`: each file's bytes by its path inside content/, as at a git revision).
    Settings, templates, labels and the logo are always the project's own."""

    root: Path
    overrides: Mapping[Path, str] = field(default_factory=dict)
    content: Mapping[str, bytes] | None = None

    def _inside(self, path: Path) -> str | None:
        if self.content is None or not path.is_relative_to(self.root / "content"):
            return None
        return path.relative_to(self.root / "content").as_posix()

    def read(self, path: Path) -> bytes:
        """The file's bytes, at most one more than FILE_LIMIT; OSError as the file system
        would raise it."""
        if path in self.overrides:
            return self.overrides[path].encode("utf-8")
        inside = self._inside(path)
        if inside is None:
            return _read_regular(path, self.root)
        assert self.content is not None
        if inside in self.content:
            return self.content[inside]
        if any(name.startswith(inside + "/") for name in self.content):
            raise IsADirectoryError(path)
        raise FileNotFoundError(path)

    def tomls(self, folder: Path) -> list[Path] | None:
        """The TOML files in `folder`, sorted; None when there is no such folder."""
        inside = self._inside(folder)
        if inside is None:
            if not folder.is_dir():
                return None
            found = set(folder.iterdir())
        else:
            assert self.content is not None
            names = [
                n.removeprefix(inside + "/") for n in self.content if n.startswith(inside + "/")
            ]
            if not names:
                return None
            found = {folder / name for name in names if "/" not in name}
        found |= {p for p in self.overrides if p.parent == folder}
        return sorted(p for p in found if p.suffix.lower() == ".toml")


def _read_regular(path: Path, root: Path) -> bytes:
    """A checked-in link must not make a build read a device (which never ends), a pipe
    (which never answers) or a file outside the project (which would be published)."""
    if not path.resolve().is_relative_to(root.resolve()):
        raise Unreadable("is a link to a file outside the project; only files in it are read")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    with os.fdopen(os.open(path, flags), "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise Unreadable(
                "is not a regular file (a device, pipe or socket); files only are read"
            )
        return file.read(FILE_LIMIT + 1)


def _present(path: Path) -> bool:
    """There is something at `path`, even a link to nothing, which is then reported."""
    return path.exists() or path.is_symlink()


def load(
    paths: ProjectPaths,
    *,
    session: Session | None = None,
    overrides: Mapping[Path, str] | None = None,
    content: Mapping[str, bytes] | None = None,
) -> Project:
    """Load and validate the settings and every content file; raise one ContentError that
    lists every problem in every file. See `Files` for `overrides` and `content`; files
    read before in `session` with the same text are not parsed again."""
    reader = _Reader(Files(paths.root, dict(overrides or {}), content), session or Session())
    settings = Settings()
    if paths.settings_file in reader.files.overrides or _present(paths.settings_file):
        settings = reader.file(paths.settings_file, Settings, empty_ok=True)
    organization = reader.file(paths.organization_file, Organization)
    roles = reader.folder(paths.roles, Role, required=True)
    comparisons = reader.folder(paths.comparisons, Comparison, required=False)
    if reader.problems:
        raise ContentError(reader.problems)
    project = Project(paths, settings, organization, roles, comparisons, reader.sources)
    problems = check_integrity(project)
    if problems:
        raise ContentError(problems)
    return project


@dataclass
class _Reader:
    files: Files
    session: Session
    problems: list[Problem] = field(default_factory=list)
    sources: dict[Path, Source] = field(default_factory=dict)

    def folder(self, folder: Path, model: type[M], *, required: bool) -> dict[str, M]:
        loaded: dict[str, M] = {}
        paths = self.files.tomls(folder)
        if paths is None:
            if required:
                self.problems.append(Problem(folder, None, None, "", "folder is missing"))
            return loaded
        for path in paths:
            if path.suffix != ".toml":
                message = "a content file's name ends in '.toml', in lower case: rename it"
                self.problems.append(Problem(path, None, None, "", message))
                continue
            if not re.fullmatch(ID_PATTERN, path.stem) or len(path.stem) > ID_LIMIT:
                message = f"file name must be an id: lower-case words and '-', {ID_LIMIT} at most"
                self.problems.append(Problem(path, None, None, "", message))
                continue
            item = self.file(path, model)
            if item is not None:
                loaded[path.stem] = item
        return loaded

    def file(self, path: Path, model: type[M], empty_ok: bool = False) -> M | None:
        """`path` read as `model`; `empty_ok`: an empty file is all defaults (settings)."""
        text = self._text(path, empty_ok)
        if text is None:
            return None
        source, loaded, problems = self.session.files.get(
            (model, path, text), lambda: _parse(Source(path, text), model)
        )
        self.problems += problems
        if source is not None:
            self.sources[path] = source
        return loaded

    def _text(self, path: Path, empty_ok: bool = False) -> str | None:
        def problem(message: str, line: int | None = None) -> None:
            self.problems.append(Problem(path, line, None, "", message))

        try:
            raw = self.files.read(path)
        except FileNotFoundError:
            return problem("file is missing")
        except IsADirectoryError:
            return problem("expected a file, found a folder")
        except Unreadable as error:
            return problem(str(error))
        except OSError as error:
            return problem(f"cannot be read ({error.strerror or error})")
        if len(raw) > FILE_LIMIT:
            return problem("file is larger than 1 MiB")
        try:
            text = raw.decode("utf-8").removeprefix("\ufeff")  # as some Windows editors save
        except UnicodeDecodeError as error:
            return problem("file is not valid UTF-8 text", raw[: error.start].count(b"\n") + 1)
        if not text.strip() and not empty_ok:
            return problem("file is empty", 1)
        return text


def _parse(source: Source, model: type[M]) -> tuple[Source | None, M | None, list[Problem]]:
    """The file's text validated as `model`, or the problems that keep it from being so."""
    try:
        data = tomllib.loads(source.text)
    except tomllib.TOMLDecodeError as error:
        return None, None, [_syntax_problem(source.path, error)]
    except RecursionError:
        return None, None, [Problem(source.path, None, None, "", "values are nested too deeply")]
    try:
        return source, model.model_validate(data), []
    except ValidationError as error:
        found: dict[str, Problem] = {}
        for detail in error.errors():
            problem = _validation_problem(source, model, detail)
            found.setdefault(problem.key, problem)  # a union's branches: its first word
        return source, None, list(found.values())


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
