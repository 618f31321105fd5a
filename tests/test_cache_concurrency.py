"""A class opening the first notebook at once, and a build killed half-way: real processes.

Twenty processes build one fresh cache at the same moment: one builds, the others wait and
read its tables, and no temporary folder is left. A build killed with SIGKILL at random
moments (while fetching, parsing or writing) leaves no half-written table that a later load
would read: the next process builds and loads every table, and clears the dead build's
temporary folder.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIRROR = os.environ.get("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))
TABLES = ("countries", "ga_roll_calls", "ga_votes", "sc_resolutions", "sc_votes", "vetoes")

LOAD_ALL = f"import unlearn\nprint(' '.join(str(len(getattr(unlearn, n)())) for n in {TABLES!r}))\n"


def _env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNLEARN_")}
    env.update(UNLEARN_CACHE_DIR=str(cache), UNLEARN_DATA_MIRROR=MIRROR, PYTHONPATH=str(ROOT))
    return env


def _leftovers(cache: Path) -> list[str]:
    """Temporary files or folders of a build or a download that nobody will finish."""
    return sorted(
        str(p.relative_to(cache))
        for p in cache.rglob("*")
        if p.name.startswith(".building-") or p.name.endswith(".part") or ".tmp" in p.name
    )


@pytest.mark.slow
def test_twenty_processes_build_one_fresh_cache(tmp_path):
    cache = tmp_path / "cache"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", LOAD_ALL], env=_env(cache), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(20)
    ]
    results = [p.communicate(timeout=900) for p in procs]
    assert [p.returncode for p in procs] == [0] * 20, [err[-500:] for _, err in results if err]
    counts = {out.strip() for out, _ in results}
    assert len(counts) == 1, counts  # every process read the same tables
    builds = [p for p in (cache / "tables").iterdir() if p.is_dir()]
    assert len(builds) == 1 and (builds[0] / "manifest.json").is_file()
    assert _leftovers(cache) == []


@pytest.mark.slow
def test_a_build_killed_at_random_moments_never_leaves_a_broken_cache(tmp_path):
    cache = tmp_path / "cache"
    rng = random.Random(20250224)
    # three moments: while copying the raw files and parsing (a random time in the first
    # seconds), and the instant the build starts writing its tables (its temporary folder
    # appears), the one moment a half-written build exists on disk
    for moment in (rng.uniform(0.3, 1.5), rng.uniform(2.0, 6.0), "writing"):
        proc = subprocess.Popen(
            [sys.executable, "-c", "from unlearn.data import cache; cache.ensure_built()"],
            env=_env(cache),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if moment == "writing":
            deadline = time.monotonic() + 300
            while not list((cache / "tables").glob(".building-*")) and time.monotonic() < deadline:
                time.sleep(0.005)
            assert list((cache / "tables").glob(".building-*")), "the build never started writing"
        else:
            time.sleep(moment)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        # whatever the killed process left, the next one loads every table
        done = subprocess.run(
            [sys.executable, "-c", LOAD_ALL], env=_env(cache), capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert len(done.stdout.split()) == len(TABLES)
        assert _leftovers(cache) == []
        for build in (cache / "tables").iterdir():
            if build.is_dir():
                assert (build / "manifest.json").is_file(), f"{build} is a build without its manifest"
        # start the next round from raw files only, so that each kill interrupts a build
        for build in (cache / "tables").iterdir():
            if build.is_dir():
                subprocess.run(["rm", "-rf", str(build)], check=True)
