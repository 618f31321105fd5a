"""Checks of notebook 01's exercises (membership counts, the Council in 2022, a join date).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, numbers, same_set, states, values


def _counts_visible(answer) -> None:
    assert len(numbers(answer)) >= 2, "give both counts, e.g. as a tuple (count_1990, count_1993)"


def _counts_hidden(answer) -> None:
    from ...lessons import member_count

    expected = [member_count("1990-01-01"), member_count("1993-01-01")]
    got = numbers(answer)
    assert set(expected) <= set(got), f"the member counts are not right (got {got})"
    if len(got) == 2:
        assert got == expected, "the counts are the right numbers but in the wrong order: 1990 first, then 1993"


def _first_year_members() -> set[str]:
    from ...lessons import council_seats

    seats = council_seats(2022)
    first = seats[(seats["seat"] == "elected") & seats["term"].astype(str).str.startswith("2022")]
    return set(first["iso3"])


def _first_year_visible(answer) -> None:
    assert states(answer), "name the states (a table with their iso3 or name, or a list of names)"


def _first_year_hidden(answer) -> None:
    same_set(states(answer), _first_year_members(), "elected members in the first year of their term in 2022")


def _dates(answer) -> list:
    import pandas as pd

    found = []
    for value in values(answer):
        if isinstance(value, pd.Timestamp) or hasattr(value, "year") and hasattr(value, "month"):
            found.append(pd.Timestamp(value).normalize())
        elif isinstance(value, str) and any(ch.isdigit() for ch in value):
            try:
                found.append(pd.Timestamp(value).normalize())
            except ValueError:
                continue
    return found


def _joined_visible(answer) -> None:
    assert _dates(answer), "give the date the state became a member (e.g. its member_from)"


def _joined_hidden(answer) -> None:
    import pandas as pd

    from ...data.tables import countries

    members = countries()
    dated = members.dropna(subset=["member_from"])
    joined = {
        code: pd.Timestamp(day).normalize() for code, day in zip(dated["iso3"], dated["member_from"], strict=True)
    }
    named = states(answer) & set(joined)
    dates = set(_dates(answer))
    if named:
        assert any(joined[code] in dates for code in named), (
            f"the date is not when {', '.join(sorted(named))} became a member"
        )
    else:
        assert dates & set(joined.values()), "no member state joined on that date"


CHECKS = {
    1: Check(2, _counts_visible, _counts_hidden),
    2: Check(2, _first_year_visible, _first_year_hidden),
    3: Check(1, _joined_visible, _joined_hidden),
}
