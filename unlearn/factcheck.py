"""Checking a news report's claims against the data (notebook 06).

``data/news_claims.csv`` holds the checkable claims of a news report on the votes of
24 February 2025, in the project's own words, each with a machine-readable ``check``:

- ``ga_count:SYMBOL:VOTE`` / ``sc_count:SYMBOL:VOTE``: how many states cast that vote
- ``ga_votes_of:SYMBOL:ISO3;ISO3`` / ``sc_votes_of:...``: each named state's vote
- ``vetoes_on:DATE``: the vetoes cast that day, and by whom
- ``date_compare:DATE:DATE``: the time between two dates
- ``us_votes:SYMBOL;SYMBOL``: the United States' vote on each roll call
- ``bloc_compare:SYMBOL``: EU members' votes beside those of the US and Russia

:func:`evidence` returns what the data says, as sentences; the verdict is the student's.

>>> print(evidence("ga_count:A/RES/ES-11/7:no"))
A/RES/ES-11/7: 18 states voted no (tally published: 18; known by name: 18).
"""

from __future__ import annotations

import pandas as pd

from . import lessons, tables
from .ingest import curated
from .symbols import canonical


def claims() -> pd.DataFrame:
    """The claims to check, with the data's evidence for each in a column ``evidence``."""
    table = curated.read("news_claims")
    table["evidence"] = table["check"].map(evidence)
    return table


def evidence(check: str) -> str:
    """What the data says about one ``check`` (see the module docstring for the vocabulary)."""
    kind, _, rest = check.partition(":")
    handlers = {
        "ga_count": _ga_count,
        "sc_count": _sc_count,
        "ga_votes_of": _ga_votes_of,
        "sc_votes_of": _sc_votes_of,
        "vetoes_on": _vetoes_on,
        "date_compare": _date_compare,
        "us_votes": _us_votes,
        "bloc_compare": _bloc_compare,
    }
    if kind not in handlers:
        raise ValueError(f"unknown check {kind!r}; use one of {sorted(handlers)}")
    return handlers[kind](rest)


def ga_roll_call_votes(symbol: str) -> tuple[pd.Series, pd.DataFrame]:
    """The roll call row and its country votes (with short names) for a GA symbol."""
    row = tables.roll_call(symbol)
    votes = tables.ga_votes()
    mine = votes[votes["rcid"] == row["rcid"]].copy()
    mine["country"] = mine["iso3"].astype(str).map(tables.short_names())
    return row, mine


def _ga_count(rest: str) -> str:
    symbol, vote = rest.rsplit(":", 1)
    row, votes = ga_roll_call_votes(symbol)
    known = int((votes["vote"] == vote).sum())
    published = int(row[vote]) if vote in ("yes", "no", "abstain") else None
    return f"{row['symbol']}: {published} states voted {vote} (tally published: {published}; known by name: {known})."


def _sc_count(rest: str) -> str:
    symbol, vote = rest.rsplit(":", 1)
    council = lessons.council_vote(symbol)
    published = dict(zip(("yes", "no", "abstain"), map(int, council.attrs["tally"].split("-")), strict=True))
    return (
        f"{canonical(symbol)}: {published[vote]} of {len(council)} Council members voted {vote} "
        f"(tally {council.attrs['tally']})."
    )


def _listed(votes: pd.DataFrame, codes: str) -> str:
    parts = []
    for code in codes.split(";"):
        match = votes[votes["iso3"] == code]
        vote = match["vote"].iloc[0] if len(match) else None
        said = "not a member then" if match.empty else ("unknown" if pd.isna(vote) else str(vote))
        parts.append(f"{tables.country_name(code)}: {said}")
    return "; ".join(parts)


def _ga_votes_of(rest: str) -> str:
    symbol, codes = rest.rsplit(":", 1)
    row, votes = ga_roll_call_votes(symbol)
    return f"{row['symbol']}: {_listed(votes, codes)}."


def _sc_votes_of(rest: str) -> str:
    symbol, codes = rest.rsplit(":", 1)
    council = lessons.council_vote(symbol)
    seat = dict(zip(council["iso3"], council["seat"], strict=True))
    named = [f"{c} ({seat.get(c, 'not on the Council')})" for c in codes.split(";")]
    return f"{canonical(symbol)}: {_listed(council, codes)}. Seats: {', '.join(named)}."


def _vetoes_on(day: str) -> str:
    that_day = lessons.vetoes_on(day)
    if that_day.empty:
        return f"No veto is recorded on {day}."
    lines = [f"{len(that_day)} veto(es) on {day}:"]
    for _, row in that_day.iterrows():
        tally = f"{row['yes']} in favour" if pd.notna(row["yes"]) else "tally not known"
        lines.append(f"{row['member']} vetoed {row['kind']} '{row['subject']}' ({tally}).")
    return " ".join(lines)


def _date_compare(rest: str) -> str:
    first, second = (pd.Timestamp(d) for d in rest.split(":"))
    years = first.year - second.year
    same_day = (first.month, first.day) == (second.month, second.day)
    return (
        f"{first:%d %B %Y} is {(first - second).days} days after {second:%d %B %Y}"
        f"{f': exactly {years} years, to the day' if same_day else ''}."
    )


def _us_votes(rest: str) -> str:
    parts = []
    for symbol in rest.split(";"):
        row, votes = ga_roll_call_votes(symbol)
        us = votes.loc[votes["iso3"] == "USA", "vote"]
        parts.append(f"{row['symbol']} ({row['date']:%d %b %Y}): {us.iloc[0] if len(us) else 'no row'}")
    return "United States: " + "; ".join(parts) + "."


def _bloc_compare(symbol: str) -> str:
    from .analysis.groups import eu_members

    row, votes = ga_roll_call_votes(symbol)
    eu = votes[votes["iso3"].astype(str).isin(eu_members(row["date"]))]
    counts = eu["vote"].astype("string").fillna("unknown").value_counts()
    spread = ", ".join(f"{n} {v}" for v, n in counts.items())
    us = votes.loc[votes["iso3"] == "USA", "vote"].iloc[0]
    russia = votes.loc[votes["iso3"] == "RUS", "vote"].iloc[0]
    return f"{row['symbol']}: EU members ({len(eu)}): {spread}. United States: {us}; Russian Federation: {russia}."
