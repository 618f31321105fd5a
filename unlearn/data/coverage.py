"""What the General Assembly tables hold, year by year and session by session, and what they miss.

Layer: data (the bottom of the package: it imports no other layer but errors).

Three kinds of incompleteness, each found or checked on the data itself:

- **known gaps** (``data/ga_coverage_gaps.csv``, a source per row): a window in which a bulk
  source holds no or too few roll calls, such as Voeten's January-September 2016, 2018 and
  2019. Which windows are gaps cannot be told from counts alone (1990 and 1991 hold no
  January-September votes either), so the table says where and why, with a public record of a
  vote the source lacks, and :func:`check_gaps` confirms that the data holds exactly what each
  row says it holds. January-September 2017 holds five roll calls, as many as 2015, among them
  the yearly June votes that 2016, 2018 and 2019 lack: no missing vote was found, so 2017 is
  not marked.
  A gap whose missing roll calls have all been added as curated rows (``closed_by``) is closed.
- **unknown country votes**: roll calls whose tally is published but some or all member votes
  are not (curated 2024-2026 votes, A/RES/75/254 A-C), counted from ``vote_basis``.
- **the partial year**: the calendar year of the last vote in the data, when the data stop
  before its end (in 2026 the DGACM extract ends on 4 June), compared with today's date.

>>> years = incomplete_years()
>>> sorted(y for y in years if y < 2020)
[2016, 2018, 2019]
>>> "partial year" in years[2026]
True
"""

from __future__ import annotations

import functools

import pandas as pd

from . import cache
from .ingest import curated
from .tables import ga_roll_calls, ga_votes

SOURCES = ("voeten", "dgacm_ga", "curated", "dhl_ga")
COMPLETE = "complete"
# the kinds of incompleteness a `coverage` label names (short, so tables stay readable)
VOTES_MISSING, SOME_UNKNOWN, UNDER_WAY = "votes missing", "some votes unknown", "year under way"


def known_gaps() -> pd.DataFrame:
    """The curated known gaps (``data/ga_coverage_gaps.csv``), with ``open``: False once every
    roll call named in ``closed_by`` is in the tables.

    >>> gaps = known_gaps().set_index("gap_id")
    >>> bool(gaps.loc["voeten_2018_jan_sep", "open"]), int(gaps.loc["voeten_2018_jan_sep", "holds"])
    (True, 0)
    """
    gaps = curated.read("ga_coverage_gaps", dates=("start", "end"))
    gaps["holds"] = gaps["holds"].astype("int64")
    held = set(ga_roll_calls()["symbol"].dropna())
    gaps["open"] = gaps["closed_by"].map(lambda text: not text or not set(_split(text)) <= held)
    return gaps


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def check_gaps() -> pd.DataFrame:
    """Each known gap beside what the data holds in its window from its sources (``found``);
    ``agrees`` is False where the curated row is out of date with the data.

    >>> bool(check_gaps()["agrees"].all())
    True
    """
    calls = ga_roll_calls()
    gaps = known_gaps()
    gaps["found"] = [
        int((calls["date"].between(row.start, row.end) & calls["source"].isin(_split(row.sources))).sum())
        for row in gaps.itertuples()
    ]
    gaps["agrees"] = gaps["found"].eq(gaps["holds"])
    return gaps[["gap_id", "sources", "start", "end", "holds", "found", "agrees", "open"]]


def data_end() -> pd.Timestamp:
    """The date of the last General Assembly vote in the tables.

    >>> str(data_end().date()) >= "2026-06-04"
    True
    """
    return ga_roll_calls()["date"].max()


def partial_years(today: str | pd.Timestamp | None = None) -> dict[int, str]:
    """Calendar years the data cover only in part at their end: the year of the last vote
    when the data stop before 31 December, and any later year up to *today* (no votes yet).

    >>> partial_years(today="2026-12-02")[2026]
    'partial year: the data end on 4 June 2026 and the year is still under way (today is 2 December 2026)'
    >>> partial_years(today="2027-02-01")[2027]
    'partial year: no votes in the data yet (they end on 4 June 2026)'
    """
    today = pd.Timestamp(today or pd.Timestamp.now()).normalize()
    end = data_end()
    years = {}
    if end < pd.Timestamp(end.year, 12, 31):
        reason = f"partial year: the data end on {_day(end)}"
        if today.year == end.year:
            reason += f" and the year is still under way (today is {_day(today)})"
        years[end.year] = reason
    for year in range(end.year + 1, today.year + 1):
        years[year] = f"partial year: no votes in the data yet (they end on {_day(end)})"
    return years


def _day(date: pd.Timestamp) -> str:
    return f"{date.day} {date:%B %Y}"


def _unknown_votes() -> pd.DataFrame:
    """One row per roll call with at least one member vote unknown: ``rcid``, ``unknown``."""
    votes = ga_votes()
    unknown = votes.loc[votes["vote_basis"] == "unknown", "rcid"].value_counts()
    return unknown.rename("unknown").rename_axis("rcid").reset_index()


def coverage_table(today: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Per calendar year and regular session: roll calls by source, how many of them have
    country votes partly unknown, and the known gaps with their reasons.

    Columns: ``year``, ``session`` (regular session; emergency sessions count in the one they
    fall in), one count per source (``voeten``, ``dgacm_ga``, ``curated``, ``dhl_ga``),
    ``roll_calls``, ``votes_unknown`` (roll calls with member votes unknown), ``coverage``
    (``complete`` or ``partial: <reasons>``).

    >>> table = coverage_table(today="2026-12-02").set_index(["year", "session"])
    >>> int(table.loc[(2018, 72), "voeten"]), table.loc[(2018, 72), "coverage"][:45]
    (0, "partial: Voeten's data (unvotes package) hold")
    >>> table.loc[(2014, 68), "coverage"]
    'complete'
    """
    calls = ga_roll_calls().assign(year=lambda frame: frame["date"].dt.year)
    calls = calls.merge(_unknown_votes(), on="rcid", how="left")
    counts = pd.crosstab([calls["year"], calls["session"]], calls["source"])
    counts = counts.reindex(columns=list(SOURCES), fill_value=0)
    counts.columns = list(SOURCES)
    # a (year, session) that a gap empties entirely still gets its row, with zero counts
    gap_keys = [
        (year, int(gap.session))
        for gap in known_gaps().itertuples()
        for year in range(gap.start.year, gap.end.year + 1)
    ]
    counts = counts.reindex(counts.index.union(pd.MultiIndex.from_tuples(gap_keys)), fill_value=0)
    counts.index.names = ["year", "session"]
    table = counts.reset_index()
    table["roll_calls"] = table[list(SOURCES)].sum(axis=1)
    partly = calls[calls["unknown"].notna()].groupby(["year", "session"]).size().rename("votes_unknown")
    table = table.merge(partly.reset_index(), on=["year", "session"], how="left")
    table["votes_unknown"] = table["votes_unknown"].fillna(0).astype("int64")
    reasons = _reasons_by_year_session(table, today)
    table["coverage"] = [
        f"partial: {'; '.join(dict.fromkeys(reasons[key]))}" if reasons.get(key) else COMPLETE
        for key in zip(table["year"], table["session"], strict=True)
    ]
    return table


def _reasons_by_year_session(table: pd.DataFrame, today) -> dict[tuple[int, int], list[str]]:
    """Why each (year, session) is incomplete: the open gaps in its dates, its roll calls with
    unknown country votes, the partial year."""
    reasons: dict[tuple[int, int], list[str]] = {}
    for gap in known_gaps().query("open").itertuples():
        for year in range(gap.start.year, gap.end.year + 1):
            reasons.setdefault((year, int(gap.session)), []).append(gap.reason)
    for row in table[table["votes_unknown"] > 0].itertuples():
        reasons.setdefault((row.year, row.session), []).append(_unknown_note(row.votes_unknown, row.roll_calls))
    partial = partial_years(today)
    for row in table[table["year"].isin(list(partial))].itertuples():
        reasons.setdefault((row.year, row.session), []).append(partial[row.year])
    return reasons


def _unknown_note(unknown: int, roll_calls: int) -> str:
    verb = "has" if unknown == 1 else "have"
    return f"{unknown} of {roll_calls} roll calls {verb} a published tally but country votes partly unknown"


def incomplete_years(today: str | pd.Timestamp | None = None, unknown_votes: bool = True) -> dict[int, str]:
    """``{year: reason}`` for every calendar year whose coverage is incomplete: an open known
    gap in it, the partial year, and (unless *unknown_votes* is False) roll calls whose
    country votes are partly unknown.

    >>> incomplete_years(today="2026-12-02")[2019][:60]
    "Voeten's data (unvotes package) holds no General Assembly ro"
    >>> 2014 in incomplete_years()
    False
    """
    day = pd.Timestamp(today or pd.Timestamp.now()).normalize()
    # one answer per build of the tables and day: every per-year table asks for it
    found = _incomplete_years(str(cache.ensure_built()), str(day.date()), unknown_votes)
    return {year: reason for year, reason, _ in found}


def coverage_labels(today: str | pd.Timestamp | None = None, unknown_votes: bool = True) -> dict[int, str]:
    """``{year: label}``: the short ``coverage`` label of every incomplete year, naming the
    kinds of incompleteness (``votes missing``, ``some votes unknown``, ``year under way``);
    :func:`incomplete_years` gives the reasons in full.

    >>> coverage_labels(today="2026-12-02")[2019]
    'partial: votes missing'
    >>> coverage_labels(today="2026-12-02")[2026]
    'partial: some votes unknown; year under way'
    """
    day = pd.Timestamp(today or pd.Timestamp.now()).normalize()
    found = _incomplete_years(str(cache.ensure_built()), str(day.date()), unknown_votes)
    return {year: label for year, _, label in found}


@functools.lru_cache(maxsize=8)
def _incomplete_years(build: str, today: str, unknown_votes: bool) -> tuple[tuple[int, str, str], ...]:
    """``(year, reason, label)`` per incomplete year: the reason in full, and the short label
    of the ``coverage`` column (the kinds of incompleteness: tables stay readable)."""
    reasons: dict[int, list[str]] = {}
    kinds: dict[int, list[str]] = {}

    def add(year: int, reason: str, kind: str) -> None:
        reasons.setdefault(year, []).append(reason)
        kinds.setdefault(year, []).append(kind)

    for gap in known_gaps().query("open").itertuples():
        for year in range(gap.start.year, gap.end.year + 1):
            add(year, gap.reason, VOTES_MISSING)
    if unknown_votes:
        calls = ga_roll_calls().assign(year=lambda frame: frame["date"].dt.year)
        partly = calls.merge(_unknown_votes(), on="rcid", how="left")
        per_year = partly.groupby("year").agg(roll_calls=("rcid", "size"), unknown=("unknown", "count"))
        for year, row in per_year[per_year["unknown"] > 0].iterrows():
            add(int(year), _unknown_note(row["unknown"], row["roll_calls"]), SOME_UNKNOWN)
    for year, reason in partial_years(today).items():
        add(year, reason, UNDER_WAY)
    return tuple(
        (year, "; ".join(dict.fromkeys(reasons[year])), "partial: " + "; ".join(dict.fromkeys(kinds[year])))
        for year in sorted(reasons)
    )


def year_coverage(years, today: str | pd.Timestamp | None = None, unknown_votes: bool = True) -> list[str]:
    """The ``coverage`` label of each calendar year: ``complete`` or ``partial: <kinds>`` (see
    :func:`coverage_labels`), the column every per-year table carries.

    >>> year_coverage([2014, 2018])
    ['complete', 'partial: votes missing']
    """
    labels = coverage_labels(today, unknown_votes)
    return [labels.get(int(year), COMPLETE) for year in years]


def session_coverage(sessions, today=None) -> list[str]:
    """The ``coverage`` label of each regular session: ``partial: <kinds>`` where an open
    known gap falls in it or the data stop before it ends (the session opens in September of
    1945 + its number), else ``complete``. For figures computed per session (ideal points).

    >>> session_coverage([69, 72, 80], today="2026-12-02")
    ['complete', 'partial: votes missing', 'partial: data end on 4 June 2026']
    """
    reasons: dict[int, list[str]] = {}
    for gap in known_gaps().query("open").itertuples():
        reasons.setdefault(int(gap.session), []).append(VOTES_MISSING)
    end = data_end()
    last = end.year - 1945 - (1 if end.month < 9 else 0)
    today = pd.Timestamp(today or pd.Timestamp.now()).normalize()
    if end < pd.Timestamp(last + 1946, 9, 1):  # the session ran (or runs) past the last vote
        under_way = today < pd.Timestamp(last + 1946, 9, 1)
        reasons.setdefault(last, []).append("session under way" if under_way else f"data end on {_day(end)}")
    labels = {s: f"partial: {'; '.join(dict.fromkeys(kinds))}" for s, kinds in reasons.items()}
    return [labels.get(int(s), COMPLETE) for s in sessions]


def with_coverage(frame: pd.DataFrame, year: str = "year", today=None, unknown_votes: bool = True) -> pd.DataFrame:
    """*frame* (one row per calendar year in column *year*) with a ``coverage`` column right
    after it: ``complete`` or ``partial: <kinds>`` (:func:`coverage_labels`; the reasons in
    full: :func:`incomplete_years`), so that no one reads a partial year as a whole one.
    Charts (:mod:`unlearn.plotting.charts`) draw such years with hollow markers.

    >>> table = with_coverage(pd.DataFrame({"year": [2015, 2016], "no": [3, 4]}))
    >>> list(table.columns), table["coverage"].str[:8].tolist()
    (['year', 'coverage', 'no'], ['complete', 'partial:'])
    """
    out = frame.drop(columns="coverage", errors="ignore")
    years = pd.unique(out[year].dropna())
    labels = dict(zip(years, year_coverage(years, today, unknown_votes), strict=True))
    # categorical: a table of every pair of states repeats each year's label a million times
    column = pd.Categorical(out[year].map(labels))
    out.insert(out.columns.get_loc(year) + 1, "coverage", column)
    return out


def real_tables(votes, roll_calls) -> bool:
    """True when a function was given no tables of its own (so coverage applies to it)."""
    return votes is None and roll_calls is None


def coverage_lines(today: str | pd.Timestamp | None = None) -> list[str]:
    """What ``unlearn data coverage`` prints: the roll calls per year and source, each
    incomplete year with its reasons, then the known gaps."""
    table = coverage_table(today)
    per_year = table.groupby("year")[[*SOURCES, "roll_calls", "votes_unknown"]].sum()
    incomplete = incomplete_years(today)
    lines = [
        "General Assembly roll calls per calendar year, by source "
        "(votes_unknown: roll calls with country votes partly unknown)",
        f"{'year':>6} {'voeten':>7} {'dgacm':>6} {'curated':>8} {'library':>8} {'total':>6} {'unknown':>8}  coverage",
    ]
    for year, row in per_year.iterrows():
        mark = "complete" if year not in incomplete else "PARTIAL (see below)"
        lines.append(
            f"{year:>6} {row['voeten']:>7} {row['dgacm_ga']:>6} {row['curated']:>8} {row['dhl_ga']:>8} "
            f"{row['roll_calls']:>6} {row['votes_unknown']:>8}  {mark}"
        )
    lines += ["", "Incomplete years:"]
    lines += [f"  {year}: {reason}" for year, reason in incomplete.items()]
    lines += ["", "Known gaps (data/ga_coverage_gaps.csv; each row cites its source):"]
    for gap in known_gaps().itertuples():
        state = "open" if gap.open else f"closed by curated rows ({gap.closed_by})"
        lines.append(f"  {gap.start.date()} to {gap.end.date()}, {gap.sources}: {gap.what_is_missing} [{state}]")
        lines.append(f"      why: {gap.reason}")
        lines.append(f"      source: {gap.source}")
    lines += [
        "",
        f"The data end on {_day(data_end())}. A year marked partial is not a whole year: "
        "compare it with others only with that in mind.",
    ]
    return lines
