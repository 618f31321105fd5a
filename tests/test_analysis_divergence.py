"""A state against its own past: vote shares, flips on recurring resolutions, alignment shift."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import unlearn
from unlearn.analysis import alignment_shift, divergence_from_own_past, toy_assembly, vote_shares

# ---------------------------------------------------------------- vote shares


def test_vote_shares_by_hand():
    dates = ["2000-10-01", "2000-10-02", "2000-10-03", "2000-10-04", "2001-10-01"]
    votes, calls = toy_assembly({"USA": "ynnx?", "FRA": "yyyyy"}, dates)
    table = vote_shares("USA", votes=votes, roll_calls=calls)
    first = table.iloc[0]
    assert first[["year", "roll_calls", "yes", "no", "absent", "unknown", "cast"]].tolist() == [
        2000,
        4,
        1,
        2,
        1,
        0,
        3,
    ]
    assert first["share_no"] == pytest.approx(2 / 3)
    # 2001: its one vote is unknown: nothing cast, so the shares are undefined, not zero
    assert table.iloc[1]["unknown"] == 1 and math.isnan(table.iloc[1]["share_no"])


def test_vote_shares_columns_add_up_left_to_right():
    # notebook 05 showed roll_calls (187) beside a share over the 186 votes cast
    votes, calls = toy_assembly({"USA": "ynnx?"}, ["2000-10-01"] * 5)
    table = vote_shares("USA", votes=votes, roll_calls=calls)
    counts = list(table.columns[list(table.columns).index("roll_calls") :][:7])
    assert counts == ["roll_calls", "absent", "unknown", "cast", "yes", "abstain", "no"]
    row = table.iloc[0]
    assert row["roll_calls"] == row["absent"] + row["unknown"] + row["cast"] == 5


def test_vote_shares_no_row_before_membership():
    votes, calls = toy_assembly({"USA": "yy", "NEW": "-n"}, ["2000-10-01", "2001-10-01"])
    assert vote_shares("NEW", votes=votes, roll_calls=calls)["year"].tolist() == [2001]


# ---------------------------------------------------------------- divergence from own past

# sessions 55 (2000), 56 (2001), 57 (2002); titles recur across sessions
PAST_DATES = [
    "2000-10-01",
    "2000-10-02",
    "2000-10-03",
    "2001-10-01",
    "2001-10-02",
    "2001-10-03",
    "2002-10-01",
    "2002-10-02",
    "2002-10-03",
    "2002-10-04",
    "2002-10-05",
]
PAST_TITLES = [
    "Alpha",
    "Beta",
    "Delta",
    "Alpha",
    "Beta",
    "Delta",
    "Alpha",
    "Beta",
    "Delta",
    "Gamma",
    "Alpha",
]


def past_frames():
    return toy_assembly(
        {"USA": "ynyyaxnannn", "FRA": "yyyyyyyyyyy"},
        PAST_DATES,
        title=PAST_TITLES,
        issue_hr=[t == "Alpha" for t in PAST_TITLES],
    )


def test_flips_against_the_previous_and_the_usual_vote():
    votes, calls = past_frames()
    past = divergence_from_own_past("USA", 2002, votes=votes, roll_calls=calls)
    rows = past.resolutions.set_index("rcid")
    # Alpha: y, y before, now n: a flip, and unlike its usual vote
    assert rows.loc[7, ["previous_vote", "usual_vote", "change", "times_before"]].tolist() == [
        "yes",
        "yes",
        "yes -> no",
        2,
    ]
    # Beta: n then a; now a: no change; the usual vote is a tie (n, a), so the latest wins: a
    assert rows.loc[8, ["previous_vote", "usual_vote", "changed", "differs_from_usual"]].tolist() == [
        "abstain",
        "abstain",
        False,
        False,
    ]
    # Delta: y, then absent (not counted), now n: compared with the y
    assert rows.loc[9, ["previous_vote", "change"]].tolist() == ["yes", "yes -> no"]
    # a second Alpha vote in the same session compares with the earlier sessions only
    assert rows.loc[11, ["previous_vote", "change"]].tolist() == ["yes", "yes -> no"]
    assert past.flip_counts.to_dict("records") == [{"change": "yes -> no", "count": 3}]
    assert past.first_recorded["title"].tolist() == ["Gamma"]
    issues = past.by_issue.set_index("issue")
    assert issues.loc["Human rights", ["recurring", "changed", "to_no"]].tolist() == [2, 2, 2]
    assert issues.loc["none of the six", ["recurring", "changed"]].tolist() == [2, 1]
    assert "3 (75%)" in repr(past)


def _breakdown_under(lines: list[str], heading: str) -> tuple[int, int]:
    """The count on the line starting *heading*, and the sum of the deeper-indented lines right below it."""
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(heading))
    depth = len(lines[at]) - len(lines[at].lstrip())
    below = []
    for line in lines[at + 1 :]:
        if len(line) - len(line.lstrip()) <= depth:
            break
        below.append(_count(line))
    return _count(lines[at]), sum(below)


def _count(line: str) -> int:
    return int(line.rsplit(":", 1)[1].split()[0].rstrip(","))


def test_past_comparison_display_adds_up():
    # the breakdown of changed votes was printed under "differs from its usual vote"
    votes, calls = past_frames()
    lines = repr(divergence_from_own_past("USA", 2002, votes=votes, roll_calls=calls)).splitlines()
    changed, breakdown = _breakdown_under(lines, "vote changed since the previous time")
    assert changed == breakdown == 3
    _, nothing = _breakdown_under(lines, "vote differs from its usual")
    assert nothing == 0  # no breakdown that is not its own


def test_no_flips_for_a_steady_voter():
    votes, calls = past_frames()
    past = divergence_from_own_past("FRA", 2002, votes=votes, roll_calls=calls)
    assert past.flips.empty and past.flip_counts.empty and len(past.resolutions) == 4


def test_a_year_without_votes_gives_empty_tables():
    votes, calls = past_frames()
    past = divergence_from_own_past("USA", 1990, votes=votes, roll_calls=calls)
    assert past.resolutions.empty and past.by_issue.empty and past.first_recorded.empty


# ---------------------------------------------------------------- alignment shift


def shift_frames():
    # two votes a year; the USA drifts away from France and Germany
    dates = ["2000-10-01", "2000-10-02", "2001-10-01", "2001-10-02", "2002-10-01", "2002-10-02"]
    return toy_assembly({"USA": "yyynnn", "FRA": "yyyyyy", "DEU": "yyynny", "RUS": "nnnnnn"}, dates)


EU = pd.DataFrame({"iso3": ["FRA", "DEU"], "joined": ["1958-01-01", "1958-01-01"], "left": [None, None]})


def test_alignment_shift_by_hand():
    votes, calls = shift_frames()
    table = alignment_shift(
        "USA",
        2002,
        reference_years=(2000, 2001),
        partners=["France", "EU members", "RUS", "Assembly majority"],
        votes=votes,
        roll_calls=calls,
        eu_membership=EU,
    ).set_index("partner")
    # France: 1.0, 0.5, then 0.0: mean 0.75, sd 0.3536
    assert table.loc["France", ["agreement", "reference_mean"]].tolist() == [0.0, 0.75]
    assert table.loc["France", "z"] == pytest.approx(-0.75 / 0.353553, rel=1e-4)
    # EU pooled over France and Germany: 4/4, 3/4, then 1/4
    assert table.loc["EU members", ["agreement", "reference_mean"]].tolist() == [0.25, 0.875]
    assert table.loc["EU members", "z"] == pytest.approx(-0.625 / 0.176777, rel=1e-4)
    # Russia (a state given by code): 0, 0.5, then 1.0
    assert table.loc["RUS", "agreement"] == 1.0 and table.loc["RUS", "z"] == pytest.approx(0.75 / 0.353553, rel=1e-4)
    # the winning side: yes, yes / yes, no / no, and a 2-2 tie that is left out. The USA was
    # always on it: no spread in the reference years, so no z
    assert table.loc["Assembly majority", ["agreement", "votes", "reference_sd"]].tolist() == [
        1.0,
        1,
        0.0,
    ]
    assert math.isnan(table.loc["Assembly majority", "z"])


def test_alignment_shift_without_spread_has_no_z():
    votes, calls = shift_frames()
    table = alignment_shift(
        "FRA", 2002, reference_years=[2000], partners=["USA"], votes=votes, roll_calls=calls
    ).set_index("partner")
    assert table.loc["USA", "reference_years"] == 1 and math.isnan(table.loc["USA", "z"])


# ---------------------------------------------------------------- the real data


def test_us_2025_votes_on_the_dgacm_extract(built):
    shares = unlearn.vote_shares("United States", years=(2024, 2025), source="dgacm_ga").set_index("year")
    assert shares.loc[2025, ["roll_calls", "no"]].tolist() == [184, 169]
    assert (shares["roll_calls"] == shares["absent"] + shares["unknown"] + shares["cast"]).all()
    assert shares.loc[2024, ["roll_calls", "no"]].tolist() == [92, 48]


def test_us_2025_against_its_own_past(built):
    past = unlearn.divergence_from_own_past("United States", 2025, source="dgacm_ga")
    # most of the 2025 no votes were on texts never put to a recorded vote before
    assert len(past.first_recorded) + len(past.resolutions) == 184
    assert (past.first_recorded["vote"] == "no").mean() > 0.9
    assert past.flip_counts.set_index("change")["count"].get("yes -> no", 0) >= 5


def test_us_2025_alignment_shift_and_the_counter_evidence(built):
    shift = unlearn.alignment_shift("United States", 2025, reference_years=(2020, 2024), source="dgacm_ga").set_index(
        "partner"
    )
    assert shift.loc["France", "z"] < -3 and shift.loc["EU members", "z"] < -3
    # the counter-evidence: on the Ukraine votes the United States and Russia are not closer
    # than on everything else (both voted no on ES-11/7)
    ukraine = unlearn.agreement("USA", "RUS", years=2025, title="Ukraine", by=None)
    assert len(ukraine) == 1 and ukraine["common_votes"].iloc[0] >= 1
