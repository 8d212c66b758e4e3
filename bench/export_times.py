"""Time to export each document of this repository's content, per format, in one warm process.

    python bench/export_times.py [--runs 5]

The exporters are imported once before timing, as in a build that exports many documents.
Each figure is the median over the runs of `jobdocs.build_project` for that one file
(--force): loading the project, rendering and writing. The first line gives the loading
alone, which is in every figure.
"""

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from jobdocs import load_project
from jobdocs.build import BuildOptions, build_project
from jobdocs.exporters import exporter

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    formats = ("html", "docx", "pdf")
    for format in formats:
        exporter(format)  # import before timing
    load = statistics.median(_time(load_project, REPO) for _ in range(runs))
    print(f"{'loading the project':<30}{load * 1000:>10.1f} ms, in every figure below")
    print(f"{'document':<30}" + "".join(f"{f + ' ms':>10}" for f in formats))
    totals = dict.fromkeys(formats, 0.0)
    with tempfile.TemporaryDirectory() as out:
        options = BuildOptions(formats=("html",), out=Path(out), jobs=1)
        ids = [job.document.id for job in build_project(REPO, options).built]
        for document_id in ids:
            row = f"{document_id:<30}"
            for format in formats:
                median = statistics.median(
                    _time(
                        build_project,
                        REPO,
                        replace(options, ids=(document_id,), formats=(format,), force=True),
                    )
                    for _ in range(runs)
                )
                totals[format] += median * 1000
                row += f"{median * 1000:>10.1f}"
            print(row)
    print(f"{'mean per document':<30}" + "".join(f"{totals[f] / len(ids):>10.1f}" for f in formats))


def _time(call, *args, **options) -> float:
    start = time.perf_counter()
    call(*args, **options)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
