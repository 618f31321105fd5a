"""The coverage table and the incomplete years, on the real tables built from the mirror."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from unlearn.data import coverage


@pytest.fixture(scope="module")
def calls(built):
    import unlearn

    return unlearn.ga_roll_calls()


def test_voeten_holds_no_spring_votes_in_2016_2018_2019_and_five_in_2017(calls):
    voeten = calls[calls["source"] == "voeten"]
    spring = voeten[voeten["date"].dt.month <= 9].groupby(voeten["date"].dt.year).size()
    assert [int(spring.get(year, 0)) for year in (2016, 2017, 2018, 2019)] == [0, 5, 0, 0]
    assert spring.get(2015, 0) > 0  # the year before holds some: the gap is not the Assembly's calendar
    # the yearly June vote on Georgia's displaced persons is held in 2015 and 2017, not 2016
    june = voeten[voeten["symbol"].isin(["A/RES/69/286", "A/RES/71/290"])]
    assert sorted(june["date"].dt.strftime("%Y-%m")) == ["2015-06", "2017-06"]


def test_session_74_stops_with_voeten_on_14_january_2020(calls):
    session = calls[(calls["session"] == 74) & calls["source"].isin(["voeten", "dgacm_ga"])]
    assert session["date"].max() == pd.Timestamp("2020-01-14")


def test_every_known_gap_holds_what_its_row_says(built):
    checked = coverage.check_gaps()
    assert checked["agrees"].all(), checked[~checked["agrees"]].to_string()


def test_every_known_gap_cites_a_source_and_a_reason(built):
    gaps = coverage.known_gaps()
    assert gaps["source"].str.contains("http").all() and gaps["reason"].str.len().gt(20).all()


def test_incomplete_years_name_the_gaps_and_the_partial_year(built):
    years = coverage.incomplete_years(today="2026-12-02")
    assert {2016, 2018, 2019, 2020, 2026} <= set(years)
    assert "January to September 2018" in years[2018]
    assert "A/RES/74/266" in years[2020]
    assert "the data end on 4 June 2026" in years[2026] and "still under way" in years[2026]
    assert not {2014, 2015, 2017, 2021, 2022, 2023} & set(years)


def test_a_year_that_is_over_is_still_partial_when_the_data_stop_before_its_end(built):
    later = coverage.partial_years(today="2027-03-01")
    assert "still under way" not in later[2026] and "no votes in the data yet" in later[2027]


def test_coverage_table_counts_by_source_and_keeps_an_emptied_session(built):
    table = coverage.coverage_table(today="2026-12-02").set_index(["year", "session"])
    assert table.loc[(2018, 72), "roll_calls"] == 0 and table.loc[(2018, 72), "coverage"].startswith("partial:")
    assert table.loc[(2019, 74), "voeten"] > 0 and table.loc[(2020, 75), "dgacm_ga"] > 0
    assert (table.loc[(2014, 68), "coverage"]) == coverage.COMPLETE
    per_year = table.groupby(level="year")["roll_calls"].sum()
    assert per_year.loc[2021] == 86


def test_unlearn_data_coverage_prints_years_and_gaps(built):
    result = subprocess.run(
        [sys.executable, "-m", "unlearn.cli", "data", "coverage", "--today", "2026-12-02"],
        capture_output=True, text=True, timeout=120, check=True,
    )
    out = result.stdout
    assert "  2018      95      0" in out and "PARTIAL" in out
    assert "2026: " in out and "still under way (today is 2 December 2026)" in out
    assert "Known gaps" in out and "ga12146" in out


@pytest.mark.parametrize(
    "symbol, tally, us_vote",
    [
        ("A/RES/74/306", (169, 2, 2), "no"),
        ("A/RES/ES-10/23", (143, 9, 25), "no"),
        ("A/RES/ES-10/25", (159, 9, 11), "no"),
        ("A/RES/ES-10/26", (158, 9, 13), "no"),
        ("A/RES/ES-10/27", (149, 12, 19), "no"),
    ],
)
def test_gaps_filled_from_public_records_keep_the_published_tally_and_only_stated_votes(calls, symbol, tally, us_vote):
    import unlearn

    row = calls[calls["symbol"] == symbol].iloc[0]
    assert (row["yes"], row["no"], row["abstain"]) == tally and row["source"] == "curated"
    votes = unlearn.ga_votes()
    votes = votes[votes["rcid"] == row["rcid"]]
    assert votes.loc[votes["iso3"] == "USA", "vote"].iloc[0] == us_vote
    stated = votes[votes["vote_basis"] == "stated"]["vote"].value_counts()
    assert stated.get("no", 0) <= tally[1] and stated.get("abstain", 0) <= tally[2]
    assert (votes["vote_basis"] == "unknown").sum() > 0  # the rest stay unknown, never absent


def test_filled_gaps_close_and_the_years_say_only_what_is_still_missing(built):
    gaps = coverage.known_gaps().set_index("gap_id")
    assert not gaps.loc[["es10_23_2024", "es10_25_26_2024", "es10_2025_06_12"], "open"].any()
    assert gaps.loc["session74_2020", "open"]  # A/RES/74/307 and others not found
    years = coverage.incomplete_years(today="2026-12-02")
    assert "no source here holds" not in years[2024] and "country votes partly unknown" in years[2024]


def test_per_year_and_per_session_tables_carry_the_coverage_column(built):
    """Every per-year table the notebooks chart marks incomplete years in a column."""
    import unlearn
    from unlearn import lessons

    incomplete = set(coverage.incomplete_years())
    tables = {
        "vote_shares": unlearn.vote_shares("United States"),
        "agreement": unlearn.agreement("United States", "Israel"),
        "yes_share_by_year": lessons.yes_share_by_year(),
        "agreement_series": lessons.agreement_series("United States", ["France"]),
        "agreement_definitions": lessons.agreement_definitions(years=(2010, 2026)),
        "agreement_on_and_off": lessons.agreement_on_and_off(years=(2014, 2026)),
    }
    for name, table in tables.items():
        assert list(table.columns[:2]) == ["year", "coverage"], name
        marked = set(table.loc[table["coverage"] != coverage.COMPLETE, "year"].astype(int))
        assert marked == incomplete & set(table["year"].astype(int)), name
    us_israel = tables["agreement"].set_index("year")
    # a short label in the table (it must not make tables wrap); the reason in full beside it
    assert us_israel.loc[2026, "coverage"] == "partial: some votes unknown; year under way"
    assert "4 June 2026" in coverage.incomplete_years()[2026]
    points = lessons.ideal_point_series(["USA"], years=(2014, 2020)).set_index("year")
    # session 70 opened in 2015 and lacks its 2016 votes; session 71 (2016-17) is whole
    assert points.loc[[2014, 2016], "coverage"].eq(coverage.COMPLETE).all()
    assert points.loc[[2015, 2017, 2018, 2019], "coverage"].str.startswith("partial:").all()
