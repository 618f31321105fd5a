"""A full disk, for real: a tiny tmpfs mounted as the cache (CI runs as root, which may mount).

A download or a build that runs out of room stops with one message naming the folder and the
room needed, and leaves no temporary file or folder behind.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from unlearn.data import cache, sources
from unlearn.errors import DataUnavailableError

MIRROR = Path(os.environ.get("UNLEARN_DATA_MIRROR", Path(__file__).resolve().parents[2] / "shared" / "un-data"))


@pytest.fixture
def tiny_disk(tmp_path):
    """A 256 KiB filesystem at tmp_path/disk, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], check=True)
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith(".part") or p.name.startswith(".building-")]


def test_a_download_onto_a_full_disk_says_so_and_leaves_nothing(tiny_disk):
    big = next(f for f in sources.upstream_files() if f.size > 2**20)
    with pytest.raises(DataUnavailableError, match="No space left on the disk holding") as caught:
        sources.fetch(big, mirror=MIRROR, cache=tiny_disk)
    assert str(tiny_disk) in str(caught.value) and "MB more" in str(caught.value)
    assert _temporaries(tiny_disk) == []


@pytest.mark.slow
def test_a_build_onto_a_full_disk_says_so_and_leaves_nothing(tmp_path, tiny_disk):
    root = tmp_path / "cache"
    (root / "tables").parent.mkdir(parents=True)
    (root / "tables").symlink_to(tiny_disk)  # the raw files fit on the real disk, the tables do not
    cache.forget()
    with pytest.raises(DataUnavailableError, match="No space left on the disk holding"):
        cache.ensure_built(cache=root, mirror=MIRROR)
    assert _temporaries(tiny_disk) == []
    cache.forget()
