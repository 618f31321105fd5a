"""Data layer: a cold build from the raw files, and warm loads of the tidy tables.

Targets (issue 2): warm ``ga_votes()`` under 0.5 s and 150 MB; a cold build under 30 s.
Baseline: what a notebook without the cache would do each time, i.e. read Voeten's votes from
the .rda file with pyreadr (the fastest reader) and parse the DGACM JSON extract.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import median_seconds  # benchmarks/timing.py: run as python benchmarks/...

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))




def cold_build_seconds() -> float:
    with tempfile.TemporaryDirectory() as folder:
        code = "from unlearn.data import cache; cache.ensure_built()"
        env = {**os.environ, "UNLEARN_CACHE_DIR": folder}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
        return time.perf_counter() - started


def warm_load_in_fresh_process() -> tuple[float, float]:
    """Seconds and peak MB for ``ga_votes()`` read from the parquet cache in a new process."""
    code = (
        "import resource, time, unlearn\n"
        "unlearn.data.cache.ensure_built()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t = time.perf_counter(); v = unlearn.ga_votes(); dt = time.perf_counter() - t\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(dt, (after - before) / 1024, v.memory_usage(deep=True).sum() / 2**20)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, peak_mb, frame_mb = map(float, out.stdout.split())
    return seconds, peak_mb, frame_mb


def baseline_seconds() -> float:
    from unlearn.ingest import dgacm, voeten

    from unlearn.data import sources

    rda = sources.fetch(sources.upstream_file("voeten", "data/un_votes.rda"))
    extracts = [sources.fetch(f) for f in sources.upstream_files("dgacm_ga") if f.path.endswith(".json")]
    return median_seconds(lambda: (voeten.votes(rda), dgacm.ga_records(extracts)), 3)


def main() -> None:
    import unlearn

    unlearn.data.cache.ensure_built()
    cold = cold_build_seconds()
    warm, peak_mb, frame_mb = warm_load_in_fresh_process()
    memo = median_seconds(unlearn.ga_votes, 20)
    base = baseline_seconds()
    rows = len(unlearn.ga_votes())
    print(f"cold build from the raw files ............ {cold:7.2f} s   (target < 30 s)")
    print(f"warm ga_votes(), fresh process ({rows:,} rows) {warm:7.3f} s   (target < 0.5 s)")
    print(f"  peak memory added {peak_mb:6.1f} MB, the frame itself {frame_mb:5.1f} MB (target < 150 MB)")
    print(f"ga_votes() again, same process ........... {memo * 1e3:7.3f} ms")
    print(f"baseline: parse .rda + DGACM JSON each time {base:7.3f} s")
    print(f"ratio baseline / warm load ............... {base / warm:7.1f}x")
    print(f"ratio baseline / cold build .............. {base / cold:7.2f}x (the build does far more)")


if __name__ == "__main__":
    main()
