"""Lesson helpers for notebook 01 (the UN's bodies): membership over time and the Council's seats.

Layer: lessons (above the widgets). Reads the membership periods of :mod:`unlearn.data.membership`
and the Council seats of :func:`unlearn.widgets.council.council_members`.

>>> member_count("1945-12-31"), member_count("2011-12-31")
(51, 193)
"""

from __future__ import annotations

import re

import pandas as pd

from ..data import membership
from ..errors import ArgumentError
from ..widgets.council import FIRST_YEAR, LAST_YEAR, council_members


def member_count(on=None) -> int:
    """How many states were UN members on *on* (a date; default: today).

    Definition: a state counts if *on* falls in one of its membership periods
    (:func:`unlearn.data.membership.periods`: ``data/states.csv`` less the gaps of
    ``data/membership_gaps.csv``). An original member counts from the day it deposited its
    ratification (Charter Art. 110), which for some came after 24 Oct 1945.

    >>> member_count("1945-10-24"), member_count("1960-12-31")
    (29, 99)
    """
    when = pd.Timestamp.now().normalize() if on is None else pd.Timestamp(on)
    return len(membership.members_on(pd.Series([when])))


def members_by_year(first: int = 1945, last: int | None = None) -> pd.DataFrame:
    """UN membership at the end of each year from *first* to *last* (default: this year).

    Columns: ``year``, ``members`` (members on 31 December), ``change`` (against the end of
    the year before: admissions minus states that left or merged; 0 when a seat only passed
    to a continuing state, as from the USSR to Russia).

    >>> table = members_by_year(1945, 1961).set_index("year")
    >>> int(table.loc[1945, "members"]), int(table.loc[1960, "change"])
    (51, 17)
    """
    last = pd.Timestamp.now().year if last is None else int(last)
    years = list(range(int(first) - 1, last + 1))
    ends = pd.Series(pd.to_datetime([f"{y}-12-31" for y in years]))
    counts = membership.members_on(ends).groupby("date").size()
    table = pd.DataFrame({"year": years, "members": [int(counts.get(d, 0)) for d in ends]})
    table["change"] = table["members"].diff()
    table = table.iloc[1:].reset_index(drop=True)
    table["change"] = table["change"].astype(int)
    return table


def council_seats(year: int, term: str | None = None) -> pd.DataFrame:
    """Who sat on the Security Council in *year* (2000-2026), and each elected member's term.

    Columns: ``iso3``, ``name``, ``seat`` (``permanent`` or ``elected``), ``term``: for an
    elected member the two calendar years of its term (``2009-2010``), read from the years
    it voted in (Charter Art. 23(2): a two-year term, no immediate re-election), or
    ``one year only`` when it voted in neither the year before nor the year after (a split
    term, such as Italy and the Netherlands sharing 2017-2018). Where the data cannot tell
    (the first year or last year of the data), ``not known``.
    The seats come from :func:`unlearn.widgets.council.council_members` (the permanent
    members, then the ten elected members who voted that year, from :func:`unlearn.sc_votes`).

    *term* keeps only the members with that term (``"2022-2023"``; an en dash works too); a
    term no member had that year is refused, with the terms it had.

    >>> seats = council_seats(2010)
    >>> seats.set_index("iso3").loc["JPN", "term"], int((seats["seat"] == "elected").sum())
    ('2009-2010', 10)
    >>> council_seats(2022, term="2022–2023")["name"].tolist()[:2]
    ['Albania', 'Brazil']
    """
    year = int(year)
    seats = council_members(year)
    before = set(council_members(year - 1)["iso3"]) if year > FIRST_YEAR else None
    after = set(council_members(year + 1)["iso3"]) if year < LAST_YEAR else None

    def term_of(code: str, permanent: bool) -> str:
        if permanent:
            return "permanent"
        if before is not None and code in before:
            return f"{year - 1}-{year}"
        if after is not None and code in after:
            return f"{year}-{year + 1}"
        if before is None or after is None:
            return "not known"
        return "one year only"

    table = pd.DataFrame(
        {
            "iso3": seats["iso3"],
            "name": seats["name"],
            "seat": ["permanent" if p else "elected" for p in seats["permanent"]],
            "term": [term_of(c, p) for c, p in zip(seats["iso3"], seats["permanent"], strict=True)],
        }
    )
    return table if term is None else _with_term(table, year, term)


def _with_term(table: pd.DataFrame, year: int, term: str) -> pd.DataFrame:
    """The rows of *table* whose term is *term*, written with any dash; none is an error."""
    wanted = re.sub(r"\s*[-\u2010-\u2015\u2212]\s*", "-", str(term).strip()).lower()
    chosen = table[table["term"] == wanted]
    if chosen.empty:
        raise ArgumentError(
            f"term={term!r}: no member of the {year} Council had that term; its terms were "
            f"{', '.join(repr(t) for t in dict.fromkeys(table['term']))} (an elected term is two years, "
            "Charter Art. 23(2), written like '2022-2023')."
        )
    return chosen

