"""The `jobdocs` command: parse arguments, call the library, print the outcome."""

import dataclasses
import difflib
import json
import os
import signal
import sys
from pathlib import Path

import click

from . import build as building
from . import scaffold, schema
from .content import load_project, load_settings
from .doctor import checks as doctor_checks
from .documents import plan as documents_plan
from .errors import ContentError, JobdocsError, Problem
from .project import ProjectPaths, find_project
from .render import Document


class _Group(click.Group):
    """Turns the library's errors into one clear message and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ContentError as error:
            raise click.ClickException(_problems(error)) from None
        except JobdocsError as error:
            raise click.ClickException(str(error)) from None
        except KeyboardInterrupt:
            # Once is enough: a second Ctrl-C while the message prints must not turn the
            # clean exit into a traceback.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            click.echo(
                "\ninterrupted: every file written is complete; build again to finish", err=True
            )
            ctx.exit(130)


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
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="How to print problems: one per line, as JSON, or as GitHub Actions annotations.",
)
@click.pass_context
def check(ctx: click.Context, output_format: str) -> None:
    """Validate the settings and every content file; list every problem found."""
    paths = _paths(ctx)
    try:
        load_settings(paths)
        project = load_project(paths)
    except ContentError as error:
        if output_format == "text":
            raise
        click.echo(_problems_as(output_format, error.problems))
        ctx.exit(1)
    if output_format == "json":
        click.echo(_problems_as("json", []))
    else:
        click.echo(
            f"ok: {len(project.roles)} roles, {len(project.comparisons)} comparisons, "
            "no problems found"
        )


@main.command("list")
@click.pass_context
def list_documents(ctx: click.Context) -> None:
    """List the documents the project builds: id, kind and title."""
    paths = _paths(ctx)
    for document in documents_plan(load_project(paths)):
        click.echo(f"{document.id:<32} {document.kind:<11} {document.title}")


def _formats_option(help: str):
    return click.option(
        "-f", "--format", "formats", multiple=True, type=click.Choice(building.FORMATS), help=help
    )


_out_option = click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="The output folder. Default: the project's output/.",
)


@main.command()
@click.argument("ids", nargs=-1)
@_formats_option("An output format; repeat for several. Default: the formats in jobdocs.toml.")
@_out_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of CPUs",
    help="How many documents to export at once.",
)
@click.option("--force", is_flag=True, help="Rebuild every file, even those up to date.")
@click.option(
    "--shard",
    metavar="K/N",
    callback=lambda ctx, param, value: _parse_shard(value),
    help="Build only part K of N (for CI matrices); the N parts together are the whole build.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.pass_context
def build(
    ctx: click.Context,
    ids: tuple[str, ...],
    formats: tuple[str, ...],
    out: Path | None,
    jobs: int,
    force: bool,
    shard: tuple[int, int] | None,
    quiet: bool,
):
    """Build documents into the output folder: all of them, or those named by IDS.

    Files whose content, templates and settings have not changed since they were last
    built are skipped.
    """
    paths = _paths(ctx)
    settings = load_settings(paths)
    documents = _select(documents_plan(load_project(paths)), ids)
    if shard:
        documents = building.shard(documents, *shard)
    show = _Progress(quiet)
    report = building.build(
        settings,
        paths.template_folders,
        documents,
        list(formats or settings.formats),
        out or paths.output,
        jobs=jobs,
        force=force,
        on_plan=show.start,
        on_outcome=show.outcome,
    )
    show.finish()
    if not quiet:
        click.echo(_summary(report))
    if report.failed:
        raise click.ClickException(
            f"{len(report.failed)} file{'s' * (len(report.failed) != 1)} could not be built"
        )


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init(folder: Path, force: bool) -> None:
    """Create a project in FOLDER (default: here): settings, starter content, schemas.

    Existing files are kept unless --force is given, so init is safe to run again.
    """
    written, kept = scaffold.init(folder, force)
    for path in written:
        click.echo(f"created {_shown(path)}")
    for path in kept:
        click.echo(f"kept {_shown(path)} (it exists; --force overwrites it)")
    where = "" if folder.resolve() == Path.cwd() else f"cd {_shown(folder)} && "
    click.echo(f"next: {where}jobdocs build")


@main.group()
def new() -> None:
    """Add a role or a comparison, as a commented skeleton to fill in."""


@new.command("role")
@click.argument("role_id", metavar="ID")
@click.option("--title", help="The role's title. Default: made from the id.")
@click.option("--department", help="The role's department. Default: Engineering.")
@click.pass_context
def new_role(ctx: click.Context, role_id: str, title: str | None, department: str | None):
    """Write content/roles/ID.toml."""
    path = scaffold.new_role(_paths(ctx), role_id, title, department)
    click.echo(f"created {_shown(path)}: fill it in, then run jobdocs check")


@new.command("comparison")
@click.argument("comparison_id", metavar="ID")
@click.argument("roles", nargs=-1, required=True)
@click.pass_context
def new_comparison(ctx: click.Context, comparison_id: str, roles: tuple[str, ...]):
    """Write content/comparisons/ID.toml comparing ROLES (two or more role ids)."""
    path = scaffold.new_comparison(_paths(ctx), comparison_id, list(roles))
    click.echo(f"created {_shown(path)}: fill it in, then run jobdocs check")


@main.command("schema")
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
        folder = ctx.find_root().obj / schema.FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for name in schema.KINDS:
            target = folder / schema.file_name(name)
            target.write_text(schema.text(name), encoding="utf-8")
            click.echo(f"wrote {_shown(target)}")
    elif kind:
        click.echo(schema.text(kind), nl=False)
    else:
        click.echo(json.dumps({k: schema.json_schema(k) for k in schema.KINDS}, indent=2))


@main.command()
def doctor() -> None:
    """Check what this machine has for building documents, and say what to install.

    Exits with 1 when something jobdocs needs is missing.
    """
    failed = False
    for check in doctor_checks():
        mark = "ok" if check.ok else ("missing" if check.required else "optional")
        click.echo(f"{mark:>8}  {check.name}: {check.detail}")
        if not check.ok and check.fix:
            click.echo(f"{'':>8}  fix: {check.fix}")
        failed |= check.required and not check.ok
    if failed:
        raise click.ClickException("something jobdocs needs is missing; see the fixes above")


@main.command()
@click.argument("ids", nargs=-1)
@_formats_option("Formats to keep up to date besides HTML, which is always built and served.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@_out_option
@click.pass_context
def watch(ctx: click.Context, ids: tuple[str, ...], formats: tuple[str, ...], port: int, out):
    """Rebuild documents when content, templates or settings change, and serve them.

    The HTML output is served on http://127.0.0.1:PORT; open pages reload after every
    rebuild. Errors are printed and watching goes on. Ctrl-C stops.
    """
    import watchfiles

    from .preview import Preview

    paths = _paths(ctx)
    out = out or paths.output
    wanted = ["html", *dict.fromkeys(f for f in formats if f != "html")]
    out.mkdir(parents=True, exist_ok=True)
    preview = Preview(out, port)
    preview.start()
    click.echo(f"serving {preview.url} (Ctrl-C stops)")

    def rebuild() -> None:
        try:
            settings = load_settings(paths)
            documents = documents_plan(load_project(paths))
            report = building.build(
                settings, paths.template_folders, _select(documents, ids), wanted, out
            )
        except ContentError as error:
            click.echo(f"{_problems(error)}; watching for changes", err=True)
            return
        except (JobdocsError, click.UsageError) as error:
            click.echo(f"error: {getattr(error, 'message', error)}; watching for changes", err=True)
            return
        for outcome in report.failed:
            click.echo(f"error: {_shown(outcome.job.target)}: {outcome.error}", err=True)
        click.echo(_summary(report))
        if report.built:
            preview.changed()

    def relevant(change: watchfiles.Change, path: str) -> bool:
        where = Path(path)
        return where == paths.settings_file or any(
            where.is_relative_to(folder) for folder in (paths.content, paths.templates)
        )

    try:
        rebuild()
        for _ in watchfiles.watch(paths.root, watch_filter=relevant, debounce=200):
            rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    click.echo("stopped")


class _Progress:
    """A progress bar on a terminal; elsewhere (CI logs) one line per file written."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar = None

    def start(self, total: int) -> None:
        if not self.quiet and total and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label="building", file=sys.stderr)
            self.bar.__enter__()

    def outcome(self, outcome: building.Outcome) -> None:
        if outcome.error is not None:
            self._echo(f"error: {_shown(outcome.job.target)}: {outcome.error}", err=True)
        elif not self.quiet and self.bar is None:
            click.echo(f"wrote {_shown(outcome.job.target)}")
        if self.bar is not None:
            self.bar.update(1)

    def _echo(self, message: str, err: bool) -> None:
        if self.bar is not None:
            click.echo("", err=True)  # leave the bar's line before printing
        click.echo(message, err=err)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    part, _, parts = value.partition("/")
    if not (part.isdigit() and parts.isdigit() and 1 <= int(part) <= int(parts)):
        raise click.BadParameter(f"{value!r} is not K/N with 1 <= K <= N", param_hint="--shard")
    return int(part), int(parts)


def _problems(error: ContentError) -> str:
    """Print every problem, one per line (paths relative to here, where they lie below it);
    return the closing count."""
    for problem in error.problems:
        click.echo(str(dataclasses.replace(problem, path=Path(_shown(problem.path)))), err=True)
    count = len(error.problems)
    return f"{count} problem{'s' * (count != 1)} found"


def _summary(report: building.Report) -> str:
    return (
        f"built {len(report.built)}, skipped {len(report.skipped)} unchanged, "
        f"failed {len(report.failed)} in {report.seconds:.1f} s"
    )


def _select(documents: list[Document], ids: tuple[str, ...]) -> list[Document]:
    """The documents named by `ids`, or all of them when none are named."""
    if not ids:
        return documents
    by_id = {document.id: document for document in documents}
    for wanted in ids:
        if wanted not in by_id:
            match = difflib.get_close_matches(wanted, list(by_id), n=1)
            hint = f"; did you mean '{match[0]}'?" if match else "; see 'jobdocs list'"
            raise click.BadParameter(f"no document '{wanted}'{hint}", param_hint="IDS")
    return [by_id[wanted] for wanted in dict.fromkeys(ids)]


def _problems_as(style: str, problems: list[Problem]) -> str:
    """Problems as JSON, or as GitHub Actions workflow annotations."""
    if style == "json":
        return json.dumps(
            {
                "ok": not problems,
                "problems": [
                    {
                        "file": _shown(p.path),
                        "line": p.line,
                        "column": p.column,
                        "key": p.key,
                        "message": p.message,
                    }
                    for p in problems
                ],
            },
            indent=2,
        )
    lines = []
    for p in problems:
        fields = [f"file={_escape(_shown(p.path), property=True)}"]
        fields += [f"line={p.line}"] if p.line else []
        fields += [f"col={p.column}"] if p.column else []
        fields += [f"title={_escape(p.key, property=True)}"] if p.key else []
        lines.append(f"::error {','.join(fields)}::{_escape(p.message)}")
    return "\n".join(lines)


def _escape(text: str, property: bool = False) -> str:
    """Escape text for a workflow command, as GitHub's own toolkit does."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def _shown(path: Path) -> str:
    """`path` relative to the current folder where it lies below it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)
