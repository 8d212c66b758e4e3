"""Codes are accepted only as their standard writes them, or refused with a did-you-mean
and the file, line and key (issue 18, class 3). Before, `region = "us-co"` was accepted and
kept as typed, so no Colorado pay rule matched it; `region = "US"` was a traceback."""

import shutil

import pytest
from conftest import MINIMAL

from jobdocs.content import load_project
from jobdocs.errors import ContentError


def project_with(tmp_path, extra: str):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    role = root / "content/roles/clerk.toml"
    role.write_text(role.read_text() + extra, encoding="utf-8")
    return root


def problem(tmp_path, extra: str) -> str:
    with pytest.raises(ContentError) as caught:
        load_project(project_with(tmp_path, extra))
    (found,) = caught.value.problems
    return str(found)


@pytest.mark.parametrize(
    ("extra", "key", "wanted"),
    [
        ('[[locations]]\ncity = "Denver"\nregion = "us-co"\n', "locations[1].region", "US-CO"),
        ('[[locations]]\ncity = "Denver"\ncountry = "us"\n', "locations[1].country", "US"),
        ('[remote]\neligible = ["US", "ca-on"]\n', "remote.eligible[2]", "CA-ON"),
        ('[[pay]]\ncurrency = "usd"\nminimum = 1\n', "pay[1].currency", "USD"),
        (
            '[[locations]]\nregion = "US-CO"\n[[pay]]\ncurrency = "USD"\nminimum = 1\n'
            'applies_to = ["us-co"]\n',
            "pay[1].applies_to[1]",
            "US-CO",
        ),
    ],
)
def test_a_code_in_the_wrong_case_is_refused_with_the_right_one(tmp_path, extra, key, wanted):
    found = problem(tmp_path, extra)
    assert "clerk.toml:" in found and key in found
    assert f"did you mean '{wanted}'?" in found


def test_a_country_given_as_a_region_is_a_located_error(tmp_path):
    found = problem(tmp_path, '[[locations]]\ncity = "Denver"\nregion = "US"\n')
    assert "clerk.toml:5:" in found and "locations[1].region" in found
    assert 'write country = "US"' in found


def test_a_language_tag_is_kept_in_the_registrys_case(tmp_path):
    root = project_with(tmp_path, "")
    role = root / "content/roles/clerk.toml"
    role.write_text('language = "EN-gb"\n' + role.read_text(), encoding="utf-8")
    assert load_project(root).roles["clerk"].language == "en-GB"
