"""Lesson helpers for notebook 05 (24 February 2025): the Assembly's Ukraine votes, and
measures of whether the US votes broke with its own past (on and off Ukraine, against its
partners, recurring or new texts, by presidency).

Layer: lessons. Reads :mod:`unlearn.analysis` (agreement, divergence) and
:mod:`unlearn.lessons.roll_calls`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..analysis._matrix import NO, YES, periods, seat_column, select, vote_matrix, year_list
from ..analysis.agreement import _pair_counts, seat_series, with_agreement
from ..analysis.divergence import alignment_shift, divergence_from_own_past
from ..data import coverage, tables
from .roll_calls import votes_on

US_PARTNERS = ("United Kingdom", "France", "Canada", "Japan", "Australia")
"""The United States' usual partners in notebook 05, as in :func:`unlearn.analysis.divergence.alignment_shift`."""


KEY_UKRAINE_VOTES = (
    "A/RES/68/262",
    "A/RES/ES-11/1",
    "A/RES/ES-11/4",
    "A/RES/ES-11/6",
    "A/RES/ES-11/7",
    "A/RES/ES-11/8",
    "A/RES/ES-11/9",
    "A/RES/ES-11/10",
)
"""The General Assembly's main Ukraine resolutions: territorial integrity (2014), the emergency
special session's texts on aggression (2022), annexation (2022) and peace (2023), the two texts
of 24 Feb 2025, and the follow-ups of December 2025 and February 2026 (the last symbol is
inferred: see ``data/ga_curated_roll_calls.csv``)."""


US_TERMS = (
    ("Truman", "1945-04-12"),
    ("Eisenhower", "1953-01-20"),
    ("Kennedy", "1961-01-20"),
    ("Johnson", "1963-11-22"),
    ("Nixon", "1969-01-20"),
    ("Ford", "1974-08-09"),
    ("Carter", "1977-01-20"),
    ("Reagan", "1981-01-20"),
    ("G. H. W. Bush", "1989-01-20"),
    ("Clinton", "1993-01-20"),
    ("G. W. Bush", "2001-01-20"),
    ("Obama", "2009-01-20"),
    ("Trump", "2017-01-20"),
    ("Biden", "2021-01-20"),
    ("Trump", "2025-01-20"),
)
"""US presidencies and the day each began (the oath of office; National Archives, "Presidents
of the United States"): the eras in which to read US votes."""


def data_end() -> pd.Timestamp:
    """The day of the last General Assembly recorded vote in the data.

    >>> data_end() >= pd.Timestamp("2026-02-24")
    True
    """
    return tables.ga_roll_calls()["date"].max()


def last_full_year() -> int:
    """The last calendar year the data hold to its end (31 December): per-year figures stop
    there, so that no partial year is read as a whole one.

    >>> last_full_year() == data_end().year - 1 or data_end().strftime("%m-%d") == "12-31"
    True
    """
    end = data_end()
    return int(end.year) if (end.month, end.day) == (12, 31) else int(end.year) - 1


def partial_year_note() -> str:
    """One sentence for the screen: where the data end, and which year is therefore partial.

    >>> partial_year_note().startswith("The data end on ")
    True
    """
    end = data_end()
    if last_full_year() == end.year:
        return f"The data end on {end.day} {end:%B %Y}: every year shown is complete."
    return (
        f"The data end on {end.day} {end:%B %Y}: {end.year} is a partial year, so figures per year "
        f"stop at {last_full_year()} (single votes of {end.year} are still shown)."
    )


def _last_vote(dates: np.ndarray, mask: np.ndarray):
    return pd.Timestamp(dates[mask].max()).date()


def ukraine_resolutions(first_year: int = 2014, last_year: int | None = None) -> pd.DataFrame:
    """The General Assembly's recorded votes on resolutions about Ukraine.

    Definition: whole resolutions (``kind == "resolution"``) dated *first_year* to *last_year*
    that are A/RES/68/262 ("Territorial integrity of Ukraine", 2014), belong to the eleventh
    emergency special session (ES-11, convened on Ukraine by S/RES/2623 in 2022; this includes
    "The path to peace", A/RES/ES-11/8, whose title does not name Ukraine), or have "Ukraine"
    or "Crimea" in their title (the yearly human-rights and militarization texts).
    Columns: ``rcid``, ``date``, ``symbol``, ``title``, ``yes``, ``no``, ``abstain``, ``source``.

    >>> table = ukraine_resolutions()
    >>> table["symbol"].iloc[0], "A/RES/ES-11/8" in set(table["symbol"])
    ('A/RES/68/262', True)
    """
    calls = tables.ga_roll_calls()
    years = calls["date"].dt.year
    last_year = int(years.max()) if last_year is None else int(last_year)
    about = (
        calls["symbol"].eq("A/RES/68/262")
        | calls["emergency_session"].eq("ES-11")
        | calls["title"].fillna("").str.contains("Ukrain|Crimea", case=False, regex=True)
    )
    chosen = calls[about & calls["kind"].eq("resolution") & years.between(int(first_year), last_year)]
    columns = ["rcid", "date", "symbol", "title", "yes", "no", "abstain", "source"]
    return chosen.sort_values(["date", "rcid"])[columns].reset_index(drop=True)


def ukraine_votes(states=("USA", "RUS", "GBR", "FRA", "CHN"), first_year: int = 2014) -> pd.DataFrame:
    """:func:`votes_on` for every resolution of :func:`ukraine_resolutions`: how *states* voted
    on the Assembly's Ukraine resolutions since *first_year*, in one table.

    >>> table = ukraine_votes(["USA"])
    >>> table.set_index("symbol").loc["A/RES/68/262", "United States"]
    'yes'
    """
    return votes_on(ukraine_resolutions(first_year)["symbol"], states)


def agreement_on_and_off(
    a="United States", b=None, symbols=None, years=(2014, 2026), definition: str = "exact", label: str = "ukraine"
) -> pd.DataFrame:
    """Per year, how often *a* and *b* voted alike on the resolutions in *symbols* and on all
    the other resolutions.

    Definition: :func:`unlearn.analysis.agreement.agreement` (*definition*: ``"exact"``,
    ``"lijphart"`` or ``"state_dept"``), computed twice per year: over the recorded votes on
    whole resolutions whose symbol is in *symbols* (default: :func:`ukraine_resolutions`), and
    over every other resolution. *b* defaults to the Russian seat (the USSR before 1992).
    Columns: ``year``, ``coverage`` (``complete`` or ``partial: <kinds>``, see
    :func:`unlearn.data.coverage.incomplete_years`), ``{label}_agreement``, ``{label}_votes``
    (the definition's denominator), ``other_agreement``, ``other_votes``; a year with no such
    vote has a missing value.

    >>> table = agreement_on_and_off(years=(2022, 2025)).set_index("year")
    >>> float(table.loc[2022, "ukraine_agreement"]), round(float(table.loc[2025, "ukraine_agreement"]), 3)
    (0.0, 0.25)
    """
    symbols = ukraine_resolutions(1946)["symbol"] if symbols is None else symbols
    matrix = vote_matrix()
    _, x = seat_column(matrix, a)
    _, y = seat_column(matrix, seat_series("Russia") if b is None else b)
    base = select(matrix, years, kind="resolution")
    inside = matrix.calls["symbol"].isin(list(symbols)).to_numpy()
    keys = np.unique(periods(matrix, "year")[base])
    out = pd.DataFrame({"year": keys.astype("int64")})
    for part, mask in ((label, base & inside), ("other", base & ~inside)):
        counts = _pair_counts(x[mask], y[mask, None])
        index = np.searchsorted(keys, matrix.year[mask])
        frame = pd.DataFrame(
            {n: np.bincount(index, weights=c[:, 0], minlength=len(keys)).astype("int64") for n, c in counts.items()}
        )
        frame = with_agreement(frame, definition)
        out[f"{part}_agreement"] = frame["agreement"].to_numpy()
        out[f"{part}_votes"] = frame["votes"].to_numpy()
    return coverage.with_coverage(out)


def alignment_shift_without(
    symbols=None, country="United States", year: int = 2025, reference_years=None, definition: str = "exact"
) -> pd.DataFrame:
    """:func:`unlearn.analysis.divergence.alignment_shift` twice: on every resolution, and with
    the resolutions in *symbols* (default: :func:`ukraine_resolutions`) left out of *year* and
    of the reference years alike. How much of a shift survives without those votes?

    Columns: ``partner``, ``agreement`` and ``z`` (all resolutions), ``agreement_without``,
    ``z_without``, ``votes_without`` (the denominator without them).

    >>> table = alignment_shift_without().set_index("partner")
    >>> bool(table.loc["France", "z_without"] < -3)
    True
    """
    symbols = ukraine_resolutions(1946)["symbol"] if symbols is None else symbols
    calls = tables.ga_roll_calls()
    kept = calls[~calls["symbol"].isin(list(symbols))]
    every = alignment_shift(country, year, reference_years, definition=definition)
    without = alignment_shift(country, year, reference_years, definition=definition, roll_calls=kept)
    table = every[["partner", "agreement", "z"]].copy()
    table["agreement_without"] = without["agreement"].to_numpy()
    table["z_without"] = without["z"].to_numpy()
    table["votes_without"] = without["votes"].to_numpy()
    return table


def recurring_or_new(country="United States", years=(2024, 2025)) -> pd.DataFrame:
    """*country*'s no votes split by whether the text had been put to a recorded vote before.

    Definition: from :func:`unlearn.analysis.divergence.divergence_from_own_past`, per year:
    ``recurring`` texts (the same title voted on in an earlier session, with this country
    voting) and texts on which it cast a vote for the ``first time`` (new texts, or texts the
    Assembly used to adopt without a vote). ``votes`` (cast), ``no``, ``share_no``; for
    recurring texts also ``usually_no``: how many it had usually (modally) voted no on before;
    ``coverage`` after ``year`` (``complete`` or ``partial: <kinds>``).

    >>> table = recurring_or_new(years=[2025]).set_index("texts")
    >>> int(table.loc["recurring", "votes"] + table.loc["first time", "votes"])
    188
    """
    rows = []
    for year in year_list(years):
        past = divergence_from_own_past(country, int(year))
        recurring, first = past.resolutions, past.first_recorded
        for texts, frame in (("recurring", recurring), ("first time", first)):
            rows.append(
                {
                    "year": int(year),
                    "texts": texts,
                    "votes": len(frame),
                    "no": int((frame["vote"] == "no").sum()),
                    "usually_no": int((frame["usual_vote"] == "no").sum()) if texts == "recurring" else pd.NA,
                }
            )
    table = pd.DataFrame(rows)
    table["share_no"] = (table["no"] / table["votes"].where(table["votes"] > 0)).round(3)
    table["usually_no"] = table["usually_no"].astype("Int64")
    return coverage.with_coverage(table[["year", "texts", "votes", "no", "share_no", "usually_no"]])


def by_us_term(partner="France", first_year: int = 1946) -> pd.DataFrame:
    """US votes on General Assembly resolutions per presidency (:data:`US_TERMS`): the share
    of no votes and the agreement (exact match) with *partner*.

    Definition: recorded votes on whole resolutions dated from the day a term began to the day
    before the next; for the term still running, ``to`` is the day of its last recorded vote
    in the data, so that a term known only in part says so (Voeten's dates for 1946-1996
    carry the month only, so a vote in the month of an inauguration may fall on either side);
    ``share_no`` = no / (yes + abstain + no), as :func:`unlearn.analysis.divergence.vote_shares`; ``agreement`` as
    :func:`unlearn.analysis.agreement.agreement` with ``definition="exact"``.
    Columns: ``president``, ``from``, ``to``, ``votes``, ``no``, ``share_no``, ``agreement``.

    >>> table = by_us_term()
    >>> table["president"].iloc[-1], bool(table["share_no"].iloc[-1] > table["share_no"].iloc[-2])
    ('Trump (2025-)', True)
    >>> table["to"].iloc[-1] == data_end().date()
    True
    """
    matrix = vote_matrix()
    _, us = seat_column(matrix, "USA")
    _, other = seat_column(matrix, partner)
    dates = matrix.calls["date"].to_numpy()
    base = select(matrix, None, kind="resolution") & (matrix.year >= int(first_year))
    starts = [pd.Timestamp(day) for _, day in US_TERMS] + [pd.Timestamp.max]
    rows = []
    for i, (name, _) in enumerate(US_TERMS):
        mask = base & (dates >= np.datetime64(starts[i])) & (dates < np.datetime64(starts[i + 1]))
        cast = (us[mask] >= YES) & (us[mask] <= NO)
        if not cast.any():
            continue
        counts = {k: int(v.sum()) for k, v in _pair_counts(us[mask], other[mask, None]).items()}
        last = "" if i + 1 == len(US_TERMS) else str(starts[i + 1].year)
        rows.append(
            {
                "president": f"{name} ({starts[i].year}-{last})",
                "from": starts[i].date(),
                "to": (starts[i + 1] - pd.Timedelta(days=1)).date() if last else _last_vote(dates, mask),
                "votes": int(cast.sum()),
                "no": int((us[mask] == NO).sum()),
                "agreement": (counts["same"] + counts["both_abstained"]) / counts["common_votes"]
                if counts["common_votes"]
                else np.nan,
            }
        )
    table = pd.DataFrame(rows)
    table["share_no"] = (table["no"] / table["votes"]).round(3)
    table["agreement"] = table["agreement"].round(3)
    return table[["president", "from", "to", "votes", "no", "share_no", "agreement"]]

