"""The `jobdocs` command. Commands parse their options, call the library and print; the
library's errors become messages and exit codes here, once.

Every command module imports the library inside its functions, so that `jobdocs --help`
loads click and nothing heavier.
"""

import signal
import threading
from pathlib import Path

import click

from ..errors import JobdocsError, UsageError
from .output import explain


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, as raised by jobdocs's SIGINT handler instead of Python's default one.

    When a plain KeyboardInterrupt leaves code run by eval() or exec() on a string (as
    cssselect2, under WeasyPrint, compiles each CSS selector), CPython 3.11 notes it as
    unhandled even if it is caught later, and `python -m jobdocs` then ends killed by SIGINT
    instead of exiting with 130. CPython tests the exact type, so a subclass escapes that.
    """


def _interrupt(signum, frame):
    raise Interrupted(signum)


STOPS = (signal.SIGINT, signal.SIGTERM)
"""Ctrl-C and a polite kill (as by a CI runner's timeout or systemd) end alike."""


class _Group(click.Group):
    """Turns the library's errors into one clear message and exit code 1 (2 for usage)."""

    def invoke(self, ctx: click.Context):
        before = {number: signal.getsignal(number) for number in STOPS}
        if threading.current_thread() is threading.main_thread():
            for number, handler in before.items():
                if handler in (signal.default_int_handler, signal.SIG_DFL):
                    signal.signal(number, _interrupt)
        try:
            return super().invoke(ctx)
        except UsageError as error:
            raise click.BadParameter(str(error), param_hint=error.parameter) from None
        except JobdocsError as error:
            raise click.ClickException(explain(error)) from None
        except KeyboardInterrupt as stop:
            # Once is enough: a second Ctrl-C while the message prints must not turn the
            # clean exit into a traceback.
            for number in STOPS:
                signal.signal(number, signal.SIG_IGN)
            click.echo(
                "\ninterrupted: every file written is complete; build again to finish", err=True
            )
            number = stop.args[0] if isinstance(stop, Interrupted) else signal.SIGINT
            ctx.exit(128 + number)
        finally:
            if threading.current_thread() is threading.main_thread():
                for number, handler in before.items():
                    signal.signal(number, handler)


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


from . import build, lint, project, report, review, watch  # noqa: E402  (they register)

for module in (build, lint, project, report, review, watch):
    for command in module.COMMANDS:
        main.add_command(command)
