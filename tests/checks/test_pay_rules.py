"""The rules file: every rule with its source and dates, validated strictly."""

import tomllib
from datetime import date
from importlib.resources import files

import pytest

from jobdocs.checks.pay.rules import parse, rules
from jobdocs.errors import JobdocsError

RAW = tomllib.loads(files("jobdocs.checks.pay").joinpath("rules.toml").read_text("utf-8"))
GOOD = """
[[rules]]
id = "xx"
name = "Somewhere"
places = ["US-CO"]
law = "A law"
citation = "§ 1"
source = "https://example.com/law"
effective = 2025-01-01
threshold = 1
counted = "total"
remote = true
confidence = "confirmed"
[[rules.requires]]
element = "pay"
quote = "Postings state the pay."
source = "https://example.com/law#s1"
"""


@pytest.mark.parametrize("rule", RAW["rules"], ids=lambda rule: rule["id"])
def test_every_rule_has_a_source_and_an_effective_date(rule):
    assert rule["source"].startswith(("https://", "http://"))
    assert isinstance(rule["effective"], date)
    for source in rule.get("sources", []):
        assert source["url"].startswith(("https://", "http://")) and source["supports"]
    if rule["confidence"] != "confirmed" or not rule["remote"]:
        assert rule.get("note") or rule.get("remote_note"), "say what is not confirmed"


def test_the_shipped_rules_load():
    loaded = rules()
    assert [rule.id for rule in loaded] == [rule["id"] for rule in RAW["rules"]]
    assert parse(GOOD)[0].requires[0].element == "pay"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('source = "https://example.com/law"\n', ""), "rules[1].source: Field required"),
        (("effective = 2025-01-01", "effective = 2025"), "rules[1].effective"),
        (('places = ["US-CO"]', 'places = ["US-XX"]'), "rules[1].places[1]"),
        (('name = "Somewhere"', 'name = "Somewhere"\ncity = "Denver"\nplaces2 = 1'), "places2"),
        (('places = ["US-CO"]', 'places = ["US"]\ncity = "Denver"'), "exactly one subdivision"),
        (('element = "pay"', 'element = "pay"\nsince = 2024-01-01'), "since is before effective"),
        (('element = "pay"', 'element = "benefits"\nmax_spread = 5'), "are for 'pay'"),
        (('element = "pay"', 'element = "salary"'), "rules[1].requires[1].element"),
        (('source = "https://example.com/law"', 'source = "example.com"'), "rules[1].source"),
    ],
)
def test_a_bad_rule_is_a_clear_error(change, message):
    old, new = change
    assert old in GOOD
    with pytest.raises(JobdocsError, match=r"^rules\.toml: ") as raised:
        parse(GOOD.replace(old, new))
    assert message in str(raised.value)


def test_rule_ids_are_unique():
    with pytest.raises(JobdocsError, match="an id of its own"):
        parse(GOOD + GOOD)
