"""Analysis speed: agreement for every pair and year, one pair's series, and each widget call.

Targets (issue 3): all-pairs agreement for every year 1946-2026 under 1 s; one pair's
1946-2026 series under 50 ms warm; every call a widget makes under 100 ms; and at least 50
times faster than a straightforward pandas self-merge on ``rcid`` computing the same numbers
on a few sessions (the baseline below; both results are checked equal before timing counts).

Run: ``python benchmarks/bench_analysis.py`` (offline: ``UNLEARN_DATA_MIRROR=../shared/un-data``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from timing import median_seconds  # benchmarks/timing.py: run as python benchmarks/...

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import unlearn  # noqa: E402
from unlearn.analysis import _matrix  # noqa: E402

BASELINE_YEARS = (2015, 2019)  # sessions 70-74: five years, 400-odd roll calls
COUNTS = ["together", "common_votes", "same", "both_abstained", "one_abstained", "opposite"]




def self_merge_baseline(years: tuple[int, int]) -> pd.DataFrame:
    """What one writes without the vote matrix: merge the votes with themselves on rcid, then
    classify every pair of votes and sum by year and pair (exact-match agreement)."""
    votes = unlearn.ga_votes()
    calls = unlearn.ga_roll_calls()
    calls = calls[(calls["kind"] == "resolution") & calls["date"].dt.year.between(*years)]
    rows = votes.merge(calls[["rcid", "date"]], on="rcid")
    rows = rows.assign(
        year=rows["date"].dt.year, iso3=rows["iso3"].astype(str), vote=rows["vote"].astype(str)
    )
    pairs = rows.merge(rows, on=["rcid", "year"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["iso3_a"] < pairs["iso3_b"]]
    va, vb = pairs["vote_a"], pairs["vote_b"]
    cast_a, cast_b = va.isin(["yes", "no", "abstain"]), vb.isin(["yes", "no", "abstain"])
    side_a, side_b = va.isin(["yes", "no"]), vb.isin(["yes", "no"])
    pairs = pairs.assign(
        together=1,
        common_votes=cast_a & cast_b,
        same=side_a & (va == vb),
        both_abstained=(va == "abstain") & (vb == "abstain"),
        one_abstained=cast_a & cast_b & ((va == "abstain") != (vb == "abstain")),
        opposite=side_a & side_b & (va != vb),
    )
    out = pairs.groupby(["year", "iso3_a", "iso3_b"])[COUNTS].sum().reset_index()
    out = out.rename(columns={"iso3_a": "a", "iso3_b": "b"})
    out["agreement"] = (out["same"] + out["both_abstained"]) / out["common_votes"].where(
        out["common_votes"] > 0
    )
    return out


def same_numbers(fast: pd.DataFrame, slow: pd.DataFrame) -> None:
    key = ["year", "a", "b"]
    fast = (
        fast.assign(a=fast["a"].astype(str), b=fast["b"].astype(str))
        .sort_values(key)
        .reset_index(drop=True)
    )
    slow = slow.sort_values(key).reset_index(drop=True)
    assert len(fast) == len(slow), (len(fast), len(slow))
    for column in [*key, *COUNTS]:
        assert (fast[column].to_numpy() == slow[column].to_numpy()).all(), column
    assert np.allclose(fast["agreement"], slow["agreement"], equal_nan=True)


def widget_calls() -> dict[str, callable]:
    """The calls the widgets make on each update (one slider move or one dropdown choice)."""
    return {
        "agreement, 3 definitions, 1946-2026": lambda: unlearn.agreement(
            "USA", unlearn.seat_series("Russia"), definition=["exact", "lijphart", "state_dept"]
        ),
        "agreement_matrix 2025, 12 states": lambda: unlearn.agreement_matrix(
            2025,
            ["USA", "FRA", "GBR", "DEU", "RUS", "CHN", "IND", "BRA", "ZAF", "JPN", "ISR", "IRN"],
        ),
        "agreement_matrix 2024, every state": lambda: unlearn.agreement_matrix(2024),
        "voted_with USA 2025": lambda: unlearn.voted_with("USA", 2025),
        "how_voted ES-11/7": lambda: unlearn.how_voted(
            "A/RES/ES-11/7", groups=["P5", "EU", "regional groups", "India"]
        ),
        "vote_shares USA 1946-2026": lambda: unlearn.vote_shares("USA"),
        "divergence_from_own_past USA 2025": lambda: unlearn.divergence_from_own_past("USA", 2025),
        "alignment_shift USA 2025": lambda: unlearn.alignment_shift("USA", 2025),
        "ideal_points 2000-2025 (estimated)": lambda: unlearn.ideal_points((2000, 2025)),
        "vetoes_per_member": lambda: unlearn.vetoes_per_member(),
        "vetoes_by_decade": lambda: unlearn.vetoes_by_decade(),
        "sc_adopted (tally)": lambda: unlearn.sc_adopted(
            {"yes": 11, "no": 1, "abstain": 3}, True, "2022-02-27", ["RUS"]
        ),
    }


def main() -> int:
    failures = []
    (
        unlearn.ga_votes(),
        unlearn.ga_roll_calls(),
    )  # the parquet tables, read once (bench_data.py times that)
    _matrix._MATRICES.clear()
    started = time.perf_counter()
    _matrix.vote_matrix()
    build = time.perf_counter() - started
    print(f"vote matrix built once from ga_votes(): {build * 1000:.0f} ms (then kept in memory)")

    all_pairs = median_seconds(lambda: unlearn.agreement_pairs(), 5)
    shape = unlearn.agreement_pairs().shape
    print(
        f"all pairs, every year 1946-2026:        {all_pairs * 1000:7.1f} ms"
        f"  ({shape[0]:,} pair-years)   target < 1000 ms"
    )
    failures += ["all pairs"] if all_pairs >= 1.0 else []

    one_pair = median_seconds(lambda: unlearn.agreement("USA", "FRA"), 30)
    seat_pair = median_seconds(
        lambda: unlearn.agreement("USA", unlearn.seat_series("SUN", "RUS")), 30
    )
    print(f"one pair, 1946-2026 (USA-FRA):          {one_pair * 1000:7.1f} ms   target < 50 ms")
    print(f"one pair, 1946-2026 (USA-USSR/Russia):  {seat_pair * 1000:7.1f} ms   target < 50 ms")
    failures += ["one pair"] if max(one_pair, seat_pair) >= 0.05 else []

    # the coverage column (incomplete years marked) against the same call without it: the
    # tables passed explicitly, which skips the marking but computes the same figures
    votes, calls = unlearn.ga_votes(), unlearn.ga_roll_calls()
    unmarked = median_seconds(lambda: unlearn.agreement("USA", "FRA", votes=votes, roll_calls=calls), 30)
    pairs_unmarked = median_seconds(lambda: unlearn.agreement_pairs(votes=votes, roll_calls=calls), 5)
    print(
        f"coverage column: one pair {one_pair / unmarked:4.2f}x, all pairs {all_pairs / pairs_unmarked:4.2f}x "
        "the unmarked call (the targets above include it)"
    )

    fast = unlearn.agreement_pairs(years=BASELINE_YEARS)
    slow = self_merge_baseline(BASELINE_YEARS)
    same_numbers(fast, slow)
    ours = median_seconds(lambda: unlearn.agreement_pairs(years=BASELINE_YEARS), 5)
    theirs = median_seconds(lambda: self_merge_baseline(BASELINE_YEARS), 3)
    ratio = theirs / ours
    print(
        f"\nbaseline: pandas self-merge on rcid, years {BASELINE_YEARS[0]}-{BASELINE_YEARS[1]} "
        f"({len(slow):,} pair-years, results equal):"
    )
    print(
        f"  self-merge {theirs * 1000:8.1f} ms   agreement_pairs {ours * 1000:6.1f} ms"
        f"   ratio {ratio:6.0f}x   target >= 50x"
    )
    per_year = theirs / (BASELINE_YEARS[1] - BASELINE_YEARS[0] + 1)
    print(
        f"  (at that rate the self-merge would take about {per_year * 80:.0f} s for 1946-2026, "
        f"{per_year * 80 / all_pairs:.0f}x the {all_pairs * 1000:.0f} ms above)"
    )
    failures += ["ratio"] if ratio < 50 else []

    print("\nwidget calls (median of 5, warm):")
    for name, call in widget_calls().items():
        call()
        seconds = median_seconds(call, 5)
        flag = "" if seconds < 0.1 else "   <-- over 100 ms"
        print(f"  {name:40} {seconds * 1000:7.1f} ms{flag}")
        failures += [name] if seconds >= 0.1 else []

    print("\nall targets met" if not failures else f"\nMISSED: {', '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
