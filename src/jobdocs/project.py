"""Where a project keeps its settings, content, templates and outputs."""

from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectError
from .theme import template_folders

SETTINGS_FILE = "jobdocs.toml"


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def settings_file(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def organization_file(self) -> Path:
        return self.content / "organization.toml"

    @property
    def roles(self) -> Path:
        return self.content / "roles"

    @property
    def comparisons(self) -> Path:
        return self.content / "comparisons"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def template_folders(self) -> tuple[Path, ...]:
        """Where templates are found: the project's own templates/, then the built-in theme."""
        return template_folders(self.templates)

    @property
    def output(self) -> Path:
        return self.root / "output"

    def role_file(self, role_id: str) -> Path:
        return self.roles / f"{role_id}.toml"

    def comparison_file(self, comparison_id: str) -> Path:
        return self.comparisons / f"{comparison_id}.toml"


def find_project(folder: Path) -> ProjectPaths:
    """The project in `folder`; an error naming what is missing if it is not one."""
    root = folder.resolve()
    if not root.is_dir():
        raise ProjectError(f"{folder}: no such folder")
    paths = ProjectPaths(root)
    if not paths.content.is_dir():
        raise ProjectError(
            f"{folder}: not a jobdocs project (it has no content/ folder); "
            "run jobdocs in a project folder or pass -C/--project DIR"
        )
    return paths
