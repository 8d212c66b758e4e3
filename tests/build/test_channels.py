"""One source, every channel: for the starter postings, the postings fixture and a
generated corpus, each posting's title, places, pay, employment type, dates and apply link
read the same in its PDF (pdftotext), Word file (python-docx), page (an HTML parser),
JobPosting (extruct), jobs.json and jobs.xml (ElementTree); and `jobdocs check --outputs`
agrees, and notices a file that does not."""

import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from datetime import date

import docx
import extruct
import pytest
from conftest import REPO, build_files, pdf_text
from test_site import BASE, FIXTURE, with_site

sys.path.insert(0, str(REPO / "bench"))
from corpus import make_project

from jobdocs import load_project
from jobdocs.documents.site import published

AS_OF = date(2026, 11, 29)


@pytest.fixture(scope="module", params=["starter", "postings", "corpus"])
def built(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(request.param) / "project"
    if request.param == "corpus":
        root.mkdir()
        make_project(root, 12)
    else:
        source = {"starter": REPO / "content", "postings": FIXTURE}[request.param]
        shutil.copytree(source, root / "content" if source.name == "content" else root)
    with_site(root)
    build_files(root, ["pdf", "docx", "html", "site"], root / "output", as_of=AS_OF, jobs=2)
    return root


def digits(text: str) -> str:
    """Numbers without their group separators, whichever the language uses: 4.800 → 4800."""
    return re.sub(r"(?<=\d)[.,\u00a0\u202f' ](?=\d{3})", "", text)


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_channel_says_the_same(built):
    out = built / "output"
    project = load_project(built)
    feed = json.loads((out / "site/jobs.json").read_text(encoding="utf-8"))
    jobs = ET.parse(out / "site/jobs.xml").getroot().findall("job")
    postings = {k: v for k, v in published(project).items() if v.posting.valid_through is None
                or v.posting.valid_through >= AS_OF}  # fmt: skip
    assert postings
    for role_id, role in postings.items():
        page = (out / f"site/{role_id}/index.html").read_text(encoding="utf-8")
        (data,) = extruct.extract(page, base_url=BASE, syntaxes=["json-ld"])["json-ld"]
        pdf = pdf_text(out / f"{role_id}.pdf")
        word = docx.Document(str(out / f"{role_id}.docx"))
        word_text = words(
            " ".join(p.text for p in word.paragraphs)
            + " "
            + " ".join(c.text for t in word.tables for r in t.rows for c in r.cells)
        )
        # the structured channels say what the content says
        assert data in feed
        assert data["datePosted"] == str(role.posting.date_posted)
        if role.posting.valid_through:
            assert data["validThrough"] == str(role.posting.valid_through)
        assert data.get("employmentType", []) == role.employment_types
        cities = [place.city for place in role.locations]
        assert [p["address"].get("addressLocality") for p in data.get("jobLocation", [])] == cities
        countries = [place.country_code for place in role.locations]
        assert [p["address"]["addressCountry"] for p in data.get("jobLocation", [])] == countries
        salaries = data.get("baseSalary", [])
        salaries = salaries if isinstance(salaries, list) else [salaries]
        figures = [pay for pay in role.pay if pay.kind != "scale"]
        assert [s["currency"] for s in salaries] == [pay.currency for pay in figures]
        for salary, pay in zip(salaries, figures, strict=True):
            value = salary["value"]
            assert value.get("minValue", value.get("value")) == (
                pay.minimum if pay.amount is None else pay.amount
            )
            assert value.get("maxValue") == (None if pay.kind == "amount" else pay.maximum)
            assert value["unitText"] == pay.period
        mine = [j for j in jobs if j.findtext("requisitionid") == (role.posting.id or role_id)]
        assert len(mine) == max(1, len(role.locations))
        for job, place in zip(mine, role.locations or [None], strict=True):
            assert job.findtext("title") == data["title"]
            assert job.findtext("date") == data["datePosted"]
            assert job.findtext("city") == (place.city if place else None)
        # the documents people read say what the page says
        for phrase in [words(role.title), *cities, role.posting.apply_url]:
            if phrase:
                assert phrase in words(page) and phrase in pdf and phrase in word_text, phrase
        for pay in figures:
            figure = str(int(pay.minimum or pay.amount or pay.maximum))
            for channel in (pdf, word_text, mine[0].findtext("salary")):
                assert figure in digits(channel), (role_id, figure)


def test_check_outputs_agrees_and_notices_a_tampered_file(built, jobdocs):
    out = built / "output"
    result = jobdocs(built, "check", "--outputs", "-o", str(out), "--as-of", str(AS_OF))
    assert result.exit_code == 0, result.output + result.stderr
    feed = out / "site/jobs.json"
    data = json.loads(feed.read_text(encoding="utf-8"))
    data[0]["title"] += " (edited)"
    feed.write_text(json.dumps(data), encoding="utf-8")
    result = jobdocs(built, "check", "--outputs", "-o", str(out), "--as-of", str(AS_OF))
    assert result.exit_code == 1
    assert "error outputs.agree" in result.stderr and "jobs.json" in result.stderr
