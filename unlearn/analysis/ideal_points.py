"""Where each state stands, on one dimension, session by session (its "ideal point").

Layer: analysis, above the data layer and the Charter rules, below plotting and widgets.

Method, in three steps:

1. Scaling, per session: the Lijphart agreement of every pair of states over the session's
   recorded votes (yes 1, abstain 0.5, no 0; absences left out), double-centred, and its first
   principal component (classical multidimensional scaling of the distances 1 - agreement;
   Torgerson 1952; Gower 1966). Each session's scores are standardised (mean 0, SD 1).
2. Sign and bridge: the sign of a component is arbitrary, so each session is oriented to
   correlate positively with the session before over the states both contain (the first
   session: the United States on the positive side, as in Bailey, Strezhnev & Voeten). Then
   each session is moved and stretched linearly so that the states it shares with the session
   before have the same mean and spread there. This chains the sessions onto one scale from
   1946. The assumption: the states present in two consecutive sessions, taken together, keep
   their mean and spread (each state can move). Bailey, Strezhnev & Voeten instead anchor on
   resolutions repeated verbatim across sessions, which also lets the Assembly as a whole
   drift; this chain cannot show a common drift. **Checked over time it falls short**
   (:func:`validate_ideal_points_over_time`: a state's series follows theirs closely for some
   states, loosely for the United Kingdom, France or Canada), so compare positions *within* a
   session (ranks, who is nearer whom) and use their published estimates
   (:func:`bsv_ideal_points`, sessions 1-74) for movements over time.
3. Smoothing: a state's position is averaged with its positions in the sessions just before
   and after (weight 1/4 each against 1), the way their dynamic model borrows strength from
   neighbouring sessions. It steadies sessions with few votes, at the price of blurring a
   sudden change by a quarter.

Reference: Michael A. Bailey, Anton Strezhnev and Erik Voeten (2017), "Estimating Dynamic
State Preferences from United Nations Voting Data", *Journal of Conflict Resolution* 61(2):
430-456; :func:`validate_ideal_points` compares the two, session by session.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import sources, tables
from ._blas import one_thread
from ._matrix import ABSTAIN, NO, YES, VoteMatrix, empty_note, select, vote_matrix, with_note

NEIGHBOUR_WEIGHT = 0.25
MIN_ROLL_CALLS = 5  # fewer votes than this in a session do not place anyone (session 19 had 1)
BSV_FILE = ("bsv_ideal_points", "Output/IdealpointestimatesAll_Apr2020.csv")
# the Bailey-Strezhnev-Voeten file codes some states differently (by COW code -> unlearn iso3)
_BSV_CODES = {
    365: ("SUN", "RUS"),
    678: ("YEM",),
    679: ("YEM",),
    680: ("YMD",),
    345: ("YUG", "SCG", "SRB"),
}


def ideal_points(
    years=None,
    kind=None,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """A position on one dimension for every state in every session of *years*.

    Definition: see the module docstring: classical scaling of each session's Lijphart
    agreement matrix, oriented and bridged session to session (higher = closer to the United
    States and Western Europe), lightly smoothed. Validated within each session; over time
    the series is only roughly right (see :func:`validate_ideal_points_over_time`).
    *years*: one year, a ``(first, last)`` tuple or a list (default: all); every recorded vote
    counts by default (*kind* as in :func:`unlearn.agreement` to narrow it). Sessions with
    fewer than five votes are skipped. Validated against Bailey, Strezhnev & Voeten (2017)
    by :func:`validate_ideal_points`.
    Columns: ``session``, ``iso3``, ``ideal_point``, ``votes`` (votes cast), ``score`` (the
    session's own standardised score, oriented but neither bridged nor smoothed).

    >>> points = ideal_points((2000, 2025)).set_index(["session", "iso3"])["ideal_point"]
    >>> bool(points[(79, "USA")] > points[(79, "FRA")] > points[(79, "CHN")])
    True
    """
    matrix = vote_matrix(votes, roll_calls)
    everything = _all_sessions(matrix, kind)
    # a session that straddles the years given is taken whole: a position needs its votes
    mask = select(matrix, years, kind)
    points = everything[everything["session"].isin(np.unique(matrix.session[mask]))]
    points = points.reset_index(drop=True)
    if points.empty:
        note = empty_note(matrix, mask, years) if not mask.any() else (
            f"the sessions of these years have fewer than {MIN_ROLL_CALLS} recorded votes"
        )
        return with_note(points, note)
    return points


# every session is estimated at once, whatever years are asked for: the bridge runs from 1946,
# so a position means the same whichever window a student looks through (and later calls are free)
_ESTIMATES: dict[tuple, tuple[VoteMatrix, pd.DataFrame]] = {}


def _all_sessions(matrix: VoteMatrix, kind) -> pd.DataFrame:
    key = (id(matrix), kind if kind is None or isinstance(kind, str) else tuple(kind))
    if key in _ESTIMATES and _ESTIMATES[key][0] is matrix:
        return _ESTIMATES[key][1]
    mask = select(matrix, None, kind)
    scores = _session_scores(matrix, mask, np.unique(matrix.session[mask]))
    oriented, bridged = _bridge(scores)
    smoothed = _smooth(bridged)
    frame = pd.concat(
        {
            s: pd.DataFrame(
                {"ideal_point": smoothed[s], "score": oriented[s], "votes": scores[s][1]}
            )
            for s in scores
        },
        names=["session", "iso3"],
    )
    frame = frame.reset_index()[["session", "iso3", "ideal_point", "votes", "score"]]
    frame = frame.astype({"session": "int64", "votes": "int64"})
    _ESTIMATES.clear()  # one set kept: it is small, and the matrix it came from may be replaced
    _ESTIMATES[key] = (matrix, frame)
    return frame


def _session_scores(
    matrix: VoteMatrix, mask: np.ndarray, sessions
) -> dict[int, tuple[pd.Series, pd.Series]]:
    """Per session: (standardised first-component scores, votes cast), indexed by iso3."""
    out = {}
    with one_thread():
        for session in sessions:
            codes = matrix.codes[mask & (matrix.session == session)]
            cast = ((codes >= YES) & (codes <= NO)).sum(axis=0)
            keep = cast > 0
            if len(codes) < MIN_ROLL_CALLS or keep.sum() < 3:
                continue
            score = _first_component(codes[:, keep])
            out[int(session)] = (
                pd.Series(score, index=matrix.states[keep]),
                pd.Series(cast[keep], index=matrix.states[keep]),
            )
    return out


def _first_component(codes: np.ndarray) -> np.ndarray:
    """Standardised first principal component of the double-centred Lijphart agreement."""
    yes, abstain, no = ((codes == c).astype(np.float64) for c in (YES, ABSTAIN, NO))
    cast = yes + abstain + no
    common = cast.T @ cast
    alike = (
        yes.T @ yes
        + abstain.T @ abstain
        + no.T @ no
        + 0.5 * (cast.T @ abstain + abstain.T @ cast - 2 * abstain.T @ abstain)
    )
    agreement = np.divide(alike, common, out=np.full(common.shape, np.nan), where=common > 0)
    agreement[np.isnan(agreement)] = np.nanmean(agreement)  # never voted together: the average
    centred = (
        agreement - agreement.mean(axis=0) - agreement.mean(axis=1)[:, None] + agreement.mean()
    )
    _, vectors = np.linalg.eigh(centred)
    first = vectors[:, -1]
    return (first - first.mean()) / first.std()


def _bridge(scores: dict) -> tuple[dict[int, pd.Series], dict[int, pd.Series]]:
    """Each session oriented, and oriented and placed on the scale of the one before (see the
    module docstring)."""
    oriented, bridged, before = {}, {}, None
    for session in sorted(scores):
        current = scores[session][0]
        common = current.index.intersection(before.index) if before is not None else []
        if len(common) >= 3:
            sign = 1.0 if np.corrcoef(current[common], before[common])[0, 1] >= 0 else -1.0
            oriented[session] = current = sign * current
            stretch = before[common].std() / current[common].std()
            current = before[common].mean() + stretch * (current - current[common].mean())
        else:
            flip = "USA" in current.index and current["USA"] < current.median()
            oriented[session] = current = -current if flip else current
        bridged[session] = before = current
    return oriented, bridged


def _smooth(bridged: dict[int, pd.Series]) -> dict[int, pd.Series]:
    sessions = sorted(bridged)
    out = {}
    for i, session in enumerate(sessions):
        own = bridged[session]
        total, weight = own.copy(), pd.Series(1.0, index=own.index)
        for j in (i - 1, i + 1):
            if 0 <= j < len(sessions) and abs(sessions[j] - session) <= 2:
                other = bridged[sessions[j]].reindex(own.index)
                total += NEIGHBOUR_WEIGHT * other.fillna(0.0)
                weight += NEIGHBOUR_WEIGHT * other.notna()
        out[session] = total / weight
    return out


def bsv_ideal_points() -> pd.DataFrame:
    """The Bailey-Strezhnev-Voeten ideal points (sessions 1-74), with unlearn's iso3 codes.

    Source: Bailey, Strezhnev & Voeten (2017), file ``Output/IdealpointestimatesAll_Apr2020.csv``
    of github.com/evoeten/United-Nations-General-Assembly-Votes-and-Ideal-Points (pinned).
    Columns: ``session``, ``ccode`` (COW), ``bsv_iso3`` (theirs), ``candidates`` (unlearn codes
    the row can mean: their ``RUS`` is the USSR until 1991), ``ideal_point``, ``votes``.

    >>> bsv = bsv_ideal_points()
    >>> int(bsv["session"].max())
    74
    """
    path = sources.fetch(sources.upstream_file(*BSV_FILE))
    raw = pd.read_csv(path, encoding="latin-1")
    return pd.DataFrame(
        {
            "session": raw["session"].astype("int64"),
            "ccode": raw["ccode"].astype("int64"),
            "bsv_iso3": raw["iso3c"].astype("str"),
            "candidates": [
                _BSV_CODES.get(c, (i,)) for c, i in zip(raw["ccode"], raw["iso3c"], strict=True)
            ],
            "ideal_point": raw["IdealPoint"].astype("float64"),
            "votes": raw["NVotes"].astype("int64"),
        }
    )


def spearman(x, y) -> float:
    """Spearman's rank correlation: Pearson's r of the ranks (ties share their mean rank).

    >>> round(spearman([1, 2, 3, 4], [10, 20, 40, 30]), 2)
    0.8
    """
    return float(pd.Series(x).rank().corr(pd.Series(y).rank()))


def validate_ideal_points(points: pd.DataFrame | None = None) -> pd.DataFrame:
    """Spearman rank correlation between :func:`ideal_points` and Bailey, Strezhnev & Voeten
    (2017), session by session (1-74).

    Definition: per session, over the states both place (their code matched to ours through
    ``candidates``), Spearman's rho of the two positions (Spearman 1904). ``attrs`` holds the
    ``mean`` and ``min`` over sessions. *points*: the frame to check (default: all sessions).

    >>> check = validate_ideal_points()
    >>> check.attrs["mean"] >= 0.95 and check.attrs["min"] >= 0.8
    True
    """
    points = ideal_points() if points is None else points
    ours = points.set_index(["session", "iso3"])["ideal_point"]
    rows = []
    for session, theirs in bsv_ideal_points().groupby("session"):
        placed = (
            ours.xs(session, level="session")
            if session in ours.index.get_level_values(0)
            else pd.Series(dtype=float)
        )
        pairs = [
            (placed[code], value)
            for codes, value in zip(theirs["candidates"], theirs["ideal_point"], strict=True)
            for code in [next((c for c in codes if c in placed.index), None)]
            if code is not None
        ]
        mine, bsv = (
            (np.array(v) for v in zip(*pairs, strict=True))
            if pairs
            else (np.array([]), np.array([]))
        )
        rho = spearman(mine, bsv) if len(pairs) > 2 else np.nan
        rows.append(
            {
                "session": int(session),
                "spearman": rho,
                "states": len(pairs),
                "bsv_states": len(theirs),
            }
        )
    table = pd.DataFrame(rows)
    table.attrs["mean"] = float(table["spearman"].mean())
    table.attrs["min"] = float(table["spearman"].min())
    return table


MAJOR_STATES = (
    "USA", "GBR", "FRA", "RUS", "CHN", "IND", "JPN", "DEU", "BRA", "CAN", "ISR", "EGY",
    "ZAF", "MEX", "AUS", "IRN", "PAK", "IDN", "NGA", "CUB",
)
"""The states :func:`validate_ideal_points_over_time` checks by default (``RUS``: the Russian
seat, the USSR's rows before 1992; ``DEU``: the Federal Republic, 1973 on)."""


def matched_positions(points: pd.DataFrame | None = None) -> pd.DataFrame:
    """unlearn's and Bailey-Strezhnev-Voeten's position for every (session, state) both place.

    Columns: ``session``, ``iso3`` (unlearn's code), ``seat`` (``SUN`` read as ``RUS``),
    ``ideal_point`` (unlearn's), ``bsv`` (theirs).
    """
    points = ideal_points() if points is None else points
    ours = points.set_index(["session", "iso3"])["ideal_point"]
    bsv = bsv_ideal_points()
    rows = [
        (session, code, ours[(session, code)], value)
        for session, codes, value in zip(bsv["session"], bsv["candidates"], bsv["ideal_point"], strict=True)
        for code in [next((c for c in codes if (session, c) in ours.index), None)]
        if code is not None
    ]
    frame = pd.DataFrame(rows, columns=["session", "iso3", "ideal_point", "bsv"])
    frame.insert(2, "seat", frame["iso3"].replace({"SUN": "RUS"}))
    return frame


def validate_ideal_points_over_time(
    states=MAJOR_STATES, points: pd.DataFrame | None = None
) -> pd.DataFrame:
    """How well each state's series of :func:`ideal_points` follows its Bailey, Strezhnev &
    Voeten (2017) series over the sessions both cover (1-74).

    Definition: per state, Pearson's r between the two series (one value per session both
    place); ``attrs["pooled"]`` is Pearson's r over every (session, state) pair, all states.
    A within-session check (:func:`validate_ideal_points`) says whether the order of the states
    is right; this one says whether a state's movements over time are.
    Columns: ``iso3``, ``name``, ``sessions``, ``pearson``.

    >>> check = validate_ideal_points_over_time(["USA", "BRA"])
    >>> check["sessions"].tolist(), bool(check.attrs["pooled"] > 0.9)
    ([73, 73], True)
    """

    matched = matched_positions(points)
    rows = []
    for code in states:
        one = matched[matched["seat"] == code]
        rows.append(
            {
                "iso3": code,
                "name": tables.country_name(code),
                "sessions": len(one),
                "pearson": float(one["ideal_point"].corr(one["bsv"])) if len(one) > 2 else np.nan,
            }
        )
    table = pd.DataFrame(rows)
    table.attrs["pooled"] = float(matched["ideal_point"].corr(matched["bsv"]))
    return table
