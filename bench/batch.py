"""Batch export benchmark: a synthetic project of N roles, built every way a user would.

    python bench/batch.py [--roles 200] [--without-harfbuzz-subset] [--keep DIR]

Measures, in one run and on one project:
  1. the floor: WeasyPrint alone writing the same HTML documents in one warm process;
  2. a naive loop: the `weasyprint` command once per HTML file, as a Makefile would;
  3. `jobdocs build --format pdf` with -j1 and -j2;
  4. `jobdocs build` (pdf + docx) cold, again with nothing changed, then after editing one role;
  5. peak memory (RSS): of the largest process, and of a -j1 build at document 20 and 200.
--without-harfbuzz-subset makes WeasyPrint subset fonts with fontTools, as it does on a
machine without the libharfbuzz-subset0 package.
"""

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from corpus import make_project  # noqa: E402

# Turns HarfBuzz subsetting off when (and only if) WeasyPrint is imported, so that a run
# that does not need WeasyPrint, such as a no-op build, does not import it either.
NO_HB_SUBSET = """
import importlib.abc, importlib.util, sys
class _NoSubset(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "weasyprint.pdf.fonts":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            module.harfbuzz_subset = None
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, _NoSubset())
"""


def jobdocs_command(project: Path, *args: str, without_subset: bool) -> list[str]:
    prelude = NO_HB_SUBSET if without_subset else ""
    code = f"{prelude}\nfrom jobdocs.cli import main; main(prog_name='jobdocs')"
    return [sys.executable, "-c", code, "-C", str(project), *args]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def floor(project: Path, out: Path, without_subset: bool) -> float:
    """WeasyPrint alone on the same HTML, in this warm process."""
    if without_subset:
        import weasyprint.pdf.fonts

        weasyprint.pdf.fonts.harfbuzz_subset = None
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    pages = sorted((project / "html").glob("*.html"))
    start = time.perf_counter()
    for page in pages:
        weasyprint.HTML(filename=page).write_pdf(
            out / f"{page.stem}.pdf", font_config=fonts, pdf_tags=True
        )
    return time.perf_counter() - start


def naive_loop(project: Path, out: Path, without_subset: bool) -> float:
    prelude = NO_HB_SUBSET if without_subset else ""
    code = f"{prelude}\nfrom weasyprint.__main__ import main; main()"
    start = time.perf_counter()
    for page in sorted((project / "html").glob("*.html")):
        cmd = [sys.executable, "-W", "ignore", "-c", code, str(page), str(out / f"{page.stem}.pdf")]
        subprocess.run(cmd, check=True)
    return time.perf_counter() - start


def rss_during_build(command: list[str], out: Path, marks: tuple[int, ...]) -> dict[int, int]:
    """Peak RSS (KiB) of a -j1 build when it has written `marks` documents."""
    found: dict[int, int] = {}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    status = Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            peak = int(
                next(x for x in status.read_text().splitlines() if x.startswith("VmHWM"))[6:-3]
            )
        except (OSError, StopIteration, ValueError):
            break
        count = len(list(out.glob("*.pdf"))) if out.exists() else 0
        for mark in marks:
            if count >= mark and mark not in found:
                found[mark] = peak
        time.sleep(0.05)
    process.wait()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=200)
    parser.add_argument("--without-harfbuzz-subset", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the project here and keep it")
    options = parser.parse_args()
    without = options.without_harfbuzz_subset
    work = options.keep or Path(tempfile.mkdtemp(prefix="jobdocs-bench-"))
    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    ids = make_project(project, options.roles)

    def jobdocs(*args: str) -> list[str]:
        return jobdocs_command(project, *args, without_subset=without)

    subprocess.run(jobdocs("build", "-q", "-f", "html", "--out", str(project / "html")), check=True)
    documents = len(list((project / "html").glob("*.html")))
    print(f"project: {options.roles} roles, {documents} documents; libharfbuzz-subset0: "
          f"{'not used' if without else 'used'}", flush=True)  # fmt: skip

    results: dict[str, float] = {}
    (work / "floor").mkdir(exist_ok=True)
    results["floor"] = floor(project, work / "floor", without)
    print(f"1. floor, WeasyPrint in one warm process     {results['floor']:8.1f} s", flush=True)
    (work / "naive").mkdir(exist_ok=True)
    results["naive"] = naive_loop(project, work / "naive", without)
    print(f"2. naive loop, weasyprint command per file   {results['naive']:8.1f} s", flush=True)
    pages = sum(map(page_count, (work / "naive").glob("*.pdf"))) if shutil.which("pdfinfo") else 0
    for jobs in ("1", "2"):
        out = work / f"pdf-j{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        results[f"j{jobs}"] = timed(
            jobdocs("build", "-q", "-f", "pdf", "-j", jobs, "--out", str(out))
        )
        print(
            f"3. jobdocs build -f pdf -j{jobs}                  {results['j' + jobs]:8.1f} s",
            flush=True,
        )

    out = work / "output"
    shutil.rmtree(out, ignore_errors=True)
    results["cold"] = timed(jobdocs("build", "-q", "--out", str(out)))
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    results["noop"] = timed(jobdocs("build", "-q", "--out", str(out)))
    role = project / "content/roles" / f"{ids[-1]}.toml"
    role.write_text(role.read_text().replace('summary = """\n', 'summary = """\nEdited. ', 1))
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    results["edit"] = timed(jobdocs("build", "-q", "--out", str(out)))
    rebuilt = sorted(p.name for p in out.iterdir() if before.get(p.name) != p.stat().st_mtime_ns)
    rebuilt_documents = {Path(name).stem for name in rebuilt if not name.startswith(".")}
    print(f"4. jobdocs build (pdf + docx), cold           {results['cold']:8.1f} s")
    print(f"   again, nothing changed                     {results['noop']:8.2f} s")
    print(f"   after editing one role                     {results['edit']:8.1f} s")
    print(f"   rebuilt: {', '.join(sorted(rebuilt_documents))}")

    rss_out = work / "rss"
    shutil.rmtree(rss_out, ignore_errors=True)
    marks = rss_during_build(
        jobdocs("build", "-q", "-f", "pdf", "-j", "1", "--out", str(rss_out)), rss_out, (20, 200)
    )
    print(f"5. peak RSS of the largest process            {peak_kib / 1024:8.0f} MiB")
    if 20 in marks and 200 in marks:
        growth = marks[200] / marks[20] - 1
        print(f"   -j1 build: peak RSS at document 20 / 200     {marks[20] / 1024:.0f} / "
              f"{marks[200] / 1024:.0f} MiB  (growth {growth:+.0%})")  # fmt: skip

    print("\nratios and targets")
    checks = [
        ("-j1 PDF / floor", results["j1"] / results["floor"], "<= 1.10"),
        ("-j1 / -j2 (speed-up)", results["j1"] / results["j2"], ">= 1.70"),
        ("jobdocs -j2 / naive loop", results["j2"] / results["naive"], "<= 0.25"),
        ("no-op / cold", results["noop"] / results["cold"], "<= 0.03"),
    ]
    for name, value, target in checks:
        limit = float(target.split()[1])
        met = value <= limit if target.startswith("<=") else value >= limit
        print(f"   {name:<28} {value:6.3f}   target {target}   {'met' if met else 'NOT met'}")
    print(f"   documents rebuilt after one edit  {len(rebuilt_documents)}   target <= 3")
    if pages:
        print(f"   pages in the PDFs: {pages}")
    if not options.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
