"""What a lesson kernel keeps in memory: a hub is sized by it (issue 13, under 200 MB PSS).

The kernel's memory is measured in benchmarks/bench_startup.py, never here; these check the
behaviours that keep it down, on the real tables: pyarrow allocating with the system's malloc
(its default pool kept 30-50 MB it had freed), and lesson functions that work on the vote
matrix instead of a million-row frame of Python strings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pool_after_reading(pool_variable: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    if pool_variable:
        env["ARROW_DEFAULT_MEMORY_POOL"] = pool_variable
    code = "import unlearn, pyarrow; unlearn.ga_votes(); print(pyarrow.default_memory_pool().backend_name)"
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.strip()


def test_reading_a_table_makes_pyarrow_allocate_with_the_system_malloc(built):
    assert _pool_after_reading(None) == "system"  # mimalloc, pyarrow's default, kept what it freed


def test_a_pool_the_kernel_chose_is_kept(built):
    assert _pool_after_reading("jemalloc") == "jemalloc"


def test_yes_share_by_group_allocates_far_less_than_the_votes_as_strings(built):
    from unlearn.analysis._matrix import vote_matrix
    from unlearn.lessons import yes_share_by_group

    vote_matrix()  # shared with how_voted and the agreement functions: built once per kernel
    tracemalloc.start()
    try:
        yes_share_by_group()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20  # the million iso3 strings merged with the groups peaked at 137 MB
