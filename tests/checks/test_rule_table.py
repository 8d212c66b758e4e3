"""The one rule table: every family's rules with their ids, severities, descriptions and
sources, as `check --rules`, `lint --rules` and SARIF print them."""

import json

import jsonschema
from conftest import FULL
from test_printing import SARIF_SCHEMA

from jobdocs.checks import RULES, describe, rule_table


def test_every_family_has_rows_named_after_it():
    table = rule_table()
    for family in RULES:
        assert any(rule_id.startswith(f"{family}.") for rule_id in table), family
    assert all(rule_id == "content" or rule_id.split(".")[0] in RULES for rule_id in table), (
        "a rule id that does not start with its family's name"
    )
    assert {rule.severity for rule in table.values()} <= {"error", "warning", "note"}


def test_publishing_rules_cite_googles_page():
    table = rule_table()
    google = "https://developers.google.com/search/docs/appearance/structured-data/job-posting"
    assert table["publish.date-posted"].source == google
    assert table["publish.date-posted"].severity == "error"
    assert table["publish.valid-through"].severity == "warning"


def test_a_pay_finding_is_described_by_its_law():
    table = rule_table()
    row = describe("pay.us-co.range", table)
    assert row is not None and row.id == "pay.us-co"
    assert row.source.startswith("https://")
    assert describe("nothing.like.this", table) is None


def test_check_and_lint_list_the_rules(jobdocs):
    listed = jobdocs(None, "check", "--rules").output.splitlines()
    ids = [line.split()[0] for line in listed]
    assert ids == list(rule_table())
    lint = jobdocs(None, "lint", "--rules").output.splitlines()
    assert [line.split()[0] for line in lint] == [i for i in ids if i.startswith("lint.")]


def test_sarif_describes_each_rule_it_reports(jobdocs):
    result = jobdocs(FULL, "check", "--output-format", "sarif", "--as-of", "2026-11-29")
    log = json.loads(result.output)
    jsonschema.validate(log, SARIF_SCHEMA)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules, "the full project has findings"
    for rule in rules:
        assert rule["shortDescription"]["text"], rule["id"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    pay = [r for r in rules if r["id"].startswith("pay.")]
    assert pay and all(r["helpUri"].startswith("https://") for r in pay)
