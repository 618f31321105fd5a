"""Checks run on every build (their results go into the manifest) and by the tests.

Layer: data (the bottom of the package: it imports no other layer but errors).

- Published tallies equal the counts from the country rows, or the roll call is in
  ``data/ga_known_quirks.csv`` with the reason.
- The GA sources overlap in session 74: the roll calls both hold are compared country by
  country (Voeten's votes against DGACM's lists).
- No recorded vote by a state outside its membership (judged by session where a source's dates
  are approximate).
"""

from __future__ import annotations

import pandas as pd

from . import membership
from .build import regular_session
from .ingest import curated
from .symbols import canonical


def tally_mismatches(calls: pd.DataFrame, votes: pd.DataFrame, key: str = "rcid") -> pd.DataFrame:
    """Roll calls whose published tally differs from the rows (unknown votes not counted)."""
    counted = pd.crosstab(votes[key], votes["vote"]).reindex(columns=["yes", "no", "abstain"], fill_value=0)
    published = calls[calls["tally_source"] == "published"].set_index(key)[["yes", "no", "abstain"]]
    joined = published.join(counted.add_suffix("_counted"), how="inner")
    partial = calls.set_index(key)["source"].reindex(joined.index).eq("curated")
    diff = pd.concat([joined[v] != joined[f"{v}_counted"] for v in ("yes", "no", "abstain")], axis=1).any(axis=1)
    # curated roll calls list only the known votes: there the rows may not exceed the tally
    over = pd.concat([joined[f"{v}_counted"] > joined[v] for v in ("yes", "no", "abstain")], axis=1).any(axis=1)
    bad = joined[(diff & ~partial) | (over & partial)]
    symbols = calls.set_index(key)["symbol"] if "symbol" in calls and key != "symbol" else None
    out = bad.reset_index()
    if symbols is not None:
        out.insert(1, "symbol", out[key].map(symbols))
    return out


def known_quirks() -> set[str]:
    """Symbols (canonical form) whose upstream record has a documented quirk."""
    symbols = curated.read("ga_known_quirks")["symbol"]
    return {canonical(s) for s in symbols if s}


def overlap_agreement(tables: dict) -> dict:
    """Compare DGACM's session-74 lists with Voeten's votes on the roll calls both hold."""
    overlap = tables["_ga_overlap"]
    calls = tables["ga_roll_calls"]
    votes = tables["ga_votes"]
    voeten = calls[calls["source"] == "voeten"][["rcid", "symbol"]]
    mine = votes.merge(voeten, on="rcid")
    both = overlap.merge(
        mine[["symbol", "iso3", "vote"]], on=["symbol", "iso3"], how="left", suffixes=("_dgacm", "_voeten")
    )
    both["vote_voeten"] = both["vote_voeten"].astype("str")
    same = both["vote_dgacm"] == both["vote_voeten"]
    differ = both[~same]
    return {
        "roll_calls": int(overlap["symbol"].nunique()),
        "country_votes": int(len(both)),
        "agreement": round(float(same.mean()), 5) if len(both) else None,
        "disagreements": differ.to_dict("records"),
    }


def votes_outside_membership(calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Recorded votes cast by a state that was not a member then (by session if dates are rough)."""
    cast = votes[votes["vote"].isin(["yes", "no", "abstain"])].merge(
        calls[["rcid", "symbol", "date", "date_approximate", "session"]], on="rcid"
    )
    outside = cast[~membership.was_member(cast["iso3"].astype("str"), cast["date"])]
    if outside.empty:
        return outside
    # approximate dates: a member at any time in that session counts as a member
    periods = membership.periods()
    spans = outside[["session"]].drop_duplicates()
    spans["start"] = pd.to_datetime((spans["session"] + 1945).astype(str) + "-01-01")
    spans["end"] = pd.to_datetime((spans["session"] + 1946).astype(str) + "-12-31")
    check = outside.merge(spans, on="session").merge(periods, on="iso3", suffixes=("", "_m"))
    overlaps = (check["start_m"] <= check["end"]) & (check["start"] <= check["end_m"]) & check["date_approximate"]
    excused = set(zip(check.loc[overlaps, "rcid"], check.loc[overlaps, "iso3"], strict=True))
    keep = [(r, i) not in excused for r, i in zip(outside["rcid"], outside["iso3"], strict=True)]
    return outside[keep][["rcid", "symbol", "date", "iso3", "vote"]]


def run(tables: dict) -> dict:
    """Every check, as a JSON-able report for the manifest."""
    calls, votes = tables["ga_roll_calls"], tables["ga_votes"]
    mismatches = tally_mismatches(calls, votes)
    quirks = known_quirks()
    sc_mismatch = tally_mismatches(
        tables["sc_resolutions"][tables["sc_resolutions"]["voting"] == "recorded vote"],
        tables["sc_votes"],
        key="symbol",
    )
    outside = votes_outside_membership(calls, votes)
    outside = outside[~outside["symbol"].isin(quirks)]
    return {
        "voeten_roll_calls": int((calls["source"] == "voeten").sum()),
        "dgacm_roll_calls_with_votes": int(
            tables["_ga_overlap"]["symbol"].nunique() + (calls["source"] == "dgacm_ga").sum()
        ),
        "ga_tally_mismatches": mismatches.to_dict("records"),
        "ga_tally_mismatches_unexplained": sorted(set(mismatches["symbol"].dropna()) - quirks),
        "sc_tally_mismatches": sc_mismatch.to_dict("records"),
        "sc_tally_mismatches_unexplained": sorted(set(sc_mismatch["symbol"]) - quirks),
        "session_74_overlap": overlap_agreement(tables),
        "votes_outside_membership": outside.astype({"date": "str"}).to_dict("records"),
        "issue_mapping_on_2019_overlap": tables["_issue_mapping_check"].to_dict("records"),
        "last_session": int(regular_session(calls["date"]).max()),
    }
