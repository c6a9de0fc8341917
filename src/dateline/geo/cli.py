"""``dateline gazetteer ...`` (placeholder: the place stage's owner fills this in)."""

from __future__ import annotations

import click


@click.group(name="gazetteer")
def gazetteer_group() -> None:
    """Build the local gazetteer and load GeoNames dumps into it."""
