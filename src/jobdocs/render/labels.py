"""The fixed words of the documents, per language: `labels/<language>.toml` in the template
folders. A project's own file overrides the theme's key by key."""

import re
import tomllib
from pathlib import Path
from typing import Any

from ..content.model import primary_language
from ..errors import TemplateError


def labels(folders: tuple[Path, ...], language: str) -> dict[str, Any]:
    """The labels for `language`, the theme's merged under the project's, as the files are
    now (a `Renderer` keeps them for as long as the template folders do not change)."""
    name = f"labels/{primary_language(language)}.toml"
    merged = _read(folders, name)
    if not merged:
        raise TemplateError(f"no {name} in " + " or ".join(map(str, folders)))
    # Label files written before [punctuation] existed keep working, with English marks.
    punctuation = merged.setdefault("punctuation", {})
    if not {"comma", "semicolon", "colon"} <= punctuation.keys():
        merged["punctuation"] = {**_read(folders, "labels/en.toml")["punctuation"], **punctuation}
    return merged


def _read(folders: tuple[Path, ...], name: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for folder in reversed(folders):  # the theme first, then the project over it
        path = folder / name
        if path.is_file():
            try:
                _merge(merged, tomllib.loads(path.read_text(encoding="utf-8")))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise TemplateError(f"{path}: {error}") from None
    return merged


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


_FIELD = re.compile(r"\{(\w+)\}")


def fill(label: str, **values: Any) -> str:
    """`label` with each `{name}` replaced by its value; unknown names stay as typed."""
    return _FIELD.sub(lambda m: str(values.get(m.group(1), m.group(0))), label)
