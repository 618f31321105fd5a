"""Roll-call titles: the resolution's own title where one is known, with where it comes from,
and the curated names a title lacks (A/RES/68/262 is "Territorial integrity of Ukraine",
known as the Crimea resolution; Voeten's label for it is a subject heading)."""

from __future__ import annotations

import pytest

import unlearn
from unlearn.data.ingest import curated
from unlearn.widgets import ResolutionExplorer
from unlearn.widgets.resolutions import search_roll_calls

pytestmark = pytest.mark.usefixtures("built")

TITLE_SOURCES = {"curated", "dgacm", "dhl", "voeten descr", "voeten short"}


def test_crimea_resolution_has_its_title_and_provenance():
    call = unlearn.ga_roll_calls().set_index("symbol").loc["A/RES/68/262"]
    assert call["title"] == "Territorial integrity of Ukraine"
    assert call["title_source"] == "curated"
    assert "Crimea" in call["known_as"]
    assert call["date"].strftime("%Y-%m-%d") == "2014-03-27"


def test_every_title_says_where_it_comes_from():
    calls = unlearn.ga_roll_calls()
    assert set(calls["title_source"].astype(str)) <= TITLE_SOURCES
    assert calls["title_source"].notna().all()
    # Voeten's subject headings give way to the catalogue title its description holds
    short = calls[calls["title_source"] == "voeten short"]
    assert not short["description"].fillna("").str.contains(": resolution / adopted by").any()
    assert not calls["title"].eq("ARMED CONFLICTS PREVENTION--MEDIATION").any()


def test_curated_titles_have_a_source_and_name_a_recorded_vote():
    titles = curated.read("ga_titles")
    assert titles["source"].str.strip().ne("").all()
    assert set(titles["symbol"]) <= set(unlearn.ga_roll_calls()["symbol"].dropna())


def test_search_finds_a_resolution_by_its_curated_name():
    found = search_roll_calls("Crimea")
    assert "A/RES/68/262" in set(found["symbol"])
    assert "A/RES/68/262" in set(search_roll_calls("territorial integrity Ukraine")["symbol"])


def test_explorer_shows_the_crimea_resolution_under_its_title():
    rx = ResolutionExplorer(query="Crimea", symbol="A/RES/68/262")
    assert rx.call["symbol"] == "A/RES/68/262"
    assert rx.shown[0]["text/plain"].splitlines()[0] == "Territorial integrity of Ukraine"
