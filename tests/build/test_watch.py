"""`jobdocs watch`: rebuilds on edits, serves the HTML, reloads open pages, stops cleanly."""

import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import unavailable

# Waits on deadlines for another process: a loaded machine may need more time.
pytestmark = pytest.mark.timing

DEADLINE = 30  # seconds for a rebuild to show


class Watch:
    """`jobdocs watch` in a process of its own, its output collected as it comes."""

    def __init__(self, project: Path, *options: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jobdocs", "-C", str(project), "watch", "--port", "0", *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for("serving ").split()[1]
        self.wait_for("built ")

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, prefix: str, after: int = 0) -> str:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                if line.startswith(prefix):
                    return line
            assert self.process.poll() is None, self.lines
            time.sleep(0.05)
        raise AssertionError(f"no line starting {prefix!r} in {self.lines}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=30)
        self.process.stdout.close()
        return code


def title(page: str) -> str | None:
    """The text of the page's h1."""
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page)
    return found.group(1) if found else None


def retitle(project: Path, title: str) -> None:
    role = project / "content/roles/devops-engineer.toml"
    text = role.read_text(encoding="utf-8")
    line = f'title = "{title}"'
    role.write_text(re.sub(r'(?m)^title = ".*"$', lambda _: line, text, count=1), "utf-8")


def eventually(check) -> None:
    deadline = time.monotonic() + DEADLINE
    while not check():
        assert time.monotonic() < deadline, "not within the deadline"
        time.sleep(0.1)


def test_watch_rebuilds_serves_and_survives_errors(project):
    watch = Watch(project)
    try:
        page = watch.get("devops-engineer.html")
        assert title(page) == "DevOps Engineer" and "/__jobdocs/version" in page
        assert "/__jobdocs/version" not in (project / "output/devops-engineer.html").read_text()
        # The posting-language findings are printed, and each role's page in the preview
        # (only there) ends with its language report.
        assert any(" note lint.gender.balance: " in line for line in watch.lines)
        assert '<section class="jobdocs-language-report"' in page
        # The organization's "hiring decisions" is in every posting: not counted in one.
        assert "own texts: 0 masculine, 3 feminine" in page
        assert "language-report" not in (project / "output/devops-engineer.html").read_text()
        assert "language-report" not in watch.get("developer-vs-engineer.html")
        version = watch.get("__jobdocs/version")

        retitle(project, "DevOps Engineer II")
        eventually(lambda: title(watch.get("devops-engineer.html")) == "DevOps Engineer II")
        # The page is on disk a moment before the reload signal changes: wait for both.
        eventually(lambda: watch.get("__jobdocs/version") != version)

        # A mistake is reported and watching goes on; fixing it rebuilds.
        seen = len(watch.lines)
        retitle(project, "DevOps Engineer II\\u000b")
        watch.wait_for(str(project / "content/roles/devops-engineer.toml"), after=seen)
        retitle(project, "DevOps Engineer III")
        eventually(lambda: title(watch.get("devops-engineer.html")) == "DevOps Engineer III")
    finally:
        code = watch.stop()
    assert code == 0
    assert watch.lines[-1] == "stopped"
    assert not any("Traceback" in line for line in watch.lines)


def test_watch_serves_the_careers_site_and_updates_it(project):
    (project / "jobdocs.toml").write_text('[site]\nbase_url = "https://example.com/"\n', "utf-8")
    watch = Watch(project, "-f", "site")
    try:
        assert any(line.endswith("site/index.html") for line in watch.lines)
        assert "DevOps Engineer" in watch.get("site/index.html")
        retitle(project, "DevOps Engineer II")
        eventually(lambda: "DevOps Engineer II" in watch.get("site/index.html"))
        page = "site/devops-engineer/index.html"
        eventually(lambda: '"title": "DevOps Engineer II"' in watch.get(page))
    finally:
        assert watch.stop() == 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def open_pages(port: int) -> list[dict]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
        return [page for page in json.load(response) if page.get("type") == "page"]


@pytest.mark.parametrize("browser", ["chromium"])
def test_the_page_loads_and_reloads_in_chromium(project, tmp_path, browser):
    chromium = shutil.which(browser)
    if chromium is None:
        unavailable("chromium is not installed (.ci/run installs it)")
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]  # fmt: skip
    watch = Watch(project)
    browser_process = None
    try:
        page_url = watch.url + "devops-engineer.html"
        dom = subprocess.run(
            [chromium, *flags, "--dump-dom", page_url], capture_output=True, text=True, timeout=60
        ).stdout
        assert title(dom) == "DevOps Engineer"

        port = free_port()
        browser_process = subprocess.Popen(
            [chromium, *flags, f"--remote-debugging-port={port}", page_url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def titles() -> list[str]:
            try:
                return [page["title"] for page in open_pages(port)]
            except OSError:
                return []

        eventually(lambda: "DevOps Engineer" in titles())
        retitle(project, "DevOps Engineer II")
        eventually(lambda: "DevOps Engineer II" in titles())  # the open page reloaded
    finally:
        if browser_process is not None:
            browser_process.kill()
            browser_process.wait()
        watch.stop()
