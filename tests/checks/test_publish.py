"""What Google for Jobs and the feeds need, checked when the careers site is built."""

from conftest import edit


def check_site(project, jobdocs):
    """The check's exit code, and its lines about the site (not the language notes)."""
    result = jobdocs(project, "check", "--for", "site", "--as-of", "2026-11-29")
    return result, [line for line in result.stderr.splitlines() if " publish." in line]


def test_the_site_needs_its_address(project, jobdocs):
    result, lines = check_site(project, jobdocs)
    assert result.exit_code == 1
    assert lines[0].startswith(f"{project / 'jobdocs.toml'}: error publish.base-url: ")
    assert jobdocs(project, "check").exit_code == 0  # without the site it is not needed


def test_required_properties_are_errors_and_recommended_ones_warnings(project, jobdocs):
    (project / "jobdocs.toml").write_text('[site]\nbase_url = "https://example.com/"\n')
    role = project / "content/roles/software-developer.toml"
    edit(role, 'country = "DE"\n', "")
    edit(role, 'region = "DE-BE"\n', "")
    edit(role, "date_posted = 2026-11-16\n", "")
    edit(role, 'period = "YEAR"\n', "")
    edit(role, "valid_through = 2027-01-15\n", "")
    devops = project / "content/roles/devops-engineer.toml"
    edit(devops, 'eligible = ["DE", "AT", "NL"]\n', "")
    edit(devops, 'applies_to = ["DE", "AT"]\n', "")  # pay applies to eligible regions
    edit(devops, 'applies_to = ["NL"]\n', "")
    result, lines = check_site(project, jobdocs)
    assert result.exit_code == 1, lines
    found = {
        line.split(": ")[1].split(" ")[1]
        for line in lines
        if ": error " in line or ": warning " in line
    }
    assert found == {
        "publish.country",
        "publish.date-posted",
        "publish.pay-period",
        "publish.valid-through",
        "publish.remote-eligible",
    }
    text = role.read_text(encoding="utf-8").splitlines()
    country = next(line for line in lines if "publish.country" in line)
    assert country.startswith(f"{role}:{text.index('[[locations]]') + 1}:1: error")
    assert any("warning publish.pay-period" in line for line in lines)
    assert any(f"{devops}:" in line and "error publish.remote-eligible" in line for line in lines)


def test_the_starter_postings_are_ready(project, jobdocs):
    (project / "jobdocs.toml").write_text('[site]\nbase_url = "https://example.com/"\n')
    result, lines = check_site(project, jobdocs)
    assert result.exit_code == 0 and lines == []
