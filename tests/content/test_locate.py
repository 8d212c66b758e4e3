"""The TOML position scanner behind every `path:line:col` in an error."""

from jobdocs.content.locate import key_positions, locate

TEXT = '''\
title = "x"
summary = """
fake = "inside a string"
[not.a.table]
"""
responsibilities = [
  "one [with brackets]",  # and a comment ]
  'two',
]
qualifications.required = ["a"]

[[rows]]
aspect = "A"
[[rows]]
  aspect = "B"

[growth]
[[growth.departments]]
name = "E"
[[growth.departments]]
"quoted key" = "D"
'''


def test_positions_of_keys_tables_and_items():
    positions = key_positions(TEXT)
    assert positions[("title",)] == (1, 1)
    assert positions[("responsibilities", 0)] == (7, 3)
    assert positions[("responsibilities", 1)] == (8, 3)
    assert positions[("qualifications",)] == (10, 1)
    assert positions[("qualifications", "required")] == (10, 1)
    assert positions[("rows", 0, "aspect")] == (13, 1)
    assert positions[("rows", 1, "aspect")] == (15, 3)
    assert positions[("growth", "departments", 1)] == (20, 1)
    assert positions[("growth", "departments", 1, "quoted key")] == (21, 1)


def test_multiline_strings_are_not_read_as_keys():
    positions = key_positions(TEXT)
    assert ("fake",) not in positions
    assert ("not", "a", "table") not in positions


def test_locate_falls_back_to_the_nearest_ancestor():
    positions = key_positions(TEXT)
    assert locate(positions, ("rows", 1, "cells", 3)) == (14, 1)
    assert locate(positions, ("nowhere",)) is None
