"""Pay-transparency checks benchmark: the pay family's checks over a synthetic project of N
postings, in a warm process (the project loaded, the rules read, Babel's data imported
once). The language rules have a benchmark of their own (bench/lint.py).

    python bench/pay_checks.py [--roles 200] [--repeat 20] [--as-of 2026-11-29]

Prints the fastest and the median time of one run of the pay checks, and the findings.
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from corpus import make_project  # noqa: E402

from jobdocs.checks import Context  # noqa: E402
from jobdocs.checks.pay import check  # noqa: E402
from jobdocs.content import load_project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 29))
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        make_project(Path(folder), options.roles)
        project = load_project(folder)
        postings = sum(1 for role in project.roles.values() if role.posting)
        context = Context(as_of=options.as_of)
        findings = check(project, context)  # warm: rules, Babel, pycountry
        times = []
        for _ in range(options.repeat):
            start = time.perf_counter()
            check(project, context)
            times.append(time.perf_counter() - start)
    severities = Counter(problem.severity for problem in findings)
    print(f"{postings} postings, as of {options.as_of}: {dict(sorted(severities.items()))}")
    print(
        f"pay checks: fastest {min(times):.3f} s, median {statistics.median(times):.3f} s "
        f"over {options.repeat} runs (target: under 0.2 s)"
    )


if __name__ == "__main__":
    main()
