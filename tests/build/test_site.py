"""The careers site: pages, JobPosting data, sitemap, robots.txt and feeds, read back with
an HTML parser, extruct (JSON-LD), an XML parser and json."""

import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import extruct
import pytest
from conftest import REPO, build_files, edit

FIXTURE = REPO / "tests/fixtures/postings"
BASE = "https://example.org/careers/"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def built_site(folder: Path, as_of: date) -> Path:
    """The full fixture's careers site, built in a copy of it under `folder` as of `as_of`."""
    root = folder / "project"
    shutil.copytree(FIXTURE, root)
    with_site(root)
    build_files(root, ["site"], root / "output", as_of=as_of)
    return root / "output" / "site"


def with_site(root: Path) -> Path:
    settings = root / "jobdocs.toml"
    text = settings.read_text(encoding="utf-8") if settings.exists() else ""
    settings.write_text(text + f'\n[site]\nbase_url = "{BASE}"\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The starter project's site and the postings fixture's, built as of 2026-11-29."""
    built = {}
    for name in ("starter", "postings"):
        root = tmp_path_factory.mktemp(name) / "project"
        if name == "starter":  # its content with the built-in theme, as a new user has it
            shutil.copytree(REPO / "content", root / "content")
        else:  # the whole project: its own templates, labels and logo
            shutil.copytree(FIXTURE, root)
        with_site(root)
        build_files(root, ["site", "pdf", "docx"], root / "output", as_of=date(2026, 11, 29))
        built[name] = root / "output" / "site"
    return built


def json_ld(page: Path) -> list[dict]:
    html = page.read_text(encoding="utf-8")
    return extruct.extract(html, base_url=BASE, syntaxes=["json-ld"])["json-ld"]


class Page(HTMLParser):
    """What a reader of the page sees: its elements and attributes."""

    def __init__(self, path: Path):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]


def test_every_open_posting_has_a_page_with_googles_required_properties(sites):
    pages = sorted(sites["starter"].glob("*/index.html"))
    postings = [p for p in pages if p.parent.name not in ("departments", "locations")]
    assert [p.parent.name for p in postings] == [
        "devops-engineer",
        "software-developer",
        "software-engineer",
    ]
    for page in postings:
        (posting,) = json_ld(page)
        assert posting["@context"] == "https://schema.org/" and posting["@type"] == "JobPosting"
        for required in ("title", "description", "datePosted", "hiringOrganization"):
            assert posting[required], (page, required)
        assert ISO_DATE.match(posting["datePosted"]) and ISO_DATE.match(posting["validThrough"])
        assert posting["hiringOrganization"]["@type"] == "Organization"
        assert posting["hiringOrganization"]["sameAs"] == "https://www.example.com"
        (place,) = posting["jobLocation"]
        assert place["address"]["@type"] == "PostalAddress"
        assert place["address"]["addressCountry"] == "DE"
        assert "<h2>Responsibilities</h2>" in posting["description"]
        assert "data-docx" not in posting["description"]
        assert posting["url"] == BASE + page.parent.name + "/"
        salary = posting["baseSalary"]
        salaries = salary if isinstance(salary, list) else [salary]
        for entry in salaries:
            assert entry["@type"] == "MonetaryAmount" and entry["currency"] == "EUR"
            assert entry["value"]["@type"] == "QuantitativeValue"
            assert entry["value"]["unitText"] in ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
            assert entry["value"]["minValue"] < entry["value"]["maxValue"]


def test_telecommute_only_where_the_job_may_be_done_remotely(sites):
    devops = json_ld(sites["starter"] / "devops-engineer/index.html")[0]
    assert devops["jobLocationType"] == "TELECOMMUTE"
    assert devops["applicantLocationRequirements"] == [
        {"@type": "Country", "name": name} for name in ("Germany", "Austria", "Netherlands")
    ]
    hybrid = json_ld(sites["starter"] / "software-engineer/index.html")[0]
    assert "jobLocationType" not in hybrid and "applicantLocationRequirements" not in hybrid
    remote = json_ld(sites["postings"] / "site-reliability-engineer/index.html")[0]
    assert remote["jobLocationType"] == "TELECOMMUTE" and "jobLocation" not in remote
    assert [s["currency"] for s in remote["baseSalary"]] == ["USD", "CAD"]


def test_expired_postings_lose_their_markup(sites):
    # As of 2026-11-29 the SRE posting (closing 2026-12-15) is open; the German one too.
    site = sites["postings"]
    expired = build_as_of(site, date(2026, 12, 16))
    page = expired / "site-reliability-engineer/index.html"
    assert json_ld(page) == []
    assert {"name": "robots", "content": "noindex"} in Page(page).all("meta")
    assert "no longer accepting applications" in page.read_text(encoding="utf-8")
    listed = (expired / "index.html").read_text(encoding="utf-8")
    assert "site-reliability-engineer/index.html" not in listed
    assert "site-reliability-engineer" not in (expired / "sitemap.xml").read_text("utf-8")
    assert "Site Reliability Engineer" not in (expired / "jobs.xml").read_text("utf-8")


def build_as_of(site: Path, day: date, settings: str = "") -> Path:
    root = site.parent.parent
    copy = root.parent / f"copy-{day}-{len(settings)}"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("output", "jobdocs.toml"))
    with_site(copy)
    if settings:
        edit(copy / "jobdocs.toml", "[site]\n", f"[site]\n{settings}\n")
    build_files(copy, ["site"], copy / "output", as_of=day)
    return copy / "output" / "site"


def test_expired_postings_can_be_left_out(sites):
    site = build_as_of(sites["postings"], date(2026, 12, 16), 'expired = "omit"')
    assert not (site / "site-reliability-engineer").exists()
    assert (site / "care-assistant/index.html").is_file()  # no closing date: still open


def test_the_index_lists_open_postings_by_department_without_javascript(sites):
    site = sites["starter"]
    index = Page(site / "index.html")
    assert index.all("html")[0]["lang"] == "en"
    assert len(index.all("h1")) == 1
    assert index.all("a")[0]["href"] == "#main" and index.all("main")[0]["id"] == "main"
    links = {a["href"] for a in index.all("a")}
    assert {
        "devops-engineer/index.html",
        "departments/operations/index.html",
        "locations/berlin/index.html",
        "locations/remote/index.html",
    } <= links
    text = (site / "index.html").read_text(encoding="utf-8")
    for department in ("Development", "Engineering", "Operations"):
        assert f">{department}</h2>" in text
    assert "€70,000–€95,000 per year" in text and "Remote (from Germany" in text
    operations = (site / "departments/operations/index.html").read_text(encoding="utf-8")
    assert "devops-engineer" in operations and "software-engineer" not in operations


def test_links_are_relative_and_every_one_resolves(sites):
    """The site works from file:// and from any sub-path: no link leaves its folder."""
    for site in sites.values():
        for page in site.rglob("*.html"):
            parsed = Page(page)
            for attrs in parsed.all("a") + parsed.all("link"):
                href = attrs["href"]
                if href.startswith(("https://", "http://", "mailto:", "#")):
                    assert attrs.get("rel") == "canonical" or not href.startswith(BASE), href
                    continue
                assert not href.startswith("/"), (page, href)
                assert (page.parent / href).resolve().is_file(), (page, href)
            for attrs in parsed.all("script") + parsed.all("img"):
                assert "src" not in attrs or attrs["src"].startswith("data:"), (page, attrs)


def test_downloads_and_the_logo_are_copied_into_the_site(sites):
    site = sites["postings"]
    folder = site / "care-assistant"
    assert (folder / "care-assistant.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / "care-assistant.docx").read_bytes().startswith(b"PK")
    assert (site / "logo.png").read_bytes() == (FIXTURE / "brand/northwind-logo.png").read_bytes()
    posting = json_ld(folder / "index.html")[0]
    assert posting["hiringOrganization"]["logo"] == BASE + "logo.png"


def test_jobs_xml_carries_the_feeds_elements(sites):
    for site in sites.values():
        feed = ET.parse(site / "jobs.xml").getroot()
        assert feed.tag == "source"
        jobs = feed.findall("job")
        assert jobs
        references = [job.findtext("referencenumber") for job in jobs]
        assert len(set(references)) == len(references)
        for job in jobs:
            for element in ("title", "date", "referencenumber", "url", "company", "description"):
                assert job.findtext(element), element
            assert ISO_DATE.match(job.findtext("date"))
            assert job.findtext("url").startswith(BASE)


def test_jobs_json_holds_the_pages_job_postings(sites):
    for site in sites.values():
        feed = json.loads((site / "jobs.json").read_text(encoding="utf-8"))
        pages = [json_ld(site / p["url"][len(BASE) :] / "index.html")[0] for p in feed]
        assert feed == pages


def test_sitemap_and_robots(sites):
    site = sites["starter"]
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", namespace)
    pages = {
        u.findtext("s:loc", namespaces=namespace): u.findtext("s:lastmod", namespaces=namespace)
        for u in urls
    }
    assert pages[BASE + "devops-engineer/"] == "2026-11-23"
    assert pages[BASE] == "2026-11-23"
    assert len(pages) == 4
    assert (site / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == (
        f"Sitemap: {BASE}sitemap.xml"
    )


def test_a_german_posting_page_is_german(sites):
    page = sites["postings"] / "datenschutz-jurist/index.html"
    assert Page(page).all("html")[0]["lang"] == "de"
    posting = json_ld(page)[0]
    assert posting["title"] == "Jurist*in (m/w/d) Datenschutz"
    assert "<h2>Aufgaben</h2>" in posting["description"]
    assert posting["employmentType"] == ["FULL_TIME", "TEMPORARY"]
    assert posting["jobLocation"][0]["address"]["addressRegion"] == "BY"


def test_hostile_text_cannot_break_out_of_the_json_ld_or_the_feed(project, tmp_path):
    role = project / "content/roles/software-developer.toml"
    hostile = "Dev </script><script>alert(1)</script> ]]> <b>&amp;"
    edit(role, 'title = "Software Developer"', f"title = '{hostile}'")
    edit(role, 'summary = """\n', 'summary = """\nA ]]> B </script> C\n\n')
    with_site(project)
    build_files(project, ["site"], tmp_path, as_of=date(2026, 11, 29))
    page = tmp_path / "site/software-developer/index.html"
    text = page.read_text(encoding="utf-8")
    assert text.count("<script") == 1  # the JSON-LD; the title's script is text
    (posting,) = json_ld(page)
    assert posting["title"] == "Dev </script><script>alert(1)</script> ]]> <b>&amp;"
    assert "A ]]&gt; B &lt;/script&gt; C" in posting["description"]
    jobs = {
        job.findtext("requisitionid"): job for job in ET.parse(tmp_path / "site/jobs.xml").getroot()
    }
    job = jobs["TG-2026-014"]
    assert job.findtext("title") == posting["title"]  # the CDATA round-trips, "]]>" and all
    assert job.findtext("description") == posting["description"]
    assert json.loads((tmp_path / "site/jobs.json").read_text("utf-8"))[1]["title"] == hostile


def test_one_edit_rewrites_only_what_shows_it(project, tmp_path, jobdocs):
    with_site(project)
    out = tmp_path / "out"
    first = jobdocs(project, "build", "-f", "site", "-o", str(out), "--as-of", "2026-11-29")
    assert first.exit_code == 0, first.output
    role = project / "content/roles/devops-engineer.toml"

    def rebuilt(old, new) -> set[str]:
        edit(role, old, new)
        result = jobdocs(project, "build", "-f", "site", "-o", str(out), "--as-of", "2026-11-29")
        lines = result.output.splitlines()
        return {
            str(Path(line[6:]).relative_to(out / "site"))
            for line in lines
            if line.startswith("wrote ")
        }

    assert rebuilt("You bridge development", "You connect development") == {
        "devops-engineer/index.html",
        "jobs.json",
        "jobs.xml",
    }
    assert rebuilt('title = "DevOps Engineer"', 'title = "DevOps Engineer II"') == {
        "devops-engineer/index.html",
        "index.html",
        "departments/operations/index.html",
        "locations/berlin/index.html",
        "locations/remote/index.html",
        "jobs.json",
        "jobs.xml",
    }


def test_the_same_site_twice_is_the_same_bytes(sites, tmp_path):
    root = sites["postings"].parent.parent
    for attempt in ("a", "b"):
        build_files(root, ["site"], tmp_path / attempt, as_of=date(2026, 11, 29))
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*")
             if p.is_file() and not p.name.startswith(".")}  # fmt: skip
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*")
              if p.is_file() and not p.name.startswith(".")}  # fmt: skip
    assert len(first) > 10 and first == second
