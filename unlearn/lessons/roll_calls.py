"""Lesson helpers for reading one General Assembly roll call (notebooks 05-07): how named
states voted, how much of the breakdown is known, and where a curated 2025-2026 record comes from.

Layer: lessons. Reads the tidy tables (:mod:`unlearn.data.tables`) and the curated roll calls
(``data/ga_curated_roll_calls.csv``).
"""

from __future__ import annotations

import re

import pandas as pd

from ..data import tables
from ..data.ingest import curated
from ..data.symbols import canonical


def _title_of(call: pd.Series) -> str:
    """A roll call's title as the resolution reads it: Voeten's ``title`` is at times a subject
    heading in capitals ("ARMED CONFLICTS PREVENTION--MEDIATION" for A/RES/68/262), and then the
    ``description`` holds the title; without the ": resolution / adopted by..." suffix."""
    title = str(call.get("title") or "")
    text = call.get("description") if title.isupper() else None
    text = text if isinstance(text, str) and text.strip() else title
    return re.sub(r"\s*:\s*resolution\s*/\s*adopted by the General Assembly\s*$", "", text, flags=re.IGNORECASE)


def _vote_text(vote) -> str:
    return "unknown" if pd.isna(vote) else str(vote)


def votes_on(symbols, states=("USA", "RUS", "GBR", "FRA", "CHN")) -> pd.DataFrame:
    """How each of *states* voted on each General Assembly resolution in *symbols*, one row each.

    Columns: ``date``, ``symbol``, ``title``, ``tally`` (yes-no-abstain), ``known`` (how many
    members' votes the data states, "132 of 193"), then one column per state (its short name):
    ``yes``, ``no``, ``abstain``, ``absent``, ``unknown`` (a member whose vote no source
    states: some 2025-2026 votes) or ``not a member``. Sources: :func:`unlearn.ga_votes`.

    >>> table = votes_on(["A/RES/ES-11/1", "A/RES/ES-11/7"], ["USA", "RUS"])
    >>> table[["symbol", "United States", "Russia"]].values.tolist()
    [['A/RES/ES-11/1', 'yes', 'no'], ['A/RES/ES-11/7', 'no', 'no']]
    """
    codes = [tables.iso3(s) if not (len(s) == 3 and s.isupper()) else s for s in states]
    calls = pd.DataFrame([tables.roll_call(s) for s in symbols])
    votes = tables.ga_votes()
    votes = votes[votes["rcid"].isin(calls["rcid"])]
    rows = []
    for _, call in calls.iterrows():
        mine = votes[votes["rcid"] == call["rcid"]]
        by_state = dict(zip(mine["iso3"].astype(str), mine["vote"], strict=True))
        row = {
            "date": call["date"].date(),
            "symbol": call["symbol"],
            "title": _title_of(call),
            "tally": f"{int(call['yes'])}-{int(call['no'])}-{int(call['abstain'])}",
            "known": f"{int(mine['vote'].notna().sum())} of {len(mine)}",
        }
        for code in codes:
            row[tables.country_name(code)] = _vote_text(by_state[code]) if code in by_state else "not a member"
        rows.append(row)
    return pd.DataFrame(rows)


def known_breakdown(symbol: str) -> pd.DataFrame:
    """How much of a General Assembly roll call's breakdown the data knows, vote by vote.

    Definition: ``published`` is the tally (for ``did not vote``: the members then, less the
    votes cast); ``named`` counts the members the data lists with that vote (recorded by the
    source, or stated by a public record for the curated 2025-2026 votes); ``not_named`` is
    the difference: votes cast that no source attributes to a member. ``.attrs["unknown"]``
    is the number of members whose vote is not known.

    >>> table = known_breakdown("A/RES/ES-11/7").set_index("vote")
    >>> table.loc[["yes", "no", "abstain"], "named"].tolist(), int(table.loc["abstain", "published"])
    ([93, 18, 21], 65)
    """
    call = tables.roll_call(symbol)
    votes = tables.ga_votes()
    mine = votes.loc[votes["rcid"] == call["rcid"], "vote"]
    members = len(mine)
    cast = int(call["yes"] + call["no"] + call["abstain"])
    published = {
        "yes": int(call["yes"]),
        "no": int(call["no"]),
        "abstain": int(call["abstain"]),
        "did not vote": members - cast,
    }
    named = {v: int((mine == v).sum()) for v in ("yes", "no", "abstain")}
    named["did not vote"] = int((mine == "absent").sum())
    table = pd.DataFrame(
        {"vote": list(published), "published": list(published.values()), "named": [named[v] for v in published]}
    )
    table["not_named"] = (table["published"] - table["named"]).clip(lower=0)
    table.attrs.update(symbol=call["symbol"], date=call["date"], members=members, unknown=int(mine.isna().sum()))
    return table


def what_is_known(symbol: str) -> str:
    """One sentence: how much of roll call *symbol*'s breakdown the data knows (for the screen,
    wherever a partly known vote is shown), and whether its symbol is only inferred
    (``symbol_basis`` in ``data/ga_curated_roll_calls.csv``).

    >>> print(what_is_known("A/RES/ES-11/1"))
    A/RES/ES-11/1 (2 March 2022), 141-5-35: every member's vote is recorded (12 of the 193 members did not vote).
    """
    table = known_breakdown(symbol).set_index("vote")
    attrs = table.attrs
    day = attrs["date"]
    head = (
        f"{attrs['symbol']} ({day.day} {day:%B %Y}), "
        f"{table.loc['yes', 'published']}-{table.loc['no', 'published']}-{table.loc['abstain', 'published']}"
    )
    if attrs["unknown"] == 0:
        return (
            f"{head}: every member's vote is recorded ({table.loc['did not vote', 'published']} of the "
            f"{attrs['members']} members did not vote)."
        )
    curated_calls = curated.read("ga_curated_roll_calls")
    inferred = curated_calls.loc[curated_calls["symbol"] == attrs["symbol"], "symbol_basis"].eq("inferred").any()
    parts = [
        f"{table.loc[v, 'named']} of the {table.loc[v, 'published']} {label}"
        for v, label in (
            ("yes", "yes votes"),
            ("no", "no votes"),
            ("abstain", "abstentions"),
            ("did not vote", "members that did not vote"),
        )
    ]
    return (
        f"{head}: the data names {', '.join(parts[:-1])} and {parts[-1]}; "
        f"the votes of {attrs['unknown']} of the {attrs['members']} members are not known."
        + (" The symbol is inferred: no document consulted ties it to this vote." if inferred else "")
    )


def states_voting(symbol: str, vote: str = "no") -> list[str]:
    """The short names of the states the data lists with *vote* (``yes``, ``no``, ``abstain``,
    ``absent`` or ``unknown``) on the General Assembly resolution *symbol*, A to Z.

    >>> states_voting("A/RES/ES-11/7", "no")[:3]
    ['Belarus', 'Burkina Faso', 'Burundi']
    """
    call = tables.roll_call(symbol)
    votes = tables.ga_votes()
    mine = votes[votes["rcid"] == call["rcid"]]
    chosen = mine["vote"].isna() if vote == "unknown" else mine["vote"] == vote
    return sorted(tables.country_name(code) for code in mine.loc[chosen, "iso3"].astype(str))


def curated_roll_call(symbol: str) -> pd.Series:
    """Where the project's record of a 2025-2026 Assembly vote comes from: the row of
    ``data/ga_curated_roll_calls.csv`` (``tally_source``, ``symbol_basis``, ``source``,
    ``note``: conflicts, first reports later corrected, what is not known).

    >>> curated_roll_call("A/RES/ES-11/10")["symbol_basis"]
    'inferred'
    """
    table = curated.read("ga_curated_roll_calls")
    rows = table[table["symbol"] == canonical(symbol)]
    if rows.empty:
        raise ValueError(f"{symbol!r} is not one of the curated roll calls: {', '.join(table['symbol'])}.")
    return rows.iloc[0][["symbol", "date", "yes", "no", "abstain", "tally_source", "symbol_basis", "source", "note"]]

