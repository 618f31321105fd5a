"""Every parser on small hand-written files in its upstream format, and on broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from unlearn.data.ingest import dgacm, dhl, vetoes, voeten
from unlearn.errors import SourceFormatError

FIXTURES = Path(__file__).parent / "fixtures"


def test_ga_extract_dedupes_records_and_lists_and_skips_unrecorded():
    calls, votes = dgacm.ga_records([FIXTURES / "ga_extract.json"])
    assert calls["symbol"].tolist() == ["A/RES/99/1", "A/RES/99/2 A"]
    first = calls.iloc[0]
    assert first["date"] == pd.Timestamp("2044-12-12") and first["subjects"] == ["HUMAN RIGHTS"]
    assert (first["yes"], first["no"], first["abstain"]) == (2, 1, 1)
    assert votes[votes["symbol"] == "A/RES/99/2 A"]["name"].tolist() == ["FRANCE", "CHINA"]
    assert pd.isna(calls.iloc[1]["no"])  # an empty count: the build fills 0 where lists exist


def test_sc_extract_reads_tally_odd_dates_old_keys_and_keeps_fullest_copy():
    calls, votes = dgacm.sc_records([FIXTURES / "sc_extract.json"])
    by = calls.set_index("symbol")
    assert by.loc["S/RES/9001", "date"] == pd.Timestamp("2044-11-19")
    assert tuple(by.loc["S/RES/9001", ["yes", "no", "abstain"]]) == (13, 1, 1)
    assert sorted(votes[votes["symbol"] == "S/RES/9002"]["name"]) == ["CHINA", "FRANCE"]
    assert tuple(by.loc["S/RES/9003", ["yes", "no", "abstain"]]) == (15, 0, 0)


@pytest.mark.parametrize("cut", [10, 200])
def test_truncated_json_lines_names_file_and_line(tmp_path, cut):
    broken = tmp_path / "80.json"
    broken.write_bytes((FIXTURES / "ga_extract.json").read_bytes()[:cut])
    with pytest.raises(SourceFormatError, match=r"80\.json, line 1: not valid JSON"):
        dgacm.ga_records([broken])


def test_unreadable_date_is_reported():
    with pytest.raises(SourceFormatError, match="cannot read the date"):
        dgacm.parse_date("sometime in spring")


def test_veto_list_reads_joint_vetoes_from_the_member_columns():
    table = vetoes.read(FIXTURES / "vetoes.csv")
    assert table["member_iso3"].tolist() == ["SUN", "FRA", "GBR", "USA"]
    assert table.groupby("vetoed_text").size().tolist() == [1, 3]


def test_veto_list_with_unknown_member_fails(tmp_path):
    text = (FIXTURES / "vetoes.csv").read_text().replace(",USSR,", ",Atlantis,")
    (tmp_path / "v.csv").write_text(text)
    with pytest.raises(SourceFormatError, match="Atlantis"):
        vetoes.read(tmp_path / "v.csv")


def test_rda_round_trip_and_corrupt_file(tmp_path):
    import pyreadr

    frame = pd.DataFrame(
        {
            "rcid": [3.0, 3.0],
            "country": ["United States", "Canada"],
            "country_code": ["US", "CA"],
            "vote": ["yes", "no"],
        }
    )
    path = tmp_path / "un_votes.rda"
    pyreadr.write_rdata(str(path), frame, df_name="un_votes")
    assert voeten.votes(path)["country_code"].tolist() == ["US", "CA"]
    truncated = tmp_path / "truncated.rda"
    truncated.write_bytes(path.read_bytes()[:40])
    with pytest.raises(SourceFormatError, match="truncated.rda could not be read"):
        voeten.votes(truncated)
    with pytest.raises(SourceFormatError, match="not the expected 'un_roll_calls'"):
        voeten.read_rda(path, "un_roll_calls")


def test_library_csv_current_and_first_release_columns(tmp_path):
    table = dhl.read(FIXTURES / "dhl_ga.csv")
    assert dict(zip(table["ms_code"], table["vote"], strict=True)) == {
        "FRA": "yes",
        "USA": "no",
        "TUR": "abstain",
        "CHL": "absent",
    }
    old = pd.read_csv(FIXTURES / "dhl_ga.csv", dtype=str).rename(
        columns={"ms_code": "ms_codes", "ms_name": "ms_names", "ms_vote": "ms_votes", "resolution": "resolutions"}
    )
    old.to_csv(tmp_path / "v1.csv", index=False)
    assert dhl.read(tmp_path / "v1.csv")["vote"].tolist() == table["vote"].tolist()


def test_library_csv_that_is_not_one_is_refused(tmp_path):
    shutil.copy(FIXTURES / "vetoes.csv", tmp_path / "x.csv")
    with pytest.raises(SourceFormatError, match="not a Dag Hammarskjöld Library voting CSV"):
        dhl.kind_of(tmp_path / "x.csv")


def test_unknown_spelling_stops_the_build_and_names_it():
    from unlearn.data import names
    from unlearn.errors import UnmappedSpellingError

    spellings = pd.Series(["FRANCE", "ATLANTIS", "CHILEs"])
    dates = pd.Series(pd.to_datetime(["2020-01-01"] * 3))
    with pytest.raises(UnmappedSpellingError, match=r"country_aliases.csv for their date: 'ATLANTIS' \(2020-01-01\)"):
        names.resolve(spellings, dates, ("name",), "a test extract")


def test_dated_aliases_pick_the_state_of_their_time():
    from unlearn.data import names

    codes = pd.Series(["RU", "RU", "YU", "YU"])
    dates = pd.Series(pd.to_datetime(["1985-06-01", "1995-06-01", "1985-06-01", "2003-06-01"]))
    assert names.resolve(codes, dates, ("iso2",), "test").tolist() == ["SUN", "RUS", "YUG", "SCG"]


def test_suggestions_for_a_person_never_for_the_ingest():
    from unlearn.data import names

    assert names.suggest("Hungry", ["Hungary", "Mongolia", "Chad"])[0] == "Hungary"
