"""Checks of homework 01 (members in 2000, the Council's elected seats in 2010, members since 2006).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, numbers, same_set, states


def _count_visible(answer) -> None:
    assert numbers(answer), "give the count as a number"


def _count_hidden(answer) -> None:
    from ...lessons import member_count

    assert member_count("2000-01-01") in numbers(answer), (
        f"not the number of members on 1 January 2000 ({numbers(answer)})"
    )


def _states_visible(answer) -> None:
    assert states(answer), "name the states (a table with their iso3 or name, or a list of names)"


def _elected_hidden(answer) -> None:
    from ...lessons import council_seats

    seats = council_seats(2010)
    same_set(states(answer), set(seats.loc[seats["seat"] == "elected", "iso3"]), "elected members of 2010")


def _since_2006_hidden(answer) -> None:
    from ...data.tables import countries

    members = countries()
    same_set(
        states(answer), set(members.loc[members["member_from"] >= "2006-01-01", "iso3"]), "states (members since 2006)"
    )


CHECKS = {
    1: Check(1, _count_visible, _count_hidden),
    2: Check(2, _states_visible, _elected_hidden),
    3: Check(2, _states_visible, _since_2006_hidden),
}
