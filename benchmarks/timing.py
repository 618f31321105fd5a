"""The one timing rule every benchmark here uses: the median wall time of several runs."""

from __future__ import annotations

import statistics
import time


def median_seconds(fn, repeat: int) -> float:
    """Median wall-clock seconds of *repeat* calls of *fn* (the median shrugs off a noisy run)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
