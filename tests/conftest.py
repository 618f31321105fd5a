"""Shared test set-up: the real tables come from the offline mirror (../shared/un-data).

Tests read the data from the mirror unless UNLEARN_DATA_MIRROR is already set; the cache goes
to .cache/unlearn in the checkout unless UNLEARN_CACHE_DIR is set (both as .ci/run does).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIRROR = ROOT.parent / "shared" / "un-data"

os.environ.setdefault("UNLEARN_DATA_MIRROR", str(MIRROR))
os.environ.setdefault("UNLEARN_CACHE_DIR", str(ROOT / ".cache" / "unlearn"))
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def mirror() -> Path:
    path = Path(os.environ["UNLEARN_DATA_MIRROR"])
    assert (path / "SHA256SUMS").is_file(), f"the data mirror is missing at {path}"
    return path


@pytest.fixture(scope="session")
def built(mirror):
    """The real tables, built once per session from the mirror."""
    from unlearn import cache

    return cache.ensure_built()
