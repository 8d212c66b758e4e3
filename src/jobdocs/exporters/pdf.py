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

from ..atomic import atomic_path
from ..errors import ExportError
from ..render import Rendered


class RefusedFetch(FatalURLFetchingError):
    """Raised for a URL the document may not read; stops the rendering."""


class LockedFetcher(URLFetcher):
    """Allows `data:` URLs and files inside one folder; refuses everything else.

    Refused URLs are also remembered, because WeasyPrint swallows some fetch errors (inside
    SVG images, for one) and would otherwise draw the document without them.
    """

    def __init__(self, root: Path):
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data" or (scheme == "file" and self._inside_root(url)):
            return super().fetch(url, headers)
        self.refused.append(url)
        raise RefusedFetch(url)

    def _inside_root(self, url: str) -> bool:
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        return path.is_relative_to(self.root) and path.is_file()


@cache
def _font_config() -> FontConfiguration:
    """One font configuration per process: reusing it saves work on every document."""
    return FontConfiguration()


# Images decoded once per process, whichever document uses them (WeasyPrint's `cache`).
_IMAGES: dict = {}


def write(rendered: Rendered, target: Path) -> None:
    fetcher = LockedFetcher(rendered.templates)
    html = weasyprint.HTML(
        string=rendered.html,
        base_url=rendered.templates.resolve().as_uri() + "/",
        url_fetcher=fetcher,
    )
    with atomic_path(target) as temporary:
        try:
            with _errors_as_failures(rendered):
                html.write_pdf(
                    temporary,
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
                f"may only use data: URLs and files inside {rendered.templates}"
            )


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
