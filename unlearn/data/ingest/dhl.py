"""The UN Dag Hammarskjöld Library voting CSVs (GA record 4060887, SC record 4055387).

Layer: data (the bottom of the package: it imports no other layer but errors).

A user downloads one and registers it with ``unlearn data add PATH``. Both the current
column names (``ms_code, ms_name, ms_vote, resolution, total_yes``...) and those of the
first release (``ms_codes, ms_names, ms_votes, resolutions, yes, no``...) are read.
Votes: ``Y`` yes, ``N`` no, ``A`` abstain, ``X`` (or ``NV``) non-voting.

Encodings: the Library publishes these files as UTF-8, so UTF-8 is read, with or without a
byte-order mark (a file opened and saved again in Excel's "CSV UTF-8" gains one). The Library
produces neither UTF-16 nor Latin-1; such a file was re-saved by another program (Excel's
"Unicode text" or plain "CSV" on Windows), and guessing its encoding could turn ``TÜRKİYE``
into a name no alias matches, so it is refused, with how to save it as UTF-8 again.

Every row is checked here, so that a file that would break a later build is refused when it
is added: the columns (the four totals too), the vote codes, the dates and the totals.
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
TOTALS = ("total_yes", "total_no", "total_abstentions", "total_non_voting")
REQUIRED = {"ms_code", "ms_name", "ms_vote", "date", "resolution"}
_RESAVE = 'Save it again as "CSV UTF-8" (or download it again from the Library).'


def _text(path: Path) -> str:
    """The file's text, decoded as the Library writes it (see the module docstring)."""
    data = path.read_bytes()
    if not data.strip():
        raise SourceFormatError(f"{path.name} is empty: it is not a Dag Hammarskjöld Library voting CSV.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4096]:
        raise SourceFormatError(f"{path.name} is UTF-16 or a binary file, not a Library CSV (UTF-8). {_RESAVE}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceFormatError(
            f"{path.name} is not UTF-8 (byte {exc.start}), as the Library writes its CSVs: "
            f"perhaps Latin-1 or a binary file. {_RESAVE}"
        ) from None


def _frame(path: Path, **options) -> pd.DataFrame:
    """The CSV as strings, with the current column names; refuses what pandas cannot parse."""
    from io import StringIO

    try:
        raw = pd.read_csv(StringIO(_text(path)), dtype=str, keep_default_na=False, **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise SourceFormatError(f"{path.name} is not a readable CSV: {exc}") from None
    return raw.rename(columns=_OLD_NAMES)


def kind_of(path: Path) -> str:
    """``"ga"`` or ``"sc"``, from the columns (SC files have ``permanent_member``)."""
    columns = set(_frame(path, nrows=0).columns)
    if not columns >= REQUIRED:
        raise SourceFormatError(
            f"{path.name} is not a Dag Hammarskjöld Library voting CSV: it lacks "
            f"{sorted(REQUIRED - columns)}. Download it from https://digitallibrary.un.org/record/4060887 "
            "(GA) or /record/4055387 (SC)."
        )
    return "sc" if "permanent_member" in columns else "ga"


def _first_bad(raw: pd.DataFrame, bad: pd.Series, column: str) -> str:
    """Where the first bad value is, as a user finds it in a spreadsheet (row 2 is the first)."""
    row = int(bad.to_numpy().nonzero()[0][0])
    return f"{column} {raw[column].iloc[row]!r} in row {row + 2}"


def _dates(path: Path, raw: pd.DataFrame) -> pd.Series:
    dates = pd.to_datetime(raw["date"].str.strip(), format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        raise SourceFormatError(f"{path.name}: a date is not YYYY-MM-DD: {_first_bad(raw, dates.isna(), 'date')}.")
    return dates


def _totals(path: Path, raw: pd.DataFrame) -> dict[str, pd.Series]:
    """Each total as a whole number on every row: a build writes them as the published tally."""
    out = {}
    for column in TOTALS:
        value = pd.to_numeric(raw[column].str.strip(), errors="coerce")
        bad = value.isna() | (value % 1 != 0) | (value < 0)
        if bad.any():
            raise SourceFormatError(f"{path.name}: a total is not a whole number: {_first_bad(raw, bad, column)}.")
        out[column] = value.astype("int64")
    return out


def read(path: Path) -> pd.DataFrame:
    """One row per (resolution, member): symbol, date, ms_code, ms_name, vote and the totals."""
    kind_of(path)
    raw = _frame(path)
    missing = sorted(set(TOTALS) - set(raw.columns))
    if missing:
        raise SourceFormatError(f"{path.name} lacks the column(s) {missing}, which every Library voting CSV has.")
    if raw.empty:
        raise SourceFormatError(f"{path.name} has its header but no votes.")
    bad = sorted(set(raw["ms_vote"].str.strip()) - set(VOTES) - {""})
    if bad:
        raise SourceFormatError(f"{path.name}: unknown vote codes {bad}.")
    out = pd.DataFrame(
        {
            "symbol": raw["resolution"].map(canonical),
            "date": _dates(path, raw),
            "ms_code": raw["ms_code"].str.strip(),
            "ms_name": raw["ms_name"].str.strip(),
            "vote": raw["ms_vote"].str.strip().map(VOTES),
            "title": raw.get("title", raw.get("description", pd.Series("", index=raw.index))),
        }
    )
    for column, values in _totals(path, raw).items():
        out[column] = values.astype("Int64")
    return out
