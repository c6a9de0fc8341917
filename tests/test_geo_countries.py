"""Country names, aliases, demonyms and the story's country (no gazetteer needed)."""

from hypothesis import given, strategies as st

from dateline.geo.countries import (
    capital_country, country_code, country_name, dateline_country, demonym_country, story_country,
)
from dateline.geo.normalize import fold, fuzzy
from dateline.model import Article, Doc, Place


def test_acled_style_names():
    assert country_name("SY") == "Syria"
    assert country_name("cd") == "Democratic Republic of Congo"
    assert country_name("NL") == "Netherlands"
    assert country_name(None) is None
    assert country_name("QQ") is None


def test_names_aliases_and_demonyms():
    assert country_code("U.S.") == "US"
    assert country_code("the DRC") == "CD"
    assert country_code("Côte d’Ivoire") == "CI"
    assert country_code("Narnia") is None
    assert demonym_country("Syrian") == "SY"
    assert demonym_country("Iraqis") == "IQ"
    assert demonym_country("Kurdish") is None


def test_dateline_country():
    assert capital_country("BEIRUT") == "LB"
    assert dateline_country("KABUL, Afghanistan") == "AF"
    assert dateline_country("DAMASCUS") == "SY"
    assert dateline_country(None) is None


def test_story_country_prefers_dateline_then_most_named():
    article = Article(id="a", text="x" * 40, dateline="BEIRUT")
    doc = Doc(article)
    doc.places = (Place(0, 3, country_code="SY"), Place(5, 8, country_code="SY", role="demonym"))
    assert story_country(doc) == "LB"
    doc2 = Doc(Article(id="b", text="x" * 40))
    doc2.places = (Place(0, 3, country_code="IQ"), Place(5, 8, country_code="SY"), Place(9, 12, country_code="SY"))
    assert story_country(doc2) == "SY"
    doc2.places = ()
    assert story_country(doc2) is None


def test_transliteration_variants_share_a_fuzzy_key():
    assert fuzzy("Baghous") == fuzzy("Baghouz") == fuzzy("Baghuz") == fuzzy("al-Baghuz")
    assert fold("Deir ez-Zor") == "deir ez zor"
    assert fuzzy("Aleppo") != fuzzy("Idlib")


@given(st.text(max_size=30))
def test_fold_is_idempotent(name):
    assert fold(fold(name)) == fold(name)
    assert fuzzy(fold(name)) == fuzzy(name)
