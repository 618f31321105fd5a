"""Checks of notebook 00's exercises (codes, a citation, a count).

Layer: classroom tooling.
"""

from __future__ import annotations

from . import Check, counts, values


def _codes_visible(answer) -> None:
    codes = [v for v in values(answer) if isinstance(v, str) and len(v) == 3 and v.isupper()]
    assert len(codes) >= 2, "give two iso3 codes (three capital letters each), e.g. as a tuple (code1, code2)"


def _codes_hidden(answer) -> None:
    from ...data.tables import iso3

    expected = {iso3("Czechia"), iso3("Czechoslovakia")}
    got = {v for v in values(answer) if isinstance(v, str)}
    assert expected <= got, f"the codes are not those of Czechia and Czechoslovakia (got {sorted(got)})"


def _citation_visible(answer) -> None:
    assert any(isinstance(v, str) and "veto" in v.lower() for v in values(answer)), (
        "give the citation as text: what unlearn.citation(...) returns for the veto table"
    )


def _citation_hidden(answer) -> None:
    from ...data.tables import citation

    first = " ".join(citation("vetoes").splitlines()[0].split())
    text = " ".join(" ".join(str(v) for v in values(answer)).split())
    assert first in text, "this is not the citation of the veto table (the table is called 'vetoes')"


def _count_visible(answer) -> None:
    assert counts(answer), "give a number (the count), or the table of those votes"


def _count_hidden(answer) -> None:
    from ...data.tables import ga_roll_calls

    expected = int((ga_roll_calls()["emergency_session"] == "ES-11").sum())
    assert expected in counts(answer), f"not the number of recorded votes of ES-11 (got {counts(answer)})"


CHECKS = {
    1: Check(1, _codes_visible, _codes_hidden),
    2: Check(1, _citation_visible, _citation_hidden),
    3: Check(2, _count_visible, _count_hidden),
}
