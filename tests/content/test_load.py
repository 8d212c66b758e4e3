"""Loading content: every class of mistake is reported with its file, line and key path."""

from pathlib import Path

import pytest
from conftest import REPO, edit

from jobdocs import ContentError, load_project


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_the_starter_content_is_valid():
    project = load_project(REPO)
    assert sorted(project.roles) == [
        "chief-technology-officer",
        "devops-engineer",
        "platform-architect",
        "software-developer",
        "software-engineer",
    ]
    assert list(project.comparisons) == ["developer-vs-engineer"]
    assert [d.name for d in project.organization.growth.departments] == [
        "Engineering",
        "Development",
        "Operations",
        "Research",
    ]


DEVOPS = "roles/devops-engineer.toml"
COMPARISON = "comparisons/developer-vs-engineer.toml"

# (file under content/, [(old, new) edits], [expected line starts]). In an expected line,
# {path} is the edited file and {line:TEXT} the number of the first line holding TEXT.
MISTAKES = {
    "toml syntax": (
        DEVOPS,
        [('employment_type = "FULL_TIME"', "employment_type = FULL_TIME")],
        ["{path}:{line:employment_type}:19: TOML syntax error: Invalid value"],
    ),
    "wrong type": (
        "roles/software-engineer.toml",
        [('department = "Engineering"', "department = 42")],
        ["{path}:{line:department = 42}:1: department: Input should be a valid string"],
    ),
    "missing key": (
        "roles/platform-architect.toml",
        [('title = "Platform Architect"\n', "")],
        ["{path}:1:1: title: required key is missing"],
    ),
    "missing key in a table": (
        "organization.toml",
        [('introduction = "As an organization grows', 'x = "')],
        [
            "{path}:{line:[growth]}:1: growth.introduction: required key is missing",
            "{path}:{line:x = }:1: growth.x: unknown key",
        ],
    ),
    "unknown key": (
        "roles/software-developer.toml",
        [("responsibilities = [", "responsibilites = [")],
        [
            "{path}:{line:responsibilites}:1: responsibilites: unknown key; "
            "did you mean 'responsibilities'? (allowed: title, department",
        ],
    ),
    "list item": (
        COMPARISON,
        [('  "Use engineering concepts', '  " ",\n  "Use engineering concepts')],
        ['{path}:{line:  " ",}:3: rows[2].cells[2]: must not be empty'],
    ),
    "empty text and control characters": (
        DEVOPS,
        [
            ('title = "DevOps Engineer"', 'title = "  "'),
            ('department = "', 'department = "\\u000b'),
        ],
        [
            "{path}:{line:title = }:1: title: must not be empty",
            "{path}:{line:department =}:1: department: contains the control character U+000B",
        ],
    ),
    "enum value": (
        DEVOPS,
        [('employment_type = "FULL_TIME"', 'employment_type = "FULLTIME"')],
        ["{path}:{line:employment_type}:1: employment_type[1]: Input should be 'FULL_TIME', "],
    ),
    "reference to a role": (
        "roles/software-developer.toml",
        [('reports_to = "software-engineer"', 'reports_to = "software-enginer"')],
        [
            "{path}:{line:reports_to}:1: reports_to: no role 'software-enginer' in "
            "content/roles; did you mean 'software-engineer'?"
        ],
    ),
    "reference in a comparison": (
        COMPARISON,
        [('"software-developer", ', '"software-developr", ')],
        ["{path}:{line:roles = }:10: roles[1]: no role 'software-developr'"],
    ),
    "reporting loop": (
        "roles/chief-technology-officer.toml",
        [('employment_type = "', 'reports_to = "platform-architect"\nemployment_type = "')],
        [
            "{path}:{line:reports_to}:1: reports_to: reporting lines form a loop: "
            "chief-technology-officer -> platform-architect"
        ],
    ),
    "handbook id taken": (
        "organization.toml",
        [('title = "Technical Job Descriptions"', 'title = "Platform Architect"')],
        [
            "{path}:{line:title = }:1: title: the handbook's id 'platform-architect' "
            "is also a role's or comparison's id"
        ],
    ),
    "country code": (
        DEVOPS,
        [('country = "DE"', 'country = "Germany"')],
        [
            "{path}:{line:Germany}:1: locations[1].country: 'Germany' is not an ISO 3166-1 "
            "country code such as 'US' or 'DE'; did you mean 'DE'?"
        ],
    ),
    "region code": (
        DEVOPS,
        [('region = "DE-BE"', 'region = "DE-BER"')],
        ["{path}:{line:DE-BER}:1: locations[1].region: 'DE-BER' is not an ISO 3166-2 code"],
    ),
    "currency": (
        DEVOPS,
        [('currency = "EUR"', 'currency = "EURO"')],
        [
            "{path}:{line:EURO}:1: pay[1].currency: 'EURO' is not an ISO 4217 currency code "
            "such as 'EUR' or 'USD'; did you mean 'EUR'?"
        ],
    ),
    "pay period": (
        DEVOPS,
        [('period = "YEAR"', 'period = "ANNUAL"')],
        ["{path}:{line:ANNUAL}:1: pay[1].period: Input should be 'HOUR', 'DAY', 'WEEK'"],
    ),
    "pay for a place the role does not have": (
        DEVOPS,
        [('applies_to = ["NL"]', 'applies_to = ["NLD"]')],
        [
            "{path}:{line:NLD}:15: pay[2].applies_to[1]: 'NLD' is none of the role's locations, "
            "remote regions or pay tiers; did you mean 'NL'?"
        ],
    ),
    "closing before posting": (
        DEVOPS,
        [("valid_through = 2027-01-31", "valid_through = 2026-11-01")],
        [
            "{path}:{line:valid_through}:1: posting.valid_through: the closing date 2026-11-01 "
            "is before date_posted 2026-11-23"
        ],
    ),
    "a key of an earlier version": (
        DEVOPS,
        [('department = "Operations"', 'department = "Operations"\nlocation = "Berlin"')],
        [
            "{path}:{line:location = }:1: location: this key is replaced; write [[locations]] "
            'with city = "…" and country = "…" (an ISO code)'
        ],
    ),
    "a language without labels": (
        DEVOPS,
        [('department = "Operations"', 'department = "Operations"\nlanguage = "sv"')],
        [
            "{path}:{line:language}:1: language: no labels for language 'sv': add "
            "templates/labels/sv.toml (copy the theme's en.toml and translate it)"
        ],
    ),
    "a logo that is not there": (
        "organization.toml",
        [('name = "Technical Group"', 'name = "Technical Group"\nlogo = "assets/logo.png"')],
        ["{path}:{line:logo}:1: logo: no file assets/logo.png in the project folder"],
    ),
    "settings": (
        "../jobdocs.toml",
        [("", 'page_size = "A5"\n')],
        ["{path}:1:1: page_size: Input should be 'A4' or 'Letter'"],
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_mistakes_are_located(project, jobdocs, name):
    file, edits, expected = MISTAKES[name]
    path = (project / "content" / file).resolve()
    path.touch()
    for old, new in edits:
        edit(path, old, new)
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for template in expected:
        wanted = _fill(template, path)
        assert any(line.startswith(wanted) for line in lines), (wanted, lines)
    assert lines[-1] == f"Error: {len(lines) - 1} problem{'s' * (len(lines) > 2)} found"


def _fill(template: str, path: Path) -> str:
    text = template.replace("{path}", str(path))
    while "{line:" in text:
        start = text.index("{line:")
        end = text.index("}", start)
        text = text[:start] + str(line_of(path, text[start + 6 : end])) + text[end + 1 :]
    return text


def test_all_problems_in_all_files_are_reported_at_once(project):
    edit(project / "content/roles/devops-engineer.toml", 'title = "', "title = 1 #")
    edit(project / "content/roles/software-engineer.toml", 'department = "', 'departmnt = "')
    (project / "content/comparisons/broken.toml").write_text("title = [\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_project(project)
    files = {problem.path.name for problem in raised.value.problems}
    assert files == {"devops-engineer.toml", "software-engineer.toml", "broken.toml"}


def test_unreadable_files_are_reported(project, jobdocs):
    (project / "content/roles/binary.toml").write_bytes(b'title = "\xff\xfe"\n')
    (project / "content/roles/folder.toml").mkdir()
    (project / "content/roles/Bad_Name.toml").write_text("", encoding="utf-8")
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"{project}/content/roles/binary.toml:1: file is not valid UTF-8 text" in lines
    assert f"{project}/content/roles/folder.toml: expected a file, found a folder" in lines
    assert any("Bad_Name.toml: file name must be an id" in line for line in lines)


def test_settings_default_without_a_file(project):
    settings = load_project(project).settings
    assert (settings.page_size, settings.language, settings.pdf_variant) == ("A4", "en", None)


def test_duplicate_ids_across_kinds_are_errors(project, jobdocs):
    comparison = project / "content/comparisons/developer-vs-engineer.toml"
    duplicate = project / "content/comparisons/devops-engineer.toml"
    duplicate.write_text(comparison.read_text(encoding="utf-8"), encoding="utf-8")
    result = jobdocs(project, "check")
    assert result.exit_code == 1
    assert (
        f"{duplicate}:1:1: id 'devops-engineer' is also a role's id; outputs would collide"
        in result.stderr.splitlines()
    )
