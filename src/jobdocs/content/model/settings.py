"""`jobdocs.toml`: how a project's documents are printed and which formats it builds."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ...formats import NAMES
from .text import LIST_LIMIT, Language, Strict, Text, Url

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
Severity = Literal["error", "warning", "note"]
Words = Annotated[
    list[Annotated[str, Field(min_length=1, max_length=200)]], Field(max_length=LIST_LIMIT)
]
Count = Annotated[int, Field(ge=1, le=100_000)]


class LintThresholds(Strict):
    """`[lint.thresholds]`: where the posting-language rules draw their lines."""

    required_max: Count = 8
    """More required qualifications than this is a warning (lint.realism.required-count)."""
    years_max: Count = 10
    """A required "N+ years" above this is a warning (lint.realism.years)."""
    words_min: Count = 300
    """A posting shorter than this many words is a warning (lint.clarity.length)."""
    words_max: Count = 800
    """A posting longer than this many words is a warning (lint.clarity.length)."""
    sentence_words_max: Count = 35
    """A sentence longer than this many words is a warning (lint.clarity.sentence)."""
    grade_max: Annotated[float, Field(ge=1, le=30)] = 12
    """A Flesch-Kincaid grade above this is a warning (lint.clarity.readability)."""
    gender_lean: Count = 1
    """A posting leans one way with this many more words of one coding than of the other:
    masculine, a warning (lint.gender.masculine); feminine, a note (lint.gender.balance).
    A posting that leans neither way gets no finding."""

    @model_validator(mode="after")
    def _band(self) -> "LintThresholds":
        if self.words_min > self.words_max:
            raise ValueError("words_min must not be more than words_max")
        return self


class LintWords(Strict):
    """`[lint.words]`: words and phrases the shipped rules lack, added to them."""

    masculine: Words = []
    """Masculine-coded word stems, matched as prefixes like the shipped ones ("dominat")."""
    feminine: Words = []
    """Feminine-coded word stems, matched as prefixes ("nurtur")."""
    exclusionary: Annotated[
        dict[Annotated[str, Field(min_length=1, max_length=200)], str],
        Field(max_length=LIST_LIMIT),
    ] = {}
    """Exclusionary terms and what to write instead: { "code monkey" = "developer" }."""
    unfinished: Words = []
    """Placeholders that must not ship, as words or phrases ("FIXME")."""
    vague_pay: Words = []
    """Pay phrases that say nothing without a range ("attractive package")."""


class Lint(Strict):
    """`[lint]`: the posting-language rules of `jobdocs lint` (also run by `check` and
    `build`)."""

    enabled: bool = True
    """Run the posting-language rules in `jobdocs check` and `jobdocs build`."""
    rules: Annotated[dict[str, bool | Severity], Field(max_length=LIST_LIMIT)] = {}
    """Rules on (true) or off (false), or with another severity (error, warning, note), by
    rule id or family: { "lint.gender.word" = false, "lint.clarity" = "note" }."""
    allow: Words = []
    """Words and phrases never flagged, in any text (e.g. "Lead Engineer")."""
    thresholds: LintThresholds = LintThresholds()
    """Where the realism and clarity rules draw their lines."""
    words: LintWords = LintWords()
    """Words added to the shipped rules."""


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


class FactsSettings(Strict):
    """`[facts]`: rows of the facts table at the top of a role's document."""

    pay: bool = True
    """The pay, as the Pay section's first line, where US and Canadian postings put it."""


class Settings(Strict):
    """`jobdocs.toml`: how a project's documents are printed and which formats it builds."""

    language: Language = "en"
    """The documents' language as a BCP 47 tag, e.g. "en", "de", "en-GB"; a role's own
    `language` wins for its documents."""
    directions: dict[Language, Literal["ltr", "rtl"]] = {}
    """The direction of text in a language, where the Unicode CLDR's is not the one wanted:
    `directions = { "az-Arab" = "rtl" }`. Every other language is written as CLDR says
    (Arabic and Hebrew right to left)."""
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
    facts: FactsSettings = FactsSettings()
    """Which rows the facts table shows besides the role's own facts: `pay = false` to
    leave the pay out of it."""
    site: SiteSettings = SiteSettings()
    """The careers site: where it is published and how it treats expired postings."""
    lint: Lint = Lint()
    """The posting-language rules: on or off, severities, thresholds, extra and allowed
    words."""
