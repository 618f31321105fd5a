"""The small computations the lessons (the notebooks) show, one function per question.

Each function answers one question a notebook asks (how many members on a date, who sat on
the Security Council in a year, how often Assembly texts pass...) from the tidy tables, so
that a notebook cell is one call. This module sits beside the widgets at the top of the
package: it reads :mod:`unlearn.tables`, :mod:`unlearn.membership`, :mod:`unlearn.charter` and
the Council seats of :func:`unlearn.widgets.council.council_members`.

>>> member_count("1945-12-31"), member_count("2011-12-31")
(51, 193)
"""

from __future__ import annotations

import pandas as pd

from . import charter, membership, tables
from .ingest import curated
from .ingest.voeten import ISSUE_CODES

ISSUES = {f"issue_{code}": name for code, name in ISSUE_CODES.items()}
"""Voeten's six issue codes of :func:`unlearn.ga_roll_calls` and what they stand for
(Voeten, Strezhnev & Bailey; the unvotes package's ``un_roll_call_issues``)."""


def _decade(years: pd.Series) -> pd.Series:
    return (years // 10 * 10).astype(int)


# ---------------------------------------------------------------- membership


def member_count(on=None) -> int:
    """How many states were UN members on *on* (a date; default: today).

    Definition: a state counts if *on* falls in one of its membership periods
    (:func:`unlearn.membership.periods`: ``data/states.csv`` less the gaps of
    ``data/membership_gaps.csv``). An original member counts from the day it deposited its
    ratification (Charter Art. 110), which for some came after 24 Oct 1945.

    >>> member_count("1945-10-24"), member_count("1960-12-31")
    (29, 99)
    """
    when = pd.Timestamp.now().normalize() if on is None else pd.Timestamp(on)
    return len(membership.members_on(pd.Series([when])))


def members_by_year(first: int = 1945, last: int | None = None) -> pd.DataFrame:
    """UN membership at the end of each year from *first* to *last* (default: this year).

    Columns: ``year``, ``members`` (members on 31 December), ``change`` (against the end of
    the year before: admissions minus states that left or merged; 0 when a seat only passed
    to a continuing state, as from the USSR to Russia).

    >>> table = members_by_year(1945, 1961).set_index("year")
    >>> int(table.loc[1945, "members"]), int(table.loc[1960, "change"])
    (51, 17)
    """
    last = pd.Timestamp.now().year if last is None else int(last)
    years = list(range(int(first) - 1, last + 1))
    ends = pd.Series(pd.to_datetime([f"{y}-12-31" for y in years]))
    counts = membership.members_on(ends).groupby("date").size()
    table = pd.DataFrame({"year": years, "members": [int(counts.get(d, 0)) for d in ends]})
    table["change"] = table["members"].diff()
    table = table.iloc[1:].reset_index(drop=True)
    table["change"] = table["change"].astype(int)
    return table


# ---------------------------------------------------------------- Security Council


def council_seats(year: int) -> pd.DataFrame:
    """Who sat on the Security Council in *year* (2000-2026), and each elected member's term.

    Columns: ``iso3``, ``name``, ``seat`` (``permanent`` or ``elected``), ``term``: for an
    elected member the two calendar years of its term (``2009–2010``), read from the years
    it voted in (Charter Art. 23(2): a two-year term, no immediate re-election), or
    ``one year only`` when it voted in neither the year before nor the year after (a split
    term, such as Italy and the Netherlands sharing 2017-2018). Where the data cannot tell
    (the first year or last year of the data), ``not known``.
    The seats come from :func:`unlearn.widgets.council.council_members` (the permanent
    members, then the ten elected members who voted that year, from :func:`unlearn.sc_votes`).

    >>> seats = council_seats(2010)
    >>> seats.set_index("iso3").loc["JPN", "term"], int((seats["seat"] == "elected").sum())
    ('2009–2010', 10)
    """
    from .widgets.council import FIRST_YEAR, LAST_YEAR, council_members

    year = int(year)
    seats = council_members(year)
    before = set(council_members(year - 1)["iso3"]) if year > FIRST_YEAR else None
    after = set(council_members(year + 1)["iso3"]) if year < LAST_YEAR else None

    def term(code: str, permanent: bool) -> str:
        if permanent:
            return "permanent"
        if before is not None and code in before:
            return f"{year - 1}–{year}"
        if after is not None and code in after:
            return f"{year}–{year + 1}"
        if before is None or after is None:
            return "not known"
        return "one year only"

    return pd.DataFrame(
        {
            "iso3": seats["iso3"],
            "name": seats["name"],
            "seat": ["permanent" if p else "elected" for p in seats["permanent"]],
            "term": [term(c, p) for c, p in zip(seats["iso3"], seats["permanent"], strict=True)],
        }
    )


# ---------------------------------------------------------------- General Assembly


def ga_pass_rates(first_year: int = 1946, last_year: int = 2019) -> pd.DataFrame:
    """How often recorded votes on whole resolutions passed, per decade.

    Definition: roll calls of :func:`unlearn.ga_roll_calls` with ``kind == "resolution"``
    dated *first_year* to *last_year*; ``majority``: adopted by a majority of the members
    present and voting (:func:`unlearn.charter.ga_adopted`, Art. 18(3)); ``two_thirds``:
    would also pass as an important question (Art. 18(2)). The data does not say which
    texts were important questions (Voeten's ``important`` flag marks the US State
    Department's "important votes", not Art. 18(2)), so both tests are shown.
    The default stops in 2019 because the later source (DGACM) lists adopted resolutions
    only, so every later text "passes" by construction.
    Columns: ``decade``, ``roll_calls``, ``majority``, ``two_thirds``, ``share_majority``,
    ``share_two_thirds``.

    >>> rates = ga_pass_rates(1946, 1949)
    >>> int(rates["roll_calls"].iloc[0]) >= int(rates["majority"].iloc[0])
    True
    """
    calls = tables.ga_roll_calls()
    years = calls["date"].dt.year
    calls = calls[(calls["kind"] == "resolution") & years.between(int(first_year), int(last_year))]
    tallies = list(zip(calls["yes"], calls["no"], calls["abstain"], strict=True))
    frame = pd.DataFrame(
        {
            "decade": _decade(calls["date"].dt.year).to_numpy(),
            "majority": [charter.ga_adopted(y, n, a).adopted for y, n, a in tallies],
            "two_thirds": [charter.ga_adopted(y, n, a, important=True).adopted for y, n, a in tallies],
        }
    )
    table = (
        frame.groupby("decade")
        .agg(
            roll_calls=("majority", "size"),
            majority=("majority", "sum"),
            two_thirds=("two_thirds", "sum"),
        )
        .reset_index()
    )
    table["share_majority"] = (table["majority"] / table["roll_calls"]).round(3)
    table["share_two_thirds"] = (table["two_thirds"] / table["roll_calls"]).round(3)
    return table


def yes_share_by_year() -> pd.DataFrame:
    """Recorded votes per year and the share of the votes cast that were yes.

    Definition: from the tallies of :func:`unlearn.ga_roll_calls` (published where the
    source publishes them), every roll call: ``yes_share = yes / (yes + no + abstain)``
    summed over the year. A year without recorded votes is listed with ``roll_calls`` 0 and
    ``yes_share`` missing (1964: the 19th session took no votes, over Charter Art. 19).
    Columns: ``year``, ``roll_calls``, ``yes``, ``no``, ``abstain``, ``yes_share``.

    >>> table = yes_share_by_year().set_index("year")
    >>> int(table.loc[1964, "roll_calls"])
    0
    """
    calls = tables.ga_roll_calls()
    grouped = calls.groupby(calls["date"].dt.year.rename("year"))
    table = pd.DataFrame(
        {
            "roll_calls": grouped.size(),
            "yes": grouped["yes"].sum(),
            "no": grouped["no"].sum(),
            "abstain": grouped["abstain"].sum(),
        }
    )
    table = table.reindex(range(int(table.index.min()), int(table.index.max()) + 1), fill_value=0)
    cast = table["yes"] + table["no"] + table["abstain"]
    table["yes_share"] = (table["yes"] / cast.where(cast > 0)).round(3)
    return table.rename_axis("year").reset_index()


def issue_counts(first_year: int = 1946, last_year: int | None = None) -> pd.DataFrame:
    """Roll calls per decade on each of Voeten's six issues (:data:`ISSUES`).

    A roll call can carry several issue codes or none, so rows do not add up to the number
    of roll calls; ``roll_calls`` gives that number. After 2019 the codes are derived from
    the UN's subject headings (UNBIS) through ``data/unbis_issue_map.csv``.
    Columns: ``decade``, ``roll_calls``, then one column per issue name.

    >>> list(issue_counts(1946, 1949).columns[:3])
    ['decade', 'roll_calls', 'Palestinian conflict']
    """
    calls = tables.ga_roll_calls()
    years = calls["date"].dt.year
    last_year = int(years.max()) if last_year is None else int(last_year)
    calls = calls[years.between(int(first_year), last_year)]
    codes = calls[list(ISSUES)].astype(int).rename(columns=ISSUES)
    codes.insert(0, "roll_calls", 1)
    return codes.groupby(_decade(calls["date"].dt.year).rename("decade")).sum().reset_index()


def emergency_sessions() -> pd.DataFrame:
    """The emergency special sessions whose recorded votes the data tags, one row each.

    Columns: ``session`` (``ES-I`` ... ``ES-11``, as the sources spell it), ``first_vote``,
    ``last_vote``, ``roll_calls``, ``example`` (the first symbol voted on, if any). The
    sources tag only some of these votes: a session with no row may still have voted.

    >>> "ES-11" in set(emergency_sessions()["session"])
    True
    """
    calls = tables.ga_roll_calls()
    calls = calls[calls["emergency_session"].notna()].sort_values(["date", "rcid"])
    grouped = calls.groupby("emergency_session", sort=False)
    table = (
        pd.DataFrame(
            {
                "first_vote": grouped["date"].min().dt.date,
                "last_vote": grouped["date"].max().dt.date,
                "roll_calls": grouped.size(),
                "example": grouped["symbol"].agg(lambda s: s.dropna().iloc[0] if s.notna().any() else ""),
            }
        )
        .rename_axis("session")
        .reset_index()
    )
    return table.sort_values("first_vote", ignore_index=True)


# ---------------------------------------------------------------- regional groups


def _regional_groups() -> pd.DataFrame:
    return curated.read("regional_groups", dates=("valid_from", "valid_to"))


def regional_group_sizes(on=None) -> pd.DataFrame:
    """How many members each UN regional group had on *on* (default: today).

    Source: ``data/regional_groups.csv`` (the UN DGACM list), counted with
    :func:`unlearn.analysis.groups.regional_group_members`. The United States sits with the
    Western European and Others Group as an observer and is counted there (see data/README.md).
    Members the table places in no group on that date (Kiribati, whose date of joining the
    Asia-Pacific Group is not known; Israel before 2000) are counted in a last row,
    ``no regional group (or not known)``, so the column adds up to the membership.

    >>> sizes = regional_group_sizes("2025-01-01")
    >>> int(sizes["members"].sum()) == member_count("2025-01-01")
    True
    """
    from .analysis.groups import NO_GROUP, REGIONAL_GROUPS, regional_group_members

    when = pd.Timestamp.now().normalize() if on is None else pd.Timestamp(on)
    table = _regional_groups()
    members = set(membership.members_on(pd.Series([when]))["iso3"])
    placed = {g: set(regional_group_members(g, when, table)) & members for g in REGIONAL_GROUPS}
    unplaced = members - set().union(*placed.values())
    return pd.DataFrame(
        {"group": [*REGIONAL_GROUPS, NO_GROUP], "members": [len(placed[g]) for g in REGIONAL_GROUPS] + [len(unplaced)]}
    )


def yes_share_by_group(first_year: int = 1946, last_year: int | None = None) -> pd.DataFrame:
    """Share of yes among the votes each UN regional group cast, per decade.

    Definition: every row of :func:`unlearn.ga_votes` with a yes, no or abstain (absent and
    unknown votes left out), in the regional group the state belonged to on the day of the
    vote (``data/regional_groups.csv``; before 1963 a state's later group, as that file
    assigns it; states in no group then, such as Israel before 2000, left out).
    Returns one row per decade, one column per group (share, 0-1, three decimals).

    >>> table = yes_share_by_group(2000, 2009)
    >>> list(table.columns)[:2]
    ['decade', 'African']
    """
    votes = tables.ga_votes()
    votes = votes[votes["vote"].isin(["yes", "no", "abstain"])]
    dates = tables.ga_roll_calls().set_index("rcid")["date"]
    frame = pd.DataFrame(
        {
            "iso3": votes["iso3"].astype(str).to_numpy(),
            "date": dates.reindex(votes["rcid"]).to_numpy(),
            "yes": (votes["vote"] == "yes").to_numpy(),
        }
    )
    years = frame["date"].dt.year
    last_year = int(years.max()) if last_year is None else int(last_year)
    frame = frame[years.between(int(first_year), last_year)]
    groups = _regional_groups()[["iso3", "group", "valid_from", "valid_to"]]
    joined = frame.merge(groups, on="iso3", how="inner")
    inside = (
        joined["valid_from"].notna()
        & (joined["valid_from"] <= joined["date"])
        & (joined["valid_to"].isna() | (joined["date"] <= joined["valid_to"]))
    )
    joined = joined[inside]
    decade = _decade(joined["date"].dt.year).rename("decade")
    share = joined.groupby([decade, "group"])["yes"].mean()
    return share.round(3).unstack("group").rename_axis(columns=None).reset_index()


# ---------------------------------------------------------------- Security Council votes

ERAS = {"Cold War (1946-1991)": (1946, 1991), "1992-2021": (1992, 2021), "2022-2026": (2022, 2026)}
"""The periods :func:`vetoes_by_era` compares: the Cold War (to the USSR's last year, 1991),
the three decades after, and the years since Russia's full-scale invasion of Ukraine."""


def vetoes_by_era(eras: dict[str, tuple[int, int]] | None = None, by_seat: bool = True) -> pd.DataFrame:
    """Vetoes per permanent seat (or member) in each era: one row per era, one column per seat.

    Counting rule of :func:`unlearn.analysis.vetoes.vetoes_per_member` (one veto per member
    per vetoed text, as the Dag Hammarskjöld Library counts). *by_seat* (default) adds the
    USSR to the Russian seat and the Republic of China to the China seat; ``by_seat=False``
    keeps the states apart. *eras*: names to ``(first_year, last_year)`` (default :data:`ERAS`).
    Columns: ``era``, then one per seat (``CHN``, ``FRA``, ``GBR``, ``RUS``, ``USA``), ``total``.

    >>> table = vetoes_by_era().set_index("era")
    >>> int(table.loc["Cold War (1946-1991)", "GBR"])
    29
    """
    from .analysis.vetoes import vetoes_per_member

    table = tables.vetoes()
    years = table["date"].dt.year
    rows = []
    for era, (first, last) in (eras or ERAS).items():
        counts = vetoes_per_member(by_seat=by_seat, vetoes=table[years.between(first, last)])
        rows.append({"era": era, **dict(zip(counts["member_iso3"], counts["vetoes"], strict=True))})
    out = pd.DataFrame(rows).fillna(0)
    seats = sorted(c for c in out.columns if c != "era")
    out = out[["era", *seats]].astype({c: "int64" for c in seats})
    out["total"] = out[seats].sum(axis=1)
    return out


def procedural_precedents() -> pd.DataFrame:
    """Council decisions adopted although a permanent member voted no, because the matter was
    procedural (Charter Art. 27(2)): ``data/sc_procedural_votes.csv``, each row with its source.

    Columns: ``symbol``, ``date``, ``tally`` (yes-no-abstain), ``voted_no`` (the permanent
    members voting no), ``subject``, ``source``.

    >>> "S/RES/2623 (2022)" in set(procedural_precedents()["symbol"])
    True
    """
    table = curated.read("sc_procedural_votes", dates=("date",))
    return pd.DataFrame(
        {
            "symbol": table["symbol"],
            "date": table["date"].dt.date,
            "tally": table["yes"] + "-" + table["no"] + "-" + table["abstain"],
            "voted_no": [
                ", ".join(tables.country_name(c) for c in codes.split(";"))
                for codes in table["negative_permanent_iso3"]
            ],
            "subject": table["subject"],
            "source": table["source"],
        }
    ).sort_values("date", ignore_index=True)


# ================================================================ notebooks 04-06
# Who votes with whom (04), the votes of 24 February 2025 (05), checking a news report (06).
# Imports are local to each function: this section was appended to a shared module.

US_PARTNERS = ("United Kingdom", "France", "Canada", "Japan", "Australia")
"""The United States' usual partners in notebook 05, as in :func:`unlearn.analysis.divergence.alignment_shift`."""

KEY_UKRAINE_VOTES = (
    "A/RES/68/262",
    "A/RES/ES-11/1",
    "A/RES/ES-11/4",
    "A/RES/ES-11/6",
    "A/RES/ES-11/7",
    "A/RES/ES-11/8",
    "A/RES/ES-11/9",
    "A/RES/ES-11/10",
)
"""The General Assembly's main Ukraine resolutions: territorial integrity (2014), the emergency
special session's texts on aggression (2022), annexation (2022) and peace (2023), the two texts
of 24 Feb 2025, and the follow-ups of December 2025 and February 2026 (the last symbol is
inferred: see ``data/ga_curated_roll_calls.csv``)."""

AGREEMENT_ERAS = {"1946–1991": (1946, 1991), "1992–2024": (1992, 2024), "2025": (2025, 2025), "2026": (2026, 2026)}
"""The periods notebook 04 compares: the Cold War (to the USSR's end in December 1991), the
years after, 2025, and 2026 (the data runs to mid-2026)."""

US_TERMS = (
    ("Truman", "1945-04-12"),
    ("Eisenhower", "1953-01-20"),
    ("Kennedy", "1961-01-20"),
    ("Johnson", "1963-11-22"),
    ("Nixon", "1969-01-20"),
    ("Ford", "1974-08-09"),
    ("Carter", "1977-01-20"),
    ("Reagan", "1981-01-20"),
    ("G. H. W. Bush", "1989-01-20"),
    ("Clinton", "1993-01-20"),
    ("G. W. Bush", "2001-01-20"),
    ("Obama", "2009-01-20"),
    ("Trump", "2017-01-20"),
    ("Biden", "2021-01-20"),
    ("Trump", "2025-01-20"),
)
"""US presidencies and the day each began (the oath of office; National Archives, "Presidents
of the United States"): the eras in which to read US votes."""

VERDICTS = ("accurate", "partly accurate", "inaccurate", "cannot be checked with these data")
"""The verdicts a student may give a claim in notebook 06."""


def ukraine_resolutions(first_year: int = 2014, last_year: int | None = None) -> pd.DataFrame:
    """The General Assembly's recorded votes on resolutions about Ukraine.

    Definition: whole resolutions (``kind == "resolution"``) dated *first_year* to *last_year*
    that are A/RES/68/262 ("Territorial integrity of Ukraine", 2014), belong to the eleventh
    emergency special session (ES-11, convened on Ukraine by S/RES/2623 in 2022; this includes
    "The path to peace", A/RES/ES-11/8, whose title does not name Ukraine), or have "Ukraine"
    or "Crimea" in their title (the yearly human-rights and militarization texts).
    Columns: ``rcid``, ``date``, ``symbol``, ``title``, ``yes``, ``no``, ``abstain``, ``source``.

    >>> table = ukraine_resolutions()
    >>> table["symbol"].iloc[0], "A/RES/ES-11/8" in set(table["symbol"])
    ('A/RES/68/262', True)
    """
    calls = tables.ga_roll_calls()
    years = calls["date"].dt.year
    last_year = int(years.max()) if last_year is None else int(last_year)
    about = (
        calls["symbol"].eq("A/RES/68/262")
        | calls["emergency_session"].eq("ES-11")
        | calls["title"].fillna("").str.contains("Ukrain|Crimea", case=False, regex=True)
    )
    chosen = calls[about & calls["kind"].eq("resolution") & years.between(int(first_year), last_year)]
    columns = ["rcid", "date", "symbol", "title", "yes", "no", "abstain", "source"]
    return chosen.sort_values(["date", "rcid"])[columns].reset_index(drop=True)


def _title_of(call: pd.Series) -> str:
    """A roll call's title as the resolution reads it: Voeten's ``title`` is at times a subject
    heading in capitals ("ARMED CONFLICTS PREVENTION--MEDIATION" for A/RES/68/262), and then the
    ``description`` holds the title; without the ": resolution / adopted by..." suffix."""
    import re

    title = str(call.get("title") or "")
    text = call.get("description") if title.isupper() else None
    text = text if isinstance(text, str) and text.strip() else title
    return re.sub(r"\s*:\s*resolution\s*/\s*adopted by the General Assembly\s*$", "", text, flags=re.IGNORECASE)


def _vote_text(vote) -> str:
    return "unknown" if pd.isna(vote) else str(vote)


def votes_on(symbols, states=("USA", "RUS", "GBR", "FRA", "CHN")) -> pd.DataFrame:
    """How each of *states* voted on each General Assembly resolution in *symbols*, one row each.

    Columns: ``date``, ``symbol``, ``title``, ``tally`` (yes-no-abstain), ``known`` (how many
    members' votes the data states, "130 of 193"), then one column per state (its short name):
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


def ukraine_votes(states=("USA", "RUS", "GBR", "FRA", "CHN"), first_year: int = 2014) -> pd.DataFrame:
    """:func:`votes_on` for every resolution of :func:`ukraine_resolutions`: how *states* voted
    on the Assembly's Ukraine resolutions since *first_year*, in one table.

    >>> table = ukraine_votes(["USA"])
    >>> table.set_index("symbol").loc["A/RES/68/262", "United States"]
    'yes'
    """
    return votes_on(ukraine_resolutions(first_year)["symbol"], states)


def known_breakdown(symbol: str) -> pd.DataFrame:
    """How much of a General Assembly roll call's breakdown the data knows, vote by vote.

    Definition: ``published`` is the tally (for ``did not vote``: the members then, less the
    votes cast); ``named`` counts the members the data lists with that vote (recorded by the
    source, or stated by a public record for the curated 2025-2026 votes); ``not_named`` is
    the difference: votes cast that no source attributes to a member. ``.attrs["unknown"]``
    is the number of members whose vote is not known.

    >>> table = known_breakdown("A/RES/ES-11/7").set_index("vote")
    >>> table.loc[["yes", "no", "abstain"], "named"].tolist(), int(table.loc["abstain", "published"])
    ([93, 18, 19], 65)
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


def agreement_on_and_off(
    a="United States", b=None, symbols=None, years=(2014, 2026), definition: str = "exact", label: str = "ukraine"
) -> pd.DataFrame:
    """Per year, how often *a* and *b* voted alike on the resolutions in *symbols* and on all
    the other resolutions.

    Definition: :func:`unlearn.analysis.agreement.agreement` (*definition*: ``"exact"``,
    ``"lijphart"`` or ``"state_dept"``), computed twice per year: over the recorded votes on
    whole resolutions whose symbol is in *symbols* (default: :func:`ukraine_resolutions`), and
    over every other resolution. *b* defaults to the Russian seat (the USSR before 1992).
    Columns: ``year``, ``{label}_agreement``, ``{label}_votes`` (the definition's denominator),
    ``other_agreement``, ``other_votes``; a year with no such vote has a missing value.

    >>> table = agreement_on_and_off(years=(2022, 2025)).set_index("year")
    >>> float(table.loc[2022, "ukraine_agreement"]), round(float(table.loc[2025, "ukraine_agreement"]), 3)
    (0.0, 0.333)
    """
    import numpy as np

    from .analysis._matrix import periods, seat_column, select, vote_matrix
    from .analysis.agreement import _pair_counts, seat_series, with_agreement

    symbols = ukraine_resolutions(1946)["symbol"] if symbols is None else symbols
    matrix = vote_matrix()
    _, x = seat_column(matrix, a)
    _, y = seat_column(matrix, seat_series("Russia") if b is None else b)
    base = select(matrix, years, kind="resolution")
    inside = matrix.calls["symbol"].isin(list(symbols)).to_numpy()
    keys = np.unique(periods(matrix, "year")[base])
    out = pd.DataFrame({"year": keys.astype("int64")})
    for part, mask in ((label, base & inside), ("other", base & ~inside)):
        counts = _pair_counts(x[mask], y[mask, None])
        index = np.searchsorted(keys, matrix.year[mask])
        frame = pd.DataFrame(
            {n: np.bincount(index, weights=c[:, 0], minlength=len(keys)).astype("int64") for n, c in counts.items()}
        )
        frame = with_agreement(frame, definition)
        out[f"{part}_agreement"] = frame["agreement"].to_numpy()
        out[f"{part}_votes"] = frame["votes"].to_numpy()
    return out


def alignment_shift_without(
    symbols=None, country="United States", year: int = 2025, reference_years=None, definition: str = "exact"
) -> pd.DataFrame:
    """:func:`unlearn.analysis.divergence.alignment_shift` twice: on every resolution, and with
    the resolutions in *symbols* (default: :func:`ukraine_resolutions`) left out of *year* and
    of the reference years alike. How much of a shift survives without those votes?

    Columns: ``partner``, ``agreement`` and ``z`` (all resolutions), ``agreement_without``,
    ``z_without``, ``votes_without`` (the denominator without them).

    >>> table = alignment_shift_without().set_index("partner")
    >>> bool(table.loc["France", "z_without"] < -3)
    True
    """
    from .analysis.divergence import alignment_shift

    symbols = ukraine_resolutions(1946)["symbol"] if symbols is None else symbols
    calls = tables.ga_roll_calls()
    kept = calls[~calls["symbol"].isin(list(symbols))]
    every = alignment_shift(country, year, reference_years, definition=definition)
    without = alignment_shift(country, year, reference_years, definition=definition, roll_calls=kept)
    table = every[["partner", "agreement", "z"]].copy()
    table["agreement_without"] = without["agreement"].to_numpy()
    table["z_without"] = without["z"].to_numpy()
    table["votes_without"] = without["votes"].to_numpy()
    return table


def recurring_or_new(country="United States", years=(2024, 2025)) -> pd.DataFrame:
    """*country*'s no votes split by whether the text had been put to a recorded vote before.

    Definition: from :func:`unlearn.analysis.divergence.divergence_from_own_past`, per year:
    ``recurring`` texts (the same title voted on in an earlier session, with this country
    voting) and texts on which it cast a vote for the ``first time`` (new texts, or texts the
    Assembly used to adopt without a vote). ``votes`` (cast), ``no``, ``share_no``; for
    recurring texts also ``usually_no``: how many it had usually (modally) voted no on before.

    >>> table = recurring_or_new(years=[2025]).set_index("texts")
    >>> int(table.loc["recurring", "votes"] + table.loc["first time", "votes"])
    186
    """
    from .analysis._matrix import year_list
    from .analysis.divergence import divergence_from_own_past

    rows = []
    for year in year_list(years):
        past = divergence_from_own_past(country, int(year))
        recurring, first = past.resolutions, past.first_recorded
        for texts, frame in (("recurring", recurring), ("first time", first)):
            rows.append(
                {
                    "year": int(year),
                    "texts": texts,
                    "votes": len(frame),
                    "no": int((frame["vote"] == "no").sum()),
                    "usually_no": int((frame["usual_vote"] == "no").sum()) if texts == "recurring" else pd.NA,
                }
            )
    table = pd.DataFrame(rows)
    table["share_no"] = (table["no"] / table["votes"].where(table["votes"] > 0)).round(3)
    table["usually_no"] = table["usually_no"].astype("Int64")
    return table[["year", "texts", "votes", "no", "share_no", "usually_no"]]


def by_us_term(partner="France", first_year: int = 1946) -> pd.DataFrame:
    """US votes on General Assembly resolutions per presidency (:data:`US_TERMS`): the share
    of no votes and the agreement (exact match) with *partner*.

    Definition: recorded votes on whole resolutions dated from the day a term began to the day
    before the next (Voeten's dates for 1946-1996 carry the month only, so a vote in the month
    of an inauguration may fall on either side); ``share_no`` = no / (yes + abstain + no), as
    :func:`unlearn.analysis.divergence.vote_shares`; ``agreement`` as
    :func:`unlearn.analysis.agreement.agreement` with ``definition="exact"``.
    Columns: ``president``, ``from``, ``to``, ``votes``, ``no``, ``share_no``, ``agreement``.

    >>> table = by_us_term()
    >>> table["president"].iloc[-1], bool(table["share_no"].iloc[-1] > table["share_no"].iloc[-2])
    ('Trump (2025-)', True)
    """
    import numpy as np

    from .analysis._matrix import NO, YES, seat_column, select, vote_matrix
    from .analysis.agreement import _pair_counts

    matrix = vote_matrix()
    _, us = seat_column(matrix, "USA")
    _, other = seat_column(matrix, partner)
    dates = matrix.calls["date"].to_numpy()
    base = select(matrix, None, kind="resolution") & (matrix.year >= int(first_year))
    starts = [pd.Timestamp(day) for _, day in US_TERMS] + [pd.Timestamp.max]
    rows = []
    for i, (name, _) in enumerate(US_TERMS):
        mask = base & (dates >= np.datetime64(starts[i])) & (dates < np.datetime64(starts[i + 1]))
        cast = (us[mask] >= YES) & (us[mask] <= NO)
        if not cast.any():
            continue
        counts = {k: int(v.sum()) for k, v in _pair_counts(us[mask], other[mask, None]).items()}
        last = "" if i + 1 == len(US_TERMS) else str(starts[i + 1].year)
        rows.append(
            {
                "president": f"{name} ({starts[i].year}-{last})",
                "from": starts[i].date(),
                "to": (starts[i + 1] - pd.Timedelta(days=1)).date() if last else None,
                "votes": int(cast.sum()),
                "no": int((us[mask] == NO).sum()),
                "agreement": (counts["same"] + counts["both_abstained"]) / counts["common_votes"]
                if counts["common_votes"]
                else np.nan,
            }
        )
    table = pd.DataFrame(rows)
    table["share_no"] = (table["no"] / table["votes"]).round(3)
    table["agreement"] = table["agreement"].round(3)
    return table[["president", "from", "to", "votes", "no", "share_no", "agreement"]]


def agreement_by_era(
    country="United States", partners=("Russia",), eras=None, definition: str | list[str] = "exact"
) -> pd.DataFrame:
    """*country*'s agreement with each of *partners*, pooled over each era of *eras*.

    Definition: :func:`unlearn.analysis.agreement.agreement` with ``by=None`` over each era's
    years (default :data:`AGREEMENT_ERAS`), under *definition* (one or a list). A partner may be a name,
    a code or a seat (:func:`unlearn.analysis.agreement.seat_series`; the name ``"Russia"`` here
    means the Russian seat: the USSR until 1991). An era in which the two were never members
    together has no row.
    Columns: ``partner`` (its label), ``era``, ``definition``, ``agreement``, ``votes``.

    >>> table = agreement_by_era("USA", ["TWN", "CHN"])
    >>> sorted(table.loc[table["partner"] == "Taiwan (Republic of China)", "era"])
    ['1946–1991']
    """
    from .analysis.agreement import Seat, agreement, seat_series

    eras = AGREEMENT_ERAS if eras is None else eras
    rows = []
    for partner in partners:
        who = seat_series("Russia") if isinstance(partner, str) and partner.strip().lower() == "russia" else partner
        label = _partner_label(who, Seat)
        for era, years in eras.items():
            frame = agreement(country, who, by=None, years=years, definition=definition)
            for _, row in frame.iterrows():
                rows.append(
                    {
                        "partner": label,
                        "era": era,
                        "definition": row["definition"],
                        "agreement": round(float(row["agreement"]), 3) if pd.notna(row["agreement"]) else None,
                        "votes": int(row["votes"]),
                    }
                )
    return pd.DataFrame(rows, columns=["partner", "era", "definition", "agreement", "votes"])


def _partner_label(who, seat_type) -> str:
    if isinstance(who, seat_type):
        return " / ".join(tables.country_name(code) for code in who.codes)
    text = str(who).strip()
    return tables.country_name(text if len(text) == 3 and text.isupper() else tables.iso3(text))


def ideal_point_positions(
    states=("USA", "GBR", "FRA", "SUN", "RUS", "CHN"), years=None, points: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Where *states* sit on the one-dimensional scale of
    :func:`unlearn.analysis.ideal_points.ideal_points`, session by session, with their rank.

    Columns: ``session``, ``year`` (the calendar year the session opened: session + 1945),
    ``iso3``, ``name``, ``ideal_point``, ``rank`` (1 = the highest position, the end of the
    scale where the United States and Western Europe stand), ``of`` (states placed that session).
    *points*: a frame from :func:`unlearn.ideal_points` to reuse (then *years* is ignored).

    >>> table = ideal_point_positions(["USA"], years=(2020, 2025))
    >>> int(table["rank"].max()) <= 3
    True
    """
    from .analysis.ideal_points import ideal_points

    points = ideal_points(years) if points is None else points.copy()
    points["rank"] = points.groupby("session")["ideal_point"].rank(ascending=False, method="min").astype("int64")
    points["of"] = points.groupby("session")["iso3"].transform("size").astype("int64")
    chosen = points[points["iso3"].isin(list(states))].copy()
    chosen.insert(1, "year", chosen["session"] + 1945)
    chosen.insert(3, "name", chosen["iso3"].map(tables.country_name))
    return chosen[["session", "year", "iso3", "name", "ideal_point", "rank", "of"]].reset_index(drop=True)


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


def council_vote(symbol: str) -> pd.DataFrame:
    """Each Security Council member's vote on the adopted resolution *symbol* (``S/RES/2774``).

    Columns: ``name``, ``iso3``, ``seat`` (permanent or elected), ``vote``; permanent members
    first. Source: :func:`unlearn.sc_votes` (UN DGACM). ``.attrs["tally"]`` is the published
    yes-no-abstain, ``.attrs["title"]`` the resolution's title.

    >>> table = council_vote("S/RES/2774")
    >>> sorted(table.loc[table["vote"] == "abstain", "iso3"])
    ['DNK', 'FRA', 'GBR', 'GRC', 'SVN']
    """
    from .symbols import canonical

    wanted = canonical(symbol).split(" (")[0]
    votes = tables.sc_votes()
    mine = votes[votes["symbol"] == wanted]
    if mine.empty:
        raise ValueError(f"no adopted Security Council resolution {wanted!r} in the data (2000-2026).")
    table = pd.DataFrame(
        {
            "name": mine["iso3"].astype(str).map(tables.country_name),
            "iso3": mine["iso3"].astype(str),
            "seat": ["permanent" if p else "elected" for p in mine["permanent"]],
            "vote": mine["vote"].astype(str),
        }
    )
    table = table.sort_values(["seat", "vote", "name"], ascending=[False, True, True]).reset_index(drop=True)
    resolutions = tables.sc_resolutions()
    row = resolutions[resolutions["symbol"] == wanted].iloc[0]
    table.attrs["tally"] = f"{int(row['yes'])}-{int(row['no'])}-{int(row['abstain'])}"
    table.attrs["title"] = row["title"]
    return table


def vetoes_on(day) -> pd.DataFrame:
    """The vetoes cast in the Security Council on *day*, one row per vetoed text and member.

    Columns: ``member``, ``kind`` (draft resolution or amendment), ``subject``, ``yes``, ``no``,
    ``abstain`` (the vote on the vetoed text; missing where the source gives only part of it).
    Source: :func:`unlearn.vetoes` (the curated rows from 2022 on cite UN press releases).

    >>> vetoes_on("2025-02-24")[["member", "kind", "yes"]].values.tolist()
    [['Russia', 'amendment', 9], ['Russia', 'amendment', 11]]
    """
    table = tables.vetoes()
    that_day = table[table["date"] == pd.Timestamp(day)]
    return pd.DataFrame(
        {
            "member": that_day["member_iso3"].map(tables.country_name),
            "kind": that_day["kind"],
            "subject": that_day["subject"],
            "yes": that_day["yes"],
            "no": that_day["no"],
            "abstain": that_day["abstain"],
        }
    ).reset_index(drop=True)


def curated_roll_call(symbol: str) -> pd.Series:
    """Where the project's record of a 2025-2026 Assembly vote comes from: the row of
    ``data/ga_curated_roll_calls.csv`` (``tally_source``, ``symbol_basis``, ``source``,
    ``note``: conflicts, first reports later corrected, what is not known).

    >>> curated_roll_call("A/RES/ES-11/10")["symbol_basis"]
    'inferred'
    """
    from .symbols import canonical

    table = curated.read("ga_curated_roll_calls")
    rows = table[table["symbol"] == canonical(symbol)]
    if rows.empty:
        raise ValueError(f"{symbol!r} is not one of the curated roll calls: {', '.join(table['symbol'])}.")
    return rows.iloc[0][["symbol", "date", "yes", "no", "abstain", "tally_source", "symbol_basis", "source", "note"]]


def claim_cards(claim_ids=None) -> str:
    """The claims of ``data/news_claims.csv`` (notebook 06), each with what the data says, as
    text to read: ``Claim N (about): claim`` then ``Data: evidence``.

    >>> print(claim_cards([8]))  # doctest: +NORMALIZE_WHITESPACE
    Claim 8 (dates): The votes took place exactly three years after the full-scale Russian
    invasion began on 24 February 2022.
      Data: 24 February 2025 is 1096 days after 24 February 2022: exactly 3 years, to the day.
    """
    from .factcheck import claims

    table = claims()
    if claim_ids is not None:
        table = table[table["claim_id"].astype(int).isin([int(c) for c in claim_ids])]
    return "\n\n".join(
        f"Claim {row.claim_id} ({row.about}): {row.claim}\n  Data: {row.evidence}" for row in table.itertuples()
    )


def verdict_table(verdicts: dict) -> pd.DataFrame:
    """The claims with a student's verdicts: *verdicts* maps a claim id to ``(verdict, why)``,
    the verdict one of :data:`VERDICTS`. Claims without a verdict are listed as ``not checked``.

    >>> table = verdict_table({8: ("accurate", "The data counts exactly three years.")})
    >>> table.set_index("claim_id").loc[8, "verdict"], table.set_index("claim_id").loc[1, "verdict"]
    ('accurate', 'not checked')
    """
    from .factcheck import claims

    table = claims()[["claim_id", "claim"]].copy()
    table["claim_id"] = table["claim_id"].astype(int)
    for key, (verdict, _) in verdicts.items():
        if verdict not in VERDICTS:
            raise ValueError(f"claim {key}: verdict {verdict!r} is not one of {VERDICTS}.")
        if int(key) not in set(table["claim_id"]):
            raise ValueError(f"there is no claim {key}; the claims are numbered {sorted(table['claim_id'])}.")
    given = {int(k): v for k, v in verdicts.items()}
    table["verdict"] = [given.get(c, ("not checked", ""))[0] for c in table["claim_id"]]
    table["why"] = [given.get(c, ("", ""))[1] for c in table["claim_id"]]
    return table


def verdict_report(verdicts: dict) -> str:
    """*verdicts* (as for :func:`verdict_table`) as text to read: each claim given a verdict,
    with the verdict and the reason in full.

    >>> print(verdict_report({8: ("accurate", "Three years to the day.")}))
    Claim 8: accurate
      The votes took place exactly three years after the full-scale Russian invasion began on 24 February 2022.
      Why: Three years to the day.
    """
    table = verdict_table(verdicts)
    given = table[table["claim_id"].isin([int(k) for k in verdicts])]
    return "\n\n".join(
        f"Claim {row.claim_id}: {row.verdict}\n  {row.claim}\n  Why: {row.why}" for row in given.itertuples()
    )


# ---------------------------------------------------------------- series to draw (notebooks 04-05)


def agreement_definitions(a="United States", b="Russia", years=(1946, 2026)) -> pd.DataFrame:
    """*a*'s agreement with *b* per year under the three definitions, one column each (for
    :func:`unlearn.charts.line_chart`). ``b="Russia"`` is the Russian seat (the USSR until 1991).

    Columns: ``year``, ``exact``, ``lijphart``, ``state_dept`` (see
    :mod:`unlearn.analysis.agreement`: exact match; Lijphart 1963 as used by Voeten; the US State
    Department's voting coincidence).

    >>> table = agreement_definitions(years=(1990, 1995)).set_index("year")
    >>> bool((table["lijphart"] >= table["exact"]).all())
    True
    """
    from .analysis.agreement import DEFINITIONS, agreement, seat_series

    who = seat_series("Russia") if b == "Russia" else b
    frame = agreement(a, who, years=years, definition=list(DEFINITIONS))
    wide = frame.pivot(index="year", columns="definition", values="agreement")
    return wide[list(DEFINITIONS)].rename_axis(columns=None).reset_index()


def agreement_series(
    country="United States",
    partners=("Russia", "China", "United Kingdom", "France"),
    years=(1946, 2026),
    definition: str = "exact",
) -> pd.DataFrame:
    """*country*'s agreement per year with each of *partners*, one column per partner (its
    label as in :func:`agreement_by_era`; ``"Russia"`` is the Russian seat, the USSR until
    1991). A year in which the two were not both members is missing.

    >>> table = agreement_series(partners=["Russia", "China"], years=(1970, 1972))
    >>> list(table.columns), bool(pd.isna(table.loc[0, "China"]))
    (['year', 'Soviet Union / Russia', 'China'], True)
    """
    from .analysis._matrix import year_list
    from .analysis.agreement import Seat, agreement, seat_series

    out = pd.DataFrame({"year": year_list(years).astype("int64")})
    for partner in partners:
        who = seat_series("Russia") if partner == "Russia" else partner
        frame = agreement(country, who, years=years, definition=definition)
        out[_partner_label(who, Seat)] = out["year"].map(frame.set_index("year")["agreement"])
    return out.dropna(how="all", subset=list(out.columns[1:])).reset_index(drop=True)


def ideal_point_series(
    states=("USA", "GBR", "FRA", "RUS", "CHN", "IND"), years=None, points: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The ideal points of *states* per session, one column per state (its short name), by the
    calendar year the session opened (for :func:`unlearn.charts.line_chart`); *years* as in
    :func:`unlearn.analysis.ideal_points.ideal_points` (every session with votes in those years).
    The Russian column continues the USSR's before 1992 (the seat, as
    :func:`unlearn.analysis.agreement.seat_series` reads it; in session 46, which both voted in,
    Russia's position is shown). *points*: as in :func:`ideal_point_positions`.

    >>> table = ideal_point_series(["USA", "RUS"], years=(1990, 1993))
    >>> list(table.columns), table["year"].tolist()
    (['year', 'United States', 'Russia'], [1990, 1991, 1992, 1993])
    """
    codes = list(states) + (["SUN"] if "RUS" in states and "SUN" not in states else [])
    frame = ideal_point_positions(codes, years, points)
    frame["column"] = frame["iso3"].replace({"SUN": "RUS"} if "SUN" not in states else {})
    # session 46 (1991-92) places both the USSR and Russia: the later holder of the seat wins
    frame = frame.sort_values("iso3", key=lambda c: c.eq("RUS")).drop_duplicates(["year", "column"], keep="last")
    wide = frame.pivot(index="year", columns="column", values="ideal_point")
    wide = wide[[c for c in states if c in wide.columns]]
    wide.columns = [tables.country_name(c) for c in wide.columns]
    return wide.rename_axis(columns=None).reset_index()
