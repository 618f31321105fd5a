"""Ideal points: a made-up Assembly with two blocs; the check against Bailey, Strezhnev & Voeten."""

from __future__ import annotations

import numpy as np

import unlearn
from unlearn.analysis import ideal_points, toy_assembly, validate_ideal_points

# four sessions (55-58) of six votes; the West votes yes, the East no, the middle in between
BLOCS = {
    "USA": "yyyyyn",
    "GBR": "yyyyyn",
    "FRA": "yyyyan",
    "IND": "aayyna",
    "EGY": "aaynna",
    "SUN": "nnnnny",
    "POL": "nnnany",
    "CUB": "nnnnny",
}
DATES = [f"{year}-10-{day:02d}" for year in (2000, 2001, 2002, 2003) for day in range(1, 7)]


def frames(blocs=BLOCS):
    return toy_assembly({s: v * 4 for s, v in blocs.items()}, DATES)


def test_blocs_are_ordered_with_the_west_positive_in_every_session():
    votes, calls = frames()
    points = ideal_points(votes=votes, roll_calls=calls).pivot(index="session", columns="iso3", values="ideal_point")
    assert points.index.tolist() == [55, 56, 57, 58]
    assert (points["USA"] > points["IND"]).all() and (points["IND"] > points["SUN"]).all()
    assert (points["EGY"] > points["CUB"]).all()


def test_identical_sessions_get_identical_positions():
    votes, calls = frames()
    points = ideal_points(votes=votes, roll_calls=calls).pivot(index="session", columns="iso3", values="ideal_point")
    assert np.allclose(points.to_numpy(), points.iloc[0].to_numpy()[None, :])


def test_the_bridge_keeps_the_direction_when_a_state_joins():
    blocs = {**BLOCS, "NEW": "-" * 6}
    votes, calls = toy_assembly(
        {s: (v * 4 if s != "NEW" else "-" * 12 + "nnnnny" * 2) for s, v in blocs.items()}, DATES
    )
    points = ideal_points(votes=votes, roll_calls=calls)
    new = points[points["iso3"] == "NEW"].set_index("session")["ideal_point"]
    usa = points[points["iso3"] == "USA"].set_index("session")["ideal_point"]
    assert new.index.tolist() == [57, 58]  # no row before it joined
    assert (new < 0).all() and (usa > 0).all()


def test_sessions_with_too_few_votes_are_skipped_and_years_select_sessions():
    votes, calls = toy_assembly({s: v * 4 + v[:3] for s, v in BLOCS.items()}, DATES + ["2004-10-01"] * 3)
    points = ideal_points(votes=votes, roll_calls=calls)
    assert sorted(points["session"].unique()) == [55, 56, 57, 58]
    assert ideal_points((2001, 2001), votes=votes, roll_calls=calls)["session"].unique().tolist() == [56]


def test_validation_on_the_real_data(built):
    check = validate_ideal_points()
    assert check["session"].tolist() == [s for s in range(1, 75) if s != 19]
    assert check.attrs["mean"] >= 0.95
    assert check.attrs["min"] >= 0.8
    assert (check["states"] == check["bsv_states"]).mean() > 0.95  # nearly every state matched


def test_sign_is_stable_across_sessions_on_the_real_data(built):
    points = unlearn.ideal_points()
    wide = points.pivot(index="session", columns="iso3", values="ideal_point")
    median = wide.median(axis=1)
    assert (wide["USA"] > median).all()  # the United States on the positive side throughout
    assert (wide["USA"] > wide["CHN"]).loc[26:].all()  # the PRC, from 1971
    for before, after in zip(wide.index[:-1], wide.index[1:], strict=True):
        shared = wide.loc[[before, after]].dropna(axis=1)
        assert np.corrcoef(shared.loc[before], shared.loc[after])[0, 1] > 0.5, (before, after)


def test_sessions_after_bsv_are_estimated_too(built):
    points = unlearn.ideal_points((2020, 2026))
    assert set(points["session"]) >= {75, 76, 77, 78, 79, 80}
    row = points[(points["session"] == 79)].set_index("iso3")["ideal_point"]
    assert row["USA"] > row["FRA"] > row["CHN"]
