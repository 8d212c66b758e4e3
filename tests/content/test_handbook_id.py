"""The handbook's id comes from its title in any script: transliterated to Latin letters
by anyascii, never a silent "handbook" or words cut at every accent."""

import pytest
from conftest import edit

from jobdocs.content import load_project


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Tiers-lieu du numérique", "tiers-lieu-du-numerique"),
        ("Łódź Społeczność 2027", "lodz-spolecznosc-2027"),
        ("دليل الوظائف", "dlyl-lwdhi-f"),
        ("מדריך התפקידים", "mdrykh-htfkydym"),
        ("北京科技", "beijingkeji"),
        ("★ ☆", "handbook"),  # nothing to spell: the fallback
    ],
)
def test_the_handbook_id_is_its_title_in_latin_letters(project, title, expected):
    edit(
        project / "content/organization.toml",
        'title = "Technical Job Descriptions"',
        f'title = "{title}"',
    )
    assert load_project(project).organization.handbook_id == expected
