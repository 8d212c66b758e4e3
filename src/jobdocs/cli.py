"""The `jobdocs` command: parse arguments, call the library, print the outcome."""

import difflib
import os
from pathlib import Path

import click

from . import build as building
from .content import load_project, load_settings
from .errors import ContentError, JobdocsError
from .project import ProjectPaths, find_project


class _Group(click.Group):
    """Turns the library's errors into one clear message and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ContentError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            count = len(error.problems)
            raise click.ClickException(f"{count} problem{'s' * (count != 1)} found") from None
        except JobdocsError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jobdocs", prog_name="jobdocs")
@click.option(
    "-C",
    "--project",
    "project_dir",
    type=click.Path(path_type=Path),
    default=".",
    show_default=True,
    help="The project folder (the one holding content/ and templates/).",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path) -> None:
    """Build print-ready job descriptions from TOML content."""
    ctx.obj = project_dir


def _paths(ctx: click.Context) -> ProjectPaths:
    return find_project(ctx.find_root().obj)


@main.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate the settings and every content file; list every problem found."""
    paths = _paths(ctx)
    load_settings(paths)
    project = load_project(paths)
    click.echo(
        f"ok: {len(project.roles)} roles, {len(project.comparisons)} comparisons, no problems found"
    )


@main.command("list")
@click.pass_context
def list_documents(ctx: click.Context) -> None:
    """List the documents the project builds: id, kind and title."""
    paths = _paths(ctx)
    for document in building.plan(load_project(paths)):
        click.echo(f"{document.id:<32} {document.kind:<11} {document.title}")


@main.command()
@click.argument("ids", nargs=-1)
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(building.FORMATS),
    help="An output format; repeat for several. Default: the formats in jobdocs.toml.",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="The output folder. Default: the project's output/.",
)
@click.pass_context
def build(ctx: click.Context, ids: tuple[str, ...], formats: tuple[str, ...], out: Path | None):
    """Build documents into the output folder: all of them, or those named by IDS."""
    paths = _paths(ctx)
    settings = load_settings(paths)
    documents = building.plan(load_project(paths))
    if ids:
        documents = _select(documents, ids)
    count = 0
    for written in building.build(
        settings,
        paths.templates,
        documents,
        list(formats or settings.formats),
        out or paths.output,
    ):
        click.echo(f"wrote {_shown(written.path)}")
        count += 1
    click.echo(f"{count} file{'s' * (count != 1)} written")


def _select(documents: list[building.Document], ids: tuple[str, ...]) -> list[building.Document]:
    by_id = {document.id: document for document in documents}
    for wanted in ids:
        if wanted not in by_id:
            match = difflib.get_close_matches(wanted, list(by_id), n=1)
            hint = f"; did you mean '{match[0]}'?" if match else "; see 'jobdocs list'"
            raise click.BadParameter(f"no document '{wanted}'{hint}", param_hint="IDS")
    return [by_id[wanted] for wanted in dict.fromkeys(ids)]


def _shown(path: Path) -> str:
    """`path` relative to the current folder where it lies below it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)
