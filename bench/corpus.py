"""A synthetic project of N roles for the benchmarks: roles of one to three printed pages,
each a job posting with a place, pay and dates, and a few comparisons."""

import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLACES = [
    ("Berlin", "DE-BE", "DE", "EUR"),
    ("Denver", "US-CO", "US", "USD"),
    ("New York", "US-NY", "US", "USD"),
    ("Toronto", "CA-ON", "CA", "CAD"),
    ("Seattle", "US-WA", "US", "USD"),
]


WORDS = (
    "design build operate deliver review plan measure improve platform service customer team "
    "reliable secure scalable data pipeline release quality standard practice architecture "
    "incident automation observability product roadmap stakeholder requirement mentor code "
    "test deploy cloud network storage budget vendor strategy process documentation"
).split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def toml_list(items: list[str]) -> str:
    return "[\n" + "".join(f'  "{item}",\n' for item in items) + "]"


def make_project(root: Path, roles: int) -> list[str]:
    """A project of `roles` roles of one to three printed pages, and a few comparisons."""
    rng = random.Random(20261129)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "content", root / "content")
    for old in (root / "content/roles").glob("*.toml"):
        old.unlink()
    for old in (root / "content/comparisons").glob("*.toml"):
        old.unlink()
    ids = [f"role-{number:03d}" for number in range(1, roles + 1)]
    for index, role_id in enumerate(ids):
        paragraphs = "\n\n".join(sentence(rng, 40) for _ in range(rng.randint(2, 5)))
        reports_to = f'reports_to = "{ids[index // 5]}"\n' if index else ""
        duties = [sentence(rng, 14) for _ in range(rng.randint(6, 30))]
        (root / "content/roles" / f"{role_id}.toml").write_text(
            f'title = "Role {index + 1:03d} {rng.choice(WORDS).title()} Engineer"\n'
            f'department = "{rng.choice(["Engineering", "Development", "Operations"])}"\n'
            f'summary = """\n{paragraphs}\n"""\n{reports_to}'
            'employment_type = "FULL_TIME"\n'
            f"responsibilities = {toml_list(duties)}\n"
            f"benefits = {toml_list([sentence(rng, 6) for _ in range(5)])}\n"
            # What Colorado, Washington and four other states ask postings to state.
            'other_compensation = "An annual bonus of up to 10%."\n'
            "[qualifications]\n"
            f"required = {toml_list([sentence(rng, 12) for _ in range(rng.randint(4, 12))])}\n"
            f"preferred = {toml_list([sentence(rng, 12) for _ in range(rng.randint(2, 8))])}\n"
            + posting(rng, index),
            encoding="utf-8",
        )
    for number in range(1, 6):
        compared = rng.sample(ids[1:], 2)
        rows = "".join(
            f'[[rows]]\naspect = "{rng.choice(WORDS).title()}"\n'
            f"cells = {toml_list([sentence(rng, 15) for _ in compared])}\n"
            for _ in range(5)
        )
        (root / "content/comparisons" / f"comparison-{number}.toml").write_text(
            f'title = "Comparison {number}"\nroles = {toml_list(compared)}\n{rows}',
            encoding="utf-8",
        )
    return ids


def posting(rng: random.Random, index: int) -> str:
    """A place of work, a pay range and posting dates; every third role also remote."""
    city, region, country, currency = PLACES[index % len(PLACES)]
    low = rng.randrange(50, 150) * 1000
    remote = f'[remote]\neligible = ["{country}"]\n' if index % 3 == 0 else ""
    return (
        f'[[locations]]\ncity = "{city}"\nregion = "{region}"\n{remote}'
        f'[[pay]]\ncurrency = "{currency}"\nminimum = {low}\nmaximum = {low + 30000}\n'
        'period = "YEAR"\n'
        f'[posting]\nid = "B-{index:04d}"\ndate_posted = 2026-11-02\n'
        "valid_through = 2026-12-31\n"
        f'apply_url = "https://example.com/jobs/{index}"\n'
        # What Ontario asks postings to state from 2026-01-01.
        + "ai_screening = false\nexisting_vacancy = true\n"
    )
