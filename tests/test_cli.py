"""The command line: exit codes, output, and what it must not import."""

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import DOCUMENT_IDS, REPO, listing

from jobdocs.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version_and_help():
    assert run("--version").output.startswith("jobdocs, version ")
    for command in ([], ["build"], ["check"], ["list"]):
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_check_passes_on_the_starter_content():
    result = run("-C", str(REPO), "check")
    assert result.exit_code == 0
    assert "ok: 5 roles, 1 comparisons" in result.output


def test_list_names_every_document():
    result = run("-C", str(REPO), "list")
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert ids == DOCUMENT_IDS


def test_build_everything_by_default(project):
    result = run("-C", str(project), "build", "-f", "html")
    assert result.exit_code == 0, result.output
    written = listing(project / "output")
    assert written == sorted(
        f"{line.split()[0]}.html" for line in run("-C", str(project), "list").output.splitlines()
    )
    assert "wrote " in result.output and "built 7, skipped 0 unchanged, failed 0" in result.output


def test_default_formats_are_pdf_and_docx(project):
    result = run("-C", str(project), "build", "developer-vs-engineer")
    assert result.exit_code == 0, result.output
    written = listing(project / "output")
    assert written == ["developer-vs-engineer.docx", "developer-vs-engineer.pdf"]


def test_build_selected_documents_and_formats(project, tmp_path):
    out = tmp_path / "elsewhere"
    result = run(
        "-C", str(project), "build", "devops-engineer", "-f", "pdf", "-f", "html", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    assert listing(out) == ["devops-engineer.html", "devops-engineer.pdf"]
    assert not (project / "output").exists()


def test_unknown_document_is_a_usage_error(project):
    result = run("-C", str(project), "build", "software-enginer")
    assert result.exit_code == 2
    assert "no document 'software-enginer'; did you mean 'software-engineer'?" in result.output


def test_unknown_format_is_a_usage_error(project):
    assert run("-C", str(project), "build", "-f", "odt").exit_code == 2


def test_content_errors_exit_1_without_traceback(project):
    path = project / "content/roles/devops-engineer.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\nsalary = 3\n", encoding="utf-8")
    result = run("-C", str(project), "build", "-f", "html")
    assert result.exit_code == 1
    assert "salary: unknown key" in result.stderr
    assert "Error: 1 problem found" in result.stderr
    assert "Traceback" not in result.output
    assert not (project / "output").exists()


def test_not_a_project(tmp_path):
    result = run("-C", str(tmp_path), "check")
    assert result.exit_code == 1
    assert "not a jobdocs project (it has no content/ folder)" in result.stderr


def test_python_m_jobdocs_works():
    result = subprocess.run(
        [sys.executable, "-m", "jobdocs", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("jobdocs, version")


def test_help_and_check_do_not_import_weasyprint():
    probe = (
        "import sys\n"
        "from jobdocs.cli import main\n"
        "for args in (['--help'], ['-C', {repo!r}, 'check'], ['-C', {repo!r}, 'list']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit as exit:\n"
        "        assert exit.code == 0, (args, exit.code)\n"
        "assert 'weasyprint' not in sys.modules\n"
        "assert 'docx' not in sys.modules\n"
    ).format(repo=str(REPO))
    subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True)


def test_modules_import_only_what_their_role_allows():
    """click only in cli.py, weasyprint only in exporters/pdf.py, docx only in exporters/docx.py;
    exporters never import each other and nothing imports the cli."""
    source = Path(__file__).resolve().parent.parent / "src/jobdocs"
    rules = {"click": "cli.py", "weasyprint": "exporters/pdf.py", "docx": "exporters/docx/"}
    for path in source.rglob("*.py"):
        name = path.relative_to(source).as_posix()
        imports = [
            line.split()[1]
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.lstrip().startswith(("import ", "from "))
        ]
        for module in imports:
            top = module.split(".")[0]
            if top in rules:
                assert name.startswith(rules[top]), f"{name} imports {module}"
            if name.startswith("exporters/"):
                # Exporters use the shared modules, never each other.
                shared = {"atomic", "errors", "htmltree", "render"}
                own = {".word"} if name.startswith("exporters/docx/") else set()
                relative = module.startswith(".") and module not in own
                assert not relative or module.lstrip(".") in shared, f"{name} imports {module}"
            assert module not in {".cli", "jobdocs.cli"} or name == "__main__.py", name
