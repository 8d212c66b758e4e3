"""Careers site benchmark: the site of a synthetic project of N postings, in a warm process.

    python bench/site.py [--roles 200] [--runs 3]

Measures `jobdocs.build_project(..., formats=["site"])`:
  1. cold: an empty output folder, nothing rendered yet in this process (modules imported);
  2. one edit: a posting's summary changed, then built again, as `jobdocs watch` does;
  3. nothing changed: built again.
Targets: cold under 2 s, one edit under 0.3 s.
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_project

from jobdocs.build import BuildOptions, build_project
from jobdocs.session import Session

AS_OF = date(2026, 11, 29)


def timed(call, *args, **options) -> tuple[float, object]:
    start = time.perf_counter()
    result = call(*args, **options)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        root.mkdir()
        ids = make_project(root, options.roles)
        (root / "jobdocs.toml").write_text('[site]\nbase_url = "https://example.com/jobs/"\n')
        cold, edit, noop = [], [], []
        for run in range(options.runs):
            out = Path(folder) / f"out-{run}"
            session = Session()  # nothing rendered yet in this process
            build = BuildOptions(formats=("site",), out=out, jobs=1, as_of=AS_OF)
            seconds, report = timed(build_project, root, build, None, session)
            cold.append(seconds)
            files = len(report.built)
            role = root / "content/roles" / f"{ids[run]}.toml"
            role.write_text(role.read_text().replace('summary = """\n', 'summary = """\nNew. '))
            seconds, report = timed(build_project, root, build, None, session)
            edit.append(seconds)
            rebuilt = sorted(str(job.target.relative_to(out)) for job in report.built)
            noop.append(timed(build_project, root, build, None, session)[0])
    print(f"site of {options.roles} postings: {files} files; median of {options.runs} runs")
    print(f"1. cold                {statistics.median(cold):6.2f} s   (target < 2 s)")
    print(f"2. after one edit      {statistics.median(edit):6.2f} s   (target < 0.3 s)")
    print(f"   rebuilt: {', '.join(rebuilt)}")
    print(f"3. nothing changed     {statistics.median(noop):6.2f} s")


if __name__ == "__main__":
    main()
