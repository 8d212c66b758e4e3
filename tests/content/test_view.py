"""The effective view of a role: the organization's defaults applied, each value marked
with the file it comes from (tests/review/test_full_project.py writes a review's edit of
such a value back to that file)."""

from conftest import FULL

from jobdocs import load_project
from jobdocs.content.fields import organization_field, role_field


def test_defaults_come_from_the_organization_and_say_so():
    project = load_project(FULL)
    care = project.view("care-assistant")  # no benefits or how to apply of its own
    assert care.benefits.value == project.organization.benefits
    assert care.benefits.ref == organization_field("benefits")
    assert care.how_to_apply.ref == organization_field("how_to_apply")
    german = project.view("datenschutz-jurist")  # its own of both
    assert german.benefits.ref == role_field("datenschutz-jurist", "benefits")
    assert german.how_to_apply.ref == role_field("datenschutz-jurist", "posting", "how_to_apply")


def test_texts_are_every_printed_text_with_its_field():
    project = load_project(FULL)
    texts = list(project.view("care-assistant").texts())
    assert texts[0].ref == role_field("care-assistant", "title")
    refs = {str(t.ref) for t in texts}
    assert "organization:benefits[2]" in refs
    assert "organization:equal_opportunity" in refs
    for text in texts:  # each names a value that is there, in the file it names
        source = project.source_of(text.ref)
        assert source.layout.strings[text.ref.path].value == text.text


def test_a_role_without_a_posting_prints_no_equal_opportunity_statement():
    project = load_project(FULL)
    adviser = next(r for r, role in project.roles.items() if role.posting is None)
    assert project.view(adviser).equal_opportunity is None
