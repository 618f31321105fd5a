"""``unlearn data add``, ``remove`` and ``added``: a Library CSV is checked by the build's own
steps before it is registered, the registry survives concurrent adds, and a damaged registry
is reported with its repair. Every CSV here is small, hand-written and synthetic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from unlearn import cli
from unlearn.data import cache
from unlearn.errors import UnlearnError

ROOT = Path(__file__).resolve().parent.parent
HEADER = "ms_code,ms_name,ms_vote,date,session,resolution,title,total_yes,total_no,total_abstentions,total_non_voting"
ROWS = [
    ("FRA", "FRANCE", "Y"),
    ("USA", "UNITED STATES", "N"),
    ("TUR", "TÜRKİYE", "A"),
    ("CHL", "CHILE", "X"),
]


def _csv(
    path: Path, symbol="A/RES/99/1", date="2044-12-12", total="1", header=HEADER, rows=ROWS, encoding="utf-8"
) -> Path:
    lines = [header] + [f"{c},{n},{v},{date},99,{symbol},A test,{total},1,1,1" for c, n, v in rows]
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


@pytest.fixture
def isolated(tmp_path, monkeypatch) -> Path:
    """A cache of this test's own (the mirror stays the shared one)."""
    monkeypatch.setenv("UNLEARN_CACHE_DIR", str(tmp_path / "cache"))
    cache.forget()
    return tmp_path / "cache"


def _refused(path: Path, capsys, isolated: Path) -> str:
    """Run ``unlearn data add``; it must exit 2 with one ``unlearn:`` line and write nothing."""
    assert cli.main(["data", "add", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("unlearn: ") and "\n" not in err, err
    assert not (isolated / "added").exists()
    return err


def test_a_valid_file_is_registered_and_listed(tmp_path, isolated, capsys):
    assert cli.main(["data", "add", str(_csv(tmp_path / "ga.csv"))]) == 0
    assert cli.main(["data", "added"]) == 0
    out = capsys.readouterr().out
    assert "ga.csv  dhl_ga  " in out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"rows": [("ZZZ", "NOWHERELAND", "Y")]}, "not in data/country_aliases.csv"),
        ({"symbol": "A/RES/BOGUS"}, "is not a General Assembly resolution symbol"),
        ({"total": "many"}, "total_yes 'many' in row 2"),
        ({"header": HEADER.removesuffix(",total_non_voting")}, "lacks the column(s) ['total_non_voting']"),
        ({"date": "12/12/2044"}, "date '12/12/2044' in row 2"),
    ],
)
def test_a_file_the_build_would_stop_on_is_refused(tmp_path, isolated, capsys, change, message):
    assert message in _refused(_csv(tmp_path / "bad.csv", **change), capsys, isolated)


def test_an_empty_or_binary_file_is_refused(tmp_path, isolated, capsys):
    (tmp_path / "empty.csv").write_text("")
    assert "is empty" in _refused(tmp_path / "empty.csv", capsys, isolated)
    (tmp_path / "binary.csv").write_bytes(bytes(range(256)) * 8)
    assert "binary" in _refused(tmp_path / "binary.csv", capsys, isolated)


def test_utf8_with_a_bom_is_read_and_other_encodings_are_refused_clearly(tmp_path, isolated, capsys):
    assert "UTF-16" in _refused(_csv(tmp_path / "u16.csv", encoding="utf-16"), capsys, isolated)
    latin = _csv(tmp_path / "latin.csv", rows=[("CIV", "CÔTE D'IVOIRE", "Y")], encoding="latin-1")
    assert "not UTF-8" in _refused(latin, capsys, isolated)
    assert cli.main(["data", "add", str(_csv(tmp_path / "bom.csv", encoding="utf-8-sig"))]) == 0


def test_a_security_council_file_is_refused_as_not_ingested_yet(tmp_path, isolated, capsys):
    sc = _csv(tmp_path / "sc.csv", header=HEADER + ",permanent_member")
    sc.write_text(sc.read_text().replace(",1\n", ",1,N\n"))
    assert "not ingested yet" in _refused(sc, capsys, isolated)


# each process imports and warms up first, then all add at the same instant, several files
# each, so that without the registry lock their read-modify-writes of added.json overlap
_ADD_AT = """
import sys, time
from unlearn.data import cache, names
names.alias_table()
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
for path in sys.argv[2:]:
    cache.add_library_csv(path)
"""


def test_ten_concurrent_adds_all_register(tmp_path, isolated):
    env = {**os.environ, "UNLEARN_CACHE_DIR": str(isolated)}
    paths = [_csv(tmp_path / f"ga{n}.csv", symbol=f"A/RES/99/{n}") for n in range(1, 51)]
    start = str(time.time() + 15)
    command = [sys.executable, "-c", _ADD_AT, start]
    runs = [
        subprocess.Popen([*command, *map(str, paths[n::10])], env=env, cwd=ROOT, stderr=subprocess.PIPE)
        for n in range(10)
    ]
    assert [run.wait(timeout=300) for run in runs] == [0] * 10, [run.stderr.read() for run in runs]
    entries = json.loads((isolated / "added" / "added.json").read_text(encoding="utf-8"))
    assert sorted(e["original_name"] for e in entries) == sorted(p.name for p in paths)


def test_a_damaged_registry_is_one_error_with_its_path_and_repair(tmp_path, isolated, capsys):
    assert cli.main(["data", "add", str(_csv(tmp_path / "ga.csv"))]) == 0
    registry = isolated / "added" / "added.json"
    registry.write_text(registry.read_text()[:-5])
    with pytest.raises(UnlearnError, match="Delete it"):
        cache.added_files()
    assert cli.main(["data", "added"]) == 2
    assert str(registry) in capsys.readouterr().err


def test_remove_by_name_or_sha256_prefix_and_unknown_names_list_the_registered(tmp_path, isolated, capsys):
    first, second = _csv(tmp_path / "one.csv"), _csv(tmp_path / "two.csv", symbol="A/RES/99/2")
    assert cli.main(["data", "add", str(first)]) == cli.main(["data", "add", str(second)]) == 0
    digest = json.loads((isolated / "added" / "added.json").read_text())[1]["sha256"]
    assert cli.main(["data", "remove", "nope.csv"]) == 2
    assert "registered: one.csv" in capsys.readouterr().err
    assert cli.main(["data", "remove", "one.csv"]) == 0
    assert cli.main(["data", "remove", digest[:8]]) == 0
    assert cache.registered() == [] and list((isolated / "added").glob("*.csv")) == []


@pytest.mark.slow
def test_a_library_row_replaces_only_the_final_vote_of_a_symbol_voeten_splits(tmp_path, isolated, mirror):
    """Voeten holds seven roll calls for A/RES/2758(XXVI); the Library's row is the last one."""
    import unlearn

    rows = [("FRA", "FRANCE", "Y"), ("USA", "UNITED STATES", "N"), ("CHL", "CHILE", "Y")]
    path = _csv(tmp_path / "2758.csv", symbol="A/RES/2758(XXVI)", date="1971-10-25", total="77", rows=rows)
    before = unlearn.ga_roll_calls().set_index("rcid")
    assert cli.main(["data", "add", str(path)]) == 0
    after = unlearn.ga_roll_calls().set_index("rcid")
    calls = before.index[before["symbol"] == "A/RES/2758(XXVI)"]
    final, earlier = calls[-1], calls[:-1]
    assert (after.loc[final, "yes"], after.loc[final, "source"]) == (77, "dhl_ga")
    columns = ["yes", "no", "abstain", "source"]
    assert after.loc[earlier, columns].to_dict("index") == before.loc[earlier, columns].to_dict("index")


@pytest.mark.slow
def test_a_full_library_style_file_leaves_no_unexplained_tally(tmp_path, monkeypatch):
    """A Library-style file of every recorded vote on a whole resolution (about 670,000 rows,
    written from the real tables in the Library's columns) replaces the roll calls it matches
    and leaves none whose tally disagrees with its rows, beyond the documented quirks."""
    import unlearn

    calls = unlearn.ga_roll_calls()
    votes = unlearn.ga_votes()
    whole = calls[calls["symbol"].notna() & calls["kind"].eq("resolution")]
    whole = whole[~whole["symbol"].duplicated(keep=False)]  # one roll call per symbol, as the Library lists
    whole = whole[~whole["symbol"].str.contains(" ")]  # parts (A/RES/31/208 III): the Library's form is not known here
    known = votes[votes["rcid"].isin(whole["rcid"])]
    complete = known.groupby("rcid")["vote"].apply(lambda v: v.notna().all())
    whole = whole[whole["rcid"].isin(complete[complete].index)]
    rows = known[known["rcid"].isin(whole["rcid"])].merge(whole, on="rcid")
    rows["ms_vote"] = rows["vote"].astype(str).map({"yes": "Y", "no": "N", "abstain": "A", "absent": "X"})
    names = unlearn.countries().set_index("iso3")["un_name"]
    counts = rows.groupby(["rcid", "ms_vote"]).size().unstack(fill_value=0)
    library = pd.DataFrame(
        {
            "undl_id": rows["rcid"],
            "ms_code": rows["iso3"].astype(str),
            "ms_name": rows["iso3"].astype(str).map(names).str.upper(),
            "ms_vote": rows["ms_vote"],
            "date": rows["date"].dt.strftime("%Y-%m-%d"),
            "session": rows["session"],
            "resolution": rows["symbol"],
            "title": rows["title"].fillna(""),
        }
    )
    for total, code in (("total_yes", "Y"), ("total_no", "N"), ("total_abstentions", "A"), ("total_non_voting", "X")):
        library[total] = rows["rcid"].map(counts.get(code, pd.Series(dtype=int))).fillna(0).astype(int).to_numpy()
    assert len(library) > 600_000  # 674,049 rows from this data: every whole-text vote with its own symbol
    path = tmp_path / "library.csv"
    library.to_csv(path, index=False)
    own = tmp_path / "cache"
    monkeypatch.setenv("UNLEARN_CACHE_DIR", str(own))
    cache.forget()
    cache.add_library_csv(path, cache=own)
    report = cache.manifest(cache=own)["validation"]
    assert report["ga_tally_mismatches_unexplained"] == []
    cache.forget()
