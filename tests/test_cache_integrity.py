"""A cache that lies: damaged builds are found and repaired, bad bundles refused before writing.

One real build (from the mirror) is made per module and copied into a fresh cache folder per
test, so that each test damages its own copy.
"""

from __future__ import annotations

import shutil
import zipfile

import pandas as pd
import pytest

from unlearn.data import cache
from unlearn.errors import IntegrityError, UnlearnError


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("template")
    folder = cache.ensure_built(cache=root)
    return folder


@pytest.fixture
def fresh(tmp_path, template):
    """A cache folder holding a sound copy of the template build."""
    root = tmp_path / "cache"
    shutil.copytree(template, root / "tables" / template.name)
    cache.forget()
    yield root
    cache.forget()


def test_a_build_without_its_manifest_is_rebuilt(fresh, template):
    (fresh / "tables" / template.name / "manifest.json").unlink()
    folder = cache.ensure_built(cache=fresh)  # was: OSError [Errno 39] Directory not empty
    assert (folder / "manifest.json").is_file()
    assert len(cache.load("ga_votes", cache=fresh)) > 1_000_000


def test_a_truncated_table_is_found_on_first_load_and_rebuilt(fresh, template, capfd):
    expected = pd.read_parquet(template / "sc_votes.parquet")
    path = fresh / "tables" / template.name / "sc_votes.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    table = cache.load("sc_votes", cache=fresh)  # was: ArrowInvalid on every load
    pd.testing.assert_frame_equal(table, expected)
    assert "damaged" in capfd.readouterr().err
    assert all(state == "ok" for state, _ in cache.verify_build(fresh / "tables" / template.name))


def test_a_table_changed_in_place_is_not_read(fresh, template):
    path = fresh / "tables" / template.name / "vetoes.parquet"
    frame = pd.read_parquet(path)
    frame.loc[0, "member_iso3"] = "FRA" if frame.loc[0, "member_iso3"] != "FRA" else "GBR"
    frame.to_parquet(path, index=False)  # a readable parquet file with other numbers
    table = cache.load("vetoes", cache=fresh)
    pd.testing.assert_frame_equal(table, pd.read_parquet(template / "vetoes.parquet"))


@pytest.fixture
def bundle(tmp_path, template):
    out = tmp_path / "bundle.zip"
    cache.write_bundle(out, cache=template.parent.parent)
    return out


def test_installing_a_good_bundle_replaces_a_damaged_build(fresh, template, bundle):
    path = fresh / "tables" / template.name / "ga_roll_calls.parquet"
    path.write_bytes(b"not parquet")
    cache.install_bundle(bundle, cache=fresh)  # was: kept the broken folder
    assert all(state == "ok" for state, _ in cache.verify_build(fresh / "tables" / template.name))


def _only_entries(root):
    return sorted(p.name for p in (root / "tables").iterdir()) if (root / "tables").exists() else []


@pytest.mark.parametrize(
    "make, says",
    [
        (lambda p, b: p.write_bytes(b"PK\x03\x04 this is not a zip"), "not a readable zip"),
        (lambda p, b: p.write_bytes(b.read_bytes()[: b.stat().st_size // 2]), "not a readable zip"),
        (lambda p, b: _rewrite(b, p, keep=lambda n: n.endswith("manifest.json")), "not an unlearn data bundle"),
        (lambda p, b: _rewrite(b, p, rename=lambda n: n.replace("tables/", "tables/0" * 2, 1)), "another version"),
    ],
    ids=["not-a-zip", "truncated", "manifest-only", "nested"],
)
def test_a_bad_bundle_is_refused_and_leaves_nothing(tmp_path, bundle, make, says):
    bad, root = tmp_path / "bad.zip", tmp_path / "target"
    make(bad, bundle)
    with pytest.raises(UnlearnError, match=says):
        cache.install_bundle(bad, cache=root)
    assert _only_entries(root) == []


def test_a_bundle_of_another_version_leaves_nothing(tmp_path, bundle, template):
    bad, root = tmp_path / "other.zip", tmp_path / "target"
    _rewrite(bundle, bad, rename=lambda n: n.replace(template.name, "0123456789abcdef"))
    with pytest.raises(UnlearnError, match="another version"):
        cache.install_bundle(bad, cache=root)  # was: installed it, then complained
    assert _only_entries(root) == []


def test_a_bundle_that_unpacks_far_larger_than_a_build_is_refused(tmp_path, bundle, template, monkeypatch):
    monkeypatch.setattr(cache, "BUNDLE_LIMIT", 8 * 2**20)  # the real limit is 512 MB: same rule, smaller file
    bomb, root = tmp_path / "bomb.zip", tmp_path / "target"
    shutil.copy(bundle, bomb)
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"tables/{template.name}/padding.bin", b"\0" * (16 * 2**20))
    assert bomb.stat().st_size < 4 * 2**20  # a small file on disk
    with pytest.raises(UnlearnError, match="would unpack to more than"):
        cache.install_bundle(bomb, cache=root)
    assert _only_entries(root) == []


def _rewrite(source, out, keep=lambda name: True, rename=lambda name: name):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if keep(info.filename):
                new.writestr(rename(info.filename), old.read(info))


def test_a_damaged_shared_build_is_reported_not_repaired(tmp_path, template, monkeypatch):
    shared = tmp_path / "shared"
    shutil.copytree(template, shared / "tables" / template.name)
    path = shared / "tables" / template.name / "countries.parquet"
    path.write_bytes(path.read_bytes()[:100])
    monkeypatch.setenv("UNLEARN_SHARED_CACHE", str(shared))
    cache.forget()
    with pytest.raises(IntegrityError, match="shared build"):
        cache.load("countries", cache=tmp_path / "own")
    assert path.stat().st_size == 100  # left as it was: a student cannot repair it


def test_writes_never_follow_a_planted_link(fresh, template, tmp_path):
    """The old temporary names (``.added.<pid>.part``, ``.<sha>.<pid>.part``) and the lock's
    ``.build.holder`` could be planted as links to another file, which the write then followed."""
    import os
    from pathlib import Path

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    added = fresh / "added"
    added.mkdir()
    fixture = Path(__file__).parent / "fixtures" / "dhl_ga.csv"
    from unlearn.data import sources

    digest = sources.sha256_of(fixture)
    for name in (f".added.{os.getpid()}.part", f".{digest}.{os.getpid()}.part"):
        (added / name).symlink_to(victim)
    cache.add_library_csv(fixture, cache=fresh)
    (fresh / "tables" / ".build.holder").symlink_to(victim)
    cache.forget()
    cache.ensure_built(cache=fresh)  # the added file changes the key: a real build, holder written
    assert victim.read_text() == "keep me\n"
    assert (added / "added.json").is_file() and not (added / "added.json").is_symlink()


def test_a_build_clears_the_folders_of_installs_that_died_but_not_a_live_one(fresh, template):
    import os
    import time

    tables = fresh / "tables"
    dead, live = tables / ".installing-dead", tables / ".installing-live"
    for folder in (dead, live):
        folder.mkdir()
        (folder / "countries.parquet").write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    os.utime(dead, (two_hours_ago, two_hours_ago))
    (tables / template.name / "manifest.json").unlink()  # so that a build runs
    cache.ensure_built(cache=fresh)
    assert not dead.exists() and live.exists()
