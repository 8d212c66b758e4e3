"""Wall time of everyday jobdocs commands on this repository's content.

    python bench/cli_times.py [--runs 5]

Each command runs in a fresh process, as a user or CI would run it; the figures are the
median and the fastest of the runs. Builds write into a temporary folder, with --force
except the last, which shows the cost of a build that finds nothing to do.

Start-up targets: `jobdocs --help` within 0.15 s of `python -c pass`, and `jobdocs check`
on the starter content under 0.4 s (medians).
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(command: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    jobdocs = [sys.executable, "-m", "jobdocs"]
    with tempfile.TemporaryDirectory() as out:
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "jobdocs --help": [*jobdocs, "--help"],
            "jobdocs check": [*jobdocs, "check"],
            "jobdocs build -f pdf (7 PDFs)": [*jobdocs, "build", "--force", "-f", "pdf", "-o", out],
            "jobdocs build -f html (7 files)": [
                *jobdocs,
                "build",
                "--force",
                "-f",
                "html",
                "-o",
                out,
            ],
            "jobdocs build (7 PDF + 7 DOCX)": [*jobdocs, "build", "--force", "-o", out],
            "jobdocs build, nothing changed": [*jobdocs, "build", "-o", out],
        }
        print(f"{'command':<36} {'median s':>9} {'min s':>7}   ({runs} runs each)")
        medians = {}
        for name, command in commands.items():
            medians[name], fastest = timed(command, runs)
            print(f"{name:<36} {medians[name]:>9.3f} {fastest:>7.3f}")
    python, help, check = (
        medians["python -c pass"],
        medians["jobdocs --help"],
        medians["jobdocs check"],
    )
    print(
        f"--help: {help - python:.3f} s over python -c pass (target 0.15 s: "
        f"{'met' if help - python <= 0.15 else 'NOT met'}), ratio {help / python:.1f}x; "
        f"check: {check:.3f} s (target 0.4 s: {'met' if check < 0.4 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
