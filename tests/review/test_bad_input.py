"""A reviewed file is untrusted input: anything wrong with it is a clear error, never a
traceback, and nothing in it reaches beyond the file. And a review that would break the
content, or overwrite an edit made to the TOML since the build, writes nothing."""

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import REPO, build_files, edit
from revisions import Reviewed

from jobdocs.content.fields import bookmark

ROLE = "roles/software-engineer"


@pytest.fixture
def built(project, tmp_path) -> Path:
    return build_files(project, ["docx"], tmp_path / "out", ["software-engineer"])[
        "software-engineer.docx"
    ]


def rezip(path: Path, change) -> Path:
    """The package with `change(parts)` applied to its parts (name → bytes)."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    change(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def refused(jobdocs, project, path: Path, words: str) -> None:
    result = jobdocs(project, "review", str(path))
    assert result.exit_code == 1, result.output
    assert words in result.output, result.output
    assert "Traceback" not in result.output


def test_not_a_docx(project, tmp_path, jobdocs):
    path = tmp_path / "notes.docx"
    path.write_text("just some text", encoding="utf-8")
    refused(jobdocs, project, path, "not a Word (.docx) file")
    refused(jobdocs, project, tmp_path / "missing.docx", "cannot read it")


def test_a_password_protected_file(project, tmp_path, jobdocs):
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    refused(jobdocs, project, path, "password-protected")


def test_a_corrupt_zip(project, built, jobdocs):
    data = built.read_bytes()
    built.write_bytes(data[: len(data) // 2])
    refused(jobdocs, project, built, "damaged")


def test_a_docx_jobdocs_did_not_build(project, tmp_path, jobdocs):
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Dear Rita,")
    document.save(str(path))
    refused(jobdocs, project, path, "not a document jobdocs built")


def test_a_document_of_another_project(project, tmp_path, jobdocs):
    other = tmp_path / "other"
    shutil.copytree(REPO / "tests/fixtures/postings", other)
    shutil.copytree(REPO / "templates", other / "templates", dirs_exist_ok=True)
    path = build_files(other, ["docx"], tmp_path / "out", ["care-assistant"])
    refused(jobdocs, project, path["care-assistant.docx"], "built from another project")


def test_a_zip_bomb_is_refused_before_inflating(project, built, jobdocs):
    rezip(built, lambda parts: parts.__setitem__("word/document.xml", b" " * 80_000_000))
    refused(jobdocs, project, built, "zip bomb")


def test_entities_are_not_expanded_and_nothing_is_fetched(project, built, jobdocs, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")

    def hostile(parts):
        xml = parts["word/document.xml"].decode()
        doctype = (
            f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">'
            '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        )
        xml = xml.replace("?>", "?>" + doctype, 1).replace("Architects", "&x;&b;Architects", 1)
        parts["word/document.xml"] = xml.encode()
        rels = (
            parts["word/_rels/document.xml.rels"]
            .decode()
            .replace(
                "</Relationships>",
                '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/'
                '2006/relationships/comments" Target="http://127.0.0.1:9/comments.xml" '
                'TargetMode="External"/></Relationships>',
            )
        )
        parts["word/_rels/document.xml.rels"] = rels.encode()

    rezip(built, hostile)
    result = jobdocs(project, "review", str(built))
    assert "TOP SECRET" not in result.output and "aaaaaaaaaa" not in result.output
    assert "Traceback" not in result.output


def test_a_review_that_breaks_the_content_writes_nothing(project, built, jobdocs):
    doc = Reviewed(built)
    doc.delete_paragraph(bookmark(f"{ROLE}:department", 1))  # a department can't be empty
    doc.replace_word(bookmark(f"{ROLE}:summary", 1), "architect", "designer")
    doc.save()
    before = (project / "content/roles/software-engineer.toml").read_text()
    result = jobdocs(project, "review", "--apply", str(built))
    assert result.exit_code == 0, result.output  # an emptied field is reported, not applied
    assert "department" in result.output
    after = (project / "content/roles/software-engineer.toml").read_text()
    assert 'department = "Engineering"' in after and "is the designer" in after and after != before


def test_an_edit_made_in_both_places_is_a_conflict(project, built, jobdocs):
    role = project / "content/roles/software-engineer.toml"
    doc = Reviewed(built)
    doc.replace_word(bookmark(f"{ROLE}:responsibilities[1]", 1), "through", "out")
    doc.replace_word(bookmark(f"{ROLE}:responsibilities[3]", 1), "Design", "Draft")
    doc.save()
    edit(role, '"Work through requirements', '"Study requirements')  # changed since the build
    edit(role, "Measure and improve", "Track and improve")  # another field: merges
    result = jobdocs(project, "review", "--apply", str(built))
    assert result.exit_code == 1
    assert "responsibilities[1]: conflict" in result.output
    assert "edited in the TOML and in review: roles/software-engineer.toml: " in result.output
    assert "Study requirements" in role.read_text()  # nothing written
    # Without the conflicting edit, the reviewer's other change merges with the TOML's.
    edit(role, '"Study requirements', '"Work through requirements')
    result = jobdocs(project, "review", "--apply", str(built))
    assert result.exit_code == 0, result.output
    text = role.read_text()
    assert "Draft software components" in text and "Track and improve" in text
    assert "Work out requirements" in text
