"""Word files name where each paragraph came from: a hidden bookmark per paragraph, list
item and table cell, and custom properties naming the document and its sources."""

import re
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import DOCUMENT_IDS, REPO, build_files
from lxml import etree

from jobdocs.content.fields import bookmark, field_hash, parse_bookmark

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    return build_files(REPO, ["docx"], tmp_path_factory.mktemp("marks"))


def body(path: Path):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml")).find(f"{W}body")


def properties(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root.iter(f"{CUSTOM}property")}


def marked(path: Path) -> list[tuple[str, str]]:
    """(bookmark name, text) of every paragraph of the body."""
    found = []
    for paragraph in body(path).iter(f"{W}p"):
        names = [b.get(f"{W}name") for b in paragraph.iter(f"{W}bookmarkStart")]
        assert len(names) == 1, (path.name, names, "".join(paragraph.itertext()))
        ends = [e.get(f"{W}id") for e in paragraph.iter(f"{W}bookmarkEnd")]
        assert ends == [paragraph.find(f"{W}bookmarkStart").get(f"{W}id")]
        found.append((names[0], "".join(t.text or "" for t in paragraph.iter(f"{W}t"))))
    return found


def test_every_paragraph_item_and_cell_has_one_hidden_bookmark(outputs):
    for document_id in DOCUMENT_IDS:
        names = [name for name, _ in marked(outputs[f"{document_id}.docx"])]
        assert len(names) == len(set(names)), document_id
        for name in names:
            assert re.fullmatch(r"_jd_[A-Za-z0-9_]{1,36}", name), name
            assert parse_bookmark(name) is not None, name


def test_a_bookmark_names_the_field_its_text_comes_from(outputs):
    role = tomllib.loads((REPO / "content/roles/software-engineer.toml").read_text("utf-8"))
    texts = dict(marked(outputs["software-engineer.docx"]))
    third = bookmark("roles/software-engineer:responsibilities[3]", 1)
    assert texts[third] == role["responsibilities"][2]
    required = bookmark("roles/software-engineer:qualifications.required[2]", 1)
    assert texts[required] == role["qualifications"]["required"][1]
    # The summary's paragraphs are numbered in order.
    _, second = role["summary"].strip().split("\n\n")
    assert texts[bookmark("roles/software-engineer:summary", 2)] == second
    assert texts[bookmark("roles/software-engineer:summary", 1)].startswith("The Software Engin")
    comparison = "comparisons/developer-vs-engineer:rows[2].cells[1]"
    assert texts[bookmark(comparison, 1)].startswith("Use their artistic skills")


def test_the_same_field_has_the_same_name_in_every_document(outputs):
    field = bookmark("roles/software-engineer:responsibilities[3]", 1)
    for document_id in ("software-engineer", "technical-job-descriptions"):
        assert field in dict(marked(outputs[f"{document_id}.docx"])), document_id


def test_fixed_text_is_marked_as_such(outputs):
    texts = marked(outputs["software-engineer.docx"])
    headings = [text for name, text in texts if parse_bookmark(name)[0] == "x"]
    assert "Responsibilities" in headings and "Department" in headings
    assert f"_{field_hash('headings.responsibilities')}_" in " ".join(n for n, _ in texts)


def test_custom_properties_name_the_document_and_its_sources(outputs):
    values = properties(outputs["software-engineer.docx"])
    assert values["jobdocs.id"] == "software-engineer"
    assert values["jobdocs.kind"] == "role"
    assert values["jobdocs.organization"] == "Technical Group"
    assert re.fullmatch(r"[0-9a-f]{32}", values["jobdocs.digest"])
    assert "roles/software-engineer.toml" in values["jobdocs.sources"].split()
    assert "organization.toml" in values["jobdocs.sources"].split()
    handbook = properties(outputs["technical-job-descriptions.docx"])
    assert handbook["jobdocs.kind"] == "handbook"
    assert all(len(value) <= 255 for value in handbook.values())
    sources = "".join(v for k, v in sorted(handbook.items()) if k.startswith("jobdocs.sources"))
    assert len(sources.split()) == 7  # organization, five roles, one comparison
    with zipfile.ZipFile(outputs["software-engineer.docx"]) as package:
        types = package.read("[Content_Types].xml").decode()
        relationships = package.read("_rels/.rels").decode()
    assert 'PartName="/docProps/custom.xml"' in types
    assert "custom-properties+xml" in types
    assert "relationships/custom-properties" in relationships
