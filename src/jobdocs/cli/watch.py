"""`jobdocs watch`: rebuild on every edit and serve the HTML to a browser that reloads."""

from pathlib import Path

import click

from ..content.paths import find_project
from ..errors import JobdocsError
from .build import formats_option, out_option, project_dir
from .output import Progress, explain, summary


@click.command()
@click.argument("ids", nargs=-1)
@formats_option("Formats to keep up to date besides HTML, which is always built and served.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--language-report/--no-language-report",
    default=True,
    show_default=True,
    help="Show each role's language report (length, readability, gender-coded words and "
    "posting-language findings) at the end of its page in the preview, never in a file.",
)
@out_option
@click.pass_context
def watch(
    ctx: click.Context,
    ids: tuple[str, ...],
    formats: tuple[str, ...],
    port: int,
    language_report: bool,
    out,
):
    """Rebuild documents when content, templates or settings change, and serve them.

    The HTML output is served on http://127.0.0.1:PORT; open pages reload after every
    rebuild. Errors, warnings and notes of the checks are printed and watching goes on.
    Ctrl-C stops.
    """
    from ..build import BuildOptions, build_project
    from ..build.preview import Preview
    from ..build.report import reports
    from ..build.watch import changes
    from ..build.workers import unexpected
    from ..session import Session

    paths = find_project(project_dir(ctx))
    out: Path = out or paths.output
    wanted = ["html", *formats]
    options = BuildOptions(ids, tuple(wanted), out, jobs=1)
    session = Session()  # what one build leaves for the next, keyed on content
    preview = Preview(out, port)
    preview.start()
    click.echo(f"serving {preview.url} (Ctrl-C stops)")
    if "site" in formats:
        click.echo(f"the careers site: {preview.url}site/index.html")
    try:
        for _ in changes(paths):
            try:
                report = build_project(
                    paths.root, options, Progress(False, each_file=False), session
                )
                if language_report:
                    preview.reports = reports(paths.root, session)
            except JobdocsError as error:
                click.echo(f"error: {explain(error)}; watching for changes", err=True)
                continue
            except Exception as error:  # a bug: still no reason to stop watching
                click.echo(f"error: {unexpected(error, 'the build')}; watching", err=True)
                continue
            click.echo(summary(report))
            if report.built:
                preview.changed()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    click.echo("stopped")


COMMANDS = [watch]
