"""One module per output format (see `jobdocs.formats`), each with
`export(rendered) -> bytes`. Exporters turn a rendered page into a file's bytes and write
nothing themselves: the build stage owns the output folder."""

import importlib
from types import ModuleType

from ..formats import FORMATS


def exporter(format: str) -> ModuleType:
    """The exporter module for `format`, imported on first use: WeasyPrint is slow to load."""
    return importlib.import_module(f".{FORMATS[format].module}", __name__)
