"""`[lint]` in jobdocs.toml and `# jobdocs: allow` comments: rules on and off, severities,
mistakes named with a did-you-mean, and suppressions that remove just what they name."""

from postings import findings, write

ROLE = '''\
title = "Data Engineer"
summary = """
A rockstar who leads and decides.
"""
responsibilities = [
  "Coach the young engineers.",
  "Be a ninja.",
]
'''


def rules_of(problems):
    return [(p.rule, p.severity, p.line) for p in problems]


def test_rules_off_by_family_and_other_severities(tmp_path):
    settings = '[lint.rules]\n"lint.gender" = false\n"lint.exclusionary.age" = "error"\n'
    found = findings(tmp_path, ROLE, settings)
    assert not [p for p in found if p.rule.startswith("lint.gender")]
    assert ("lint.exclusionary.age", "error", 6) in rules_of(found)
    assert ("lint.exclusionary.culture", "warning", 3) in rules_of(found)


def test_a_rule_switched_on_again_inside_a_family_switched_off(tmp_path):
    settings = '[lint.rules]\n"lint.exclusionary" = false\n"lint.exclusionary.culture" = true\n'
    found = findings(tmp_path, ROLE, settings, rule="lint.exclusionary")
    assert rules_of(found) == [
        ("lint.exclusionary.culture", "warning", 3),
        ("lint.exclusionary.culture", "warning", 7),
    ]


def test_an_unknown_rule_id_is_an_error_with_a_did_you_mean(tmp_path, jobdocs):
    settings = '[lint]\nallow = []\n\n[lint.rules]\n"lint.gendr.word" = false\n'
    (problem,) = findings(tmp_path, ROLE, settings, rule="lint.config")
    assert str(problem) == (
        f"{tmp_path}/jobdocs.toml:5:1: error lint.config: no rule 'lint.gendr.word'; "
        "did you mean 'lint.gender.word'? (fix: see `jobdocs lint --rules` for every rule id)"
    )
    result = jobdocs(tmp_path, "check")
    assert result.exit_code == 1
    assert "jobdocs.toml:5:1: error lint.config: no rule 'lint.gendr.word'" in result.stderr


def test_an_unknown_threshold_is_a_content_error_with_a_did_you_mean(tmp_path, jobdocs):
    write(tmp_path, {"posting": ROLE}, "[lint.thresholds]\nyear_max = 12\n")
    result = jobdocs(tmp_path, "lint")
    assert result.exit_code == 1
    assert (
        f"{tmp_path}/jobdocs.toml:2:1: lint.thresholds.year_max: unknown key; did you mean "
        "'years_max'?" in result.stderr
    )


def test_a_suppression_on_the_line_allows_that_rule_there_only(tmp_path):
    role = ROLE.replace(
        '"Be a ninja.",', '"Be a ninja.",  # jobdocs: allow lint.exclusionary.culture'
    )
    found = findings(tmp_path, role, rule="lint.exclusionary")
    assert rules_of(found) == [
        ("lint.exclusionary.culture", "warning", 3),
        ("lint.exclusionary.age", "warning", 6),
    ]


def test_a_suppression_on_a_multiline_value_covers_the_value(tmp_path):
    # A comment cannot stand inside a multi-line string: it goes on its closing line, or
    # on the line that opens an array.
    role = ROLE.replace(
        'leads and decides.\n"""', 'leads and decides.\n"""  # jobdocs: allow lint.exclusionary'
    )
    role = role.replace(
        "responsibilities = [", "responsibilities = [  # jobdocs: allow lint.exclusionary.age"
    )
    found = findings(tmp_path, role, rule="lint.exclusionary")
    assert rules_of(found) == [("lint.exclusionary.culture", "warning", 7)]


def test_a_suppression_naming_an_unknown_rule_is_an_error(tmp_path):
    role = ROLE.replace(
        '"Be a ninja.",', '"Be a ninja.",  # jobdocs: allow lint.exclusionary.cultur'
    )
    found = findings(tmp_path, role, rule="lint.config")
    assert [(p.line, p.column, p.message) for p in found] == [
        (7, 19, "no rule 'lint.exclusionary.cultur'; did you mean 'lint.exclusionary.culture'?")
    ]
    role = ROLE.replace('"Be a ninja.",', '"Be a ninja.",  # jobdocs: allow')
    (tmp_path / "b").mkdir()
    (problem,) = findings(tmp_path / "b", role, rule="lint.config")
    assert problem.message == "a suppression names no rule"


def test_check_runs_lint_unless_it_is_switched_off(tmp_path, jobdocs):
    write(tmp_path, {"posting": ROLE.replace("Be a ninja.", "TODO")})
    result = jobdocs(tmp_path, "check")
    assert result.exit_code == 1
    assert "error lint.unfinished.marker: 'TODO' marks unfinished text" in result.stderr
    (tmp_path / "jobdocs.toml").write_text("[lint]\nenabled = false\n", encoding="utf-8")
    assert jobdocs(tmp_path, "check").exit_code == 0
    assert jobdocs(tmp_path, "lint").exit_code == 1  # asked for by name, it still runs
