"""Lesson helpers for notebook 02 (the General Assembly): pass rates, yes shares, issues,
emergency special sessions and regional groups.

Layer: lessons. Reads the tidy tables (:mod:`unlearn.data.tables`), the Charter's Art. 18
rules (:mod:`unlearn.charter`) and the regional groups of :mod:`unlearn.analysis.groups`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import charter
from ..analysis._matrix import ABSTAIN, NO, YES, vote_matrix
from ..analysis.groups import NO_GROUP, REGIONAL_GROUPS, regional_group_members
from ..data import coverage, membership, tables
from ..data.ingest import curated
from ..data.ingest.voeten import ISSUE_CODES

ISSUES = {f"issue_{code}": name for code, name in ISSUE_CODES.items()}
"""Voeten's six issue codes of :func:`unlearn.ga_roll_calls` and what they stand for
(Voeten, Strezhnev & Bailey; the unvotes package's ``un_roll_call_issues``)."""


def _decade(years: pd.Series) -> pd.Series:
    return (years // 10 * 10).astype(int)


def ga_pass_rates(first_year: int = 1946, last_year: int = 2019) -> pd.DataFrame:
    """How often recorded votes on whole resolutions passed, per decade.

    Definition: roll calls of :func:`unlearn.ga_roll_calls` with ``kind == "resolution"``
    dated *first_year* to *last_year*; ``majority``: adopted by a majority of the members
    present and voting (:func:`unlearn.charter.ga_adopted`, Art. 18(3)); ``two_thirds``:
    would also pass as an important question (Art. 18(2)). The data does not say which
    texts were important questions (Voeten's ``important`` flag marks the US State
    Department's "important votes", not Art. 18(2)), so both tests are shown.
    The default stops in 2019 because the later source (DGACM) lists adopted resolutions
    only, so every later text "passes" by construction.
    Columns: ``decade``, ``roll_calls``, ``majority``, ``two_thirds``, ``share_majority``,
    ``share_two_thirds``.

    >>> rates = ga_pass_rates(1946, 1949)
    >>> int(rates["roll_calls"].iloc[0]) >= int(rates["majority"].iloc[0])
    True
    """
    calls = tables.ga_roll_calls()
    years = calls["date"].dt.year
    calls = calls[(calls["kind"] == "resolution") & years.between(int(first_year), int(last_year))]
    tallies = list(zip(calls["yes"], calls["no"], calls["abstain"], strict=True))
    frame = pd.DataFrame(
        {
            "decade": _decade(calls["date"].dt.year).to_numpy(),
            "majority": [charter.ga_adopted(y, n, a).adopted for y, n, a in tallies],
            "two_thirds": [charter.ga_adopted(y, n, a, important=True).adopted for y, n, a in tallies],
        }
    )
    table = (
        frame.groupby("decade")
        .agg(
            roll_calls=("majority", "size"),
            majority=("majority", "sum"),
            two_thirds=("two_thirds", "sum"),
        )
        .reset_index()
    )
    table["share_majority"] = (table["majority"] / table["roll_calls"]).round(3)
    table["share_two_thirds"] = (table["two_thirds"] / table["roll_calls"]).round(3)
    return table


def yes_share_by_year() -> pd.DataFrame:
    """Recorded votes per year and the share of the votes cast that were yes.

    Definition: from the tallies of :func:`unlearn.ga_roll_calls` (published where the
    source publishes them), every roll call: ``yes_share = yes / (yes + no + abstain)``
    summed over the year. A year without recorded votes is listed with ``roll_calls`` 0 and
    ``yes_share`` missing, and its ``note`` says why (1964: the 19th session took no votes,
    over Charter Art. 19). Columns: ``year``, ``coverage`` (``complete``, or
    ``partial: <kinds>`` for a year the sources hold only in part:
    :func:`unlearn.data.coverage.incomplete_years`), ``roll_calls``, ``yes``, ``no``,
    ``abstain``, ``yes_share``, ``note`` (empty where there were votes).

    >>> table = yes_share_by_year().set_index("year")
    >>> int(table.loc[1964, "roll_calls"]), table.loc[1964, "note"], table.loc[2018, "coverage"][:8]
    (0, 'no recorded votes (notebook 02 explains why)', 'partial:')
    """
    calls = tables.ga_roll_calls()
    grouped = calls.groupby(calls["date"].dt.year.rename("year"))
    table = pd.DataFrame(
        {
            "roll_calls": grouped.size(),
            "yes": grouped["yes"].sum(),
            "no": grouped["no"].sum(),
            "abstain": grouped["abstain"].sum(),
        }
    )
    table = table.reindex(range(int(table.index.min()), int(table.index.max()) + 1), fill_value=0)
    cast = table["yes"] + table["no"] + table["abstain"]
    table["yes_share"] = (table["yes"] / cast.where(cast > 0)).round(3)
    table["note"] = [_no_votes_note(y) if n == 0 else "" for y, n in zip(table.index, table["roll_calls"], strict=True)]
    return coverage.with_coverage(table.rename_axis("year").reset_index())


def _no_votes_note(year: int) -> str:
    """Why a year has no recorded vote, said where the student sees the empty row."""
    if year == 1964:  # the Article 19 crisis: the 19th session took its decisions without votes
        return "no recorded votes (notebook 02 explains why)"
    return f"no recorded votes in {year} in the sources"


def issue_counts(first_year: int = 1946, last_year: int | None = None) -> pd.DataFrame:
    """Roll calls per decade on each of Voeten's six issues (:data:`ISSUES`).

    A roll call can carry several issue codes or none, so rows do not add up to the number
    of roll calls; ``roll_calls`` gives that number. After 2019 the codes are derived from
    the UN's subject headings (UNBIS) through ``data/unbis_issue_map.csv``.
    Columns: ``decade``, ``roll_calls``, then one column per issue name.

    >>> list(issue_counts(1946, 1949).columns[:3])
    ['decade', 'roll_calls', 'Palestinian conflict']
    """
    calls = tables.ga_roll_calls()
    years = calls["date"].dt.year
    last_year = int(years.max()) if last_year is None else int(last_year)
    calls = calls[years.between(int(first_year), last_year)]
    codes = calls[list(ISSUES)].astype(int).rename(columns=ISSUES)
    codes.insert(0, "roll_calls", 1)
    return codes.groupby(_decade(calls["date"].dt.year).rename("decade")).sum().reset_index()


def emergency_sessions() -> pd.DataFrame:
    """The emergency special sessions whose recorded votes the data tags, one row each.

    Columns: ``session`` (``ES-I`` ... ``ES-11``, as the sources spell it), ``first_vote``,
    ``last_vote``, ``roll_calls``, ``example`` (the first symbol voted on, if any). The
    sources tag only some of these votes: a session with no row may still have voted.

    >>> "ES-11" in set(emergency_sessions()["session"])
    True
    """
    calls = tables.ga_roll_calls()
    calls = calls[calls["emergency_session"].notna()].sort_values(["date", "rcid"])
    grouped = calls.groupby("emergency_session", sort=False)
    table = (
        pd.DataFrame(
            {
                "first_vote": grouped["date"].min().dt.date,
                "last_vote": grouped["date"].max().dt.date,
                "roll_calls": grouped.size(),
                "example": grouped["symbol"].agg(lambda s: s.dropna().iloc[0] if s.notna().any() else ""),
            }
        )
        .rename_axis("session")
        .reset_index()
    )
    return table.sort_values("first_vote", ignore_index=True)


def _regional_groups() -> pd.DataFrame:
    return curated.read("regional_groups", dates=("valid_from", "valid_to"))


def regional_group_sizes(on=None) -> pd.DataFrame:
    """How many members each UN regional group had on *on* (default: today).

    Source: ``data/regional_groups.csv`` (the UN DGACM list), counted with
    :func:`unlearn.analysis.groups.regional_group_members`. The United States sits with the
    Western European and Others Group as an observer and is counted there (see data/README.md).
    Members the table places in no group on that date (Kiribati, whose date of joining the
    Asia-Pacific Group is not known; Israel before 2000) are counted in a last row,
    ``no regional group (or not known)``, so the column adds up to the membership.

    >>> sizes = regional_group_sizes("2025-01-01")
    >>> from unlearn.lessons.bodies import member_count
    >>> int(sizes["members"].sum()) == member_count("2025-01-01")
    True
    """
    when = pd.Timestamp.now().normalize() if on is None else pd.Timestamp(on)
    table = _regional_groups()
    members = set(membership.members_on(pd.Series([when]))["iso3"])
    placed = {g: set(regional_group_members(g, when, table)) & members for g in REGIONAL_GROUPS}
    unplaced = members - set().union(*placed.values())
    return pd.DataFrame(
        {"group": [*REGIONAL_GROUPS, NO_GROUP], "members": [len(placed[g]) for g in REGIONAL_GROUPS] + [len(unplaced)]}
    )


def _inside_group(matrix, rows: pd.DataFrame, dates) -> np.ndarray:
    """Roll calls x states: True where the state was in the group of *rows* on that day (a row
    with no start date is left out; a state's rows are or-ed: a vote counts once)."""
    inside = np.zeros(matrix.codes.shape, dtype=bool)
    for code, start, end in rows[["iso3", "valid_from", "valid_to"]].itertuples(index=False):
        column = matrix.column_of(code)
        if column is None or pd.isna(start):
            continue
        on = dates >= pd.Timestamp(start).to_datetime64()
        if pd.notna(end):
            on &= dates <= pd.Timestamp(end).to_datetime64()
        inside[:, column] |= on
    return inside


def yes_share_by_group(first_year: int = 1946, last_year: int | None = None) -> pd.DataFrame:
    """Share of yes among the votes each UN regional group cast, per decade.

    Definition: every row of :func:`unlearn.ga_votes` with a yes, no or abstain (absent and
    unknown votes left out), in the regional group the state belonged to on the day of the
    vote (``data/regional_groups.csv``; before 1963 a state's later group, as that file
    assigns it; states in no group then, such as Israel before 2000, left out).
    Returns one row per decade, one column per group (share, 0-1, three decimals).

    >>> table = yes_share_by_group(2000, 2009)
    >>> list(table.columns)[:2]
    ['decade', 'African']
    """
    # On the vote matrix (roll calls x states, int8), not the million rows of ga_votes():
    # a frame of each vote's iso3 as a string, merged with the groups, peaked at +110 MB.
    matrix = vote_matrix()
    codes = matrix.codes
    cast = (codes == YES) | (codes == ABSTAIN) | (codes == NO)
    years = matrix.year
    last_year = int(years[cast.any(axis=1)].max()) if last_year is None else int(last_year)
    in_span = (years >= int(first_year)) & (years <= last_year)
    dates = matrix.calls["date"].to_numpy()
    decade = pd.Series(years[in_span] // 10 * 10, name="decade", dtype="int64")
    counts = {}
    for group, rows in _regional_groups().groupby("group", sort=True):
        inside = _inside_group(matrix, rows, dates)[in_span]
        counts[group] = pd.DataFrame(
            {"yes": ((codes[in_span] == YES) & inside).sum(axis=1), "cast": (cast[in_span] & inside).sum(axis=1)}
        ).groupby(decade).sum()
    per_decade = pd.concat(counts, names=["group", "decade"])
    per_decade = per_decade[per_decade["cast"] > 0]
    share = (per_decade["yes"] / per_decade["cast"]).swaplevel().sort_index()
    return share.round(3).unstack("group").rename_axis(columns=None).reset_index()

