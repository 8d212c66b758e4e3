"""`jobdocs build -f docx --changes-since REF`: Word files that show the content's changes
since a git revision as native tracked changes, which LibreOffice accepts or rejects."""

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import MINIMAL, build_files, edit, listing
from lxml import etree
from test_libreoffice import libreoffice, uno  # noqa: F401  (the fixture)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROLE = "content/roles/software-engineer.toml"
BROKEN = "Break projects down into well-defined tasks, estimates and milestones for the " \
    "development team."  # fmt: skip
COMPARISON = "content/comparisons/developer-vs-engineer.toml"


def git(folder: Path, *args: str) -> str:
    when = {"GIT_COMMITTER_DATE": "2026-10-01T09:00:00+02:00"}
    return subprocess.run(
        ["git", "-c", "user.name=HR", "-c", "user.email=hr@example.com", *args],
        cwd=folder, capture_output=True, text=True, check=True, env={**os.environ, **when},
    ).stdout  # fmt: skip


@pytest.fixture
def approved(project) -> Path:
    """The project in git, tagged `approved`, then edited: a word replaced, a list item
    removed, one added, a comparison cell rewritten."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "approved")
    git(project, "tag", "approved")
    edit(project / ROLE, "is the architect of a project", "is the lead designer of a project")
    edit(project / ROLE, '  "Break projects down into well-defined tasks, estimates and '
         'milestones for the development team.",\n', "")  # fmt: skip
    edit(project / ROLE, '  "Write and review production code',
         '  "Keep the build fast and green.",\n  "Write and review production code')  # fmt: skip
    edit(project / COMPARISON, "Use engineering concepts and systematic processes to create "
         "software.", "Apply engineering rigour to create software.")  # fmt: skip
    return project


def revisions(path: Path) -> list[tuple[str, str, str, str]]:
    """(kind, text, author, date) of every tracked change, in document order."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    found = []
    for element in body.iter(f"{W}ins", f"{W}del"):
        text = "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))
        if text:
            kind = "ins" if element.tag == f"{W}ins" else "del"
            found.append((kind, text, element.get(f"{W}author"), element.get(f"{W}date")))
    return found


def paragraphs(path: Path) -> list[str]:
    """The text of every paragraph as accepted (no deleted text); empty ones left out."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    return [" ".join(text.split()) for text in texts if text.strip()]


def test_the_changes_are_tracked_changes_by_jobdocs(approved, tmp_path, jobdocs):
    result = jobdocs(approved, "build", "-f", "docx", "--changes-since", "approved",
                     "-o", str(tmp_path / "out"), "software-engineer")  # fmt: skip
    assert result.exit_code == 0, result.output
    found = revisions(tmp_path / "out/software-engineer.docx")
    date = "2026-10-01T07:00:00Z"  # the commit's date, in UTC
    assert found == [
        ("del", "architect", "jobdocs", date),
        ("ins", "lead designer", "jobdocs", date),
        ("del", BROKEN, "jobdocs", date),
        ("ins", "Keep the build fast and green.", "jobdocs", date),
        ("del", "Use", "jobdocs", date),
        ("ins", "Apply", "jobdocs", date),
        ("del", "concepts and systematic processes", "jobdocs", date),
        ("ins", "rigour", "jobdocs", date),
    ]
    # Read back, the file says what the content says now: nothing to apply.
    review = jobdocs(approved, "review", str(tmp_path / "out/software-engineer.docx"))
    assert review.exit_code == 0, review.output
    assert review.output.splitlines()[1:] == ["review: 0 files would change"], review.output


def test_unchanged_documents_are_not_rewritten(approved, tmp_path, jobdocs):
    out = tmp_path / "out"
    assert jobdocs(approved, "build", "-f", "docx", "-o", str(out)).exit_code == 0
    result = jobdocs(approved, "build", "-f", "docx", "--changes-since", "approved",
                     "-o", str(out))  # fmt: skip
    written = {line.split("/")[-1] for line in result.output.splitlines() if "wrote" in line}
    assert written == {"software-engineer.docx", "developer-vs-engineer.docx",
                       "software-developer.docx", "technical-job-descriptions.docx"}  # fmt: skip
    assert len(listing(out)) == 7


def test_a_revision_git_does_not_know_is_a_usage_error(approved, jobdocs):
    result = jobdocs(approved, "build", "-f", "docx", "--changes-since", "no-such-tag")
    assert result.exit_code == 2
    assert "--changes-since: no commit 'no-such-tag' in this repository" in result.output


def test_what_git_says_is_in_the_error(tmp_path, jobdocs):
    """Before: "git: failed" (or the last line only, without the command)."""
    shutil.copytree(MINIMAL, tmp_path / "project")
    result = jobdocs(tmp_path / "project", "build", "-f", "docx", "--changes-since", "HEAD")
    assert result.exit_code == 2
    assert "git rev-parse --show-toplevel: fatal: not a git repository" in result.output


def test_links_in_the_content_at_the_revision_are_not_followed(approved, tmp_path, jobdocs):
    """A link checked in at the revision, absolute or not, is not read from the archive:
    the content at the revision is what git stored, never a file elsewhere."""
    secret = tmp_path / "secret.toml"
    secret.write_text('title = "Leaked"\nsummary = "Leaked."\n')
    roles = approved / "content/roles"
    (roles / "leaked.toml").symlink_to(secret)
    (roles / "tree").symlink_to(tmp_path)
    git(approved, "add", "-A")
    git(approved, "commit", "-qm", "links")
    (roles / "leaked.toml").unlink()
    (roles / "tree").unlink()
    out = tmp_path / "out"
    result = jobdocs(approved, "build", "-f", "docx", "-o", str(out), "--changes-since", "HEAD")
    assert result.exit_code == 0, result.output
    assert "Leaked" not in "".join(paragraphs(out / "technical-job-descriptions.docx"))


def test_libreoffice_accepts_or_rejects_them(uno, approved, tmp_path):  # noqa: F811
    since = build_files(approved, ["docx"], tmp_path / "since", ["software-engineer"],
                        changes_since="approved")["software-engineer.docx"]  # fmt: skip
    now = build_files(approved, ["docx"], tmp_path / "now", ["software-engineer"])
    git(approved, "stash", "-q")
    before = build_files(approved, ["docx"], tmp_path / "before", ["software-engineer"])
    accepted = libreoffice(uno, since, tmp_path / "accepted.docx", [], changes="accept")
    rejected = libreoffice(uno, since, tmp_path / "rejected.docx", [], changes="reject")
    assert revisions(accepted) == [] and revisions(rejected) == []
    assert paragraphs(accepted) == paragraphs(now["software-engineer.docx"])
    assert paragraphs(rejected) == paragraphs(before["software-engineer.docx"])
