"""Department and place names that slug alike, or that are not in Latin letters, each get
their own page (issue 18, names that collide). Before, "R&D" and "R-D" wrote one page,
whichever finished last, and every non-Latin city became `locations/other/`."""

import shutil
from datetime import date
from html.parser import HTMLParser

from conftest import FULL, build_files
from test_site import with_site

CARE = "content/roles/care-assistant.toml"
NAMES = {  # role id: (department, city)
    "care-assistant": ("R&D", "Leeds"),
    "night-carer": ("R-D", "東京"),
    "day-carer": ("Research", "القدس"),
    "weekend-carer": ("Research", "München"),
}


class Heading(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.inside, self.text = False, ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.inside = self.inside or tag == "h1"

    def handle_endtag(self, tag):
        self.inside = self.inside and tag != "h1"

    def handle_data(self, data):
        self.text += data if self.inside else ""


def project(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FULL, root)
    with_site(root)
    care = (root / CARE).read_text(encoding="utf-8")
    for role_id, (department, city) in NAMES.items():
        text = care.replace('city = "Leeds"', f'city = "{city}"')
        (root / f"content/roles/{role_id}.toml").write_text(
            f'department = "{department}"\n' + text, encoding="utf-8"
        )
    return root


def pages(site, kind: str) -> dict[str, str]:
    """Each filter page's folder name and the name its heading shows."""
    return {
        page.parent.name: " ".join(Heading(page.read_text(encoding="utf-8")).text.split())
        for page in (site / kind).glob("*/index.html")
    }


def test_names_that_slug_alike_or_are_not_latin_get_their_own_pages(tmp_path):
    root = project(tmp_path)
    out = tmp_path / "out"
    build_files(root, ["site"], out, as_of=date(2026, 11, 29), jobs=2)
    site = out / "site"
    departments = pages(site, "departments")
    assert departments["r-d"].endswith("R&D") and departments["r-d-2"].endswith("R-D")
    locations = pages(site, "locations")
    assert "東京" in locations and "القدس" in locations and "munchen" in locations
    assert "other" not in locations
    for segment, heading in locations.items():
        assert heading, segment
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="locations/東京/index.html"' in index
    assert 'href="departments/r-d-2/index.html"' in index


def test_the_same_names_build_the_same_pages_in_parallel(tmp_path):
    root = project(tmp_path)
    built = []
    for attempt in ("a", "b"):
        out = tmp_path / attempt
        build_files(root, ["site"], out, as_of=date(2026, 11, 29), jobs=2)
        built.append({p.relative_to(out): p.read_bytes() for p in (out / "site").rglob("*.html")})
    assert built[0] == built[1]
