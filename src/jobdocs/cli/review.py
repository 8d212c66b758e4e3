"""`jobdocs review`: reviewed Word files back into the TOML."""

import json
from pathlib import Path

import click

from ..checks.printing import shown
from .build import output_format_option, project_dir


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--apply",
    "write",
    is_flag=True,
    help="Write the changes into the TOML files (only if the content stays valid).",
)
@output_format_option(
    ["text", "json"], "Print the findings and the diff as text, or as JSON for tools."
)
@click.pass_context
def review(ctx: click.Context, files: tuple[Path, ...], write: bool, style: str) -> None:
    """Read reviewed Word files (FILES, built by jobdocs) back: print what each tracked
    change, edit and comment does to the TOML, as findings and a unified diff. With
    --apply, write the changes."""
    from ..review import review as read_back

    result = read_back(project_dir(ctx), list(files))
    if style == "json":
        click.echo(json.dumps(result.as_json(), indent=1, ensure_ascii=False))
    else:
        for line in findings(result):
            click.echo(line)
        click.echo(result.diff(), nl=False)
    if write:
        written = result.apply()
        for path in written:
            click.echo(f"wrote {shown(path)}", err=style == "json")
        if not written:
            click.echo("nothing to write: the review changes no field", err=style == "json")
    elif style == "text":
        changes = len(result.changed)
        more = "; run with --apply to write them" if changes else ""
        click.echo(f"review: {changes} file{'s' * (changes != 1)} would change{more}", err=True)


def findings(result) -> list[str]:
    """One line per verdict and comment: `path:line: …`, as other findings read."""
    lines = []
    for reviewed in result.files:
        state = "as it is" if reviewed.fresh else "as it was (the TOML changed since)"
        lines.append(
            f"{shown(reviewed.path)}: {reviewed.kind} {reviewed.document!r}, built from the "
            f"content {state}; {reviewed.unchanged} fields unchanged"
        )
        for number, verdict in enumerate(reviewed.verdicts):
            path, line = reviewed.locations[number]
            where = f"{shown(path)}:{line}: " + (f"{verdict.field}: " if verdict.field else "")
            lines.append(where + describe(verdict))
        for placed in reviewed.comments:
            comment = placed.comment
            on = f"on {placed.field}" if placed.field else "on fixed text"
            anchored = f', "{comment.anchored}"' if comment.anchored else ""
            reply = f", in reply to comment {comment.parent}" if comment.parent else ""
            lines.append(
                f"{shown(placed.path)}:{placed.line}: comment by {comment.author}: "
                f'"{comment.text}" ({on}{anchored}; {comment.date}{reply})'
            )
    return lines


def describe(verdict) -> str:
    how = f" (found by {verdict.how})" if verdict.how not in ("bookmark", "inserted") else ""
    if verdict.kind == "edited":
        return f"edited: {verdict.diff}{how}"
    if verdict.kind == "deleted":
        return f'deleted list item: "{verdict.old}"'
    if verdict.kind == "moved":
        return f'moved list item: "{verdict.old}"'
    if verdict.kind == "inserted":
        return f'inserted list item ({verdict.diff}): "{verdict.new}"'
    if verdict.kind == "conflict":
        done = f'made it "{verdict.new}"' if verdict.new else "deleted it"
        return (
            f'conflict: the document showed "{verdict.shown}" and the review {done}, but the '
            f'TOML has changed since (it reads "{verdict.old}"); not applied'
        )
    if verdict.kind == "heading":
        return f"heading edited, not applied (edit the TOML): {verdict.diff}"
    if verdict.kind == "fixed":
        return f"fixed text edited, not applied (it comes from the templates): {verdict.diff}"
    if verdict.kind == "kept":
        return (
            f'differs without a tracked change ("{verdict.shown}" in the document, '
            f'"{verdict.old}" in the TOML): changed in the TOML since the build, or edited '
            "with tracking off; cannot tell who changed it, so the TOML's text stays"
        )
    return "text of a field this project no longer has; not applied"


COMMANDS = [review]
