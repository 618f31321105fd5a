"""Names students try (issue 12): non-members, names several states held, states before they
joined; the fact-check evidence read with names as well as codes; and the lesson tables whose
words must not mislead (most common vote against a majority, a term filter, an empty year)."""

from __future__ import annotations

import pytest

import unlearn
from unlearn import lessons
from unlearn.errors import ArgumentError, UnknownNameError
from unlearn.lessons import factcheck


def refusal(call) -> str:
    with pytest.raises(UnknownNameError) as caught:
        call()
    text = str(caught.value)
    assert "\n" not in text  # one line
    return text


def test_non_member_observers_and_kosovo_are_named_for_what_they_are(built):
    palestine = refusal(lambda: unlearn.country("Palestine"))
    assert "non-member observer State" in palestine and "S/2024/312" in palestine
    assert "Pakistan" not in palestine
    assert "non-member observer State" in refusal(lambda: unlearn.country("Holy See"))
    assert "not a UN member" in refusal(lambda: unlearn.country("Kosovo"))
    assert "Palestine" in refusal(lambda: unlearn.iso3("Palestin"))  # a near miss suggests it


def test_germany_before_1973_and_while_two_german_states_sat(built):
    before = refusal(lambda: unlearn.iso3("Germany", on="1960-01-01"))
    assert "18 Sep 1973" in before and "DDR" in before
    both = refusal(lambda: unlearn.iso3("Germany", on="1980-01-01"))
    assert "East Germany" in both and "West Germany" in both
    assert unlearn.iso3("East Germany", on="1980-01-01") == "DDR"
    assert unlearn.iso3("Germany", on="1991-01-01") == unlearn.iso3("Germany") == "DEU"
    assert "10 Sep 2002" in refusal(lambda: unlearn.iso3("Switzerland", on="1990-01-01"))


def test_yugoslavia_without_a_date_lists_every_state_that_held_the_name(built):
    text = refusal(lambda: unlearn.country("Yugoslavia"))
    assert all(code in text for code in ("YUG", "SCG", "SRB"))
    assert unlearn.country("Yugoslavia", on="1980-01-01").name == "YUG"
    assert unlearn.iso3("YUG") == "YUG" and unlearn.iso3("China") == "CHN" and unlearn.iso3("RU") == "RUS"
    assert "A/RES/47/1" in refusal(lambda: unlearn.iso3("Yugoslavia", on="1995-01-01"))


def test_evidence_reads_names_as_country_does(built):
    by_name = factcheck.evidence("ga_votes_of:A/RES/ES-11/7:France;Germany;Hungary")
    assert by_name == factcheck.evidence("ga_votes_of:A/RES/ES-11/7:FRA;DEU;HUN")
    assert by_name == "A/RES/ES-11/7: France: yes; Germany: yes; Hungary: no."
    assert "Germany: not a UN member then" in factcheck.evidence("ga_votes_of:A/RES/2758(XXVI):Germany")
    council = factcheck.evidence("sc_votes_of:S/RES/2774:Britain;Germany;Holy See")
    assert "United Kingdom: abstain" in council and "Germany: not on the Council" in council
    assert "Holy See: not a UN member State" in council
    wrong = refusal(lambda: factcheck.evidence("ga_votes_of:A/RES/ES-11/7:Frnace"))
    assert "Did you mean: France" in wrong


def test_most_common_vote_is_not_called_a_majority(built):
    groups = unlearn.how_voted("A/RES/68/262", groups="regional groups").set_index("group")
    assert "majority" not in groups.columns
    african = groups.loc["African"]
    assert (african["most_common"], int(african["abstain"]), int(african["members"])) == ("abstain", 27, 54)
    assert not african["majority_of_members"]
    assert groups.loc["Western European and Others", "majority_of_members"]
    open_question = unlearn.how_voted("A/RES/ES-11/10", groups=["P5"]).set_index("group")
    assert open_question.loc["P5", "majority_of_members"] is None  # unknown votes could decide it


def test_council_term_filter_takes_any_dash_and_explains_a_miss(built):
    hyphen = lessons.council_seats(2022, term="2022-2023")
    assert hyphen["name"].tolist() == lessons.council_seats(2022, term="2022\u20132023")["name"].tolist()
    assert len(hyphen) == 5
    with pytest.raises(ArgumentError, match="'2021-2022'"):
        lessons.council_seats(2022, term="2022-2024")


def test_a_year_without_votes_says_why(built):
    year = lessons.yes_share_by_year().set_index("year")
    assert "notebook 02" in year.loc[1964, "note"] and year.loc[1965, "note"] == ""
