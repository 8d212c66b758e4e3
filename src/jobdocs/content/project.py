"""A loaded project: its validated content, and the file each piece came from."""

import base64
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from .model import Comparison, Organization, Role, Settings
from .paths import ProjectPaths
from .spans import Layout, scan
from .view import RoleView

if TYPE_CHECKING:
    from .fields import FieldRef


@dataclass(frozen=True)
class Source:
    """A content file as read, so that any later rule can point into it."""

    path: Path
    text: str

    @cached_property
    def layout(self) -> Layout:
        """Where each string value, and each character in it, stands in the file."""
        return scan(self.text)

    def problem(
        self,
        loc: tuple[Any, ...],
        message: str,
        words: tuple[str, int, int] | None = None,
        **finding: Any,
    ) -> Problem:
        """A problem at key path `loc` (or its nearest located parent; the file's first line
        for a problem with the file as a whole). `words` = (value, start, end) points at
        `value[start:end]` inside the string at `loc` instead. `finding` sets a rule's
        severity, rule id and fix (see `Problem`)."""
        if words is not None:
            try:
                line, column, end = self.layout.words(loc, *words)
            except ValueError:
                pass  # not a string of the file: the key's position will do
            else:
                finding = {"end_column": end, **finding}
                return Problem(self.path, line, column, key_path(loc), message, **finding)
        line, column = self.layout.locate(loc) or (1, 1)
        return Problem(self.path, line, column, key_path(loc), message, **finding)


def key_path(loc: tuple[Any, ...]) -> str:
    """`('rows', 1, 'cells')` as `rows[2].cells`: items are counted from 1, as people do."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


@dataclass(frozen=True)
class Project:
    """Everything a project holds, validated and cross-checked."""

    paths: ProjectPaths
    settings: Settings
    organization: Organization
    roles: dict[str, Role]
    comparisons: dict[str, Comparison]
    sources: dict[Path, Source]
    """Each content file read, by path: `project.source(paths.role_file(id))`."""

    def role_source(self, role_id: str) -> Source:
        return self.sources[self.paths.role_file(role_id)]

    def comparison_source(self, comparison_id: str) -> Source:
        return self.sources[self.paths.comparison_file(comparison_id)]

    @property
    def organization_source(self) -> Source:
        return self.sources[self.paths.organization_file]

    def source_of(self, ref: "FieldRef") -> Source:
        """The file a field is in."""
        return self.sources[self.paths.content / f"{ref.source}.toml"]

    def view(self, role_id: str) -> RoleView:
        """The role as its documents print it, with the organization's defaults."""
        role = self.roles[role_id]
        return RoleView(role_id, role, self.organization, self.settings.show_about)

    @cached_property
    def logo_uri(self) -> str | None:
        """The organization's logo as a data: URL, so that no format has to fetch it."""
        logo = self.organization.logo
        if logo is None:
            return None
        kind = "png" if logo.lower().endswith(".png") else "jpeg"
        data = base64.b64encode((self.paths.root / logo).read_bytes()).decode("ascii")
        return f"data:image/{kind};base64,{data}"
