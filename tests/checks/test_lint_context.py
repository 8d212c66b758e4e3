"""Posting-language rules that know their context (issue 19): essential functions, the
organization's shared texts, leaning postings only, "None" as an answer, and a rule
renamed without breaking anyone's settings."""

import shutil
from pathlib import Path

from postings import findings, write

from jobdocs.checks.lint.engine import lint
from jobdocs.content import load_project

REPO = Path(__file__).resolve().parents[2]
CUSTODIAN = """title = "Custodian"
summary = "Keeps the library clean and safe."
responsibilities = ["Clean the reading rooms.", "{duty}"]

[[qualifications.groups]]
heading = "Physical requirements"
essential = {essential}
required = ["Must be able to lift 50 pounds."]
"""


def custodian(duty: str = "Empty the bins.", essential: str = "true") -> str:
    return CUSTODIAN.format(duty=duty, essential=essential)


def test_an_essential_physical_requirement_gets_no_disability_finding(tmp_path):
    """The EEOC: a job description written before advertising is evidence of the essential
    functions; stating them belongs in the posting."""
    assert findings(tmp_path, custodian(), rule="lint.exclusionary") == []


def test_the_same_phrase_elsewhere_is_a_note_without_unit_conversions(tmp_path):
    found = findings(
        tmp_path, custodian("Must be able to lift 50 pounds.", "false"), rule="lint.exclusionary"
    )
    assert [(p.rule, p.severity) for p in found] == [("lint.exclusionary.disability", "note")] * 2
    assert all("with or without reasonable accommodation" in p.fix for p in found)
    assert not any(" kg" in p.fix or "pounds" in p.fix for p in found)


def test_the_organizations_texts_count_toward_no_postings_balance(tmp_path):
    role = 'title = "Clerk"\nsummary = "Keeps the records."\n[posting]\n'
    write(tmp_path, {"clerk": role})
    boilerplate = 'equal_opportunity = "We are a driven, competitive, ambitious employer."\n'
    with (tmp_path / "content/organization.toml").open("a", encoding="utf-8") as file:
        file.write(boilerplate)
    found = [p for p in lint(load_project(tmp_path)) if p.rule.startswith("lint.gender")]
    assert found == []


def test_a_neutral_posting_gets_no_balance_note(tmp_path):
    text = 'title = "Clerk"\nsummary = "You lead and support the team."\n'
    assert findings(tmp_path, text, rule="lint.gender") == []


def test_how_far_a_posting_leans_before_it_is_said_is_a_setting(tmp_path):
    text = 'title = "Clerk"\nsummary = "You support a warm team."\n'  # 0 masculine, 2 feminine
    assert [p.rule for p in findings(tmp_path / "a", text, rule="lint.gender")] == [
        "lint.gender.balance"
    ]
    settings = "[lint.thresholds]\ngender_lean = 3\n"
    assert findings(tmp_path / "b", text, settings, rule="lint.gender") == []


def test_the_starter_content_prints_no_balance_note_for_a_neutral_role(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    found = lint(load_project(tmp_path))
    balanced = [p for p in found if p.rule == "lint.gender.balance"]
    assert all("leans" in p.message for p in balanced)
    assert not [p for p in found if "(neutral)" in p.message]


def test_none_is_an_answer_for_other_compensation(tmp_path):
    text = 'title = "Clerk"\nsummary = "Keeps the records."\nother_compensation = "None"\n'
    assert findings(tmp_path, text, rule="lint.unfinished") == []
    text = text.replace("other_compensation", 'benefits = ["None"]\nwork.note')
    assert [p.rule for p in findings(tmp_path / "b", text, rule="lint.unfinished")] == [
        "lint.unfinished.placeholder"
    ] * 2


def test_the_old_rule_id_still_works_with_a_hint(tmp_path):
    text = custodian("Must be able to lift 50 pounds.", "false")
    settings = '[lint.rules]\n"lint.exclusionary.ableist" = false\n'
    found = findings(tmp_path, text, settings, rule="lint.")
    found = [p for p in found if p.rule != "lint.clarity.length"]
    assert [(p.rule, p.severity, p.message) for p in found] == [
        (
            "lint.config",
            "note",
            "'lint.exclusionary.ableist' is now 'lint.exclusionary.disability'",
        )
    ]
    allowed = text.replace(
        '"Must be able to lift 50 pounds."]',
        '"Must be able to lift 50 pounds."]  # jobdocs: allow lint.exclusionary.ableist',
        1,
    )
    found = findings(tmp_path / "b", allowed, rule="lint.")
    found = [p for p in found if p.rule != "lint.clarity.length"]
    assert [(p.rule, p.severity, p.line) for p in found] == [
        ("lint.config", "note", 3),  # the responsibility is allowed; the group is not
        ("lint.exclusionary.disability", "note", 8),
    ]


def test_the_full_fixtures_essential_section_gets_no_disability_finding():
    """The care assistant's "Physical requirements" section is marked essential; without
    the mark, its "able to lift" would be a note."""
    found = lint(load_project(REPO / "tests/fixtures/postings"))
    care = [p for p in found if p.path.name == "care-assistant.toml"]
    assert care and not [p for p in care if p.rule == "lint.exclusionary.disability"]
