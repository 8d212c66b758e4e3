"""The built-in theme and starter content that every installation carries.

In a wheel they are package data (`jobdocs/theme`, `jobdocs/starter`); in a source
checkout they are the repository's own `templates/` and `content/`. A project's own
`templates/` folder overrides the built-in theme file by file.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent


def builtin_templates() -> Path:
    packaged = _PACKAGE / "theme"
    return packaged if packaged.is_dir() else _CHECKOUT / "templates"


def starter_content() -> Path:
    packaged = _PACKAGE / "starter"
    return packaged if packaged.is_dir() else _CHECKOUT / "content"


def template_folders(project_templates: Path) -> tuple[Path, ...]:
    """Where templates are looked up, in order: the project's own, then the built-in theme."""
    builtin = builtin_templates()
    if project_templates.is_dir() and project_templates.resolve() != builtin.resolve():
        return (project_templates, builtin)
    return (builtin,)


# The fonts the default theme names (templates/style.css, reference.docx): the Debian
# package that provides each, and whether the theme needs it or only uses it when present.
THEME_FONTS = {
    "DejaVu Sans": ("fonts-dejavu-core", True),  # Latin, Greek, Cyrillic, Hebrew, Arabic
    "Noto Sans CJK SC": ("fonts-noto-cjk", False),  # Chinese, Japanese, Korean
    "Noto Color Emoji": ("fonts-noto-color-emoji", False),  # emoji
}
