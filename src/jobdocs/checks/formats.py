"""Problems as people and tools read them: one per line, JSON, or GitHub Actions
annotations."""

import dataclasses
import json
import os
from pathlib import Path

from ..errors import Problem

STYLES = ("text", "json", "github")


def shown(path: Path) -> str:
    """`path` relative to the current folder where it lies below it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


def as_text(problems: list[Problem]) -> str:
    """One problem per line, `path:line:col: key: message`, paths shown from here."""
    return "\n".join(str(dataclasses.replace(p, path=Path(shown(p.path)))) for p in problems)


def as_json(problems: list[Problem]) -> str:
    return json.dumps(
        {
            "ok": not problems,
            "problems": [
                {
                    "file": shown(p.path),
                    "line": p.line,
                    "column": p.column,
                    "key": p.key,
                    "message": p.message,
                }
                for p in problems
            ],
        },
        indent=2,
    )


def as_github(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands, which show each problem on the file's line."""
    lines = []
    for p in problems:
        fields = [f"file={_escape(shown(p.path), property=True)}"]
        fields += [f"line={p.line}"] if p.line else []
        fields += [f"col={p.column}"] if p.column else []
        fields += [f"title={_escape(p.key, property=True)}"] if p.key else []
        lines.append(f"::error {','.join(fields)}::{_escape(p.message)}")
    return "\n".join(lines)


def formatted(problems: list[Problem], style: str) -> str:
    return {"text": as_text, "json": as_json, "github": as_github}[style](problems)


def _escape(text: str, property: bool = False) -> str:
    """Escape text for a workflow command, as GitHub's own toolkit does."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text
