"""`jobdocs doctor`: what this machine has for the exporters, and what to install."""

import platform
import shutil
import subprocess
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from ..content.paths import builtin_templates
from . import exporter

# The fonts the default theme names (templates/style.css, reference.docx): the Debian
# package that provides each, and whether the theme needs it or only uses it when present.
THEME_FONTS = {
    "DejaVu Sans": ("fonts-dejavu-core", True),  # Latin, Greek, Cyrillic, Hebrew, Arabic
    "Noto Sans CJK SC": ("fonts-noto-cjk", False),  # Chinese, Japanese, Korean
    "Noto Color Emoji": ("fonts-noto-color-emoji", False),  # emoji
}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True
    fix: str = ""


def checks() -> list[Check]:
    found = [
        Check("jobdocs", True, version("jobdocs")),
        Check("Python", True, platform.python_version()),
        Check("built-in theme", builtin_templates().is_dir(), str(builtin_templates())),
        _package("python-docx", "the Word exporter", "pip install python-docx"),
    ]
    found += _weasyprint()
    found += [
        _font(family, package, required) for family, (package, required) in THEME_FONTS.items()
    ]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    found.append(
        Check(
            "LibreOffice",
            soffice is not None,
            soffice or "not found; only needed to check Word files by hand",
            required=False,
            fix="apt-get install libreoffice-writer-nogui",
        )
    )
    return found


def _package(name: str, role: str, fix: str) -> Check:
    try:
        return Check(name, True, version(name))
    except PackageNotFoundError:
        return Check(name, False, f"not installed; {role} needs it", fix=fix)


def _weasyprint() -> list[Check]:
    try:
        facts = exporter("pdf").environment()
    except (ImportError, OSError) as error:  # OSError: Pango or another library is missing
        return [
            Check(
                "WeasyPrint",
                False,
                f"cannot be loaded: {error}",
                fix="pip install weasyprint, and install Pango: apt-get install libpango-1.0-0 "
                "libpangoft2-1.0-0",
            )
        ]
    return [
        Check("WeasyPrint", True, facts["weasyprint"]),
        Check("Pango", True, facts["pango"]),
        Check(
            "HarfBuzz subsetting",
            facts["harfbuzz_subset"],
            "libharfbuzz-subset0 found: fast, compact PDFs"
            if facts["harfbuzz_subset"]
            else "libharfbuzz-subset0 missing: PDF export is about 2.7 times slower",
            required=False,
            fix="apt-get install libharfbuzz-subset0",
        ),
    ]


def _font(family: str, package: str, required: bool) -> Check:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return Check(f"font {family}", False, "fc-list not found: cannot tell", required, "")
    files = subprocess.run(
        [fc_list, f":family={family}", "file"], capture_output=True, text=True
    ).stdout.split()
    return Check(
        f"font {family}",
        bool(files),
        files[0].rstrip(":") if files else "not installed",
        required,
        f"apt-get install {package}",
    )
