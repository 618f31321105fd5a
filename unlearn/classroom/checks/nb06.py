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


def _tables(answer) -> list:
    import pandas as pd

    parts = answer if isinstance(answer, tuple | list) else [answer]
    return [part for part in parts if isinstance(part, pd.DataFrame)]


def _shift_visible(answer) -> None:
    assert any({"z", "reference_sd"} & set(t.columns) for t in _tables(answer)) or numbers(answer), (
        "give the alignment_shift tables (2001-2024 with its z, 2017-2020 with its reference_sd)"
    )


def _shift_hidden(answer) -> None:
    """The z-scores against 2001-2024, or the tiny spread of 2017-2020 (the solution's final
    table): whichever the answer gives must be right, and it must give one of them."""
    from ...analysis.divergence import alignment_shift

    longer = alignment_shift("United States", 2025, reference_years=(2001, 2024))
    first_term = alignment_shift("United States", 2025, reference_years=(2017, 2020))
    z = [round(float(v), 3) for v in longer["z"].dropna()]
    spread = [round(float(v), 3) for v in first_term["reference_sd"].dropna()]
    tables = _tables(answer)
    if not tables:  # plain numbers: one of the two sets of figures
        got = numbers(answer)
        assert any(all(any(abs(g - e) <= 0.001 for g in got) for e in want) for want in (z, spread)), (
            "not the right figures: give the z-scores against 2001-2024 or the reference_sd of 2017-2020"
        )
        return
    for table in tables:
        assert _holds(table, "z", z) or _holds(table, "reference_sd", spread), (
            "not the right figures: the z-scores against 2001-2024, or the reference_sd of 2017-2020"
        )


def _holds(table, column: str, expected: list[float]) -> bool:
    got = numbers(table[column].dropna().tolist()) if column in table.columns else []
    return bool(got) and all(any(abs(g - e) <= 0.001 for g in got) for e in expected)


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
