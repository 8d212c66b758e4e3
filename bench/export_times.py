"""Time to export each document of this repository's content, per format, in one warm process.

    python bench/export_times.py [--runs 5]

Loading, validation and WeasyPrint's import happen once before timing, as in a build that
exports many documents; each figure is the median over the runs of render + write.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from jobdocs.build import exporter
from jobdocs.content import load_project, load_settings
from jobdocs.documents import plan
from jobdocs.project import ProjectPaths
from jobdocs.render import Renderer

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    paths = ProjectPaths(REPO)
    renderer = Renderer(paths.template_folders, load_settings(paths))
    documents = plan(load_project(paths))
    formats = ("html", "docx", "pdf")
    for format in formats:
        exporter(format)  # import before timing
    print(f"{'document':<30}" + "".join(f"{f + ' ms':>10}" for f in formats))
    totals = dict.fromkeys(formats, 0.0)
    with tempfile.TemporaryDirectory() as out:
        for document in documents:
            row = f"{document.id:<30}"
            for format in formats:
                times = []
                for _ in range(runs):
                    start = time.perf_counter()
                    rendered = renderer.render(document, format)
                    exporter(format).write(rendered, Path(out) / f"{document.id}.{format}")
                    times.append(time.perf_counter() - start)
                median = statistics.median(times) * 1000
                totals[format] += median
                row += f"{median:>10.1f}"
            print(row)
    print(
        f"{'mean per document':<30}"
        + "".join(f"{totals[f] / len(documents):>10.1f}" for f in formats)
    )


if __name__ == "__main__":
    main()
