"""Country spellings -> one state, by date, through the curated alias table.

Layer: data (the bottom of the package: it imports no other layer but errors).

The ingest never guesses: a spelling is looked up exactly (after :func:`normalise`) in
``data/country_aliases.csv``, whose rows are dated because some codes changed meaning
(Voeten's ``RU`` is the USSR before 24 Dec 1991 and the Russian Federation after). A spelling
that is not there stops the build with :class:`UnmappedSpellingError`, naming it. Fuzzy
matching is used only to *suggest* names to a person (:func:`suggest`).

>>> normalise("  Côte d'Ivoire ")
"CÔTE D'IVOIRE"
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

import numpy as np
import pandas as pd

from ..errors import UnmappedSpellingError
from . import config

_SPACES = re.compile(r"\s+")


def normalise(spelling: str) -> str:
    """The form in which aliases are compared: NFC, trimmed, single spaces, upper case."""
    text = unicodedata.normalize("NFC", str(spelling)).replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip().upper()


@functools.cache
def alias_table() -> pd.DataFrame:
    """The curated alias table with a ``key`` column (the normalised alias) and parsed dates."""
    table = pd.read_csv(config.curated_dir() / "country_aliases.csv", dtype=str, keep_default_na=False)
    table["key"] = table["alias"].map(normalise)
    table["valid_from"] = pd.to_datetime(table["valid_from"].replace("", None))
    table["valid_to"] = pd.to_datetime(table["valid_to"].replace("", None))
    return table


def resolve(
    spellings: pd.Series, dates: pd.Series, kinds: tuple[str, ...], where: str, unmapped: str = "raise"
) -> pd.Series:
    """Map each spelling (on its date) to one ``iso3``; raise naming every unmapped spelling
    (``unmapped="keep"`` leaves them missing instead, for a caller with a second way to map).

    *kinds* limits which alias kinds may match (``("iso2",)`` for Voeten's codes,
    ``("name",)`` for names). *where* names the source for the error message.
    Work is done once per distinct (spelling, date), so a million rows cost little.
    """
    frame = pd.DataFrame({"key": spellings.map(normalise).to_numpy(), "date": dates.to_numpy()})
    distinct = frame.drop_duplicates().reset_index(drop=True)
    candidates = alias_table()[alias_table()["kind"].isin(kinds)]
    joined = distinct.merge(candidates[["key", "iso3", "valid_from", "valid_to"]], on="key", how="left")
    in_range = (joined["valid_from"].isna() | (joined["valid_from"] <= joined["date"])) & (
        joined["valid_to"].isna() | (joined["date"] <= joined["valid_to"])
    )
    matched = joined[in_range & joined["iso3"].notna()].drop_duplicates(["key", "date", "iso3"])
    counts = matched.groupby(["key", "date"]).size()
    ambiguous = counts[counts > 1]
    if len(ambiguous):
        raise UnmappedSpellingError(
            f"{where}: these spellings match more than one state on the same date: "
            f"{sorted({k for k, _ in ambiguous.index})[:10]}. Fix data/country_aliases.csv."
        )
    lookup = matched.set_index(["key", "date"])["iso3"]
    result = pd.Series(
        lookup.reindex(pd.MultiIndex.from_frame(frame[["key", "date"]])).to_numpy(),
        index=spellings.index,
        dtype="str",
    )
    missing = frame.loc[result.isna().to_numpy()]
    if len(missing) and unmapped == "raise":
        examples = missing.drop_duplicates("key").head(10)
        listed = ", ".join(f"{k!r} ({d:%Y-%m-%d})" for k, d in zip(examples["key"], examples["date"], strict=True))
        raise UnmappedSpellingError(
            f"{where}: {missing['key'].nunique()} spelling(s) are not in data/country_aliases.csv "
            f"for their date: {listed}. Add a dated row for each (docs/countries.md says how)."
        )
    return result


def suggest(name: str, choices: list[str], n: int = 5) -> list[str]:
    """The closest known names to *name*, for an error message (never used by the ingest)."""
    wanted = normalise(name)
    upper = {normalise(c): c for c in choices}
    close = difflib.get_close_matches(wanted, list(upper), n=n, cutoff=0.5)
    starts = [k for k in upper if k.startswith(wanted[:3])] if len(wanted) >= 3 else []
    ordered = list(dict.fromkeys(close + sorted(starts)))[:n]
    return [upper[k] for k in ordered]


def as_dates(values) -> np.ndarray:
    return pd.to_datetime(values).to_numpy()


@functools.cache
def name_notes() -> pd.DataFrame:
    """``data/name_notes.csv``: what to tell a person who writes a name that is not, or not only,
    one member on a date (a non-member observer State, a name two states held, a state before
    it joined), with a ``key`` column (the normalised alias) and parsed dates."""
    table = pd.read_csv(config.curated_dir() / "name_notes.csv", dtype=str, keep_default_na=False)
    table["key"] = table["alias"].map(normalise)
    table["valid_from"] = pd.to_datetime(table["valid_from"].replace("", None))
    table["valid_to"] = pd.to_datetime(table["valid_to"].replace("", None))
    return table


def name_note(name: str, on=None) -> tuple[str, str] | None:
    """``(status, note)`` for *name* on the date *on*, or None when there is nothing to say.

    A dated note applies only when *on* falls inside its dates; an undated one always applies.

    >>> name_note("holy see")[0], name_note("Germany", on="1960-01-01")[0], name_note("Germany")
    ('non-member', 'not-yet', None)
    """
    when = None if on is None else pd.Timestamp(on)
    for start, end, status, note in _notes_by_key().get(normalise(name), ()):
        dated = pd.notna(start) or pd.notna(end)
        if not dated or (
            when is not None and (pd.isna(start) or start <= when) and (pd.isna(end) or when <= end)
        ):
            return status, note
    return None


@functools.cache
def _notes_by_key() -> dict[str, list[tuple]]:
    """The notes grouped by normalised alias, as plain tuples (a lookup per name typed)."""
    grouped: dict[str, list[tuple]] = {}
    for row in name_notes().itertuples(index=False):
        grouped.setdefault(row.key, []).append((row.valid_from, row.valid_to, row.status, row.note))
    return grouped


def name_holders(name: str) -> pd.DataFrame:
    """The states a name (or code) has meant, one row per dated meaning: ``iso3``,
    ``valid_from``, ``valid_to``, oldest first (names and codes only, not COW numbers).

    >>> name_holders("Yugoslavia")["iso3"].tolist()
    ['YUG', 'SCG', 'SRB']
    """
    table = alias_table()
    rows = table[(table["key"] == normalise(name)) & table["kind"].isin(["name", "iso3", "iso2"])]
    rows = rows.drop_duplicates(["iso3", "valid_from", "valid_to"])
    return rows.sort_values("valid_from", na_position="first")[["iso3", "valid_from", "valid_to"]]


def describe_holders(holders: pd.DataFrame, short_names: dict[str, str]) -> str:
    """The rows of :func:`name_holders` as a phrase: ``Yugoslavia (YUG) to 31 Oct 2000; ...``."""

    def span(start, end) -> str:
        if pd.isna(start):
            return f"to {end:%d %b %Y}" if pd.notna(end) else "always"
        return f"{start:%d %b %Y} to {end:%d %b %Y}" if pd.notna(end) else f"from {start:%d %b %Y}"

    return "; ".join(
        f"{short_names.get(code, code)} ({code}) {span(start, end)}"
        for code, start, end in holders.itertuples(index=False)
    )
