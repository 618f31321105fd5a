"""The World Politics Data Lab veto list (scraped from the Dag Hammarskjöld Library's list).

Layer: data (the bottom of the package: it imports no other layer but errors).

Why the per-member 0/1 columns undercount: where two or three members vetoed the same draft,
the file sets a combination column (``usa_uk``, ``usa_france_uk``, ``france_uk``,
``russia_china``) and often leaves an individual member column at 0 (France on S/12211, 1976);
in all, 26 vetoes (USSR 6, USA 11, France 9), several of them single vetoes, are missing from
the 0/1 columns. The columns ``member_veto1..3`` name every vetoing member, so this parser
reads those: USSR 90, UK 29, France 16, as the Library publishes. Rows that look duplicated
(the same meeting record twice) are separate vetoes: membership applications voted one by one.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...errors import SourceFormatError

MEMBER_CODES = {"USSR": "SUN", "Russia": "RUS", "USA": "USA", "UK": "GBR", "France": "FRA", "China": "CHN"}


def read(path: Path) -> pd.DataFrame:
    """One row per (vetoed draft, vetoing member): date, draft, subject, region, member_iso3."""
    try:
        raw = pd.read_csv(path, dtype=str)
    except Exception as exc:
        raise SourceFormatError(f"{path.name} could not be read as CSV ({exc}).") from exc
    needed = {"date", "draft", "agenda_item", "crisis_topic", "member_veto1"}
    if not needed <= set(raw.columns):
        raise SourceFormatError(f"{path.name} lacks columns {sorted(needed - set(raw.columns))}.")
    raw["row"] = range(len(raw))
    long = raw.melt(
        id_vars=["row", "date", "draft", "meeting_record", "agenda_item", "crisis_topic", "region"],
        value_vars=["member_veto1", "member_veto2", "member_veto3"],
        value_name="member",
    ).dropna(subset=["member"])
    unknown = set(long["member"]) - set(MEMBER_CODES)
    if unknown:
        raise SourceFormatError(f"{path.name}: unknown vetoing member(s) {sorted(unknown)}.")
    date = pd.to_datetime(long["date"], format="%m/%d/%Y")
    # the list writes the PRC's vetoes as "China"; the Republic of China cast one (1955)
    iso3 = long["member"].map(MEMBER_CODES).where(~((long["member"] == "China") & (date < "1971-10-25")), "TWN")
    out = pd.DataFrame(
        {
            "date": date,
            "draft": long["draft"].str.strip(),
            "meeting": long["meeting_record"].str.strip(),
            "subject": long["agenda_item"].str.strip(),
            "topic": long["crisis_topic"].str.strip(),
            "region": long["region"].str.strip(),
            "member_iso3": iso3,
            "vetoed_text": long["row"],
        }
    )
    return out.sort_values(["date", "vetoed_text", "member_iso3"]).reset_index(drop=True)
