"""``dateline gazetteer build|load|info|lookup``: the local gazetteer from the command line."""

from __future__ import annotations

import click

from .gazetteer import Gazetteer, default_path


@click.group(name="gazetteer")
def gazetteer_group() -> None:
    """Build the local gazetteer and load GeoNames dumps into it."""


@gazetteer_group.command(name="build")
@click.option("--path", type=click.Path(dir_okay=False), default=None,
              help="Where to write it (default: $DATELINE_GAZETTEER or the user data folder).")
@click.option("--force", is_flag=True, help="Rebuild even if the file exists.")
def build_command(path: str | None, force: bool) -> None:
    """Build the gazetteer from the bundled GeoNames data (about a minute)."""
    from .build import build

    target = path or str(default_path())
    if not force and Gazetteer.exists(target):
        click.echo(f"gazetteer already at {target} (use --force to rebuild)")
        return
    stats = build(target)
    click.echo(f"built {stats.path}: {stats.places} places, {stats.names} names, "
               f"{stats.bytes / 1e6:.0f} MB in {stats.seconds:.0f} s")


@gazetteer_group.command(name="load")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
@click.option("--path", type=click.Path(dir_okay=False), default=None, help="The gazetteer file (default store if omitted).")
def load_command(dump: str, path: str | None) -> None:
    """Add a GeoNames dump (allCountries.zip, XX.zip, cities1000.zip, alternateNamesV2.zip or .txt)."""
    from .loader import load

    target = path or str(default_path())
    if not Gazetteer.exists(target):
        from .build import build

        build(target)
    stats = load(target, dump)
    click.echo(f"loaded {stats.rows} {stats.kind} rows from {dump} into {target} ({stats.skipped} skipped)")


@gazetteer_group.command(name="lookup")
@click.argument("name")
@click.option("--path", type=click.Path(dir_okay=False), default=None, help="The gazetteer file (default store if omitted).")
@click.option("--limit", type=int, default=10, show_default=True)
def lookup_command(name: str, path: str | None, limit: int) -> None:
    """Show the candidates the gazetteer has for NAME."""
    gaz = Gazetteer.open(path)
    for e in gaz.candidates(name)[:limit]:
        click.echo(f"{e.geonameid}\t{e.name}\t{e.fcode}\t{e.country or ''}\t{e.admin1_name or ''}\t"
                   f"{e.population}\t{e.lat}\t{e.lon}")
