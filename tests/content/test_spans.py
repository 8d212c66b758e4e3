"""The TOML scanner behind every `path:line:col` in an error and every word a finding
points at."""

from jobdocs.content.spans import scan

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
    layout = scan(TEXT)
    assert layout.locate(("title",)) == (1, 1)
    assert layout.locate(("responsibilities", 0)) == (7, 3)
    assert layout.locate(("responsibilities", 1)) == (8, 3)
    assert layout.locate(("qualifications",)) == (10, 1)
    assert layout.locate(("qualifications", "required")) == (10, 1)
    assert layout.locate(("rows", 0, "aspect")) == (13, 1)
    assert layout.locate(("rows", 1, "aspect")) == (15, 3)
    assert layout.locate(("growth", "departments", 1)) == (20, 1)
    assert layout.locate(("growth", "departments", 1, "quoted key")) == (21, 1)


def test_multiline_strings_are_not_read_as_keys():
    layout = scan(TEXT)
    assert ("fake",) not in layout.keys
    assert layout.locate(("not", "a", "table")) is None


def test_locate_falls_back_to_the_nearest_ancestor():
    layout = scan(TEXT)
    assert layout.locate(("rows", 1, "cells", 3)) == (14, 1)
    assert layout.locate(("nowhere",)) is None


# Words inside string values: what `jobdocs lint` points at.
VALUES = '''\
title = "A \\"quoted\\" caf\\u00e9 ninja"
lit = 'C:\\ninja\\path'
summary = """
First paragraph.

- a list item with a ninja in it
  continued \\
    after a line-ending backslash: ninja
"""
raw = \'\'\'
keep \\n as typed: ninja\'\'\'
items = [
  "first",
  'second ninja',  # jobdocs: allow lint.exclusionary.culture
]
inline = ["x", "y ninja"]
[[rows]]
cells = [{ label = "in a table: ninja" }]
'''


def where(text: str, path, word: str, nth: int = 0):
    from jobdocs.content.spans import scan

    layout = scan(text)
    value = layout.strings[path].value
    start = -1
    for _ in range(nth + 1):
        start = value.index(word, start + 1)
    return layout.words(path, value, start, start + len(word))


def test_words_in_basic_strings_after_escapes():
    # `\"` and `\u00e9` are two and six characters in the file, one in the value.
    assert where(VALUES, ("title",), "ninja") == (1, 33, 38)


def test_words_in_literal_strings():
    assert where(VALUES, ("lit",), "ninja") == (2, 11, 16)
    assert where(VALUES, ("raw",), "ninja") == (11, 19, 24)


def test_words_in_a_multiline_basic_string_and_its_list_items():
    assert where(VALUES, ("summary",), "First") == (4, 1, 6)
    assert where(VALUES, ("summary",), "ninja") == (6, 22, 27)
    # after a line-ending backslash the value goes on on the next line of the file
    assert where(VALUES, ("summary",), "after") == (8, 5, 10)
    assert where(VALUES, ("summary",), "ninja", 1) == (8, 36, 41)


def test_words_in_array_items_and_inline_tables():
    assert where(VALUES, ("items", 1), "ninja") == (14, 11, 16)
    assert where(VALUES, ("inline", 1), "ninja") == (16, 19, 24)
    assert where(VALUES, ("rows", 0, "cells", 0, "label"), "ninja") == (18, 33, 38)


def test_value_lines_and_comments():
    from jobdocs.content.spans import scan

    layout = scan(VALUES)
    assert layout.lines(("summary",)) == (3, 9)
    assert layout.lines(("items",)) == (12, 15)
    assert layout.lines(("items", 1)) == (14, 14)
    assert layout.lines(("rows", 0)) == (17, 17)
    assert layout.lines(("nowhere",)) == ()
    assert layout.comments == {14: (20, " jobdocs: allow lint.exclusionary.culture")}


def test_a_word_spanning_lines_has_no_end_column():
    from jobdocs.content.spans import scan

    layout = scan(VALUES)
    value = layout.strings[("summary",)].value
    start = value.index("in it") + 3
    assert layout.words(("summary",), value, start, value.index("continued") + 4) == (6, 31, None)


def test_every_character_of_every_string_is_found(tmp_path):
    """On the starter content and on files written by tomli_w, each character of each
    string value stands where the scanner says (or is an escape starting there)."""
    import tomllib

    import tomli_w
    from conftest import REPO

    from jobdocs.content.spans import scan

    data = {"a": 'tab\there "q" \\ é \U0001f600', "b": ["x\ny", {"c": "d'e"}], "e": "two\nlines"}
    texts = [p.read_text(encoding="utf-8") for p in (REPO / "content").rglob("*.toml")]
    texts += [tomli_w.dumps(data), tomli_w.dumps(data, multiline_strings=True)]
    for text in texts:
        layout = scan(text)
        for path, value in strings(tomllib.loads(text)):
            span = layout.strings[path]
            assert span.value == value
            for index, char in enumerate(value):
                assert text[span.offset(index)] in (char, "\\"), (path, index)


def strings(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data
