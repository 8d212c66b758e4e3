"""`jobdocs.toml`: how a project's documents are printed and which formats it builds."""

from typing import Annotated, Literal

from pydantic import Field

from ...formats import NAMES
from .text import Language, Strict, Text, Url

PdfVariant = Literal[
    "pdf/a-1b",
    "pdf/a-2a",
    "pdf/a-2b",
    "pdf/a-2u",
    "pdf/a-3a",
    "pdf/a-3b",
    "pdf/a-3u",
    "pdf/a-4u",
    "pdf/ua-1",
    "pdf/ua-2",
]
Format = Literal[NAMES]


class SiteSettings(Strict):
    """`[site]`: the careers site that `jobdocs build -f site` writes into output/site/."""

    base_url: Url | None = None
    """Where the site is published, e.g. "https://example.com/careers/"; required to build
    it: canonical links, the sitemap and the feeds need absolute addresses."""
    title: Text | None = None
    """The site's title; "Careers at <organization>" when absent."""
    expired: Literal["notice", "omit"] = "notice"
    """Postings closed or past their closing date: keep their page with a notice (and no
    JobPosting data, and out of the index and feeds), or leave them out."""


class Settings(Strict):
    """`jobdocs.toml`: how a project's documents are printed and which formats it builds."""

    language: Language = "en"
    """The documents' language as a BCP 47 tag, e.g. "en", "de", "en-GB"; a role's own
    `language` wins for its documents."""
    page_size: Literal["A4", "Letter"] = "A4"
    """The paper size: A4 or Letter."""
    margin_mm: Annotated[int, Field(ge=5, le=50)] = 20
    """Page margins in millimetres, 5 to 50."""
    pdf_variant: PdfVariant | None = None
    """A PDF variant to conform to: pdf/ua-1 or pdf/ua-2 (accessible), pdf/a-… (archival)."""
    formats: Annotated[list[Format], Field(min_length=1)] = ["pdf", "docx"]
    """The formats `jobdocs build` writes when none are given: pdf, docx, html, site."""
    show_about: bool = True
    """Print the organization's `about` text in each role document."""
    site: SiteSettings = SiteSettings()
    """The careers site: where it is published and how it treats expired postings."""
