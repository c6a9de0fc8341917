"""``dateline eval ...``: each harness lives in its own module and is imported only when called."""

from __future__ import annotations

import importlib

import click

# name -> "module:attribute" of a click.Command; a module owns its command.
COMMANDS = {
    "timex": "dateline.evaluate.timex:command",
    "geoparse": "dateline.evaluate.geoparse:command",
    "event-location": "dateline.evaluate.event_location:command",
    "acled": "dateline.evaluate.acled:command",
    "hrdsattack": "dateline.evaluate.hrdsattack:command",
    "wikievents": "dateline.evaluate.wikievents:command",
    "actors": "dateline.evaluate.actors:command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(n for n in COMMANDS if _importable(n))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name].split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError:
            return None


def _importable(name: str) -> bool:
    module = COMMANDS[name].split(":")[0]
    return importlib.util.find_spec(module) is not None


@click.group(name="eval", cls=LazyGroup)
def eval_group() -> None:
    """Measure dateline on public evaluation data sets (you give the path)."""
