"""Abbreviations news copy uses for first-level divisions (AP style and the like), written for
this project and indexed as alternate names of the divisions when the gazetteer is built."""

from __future__ import annotations

_US = """AL Ala.|AZ Ariz.|AR Ark.|CA Calif.|CO Colo.|CT Conn.|DE Del.|FL Fla.|GA Ga.|IL Ill.|IN Ind.
KS Kan.|KS Kans.|KY Ky.|LA La.|MD Md.|MA Mass.|MI Mich.|MN Minn.|MS Miss.|MO Mo.|MT Mont.|NE Neb.
NE Nebr.|NV Nev.|NH N.H.|NJ N.J.|NM N.M.|NY N.Y.|NC N.C.|ND N.D.|OK Okla.|OR Ore.|PA Pa.|PA Penn.
RI R.I.|SC S.C.|SD S.D.|TN Tenn.|VT Vt.|VA Va.|WA Wash.|WV W.Va.|WI Wis.|WY Wyo.|TX Tex.|DC D.C.
AZ Arizona State|WA Washington State|NY New York State"""
_CA = """08 Ont.|10 Que.|02 B.C.|01 Alta.|11 Sask.|03 Man.|07 N.S.|04 N.B.|05 Nfld.|09 P.E.I."""


def _parse(country: str, table: str) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for line in table.splitlines():
        for item in line.split("|"):
            code, alias = item.strip().split(" ", 1)
            out.setdefault((country, code), []).append(alias)
    return out


ADMIN1_ALIASES: dict[tuple[str, str], list[str]] = {**_parse("US", _US), **_parse("CA", _CA)}
