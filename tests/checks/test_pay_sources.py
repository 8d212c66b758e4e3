"""Pay-transparency checks say only what their sources say (issue 19). Real postings that
a new user wrote met errors no law contains; each case below names the words it rests on.
"""

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import build_files
from pay_helpers import by_rule, findings, line_of, posting, project

from jobdocs.checks.pay import evaluate
from jobdocs.checks.pay.rules import parse, rules
from jobdocs.content import load_project
from jobdocs.errors import JobdocsError
from jobdocs.session import Session


def serious(problems):
    return [p for p in problems if p.severity != "note"]


def test_every_requirement_that_can_fail_a_build_quotes_its_source():
    for rule in rules():
        for requirement in rule.requires:
            if rule.severity_of(requirement) == "error":
                assert requirement.quote and requirement.source, (rule.id, requirement.element)


UNQUOTED = (
    '[[rules]]\nid = "x"\nname = "X"\nplaces = ["US-CO"]\nlaw = "L"\ncitation = "C"\n'
    'source = "https://example.org/"\neffective = 2020-01-01\nthreshold = 1\n'
    'counted = "total"\nremote = true\nconfidence = "confirmed"\n'
    '[[rules.requires]]\nelement = "pay"\n'
)


def test_a_rules_file_with_an_unquoted_error_is_refused():
    with pytest.raises(JobdocsError, match="pay: an error-level requirement needs the quote"):
        parse(UNQUOTED)
    parse(UNQUOTED.replace('element = "pay"\n', 'element = "pay"\nseverity = "warning"\n'))


def test_a_remote_us_and_canada_posting_paid_in_usd_passes(tmp_path):
    """B.C. Pay Transparency Act s. 2(1) asks for "the expected salary or wage, or the
    expected salary or wage range"; nothing about its currency."""
    project(tmp_path, posting(None, None, remote=["US", "CA"]))
    assert serious(findings(tmp_path, "2026-06-01")) == []


def test_colorado_accepts_a_posting_open_until_filled(tmp_path):
    """7 CCR 1103-18, Rule 11.1.3(A): a posting taking applications on an ongoing basis
    must say so, and need not give a deadline."""
    project(tmp_path, posting(valid_through=None, rolling=True))
    assert by_rule(findings(tmp_path, "2026-06-01"), "us-co") == []


def test_colorado_asks_for_a_deadline_or_rolling(tmp_path):
    project(tmp_path, posting(valid_through=None))
    (problem,) = by_rule(findings(tmp_path, "2026-06-01"), "us-co")
    assert (problem.rule, problem.severity) == ("pay.us-co.deadline", "error")
    assert "rolling = true" in problem.fix


def test_a_deadline_rule_without_rolling_ok_asks_for_the_date(tmp_path):
    project(tmp_path, posting(valid_through=None, rolling=True))
    strict = parse(
        UNQUOTED.replace('element = "pay"\n', 'element = "deadline"\nseverity = "warning"\n')
    )
    (report,) = evaluate(load_project(tmp_path), date(2026, 6, 1), strict)
    (result,) = report.rows[0].checks[0].results
    assert (result.met, result.loc) == (False, ("posting", "rolling"))


def test_colorado_without_other_compensation_is_a_warning_that_passes(tmp_path):
    """Rule 11.1.1(B) asks for other compensation "being offered": only the employer
    knows whether there is any."""
    project(tmp_path, posting(other=False))
    (problem,) = by_rule(findings(tmp_path, "2026-06-01"), "us-co")
    assert (problem.rule, problem.severity) == ("pay.us-co.other-compensation", "warning")
    assert '"None"' not in problem.fix and "if bonuses" in problem.fix


@pytest.mark.parametrize(
    ("options", "rule"),
    [({"pay": "none"}, "pay.us-co.range"), ({"apply": False}, "pay.us-co.apply")],
)
def test_colorado_without_pay_or_a_way_to_apply_fails(tmp_path, options, rule):
    project(tmp_path, posting(**options))
    (problem,) = serious(by_rule(findings(tmp_path, "2026-06-01"), "us-co"))
    assert (problem.rule, problem.severity) == (rule, "error")
    assert "7 CCR 1103-18" in problem.message


@pytest.mark.parametrize(
    ("options", "rules_found"),
    [
        ({}, set()),
        ({"ai_screening": None}, {"pay.ca-on.ai-screening"}),
        ({"existing_vacancy": None}, {"pay.ca-on.existing-vacancy"}),
        ({"ai_screening": '"We use a ranking tool."'}, set()),
    ],
)
def test_ontario_asks_about_ai_screening_and_the_vacancy(tmp_path, options, rules_found):
    """O. Reg. 476/24 (in force 2026-01-01): a statement whether AI is used to screen,
    assess or select applicants, and whether the posting is for an existing vacancy."""
    project(tmp_path, posting("Toronto", "CA-ON", "CAD", **options))
    found = serious(findings(tmp_path, "2026-02-01"))
    assert {p.rule for p in found} == rules_found
    assert all(p.severity == "error" and p.line == line_of(tmp_path, "[posting]") for p in found)


def json_ld(page: Path) -> list[dict]:
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S
    )
    return [json.loads(text) for text in found]


def test_the_docs_list_every_requirement_with_its_words():
    docs = (Path(__file__).resolve().parents[2] / "docs/checks.md").read_text(encoding="utf-8")
    for rule in rules():
        for requirement in rule.requires:
            assert f"`pay.{rule.id}` ({rule.name}) | {rule.severity_of(requirement)} |" in docs
            if requirement.quote:
                assert f"“{requirement.quote}” ([source]({requirement.source}))" in docs


def test_a_rolling_posting_prints_open_until_filled_and_gives_no_closing_date(tmp_path, jobdocs):
    root = project(tmp_path / "p", posting(valid_through=None, rolling=True))
    (root / "jobdocs.toml").write_text('[site]\nbase_url = "https://example.com/"\n')
    out = tmp_path / "out"
    result = jobdocs(root, "build", "-f", "html", "-f", "site", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = (out / "job-1.html").read_text(encoding="utf-8")
    assert "<th" in page and "Open until filled" in page
    (ld,) = json_ld(out / "site/job-1/index.html")
    assert "validThrough" not in ld and ld["title"] == "Data Analyst"


def test_a_closing_date_given_later_in_one_session_reads_as_a_fresh_build(tmp_path):
    """A long `watch` keeps renderers and lint findings: setting a closing date on a
    rolling posting must show at once, and the same as a fresh process builds it."""
    root = project(tmp_path / "p", posting(valid_through=None, rolling=True))
    (root / "jobdocs.toml").write_text('[site]\nbase_url = "https://example.com/"\n')
    session, out = Session(), tmp_path / "out"
    build_files(root, ["html", "site"], out, session=session)
    role = root / "content/roles/job-1.toml"
    role.write_text(role.read_text().replace("rolling = true", "valid_through = 2030-12-31"))
    build_files(root, ["html", "site"], out, session=session)
    (ld,) = json_ld(out / "site/job-1/index.html")
    assert ld["validThrough"].startswith("2030-12-31")
    assert "Open until filled" not in (out / "job-1.html").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    subprocess.run(
        [sys.executable, "-m", "jobdocs", "-C", str(root), "build", "-q", "-f", "html", "-f",
         "site", "-o", str(fresh)],
        check=True,
    )  # fmt: skip
    for name in ("job-1.html", "site/job-1/index.html"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_rolling_and_a_closing_date_together_is_a_located_error(tmp_path, jobdocs):
    root = project(tmp_path / "p", posting(rolling=True))  # valid_through as well
    result = jobdocs(root, "check")
    assert result.exit_code == 1
    line = line_of(root, "valid_through")
    assert f"job-1.toml:{line}:" in result.stderr
    assert "rolling = true says there is no closing date, and valid_through gives one" in (
        result.stderr
    )


def test_none_as_other_compensation_meets_the_pay_rules(tmp_path):
    text = 'other_compensation = "None"\n' + posting(other=False)
    project(tmp_path, text)
    assert by_rule(findings(tmp_path, "2026-06-01"), "us-co") == []


@pytest.mark.parametrize(
    ("ai", "vacancy", "printed"),
    [
        ("false", "true", ["Artificial intelligence is not used", "is for an existing vacancy"]),
        ("true", "false", ["Artificial intelligence is used", "is not for an existing vacancy"]),
    ],
)
def test_the_ai_and_vacancy_statements_are_printed(tmp_path, jobdocs, ai, vacancy, printed):
    root = project(tmp_path / "p", posting(ai_screening=ai, existing_vacancy=vacancy))
    out = tmp_path / "out"
    assert jobdocs(root, "build", "-f", "html", "-o", str(out)).exit_code == 0
    page = (out / "job-1.html").read_text(encoding="utf-8")
    assert all(words in page for words in printed), page
