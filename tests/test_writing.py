"""Writes never follow a checked-in link and never leave the folder they are for (issue 18,
class 1). Each test plants a link where a command writes; before writing.py, every one of
them wrote through it into the victim file."""

import os
import shutil
from pathlib import Path

import pytest
from conftest import MINIMAL

from jobdocs.errors import JobdocsError
from jobdocs.writing import checked, write_all, write_file


@pytest.fixture
def victim(tmp_path) -> Path:
    """A file outside the project that a planted link points at."""
    path = tmp_path / "victim.txt"
    path.write_text("precious\n")
    return path


@pytest.fixture
def minimal(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    return root


def test_the_output_lock_is_not_opened_through_a_link(jobdocs, minimal, victim):
    (minimal / "output").mkdir()
    (minimal / "output" / ".jobdocs.lock").symlink_to(victim)
    result = jobdocs(minimal, "build", "-f", "html")
    assert result.exit_code != 0
    assert "symbolic link" in result.output
    assert victim.read_text() == "precious\n"


def test_a_checked_in_output_link_is_refused(jobdocs, minimal, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (minimal / "output").symlink_to(elsewhere)
    result = jobdocs(minimal, "build", "-f", "html")
    assert result.exit_code != 0
    assert "output: is a symbolic link" in result.output
    assert list(elsewhere.iterdir()) == []
    # Named on the command line, the same folder is the user's choice.
    assert jobdocs(minimal, "build", "-f", "html", "-o", str(elsewhere)).exit_code == 0


def test_an_output_file_link_is_replaced_not_followed(jobdocs, minimal, victim):
    out = minimal / "output"
    out.mkdir()
    (out / "site").mkdir()
    (out / "site" / "robots.txt").symlink_to(victim)
    result = jobdocs(minimal, "build", "-f", "html")
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "precious\n"


def test_a_linked_site_folder_is_neither_emptied_nor_written(jobdocs, minimal, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("precious\n")
    (minimal / "output").mkdir()
    (minimal / "output" / "site").symlink_to(elsewhere)
    with (minimal / "jobdocs.toml").open("a") as settings:
        settings.write('\n[site]\nbase_url = "https://example.com/careers/"\n')
    result = jobdocs(minimal, "build", "-f", "site")
    assert result.exit_code != 0
    assert "site: is a symbolic link" in result.output
    assert [path.name for path in elsewhere.iterdir()] == ["precious.txt"]


def test_a_linked_schemas_folder_is_refused(jobdocs, minimal, tmp_path, victim):
    (minimal / "schemas").mkdir()
    (minimal / "schemas" / "role.schema.json").symlink_to(victim)
    result = jobdocs(minimal, "schema", "--write")
    assert result.exit_code != 0
    assert "role.schema.json: is a symbolic link" in result.output
    assert victim.read_text() == "precious\n"
    assert not (minimal / "schemas" / "settings.schema.json").exists()  # all or none


@pytest.mark.parametrize("command", [["new", "role", "tester"], ["init", "."]])
def test_init_and_new_do_not_write_through_a_dangling_link(
    jobdocs, minimal, tmp_path, monkeypatch, command
):
    target = tmp_path / "created-elsewhere"
    name = "content/roles/tester.toml" if command[0] == "new" else "jobdocs.toml"
    (minimal / name).unlink(missing_ok=True)
    (minimal / name).symlink_to(target)
    monkeypatch.chdir(minimal)  # init writes into the folder it is given, here "."
    result = jobdocs(minimal, *command)
    assert not target.exists()
    if command[0] == "new":
        assert result.exit_code != 0 and "already exists" in result.output
    else:
        assert result.exit_code == 0 and "jobdocs.toml" in result.output  # kept, not written
        assert jobdocs(minimal, "init", "--force", ".").exit_code != 0
        assert not target.exists()


def test_review_apply_writes_no_fixed_temporary_name(minimal, victim):
    role = next((minimal / "content" / "roles").glob("*.toml"))
    (role.parent / f".{role.name}.review").symlink_to(victim)
    write_all({role: role.read_text() + "\n"}, minimal)
    assert victim.read_text() == "precious\n"


def test_a_folder_link_on_the_way_is_refused(tmp_path, victim):
    root = tmp_path / "root"
    root.mkdir()
    (root / "sub").symlink_to(victim.parent)
    with pytest.raises(JobdocsError, match="sub: is a symbolic link"):
        write_file(root / "sub" / "victim.txt", "gone", root)
    with pytest.raises(JobdocsError, match="outside"):
        checked(tmp_path / "other.txt", root)
    assert victim.read_text() == "precious\n"


def test_write_all_writes_none_when_one_fails_and_keeps_modes(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    first = root / "a.toml"
    first.write_text("old")
    first.chmod(0o600)
    (root / "b").symlink_to(tmp_path)
    with pytest.raises(JobdocsError):
        write_all({first: "new", root / "b" / "c.toml": "x"}, root)
    assert first.read_text() == "old"
    write_all({first: "new"}, root)
    assert first.read_text() == "new"
    assert os.stat(first).st_mode & 0o777 == 0o600
    assert [p.name for p in root.iterdir() if p.name.endswith(".tmp")] == []
