"""Known facts, checked on the real tables built from the offline mirror."""

from __future__ import annotations

import pandas as pd
import pytest

import unlearn
from unlearn.data import cache, validate


@pytest.fixture(scope="module")
def calls(built):
    return unlearn.ga_roll_calls()


@pytest.fixture(scope="module")
def votes(built):
    return unlearn.ga_votes()


def vote_of(calls, votes, symbol, iso3):
    rcid = calls.loc[calls["symbol"] == symbol, "rcid"].iloc[0]
    return votes[(votes["rcid"] == rcid) & (votes["iso3"] == iso3)]["vote"].iloc[0]


def counted(calls, votes, symbol):
    rcid = calls.loc[calls["symbol"] == symbol, "rcid"].iloc[0]
    return votes[votes["rcid"] == rcid]["vote"].value_counts()


def test_pinned_counts(built):
    report = cache.manifest()["validation"]
    assert report["voeten_roll_calls"] == 6203
    assert report["dgacm_roll_calls_with_votes"] == 731  # with A/RES/75/254 A-C, tally only


def test_crimea_68_262(calls, votes):
    row = calls[calls["symbol"] == "A/RES/68/262"].iloc[0]
    assert row["date"] == pd.Timestamp("2014-03-27")
    assert (row["yes"], row["no"], row["abstain"]) == (100, 11, 58)
    assert vote_of(calls, votes, "A/RES/68/262", "USA") == "yes"
    assert vote_of(calls, votes, "A/RES/68/262", "RUS") == "no"


def test_es_11_1(calls, votes):
    row = calls[calls["symbol"] == "A/RES/ES-11/1"].iloc[0]
    assert (row["yes"], row["no"], row["abstain"]) == (141, 5, 35)
    assert row["emergency_session"] == "ES-11"
    assert vote_of(calls, votes, "A/RES/ES-11/1", "USA") == "yes"


def test_es_11_7_known_rows_and_unknowns(calls, votes):
    row = calls[calls["symbol"] == "A/RES/ES-11/7"].iloc[0]
    assert (row["yes"], row["no"], row["abstain"]) == (93, 18, 65)
    cast = counted(calls, votes, "A/RES/ES-11/7")
    assert cast["yes"] == 93 and cast["no"] == 18 and cast["abstain"] == 21
    assert cast.get("absent", 0) == 0  # unknown is never absent
    assert vote_of(calls, votes, "A/RES/ES-11/7", "USA") == "no"
    assert vote_of(calls, votes, "A/RES/ES-11/7", "HUN") == "no"
    rcid = row["rcid"]
    rows = votes[votes["rcid"] == rcid]
    assert len(rows) == 193 and (rows["vote_basis"] == "unknown").sum() == 193 - 93 - 18 - 21
    assert rows.loc[rows["vote_basis"] == "unknown", "vote"].isna().all()


def test_es_11_8_9_10_tallies(calls):
    by = calls.set_index("symbol")
    assert tuple(by.loc["A/RES/ES-11/8", ["yes", "no", "abstain"]]) == (93, 8, 73)
    assert tuple(by.loc["A/RES/ES-11/9", ["yes", "no", "abstain"]]) == (91, 12, 57)
    assert tuple(by.loc["A/RES/ES-11/10", ["yes", "no", "abstain"]]) == (107, 12, 51)


MERGED_ES11 = {  # data/ga_curated_votes.csv after merging un-facts v2 (its README section 6)
    "A/RES/ES-11/7": {"yes": 93, "no": 18, "abstain": 21},
    "A/RES/ES-11/8": {"yes": 32, "no": 2, "abstain": 12},
    "A/RES/ES-11/9": {"yes": 2, "no": 12, "abstain": 23},
    "A/RES/ES-11/10": {"yes": 10, "no": 12, "abstain": 18, "absent": 2},
}


@pytest.mark.parametrize("symbol", sorted(MERGED_ES11))
def test_es11_named_votes_after_the_v2_merge(calls, votes, symbol):
    cast = {vote: n for vote, n in counted(calls, votes, symbol).items() if n}
    assert cast == MERGED_ES11[symbol]


def test_es_11_9_us_yes_and_complete_no_list(calls, votes):
    # Kyiv Independent: "The U.S. supported the resolution"; the 12 no votes are all named
    assert vote_of(calls, votes, "A/RES/ES-11/9", "USA") == "yes"
    assert vote_of(calls, votes, "A/RES/ES-11/9", "RUS") == "no"
    assert pd.isna(vote_of(calls, votes, "A/RES/ES-11/9", "NGA"))  # conflicting reports stay unknown


def test_us_abstained_on_its_own_amended_text(calls, votes):
    assert vote_of(calls, votes, "A/RES/ES-11/8", "USA") == "abstain"


def test_sc_2774_and_2623(built):
    res = unlearn.sc_resolutions().set_index("symbol")
    assert tuple(res.loc["S/RES/2774", ["yes", "no", "abstain"]]) == (10, 0, 5)
    assert tuple(res.loc["S/RES/2623", ["yes", "no", "abstain"]]) == (11, 1, 3)
    assert res.loc["S/RES/2623", "procedural"]
    sc = unlearn.sc_votes()
    abstained = sc[(sc["symbol"] == "S/RES/2774") & (sc["vote"] == "abstain")]["iso3"]
    assert sorted(abstained) == ["DNK", "FRA", "GBR", "GRC", "SVN"]
    russia = sc[(sc["symbol"] == "S/RES/2623") & (sc["iso3"] == "RUS")]
    assert russia["vote"].iloc[0] == "no" and russia["permanent"].iloc[0]


def test_symbols_in_un_form_for_each_era(calls):
    symbols = set(calls["symbol"].dropna())
    for expected in ("A/RES/2758(XXVI)", "A/RES/68/262", "A/RES/ES-11/7", "A/RES/66(I)", "A/RES/997(ES-I)"):
        assert expected in symbols, expected
    assert not calls["symbol"].dropna().str.match(r"^(R|ESS|SS)/").any()


def test_rcid_unique_and_every_vote_has_its_roll_call(calls, votes):
    assert calls["rcid"].is_unique
    assert set(votes["rcid"].unique()) <= set(calls["rcid"])
    assert not votes.duplicated(["rcid", "iso3"]).any()


def test_seats_are_not_spliced(calls, votes):
    """The China seat: TWN until 25 Oct 1971, CHN after; the USSR seat: SUN, then RUS."""
    dated = votes.merge(calls[["rcid", "date"]], on="rcid")
    assert dated.loc[dated["iso3"] == "TWN", "date"].max() <= pd.Timestamp("1971-10-25")
    assert dated.loc[dated["iso3"] == "CHN", "date"].min() >= pd.Timestamp("1971-10-25")
    assert dated.loc[dated["iso3"] == "SUN", "date"].max() < pd.Timestamp("1991-12-24")
    assert dated.loc[dated["iso3"] == "RUS", "date"].min() >= pd.Timestamp("1991-12-24")


def test_non_members_have_no_rows(calls, votes):
    rcid = calls.loc[calls["symbol"] == "A/RES/68/262", "rcid"].iloc[0]
    assert len(votes[votes["rcid"] == rcid]) == 193
    assert "SSD" in set(votes[votes["rcid"] == rcid]["iso3"])
    assert "SUN" not in set(votes[votes["rcid"] == rcid]["iso3"])


def test_published_tallies_match_rows_or_are_known_quirks(built):
    report = cache.manifest()["validation"]
    assert report["ga_tally_mismatches_unexplained"] == []
    assert report["sc_tally_mismatches_unexplained"] == []


def test_session_74_overlap_agrees(built):
    overlap = cache.manifest()["validation"]["session_74_overlap"]
    assert overlap["roll_calls"] == 90
    assert overlap["agreement"] >= 0.99


def test_no_votes_outside_membership(built):
    assert cache.manifest()["validation"]["votes_outside_membership"] == []


def test_country_lookup_and_suggestions(built):
    assert unlearn.iso3("Russia") == "RUS" and unlearn.iso3("Soviet Union") == "SUN"
    assert unlearn.iso3("CHINA", on="1960-01-01") == "TWN" and unlearn.iso3("China") == "CHN"
    assert unlearn.iso3("TÜRKİYE") == "TUR" and unlearn.iso3("Netherlands (Kingdom of the)") == "NLD"
    with pytest.raises(unlearn.UnknownNameError, match="Hungary"):
        unlearn.iso3("Hungry")


def test_tables_carry_citations(built):
    assert "Voeten" in unlearn.ga_votes().attrs["citation"]
    assert "United Nations" in unlearn.sc_resolutions().attrs["citation"]


def test_validation_helpers_work_on_small_frames():
    calls = pd.DataFrame(
        {
            "rcid": [1],
            "symbol": ["X"],
            "yes": [2],
            "no": [0],
            "abstain": [0],
            "tally_source": ["published"],
            "source": ["dgacm_ga"],
        }
    )
    votes = pd.DataFrame({"rcid": [1, 1], "vote": ["yes", "no"]})
    bad = validate.tally_mismatches(calls, votes)
    assert bad["symbol"].tolist() == ["X"]


def test_veto_totals_reproduce_published_figures(built):
    """The Library's totals, as glostat published them, equal our count from 24 Apr 2024;
    the 0/1 columns of the upstream list would have given France 7, not 16."""
    table = unlearn.data.tables.published_veto_totals()
    glostat = table[table["source"].str.contains("glostat")]
    assert len(glostat) == 6
    assert (glostat["counted_on_that_date"] == glostat["published"]).all()
    stated = glostat.set_index("member")["counted_on_stated_date"]
    assert stated["Russian Federation"] == 35 and stated["United States"] == 85
    statista = table[table["source"].str.contains("statista")]
    assert (statista["counted_on_that_date"] == statista["published"]).all()


def test_veto_totals_by_seat(built):
    by_member = unlearn.data.tables.veto_totals("2024-04-24").set_index("member_iso3")["vetoes"]
    by_seat = unlearn.data.tables.veto_totals("2024-04-24", by="seat").set_index("member_iso3")["vetoes"]
    assert by_seat["RUS"] == by_member["RUS"] + by_member["SUN"] == 128


def test_unbis_issue_mapping_checked_on_the_2019_overlap(built):
    rows = cache.manifest()["validation"]["issue_mapping_on_2019_overlap"]
    checkable = [r for r in rows if r["checkable"]]
    assert {r["issue"] for r in checkable} == {"me", "nu", "di", "hr"}
    assert all(r["roll_calls"] == 90 and r["agreement"] >= 0.8 for r in checkable)


def test_dates_of_early_sessions_are_flagged_approximate(calls):
    early = calls[(calls["source"] == "voeten") & (calls["session"] <= 51)]
    assert early["date_approximate"].all()
    assert not calls.loc[calls["symbol"] == "A/RES/68/262", "date_approximate"].iloc[0]


def test_council_has_ten_elected_members_every_year(built):
    votes = unlearn.sc_votes().merge(unlearn.sc_resolutions()[["symbol", "year"]], on="symbol")
    seats = votes.groupby("year")["iso3"].nunique()
    assert (seats == 15).all(), seats[seats != 15]
    dated = unlearn.sc_resolutions().set_index("symbol")["date"]
    assert dated["S/RES/2423"] == pd.Timestamp("2018-06-28")


def test_s2001_270_dated_as_the_meeting_record_dates_it(built):
    """The upstream list dates S/2001/270 12 April 2001; SC/7040 and S/PV.4305: 27 March."""
    row = unlearn.vetoes().query("draft == 'S/2001/270'")
    assert row["date"].tolist() == [pd.Timestamp("2001-03-27")]
    assert row[["yes", "no", "abstain", "meeting"]].values.tolist() == [[9, 1, 4, "S/PV.4305"]]


def test_republic_of_china_veto_counted_in_the_china_seat(built):
    """The ROC's one veto (Mongolia, 13 Dec 1955) is added: the China seat has one more than
    the Library's list, whose figure (glostat's 19) stays the PRC's alone."""
    per = unlearn.vetoes_per_member(by_seat=True).set_index("member_iso3")
    assert per.loc["CHN", "first"] == pd.Timestamp("1955-12-13")
    on_day = unlearn.data.tables.veto_totals("2024-04-24")
    seats = unlearn.data.tables.veto_totals("2024-04-24", by="seat").set_index("member_iso3")["vetoes"]
    states = on_day.set_index("member_iso3")["vetoes"]
    assert (states["TWN"], states["CHN"], seats["CHN"]) == (1, 19, 20)


def test_vetoes_in_the_upstream_list_carry_the_curated_tallies(built):
    from unlearn.widgets.veto_timeline import recent_vetoes

    counts = recent_vetoes(since="2022-01-01").set_index("draft")["count"]
    assert counts[["S/2022/155", "S/2022/431", "S/2022/538"]].tolist() == ["11-1-3", "13-2-0", "13-1-1"]


def test_a_veto_fix_that_matches_nothing_stops_the_build():
    from unlearn.data import build
    from unlearn.data.ingest import curated
    from unlearn.errors import SourceFormatError

    fixes = curated.read("sc_veto_fixes", dates=("upstream_date", "date"))
    listed = pd.DataFrame({"date": [pd.Timestamp("2001-04-13")], "draft": ["S/2001/270"], "member_iso3": ["USA"]})
    with pytest.raises(SourceFormatError, match="matches 0 upstream vetoes"):
        build._with_veto_fixes(listed, fixes)


def test_budget_75_254_keeps_its_published_tally_with_member_votes_unknown(calls, votes):
    """The DGACM record of A/RES/75/254 A-C (programme budget for 2021) says "By a recorded
    vote", 168-2-0, with all three member lists empty: the roll call is kept with that tally,
    and no member is counted absent (ga_known_quirks.csv: published_tally_kept)."""
    row = calls[calls["symbol"] == "A/RES/75/254 A-C"]
    assert len(row) == 1, "A/RES/75/254 A-C is missing from ga_roll_calls"
    row = row.iloc[0]
    assert (row["yes"], row["no"], row["abstain"]) == (168, 2, 0)
    assert row["date"] == pd.Timestamp("2020-12-31") and row["tally_source"] == "published"
    members = votes[votes["rcid"] == row["rcid"]]
    assert len(members) == 193
    assert members["vote"].isna().all() and (members["vote_basis"] == "unknown").all()
