"""Approximate geographic centres of countries (degrees), written for this project.

The files the default gazetteer is built from give countries no coordinates, and the median of a
country's towns lies where people live (the eastern United States, European Russia), far from
the point gazetteers and analysts use for a country-level location. These rounded centres, in
the manner of reference atlases, fill that gap; a loaded GeoNames dump replaces them.
"""

from __future__ import annotations



_TABLE = """
AD 42.5 1.5|AE 24 54|AF 33 65|AG 17.05 -61.8|AL 41 20|AM 40 45|AO -12.5 18.5|AR -34 -64|AT 47.33 13.33
AU -25 135|AZ 40.5 47.5|BA 44 18|BB 13.17 -59.53|BD 24 90|BE 50.83 4|BF 13 -2|BG 43 25|BH 26 50.55
BI -3.5 30|BJ 9.5 2.25|BN 4.5 114.67|BO -17 -65|BR -10 -55|BS 24.25 -76|BT 27.5 90.5|BW -22 24
BY 53 28|BZ 17.25 -88.75|CA 60 -95|CD -2.5 23.5|CF 7 21|CG -1 15|CH 47 8|CI 8 -5|CL -30 -71|CM 6 12
CN 35 105|CO 4 -72|CR 10 -84|CU 21.5 -80|CV 16 -24|CY 35 33|CZ 49.75 15.5|DE 51.5 10.5|DJ 11.5 43
DK 56 10|DM 15.42 -61.33|DO 19 -70.67|DZ 28 3|EC -2 -77.5|EE 59 26|EG 27 30|EH 24.5 -13|ER 15 39
ES 40 -4|ET 8 38|FI 64 26|FJ -18 175|FM 6.92 158.25|FR 46 2|GA -1 11.75|GB 54.75 -2.7|GD 12.12 -61.67
GE 42 43.5|GH 8.1 -1.2|GM 13.5 -15.5|GN 10.83 -10.67|GQ 1.7 10.5|GR 39 22|GT 15.5 -90.25|GW 12 -15
GY 5 -59|HN 15 -86.5|HR 45.17 15.5|HT 19 -72.42|HU 47 20|ID -5 120|IE 53 -8|IL 31.5 34.75|IN 22 79
IQ 33 44|IR 32 53|IS 65 -18|IT 42.83 12.83|JM 18.25 -77.5|JO 31 36|JP 35.69 139.75|KE 1 38|KG 41.5 75
KH 13 105|KI 1.42 173|KM -12.23 44.45|KN 17.33 -62.75|KP 40 127|KR 36.5 127.75|KW 29.5 47.75
KZ 48 68|LA 18 105|LB 33.83 35.83|LC 13.88 -60.97|LI 47.17 9.53|LK 7 81|LR 6.5 -9.5|LS -29.5 28.25
LT 56 24|LU 49.75 6.17|LV 57 25|LY 28 17|MA 32 -5|MC 43.73 7.42|MD 47 29|ME 42.5 19.3|MG -20 47
MH 10 167|MK 41.83 22|ML 17 -4|MM 22 98|MN 46 105|MR 20 -12|MT 35.92 14.43|MU -20.3 57.58|MV 3.2 73
MW -13.5 34|MX 23 -102|MY 2.5 112.5|MZ -18.25 35|NA -22 17|NE 16 8|NG 10 8|NI 13 -85|NL 52.5 5.75
NO 62 10|NP 28 84|NR -0.53 166.92|NZ -42 174|OM 21 57|PA 9 -80|PE -10 -76|PG -6 147|PH 13 122|PK 30 70
PL 52 20|PS 32 35.25|PT 39.5 -8|PW 7.5 134.5|PY -22.99 -58|QA 25.5 51.25|RO 46 25|RS 44 21|RU 60 100
RW -2 30|SA 25 45|SB -8 159|SC -4.58 55.67|SD 15 30|SE 62 15|SG 1.37 103.8|SI 46.25 15.17|SK 48.67 19.5
SL 8.5 -11.5|SM 43.93 12.42|SN 14 -14|SO 6 48|SR 4 -56|SS 8 30|ST 1 7|SV 13.83 -88.92|SY 35 38
SZ -26.5 31.5|TD 15 19|TG 8 1.17|TH 15 100|TJ 39 71|TL -8.83 125.75|TM 40 60|TN 34 9|TO -20 -175
TR 39 35|TT 11 -61|TV -8 178|TW 24 121|TZ -6 35|UA 49 32|UG 2 33|US 39.76 -98.5|UY -33 -56|UZ 41.7 63.8
VA 41.9 12.45|VC 13.08 -61.2|VE 8 -66|VN 16.17 107.83|VU -16 167|WS -13.8 -172.18|XK 42.58 21
YE 15.5 47.5|ZA -29 24|ZM -14.33 27.5|ZW -19 29.75|GL 72 -40|HK 22.25 114.17|MO 22.17 113.55
PR 18.25 -66.5|NC -21.5 165.5|PF -15 -140|RE -21.1 55.6|GF 4 -53|GP 16.25 -61.58|MQ 14.67 -61
YT -12.83 45.17|FO 62 -7|GU 13.47 144.78|AS -14.33 -170|VI 18.5 -64.43|VG 18.5 -64.5|KY 19.5 -80.67
BM 32.33 -64.75|AW 12.5 -69.97|CW 12.17 -69|FK -51.75 -59.17|GI 36.13 -5.35|IM 54.25 -4.5
JE 49.22 -2.13|GG 49.58 -2.33|AX 60.12 19.9|SJ 78 20|BQ 12.18 -68.25|SX 18.04 -63.07|MF 18.08 -63.05
BL 17.9 -62.83|PM 46.83 -56.33|AI 18.25 -63.17|MS 16.75 -62.2|TC 21.75 -71.58|CK -21.23 -159.77
NU -19.03 -169.87|TK -9 -172|WF -13.3 -176.2|PN -25.07 -130.1|SH -15.95 -5.7|MP 15.2 145.75
"""


def _parse(table: str) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for line in table.strip().splitlines():
        for item in line.split("|"):
            code, lat, lon = item.split()
            out[code] = (float(lat), float(lon))
    return out


COUNTRY_CENTRES: dict[str, tuple[float, float]] = _parse(_TABLE)


# Large first-level divisions whose people live along one edge (southern Canada, coastal
# Australia, south-central Alaska): the middle of their towns lies hundreds of kilometres from the
# rounded centre gazetteers give them. (country, admin1 code) -> (lat, lon), written for this project.
_ADMIN1_TABLE = """
CA.08 49.25 -84.5|CA.10 52 -72|CA.02 54 -125|CA.11 54 -106|CA.03 55 -97|CA.05 52 -56|CA.14 70 -90
CA.13 64.8 -119.2|CA.12 63.5 -136|CA.01 52.3 -113.8|AU.05 -30 135|AU.08 -25 122|AU.04 -20 145
AU.03 -20 134|US.AK 64 -150
"""


def _parse_admin1(table: str) -> dict[tuple[str, str], tuple[float, float]]:
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for key, (lat, lon) in _parse(table).items():
        country, code = key.split(".", 1)
        out[(country, code)] = (lat, lon)
    return out


ADMIN1_CENTRES: dict[tuple[str, str], tuple[float, float]] = _parse_admin1(_ADMIN1_TABLE)
