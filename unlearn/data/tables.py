"""The tidy tables, as a student calls them. Joined on ``rcid`` (GA), ``symbol`` (SC), ``iso3``.

Layer: data (the bottom of the package: it imports no other layer but errors).

The first call builds the tables from the pinned upstream files (a progress bar shows any
download) and caches them; later calls read the cache in milliseconds.

>>> votes = ga_votes()
>>> calls = ga_roll_calls()
>>> es117 = calls.loc[calls["symbol"] == "A/RES/ES-11/7"].iloc[0]
>>> int(es117["yes"]), int(es117["no"]), int(es117["abstain"])
(93, 18, 65)
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from ..errors import ArgumentError, UnknownNameError, UnknownSymbolError
from . import cache, membership, names, sources

_CITATION_OF_TABLE = {
    "countries": ("curated", "un_members"),
    "ga_roll_calls": ("voeten", "dgacm_ga", "curated"),
    "ga_votes": ("voeten", "dgacm_ga", "curated"),
    "sc_resolutions": ("dgacm_sc", "curated"),
    "sc_votes": ("dgacm_sc",),
    "vetoes": ("wpdl_vetoes", "curated"),
}


def _with_citation(name: str) -> pd.DataFrame:
    frame = cache.load(name)
    frame.attrs["citation"] = citation(name)
    frame.attrs["sources"] = list(_CITATION_OF_TABLE[name])
    return frame


def citation(table: str | None = None) -> str:
    """How to cite the sources behind *table* (or every source).

    >>> "Voeten" in citation("ga_votes")
    True
    """
    wanted = _CITATION_OF_TABLE.get(table, tuple(sources.sources())) if table else tuple(sources.sources())
    return "\n".join(sources.sources()[s].citation for s in wanted)


def countries() -> pd.DataFrame:
    """One row per state that has held a UN seat.

    Columns: ``iso3`` (ISO 3166-1; ISO 3166-3 for dissolved states such as SUN, YUG, CSK, DDR;
    a project code where none exists, see docs/countries.md), ``un_name``, ``short_name``,
    ``member_from``, ``member_to`` (NaT while a member), ``p5`` (held a permanent seat),
    ``predecessor_iso3``/``successor_iso3`` (how seats passed on: RUS continues SUN from
    1991-12-24; CHN holds the China seat from 1971-10-25, TWN before: two series, never
    spliced), ``code_basis``, ``regional_group`` (current or last UN regional group), ``note``,
    ``source``.
    """
    return _with_citation("countries")


def ga_roll_calls() -> pd.DataFrame:
    """One row per recorded General Assembly vote, 1946-2026.

    Columns: ``rcid`` (stable id; Voeten's for 1946-2019, derived from the symbol after),
    ``date``, ``date_approximate`` (Voeten's dates for sessions 1-51 carry the month only),
    ``session`` (regular session the vote falls in), ``emergency_session`` (``ES-11``...),
    ``symbol`` (UN form for its era: ``A/RES/66(I)``, ``A/RES/68/262``, ``A/RES/ES-11/7``;
    missing where the vote was on no resolution), ``title`` (the resolution's title where one is
    known), ``title_source`` (where the title comes from: ``curated`` (data/ga_titles.csv),
    ``dgacm``, ``dhl``, ``voeten descr`` (the title in Voeten's description field), or ``voeten
    short``, Voeten's short label, often a subject heading), ``known_as`` (curated names the
    title lacks: "Crimea" for A/RES/68/262), ``kind`` (resolution, amendment,
    paragraph, other), ``important`` (Voeten's flag), ``yes``/``no``/``abstain`` (tallies),
    ``tally_source`` (``published`` by the source, or ``counted`` from the rows),
    ``source`` (voeten, dgacm_ga, curated, dhl_ga), ``issue_me``, ``issue_nu``, ``issue_di``,
    ``issue_hr``, ``issue_co``, ``issue_ec`` (Voeten's six issue codes; after 2019 from the
    UNBIS subjects via data/unbis_issue_map.csv), ``description``, ``agenda_item``,
    ``symbol_raw`` (the source's own text).
    """
    return _with_citation("ga_roll_calls")


def ga_votes() -> pd.DataFrame:
    """One row per (roll call, state that was a member then).

    Columns: ``rcid``, ``iso3``, ``vote`` (ordered categorical yes < abstain < no < absent;
    missing where the vote is not known), ``vote_basis``: ``recorded`` (listed by the source),
    ``not listed (absent)`` (a member the source does not list: absent, which includes states
    that could not vote under Charter Art. 19 for arrears), ``stated`` / ``expanded`` (curated
    2025-2026 votes named by a public record, or expanded from a collective phrase such as "EU
    countries voted yes"), ``unknown`` (a member whose vote no source states: never counted as
    absent). Non-members have no row.
    """
    return _with_citation("ga_votes")


def sc_resolutions() -> pd.DataFrame:
    """Adopted Security Council resolutions, 2000-2026 (DGACM extract).

    Columns: ``symbol`` (``S/RES/2774``), ``date``, ``year``, ``title``, ``agenda_item``,
    ``draft``, ``meeting``, ``yes``/``no``/``abstain`` (published tally), ``voting``
    (``recorded vote`` or ``without a vote``), ``procedural`` (curated: adopted as a procedural
    matter, where a permanent member's no is no veto, e.g. S/RES/2623), ``tally_source``,
    ``source``. Vetoed drafts are not resolutions: see :func:`vetoes`.
    """
    return _with_citation("sc_resolutions")


def sc_votes() -> pd.DataFrame:
    """One row per (resolution, Council member that year): ``symbol``, ``iso3``, ``vote``
    (yes, abstain, no, absent), ``permanent``."""
    return _with_citation("sc_votes")


def vetoes() -> pd.DataFrame:
    """One row per veto cast: (vetoed draft or amendment) x (permanent member).

    Columns: ``date``, ``draft``, ``kind`` (draft resolution or amendment), ``subject``,
    ``topic``, ``member_iso3``, ``yes``/``no``/``abstain`` (the vote, where known),
    ``meeting``, ``vetoed_text`` (an id shared by the members who vetoed the same text),
    ``joint`` (cast with another member), ``source`` (wpdl_vetoes to 8 Jul 2022; curated after).
    The upstream rows are corrected by ``data/sc_veto_fixes.csv`` (S/2001/270 dated 27 March
    2001, as the meeting record dates it) and completed by it (the Republic of China's one veto,
    13 December 1955, which the Library's list omits); the vetoes of 2022 in both the list and
    ``sc_curated_vetoes.csv`` take their tallies from the curated rows.

    >>> v = vetoes()
    >>> v.loc[v["draft"] == "S/2022/155", ["yes", "no", "abstain"]].values.tolist()
    [[11, 1, 3]]
    """
    return _with_citation("vetoes")


@functools.cache
def _name_index() -> pd.DataFrame:
    table = names.alias_table()
    return table[table["kind"].isin(["name", "iso3", "iso2"])]


def iso3(name: str, on: str | pd.Timestamp | None = None, members_only: bool = True) -> str:
    """The ``iso3`` code of a state named by any name, alias or code.

    *on* picks the state an alias meant on that date ("China" is the Republic of China
    before 25 Oct 1971); without it, the state the alias means today. A name that is no
    member's (``"Holy See"``), that several states held (``"Yugoslavia"`` with no date,
    ``"Germany"`` in 1973-1990), or a state on a date when it was not a member raises
    :class:`unlearn.UnknownNameError` saying so, and what to write instead
    (``members_only=False`` gives the state's code on a date when it was not a member).

    >>> iso3("Russia"), iso3("USSR"), iso3("china", on="1960-01-01"), iso3("Türkiye")
    ('RUS', 'SUN', 'TWN', 'TUR')
    >>> iso3("Yugoslavia", on="1980-01-01"), iso3("West Germany", on="1980-01-01")
    ('YUG', 'DEU')
    """
    code = _code_of_name(name, on)
    if on is not None and members_only:
        _check_member_on(name, code, pd.Timestamp(on))
    return code


def _code_of_name(name: str, on) -> str:
    """The state *name* means on *on* (today without a date), before any membership check."""
    note = names.name_note(name, on)
    if note is not None and note[0] in ("non-member", "ambiguous"):
        raise UnknownNameError(f"{name!r}{f' on {pd.Timestamp(on):%d %b %Y}' if on is not None else ''}: {note[1]}")
    key = names.normalise(name)
    rows = _name_index()[_name_index()["key"] == key]
    if rows.empty:
        known = set(countries()["short_name"]) | set(countries()["un_name"]) | set(names.name_notes()["alias"])
        hint = names.suggest(name, sorted(known))
        raise UnknownNameError(
            f"No UN member state is called {name!r}. "
            + (f"Did you mean: {', '.join(hint)}? " if hint else "")
            + "Names, common short names and ISO codes work (e.g. 'Russia', 'RUS', 'RU')."
        )
    when = pd.Timestamp(on) if on is not None else pd.Timestamp.now().normalize()
    valid = rows[
        (rows["valid_from"].isna() | (rows["valid_from"] <= when))
        & (rows["valid_to"].isna() | (when <= rows["valid_to"]))
    ]
    chosen = valid if len(valid) else rows.sort_values("valid_to", na_position="last").tail(1)
    code = str(chosen["iso3"].iloc[0])
    if on is None and key in short_names():
        return key  # a state's own code means that state, whatever else the code once meant
    named = rows[rows["kind"] == "name"]
    if on is None and named["iso3"].nunique() > 1 and _called_otherwise(code, key):
        # "Yugoslavia" today would be Serbia, a state that is not called so: ask for a date
        holders = names.describe_holders(names.name_holders(name), short_names())
        raise UnknownNameError(
            f"{name!r} has named more than one state: {holders}. "
            f"Give a date (on='1980-01-01') or one of their codes."
        )
    return code


def _called_otherwise(code: str, key: str) -> bool:
    """Whether the state *code* is known today by a name other than the alias *key*."""
    short, official, _, _ = _state_facts()[code]
    return key not in {names.normalise(short), names.normalise(official), code}


def _check_member_on(name: str, code: str, when: pd.Timestamp) -> None:
    if any(start <= when <= end for start, end in _periods_of().get(code, ())):
        return
    short, _, joined, left = _state_facts()[code]
    note = names.name_note(name, when)
    span = f"a member from {joined:%d %b %Y}" + (f" to {left:%d %b %Y}" if pd.notna(left) else "")
    raise UnknownNameError(
        f"{name!r} on {when:%d %b %Y}: {short} ({code}) was not a UN member then ({span})."
        + (f" {note[1]}" if note else "")
    )


_facts_memo: dict[int, dict[str, tuple]] = {}


def _state_facts() -> dict[str, tuple]:
    """``iso3`` -> (short name, UN name, member_from, member_to), built once per table build."""
    table = countries()
    if id(table) not in _facts_memo:  # the cache hands out the same frame until a rebuild
        _facts_memo.clear()
        columns = ("short_name", "un_name", "member_from", "member_to")
        _facts_memo[id(table)] = {row[0]: tuple(row[1:]) for row in table[["iso3", *columns]].itertuples(index=False)}
    return _facts_memo[id(table)]


@functools.cache
def _periods_of() -> dict[str, list[tuple]]:
    """``iso3`` -> its membership periods (gaps left out), from :func:`membership.periods`."""
    grouped: dict[str, list[tuple]] = {}
    for code, start, end in membership.periods().itertuples(index=False):
        grouped.setdefault(code, []).append((start, end))
    return grouped


def country(name: str, on: str | pd.Timestamp | None = None) -> pd.Series:
    """The :func:`countries` row of the state named *name* (see :func:`iso3`).

    >>> country("Soviet Union")["successor_iso3"]
    'RUS'
    """
    code = iso3(name, on)
    table = countries().set_index("iso3")
    return table.loc[code].rename(code)


_names_memo: dict[int, dict[str, str]] = {}


def short_names() -> dict[str, str]:
    """``iso3`` -> common short name for every state, built once per table build.

    >>> short_names()["RUS"]
    'Russia'
    """
    table = countries()
    if id(table) not in _names_memo:  # the cache hands out the same frame until a rebuild
        _names_memo.clear()
        _names_memo[id(table)] = dict(zip(table["iso3"], table["short_name"], strict=True))
    return _names_memo[id(table)]


def country_name(code: str) -> str:
    """The short name of an ``iso3`` code (the code itself if unknown).

    >>> country_name("SUN")
    'Soviet Union'
    """
    return short_names().get(code, code)


def select_roll_call(calls: pd.DataFrame, symbol_or_rcid) -> pd.Series:
    """The row of *calls* a symbol (any spacing or case) or an ``rcid`` names.

    A symbol can name several roll calls (votes on paragraphs or amendments of the text, or the
    text voted twice): the vote on the whole text is chosen, and of several such votes the last,
    the final one (``A/RES/2758(XXVI)``: the 1971 vote adopted 76-35-17). An unknown symbol
    raises :class:`unlearn.UnknownSymbolError` (a ``ValueError``) that suggests the closest
    symbols; so does an empty one, which would otherwise match every vote on no resolution.
    """
    import difflib

    from .symbols import canonical

    if isinstance(symbol_or_rcid, (int, np.integer)):
        hits = calls[calls["rcid"] == int(symbol_or_rcid)]
        if hits.empty:
            raise UnknownSymbolError(f"no roll call has rcid {symbol_or_rcid}.")
        return hits.iloc[0]
    if not isinstance(symbol_or_rcid, str):
        raise ArgumentError(
            f"{symbol_or_rcid!r}: give a resolution symbol such as 'A/RES/ES-11/7' or an rcid (an int)."
        )
    wanted = canonical(symbol_or_rcid)
    hits = calls[calls["symbol"].fillna("").str.upper() == wanted]
    whole = hits[hits["kind"] == "resolution"]
    hits = whole if len(whole) else hits
    if hits.empty or not wanted:
        known = calls["symbol"].dropna().unique().tolist()
        close = difflib.get_close_matches(wanted, known, n=5, cutoff=0.8) if wanted else []
        raise UnknownSymbolError(
            (f"no recorded General Assembly vote on {wanted!r}." if wanted else "no symbol given.")
            + (f" Did you mean: {', '.join(close)}?" if close else "")
            + " Symbols look like 'A/RES/ES-11/7', 'A/RES/68/262' or 'A/RES/2758(XXVI)'."
        )
    return hits.sort_values(["date", "rcid"]).iloc[-1]


def roll_call(symbol_or_rcid) -> pd.Series:
    """The recorded General Assembly vote a symbol or ``rcid`` names (see :func:`select_roll_call`).

    >>> row = roll_call("a/res/68/262")
    >>> str(row["symbol"]), int(row["yes"]), int(row["no"]), int(row["abstain"])
    ('A/RES/68/262', 100, 11, 58)
    """
    return select_roll_call(ga_roll_calls(), symbol_or_rcid)


SEATS = {"SUN": "RUS", "RUS": "RUS", "TWN": "CHN", "CHN": "CHN", "USA": "USA", "GBR": "GBR", "FRA": "FRA"}


def veto_totals(as_of: str | pd.Timestamp | None = None, by: str = "member") -> pd.DataFrame:
    """Vetoes cast up to *as_of* (inclusive): one per vetoed text per vetoing member.

    ``by="member"`` counts the state that cast each veto (USSR and Russian Federation apart,
    as the Dag Hammarskjöld Library lists them); ``by="seat"`` adds them up by permanent
    seat (the Russian seat: USSR then Russia; the China seat: Republic of China then PRC).

    >>> totals = veto_totals("2024-01-01").set_index("member_iso3")["vetoes"]
    >>> int(totals["GBR"]), int(totals["FRA"]), int(totals["SUN"])
    (29, 16, 90)
    """
    if by not in ("member", "seat"):
        raise ArgumentError(f"by={by!r}: use 'member' (the state that cast it) or 'seat'.")
    table = vetoes()
    if as_of is not None:
        table = table[table["date"] <= pd.Timestamp(as_of)]
    key = table["member_iso3"].map(SEATS) if by == "seat" else table["member_iso3"]
    counts = key.value_counts().rename_axis("member_iso3").rename("vetoes").reset_index()
    counts["member"] = counts["member_iso3"].map(country_name)
    return counts[["member_iso3", "member", "vetoes"]]


def published_veto_totals() -> pd.DataFrame:
    """Veto totals as published (``data/sc_veto_totals_published.csv``), each with its source,
    beside our count on the date the source states and on the date our count first matches.

    glostat's figures are labelled "as of 1 January 2024", but on that date the list gives
    Russia 35, the US 85 and China 18; its figures (Russia 38, US 87, China 19) are our count
    from 24 April 2024, after three vetoes in February-April 2024. A label can be wrong while
    the numbers are right: the table shows both.

    "China" is counted as the People's Republic (``CHN``) alone: glostat's 19 (from the
    Library's list) and Statista's 11 match that count, not the China seat's, which adds the
    Republic of China's veto of 1955 (``TWN``, one more). gksansar states both (17 and 18).
    """
    from .ingest import curated

    published = curated.read("sc_veto_totals_published")
    published = published[published["vetoes"] != ""]
    rows = []
    for _, row in published.iterrows():
        members = row["member_iso3"].split(";")
        rows.append(
            {
                "member": row["member_label"],
                "published": int(row["vetoes"]),
                "stated_as_of": row["as_of"] or None,
                "counted_on_stated_date": _count_on(members, row["as_of"]),
                "matches_count_on": row["matches_count_on"] or None,
                "counted_on_that_date": _count_on(members, row["matches_count_on"]),
                "source": row["source"],
                "note": row["note"],
            }
        )
    return pd.DataFrame(rows)


def _count_on(members: list[str], day: str) -> int | None:
    """Our count for *members* up to *day*, when *day* is a full date."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day or ""):
        return None
    counted = veto_totals(day).set_index("member_iso3")["vetoes"]
    return int(sum(counted.get(m, 0) for m in members))
