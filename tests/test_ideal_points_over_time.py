"""Ideal points over time against Bailey, Strezhnev & Voeten (2017), and the lesson helpers
notebook 04 uses to teach the State Department's rules and the over-time comparison."""

from __future__ import annotations

import pytest

from unlearn import lessons
from unlearn.analysis import validate_ideal_points_over_time

# Pearson's r of each state's unlearn series with its BSV series, sessions 1-74 (as reported
# in notebook 04). Pinned: a change of method or data that moves one is reviewed, not silent.
PINNED = {"USA": 0.790, "GBR": 0.319, "FRA": 0.540, "RUS": 0.935, "CHN": 0.714, "IND": 0.640,
          "JPN": 0.685, "DEU": 0.892, "BRA": 0.958, "CAN": 0.388, "ISR": 0.916, "EGY": 0.804}


def test_over_time_check_per_state_and_pooled_is_pinned():
    check = validate_ideal_points_over_time(list(PINNED)).set_index("iso3")
    assert check["pearson"].round(3).to_dict() == PINNED
    assert check.loc["RUS", "sessions"] == 73  # the USSR's sessions and Russia's, one seat
    assert check.attrs["pooled"] == pytest.approx(0.914, abs=5e-4)
    # the aim of issue 10 is not reached: notebook 04 must say so (0.8 each, 0.95 pooled)
    assert (check["pearson"] < 0.8).sum() == 7 and check.attrs["pooled"] < 0.95


def test_bsv_series_is_their_published_estimate():
    table = lessons.bsv_ideal_point_series(["USA", "RUS"]).set_index("year")
    assert table.loc[1946, "United States"] == pytest.approx(1.675486, abs=1e-6)
    assert table.index.max() == 2019


def test_coincidence_rules_shows_where_the_rule_changes_the_answer():
    table = lessons.coincidence_rules("United States", 2023, top=4).set_index("name")
    assert table.attrs["rule"] == "state_dept_2021"
    # Micronesia, absent from 21 of 88 votes, is 2nd by the old rule and 4th by the report's
    assert table.loc["Micronesia", ["rank_votes_only", "rank_state_dept", "absent"]].tolist() == [2, 4, 21]
