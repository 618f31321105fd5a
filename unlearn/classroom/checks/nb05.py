"""Checks of notebook 05's exercises (four states' votes on ES-11/7 and ES-11/8, the permanent
members on ES-11/9 and how much of it is known, the states that voted no on both ES-11/7 and
ES-11/9). An unknown vote must be given as unknown: neither absent nor no.

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, same_set, states


def _vote_text(value) -> str:
    import pandas as pd

    return "unknown" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip().lower()


def _code(name) -> str | None:
    from ...data.tables import iso3
    from ...errors import UnlearnError

    try:
        return iso3(str(name))
    except (UnlearnError, LookupError, ValueError):
        return None


def given_votes(answer, symbols: list[str]) -> dict[tuple[str, str], str]:
    """{(symbol, iso3): vote} from a table of ``votes_on`` (one column per state), a long table
    (symbol, a state column, vote), or, for one symbol, a dict {state: vote}."""
    import pandas as pd

    found = {}
    if isinstance(answer, pd.DataFrame) and "symbol" in answer.columns:
        key = next((c for c in ("iso3", "member", "state", "name", "country") if c in answer.columns), None)
        if key and "vote" in answer.columns:
            for symbol, state, vote in zip(answer["symbol"], answer[key], answer["vote"], strict=True):
                if code := _code(state):
                    found[(str(symbol), code)] = _vote_text(vote)
        else:
            for column in answer.columns:
                if column not in ("date", "symbol", "title", "tally", "known") and (code := _code(column)):
                    for symbol, vote in zip(answer["symbol"], answer[column], strict=True):
                        found[(str(symbol), code)] = _vote_text(vote)
    elif isinstance(answer, dict | pd.Series) and len(symbols) == 1:
        for state, vote in answer.items():
            if code := _code(state):
                found[(symbols[0], code)] = _vote_text(vote)
    return found


def _votes_check(symbols: list[str], codes: list[str]):
    def visible(answer) -> None:
        assert given_votes(answer, symbols), (
            "give the votes as the table lessons.votes_on returns (or a dict {state: vote} for one resolution)"
        )

    def hidden(answer) -> None:
        from ...lessons import votes_on

        expected = given_votes(votes_on(symbols, codes), symbols)
        got = given_votes(answer, symbols)
        wrong = sorted(
            f"{code} on {symbol}" for (symbol, code), vote in expected.items() if got.get((symbol, code)) != vote
        )
        assert not wrong, (
            f"not the right vote (yes, no, abstain, or unknown where no source names it) of {', '.join(wrong)}"
        )

    return visible, hidden


def _no_on_both() -> set[str]:
    from ...lessons import states_voting

    both = set(states_voting("A/RES/ES-11/7", "no")) & set(states_voting("A/RES/ES-11/9", "no"))
    return {code for name in both if (code := _code(name))}


def _both_visible(answer) -> None:
    assert states(answer), "name the states (a list of names, as lessons.states_voting gives)"


def _both_hidden(answer) -> None:
    same_set(states(answer), _no_on_both(), "states that voted no on both ES-11/7 and ES-11/9")


CHECKS = {
    1: Check(2, *_votes_check(["A/RES/ES-11/7", "A/RES/ES-11/8"], ["DEU", "HUN", "ISR", "SRB"])),
    2: Check(2, *_votes_check(["A/RES/ES-11/9"], ["USA", "RUS", "CHN", "GBR", "FRA"])),
    3: Check(2, _both_visible, _both_hidden),
}
