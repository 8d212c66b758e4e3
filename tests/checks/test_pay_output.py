"""Pay-transparency findings as `jobdocs check` and `build` print them (text, SARIF), and
the compliance report `jobdocs report pay` writes."""

import json

import jsonschema
from conftest import pdf_text
from pay_helpers import line_of, posting, project
from test_printing import SARIF_SCHEMA

from jobdocs.checks import NOT_LEGAL_ADVICE

TORONTO = {"city": "Toronto", "region": "CA-ON", "currency": "CAD", "low": 60000, "high": 120000}
# Silent on AI screening, which Ontario asks postings to state from 2026-01-01.
SILENT = {**TORONTO, "ai_screening": None}


def test_check_as_of_a_day_fails_only_once_a_law_is_in_force(tmp_path, jobdocs):
    root = project(tmp_path / "p", posting(**SILENT))
    before = jobdocs(root, "check", "--as-of", "2025-12-31")
    assert before.exit_code == 0, before.output
    assert "note pay.ca-on.ai-screening: from 2026-01-01, Ontario requires" in before.stderr
    assert "note pay.ca-on.spread: from 2026-01-01, Ontario requires" in before.stderr
    assert before.stderr.splitlines()[-1] == NOT_LEGAL_ADVICE
    assert before.stdout.startswith("ok: 1 role, 0 comparisons, no errors, 0 warnings and 2 notes")
    after = jobdocs(root, "check", "--as-of", "2026-01-01")
    assert after.exit_code == 1
    line = line_of(root, "[posting]")
    assert f"job-1.toml:{line}:1: error pay.ca-on.ai-screening: Ontario requires" in after.stderr
    assert "(fix: add ai_screening = true or false" in after.stderr
    # The range's width: the regulation's words were not read, so a warning.
    line = line_of(root, "[[pay]]")
    assert f"job-1.toml:{line}:1: warning pay.ca-on.spread: Ontario requires" in after.stderr
    assert "(fix: narrow the range to 50,000 or less)" in after.stderr
    assert NOT_LEGAL_ADVICE in after.stderr
    assert after.stderr.splitlines()[-1] == "Error: 1 error found"


def test_check_as_of_rejects_a_date_that_is_not_one(tmp_path, jobdocs):
    result = jobdocs(project(tmp_path / "p", posting(**TORONTO)), "check", "--as-of", "2026-13-01")
    assert result.exit_code == 2
    assert "'2026-13-01' does not match the format '%Y-%m-%d'" in result.output


def test_pay_findings_are_valid_sarif(tmp_path, jobdocs, monkeypatch):
    root = project(tmp_path / "p", posting(**SILENT), posting("Denver", "US-CO", pay="from"))
    monkeypatch.chdir(root)
    result = jobdocs(None, "check", "--output-format", "sarif", "--as-of", "2026-01-01")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    (run,) = log["runs"]
    results = {(r["ruleId"], r["level"]) for r in run["results"]}
    assert {("pay.ca-on.ai-screening", "error"), ("pay.us-co.range", "error")} <= results
    assert ("pay.ca-on.spread", "warning") in results
    spread = next(r for r in run["results"] if r["ruleId"] == "pay.ca-on.spread")
    assert spread["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "content/roles/job-1.toml"},
        "region": {"startLine": line_of(root, "[[pay]]"), "startColumn": 1},
    }
    assert "Ontario" in spread["message"]["text"] and "O. Reg. 476/24" in spread["message"]["text"]


def test_the_starter_content_passes_every_pay_rule(project, jobdocs):
    for day in (None, "2026-06-07", "2027-09-26"):
        result = jobdocs(project, "check", *(["--as-of", day] if day else []))
        assert result.exit_code == 0, result.output
        assert " pay." not in result.stderr  # the language notes are not this test's
        assert NOT_LEGAL_ADVICE not in result.stderr


def test_build_writes_nothing_when_a_posting_breaks_a_law(tmp_path, jobdocs):
    root = project(tmp_path / "p", posting(**SILENT))
    result = jobdocs(root, "build", "-f", "html", "--as-of", "2026-01-01")
    assert result.exit_code == 1
    assert "error pay.ca-on.ai-screening" in result.stderr and NOT_LEGAL_ADVICE in result.stderr
    assert not (root / "output").exists()
    result = jobdocs(root, "build", "-f", "html", "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.output
    assert "note pay.ca-on.ai-screening" in result.stderr and NOT_LEGAL_ADVICE in result.stderr


def test_the_report_lists_every_posting_and_jurisdiction(tmp_path, jobdocs):
    roles = [
        posting(**TORONTO, title="Analyst"),
        posting(None, None, remote=["US"], title="Remote Analyst"),
        posting("Berlin", "DE-BE", "EUR", status="draft", title="Draft Analyst"),
    ]
    root = project(tmp_path / "p", *roles)
    result = jobdocs(root, "report", "pay", "--as-of", "2026-01-01", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"wrote {tmp_path / 'out/pay-report.html'}",
        f"wrote {tmp_path / 'out/pay-report.pdf'}",
        NOT_LEGAL_ADVICE,
    ]
    text = pdf_text(tmp_path / "out/pay-report.pdf")
    for words in [
        "Pay transparency report",
        NOT_LEGAL_ADVICE,
        "Checked as of January 1, 2026",
        "Analyst (job-1)",
        "Ontario: Employment Standards Act, 2000",
        "a pay range no wider than its limit January 1, 2026 not met the range spans 60,000",
        "a statement whether AI screens applicants January 1, 2026 met",
        "Covered: the law applies from 25 employees; the organization has 1000.",
        "Remote Analyst (job-2)",
        "Vermont: Act 155",
        "Not covered: reached only by remote work",
        "a pay range or figure September 26, 2027 met",
        "Draft Analyst (job-3)",
        "Not checked: a draft: not published yet.",
        "europa.eu/eli/dir/",  # the rules' sources (pdftotext drops a hyphen at a line's end)
    ]:
        assert words in text, words
    html = (tmp_path / "out/pay-report.html").read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in html and "<title>Pay transparency report</title>" in html
    assert '<a href="https://eur-lex.europa.eu/eli/dir/2023/970/oj">' in html
