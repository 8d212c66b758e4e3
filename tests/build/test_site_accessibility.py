"""The careers site passes axe-core in headless Chromium: no violations on the index, a
filter page, and posting pages in English, German, Arabic and Hebrew."""

import shutil
from datetime import date

import pytest
from conftest import REPO, in_chromium, unavailable
from test_site import built_site

AXE = REPO / ".test-tools/node_modules/axe-core/axe.min.js"
PAGES = [
    "index.html",
    "departments/infrastructure/index.html",
    "site-reliability-engineer/index.html",
    "datenschutz-jurist/index.html",
    "care-assistant/index.html",
    "field-assistant/index.html",
    "product-designer/index.html",
]
RUNNER = """<script src="{axe}"></script>
<script>
axe.run(document, {{ resultTypes: ["violations"] }}).then(function (results) {{
  document.body.setAttribute("data-axe", JSON.stringify(results.violations.map(function (v) {{
    return {{ id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) {{ return n.html; }}) }};
  }})));
}});
</script>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if shutil.which("chromium") is None:
        unavailable("chromium is not installed (scripts/install.sh --test installs it)")
    if not AXE.is_file():
        unavailable("axe-core is not installed (scripts/install.sh --test installs it)")
    return built_site(tmp_path_factory.mktemp("a11y"), date(2026, 11, 29))


def violations(page) -> list[dict]:
    """axe-core's violations on a copy of `page` with axe and a runner added at its end."""
    script = RUNNER.format(axe=AXE.as_uri())
    return in_chromium(page, script, "data-axe", "--virtual-time-budget=15000")


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(site, name):
    assert violations(site / name) == []


def test_axe_does_report_a_violation(site):
    """The probe works: an image without alt text on a copy of the index is caught."""
    broken = site / "broken.html"
    html = (site / "index.html").read_text(encoding="utf-8")
    broken.write_text(html.replace("<main", '<img src="logo.png"><main', 1), "utf-8")
    assert "image-alt" in {v["id"] for v in violations(broken)}
