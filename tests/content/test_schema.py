"""JSON Schemas for editors: committed, fresh, and satisfied by every content file."""

import datetime
import json
import tomllib

import jsonschema
import pytest
from conftest import REPO

from jobdocs.content import schema

KIND_OF = {"roles": "role", "comparisons": "comparison"}


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_committed_schemas_are_fresh(kind):
    committed = REPO / schema.FOLDER / schema.file_name(kind)
    assert committed.read_text(encoding="utf-8") == schema.text(kind), (
        f"{committed} is stale: run `jobdocs schema --write` in the repository"
    )


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_schemas_are_draft_07_with_descriptions_and_choices(kind):
    document = schema.json_schema(kind)
    jsonschema.Draft7Validator.check_schema(document)
    assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(document)
    tables = {kind: document, **document.get("definitions", {})}
    for table, definition in tables.items():
        for name, field in definition.get("properties", {}).items():
            assert field.get("description"), f"{table}.{name} has no description"


def test_choices_are_listed():
    document = schema.json_schema("role")
    one, several = document["properties"]["employment_type"]["anyOf"]
    assert "PER_DIEM" in one["enum"] and several["items"] == one
    arrangement = document["definitions"]["Work"]["properties"]["arrangement"]["anyOf"][0]
    assert arrangement["enum"] == ["on-site", "hybrid", "remote"]


def as_editors_see_it(data):
    """TOML data as a TOML editor validates it: dates as ISO strings, as in JSON."""
    if isinstance(data, dict):
        return {key: as_editors_see_it(value) for key, value in data.items()}
    if isinstance(data, list):
        return [as_editors_see_it(value) for value in data]
    return data.isoformat() if isinstance(data, datetime.date) else data


def test_every_content_file_validates_against_its_schema():
    for path in sorted((REPO / "content").rglob("*.toml")):
        kind = KIND_OF.get(path.parent.name, "organization")
        data = as_editors_see_it(tomllib.loads(path.read_text(encoding="utf-8")))
        jsonschema.validate(data, schema.json_schema(kind), cls=jsonschema.Draft7Validator)


def test_schemas_reject_what_jobdocs_rejects():
    role = tomllib.loads((REPO / "content/roles/devops-engineer.toml").read_text("utf-8"))
    role = as_editors_see_it(role)
    validator = jsonschema.Draft7Validator(schema.json_schema("role"))
    assert not list(validator.iter_errors(role))
    for broken in (
        {**role, "salary": 1},
        {**role, "employment_type": "FULLTIME"},
        {**role, "pay": [{"currency": "EUR", "minimum": -1}]},
    ):
        assert list(validator.iter_errors(broken))


def test_schema_command_prints_one_kind(jobdocs):
    result = jobdocs(None, "schema", "role")
    assert result.exit_code == 0
    assert json.loads(result.output) == schema.json_schema("role")
