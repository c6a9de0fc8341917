"""Merging the mentions of one event inside an article, from hand-built events."""

from __future__ import annotations

from dataclasses import replace

from dateline.events.merge import compatible, merge_events
from dateline.events.notes import note
from dateline.model import Event, Span, evidence


def event(start: int, **kw) -> Event:
    base = dict(
        event_id=f"e{start}", article_id="a", event_type="Violence against civilians", sub_event_type="Attack",
        trigger=Span(start, start + 5), sentence=Span(start, start + 50), event_date="2023-04-04",
        date_start="2023-04-04", date_end="2023-04-04", time_precision=1, actor1="Unidentified Armed Group (Mali)",
        inter1=3, actor2="Civilians (Mali)", inter2=7, interaction=37, location="Moura", geonameid=1,
        mentions=(Span(start, start + 5),),
    )
    base.update(kw)
    return Event(**base)


def test_two_mentions_of_one_attack_become_one_event_with_both_triggers():
    merged = merge_events([event(0), event(100)])
    assert len(merged) == 1
    assert merged[0].mentions == (Span(0, 5), Span(100, 105))
    assert merged[0].trigger == Span(0, 5)


def test_restated_fatalities_are_not_added():
    a = event(0, fatalities=4, evidence=evidence({"fatalities": Span(10, 14)}))
    b = event(100, fatalities=4, evidence=evidence({"fatalities": Span(110, 114)}))
    assert merge_events([a, b])[0].fatalities == 4


def test_conflicting_figures_keep_the_conservative_one_and_bound_the_other():
    a = event(0, fatalities=5, fatalities_high=5, evidence=evidence({"fatalities": Span(10, 14)}))
    b = event(100, fatalities=8, fatalities_high=8, evidence=evidence({"fatalities": Span(110, 114)}))
    merged = merge_events([a, b])[0]
    assert (merged.fatalities, merged.fatalities_high) == (5, 8)


def test_events_at_different_places_or_dates_stay_apart():
    other_place = event(100, location="Gao", geonameid=2, evidence=evidence({"location": Span(120, 123)}))
    first = event(0, evidence=evidence({"location": Span(20, 25)}))
    assert len(merge_events([first, other_place])) == 2
    a = event(0, evidence=evidence({"date": Span(1, 5)}))
    b = event(100, event_date="2023-03-01", date_start="2023-03-01", date_end="2023-03-01",
              evidence=evidence({"date": Span(101, 105)}))
    assert not compatible(a, b)


def test_different_types_or_factuality_stay_apart():
    assert not compatible(event(0), event(100, sub_event_type="Abduction/forced disappearance"))
    assert not compatible(event(0), event(100, factuality="future"))


def test_a_protest_and_its_dispersal_merge_into_the_severer_type():
    protest = event(0, event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Mali)",
                    inter1=6, actor2=None, inter2=None)
    dispersal = replace(protest, trigger=Span(100, 105), sub_event_type="Protest with intervention",
                        actor2="Police Forces of Mali", inter2=1, mentions=(Span(100, 105),))
    merged = merge_events([protest, dispersal])
    assert [m.sub_event_type for m in merged] == ["Protest with intervention"]
    assert merged[0].actor2 == "Police Forces of Mali"


def test_a_named_actor_replaces_an_unidentified_default():
    named = event(100, actor1="JNIM: Group for Support of Islam and Muslims", inter1=2)
    merged = merge_events([event(0), named])[0]
    assert merged.actor1.startswith("JNIM")
    assert merged.interaction == 27


def test_the_note_is_one_acled_style_sentence():
    e = event(0, sub_event_type="Non-state actor overtakes territory", event_type="Battles",
              actor1="QSD: Syrian Democratic Forces", actor2="Islamic State (Syria)", location="Baghouz",
              admin1="Deir ez-Zor", event_date="2019-01-23")
    assert note(e) == ("On 23 January 2019, QSD: Syrian Democratic Forces took control of Baghouz from "
                       "Islamic State (Syria) in Deir ez-Zor.")
    month = replace(e, time_precision=3, fatalities=3)
    assert note(month).startswith("In January 2019, ") and note(month).endswith("with 3 fatalities.")


def test_a_sentence_dated_a_day_apart_or_undated_before_can_still_fold():
    from types import SimpleNamespace as NS

    from dateline.events.stage import _other_day
    from dateline.model import EventTime, Span

    def draft(day: str, evidence: Span | None, start: int) -> NS:
        return NS(when=EventTime(day, day, day, 1, evidence), sentence=Span(start, start + 50))

    sunday = draft("2023-06-11", Span(5, 10), 0)
    assert not _other_day(sunday, draft("2023-06-10", Span(60, 70), 55))  # overnight: a day's slack
    assert _other_day(sunday, draft("2023-05-28", Span(60, 70), 55))
    assert not _other_day(draft("2023-06-12", None, 0), draft("2023-05-28", Span(60, 70), 55))  # publication date only


def test_the_victims_own_force_never_replaces_an_unidentified_attacker():
    a = event(0, event_type="Battles", sub_event_type="Armed clash", actor2="Police Forces of Mali (2021-) Gendarmerie",
              inter2=1)
    b = event(100, event_type="Battles", sub_event_type="Armed clash", actor1="Police Forces of Mali (2021-)",
              inter1=1, actor2=None, inter2=None)
    merged = merge_events([a, b])
    assert merged[0].actor1 == "Unidentified Armed Group (Mali)"


def test_every_source_of_the_merged_mentions_is_kept_with_its_evidence():
    a = event(0, attribution="residents and rebels", evidence=evidence({"attribution": Span(30, 50)}))
    b = event(100, attribution="the Syrian Observatory", evidence=evidence({"attribution": Span(130, 152)}))
    c = event(200, attribution="Residents and Rebels", evidence=evidence({"attribution": Span(230, 250)}))
    merged = merge_events([a, b, c])[0]
    assert merged.attribution == "residents and rebels"
    assert merged.sources == "residents and rebels; the Syrian Observatory"
    spans = merged.evidence_dict()
    assert (spans["attribution"], spans["attribution.2"], spans["attribution.3"]) == ([30, 50], [130, 152], [230, 250])


def test_the_same_words_are_not_kept_twice_as_evidence():
    a = event(0, evidence=evidence({"location": Span(20, 25)}))
    b = event(100, evidence=evidence({"location": Span(20, 25), "fatalities": Span(110, 112)}))
    assert [k for k, _ in merge_events([a, b])[0].evidence] == ["location", "fatalities"]


def test_an_event_told_once_has_its_one_source():
    from dateline.events.merge import MergeStage
    from dateline.model import Article, Doc

    doc = Doc(Article(id="a", text="x" * 300))
    doc.events = (event(0, attribution="police"), event(100, location="Gao", geonameid=2, attribution=None,
                                                        evidence=evidence({"location": Span(120, 123)})))
    doc.events = (replace(doc.events[0], evidence=evidence({"location": Span(20, 25)})), doc.events[1])
    MergeStage()(doc)
    assert [e.sources for e in doc.events] == ["police", None]


def test_a_country_named_as_the_area_and_a_town_inside_it_can_be_one_event():
    town = event(0, location="Baghouz", country="Syria", admin1="Deir ez-Zor", geo_precision=1,
                 evidence=evidence({"location": Span(20, 27)}))
    area = event(100, location="Syria", country="Syria", geo_precision=3, geonameid=None,
                 evidence=evidence({"location": Span(130, 135)}))
    elsewhere = replace(area, location="Iraq", country="Iraq")
    assert compatible(town, area) and compatible(area, town)
    assert not compatible(town, elsewhere)
    province = replace(area, location="Deir ez-Zor")
    assert compatible(town, province)


def test_a_follow_up_told_by_someone_else_adds_its_source():
    import dateline

    text = ("Gunmen stormed the village of Kafr Nabl in Syria on Monday, killing three farmers, residents said. "
            "The gunmen then drove off towards the hills, according to a local teacher.")
    event = dateline.load().analyze(text, published="2023-05-03").events[0]
    assert event.attribution == "residents"
    assert event.sources == "residents; a local teacher"
    start, end = dict(event.evidence)["attribution.2"].as_list()
    assert text[start:end] == "a local teacher"


def test_join_sources_keeps_the_first_spelling_in_order():
    from dateline.events.attribution import join_sources

    assert join_sources(["police; Residents", None, "residents", "the army"]) == "police; Residents; the army"
    assert join_sources([None, ""]) is None


def test_a_follow_up_about_someone_else_adds_no_source():
    import dateline

    text = ("Gunmen stormed the village of Kafr Nabl in Syria on Monday, killing three farmers, residents said. "
            "Soldiers reached the village hours later, according to the army.")
    event = dateline.load().analyze(text, published="2023-05-03").events[0]
    assert event.sources == "residents"
