"""Posting-language benchmark: `jobdocs lint` warm and cold.

    python bench/lint.py [--roles 200] [--runs 5]

Measures:
  1. linting a synthetic project of N roles (bench/corpus.py) in a warm process: the
     project loaded once, the rules read once; the median and fastest of the runs.
     Target (issue 19): at most 0.35 s for 200 roles.
  2. the same after editing one role, in one session as `jobdocs watch` lints: what the
     session's memo of each role's findings saves (session.py);
  3. `jobdocs lint` and `jobdocs check` on this repository's starter content, start to
     finish, each run in a fresh process as a user or CI runs it; the median and fastest.
     Targets: lint under 1 s; check at most 0.4 s (issue 19).
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "src"))
from corpus import make_project  # noqa: E402


def warm(roles: int, runs: int) -> tuple[float, float, int, float]:
    from jobdocs.checks.lint.engine import lint
    from jobdocs.content import load_project
    from jobdocs.session import Session

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_project(root, roles)
        lint(load_project(root))  # the rules read and compiled, the modules imported
        times = []
        for _ in range(runs):
            project = load_project(root)  # no session: fresh sources, nothing kept
            start = time.perf_counter()
            found = lint(project)
            times.append(time.perf_counter() - start)
        session, edits = Session(), []
        lint(load_project(root, session=session), session=session)
        for run in range(runs):
            role = next((root / "content" / "roles").glob("*.toml"))
            role.write_text(role.read_text() + f"\n# edit {run}\n")
            session.begin()
            project = load_project(root, session=session)
            start = time.perf_counter()
            lint(project, session=session)
            edits.append(time.perf_counter() - start)
    return statistics.median(times), min(times), len(found), statistics.median(edits)


def cold(runs: int, name: str = "lint") -> tuple[float, float]:
    command = [sys.executable, "-m", "jobdocs", "-C", str(REPO), name]
    env = {"PYTHONPATH": str(REPO / "src")}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    median, fastest, found, edit = warm(args.roles, args.runs)
    print(
        f"lint {args.roles} roles, warm process: median {median:.3f} s, fastest {fastest:.3f} s "
        f"({found} findings; target ≤ 0.35 s)"
    )
    print(f"after editing one role, in one session: median {edit:.3f} s")
    median, fastest = cold(args.runs)
    print(
        f"jobdocs lint on the starter content, fresh process: median {median:.3f} s, "
        f"fastest {fastest:.3f} s (target < 1 s)"
    )
    median, fastest = cold(args.runs, "check")
    print(
        f"jobdocs check on the starter content, fresh process: median {median:.3f} s, "
        f"fastest {fastest:.3f} s (target ≤ 0.4 s)"
    )


if __name__ == "__main__":
    main()
