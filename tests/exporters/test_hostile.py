"""Property-based: whatever the content files hold, jobdocs writes correct documents or
reports located errors, never a traceback and never a partial file."""

import contextlib
import os
import re
import shutil
import tempfile
import tomllib
from pathlib import Path

import tomli_w
from click.testing import CliRunner
from conftest import REPO, listing
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jobdocs.cli import main

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="http://127.0.0.1:9/x.png">',
    "<style>@import url(http://127.0.0.1:9/a.css);</style>",
    '<link rel="stylesheet" href="file:///etc/passwd">',
    "<iframe src=http://127.0.0.1:9/></iframe>",
    "{{ 7 * 7 }}",
    "{% raw %}x",
    "{# comment",
    "[link](javascript:alert(1))",
    "[file](file:///etc/passwd)",
    "![image](http://127.0.0.1:9/i.png)",
    "**bold *nested _deep_***",
    "> quote\n\n- a\n  - b\n    1. c",
    "\x0b\x0c",
    "\u202eright-to-left override",
    "e\u0301 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u4f60\u597d \U0001f600",
    "",
    "   ",
]

LINE = re.compile(r"^(\S.*?)(:\d+(:\d+)?)?: .+$")

scalars = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
CONTENT_FILES = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "content").rglob("*.toml"))


def paths_of(data, prefix=()):
    """Every key path in parsed TOML, with list items."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths_of(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths_of(value, (*prefix, index))


def leaf(data, path):
    for part in path:
        data = data[part]
    return data


@st.composite
def mutations(draw):
    """One change to one file of the starter content."""
    kind = draw(
        st.sampled_from(
            ["string"] * 6 + ["set", "delete", "add", "text", "bytes", "new-role", "folder"]
        )
    )
    file = draw(st.sampled_from(CONTENT_FILES))
    if kind == "string":  # hostile text where text belongs: mostly valid content
        data = tomllib.loads((REPO / file).read_text(encoding="utf-8"))
        strings = [p for p in paths_of(data) if p and isinstance(leaf(data, p), str)]
        text = draw(st.sampled_from(HOSTILE) | st.text(min_size=1, max_size=60))
        return "set", file, draw(st.sampled_from(strings)), text
    if kind in {"set", "delete", "add"}:
        data = tomllib.loads((REPO / file).read_text(encoding="utf-8"))
        path = draw(st.sampled_from([p for p in paths_of(data) if p]))
        value = draw(values)
        return kind, file, path, value
    if kind == "text":
        return kind, file, None, draw(st.text(max_size=200))
    if kind == "bytes":
        return kind, file, None, draw(st.binary(max_size=200))
    if kind == "new-role":
        name = draw(
            st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True) | st.text(max_size=10)
        )
        return kind, f"content/roles/{name}.toml", None, draw(values)
    return kind, file, None, None


def apply(root: Path, mutation) -> None:
    kind, file, path, value = mutation
    target = root / file
    if kind in {"set", "delete", "add"}:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
        *parents, last = path
        holder = data
        for part in parents:
            holder = holder[part]
        if kind == "set":
            holder[last] = value
        elif kind == "delete":
            del holder[last]
        elif isinstance(holder, dict):
            holder[f"{last}x"] = value
        else:
            holder.append(value)
        with contextlib.suppress(TypeError, ValueError):  # not representable in TOML
            target.write_text(tomli_w.dumps(data), encoding="utf-8")
    elif kind == "text":
        target.write_text(value, encoding="utf-8")
    elif kind == "bytes":
        target.write_bytes(value)
    elif kind == "new-role":
        with contextlib.suppress(OSError, TypeError, ValueError):  # a name the system refuses
            target.write_text(tomli_w.dumps({"title": value}), encoding="utf-8")
    elif kind == "folder":
        target.unlink()
        target.mkdir()


def check_outcome(root: Path, formats: list[str]) -> None:
    out = root / "output"
    args = ["-C", str(root), "build", "-j1", "--out", str(out), *(f"--format={f}" for f in formats)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    event(f"exit code {result.exit_code}")  # pytest --hypothesis-show-statistics
    if result.exit_code == 1:
        problems = [line for line in result.stderr.splitlines() if line and not line[0].isspace()]
        assert problems
        for line in problems:
            assert line.startswith("Error: ") or LINE.match(line), line
    assert "Traceback" not in result.output
    for name in listing(out):
        data = (out / name).read_bytes()
        if name.endswith(".html"):
            text = data.decode("utf-8")
            assert text.rstrip().endswith("</html>"), name
            assert "<script" not in text and "<iframe" not in text and "<img" not in text, name
        elif name.endswith(".pdf"):
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), name
        elif name.endswith(".docx"):
            assert data.startswith(b"PK"), name
    assert not list(out.glob(".*.tmp"))


def run_example(changes, formats: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(REPO / "content", root / "content")
        shutil.copytree(REPO / "templates", root / "templates")
        for mutation in changes:
            try:
                apply(root, mutation)
            except (OSError, KeyError, IndexError, TypeError, AttributeError):
                pass  # an earlier change removed or reshaped what this one edits
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                pass  # an earlier change broke the file this one edits
        check_outcome(root, formats)


# The full counts run in CI; a local run tries fewer examples and stays quick.
FULL = bool(os.environ.get("CI"))


@settings(
    max_examples=1500 if FULL else 100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(mutations(), min_size=1, max_size=4))
def test_hostile_content_html(changes):
    run_example(changes, ["html"])


@settings(
    max_examples=40 if FULL else 5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(mutations(), min_size=1, max_size=3))
def test_hostile_content_pdf_and_docx(changes):
    run_example(changes, ["pdf", "docx"])
