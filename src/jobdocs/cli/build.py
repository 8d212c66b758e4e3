"""`jobdocs check`, `jobdocs list` and `jobdocs build`."""

import functools
import os
from pathlib import Path

import click

from ..checks.printing import STYLES, formatted
from ..errors import ContentError
from ..formats import NAMES
from .output import Progress, plural, show_problems, summary


def project_dir(ctx: click.Context) -> Path:
    return ctx.find_root().obj


def formats_option(help: str):
    return click.option(
        "-f", "--format", "formats", multiple=True, type=click.Choice(NAMES), help=help
    )


out_option = click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="The output folder. Default: the project's output/.",
)


as_of_option = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Check postings as of this day (YYYY-MM-DD): the laws in force, the postings "
    "open. Default: today.",
)


def context_for(project, as_of, formats: tuple[str, ...]):
    """The checks' context from the command's options."""
    from ..checks import Context

    formats = formats or tuple(project.settings.formats)
    if as_of is None:
        return Context(formats=formats)
    return Context(as_of=as_of.date(), formats=formats)


def output_format_option(styles, help: str):
    """`--output-format STYLE` (passed as `style`): how a command prints what it found.
    `--format`, its name before it, still works for a while and says so: in `build`,
    `--format` names the documents' formats."""

    def decorate(command):
        @functools.wraps(command)
        def run(*args, style: str, old_style: str | None, **options):
            if old_style is not None:
                click.echo(
                    "note: --format here is deprecated, since in `jobdocs build` it names "
                    "the documents' formats; use --output-format",
                    err=True,
                )
                style = old_style
            return command(*args, style=style, **options)

        run = click.option("--format", "old_style", type=click.Choice(styles), hidden=True)(run)
        choice = click.Choice(styles)
        return click.option(
            "--output-format", "style", type=choice, default="text", show_default=True, help=help
        )(run)

    return decorate


style_option = output_format_option(
    STYLES,
    "How to print problems: one per line, as JSON, as GitHub Actions annotations, or "
    "as SARIF 2.1.0 (for GitHub code scanning).",
)


def print_rules(family: str) -> None:
    """The rule table's rows whose id starts with `family`, one per line."""
    from ..checks import rule_table

    for rule in rule_table().values():
        if rule.id.startswith(family):
            source = f" [{rule.source}]" if rule.source.startswith("http") else ""
            click.echo(f"{rule.id:<32} {rule.severity:<8} {rule.description}{source}")


def load_or_report(ctx: click.Context, style: str):
    """The project; its content problems, in `style`, and exit 1 when it does not load (as
    text they go the way of every error)."""
    from ..content import load_project

    try:
        return load_project(project_dir(ctx))
    except ContentError as error:
        if style == "text":
            raise
        click.echo(formatted(error.problems, style))
        ctx.exit(1)


@click.command()
@style_option
@as_of_option
@click.option(
    "--for",
    "formats",
    multiple=True,
    type=click.Choice(NAMES),
    help="Check as for building this format (repeatable); some rules apply to one format "
    "only. Default: the formats in jobdocs.toml.",
)
@click.option(
    "--rules",
    "list_rules",
    is_flag=True,
    help="List every rule of every check (id, default severity, description, source) and exit.",
)
@click.option(
    "--outputs",
    is_flag=True,
    help="Also check that the built files agree: every posting's PDF, Word file, page, "
    "JobPosting data and feeds say the same.",
)
@out_option
@click.pass_context
def check(
    ctx: click.Context,
    style: str,
    as_of,
    formats: tuple[str, ...],
    list_rules: bool,
    outputs: bool,
    out,
) -> None:
    """Validate the settings and every content file, run every check on the postings, and
    list every problem found. Exits with 1 when any is an error."""
    if list_rules:
        print_rules("")
        return
    from ..checks import errors, run

    project = load_or_report(ctx, style)
    context = context_for(project, as_of, formats)
    problems = run(project, context)
    if outputs:
        from ..checks.outputs import check_outputs

        problems += check_outputs(project, out or project.paths.output, context.as_of)
    if style != "text":
        click.echo(formatted(problems, style))
    else:
        show_problems(problems)
    failed = errors(problems)
    if failed:
        raise click.ClickException(f"{plural(len(failed), 'error')} found")
    if style == "text":
        counts = [plural(sum(p.severity == s for p in problems), s) for s in ("warning", "note")]
        found = f"no errors, {' and '.join(counts)}" if problems else "no problems found"
        click.echo(
            f"ok: {plural(len(project.roles), 'role')}, "
            f"{plural(len(project.comparisons), 'comparison')}, {found}"
        )


@click.command("list")
@click.pass_context
def list_documents(ctx: click.Context) -> None:
    """List the documents the project builds: id, kind and title."""
    from ..content import load_project
    from ..documents import plan

    for document in plan(load_project(project_dir(ctx))):
        click.echo(f"{document.id:<32} {document.kind:<11} {document.title}")


def _parse_shard(ctx, param, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    part, _, parts = value.partition("/")
    if not (part.isdigit() and parts.isdigit() and 1 <= int(part) <= int(parts)):
        raise click.BadParameter(f"{value!r} is not K/N with 1 <= K <= N")
    return int(part), int(parts)


@click.command()
@click.argument("ids", nargs=-1)
@formats_option("An output format; repeat for several. Default: the formats in jobdocs.toml.")
@out_option
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
    callback=_parse_shard,
    help="Build only part K of N (for CI matrices); the N parts together are the whole build.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@as_of_option
@click.option(
    "--changes-since",
    metavar="REF",
    help="Word files show the content's changes since this git revision (a tag or a "
    "commit) as tracked changes, for reviewers to accept or reject.",
)
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
    as_of,
    changes_since: str | None,
):
    """Build documents into the output folder: all of them, or those named by IDS.

    Files whose content, templates and settings have not changed since they were last
    built are skipped.
    """
    from ..build import BuildOptions, build_project

    show = Progress(quiet)
    options = BuildOptions(
        ids,
        formats,
        out,
        jobs=jobs,
        force=force,
        shard=shard,
        as_of=as_of.date() if as_of else None,
        changes_since=changes_since,
    )
    report = build_project(project_dir(ctx), options, show)
    show.finish()
    if not quiet:
        click.echo(summary(report))
    if report.failed:
        raise click.ClickException(f"{plural(len(report.failed), 'file')} could not be built")


COMMANDS = [check, list_documents, build]
