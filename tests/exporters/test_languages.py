"""A role in each of the theme's ten languages builds in every format, its facts labelled
in its language: the label file's word for "Employment" is in the PDF, the Word file and
the page, and English's is not (except in English)."""

import shutil
import tomllib

import docx
import pytest
from conftest import MINIMAL, REPO, build_files, pdf_text

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "ar", "he")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_role_in_each_language_builds_with_its_labels(language, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    role = root / "content/roles/clerk.toml"
    role.write_text(
        f'language = "{language}"\n' + role.read_text(encoding="utf-8")
        + 'employment_type = "PART_TIME"\n',
        encoding="utf-8",
    )  # fmt: skip
    files = build_files(root, ["pdf", "docx", "html"], tmp_path / "out", ["clerk"])
    labels = tomllib.loads((REPO / f"templates/labels/{language}.toml").read_text("utf-8"))
    english = tomllib.loads((REPO / "templates/labels/en.toml").read_text("utf-8"))
    texts = {
        "pdf": pdf_text(files["clerk.pdf"]),
        "docx": "\n".join(p.text for p in docx.Document(str(files["clerk.docx"])).paragraphs)
        + "\n".join(c.text for t in docx.Document(str(files["clerk.docx"])).tables
                    for row in t.rows for c in row.cells),
        "html": files["clerk.html"].read_text(encoding="utf-8"),
    }  # fmt: skip
    for kind, text in texts.items():
        assert labels["facts"]["employment"] in text, kind
        assert labels["employment_type"]["PART_TIME"] in text, kind
        if language != "en":
            assert english["employment_type"]["PART_TIME"] not in text, kind
