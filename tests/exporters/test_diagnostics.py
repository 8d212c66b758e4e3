"""`jobdocs doctor`: reports the machine, names what is missing and how to get it."""

from jobdocs.exporters import diagnostics


def test_doctor_reports_versions_and_exits_0_here(jobdocs):
    result = jobdocs(None, "doctor")
    names = [line.split(":")[0].split(maxsplit=1)[1] for line in result.output.splitlines()]
    for name in ("jobdocs", "WeasyPrint", "Pango", "python-docx", "HarfBuzz subsetting"):
        assert name in names
    assert "font DejaVu Sans" in names
    required_missing = [c for c in diagnostics.checks() if c.required and not c.ok]
    assert result.exit_code == (1 if required_missing else 0), result.output


def test_missing_pieces_are_named_with_their_fix(monkeypatch, jobdocs):
    font = diagnostics._font("No Such Family", "fonts-nothing", True)
    assert not font.ok and font.fix == "apt-get install fonts-nothing"
    package = diagnostics._package("no-such-distribution-jobdocs", "nothing", "pip install it")
    assert not package.ok and "not installed" in package.detail
    monkeypatch.setattr("jobdocs.exporters.diagnostics.checks", lambda: [font, package])
    result = jobdocs(None, "doctor")
    assert result.exit_code == 1
    assert " missing  font No Such Family: not installed" in result.output
    assert "fix: apt-get install fonts-nothing" in result.output
    assert "Error: something jobdocs needs is missing" in result.stderr
