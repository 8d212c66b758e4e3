"""HTML export: the rendered page as it is, stylesheet inlined."""

from ..render import Rendered


def export(rendered: Rendered) -> bytes:
    return rendered.html.encode("utf-8")
