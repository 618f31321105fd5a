"""Did a state break with its own voting practice? Three ways for the data to answer.

Layer: analysis, above the data layer and the Charter rules, below plotting and widgets.

- :func:`vote_shares`: how its votes split between yes, abstain and no, year by year.
- :func:`divergence_from_own_past`: on resolutions that come back session after session, its
  vote this year against its vote the previous time and its long-run usual vote.
- :func:`alignment_shift`: its agreement this year with its usual partners, with Russia,
  China and the Assembly majority, in standard deviations from its own recent record.

Every function takes any state (names, codes, or a :func:`unlearn.seat_series`); the United
States is the default because notebook 05 asks about its votes of 2025.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import coverage
from ._matrix import (
    ABSENT,
    ISSUES,
    NO,
    NOT_MEMBER,
    VOTE_OF_CODE,
    YES,
    Seat,
    empty_note,
    periods,
    seat_column,
    select,
    vote_matrix,
    with_note,
    year_list,
)
from .agreement import _pair_counts, seat_series, with_agreement
from .groups import _eu_table

US = "USA"


def vote_shares(
    country=US,
    years=None,
    by: str | None = "year",
    kind="resolution",
    issue=None,
    emergency=None,
    source=None,
    title=None,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How *country* voted, per year (or session): counts and shares of yes, abstain and no.

    Definition: ``roll_calls`` counts the selected recorded votes taken while it was a member,
    ``absent`` + ``unknown`` + ``cast`` (the columns after it, in that order, so that they add
    up on screen); the shares divide by the votes it ``cast`` (yes + abstain + no), so
    absences and votes not known do not dilute them. Filters as in :func:`unlearn.agreement`. Data: Voeten, Strezhnev
    & Bailey (2009), UN DGACM extracts, curated records (see :func:`unlearn.citation`).

    >>> us = vote_shares("United States", years=(2024, 2025), source="dgacm_ga")
    >>> us[["year", "roll_calls", "absent", "cast", "no"]].to_dict("records")[0]
    {'year': 2024, 'roll_calls': 92, 'absent': 1, 'cast': 91, 'no': 48}
    """
    matrix = vote_matrix(votes, roll_calls)
    label, x = seat_column(matrix, country)
    mask = select(matrix, years, kind, issue, emergency, source, title) & (x != NOT_MEMBER)
    keys, index = np.unique(periods(matrix, by)[mask], return_inverse=True)
    frame = pd.DataFrame({"country": label}, index=range(len(keys)))
    if by is not None:
        frame.insert(0, by, keys.astype("int64"))
    frame["roll_calls"] = np.bincount(index, minlength=len(keys))
    for code, vote in VOTE_OF_CODE.items():
        frame[vote] = np.bincount(index, weights=x[mask] == code, minlength=len(keys)).astype(
            "int64"
        )
    frame["cast"] = frame["yes"] + frame["abstain"] + frame["no"]
    for vote in ("yes", "abstain", "no"):
        frame[f"share_{vote}"] = frame[vote] / frame["cast"].where(frame["cast"] > 0)
    # neighbours add up on screen: roll_calls = absent + unknown + cast, cast = yes + abstain + no
    first = [by] if by is not None else []
    counts = ["roll_calls", "absent", "unknown", "cast", "yes", "abstain", "no"]
    frame = frame[first + ["country"] + counts + [f"share_{v}" for v in ("yes", "abstain", "no")]]
    if frame.empty:
        selected = select(matrix, years, kind, issue, emergency, source, title)
        return with_note(frame, empty_note(matrix, selected, years, [(label, x)]))
    if by == "year" and coverage.real_tables(votes, roll_calls):
        return coverage.with_coverage(frame)  # incomplete years say so in the table
    return frame


# ---------------------------------------------------------------- divergence from own past


@dataclass
class PastComparison:
    """What :func:`divergence_from_own_past` found: four tables and a summary when printed.

    ``resolutions``: one row per recurring resolution voted in the year; ``flips``: those on
    which the vote changed since the previous time; ``flip_counts``: how many of each change
    (``yes -> no``...); ``by_issue``: recurring, changed and different-from-usual by issue;
    ``first_recorded``: the roll calls of the year on titles never put to a recorded vote (with
    this country voting) before: texts until then adopted without a vote, or new ones.
    """

    country: str
    year: int
    resolutions: pd.DataFrame
    flips: pd.DataFrame
    flip_counts: pd.DataFrame
    by_issue: pd.DataFrame
    first_recorded: pd.DataFrame

    def __repr__(self) -> str:
        n, changed = len(self.resolutions), len(self.flips)
        unusual = int(self.resolutions["differs_from_usual"].sum()) if n else 0
        first = self.first_recorded

        def share(count: int) -> str:
            return f" ({count / n:.0%})" if n else ""

        # each breakdown sits under the count it breaks down, so the numbers add up on screen
        lines = [
            f"{self.country} in {self.year}: {n + len(first)} recorded votes cast:",
            f"  on titles never put to a recorded vote before: {len(first)}"
            + (f" (voted no on {int((first['vote'] == 'no').sum())})" if len(first) else ""),
            f"  on recurring resolutions: {n}, of which",
            f"    vote changed since the previous time: {changed}{share(changed)}",
        ]
        lines += [f"      {row.change}: {row.count}" for row in self.flip_counts.itertuples()]
        lines.append(f"    vote differs from its usual (modal) vote: {unusual}{share(unusual)}")
        return "\n".join(lines)


def divergence_from_own_past(
    country=US,
    year: int = 2025,
    kind="resolution",
    source=None,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
) -> PastComparison:
    """*country*'s votes in *year* on recurring resolutions, against its own earlier votes.

    Definition: a resolution recurs if a resolution with the same title (compared by
    :func:`title_key`) was voted on in an earlier session and *country* cast a vote on it.
    For each, ``previous_vote`` is its vote the last time, ``usual_vote`` its modal vote over
    every earlier time (a tie goes to the most recent of the tied votes); ``change`` reads like
    ``yes -> no``. Absences and unknown votes are left out, in *year* and before. Roll calls
    on titles with no earlier recorded vote are listed apart (``first_recorded``): a recorded
    vote requested on a text the Assembly used to adopt without a vote is a change of
    practice that the recurring comparison cannot show. *source*
    limits the roll calls of *year* only (earlier votes come from every source). The method is
    the "recurring resolutions" comparison used in studies of GA voting such as Voeten (2000)
    and the US State Department's *Voting Practices in the United Nations*.

    >>> past = divergence_from_own_past("United States", 2025, source="dgacm_ga")
    >>> int(past.flip_counts.set_index("change").loc["yes -> no", "count"]) > 10
    True
    """
    matrix = vote_matrix(votes, roll_calls)
    label, x = seat_column(matrix, country)
    calls = matrix.calls
    titles = calls["title_code"].to_numpy()
    usable = (x >= YES) & (x <= NO) & (titles >= 0)
    now = np.flatnonzero(select(matrix, year, kind, source=source) & usable)
    recurring = np.zeros(titles.max() + 2, dtype=bool)
    recurring[titles[now]] = True
    earlier = np.flatnonzero(select(matrix, None, kind) & usable & recurring[titles])
    history = pd.Series(earlier).groupby(titles[earlier]).indices  # title -> positions in earlier
    columns = {c: calls[c].to_numpy() for c in ("rcid", "date", "symbol", "title")}
    issues = _issue_labels(calls)
    rows, first_time = [], []
    for row in now:
        found = _compare(row, earlier[history[titles[row]]], matrix.session, x, columns, issues)
        (rows if found else first_time).append(found or row)
    table = pd.DataFrame(rows, columns=_COMPARISON_COLUMNS)
    flips = table[table["changed"].astype(bool)].reset_index(drop=True)
    counts = flips["change"].value_counts().rename_axis("change").reset_index(name="count")
    new = (
        calls.loc[first_time, ["rcid", "date", "symbol", "title"]]
        .assign(vote=[VOTE_OF_CODE[int(x[r])] for r in first_time])
        .reset_index(drop=True)
    )
    return PastComparison(label, int(year), table, flips, counts, _by_issue(table), new)


_COMPARISON_COLUMNS = [
    "rcid",
    "date",
    "symbol",
    "title",
    "issues",
    "vote",
    "previous_vote",
    "previous_symbol",
    "previous_date",
    "usual_vote",
    "times_before",
    "change",
    "changed",
    "differs_from_usual",
]


def _compare(
    row: int,
    history: np.ndarray,
    session: np.ndarray,
    x: np.ndarray,
    columns: dict,
    issues: np.ndarray,
) -> dict | None:
    """The comparison of roll call *row* with the earlier roll calls *history* (same title)."""
    before = history[session[history] < session[row]]
    if len(before) == 0:
        return None
    last = before[-1]  # rows are in date order
    vote, previous = VOTE_OF_CODE[int(x[row])], VOTE_OF_CODE[int(x[last])]
    usual = VOTE_OF_CODE[_modal(x[before])]
    return {
        "rcid": columns["rcid"][row],
        "date": columns["date"][row],
        "symbol": columns["symbol"][row],
        "title": columns["title"][row],
        "issues": issues[row],
        "vote": vote,
        "previous_vote": previous,
        "previous_symbol": columns["symbol"][last],
        "previous_date": columns["date"][last],
        "usual_vote": usual,
        "times_before": len(before),
        "change": f"{previous} -> {vote}" if vote != previous else "",
        "changed": vote != previous,
        "differs_from_usual": vote != usual,
    }


def _modal(codes: np.ndarray) -> int:
    counts = np.bincount(codes, minlength=NO + 1)
    tied = np.flatnonzero(counts == counts.max())
    last_seen = {int(c): i for i, c in enumerate(codes)}  # the latest position of each vote
    return int(max(tied, key=lambda c: last_seen.get(int(c), -1)))


def _issue_labels(calls: pd.DataFrame) -> np.ndarray:
    """Per roll call, its issues as text (``"Human rights; Colonialism"``)."""
    flags = {
        name: calls[f"issue_{code}"].fillna(False).to_numpy(dtype=bool)
        for code, name in ISSUES.items()
    }
    labels = ["; ".join(n for n, f in flags.items() if f[i]) for i in range(len(calls))]
    return np.array([label or "none of the six" for label in labels], dtype=object)


def _by_issue(table: pd.DataFrame) -> pd.DataFrame:
    columns = ["issue", "recurring", "changed", "to_no", "differs_from_usual"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    long = table.assign(issue=table["issues"].str.split("; ")).explode("issue")
    long["to_no"] = long["changed"] & (long["vote"] == "no")
    out = long.groupby("issue", sort=True).agg(
        recurring=("rcid", "size"),
        changed=("changed", "sum"),
        to_no=("to_no", "sum"),
        differs_from_usual=("differs_from_usual", "sum"),
    )
    return out.astype("int64").reset_index()[columns]


# ---------------------------------------------------------------- alignment shift

DEFAULT_PARTNERS = (
    "EU members",
    "United Kingdom",
    "France",
    "Canada",
    "Japan",
    "Australia",
    "Russia",
    "China",
    "Assembly majority",
)


def alignment_shift(
    country=US,
    year: int = 2025,
    reference_years=None,
    partners=DEFAULT_PARTNERS,
    definition: str = "exact",
    kind="resolution",
    source=None,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
    eu_membership: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """*country*'s agreement with each partner in *year*, against its own average over
    *reference_years* (default: the 20 years before), in standard deviations.

    Definition: per partner, ``agreement`` in *year* and in each reference year (the
    :func:`unlearn.agreement` definitions: exact match by default; Lijphart 1963; US State
    Department), ``reference_mean`` and ``reference_sd`` (sample standard deviation) over the
    reference years, and ``z`` = (agreement - reference_mean) / reference_sd. Partners:
    ``"EU members"`` pools every EU member on each vote's date (the country itself left out);
    ``"Assembly majority"`` votes yes where the roll call had more yes than no votes and no
    where it had more no than yes (the winning side under Art. 18(3); ties are left out);
    ``"Russia"`` is the seat (the USSR before 1992, see :func:`unlearn.seat_series`); other
    names are states. *source* limits *year* and the reference years alike.

    >>> shift = alignment_shift("USA", 2025, reference_years=(2020, 2024), source="dgacm_ga")
    >>> bool(shift.set_index("partner").loc["France", "z"] < -3)
    True
    """
    years = list(range(year - 20, year)) if reference_years is None else _years(reference_years)
    matrix = vote_matrix(votes, roll_calls)
    label, x = seat_column(matrix, country)
    mask = select(matrix, sorted(set(years) | {int(year)}), kind, source=source)
    keys, index = np.unique(matrix.year[mask], return_inverse=True)
    rows = []
    for partner in [partners] if isinstance(partners, (str, Seat)) else partners:
        counts = _partner_counts(matrix, x[mask], mask, partner, label, eu_membership)
        frame = pd.DataFrame(
            {n: np.bincount(index, weights=c, minlength=len(keys)) for n, c in counts.items()}
        )
        frame.insert(0, "year", keys)
        frame = with_agreement(frame[frame["together"] > 0], definition).set_index("year")
        rows.append(_shift_row(str(partner), frame, int(year), years))
    return pd.DataFrame(rows)


def _years(reference_years) -> list[int]:
    return [int(y) for y in year_list(reference_years)]


def _partner_counts(matrix, x, mask, partner, label, eu_membership) -> dict[str, np.ndarray]:
    """COUNTS per selected roll call between *x* and the partner (summed over EU members)."""
    name = partner if isinstance(partner, Seat) else str(partner)
    if name == "EU members":
        members = _membership_mask(
            matrix, mask, _eu_table() if eu_membership is None else eu_membership
        )
        own = matrix.column_of(label)
        if own is not None:
            members[:, own] = False
        pairs = _pair_counts(x, matrix.codes[mask])
        return {n: (c & members).sum(axis=1) for n, c in pairs.items()}
    if name == "Assembly majority":
        y = _majority_column(matrix)[mask]
    elif name == "Russia":
        _, y = seat_column(matrix, seat_series("SUN", "RUS"))
        y = y[mask]
    else:
        _, y = seat_column(matrix, partner)
        y = y[mask]
    return {n: c[:, 0] for n, c in _pair_counts(x, y[:, None]).items()}


def _membership_mask(matrix, mask, table: pd.DataFrame) -> np.ndarray:
    """Roll calls (selected) x states: True where the state was an EU member on that date."""
    dates = matrix.calls["date"].to_numpy()[mask]
    members = np.zeros((len(dates), len(matrix.states)), dtype=bool)
    joined_dates, left_dates = pd.to_datetime(table["joined"]), pd.to_datetime(table["left"])
    for iso3, joined, left in zip(table["iso3"], joined_dates, left_dates, strict=True):
        column = matrix.column_of(iso3)
        if column is not None:
            inside = dates >= np.datetime64(joined)
            if pd.notna(left):
                inside &= dates <= np.datetime64(left)
            members[:, column] = inside
    return members


def _majority_column(matrix) -> np.ndarray:
    """A pseudo-state voting with the winning side of each roll call (yes > no: yes)."""
    yes = matrix.calls["yes"].to_numpy()
    no = matrix.calls["no"].to_numpy()
    return np.where(yes > no, YES, np.where(no > yes, NO, ABSENT)).astype(np.int8)


def _shift_row(partner: str, frame: pd.DataFrame, year: int, years: list[int]) -> dict:
    reference = frame.loc[frame.index.isin(years), "agreement"].dropna()
    now = frame["agreement"].get(year, np.nan)
    mean = reference.mean() if len(reference) else np.nan
    sd = reference.std(ddof=1) if len(reference) > 1 else np.nan
    return {
        "partner": partner,
        "agreement": now,
        "votes": int(frame["votes"].get(year, 0)),
        "reference_mean": mean,
        "reference_sd": sd,
        "reference_years": len(reference),
        "change": now - mean,
        "z": (now - mean) / sd if sd and sd > 0 else np.nan,
    }
