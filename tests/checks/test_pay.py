"""Pay transparency, jurisdiction by jurisdiction: a posting that passes, one that fails for
each element the law requires, and the day before and the day the law takes effect."""

from datetime import date, timedelta

import pytest
from pay_helpers import by_rule, findings, line_of, posting, project

from jobdocs.checks.pay.rules import rules

PAY, BENEFITS, OTHER = "pay", "benefits", "other_compensation"
ALL3 = {PAY, BENEFITS, OTHER}
ONTARIO = {PAY, "pay_spread", "no_canadian_experience", "ai_disclosure", "vacancy_status"}
HOURLY_OR_YEARLY = {PAY, "pay_period"}

# Each jurisdiction: a place of work in it, its currency, the elements its law requires,
# and the day it takes effect. Written out here, not read from the rules file, so that a
# change to the file shows up as a failing test.
JURISDICTIONS = {
    "us-co": (("Denver", "US-CO"), "USD", ALL3 | {"deadline", "how_to_apply"}, "2021-01-01"),
    "us-ca": (("Los Angeles", "US-CA"), "USD", {PAY}, "2023-01-01"),
    "us-wa": (("Seattle", "US-WA"), "USD", ALL3, "2023-01-01"),
    "us-ny": (("Buffalo", "US-NY"), "USD", HOURLY_OR_YEARLY, "2023-09-17"),
    "us-nyc": (("New York", "US-NY"), "USD", {PAY}, "2022-11-01"),
    "us-hi": (("Honolulu", "US-HI"), "USD", {PAY}, "2024-01-01"),
    "us-dc": (("Washington", "US-DC"), "USD", {PAY}, "2024-06-30"),
    "us-md": (("Baltimore", "US-MD"), "USD", ALL3, "2024-10-01"),
    "us-il": (("Chicago", "US-IL"), "USD", ALL3, "2025-01-01"),
    "us-mn": (("Minneapolis", "US-MN"), "USD", ALL3 | {"pay_period"}, "2025-01-01"),
    "us-nj": (("Newark", "US-NJ"), "USD", ALL3, "2025-06-01"),
    "us-vt": (("Burlington", "US-VT"), "USD", HOURLY_OR_YEARLY, "2025-07-01"),
    "us-ma": (("Boston", "US-MA"), "USD", HOURLY_OR_YEARLY, "2025-10-29"),
    "us-de": (("Wilmington", "US-DE"), "USD", ALL3, "2027-09-26"),
    "us-jersey-city": (("Jersey City", "US-NJ"), "USD", {PAY, BENEFITS}, "2022-04-13"),
    "us-cleveland": (("Cleveland", "US-OH"), "USD", {PAY}, "2025-10-27"),
    "us-columbus": (("Columbus", "US-OH"), "USD", {PAY}, "2025-12-03"),
    "ca-bc": (("Vancouver", "CA-BC"), "CAD", {PAY}, "2023-11-01"),
    "ca-on": (("Toronto", "CA-ON"), "CAD", ONTARIO, "2026-01-01"),
    "ca-pe": (("Charlottetown", "CA-PE"), "CAD", {PAY}, "2022-06-01"),
    "eu": (("Berlin", "DE-BE"), "EUR", {PAY, "gender_neutral_title"}, "2026-06-07"),
}

# How to break each element, the rule id that catches it, and the line it points at.
BREAK = {
    "pay": ({"pay": "none"}, "range", "[posting]"),
    "benefits": ({"benefits": False}, "benefits", "[posting]"),
    "other_compensation": ({"other": False}, "other-compensation", "[posting]"),
    "deadline": ({"valid_through": None}, "deadline", "[posting]"),
    "how_to_apply": ({"apply": False}, "apply", "[posting]"),
    "pay_period": ({"period": "MONTH", "low": 5000, "high": 7000}, "period", "period ="),
    "pay_spread": ({"low": 60000, "high": 120000}, "spread", "[[pay]]"),
    "ai_disclosure": ({"ai_screening": None}, "ai-screening", "[posting]"),
    "vacancy_status": ({"existing_vacancy": None}, "existing-vacancy", "[posting]"),
    "gender_neutral_title": ({"title": "Salesman"}, "title", "title ="),
    "no_canadian_experience": (
        {"required": ["Canadian experience in sales."]},
        "canadian-experience",
        "qualifications.required",
    ),
}
RULES = {rule.id: rule for rule in rules()}


def make(tmp_path, rule_id: str, **options) -> str:
    (city, region), currency, _, _ = JURISDICTIONS[rule_id]
    project(
        tmp_path,
        posting(city, region, **{"currency": currency, **options}),
        by_region={region: 500},
    )
    return rule_id


def serious(problems):
    return [p for p in problems if p.severity != "note"]


def test_the_table_covers_every_rule_and_its_elements():
    assert set(JURISDICTIONS) == set(RULES)
    for rule_id, (_, _, elements, effective) in JURISDICTIONS.items():
        assert {r.element for r in RULES[rule_id].requires} == elements, rule_id
        assert str(RULES[rule_id].effective) == effective, rule_id


@pytest.mark.parametrize("rule_id", sorted(JURISDICTIONS))
def test_a_posting_that_states_everything_passes(tmp_path, rule_id):
    make(tmp_path, rule_id)
    found = by_rule(findings(tmp_path, JURISDICTIONS[rule_id][3]), rule_id)
    assert found == []


CASES = [
    (rule_id, element)
    for rule_id, (_, _, elements, _) in sorted(JURISDICTIONS.items())
    for element in sorted(elements)
]


@pytest.mark.parametrize(("rule_id", "element"), CASES)
def test_a_posting_without_an_element_fails_where_it_is_required(tmp_path, rule_id, element):
    options, suffix, needle = BREAK[element]
    make(tmp_path, rule_id, **options)
    rule = RULES[rule_id]
    requirement = next(r for r in rule.requires if r.element == element)
    found = serious(by_rule(findings(tmp_path, str(rule.starts(requirement))), rule_id))
    assert [(p.rule, p.severity, p.line) for p in found] == [
        (f"pay.{rule_id}.{suffix}", rule.severity_of(requirement), line_of(tmp_path, needle))
    ]
    (problem,) = found
    assert rule.name in problem.message and rule.citation in problem.message
    assert problem.fix


@pytest.mark.parametrize("rule_id", sorted(JURISDICTIONS))
def test_the_day_before_a_law_takes_effect_is_a_note(tmp_path, rule_id):
    make(tmp_path, rule_id, pay="none")
    effective = date.fromisoformat(JURISDICTIONS[rule_id][3])
    before = by_rule(findings(tmp_path, str(effective - timedelta(days=1))), f"{rule_id}.range")
    assert [(p.severity, f"from {effective}," in p.message) for p in before] == [("note", True)]
    on_the_day = by_rule(findings(tmp_path, str(effective)), f"{rule_id}.range")
    pay = next(r for r in RULES[rule_id].requires if r.element == "pay")
    assert [p.severity for p in on_the_day] == [RULES[rule_id].severity_of(pay)]


def test_colorado_asks_for_a_closing_date_from_2024(tmp_path):
    make(tmp_path, "us-co", valid_through=None)
    assert [p.severity for p in by_rule(findings(tmp_path, "2023-12-31"), "us-co")] == ["note"]
    assert [p.severity for p in by_rule(findings(tmp_path, "2024-01-01"), "us-co")] == ["error"]


def test_a_remote_us_posting_hits_every_us_rule_in_force(tmp_path):
    project(tmp_path, posting(None, None, remote=["US"], pay="none"), by_region=None)
    found = findings(tmp_path, "2026-06-01")
    errors = {p.rule for p in found if p.severity == "error"}
    assert errors == {
        f"pay.{rule_id}.range"
        for rule_id in (
            "us-co", "us-ca", "us-wa", "us-ny", "us-nyc", "us-hi", "us-dc", "us-md", "us-il",
            "us-mn", "us-nj", "us-ma", "us-jersey-city", "us-columbus",
        )
    }  # fmt: skip
    # Cleveland's ordinance was not read: a warning.
    assert [p.severity for p in by_rule(found, "us-cleveland")] == ["warning"]
    # Delaware is not in force yet; Vermont covers remote work only for a Vermont office.
    assert [p.severity for p in by_rule(found, "us-de")] == ["note"]
    assert by_rule(found, "us-vt") == []
    # Nothing outside the US; one note for the headcounts not given per state and city.
    assert {p.rule.split(".")[1][:2] for p in found} == {"us", "he"}
    (note,) = by_rule(found, "headcount")
    assert "Colorado" in note.message and "Cleveland" in note.message


def test_an_ontario_spread_over_cad_50000_fails_from_2026(tmp_path):
    project(tmp_path, posting("Toronto", "CA-ON", "CAD", low=60000, high=120000))
    assert serious(findings(tmp_path, "2025-12-31")) == []
    (spread,) = serious(findings(tmp_path, "2026-01-01"))
    assert (spread.rule, spread.line) == ("pay.ca-on.spread", line_of(tmp_path, "[[pay]]"))
    assert "60,000" in spread.message and "50,000" in spread.message


@pytest.mark.parametrize(
    ("options", "rules_found"),
    [
        ({"low": 70000, "high": 120000}, set()),  # 50,000 exactly
        ({"low": 190000, "high": 260000}, set()),  # no duty above CAD 200,000 a year
        ({"pay": "from", "low": 210000}, set()),
        ({"pay": "none"}, {"pay.ca-on.range"}),
        ({"low": 25, "high": 55, "period": "HOUR"}, {"pay.ca-on.spread"}),  # 62,400 a year
        ({"low": 25, "high": 55, "period": "HOUR", "hours": 30}, set()),  # 46,800 a year
        ({"currency": "USD"}, set()),  # no law asks for a currency
    ],
)
def test_ontario_pay(tmp_path, options, rules_found):
    project(tmp_path, posting("Toronto", "CA-ON", **{"currency": "CAD", **options}))
    assert {p.rule for p in serious(findings(tmp_path, "2026-01-01"))} == rules_found


def test_a_delaware_posting_fails_only_from_2027_09_26(tmp_path):
    make(tmp_path, "us-de", benefits=False)
    assert serious(findings(tmp_path, "2027-09-25")) == []
    assert [p.rule for p in serious(findings(tmp_path, "2027-09-26"))] == ["pay.us-de.benefits"]


@pytest.mark.parametrize(("headcount", "covered"), [(10, False), (14, False), (15, True)])
def test_washington_covers_employers_of_15_or_more(tmp_path, headcount, covered):
    project(tmp_path, posting("Seattle", "US-WA", other=False), headcount=headcount)
    found = by_rule(findings(tmp_path, "2026-01-01"), "us-wa")
    assert [p.rule for p in found] == (["pay.us-wa.other-compensation"] if covered else [])


@pytest.mark.parametrize(
    ("by_region", "covered", "assumed"),
    [
        ({"US-MN": 29}, False, False),
        ({"US-MN": 30}, True, False),
        ({"US-CO": 40}, False, False),  # a table of US states without Minnesota: none there
        ({"US": 25}, False, False),  # the country's headcount is an upper bound
        ({"US": 40}, True, True),
        (None, True, True),
    ],
)
def test_minnesota_counts_employees_in_minnesota(tmp_path, by_region, covered, assumed):
    project(tmp_path, posting("Minneapolis", "US-MN", benefits=False), by_region=by_region)
    found = findings(tmp_path, "2026-01-01")
    assert bool(by_rule(found, "us-mn.benefits")) == covered
    assert bool(by_rule(found, "headcount")) == assumed


def test_the_missing_headcount_is_said_once(tmp_path):
    roles = [
        posting("Denver", "US-CO"),
        posting("Minneapolis", "US-MN"),
        posting(None, None, remote=["US"]),
    ]
    project(tmp_path, *roles, headcount=None)
    found = findings(tmp_path, "2026-01-01")
    (note,) = by_rule(found, "headcount")
    assert (note.severity, note.path.name, note.line) == ("note", "organization.toml", 1)
    assert "California" in note.message and "Minnesota" in note.message
    assert serious(found) == []


def test_a_posting_dated_later_is_checked_as_of_its_date(tmp_path):
    make(tmp_path, "us-de", pay="none", date_posted="2027-10-01")
    assert [p.severity for p in by_rule(findings(tmp_path, "2026-01-01"), "us-de")] == ["error"]


def test_a_posting_that_closed_is_checked_as_of_its_last_day(tmp_path):
    make(tmp_path, "us-de", pay="none", valid_through="2027-09-01")
    assert by_rule(findings(tmp_path, "2028-01-01"), "us-de") == []  # closed before the law


@pytest.mark.parametrize("status", ["draft", "closed"])
def test_drafts_and_closed_postings_are_not_checked(tmp_path, status):
    make(tmp_path, "us-co", pay="none", status=status)
    assert findings(tmp_path, "2026-01-01") == []


def test_a_role_without_posting_is_not_checked(tmp_path):
    text = posting("Denver", "US-CO", pay="none").split("[posting]")[0]
    project(tmp_path, text)
    assert findings(tmp_path, "2026-01-01") == []


@pytest.mark.parametrize(
    ("options", "found"),
    [
        ({"pay": "from"}, ["pay.us-co.range"]),
        ({"pay": "up_to"}, ["pay.us-co.range"]),
        ({"pay": "amount"}, []),
        ({"pay": "scale"}, ["pay.us-co.range"]),
        ({"currency": "EUR"}, []),
        ({"period": None}, ["pay.us-co.period"]),
    ],
)
def test_pay_that_does_not_fit(tmp_path, options, found):
    make(tmp_path, "us-co", **options)
    assert [p.rule for p in serious(findings(tmp_path, "2026-01-01"))] == found


def test_massachusetts_asks_for_an_hourly_or_yearly_range(tmp_path):
    make(tmp_path, "us-ma", period="MONTH", low=5000, high=7000)
    (problem,) = serious(findings(tmp_path, "2026-01-01"))
    assert (problem.rule, problem.line) == ("pay.us-ma.period", line_of(tmp_path, "period ="))


def test_pay_applies_where_applies_to_says(tmp_path):
    text = posting(None, None, remote=["US", "CA-BC", "CA-ON"])
    text += '[[pay]]\ncurrency = "CAD"\nminimum = 80000\nmaximum = 100000\nperiod = "YEAR"\n'
    text += 'applies_to = ["CA-BC"]\n'
    text = text.replace(
        'period = "YEAR"\n[posting]', 'period = "YEAR"\napplies_to = ["US"]\n[posting]'
    )
    project(tmp_path, text)
    found = serious(findings(tmp_path, "2026-01-01"))
    # British Columbia has its range; Ontario has none (the other applies to the US).
    (problem,) = found
    assert (problem.rule, problem.line) == ("pay.ca-on.range", line_of(tmp_path, "applies_to"))
    assert "no [[pay]] entry applies to Ontario" in problem.message


def test_eu_postings_are_warned_to_check_national_law(tmp_path):
    make(tmp_path, "eu", pay="none", title="Chairman")
    found = findings(tmp_path, "2026-06-07")
    assert {(p.rule, p.severity) for p in found} == {
        ("pay.eu.range", "warning"),
        ("pay.eu.title", "warning"),
    }
    assert all("EU (Germany)" in p.message and "check national law" in p.message for p in found)


@pytest.mark.parametrize(
    ("title", "language", "severity"),
    [
        ("Softwareentwickler", "de", "warning"),
        ("Softwareentwickler (m/w/d)", "de", None),
        ("Jurist*in Datenschutz", "de", None),
        ("Leitung Datenschutz", "de", None),
        ("Human Resources Manager", "en", None),
        ("Foreman", "en", "warning"),
        ("Développeur", "fr", "note"),  # no word list for French yet: a person checks
    ],
)
def test_gender_neutral_titles_in_the_eu(tmp_path, title, language, severity):
    make(tmp_path, "eu", title=title, language=language)
    found = by_rule(findings(tmp_path, "2026-06-07"), "eu.title")
    assert [p.severity for p in found] == ([severity] if severity else [])


def test_a_pay_scale_meets_the_eu_rule(tmp_path):
    make(tmp_path, "eu", pay="scale")
    assert findings(tmp_path, "2026-06-07") == []


def test_columbus_says_when_enforcement_starts(tmp_path):
    make(tmp_path, "us-columbus", pay="none")
    (problem,) = by_rule(findings(tmp_path, "2026-01-01"), "us-columbus")
    assert "(enforced from 2027-01-01)" in problem.message
    (problem,) = by_rule(findings(tmp_path, "2027-01-01"), "us-columbus")
    assert "enforced" not in problem.message
