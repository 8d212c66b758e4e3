"""Remote from anywhere: printed in the posting's language, a warning (not an error) that
Google asks for countries, and no fix that suggests a place the content does not name."""

import pytest
from conftest import build_files, minimal_with, pdf_text

from jobdocs import checks
from jobdocs.content import load_project
from jobdocs.errors import ContentError

ROLE = """title = "Développeuse"
language = "fr"
summary = "Tu travailles d'où tu veux."
employment_type = "FULL_TIME"

[work]
arrangement = "remote"

[remote]
anywhere = true

[posting]
date_posted = 2026-12-01
apply_url = "https://jobs.example.org/1"
"""


def project(tmp_path, role: str = ROLE):
    return minimal_with(tmp_path, role)


def test_anywhere_prints_in_the_language_and_warns_with_nothing_invented(tmp_path):
    root = project(tmp_path)
    files = build_files(root, ["pdf"], tmp_path / "out", ["clerk"])
    assert "T\u00e9l\u00e9travail depuis n\u2019importe o\u00f9" in pdf_text(files["clerk.pdf"])
    found = {p.rule: p for p in checks.run(load_project(root), checks.Context(formats=("site",)))}
    assert "publish.remote-eligible" not in found
    warning = found["publish.remote-anywhere"]
    assert warning.severity == "warning"
    for problem in found.values():  # no fix proposes a place, a date or a code of its own
        assert not any(code in (problem.fix or "") for code in ('"US"', '"FR"', "2027-"))


def test_anywhere_and_a_list_of_places_contradict(tmp_path):
    root = project(tmp_path, ROLE.replace("anywhere = true", 'anywhere = true\neligible = ["FR"]'))
    with pytest.raises(ContentError) as raised:
        load_project(root)
    assert "anywhere = true, and eligible names places: keep one of them" in str(raised.value)
