"""One control-character rule for every string field, and addresses that cannot carry
more than an address (issue 18, "strings that reach XML"). Before, a URL or e-mail field
accepted control characters (Word export stopped midway, jobs.xml became invalid XML) and
`apply_email` accepted a query that became a mailto: link BCC-ing a third party."""

import shutil

import pytest
from conftest import MINIMAL

from jobdocs.content import load_project
from jobdocs.errors import ContentError


def problems(tmp_path, role: str = "", organization: str = "") -> list[str]:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    for name, extra in (
        ("content/roles/clerk.toml", role),
        ("content/organization.toml", organization),
    ):
        path = root / name
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_project(root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ('[posting]\napply_url = "https://example.org/a\\u000bb"\n', "posting.apply_url"),
        ('[posting]\napply_email = "jobs\\u0001@example.org"\n', "posting.apply_email"),
        ('source_url = "https://example.org/\\u001f"\n', "source_url"),
        ('responsibilities = ["Fine.", "Not\\u0007 fine."]\n', "responsibilities"),
        ('[[locations]]\ncity = "Den\\u0008ver"\n', "locations[1].city"),
        ('[[pay]]\ncurrency = "EUR"\nminimum = 1\nscale = "E\\u000c13"\n', "pay[1].scale"),
    ],
)
def test_a_control_character_in_any_string_is_a_located_error(tmp_path, extra, key):
    (found,) = problems(tmp_path, role=extra)
    assert "clerk.toml:" in found and f"{key}:" in found
    assert "control character" in found


@pytest.mark.parametrize(
    "address",
    [
        "jobs@example.org?bcc=someone@elsewhere.example",
        "jobs@example.org bcc",
        "jobs%3F@example.org",
    ],
)
def test_an_email_address_is_one_address(tmp_path, address):
    (found,) = problems(tmp_path, role=f'[posting]\napply_email = "{address}"\n')
    assert "posting.apply_email:" in found and "one e-mail address" in found


def test_the_organizations_fields_follow_the_same_rule(tmp_path):
    (found,) = problems(tmp_path, organization='apply_email = "hr@example.org?cc=x@y.example"\n')
    assert "organization.toml:" in found and "apply_email" in found


def test_a_web_address_has_no_spaces(tmp_path):
    (found,) = problems(tmp_path, role='[posting]\napply_url = "https://example.org/a b"\n')
    assert "posting.apply_url:" in found and "%20" in found
