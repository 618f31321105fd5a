"""Shared fixtures. The environment (mirror, cache folder) is set in the root conftest.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def mirror() -> Path:
    path = Path(os.environ["UNLEARN_DATA_MIRROR"])
    assert (path / "SHA256SUMS").is_file(), f"the data mirror is missing at {path}"
    return path


@pytest.fixture(scope="session")
def built(mirror):
    """The real tables, built once per session from the mirror."""
    from unlearn.data import cache

    return cache.ensure_built()
