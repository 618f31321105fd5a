"""The State Department's voting coincidence, era by era (issue 10, section 1).

The reports' rule changed twice: to 2016 abstentions and absences were left out
(``votes_only``); for 2017-2020 a split where one side abstained counts half, over the votes
both cast (``state_dept_2017``); from 2021 an absence also counts half, over every recorded
vote (``state_dept_2021``). ``state_dept`` applies the rule of the year's report.
"""

from __future__ import annotations

import pytest

from unlearn.analysis import agreement, agreement_matrix, agreement_pairs, toy_assembly, voted_with
from unlearn.analysis.agreement import state_dept_rule
from unlearn.errors import ArgumentError

# same (y,y), opposite (y,n), same (n,n), one abstains (a,y), both abstain (a,a), AAA absent
# twice, and one vote the data does not know (never counted, not even as an absence)
LETTERS = {"AAA": "yynaaxx?", "BBB": "ynnyayy?"}
BY_HAND = {
    "votes_only": (2 / 3, 3),  # same / (same + opposite)
    "state_dept_2017": (3.5 / 5, 5),  # (same + both abstained + 1/2 split) / votes both cast
    "state_dept_2021": (4.5 / 7, 7),  # ... + 1/2 per absence, over every known recorded vote
}


def toy(year: int):
    return toy_assembly(LETTERS, [f"{year}-10-0{day}" for day in range(1, 9)])


@pytest.mark.parametrize(("rule", "expected"), BY_HAND.items())
def test_each_era_rule_by_hand(rule, expected):
    votes, calls = toy(2010)
    row = agreement("AAA", "BBB", votes=votes, roll_calls=calls, definition=rule).iloc[0]
    assert (row["agreement"], row["votes"]) == (pytest.approx(expected[0]), expected[1])
    assert (row["absent"], row["together"]) == (2, 8)


@pytest.mark.parametrize(
    ("year", "rule"), [(2016, "votes_only"), (2017, "state_dept_2017"), (2020, "state_dept_2017"),
                       (2021, "state_dept_2021"), (2023, "state_dept_2021")]
)
def test_state_dept_applies_the_rule_of_the_year_and_says_which(year, rule):
    votes, calls = toy(year)
    row = agreement("AAA", "BBB", votes=votes, roll_calls=calls, definition="state_dept").iloc[0]
    assert row["rule"] == rule == state_dept_rule(year)
    assert (row["agreement"], row["votes"]) == (pytest.approx(BY_HAND[rule][0]), BY_HAND[rule][1])


def test_pooling_across_eras_is_refused_with_what_to_do():
    votes, calls = toy_assembly(LETTERS, [f"{y}-10-01" for y in range(2014, 2022)])
    with pytest.raises(ArgumentError, match="by='year'.*'votes_only'"):
        agreement("AAA", "BBB", by=None, votes=votes, roll_calls=calls, definition="state_dept")


def test_every_path_gives_the_same_coincidence_on_the_real_2023_votes():
    # the matrix-product path (pairs, matrix) counts absences like the pair path
    one = agreement("USA", "FSM", years=2023, definition="state_dept").iloc[0]
    pairs = agreement_pairs(years=2023, countries=["USA", "FSM"], definition="state_dept")
    matrix = agreement_matrix(2023, ["USA", "FSM"], definition="state_dept")
    ranked = voted_with("USA", years=2023, definition="state_dept").set_index("iso3")
    assert one["rule"] == "state_dept_2021"
    assert pairs.iloc[0]["agreement"] == pytest.approx(one["agreement"])
    assert matrix.loc["USA", "FSM"] == pytest.approx(one["agreement"])
    assert ranked.loc["FSM", "agreement"] == pytest.approx(one["agreement"])


def test_the_rule_changes_a_real_answer_micronesia_2023():
    # Micronesia was absent from 21 of the 88 recorded votes of 2023 (Voeten + DGACM data):
    # the old rule ignores that, the report's rule from 2021 counts each as half
    table = agreement(
        "USA", "Micronesia", years=2023, definition=["votes_only", "state_dept"]
    ).set_index("definition")
    assert table.loc["state_dept", "absent"] == 21
    assert table["votes"].tolist() == [57, 88]
    assert table["agreement"].round(3).tolist() == [0.912, 0.778]
