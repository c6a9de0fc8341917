"""Fallback to the named container: weak readings the text vouches for (hand-made entries, no gazetteer)."""

from __future__ import annotations

from dateline.geo.eventplace import event_place
from dateline.geo.gazetteer import Entry
from dateline.geo.resolve import Choice, Mention
from dateline.geo.stage import vouched
from dateline.model import Article, Doc, Place, Sentence, Span


def _entry(name: str, country: str, fcode: str = "PPL", kind: int = 0) -> Entry:
    return Entry(1, name, "A" if fcode.startswith(("ADM", "PCL")) else "P", fcode, country, "01", None, None,
                 1000, 10.0, 20.0, kind)


def _choice(name: str, country: str, fcode: str = "PPL", *, kind: int = 0, reason: str = "", margin: float = 0.2) -> Choice:
    return Choice(_entry(name, country, fcode, kind), 2.0, f"{fcode} {country} {reason}".strip(), 10.0, 20.0, margin)


def _mentions(text: str, names: list[str]) -> list[Mention]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append(Mention(start, start + len(name), name))
        at = start + len(name)
    return out


def test_a_district_named_as_the_villages_container_is_kept():
    text = "Gunmen attacked Gawardaz village in Sarbaz county."
    mentions = _mentions(text, ["Gawardaz", "Sarbaz county"])
    raw = [None, _choice("Sarbaz", "IR")]
    assert vouched(text, mentions, raw, [None, None])[1] is raw[1]


def test_a_bracketed_district_and_province_are_kept():
    text = "Protesters gathered in Orugodawatta (Orugodawatta, Western)."
    mentions = _mentions(text, ["Orugodawatta", "Orugodawatta", "Western"])
    raw = [None, None, _choice("Western", "LK", "ADM1")]
    assert vouched(text, mentions, raw, [None, None, None])[2] is raw[2]


def test_a_container_in_another_country_than_the_story_is_not_kept():
    text = "Troops clashed in Tapachula (Ordonez, Chiapas)."
    mentions = _mentions(text, ["Tapachula", "Ordonez", "Chiapas"])
    chiapas = _choice("Chiapas", "MX", "ADM1")
    raw = [None, _choice("Ordoñez", "AR"), chiapas]
    assert vouched(text, mentions, raw, [None, None, chiapas])[1] is None


def test_a_reading_that_contradicts_its_named_container_is_not_kept():
    text = "Drivers marched in Nelson, Santa Fe."
    mentions = _mentions(text, ["Nelson", "Santa Fe"])
    raw = [_choice("Nelson", "NZ", reason="within=-3.00"), None]
    assert vouched(text, mentions, raw, [None, None]) == [None, None]


def test_the_one_town_of_a_story_that_names_only_countries_is_kept():
    text = "About 70 people demonstrated in Ochsenfurt against the war in Ukraine."
    mentions = _mentions(text, ["Ochsenfurt", "Ukraine"])
    ukraine = _choice("Ukraine", "UA", "PCLI")
    raw = [_choice("Ochsenfurt", "DE", margin=99.0), ukraine]
    assert vouched(text, mentions, raw, [None, ukraine])[0] is raw[0]


def test_a_lone_town_with_a_namesake_nearly_as_likely_is_not_kept():
    text = "About 1,400 people took to the streets in Jena."
    mentions = _mentions(text, ["Jena"])
    assert vouched(text, mentions, [_choice("Jena", "DE", margin=0.3)], [None]) == [None]


def test_a_lone_town_is_not_kept_beside_a_resolved_place_elsewhere():
    text = "Gunmen fired at a police officer in Campestre, close to Zacatecas."
    mentions = _mentions(text, ["Campestre", "Zacatecas"])
    zacatecas = _choice("Zacatecas", "MX", "ADM1")
    raw = [_choice("Campestre", "BR", margin=99.0), zacatecas]
    assert vouched(text, mentions, raw, [None, zacatecas])[0] is None


def test_a_loose_spelling_alone_is_not_kept():
    text = "Soldiers were ambushed near Maarey village."
    mentions = _mentions(text, ["Maarey"])
    assert vouched(text, mentions, [_choice("Mary", "TM", kind=3)], [None]) == [None]


def test_an_unplaced_village_is_coded_at_its_named_container():
    text = "Gunmen attacked Gawardaz village in Sarbaz county."
    gawardaz = Place(16, 24, name="Gawardaz")
    sarbaz = Place(36, 42, name="Sarbaz", latitude=26.6, longitude=61.3, country_code="IR", feature_code="PPL")
    doc = Doc(Article(id="f", text=text), sentences=(Sentence(0, len(text)),), places=(gawardaz, sarbaz))
    where = event_place(doc, Span(7, 15), doc.sentences[0])
    assert (where.location, where.latitude, where.iso2, where.geo_precision) == ("Gawardaz", 26.6, "IR", 2)


def test_the_province_after_a_district_the_ner_missed_is_kept():
    text = "Houthi forces took control of Qurun al Innab (Khabb wa Ash Shaaf, Al Jawf)."
    mentions = _mentions(text, ["Qurun al Innab", "Al Jawf"])
    raw = [None, _choice("Al Jawf", "YE", "ADM1")]
    assert vouched(text, mentions, raw, [None, None])[1] is raw[1]


def test_an_unplaced_neighbourhood_is_coded_at_the_storys_town_inside_the_named_division():
    text = "Gunmen exchanged fire with police in the Novo Aleixo neighborhood. Manaus, Amazonas, saw 40 deaths."
    division = dict(latitude=-4.0, longitude=-63.0, country_code="BR", admin1="Amazonas", feature_code="ADM1")
    made = [Place(text.index(name), text.index(name) + len(name), name=name, **fields) for name, fields in (
        ("Manaus", dict(division, latitude=-3.1, longitude=-60.0, feature_code="PPL")), ("Amazonas", division),
        ("Novo Aleixo", {}))]
    first = Sentence(0, text.index(".") + 1)
    doc = Doc(Article(id="n", text=text), sentences=(first, Sentence(first.end + 1, len(text))),
              places=tuple(sorted(made, key=lambda p: p.start)))
    at = text.index("exchanged fire")
    where = event_place(doc, Span(at, at + 14), first)
    assert (where.location, where.latitude) == ("Novo Aleixo", -3.1)


def test_a_span_across_an_unclosed_bracket_is_a_place_and_its_container():
    from dateline.geo.stage import split_brackets
    from dateline.geo.toponyms import Found

    text = "On 13 April 2022, in Tocopilla (Antofagasta), teachers staged a demonstration."
    start = text.index("Tocopilla")
    parts = split_brackets(text, [Found(start, text.index(")"))])
    assert [text[f.start : f.end] for f in parts] == ["Tocopilla", "Antofagasta"]
    whole = Found(text.index("teachers"), text.index("teachers") + 8)
    assert split_brackets(text, [whole]) == [whole]
