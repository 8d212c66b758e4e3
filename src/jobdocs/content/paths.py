"""Where a project keeps its settings, content, templates and outputs, and where jobdocs
keeps its built-in theme and starter content.

In a wheel the theme and starter content are package data (`jobdocs/theme`,
`jobdocs/starter`); in a source checkout they are the repository's own `templates/` and
`content/`. A project's own `templates/` folder overrides the built-in theme file by file.
"""

from dataclasses import dataclass
from pathlib import Path

from ..errors import ProjectError

SETTINGS_FILE = "jobdocs.toml"

_PACKAGE = Path(__file__).resolve().parent.parent
_CHECKOUT = _PACKAGE.parent.parent


def builtin_templates() -> Path:
    packaged = _PACKAGE / "theme"
    return packaged if packaged.is_dir() else _CHECKOUT / "templates"


def starter_content() -> Path:
    packaged = _PACKAGE / "starter"
    return packaged if packaged.is_dir() else _CHECKOUT / "content"


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
        builtin = builtin_templates()
        if self.templates.is_dir() and self.templates.resolve() != builtin.resolve():
            return (self.templates, builtin)
        return (builtin,)

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
