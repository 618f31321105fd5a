"""How often two states voted alike in the General Assembly, under several standard definitions.

Layer: analysis, above the data layer and the Charter rules, below plotting and widgets.

For every roll call on which both states were members, each pair of votes falls in one class:

- ``same``: both yes, or both no;
- ``both_abstained``;
- ``one_abstained``: one abstained, the other voted yes or no;
- ``opposite``: one yes, the other no;
- ``absent``: either state (or both) was absent; counted only by the State Department's rule
  from 2021 (as half), left out by every other definition;
- not counted at all: a vote the data does not know (the curated 2025-2026 rows name only
  some votes). An unknown vote is never read as an absence, and absence never as disagreement.

The definitions (``definition=``):

``"exact"``
    (same + both_abstained) / (votes both cast): the plain rate of identical votes (yes, no or
    abstain). It gives the US-France rates quoted in issue 3 (0.63 in 2024, 0.21 in 2025, on
    the DGACM extract); the other two definitions do not.
``"lijphart"``
    (same + both_abstained + 0.5 x one_abstained) / (votes both cast): Lijphart's index of
    agreement (Lijphart 1963, "The Analysis of Bloc Voting in the General Assembly", *American
    Political Science Review* 57(4)), as used by Voeten ("Clashes in the Assembly",
    *International Organization* 54(2), 2000) and in Bailey, Strezhnev & Voeten (2017).
``"votes_only"``
    same / (same + opposite): the "votes only" voting coincidence of the US Department of
    State's annual report to Congress, *Voting Practices in the United Nations*, up to the
    report on 2016 (abstentions and absences left out of numerator and denominator alike).
``"state_dept_2017"``
    (same + 0.5 x one_abstained) / (same + one_abstained + opposite): the reports on 2017 to
    2020 ("one point for every same vote, zero for every opposite vote and one-half point for
    every partial vote", a partial vote being a split where one side, not both, abstained,
    divided by the votes "excluding absences"). A roll call on which both abstained is none
    of the three and is left out, like an absence: so scored, the seven published 2017 figures
    of ``data/state_dept_published.csv`` are reproduced to the report's rounding; scored as
    identical votes (as ``lijphart`` does) all seven come out 0.7-1.5 points too high.
``"state_dept_2021"``
    (same + both_abstained + 0.5 x (one_abstained + absent)) / (every recorded vote on which
    both were members and both votes are known): the reports from 2021, where an absence
    counts half, like an abstention, over all recorded votes.
``"state_dept"``
    the rule the report used for the year in question: ``votes_only`` to 2016,
    ``state_dept_2017`` for 2017-2020, ``state_dept_2021`` from 2021 (see
    :func:`state_dept_rule`). The result's ``rule`` column says which rule gave each figure.
    Figures pooled over years must lie in one era (ask ``by="year"``, or name a rule).

The reports count only final votes on whole texts in plenary from 2017 (before, also votes on
paragraphs and other preliminary votes); the default ``kind="resolution"`` is the nearest
selection here. Sources: the methodology sections of the reports (for 2017-2020, as
summarised from the 2017 report by viableopposition.blogspot.com, May 2018, and the
Department's note that it "updated its methodology for the 2017 report to ensure that
abstentions are reflected", quoted by the Jewish Virtual Library, 12 Sep 2019); see
``data/README.md`` ("State Department voting coincidence") for what could not be checked.

A pair of states gets a row for a period only if both were members at one or more of the
roll calls selected in it; a state that did not exist then gives no row, not a zero. A row
whose denominator is 0 (say, one state was absent throughout) has ``agreement`` missing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import cache, coverage, tables
from ..errors import ArgumentError
from ._blas import one_thread
from ._matrix import (
    ABSENT,
    ABSTAIN,
    NO,
    NOT_MEMBER,
    YES,
    Seat,
    empty_note,
    periods,
    seat_column,
    select,
    vote_matrix,
    with_note,
)

DEFINITIONS = ("exact", "lijphart", "votes_only", "state_dept_2017", "state_dept_2021", "state_dept")
COUNTS = [
    "together", "common_votes", "same", "both_abstained", "one_abstained", "opposite", "absent"
]
# the State Department's rule by the first year of each era of its reports
STATE_DEPT_ERAS = ((1946, "votes_only"), (2017, "state_dept_2017"), (2021, "state_dept_2021"))


def seat_series(*names: str) -> Seat:
    """A UN seat as one series: the state *names* and every state whose seat it continued.

    Definition: the seat's vote at each roll call is the vote of whichever state held it then.
    ``seat_series("Russia")`` is the USSR (``SUN``) until 24 Dec 1991 and the Russian Federation
    (``RUS``) after: the Russian Federation continued the USSR's membership (letter of President
    Yeltsin to the Secretary-General, 24 Dec 1991). Several names give the chain explicitly.
    The China seat is spliced only if asked: the PRC (``CHN``) and the Republic of China
    (``TWN``) are two states, so ``agreement("USA", "China")`` starts in 1971 and
    ``seat_series("TWN", "CHN")`` is the seat (General Assembly resolution 2758 (XXVI)).
    Source: the ``predecessor_iso3`` column of :func:`unlearn.countries`.

    >>> seat_series("Russia").codes
    ('SUN', 'RUS')
    >>> seat_series("SUN", "RUS").label
    'SUN/RUS'
    """
    if not names:
        raise ValueError("name a state, e.g. seat_series('Russia'), or list the holders in order.")
    if len(names) > 1:
        return Seat(tuple(_as_code(n) for n in names))
    code = _as_code(names[0])
    before = tables.countries().set_index("iso3")["predecessor_iso3"]
    chain = [code]
    # back through the predecessors; the China seat passed between two states that both
    # exist, so it is never spliced implicitly
    while chain[0] != "CHN" and isinstance(before.get(chain[0]), str):
        chain.insert(0, before[chain[0]])
    return Seat(tuple(chain))


def _as_code(name: str) -> str:
    text = str(name).strip()
    return (
        text.upper() if len(text) == 3 and text.isalpha() and text.isupper() else tables.iso3(text)
    )


def agreement(
    a,
    b,
    by: str | None = "year",
    definition: str | list[str] = "exact",
    years=None,
    kind="resolution",
    issue=None,
    emergency=None,
    source=None,
    title=None,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often states *a* and *b* voted alike, per year (``by="session"``: per session;
    ``by=None``: over the whole period), with the counts behind each figure.

    *a*, *b*: a name, alias or iso3 code (``"United States"``, ``"USA"``), or a seat from
    :func:`seat_series` (``seat_series("Russia")`` is the USSR until 1991, then Russia).
    *definition*: ``"exact"``, ``"lijphart"``, ``"state_dept"`` (the State Department's
    rule for the year: see :func:`state_dept_rule`) or one era's rule by name
    (``"votes_only"``, ``"state_dept_2017"``, ``"state_dept_2021"``), or a list of them (one
    row per definition); see the module docstring.
    Filters: *years* (one year, a ``(first, last)`` tuple, a list, or text: ``"2024"``,
    ``"2019-2024"``), *kind* (resolutions
    only by default; None for every roll call), *issue* (``"me"``, ``"human rights"``...),
    *emergency* (True/False/None), *source*, *title* (text in the title, e.g. ``"Ukraine"``).
    *votes*/*roll_calls*: frames shaped like :func:`unlearn.ga_votes` and
    :func:`unlearn.ga_roll_calls` (default: those tables).

    Columns: ``year`` (or ``session``), ``a``, ``b``, ``definition``, (with ``"state_dept"``:
    ``rule``, the era's rule that gave the figure), ``agreement``, ``votes`` (its
    denominator), then the counts ``together`` (roll calls where both were members),
    ``common_votes`` (both voted yes, no or abstain), ``same``, ``both_abstained``,
    ``one_abstained``, ``opposite``, ``absent`` (either was absent, both votes known); per
    year on the real tables, ``coverage`` right after ``year``: ``complete`` or
    ``partial: <kinds>`` (:func:`unlearn.data.coverage.incomplete_years`). No row for a
    period in which the two were never members together; ``agreement`` is missing where its
    denominator is 0. An empty result says why in ``attrs["note"]`` and a
    :class:`unlearn.NoDataWarning` (no votes that year, a state not yet admitted).

    >>> us_fr = agreement("United States", "France", years=(2024, 2025), source="dgacm_ga")
    >>> us_fr[["year", "agreement", "votes"]].round(2).values.tolist()
    [[2024.0, 0.63, 91.0], [2025.0, 0.21, 184.0]]
    >>> agreement("USA", "France", years=(2016, 2017), definition="state_dept")["rule"].tolist()
    ['votes_only', 'state_dept_2017']
    """
    matrix = vote_matrix(votes, roll_calls)
    label_a, x = seat_column(matrix, a)
    label_b, y = seat_column(matrix, b)
    mask = select(matrix, years, kind, issue, emergency, source, title)
    period = periods(matrix, by)[mask]
    counts = _pair_counts(x[mask], y[mask, None])
    keys, index = np.unique(period, return_inverse=True)
    sums = {
        name: np.bincount(index, weights=c[:, 0], minlength=len(keys)) for name, c in counts.items()
    }
    frame = pd.DataFrame({name: s.astype("int64") for name, s in sums.items()})
    frame.insert(0, "b", label_b)
    frame.insert(0, "a", label_a)
    if by is not None:
        frame.insert(0, by, keys.astype("int64"))
    frame = frame[frame["together"] > 0].reset_index(drop=True)
    frame = with_agreement(frame, definition, copy=False, years=_pooled_year(matrix, mask, by))
    if frame.empty:
        return with_note(frame, empty_note(matrix, mask, years, [(label_a, x), (label_b, y)]))
    return _marked(frame, by, votes, roll_calls)


def _marked(frame: pd.DataFrame, by, votes, roll_calls) -> pd.DataFrame:
    """Per calendar year on the real tables: a ``coverage`` column marks incomplete years."""
    if by == "year" and coverage.real_tables(votes, roll_calls):
        return coverage.with_coverage(frame)
    return frame


def _pair_counts(x: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    """Per roll call (rows) and state (columns of *y*): 0/1 for each class of COUNTS."""
    x = x[:, None] if x.ndim == 1 else x
    x_cast, y_cast = (x >= YES) & (x <= NO), (y >= YES) & (y <= NO)
    x_side, y_side = (x == YES) | (x == NO), (y == YES) | (y == NO)
    common = x_cast & y_cast
    # a recorded vote with both votes known: cast, or absent (never unknown)
    known = ((x >= YES) & (x <= ABSENT)) & ((y >= YES) & (y <= ABSENT))
    return {
        "together": (x != NOT_MEMBER) & (y != NOT_MEMBER),
        "common_votes": common,
        "same": x_side & (x == y),
        "both_abstained": (x == ABSTAIN) & (y == ABSTAIN),
        "one_abstained": common & ((x == ABSTAIN) != (y == ABSTAIN)),
        "opposite": x_side & y_side & (x != y),
        "absent": known & ~common,
    }


def state_dept_rule(year: int) -> str:
    """The rule of the State Department's *Voting Practices in the United Nations* report on
    *year*: ``"votes_only"`` to 2016, ``"state_dept_2017"`` for 2017-2020,
    ``"state_dept_2021"`` from 2021 (see the module docstring).

    >>> [state_dept_rule(y) for y in (2016, 2017, 2020, 2021)]
    ['votes_only', 'state_dept_2017', 'state_dept_2017', 'state_dept_2021']
    """
    return [rule for first, rule in STATE_DEPT_ERAS if int(year) >= first][-1]


RULES = tuple(rule for _, rule in STATE_DEPT_ERAS)


def with_agreement(
    counts: pd.DataFrame, definition: str | list[str], copy: bool = True, years=None
) -> pd.DataFrame:
    """Add ``definition``, ``agreement`` and ``votes`` (the denominator) to a frame of COUNTS;
    with several definitions, one copy of each row per definition. ``copy=False`` adds the
    columns to *counts* itself when there is one definition (for frames made just for this).
    ``"state_dept"`` needs the year of each row: the frame's ``year`` column, else *years*
    (one year for every row, or one per row); it adds a ``rule`` column."""
    names = definition_names(definition)
    unknown = [d for d in names if d not in DEFINITIONS]
    if unknown:
        raise ArgumentError(f"definition={unknown[0]!r} is unknown; use one of {DEFINITIONS}.")
    rules = _row_rules(counts, years) if "state_dept" in names else None
    parts = []
    for name in names:
        numerator, denominator = _terms_for(counts, name, rules)
        part = counts.copy() if copy or len(names) > 1 else counts
        keys = [c for c in part.columns if c not in COUNTS]
        # a categorical of the names: cheap for a million rows, and concatenates as one
        label = pd.Categorical.from_codes(
            np.full(len(part), DEFINITIONS.index(name), dtype=np.int8), categories=list(DEFINITIONS)
        )
        part.insert(len(keys), "definition", label)
        if rules is not None:
            rule = rules if name == "state_dept" else np.full(len(part), DEFINITIONS.index(name), dtype=np.int8)
            part.insert(len(keys) + 1, "rule", pd.Categorical.from_codes(rule, categories=list(DEFINITIONS)))
        at = len(keys) + (2 if rules is not None else 1)
        part.insert(at, "agreement", _divide(numerator, denominator))
        part.insert(at + 1, "votes", np.asarray(denominator).astype("int64"))
        parts.append(part)
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _row_rules(counts: pd.DataFrame, years) -> np.ndarray:
    """The State Department's rule for each row, from its year, as codes into DEFINITIONS."""
    if "year" in counts.columns:
        years = counts["year"].to_numpy()
    if years is None:
        raise ArgumentError(
            "definition='state_dept' needs the year of each figure (its rule changed in 2017 "
            "and 2021): compute per year (by='year'), or name one rule: 'votes_only', "
            "'state_dept_2017' or 'state_dept_2021'."
        )
    years = np.broadcast_to(np.asarray(years, dtype="int64"), (len(counts),))
    rules = np.zeros(len(counts), dtype=np.int8)  # codes into DEFINITIONS: cheap for a million rows
    for first, rule in STATE_DEPT_ERAS:  # in order, so a later era overwrites an earlier one
        rules[years >= first] = DEFINITIONS.index(rule)
    return rules


def _terms_for(counts, name: str, rules):
    if name != "state_dept":
        return _ratio_terms(counts, name)
    numerator = np.zeros(len(rules))
    denominator = np.zeros(len(rules))
    for rule in RULES:
        here = rules == DEFINITIONS.index(rule)
        if here.any():
            top, bottom = _ratio_terms(counts, rule)
            numerator[here] = np.asarray(top, dtype="float64")[here]
            denominator[here] = np.asarray(bottom, dtype="float64")[here]
    return numerator, denominator


def _pooled_year(matrix, mask, by):
    """For figures pooled over several years: one year standing for them all, if they fall in
    one era of the State Department's rule (else None, and a ``state_dept`` request stops
    with a message saying why)."""
    if by == "year" or not mask.any():
        return None
    eras = {state_dept_rule(y) for y in np.unique(matrix.year[mask])}
    return int(np.min(matrix.year[mask])) if len(eras) == 1 else None


def definition_names(definition) -> list[str]:
    """*definition* as a list of names: one name or a list of them (None is refused, not read)."""
    if isinstance(definition, str):
        return [definition]
    if isinstance(definition, (list, tuple)) and definition:
        return list(definition)
    raise ArgumentError(
        f"definition={definition!r}: give one of {DEFINITIONS} or a list of them."
    )


def _ratio_terms(counts, definition: str):
    """Numerator and denominator of one concrete definition (not ``"state_dept"``)."""
    same, both, one, opposite = (
        counts[k] for k in ("same", "both_abstained", "one_abstained", "opposite")
    )
    if definition == "exact":
        return same + both, counts["common_votes"]
    if definition == "lijphart":
        return same + both + 0.5 * one, counts["common_votes"]
    if definition == "state_dept_2017":
        # a vote both abstained on is neither same, opposite nor partial: left out, like an
        # absence (this reproduces the report's published 2017 figures; identical does not)
        return same + 0.5 * one, counts["common_votes"] - both
    if definition == "state_dept_2021":
        absent = counts["absent"]
        return same + both + 0.5 * (one + absent), counts["common_votes"] + absent
    return same, same + opposite


def _divide(numerator, denominator) -> np.ndarray:
    numerator = np.asarray(numerator, dtype="float64")
    denominator = np.asarray(denominator, dtype="float64")
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out


def voted_with(
    country,
    years=None,
    definition: str = "exact",
    min_votes: int = 1,
    kind="resolution",
    issue=None,
    emergency=None,
    source=None,
    title=None,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every other state ranked by how often it voted like *country* over *years* (pooled).

    Definition and filters as in :func:`agreement` (exact match by default; Lijphart 1963;
    US State Department, *Voting Practices in the United Nations*). States with fewer than
    *min_votes* votes in the denominator are left out.
    Columns: ``rank``, ``iso3``, ``name``, ``agreement``, ``votes``, then the counts.

    >>> top = voted_with("United States", years=2025, source="dgacm_ga")
    >>> top.iloc[0]["iso3"]
    'ISR'
    """
    matrix = vote_matrix(votes, roll_calls)
    label, x = seat_column(matrix, country)
    mask = select(matrix, years, kind, issue, emergency, source, title)
    counts = _pair_counts(x[mask], matrix.codes[mask])
    frame = pd.DataFrame({name: c.sum(axis=0).astype("int64") for name, c in counts.items()})
    frame.insert(0, "iso3", matrix.states)
    own_codes = country.codes if isinstance(country, Seat) else (label,)
    own = np.isin(matrix.states, own_codes)
    frame = frame[(frame["together"] > 0) & ~own]
    frame = with_agreement(frame, definition, years=_pooled_year(matrix, mask, None))
    frame = frame[frame["votes"] >= min_votes].sort_values(
        ["agreement", "votes", "iso3"], ascending=[False, False, True]
    )  # ties: more votes, then by code
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    frame.insert(2, "name", frame["iso3"].map(_short_names()).fillna(frame["iso3"]))
    return frame.reset_index(drop=True)


def _short_names() -> dict[str, str]:
    """Short names from :func:`unlearn.countries` if the tables are built (names are a nicety:
    a hand-made example must not start a build of the real tables)."""
    return tables.short_names() if cache.built_dir() is not None else {}


# ---------------------------------------------------------------- every pair at once


def pair_count_arrays(codes: np.ndarray) -> dict[str, np.ndarray]:
    """COUNTS for every pair of columns of *codes* (roll calls x states), as k x k arrays.

    One-hot encodings turn counting into matrix products: with Y, A, N the 0/1 matrices of
    yes, abstain and no votes, P = Y - N and D = Y + N, the pairs that voted the same way on
    yes/no are (PᵀP + DᵀD) / 2 and the opposite pairs (DᵀD - PᵀP) / 2.
    float32 products are exact here: every count is far below 2**24.
    """
    yes, abstain, no = (codes == YES), (codes == ABSTAIN), (codes == NO)
    signed = yes.astype(np.float32) - no.astype(np.float32)
    sided = (yes | no).astype(np.float32)
    abstained = abstain.astype(np.float32)
    cast = sided + abstained
    known = cast + (codes == ABSENT).astype(np.float32)
    member = (codes != NOT_MEMBER).astype(np.float32)
    pp, dd = signed.T @ signed, sided.T @ sided
    same, opposite = (pp + dd) / 2, (dd - pp) / 2
    both_abstained = abstained.T @ abstained
    common = cast.T @ cast
    return {
        "together": member.T @ member,
        "common_votes": common,
        "same": same,
        "both_abstained": both_abstained,
        "one_abstained": common - same - opposite - both_abstained,
        "opposite": opposite,
        "absent": known.T @ known - common,
    }


def _state_columns(matrix, countries) -> tuple[np.ndarray, np.ndarray]:
    if countries is None:
        return np.arange(len(matrix.states)), matrix.states
    columns, labels = [], []
    for name in countries:
        if isinstance(name, Seat):
            raise ValueError("pass states here, not seats; use agreement() for a seat series.")
        label, _ = seat_column(matrix, name)
        columns.append(matrix.column_of(label))
        labels.append(label)
    return np.array(columns, dtype=int), np.array(labels, dtype=str)


def agreement_pairs(
    years=None,
    by: str | None = "year",
    definition: str = "exact",
    countries=None,
    kind="resolution",
    issue=None,
    emergency=None,
    source=None,
    title=None,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """:func:`agreement` for every pair of states (``a`` < ``b``) in every period at once.

    Same definitions (exact; Lijphart 1963; US State Department, *Voting Practices in the
    United Nations*), filters and columns as :func:`agreement`; *countries* limits the states
    (default: all). Computed with one set of matrix products per period, so every year
    1946-2026 takes well under a second.

    >>> pairs = agreement_pairs(years=2025, source="dgacm_ga")
    >>> row = pairs[(pairs["a"] == "FRA") & (pairs["b"] == "GBR")].iloc[0]
    >>> bool(row["agreement"] > 0.9)
    True
    """
    matrix = vote_matrix(votes, roll_calls)
    columns, labels = _state_columns(matrix, countries)
    mask = select(matrix, years, kind, issue, emergency, source, title)
    period = periods(matrix, by)[mask]
    codes = matrix.codes[mask][:, columns]
    upper_a, upper_b = np.triu_indices(len(columns), k=1)
    keys, firsts, seconds, blocks = [], [], [], []
    with one_thread():
        for key in np.unique(period):
            arrays = pair_count_arrays(codes[period == key])
            keep = arrays["together"][upper_a, upper_b] > 0
            upper = np.stack([arrays[name][upper_a, upper_b] for name in COUNTS], axis=1)
            blocks.append(upper[keep])
            keys.append(np.full(int(keep.sum()), key, dtype="int64"))
            firsts.append(upper_a[keep])
            seconds.append(upper_b[keep])
    stacked = np.concatenate(blocks) if blocks else np.zeros((0, len(COUNTS)), dtype=np.float32)
    frame = pd.DataFrame(stacked.astype("int64"), columns=COUNTS)
    # categorical labels: a million short strings would cost more than all the arithmetic
    frame.insert(0, "b", pd.Categorical.from_codes(_joined(seconds, int), categories=labels))
    frame.insert(0, "a", pd.Categorical.from_codes(_joined(firsts, int), categories=labels))
    if by is not None:
        frame.insert(0, by, _joined(keys, "int64"))
    frame = with_agreement(frame, definition, copy=False, years=_pooled_year(matrix, mask, by))
    return _marked(frame, by, votes, roll_calls)


def _joined(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def agreement_matrix(
    years=None,
    countries=None,
    definition: str = "exact",
    kind="resolution",
    issue=None,
    emergency=None,
    source=None,
    title=None,
    votes: pd.DataFrame | None = None,
    roll_calls: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """A square table: agreement of every state (rows) with every other (columns) over *years*.

    Definitions (exact; Lijphart 1963; US State Department, *Voting Practices in the United
    Nations*) and filters as in :func:`agreement`, pooled over the whole period. The table is
    symmetric; the diagonal is 1 for a state that cast a vote counted by the definition;
    missing where the pair never cast a common counted vote. *countries* (names or codes)
    limits and orders the states; by default every state that was a member in the period.

    >>> m = agreement_matrix(2024, ["USA", "FRA", "GBR", "RUS"], source="dgacm_ga")
    >>> bool(m.loc["FRA", "GBR"] > m.loc["USA", "FRA"] > m.loc["USA", "RUS"])
    True
    """
    matrix = vote_matrix(votes, roll_calls)
    columns, labels = _state_columns(matrix, countries)
    mask = select(matrix, years, kind, issue, emergency, source, title)
    with one_thread():
        arrays = pair_count_arrays(matrix.codes[mask][:, columns])
    if definition not in DEFINITIONS:
        _bad(definition)
    if definition == "state_dept":
        code = _row_rules(pd.DataFrame(index=[0]), _pooled_year(matrix, mask, None))[0]
        definition = DEFINITIONS[code]
    numerator, denominator = _ratio_terms(arrays, definition)
    values = _divide(numerator, denominator)
    present = (
        arrays["together"].diagonal() > 0 if countries is None else np.ones(len(labels), dtype=bool)
    )
    table = pd.DataFrame(values, index=labels, columns=labels).loc[present, present]
    table.index.name, table.columns.name = "a", "b"
    if not mask.any():  # no roll call at all (a pair without common votes is just missing)
        return with_note(table, empty_note(matrix, mask, years))
    return table


def _bad(definition):
    raise ArgumentError(f"definition={definition!r} is unknown; use one of {DEFINITIONS}.")
