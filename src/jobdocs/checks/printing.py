"""Problems as people and tools read them: one per line, JSON, GitHub Actions annotations,
or SARIF 2.1.0 (which GitHub code scanning shows inline)."""

import dataclasses
import json
import os
import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote

from ..errors import Problem
from . import CONTENT_RULE, RuleInfo, describe, rule_table

STYLES = ("text", "json", "github", "sarif")


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
            "ok": not any(p.severity == "error" for p in problems),
            "problems": [
                {
                    "file": shown(p.path),
                    "line": p.line,
                    "column": p.column,
                    "key": p.key,
                    "message": p.message,
                    "severity": p.severity,
                    "rule": p.rule or None,
                    "fix": p.fix or None,
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
        title = p.rule or p.key
        fields += [f"title={_escape(title, property=True)}"] if title else []
        command = {"error": "error", "warning": "warning"}.get(p.severity, "notice")
        message = p.message + (f" (fix: {p.fix})" if p.fix else "")
        lines.append(f"::{command} {','.join(fields)}::{_escape(message)}")
    return "\n".join(lines)


def as_sarif(problems: list[Problem]) -> str:
    """One SARIF 2.1.0 run; file locations relative to the current folder."""
    rules = sorted({p.rule or CONTENT_RULE for p in problems})
    table = rule_table()
    results = []
    for p in problems:
        region = {}
        if p.line:
            region["startLine"] = p.line
            if p.column:
                region["startColumn"] = p.column
                if p.end_column:
                    region["endColumn"] = p.end_column
        location = {"artifactLocation": {"uri": quote(Path(shown(p.path)).as_posix())}}
        if region:
            location["region"] = region
        text = (f"{p.key}: " if p.key and not p.rule else "") + p.message
        results.append(
            {
                "ruleId": p.rule or CONTENT_RULE,
                "ruleIndex": rules.index(p.rule or CONTENT_RULE),
                "level": p.severity,
                "message": {"text": text + (f" (fix: {p.fix})" if p.fix else "")},
                "locations": [{"physicalLocation": location}],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "jobdocs",
                        "version": version("jobdocs"),
                        "rules": [_sarif_rule(rule, table) for rule in rules],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def formatted(problems: list[Problem], style: str) -> str:
    writers = {"text": as_text, "json": as_json, "github": as_github, "sarif": as_sarif}
    return writers[style](problems)


def _escape(text: str, property: bool = False) -> str:
    """Escape text for a workflow command, as GitHub's own toolkit does."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def _sarif_rule(rule_id: str, table: dict[str, RuleInfo]) -> dict:
    """A rule as SARIF's `reportingDescriptor`: its description, default level and the
    address of its source where it has one."""
    entry: dict = {"id": rule_id}
    info = describe(rule_id, table)
    if info is not None:
        entry["shortDescription"] = {"text": info.description}
        entry["defaultConfiguration"] = {"level": info.severity}
        if info.fix:
            entry["help"] = {"text": f"Fix: {info.fix}"}
        address = re.search(r"https?://\S+", info.source)
        if address:
            entry["helpUri"] = address.group().rstrip(".,;)")
    return entry
