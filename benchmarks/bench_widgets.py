"""Widget speed: one ``update()`` of each widget (recompute + redraw), against a baseline.

Target (issue 4): every update under 150 ms in the kernel. Each widget is timed as a student
drives it (a new year range, another roll call, another seat vote...), median of several
runs, and set beside a straightforward update timed in the same run: the same numbers
recomputed from the tidy tables with pandas merges (no vote matrix), and the same figure
rendered as ``%matplotlib inline`` does (PNG, 100 dpi, tight bounding box) instead of the
widgets' SVG. The baseline's numbers are checked equal to the widget's first.

Run: ``python benchmarks/bench_widgets.py`` (offline: ``UNLEARN_DATA_MIRROR=../shared/un-data``).
"""

from __future__ import annotations

import io
import itertools
import os
import sys
from pathlib import Path

from timing import median_seconds  # benchmarks/timing.py: run as python benchmarks/...

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))
os.environ.setdefault("MPLBACKEND", "Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import unlearn  # noqa: E402
from unlearn.analysis.groups import eu_members, regional_group_members  # noqa: E402
from unlearn.widgets import (  # noqa: E402
    CountryComparison,
    Quiz,
    ResolutionExplorer,
    SecurityCouncilSimulator,
    VetoTimeline,
)
from unlearn.widgets.comparison import comparison_figure  # noqa: E402
from unlearn.widgets.resolutions import group_figure  # noqa: E402
from unlearn.widgets.veto_timeline import veto_figure  # noqa: E402

TARGET = 0.150  # seconds
RUNS = 9




# ---------------------------------------------------------------- baselines (pandas merges)


def comparison_baseline(years=(1946, 2025)) -> pd.Series:
    """US-USSR/Russia exact agreement per year: merge the two states' votes on rcid, join the
    roll calls for the year and kind, count identical votes over votes both cast."""
    votes = unlearn.ga_votes()
    calls = unlearn.ga_roll_calls()
    calls = calls[(calls["kind"] == "resolution") & calls["date"].dt.year.between(*years)]
    us = votes[votes["iso3"] == "USA"][["rcid", "vote"]]
    ru = votes[votes["iso3"].isin(["SUN", "RUS"])][["rcid", "vote"]]
    pairs = us.merge(ru, on="rcid", suffixes=("_a", "_b")).merge(calls[["rcid", "date"]], on="rcid")
    a, b = pairs["vote_a"].astype("object"), pairs["vote_b"].astype("object")
    cast = a.isin(["yes", "no", "abstain"]) & b.isin(["yes", "no", "abstain"])
    pairs = pairs.assign(year=pairs["date"].dt.year, cast=cast, same=cast & (a == b))
    per_year = pairs.groupby("year")[["same", "cast"]].sum()
    return (per_year["same"] / per_year["cast"].where(per_year["cast"] > 0)).rename("agreement")


def explorer_baseline(symbol: str = "A/RES/ES-11/7") -> pd.DataFrame:
    """How each group voted: merge every vote with the roll calls to find the symbol, then
    with the EU and regional-group memberships on that date, and count by group and vote."""
    votes = unlearn.ga_votes().merge(unlearn.ga_roll_calls()[["rcid", "symbol", "date", "kind"]], on="rcid")
    rows = votes[(votes["symbol"] == symbol) & (votes["kind"] == "resolution")]
    date = rows["date"].iloc[0]
    groups = [
        pd.DataFrame({"iso3": unlearn.permanent_members(date), "group": "P5"}),
        pd.DataFrame({"iso3": eu_members(date), "group": "EU"}),
    ]
    groups += [
        pd.DataFrame({"iso3": regional_group_members(g, date), "group": g})
        for g in (
            "African",
            "Asia-Pacific",
            "Eastern European",
            "Latin American and Caribbean",
            "Western European and Others",
        )
    ]
    joined = rows.assign(iso3=rows["iso3"].astype(str)).merge(pd.concat(groups), on="iso3")
    joined = joined.assign(vote=joined["vote"].astype("object").fillna("unknown"))
    return joined.groupby(["group", "vote"]).size().unstack(fill_value=0)


def council_baseline(symbol: str = "S/RES/2774") -> dict[str, int]:
    """The seat tally of one resolution: merge the Council votes with the resolutions."""
    rows = unlearn.sc_votes().merge(unlearn.sc_resolutions()[["symbol", "year"]], on="symbol")
    rows = rows[rows["symbol"] == symbol]
    return rows["vote"].astype(str).value_counts().to_dict()


def veto_baseline(years=(1946, 2026)) -> pd.Series:
    """Vetoes per member in the years: filter and count the veto table with pandas."""
    table = unlearn.vetoes()
    table = table[table["date"].dt.year.between(*years)]
    return table["member_iso3"].value_counts()


# ---------------------------------------------------------------- equal numbers


def check_equal() -> None:
    widget = CountryComparison(["USA", "Russia"], years=(1946, 2025))
    ours = widget.series.set_index("year")["agreement"]
    theirs = comparison_baseline((1946, 2025)).reindex(ours.index)
    assert np.allclose(ours.to_numpy(), theirs.to_numpy(), equal_nan=True), "comparison numbers differ"

    explorer = ResolutionExplorer()
    groups = explorer.groups.set_index("group")
    slow = explorer_baseline()
    for group in slow.index:
        for vote in slow.columns:
            assert groups.loc[group, vote] == slow.loc[group, vote], (group, vote)

    sim = SecurityCouncilSimulator()
    tally = {k: v for k, v in sim.outcome.tally.items() if v}
    assert tally == council_baseline(), (tally, council_baseline())

    timeline = VetoTimeline()
    assert timeline.counts.set_index("who")["vetoes"].to_dict() == veto_baseline().to_dict()


# ---------------------------------------------------------------- driving each widget


def inline_png(fig) -> None:
    """Render *fig* as the inline backend does."""
    fig.savefig(io.BytesIO(), format="png", dpi=100, bbox_inches="tight")


def drivers() -> dict[str, tuple]:
    """For each widget: (one change of a control, redrawn once; the straightforward update)."""
    comparison = CountryComparison()
    ranges = itertools.cycle([(1946, 2025), (1960, 2025), (1992, 2025), (1946, 2026)])

    explorer = ResolutionExplorer(query="Ukraine")
    rcids = itertools.cycle([rcid for _, rcid in explorer.results.options[:8]])

    sim = SecurityCouncilSimulator()
    russia = itertools.cycle(["no", "abstain", "yes"])

    timeline = VetoTimeline()
    subjects = itertools.cycle(["", "Syria", "Israel", "Admission"])

    quiz = Quiz([{"question": "?", "options": ["a", "b", "c"], "answer": "b"}])
    answers = itertools.cycle([0, 1, 2])

    def change(widget, control, values):
        def step():  # batch() redraws exactly once, at its end
            with widget.batch():
                control.value = next(values)

        return step

    def baseline(numbers, figure=None):
        return lambda: (numbers(), inline_png(figure()) if figure else None)

    return {
        "CountryComparison (year range)": (
            change(comparison, comparison.years, ranges),
            baseline(comparison_baseline, lambda: comparison_figure(comparison.series, comparison.years.value)),
        ),
        "ResolutionExplorer (roll call)": (
            change(explorer, explorer.results, rcids),
            baseline(explorer_baseline, lambda: group_figure(explorer.groups)),
        ),
        "SecurityCouncilSimulator (seat)": (change(sim, sim.seats["RUS"], russia), baseline(council_baseline)),
        "VetoTimeline (subject)": (
            change(timeline, timeline.subject, subjects),
            baseline(veto_baseline, lambda: veto_figure(timeline.timeline, "member")),
        ),
        "Quiz (answer)": (change(quiz, quiz.choice, answers), None),
    }


def main() -> int:
    unlearn.ga_votes(), unlearn.ga_roll_calls(), unlearn.vetoes()  # tables read once
    check_equal()
    print("baseline numbers equal the widgets' numbers: yes")
    if hasattr(os, "getloadavg"):
        print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (timings are wall clock)")
    print(f"\n{'widget (what changes)':34} {'update':>9} {'baseline':>10} {'ratio':>7}   target < 150 ms")
    failures = []
    for name, (step, straightforward) in drivers().items():
        step()  # warm
        ours = median_seconds(step, RUNS)
        theirs = median_seconds(straightforward, 5) if straightforward else None
        base = f"{theirs * 1000:7.1f} ms" if theirs else f"{'-':>10}"
        ratio = f"{theirs / ours:6.1f}x" if theirs else f"{'-':>7}"
        flag = "ok" if ours < TARGET else "OVER"
        print(f"{name:34} {ours * 1000:6.1f} ms {base} {ratio}   {flag}")
        failures += [name] if ours >= TARGET else []
    print(
        f"\nupdate: one change, recomputed and redrawn once (median of {RUNS}); baseline: the same "
        "numbers by pandas merges\nand the same figure as an inline PNG (median of 5); ratio: "
        "baseline / update."
    )
    print("all updates under 150 ms" if not failures else f"MISSED: {', '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
