"""Abbreviations news copy uses for first-level divisions (AP style and the like), written for
this project and indexed as alternate names of the divisions when the gazetteer is built."""

from __future__ import annotations

_US = """AL Ala.|AZ Ariz.|AR Ark.|CA Calif.|CO Colo.|CT Conn.|DE Del.|FL Fla.|GA Ga.|IL Ill.|IN Ind.
KS Kan.|KS Kans.|KY Ky.|LA La.|MD Md.|MA Mass.|MI Mich.|MN Minn.|MS Miss.|MO Mo.|MT Mont.|NE Neb.
NE Nebr.|NV Nev.|NH N.H.|NJ N.J.|NM N.M.|NY N.Y.|NC N.C.|ND N.D.|OK Okla.|OR Ore.|PA Pa.|PA Penn.
RI R.I.|SC S.C.|SD S.D.|TN Tenn.|VT Vt.|VA Va.|WA Wash.|WV W.Va.|WI Wis.|WY Wyo.|TX Tex.|DC D.C.
AZ Arizona State|WA Washington State|NY New York State"""
_AU = """02 NSW|02 N.S.W.|04 Qld|04 Qld.|06 Tas.|03 NT"""
_CA = """08 Ont.|10 Que.|02 B.C.|01 Alta.|11 Sask.|03 Man.|07 N.S.|04 N.B.|05 Nfld.|09 P.E.I."""


def _parse(country: str, table: str) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for line in table.splitlines():
        for item in line.split("|"):
            code, alias = item.strip().split(" ", 1)
            out.setdefault((country, code), []).append(alias)
    return out


ADMIN1_ALIASES: dict[tuple[str, str], list[str]] = {**_parse("US", _US), **_parse("CA", _CA), **_parse("AU", _AU)}

# Regions that news names and the default sources lack: (name, alternates, country or None, lat, lon).
# Rounded central points written for this project; a region is placed at precision 3 by events.
REGIONS = (
    ("Middle East", (), None, 29.0, 41.0),
    ("Darfur", (), "SD", 13.5, 24.0),
    ("Kashmir", (), None, 34.5, 76.0),
    ("Sinai", ("Sinai Peninsula",), "EG", 29.5, 33.8),
    ("Eastern Ghouta", ("East Ghouta", "Ghouta"), "SY", 33.55, 36.45),
    ("Donbas", ("Donbass",), "UA", 48.0, 38.5),
    ("Sahel", (), None, 15.0, 2.0),
    ("Balkans", ("Balkan Peninsula",), None, 42.5, 21.0),
    ("Caucasus", (), None, 42.5, 44.5),
    ("Horn of Africa", (), None, 8.0, 45.0),
    ("Kurdistan Region", ("Iraqi Kurdistan",), "IQ", 36.2, 44.0),
    ("Golan Heights", ("Golan",), "SY", 33.0, 35.75),
    ("Lake Chad Basin", (), None, 13.0, 14.0),
    ("Central Asia", (), None, 45.0, 65.0),
    ("Southeast Asia", (), None, 10.0, 106.0),
    ("West Africa", (), None, 12.0, -4.0),
    ("East Africa", (), None, 0.0, 36.0),
    ("Latin America", (), None, -5.0, -65.0),
    ("Mediterranean", ("Mediterranean Sea",), None, 35.0, 18.0),
    ("Persian Gulf", (), None, 27.0, 51.0),
    ("South Ossetia", ("Tskhinvali Region",), "GE", 42.33, 44.0),
    # GeoNames places the Union at Brussels, its seat.
    ("European Union", ("EU", "E.U."), None, 50.84, 4.38),
)
