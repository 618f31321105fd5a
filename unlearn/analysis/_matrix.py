"""The vote matrix every analysis reads: roll calls x states, one small integer a cell.

Layer: analysis, above the data layer and the Charter rules, below plotting and widgets.

``ga_votes()`` has about a million rows; pivoting it once into a dense ``int8`` matrix
(7,000 roll calls x 200-odd states, about 1.5 MB) makes every later question a few numpy
operations on columns or a matrix product per year, instead of a pandas merge.

Cell codes (chosen so that 1-3 are the votes cast, in the order of ``VOTE_ORDER``):

====  =========================================================
0     no row: the state was not a member then
1     yes
2     abstain
3     no
4     absent (a member that did not vote)
5     unknown (a member whose vote no source states)
====  =========================================================
"""

from __future__ import annotations

import numbers
import re
import warnings
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import cache, tables
from ..data.ingest.voeten import ISSUE_CODES
from ..errors import ArgumentError, NoDataWarning, UnknownNameError, UnlearnError

NOT_MEMBER, YES, ABSTAIN, NO, ABSENT, UNKNOWN = range(6)
CODE_OF_VOTE = {"yes": YES, "abstain": ABSTAIN, "no": NO, "absent": ABSENT}
VOTE_OF_CODE = {YES: "yes", ABSTAIN: "abstain", NO: "no", ABSENT: "absent", UNKNOWN: "unknown"}
ISSUES = ISSUE_CODES  # Voeten's six issue codes, as the ingest defines them
KINDS = ("resolution", "amendment", "paragraph", "other")
SOURCES = ("voeten", "dgacm_ga", "curated", "dhl_ga")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_TITLE_SUFFIX = re.compile(
    r"\s*:\s*resolution\s*/\s*adopted by the general assembly\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class VoteMatrix:
    """Roll calls (rows, sorted by date) x states (columns, sorted by code)."""

    codes: np.ndarray  # int8, shape (len(calls), len(states))
    states: np.ndarray  # iso3 codes, as str
    calls: pd.DataFrame  # the roll calls, row i describes codes[i]
    year: np.ndarray
    session: np.ndarray

    def column_of(self, iso3: str) -> int | None:
        """The column of *iso3*, or None if it never had a row in these votes."""
        where = np.searchsorted(self.states, iso3)
        if where < len(self.states) and self.states[where] == iso3:
            return int(where)
        return None


@dataclass(frozen=True)
class Seat:
    """A UN seat held by a chain of states, read as one series (e.g. USSR, then Russia).

    Made by :func:`unlearn.seat_series`; any analysis that takes a country takes a seat.
    """

    codes: tuple[str, ...]

    @property
    def label(self) -> str:
        return "/".join(self.codes)

    def __str__(self) -> str:
        return self.label


# A few matrices are kept, keyed by the identity of the frames they were built from; the
# frames are held too, so that an id cannot be reused by another frame while cached.
_MATRICES: OrderedDict[tuple[int, int], tuple[pd.DataFrame, pd.DataFrame, VoteMatrix]] = (
    OrderedDict()
)
_KEEP = 4


def vote_matrix(
    votes: pd.DataFrame | None = None, roll_calls: pd.DataFrame | None = None
) -> VoteMatrix:
    """The matrix for *votes*/*roll_calls* (default: :func:`unlearn.ga_votes` and
    :func:`unlearn.ga_roll_calls`), built on first use and then kept in memory."""
    votes = tables.ga_votes() if votes is None else votes
    roll_calls = tables.ga_roll_calls() if roll_calls is None else roll_calls
    key = (id(votes), id(roll_calls))
    if key in _MATRICES:
        _MATRICES.move_to_end(key)
        return _MATRICES[key][2]
    matrix = _build(votes, roll_calls)
    cache.release_unused_memory()  # the million-row temporaries, which malloc would keep
    _MATRICES[key] = (votes, roll_calls, matrix)
    while len(_MATRICES) > _KEEP:
        _MATRICES.popitem(last=False)
    return matrix


def _build(votes: pd.DataFrame, roll_calls: pd.DataFrame) -> VoteMatrix:
    missing = {"rcid", "iso3", "vote"} - set(votes.columns)
    if missing:
        raise UnlearnError(
            f"the votes frame lacks column(s) {sorted(missing)}; "
            "pass ga_votes() or a frame like it."
        )
    if "date" not in roll_calls or "rcid" not in roll_calls:
        raise UnlearnError(
            "the roll-calls frame needs at least the columns rcid and date; pass ga_roll_calls()."
        )
    calls = _normalised_calls(roll_calls)
    # int32 positions, and no copies when every vote is placed: the million rows' int64
    # indexes and their filtered copies were the build's peak (about 40 MB, kept by malloc)
    row = pd.Index(calls["rcid"]).get_indexer(votes["rcid"]).astype(np.int32)
    states, column = _sorted_codes(votes["iso3"])
    code = _vote_codes(votes["vote"])
    matrix = np.zeros((len(calls), len(states)), dtype=np.int8)
    if (row < 0).any():  # a vote whose roll call is not in roll_calls cannot be placed
        known = row >= 0
        row, column, code = row[known], column[known], code[known]
    matrix[row, column] = code
    return VoteMatrix(
        codes=matrix,
        states=states,
        calls=calls,
        year=calls["date"].dt.year.to_numpy(),
        session=calls["session"].to_numpy(),
    )


def _sorted_codes(iso3: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The distinct codes, sorted, and each row's position among them (categories are reused:
    a million rows are not turned into strings)."""
    category = (
        iso3
        if isinstance(iso3.dtype, pd.CategoricalDtype)
        else iso3.astype("str").astype("category")
    )
    names = np.asarray(category.cat.categories, dtype=str)
    order = np.argsort(names)
    position = np.empty(len(names), dtype=np.int32)
    position[order] = np.arange(len(names))
    codes = category.cat.codes.to_numpy()
    if (codes < 0).any():
        raise UnlearnError("some votes have no iso3 code; every row of the votes frame needs one.")
    return names[order], position[codes]


def _vote_codes(vote: pd.Series) -> np.ndarray:
    """yes/abstain/no/absent -> 1-4; a missing vote (unknown) -> 5; anything else is an error."""
    if isinstance(vote.dtype, pd.CategoricalDtype):  # map the few categories, not the rows
        per_category = np.array(
            [CODE_OF_VOTE.get(str(c), -1) for c in vote.cat.categories] + [UNKNOWN]
        )
        if (per_category < 0).any():
            bad = [c for c in vote.cat.categories if str(c) not in CODE_OF_VOTE]
            raise UnlearnError(
                f"unknown vote value(s) {bad[:5]}; "
                "votes must be yes, abstain, no, absent or missing (unknown)."
            )
        return per_category[vote.cat.codes.to_numpy()].astype(
            np.int8
        )  # code -1 (missing) -> UNKNOWN
    text = vote.astype("object")
    code = text.map(CODE_OF_VOTE)
    bad = code.isna() & text.notna()
    if bad.any():
        raise UnlearnError(
            f"unknown vote value(s) {sorted(set(text[bad].astype(str)))[:5]}; "
            "votes must be yes, abstain, no, absent or missing (unknown)."
        )
    return code.fillna(UNKNOWN).to_numpy(dtype=np.int8)


def _normalised_calls(roll_calls: pd.DataFrame) -> pd.DataFrame:
    """The roll calls sorted by date, with every column the filters read filled in."""
    calls = roll_calls.copy()
    calls.attrs = {}  # the table's citation would be deep-copied into every column read
    calls["date"] = pd.to_datetime(calls["date"])
    calls = calls.sort_values(["date", "rcid"], kind="stable").reset_index(drop=True)
    if "session" not in calls:
        calls["session"] = (calls["date"].dt.year - 1945 - (calls["date"].dt.month < 9)).astype(
            "int64"
        )
    defaults = {
        "kind": "resolution",
        "emergency_session": None,
        "source": "",
        "title": "",
        "symbol": None,
        "agenda_item": None,
        "yes": 0,
        "no": 0,
        "abstain": 0,
    }
    for column, value in defaults.items():
        if column not in calls:
            calls[column] = value
    for code in ISSUES:
        if f"issue_{code}" not in calls:
            calls[f"issue_{code}"] = False
    calls["kind"] = calls["kind"].astype("str")
    calls["source"] = calls["source"].astype("str")
    calls["is_emergency"] = calls["emergency_session"].notna().to_numpy()
    calls["title_key"] = title_key(calls["title"])
    calls["title_code"] = pd.factorize(calls["title_key"].where(calls["title_key"] != ""))[
        0
    ]  # -1: none
    return calls


def title_key(titles: pd.Series) -> pd.Series:
    """The form in which titles are compared: lower case, letters and digits only, without
    the ": resolution / adopted by the General Assembly" Voeten's data appends in sessions 71-73.
    """
    bare = titles.fillna("").astype("str").str.replace(_TITLE_SUFFIX, "", regex=True).str.lower()
    return bare.str.replace(_NOT_WORD, " ", regex=True).str.strip()


# ---------------------------------------------------------------- selecting roll calls


_YEAR_TEXT = re.compile(r"\s*(\d{4})\s*(?:[-\u2013]\s*(\d{4})\s*)?")
_YEARS_EXPECTED = (
    "give one year (2024 or '2024'), a (first, last) tuple such as (1990, 2025), a span "
    "'2019-2024', or a list/range of years"
)


def year_list(years) -> np.ndarray | None:
    """*years* as an array of ints: an int, a ``(first, last)`` tuple (inclusive, as a range
    slider gives it), any iterable of years (a list, a ``range``), or a string naming one year
    or a span (``"2024"``, ``"2019-2024"``). ``None`` means all. Anything else is refused:
    a string must not be read as its characters ("2024" is not the years 2, 0, 2, 4)."""
    if years is None:
        return None
    if isinstance(years, str):
        return _years_of_text(years)
    if isinstance(years, (int, np.integer)) and not isinstance(years, bool):
        return np.array([int(years)])
    if isinstance(years, tuple) and len(years) == 2:
        first, last = (_one_year(y, years) for y in years)
        if first > last:
            raise ArgumentError(
                f"years=({first}, {last}): the first year comes after the last; swap them."
            )
        return np.arange(first, last + 1)
    try:
        items = list(years)
    except TypeError as exc:
        raise ArgumentError(f"years={years!r} is not understood: {_YEARS_EXPECTED}.") from exc
    return np.array([_one_year(y, years) for y in items], dtype=np.int64)


def _one_year(value, years) -> int:
    """One year of a list or tuple: a whole number (2024 or 2024.0), or a string of digits."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    raise ArgumentError(f"years={years!r} is not understood ({value!r}): {_YEARS_EXPECTED}.")


def _years_of_text(text: str) -> np.ndarray:
    match = _YEAR_TEXT.fullmatch(text)
    if match is None:
        raise ArgumentError(f"years={text!r} is not understood: {_YEARS_EXPECTED}.")
    first = int(match.group(1))
    return year_list((first, int(match.group(2) or first)))


def issue_code(issue: str) -> str:
    """``"me"`` or a name such as ``"human rights"`` -> the issue code."""
    wanted = str(issue).strip().lower()
    for code, name in ISSUES.items():
        if wanted in (code, name.lower()) or (len(wanted) >= 4 and name.lower().startswith(wanted)):
            return code
    choices = "; ".join(f"{c!r} ({n})" for c, n in ISSUES.items())
    raise ValueError(f"issue={issue!r} is not one of Voeten's six issues: {choices}.")


def select(
    matrix: VoteMatrix,
    years=None,
    kind="resolution",
    issue=None,
    emergency=None,
    source=None,
    title=None,
) -> np.ndarray:
    """A boolean mask over the roll calls (rows) that pass every filter.

    kind: ``"resolution"`` (default), another kind, a list of kinds, or None for every vote.
    issue: one of the six issue codes or names (None: all). emergency: True for emergency
    special sessions only, False to leave them out, None for both. source: ``"voeten"``,
    ``"dgacm_ga"``, ``"curated"``, ``"dhl_ga"`` or a list. title: text the title must contain
    (case-insensitive), e.g. ``"Ukraine"``.
    """
    calls = matrix.calls
    mask = np.ones(len(calls), dtype=bool)
    wanted_years = year_list(years)
    if wanted_years is not None:
        mask &= np.isin(matrix.year, wanted_years)
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(
                f"kind={sorted(unknown)} is unknown; use one of {KINDS} (or None for all)."
            )
        mask &= calls["kind"].isin(kinds).to_numpy()
    if issue is not None:
        mask &= calls[f"issue_{issue_code(issue)}"].fillna(False).to_numpy(dtype=bool)
    if emergency is not None:
        mask &= calls["is_emergency"].to_numpy() == bool(emergency)
    if source is not None:
        mask &= calls["source"].isin(source_list(source, calls)).to_numpy()
    if title is not None:
        mask &= (
            calls["title"].fillna("").str.contains(str(title), case=False, regex=False).to_numpy()
        )
    return mask


def source_list(source, calls: pd.DataFrame) -> list[str]:
    """*source* as a list, each checked: a misspelt source would select nothing, silently."""
    wanted = [source] if isinstance(source, str) else list(source)
    known = sorted(set(SOURCES) | set(calls["source"].unique()) - {""})
    unknown = [s for s in wanted if s not in known]
    if unknown:
        raise ArgumentError(
            f"source={unknown[0]!r} is unknown; use one of {tuple(known)}, a list of them, "
            "or None for all."
        )
    return wanted


def periods(matrix: VoteMatrix, by: str | None) -> np.ndarray:
    """The period of every roll call: its year, its session, or one period (0) for ``None``."""
    if by == "year":
        return matrix.year
    if by == "session":
        return matrix.session
    if by is None:
        return np.zeros(len(matrix.year), dtype=np.int64)
    raise ArgumentError(f"by={by!r}: use 'year', 'session' or None (one figure for the whole period).")


# ---------------------------------------------------------------- saying why a result is empty


def empty_note(matrix: VoteMatrix, mask: np.ndarray, years, columns=()) -> str:
    """Why a valid question selected nothing: no votes in *years*, no roll call passing the
    filters, or a state of *columns* (``(label, codes)`` pairs) not a member at any of them."""
    wanted = year_list(years)
    if not mask.any():
        if wanted is not None and not np.isin(matrix.year, wanted).any():
            return _no_votes_in(matrix, wanted)
        return "no recorded vote passes these filters (years, kind, issue, emergency, source, title)"
    for label, codes in columns:
        if not (codes[mask] != NOT_MEMBER).any():
            return _not_member(label, _span(wanted) if wanted is not None else "these votes")
    return "the states were never UN members at the same time in these votes"


def _span(years: np.ndarray) -> str:
    first, last = int(years.min()), int(years.max())
    return str(first) if first == last else f"{first}-{last}"


def _no_votes_in(matrix: VoteMatrix, years: np.ndarray) -> str:
    note = f"no recorded General Assembly votes in {_span(years)}"
    if len(matrix.year) and years.min() > matrix.year.max():
        return note + f" (the data end in {int(matrix.year.max())})"
    if len(matrix.year) and years.max() < matrix.year.min():
        return note + f" (the data start in {int(matrix.year.min())})"
    return note + " (some sessions took no recorded votes, e.g. 1964-65 under Art. 19: see notebook 02)"


def _not_member(label: str, span: str) -> str:
    """'Israel was admitted on 1949-05-11 ...' when the real tables are built, else the code."""
    if cache.built_dir() is None:  # names are a nicety: a hand-made example must not build
        return f"{label} was not a UN member at any of the votes selected in {span}"
    table = tables.countries().set_index("iso3")
    parts = []
    for code in label.split("/"):
        if code in table.index:
            row = table.loc[code]
            text = f"{row['short_name']} was admitted on {row['member_from']:%Y-%m-%d}"
            if pd.notna(row["member_to"]):
                text += f" and left on {row['member_to']:%Y-%m-%d}"
            parts.append(text)
    held = "; ".join(parts) or f"{label} has no membership record"
    return f"{held}: not a member at any of the votes selected in {span}"


def with_note(frame: pd.DataFrame, note: str, stacklevel: int = 3) -> pd.DataFrame:
    """Put *note* in ``frame.attrs["note"]`` and warn with it (a :class:`NoDataWarning`)."""
    frame.attrs["note"] = note
    warnings.warn(NoDataWarning(f"empty result: {note}."), stacklevel=stacklevel)
    return frame


# ---------------------------------------------------------------- states and seats


def seat_column(matrix: VoteMatrix, who) -> tuple[str, np.ndarray]:
    """The label and the vote codes (one per roll call) of a state or a :class:`Seat`."""
    if isinstance(who, Seat):
        column = np.zeros(len(matrix.calls), dtype=np.int8)
        held = [i for i in map(matrix.column_of, who.codes) if i is not None]
        if not held:
            raise UnknownNameError(f"none of {who.label} has General Assembly votes in these data.")
        for index in held:  # later holders win where two codes overlap
            column = np.where(matrix.codes[:, index] != NOT_MEMBER, matrix.codes[:, index], column)
        return who.label, column
    code = state_code(matrix, who)
    return code, matrix.codes[:, matrix.column_of(code)]


def state_code(matrix: VoteMatrix, name) -> str:
    """The iso3 code of *name* (a code in these votes, or any name :func:`unlearn.iso3` knows)."""
    text = str(name).strip()
    if matrix.column_of(text.upper()) is not None:
        return text.upper()
    try:
        code = tables.iso3(text)
    except UnknownNameError:
        raise
    except Exception as exc:  # the alias table itself is unavailable (e.g. fixtures only)
        raise UnknownNameError(
            f"{name!r} is not an iso3 code in these votes ({', '.join(matrix.states[:8])}, ...), "
            f"and names cannot be looked up ({exc})."
        ) from exc
    if matrix.column_of(code) is None:
        raise UnknownNameError(
            f"{name!r} is {code}, which has no General Assembly votes in these data "
            "(it was never a member in the period covered)."
        )
    return code


# ---------------------------------------------------------------- small hand-made examples

_LETTERS = {"y": "yes", "a": "abstain", "n": "no", "x": "absent", "?": None}


def toy_assembly(
    votes_by_state: dict[str, str], dates, **columns
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(votes, roll_calls) frames for a small made-up Assembly, to check a function by hand.

    *votes_by_state* maps a code to one letter per roll call: ``y`` yes, ``a`` abstain,
    ``n`` no, ``x`` absent, ``?`` not known, ``-`` not a member then (no row). *dates*: one per
    roll call. *columns*: any other roll-call column, one value or one per roll call (``kind``,
    ``title``, ``issue_hr``, ``emergency_session``, ``source``, ``session``...). Tallies are
    counted from the letters unless given.

    >>> votes, calls = toy_assembly({"AAA": "yn", "BBB": "y-"}, ["2000-10-01", "2000-11-01"])
    >>> votes["vote"].tolist(), calls["yes"].tolist()
    (['yes', 'no', 'yes'], [2, 0])
    """
    dates = pd.to_datetime(pd.Series(list(dates)))
    lengths = {code: len(letters) for code, letters in votes_by_state.items()}
    if set(lengths.values()) != {len(dates)}:
        raise ValueError(
            f"every state needs one letter per roll call ({len(dates)}); got {lengths}."
        )
    rows = [
        (i + 1, code, _LETTERS[letter])
        for code, letters in votes_by_state.items()
        for i, letter in enumerate(letters)
        if letter != "-"
    ]
    votes = pd.DataFrame(rows, columns=["rcid", "iso3", "vote"])
    votes["vote"] = pd.Categorical(
        votes["vote"], categories=["yes", "abstain", "no", "absent"], ordered=True
    )
    calls = pd.DataFrame({"rcid": range(1, len(dates) + 1), "date": dates})
    calls["session"] = (dates.dt.year - 1945 - (dates.dt.month < 9)).astype("int64")
    for vote in ("yes", "no", "abstain"):
        calls[vote] = [
            int((votes["rcid"].eq(r) & votes["vote"].eq(vote)).sum()) for r in calls["rcid"]
        ]
    for column, value in columns.items():
        calls[column] = value
    return votes, calls
