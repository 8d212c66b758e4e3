"""Property-based: linting never raises on any valid content tree, every finding points
into its file, and a suppression comment removes exactly the findings it names."""

import os
import tempfile
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from postings import write

from jobdocs.checks.lint.engine import lint
from jobdocs.content import load_project
from jobdocs.errors import ContentError

# Words that set off every rule family, and anything else.
WORDS = [
    "lead", "leadership", "driven", "decisions", "analytical", "support", "sharing",
    "co-operative", "team-leader", "event-driven", "rockstar", "ninja", "guys", "he/she",
    "young", "culture fit", "work hard, play hard", "able to stand", "native speaker",
    "recent graduate", "TODO", "TBD", "lorem ipsum", "N/A", "…", "-", "12+ years",
    "fifteen years", "competitive salary", "DOE", "A qualification every candidate must have.",
    "like this", "[link](https://example.com/lead)", "**bold**", "`code`", "#", "\\", '"', "'",
    "é", "Straße", "日本語", "\u200b", "x" * 60,
]  # fmt: skip
FULL = bool(os.environ.get("CI"))

# Text that content may hold: no control characters (an error of the content itself).
letters = st.characters(blacklist_categories=("Cc", "Cs"))
words = st.one_of(st.sampled_from(WORDS), st.text(letters, min_size=1, max_size=12))
sentence = st.lists(words, min_size=1, max_size=40).map(" ".join)


def text(separators=(" ", ". "), escape=lambda s: s) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(sentence, st.sampled_from(separators)), min_size=1, max_size=6).map(
        lambda parts: "".join(escape(a) + b for a, b in parts).strip()
    )


@st.composite
def one_line(draw) -> str:
    """A one-line TOML string: basic (with escapes) or literal."""
    value = draw(text())
    literal = draw(st.booleans()) and not any(c in value for c in "'\n\r") and value.isprintable()
    return f"'{value}'" if literal else tomli_w.dumps({"k": value})[4:].rstrip("\n")


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


@st.composite
def multiline(draw) -> str:
    """A multi-line basic string: paragraphs, list items and line-ending backslashes."""
    value = draw(text((" ", ". ", "\n", "\n\n- ", "\n\n", " \\\n  "), _escaped))
    return '"""\n' + value + '\n"""'


@st.composite
def roles(draw) -> str:
    lines = [f"title = {draw(one_line())}", f"summary = {draw(multiline())}"]
    language = draw(st.sampled_from([None, None, None, "en-GB", "de"]))
    if language:
        lines.append(f'language = "{language}"')
    for key in draw(st.lists(st.sampled_from(["responsibilities", "benefits"]), unique=True)):
        items = draw(st.lists(one_line(), min_size=1, max_size=10))
        lines += [f"{key} = [", *(f"  {item}," for item in items), "]"]
    if draw(st.booleans()):
        lines.append("[qualifications]")
        for key in ("required", "preferred"):
            items = draw(st.lists(one_line(), max_size=10))
            lines += [f"{key} = [", *(f"  {item}," for item in items), "]"]
    if draw(st.booleans()):
        lines += ["[[pay]]", 'currency = "EUR"', "minimum = 50000", "maximum = 60000"]
        lines.append('period = "YEAR"')
    return "\n".join(lines) + "\n"


configurations = st.sampled_from(
    [
        None,
        '[lint]\nallow = ["lead", "rockstar"]\n',
        '[lint.rules]\n"lint.gender" = false\n"lint.clarity.sentence" = "error"\n',
        "[lint.thresholds]\nwords_min = 1\nrequired_max = 2\nsentence_words_max = 5\n",
        '[lint.words]\nmasculine = ["x"]\nexclusionary = { "a" = "b" }\nunfinished = ["é"]\n',
    ]
)
CASES = settings(
    max_examples=500 if FULL else 100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def linted(root: Path):
    try:
        project = load_project(root)
    except ContentError:
        return None  # not a valid content tree: not what this test is about
    return lint(project)


@CASES
@given(roles(), configurations)
def test_linting_never_raises_and_points_into_the_file(role, configuration):
    with tempfile.TemporaryDirectory() as folder:
        root = write(Path(folder), {"posting": role}, configuration)
        found = linted(root)
        assume(found is not None)
        lines = {p: p.read_text(encoding="utf-8").split("\n") for p in root.rglob("*.toml")}
        for problem in found:
            assert problem.path in lines, problem
            assert 1 <= problem.line <= len(lines[problem.path]), problem
            assert 1 <= problem.column <= len(lines[problem.path][problem.line - 1]) + 1, problem
            if problem.end_column is not None:
                assert problem.end_column > problem.column, problem


@CASES
@given(roles(), st.data())
def test_a_suppression_removes_exactly_the_findings_it_names(role, data):
    with tempfile.TemporaryDirectory() as folder:
        root = write(Path(folder), {"posting": role})
        before = linted(root)
        assume(before)
        path = root / "content/roles/posting.toml"
        chosen = data.draw(st.sampled_from([p for p in before if p.path == path]))
        lines = path.read_text(encoding="utf-8").split("\n")
        if chosen.key == "summary":  # a comment cannot stand inside the string: after it
            line = next(n for n in range(chosen.line, len(lines) + 1) if lines[n - 1] == '"""')

            def named(p):
                return p.key == "summary"
        else:
            line = chosen.line

            def named(p):
                return p.line == line

        lines[line - 1] += f"  # jobdocs: allow {chosen.rule}"
        path.write_text("\n".join(lines), encoding="utf-8")
        assert tomllib.loads(path.read_text(encoding="utf-8"))  # still valid TOML
        after = linted(root)
        removed = [p for p in before if p.path == path and p.rule == chosen.rule and named(p)]
        assert chosen in removed
        assert after == [p for p in before if p not in removed]
