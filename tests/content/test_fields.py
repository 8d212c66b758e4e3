"""Field references: written and parsed back the same, made in the templates only through
FieldRef, and the block-Markdown keys read off the model."""

import re

from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

from jobdocs.content.fields import FieldRef, is_markdown, role_field
from jobdocs.content.model import BLOCK, Role

keys = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)
paths = st.lists(st.one_of(keys, st.integers(0, 300)), min_size=1, max_size=6).filter(
    lambda path: isinstance(path[0], str)
)


@given(st.sampled_from(["roles/a-b", "comparisons/x", "organization"]), paths)
def test_a_field_reads_back_as_written(source, path):
    ref = FieldRef(source, tuple(path))
    assert FieldRef.parse(str(ref)) == ref


def test_items_are_counted_from_one_when_written():
    ref = role_field("software-engineer", "qualifications.groups", 1, "required", 0)
    assert str(ref) == "roles/software-engineer:qualifications.groups[2].required[1]"
    assert ref.path == ("qualifications", "groups", 1, "required", 0)


def test_block_markdown_fields_come_from_the_model_by_their_whole_path():
    for source, loc in [
        ("roles/x", ("summary",)),
        ("roles/x", ("sections", 0, "body")),
        ("roles/x", ("intro", "responsibilities")),
        ("organization", ("about",)),
        ("organization", ("introduction",)),
        ("comparisons/x", ("introduction",)),
    ]:
        assert is_markdown(source, loc), (source, loc)
    for source, loc in [
        ("roles/x", ("title",)),
        ("roles/x", ("responsibilities", 0)),  # a line, though intro.responsibilities is not
        ("roles/x", ("work", "note")),
        ("organization", ("name",)),
    ]:
        assert not is_markdown(source, loc), (source, loc)
    assert BLOCK in Role.model_fields["summary"].metadata


def test_templates_name_fields_only_through_field_refs():
    hand_made = re.compile(r'"(?:roles|comparisons)/" ~|"organization:|~ ":[a-z]')
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hand_made.search(line)
    ]
    assert found == []
