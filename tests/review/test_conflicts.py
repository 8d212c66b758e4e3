"""A reviewer's deletion never overrides an edit (issue 18, class 4). Deleting a list item
or a paragraph whose text changed since the document was built is a conflict, like an
edit; an edit in one reviewed file and a deletion of the same item in another is a
conflict in either order, and the message quotes the item in conflict; the same insertion
from two files is made once; and in a stale document, what differs without a tracked
change is reported field by field. Before the fix, the deletions were applied, the two
files merged silently with a result that depended on their order, and the conflict
quoted the item after the one in conflict."""

import shutil

import pytest
from conftest import build_files, edit
from revisions import Reviewed

from jobdocs.content.fields import bookmark

ROLE = "roles/software-engineer"
FIRST = "Work through requirements with clients"
SECOND = "Break projects down into well-defined tasks"


@pytest.fixture
def built(project, tmp_path):
    return build_files(project, ["docx"], tmp_path / "out", ["software-engineer"])[
        "software-engineer.docx"
    ]


def role_text(project) -> str:
    return (project / "content/roles/software-engineer.toml").read_text(encoding="utf-8")


def test_deleting_an_item_edited_since_the_build_is_a_conflict(project, built, jobdocs):
    doc = Reviewed(built)
    doc.delete_paragraph(bookmark(f"{ROLE}:responsibilities[1]", 1))
    doc.save()
    role = project / "content/roles/software-engineer.toml"
    edit(role, FIRST, "Work closely through requirements with clients")
    before = role_text(project)
    result = jobdocs(project, "review", "--apply", str(built))
    assert result.exit_code == 1, result.output
    assert "responsibilities[1]: conflict" in result.output
    assert f'the document showed "{FIRST}' in result.output and "deleted it" in result.output
    assert role_text(project) == before


def test_deleting_a_paragraph_edited_since_the_build_is_a_conflict(project, built, jobdocs):
    doc = Reviewed(built)
    doc.delete_paragraph(bookmark(f"{ROLE}:summary", 2))
    doc.save()
    role = project / "content/roles/software-engineer.toml"
    edit(role, "You apply engineering concepts", "You apply sound engineering concepts")
    before = role_text(project)
    result = jobdocs(project, "review", "--apply", str(built))
    assert result.exit_code == 1, result.output
    assert "summary: conflict" in result.output and "(deleted)" in result.output
    assert role_text(project) == before


def test_without_a_change_since_the_build_a_deletion_applies(project, built, jobdocs):
    doc = Reviewed(built)
    doc.delete_paragraph(bookmark(f"{ROLE}:responsibilities[1]", 1))
    doc.save()
    result = jobdocs(project, "review", "--apply", str(built))
    assert result.exit_code == 0, result.output
    assert FIRST not in role_text(project) and SECOND in role_text(project)


@pytest.mark.parametrize("order", ["edit first", "delete first"])
def test_an_edit_and_a_deletion_in_two_files_conflict_in_either_order(
    project, built, tmp_path, jobdocs, order
):
    edited, deleted = tmp_path / "edited.docx", tmp_path / "deleted.docx"
    shutil.copy(built, edited)
    shutil.copy(built, deleted)
    doc = Reviewed(edited)
    doc.replace_word(bookmark(f"{ROLE}:responsibilities[1]", 1), "through", "out")
    doc.save()
    doc = Reviewed(deleted)
    doc.delete_paragraph(bookmark(f"{ROLE}:responsibilities[1]", 1))
    doc.save()
    files = [edited, deleted] if order == "edit first" else [deleted, edited]
    before = role_text(project)
    result = jobdocs(project, "review", "--apply", *map(str, files))
    assert result.exit_code == 1, result.output
    conflicts = [line for line in result.output.splitlines() if ": conflict:" in line]
    assert len(conflicts) == 1
    assert f'the document showed "{FIRST}' in conflicts[0]  # the item in conflict, not the next
    assert role_text(project) == before


def test_the_same_insertion_in_two_files_is_made_once(project, built, tmp_path, jobdocs):
    copies = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for copy in copies:
        shutil.copy(built, copy)
        doc = Reviewed(copy)
        doc.insert_paragraph_after(
            bookmark(f"{ROLE}:responsibilities[2]", 1), "Keep the runbooks current."
        )
        doc.save()
    result = jobdocs(project, "review", "--apply", *map(str, copies))
    assert result.exit_code == 0, result.output
    assert role_text(project).count("Keep the runbooks current.") == 1


def test_a_stale_document_reports_what_differs_field_by_field(project, built, jobdocs):
    role = project / "content/roles/software-engineer.toml"
    edit(role, SECOND, "Split projects into well-defined tasks")
    doc = Reviewed(built)
    doc.replace_word(bookmark(f"{ROLE}:responsibilities[3]", 1), "Design", "Draft")
    doc.save()
    result = jobdocs(project, "review", str(built))
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "responsibilities[2]:" in x)
    assert "cannot tell who changed it" in line and SECOND in line
    assert "responsibilities[3]: edited" in result.output
