"""The docs say what the code is: every path the architecture map names exists, every
module is on the map, and the README's command list is the commands and options click
knows."""

import re

import click
import pytest
from conftest import REPO

from jobdocs.cli import main

MAP = REPO / "docs" / "architecture.md"
SOURCE = REPO / "src" / "jobdocs"


def mapped_paths(text: str) -> set[str]:
    """Each path of a module or folder (`build/site.py`, `checks/pay/`) the map names in
    backquotes: under "## Modules" relative to src/jobdocs/, elsewhere to it or the
    repository."""
    return set(re.findall(r"`((?:[a-z_]+/)*[a-z_]+(?:\.py|/))`", text))


def test_every_path_on_the_map_exists():
    missing = [p for p in sorted(mapped_paths(MAP.read_text("utf-8"))) if not mapped(p)]
    assert missing == [], f"docs/architecture.md names what is not there: {missing}"


def mapped(path: str) -> bool:
    return (SOURCE / path).exists() or (REPO / path).exists()


def test_every_module_is_on_the_map():
    named = mapped_paths(MAP.read_text("utf-8"))
    modules = sorted(p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*.py"))
    missing = [m for m in modules if m not in named and not m.endswith("__init__.py")]
    assert missing == [], f"docs/architecture.md does not name: {missing}"


def test_the_map_test_fails_for_a_renamed_module():
    text = MAP.read_text("utf-8").replace("`session.py`", "`sessions.py`")
    assert not all(mapped(p) for p in mapped_paths(text))
    modules = {p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*.py")}
    assert "session.py" not in mapped_paths(text) and "session.py" in modules


def commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))
        elif not command.hidden:
            yield " ".join((*prefix, name)), command


def readme_commands() -> dict[str, str]:
    text = (REPO / "README.md").read_text("utf-8")
    block = text.split("## Commands\n\n```\n", 1)[1].split("```", 1)[0]
    lines: dict[str, str] = {}
    for line in block.splitlines():
        words = re.sub(r"^jobdocs (\[-C DIR\] )?", "", line).split()
        name = " ".join(w for w in words[:2] if re.fullmatch(r"[a-z]+", w))
        assert name not in lines, f"the README lists {name!r} twice"
        lines[name] = line
    return lines


@pytest.mark.parametrize("name,command", list(commands(main)))
def test_the_readme_lists_each_command_with_its_options(name, command):
    line = readme_commands().get(name)
    assert line is not None, f"the README's command list has no {name!r}"
    given = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", line)) - {"-C"}
    known = set()
    for param in command.params:
        if isinstance(param, click.Option):
            known |= {*param.opts, *param.secondary_opts}
            if not param.hidden:
                shown = [o for o in (*param.opts, *param.secondary_opts) if o in line]
                assert shown, f"README: {name} does not list {param.opts[-1]}"
        else:
            assert param.name.upper() in line, f"README: {name} does not show {param.name}"
    assert given <= known, f"README: {name} lists options it does not have: {given - known}"
