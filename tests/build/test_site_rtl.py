"""Right-to-left careers pages as headless Chromium lays them out: the Arabic and Hebrew
postings of the full fixture, their sentences right-aligned, a Latin acronym where the
sentence has it, and the organization's English text left-aligned."""

import json
import shutil
from datetime import date

import pytest
from conftest import in_chromium, unavailable
from test_site import built_site

# Positions read through the DOM: each paragraph's lines (the client rectangles of a range
# over its text), and the rectangles of chosen words.
PROBE = """<script>
function rects(node) {
  const range = document.createRange(); range.selectNodeContents(node);
  return Array.from(range.getClientRects()).map(r => [r.left, r.right, r.top]);
}
function word(text) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at); range.setEnd(node, at + text.length);
      const r = range.getBoundingClientRect(); return [r.left, r.right, r.top];
    }
  }
  return null;
}
const main = document.querySelector("main");
const box = main.getBoundingClientRect();
const found = {
  main: [box.left, box.right],
  paragraphs: Array.from(main.querySelectorAll("p")).map(p => ({
    text: p.textContent.trim().slice(0, 40), dir: getComputedStyle(p).direction,
    box: [p.getBoundingClientRect().left, p.getBoundingClientRect().right], lines: rects(p)})),
  words: Object.fromEntries(WORDS.map(w => [w, word(w)])),
};
document.body.setAttribute("data-probe", JSON.stringify(found));
</script>"""
PAGES = {
    # the role, and three words in the order its first sentence has them: before the
    # acronym, the acronym, after it
    "field-assistant": ["الأحمر", "ICRC", "عن فتح"],
    "product-designer": ["לצוות", "UX", "שלנו"],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if shutil.which("chromium") is None:
        unavailable("chromium is not installed (scripts/install.sh --test installs it)")
    return built_site(tmp_path_factory.mktemp("rtl"), date(2026, 12, 1))


def probe(page, words: list[str]) -> dict:
    script = PROBE.replace("WORDS", json.dumps(words, ensure_ascii=False))
    return in_chromium(page, script, "data-probe", "--window-size=1024,2000")


@pytest.mark.parametrize("role", PAGES)
def test_chromium_lays_a_right_to_left_posting_out_from_the_right(site, role):
    found = probe(site / role / "index.html", PAGES[role])
    rtl = [p for p in found["paragraphs"] if p["dir"] == "rtl" and p["lines"]]
    ltr = [p for p in found["paragraphs"] if p["dir"] == "ltr" and p["lines"]]
    assert len(rtl) >= 3
    for paragraph in rtl:  # every line starts at the right edge of its paragraph
        right = paragraph["box"][1]
        first_line = [r for r in paragraph["lines"] if r[2] == paragraph["lines"][0][2]]
        assert abs(max(r[1] for r in first_line) - right) < 2, paragraph
    english = [p for p in ltr if p["text"].startswith("Northwind Collective is")]
    assert english, "the organization's about text is left to right"
    line = english[0]["lines"][0]
    assert abs(line[0] - english[0]["box"][0]) < 2  # it starts at the left
    before, acronym, after = (found["words"][w] for w in PAGES[role])
    assert before[2] == acronym[2] == after[2], "one line"
    assert before[0] > acronym[1] and acronym[0] > after[1], (before, acronym, after)


def test_right_to_left_pages_and_pages_for_names_in_their_script(site):
    for role, language in (("field-assistant", "ar"), ("product-designer", "he")):
        html = (site / role / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}" dir="rtl">' in html
    department = (site / "departments" / "العمليات" / "index.html").read_text(encoding="utf-8")
    assert '<h1 dir="auto">العمليات</h1>' in department
    assert (site / "locations" / "תל-אביב" / "index.html").is_file()
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<li lang="ar" dir="rtl">' in index and '<li lang="he" dir="rtl">' in index
