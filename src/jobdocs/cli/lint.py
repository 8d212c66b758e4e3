"""`jobdocs lint`: the posting-language rules on their own."""

from collections import Counter

import click

from ..checks.printing import formatted
from .build import load_or_report, print_rules, style_option
from .output import plural


@click.command()
@click.argument("ids", nargs=-1)
@style_option
@click.option("--strict", is_flag=True, help="Exit with 1 on warnings too, not only on errors.")
@click.option("--rules", "list_rules", is_flag=True, help="List every rule id and exit.")
@click.pass_context
def lint(ctx: click.Context, ids: tuple[str, ...], style: str, strict: bool, list_rules: bool):
    """Check the wording of postings: gender-coded words, exclusionary terms, unrealistic
    requirements, unfinished text and clarity. Each finding points at the words in the TOML
    file and suggests a fix. Exits with 1 when any is an error (with --strict, a warning).

    IDS names roles or comparisons; without them, everything is checked, the
    organization's texts too. `[lint]` in jobdocs.toml configures the rules; a comment
    `# jobdocs: allow RULE-ID` on a line allows a rule there.
    """
    if list_rules:
        print_rules("lint.")
        return
    from ..checks.lint.engine import lint as run_lint

    project = load_or_report(ctx, style)
    problems = run_lint(project, ids)
    if style != "text" or problems:
        click.echo(formatted(problems, style))
    counts = Counter(p.severity for p in problems)
    if style == "text":
        roles = [i for i in ids or project.roles if i in project.roles]
        comparisons = [i for i in ids or project.comparisons if i in project.comparisons]
        click.echo(
            f"checked {plural(len(roles), 'role')} and {plural(len(comparisons), 'comparison')}: "
            f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
            f"{plural(counts['note'], 'note')}"
        )
    if counts["error"]:
        raise click.ClickException(f"{plural(counts['error'], 'error')} found")
    if strict and counts["warning"]:
        raise click.ClickException(f"{plural(counts['warning'], 'warning')} found (--strict)")


COMMANDS = [lint]
