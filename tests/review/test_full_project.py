"""The review loop on the full fixture project, as real projects have it: a logo outside
assets/, its own label files (a Dutch role with `templates/labels/nl.toml`) and its own
templates. Both ways in which jobdocs loads the project with some files replaced work
there: `review --apply` (the reviewed text in place of the files') and `build
--changes-since` (the content as at a git revision)."""

from conftest import build_files, edit
from revisions import Reviewed
from test_changes_since import git, paragraphs, revisions

from jobdocs.content.fields import FieldRef, bookmark

ROLE = "content/roles/data-analist.toml"


def test_review_apply_writes_a_dutch_roles_edit(full_project, tmp_path, jobdocs):
    path = build_files(full_project, ["docx"], tmp_path / "out", ["data-analist"])
    path = path["data-analist.docx"]
    assert "Vereist" in paragraphs(path)  # the project's own Dutch label
    doc = Reviewed(path)
    doc.replace_word(bookmark("roles/data-analist:summary", 1), "begrijpelijk", "helder")
    doc.save()
    before = (full_project / ROLE).read_text(encoding="utf-8")

    result = jobdocs(full_project, "review", "--apply", str(path))

    assert result.exit_code == 0, result.output
    after = (full_project / ROLE).read_text(encoding="utf-8")
    assert after == before.replace("begrijpelijk", "helder")


def test_review_apply_refuses_an_edit_that_breaks_the_content(full_project, tmp_path, jobdocs):
    """The reviewed text is validated with the rest of the project, logo and all: the
    refusal names the real file, and nothing is written."""
    path = build_files(full_project, ["docx"], tmp_path / "out", ["data-analist"])
    doc = Reviewed(path["data-analist.docx"])
    duty = bookmark("roles/data-analist:responsibilities[1]", 1)
    doc.replace_word(duty, "dashboards", "x" * 2_500)  # longer than a line of text may be
    doc.save()
    before = (full_project / ROLE).read_text(encoding="utf-8")

    result = jobdocs(full_project, "review", "--apply", str(path["data-analist.docx"]))

    assert result.exit_code != 0
    assert "content/roles/data-analist.toml" in result.output
    assert "logo" not in result.output
    assert (full_project / ROLE).read_text(encoding="utf-8") == before


def test_changes_since_on_the_full_project(full_project, tmp_path, jobdocs):
    git(full_project, "init", "-q")
    git(full_project, "add", "-A")
    git(full_project, "commit", "-qm", "approved")
    git(full_project, "tag", "approved")
    edit(full_project / ROLE, "heldere analyses", "korte, heldere analyses")

    out = tmp_path / "out"
    result = jobdocs(full_project, "build", "-f", "docx", "--changes-since", "approved",
                     "-o", str(out), "data-analist")  # fmt: skip

    assert result.exit_code == 0, result.output
    tracked = [(kind, text) for kind, text, *_ in revisions(out / "data-analist.docx")]
    assert ("ins", "korte, ") in tracked or any(
        kind == "ins" and "korte" in text for kind, text in tracked
    ), tracked
    assert "Vereist" in paragraphs(out / "data-analist.docx")


def test_an_edit_of_a_default_is_written_to_the_organization(full_project, tmp_path, jobdocs):
    """The round trip: the template marks the organization's benefit with its FieldRef,
    the Word file carries it as a bookmark, and review writes the edit to
    organization.toml, not into the role that printed it."""
    path = build_files(full_project, ["docx"], tmp_path, ["care-assistant"])["care-assistant.docx"]
    ref = FieldRef.parse("organization:benefits[2]")
    doc = Reviewed(path)
    doc.replace_word(bookmark(str(ref), 1), "Home-working", "Home-office")
    doc.save()
    role = (full_project / "content/roles/care-assistant.toml").read_text("utf-8")
    organization = full_project / "content/organization.toml"
    before = organization.read_text("utf-8")

    result = jobdocs(full_project, "review", "--apply", str(path))

    assert result.exit_code == 0, result.output
    assert organization.read_text("utf-8") == before.replace("Home-working", "Home-office")
    assert (full_project / "content/roles/care-assistant.toml").read_text("utf-8") == role
