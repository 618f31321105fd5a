"""The cache: atomic builds under a lock, Library CSVs that take precedence, bundles for hubs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from unlearn import cli
from unlearn.data import cache, config

ROOT = Path(__file__).resolve().parent.parent


def _build_in_subprocess(cache_dir: Path, mirror: Path) -> subprocess.Popen:
    env = {**os.environ, "UNLEARN_CACHE_DIR": str(cache_dir), "UNLEARN_DATA_MIRROR": str(mirror)}
    code = "from unlearn.data import cache; print(cache.ensure_built())"
    return subprocess.Popen(
        [sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.slow
def test_two_processes_building_at_once_share_one_complete_build(tmp_path, mirror):
    first, second = (_build_in_subprocess(tmp_path, mirror) for _ in range(2))
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    folders = {out.strip() for out, _ in outputs}
    assert len(folders) == 1
    built = Path(folders.pop())
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["rows"]["ga_votes"] > 1_000_000
    leftovers = [p.name for p in (tmp_path / "tables").iterdir() if p.name.startswith(".building-")]
    assert leftovers == []


def _library_fixture(path: Path, built_votes: pd.DataFrame, calls: pd.DataFrame) -> None:
    """A hand-made Library-format CSV for A/RES/ES-11/7: the known votes, and every vote the
    public record does not give filled in as non-voting (X). Synthetic, for this test only."""
    rcid = calls.loc[calls["symbol"] == "A/RES/ES-11/7", "rcid"].iloc[0]
    rows = built_votes[built_votes["rcid"] == rcid]
    codes = {"yes": "Y", "no": "N", "abstain": "A"}
    import unlearn

    upper_names = unlearn.countries().set_index("iso3")["un_name"].str.upper()
    ms_name = rows["iso3"].astype(str).map(upper_names)
    ms_name[rows["iso3"].astype(str) == "BOL"] = "A NAME THE ALIAS TABLE LACKS"  # falls back to the code
    frame = pd.DataFrame(
        {
            "undl_id": "4076916",
            "ms_code": rows["iso3"].astype(str),
            "ms_name": ms_name,
            "ms_vote": rows["vote"].astype(str).map(codes).fillna("X"),
            "date": "2025-02-24",
            "session": "ES-11",
            "resolution": "A/RES/ES-11/7",
            "title": "test fixture",
            "total_yes": 93,
            "total_no": 18,
            "total_abstentions": int((rows["vote"] == "abstain").sum()),  # the named abstentions (21)
            "total_non_voting": int(len(rows) - rows["vote"].isin(list(codes)).sum()),
        }
    )
    frame.to_csv(path, index=False)


@pytest.mark.slow
def test_added_library_csv_takes_precedence_roll_call_by_roll_call(tmp_path, built, monkeypatch):
    import unlearn

    calls, votes = unlearn.ga_roll_calls(), unlearn.ga_votes()
    fixture = tmp_path / "2026_02_06_ga_voting.csv"
    _library_fixture(fixture, votes, calls)
    monkeypatch.setenv("UNLEARN_CACHE_DIR", str(tmp_path / "cache"))
    entry = cache.add_library_csv(fixture)
    assert entry["kind"] == "dhl_ga"
    new_calls, new_votes = unlearn.ga_roll_calls(), unlearn.ga_votes()
    row = new_calls[new_calls["symbol"] == "A/RES/ES-11/7"].iloc[0]
    assert row["source"] == "dhl_ga" and (row["yes"], row["no"], row["abstain"]) == (93, 18, 21)
    mine = new_votes[new_votes["rcid"] == row["rcid"]]
    assert (mine["vote_basis"] == "unknown").sum() == 0 and (mine["vote"] == "absent").sum() == 61
    assert len(mine) == 193 and "BOL" in set(mine["iso3"].astype(str))
    untouched = new_calls[new_calls["symbol"] == "A/RES/ES-11/8"].iloc[0]
    assert untouched["source"] == "curated"
    assert len(new_calls) == len(calls)


def test_status_names_every_source_licence_and_the_library_terms(built):
    text = "\n".join(cli.status_lines())
    for needle in (
        "Voeten",
        "CC0",
        "DGACM",
        "World Politics Data Lab",
        "Non-commercial use with attribution",
        "Bailey",
        "Tables: built in",
    ):
        assert needle in text


def test_cli_verify_reports_ok(built, capsys):
    assert cli.main(["data", "verify"]) == 0
    assert "MISMATCH" not in capsys.readouterr().out


def test_cli_add_refuses_a_file_that_is_not_a_library_csv(tmp_path, capsys):
    bogus = tmp_path / "x.csv"
    bogus.write_text("a,b\n1,2\n")
    assert cli.main(["data", "add", str(bogus)]) == 2
    assert "not a Dag Hammarskjöld Library voting CSV" in capsys.readouterr().err


def test_bundle_install_and_read_only_shared_cache(tmp_path, built, monkeypatch):
    bundle = cache.write_bundle(tmp_path / "unlearn-data.zip")
    with zipfile.ZipFile(bundle) as z:
        assert "LICENCES.md" in z.namelist()
        assert any(n.endswith("ga_votes.parquet") for n in z.namelist())
    shared = tmp_path / "shared"
    monkeypatch.setenv("UNLEARN_CACHE_DIR", str(shared))
    cache.forget()
    installed = cache.install_bundle(bundle)
    assert (installed / "manifest.json").is_file()
    # a student whose own cache folder cannot be written uses the shared, pre-built one as is
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    monkeypatch.setenv("UNLEARN_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setenv("UNLEARN_SHARED_CACHE", str(shared))
    monkeypatch.delenv("UNLEARN_DATA_MIRROR")
    cache.forget()
    assert cache.built_dir() == installed
    assert len(cache.load("ga_votes")) > 1_000_000


def test_build_key_changes_when_a_curated_table_changes(tmp_path, monkeypatch):
    before = cache.build_key()
    copy = tmp_path / "data"
    copy.mkdir()
    for path in config.curated_dir().glob("*.csv"):
        (copy / path.name).write_bytes(path.read_bytes())
    with open(copy / "ga_curated_votes.csv", "a", encoding="utf-8") as f:
        f.write("A/RES/ES-11/8,HUN,yes,stated,test,\n")
    monkeypatch.setattr(config, "curated_dir", lambda: copy)
    assert cache.build_key() != before
