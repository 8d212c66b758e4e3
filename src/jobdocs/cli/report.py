"""`jobdocs report`: documents about the project rather than from it."""

import click

from ..checks import NOT_LEGAL_ADVICE
from ..checks.printing import shown
from .build import as_of_option, out_option, project_dir


@click.group()
def report() -> None:
    """Write a report about the project's postings."""


@report.command("pay")
@as_of_option
@out_option
@click.pass_context
def pay(ctx: click.Context, as_of, out) -> None:
    """Write the pay-transparency report, pay-report.html and pay-report.pdf: every posting
    against every jurisdiction it reaches, covered or not and why, each requirement met or
    not, and the rules with their sources."""
    from ..build.pay_report import pay_report

    for path in pay_report(project_dir(ctx), out, as_of.date() if as_of else None):
        click.echo(f"wrote {shown(path)}")
    click.echo(NOT_LEGAL_ADVICE)


COMMANDS = [report]
