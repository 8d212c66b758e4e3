"""`jobdocs review`: a reviewed Word file's tracked changes, edits and comments flow back
into exactly the TOML fields they were made on."""

import difflib
import json
from pathlib import Path

import pytest
from conftest import DOCUMENT_IDS, build_files
from revisions import Reviewed

from jobdocs.content.fields import bookmark

ROLE = "roles/software-engineer"
CELL = "comparisons/developer-vs-engineer:rows[2].cells[2]"
NEW_CELL = "Apply engineering rigour to create software."


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a unified diff adds or removes, with their sign."""
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


@pytest.fixture
def built(project, tmp_path) -> Path:
    return build_files(project, ["docx"], tmp_path / "out", ["software-engineer"])[
        "software-engineer.docx"
    ]


def review_as_word_would(path: Path) -> Path:
    """Rita's review, as Word writes it."""
    doc = Reviewed(path)
    word = doc.replace_word(bookmark(f"{ROLE}:summary", 1), "architect", "designer")
    doc.delete_paragraph(bookmark(f"{ROLE}:responsibilities[2]", 1))
    doc.insert_paragraph_after(
        bookmark(f"{ROLE}:responsibilities[4]", 1), "Keep the build fast and green.", bold="fast"
    )
    doc.overtype(bookmark(CELL, 1), NEW_CELL)  # tracking off: the bookmark is lost
    first = doc.comment(doc.paragraph(bookmark(f"{ROLE}:responsibilities[5]", 1)), "Which team?")
    doc.comment(word, "Is designer the right word?")
    doc.comment(None, "The platform team.", parent=first)
    return doc.save()


def test_word_revisions_change_exactly_those_fields(project, built, jobdocs):
    role_file = project / "content/roles/software-engineer.toml"
    comparison_file = project / "content/comparisons/developer-vs-engineer.toml"
    role_before, comparison_before = role_file.read_text(), comparison_file.read_text()
    review_as_word_would(built)

    shown = jobdocs(project, "review", str(built))
    assert shown.exit_code == 0, shown.output
    assert role_file.read_text() == role_before  # without --apply nothing changes
    assert 'comment by Rita Reviewer: "Which team?"' in shown.output
    assert '+  "Keep the build **fast** and green.",' in shown.output
    lines = shown.output.splitlines()
    comment = next(line for line in lines if '"Which team?"' in line)
    responsibility = role_before.splitlines().index(
        '  "Write and review production code for the most complex and critical parts of a system.",'
    )
    assert comment.startswith(f"{role_file}:{responsibility + 1}: ") or comment.startswith(
        f"content/roles/software-engineer.toml:{responsibility + 1}: "
    ), comment
    assert "on responsibilities[5]" in comment
    reply = next(line for line in lines if '"The platform team."' in line)
    assert "in reply to comment" in reply
    on_word = next(line for line in lines if "Is designer the right word?" in line)
    assert "on summary" in on_word and '"designer"' in on_word
    assert "summary: edited: " in shown.output and "[-architect-] {+designer+}" in shown.output
    assert "responsibilities[2]: deleted list item" in shown.output
    assert "found by table position" in shown.output

    applied = jobdocs(project, "review", "--apply", str(built))
    assert applied.exit_code == 0, applied.output
    role_lines = changed_lines(role_before, role_file.read_text())
    summary = next(line for line in role_before.splitlines() if "is the architect" in line)
    assert role_lines == [
        "-" + summary,
        "+" + summary.replace("the architect", "the designer"),
        '-  "Break projects down into well-defined tasks, estimates and milestones for the '
        'development team.",',
        '+  "Keep the build **fast** and green.",',
    ]
    cell = next(line for line in comparison_before.splitlines() if "engineering concepts" in line)
    assert changed_lines(comparison_before, comparison_file.read_text()) == [
        "-" + cell,
        f'+  "{NEW_CELL}",',
    ]
    assert jobdocs(project, "check").exit_code == 0
    html = build_files(project, ["html"], project / "html", ["software-engineer"])
    text = html["software-engineer.html"].read_text()
    assert "is the designer of a project" in text
    assert "<li data-field=\"roles/software-engineer:responsibilities[4]\">Keep the build " \
        "<strong>fast</strong> and green.</li>" in text  # fmt: skip
    assert NEW_CELL in text


def test_json_for_tools(project, built, jobdocs):
    review_as_word_would(built)
    result = jobdocs(project, "review", "--output-format", "json", str(built))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (reviewed,) = data["files"]
    kinds = {(v["field"], v["kind"]) for v in reviewed["verdicts"]}
    assert ("responsibilities[2]", "deleted") in kinds
    assert ("summary", "edited") in kinds
    assert {c["text"] for c in reviewed["comments"]} >= {"Which team?", "The platform team."}
    assert data["diff"].startswith("--- a/content/")


@pytest.mark.parametrize("document_id", DOCUMENT_IDS)
def test_an_unedited_file_changes_nothing(project, tmp_path, jobdocs, document_id):
    path = build_files(project, ["docx"], tmp_path / "out", [document_id])[f"{document_id}.docx"]
    result = jobdocs(project, "review", "--apply", str(path))
    assert result.exit_code == 0, result.output
    first, *rest = result.output.splitlines()
    assert first.endswith("built from the content as it is; " + first.rsplit("; ", 1)[1])
    assert rest == ["nothing to write: the review changes no field"]


def test_paragraphs_whose_bookmark_was_lost_are_found_again(project, built, jobdocs):
    """Typing over a paragraph with tracking off loses its bookmark: the gap between its
    tagged neighbours, its table position, or its likeness to the source finds it."""
    role = project / "content/roles/software-engineer.toml"
    doc = Reviewed(built)
    doc.overtype(
        bookmark(f"{ROLE}:responsibilities[3]", 1),
        "Design software components, interfaces and data models for the target architecture.",
    )
    doc.overtype(bookmark(f"{ROLE}:department", 1), "Engineering Office")
    doc.overtype(bookmark("comparisons/developer-vs-engineer:rows[3].aspect", 1), "Clients")
    doc.save()
    result = jobdocs(project, "review", "--apply", str(built))
    assert result.exit_code == 0, result.output
    assert "responsibilities[3]: edited: " in result.output
    assert "(found by gap)" in result.output
    assert "department: edited: Engineering {+Office+} (found by text similarity)" in result.output
    assert "rows[3].aspect: edited: [-Client interaction-] {+Clients+} (found by table " \
        "position)" in result.output  # fmt: skip
    text = role.read_text()
    assert "data models for the target architecture." in text
    assert 'department = "Engineering Office"' in text
