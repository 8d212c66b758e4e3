"""Linear time: each stage given 10 times the input takes at most 12 times as long.

    python bench/linear.py [--runs 3]

Each stage is timed at n and at 10n (the fastest of the runs) on the input that once made
it quadratic (issue 18), up to the README's limits:

  lint sentences   one role's 200 responsibilities of 200 or 2,000 characters, runs of
                   "!", "?!", ". . .", letters, ".a", "](" and "1   …   years" not
                   followed by a space (the sentence, address and years patterns);
  markdown         a summary of 2,000 or 20,000 characters of unclosed "[a](", "[" and
                   "[a](b": validated (content/markdown.py) and rendered as a block, its
                   lines rendered inline, its targets masked as review does;
  check            `load_project` and every check of a role file of 20 or 200 lines of
                   2,000 characters (40 KB and 400 KB);
  review comments  a reviewed role with n comments, half of them replies;
  review paragraphs  a reviewed role with n paragraphs typed with tracking off (no
                   bookmarks) after its first responsibility.

It prints "stage, n, t(n), t(10n), ratio" and exits 1 if any ratio is above 12. About a
minute in all.
"""

import argparse
import copy
import gc
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests" / "review"))
from corpus import make_project, sentence  # noqa: E402

LIMIT = 12.0
RUNS = ["!", "?!", ". ", "a", ".a", "](", "!!!!!!)"]  # a run of each, with no space after


def fastest(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()  # as timeit does: a collection falling in one run only is noise
        try:
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def project(root: Path, role: str) -> Path:
    make_project(root, 3)
    (root / "content/roles/big.toml").write_text(role, encoding="utf-8")
    return root


def role(items: list[str], required: list[str] = (), summary: str = "A summary.") -> str:
    return (
        f'title = "Big"\nsummary = {json.dumps(summary)}\n'
        f"responsibilities = [{', '.join(json.dumps(i) for i in items)}]\n"
        f"[qualifications]\nrequired = [{', '.join(json.dumps(i) for i in required)}]\n"
    )


def lint_sentences(n: int, runs: int) -> float:
    from jobdocs.checks.lint.engine import lint
    from jobdocs.content import load_project

    items = [fill(RUNS[i % len(RUNS)], n - 3) + "@:`" for i in range(200)]
    required = ["1" + " " * (n - 10) + " x years"] * 20
    with tempfile.TemporaryDirectory() as folder:
        loaded = load_project(project(Path(folder), role(items, required)))
        return fastest(lambda: lint(loaded, ["big"]), runs)


def markdown(n: int, runs: int) -> float:
    from jobdocs.content.markdown import bad_links
    from jobdocs.render.markdown import block, inline
    from jobdocs.review.inline import _mask_targets

    text = fill("[a](", n * 7 // 20) + fill("[", n * 3 // 10) + fill("[a](b", n * 7 // 20)
    lines = [text[i : i + 2000] for i in range(0, len(text), 2000)]

    def run():
        bad_links(text)
        block(text)
        _mask_targets(text)
        for line in lines:
            inline(line)

    return fastest(run, runs)


def check(n: int, runs: int) -> float:
    from jobdocs.checks import run
    from jobdocs.content import load_project

    rng = random.Random(18)
    items = [" ".join(sentence(rng, 12) for _ in range(24))[:2000] for _ in range(n)]
    with tempfile.TemporaryDirectory() as folder:
        root = project(Path(folder), role(items))
        return fastest(lambda: run(load_project(root)), runs)


def _reviewed(folder: str, duties: int):
    from revisions import Reviewed

    from jobdocs.build import BuildOptions, build_project

    rng = random.Random(18)
    root = project(Path(folder) / "project", role([sentence(rng, 14) for _ in range(duties)]))
    out = Path(folder) / "out"
    report = build_project(root, BuildOptions(("big",), ("docx",), out, jobs=1))
    assert not report.failed, report.failed
    return root, out / "big.docx", Reviewed(out / "big.docx")


def review_comments(n: int, runs: int) -> float:
    from jobdocs.content.fields import bookmark
    from jobdocs.review import review

    with tempfile.TemporaryDirectory() as folder:
        root, path, doc = _reviewed(folder, 20)
        duties = [
            doc.paragraph(bookmark(f"roles/big:responsibilities[{i}]", 1)) for i in range(1, 21)
        ]
        for number in range(n):
            if number % 2:
                doc.comment(None, f"Agreed ({number}).", parent=str(number - 1))
            else:
                doc.comment(duties[number % 20], f"Is this right ({number})?")
        doc.save()
        return fastest(lambda: review(root, [path]), runs)


def review_paragraphs(n: int, runs: int) -> float:
    from revisions import W

    from jobdocs.content.fields import bookmark
    from jobdocs.review import review

    rng = random.Random(18)
    with tempfile.TemporaryDirectory() as folder:
        root, path, doc = _reviewed(folder, 20)
        first = doc.paragraph(bookmark("roles/big:responsibilities[1]", 1))
        for _ in range(n):
            typed = copy.deepcopy(first)
            for child in list(typed):
                if child.tag != f"{W}pPr":
                    typed.remove(child)
            run = typed.makeelement(f"{W}r")
            run.append(run.makeelement(f"{W}t"))
            run[0].text = sentence(rng, 10)
            typed.append(run)
            first.addnext(typed)
        doc.save()
        return fastest(lambda: review(root, [path]), runs)


STAGES = [
    ("lint sentences", lint_sentences, 200),
    ("markdown", markdown, 2000),
    ("check", check, 20),
    ("review comments", review_comments, 400),
    ("review paragraphs", review_paragraphs, 200),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'stage':<18} {'n':>6} {'t(n)':>9} {'t(10n)':>9} {'ratio':>6}")
    worst = 0.0
    for name, stage, n in STAGES:
        small, large = stage(n, args.runs), stage(10 * n, args.runs)
        ratio = large / small
        worst = max(worst, ratio)
        flag = "" if ratio <= LIMIT else f"  above {LIMIT:g}"
        print(f"{name:<18} {n:>6} {small:>8.3f}s {large:>8.3f}s {ratio:>6.1f}{flag}", flush=True)
    sys.exit(1 if worst > LIMIT else 0)


if __name__ == "__main__":
    main()
