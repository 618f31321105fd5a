"""The UN DGACM machine-readable extracts (JSON Lines) of GA and Security Council resolutions.

Layer: data (the bottom of the package: it imports no other layer but errors).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from ...errors import SourceFormatError
from ..symbols import canonical

VOTE_LISTS = {"yes": "MS_in_favour", "no": "MS_against", "abstain": "MS_abstaining"}
_TALLY = re.compile(r"(\d+)\s*-\s*(\d+)\s*-\s*(\d+)")


def read_json_lines(path: Path) -> list[dict]:
    """Every record of a JSON Lines file; a broken line names the file and line number."""
    records = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SourceFormatError(
                    f"{path.name}, line {number}: not valid JSON ({exc.msg}); "
                    "the file is corrupt or truncated. Delete it from the cache and fetch again."
                ) from exc
    return records


def parse_date(text: str) -> pd.Timestamp:
    """DGACM's free-text dates: ``"22 September 2024"``, ``"12\\xa0December 2023"``,
    ``"2019-10-10 00:00:00"``, ``"19 November 2004 in Nairobi"``, ``"on15 January 2025"``.

    >>> parse_date("19 November 2004 in Nairobi").date()
    datetime.date(2004, 11, 19)
    """
    cleaned = re.sub(r"\s+", " ", str(text).replace("\xa0", " ")).strip()
    match = re.search(r"(\d{1,2}) ?([A-Z][a-z]+) (\d{4})", cleaned)
    if match:
        return pd.to_datetime(" ".join(match.groups()), format="%d %B %Y")
    iso = re.search(r"\d{4}-\d{2}-\d{2}", cleaned)
    if iso:
        return pd.Timestamp(iso.group(0))
    raise SourceFormatError(f"cannot read the date {text!r}")


def _names(record: dict, key: str) -> list[str]:
    # dict.fromkeys de-duplicates a list printed twice (A/RES/75/290 A) and keeps its order
    return list(dict.fromkeys(n.strip() for n in record.get(key) or [] if n and n.strip()))


def _count(value) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def _recorded_without_lists(rec: dict) -> bool:
    """A recorded vote whose member lists are empty but whose counts are published
    (A/RES/75/254 A-C, the budget for 2021: "By a recorded vote", 168-2-0).

    >>> _recorded_without_lists({"adoption_type": "By a recorded vote", "MS_in_favour_count": "168",
    ...                          "MS_against_count": "2", "MS_abstaining_count": "0"})
    True
    >>> _recorded_without_lists({"adoption_type": "Without a vote", "MS_in_favour_count": "N.A."})
    False
    """
    counts = [_count(rec.get(f"{key}_count")) or 0 for key in VOTE_LISTS.values()]
    return "recorded vote" in (rec.get("adoption_type") or "").lower() and sum(counts) > 0


def ga_records(paths: list[Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """GA roll calls (adopted resolutions with a recorded vote) and their listed votes.

    Records repeated in the extract (39 of them; same symbol, names spelled TÜRKİYE/TÜRKÝYE)
    are kept once: the first copy. A recorded vote with published counts but empty member
    lists is kept with ``tally_only`` True: its tally is known, its member votes are not.
    """
    calls, votes, seen = [], [], set()
    for path in paths:
        for rec in read_json_lines(path):
            lists = {vote: _names(rec, key) for vote, key in VOTE_LISTS.items()}
            tally_only = not any(lists.values())
            if tally_only and not _recorded_without_lists(rec):
                continue  # adopted without a vote: not a roll call
            symbol = canonical(rec["symbol"])
            if symbol in seen:
                continue
            seen.add(symbol)
            calls.append(
                {
                    "symbol": symbol,
                    "date": parse_date(rec.get("adoption_date", "")),
                    "file": path.name,
                    "title": (rec.get("title") or "").strip(),
                    "agenda_item": (rec.get("agenda_item_name") or "").strip(),
                    "subjects": [s[0] for s in rec.get("subjects") or [] if len(s) > 1 and "UNBIS" in s[1]],
                    "yes": _count(rec.get("MS_in_favour_count")),
                    "no": _count(rec.get("MS_against_count")),
                    "abstain": _count(rec.get("MS_abstaining_count")),
                    "tally_only": tally_only,
                }
            )
            votes += [(symbol, name, vote) for vote, names in lists.items() for name in names]
    return pd.DataFrame(calls), pd.DataFrame(votes, columns=["symbol", "name", "vote"])


def _sc_date(rec: dict) -> pd.Timestamp:
    """The adoption date, checked against the year in the symbol ("S/RES/2423 (2018)").

    One record (S/RES/2423 (2018)) carries the date of an earlier text (29 June 2016); where the
    year disagrees with the symbol, the draft's date of the right year is used instead.
    """
    date = parse_date(rec.get("adoption_date") or rec.get("document_title") or "")
    year = re.search(r"\((\d{4})\)", rec.get("symbol") or rec.get("sc_symbol") or "")
    draft_date = str(rec.get("draft_resolution_date") or "")
    if year and int(year.group(1)) != date.year and draft_date.startswith(year.group(1)):
        return pd.Timestamp(draft_date[:10])
    return date


def sc_records(paths: list[Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Security Council resolutions and their listed votes.

    The tally is read from ``adoption_type`` ("Adopted 10-0-5, 9866th meeting"), else from the
    count fields. A repeated symbol keeps the copy with the most listed votes (2026.json repeats
    S/RES/2820-2822, one copy of 2820 with empty lists).
    """
    calls, votes = {}, {}
    for path in paths:
        for rec in read_json_lines(path):
            symbol = canonical(rec.get("symbol") or rec.get("sc_symbol") or "")
            if not symbol.startswith("S/RES/"):
                continue
            lists = {vote: _names(rec, key) for vote, key in VOTE_LISTS.items()}
            listed = sum(map(len, lists.values()))
            if symbol in votes and len(votes[symbol]) >= listed:
                continue
            tally = _TALLY.search(rec.get("adoption_type") or "")
            counts = (
                [int(x) for x in tally.groups()]
                if tally
                else [
                    _count(rec.get(k)) or _count(rec.get(k2)) or 0
                    for k, k2 in (
                        ("MS_in_favour_count", "sc_in_favour_count"),
                        ("MS_against_count", "sc_against_count"),
                        ("MS_abstaining_count", "sc_abstaining_count"),
                    )
                ]
            )
            calls[symbol] = {
                "symbol": symbol,
                "date": _sc_date(rec),
                "file": path.name,
                "title": (rec.get("resolution_title") or rec.get("title") or "").strip(),
                "agenda_item": (rec.get("agenda_item_name") or "").strip(),
                "draft": (rec.get("draft_resolution") or "").strip(),
                "meeting": (rec.get("adoption_meeting") or "").strip(),
                "yes": counts[0],
                "no": counts[1],
                "abstain": counts[2],
                "unanimous": "unanim" in (rec.get("adoption_type") or "").lower(),
            }
            votes[symbol] = [(symbol, n, v) for v, names in lists.items() for n in names]
    rows = [row for symbol in votes for row in votes[symbol]]
    return pd.DataFrame(list(calls.values())), pd.DataFrame(rows, columns=["symbol", "name", "vote"])
