"""Loading content: every class of mistake is reported with its file, line and key path."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import edit

from jobdocs.cli import main
from jobdocs.content import load_project, load_settings
from jobdocs.errors import ContentError
from jobdocs.project import ProjectPaths


def check(project: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["-C", str(project), "check"])
    return result.exit_code, result.stderr.splitlines()


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_the_starter_content_is_valid():
    project = load_project(ProjectPaths(Path(__file__).parent.parent))
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


def test_toml_syntax_error_names_line_and_column(project):
    path = project / "content/roles/devops-engineer.toml"
    edit(path, 'employment_type = "FULL_TIME"', "employment_type = FULL_TIME")
    code, lines = check(project)
    assert code == 1
    line = line_of(path, "employment_type = FULL_TIME")
    assert lines[0].startswith(f"{path}:{line}:19: TOML syntax error: Invalid value")


def test_wrong_type_names_key_and_line(project):
    path = project / "content/roles/software-engineer.toml"
    edit(path, 'department = "Engineering"', "department = 42")
    code, lines = check(project)
    assert code == 1
    line = line_of(path, "department = 42")
    assert lines[0] == f"{path}:{line}:1: department: Input should be a valid string"


def test_missing_field_names_the_key(project):
    path = project / "content/roles/platform-architect.toml"
    edit(path, 'employment_type = "FULL_TIME"\n', "")
    code, lines = check(project)
    assert code == 1
    assert lines[0] == f"{path}:1:1: employment_type: required key is missing"


def test_missing_field_in_a_table_names_the_table_line(project):
    path = project / "content/organization.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('introduction = "As an organization grows')
    path.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    code, lines = check(project)
    assert code == 1
    line = line_of(path, "[growth]")
    assert lines[0] == f"{path}:{line}:1: growth.introduction: required key is missing"


def test_unknown_key_suggests_the_right_one(project):
    path = project / "content/roles/software-developer.toml"
    edit(path, "responsibilities = [", "responsibilites = [")
    code, lines = check(project)
    assert code == 1
    line = line_of(path, "responsibilites = [")
    expected = f"{path}:{line}:1: responsibilites: unknown key; did you mean 'responsibilities'?"
    assert any(line.startswith(expected) for line in lines), lines
    assert any("responsibilities: required key is missing" in line for line in lines)


def test_wrong_value_in_a_list_item_is_located(project):
    path = project / "content/comparisons/developer-vs-engineer.toml"
    edit(path, '  "Use engineering concepts', '  " ",\n  "Use engineering concepts')
    code, lines = check(project)
    assert code == 1
    line = line_of(path, '  " ",')
    assert lines[0] == f"{path}:{line}:3: rows[2].cells[2]: must not be empty"


def test_empty_text_and_control_characters_are_errors(project):
    path = project / "content/roles/devops-engineer.toml"
    edit(path, 'title = "DevOps Engineer"', 'title = "  "')
    edit(path, 'location = "', 'location = "\\u000b')
    code, lines = check(project)
    assert code == 1
    assert f"{path}:{line_of(path, 'title = ')}:1: title: must not be empty" in lines
    expected = f"{path}:{line_of(path, 'location =')}:1: location: contains the control character"
    assert any(line.startswith(expected) for line in lines), lines


def test_wrong_enum_value_lists_the_allowed_ones(project):
    path = project / "content/roles/devops-engineer.toml"
    edit(path, 'employment_type = "FULL_TIME"', 'employment_type = "FULLTIME"')
    code, lines = check(project)
    assert code == 1
    line = line_of(path, "employment_type")
    assert lines[0].startswith(f"{path}:{line}:1: employment_type: Input should be 'FULL_TIME'")
    assert "'PER_DIEM'" in lines[0]


def test_broken_references_are_errors(project):
    role = project / "content/roles/software-developer.toml"
    edit(role, 'reports_to = "software-engineer"', 'reports_to = "software-enginer"')
    comparison = project / "content/comparisons/developer-vs-engineer.toml"
    edit(comparison, '"software-developer", ', '"software-developr", ')
    code, lines = check(project)
    assert code == 1
    role_line = line_of(role, "reports_to")
    assert (
        f"{role}:{role_line}:1: reports_to: no role 'software-enginer' in content/roles; "
        "did you mean 'software-engineer'?"
    ) in lines
    comparison_line = line_of(comparison, "roles = ")
    assert any(
        line.startswith(f"{comparison}:{comparison_line}:1: roles[1]: no role 'software-developr'")
        for line in lines
    ), lines


def test_reporting_loops_are_errors(project):
    cto = project / "content/roles/chief-technology-officer.toml"
    edit(cto, 'employment_type = "', 'reports_to = "platform-architect"\nemployment_type = "')
    code, lines = check(project)
    assert code == 1
    assert any(
        "reporting lines form a loop: " in line
        and "chief-technology-officer -> platform-architect" in line
        for line in lines
    ), lines


def test_all_problems_in_all_files_are_reported_at_once(project):
    edit(project / "content/roles/devops-engineer.toml", 'title = "', "title = 1 #")
    edit(project / "content/roles/software-engineer.toml", 'department = "', 'departmnt = "')
    (project / "content/comparisons/broken.toml").write_text("title = [\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_project(ProjectPaths(project))
    files = {problem.path.name for problem in raised.value.problems}
    assert files == {"devops-engineer.toml", "software-engineer.toml", "broken.toml"}


def test_unreadable_files_are_reported(project):
    (project / "content/roles/binary.toml").write_bytes(b'title = "\xff\xfe"\n')
    (project / "content/roles/folder.toml").mkdir()
    (project / "content/roles/Bad_Name.toml").write_text("", encoding="utf-8")
    code, lines = check(project)
    assert code == 1
    assert f"{project}/content/roles/binary.toml:1: file is not valid UTF-8 text" in lines
    assert f"{project}/content/roles/folder.toml: expected a file, found a folder" in lines
    assert any("Bad_Name.toml: file name must be an id" in line for line in lines)


def test_settings_are_validated_with_lines(project):
    (project / "jobdocs.toml").write_text('page_size = "A5"\nmargin_mm = 20\n', encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_settings(ProjectPaths(project))
    (problem,) = raised.value.problems
    assert (problem.line, problem.key) == (1, "page_size")
    assert "'A4' or 'Letter'" in problem.message


def test_settings_default_without_a_file(project):
    settings = load_settings(ProjectPaths(project))
    assert (settings.page_size, settings.language, settings.pdf_variant) == ("A4", "en", None)


def test_duplicate_ids_across_kinds_are_errors(project):
    comparison = project / "content/comparisons/developer-vs-engineer.toml"
    duplicate = project / "content/comparisons/devops-engineer.toml"
    duplicate.write_text(comparison.read_text(encoding="utf-8"), encoding="utf-8")
    organization = project / "content/organization.toml"
    edit(organization, 'title = "Technical Job Descriptions"', 'title = "Platform Architect"')
    code, lines = check(project)
    assert code == 1
    assert f"{duplicate}:1:1: id 'devops-engineer' is also a role's id; outputs would collide" in (
        lines
    )
    title_line = line_of(organization, "title = ")
    assert (
        f"{organization}:{title_line}:1: title: the handbook's id 'platform-architect' "
        "is also a role's or comparison's id"
    ) in lines
