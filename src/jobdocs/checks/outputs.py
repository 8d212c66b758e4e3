"""Do the published files agree? For every open posting, the facts its page shows (title,
places, employment, dates, pay, the apply link) must read the same in its PDF, its Word
file and its HTML, and its JobPosting data, jobs.json and jobs.xml must say what the
content says; and the site folder must hold nothing the site no longer has (the page of a
withdrawn posting). Run by `jobdocs check --outputs` over a built output folder."""

import json
import os
import re
import zipfile
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from ..content.bidi import right_to_left, without_controls
from ..content.project import Project
from ..documents.site import DOWNLOADS, SITE, expired, published, site_files, site_plan
from ..errors import Problem

RULE = "outputs.agree"
STRAY = "outputs.stray"
FACTS = ("Location", "Locations", "Employment", "Posted", "Closing date")


def check_outputs(project: Project, out: Path, as_of: date) -> list[Problem]:
    problems: list[Problem] = _stray(project, out, as_of)
    feed = _read(out / SITE / "jobs.json", _json, problems)
    jobs = _read(out / SITE / "jobs.xml", _xml_jobs, problems) or {}
    for role_id, role in published(project).items():
        if role.posting.status == "open" and not expired(role, as_of):
            problems += _posting(out, role_id, role, feed, jobs)
    return problems


def _stray(project: Project, out: Path, as_of: date) -> list[Problem]:
    """Files in the site folder that the site as of `as_of` does not have. Downloads of
    either kind count as the site's, whichever formats were built."""
    planned = site_files(project, site_plan(project, as_of, (*DOWNLOADS, SITE)))
    message = (
        "the careers site does not have this file any more (a posting withdrawn, deleted "
        "or expired, or a file put there by hand); jobdocs build -f site removes it"
    )
    return [
        Problem(path, None, None, "", message, rule=STRAY)
        for here, _, names in os.walk(out / SITE)
        for path in sorted(Path(here, name) for name in names)
        if path.relative_to(out).as_posix() not in planned
        and not (path.name.startswith(".") and path.name.endswith(".tmp"))
    ]


def _read(path: Path, reader, problems: list[Problem]):
    """`reader(path)`, or None with a problem when the file is damaged: an output folder
    is not trusted more than content is."""
    try:
        return reader(path)
    except Exception as error:  # every reader's own kinds of failure on a damaged file
        message = f"cannot be read ({type(error).__name__}: {error}); build it again"
        problems.append(Problem(path, None, None, "", message, rule=RULE))
        return None


def _posting(out: Path, role_id: str, role, feed, jobs) -> list[Problem]:
    page_path = out / SITE / role_id / "index.html"
    reference = page_path if page_path.is_file() else out / f"{role_id}.html"
    if not reference.is_file():
        return []  # neither the site nor HTML was built: nothing to hold the others to
    problems: list[Problem] = []
    page = _read(reference, lambda p: _Page(p.read_text(encoding="utf-8")), problems)
    if page is None:
        return problems
    check = _Agreement(out, role_id, role, page)
    check.problems = problems
    check.shown = reference.relative_to(out).as_posix()
    check.texts()
    data = check.page.json_ld
    if isinstance(data, dict):
        check.job_posting(page_path, data)
        if feed is not None and data not in feed:
            check.add(out / SITE / "jobs.json", "its JobPosting differs from the one in "
                      f"{check.shown}, or is missing")  # fmt: skip
        for job in jobs.get(role.posting.id or role_id, []):
            check.indeed(job, data)
    return check.problems


class _Agreement:
    """What one posting's files say, held to its page (or its HTML document)."""

    def __init__(self, out: Path, role_id: str, role, page: "_Page"):
        self.out, self.role_id, self.role, self.page = out, role_id, role, page
        self.shown = ""
        self.problems: list[Problem] = []
        posting = role.posting
        self.facts = {
            "datePosted": str(posting.date_posted) if posting.date_posted else None,
            "validThrough": str(posting.valid_through) if posting.valid_through else None,
            "employmentType": role.employment_types or None,
        }

    def add(self, path: Path, message: str) -> None:
        message = f"{self.role_id}: {message}"
        self.problems.append(Problem(path, None, None, self.role_id, message, rule=RULE))

    def differs(self, path: Path, what: str, got, want) -> None:
        self.add(path, f"{what} is {got!r} here but {want!r} in {self.shown}")

    def texts(self) -> None:
        """Every other file says the page's title, pay, how to apply and facts."""
        page = self.page
        expected = [page.title, *page.pay, *page.apply]
        expected += [page.facts[name] for name in FACTS if name in page.facts]
        for path, reader in _texts(self.out, self.role_id):
            text = _read(path, reader, self.problems)
            if text is None:
                continue
            words = Counter(_WORDS.findall(text)) if any(map(right_to_left, expected)) else None
            for phrase in expected:
                if not _says(text, _fold(phrase), words):
                    self.add(path, f"does not say {phrase!r}, which {self.shown} says")

    def job_posting(self, path: Path, data: dict) -> None:
        """The page's JobPosting says what the content says."""
        if _fold(data.get("title")) != self.page.title:
            self.differs(path, "JobPosting title", data.get("title"), self.page.title)
        for key, want in self.facts.items():
            if data.get(key) != want:
                self.differs(path, f"JobPosting {key}", data.get(key), want)
        salaries = data.get("baseSalary", [])
        salaries = salaries if isinstance(salaries, list) else [salaries]
        figures = [_figures(pay) for pay in self.role.pay if pay.has_figures]
        if [_salary(s) for s in salaries] != figures:
            self.differs(path, "JobPosting baseSalary", salaries, figures)

    def indeed(self, job: dict, data: dict) -> None:
        """The posting's entry in the Indeed feed says the same."""
        path = self.out / SITE / "jobs.xml"
        wanted = {"title": data.get("title"), "date": self.facts["datePosted"]}
        wanted["expirationdate"] = self.facts["validThrough"]
        for element, want in wanted.items():
            if job.get(element) != want:
                self.differs(path, element, job.get(element), want)
        for amount in self.page.pay:
            if amount not in _fold(job.get("salary")):
                self.differs(path, "salary", job.get("salary"), amount)


def _salary(salary: dict) -> tuple:
    value = salary.get("value", {})
    return (
        salary.get("currency"),
        value.get("value", value.get("minValue")),
        value.get("maxValue"),
        value.get("unitText"),
    )


def _figures(pay) -> tuple:
    low = pay.amount if pay.amount is not None else pay.minimum
    return (pay.currency, low, None if pay.kind == "amount" else pay.maximum, pay.period)


def _texts(out: Path, role_id: str):
    """The role's PDF, Word and HTML files that exist, each with a reader of its words
    (white space folded)."""
    readers = {"pdf": _pdf_words, "docx": _docx_words, "html": _html_words}
    for kind, reader in readers.items():
        path = out / f"{role_id}.{kind}"
        if path.is_file():
            yield path, reader


def _pdf_words(path: Path) -> str:
    from pypdf import PdfReader  # loaded only when there is a PDF to read

    return _fold(" ".join(page.extract_text() for page in PdfReader(path).pages))


def _docx_words(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml")
    paragraphs = ElementTree.fromstring(xml).iter(_W + "p")
    return _fold(" ".join("".join(t.text or "" for t in p.iter(_W + "t")) for p in paragraphs))


def _html_words(path: Path) -> str:
    return _fold(" ".join(_Page(path.read_text(encoding="utf-8")).text))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _fold(text: str | None) -> str:
    """White space folded, words hyphenated at a line's end joined (U+2010), and no bidi
    controls (see content/bidi.py)."""
    return " ".join(without_controls((text or "").replace("\u2010\n", "")).split())


def _says(text: str, phrase: str, words: Counter | None) -> bool:
    """Whether `text` holds `phrase`. A PDF reader gives the runs of a right-to-left line
    that mixes scripts or numbers in the order they are drawn ("₪ 28,000– 22,000" for
    "22,000–28,000 ₪"), so there the phrase's words are looked for in `words` (the
    text's, counted), in any order."""
    if phrase in text:
        return True
    if words is None or not right_to_left(phrase):
        return False
    return Counter(_WORDS.findall(phrase)) <= words


_WORDS = re.compile(r"\w+")


def _json(path: Path):
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _xml_jobs(path: Path) -> dict[str, list[dict[str, str]]]:
    if not path.is_file():
        return {}
    jobs: dict[str, list[dict[str, str]]] = {}
    for job in ElementTree.parse(path).getroot().iter("job"):
        fields = {child.tag: (child.text or "") for child in job}
        jobs.setdefault(fields.get("requisitionid", ""), []).append(fields)
    return jobs


class _Page(HTMLParser):
    """The facts a page shows: its title, fact rows, pay lines, apply links, JobPosting."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.text: list[str] = []
        self.facts: dict[str, str] = {}
        self.pay: list[str] = []
        self.apply: list[str] = []
        self.json_ld = None
        self._within: list[str] = []  # the class or tag of each open block that matters
        self._buffer: list[str] = []
        self._row: list[str] = []
        self._span: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("table", "ul", "script"):
            self._within.append(attrs.get("class") or attrs.get("type") or tag)
        if tag in ("h1", "th", "td", "li", "script", "a") or attrs.get("class") == "amount":
            self._buffer = []
        self._span = attrs.get("class") if tag in ("a", "span") else None

    def handle_endtag(self, tag):
        text = _fold("".join(self._buffer))
        where = self._within[-1] if self._within else None
        if tag == "h1" and not self.title:
            self.title = text
        elif tag in ("th", "td") and where == "facts":
            self._row.append(text)
            if len(self._row) == 2:
                self.facts.setdefault(*self._row)
                self._row = []
        elif tag == "span" and where == "pay" and self._span == "amount":
            self.pay.append(text)
        elif tag == "a" and where == "apply":
            self.apply.append(text)
        elif tag == "script" and where == "application/ld+json":
            self.json_ld = json.loads("".join(self._buffer))
        if tag in ("table", "ul", "script") and self._within:
            self._within.pop()

    def handle_data(self, data):
        self._buffer.append(data)
        if not self._within or self._within[-1] not in ("application/ld+json", "script"):
            self.text.append(data)
