"""how_voted and the dated groupings: hand-made examples and one real roll call."""

from __future__ import annotations

import pandas as pd
import pytest

import unlearn
from unlearn.analysis import eu_members, how_voted, regional_group_members, toy_assembly

EU = pd.DataFrame(
    {
        "iso3": ["FRA", "GBR", "DEU"],
        "joined": ["1958-01-01", "1973-01-01", "1958-01-01"],
        "left": [None, "2020-01-31", None],
    }
)
GROUPS = pd.DataFrame(
    {
        "iso3": ["USA", "FRA", "GBR", "DEU", "RUS", "SUN", "CHN", "KEN", "KIR"],
        "group": ["Western European and Others"] * 4
        + ["Eastern European"] * 2
        + ["Asia-Pacific", "African", "Asia-Pacific"],
        "valid_from": ["1945-10-24"] * 4 + ["1991-12-24", "1945-10-24", "1971-10-25", "1963-12-16", None],
        "valid_to": [None] * 5 + ["1991-12-23", None, None, None],
    }
)


def frames(date):
    states = {
        "USA": "n",
        "FRA": "y",
        "GBR": "y",
        "DEU": "a",
        "RUS": "n",
        "CHN": "a",
        "KEN": "x",
        "KIR": "?",
    }
    return toy_assembly(states, [date], symbol="A/RES/99/1", kind="resolution")


def table(date, groups):
    votes, calls = frames(date)
    out = how_voted(
        "A/RES/99/1",
        groups=groups,
        votes=votes,
        roll_calls=calls,
        eu_membership=EU,
        regional_groups=GROUPS,
    )
    return out.set_index("group")


def test_breakdown_by_p5_eu_and_states():
    t = table("2019-06-01", ["P5", "EU", "United States", "KEN"])
    assert t.loc["All members", ["members", "yes", "abstain", "no", "absent", "unknown"]].tolist() == [8, 2, 2, 2, 1, 1]
    assert t.loc["P5", ["yes", "abstain", "no"]].tolist() == [2, 1, 2]
    assert t.loc["P5", "most_common"] == "split"  # 2 yes, 2 no: a tie
    assert t.loc["EU", ["members", "yes", "abstain"]].tolist() == [3, 2, 1] and t.loc["EU", "most_common"] == "yes"
    assert t.loc["United States", "most_common"] == "no" and t.loc["KEN", "most_common"] == "absent"


def test_eu_as_of_the_date():
    assert table("2020-06-01", ["EU"]).loc["EU", "members"] == 2  # the UK had left
    assert eu_members("2020-01-31", EU) == ["DEU", "FRA", "GBR"]
    assert eu_members("1972-12-31", EU) == ["DEU", "FRA"]


def test_regional_groups_with_dates_and_unknowns():
    t = table("2019-06-01", "regional groups")
    assert t.loc["Western European and Others", ["members", "yes", "no", "abstain"]].tolist() == [
        4,
        2,
        1,
        1,
    ]
    assert t.loc["Eastern European", "no"] == 1  # RUS from 1991-12-24, not the USSR's row
    assert t.loc["Latin American and Caribbean", "members"] == 0
    # Kiribati's start in its group is not known: it is counted apart, not guessed
    assert t.loc["no regional group (or not known)", "unknown"] == 1
    assert regional_group_members("Eastern European", "1980-01-01", GROUPS) == ["SUN"]


def test_p5_follows_the_seats():
    votes, calls = toy_assembly(
        {"TWN": "y", "SUN": "n", "USA": "y", "GBR": "y", "FRA": "a", "CHN": "-"},
        ["1960-06-01"],
        symbol="A/RES/1500(XV)",
    )
    t = how_voted("A/RES/1500(XV)", groups=["P5"], votes=votes, roll_calls=calls).set_index("group")
    assert t.loc["P5", ["members", "yes", "abstain", "no"]].tolist() == [5, 3, 1, 1]


def test_symbol_errors_suggest_close_ones():
    votes, calls = frames("2019-06-01")
    with pytest.raises(ValueError, match="Did you mean: A/RES/99/1"):
        how_voted("A/RES/99/11", votes=votes, roll_calls=calls)
    with pytest.raises(ValueError, match="not a UN regional group"):
        regional_group_members("Nordic", "2000-01-01", GROUPS)


def test_rcid_and_repeated_symbols():
    votes, calls = toy_assembly(
        {"USA": "yn", "FRA": "yy"},
        ["2019-06-01", "2019-06-01"],
        symbol="A/RES/99/2",
        kind=["paragraph", "resolution"],
    )
    t = how_voted("a/res/99/2", groups=[], votes=votes, roll_calls=calls)
    assert t.loc[0, "no"] == 1  # the vote on the whole resolution, not the paragraph
    assert how_voted(1, groups=[], votes=votes, roll_calls=calls).loc[0, "yes"] == 2


def test_es_11_7_on_the_real_data(built):
    t = unlearn.how_voted("A/RES/ES-11/7", groups=["P5", "EU", "regional groups", "United States"])
    t = t.set_index("group")
    assert t.loc["All members", ["yes", "no"]].tolist() == [93, 18]
    assert t.loc["P5", ["yes", "abstain", "no"]].tolist() == [2, 1, 2]
    assert t.loc["EU", "members"] == 27 and t.loc["EU", "no"] == 1  # Hungary
    assert t.loc["United States", "most_common"] == "no"
    assert t.loc[list(unlearn.analysis.groups.REGIONAL_GROUPS), "members"].sum() >= 192
