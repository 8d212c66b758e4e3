"""The rule files are checked as they are read: a mistake in one (a new language's, say)
is an error naming its file, line and key, not a traceback."""

import shutil

import pytest

from jobdocs.checks.lint import rules
from jobdocs.errors import JobdocsError

SHIPPED = rules._folder()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The rule files in a folder of the test's own, with a copy of English as Dutch."""
    shutil.copytree(SHIPPED / "en", tmp_path / "en")
    shutil.copytree(SHIPPED / "en", tmp_path / "nl")
    monkeypatch.setattr(rules, "_folder", lambda: tmp_path)
    for cached in (rules._read, rules.languages, rules.ruleset):
        cached.cache_clear()
    yield tmp_path / "nl"
    for cached in (rules._read, rules.languages, rules.ruleset):
        cached.cache_clear()


def test_the_shipped_files_have_their_shape():
    for language in rules.languages():
        for family in rules.FAMILIES:
            assert rules._read(language, family) is not None


def test_a_misnamed_key_is_located(folder):
    path = folder / "gender.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[stems]", "[stem]"), encoding="utf-8")
    with pytest.raises(JobdocsError) as raised:
        rules.ruleset("nl")
    line = text.splitlines().index("[stems]") + 1
    assert str(raised.value).startswith(f"checks/lint/nl/gender.toml:{line}:1: stem: ")


def test_a_wrong_severity_is_located(folder):
    path = folder / "clarity.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('severity = "warning"', 'severity = "warn"', 1), "utf-8")
    with pytest.raises(JobdocsError, match=r"^checks/lint/nl/clarity\.toml:\d+:\d+: rules\."):
        rules.ruleset("nl")


def test_lint_reports_a_broken_rule_file_without_a_traceback(folder, full_project, jobdocs):
    (folder / "realism.toml").write_text("source = 1\n", encoding="utf-8")
    result = jobdocs(full_project, "lint", "data-analist")  # a Dutch posting
    assert result.exit_code == 1
    assert "checks/lint/nl/realism.toml:1:" in result.output
    assert "Traceback" not in result.output
