"""Who belongs to which group on a date, and how a roll call split by group.

Layer: analysis, above the data layer and the Charter rules, below plotting and widgets.

The groupings are curated, dated tables in ``data/`` with their sources, never guessed from
geography: ``eu_membership.csv`` (EEC/EC/EU accession and exit dates, from the EU's country
profiles) and ``regional_groups.csv`` (the five UN regional groups, from the DGACM list).
The permanent members are those of Charter Art. 23 as the seats passed (see
:func:`unlearn.charter.permanent_members`).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from ..charter import permanent_members
from ..data.ingest import curated
from ..data.tables import select_roll_call
from ..errors import ArgumentError
from ._matrix import (
    NOT_MEMBER,
    VOTE_OF_CODE,
    state_code,
    vote_matrix,
)

REGIONAL_GROUPS = (
    "African",
    "Asia-Pacific",
    "Eastern European",
    "Latin American and Caribbean",
    "Western European and Others",
)
DEFAULT_GROUPS = ("P5", "EU", "regional groups")
NO_GROUP = "no regional group (or not known)"


@functools.cache
def _eu_table() -> pd.DataFrame:
    return curated.read("eu_membership", dates=("joined", "left"))


@functools.cache
def _regional_table() -> pd.DataFrame:
    return curated.read("regional_groups", dates=("valid_from", "valid_to"))


def eu_members(date, eu_membership: pd.DataFrame | None = None) -> list[str]:
    """The iso3 codes of the EU's members on *date* (the EEC before 1993, the EC/EU after).

    Definition: joined <= date <= left (left empty while a member). Source:
    ``data/eu_membership.csv``, from the EU's country profiles (european-union.europa.eu).

    >>> after_brexit = eu_members("2020-02-01")
    >>> len(eu_members("2019-12-31")), len(after_brexit), "GBR" in after_brexit
    (28, 27, False)
    """
    table = _eu_table() if eu_membership is None else eu_membership
    when = pd.Timestamp(date)
    joined = pd.to_datetime(table["joined"])
    left = pd.to_datetime(table["left"])
    inside = (joined <= when) & (left.isna() | (when <= left))
    return sorted(table.loc[inside, "iso3"])


def regional_group_members(group: str, date, regional_groups: pd.DataFrame | None = None) -> list[str]:
    """The iso3 codes in UN regional *group* on *date*.

    Definition: valid_from <= date <= valid_to (valid_to empty: still in it). A row whose start
    is not known (``valid_from`` empty, e.g. Kiribati) is left out rather than guessed.
    Before 1963 the groups were informal; the table applies each state's later group back to
    its admission. Source: ``data/regional_groups.csv``, from the UN DGACM list of regional groups.

    >>> "FRA" in regional_group_members("Western European and Others", "2025-02-24")
    True
    """
    if group not in REGIONAL_GROUPS:
        raise ValueError(f"group={group!r} is not a UN regional group; use one of {REGIONAL_GROUPS}.")
    table = _regional_table() if regional_groups is None else regional_groups
    return sorted(table.loc[(table["group"] == group) & _valid_on(table, date), "iso3"])


def _valid_on(table: pd.DataFrame, date) -> pd.Series:
    when = pd.Timestamp(date)
    start, end = pd.to_datetime(table["valid_from"]), pd.to_datetime(table["valid_to"])
    return start.notna() & (start <= when) & (end.isna() | (when <= end))


def how_voted(
    symbol,
    groups=DEFAULT_GROUPS,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
    eu_membership: pd.DataFrame | None = None,
    regional_groups: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One General Assembly roll call broken down by group: how many voted yes, abstain, no.

    *symbol*: a resolution symbol (``"A/RES/ES-11/7"``) or an ``rcid``. *groups*: any of
    ``"P5"`` (the permanent members on that date), ``"EU"`` (EU members on that date),
    ``"regional groups"`` (all five), one regional group by name (``"African"``), or state
    names/codes (each its own row). The first row is every member.
    Columns: ``group``, ``kind`` (all, P5, EU, regional group, state), ``members`` (UN members
    of the group then), ``yes``, ``abstain``, ``no``, ``absent``, ``unknown`` (vote not known),
    ``most_common`` (the vote cast most often; ``split`` on a tie; for a state, its vote: the
    most common vote need not be a majority), ``majority_of_members`` (True where more than half
    of the group's UN members cast that most common vote; None where unknown votes leave it open).
    Sources: the groupings of ``data/`` (EU country profiles; UN DGACM regional groups) and
    Charter Art. 23.

    >>> t = how_voted("A/RES/ES-11/7", groups=["P5", "EU", "United States"])
    >>> t[["group", "yes", "abstain", "no", "most_common", "majority_of_members"]].values.tolist()[1:]
    [['P5', 2, 1, 2, 'split', False], ['EU', 26, 0, 1, 'yes', True], ['United States', 0, 0, 1, 'no', True]]
    """
    matrix = vote_matrix(votes, roll_calls)
    row = _roll_call_row(matrix, symbol)
    date = matrix.calls["date"].iloc[row]
    codes = matrix.codes[row]
    rows = [_summary("All members", "all", codes)]
    for item in _group_list(groups):
        rows += _group_rows(item, date, matrix, codes, eu_membership, regional_groups)
    table = pd.DataFrame(rows)
    table.attrs["symbol"] = matrix.calls["symbol"].iloc[row]
    table.attrs["date"] = date
    return table


def _group_list(groups) -> list:
    """*groups* as a list: one name, or a list/tuple of them (None or a number is refused)."""
    if isinstance(groups, str):
        return [groups]
    if isinstance(groups, (list, tuple, set, pd.Index, np.ndarray)):
        return list(groups)
    raise ArgumentError(
        f"groups={groups!r}: give 'P5', 'EU', 'regional groups', a regional group or a state, "
        f"or a list of them (default {list(DEFAULT_GROUPS)}; [] for all members only)."
    )


def _group_rows(item, date, matrix, codes, eu_membership, regional_groups) -> list[dict]:
    name = str(item).strip()
    if name.upper() == "P5":
        return [_summary("P5", "P5", _subset(matrix, codes, permanent_members(date)))]
    if name.upper() == "EU":
        return [_summary("EU", "EU", _subset(matrix, codes, eu_members(date, eu_membership)))]
    if name.lower() in ("regional groups", "regional"):
        table = _regional_table() if regional_groups is None else regional_groups
        placed = set(table.loc[_valid_on(table, date), "iso3"])
        unplaced = [s for s, c in zip(matrix.states, codes, strict=True) if c != NOT_MEMBER and s not in placed]
        rows = [
            _summary(g, "regional group", _subset(matrix, codes, regional_group_members(g, date, table)))
            for g in REGIONAL_GROUPS
        ]
        return rows + ([_summary(NO_GROUP, "regional group", _subset(matrix, codes, unplaced))] if unplaced else [])
    if name in REGIONAL_GROUPS:
        return [
            _summary(
                name,
                "regional group",
                _subset(matrix, codes, regional_group_members(name, date, regional_groups)),
            )
        ]
    code = state_code(matrix, name)
    row = _summary(name, "state", _subset(matrix, codes, [code]))
    own = _subset(matrix, codes, [code])
    row["most_common"] = VOTE_OF_CODE.get(int(own[0]), "not a member") if len(own) else "not a member"
    cast = row["most_common"] in ("yes", "abstain", "no")
    row["majority_of_members"] = True if cast else (None if row["most_common"] == "unknown" else False)
    return [row]


def _subset(matrix, codes: np.ndarray, members) -> np.ndarray:
    columns = [c for c in (matrix.column_of(m) for m in members) if c is not None]
    return codes[columns]


def _summary(group: str, kind: str, codes: np.ndarray) -> dict:
    counts = {vote: int((codes == code).sum()) for code, vote in VOTE_OF_CODE.items()}
    cast = {v: counts[v] for v in ("yes", "abstain", "no")}
    top = max(cast.values())
    leaders = [v for v, n in cast.items() if n == top and n > 0]
    most_common = leaders[0] if len(leaders) == 1 else ("split" if leaders else "none cast")
    members = int((codes != NOT_MEMBER).sum())
    return {
        "group": group,
        "kind": kind,
        "members": members,
        **counts,
        "most_common": most_common,
        "majority_of_members": _majority_of_members(len(leaders) == 1, top, counts["unknown"], members),
    }


def _majority_of_members(single_leader: bool, top: int, unknown: int, members: int) -> bool | None:
    """Did more than half of the members cast the most common vote? The most common vote is
    not a majority (27 abstentions of 54 African members on 68/262 is none); None where the
    unknown votes could still make it one (unknown is never guessed)."""
    if single_leader and 2 * top > members:
        return True
    return None if 2 * (top + unknown) > members else False


def _roll_call_row(matrix, symbol) -> int:
    """The matrix row of the roll call a symbol or rcid names (one rule: tables.select_roll_call)."""
    rcid = select_roll_call(matrix.calls, symbol)["rcid"]
    return int(np.flatnonzero(matrix.calls["rcid"].to_numpy() == rcid)[0])
