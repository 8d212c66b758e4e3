"""The output formats: the one list that settings, the CLI, the manifest and the exporters
read. A new format is one entry here and one module in `exporters/`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    """The name users write: `-f NAME`, `formats = ["NAME"]`; the file extension of the
    formats that write one file per document."""
    module: str
    """The module in `jobdocs.exporters` whose `export(rendered) -> bytes` writes it."""
    writer: str
    """The distribution that writes the bytes; its version is part of every file's inputs."""
    description: str
    collection: bool = False
    """Whether the format writes a collection of files planned on their own (the careers
    site: pages, feeds, sitemap, each at its path below the output folder) rather than one
    file per document."""


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", "pdf", "weasyprint", "print-ready PDF (WeasyPrint)"),
        Format("docx", "docx", "python-docx", "Word, styled by reference.docx"),
        Format("html", "html", "jinja2", "a standalone HTML page"),
        Format("site", "html", "jinja2", "a careers site with JobPosting data and job feeds", True),
    )
}
NAMES: tuple[str, ...] = tuple(FORMATS)
