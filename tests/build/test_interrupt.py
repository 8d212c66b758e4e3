"""Interrupted builds: Ctrl-C ends cleanly, a kill leaves only complete files, the next
build repairs the rest."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from conftest import listing, require

# Waits on deadlines for another process: a loaded machine may need more time.
pytestmark = pytest.mark.timing

COMMAND = [sys.executable, "-m", "jobdocs"]
FINDING = re.compile(r"^\S+:\d+:\d+: (note|warning) ")


def start_build(project: Path, out: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            *COMMAND,
            "-C",
            str(project),
            "build",
            "--out",
            str(out),
            "-f",
            "pdf",
            "-f",
            "docx",
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_files(process: subprocess.Popen, out: Path, count: int) -> None:
    deadline = time.monotonic() + 120
    while len(listing(out)) < count:
        assert process.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)


def assert_complete(out: Path) -> None:
    qpdf = require("qpdf")
    for name in listing(out):
        path = out / name
        if name.endswith(".pdf"):
            subprocess.run([qpdf, "--check", str(path)], check=True, capture_output=True)
        else:
            assert docx.Document(str(path)).paragraphs, name


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_prints_one_line_and_exits_128_plus_the_signal(
    project, tmp_path, jobs, stop
):
    out = tmp_path / "out"
    process = start_build(project, out, "-j", jobs)
    wait_for_files(process, out, 2)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + stop, stderr
    assert "Traceback" not in stderr
    # The checks' notes on the starter content come first; then Ctrl-C's one line.
    lines = [line for line in stderr.splitlines() if line and not FINDING.match(line)]
    assert lines == ["interrupted: every file written is complete; build again to finish"]
    assert_complete(out)


def test_a_killed_build_leaves_complete_files_and_the_next_build_converges(project, tmp_path):
    reference = tmp_path / "reference"
    subprocess.run(
        [*COMMAND, "-C", str(project), "build", "-q", "-f", "pdf", "-f", "docx", "--out",
         str(reference)],
        check=True,
    )  # fmt: skip
    out = tmp_path / "out"
    for kill_after in (1, 5, 9):
        process = start_build(project, out, "-j", "1", "--force")
        wait_for_files(process, out, kill_after)
        process.kill()
        process.communicate()
        assert_complete(out)
    subprocess.run(
        [*COMMAND, "-C", str(project), "build", "-q", "-f", "pdf", "-f", "docx", "--out", str(out)],
        check=True,
    )
    assert listing(out) == listing(reference)
    for name in listing(reference):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    assert not list(out.glob(".*.tmp"))


def test_one_build_at_a_time_per_output_folder(project, tmp_path):
    out = tmp_path / "out"
    first = start_build(project, out, "-j", "1")
    wait_for_files(first, out, 1)
    second = subprocess.run(
        [*COMMAND, "-C", str(project), "build", "--out", str(out)], capture_output=True, text=True
    )
    first.kill()
    first.communicate()
    assert second.returncode == 1
    assert "another jobdocs build is writing here" in second.stderr


def workers(process: subprocess.Popen, count: int) -> list[int]:
    """The pids of the build's worker processes, once it has `count` (Linux only)."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    if not children.exists():
        pytest.skip("needs /proc to find a build's worker processes")
    deadline = time.monotonic() + 120
    while len(found := children.read_text().split()) < count:
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    return [int(pid) for pid in found]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # an orphan nobody reaps is a zombie, and done


def test_workers_of_a_killed_build_end_and_hold_no_lock(project, tmp_path):
    """Before: the workers went on writing and kept the inherited lock, so every later
    build said another build was writing here."""
    out = tmp_path / "out"
    process = start_build(project, out, "-j", "2")
    pids = workers(process, 2)
    wait_for_files(process, out, 1)
    process.kill()
    process.communicate()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in pids):
        assert time.monotonic() < deadline, "a worker outlived its build"
        time.sleep(0.05)
    again = subprocess.run(
        [*COMMAND, "-C", str(project), "build", "-q", "-f", "html", "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr


def test_a_worker_killed_by_the_system_is_a_clean_error(project, tmp_path):
    """As the OOM killer would: before, a BrokenProcessPool traceback."""
    out = tmp_path / "out"
    process = start_build(project, out, "-j", "2", "--force")
    pids = workers(process, 2)
    wait_for_files(process, out, 1)
    os.kill(pids[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert "a worker process was killed before it finished" in stderr
    assert_complete(out)
