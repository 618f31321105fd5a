"""The UN Dag Hammarskjöld Library voting CSVs (GA record 4060887, SC record 4055387).

Layer: data (the bottom of the package: it imports no other layer but errors).

A user downloads one and registers it with ``unlearn data add PATH``. Both the current
column names (``ms_code, ms_name, ms_vote, resolution, total_yes``...) and those of the
first release (``ms_codes, ms_names, ms_votes, resolutions, yes, no``...) are read.
Votes: ``Y`` yes, ``N`` no, ``A`` abstain, ``X`` (or ``NV``) non-voting.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...errors import SourceFormatError
from ..symbols import canonical

_OLD_NAMES = {
    "ms_codes": "ms_code",
    "ms_names": "ms_name",
    "ms_votes": "ms_vote",
    "resolutions": "resolution",
    "yes": "total_yes",
    "no": "total_no",
    "abstentions": "total_abstentions",
    "non_voting": "total_non_voting",
    "total_members": "total_ms",
}
VOTES = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent", "NV": "absent"}
REQUIRED = {"ms_code", "ms_name", "ms_vote", "date", "resolution"}


def kind_of(path: Path) -> str:
    """``"ga"`` or ``"sc"``, from the columns (SC files have ``permanent_member``)."""
    columns = set(pd.read_csv(path, nrows=0).rename(columns=_OLD_NAMES).columns)
    if not columns >= REQUIRED:
        raise SourceFormatError(
            f"{path.name} is not a Dag Hammarskjöld Library voting CSV: it lacks "
            f"{sorted(REQUIRED - columns)}. Download it from https://digitallibrary.un.org/record/4060887 "
            "(GA) or /record/4055387 (SC)."
        )
    return "sc" if "permanent_member" in columns else "ga"


def read(path: Path) -> pd.DataFrame:
    """One row per (resolution, member): symbol, date, ms_code, ms_name, vote and the totals."""
    kind_of(path)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False).rename(columns=_OLD_NAMES)
    bad = sorted(set(raw["ms_vote"].str.strip()) - set(VOTES) - {""})
    if bad:
        raise SourceFormatError(f"{path.name}: unknown vote codes {bad}.")
    out = pd.DataFrame(
        {
            "symbol": raw["resolution"].map(canonical),
            "date": pd.to_datetime(raw["date"]),
            "ms_code": raw["ms_code"].str.strip(),
            "ms_name": raw["ms_name"].str.strip(),
            "vote": raw["ms_vote"].str.strip().map(VOTES),
            "title": raw.get("title", raw.get("description", pd.Series("", index=raw.index))),
        }
    )
    for column in ("total_yes", "total_no", "total_abstentions", "total_non_voting"):
        out[column] = pd.to_numeric(raw.get(column), errors="coerce").astype("Int64")
    return out
