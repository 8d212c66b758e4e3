"""Time to read back a reviewed handbook of about 100 printed pages.

    python bench/review.py [--roles 32] [--runs 5]

bench/corpus.py makes a synthetic project (its 32 roles print a handbook of about 100
pages); the handbook is built as Word and as PDF (for the page count), then
reviewed as Word saves a review (tests/review/revisions.py): in every role a word of the
summary replaced, a responsibility deleted, one inserted and a comment added. The figure
is the median of `jobdocs.review.review` over the runs: reading, matching, judging and
the TOML diff, without writing.
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import make_project

from jobdocs.build import BuildOptions, build_project
from jobdocs.content.fields import bookmark
from jobdocs.review import review

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "review"))
from revisions import Reviewed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=32)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        ids = make_project(root, options.roles)
        out = Path(scratch) / "out"
        handbook = "technical-job-descriptions"
        report = build_project(root, BuildOptions((handbook,), ("docx", "pdf"), out, jobs=2))
        assert not report.failed, report.failed
        pages = _pages(out / f"{handbook}.pdf")
        path = out / f"{handbook}.docx"
        doc = Reviewed(path)
        for role_id in ids:
            source = f"roles/{role_id}"
            summary = doc.paragraph(bookmark(f"{source}:summary", 1))
            word = "".join(summary.itertext()).split()[1]
            run = doc.replace_word(bookmark(f"{source}:summary", 1), word, "reviewed")
            doc.delete_paragraph(bookmark(f"{source}:responsibilities[2]", 1))
            doc.insert_paragraph_after(
                bookmark(f"{source}:responsibilities[3]", 1), "A new duty from the review."
            )
            doc.comment(run, "Is this the right word?")
        doc.save()
        times, result = [], None
        for _ in range(options.runs):
            start = time.perf_counter()
            result = review(root, [path])
            times.append(time.perf_counter() - start)
        verdicts = sum(len(f.verdicts) for f in result.files)
        comments = sum(len(f.comments) for f in result.files)
        print(
            f"reviewed handbook: {options.roles} roles, {pages} pages, {path.stat().st_size:,} "
            f"bytes; {verdicts} verdicts, {comments} comments, {len(result.changed)} files "
            f"changed"
        )
        print(f"read back in {statistics.median(times):.3f} s (median of {options.runs})")


def _pages(pdf: Path) -> str:
    """The page count pdfinfo (poppler-utils) reads, or "?" without it."""
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages")), "?")


if __name__ == "__main__":
    main()
