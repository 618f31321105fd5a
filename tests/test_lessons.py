"""The lessons' computations (unlearn.lessons), checked on the real tables."""

from __future__ import annotations

import pandas as pd
import pytest

from unlearn import lessons


def test_member_counts_on_key_dates(built):
    # 29 ratifications brought the Charter into force on 24 Oct 1945; 51 original members
    # had ratified by the end of 1945; South Sudan made 193 on 14 Jul 2011.
    assert lessons.member_count("1945-10-24") == 29
    assert lessons.member_count("1945-12-31") == 51
    assert lessons.member_count("2011-07-13") == 192
    assert lessons.member_count("2011-07-14") == 193


def test_members_by_year(built):
    table = lessons.members_by_year(1945, 2025).set_index("year")
    assert list(table.index) == list(range(1945, 2026))
    assert table.loc[1945, "members"] == 51 and table.loc[1945, "change"] == 51
    assert table.loc[1955, "change"] == 16  # the "package deal" of 14 Dec 1955
    assert table.loc[2025, "members"] == 193
    assert (table["change"].cumsum() == table["members"]).all()
    # Indonesia's withdrawal (1965-66) shows as a dip in between, not a lost member
    assert table.loc[1966, "members"] == table.loc[1965, "members"] + table.loc[1966, "change"]


def test_council_seats_terms(built):
    seats = lessons.council_seats(2010).set_index("iso3")
    assert len(seats) == 15 and (seats["seat"] == "permanent").sum() == 5
    assert seats.loc["USA", "term"] == "permanent"
    assert seats.loc["JPN", "term"] == "2009-2010" and seats.loc["BRA", "term"] == "2010-2011"
    # five elected members start each year, five are in their second year (Art. 23(2))
    terms = seats.loc[seats["seat"] == "elected", "term"].value_counts()
    assert terms.to_dict() == {"2009-2010": 5, "2010-2011": 5}


def test_council_seats_split_term_and_edges(built):
    assert lessons.council_seats(2017).set_index("iso3").loc["ITA", "term"] == "one year only"
    assert lessons.council_seats(2018).set_index("iso3").loc["NLD", "term"] == "one year only"
    first = lessons.council_seats(2000).set_index("iso3")["term"]
    assert first["BGD"] == "2000-2001" and first["CAN"] == "not known"
    with pytest.raises(ValueError, match="2000-2026"):
        lessons.council_seats(1999)


def test_ga_pass_rates(built):
    rates = lessons.ga_pass_rates()
    assert list(rates["decade"]) == list(range(1940, 2020, 10))
    assert (rates["two_thirds"] <= rates["majority"]).all()
    assert (rates["majority"] <= rates["roll_calls"]).all()
    assert rates["share_majority"].between(0, 1).all()


def test_yes_share_by_year(built):
    table = lessons.yes_share_by_year().set_index("year")
    assert table.loc[1964, "roll_calls"] == 0 and pd.isna(table.loc[1964, "yes_share"])
    assert table.loc[1946:2025, "yes_share"].drop(1964).between(0.3, 1).all()
    calls = table["roll_calls"].sum()
    from unlearn import ga_roll_calls

    assert calls == len(ga_roll_calls())


def test_issue_counts_and_emergency_sessions(built):
    issues = lessons.issue_counts()
    assert set(lessons.ISSUES.values()) <= set(issues.columns)
    assert issues["roll_calls"].sum() > issues["Human rights"].sum() > 0
    sessions = lessons.emergency_sessions().set_index("session")
    assert sessions.loc["ES-11", "example"] == "A/RES/ES-11/1"
    assert str(sessions.loc["ES-11", "first_vote"]) == "2022-03-02"


def test_regional_groups(built):
    sizes = lessons.regional_group_sizes("2025-01-01").set_index("group")["members"]
    assert sizes["African"] == 54 and sizes["Eastern European"] == 23
    assert sizes.sum() == 193
    shares = lessons.yes_share_by_group(2000, 2019)
    assert list(shares["decade"]) == [2000, 2010]
    # the Assembly's majority votes yes more often than the Western group
    row = shares.set_index("decade").loc[2010]
    assert row["African"] > row["Western European and Others"]


def test_vetoes_by_era(built):
    era = lessons.vetoes_by_era().set_index("era")
    assert era.loc["Cold War (1946-1991)", "RUS"] == 90  # the USSR, counted with its seat
    apart = lessons.vetoes_by_era(by_seat=False).set_index("era")
    cold_war = apart.loc["Cold War (1946-1991)"]
    assert cold_war["SUN"] == 90 and cold_war["RUS"] == 0
    from unlearn import vetoes

    assert era["total"].sum() == len(vetoes())


def test_procedural_precedents(built):
    table = lessons.procedural_precedents().set_index("symbol")
    assert table.loc["S/RES/2623 (2022)", "tally"] == "11-1-3"
    assert table.loc["S/RES/2623 (2022)", "voted_no"] == "Russia"
    assert table.loc["S/RES/119 (1956)", "voted_no"] == "France, United Kingdom"


def test_source_lines_name_no_folder(built):
    from unlearn import cli
    from unlearn.data import config

    lines = cli.source_lines()
    assert lines == cli.status_lines()[: len(lines)]
    text = "\n".join(lines)
    assert "Voeten" in text and "licence:" in text
    assert str(config.cache_dir()) not in text and "Tables:" not in text
