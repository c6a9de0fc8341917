"""Round 8 of the place stage (GEO-3, session 4): a name the NER found whole that the gazetteer has
no reading of is estimated at the focus of a local story. Texts and entries written for these tests."""

from __future__ import annotations

from dateline.geo.focus import AT_FOCUS, local_focus
from dateline.geo.resolve import Choice, Mention
from dateline.geo.schema import Entry
from dateline.geo.stage import unread_at_focus


def _town(gid: int, name: str, lat: float, lon: float) -> Entry:
    return Entry(gid, name, "P", "PPL", "US", "OH", "Ohio", None, 5000, lat, lon)


# A local story: a town named twice and two towns within 100 km of it.
MILLVALE, ORTON, BEXBY = _town(1, "Millvale", 40.0, -83.0), _town(2, "Orton", 40.3, -83.2), _town(3, "Bexby", 39.8, -82.7)
FAR = _town(4, "Far", 30.0, -95.0)


def _choice(e: Entry) -> Choice:
    return Choice(e, 5.0, "test", e.lat, e.lon)


def _story(text: str, unread: str, *, readings=(MILLVALE, MILLVALE, ORTON, BEXBY), loose: bool = False,
           query: str | None = None, fallback: str | None = None, people: frozenset[str] = frozenset()):
    """The story's mentions: the read towns in order, then ``unread`` (no reading); the unread one's choice."""
    mentions, choices = [], []
    for e in readings:
        start = text.index(e.name)
        mentions.append(Mention(start, start + len(e.name), e.name))
        choices.append(_choice(e))
    start = text.index(unread)
    mentions.append(Mention(start, start + len(unread), query or unread, loose=loose, fallback=fallback))
    choices.append(None)
    return unread_at_focus(text, mentions, list(choices), choices, people=people)[-1]


TEXT = ("Millvale police said the boat overturned on the Kessick River near Millvale. "
        "Crews from Orton and Bexby helped.")


def test_an_unread_name_of_a_local_story_lies_at_the_focus():
    got = _story(TEXT, "Kessick River")
    assert got is not None and got.reason == AT_FOCUS
    assert (got.lat, got.lon) == (MILLVALE.lat, MILLVALE.lon)
    assert got.entry.name == "Kessick River" and got.score == 0.0


def test_a_story_of_far_apart_places_has_no_focus_to_estimate_at():
    assert local_focus([MILLVALE, MILLVALE, FAR]) is None
    assert _story(TEXT.replace("Orton", "Farr").replace("Bexby", "Far"), "Kessick River",
                  readings=(MILLVALE, MILLVALE, FAR)) is None


def test_a_name_found_only_by_a_loose_rule_is_not_estimated():
    assert _story(TEXT, "Kessick River", loose=True) is None


def test_initials_numbers_surnames_seas_and_cut_compass_words_are_not_estimated():
    assert _story(TEXT + " T.R. spoke.", "T.R.") is None
    assert _story(TEXT + " The District 3 seat.", "District 3") is None
    assert _story(TEXT + " Jo Kessick said so; Kessick left.", "Kessick", people=frozenset({"Kessick"})) is None
    assert _story(TEXT + " It drains to the Gulf of Kessick.", "Gulf of Kessick") is None
    # "South Coast" looked up as "Coast": the name left is a common word
    assert _story(TEXT + " The South Coast board met.", "South Coast", fallback="Coast") is None
    # ... but a compass word that is part of the looked-up name stays ("North Kessick")
    assert _story(TEXT + " They met in North Kessick.", "North Kessick") is not None


def test_a_one_word_name_the_ner_calls_a_person_or_firm_elsewhere_is_not_estimated():
    from dateline.geo.stage import _called_otherwise
    from dateline.model import Entity

    text = "Zorvex opened in Millvale. Zorvex Corp. hired 12. Kessick Valley Farms sold land."
    ents = [Entity(0, 6, "GPE"), Entity(27, 33, "ORG"), Entity(50, 70, "ORG")]
    called = _called_otherwise(text, ents)
    assert "Zorvex" in called and "Kessick Valley Farms" not in called  # only one-word names count
    assert _story(text + " Orton and Bexby", "Zorvex", people=called) is None
