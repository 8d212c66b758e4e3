"""The layout's rules, read from the source with `ast`: imports point one way along the
pipeline, heavy libraries stay in the one place that needs them, and nothing imports the
CLI."""

import ast
from pathlib import Path

import pytest
from conftest import REPO

SOURCE = REPO / "src" / "jobdocs"

# Stages in pipeline order: a module may import its own stage and the ones before it.
PIPELINE = ["content", "documents", "render", "exporters", "build", "cli"]
# Wings beside the pipeline: what they may import, and which stages may import them.
WINGS = {
    "checks": ({"content", "documents"}, {"build", "cli"}),
    "review": ({"content", "documents"}, {"build", "cli"}),
}
FOUNDATION = {
    "errors",
    "formats",
    "session",
    "writing",
}  # imported by every stage; they import nothing of ours but each other
# Third-party packages allowed only below one path.
CONFINED = {
    "click": ("cli/",),
    "weasyprint": ("exporters/pdf.py",),
    "docx": ("exporters/docx/", "review/"),
    "watchfiles": ("build/watch.py",),
    "PIL": ("content/integrity.py",),
}


def modules() -> dict[str, Path]:
    return {p.relative_to(SOURCE).as_posix(): p for p in sorted(SOURCE.rglob("*.py"))}


def imports(name: str, path: Path) -> list[str]:
    """Every module `name` imports, at the top or inside functions, as absolute names."""
    package = ["jobdocs", *Path(name).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if node.module:
                found.append(module)
            else:  # `from . import x`: each name is a module of the package
                found += [f"{module}.{alias.name}" for alias in node.names]
    return found


def stage(module: str) -> str | None:
    """The stage or wing of an absolute module name inside jobdocs; None for the package."""
    parts = module.split(".")
    return parts[1].removesuffix(".py") if len(parts) > 1 else None


def allowed(importer: str, imported: str) -> bool:
    if imported in FOUNDATION or importer == imported:
        return True
    if importer in FOUNDATION:
        return False
    if imported in WINGS:
        return importer in WINGS[imported][1]
    if importer in WINGS:
        return imported in WINGS[importer][0]
    return PIPELINE.index(imported) <= PIPELINE.index(importer)


@pytest.mark.parametrize("name", sorted(modules()))
def test_imports_follow_the_pipeline(name):
    path = modules()[name]
    own = stage("jobdocs." + name.split("/")[0])
    for module in imports(name, path):
        top = module.split(".")[0]
        if top in CONFINED:
            assert name.startswith(CONFINED[top]), f"{name} imports {module}"
        if top != "jobdocs" or name in ("__init__.py", "__main__.py"):
            continue  # the package's façade and `python -m` may reach any stage
        target = stage(module)
        assert target is not None, f"{name} imports the package itself: {module}"
        assert allowed(own, target), f"{name} ({own}) may not import {module} ({target})"


def test_exporters_do_not_import_each_other():
    for name, path in modules().items():
        if not name.startswith("exporters/") or name in ("exporters/__init__.py",):
            continue
        own = name.split("/")[1].removesuffix(".py")
        for module in imports(name, path):
            parts = module.split(".")
            if parts[:2] == ["jobdocs", "exporters"] and len(parts) > 2:
                assert parts[2] == own or name == "exporters/diagnostics.py", f"{name}: {module}"


def test_the_rules_catch_a_wrong_import(tmp_path):
    """The test above can fail: a content module that imports the renderer is caught."""
    bad = tmp_path / "content" / "bad.py"
    bad.parent.mkdir()
    bad.write_text("def f():\n    from ..render import Renderer\n", encoding="utf-8")
    (module,) = imports("content/bad.py", bad)
    assert module == "jobdocs.render"
    assert not allowed("content", stage(module))
    assert allowed("build", "exporters") and not allowed("exporters", "build")
    assert allowed("cli", "checks") and not allowed("checks", "cli")


def test_modules_stay_small():
    sizes = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in modules().items()}
    assert {name: n for name, n in sizes.items() if n > 300} == {}
