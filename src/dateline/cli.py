"""The command line. Only this module (and the API server, if any) talks to people."""

from __future__ import annotations

import sys

import click

from .errors import DatelineError
from .evaluate.cli import eval_group
from .geo.cli import gazetteer_group


class Main(click.Group):
    """Every DatelineError becomes one clear line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DatelineError as exc:
            click.echo(f"dateline: error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=Main)
@click.version_option(package_name="dateline")
def main() -> None:
    """dateline: conflict news reports in, ACLED-style events out."""


main.add_command(eval_group)
main.add_command(gazetteer_group)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
