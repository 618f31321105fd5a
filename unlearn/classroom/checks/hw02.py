"""Checks of homework 02 (Art. 18's two majorities, the votes of 1990, the no votes on ES-11/1).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, booleans, numbers, states


def _decisions_visible(answer) -> None:
    assert len(booleans(answer)) == 2, (
        "give two decisions, ordinary question first (two ga_adopted results, or True/False)"
    )


def _decisions_hidden(answer) -> None:
    from ...charter import ga_adopted

    expected = [ga_adopted(100, 60, 30).adopted, ga_adopted(100, 60, 30, important=True).adopted]
    assert booleans(answer) == expected, "not the right decisions (ordinary question first, then important)"


def _number_visible(answer) -> None:
    import pandas as pd

    assert numbers(answer) or isinstance(answer, pd.DataFrame), "give the count as a number"


def _roll_calls_1990_hidden(answer) -> None:
    from ...lessons import yes_share_by_year

    by_year = yes_share_by_year()
    expected = int(by_year.loc[by_year["year"] == 1990, "roll_calls"].item())
    assert expected in numbers(answer), f"not the number of recorded votes of 1990 (got {numbers(answer)})"


def _no_votes_hidden(answer) -> None:
    from ...analysis.groups import how_voted

    table = how_voted("A/RES/ES-11/1")
    expected = int(table.loc[table["group"] == "All members", "no"].item())
    named = states(answer)
    assert expected in numbers(answer) or len(named) == expected, (
        f"not the number of no votes on A/RES/ES-11/1 (got {numbers(answer) or sorted(named)})"
    )


def _no_states_visible(answer) -> None:
    assert numbers(answer) or states(answer), "give the count as a number (or the list of the states)"


CHECKS = {
    1: Check(2, _decisions_visible, _decisions_hidden),
    2: Check(1, _number_visible, _roll_calls_1990_hidden),
    3: Check(1, _no_states_visible, _no_votes_hidden),
}
