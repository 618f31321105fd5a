"""Who was a UN member when: membership periods from ``data/states.csv`` minus the gaps in
``data/membership_gaps.csv`` (Syria inside the United Arab Republic 1958-61, Indonesia 1965-66).

Layer: data (the bottom of the package: it imports no other layer but errors).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from .ingest import curated

FAR_FUTURE = pd.Timestamp("2262-01-01")


@functools.cache
def periods() -> pd.DataFrame:
    """One row per continuous membership period: ``iso3``, ``start``, ``end`` (inclusive)."""
    states = curated.read("states", dates=("member_from", "member_to"))
    gaps = curated.read("membership_gaps", dates=("gap_from", "gap_to"))
    rows = []
    for iso3, start, end in zip(states["iso3"], states["member_from"], states["member_to"], strict=True):
        end = FAR_FUTURE if pd.isna(end) else end
        for _, gap in gaps[gaps["iso3"] == iso3].sort_values("gap_from").iterrows():
            rows.append((iso3, start, gap["gap_from"] - pd.Timedelta(days=1)))
            start = gap["gap_to"] + pd.Timedelta(days=1)
        rows.append((iso3, start, end))
    return pd.DataFrame(rows, columns=["iso3", "start", "end"])


def members_on(dates: pd.Series) -> pd.DataFrame:
    """All (date, iso3) pairs where the state was a member on that date.

    >>> m = members_on(pd.Series(pd.to_datetime(["1950-06-01"])))
    >>> "TWN" in set(m["iso3"]) and "CHN" not in set(m["iso3"])
    True
    """
    distinct = pd.DataFrame({"date": pd.to_datetime(dates).drop_duplicates().to_numpy()})
    pairs = distinct.merge(periods(), how="cross")
    inside = (pairs["start"] <= pairs["date"]) & (pairs["date"] <= pairs["end"])
    return pairs.loc[inside, ["date", "iso3"]].reset_index(drop=True)


def was_member(iso3: pd.Series, dates: pd.Series) -> np.ndarray:
    """Element-wise: was *iso3* a member on *dates*?"""
    frame = pd.DataFrame({"iso3": iso3.to_numpy(), "date": pd.to_datetime(dates).to_numpy()})
    frame["i"] = range(len(frame))
    joined = frame.merge(periods(), on="iso3", how="left")
    inside = (joined["start"] <= joined["date"]) & (joined["date"] <= joined["end"])
    hits = set(joined.loc[inside, "i"])
    return frame["i"].isin(hits).to_numpy()
