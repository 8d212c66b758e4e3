"""Property-based, over whole project trees (issue 18): planted links (to files inside and
outside the project, to devices, dangling), FIFOs, codes in random case, control
characters and hostile Markdown go through `check` and `build -f pdf -f docx -f html -f
site`. Whatever the tree holds: no traceback, no hang (each command is bounded by an
alarm), nothing written outside the project and its output folder (a canary tree beside
the project is hashed before and after), and no file outside the project opened (an audit
hook records every open)."""

import contextlib
import hashlib
import os
import shutil
import signal
import sys
import tempfile
from datetime import date
from pathlib import Path

import tomli_w
from click.testing import CliRunner
from conftest import MINIMAL
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jobdocs.cli import main

SECONDS = 120  # per command: a hang fails the example instead of the whole run
MARKER = "CANARY-3f9c"

_opened: list[str] = []
_recording = [False]


def _audit(event: str, args: tuple) -> None:
    if _recording[0] and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # an audit hook cannot be removed: it records only when asked

codes = st.sampled_from(["DE-BY", "us-co", "Us-Co", "US", "de-by", "XX-YY", "US-CO"])
currencies = st.sampled_from(["EUR", "usd", "Eur", "XYZ"])
controls = st.sampled_from(["", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\ufffe", "\u2028"])
markdown = st.lists(
    st.sampled_from(
        [
            "Words. ",
            "More words, plainly. ",
            "\n\n",
            "\n\n",
            "- item\n",
            "  # heading in item\n",
            "> quote\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            '[a](https://ok.example "title\n\n[b](smb://evil/share)")',
            "[c](ms-msdt:x) ",
            "[d](/relative) ",
            "**bold",
            "[e](",
            "<script>alert(1)</script>",
            "{{ 7 * 7 }}",
        ]
    ),
    min_size=1,
    max_size=8,
).map("".join)

plants = st.lists(
    st.sampled_from(
        [
            "role link to a file outside",
            "role link to /dev/zero",
            "role link to /dev/null",
            "role fifo",
            "role dangling link",
            "role link inside",
            "roles folder link outside",
            "lock link outside",
            "site folder link outside",
            "output link outside",
            "schemas link outside",
            "temporary name link outside",
            "logo link outside",
        ]
    ),
    unique=True,
    max_size=3,
)


@st.composite
def roles(draw) -> dict:
    """A role, hostile in its text and codes or (half the time) not, so that the plants
    are also tried on trees that pass the check and are built."""
    hostile = draw(st.booleans())

    def maybe(strategy, benign):
        return draw(strategy) if hostile else benign

    role = {
        "title": "Clerk" + maybe(controls, ""),
        "summary": "Keeps the records. " + maybe(markdown, "- a list\n\n> a quote\n"),
        "responsibilities": [maybe(markdown, "Keep files."), "File" + maybe(controls, "")],
        "locations": [{"city": "München", "region": maybe(codes, "DE-BY")}],
        "pay": [{"currency": maybe(currencies, "EUR"), "minimum": 40000, "maximum": 50000}],
        "posting": {"date_posted": date(2026, 11, 20), "apply_url": "https://example.org/apply"},
    }
    if draw(st.booleans()):
        role["posting"]["apply_email"] = "jobs@example.org" + maybe(
            st.sampled_from(["", "?bcc=x@elsewhere.example", "\x01"]), ""
        )
    return role


def tree_digest(folder: Path) -> dict[str, str]:
    found = {}
    for here, folders, names in os.walk(folder):
        for name in folders + names:
            path = Path(here, name)
            data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
            found[str(path.relative_to(folder))] = hashlib.sha256(data).hexdigest()
    return found


def plant(root: Path, canary: Path, what: str) -> None:
    roles_folder = root / "content/roles"
    out = root / "output"
    links = {
        "role link to a file outside": (roles_folder / "stolen.toml", canary / "secret.toml"),
        "role link to /dev/zero": (roles_folder / "zero.toml", Path("/dev/zero")),
        "role link to /dev/null": (roles_folder / "null.toml", Path("/dev/null")),
        "role dangling link": (roles_folder / "gone.toml", canary / "missing.toml"),
        "role link inside": (roles_folder / "again.toml", Path("clerk.toml")),
        "roles folder link outside": (root / "content/roles/sub", canary),
        "lock link outside": (out / ".jobdocs.lock", canary / "victim.txt"),
        "site folder link outside": (out / "site", canary / "site"),
        "output link outside": (out, canary / "output"),
        "schemas link outside": (root / "schemas/role.schema.json", canary / "victim.txt"),
        "temporary name link outside": (roles_folder / ".clerk.toml.review", canary / "victim.txt"),
        "logo link outside": (root / "brand/logo.png", canary / "logo.png"),
    }
    if what == "role fifo":
        os.mkfifo(roles_folder / "pipe.toml")
        return
    link, target = links[what]
    if link.exists() or link.is_symlink():
        return  # two plants at one place: the first stays
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)


@contextlib.contextmanager
def bounded(seconds: int):
    def stop(signum, frame):
        raise TimeoutError(f"a command took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def make_canary(canary: Path) -> None:
    (canary / "site").mkdir(parents=True)
    (canary / "output").mkdir()
    (canary / "victim.txt").write_text("precious\n")
    secret = {"title": f"Secret {MARKER}", "summary": f"{MARKER} must not be published."}
    (canary / "secret.toml").write_text(tomli_w.dumps(secret))
    shutil.copy(MINIMAL / "content/organization.toml", canary / "site/organization.toml")
    from PIL import Image

    Image.new("RGB", (8, 8)).save(canary / "logo.png")


@settings(
    max_examples=int(os.environ.get("HOSTILE_TREE_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(roles(), plants, st.booleans())
def test_a_hostile_tree_neither_breaks_nor_escapes(role, planted, with_logo):
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        root, canary = base / "project", base / "canary"
        shutil.copytree(MINIMAL, root)
        make_canary(canary)
        (root / "content/roles/clerk.toml").write_text(tomli_w.dumps(role), encoding="utf-8")
        settings_text = '[site]\nbase_url = "https://example.org/careers/"\n'
        (root / "jobdocs.toml").write_text(settings_text, encoding="utf-8")
        if with_logo:
            organization = root / "content/organization.toml"
            organization.write_text(organization.read_text() + 'logo = "brand/logo.png"\n')
        for what in planted:
            plant(root, canary, what)
        before = tree_digest(canary)

        commands = [
            ["check"],
            ["build", "-f", "pdf", "-f", "docx", "-f", "html", "-f", "site", "-j", "1"],
            ["schema", "--write"],
        ]
        _opened.clear()
        _recording[0] = True
        codes_seen = []
        try:
            for command in commands:
                with bounded(SECONDS):
                    result = CliRunner().invoke(main, ["-C", str(root), *command])
                assert result.exception is None or isinstance(result.exception, SystemExit), (
                    command,
                    planted,
                    repr(result.exception),
                )
                assert result.exit_code in (0, 1), (command, result.output)
                assert "Traceback" not in result.output + result.stderr
                codes_seen.append(result.exit_code)
        finally:
            _recording[0] = False

        event(f"check exit {codes_seen[0]}, build exit {codes_seen[1]}")
        event(f"{len(planted)} planted")
        assert tree_digest(canary) == before, planted
        outside = [p for p in _opened if Path(p).resolve().is_relative_to(canary.resolve())]
        assert outside == [], (planted, outside)
        out = root / "output"
        if out.is_dir() and not out.is_symlink():
            for path in out.rglob("*"):
                if path.is_file() and path.suffix in (".html", ".json", ".xml"):
                    assert MARKER not in path.read_text(encoding="utf-8", errors="replace")
