"""The Charter's voting rules: hand cases, monotonicity, and every recorded Council outcome."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import unlearn
from unlearn.charter import council_size, ga_adopted, permanent_members, sc_adopted
from unlearn.data.ingest import curated

# ---------------------------------------------------------------- General Assembly, Art. 18


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "important", "adopted"),
    [
        (93, 18, 65, False, True),  # ES-11/7: abstentions do not count
        (10, 9, 150, False, True),  # a majority of those voting, however many abstain
        (9, 9, 0, False, False),  # a tie rejects (rule 95)
        (0, 0, 100, False, False),  # nobody voted yes or no
        (100, 50, 0, True, True),  # exactly two thirds is enough
        (99, 50, 0, True, False),  # just under two thirds
        (60, 31, 20, True, False),  # 61 needed
        (61, 30, 90, True, True),
    ],
)
def test_ga_adopted(yes, no, abstain, important, adopted):
    decision = ga_adopted(yes, no, abstain, important=important)
    assert decision.adopted is adopted
    assert bool(decision) is adopted
    assert ("Art. 18" in decision.reason) or ("rule" in decision.reason)


def test_decisions_print_as_a_sentence():
    text = str(ga_adopted(93, 18, 65))
    assert text.startswith("Adopted: 93 in favour to 18 against")
    assert repr(ga_adopted(9, 9)).startswith("Not adopted: the vote is tied")
    assert "<b" in ga_adopted(1, 0)._repr_html_()


def test_ga_rejects_impossible_counts():
    with pytest.raises(ValueError, match="whole number"):
        ga_adopted(-1, 0)
    with pytest.raises(ValueError, match="whole number"):
        ga_adopted(2.5, 0)


# ---------------------------------------------------------------- Security Council, Art. 27


def test_council_size_by_era():
    assert council_size("1965-12-31") == (11, 7)
    assert council_size("1966-01-01") == (15, 9)
    assert permanent_members("1971-10-24")[0] == "TWN" and permanent_members("1971-10-25")[0] == "CHN"
    assert "SUN" in permanent_members("1991-12-23") and "RUS" in permanent_members("1991-12-24")


def test_seven_of_eleven_before_1966_nine_of_fifteen_after():
    tally = {"yes": 8, "no": 0, "abstain": 3}
    assert sc_adopted(tally, date="1960-06-01").adopted
    assert not sc_adopted(tally, date="1970-06-01").adopted
    assert "9 needed" in sc_adopted(tally, date="1970-06-01").reason


def test_permanent_no_vetoes_unless_procedural():
    tally = {"yes": 11, "no": 1, "abstain": 3}
    vetoed = sc_adopted(tally, permanent_against=["RUS"], date="2022-02-25")
    assert not vetoed.adopted and "vetoed" in vetoed.reason and "Russia" in vetoed.reason
    procedural = sc_adopted(tally, procedural=True, permanent_against=["RUS"], date="2022-02-27")
    assert procedural.adopted and "procedural" in procedural.reason
    assert sc_adopted(tally, date="2022-02-27").adopted  # an elected member's no is no veto


def test_abstention_or_absence_of_a_permanent_member_is_no_veto():
    elected = {f"E{c}{c}": "yes" for c in "ABCDEFGHI"}  # nine elected members, made-up codes
    votes = {
        **elected,
        "USA": "yes",
        "GBR": "abstain",
        "FRA": "absent",
        "RUS": "yes",
        "CHN": "abstain",
    }
    decision = sc_adopted(votes, date="2020-01-01")
    assert decision.adopted and "abstention or absence is no veto" in decision.reason
    assert not sc_adopted({**votes, "CHN": "no"}, date="2020-01-01").adopted


def test_member_votes_as_a_frame():
    frame = pd.DataFrame(
        {
            "iso3": ["USA", "RUS", "CHN", "GBR", "FRA"] + [f"E{c}{c}" for c in "ABCDEFGHIJ"],
            "vote": ["yes", "no", "abstain", "yes", "yes"] + ["yes"] * 10,
        }
    )
    assert not sc_adopted(frame, date="2023-01-01").adopted
    assert sc_adopted(frame, procedural=True, date="2023-01-01").adopted


def test_sc_rejects_impossible_input():
    with pytest.raises(ValueError, match="had 11 members"):
        sc_adopted({"yes": 12, "no": 0, "abstain": 0}, date="1950-01-01")
    with pytest.raises(ValueError, match="permanent members named against"):
        sc_adopted({"yes": 13, "no": 0, "abstain": 2}, permanent_against=["USA"])
    with pytest.raises(ValueError, match="unknown vote"):
        sc_adopted({"USA": "maybe"})
    with pytest.raises(TypeError, match="tally"):
        sc_adopted([9, 0, 6])


# ---------------------------------------------------------------- monotone: a yes never hurts


@given(st.integers(0, 200), st.integers(0, 200), st.integers(0, 200), st.booleans())
def test_ga_rule_is_monotone_in_yes(yes, no, abstain, important):
    before = ga_adopted(yes, no, abstain, important=important).adopted
    after = ga_adopted(yes + 1, no, abstain, important=important).adopted
    assert after >= before
    if no > 0:  # a no turned into a yes never hurts either
        assert ga_adopted(yes + 1, no - 1, abstain, important=important).adopted >= before


@given(
    st.integers(0, 15),
    st.integers(0, 15),
    st.integers(0, 15),
    st.booleans(),
    st.sampled_from(["1960-01-01", "2020-01-01"]),
    st.integers(0, 2),
)
def test_sc_rule_is_monotone_in_yes(yes, no, abstain, procedural, date, vetoes):
    size, _ = council_size(date)
    if yes + no + abstain + 1 > size or vetoes > no:
        return
    against = ["USA", "GBR"][:vetoes]
    before = sc_adopted({"yes": yes, "no": no, "abstain": abstain}, procedural, date, against).adopted
    after = sc_adopted({"yes": yes + 1, "no": no, "abstain": abstain}, procedural, date, against).adopted
    assert after >= before
    if vetoes:  # a permanent member's no turned into a yes never hurts
        fewer = sc_adopted({"yes": yes + 1, "no": no - 1, "abstain": abstain}, procedural, date, against[1:])
        assert fewer.adopted >= before


# ---------------------------------------------------------------- every recorded outcome


def test_every_recorded_resolution_is_adopted_under_art_27(built):
    resolutions = unlearn.sc_resolutions()
    votes = unlearn.sc_votes()
    recorded = resolutions[resolutions["voting"] == "recorded vote"]
    failures = []
    for row in recorded.itertuples():
        members = votes[votes["symbol"] == row.symbol]
        if not sc_adopted(members, procedural=bool(row.procedural), date=row.date).adopted:
            failures.append(row.symbol)
    assert failures == []
    assert len(recorded) > 1500


def test_resolution_2623_is_adopted_because_procedural(built):
    resolutions = unlearn.sc_resolutions().set_index("symbol")
    votes = unlearn.sc_votes()
    members = votes[votes["symbol"] == "S/RES/2623"]
    row = resolutions.loc["S/RES/2623"]
    assert (row["yes"], row["no"], row["abstain"]) == (11, 1, 3) and row["procedural"]
    assert sc_adopted(members, procedural=True, date=row["date"]).adopted
    assert not sc_adopted(members, procedural=False, date=row["date"]).adopted


def test_curated_procedural_votes_pass_only_as_procedural():
    table = curated.read("sc_procedural_votes", dates=("date",))
    for row in table.itertuples():
        tally = {"yes": int(row.yes), "no": int(row.no), "abstain": int(row.abstain)}
        against = row.negative_permanent_iso3.split(";")
        assert sc_adopted(tally, True, row.date, against).adopted, row.symbol
        assert not sc_adopted(tally, False, row.date, against).adopted, row.symbol


def test_every_veto_with_a_known_tally_fails(built):
    vetoes = unlearn.vetoes()
    known = vetoes.dropna(subset=["yes", "no", "abstain"])
    assert len(known) >= 20  # the upstream list carries no tallies: the curated vetoes since 2022 do
    for text, rows in known.groupby("vetoed_text"):
        first = rows.iloc[0]
        tally = {"yes": int(first["yes"]), "no": int(first["no"]), "abstain": int(first["abstain"])}
        decision = sc_adopted(tally, date=first["date"], permanent_against=sorted(set(rows["member_iso3"])))
        assert not decision.adopted, (text, first["draft"], tally)
