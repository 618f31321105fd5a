"""Checks of homework 04 (Germany and France in 2020, who voted with the US in 2024).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, column_or_values, numbers, same_set, states


def _share_visible(answer) -> None:
    assert any(0 <= v <= 1 for v in numbers(column_or_values(answer, "agreement"))), (
        "give the agreement as a share between 0 and 1 (or the table agreement() returns)"
    )


def _share_hidden(answer) -> None:
    from ...analysis.agreement import agreement

    expected = float(agreement("Germany", "France", years=(2020, 2020))["agreement"].item())
    got = numbers(column_or_values(answer, "agreement"))
    assert any(abs(v - expected) < 0.0005 for v in got), (
        f"not the exact-match agreement of Germany and France in 2020 ({got})"
    )


def _top_visible(answer) -> None:
    assert len(states(answer)) >= 3, "name three states (a table with iso3 or name, or a list of names)"


def _top_hidden(answer) -> None:
    from ...analysis.agreement import voted_with

    same_set(states(answer), set(voted_with("United States", 2024).head(3)["iso3"]), "three states")


CHECKS = {1: Check(1, _share_visible, _share_hidden), 2: Check(2, _top_visible, _top_hidden)}
