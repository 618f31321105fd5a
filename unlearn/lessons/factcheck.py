"""Lesson helpers for notebook 07: checking a news report's claims against the data, and a
student's verdicts on them.

Layer: lessons. Reads the tidy tables, the Council helpers of :mod:`unlearn.lessons.council`
and the EU membership of :mod:`unlearn.analysis.groups`.

``data/news_claims.csv`` holds the checkable claims of a news report on the votes of
24 February 2025, in the project's own words, each with a machine-readable ``check``:

- ``ga_count:SYMBOL:VOTE`` / ``sc_count:SYMBOL:VOTE``: how many states cast that vote
- ``ga_votes_of:SYMBOL:STATE;STATE`` / ``sc_votes_of:...``: each named state's vote (a state is
  a name, alias or code, read as :func:`unlearn.country` reads it on the vote's date)
- ``vetoes_on:DATE``: the vetoes cast that day, and by whom
- ``date_compare:DATE:DATE``: the time between two dates
- ``us_votes:SYMBOL;SYMBOL``: the United States' vote on each roll call
- ``bloc_compare:SYMBOL``: EU members' votes beside those of the US and Russia
- ``wording:SYMBOL:WORDS``: the resolution's own words on the point (quoted from its text, whose
  address the claim's ``source`` gives: the vote data hold no texts)

:func:`evidence` returns what the data says, as sentences; the verdict is the student's.

>>> print(evidence("ga_count:A/RES/ES-11/7:no"))
A/RES/ES-11/7: 18 states voted no (tally published: 18; known by name: 18).
"""

from __future__ import annotations

import pandas as pd

from ..analysis.groups import eu_members
from ..data import membership, names, tables
from ..data.ingest import curated
from ..data.symbols import canonical
from .council import council_vote, vetoes_on


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
        "wording": _wording,
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
    council = council_vote(symbol)
    published = dict(zip(("yes", "no", "abstain"), map(int, council.attrs["tally"].split("-")), strict=True))
    return (
        f"{canonical(symbol)}: {published[vote]} of {len(council)} Council members voted {vote} "
        f"(tally {council.attrs['tally']})."
    )


def _codes(named: str, date) -> list[str]:
    """The ``iso3`` of each name or code in a ``;``-separated list, as :func:`unlearn.country`
    reads it on *date*; a non-member observer State (``Holy See``) is kept as its own name.
    A name no state has is refused with the closest names (one line)."""
    codes = []
    for name in (n.strip() for n in named.split(";")):
        note = names.name_note(name, date)
        if note is not None and note[0] == "non-member":
            codes.append(name)
        elif name:
            codes.append(tables.iso3(name, on=date, members_only=False))
    return codes


def _said(votes: pd.DataFrame, code: str, date, elsewhere: str) -> str:
    """One state's vote in *votes*: its vote, ``unknown``, or why it has none (*elsewhere*
    when it was a UN member but has no row, e.g. ``not on the Council``)."""
    match = votes[votes["iso3"] == code]
    if len(match):
        vote = match["vote"].iloc[0]
        return "unknown" if pd.isna(vote) else str(vote)
    if code not in tables.short_names():
        return "not a UN member State (a non-member observer State)"
    if not membership.was_member(pd.Series([code]), pd.Series([pd.Timestamp(date)]))[0]:
        return "not a UN member then"
    return elsewhere


def _listed(votes: pd.DataFrame, codes: list[str], date, elsewhere: str) -> str:
    return "; ".join(f"{tables.country_name(c)}: {_said(votes, c, date, elsewhere)}" for c in codes)


def _ga_votes_of(rest: str) -> str:
    symbol, named = rest.rsplit(":", 1)
    row, votes = ga_roll_call_votes(symbol)
    codes = _codes(named, row["date"])
    return f"{row['symbol']}: {_listed(votes, codes, row['date'], 'unknown')}."


def _sc_votes_of(rest: str) -> str:
    symbol, named = rest.rsplit(":", 1)
    council = council_vote(symbol)
    date = _sc_date(symbol)
    codes = _codes(named, date)
    seat = dict(zip(council["iso3"], council["seat"], strict=True))
    listed = _listed(council, codes, date, "not on the Council")
    seats = [f"{c} ({seat[c] if c in seat else _said(council, c, date, 'not on the Council')})" for c in codes]
    return f"{canonical(symbol)}: {listed}. Seats: {', '.join(seats)}."


def _sc_date(symbol: str) -> pd.Timestamp:
    resolutions = tables.sc_resolutions()
    return resolutions.loc[resolutions["symbol"] == canonical(symbol).split(" (")[0], "date"].iloc[0]


def _vetoes_on(day: str) -> str:
    that_day = vetoes_on(day)
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
    row, votes = ga_roll_call_votes(symbol)
    eu = votes[votes["iso3"].astype(str).isin(eu_members(row["date"]))]
    counts = eu["vote"].astype("string").fillna("unknown").value_counts()
    spread = ", ".join(f"{n} {v}" for v, n in counts.items())
    us = votes.loc[votes["iso3"] == "USA", "vote"].iloc[0]
    russia = votes.loc[votes["iso3"] == "RUS", "vote"].iloc[0]
    return f"{row['symbol']}: EU members ({len(eu)}): {spread}. United States: {us}; Russian Federation: {russia}."


def _wording(rest: str) -> str:
    symbol, words = rest.split(":", 1)
    return (
        f"The text of {canonical(symbol)} says: \"{words}\" (its own words; the vote data hold no texts, "
        "so compare the claim's words with these)."
    )


VERDICTS = ("accurate", "partly accurate", "inaccurate", "cannot be checked with these data")
"""The verdicts a student may give a claim in notebook 07."""


def claim_list() -> str:
    """The claims of ``data/news_claims.csv``, in full, one a line: ``N. claim [about]`` (a table
    would cut long claims short).

    >>> print(claim_list().splitlines()[7])
    8. The votes took place exactly three years after the full-scale Russian invasion began on 24 February 2022. [dates]
    """
    table = curated.read("news_claims")
    return "\n".join(f"{row.claim_id}. {row.claim} [{row.about}]" for row in table.itertuples())


def claim_cards(claim_ids=None) -> str:
    """The claims of ``data/news_claims.csv`` (notebook 07), each with what the data says, as
    text to read: ``Claim N (about): claim`` then ``Data: evidence``.

    >>> print(claim_cards([8]))  # doctest: +NORMALIZE_WHITESPACE
    Claim 8 (dates): The votes took place exactly three years after the full-scale Russian
    invasion began on 24 February 2022.
      Data: 24 February 2025 is 1096 days after 24 February 2022: exactly 3 years, to the day.
    """
    table = claims()
    if claim_ids is not None:
        table = table[table["claim_id"].astype(int).isin([int(c) for c in claim_ids])]
    return "\n\n".join(
        f"Claim {row.claim_id} ({row.about}): {row.claim}\n  Data: {row.evidence}" for row in table.itertuples()
    )


def verdict_table(verdicts: dict) -> pd.DataFrame:
    """The claims with a student's verdicts: *verdicts* maps a claim id to ``(verdict, why)``,
    the verdict one of :data:`VERDICTS`. Claims without a verdict are listed as ``not checked``.

    >>> table = verdict_table({8: ("accurate", "The data counts exactly three years.")})
    >>> table.set_index("claim_id").loc[8, "verdict"], table.set_index("claim_id").loc[1, "verdict"]
    ('accurate', 'not checked')
    """
    table = claims()[["claim_id", "claim"]].copy()
    table["claim_id"] = table["claim_id"].astype(int)
    for key, (verdict, _) in verdicts.items():
        if verdict not in VERDICTS:
            raise ValueError(f"claim {key}: verdict {verdict!r} is not one of {VERDICTS}.")
        if int(key) not in set(table["claim_id"]):
            raise ValueError(f"there is no claim {key}; the claims are numbered {sorted(table['claim_id'])}.")
    given = {int(k): v for k, v in verdicts.items()}
    table["verdict"] = [given.get(c, ("not checked", ""))[0] for c in table["claim_id"]]
    table["why"] = [given.get(c, ("", ""))[1] for c in table["claim_id"]]
    return table


def verdict_report(verdicts: dict) -> str:
    """*verdicts* (as for :func:`verdict_table`) as text to read: each claim given a verdict,
    with the verdict and the reason in full.

    >>> print(verdict_report({8: ("accurate", "Three years to the day.")}))
    Claim 8: accurate
      The votes took place exactly three years after the full-scale Russian invasion began on 24 February 2022.
      Why: Three years to the day.
    """
    table = verdict_table(verdicts)
    given = table[table["claim_id"].isin([int(k) for k in verdicts])]
    return "\n\n".join(
        f"Claim {row.claim_id}: {row.verdict}\n  {row.claim}\n  Why: {row.why}" for row in given.itertuples()
    )

