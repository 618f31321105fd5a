"""Build the tidy tables from the pinned upstream files and the curated tables.

Layer: data (the bottom of the package: it imports no other layer but errors).

Each ``_build_*`` function returns finished tables; :func:`build_all` runs them all and
validates the result. The cache layer (:mod:`unlearn.data.cache`) decides when to build.

Key decisions, each documented where it is made:
- Voeten's data is used for everything it covers (sessions 1-74, to 14 Jan 2020, with its
  amendment and paragraph votes); a DGACM roll call is added when its symbol is not in Voeten.
- A source that lists only the votes cast gets an ``absent`` row for every other member on
  that date (membership from ``data/states.csv``); non-members get no row.
- The curated 2025-2026 votes list only what public records state; every other member gets a
  missing vote with ``vote_basis = "unknown"``, never a guessed one and never "absent".
- A Library CSV the user added replaces a roll call's votes where its symbol matches.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import SourceFormatError
from . import membership, names, sources
from .ingest import curated, dgacm, dhl, vetoes, voeten
from .symbols import canonical, roman

VOTE_ORDER = ["yes", "abstain", "no", "absent"]
VOTE_TYPE = pd.CategoricalDtype(VOTE_ORDER, ordered=True)
BASIS_ORDER = ["recorded", "not listed (absent)", "stated", "expanded", "unknown"]
BASIS_TYPE = pd.CategoricalDtype(BASIS_ORDER)
PERMANENT = {"USA", "GBR", "FRA", "RUS", "SUN", "CHN", "TWN"}
_ES_SESSION = re.compile(r"^A/RES/(ES|S)-(\d+)/")


def regular_session(dates: pd.Series) -> pd.Series:
    """The regular session a date falls in: the Nth session opens in September of 1945+N.

    >>> regular_session(pd.Series(pd.to_datetime(["2025-02-24", "2025-09-10"]))).tolist()
    [79, 80]
    """
    dates = pd.to_datetime(dates)
    return (dates.dt.year - 1945 - (dates.dt.month < 9).astype(int)).astype("int64")


def stable_rcid(symbol: str) -> int:
    """A roll-call id for a symbol outside Voeten's data, the same on every rebuild.

    ``1_000_000 + session * 10_000 + number * 10 + part`` where an emergency special session
    counts as 900 + its number and a special session as 800 + its number. A range of parts voted
    as one (``A/RES/75/254 A-C``) takes part code 9 (a part I is never voted on alone).

    >>> stable_rcid("A/RES/75/290 A"), stable_rcid("A/RES/ES-11/7"), stable_rcid("A/RES/75/254 A-C")
    (1752901, 10110070, 1752549)
    """
    match = re.match(r"^A/RES/(?:(ES|S)-)?(\d+)/(\d+)(?: ([A-Z])(-[A-Z])?)?$", symbol)
    if match is None:
        raise ValueError(f"cannot number {symbol!r}")
    kind, session, number, part, part_range = match.groups()
    session_code = int(session) + {"ES": 900, "S": 800, None: 0}[kind]
    part_code = 9 if part_range else ord(part) - ord("A") + 1 if part else 0
    return 1_000_000 + session_code * 10_000 + int(number) * 10 + part_code


def _path(source_id: str, path: str, **fetch_args):
    return sources.fetch(sources.upstream_file(source_id, path), **fetch_args)


def _paths(source_id: str, suffix: str, **fetch_args):
    return [sources.fetch(f, **fetch_args) for f in sources.upstream_files(source_id) if f.path.endswith(suffix)]


# ---------------------------------------------------------------- General Assembly


def _voeten(**fetch_args) -> tuple[pd.DataFrame, pd.DataFrame]:
    calls = voeten.roll_calls(
        _path("voeten", "data/un_roll_calls.rda", **fetch_args),
        _path("voeten", "data/un_roll_call_issues.rda", **fetch_args),
    )
    fixes = curated.read("voeten_symbol_fixes")
    fixed = calls["rcid"].isin(fixes["rcid"].astype("int64"))
    calls.loc[fixed, "symbol"] = calls.loc[fixed, "rcid"].map(fixes.set_index(fixes["rcid"].astype("int64"))["symbol"])
    calls.loc[fixed & calls["kind"].eq("other"), "kind"] = "resolution"
    calls["emergency_session"] = calls["symbol_raw"].map(_voeten_emergency_session)
    calls["source"] = "voeten"
    calls["tally_source"] = "counted"
    raw = voeten.votes(_path("voeten", "data/un_votes.rda", **fetch_args))
    dates = raw["rcid"].map(calls.set_index("rcid")["date"])
    # Voeten gives no code for the Yemen Arab Republic, the FRG and Zanzibar: use the name there
    coded = raw["country_code"].notna() & raw["country_code"].ne("nan")
    raw["iso3"] = ""
    raw.loc[coded, "iso3"] = names.resolve(
        raw.loc[coded, "country_code"], dates[coded], ("iso2",), "Voeten un_votes.rda"
    )
    raw.loc[~coded, "iso3"] = names.resolve(raw.loc[~coded, "country"], dates[~coded], ("name",), "Voeten un_votes.rda")
    return calls, raw[["rcid", "iso3", "vote"]].assign(vote_basis="recorded")


def _voeten_emergency_session(raw: str) -> str | None:
    """``ESS/1/34`` -> ``ES-I``; ``A/RES/ES-10/19`` -> ``ES-10`` (the UN's form for each era)."""
    match = re.match(r"^ESS/(\d+)/", raw) or re.match(r"^A/RES/ES-(\d+)/", raw)
    if match is None:
        return None
    number = int(match.group(1))
    return f"ES-{roman(number)}" if number <= 5 else f"ES-{number}"


def _dgacm_ga(voeten_symbols: set[str], **fetch_args) -> tuple[pd.DataFrame, ...]:
    """DGACM roll calls not in Voeten, their votes, and (for validation) the overlap with
    Voeten: its country votes and its roll calls."""
    calls, listed = dgacm.ga_records(_paths("dgacm_ga", ".json", **fetch_args))
    overlap = calls[calls["symbol"].isin(voeten_symbols)]
    calls = calls[~calls["symbol"].isin(voeten_symbols)].copy()
    calls["rcid"] = calls["symbol"].map(stable_rcid)
    regular = calls["file"].str.extract(r"^(\d+)\.json$")[0]
    calls["session"] = regular.astype("Int64").fillna(regular_session(calls["date"])).astype("int64")
    calls["emergency_session"] = calls["symbol"].str.extract(r"^A/RES/(ES-\d+)/")[0]
    for column in ("yes", "no", "abstain"):
        calls[column] = calls[column].fillna(0).astype("int64")
    calls["kind"] = "resolution"
    calls["source"] = "dgacm_ga"
    calls["tally_source"] = "published"
    calls["date_approximate"] = False
    # the overlap with Voeten (session 74) is kept aside for validation
    all_dates = listed["symbol"].map(pd.concat([calls, overlap]).set_index("symbol")["date"])
    listed["iso3"] = names.resolve(listed["name"], all_dates, ("name",), "DGACM GA extract")
    listed = listed.drop_duplicates(["symbol", "iso3"])  # one name split or spelt twice
    keep = listed["symbol"].isin(calls["symbol"])
    votes = listed[keep].assign(rcid=listed.loc[keep, "symbol"].map(calls.set_index("symbol")["rcid"]))
    return calls, votes[["rcid", "iso3", "vote"]].assign(vote_basis="recorded"), listed[~keep], overlap


def _curated_ga(known_symbols: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    calls = curated.read("ga_curated_roll_calls", dates=("date",))
    calls = calls[~calls["symbol"].isin(known_symbols)].copy()
    calls["rcid"] = calls["symbol"].map(stable_rcid)
    calls["session"] = regular_session(calls["date"])
    calls["emergency_session"] = calls["symbol"].str.extract(r"^A/RES/(ES-\d+)/")[0]
    for column in ("yes", "no", "abstain"):
        calls[column] = calls[column].astype("int64")
    calls["kind"] = "resolution"
    calls["source"] = "curated"
    calls["date_approximate"] = False
    votes = curated.read("ga_curated_votes")
    votes = votes[votes["symbol"].isin(calls["symbol"])]
    votes = votes.assign(rcid=votes["symbol"].map(calls.set_index("symbol")["rcid"]), vote_basis=votes["basis"])
    return calls, votes[["rcid", "iso3", "vote", "vote_basis"]]


def _fill_members(calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Add a row for every member that the source does not list: absent, or unknown for the
    curated roll calls (whose sources name only some votes) and for a recorded vote whose
    source publishes the tally but no member lists."""
    on_date = membership.members_on(calls["date"])
    # a source that lists no member at all (A/RES/75/254 A-C) says nothing of who was absent
    tally_only = calls["tally_only"].fillna(False).astype(bool) if "tally_only" in calls else False
    calls = calls.assign(_unknown=calls["source"].eq("curated") | tally_only)
    expected = calls[["rcid", "date", "_unknown"]].merge(on_date, on="date")[["rcid", "iso3", "_unknown"]]
    missing = expected.merge(votes[["rcid", "iso3"]], how="left", indicator=True)
    missing = missing[missing["_merge"] == "left_only"]
    unknown = missing["_unknown"]
    filled = pd.DataFrame(
        {
            "rcid": missing["rcid"],
            "iso3": missing["iso3"],
            "vote": np.where(unknown, None, "absent"),
            "vote_basis": np.where(unknown, "unknown", "not listed (absent)"),
        }
    )
    return pd.concat([votes, filled], ignore_index=True)


def _apply_library(calls: pd.DataFrame, votes: pd.DataFrame, added: list) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Let an added Library GA CSV take precedence roll call by roll call."""
    report = {"matched": 0, "added": 0, "unmatched_before_2020": 0}
    frames = [dhl.read(path) for path in added]
    if not frames:
        return calls, votes, report
    lib = pd.concat(frames, ignore_index=True).drop_duplicates(["symbol", "ms_code"], keep="last")
    lib["iso3"] = _library_iso3(lib)
    lib["rcid"] = lib["symbol"].map(_final_votes(calls))
    cutoff = calls.loc[calls["source"] == "voeten", "date"].max()
    new = lib[lib["rcid"].isna() & (lib["date"] > cutoff)].copy()
    report["unmatched_before_2020"] = int(lib.loc[lib["rcid"].isna() & (lib["date"] <= cutoff), "symbol"].nunique())
    new["rcid"] = new["symbol"].map(stable_rcid)
    matched = lib[lib["rcid"].notna()].copy()
    report["matched"], report["added"] = int(matched["symbol"].nunique()), int(new["symbol"].nunique())
    replaced = set(matched["rcid"].astype("int64"))
    totals = pd.concat([matched, new]).drop_duplicates("symbol").set_index("symbol")
    update = calls["rcid"].isin(replaced)
    for column, total in (("yes", "total_yes"), ("no", "total_no"), ("abstain", "total_abstentions")):
        calls.loc[update, column] = calls.loc[update, "symbol"].map(totals[total]).astype("int64")
    calls.loc[update, ["source", "tally_source"]] = ["dhl_ga", "published"]
    head = new.drop_duplicates("symbol")
    new_calls = pd.DataFrame(
        {
            "rcid": head["rcid"].astype("int64"),
            "date": head["date"],
            "symbol": head["symbol"],
            "session": regular_session(head["date"]),
            "title": head["title"],
            "kind": "resolution",
            "emergency_session": head["symbol"].str.extract(r"^A/RES/(ES-\d+)/")[0],
            "yes": head["total_yes"].astype("int64"),
            "no": head["total_no"].astype("int64"),
            "abstain": head["total_abstentions"].astype("int64"),
            "source": "dhl_ga",
            "tally_source": "published",
            "date_approximate": False,
        }
    )
    calls = pd.concat([calls, new_calls], ignore_index=True)
    lib_votes = pd.concat([matched, new])
    lib_votes = lib_votes.assign(rcid=lib_votes["rcid"].astype("int64"), vote_basis="recorded")
    votes = votes[~votes["rcid"].isin(replaced)]
    return calls, pd.concat([votes, lib_votes[["rcid", "iso3", "vote", "vote_basis"]]]), report


def _final_votes(calls: pd.DataFrame) -> pd.Series:
    """The rcid a Library row's symbol names: the Library lists one vote per resolution, the
    vote on the whole text, while Voeten may hold several roll calls with that symbol
    (A/RES/2758(XXVI): amendments, a paragraph, then the final vote). So the last roll call of
    kind ``resolution``, else the last one."""
    named = calls.dropna(subset=["symbol"])
    whole = named["kind"].eq("resolution").rename("_whole")
    named = named.assign(_whole=whole).sort_values("_whole", kind="stable")
    return named.drop_duplicates("symbol", keep="last").set_index("symbol")["rcid"]


# a Roman-numeral-era symbol (A/RES/2758(XXVI), A/RES/997(ES-I)): matched to Voeten, never numbered
_ROMAN_SYMBOL = re.compile(r"^A/RES/\d+ ?\((?:ES-|S-)?[IVXL]+\)$")


def check_library(path) -> None:
    """Run the steps of :func:`_apply_library` that can fail on one file, so that ``unlearn
    data add`` refuses it instead of registering a file every later build would stop on: the
    parse, the country names and codes, and the numbering of the symbols it may add."""
    lib = dhl.read(path)
    _library_iso3(lib, where=f"Library CSV {path.name}")
    last = lib.groupby("symbol")["date"].max()
    for symbol, date in last.items():
        if _ROMAN_SYMBOL.match(symbol) is None or date.year > 1976:
            try:
                stable_rcid(symbol)
            except ValueError:
                raise SourceFormatError(
                    f"{path.name}: the symbol {symbol!r} is not a General Assembly resolution symbol "
                    "(A/RES/78/1, A/RES/ES-11/7 or A/RES/2758(XXVI))."
                ) from None


def _library_iso3(lib: pd.DataFrame, where: str = "Library CSV") -> pd.Series:
    """The Library's names through the alias table, row by row; its own three-letter code only
    where the name is not in the table (names first: its codes for the China seat before 1971
    cannot tell the Republic of China from the PRC)."""
    by_name = names.resolve(lib["ms_name"], lib["date"], ("name",), where, unmapped="keep")
    unnamed = by_name.isna()
    if unnamed.any():
        by_name[unnamed] = names.resolve(lib.loc[unnamed, "ms_code"], lib.loc[unnamed, "date"], ("iso3",), where)
    return by_name


def build_ga(added: list | None = None, **fetch_args) -> dict[str, pd.DataFrame]:
    v_calls, v_votes = _voeten(**fetch_args)
    voeten_symbols = set(v_calls["symbol"].dropna())
    d_calls, d_votes, overlap, overlap_calls = _dgacm_ga(voeten_symbols, **fetch_args)
    c_calls, c_votes = _curated_ga(voeten_symbols | set(d_calls["symbol"]))
    calls = pd.concat([v_calls, d_calls, c_calls], ignore_index=True)
    votes = pd.concat([v_votes, d_votes, c_votes], ignore_index=True)
    calls, votes, library = _apply_library(calls, votes, added or [])
    calls = _with_titles(calls)
    votes = _fill_members(calls, votes)
    calls = _with_counts(calls, votes)
    calls = _with_issues(calls)
    votes = votes.merge(calls[["rcid"]], on="rcid")  # no vote without its roll call
    return {
        "_issue_mapping_check": _issue_mapping_check(overlap_calls, v_calls),
        "ga_roll_calls": _tidy_calls(calls),
        "ga_votes": _tidy_votes(votes, calls),
        "_ga_overlap": overlap[["symbol", "iso3", "vote"]].reset_index(drop=True),
        "_library_report": pd.DataFrame([library]),
    }


_CATALOGUE_SUFFIX = r"\s*:\s*resolution\s*/.*$"  # Voeten cuts some at 250 characters: "/ adopted by the"
TITLE_SOURCES = {"voeten": "voeten short", "dgacm_ga": "dgacm", "curated": "curated", "dhl_ga": "dhl"}


def _reads_as_title(text: pd.Series) -> pd.Series:
    """Whether Voeten's ``descr`` is a resolution's title: the UN Library catalogue form
    ("Territorial integrity of Ukraine : resolution / adopted by the General Assembly"), or a
    short mixed-case heading ("Question of Antarctica"), not a summary of the operative text
    ("Urges all Member States to ... Notes with regret ...") or an upper-case motion."""
    catalogue = text.str.contains(_CATALOGUE_SUFFIX, case=False, regex=True)
    heading = ~text.str.isupper() & (text.str.len() <= 200) & ~text.str.contains(". ", regex=False)
    return (catalogue | heading) & text.str.strip().ne("")


def _with_titles(calls: pd.DataFrame) -> pd.DataFrame:
    """The best title of each roll call and where it comes from (``title_source``): a curated
    title (data/ga_titles.csv, with ``known_as``: the names a text is known by that its title
    lacks, "Crimea" for A/RES/68/262), else the source's own (DGACM, the Library, the curated
    roll calls), else Voeten's ``descr`` where it reads as a title, else Voeten's ``short``,
    which is often a subject heading ("ARMED CONFLICTS PREVENTION--MEDIATION")."""
    calls = calls.copy()
    calls["title_source"] = calls["source"].map(TITLE_SOURCES).fillna("source")
    descr = calls["description"].fillna("").astype("str")
    better = calls["source"].eq("voeten") & _reads_as_title(descr)
    calls.loc[better, "title"] = descr[better].str.replace(_CATALOGUE_SUFFIX, "", case=False, regex=True)
    calls.loc[better, "title_source"] = "voeten descr"
    titles = curated.read("ga_titles").set_index("symbol")
    chosen = calls["symbol"].isin(titles.index)
    calls.loc[chosen, "title"] = calls.loc[chosen, "symbol"].map(titles["title"])
    calls.loc[chosen, "title_source"] = "curated"
    calls["known_as"] = calls["symbol"].map(titles["known_as"].replace("", None))
    return calls


def _with_counts(calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Tallies counted from the rows: the published tally where a source has none (Voeten)."""
    counted = pd.crosstab(votes["rcid"], votes["vote"]).reindex(columns=VOTE_ORDER, fill_value=0)
    calls = calls.merge(counted.add_prefix("counted_").reset_index(), on="rcid", how="left")
    for vote in ("yes", "no", "abstain"):
        published = calls[vote] if vote in calls else pd.Series(np.nan, index=calls.index)
        calls[vote] = published.fillna(calls[f"counted_{vote}"]).astype("int64")
    calls["tally_source"] = calls["tally_source"].fillna("counted")
    return calls


def _with_issues(calls: pd.DataFrame) -> pd.DataFrame:
    """Voeten's six issue codes; for later votes the documented UNBIS-subject mapping."""
    mapping = curated.read("unbis_issue_map")
    for code in voeten.ISSUE_CODES:
        column = f"issue_{code}"
        terms = set(mapping.loc[mapping["issue"] == code, "unbis_term"].str.upper())
        from_subjects = calls["subjects"].map(
            lambda subjects, terms=terms: (
                isinstance(subjects, (list, np.ndarray)) and any(str(s).upper() in terms for s in subjects)
            )
        )
        calls[column] = (
            calls[column].astype("boolean").fillna(from_subjects).astype(bool) if column in calls else from_subjects
        )
    return calls


def _issue_mapping_check(overlap: pd.DataFrame, voeten_calls: pd.DataFrame) -> pd.DataFrame:
    """How often the UNBIS-subject mapping gives Voeten's own issue codes, on the 2019 roll
    calls both sources hold. Voeten's ``co`` and ``ec`` codes for session 74 repeat its ``di``
    codes (an upstream quirk), so only ``me``, ``nu``, ``di`` and ``hr`` can be checked there."""
    mapped = _with_issues(overlap.copy())
    both = mapped.merge(voeten_calls, on="symbol", suffixes=("_mapped", "_voeten"))
    rows = []
    for code in voeten.ISSUE_CODES:
        ours, theirs = both[f"issue_{code}_mapped"], both[f"issue_{code}_voeten"]
        rows.append(
            {
                "issue": code,
                "roll_calls": len(both),
                "agreement": float((ours == theirs).mean()),
                "voeten_flags": int(theirs.sum()),
                "mapped_flags": int(ours.sum()),
                "checkable": code in ("me", "nu", "di", "hr"),
            }
        )
    return pd.DataFrame(rows)


def _tidy_calls(calls: pd.DataFrame) -> pd.DataFrame:
    columns = [
        "rcid",
        "date",
        "date_approximate",
        "session",
        "emergency_session",
        "symbol",
        "title",
        "title_source",
        "known_as",
        "kind",
        "important",
        "yes",
        "no",
        "abstain",
        "tally_source",
        "source",
        *[f"issue_{c}" for c in voeten.ISSUE_CODES],
        "description",
        "agenda_item",
        "symbol_raw",
    ]
    out = calls.reindex(columns=columns).sort_values(["date", "rcid"]).reset_index(drop=True)
    out["rcid"] = out["rcid"].astype("int64")
    out["important"] = out["important"].astype("boolean")
    for column in ("emergency_session", "symbol", "title", "known_as", "description", "agenda_item", "symbol_raw"):
        out[column] = out[column].astype("str").where(out[column].notna(), None)
    for column in ("kind", "tally_source", "source", "title_source"):
        out[column] = out[column].astype("category")
    return out


def _tidy_votes(votes: pd.DataFrame, calls: pd.DataFrame) -> pd.DataFrame:
    order = calls.sort_values(["date", "rcid"])["rcid"]
    out = pd.DataFrame(
        {
            "rcid": votes["rcid"].astype("int32"),
            "iso3": votes["iso3"].astype("category"),
            "vote": votes["vote"].astype(VOTE_TYPE),
            "vote_basis": votes["vote_basis"].astype(BASIS_TYPE),
        }
    )
    out["_order"] = out["rcid"].map(pd.Series(range(len(order)), index=order.to_numpy()))
    return out.sort_values(["_order", "iso3"]).drop(columns="_order").reset_index(drop=True)


# ---------------------------------------------------------------- Security Council


def build_sc(added: list | None = None, **fetch_args) -> dict[str, pd.DataFrame]:
    calls, listed = dgacm.sc_records(_paths("dgacm_sc", ".json", **fetch_args))
    dates = listed["symbol"].map(calls.set_index("symbol")["date"])
    listed["iso3"] = names.resolve(listed["name"], dates, ("name",), "DGACM SC extract")
    listed = listed.drop_duplicates(["symbol", "iso3"])  # S/RES/2403 splits Côte d'Ivoire in two
    listed["year"] = dates.dt.year
    # the Council in a year: every state listed in a vote that year; not listed -> absent
    seated = listed[["year", "iso3"]].drop_duplicates()
    calls["year"] = calls["date"].dt.year
    voted = calls[(calls["yes"] + calls["no"] + calls["abstain"]) > 0]
    # a recorded vote whose lists are empty (S/RES/2723): votes unknown, so no rows, not 15 absents
    voted = voted[voted["symbol"].isin(listed["symbol"])]
    expected = voted[["symbol", "year"]].merge(seated, on="year")
    votes = expected.merge(listed[["symbol", "iso3", "vote"]], on=["symbol", "iso3"], how="left")
    votes["vote"] = votes["vote"].fillna("absent")
    procedural = curated.read("sc_procedural_votes")
    calls["procedural"] = calls["symbol"].isin(procedural["symbol"].map(canonical))
    calls["voting"] = np.where(calls.index.isin(voted.index), "recorded vote", "without a vote")
    calls["source"] = "dgacm_sc"
    calls["tally_source"] = "published"
    calls = calls.sort_values("date", kind="stable").reset_index(drop=True)
    out_votes = pd.DataFrame(
        {
            "symbol": votes["symbol"],
            "iso3": votes["iso3"].astype("category"),
            "vote": votes["vote"].astype(VOTE_TYPE),
            "permanent": votes["iso3"].isin(PERMANENT),
        }
    )
    columns = [
        "symbol",
        "date",
        "year",
        "title",
        "agenda_item",
        "draft",
        "meeting",
        "yes",
        "no",
        "abstain",
        "voting",
        "procedural",
        "tally_source",
        "source",
    ]
    return {"sc_resolutions": calls[columns], "sc_votes": out_votes.reset_index(drop=True)}


# ---------------------------------------------------------------- vetoes


TALLY = ("yes", "no", "abstain")


def build_vetoes(**fetch_args) -> dict[str, pd.DataFrame]:
    upstream = vetoes.read(_paths("wpdl_vetoes", ".csv", **fetch_args)[0])
    upstream["kind"] = "draft resolution"
    upstream["source"] = "wpdl_vetoes"
    curated_vetoes = curated.read("sc_curated_vetoes", dates=("date",))
    upstream = _with_curated_tallies(upstream, curated_vetoes)
    upstream = _with_veto_fixes(upstream, curated.read("sc_veto_fixes", dates=("upstream_date", "date")))
    late = curated_vetoes[curated_vetoes["in_upstream_list"].str.lower() != "true"]
    late = late.assign(
        topic="",
        region="",
        source="curated",
        vetoed_text=late.groupby(["date", "draft", "subject"], sort=False).ngroup() + 10_000,
    )
    for column in ("yes", "no", "abstain"):
        late[column] = pd.to_numeric(late[column], errors="coerce").astype("Int64")
    columns = [
        "date",
        "draft",
        "kind",
        "subject",
        "topic",
        "member_iso3",
        "yes",
        "no",
        "abstain",
        "meeting",
        "vetoed_text",
        "source",
    ]
    table = pd.concat([upstream.reindex(columns=columns), late.reindex(columns=columns)], ignore_index=True)
    for column in ("yes", "no", "abstain"):
        table[column] = table[column].astype("Int64")
    table["joint"] = table.groupby("vetoed_text")["member_iso3"].transform("size") > 1
    return {"vetoes": table.sort_values(["date", "vetoed_text", "member_iso3"]).reset_index(drop=True)}


def _with_curated_tallies(upstream: pd.DataFrame, curated_vetoes: pd.DataFrame) -> pd.DataFrame:
    """The upstream list has no tallies: take them from the curated rows of the same veto
    (``in_upstream_list`` true, matched on date, draft and member)."""
    key = ["date", "draft", "member_iso3"]
    shared = curated_vetoes[curated_vetoes["in_upstream_list"].str.lower() == "true"]
    tallies = shared[key].assign(**{c: pd.to_numeric(shared[c], errors="coerce") for c in TALLY})
    found = tallies.merge(upstream[key], on=key, how="left", indicator=True)["_merge"] == "both"
    if not found.all():
        lost = tallies.loc[~found.to_numpy(), "draft"].tolist()
        raise SourceFormatError(f"sc_curated_vetoes.csv: rows marked in_upstream_list match no upstream veto: {lost}.")
    return upstream.merge(tallies, on=key, how="left", validate="many_to_one")


def _with_veto_fixes(upstream: pd.DataFrame, fixes: pd.DataFrame) -> pd.DataFrame:
    """Apply ``data/sc_veto_fixes.csv``: ``correct`` rows overwrite the non-empty fields of the
    upstream veto with that draft, member and upstream date; ``add`` rows are vetoes the list
    omits. A correction that matches nothing stops the build (the upstream list changed)."""
    out = upstream.copy()
    fields = ["date", "kind", "subject", "topic", "meeting", *TALLY]
    for _, fix in fixes[fixes["action"] == "correct"].iterrows():
        hit = (out["draft"] == fix["draft"]) & (out["member_iso3"] == fix["member_iso3"])
        hit &= out["date"] == fix["upstream_date"]
        if hit.sum() != 1:
            raise SourceFormatError(
                f"sc_veto_fixes.csv: {fix['draft']} ({fix['member_iso3']}, {fix['upstream_date'].date()}) "
                f"matches {int(hit.sum())} upstream vetoes, not one: check the row against the list."
            )
        for field in fields:
            if fix[field] is not pd.NaT and fix[field] != "":
                out.loc[hit, field] = pd.to_numeric(fix[field]) if field in TALLY else fix[field]
    added = fixes[fixes["action"] == "add"]
    unknown = set(fixes["action"]) - {"correct", "add"}
    if unknown:
        raise SourceFormatError(f"sc_veto_fixes.csv: unknown action(s) {sorted(unknown)}; use 'correct' or 'add'.")
    added = added.assign(
        region="",
        source="curated",
        vetoed_text=range(20_000, 20_000 + len(added)),
        **{c: pd.to_numeric(added[c], errors="coerce") for c in TALLY},
    )
    return pd.concat([out, added.reindex(columns=out.columns)], ignore_index=True)


def build_countries() -> dict[str, pd.DataFrame]:
    states = curated.read("states", dates=("member_from", "member_to"))
    states["p5"] = states["p5"].str.lower().eq("true")
    groups = curated.read("regional_groups", dates=("valid_from", "valid_to"))
    current = groups.sort_values("valid_from").drop_duplicates("iso3", keep="last").set_index("iso3")["group"]
    states["regional_group"] = states["iso3"].map(current)
    for column in ("predecessor_iso3", "successor_iso3"):
        states[column] = states[column].replace("", None)
    return {"countries": states.reset_index(drop=True)}


def build_all(added: dict[str, list] | None = None, **fetch_args) -> dict[str, pd.DataFrame]:
    """Every table, from the raw files: what :mod:`unlearn.data.cache` writes as parquet."""
    added = added or {}
    tables = {}
    tables.update(build_countries())
    tables.update(build_ga(added.get("dhl_ga"), **fetch_args))
    tables.update(build_sc(added.get("dhl_sc"), **fetch_args))
    tables.update(build_vetoes(**fetch_args))
    return tables
