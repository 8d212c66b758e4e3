"""What goes wrong while writing is a message, never a traceback (issue 18): an output
folder that is a file, a folder where an output file goes, and even a bug, which fails
its one file in `build` and never ends `watch`."""

import shutil

import pytest
from conftest import MINIMAL


@pytest.fixture
def minimal(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    return root


def test_an_output_folder_that_is_a_file(jobdocs, minimal):
    (minimal / "output").write_text("not a folder")
    result = jobdocs(minimal, "build", "-f", "html")
    assert result.exit_code == 1
    assert "output: is a file, not a folder" in result.output


def test_a_folder_where_an_output_file_goes(jobdocs, minimal):
    (minimal / "output" / "clerk.html").mkdir(parents=True)
    result = jobdocs(minimal, "build", "-f", "html")
    assert result.exit_code == 1
    assert "clerk.html: cannot write (Is a directory)" in result.output


def test_a_bug_in_an_exporter_fails_that_file_only(jobdocs, minimal, monkeypatch):
    from jobdocs.exporters import html

    def broken(rendered):
        raise RuntimeError("a bug")

    monkeypatch.setattr(html, "export", broken)
    result = jobdocs(minimal, "build", "-f", "html", "-f", "docx")
    assert result.exit_code == 1
    assert "the export failed unexpectedly (RuntimeError: a bug); please report" in result.output
    assert (minimal / "output" / "clerk.docx").is_file()


def test_watch_goes_on_after_a_bug(jobdocs, minimal, monkeypatch):
    """The README: errors are printed and watching goes on."""
    from jobdocs import checks
    from jobdocs.build import watch

    real, calls = checks.run, []

    def first_time_broken(*args):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return real(*args)

    monkeypatch.setattr(checks, "run", first_time_broken)
    monkeypatch.setattr(watch, "changes", lambda paths: iter([None, None]))
    result = jobdocs(minimal, "watch", "--port", "0", "--no-language-report")
    assert result.exit_code == 0, result.output
    assert "error: the build failed unexpectedly (RuntimeError: a bug)" in result.output
    assert (minimal / "output" / "clerk.html").is_file()  # the second build
    assert result.output.rstrip().endswith("stopped")
