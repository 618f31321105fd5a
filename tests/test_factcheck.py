"""Notebook 07's evidence, checked on the real data."""

from __future__ import annotations

import pytest

from unlearn.lessons import factcheck


def test_every_claim_gets_evidence(built):
    table = factcheck.claims()
    assert len(table) == 11 and table["evidence"].str.len().gt(20).all()


def test_the_no_count_contradicts_the_report(built):
    assert "18 states voted no" in factcheck.evidence("ga_count:A/RES/ES-11/7:no")


def test_named_states_and_council_seats(built):
    text = factcheck.evidence("ga_votes_of:A/RES/ES-11/7:HUN;ISR;SYR")
    assert "Hungary: no" in text and "Israel: no" in text and "Syria: unknown" in text
    council = factcheck.evidence("sc_votes_of:S/RES/2774:GBR;DNK")
    assert "United Kingdom: abstain" in council and "GBR (permanent)" in council and "DNK (elected)" in council


def test_vetoes_and_dates(built):
    assert factcheck.evidence("vetoes_on:2025-02-24").startswith("2 veto(es) on 2025-02-24")
    assert "exactly 3 years" in factcheck.evidence("date_compare:2025-02-24:2022-02-24")
    assert "No veto" in factcheck.evidence("vetoes_on:2025-02-25")


def test_us_record_and_bloc(built):
    record = factcheck.evidence("us_votes:A/RES/68/262;A/RES/ES-11/7")
    assert "A/RES/68/262 (27 Mar 2014): yes" in record and "A/RES/ES-11/7 (24 Feb 2025): no" in record
    assert "EU members (27): 26 yes, 1 no" in factcheck.evidence("bloc_compare:A/RES/ES-11/7")


def test_wording_quotes_the_text(built):
    said = factcheck.evidence("wording:A/RES/ES-11/7:de-escalation, an early cessation of hostilities")
    assert '"de-escalation, an early cessation of hostilities"' in said and "A/RES/ES-11/7" in said


def test_bad_checks_are_explained(built):
    with pytest.raises(ValueError, match="unknown check"):
        factcheck.evidence("guess:anything")
    with pytest.raises(ValueError, match="no recorded General Assembly vote"):
        factcheck.evidence("ga_count:A/RES/ES-11/99:yes")
