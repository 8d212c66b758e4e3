"""Merge the model into the Jinja2 templates: one HTML page per document, which every
exporter reads. Fixed words come from the label files of the document's language; numbers,
money, dates and places are written as that language writes them."""

import re
import sys
import traceback
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..content import fields
from ..content.model import Settings
from ..content.view import RoleView
from ..documents import Document, Metadata
from ..errors import TemplateError
from ..session import Memo
from . import formatting, jsonld, markdown
from .labels import fill, labels

REVIEW_MARKS = re.compile(r'\sdata-(?:field|fixed)="[^"]*"')
"""The attributes that name a block's content field, for reading a reviewed Word file back."""


@dataclass(frozen=True)
class Rendered:
    """A document rendered to HTML, with what exporters need to write it."""

    document_id: str
    html: str
    meta: Metadata
    settings: Settings
    templates: tuple[Path, ...]
    """Template folders, searched in order; exporters may read files in these and no others."""
    page_label: str
    """How the footer numbers pages, with {page} and {pages}: "Page {page} of {pages}"."""
    previous: "Rendered | None" = None
    """The document as it was at an earlier revision: Word shows the differences as
    tracked changes (`jobdocs build --changes-since`)."""
    revision: tuple[str, str] = ("jobdocs", "")
    """The author and date (ISO 8601) of those tracked changes."""


@dataclass(frozen=True)
class Renderer:
    templates: tuple[Path, ...]
    """Template folders, searched in order: a project's own, then the built-in theme."""
    settings: Settings
    _parts: Memo = field(default_factory=Memo, compare=False, repr=False)
    """Parts of postings (bodies, JobPostings, feed entries), for the pages and feeds that
    repeat them, by what they are made from (see `_made_from`); kept for the next build,
    in which one edited posting costs one posting."""
    _labels: dict = field(default_factory=dict, compare=False, repr=False)
    """The labels of each language. A renderer is made for one state of the template
    folders (the build keys it on their digest), so they cannot change under it."""

    def begin(self) -> None:
        """Start a build: parts the last build did not use are dropped."""
        self._parts.turn()

    def labels(self, language: str, overrides: dict | None = None) -> dict[str, Any]:
        """The labels of `language`; with `overrides` (a role's `[labels]`), those over
        them, table by table."""
        found = self._labels.get(language)
        if found is None:
            found = self._labels[language] = labels(self.templates, language)
        if not overrides:
            return found
        return {
            **found,
            **{table: {**found.get(table, {}), **keys} for table, keys in overrides.items()},
        }

    @cached_property
    def environment(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(list(self.templates)),
            autoescape=jinja2.select_autoescape(["html", "xml"]),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters.update(
            markdown=markdown.block,
            markdown_inline=markdown.inline,
            fill=fill,
            money=formatting.money,
            amounts=formatting.amounts,
            when=formatting.when,
            place=formatting.place,
            place_or_name=formatting.place_or_name,
            lookup=lambda key, mapping: mapping[key],
            location=formatting.location,
            listing=formatting.listing,
            sentence=formatting.sentence,
            number=formatting.number,
            css_page_label=css_page_label,
            plain=jsonld.plain,
            absolute=jsonld.absolute,
            script_json=jsonld.script_json,
            without_print_hints=jsonld.without_print_hints,
            cdata=cdata,
        )
        env.globals.update(
            labels=self.labels,
            direction=lambda language: formatting.direction(language, self.settings.directions),
            role_field=fields.role_field,
            comparison_field=fields.comparison_field,
            organization_field=fields.organization_field,
            role_view=self._role_view,
            posting_body=self._posting_body,
            posting_part=self._posting_part,
            job_posting=self._job_posting,
        )
        return env

    def render(self, document: Document) -> Rendered:
        language = document.meta.language
        values = {
            **document.context,
            "settings": self.settings,
            "meta": document.meta,
            "L": self.labels(language),
        }
        stylesheet = self._render("style.css", values)
        html = self._render(document.template, {**values, "stylesheet": Markup(stylesheet)})
        return Rendered(
            document_id=document.id,
            html=html,
            meta=document.meta,
            settings=self.settings,
            templates=self.templates,
            page_label=self.labels(language)["page"]["number"],
        )

    @jinja2.pass_context
    def _role_view(self, context, role_id: str, role) -> RoleView:
        """The role as its documents print it, the organization's defaults applied."""
        return RoleView(role_id, role, context["organization"], self.settings.show_about)

    @jinja2.pass_context
    def _job_posting(self, context, role_id: str, role) -> dict:
        """The JobPosting of a posting, for its page and the feeds."""
        description = self._posting_body(context, role_id, role)
        return self._parts.get(
            ("job_posting", *self._made_from(context, role_id, role)),
            lambda: jsonld.job_posting(
                role_id, role, context["organization"], description, context["site"].base_url
            ),
        )

    @jinja2.pass_context
    def _posting_body(self, context, role_id: str, role, level: int = 2) -> Markup:
        """A posting's body as its role document has it (facts to equal opportunity), for
        the careers page, the JSON-LD description and the feeds."""
        return self._posting_part(context, "site/body.html", role_id, role, level=level)

    @jinja2.pass_context
    def _posting_part(self, context, template: str, role_id: str, role, **values) -> Markup:
        """`template` rendered for one posting, in the context of the page asking."""

        def render() -> Markup:
            extra = {**values, "role_id": role_id, "role": role}
            page = self.environment.get_template(template)
            html = page.render({**context.get_all(), **extra})
            return Markup(REVIEW_MARKS.sub("", html).strip())  # they are for Word only

        key = (template, *self._made_from(context, role_id, role), *values.items())
        return self._parts.get(key, render)

    @staticmethod
    def _made_from(context, role_id: str, role) -> tuple:
        """What a posting's parts print besides the labels, templates and settings (which
        the renderer is made for): the role, the organization (its defaults, its name), the
        title of the role it reports to, and the page's language."""
        reports_to = role.reports_to and context.get("titles", {}).get(role.reports_to)
        organization = context["organization"].digest
        return (role_id, role.digest, organization, reports_to, context["meta"].language)

    def _render(self, name: str, values: dict[str, Any]) -> str:
        try:
            return self.environment.get_template(name).render(values)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateError(
                f"{error.filename or self.templates[0] / name}:{error.lineno}: {error.message}"
            ) from None
        except jinja2.TemplateNotFound as error:
            raise TemplateError(
                f"{self._where(name)}: no template {error.name!r} in "
                + " or ".join(map(str, self.templates))
            ) from None
        except jinja2.UndefinedError as error:
            raise TemplateError(f"{self._where(name)}: {error.message}") from None
        except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as error:
            # A mistake in a template's own expressions, e.g. {{ 1 + "a" }} or a bad filter
            # argument: the template author can fix it, so name where it is.
            raise TemplateError(f"{self._where(name)}: {type(error).__name__}: {error}") from None

    def _where(self, name: str) -> str:
        """The template file and line an error was raised from, read off the traceback."""
        for frame in reversed(traceback.extract_tb(sys.exc_info()[2])):
            if any(frame.filename.startswith(str(folder)) for folder in self.templates):
                return f"{frame.filename}:{frame.lineno}"
        return str(self.templates[0] / name)


def cdata(text: str) -> Markup:
    """Text in a CDATA section; a "]]>" inside is split across two sections."""
    return Markup("<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>")


def css_page_label(label: str) -> Markup:
    """A page label as a CSS `content` value: "Page {page} of {pages}" →
    `"Page " counter(page) " of " counter(pages)`."""
    parts = []
    for piece in re.split(r"(\{pages?\})", label):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return Markup(" ".join(parts))
