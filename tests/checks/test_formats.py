"""Problems as JSON and as GitHub Actions annotations, read back as a tool would."""

import json

from conftest import edit


def test_check_as_github_annotations_and_json(project, jobdocs):
    path = project / "content/roles/devops-engineer.toml"
    edit(path, 'department = "Operations"', "department = 7")
    result = jobdocs(project, "check", "--format", "github")
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "= 7" in text)
    assert result.output.splitlines() == [
        f"::error file={path},line={line},col=1,title=department::Input should be a valid string"
    ]
    result = jobdocs(project, "check", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output) == {
        "ok": False,
        "problems": [
            {
                "file": str(path),
                "line": line,
                "column": 1,
                "key": "department",
                "message": "Input should be a valid string",
            }
        ],
    }


def test_github_annotations_escape_what_would_end_a_property(project, tmp_path, jobdocs):
    odd = tmp_path / "a,b:c%d"
    project.rename(odd)
    edit(odd / "content/roles/devops-engineer.toml", 'department = "Operations"', "department = 7")
    result = jobdocs(odd, "check", "--format", "github")
    (line,) = result.output.splitlines()
    assert line.startswith(f"::error file={tmp_path}/a%2Cb%3Ac%25d/content/roles/")
    assert line.endswith("title=department::Input should be a valid string")
