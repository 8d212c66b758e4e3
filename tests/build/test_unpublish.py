"""The careers site unpublishes (issue 18, class 2): a posting set back to draft, deleted,
or expired with `expired = "omit"` loses its page, its JobPosting and its place in every
list and feed; a department or place nobody is in any more loses its page; and until the
site is built again, `check --outputs` reports what is left. Before the fix, every one of
these files stayed and `check --outputs` said all was well."""

import shutil

from conftest import FULL, edit
from test_site import with_site

AS_OF = "2026-12-16"  # the site reliability posting closed on 2026-12-15
GONE = {
    "care-assistant/index.html",  # set back to draft
    "datenschutz-jurist/index.html",  # deleted
    "site-reliability-engineer/index.html",  # expired, and expired postings are omitted
    "departments/recht/index.html",  # the deleted posting's department
    "departments/infrastructure/index.html",  # the expired one's
}


def site_files(out) -> set[str]:
    site = out / "site"
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_withdrawn_postings_and_empty_groups_leave_the_site(tmp_path, jobdocs):
    root = tmp_path / "project"
    shutil.copytree(FULL, root)
    with_site(root)
    out = tmp_path / "out"
    build = ("build", "-f", "site", "-f", "pdf", "-o", str(out))
    assert jobdocs(root, *build, "--as-of", "2026-11-29").exit_code == 0
    before = site_files(out)
    assert before >= GONE
    assert "site-reliability-engineer/site-reliability-engineer.pdf" in before

    roles = root / "content/roles"
    edit(roles / "care-assistant.toml", "[posting]\n", '[posting]\nstatus = "draft"\n')
    (roles / "datenschutz-jurist.toml").unlink()
    (root / "jobdocs.toml").write_text(
        (root / "jobdocs.toml").read_text() + 'expired = "omit"\n', encoding="utf-8"
    )
    check = ("check", "--outputs", "-o", str(out), "--as-of", AS_OF)
    stale = jobdocs(root, *check)
    assert stale.exit_code == 1
    reported = {
        line.split(":")[0].split("/site/", 1)[1]
        for line in stale.stderr.splitlines()
        if "outputs.stray" in line
    }
    assert reported >= GONE
    assert "site-reliability-engineer/site-reliability-engineer.pdf" in reported

    result = jobdocs(root, *build, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "no longer published" in result.output
    after = site_files(out)
    assert not after & GONE
    assert not any(name.startswith("site-reliability-engineer/") for name in after)
    for name in after:
        if name.endswith((".html", ".xml", ".json")):
            text = (out / "site" / name).read_text(encoding="utf-8")
            for withdrawn in ("care-assistant", "datenschutz-jurist", "site-reliability"):
                assert withdrawn not in text, (name, withdrawn)
    assert jobdocs(root, *check).exit_code == 0

    fresh = tmp_path / "fresh"
    fresh_build = ("build", "-f", "site", "-f", "pdf", "-o", str(fresh), "--as-of", AS_OF)
    assert jobdocs(root, *fresh_build).exit_code == 0
    assert site_files(fresh) == after


def test_files_put_into_the_site_by_hand_are_reported_then_removed(tmp_path, jobdocs):
    root = tmp_path / "project"
    shutil.copytree(FULL, root)
    with_site(root)
    out = tmp_path / "out"
    build = ("build", "-f", "site", "-o", str(out), "--as-of", "2026-11-29")
    assert jobdocs(root, *build).exit_code == 0
    (out / "site/old-posting").mkdir()
    (out / "site/old-posting/index.html").write_text("<h1>Closed long ago</h1>")
    check = jobdocs(root, "check", "--outputs", "-o", str(out), "--as-of", "2026-11-29")
    assert check.exit_code == 1 and "old-posting/index.html" in check.stderr
    assert jobdocs(root, *build).exit_code == 0
    assert not (out / "site/old-posting").exists()
