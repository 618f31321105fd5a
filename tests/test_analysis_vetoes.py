"""Veto summaries: a hand-made list, and the real one."""

from __future__ import annotations

import pandas as pd
import pytest

import unlearn
from unlearn.analysis import vetoes_by_decade, vetoes_by_subject, vetoes_per_member

# five vetoed texts; text 3 vetoed jointly by the USA and the UK, text 5 by the USSR's seat
HAND = pd.DataFrame(
    {
        "date": pd.to_datetime(["1947-01-01", "1956-01-01", "1976-01-01", "1976-01-01", "1989-01-01", "2022-01-01"]),
        "kind": ["draft resolution"] * 5 + ["amendment"],
        "member_iso3": ["SUN", "SUN", "USA", "GBR", "USA", "RUS"],
        "vetoed_text": [1, 2, 3, 3, 4, 5],
        "topic": ["Admission", "Admission", "Namibia", "Namibia", "", "Ukraine"],
        "subject": ["a", "a", "b", "b", "c", "d"],
    }
)


def test_per_member_counts_and_alone():
    per = vetoes_per_member(vetoes=HAND).set_index("member_iso3")
    assert per["vetoes"].to_dict() == {"SUN": 2, "USA": 2, "GBR": 1, "RUS": 1}
    assert per.loc["USA", ["alone", "share_alone"]].tolist() == [1, 0.5]
    assert per.loc["GBR", "share_alone"] == 0.0 and per.loc["SUN", "share_alone"] == 1.0
    assert per.index.tolist() == ["SUN", "USA", "GBR", "RUS"]  # most first, ties by code


def test_as_of_kind_and_seat():
    assert vetoes_per_member(as_of="1980-01-01", vetoes=HAND)["vetoes"].sum() == 4
    assert "RUS" not in set(vetoes_per_member(kind="draft resolution", vetoes=HAND)["member_iso3"])
    seat = vetoes_per_member(by_seat=True, vetoes=HAND).set_index("member_iso3")
    assert seat.loc["RUS", "vetoes"] == 3 and "SUN" not in seat.index
    with pytest.raises(ValueError, match="draft resolution"):
        vetoes_per_member(kind="letter", vetoes=HAND)


def test_by_decade_has_zero_rows():
    decades = vetoes_by_decade(vetoes=HAND).set_index(["decade", "member_iso3"])["vetoes"]
    assert decades[(1940, "SUN")] == 1 and decades[(1970, "USA")] == 1 and decades[(1980, "USA")] == 1
    assert decades[(1940, "USA")] == 0
    assert len(decades) == 5 * 4  # five decades with a veto x four members


def test_by_subject_sorted_with_unclassified_named():
    topics = vetoes_by_subject(vetoes=HAND)
    assert topics.iloc[0]["topic"] in ("Admission", "Namibia")
    assert set(topics["topic"]) == {"Admission", "Namibia", "not classified", "Ukraine"}
    namibia = topics[topics["topic"] == "Namibia"].set_index("member_iso3")
    assert namibia["alone"].tolist() == [0, 0] and namibia["total"].tolist() == [2, 2]
    with pytest.raises(ValueError, match="topic"):
        vetoes_by_subject(by="region", vetoes=HAND)


def test_real_counts_to_july_2022(built):
    per = unlearn.vetoes_per_member(as_of="2022-07-08").set_index("member_iso3")["vetoes"]
    # the Library's totals for the USSR, the UK and France (the parser reads every vetoing member)
    assert (per["SUN"], per["GBR"], per["FRA"]) == (90, 29, 16)
    shares = unlearn.vetoes_per_member().set_index("member_iso3")["share_alone"]
    assert shares["FRA"] < 0.2 and shares["SUN"] > 0.9
