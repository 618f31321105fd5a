"""Checks of notebook 04's exercises (four definitions, who votes with China and Russia, the US
and the Russian seat by era, India's ideal points).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, column_or_values, numbers, same_set, states


def _shares(answer, column: str = "agreement") -> list[float]:
    return [v for v in numbers(column_or_values(answer, column)) if 0 <= v <= 1]


def _all_present(got: list[float], expected: list[float], what: str, tolerance: float = 0.0006) -> None:
    missing = [round(e, 3) for e in expected if not any(abs(g - e) <= tolerance for g in got)]
    assert not missing, f"not the right {what}: {len(missing)} of the {len(expected)} figures are missing or wrong"


FOUR = ("exact", "lijphart", "votes_only", "state_dept")
"""Exercise 1's definitions: ``state_dept`` is one year's rule here (2024: the 2021 rule)."""


def _three_visible(answer) -> None:
    assert len(_shares(answer)) >= 3, "give the four agreement figures (the table agreement() returns, or a list)"


def _three_hidden(answer) -> None:
    from ...analysis.agreement import agreement

    table = agreement("United Kingdom", "France", years=2024, definition=list(FOUR))
    _all_present(_shares(answer), list(table["agreement"]), "agreement figures of 2024")


def _top_five(partner: str) -> set[str]:
    from ...analysis.agreement import voted_with

    return set(voted_with(partner, years=2024).head(5)["iso3"])


def _blocs_visible(answer) -> None:
    assert len(states(answer)) >= 5, "name the states (two tables from voted_with, or two lists of names)"


def _blocs_hidden(answer) -> None:
    china, russia = _top_five("China"), _top_five("Russia")
    if isinstance(answer, tuple | list) and len(answer) == 2 and all(states(part) for part in answer):
        same_set(states(answer[0]), china, "five states that voted most like China")
        same_set(states(answer[1]), russia, "five states that voted most like Russia")
    else:
        same_set(states(answer), china | russia, "states that voted most like China and like Russia")


def _eras_visible(answer) -> None:
    assert len(_shares(answer)) >= 2, "give the agreement figures by era (the table agreement_by_era returns)"


ERAS = ("1946–1991", "1992–2024")
"""The eras exercise 3 compares (the USSR, then Russia); the partial years after are not asked."""


def _eras_hidden(answer) -> None:
    from ...lessons import agreement_by_era

    # state_dept cannot pool 1992-2024 (three rules), so the exercise names the old rule, votes_only
    table = agreement_by_era("United States", ["Russia"], definition=["votes_only", "exact"])
    expected = list(table.loc[table["era"].isin(ERAS), "agreement"])
    _all_present(_shares(answer), expected, "agreement figures by era (1946-1991, 1992-2024) and definition")


def _india_visible(answer) -> None:
    assert numbers(column_or_values(answer, "ideal_point")), "give India's ideal points (a table or a list)"


def _india_hidden(answer) -> None:
    from ...lessons import ideal_point_positions

    india = ideal_point_positions(["IND"])
    expected = list(india.loc[india["year"].isin([1980, 2000, 2024]), "ideal_point"])
    _all_present(numbers(column_or_values(answer, "ideal_point")), expected, "ideal points", tolerance=0.001)


CHECKS = {
    1: Check(2, _three_visible, _three_hidden),
    2: Check(2, _blocs_visible, _blocs_hidden),
    3: Check(2, _eras_visible, _eras_hidden),
    4: Check(1, _india_visible, _india_hidden),
}
