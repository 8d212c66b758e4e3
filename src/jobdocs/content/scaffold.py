"""Start a project and add content to it: `jobdocs init` and `jobdocs new`."""

import json
import re
import tomllib
from pathlib import Path

from ..errors import JobdocsError
from ..writing import write_all, write_file
from . import schema
from .model import ID_LIMIT, ID_PATTERN
from .paths import SETTINGS_FILE, ProjectPaths, starter_content

SETTINGS = f"""{schema.directive("settings")}
# jobdocs settings. Every key is optional; the values shown are the defaults.

language = "en"            # the documents' language (BCP 47), for hyphenation and spell-checking
page_size = "A4"           # or "Letter"
margin_mm = 20             # page margins in millimetres
formats = ["pdf", "docx"]  # what `jobdocs build` writes: pdf, docx, html, site
# pdf_variant = "pdf/ua-1" # an accessible (PDF/UA) or archival (PDF/A) variant
# show_about = true        # print the organization's about text in each role document

# [site]                   # the careers site: jobdocs build -f site
# base_url = "https://example.com/careers/"  # where it is published (required for it)
# expired = "notice"       # or "omit": closed postings keep a page with a notice, or go
"""

TEMPLATES_NOTE = """# Templates

This folder overrides jobdocs's built-in theme, file by file. To change a file, copy it
here from the theme and edit the copy; files you do not copy keep coming from the theme.

- `base.html`, `role.html`, `comparison.html`, `handbook.html`, `macros.html`: the Jinja2
  templates of the documents.
- `style.css`: the print stylesheet (page size, fonts, colours).
- `reference.docx`: the styles of the Word documents; restyle it in Word.

`jobdocs doctor` prints where the built-in theme is installed.
"""

GITIGNORE = "output/\n"


def init(folder: Path, force: bool = False) -> tuple[list[Path], list[Path]]:
    """Create a project in `folder`: settings, starter content, schemas, a templates note and
    a .gitignore. Returns the files written and the existing files kept (all of them are
    overwritten when `force` is set)."""
    files: dict[Path, str | bytes] = {
        folder / SETTINGS_FILE: SETTINGS,
        folder / ".gitignore": GITIGNORE,
        folder / "templates" / "README.md": TEMPLATES_NOTE,
    }
    for kind in schema.KINDS:
        files[folder / schema.FOLDER / schema.file_name(kind)] = schema.text(kind)
    starter = starter_content()
    for source in sorted(starter.rglob("*.toml")):
        files[folder / "content" / source.relative_to(starter)] = source.read_bytes()
    kept = [t for t in files if _taken(t) and not force]
    written = {t: content for t, content in files.items() if t not in kept}
    write_all(written, folder)  # refuses a link, also a dangling one
    return list(written), kept


def new_role(paths: ProjectPaths, role_id: str, title: str | None, department: str | None) -> Path:
    target = _new_file(paths.role_file(role_id), role_id)
    title = _one_line(title, "--title") or role_id.replace("-", " ").title()
    department = _one_line(department, "--department")
    text = ROLE.format(
        directive=schema.directive("role"),
        title=_toml_string(title),
        department=f"department = {_toml_string(department)}"
        if department
        else '# department = "Engineering"   # the department the role belongs to',
    )
    return write_file(target, text, paths.root)


def new_comparison(paths: ProjectPaths, comparison_id: str, roles: list[str]) -> Path:
    if len(set(roles)) < 2:
        raise JobdocsError("a comparison needs at least two different roles")
    if len(set(roles)) < len(roles):
        raise JobdocsError("a comparison names each role once")
    target = _new_file(paths.comparison_file(comparison_id), comparison_id)
    known = {p.stem for p in paths.roles.glob("*.toml")}
    unknown = [role for role in roles if role not in known]
    if unknown:
        raise JobdocsError(f"no role {unknown[0]!r} in {paths.roles}; see 'jobdocs list'")
    cells = "".join(f'  "What sets the {role} apart here.",\n' for role in roles)
    text = COMPARISON.format(
        directive=schema.directive("comparison"),
        title=_toml_string(" vs ".join(_title(paths, role) for role in roles)),
        roles=", ".join(f'"{role}"' for role in roles),
        cells=cells,
    )
    return write_file(target, text, paths.root)


def _title(paths: ProjectPaths, role_id: str) -> str:
    """The role's title as its file has it; its id in words where the file cannot say."""
    try:
        title = tomllib.loads(paths.role_file(role_id).read_text(encoding="utf-8"))["title"]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError):
        title = None
    if isinstance(title, str) and title.strip() and "\n" not in title:
        return title
    return role_id.replace("-", " ").title()


def _new_file(target: Path, new_id: str) -> Path:
    if not re.fullmatch(ID_PATTERN, new_id) or len(new_id) > ID_LIMIT:
        raise JobdocsError(
            f"{new_id!r} is not an id: use lower-case words joined by '-', {ID_LIMIT} at most"
        )
    if _taken(target):
        raise JobdocsError(f"{target} already exists; edit it, or choose another id")
    return target


def _taken(target: Path) -> bool:
    """Something is at `target`: a file, or a link, even one that points nowhere."""
    return target.exists() or target.is_symlink()


def _one_line(text: str | None, option: str) -> str | None:
    if text is not None and (not text.strip() or any(c < " " or c == "\x7f" for c in text)):
        raise JobdocsError(f"{option} must be one line of text")
    return text


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON's escapes are a subset of TOML's


ROLE = """{directive}
# A role. Text may use Markdown: **bold**, *italic*, [links](https://example.com); the
# summary and section bodies also take lists, # sub-headings, tables and > quotes.
# Replace every sentence below and delete what the role does not need; every key except
# title and summary is optional. `jobdocs check` validates the file.

title = {title}
{department}
summary = \"\"\"
One or two paragraphs on why the role exists and what success looks like in it.

A second paragraph, if needed. Lists work too:

- like this
\"\"\"
# reports_to = "chief-technology-officer"  # the id of the role this one reports to
# reports_to_title = "Building Engineer"   # or a manager who is not a role here
# FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM or OTHER; or a list
employment_type = "FULL_TIME"
# grade = "Band 5"            # a grade, band or level
# language = "de"             # the posting's language, when not the project's
responsibilities = [
  "A responsibility, as one sentence that starts with a verb.",
  "Another responsibility.",
]
benefits = [
  "A benefit of working in this role.",
]

# [intro]                     # a lead-in under a heading, before its list
# responsibilities = "In this role, you will:"

[qualifications]
required = [
  "A qualification every candidate must have.",
]
preferred = [
  "A qualification that helps but is not required.",
]

# [work]
# arrangement = "hybrid"      # on-site, hybrid or remote; or a list
# hours = "30–40 hours a week"
# hours_per_week = 40         # or [30, 40]
# start = 2027-01-15          # or "as soon as possible"

# [[locations]]
# city = "Berlin"
# region = "DE-BE"            # ISO 3166-2
# country = "DE"              # ISO 3166-1

# [remote]
# eligible = ["DE", "AT"]     # countries or regions applicants may work from
# anywhere = true             # or: from anywhere

# [[pay]]
# currency = "EUR"            # ISO 4217
# minimum = 60000
# maximum = 80000
# period = "YEAR"             # HOUR, DAY, WEEK, MONTH or YEAR

# [[sections]]                # free text: after start, summary, responsibilities,
# heading = "Hiring process"  # qualifications, required, preferred, pay, benefits or end;
# body = "A call, then a paired session."    # the heading may be left out
# after = "qualifications"

# [posting]                   # makes the role a job posting
# id = "REQ-1"
# date_posted = 2027-01-01
# valid_through = 2027-01-31
# apply_url = "https://example.com/jobs/1"
# links = [{{ label = "The full job description", url = "https://example.com/jd/1.pdf" }}]

# [labels.headings]           # this posting's own words for a label; "" for no heading
# preferred = "Nice to have"
"""

COMPARISON = """{directive}
# A side-by-side table of two or more roles; one cell per role in every row.

title = {title}
introduction = "One sentence on why these roles are worth comparing."
roles = [{roles}]
# labels = ["Developer", "Engineer"]  # column headings; the roles' titles by default

[[rows]]
aspect = "Responsibility"
cells = [
{cells}]
"""
