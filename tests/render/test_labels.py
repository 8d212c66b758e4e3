"""The label files of the theme: every language says every fixed word."""

import tomllib

import pytest
from conftest import REPO

LABELS = REPO / "templates/labels"
ENGLISH_ONLY = {"report"}
"""Tables only en.toml has: the pay-transparency report is in English, like its rules."""


def keys(table: dict, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found = set()
    for key, value in table.items():
        if isinstance(value, dict):
            found |= keys(value, (*prefix, key))
        else:
            found.add((*prefix, key))
    return found


def load(name: str) -> dict:
    return tomllib.loads((LABELS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name", sorted(p.name for p in LABELS.glob("*.toml") if p.name != "en.toml")
)
def test_every_label_file_has_the_keys_of_en_toml(name):
    english = {key for key in keys(load("en.toml")) if key[0] not in ENGLISH_ONLY}
    assert keys(load(name)) == english


def test_the_english_only_tables_exist():
    assert set(load("en.toml")) >= ENGLISH_ONLY
