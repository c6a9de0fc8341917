"""The actor stage on hand-built docs: naming, country qualification, coreference, user files."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dateline.actors.lexicon import load_lexicon, parse_actors
from dateline.actors.stage import ActorStage, story_country
from dateline.errors import ConfigError
from dateline.model import Article, Doc, Entity, Place, Sentence

PUBLISHED = dt.date(2019, 1, 25)


def make_doc(text, *, places=(), entities=(), published=PUBLISHED, dateline=None):
    """A doc with sentences split at full stops, entities and places given as (word, label/ISO2)."""
    doc = Doc(Article(id="t", text=text, published=published, dateline=dateline))
    doc.sentences = tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip())
    doc.entities = tuple(Entity(*_find(text, word), label) for word, label in entities)
    doc.places = tuple(Place(*_find(text, word), name=word, country_code=code) for word, code in places)
    return doc


def _find(text, word):
    start = text.index(word)
    return start, start + len(word)


def actors(doc, stage=None):
    (stage or ActorStage.default())(doc)
    return [(doc.text[a.start : a.end], a.name, a.inter, a.antecedent) for a in doc.actors]


def names(doc, stage=None):
    return [name for _, name, _, _ in actors(doc, stage)]


def test_stage_declares_its_layers():
    assert ActorStage.name == "actors"
    assert ActorStage.needs == {"sentences", "entities", "places"}
    assert ActorStage.adds == {"actors"}


def test_named_groups_acronyms_and_coreference():
    text = (
        "Fighters of the Syrian Democratic Forces attacked Islamic State in Hajin. "
        "The SDF said the militants lost ten men. The group also shelled the town."
    )
    found = actors(make_doc(text, places=[("Hajin", "SY")]))
    assert found[0][1] == "QSD: Syrian Democratic Forces" and found[0][2] == 2
    assert found[1][:3] == ("Islamic State", "Islamic State (Syria)", 2)
    sdf, militants, group = found[2], found[3], found[4]
    assert sdf[1] == "QSD: Syrian Democratic Forces" and sdf[3] == 0
    assert militants[0] == "militants" and militants[1] == "Islamic State (Syria)" and militants[3] == 1
    assert group[1] == "Islamic State (Syria)" and group[3] == 3


def test_named_actor_absorbs_the_noun_after_it():
    found = actors(make_doc("Islamic State militants stormed a village in Iraq.", places=[("Iraq", "IQ")]))
    assert found[0][:2] == ("Islamic State militants", "Islamic State (Iraq)")


def test_unidentified_gunmen_never_refer_back():
    text = "Islamic State claimed an attack. Unidentified gunmen later killed two civilians in Raqqa."
    found = actors(make_doc(text, places=[("Raqqa", "SY")]))
    gunmen = next(a for a in found if a[0] == "Unidentified gunmen")
    assert gunmen[1] == "Unidentified Armed Group (Syria)" and gunmen[2] == 3
    assert ("civilians", "Civilians (Syria)", 7, None) in found


def test_the_group_without_an_antecedent_is_dropped():
    assert names(make_doc("The group met in Paris.", places=[("Paris", "FR")])) == []


def test_demonyms_name_the_state_and_foreign_forces_are_external():
    text = "Syrian troops and Russian warplanes struck Idlib, and Syrian army units advanced."
    found = actors(make_doc(text, places=[("Idlib", "SY")]))
    assert found[0][:3] == ("Syrian troops", "Military Forces of Syria (2000-)", 1)
    assert found[1][:3] == ("Russian warplanes", "Military Forces of Russia (2000-)", 8)
    assert found[2][1] == "Military Forces of Syria (2000-)" and found[2][3] == 0


def test_coordinated_countries_give_two_state_actors():
    text = "Clashes continued between the Russian and Ukrainian forces near Yarova."
    doc = make_doc(text, places=[("Yarova", "UA")], published=dt.date(2022, 6, 2))
    assert names(doc) == ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"]


def test_generic_nouns_take_the_story_country():
    text = "Police fired tear gas at protesters in Nairobi, and a mob of rioters looted shops."
    doc = make_doc(text, places=[("Nairobi", "KE")], published=dt.date(2022, 3, 1))
    got = names(doc)
    assert got[:2] == ["Police Forces of Kenya (2013-)", "Protesters (Kenya)"]
    assert "Rioters (Kenya)" in got


def test_dateline_sets_the_country_when_no_places():
    doc = make_doc("Soldiers killed three villagers.", dateline="LAGOS, Nigeria", published=dt.date(2022, 3, 1))
    assert names(doc) == ["Military Forces of Nigeria (2015-)", "Civilians (Nigeria)"]


def test_story_country_falls_back_to_entities_and_named_actors():
    doc = make_doc("Clashes in Kabul left Afghan police hurt.", entities=[("Kabul", "GPE"), ("Afghan", "NORP")])
    assert story_country(doc, load_lexicon()) == "AF"


def test_associated_groups_are_labelled():
    text = "Students and teachers marched in Tehran."
    found = actors(make_doc(text, places=[("Tehran", "IR")]))
    assert [a[1] for a in found] == ["Students (Iran)", "Teachers (Iran)", "Protesters (Iran)"]
    assert [a[2] for a in found] == [None, None, 6]  # the crowd a protest verb implies is the actor


def test_scoped_aliases_follow_the_story_country():
    rebels_syria = names(make_doc("Rebels shelled Aleppo.", places=[("Aleppo", "SY")]))
    rebels_mali = names(make_doc("Rebels shelled Gao.", places=[("Gao", "ML")]))
    assert rebels_syria == ["Opposition Rebels (Syria)"]
    assert rebels_mali == ["Unidentified Armed Group (Mali)"]


def test_coalitions_are_external_forces():
    found = actors(make_doc("The US-led coalition bombed Hajin.", places=[("Hajin", "SY")]))
    assert found[0][1:3] == ("Global Coalition Against Daesh", 8)


def test_ethnic_militia_from_a_proper_modifier():
    text = "Dozo militiamen attacked a village in Mopti."
    doc = make_doc(text, places=[("Mopti", "ML")], entities=[("Dozo", "NORP")])
    assert names(doc)[0] == "Dozo Ethnic Militia (Mali)"


def test_nothing_before_the_body_is_read():
    text = "Protesters header\nTroops attacked."
    doc = Doc(Article(id="t", text=text, published=PUBLISHED, body_start=text.index("Troops")))
    doc.sentences, doc.entities, doc.places = (), (), ()
    ActorStage.default()(doc)
    assert all(a.start >= doc.article.body_start for a in doc.actors)


USER_FILE = "name\tinter\tkind\tcountry\tscope\taliases\nBlue Lions Brigade\t3\tmilitia\tXK\t\tBlue Lions|BLB\n"


def test_user_file_extends_the_lexicon(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(USER_FILE, encoding="utf-8")
    found = actors(make_doc("The BLB attacked a post.", places=[]), ActorStage.default(extra=path))
    assert found[0][:3] == ("BLB", "Blue Lions Brigade", 3)


def test_user_file_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "env.tsv"
    path.write_text(USER_FILE, encoding="utf-8")
    monkeypatch.setenv("DATELINE_ACTORS", str(path))
    load_lexicon.cache_clear()
    try:
        assert names(make_doc("Blue Lions fighters attacked.")) == ["Blue Lions Brigade"]
    finally:
        load_lexicon.cache_clear()


@pytest.mark.parametrize(
    "content",
    ["name\tinter\nX\t2\n", USER_FILE.replace("\t3\t", "\t12\t"), USER_FILE.replace("militia", "gang")],
)
def test_bad_user_files_raise_config_errors(content):
    with pytest.raises(ConfigError):
        parse_actors(content, origin="mine.tsv")


def test_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        ActorStage.default(extra=tmp_path / "absent.tsv")


def test_name_slot_aliases_write_the_local_name():
    doc = make_doc("The Kalay PDF ambushed a convoy.", places=[("Kalay", "MM")], published=dt.date(2022, 4, 1))
    assert names(doc)[0] == "People's Defense Force - Kalay"


def test_rows_apply_from_their_since_date():
    text = "Taliban fighters attacked a checkpoint in Kunduz."
    before = make_doc(text, places=[("Kunduz", "AF")], published=dt.date(2020, 5, 1))
    after = make_doc(text, places=[("Kunduz", "AF")], published=dt.date(2022, 5, 1))
    assert names(before)[0] == "Taliban"
    assert names(after)[0] == "Military Forces of Afghanistan (2021-)"


def test_state_units_and_air_forces():
    doc = make_doc("Russian air forces bombed Kharkiv.", places=[("Kharkiv", "UA")], published=dt.date(2022, 4, 1))
    assert actors(doc)[0][1:3] == ("Military Forces of Russia (2000-) Air Force", 8)
    mx = make_doc("State police clashed with gunmen in Culiacan.", places=[("Culiacan", "MX")],
                  published=dt.date(2022, 4, 1))
    assert names(mx) == ["Police Forces of Mexico (2018-) State Police", "Unidentified Armed Group (Mexico)"]


def test_plural_nationalities_are_civilians():
    doc = make_doc("Settlers threw stones at Palestinians near Nablus.", places=[("Nablus", "PS")])
    assert names(doc) == ["Settlers (Israel)", "Civilians (Palestine)"]


def test_protest_nouns_and_organisations_with_acronyms():
    text = "Members of the National Teachers Union (NTU) held a protest in Accra."
    doc = make_doc(text, places=[("Accra", "GH")], entities=[("National Teachers Union", "ORG")])
    found = actors(doc)
    assert found[0][1:3] == ("NTU: National Teachers Union", None)
    assert found[-1][1:3] == ("Protesters (Ghana)", 6)


def test_either_or_attribution_joins_two_named_groups():
    doc = make_doc("ISWAP/Boko Haram fighters raided Monguno.", places=[("Monguno", "NG")])
    found = actors(doc)
    assert found[0][0] == "ISWAP/Boko Haram fighters"
    assert found[0][1] == ("Islamic State (West Africa) - Lake Chad Faction and/or "
                           "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")


def test_government_before_forces_is_a_modifier():
    doc = make_doc("Militants shot a government soldier in Afgooye.", places=[("Afgooye", "SO")],
                   published=dt.date(2022, 6, 1))
    assert names(doc) == ["Unidentified Armed Group (Somalia)", "Military Forces of Somalia (2022-)"]


def test_unresolved_place_names_still_give_the_country():
    doc = make_doc("Around 100 demonstrators gathered in Ajaccio.", places=[("Ajaccio", None)])
    assert names(doc) == ["Protesters (France)"]
