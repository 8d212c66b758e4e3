"""Every finding points at the words in the TOML file: the exact line and column, for a
word in each kind of string the file may hold it in."""

from postings import at, findings, words_at

ROLE = '''\
title = "Data Engineer"
department = "Rockstar \\"Data\\" Team"
summary = """
Why the role exists.

- You will mentor a ninja or two
- and walk the \\
  guru through the code.
"""
responsibilities = [
  "Build pipelines.",
  "Coach the young engineers.",
]
other_compensation = 'A bonus for rockstars at C:\\work'
benefits = ["Holidays.", "Beer with the guys."]

[[sections]]
heading = "Hiring process"
body = \'\'\'
Interviews with a guru.\'\'\'
'''


def test_each_finding_points_at_its_words(tmp_path):
    found = findings(tmp_path, ROLE, rule="lint.exclusionary")
    assert [(p.key, at(p), words_at(tmp_path, p)) for p in found] == [
        # a basic string, after escaped quotes
        ("department", (2, 15, 23), "Rockstar"),
        # a Markdown list item inside a multi-line basic string
        ("summary", (6, 21, 26), "ninja"),
        # after a line-ending backslash, on the next line of the file
        ("summary", (8, 3, 7), "guru"),
        # an array item
        ("responsibilities[2]", (12, 14, 19), "young"),
        # a literal string
        ("other_compensation", (14, 35, 44), "rockstars"),
        # an array item on one line with others
        ("benefits[2]", (15, 41, 45), "guys"),
        # a multi-line literal string
        ("sections[1].body", (20, 19, 23), "guru"),
    ]


def test_a_finding_about_a_value_points_at_its_key(tmp_path):
    role = ROLE.replace("responsibilities = [", "qualifications.required = [" + '"a", ' * 9)
    (found,) = findings(tmp_path, role, rule="lint.realism.required-count")
    assert (found.key, at(found)) == ("qualifications.required", (10, 1, None))
