"""The scripts the default theme claims reach every format with a font that has them."""

import subprocess
from pathlib import Path

import docx
import pytest
from conftest import build_files, pdf_text, require, unavailable

SAMPLES = {
    "Latin": "Café naïve Ærøskøbing Łódź",
    "Greek": "Καλημέρα κόσμε",
    "Cyrillic": "Привет, мир",
    "Hebrew": "שלום עולם",
    "Arabic": "مرحبا بالعالم",
    "Chinese": "你好世界",
    "Japanese": "こんにちは世界",
    "Korean": "안녕하세요 세계",
    "Emoji": "🚀🙂",
    "Combining marks": "e\u0301 a\u0308 n\u0303",
}
FONTS = {"DejaVu Sans": "DejaVu", "Noto Sans CJK SC": "CJK", "Noto Color Emoji": "Emoji"}


def installed(family: str) -> bool:
    fonts = subprocess.run(
        [require("fc-list"), f":family={family}", "family"], capture_output=True, text=True
    ).stdout
    return bool(fonts.strip())


@pytest.fixture
def multilingual(project) -> Path:
    missing = [family for family in FONTS if not installed(family)]
    if missing:
        unavailable(
            f"fonts {', '.join(missing)} are not installed (scripts/install.sh installs them)"
        )
    role = project / "content/roles/software-engineer.toml"
    text = role.read_text(encoding="utf-8")
    items = "".join(f'  "{script}: {sample}",\n' for script, sample in SAMPLES.items())
    text = text.replace("responsibilities = [\n", "responsibilities = [\n" + items, 1)
    text = text.replace(
        'title = "Software Engineer"', f'title = "Software Engineer {SAMPLES["Chinese"]}"'
    )
    role.write_text(text, encoding="utf-8")
    return project


def build(project: Path, out: Path, formats: list[str]) -> dict[str, Path]:
    written = build_files(project, formats, out, ["software-engineer"])
    return {path.suffix[1:]: path for path in written.values()}


def fonts_in(pdf: Path) -> str:
    return subprocess.run(
        [require("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_embeds_a_font_for_every_script(multilingual, tmp_path):
    files = build(multilingual, tmp_path, ["pdf", "html", "docx"])
    text = pdf_text(files["pdf"])
    for script, sample in SAMPLES.items():
        if script != "Combining marks":  # extracted as precomposed or decomposed, either way
            assert sample in text, script
    fonts = fonts_in(files["pdf"])
    for marker in FONTS.values():
        assert marker in fonts, (marker, fonts)
    html = files["html"].read_text(encoding="utf-8")
    document = docx.Document(str(files["docx"]))
    words = "\n".join(p.text for p in document.paragraphs)
    for sample in SAMPLES.values():
        assert sample in html and sample in words


def test_libreoffice_finds_the_fonts_for_the_word_file(multilingual, tmp_path):
    files = build(multilingual, tmp_path / "out", ["docx"])
    subprocess.run(
        [require("soffice"), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(files["docx"])],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    fonts = fonts_in(tmp_path / "software-engineer.pdf")
    assert "DejaVu" in fonts and "CJK" in fonts, fonts
