"""Starting a project and adding content: init, new, and the built-in theme."""

from pathlib import Path

from conftest import REPO, listing


def test_init_creates_a_project_that_builds(tmp_path, jobdocs):
    folder = tmp_path / "myorg"
    result = jobdocs(None, "init", str(folder))
    assert result.exit_code == 0, result.output
    assert (folder / "jobdocs.toml").is_file()
    assert (folder / ".gitignore").read_text() == "output/\n"
    assert (folder / "templates/README.md").is_file()
    assert sorted(p.name for p in (folder / "schemas").iterdir()) == [
        "comparison.schema.json",
        "organization.schema.json",
        "role.schema.json",
        "settings.schema.json",
    ]
    starter = sorted(p.relative_to(REPO / "content") for p in (REPO / "content").rglob("*.toml"))
    assert (
        sorted(p.relative_to(folder / "content") for p in (folder / "content").rglob("*.toml"))
        == starter
    )
    assert jobdocs(folder, "check").exit_code == 0
    built = jobdocs(folder, "build", "-f", "html", "developer-vs-engineer")
    assert built.exit_code == 0, built.output
    assert listing(folder / "output") == ["developer-vs-engineer.html"]


def test_init_keeps_existing_files_unless_forced(tmp_path, jobdocs):
    folder = tmp_path / "myorg"
    assert jobdocs(None, "init", str(folder)).exit_code == 0
    settings = folder / "jobdocs.toml"
    settings.write_text('page_size = "Letter"\n', encoding="utf-8")
    again = jobdocs(None, "init", str(folder))
    assert again.exit_code == 0
    assert "kept" in again.output and "jobdocs.toml" in again.output
    assert settings.read_text(encoding="utf-8") == 'page_size = "Letter"\n'
    forced = jobdocs(None, "init", str(folder), "--force")
    assert forced.exit_code == 0
    assert "page_size" in settings.read_text(encoding="utf-8")
    assert 'page_size = "Letter"' not in settings.read_text(encoding="utf-8")


def test_new_role_and_comparison_are_valid_but_unfinished(tmp_path, jobdocs):
    """The skeletons load, and every guidance sentence in them is an error of
    `jobdocs check` (lint.unfinished.skeleton) until it is replaced."""
    folder = tmp_path / "myorg"
    jobdocs(None, "init", str(folder))
    result = jobdocs(
        None, "-C", str(folder), "new", "role", "data-engineer", "--title", 'Data "Pipes" Engineer'
    )
    assert result.exit_code == 0, result.output
    role = folder / "content/roles/data-engineer.toml"
    assert role.read_text(encoding="utf-8").startswith("#:schema ../../schemas/role.schema.json\n")
    result = jobdocs(
        None,
        "-C",
        str(folder),
        "new",
        "comparison",
        "data-vs-devops",
        "data-engineer",
        "devops-engineer",
    )
    assert result.exit_code == 0, result.output
    checked = jobdocs(folder, "check")
    assert checked.exit_code == 1
    flagged = {
        (Path(line.split(":")[0]).name, int(line.split(":")[1]))
        for line in checked.stderr.splitlines()
        if " error lint.unfinished.skeleton: " in line
    }
    guidance = _guidance(role) | _guidance(folder / "content/comparisons/data-vs-devops.toml")
    assert len(guidance) == 11 and flagged == guidance
    listed = jobdocs(folder, "list").output
    assert 'data-engineer                    role        Data "Pipes" Engineer' in listed
    assert "data-vs-devops" in listed


def test_new_writes_only_what_it_was_told(tmp_path, jobdocs):
    """No department nobody gave; a comparison titled by its roles' titles, not their ids."""
    folder = tmp_path / "myorg"
    jobdocs(None, "init", str(folder))
    jobdocs(
        None,
        "-C",
        str(folder),
        "new",
        "role",
        "ods-junior-developer",
        "--title",
        "Junior Developer",
    )
    text = (folder / "content/roles/ods-junior-developer.toml").read_text(encoding="utf-8")
    assert "\ndepartment =" not in text and "# department =" in text
    jobdocs(None, "-C", str(folder), "new", "role", "sre", "--department", "Operations")
    assert '\ndepartment = "Operations"\n' in (folder / "content/roles/sre.toml").read_text("utf-8")
    result = jobdocs(
        None, "-C", str(folder), "new", "comparison", "ladder", "ods-junior-developer", "sre"
    )
    assert result.exit_code == 0, result.output
    comparison = (folder / "content/comparisons/ladder.toml").read_text(encoding="utf-8")
    assert 'title = "Junior Developer vs Sre"' in comparison  # sre's title is its id's


def _guidance(path: Path) -> set[tuple[str, int]]:
    """The lines of a skeleton that hold text to replace: list items, the introduction and
    the lines of the summary."""
    found, summary = set(), False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if text.startswith('summary = """') or (summary and text == '"""'):
            summary = not summary
        elif (summary and text) or text.startswith(('"', "introduction =")):
            found.add((path.name, number))
    return found


def test_new_refuses_existing_ids_bad_ids_and_unknown_roles(tmp_path, jobdocs):
    folder = tmp_path / "myorg"
    jobdocs(None, "init", str(folder))
    existing = jobdocs(folder, "new", "role", "devops-engineer")
    assert existing.exit_code == 1 and "already exists" in existing.stderr
    bad = jobdocs(folder, "new", "role", "Data_Engineer")
    assert bad.exit_code == 1 and "is not an id" in bad.stderr
    unknown = jobdocs(folder, "new", "comparison", "x-vs-y", "devops-engineer", "nobody")
    assert unknown.exit_code == 1 and "no role 'nobody'" in unknown.stderr
    assert not (folder / "content/comparisons/x-vs-y.toml").exists()


def test_project_templates_override_the_theme_file_by_file(tmp_path, jobdocs):
    folder = tmp_path / "myorg"
    jobdocs(None, "init", str(folder))
    css = (REPO / "templates/style.css").read_text(encoding="utf-8")
    (folder / "templates/style.css").write_text(css.replace("#1e3a5f", "#8b0000"), encoding="utf-8")
    result = jobdocs(folder, "build", "-f", "html", "devops-engineer")
    assert result.exit_code == 0, result.output
    html = (folder / "output/devops-engineer.html").read_text(encoding="utf-8")
    assert "#8b0000" in html and "#1e3a5f" not in html
    assert "Responsibilities" in html  # the other templates still come from the theme


def test_a_project_without_templates_uses_the_theme(tmp_path, jobdocs):
    folder = tmp_path / "myorg"
    jobdocs(None, "init", str(folder))
    for path in (folder / "templates").iterdir():
        path.unlink()
    (folder / "templates").rmdir()
    result = jobdocs(folder, "build", "-f", "pdf", "-f", "docx", "developer-vs-engineer")
    assert result.exit_code == 0, result.output
    assert listing(folder / "output") == ["developer-vs-engineer.docx", "developer-vs-engineer.pdf"]


def test_content_files_name_their_schema():
    for path in (REPO / "content").rglob("*.toml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#:schema ") and first.endswith(".schema.json"), path
        target = (path.parent / first.removeprefix("#:schema ")).resolve()
        assert target.is_file(), (path, target)
        assert target.parent == (REPO / "schemas").resolve()
