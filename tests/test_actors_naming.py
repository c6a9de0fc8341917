"""ACLED naming helpers: country names, state forces with regime periods, inter and interaction codes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.actors import naming
from dateline.errors import ConfigError


def test_country_names_follow_acled():
    assert naming.country_name("SY") == "Syria"
    assert naming.country_name("CD") == "Democratic Republic of Congo"
    assert naming.country_name(None) is None
    assert naming.country_name("QQ") is None


def test_state_forces_carry_the_regime_period():
    on = dt.date(2019, 1, 25)
    assert naming.state_forces("SY", on=on) == "Military Forces of Syria (2000-)"
    assert naming.state_forces("IN", branch="police", on=on) == "Police Forces of India (2014-)"


def test_state_forces_take_the_article_acled_writes():
    assert naming.state_forces("CD", on=dt.date(2022, 3, 1)) == (
        "Military Forces of the Democratic Republic of Congo (2019-)"
    )
    assert naming.state_forces("US", branch="government", on=dt.date(2022, 3, 1)) == (
        "Government of the United States (2021-)"
    )


def test_regime_period_is_named_as_of_a_date():
    on = dt.date(2022, 1, 10)
    assert naming.state_forces("PK", on=on) == "Military Forces of Pakistan (2018-)"
    later = naming.state_forces("PK", on=on, as_of=dt.date(2022, 8, 1))
    assert later == "Military Forces of Pakistan (2018-2022)"
    assert naming.state_forces("PK", on=dt.date(2022, 5, 1)) == "Military Forces of Pakistan (2022-)"


def test_state_forces_fallbacks():
    assert naming.state_forces("FJ") == "Military Forces of Fiji"  # no regime known: no year
    assert naming.state_forces(None) == "Military Forces"
    with pytest.raises(ConfigError):
        naming.state_forces("SY", branch="navy")


def test_collective_actors_are_country_qualified():
    assert naming.civilians("SY") == "Civilians (Syria)"
    assert naming.protesters("FR") == "Protesters (France)"
    assert naming.rioters("KE") == "Rioters (Kenya)"
    assert naming.unidentified_armed_group("MX") == "Unidentified Armed Group (Mexico)"
    assert naming.civilians(None) == "Civilians"


def test_interaction_codes():
    assert naming.interaction(2, 1) == 12
    assert naming.interaction(8, 1) == 18
    assert naming.interaction(6, None) == 60
    assert naming.interaction(None, 7) == 70
    assert naming.interaction(None, None) is None
    with pytest.raises(ConfigError):
        naming.interaction(9, 1)


@given(st.integers(1, 8), st.integers(1, 8))
def test_interaction_is_symmetric_and_ordered(a, b):
    code = naming.interaction(a, b)
    assert code == naming.interaction(b, a)
    assert code // 10 == min(a, b) and code % 10 == max(a, b)


def test_inter_constants_cover_the_eight_types():
    assert sorted(naming.INTER) == list(range(1, 9))
    assert naming.INTER[naming.EXTERNAL] == "External/Other Forces"
