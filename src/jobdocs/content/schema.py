"""JSON Schemas of the content files, generated from the model, for editors.

Emitted as draft-07, which every version of Taplo (the engine of Even Better TOML) reads;
newer drafts are only understood by Taplo releases from late 2024 on. Each content file
names its schema in a first-line `#:schema` comment, so editors validate and complete as
people type.
"""

import ast
import inspect
import itertools
import json
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

from ..writing import write_all

KINDS = ("role", "comparison", "organization", "settings")
"""The kinds of content file, each with a model of the same name in `model.py`."""
FOLDER = "schemas"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def directive(kind: str) -> str:
    """The `#:schema` line for a content file of `kind`, relative to where such files live."""
    depth = {"role": "../../", "comparison": "../../", "organization": "../", "settings": ""}
    return f"#:schema {depth[kind]}{FOLDER}/{file_name(kind)}"


def json_schema(kind: str) -> dict[str, Any]:
    from . import model  # pydantic: imported only when a schema is asked for

    schema = getattr(model, kind.title()).model_json_schema(
        ref_template="#/definitions/{model}", schema_generator=_described()
    )
    definitions = schema.pop("$defs", None)
    result = {"$schema": "http://json-schema.org/draft-07/schema#", **schema}
    if definitions:
        result["definitions"] = definitions
    return _draft_07(result)


def text(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write(root: Path) -> list[Path]:
    """Write every kind's schema into the project's schemas/ folder; the files written."""
    files = {root / FOLDER / file_name(kind): text(kind) for kind in KINDS}
    write_all(files, root)
    return list(files)


@cache
def _described() -> type:
    """pydantic's schema generator, with each field's docstring (the string right below it
    in the model) as its description unless the field sets one."""
    from pydantic.json_schema import GenerateJsonSchema

    class Described(GenerateJsonSchema):
        def model_schema(self, schema):
            json_schema = super().model_schema(schema)
            properties = json_schema.get("properties", {})
            for cls in reversed(schema["cls"].__mro__):
                for name, text in _docstrings(cls).items():
                    if name in properties and "description" not in properties[name]:
                        properties[name]["description"] = text
            return json_schema

    return Described


@cache
def _docstrings(cls: type) -> dict[str, str]:
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):  # a class without source: a built-in one
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    found = {}
    for field, after in itertools.pairwise(body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[field.target.id] = inspect.cleandoc(after.value.value)
    return found


def _draft_07(node: Any) -> Any:
    """Adapt pydantic's schema for TOML editors: TOML has no null (an optional key is simply
    left out), and draft-07 ignores keywords beside `$ref`, so a reference is wrapped to
    keep its field's description."""
    if isinstance(node, list):
        return [_draft_07(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _draft_07(value) for key, value in node.items()}
    if "anyOf" in node:
        branches = [b for b in node["anyOf"] if b != {"type": "null"}]
        if len(branches) == 1:
            del node["anyOf"]
            node = {**branches[0], **node}
        else:
            node["anyOf"] = branches
    if node.get("default", 0) is None:
        del node["default"]
    if "$ref" in node and len(node) > 1:
        node["allOf"] = [{"$ref": node.pop("$ref")}]
    return node
