"""Checks of notebook 02's exercises (Art. 18 majorities, Crimea by region, busiest years).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, booleans, column_or_values, numbers, same_set


def _decisions_visible(answer) -> None:
    assert len(booleans(answer)) == 2, (
        "give two decisions, ordinary question first: e.g. (charter.ga_adopted(...), charter.ga_adopted(..., "
        "important=True)) or (True, False)"
    )


def _decisions_hidden(answer) -> None:
    from ...charter import ga_adopted

    expected = [ga_adopted(70, 65, 50).adopted, ga_adopted(70, 65, 50, important=True).adopted]
    assert booleans(answer) == expected, "not the right decisions (ordinary question first, then important)"


def _groups(answer) -> set[str]:
    return {str(v).strip().lower() for v in column_or_values(answer, "group") if isinstance(v, str)}


def _crimea_visible(answer) -> None:
    assert _groups(answer), "name the groups (a table with a group column, or a list of group names)"


def _crimea_hidden(answer) -> None:
    from ...analysis.groups import how_voted

    table = how_voted("A/RES/68/262", groups="regional groups")
    expected = {
        g.lower() for g in table.loc[(table["kind"] == "regional group") & (table["majority"] != "yes"), "group"]
    }
    same_set(_groups(answer), expected, "regional groups")


def _years(answer) -> set[int]:
    return {int(v) for v in numbers(column_or_values(answer, "year")) if 1945 < v < 2100 and v == int(v)}


def _years_visible(answer) -> None:
    assert len(_years(answer)) >= 3, "give three years (a table with a year column, or a list of years)"


def _years_hidden(answer) -> None:
    from ...lessons import yes_share_by_year

    expected = set(yes_share_by_year().nlargest(3, "roll_calls")["year"].astype(int))
    same_set(_years(answer), expected, "three years")


CHECKS = {
    1: Check(2, _decisions_visible, _decisions_hidden),
    2: Check(2, _crimea_visible, _crimea_hidden),
    3: Check(2, _years_visible, _years_hidden),
}
