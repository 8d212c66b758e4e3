"""The wheel carries the theme and starter content: install it anywhere, init, build."""

import subprocess
import sys
import venv

import docx
import pytest
from conftest import REPO, listing, pdf_info


@pytest.mark.slow
def test_wheel_installs_and_builds_in_an_empty_folder(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("jobdocs-*.whl")
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True)
    jobdocs = environment / "bin" / "jobdocs"

    empty = tmp_path / "empty"
    empty.mkdir()
    subprocess.run([jobdocs, "init", "myorg"], cwd=empty, check=True, capture_output=True)
    project = empty / "myorg"
    subprocess.run([jobdocs, "build", "-q"], cwd=project, check=True)
    names = listing(project / "output")
    assert "technical-job-descriptions.pdf" in names and "devops-engineer.docx" in names
    assert len(names) == 14
    assert int(pdf_info(project / "output/technical-job-descriptions.pdf")["Pages"]) >= 6
    assert docx.Document(str(project / "output/devops-engineer.docx")).tables

    # The pay-transparency rules and the report's template travel in the wheel too.
    subprocess.run([jobdocs, "report", "pay", "-o", "reports"], cwd=project, check=True)
    assert listing(project / "reports") == ["pay-report.html", "pay-report.pdf"]

    # One file in the project's templates/ overrides the theme's; the rest still apply.
    (project / "templates/comparison.html").write_text(
        '{% extends "base.html" %}{% block body %}<h1>Overridden {{ comparison.title }}</h1>'
        "{% endblock %}",
        encoding="utf-8",
    )
    subprocess.run(
        [jobdocs, "build", "-q", "-f", "html", "developer-vs-engineer"], cwd=project, check=True
    )
    html = (project / "output/developer-vs-engineer.html").read_text(encoding="utf-8")
    assert "<h1>Overridden Software Developer vs Software Engineer</h1>" in html
    assert "@page" in html  # the stylesheet still comes from the theme
