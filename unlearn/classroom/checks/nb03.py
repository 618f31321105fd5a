"""Checks of notebook 03's exercises (Art. 27 on a 12-1-2 draft, vetoes since 1992, US veto topics).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, booleans, column_or_values, same_set


def _decisions_visible(answer) -> None:
    assert len(booleans(answer)) == 2, (
        "give two decisions, non-procedural first (two sc_adopted results, or True/False)"
    )


def _decisions_hidden(answer) -> None:
    from ...charter import sc_adopted

    tally = {"yes": 12, "no": 1, "abstain": 2}
    expected = [
        sc_adopted(tally, permanent_against=["USA"], date="2025-06-01").adopted,
        sc_adopted(tally, procedural=True, permanent_against=["USA"], date="2025-06-01").adopted,
    ]
    assert booleans(answer) == expected, "not the right decisions (non-procedural first, then procedural)"


def counts_by_state(answer, column: str) -> dict[str, float]:
    """{iso3: number} from a table (a state column and *column*), a Series or a dict keyed by state."""
    import pandas as pd

    from ...data.tables import iso3
    from ...errors import UnlearnError

    if isinstance(answer, pd.DataFrame) and column in answer.columns:
        key = next((c for c in ("member_iso3", "iso3", "member", "name") if c in answer.columns), None)
        pairs = zip(answer[key], answer[column], strict=True) if key else []
    elif isinstance(answer, pd.Series | dict):
        pairs = answer.items()
    else:
        pairs = []
    found = {}
    for state, number in pairs:
        try:
            found[iso3(str(state))] = float(number)
        except (UnlearnError, LookupError, ValueError, TypeError):
            continue
    return found


def _vetoes_visible(answer) -> None:
    assert counts_by_state(answer, "vetoes"), (
        "give each member's number of vetoes and the share cast alone (a table with member, vetoes, share_alone)"
    )


def _vetoes_hidden(answer) -> None:
    from ...analysis.vetoes import vetoes_per_member
    from ...data.tables import vetoes

    table = vetoes_per_member(vetoes=vetoes().query("date >= '1992-01-01'"))
    expected = counts_by_state(table, "vetoes")
    got = counts_by_state(answer, "vetoes")
    wrong = sorted(code for code, count in expected.items() if got.get(code) != count)
    assert not wrong, f"not the right number of vetoes since 1 January 1992 for {', '.join(wrong)}"
    for column in ("alone", "share_alone"):  # the exercise's second part, where the answer gives it
        if got_alone := counts_by_state(answer, column):
            right = counts_by_state(table, column)
            wrong = sorted(c for c, n in right.items() if c in got_alone and not abs(got_alone[c] - n) <= 0.0006)
            assert not wrong, f"not the right {column.replace('_', ' ')} (vetoes cast alone) for {', '.join(wrong)}"


def _topics(answer) -> set[str]:
    return {str(v) for v in column_or_values(answer, "topic") if isinstance(v, str)}


def _topics_visible(answer) -> None:
    assert len(_topics(answer)) >= 3, "name three topics (a table with a topic column, or a list)"


def _topics_hidden(answer) -> None:
    from ...analysis.vetoes import vetoes_by_subject

    table = vetoes_by_subject(as_of="2022-07-08").query("member_iso3 == 'USA'").nlargest(3, "vetoes")
    known = set(_all_topics())  # a table's other strings (codes, names) are not topics
    same_set(_topics(answer) & known, set(table["topic"].astype(str)), "three topics")


def _all_topics() -> list[str]:
    from ...data.tables import vetoes

    return list(vetoes()["topic"].dropna().astype(str).unique())


CHECKS = {
    1: Check(2, _decisions_visible, _decisions_hidden),
    2: Check(2, _vetoes_visible, _vetoes_hidden),
    3: Check(2, _topics_visible, _topics_hidden),
}
