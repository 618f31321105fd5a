"""Public functions refuse the questions they would answer wrongly, and say why a valid question
has no data (issue 9, part 7). Each test failed before the fix: the call returned an empty or
arbitrary answer, or a raw TypeError."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import unlearn
import unlearn.lessons
from unlearn.analysis._matrix import year_list
from unlearn.data import tables
from unlearn.errors import ArgumentError, NoDataWarning, UnknownSymbolError, UnlearnError

pytestmark = pytest.mark.usefixtures("built")


# ---------------------------------------------------------------- years


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ("2024", [2024]),
        (" 2019-2024 ", list(range(2019, 2025))),
        ("2019–2024", list(range(2019, 2025))),
        (2024, [2024]),
        ((2019, 2021), [2019, 2020, 2021]),
        (range(2000, 2003), [2000, 2001, 2002]),
        ([1990, 2000], [1990, 2000]),
        (np.array([2024]), [2024]),
    ],
)
def test_years_accepted_forms(years, expected):
    assert year_list(years).tolist() == expected


@pytest.mark.parametrize("years", ["abc", "2024-", "20244", "2024, 2025", [2024.5], 3.5, True, {"a": 1}])
def test_years_refused_with_a_message(years):
    with pytest.raises(ArgumentError, match="years="):
        year_list(years)


def test_a_year_as_text_is_one_year_not_its_digits():
    text = unlearn.agreement("USA", "FRA", years="2024")
    number = unlearn.agreement("USA", "FRA", years=2024)
    pd.testing.assert_frame_equal(text, number)
    assert len(unlearn.agreement("USA", "FRA", years="2019-2024")) == 6
    assert len(unlearn.ideal_points("2024")) == len(unlearn.ideal_points(2024)) > 0
    square = unlearn.agreement_matrix("2024", ["USA", "FRA"])
    assert square.loc["USA", "FRA"] == unlearn.agreement_matrix(2024, ["USA", "FRA"]).loc["USA", "FRA"]


# ---------------------------------------------------------------- symbols


@pytest.mark.parametrize("call", [lambda: unlearn.how_voted(""), lambda: tables.roll_call("  ")])
def test_an_empty_symbol_is_refused(call):
    with pytest.raises(UnknownSymbolError, match="no symbol given"):
        call()


def test_an_unknown_symbol_suggests_the_closest():
    with pytest.raises(UnknownSymbolError, match="A/RES/ES-11/7") as caught:
        unlearn.how_voted("A/RES/ES-11/77")
    assert isinstance(caught.value, ValueError)


def test_resolution_explorer_refuses_a_symbol_it_would_not_show():
    with pytest.raises(UnknownSymbolError):
        unlearn.ResolutionExplorer(symbol="bogus")
    with pytest.raises(ArgumentError, match="not among the matches"):
        unlearn.ResolutionExplorer(query="ES-11", symbol="A/RES/68/262")
    assert unlearn.ResolutionExplorer(symbol="a/res/es-11/1").call["symbol"] == "A/RES/ES-11/1"


# ---------------------------------------------------------------- the Security Council


def test_permanent_against_must_be_permanent_members():
    tally = {"yes": 12, "no": 1, "abstain": 2}
    with pytest.raises(ArgumentError, match="not a permanent member"):
        unlearn.sc_adopted(tally, permanent_against=["BRA"], date="2024-01-01")
    with pytest.raises(ArgumentError, match="not a permanent member"):
        unlearn.sc_adopted(tally, permanent_against=["RUS"], date="1980-01-01")  # the USSR's seat
    assert not unlearn.sc_adopted(tally, permanent_against="USA", date="2024-01-01")


def test_an_unattributed_no_gives_both_outcomes():
    decision = unlearn.sc_adopted({"yes": 12, "no": 1, "abstain": 2})
    assert "no permanent member voted no" not in decision.reason
    assert "elected member" in decision.reason and "vetoed if" in decision.reason
    assert "permanent_against" in decision.reason
    said = unlearn.sc_adopted({"yes": 12, "no": 1, "abstain": 2}, permanent_against=[])
    assert said.adopted and "no permanent member voted no" in said.reason
    none_against = unlearn.sc_adopted({"yes": 12, "no": 0, "abstain": 3})
    assert "no permanent member voted no" in none_against.reason


# ---------------------------------------------------------------- arguments of the wrong kind


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: unlearn.veto_totals(by="x"), "by="),
        (lambda: unlearn.agreement("USA", "FRA", years=2024, source="nope"), "source="),
        (lambda: unlearn.agreement("USA", "FRA", years=2024, definition=None), "definition="),
        (lambda: unlearn.how_voted("A/RES/ES-11/7", groups=None), "groups="),
        (lambda: unlearn.ga_adopted("10", 5), "yes="),
        (lambda: unlearn.sc_adopted({"yes": "12", "no": 0}), "yes="),
        (lambda: unlearn.CountryComparison("USA"), "states="),
        (lambda: unlearn.agreement("USA", "FRA", by="decade"), "by="),
    ],
)
def test_wrong_kind_of_argument_gets_one_message(call, expected):
    with pytest.raises(UnlearnError, match=expected) as caught:
        call()
    assert isinstance(caught.value, ValueError)
    assert "\n" not in str(caught.value)


def test_veto_totals_by_seat_still_works():
    assert set(unlearn.veto_totals(by="seat")["member_iso3"]) <= {"RUS", "CHN", "USA", "GBR", "FRA"}


# ---------------------------------------------------------------- valid questions with no data


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: unlearn.agreement("USA", "FRA", years=1964), "no recorded General Assembly votes in 1964"),
        (lambda: unlearn.agreement("USA", "FRA", years=2031), "the data end in"),
        (lambda: unlearn.agreement("USA", "Israel", years=1948), "Israel was admitted on 1949-05-11"),
        (lambda: unlearn.vote_shares("Israel", years=1948), "admitted on 1949-05-11"),
        (lambda: unlearn.vote_shares("USA", years=1964), "1964"),
        (lambda: unlearn.ideal_points(1964), "1964"),
        (lambda: unlearn.agreement_matrix(1964, ["USA", "FRA"]), "1964"),
    ],
)
def test_an_empty_answer_says_why(call, expected):
    with pytest.warns(NoDataWarning, match=expected):
        frame = call()
    assert frame.empty or frame.isna().all().all()
    assert expected in frame.attrs["note"]
    assert issubclass(NoDataWarning, UserWarning)


@pytest.mark.parametrize(
    "call",
    [
        lambda: unlearn.agreement("United States", "China"),
        lambda: unlearn.agreement("United States", "TWN"),
        lambda: unlearn.agreement("United States", "France", years=(2024, 2025), source="dgacm_ga"),
        lambda: unlearn.agreement("United Kingdom", "France", years=2024, definition=["exact", "lijphart"]),
        lambda: unlearn.vote_shares("United States"),
        lambda: unlearn.ideal_points((2000, 2025)),
        lambda: unlearn.agreement_matrix(2024, ["USA", "FRA", "GBR", "RUS"]),
        lambda: unlearn.how_voted("A/RES/ES-11/7", groups=["P5", "EU", "United States"]),
        lambda: unlearn.CountryComparison(["United States", "France", "Russia"], years=(2000, 2025)),
        lambda: unlearn.CountryComparison(["United States", "South Sudan"], years=(1946, 1960)),
        lambda: unlearn.lessons.agreement_by_era("United States", ["TWN", "CHN"]),  # notebook 04
        lambda: unlearn.ResolutionExplorer(query="Ukraine", symbol="A/RES/ES-11/7"),
    ],
)
def test_valid_questions_warn_nothing(call):
    with warnings.catch_warnings():
        warnings.simplefilter("error", NoDataWarning)
        call()
