"""Checks of homework 03 (Art. 27 on two drafts, China's vetoes).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, booleans, counts


def _decisions_visible(answer) -> None:
    assert len(booleans(answer)) == 2, (
        "give two decisions (two sc_adopted results, or True/False), the 9-0-6 draft first"
    )


def _decisions_hidden(answer) -> None:
    from ...charter import sc_adopted

    expected = [
        sc_adopted({"yes": 9, "no": 0, "abstain": 6}).adopted,
        sc_adopted({"yes": 13, "no": 1, "abstain": 1}, permanent_against=["RUS"]).adopted,
    ]
    assert booleans(answer) == expected, "not the right decisions (the 9-0-6 draft first, then the 13-1-1 one)"


def _vetoes_visible(answer) -> None:
    assert counts(answer), "give the count as a number (or the table of those vetoes)"


def _vetoes_hidden(answer) -> None:
    from ...data.tables import vetoes

    expected = int((vetoes()["member_iso3"] == "CHN").sum())
    assert expected in counts(answer), f"not the number of vetoes cast by the People's Republic (got {counts(answer)})"


CHECKS = {1: Check(2, _decisions_visible, _decisions_hidden), 2: Check(1, _vetoes_visible, _vetoes_hidden)}
