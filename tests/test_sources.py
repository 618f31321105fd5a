"""Fetching, verifying and caching upstream files: every failure path says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from unlearn.data import sources
from unlearn.errors import DataUnavailableError, IntegrityError

FILE = sources.upstream_file("wpdl_vetoes", "unsc_vetoes_1946_sept2022.csv")


def test_copies_from_mirror_and_verifies(tmp_path, mirror):
    path = sources.fetch(FILE, mirror=mirror, cache=tmp_path)
    assert path == tmp_path / "raw" / FILE.key
    assert sources.sha256_of(path) == FILE.sha256
    assert sources.verify(FILE, cache=tmp_path) == "ok"


def test_hash_mismatch_is_never_used(tmp_path):
    fake_mirror = tmp_path / "mirror"
    target = fake_mirror / FILE.key
    target.parent.mkdir(parents=True)
    target.write_text("year,date\n1946,2/16/1946\n")
    with pytest.raises(IntegrityError) as caught:
        sources.fetch(FILE, mirror=fake_mirror, cache=tmp_path / "cache")
    message = str(caught.value)
    assert FILE.sha256 in message and sources.sha256_of(target) in message
    assert FILE.path.split("/")[-1] in message
    assert not (tmp_path / "cache" / "raw" / FILE.key).exists()
    assert not list((tmp_path / "cache" / "raw").rglob("*.part"))


def test_tampered_cache_file_is_deleted_by_verify(tmp_path, mirror):
    path = sources.fetch(FILE, mirror=mirror, cache=tmp_path)
    path.write_bytes(path.read_bytes()[:-10])
    assert sources.verify(FILE, cache=tmp_path) == "MISMATCH"
    assert not path.exists()


def test_missing_from_mirror_names_file_and_url(tmp_path):
    with pytest.raises(DataUnavailableError, match="not in the mirror") as caught:
        sources.fetch(FILE, mirror=tmp_path / "empty", cache=tmp_path / "cache")
    assert FILE.url in str(caught.value)


def test_offline_without_mirror_names_url_and_mirror_option(tmp_path, monkeypatch):
    monkeypatch.delenv("UNLEARN_DATA_MIRROR", raising=False)
    monkeypatch.setenv("UNLEARN_DATA_URL", "http://127.0.0.1:9")  # a closed port: no network
    monkeypatch.setattr(sources.time, "sleep", lambda s: None)
    with pytest.raises(DataUnavailableError) as caught:
        sources.fetch(FILE, cache=tmp_path, progress=False)
    message = str(caught.value)
    assert "127.0.0.1:9" in message and "UNLEARN_DATA_MIRROR" in message and FILE.path in message


def test_unwritable_cache_is_explained(tmp_path, mirror):
    """A cache folder that cannot be written (here a file stands where it should be: this holds
    even for root, who can write into read-only folders) names the fix."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(DataUnavailableError, match="cannot be written"):
        sources.fetch(FILE, mirror=mirror, cache=blocker / "cache")


def test_every_pinned_file_is_in_the_mirror_with_its_hash(mirror):
    lines = (mirror / "SHA256SUMS").read_text().splitlines()
    sums = {path: digest for digest, path in (line.split(None, 1) for line in lines)}
    for f in sources.upstream_files():
        assert sums[f"{f.owner}/{f.repo}/{f.commit}/{f.path}"] == f.sha256


def test_every_source_has_licence_citation_and_coverage():
    for source in sources.sources().values():
        assert source.licence and source.citation and source.covers


def test_a_cached_file_changed_after_download_is_fetched_again(tmp_path, capfd):
    """The next build must not read a raw file altered in the cache (its key only hashes the pins)."""
    mirror = Path(__file__).resolve().parents[2] / "shared" / "un-data"
    small = min(sources.upstream_files(), key=lambda f: (mirror / f.key).stat().st_size)
    path = sources.fetch(small, mirror=mirror, cache=tmp_path)
    path.write_bytes(path.read_bytes() + b"\n1,2,3\n")
    again = sources.fetch(small, mirror=mirror, cache=tmp_path)
    assert sources.sha256_of(again) == small.sha256
    assert "has changed since it was fetched" in capfd.readouterr().err
