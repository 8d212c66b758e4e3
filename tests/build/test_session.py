"""Building twice in one process, as `jobdocs watch` does: what the session keeps from the
first build never answers for content, labels, settings or templates edited since, and
what it records is what a fresh process would build."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import build_files, edit

from jobdocs.session import Memo, Session

AS_OF = date(2026, 11, 29)
FORMATS = ["html", "site"]


def read(out: Path) -> dict[str, str]:
    """Every text file of the build, by its path below the output folder."""
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".json", ".xml", ".txt")
    }


def fresh_build(root: Path, out: Path, formats=FORMATS) -> str:
    """`jobdocs build` in a new process: what it prints."""
    command = [sys.executable, "-m", "jobdocs", "-C", str(root), "build", "-o", str(out)]
    command += [f"--format={f}" for f in formats] + ["--as-of", AS_OF.isoformat()]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


EDITS = {
    "label file": (
        "templates/labels/en.toml",
        'preferred = "Desirable"\n',
        'preferred = "Desirable"\nresponsibilities = "What you will do"\n',
        "What you will do",
        ["site-reliability-engineer.html", "site/site-reliability-engineer/index.html"],
    ),
    "organization.toml": (
        "content/organization.toml",
        "We are an equal opportunity employer.",
        "We welcome applications from everyone.",
        "We welcome applications from everyone.",
        ["care-assistant.html", "site/care-assistant/index.html", "site/jobs.json"],
    ),
    "jobdocs.toml": (
        "jobdocs.toml",
        "[site]\n",
        '[site]\ntitle = "Work at Northwind"\n',
        "Work at Northwind",
        ["site/index.html", "site/care-assistant/index.html"],
    ),
    "the title of a role another reports to": (
        "content/roles/policy-adviser.toml",
        'title = "Policy Adviser"',
        'title = "Senior Policy Adviser"',
        "Senior Policy Adviser",
        ["data-analist.html", "site/data-analist/index.html", "site/jobs.json"],
    ),
    "a template": (
        "templates/site/robots.txt",
        "Disallow: /intern/\n",
        "Disallow: /drafts/\n",
        "Disallow: /drafts/",
        ["site/robots.txt"],
    ),
}


@pytest.mark.parametrize("edited", list(EDITS))
def test_second_build_in_a_process_shows_the_edit(full_project, tmp_path, edited):
    root = full_project
    (root / "jobdocs.toml").write_text('[site]\nbase_url = "https://example.org/jobs/"\n')
    out = tmp_path / "out"
    session = Session()
    build_files(root, FORMATS, out, as_of=AS_OF, session=session)
    file, old, new, shown, affected = EDITS[edited]
    before = read(out)
    assert all(shown not in before[name] for name in affected)
    edit(root / file, old, new)

    rebuilt = build_files(root, FORMATS, out, as_of=AS_OF, session=session)

    after = read(out)
    for name in affected:
        assert shown in after[name], f"{name} does not show the edit of {edited}"
    assert {Path(name).name for name in affected} <= set(rebuilt)
    # The manifest recorded the files as a fresh process builds them: it finds nothing to
    # do, and the files are the same.
    assert "built 0," in fresh_build(root, out)
    assert read(out) == after
    again = tmp_path / "again"
    fresh_build(root, again)
    assert read(again) == after


def test_a_session_reuses_what_did_not_change(full_project, tmp_path):
    root = full_project
    session = Session()
    build_files(root, ["html"], tmp_path / "out", session=session)
    first = dict(session.files._now)
    edit(root / "content/roles/care-assistant.toml", "daily living", "everyday living")
    build_files(root, ["html"], tmp_path / "out", session=session)
    second = session.files._now
    unchanged = [key for key in second if key in first]
    assert len(unchanged) == len(first) - 1  # every file but the edited one was reused
    assert all(second[key] is first[key] for key in unchanged)


def test_a_memo_keeps_two_runs_at_most():
    memo = Memo()
    for run in range(100):
        memo.turn()
        for key in range(run, run + 10):
            memo.get(key, lambda key=key: key * 2)
    assert len(memo) <= 20
    assert memo.get(105, lambda: -1) == 210


def test_manifest_records_what_a_fresh_process_builds(full_project, tmp_path):
    """The manifest's digests do not depend on what the process built before."""
    root = full_project
    session = Session()
    for out in ("a", "b"):
        build_files(root, ["html"], tmp_path / out, session=session)
    fresh_build(root, tmp_path / "c", ["html"])
    manifests = [
        json.loads((tmp_path / out / ".jobdocs-manifest.json").read_text())
        for out in ("a", "b", "c")
    ]
    html = [{k: v for k, v in m.items() if k.endswith(".html")} for m in manifests]
    assert html[0] == html[1] == html[2]
