"""The shape of the rule files (`checks/lint/<language>/<family>.toml`), checked when a file
is read: a mistake in a rule file, such as a new language's, is an error naming the file,
line and key, never a traceback in the middle of a check."""

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from ...content.model import Strict
from ...content.project import Source, key_path
from ...errors import JobdocsError


class RuleText(Strict):
    severity: Literal["error", "warning", "note"]
    description: str = Field(min_length=1)
    renamed_from: str | None = None
    """The rule's id in earlier versions, still accepted in settings and suppressions."""


class Family(Strict):
    source: str = Field(min_length=1)
    """Where the rules' words or figures come from: a study, a guide, a word list."""
    licence: str = Field(min_length=1)
    rules: dict[str, RuleText] = Field(min_length=1)


class Stems(Strict):
    masculine: list[str]
    feminine: list[str]


class Phrases(Strict):
    phrases: list[str]


class Gender(Family):
    stems: Stems
    alternatives: dict[str, str]
    exceptions: Phrases


class Term(Strict):
    rule: str
    match: list[str] = Field(min_length=1)
    instead: str
    why: str
    requirement: bool = False
    unless_essential: bool = False


class Exclusionary(Family):
    terms: list[Term]


class Skeleton(Strict):
    phrases: list[str]
    patterns: list[str]
    lines: list[str]


class Markers(Strict):
    words: list[str]
    phrases: list[str]


class Placeholders(Strict):
    values: list[str]
    answers: dict[str, list[str]] = Field(default_factory=dict)


class Unfinished(Family):
    skeleton: Skeleton
    markers: Markers
    placeholders: Placeholders


class Years(Strict):
    pattern: str
    numbers: dict[str, int]


class Duplicate(Strict):
    similarity: float = Field(gt=0, le=1)
    ignore: list[str]


class Realism(Family):
    years: Years
    duplicate: Duplicate


class Clarity(Family):
    vague_pay: Phrases


MODELS: dict[str, type[Family]] = {
    "gender": Gender,
    "exclusionary": Exclusionary,
    "realism": Realism,
    "unfinished": Unfinished,
    "clarity": Clarity,
}
"""Each family's file, by its name."""


def read(path: Path, family: str, shown: str) -> dict[str, Any]:
    """The file's data, once it has the family's shape; a JobdocsError naming the file
    (as `shown`), line and key of the first mistake otherwise."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise JobdocsError(f"{shown}: {error}") from None
    try:
        MODELS[family].model_validate(data)
    except ValidationError as error:
        found = error.errors()
        detail = next((e for e in found if e["type"] == "extra_forbidden"), found[0])
        loc = tuple(part for part in detail["loc"] if isinstance(part, int | str))
        line, column = Source(path, text).layout.locate(loc) or (1, 1)
        words = {"extra_forbidden": "unknown key", "missing": "required key is missing"}
        message = words.get(detail["type"], detail["msg"])
        where = f"{shown}:{line}:{column}: {key_path(loc)}"
        raise JobdocsError(f"{where}: {message} (a posting-language rule file)") from None
    return data
