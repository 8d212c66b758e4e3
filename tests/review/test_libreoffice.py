"""LibreOffice as the reviewer, driven through Python-UNO (lo_reviewer.py, run by Debian's
own python3, the only one python3-uno works with): its tracked changes and comments come
back into exactly the fields they were made on, and a file it only opened and saved
comes back unchanged."""

import difflib
import json
import subprocess
from pathlib import Path

import pytest
from conftest import DOCUMENT_IDS, build_files, require, unavailable

from jobdocs.content.fields import bookmark

HELPER = Path(__file__).with_name("lo_reviewer.py")
SYSTEM_PYTHON = Path("/usr/bin/python3")
ROLE = "roles/software-engineer"
CELL = "comparisons/developer-vs-engineer:rows[2].cells[2]"


@pytest.fixture(scope="module")
def uno() -> Path:
    require("soffice")
    if not SYSTEM_PYTHON.exists():
        unavailable("Debian's /usr/bin/python3 is missing: python3-uno runs only with it")
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    if found.returncode:
        unavailable("python3-uno is not installed (scripts/install.sh --test installs it)")
    return SYSTEM_PYTHON


def libreoffice(uno: Path, source: Path, target: Path, edits: list[dict], changes="") -> Path:
    """`source` reviewed with `edits` (see lo_reviewer.py), or its tracked changes all
    accepted or rejected (`changes`), saved as `target`."""
    plan = target.with_suffix(".json")
    plan.write_text(
        json.dumps(
            {
                "input": str(source),
                "output": str(target),
                "profile": str(target.parent / "lo-profile"),
                "author": "Rita Reviewer",
                "edits": edits,
                "changes": changes,
            }
        ),
        encoding="utf-8",
    )
    done = subprocess.run([uno, HELPER, plan], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert target.is_file()
    return target


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def test_a_libreoffice_review_changes_exactly_those_fields(uno, project, tmp_path, jobdocs):
    built = build_files(project, ["docx"], tmp_path / "out", ["software-engineer"])
    reviewed = libreoffice(
        uno,
        built["software-engineer.docx"],
        tmp_path / "reviewed.docx",
        [
            {"replace": bookmark(f"{ROLE}:summary", 1), "old": "architect", "new": "designer"},
            {"delete": bookmark(f"{ROLE}:responsibilities[2]", 1)},
            {
                "insert_after": bookmark(f"{ROLE}:responsibilities[4]", 1),
                "text": "Keep the build fast and green.",
            },
            {"overtype": bookmark(CELL, 1), "text": "Apply engineering rigour to create software."},
            {"comment": bookmark(f"{ROLE}:responsibilities[5]", 1), "text": "Which team?"},
            {
                "comment": bookmark(f"{ROLE}:summary", 2),
                "text": "Which clients?",
                "word": "clients",
            },
        ],
    )
    role = project / "content/roles/software-engineer.toml"
    comparison = project / "content/comparisons/developer-vs-engineer.toml"
    role_before, comparison_before = role.read_text(), comparison.read_text()

    shown = jobdocs(project, "review", str(reviewed))
    assert shown.exit_code == 0, shown.output
    assert 'comment by Rita Reviewer: "Which team?" (on responsibilities[5]' in shown.output
    assert 'comment by Rita Reviewer: "Which clients?" (on summary, "clients"' in shown.output
    second_paragraph = 1 + next(
        n for n, line in enumerate(role_before.splitlines()) if line.startswith("You apply")
    )
    assert f"software-engineer.toml:{second_paragraph}: comment by Rita" in shown.output

    applied = jobdocs(project, "review", "--apply", str(reviewed))
    assert applied.exit_code == 0, applied.output
    summary = next(line for line in role_before.splitlines() if "is the architect" in line)
    assert changed_lines(role_before, role.read_text()) == [
        "-" + summary,
        "+" + summary.replace("the architect", "the designer"),
        '-  "Break projects down into well-defined tasks, estimates and milestones for the '
        'development team.",',
        '+  "Keep the build fast and green.",',
    ]
    cell = next(line for line in comparison_before.splitlines() if "engineering concepts" in line)
    assert changed_lines(comparison_before, comparison.read_text()) == [
        "-" + cell,
        '+  "Apply engineering rigour to create software.",',
    ]
    assert jobdocs(project, "check").exit_code == 0
    html = build_files(project, ["html"], tmp_path / "html", ["software-engineer"])
    text = html["software-engineer.html"].read_text()
    for words in ("is the designer of a project", "Keep the build fast and green.",
                  "Apply engineering rigour to create software."):  # fmt: skip
        assert words in text, words
    assert "Break projects down" not in text


def test_a_file_libreoffice_only_saved_changes_nothing(uno, project, tmp_path, jobdocs):
    built = build_files(project, ["docx"], tmp_path / "out", DOCUMENT_IDS)
    for document_id in DOCUMENT_IDS:
        source = built[f"{document_id}.docx"]
        saved = libreoffice(uno, source, tmp_path / f"saved-{document_id}.docx", [])
        result = jobdocs(project, "review", "--apply", str(saved))
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[1:] == [
            "nothing to write: the review changes no field"
        ], (document_id, result.output)
