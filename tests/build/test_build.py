"""Batch builds: incremental, parallel, deterministic, shardable, and resilient to failures."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DOCUMENT_IDS as ALL_IDS
from conftest import REPO, edit, listing


def written(result) -> set[str]:
    return {
        Path(line.removeprefix("wrote ")).name
        for line in result.output.splitlines()
        if line.startswith("wrote ")
    }


@pytest.fixture
def built(project, jobdocs) -> Path:
    result = jobdocs(project, "build", "-f", "html", "-j1")
    assert result.exit_code == 0, result.output
    assert len(written(result)) == 7
    return project


def test_nothing_changed_nothing_built(built, jobdocs):
    result = jobdocs(built, "build", "-f", "html")
    assert result.exit_code == 0
    assert written(result) == set()
    assert "built 0, skipped 7 unchanged, failed 0" in result.output


def test_editing_a_role_rebuilds_it_and_the_documents_that_include_it(built, jobdocs):
    role = built / "content/roles/software-developer.toml"
    edit(role, "brings software to fruition", "brings software to life")
    assert written(jobdocs(built, "build", "-f", "html")) == {
        "software-developer.html",
        "technical-job-descriptions.html",
    }
    edit(role, 'title = "Software Developer"', 'title = "Software Developer II"')
    # The title is also shown where the role is named: the engineer's comparison table,
    # the comparison itself.
    assert written(jobdocs(built, "build", "-f", "html")) == {
        "software-developer.html",
        "software-engineer.html",
        "developer-vs-engineer.html",
        "technical-job-descriptions.html",
    }


def test_editing_a_comparison_rebuilds_its_roles_and_the_handbook(built, jobdocs):
    comparison = built / "content/comparisons/developer-vs-engineer.toml"
    edit(comparison, 'aspect = "Approach"', 'aspect = "Method"')
    assert written(jobdocs(built, "build", "-f", "html")) == {
        "software-developer.html",
        "software-engineer.html",
        "developer-vs-engineer.html",
        "technical-job-descriptions.html",
    }


def test_templates_settings_and_force_rebuild_everything(built, jobdocs):
    everything = {f"{document_id}.html" for document_id in ALL_IDS}
    edit(built / "templates/style.css", "line-height: 1.45;", "line-height: 1.5;")
    assert written(jobdocs(built, "build", "-f", "html")) == everything
    (built / "jobdocs.toml").write_text('page_size = "Letter"\n', encoding="utf-8")
    assert written(jobdocs(built, "build", "-f", "html")) == everything
    assert written(jobdocs(built, "build", "-f", "html", "--force")) == everything


def test_deleted_or_modified_outputs_are_rebuilt(built, jobdocs):
    (built / "output/devops-engineer.html").unlink()
    edited = built / "output/platform-architect.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- edited -->", encoding="utf-8")
    assert written(jobdocs(built, "build", "-f", "html")) == {
        "devops-engineer.html",
        "platform-architect.html",
    }
    assert "edited" not in edited.read_text(encoding="utf-8")


def test_a_broken_manifest_means_a_full_rebuild(built, jobdocs):
    (built / "output/.jobdocs-manifest.json").write_text("{not json", encoding="utf-8")
    assert len(written(jobdocs(built, "build", "-f", "html"))) == 7


def test_a_failing_document_does_not_stop_the_others(project, jobdocs):
    edit(
        project / "templates/role.html",
        "{% block body %}",
        '{% block body %}{% if role_id == "devops-engineer" %}{{ no_such_value }}{% endif %}',
    )
    result = jobdocs(project, "build", "-f", "html", "-f", "docx", "-j2")
    assert result.exit_code == 1
    assert "'no_such_value' is undefined" in result.stderr
    assert "devops-engineer.html" in result.stderr
    assert "Error: 2 files could not be built" in result.stderr
    expected = {f"{d}.{f}" for d in ALL_IDS if d != "devops-engineer" for f in ("html", "docx")}
    assert set(listing(project / "output")) == expected
    # Once fixed, only the failed document is built.
    shutil.copy(REPO / "templates/role.html", project / "templates")
    result = jobdocs(project, "build", "-f", "html", "-f", "docx")
    assert written(result) >= {"devops-engineer.html", "devops-engineer.docx"}


@pytest.mark.parametrize("parts", [1, 2, 3, 7, 9])
def test_shards_are_disjoint_and_complete(project, tmp_path, parts, jobdocs):
    seen: list[str] = []
    for part in range(1, parts + 1):
        out = tmp_path / f"shard-{part}"
        result = jobdocs(
            project, "build", "-f", "html", "--shard", f"{part}/{parts}", "--out", str(out)
        )
        assert result.exit_code == 0, result.output
        seen += listing(out)
    assert sorted(seen) == sorted(f"{document_id}.html" for document_id in ALL_IDS)


@pytest.mark.parametrize("value", ["0/3", "4/3", "a/b", "3"])
def test_bad_shard_is_a_usage_error(project, value, jobdocs):
    result = jobdocs(project, "build", "--shard", value)
    assert result.exit_code == 2
    assert "--shard" in result.output


def run_jobdocs(project: Path, *args: str, without_harfbuzz_subset: bool = False) -> str:
    """jobdocs in a process of its own, as CI runs it."""
    prelude = "import sys\n"
    if without_harfbuzz_subset:
        prelude += "import weasyprint.pdf.fonts as fonts\nfonts.harfbuzz_subset = None\n"
    code = prelude + (
        "from jobdocs.cli import main\n"
        "try:\n"
        f"    main({['-C', str(project), *args]!r})\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print('weasyprint imported:', 'weasyprint' in sys.modules)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("without_harfbuzz_subset", [False, True])
def test_separate_builds_give_identical_bytes(project, tmp_path, without_harfbuzz_subset):
    outputs = []
    for attempt, jobs in (("first", "1"), ("second", "2")):
        out = tmp_path / attempt
        run_jobdocs(
            project,
            "build", "-f", "pdf", "-f", "docx", "-f", "html", "-j", jobs, "--out", str(out),
            without_harfbuzz_subset=without_harfbuzz_subset,
        )  # fmt: skip
        outputs.append({name: (out / name).read_bytes() for name in listing(out)})
    assert len(outputs[0]) == 21
    assert outputs[0] == outputs[1]


def test_a_no_op_build_does_not_import_weasyprint(project):
    first = run_jobdocs(project, "build", "-f", "pdf", "developer-vs-engineer")
    assert "built 1, skipped 0" in first and "weasyprint imported: True" in first
    second = run_jobdocs(project, "build", "-f", "pdf", "developer-vs-engineer")
    assert "built 0, skipped 1 unchanged" in second
    assert "weasyprint imported: False" in second
