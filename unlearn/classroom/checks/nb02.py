"""Checks of notebook 02's exercises (Art. 18 majorities, Crimea by region: where yes was not the
most common vote and whether that vote was a majority, busiest years).

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
    assert _groups(answer), (
        "name the groups (a table with a group column, or a list of group names), and say whether a majority "
        "of their members cast the most common vote (the majority_of_members column, or True/False)"
    )


def _crimea_expected() -> dict[str, bool]:
    """{group: whether a majority of its members cast its most common vote}, for the regional
    groups where yes was not the most common vote on A/RES/68/262."""
    from ...analysis.groups import how_voted

    table = how_voted("A/RES/68/262", groups="regional groups")
    rows = table[(table["kind"] == "regional group") & (table["most_common"] != "yes")]
    return {g.lower(): bool(m) for g, m in zip(rows["group"], rows["majority_of_members"], strict=True)}


def _crimea_hidden(answer) -> None:
    import pandas as pd

    expected = _crimea_expected()
    same_set(_groups(answer), set(expected), "regional groups")
    if isinstance(answer, pd.DataFrame) and {"group", "majority_of_members"} <= set(answer.columns):
        given = {
            str(g).strip().lower(): bool(m) for g, m in zip(answer["group"], answer["majority_of_members"], strict=True)
        }
        wrong = sorted(g for g, m in expected.items() if given.get(g) != m)
    elif isinstance(answer, dict) and all(isinstance(v, bool) for v in answer.values()):
        wrong = sorted(
            g for g, m in expected.items() if {str(k).strip().lower(): v for k, v in answer.items()}.get(g) != m
        )
    else:
        wrong = sorted(g for g in expected if any(b != expected[g] for b in booleans(answer)))
    assert not wrong, f"not right whether a majority of the members cast the most common vote in: {', '.join(wrong)}"


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
