"""The lesson functions of notebooks 04-07 (unlearn.lessons), on the real tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import unlearn
from unlearn import lessons
from unlearn.analysis.agreement import agreement, seat_series
from unlearn.analysis.divergence import alignment_shift, divergence_from_own_past, vote_shares
from unlearn.lessons import factcheck


@pytest.fixture(scope="module", autouse=True)
def _built(built):
    return built


# ---------------------------------------------------------------- which votes, and what is known


def test_ukraine_resolutions_are_the_ukraine_texts():
    table = lessons.ukraine_resolutions()
    symbols = list(table["symbol"])
    assert symbols[0] == "A/RES/68/262"
    # the ES-11 texts, including the two whose titles do not name Ukraine
    assert {"A/RES/ES-11/3", "A/RES/ES-11/8", "A/RES/ES-11/10"} <= set(symbols)
    assert table["date"].is_monotonic_increasing
    assert not table["title"].str.contains("LEBANON").any()
    kinds = unlearn.ga_roll_calls().set_index("rcid").loc[table["rcid"], "kind"]
    assert set(kinds) == {"resolution"}
    assert set(lessons.KEY_UKRAINE_VOTES) <= set(symbols)


def test_votes_on_reads_each_state_and_says_unknown():
    table = lessons.votes_on(["A/RES/ES-11/1", "A/RES/ES-11/7", "A/RES/ES-11/9"], ["USA", "RUS", "SUN"])
    rows = table.set_index("symbol")
    assert rows.loc["A/RES/ES-11/1", "United States"] == "yes"
    assert rows.loc["A/RES/ES-11/7", ["United States", "Russia"]].tolist() == ["no", "no"]
    assert rows.loc["A/RES/ES-11/9", "United States"] == "yes"  # Kyiv Independent; Reuters
    assert set(rows["Soviet Union"]) == {"not a member"}
    assert rows.loc["A/RES/ES-11/7", "known"] == "132 of 193"
    assert rows.loc["A/RES/ES-11/7", "tally"] == "93-18-65"


def test_votes_on_unknown_symbol_is_a_clear_error():
    expected = r"no recorded General Assembly vote on .A/RES/ES-11/99.. Did you mean: .*Symbols look like"
    with pytest.raises(ValueError, match=expected):
        lessons.votes_on(["A/RES/ES-11/99"], ["USA"])


def test_voeten_subject_heading_is_replaced_by_the_title():
    table = lessons.votes_on(["A/RES/68/262"], ["USA"])
    assert table["title"].iloc[0] == "Territorial integrity of Ukraine"


def test_known_breakdown_partly_known_vote():
    table = lessons.known_breakdown("A/RES/ES-11/7").set_index("vote")
    assert table["published"].tolist() == [93, 18, 65, 17]
    assert table["named"].tolist() == [93, 18, 21, 0]
    assert table["not_named"].tolist() == [0, 0, 44, 17]
    assert table.attrs["members"] == 193
    assert table.attrs["unknown"] == 61
    assert int(table["published"].sum()) == table.attrs["members"]


def test_known_breakdown_fully_recorded_vote():
    table = lessons.known_breakdown("A/RES/ES-11/1")
    assert table.attrs["unknown"] == 0
    assert (table["not_named"] == 0).all()
    sentence = lessons.what_is_known("A/RES/ES-11/1")
    assert "every member's vote is recorded" in sentence


def test_what_is_known_names_the_gap():
    sentence = lessons.what_is_known("A/RES/ES-11/9")
    assert "2 of the 91 yes votes, 12 of the 12 no votes" in sentence
    assert "156 of the 193 members are not known" in sentence


# ---------------------------------------------------------------- agreement split and shift


def test_agreement_on_and_off_adds_up_to_agreement():
    split = lessons.agreement_on_and_off(years=(2014, 2026)).set_index("year")
    whole = agreement("USA", seat_series("Russia"), years=(2014, 2026)).set_index("year")
    for year in whole.index:
        assert split.loc[year, "ukraine_votes"] + split.loc[year, "other_votes"] == whole.loc[year, "votes"]
    # 2025, by hand: ES-11/7 both no (same), ES-11/8 US abstain / Russia no (not the same),
    # ES-11/9 and 80/223 US yes / Russia no (opposite): 1 of 4
    assert split.loc[2025, "ukraine_votes"] == 4
    assert math.isclose(split.loc[2025, "ukraine_agreement"], 1 / 4)
    assert split.loc[2022, "ukraine_agreement"] == 0.0


def test_agreement_on_and_off_without_symbols_is_plain_agreement():
    split = lessons.agreement_on_and_off("USA", "FRA", symbols=[], years=(2020, 2025)).set_index("year")
    whole = agreement("USA", "FRA", years=(2020, 2025)).set_index("year")
    assert (split["ukraine_votes"] == 0).all()
    pd.testing.assert_series_equal(split["other_agreement"], whole["agreement"], check_names=False)


def test_alignment_shift_without_nothing_left_out_is_alignment_shift():
    table = lessons.alignment_shift_without(symbols=[], reference_years=(2015, 2024))
    plain = alignment_shift("USA", 2025, reference_years=(2015, 2024))
    pd.testing.assert_series_equal(table["z_without"], plain["z"], check_names=False)
    pd.testing.assert_series_equal(table["z"], plain["z"], check_names=False)


def test_alignment_shift_without_ukraine_drops_those_votes():
    table = lessons.alignment_shift_without().set_index("partner")
    every = alignment_shift("USA", 2025).set_index("partner")
    # the US and France both voted on ES-11/7, ES-11/8 and 80/223 in 2025
    assert table.loc["France", "votes_without"] == every.loc["France", "votes"] - 3
    assert table.loc["France", "z_without"] < -3  # the shift survives


# ---------------------------------------------------------------- the US record


def test_recurring_or_new_adds_up_to_divergence():
    table = lessons.recurring_or_new(years=[2025]).set_index("texts")
    past = divergence_from_own_past("USA", 2025)
    assert table.loc["recurring", "votes"] == len(past.resolutions)
    assert table.loc["first time", "votes"] == len(past.first_recorded)
    assert table.loc["recurring", "usually_no"] == int((past.resolutions["usual_vote"] == "no").sum())
    assert pd.isna(table.loc["first time", "usually_no"])
    assert table["share_no"].min() >= 0 and table["share_no"].max() <= 1


def test_by_us_term_covers_every_vote_once():
    table = lessons.by_us_term()
    shares = vote_shares("USA")
    assert int(table["votes"].sum()) == int(shares["cast"].sum())
    assert int(table["no"].sum()) == int(shares["no"].sum())
    starts = pd.to_datetime(table["from"])
    assert starts.is_monotonic_increasing
    ends = pd.to_datetime(table["to"].iloc[:-1])
    assert ((starts.iloc[1:].to_numpy() - ends.to_numpy()) == pd.Timedelta(days=1)).all()
    assert table["president"].iloc[-1] == "Trump (2025-)"


def test_agreement_by_era_keeps_the_two_chinas_apart():
    table = lessons.agreement_by_era("USA", ["TWN", "CHN", "Russia"])
    taiwan = table[table["partner"] == "Taiwan (Republic of China)"]
    assert list(taiwan["era"]) == ["1946–1991"]
    prc = table[(table["partner"] == "China") & (table["era"] == "1946–1991")].iloc[0]
    expected = agreement("USA", "CHN", by=None, years=(1946, 1991)).iloc[0]
    assert prc["votes"] == expected["votes"]
    assert prc["agreement"] == round(float(expected["agreement"]), 3)
    assert "Soviet Union / Russia" in set(table["partner"])


def test_agreement_by_era_several_definitions():
    table = lessons.agreement_by_era("USA", ["France"], definition=["exact", "votes_only"])
    assert set(table["definition"]) == {"exact", "votes_only"}
    assert len(table) == 2 * len(lessons.AGREEMENT_ERAS)


def test_ideal_point_positions_ranks():
    table = lessons.ideal_point_positions(["USA", "RUS"], years=(2020, 2025))
    assert (table["rank"] >= 1).all() and (table["rank"] <= table["of"]).all()
    assert table.loc[table["iso3"] == "USA", "rank"].max() <= 3
    assert (table["year"] == table["session"] + 1945).all()


# ---------------------------------------------------------------- series to draw


def test_agreement_definitions_order():
    table = lessons.agreement_definitions(years=(1946, 2026))
    assert list(table.columns) == ["year", "coverage", "exact", "lijphart", "votes_only", "state_dept"]
    # Lijphart adds half a point for each split abstention, so it never falls below exact
    assert (table["lijphart"] >= table["exact"] - 1e-12).all()
    assert 1964 not in set(table["year"])  # no recorded votes that year


def test_agreement_series_prc_starts_in_1971():
    table = lessons.agreement_series(partners=["China", "Russia"], years=(1946, 2026))
    first = int(table.loc[table["China"].notna(), "year"].min())
    assert first == 1971
    assert table["Soviet Union / Russia"].notna().all()


def test_ideal_point_series_follows_the_russian_seat():
    table = lessons.ideal_point_series(["USA", "RUS"], years=(1985, 1995))
    assert table["Russia"].notna().all()
    assert table["year"].min() <= 1988 and table["year"].max() >= 1993


# ---------------------------------------------------------------- Council and fact-checking


def test_council_vote_2774():
    table = lessons.council_vote("S/RES/2774 (2025)")
    assert table.attrs["tally"] == "10-0-5"
    assert len(table) == 15
    abstained = table[table["vote"] == "abstain"]
    assert set(abstained["iso3"]) == {"GBR", "FRA", "DNK", "GRC", "SVN"}
    assert list(table["seat"][:5]) == ["permanent"] * 5


def test_claim_cards_and_verdicts():
    text = lessons.claim_cards()
    ids = factcheck.claims()["claim_id"].astype(int)
    assert all(f"Claim {i} (" in text for i in ids)
    table = lessons.verdict_table({2: ("inaccurate", "18, not 19")})
    assert table.set_index("claim_id").loc[2, "verdict"] == "inaccurate"
    assert (table["verdict"] == "not checked").sum() == len(ids) - 1
    with pytest.raises(ValueError, match="not one of"):
        lessons.verdict_table({2: ("true", "")})
    with pytest.raises(ValueError, match="no claim 99"):
        lessons.verdict_table({99: ("accurate", "")})


def test_states_voting_lists_and_unknown():
    no = lessons.states_voting("A/RES/ES-11/7", "no")
    assert len(no) == 18 and no == sorted(no)
    assert {"United States", "Russia", "Hungary", "Israel"} <= set(no)
    assert "Syria" not in no  # reports conflict: left out, not guessed
    assert "Syria" in lessons.states_voting("A/RES/ES-11/7", "unknown")


def test_vetoes_on_the_day():
    table = lessons.vetoes_on("2025-02-24")
    assert list(table["member"]) == ["Russia", "Russia"]
    assert set(table["kind"]) == {"amendment"}
    assert lessons.vetoes_on("2025-02-25").empty


def test_curated_roll_call_and_inferred_symbol():
    record = lessons.curated_roll_call("A/RES/ES-11/10")
    assert record["symbol_basis"] == "inferred"
    assert "inferred" in lessons.what_is_known("A/RES/ES-11/10")
    assert "inferred" not in lessons.what_is_known("A/RES/ES-11/7")
    with pytest.raises(ValueError, match="not one of the curated"):
        lessons.curated_roll_call("A/RES/ES-11/1")


def test_verdict_report_shows_only_given_claims():
    text = lessons.verdict_report({2: ("inaccurate", "the tally says otherwise")})
    assert text.startswith("Claim 2: inaccurate")
    assert "Why: the tally says otherwise" in text
    assert "Claim 1" not in text


def test_the_running_term_says_where_its_data_end():
    # the last row read "to: None", so a term known only to June 2026 looked whole
    table = lessons.by_us_term()
    assert table["to"].iloc[-1] == lessons.data_end().date()
    assert table["to"].notna().all()


def test_partial_year_is_named_and_per_year_figures_stop_before_it():
    end = lessons.data_end()
    assert lessons.last_full_year() == end.year - 1  # the data end in mid-2026
    assert f"{end.year} is a partial year" in lessons.partial_year_note()
