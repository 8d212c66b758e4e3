"""PDF export through WeasyPrint, with every fetch outside the templates folder refused."""

import logging
import os
import warnings
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

# Without libharfbuzz-subset0, fontTools subsets fonts and stamps the current time into
# them unless SOURCE_DATE_EPOCH is set: fix it so the same input gives the same bytes.
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")

with warnings.catch_warnings():
    # WeasyPrint warns on import when libharfbuzz-subset0 is missing; jobdocs works without
    # it, only slower, and the README says so.
    warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=UserWarning)
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

from ..errors import ExportError
from ..render import Rendered


class RefusedFetch(FatalURLFetchingError):
    """Raised for a URL the document may not read; stops the rendering."""


class LockedFetcher(URLFetcher):
    """Allows `data:` URLs and files inside the template folders; refuses everything else.

    Relative URLs resolve against the first folder; a file missing there is looked up in
    the next ones, so a project's templates and the built-in theme act as one folder.
    Refused URLs are also remembered, because WeasyPrint swallows some fetch errors (inside
    SVG images, for one) and would otherwise draw the document without them.
    """

    def __init__(self, folders: tuple[Path, ...]):
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
        self.folders = tuple(folder.resolve() for folder in folders)
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None):
        parts = urlsplit(url)
        if parts.scheme.lower() == "data":
            return super().fetch(url, headers)
        if parts.scheme.lower() == "file":
            found = self._find(Path(url2pathname(parts.path)).resolve())
            if found is not None:
                return super().fetch(found.as_uri(), headers)
        self.refused.append(url)
        raise RefusedFetch(url)

    def _find(self, path: Path) -> Path | None:
        if not path.is_relative_to(self.folders[0]):
            return (
                path
                if any(path.is_relative_to(f) for f in self.folders) and path.is_file()
                else None
            )
        relative = path.relative_to(self.folders[0])
        for folder in self.folders:
            candidate = (folder / relative).resolve()
            if candidate.is_relative_to(folder) and candidate.is_file():
                return candidate
        return None


@cache
def _font_config() -> FontConfiguration:
    """One font configuration per process: reusing it saves work on every document."""
    return FontConfiguration()


# Images decoded once per process, whichever document uses them (WeasyPrint's `cache`).
_IMAGES: dict = {}


def export(rendered: Rendered) -> bytes:
    fetcher = LockedFetcher(rendered.templates)
    html = weasyprint.HTML(
        string=rendered.html,
        base_url=rendered.templates[0].resolve().as_uri() + "/",
        url_fetcher=fetcher,
    )
    pdf = b""
    try:
        with _errors_as_failures(rendered):
            pdf = html.write_pdf(
                font_config=_font_config(),
                cache=_IMAGES,
                pdf_tags=True,
                pdf_variant=rendered.settings.pdf_variant,
            )
    except (RefusedFetch, ExportError):
        if not fetcher.refused:
            raise
    if fetcher.refused:
        raise ExportError(
            f"{rendered.document_id}: refused to fetch {fetcher.refused[0]}: documents "
            "may only use data: URLs and files inside " + " or ".join(map(str, rendered.templates))
        )
    return pdf


@contextmanager
def _errors_as_failures(rendered: Rendered):
    """WeasyPrint logs lost content (a missing image, a broken stylesheet) and carries on;
    jobdocs fails instead, so a document never silently lacks part of itself."""
    handler = _Collect(logging.ERROR)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if handler.messages:
        raise ExportError(f"{rendered.document_id}: " + "; ".join(handler.messages))


class _Collect(logging.Handler):
    def __init__(self, level: int):
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def environment() -> dict:
    """What `jobdocs doctor` reports about WeasyPrint and the libraries under it."""
    from weasyprint.text.ffi import harfbuzz_subset, pango

    number = pango.pango_version()  # e.g. 15010 for 1.50.10
    return {
        "weasyprint": weasyprint.__version__,
        "pango": f"{number // 10000}.{number // 100 % 100}.{number % 100}",
        "harfbuzz_subset": harfbuzz_subset is not None,
    }
