"""PDF export: the user's words reach the page; metadata, tags and the locked fetcher hold."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from conftest import REPO, build_files, listing, pdf_info, pdf_text

from jobdocs import load_project
from jobdocs.errors import ExportError

COMPARED = ("software-developer", "software-engineer", "technical-job-descriptions")
TABLE = Path(__file__).resolve().parent.parent / "fixtures/developer-vs-engineer-table.md"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    written = build_files(REPO, ["pdf"], tmp_path_factory.mktemp("pdf"))
    return {Path(name).stem: path for name, path in written.items()}


def table_cells() -> list[str]:
    project = load_project(REPO)
    return [cell for row in project.comparisons["developer-vs-engineer"].rows for cell in row.cells]


def markdown_table_cells(text: str) -> list[str]:
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| ") and "<h4" not in line and "| ---" not in line
    ]
    return [cell for row in rows for cell in row]


def test_comparison_keeps_the_users_wording():
    """The user's table, copied into tests/fixtures, matches the content cell for cell."""
    assert markdown_table_cells(TABLE.read_text(encoding="utf-8")) == table_cells()


def test_the_fixture_is_the_users_table():
    source = REPO.parent / "shared/source/technical-job-descriptions.md"
    if not source.is_file():
        pytest.skip("the user's source document is not beside this checkout")
    assert TABLE.read_text(encoding="utf-8") in source.read_text(encoding="utf-8")


def test_user_table_rows_word_for_word(pdfs):
    cells = table_cells()
    assert len(cells) == 8
    for document_id in COMPARED:
        text = pdf_text(pdfs[document_id])
        for cell in cells:
            assert cell in text, f"{document_id}: {cell!r}"


def test_handbook_lists_roles_and_all_four_departments(pdfs):
    text = pdf_text(pdfs["technical-job-descriptions"])
    assert "with four key departments:" in text
    for department in ("Engineering", "Development", "Operations", "Research"):
        assert f"{department}:" in text
    titles = [
        "Chief Technology Officer",
        "DevOps Engineer",
        "Platform Architect",
        "Software Developer",
        "Software Engineer",
    ]
    assert " ".join(f"• {title}" for title in titles) in text  # alphabetical, as listed


def test_pages_metadata_and_tags(pdfs):
    for document_id, path in pdfs.items():
        info = pdf_info(path)
        assert info["Tagged"] == "yes", document_id
        assert info["Page size"].startswith("595.276 x 841.89"), document_id  # A4
        assert 1 <= int(info["Pages"]) <= 3 or document_id == "technical-job-descriptions"
    handbook = pdf_info(pdfs["technical-job-descriptions"])
    assert handbook["Title"] == "Technical Job Descriptions"
    assert int(handbook["Pages"]) >= 6  # the front matter, then each role on its own pages
    assert "Page 1 of" in pdf_text(pdfs["developer-vs-engineer"])


def test_letter_and_pdf_ua(project, tmp_path):
    (project / "jobdocs.toml").write_text('page_size = "Letter"\npdf_variant = "pdf/ua-1"\n')
    (written,) = build_files(project, ["pdf"], tmp_path, ["developer-vs-engineer"]).values()
    info = pdf_info(written)
    assert info["Page size"].startswith("612 x 792")
    assert 'pdfuaid:part="1"' in pdf_info(written, "-meta")["xmp"]


class _Counter(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def export_template(project: Path, body: str, out: Path) -> Path:
    """The comparison's PDF, its template replaced by `body`."""
    (project / "templates/comparison.html").write_text(
        f'{{% extends "base.html" %}}{{% block body %}}{body}{{% endblock %}}', encoding="utf-8"
    )
    (written,) = build_files(project, ["pdf"], out, ["developer-vs-engineer"]).values()
    return written


@pytest.mark.parametrize(
    "reference",
    [
        '<img src="{server}/image.png">',
        '<link rel="stylesheet" href="{server}/style.css">',
        "<style>@import url({server}/import.css);</style>",
        '<img src="file:///etc/hostname">',
        '<img src="../../content/roles/devops-engineer.toml">',
        '<a rel="attachment" href="{server}/attachment.bin">file</a>',
        '<link rel="attachment" href="file:///etc/hostname">',
        "<style>@font-face {{ font-family: X; src: url({server}/font.woff) }}"
        " p {{ font-family: X }}</style><p>text</p>",
        '<img src="data:image/svg+xml;utf8,<svg xmlns=%22http://www.w3.org/2000/svg%22 '
        "xmlns:xlink=%22http://www.w3.org/1999/xlink%22 width=%2210%22 height=%2210%22>"
        '<image xlink:href=%22{server}/in-svg.png%22 width=%2210%22 height=%2210%22/></svg>">',
        '<p style="background: url({server}/background.png)">text</p>',
    ],
)
def test_fetches_outside_the_templates_folder_are_refused(project, server, tmp_path, reference):
    _Counter.hits = 0
    out = tmp_path / "out"
    with pytest.raises(ExportError, match="refused to fetch"):
        export_template(project, reference.format(server=server), out)
    assert _Counter.hits == 0
    assert listing(out) == []  # nothing half-written


def test_files_inside_the_templates_folder_may_be_used(project, tmp_path):
    (project / "templates/extra.css").write_text("p { color: #123456 }", encoding="utf-8")
    path = export_template(project, '<link rel="stylesheet" href="extra.css"><p>Hi</p>', tmp_path)
    assert "Hi" in pdf_text(path)


def test_lost_content_is_a_failure(project, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ExportError, match="developer-vs-engineer"):
        export_template(project, '<img src="missing.png">', out)
    assert listing(out) == []


def test_content_referencing_urls_fetches_nothing(project, server, tmp_path):
    """Links in content are links, images are text: building reads no URL and no file."""
    _Counter.hits = 0
    role = project / "content/roles/devops-engineer.toml"
    text = role.read_text(encoding="utf-8")
    hostile = (
        f'[server]({server}/link) ![image]({server}/image.png) <img src="{server}/raw.png"> '
        '<link rel="stylesheet" href="file:///etc/hostname"> '
        "<style>@import url(../../x.css)</style>"
    )
    role.write_text(text.replace('department = "Operations"', f"department = '{hostile}'"))
    out = tmp_path / "out"
    build_files(project, ["pdf", "docx", "html"], out, ["devops-engineer"])
    assert _Counter.hits == 0
    assert listing(out) == ["devops-engineer.docx", "devops-engineer.html", "devops-engineer.pdf"]
    foreign = Path("/etc/hostname").read_bytes().strip()
    for name in listing(out):
        assert foreign not in (out / name).read_bytes() or len(foreign) < 4, name
    assert f'<img src="{server}/raw.png">' in pdf_text(out / "devops-engineer.pdf")  # as typed
