"""`jobdocs init`, `jobdocs new`, `jobdocs schema` and `jobdocs doctor`: starting a project,
adding content to it, and checking the machine."""

import json
from pathlib import Path

import click

from ..checks.printing import shown
from ..content import schema
from ..content.paths import find_project
from .build import project_dir


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init(folder: Path, force: bool) -> None:
    """Create a project in FOLDER (default: here): settings, starter content, schemas.

    Existing files are kept unless --force is given, so init is safe to run again.
    """
    from ..content import scaffold

    written, kept = scaffold.init(folder, force)
    for path in written:
        click.echo(f"created {shown(path)}")
    for path in kept:
        click.echo(f"kept {shown(path)} (it exists; --force overwrites it)")
    where = "" if folder.resolve() == Path.cwd() else f"cd {shown(folder)} && "
    click.echo(f"next: {where}jobdocs build")


@click.group()
def new() -> None:
    """Add a role or a comparison, as a commented skeleton to fill in."""


@new.command("role")
@click.argument("role_id", metavar="ID")
@click.option("--title", help="The role's title. Default: made from the id.")
@click.option("--department", help="The role's department. Default: Engineering.")
@click.pass_context
def new_role(ctx: click.Context, role_id: str, title: str | None, department: str | None):
    """Write content/roles/ID.toml."""
    from ..content import scaffold

    path = scaffold.new_role(find_project(project_dir(ctx)), role_id, title, department)
    click.echo(f"created {shown(path)}: fill it in, then run jobdocs check")


@new.command("comparison")
@click.argument("comparison_id", metavar="ID")
@click.argument("roles", nargs=-1, required=True)
@click.pass_context
def new_comparison(ctx: click.Context, comparison_id: str, roles: tuple[str, ...]):
    """Write content/comparisons/ID.toml comparing ROLES (two or more role ids)."""
    from ..content import scaffold

    path = scaffold.new_comparison(find_project(project_dir(ctx)), comparison_id, list(roles))
    click.echo(f"created {shown(path)}: fill it in, then run jobdocs check")


@click.command("schema")
@click.argument("kind", required=False, type=click.Choice(list(schema.KINDS)))
@click.option("--write", is_flag=True, help="Write every schema into the project's schemas/.")
@click.pass_context
def schema_command(ctx: click.Context, kind: str | None, write: bool) -> None:
    """Print the JSON Schema of a content file KIND (all kinds, keyed by kind, without KIND).

    Content files name their schema in a first line such as
    `#:schema ../../schemas/role.schema.json`, so TOML editors (Taplo, Even Better TOML)
    validate and complete them as you type.
    """
    if write:
        for target in schema.write(project_dir(ctx)):
            click.echo(f"wrote {shown(target)}")
    elif kind:
        click.echo(schema.text(kind), nl=False)
    else:
        click.echo(json.dumps({k: schema.json_schema(k) for k in schema.KINDS}, indent=2))


@click.command()
def doctor() -> None:
    """Check what this machine has for building documents, and say what to install.

    Exits with 1 when something jobdocs needs is missing.
    """
    from ..exporters.diagnostics import checks

    failed = False
    for check in checks():
        mark = "ok" if check.ok else ("missing" if check.required else "optional")
        click.echo(f"{mark:>8}  {check.name}: {check.detail}")
        if not check.ok and check.fix:
            click.echo(f"{'':>8}  fix: {check.fix}")
        failed |= check.required and not check.ok
    if failed:
        raise click.ClickException("something jobdocs needs is missing; see the fixes above")


COMMANDS = [init, new, schema_command, doctor]
