"""Which documents a project builds, with what data: the plan of the starter and of the
full fixture project, selection by id, shards, and the careers site's plan."""

from datetime import date

import pytest
from conftest import DOCUMENT_IDS, FULL, REPO, edit

from jobdocs import load_project
from jobdocs.documents import context_digest, plan, select, shard
from jobdocs.documents.site import site_plan
from jobdocs.errors import UsageError


def test_the_starter_plans_roles_comparisons_then_the_handbook():
    documents = plan(load_project(REPO))
    assert [d.id for d in documents] == DOCUMENT_IDS
    kinds = [d.kind for d in documents]
    assert kinds == ["role"] * 5 + ["comparison", "handbook"]


def test_each_document_names_the_files_it_prints():
    by_id = {d.id: d for d in plan(load_project(REPO))}
    engineer = by_id["software-engineer"].meta
    assert "roles/software-engineer.toml" in engineer.sources
    assert "comparisons/developer-vs-engineer.toml" in engineer.sources
    assert "organization.toml" in engineer.sources
    assert by_id["devops-engineer"].meta.language == "en"


def test_the_full_project_plans_each_posting_in_its_language():
    by_id = {d.id: d for d in plan(load_project(FULL))}
    assert by_id["data-analist"].meta.language == "nl"
    assert by_id["datenschutz-jurist"].meta.language == "de"
    assert by_id["northwind-collective"].kind == "handbook"


def test_select_keeps_the_order_asked_and_names_a_near_miss():
    documents = plan(load_project(REPO))
    chosen = select(documents, ["software-engineer", "devops-engineer", "software-engineer"])
    assert [d.id for d in chosen] == ["software-engineer", "devops-engineer"]
    with pytest.raises(UsageError, match="did you mean 'software-engineer'"):
        select(documents, ["software-enginer"])


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_shards_are_disjoint_and_complete(parts):
    documents = plan(load_project(REPO))
    ids = [d.id for part in range(1, parts + 1) for d in shard(documents, part, parts)]
    assert sorted(ids) == sorted(DOCUMENT_IDS)


def test_a_digest_changes_with_what_the_document_prints(project):
    before = {
        d.id: context_digest({**d.context, "kind": d.kind}) for d in plan(load_project(project))
    }
    edit(project / "content/roles/devops-engineer.toml", 'title = "', 'title = "Senior ')
    after = {
        d.id: context_digest({**d.context, "kind": d.kind}) for d in plan(load_project(project))
    }
    changed = {i for i in before if before[i] != after[i]}
    # the role, and the handbook that prints it; not the roles that do not name it
    assert {"devops-engineer", "technical-job-descriptions"} <= changed
    assert "software-developer" not in changed


def test_the_site_lists_open_postings_and_keeps_closed_pages(full_project):
    project = load_project(full_project)
    ids = {d.id for d in site_plan(project, date(2026, 11, 29), ("site",))}
    assert "site/data-analist/index.html" in ids
    assert "site/locations/utrecht/index.html" in ids
    later = {d.id for d in site_plan(project, date(2027, 6, 1), ("site",))}
    assert "site/datenschutz-jurist/index.html" in later  # expired: kept, marked, unlisted
    index = next(
        d for d in site_plan(project, date(2027, 6, 1), ("site",)) if d.id == "site/index.html"
    )
    listed = [role_id for _, group in index.context["groups"] for role_id, _ in group]
    assert "datenschutz-jurist" not in listed


def test_the_lists_do_not_change_when_a_posting_text_does(full_project):
    """Editing a summary rebuilds the posting's page and the feeds, not the index."""

    def digests():
        documents = site_plan(load_project(full_project), date(2026, 11, 29), ("site",))
        return {d.id: context_digest(d.context) for d in documents}

    before = digests()
    edit(full_project / "content/roles/data-analist.toml", "Je maakt", "Jij maakt")
    after = digests()
    changed = {i for i in before if before[i] != after[i]}
    assert changed == {"site/data-analist/index.html", "site/jobs.json", "site/jobs.xml"}
