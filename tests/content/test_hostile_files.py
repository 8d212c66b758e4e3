"""Content is read only from regular files inside the project, at most the size limit
(issue 18, class 5). Before, a link to /dev/zero exhausted memory, one to a FIFO hung, and
one to a TOML file outside the project was published."""

import os
import shutil
from pathlib import Path

import pytest
from conftest import MINIMAL

from jobdocs.content import load_project
from jobdocs.errors import ContentError


@pytest.fixture
def minimal(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    return root


def problems(root: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_project(root)
    return "\n".join(str(p) for p in caught.value.problems)


def test_a_link_to_a_device_is_a_located_error(minimal):
    (minimal / "content" / "roles" / "zero.toml").symlink_to("/dev/zero")
    found = problems(minimal)
    assert "zero.toml: is a link to a file outside the project" in found


def test_a_fifo_does_not_hang(minimal):
    os.mkfifo(minimal / "content" / "roles" / "pipe.toml")
    found = problems(minimal)
    assert "pipe.toml" in found and "not a regular file" in found


def test_a_file_outside_the_project_is_not_read(minimal, tmp_path):
    outside = tmp_path / "secret.toml"
    shutil.copy(next((minimal / "content" / "roles").glob("*.toml")), outside)
    (minimal / "content" / "roles" / "secret.toml").symlink_to(outside)
    found = problems(minimal)
    assert "secret.toml" in found and "outside the project" in found


def test_a_link_inside_the_project_is_read(minimal):
    role = next((minimal / "content" / "roles").glob("*.toml"))
    (minimal / "content" / "roles" / "again.toml").symlink_to(role.name)
    assert "again" in load_project(minimal).roles


def test_an_upper_case_suffix_is_reported_not_ignored(minimal):
    role = next((minimal / "content" / "roles").glob("*.toml"))
    shutil.copy(role, role.with_name("other.TOML"))
    assert "other.TOML" in problems(minimal)


def test_a_byte_order_mark_is_accepted(minimal):
    role = next((minimal / "content" / "roles").glob("*.toml"))
    role.write_bytes(b"\xef\xbb\xbf" + role.read_bytes())
    assert role.stem in load_project(minimal).roles


def test_an_id_too_long_for_a_file_name_is_a_located_error(minimal, jobdocs):
    role = next((minimal / "content" / "roles").glob("*.toml"))
    long_id = "-".join(["word"] * 40)  # 199 characters: its outputs' names would not fit
    shutil.copy(role, role.with_name(f"{long_id}.toml"))
    found = problems(minimal)
    assert f"{long_id}.toml" in found and "100 at most" in found
    result = jobdocs(minimal, "new", "role", long_id)
    assert result.exit_code != 0 and "100 at most" in result.output


@pytest.mark.parametrize(
    ("picture", "message"),
    [
        ("text", "is not a picture that can be read"),
        ("jpeg", "is a JPEG file, not PNG"),
        ("huge", "5000 by 10 pixels; 4096 a side at most"),
    ],
)
def test_a_logo_must_be_the_picture_its_name_says(minimal, picture, message):
    from PIL import Image

    logo = minimal / "brand" / "logo.png"
    logo.parent.mkdir()
    if picture == "text":
        logo.write_text("<svg>not a PNG</svg>")
    else:
        size = (5000, 10) if picture == "huge" else (10, 10)
        Image.new("RGB", size).save(logo, "JPEG" if picture == "jpeg" else "PNG")
    organization = minimal / "content" / "organization.toml"
    organization.write_text(organization.read_text() + 'logo = "brand/logo.png"\n')
    found = problems(minimal)
    assert "organization.toml" in found and "logo" in found and message in found
