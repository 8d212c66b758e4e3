"""HTML export: the rendered document as a standalone file, stylesheet inlined."""

from pathlib import Path

from ..atomic import atomic_path
from ..render import Rendered


def write(rendered: Rendered, target: Path) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(rendered.html, encoding="utf-8")
