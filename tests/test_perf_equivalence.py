"""Speed-ups that must not change a result: each fast path against the plain one it replaces."""

from __future__ import annotations

import re

from dateline.actors.lexicon import load_lexicon
from dateline.geo.resolve import _surely_beyond, haversine
from dateline.timex.detect import _all_windows, _windows
from dateline.timex.rules import RULES

TEXT = ("On Monday, three days ago, police said the twenty-first protest of the year was held last week. "
        "Internally displaced persons and unidentified gunmen, the government forces and civilians: "
        "since 2019-03-04 and 3/4/2020, every morning at 5 p.m. until Christmas, in the 1990s and the 20th century. "
        "Earlier, a yearlong, week-old, monthly, decade of dayS; Q3 2021 and the first quarter.")


def test_one_scan_gives_each_core_its_own_windows():
    cores = list({r.core.pattern: r.core for r in RULES}.values())
    for start, end in ((0, len(TEXT)), (15, 180), (40, 41)):
        joined = _all_windows(cores, TEXT, start, end)
        assert joined == {c.pattern: _windows(c, TEXT, start, end) for c in cores}
    assert any(joined_w for joined_w in _all_windows(cores, TEXT, 0, len(TEXT)).values())


def test_generic_regex_grouped_by_first_letter_matches_the_flat_one():
    lex = load_lexicon()
    terms = sorted(lex.generic_by_term, key=len, reverse=True)
    flat = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")(?![\w-])",
                      re.IGNORECASE)
    spans = [m.span() for m in lex.generic_pattern.finditer(TEXT)]
    assert spans == [m.span() for m in flat.finditer(TEXT)]
    assert spans  # the text names some generic actors


def test_latitude_alone_never_overstates_a_distance():
    for lat1, lon1, lat2, lon2 in ((0.0, 0.0, 4.6, 0.0), (60.0, 10.0, 55.4, 170.0), (-33.0, 151.0, -28.4, 151.0)):
        if _surely_beyond(lat1, lat2, 500.0):
            assert haversine(lat1, lon1, lat2, lon2) > 500.0
    assert not _surely_beyond(10.0, 14.0, 500.0)  # 445 km of latitude: to be measured


def test_the_wire_dateline_is_read_from_the_opening_tokens_of_a_long_text():
    import spacy

    from dateline.parse import OPENING_TOKENS, _after_wire_dateline

    nlp = spacy.blank("en")
    opening = "KANDAHAR, Afghanistan (Frontier Wire) - At least six people were killed on Friday."
    for tail in ("", " The market reopened." * (OPENING_TOKENS // 3)):
        sdoc = nlp.make_doc(opening + tail)
        assert len(sdoc) > OPENING_TOKENS or not tail
        assert [sdoc[i].text for i in _after_wire_dateline(sdoc)] == ["At"]
