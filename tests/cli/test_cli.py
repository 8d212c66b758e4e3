"""The command line: exit codes, output, and what it must not import."""

import subprocess
import sys

from conftest import DOCUMENT_IDS, REPO, listing


def test_version_and_help(jobdocs):
    assert jobdocs(None, "--version").output.startswith("jobdocs, version ")
    for command in ([], ["build"], ["check"], ["list"]):
        result = jobdocs(None, *command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_check_passes_on_the_starter_content(jobdocs):
    result = jobdocs(REPO, "check")
    assert result.exit_code == 0
    assert "ok: 5 roles, 1 comparison," in result.output


def test_list_names_every_document(jobdocs):
    result = jobdocs(REPO, "list")
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert ids == DOCUMENT_IDS


def test_build_everything_by_default(project, jobdocs):
    result = jobdocs(project, "build", "-f", "html")
    assert result.exit_code == 0, result.output
    written = listing(project / "output")
    assert written == sorted(
        f"{line.split()[0]}.html" for line in jobdocs(project, "list").output.splitlines()
    )
    assert "wrote " in result.output and "built 7, skipped 0 unchanged, failed 0" in result.output


def test_default_formats_are_pdf_and_docx(project, jobdocs):
    result = jobdocs(project, "build", "developer-vs-engineer")
    assert result.exit_code == 0, result.output
    written = listing(project / "output")
    assert written == ["developer-vs-engineer.docx", "developer-vs-engineer.pdf"]


def test_build_selected_documents_and_formats(project, tmp_path, jobdocs):
    out = tmp_path / "elsewhere"
    result = jobdocs(
        project, "build", "devops-engineer", "-f", "pdf", "-f", "html", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    assert listing(out) == ["devops-engineer.html", "devops-engineer.pdf"]
    assert not (project / "output").exists()


def test_unknown_document_is_a_usage_error(project, jobdocs):
    result = jobdocs(project, "build", "software-enginer")
    assert result.exit_code == 2
    assert "no document 'software-enginer'; did you mean 'software-engineer'?" in result.output


def test_unknown_format_is_a_usage_error(project, jobdocs):
    assert jobdocs(project, "build", "-f", "odt").exit_code == 2


def test_content_errors_exit_1_without_traceback(project, jobdocs):
    path = project / "content/roles/devops-engineer.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\nsalary = 3\n", encoding="utf-8")
    result = jobdocs(project, "build", "-f", "html")
    assert result.exit_code == 1
    assert "salary: unknown key" in result.stderr
    assert "Error: 1 problem found" in result.stderr
    assert "Traceback" not in result.output
    assert not (project / "output").exists()


def test_not_a_project(tmp_path, jobdocs):
    result = jobdocs(tmp_path, "check")
    assert result.exit_code == 1
    assert "not a jobdocs project (it has no content/ folder)" in result.stderr


def test_python_m_jobdocs_works():
    result = subprocess.run(
        [sys.executable, "-m", "jobdocs", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("jobdocs, version")


def test_help_loads_only_click_and_check_only_the_model():
    """`--help` imports neither pydantic nor Jinja2; `check` and `list` import no exporter."""
    probe = (
        "import sys\n"
        "from jobdocs.cli import main\n"
        "def run(args):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit as exit:\n"
        "        assert exit.code == 0, (args, exit.code)\n"
        "run(['--help'])\n"
        "assert not {{'pydantic', 'jinja2', 'markdown_it'}} & set(sys.modules), sys.modules\n"
        "for args in (['-C', {repo!r}, 'check'], ['-C', {repo!r}, 'list']):\n"
        "    run(args)\n"
        "assert 'pydantic' in sys.modules\n"
        "assert not {{'weasyprint', 'docx'}} & set(sys.modules)\n"
    ).format(repo=str(REPO))
    subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True)
