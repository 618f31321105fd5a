"""Checks of notebook 06's exercises (the 2025 shift against 2001-2024, the State Department's
definition for France and Russia in 2024 and 2025, the human-rights texts the US changed its
vote on). Exercise 4, the verdict in words, is graded by hand (the rubric in the instructor guide).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, column_or_values, numbers, same_set


def _near(got: list[float], expected: list[float], what: str, tolerance: float = 0.0006) -> None:
    missing = [e for e in expected if not any(abs(g - e) <= tolerance for g in got)]
    assert not missing, f"not the right {what}: {len(missing)} of the {len(expected)} figures are missing or wrong"


def _shift_visible(answer) -> None:
    assert numbers(column_or_values(answer, "z")), "give the z-scores against 2001-2024 (the alignment_shift table)"


def _shift_hidden(answer) -> None:
    from ...analysis.divergence import alignment_shift

    table = alignment_shift("United States", 2025, reference_years=(2001, 2024))
    expected = [round(float(z), 3) for z in table["z"].dropna()]
    _near(numbers(column_or_values(answer, "z")), expected, "z-scores of 2025 against 2001-2024", tolerance=0.001)


def _agreement_visible(answer) -> None:
    shares = [v for v in numbers(column_or_values(answer, "agreement")) if 0 <= v <= 1]
    assert len(shares) >= 4, "give the four figures: France and Russia, 2024 and 2025 (two agreement tables)"


def _agreement_hidden(answer) -> None:
    from ...analysis.agreement import agreement

    expected = [
        float(v)
        for partner in ("France", "Russia")
        for v in agreement("United States", partner, years=(2024, 2025), definition="state_dept")["agreement"]
    ]
    shares = [v for v in numbers(column_or_values(answer, "agreement")) if 0 <= v <= 1]
    _near(shares, expected, "State Department figures for France and Russia in 2024 and 2025")


def _symbols(answer) -> set[str]:
    return {v.strip() for v in column_or_values(answer, "symbol") if isinstance(v, str) and v.strip().startswith("A/")}


def _flips_visible(answer) -> None:
    assert _symbols(answer), "name the resolutions by symbol (the flips table, or a list such as ['A/RES/...'])"


def _flips_hidden(answer) -> None:
    from ...analysis.divergence import divergence_from_own_past

    flips = divergence_from_own_past("United States", 2025).flips
    expected = set(flips.loc[flips["issues"].str.contains("Human rights", na=False), "symbol"])
    same_set(_symbols(answer), expected, "recurring human-rights texts")


CHECKS = {
    1: Check(2, _shift_visible, _shift_hidden),
    2: Check(2, _agreement_visible, _agreement_hidden),
    3: Check(2, _flips_visible, _flips_hidden),
}
