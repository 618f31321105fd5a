"""Voeten, Strezhnev & Bailey's GA voting data as packaged by the R package ``unvotes``.

Layer: data (the bottom of the package: it imports no other layer but errors).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...errors import SourceFormatError
from ..symbols import voeten_symbol

ISSUE_CODES = {
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "hr": "Human rights",
    "co": "Colonialism",
    "ec": "Economic development",
}


def read_rda(path: Path, name: str) -> pd.DataFrame:
    """Read data frame *name* from an R data file, or say which file is broken."""
    import pyreadr

    try:
        result = pyreadr.read_r(str(path))
    except Exception as exc:  # pyreadr raises its own types for corrupt or truncated files
        raise SourceFormatError(f"{path.name} could not be read as R data ({exc}).") from exc
    if name not in result:
        raise SourceFormatError(f"{path.name} holds {list(result)}, not the expected {name!r}.")
    return result[name]


def roll_calls(rc_path: Path, issues_path: Path) -> pd.DataFrame:
    """One row per Voeten roll call, with the UN symbol, kind, issue flags and date quality."""
    rc = read_rda(rc_path, "un_roll_calls")
    issues = read_rda(issues_path, "un_roll_call_issues")
    out = pd.DataFrame(
        {
            "rcid": rc["rcid"].astype("int64"),
            "date": pd.to_datetime(rc["date"]),
            "session": rc["session"].astype("int64"),
            "symbol_raw": rc["unres"].fillna(""),
            "title": rc["short"].fillna("").str.strip(),
            "description": rc["descr"].fillna("").str.strip(),
            "important": rc["importantvote"].astype("float").eq(1),
        }
    )
    out["symbol"] = [voeten_symbol(u, s) for u, s in zip(out["symbol_raw"], out["session"], strict=True)]
    out["kind"] = _kinds(rc, out["symbol"])
    out["date_approximate"] = _approximate_dates(out)
    for code in ISSUE_CODES:
        ids = issues.loc[issues["short_name"] == code, "rcid"].astype("int64")
        out[f"issue_{code}"] = out["rcid"].isin(ids)
    return out


def _kinds(rc: pd.DataFrame, symbol: pd.Series) -> list[str]:
    """``amendment`` or ``paragraph`` where Voeten flags it; ``resolution`` for a vote on a whole
    draft (adopted or not: Voeten codes both amend and para 0, even where its record names no
    symbol, as for every roll call of 1965); ``other`` where neither the flags nor a symbol say."""
    amend = rc["amend"].astype("float").to_numpy()
    para = rc["para"].astype("float").to_numpy()
    kinds = []
    for a, p, s in zip(amend, para, symbol.notna(), strict=True):
        if a == 1:
            kinds.append("amendment")
        elif p == 1:
            kinds.append("paragraph")
        elif s or (a == 0 and p == 0):
            kinds.append("resolution")
        else:
            kinds.append("other")
    return kinds


def _approximate_dates(rc: pd.DataFrame) -> pd.Series:
    """Sessions whose every date falls on days 1-9 of a month carry the month, not the day.

    In this release every date of sessions 1-51 (and 53) falls on day 1 to 7: the day is not
    the day of the vote. Such dates are kept as published and flagged.
    """
    max_day = rc.groupby("session")["date"].transform(lambda d: d.dt.day.max())
    return max_day <= 9


def votes(path: Path) -> pd.DataFrame:
    """Voeten's country votes: ``rcid``, the ISO-2-like ``country_code``, ``country``, ``vote``."""
    raw = read_rda(path, "un_votes")
    expected = {"rcid", "country", "country_code", "vote"}
    if not expected <= set(raw.columns):
        raise SourceFormatError(f"{path.name} lacks columns {sorted(expected - set(raw.columns))}.")
    return pd.DataFrame(
        {
            "rcid": raw["rcid"].astype("int64"),
            "country_code": raw["country_code"].astype("str"),
            "country": raw["country"].astype("str"),
            "vote": raw["vote"].astype("str"),
        }
    )
