import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jobdocs.content.bidi import without_controls

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"

# The starter content's documents, in the order jobdocs lists them: roles, comparisons,
# then the handbook.
DOCUMENT_IDS = [
    "chief-technology-officer",
    "devops-engineer",
    "platform-architect",
    "software-developer",
    "software-engineer",
    "developer-vs-engineer",
    "technical-job-descriptions",
]


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden from current output"
    )


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def project(tmp_path) -> Path:
    """A writable copy of this repository's project: its content, templates and settings."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def require(tool: str) -> str:
    """The path of an external tool; a skip where it is missing, a failure in CI."""
    found = shutil.which(tool)
    if found:
        return found
    unavailable(f"{tool} is not installed (.ci/run installs it)")


def unavailable(message: str):
    """Skip a test whose tools are missing here; in CI, where they must be, fail it."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def pdf_text(path: Path) -> str:
    """The PDF's text, as poppler's pdftotext reads it, with white space folded and without
    the bidi controls poppler puts around right-to-left runs."""
    output = subprocess.run(
        [require("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(without_controls(output).split())


def pdf_info(path: Path, *options: str) -> dict[str, str]:
    """pdfinfo's fields; with "-meta", the XMP metadata as well, under "xmp"."""
    output = subprocess.run(
        [require("pdfinfo"), *options, str(path)], capture_output=True, text=True, check=True
    ).stdout
    if "-meta" in options:
        return {"xmp": output}
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in output.splitlines())
    }


def in_chromium(page: Path, script: str, attribute: str, *options: str):
    """What `script` (HTML put before the page's </body>) records, as JSON, in the body's
    `attribute` when headless Chromium loads a copy of `page`."""
    copy = page.with_name(f"probe-{page.name}")
    html = page.read_text(encoding="utf-8")
    copy.write_text(html.replace("</body>", script + "\n</body>"), "utf-8")
    dom = subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--allow-file-access-from-files", *options, "--dump-dom", copy.as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    found = re.search(f'{attribute}="([^"]*)"', dom)
    assert found, f"nothing recorded in {attribute} on {page}: {dom[-500:]}"
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file with `new`; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def jobdocs():
    """Run the command in-process: `jobdocs(project, "build", ...)`; project None for none.
    An exception other than the command's exit is raised, so a bug shows its traceback."""
    from click.testing import CliRunner

    from jobdocs.cli import main

    def run(project: Path | None, *args: str, **options):
        where = ["-C", str(project)] if project is not None else []
        return CliRunner().invoke(main, [*where, *args], **{"catch_exceptions": False, **options})

    return run


def build_files(project: Path, formats, out: Path, ids=(), **options) -> dict[str, Path]:
    """Build through the library in this process: the files written, by name ("id.pdf").
    The first failure is raised as the error it was."""
    from jobdocs.build import BuildOptions, build_project

    session = options.pop("session", None)
    jobs = options.pop("jobs", 1)
    choice = BuildOptions(tuple(ids), tuple(formats), out, jobs, **options)
    report = build_project(project, choice, session=session)
    if report.failed:
        raise report.failed[0].error
    built = {job.target.name: job.target for job in report.built}
    for path in built.values():
        if path.suffix == ".pdf":
            assert_whole_words(path)
    return built


def assert_whole_words(pdf: Path) -> None:
    """Every word of a PDF's text layer is whole: no hyphen that hyphenation inserted
    (U+2010) and no soft hyphen (U+00AD), which copying, search, screen readers and
    applicant-tracking parsers would all get inside the word. Checked on every PDF the
    tests build, where poppler is installed."""
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    broken = re.findall(r"\S*[\u2010\u00ad]\S*", text)
    assert not broken, f"{pdf.name}: words broken in the text layer: {broken[:5]}"


@pytest.fixture
def build():
    """`build(project, ["pdf"], out, ids)`: see build_files."""
    return build_files


def listing(folder: Path) -> list[str]:
    """The output files in a folder: not the hidden ones (manifest, lock, temporary files)."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


MINIMAL = REPO / "tests" / "fixtures" / "minimal"
"""The minimal fixture project: an organization's name and one role."""

FULL = REPO / "tests" / "fixtures" / "postings"
"""The full fixture project (see its README.md): a logo outside assets/, its own labels
and templates, postings in English, German and Dutch, several locations."""


def minimal_with(tmp_path: Path, role: str) -> Path:
    """A copy of the minimal fixture project whose one role, `clerk`, is the TOML `role`."""
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    (root / "content/roles/clerk.toml").write_text(role, encoding="utf-8")
    return root


@pytest.fixture
def full_project(tmp_path) -> Path:
    """A writable copy of the full fixture project."""
    root = tmp_path / "full"
    shutil.copytree(FULL, root)
    return root


GOLDEN_PROJECTS = {"starter": REPO, "minimal": MINIMAL, "full": FULL}
"""The projects whose documents have goldens, each in its own folder of tests/golden/."""


def check_golden(folder: Path, made: dict[str, str], update: bool) -> None:
    """Compare the files `made` (name → text) with the goldens in `folder`. With
    `pytest --update-golden`, rewrite them instead (deleting goldens no longer made) and
    skip: a run that rewrites its expectations has checked nothing."""
    if update:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in {p.name for p in folder.iterdir()} - set(made):
            (folder / stale).unlink()
        for name, text in made.items():
            (folder / name).write_text(text, encoding="utf-8")
        pytest.skip(f"rewrote {len(made)} goldens in {folder.relative_to(REPO)}")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*"))}
    assert sorted(expected) == sorted(made), "run pytest --update-golden"
    for name, text in made.items():
        assert text == expected[name], f"{folder.name}/{name}: run pytest --update-golden"
