"""Memory per active user of a real hub: the server plus the kernel after lesson 03.

Runs the multi-user hub test (tests/test_hub.py: three Unix accounts, JupyterHub from
docs/hub/jupyterhub_config.py, each student runs their copy of lesson 03 in Chromium), which
prints each student's PSS split into kernel and server once every cell has run. Root only,
as the test. The baseline in the same run is the kernel's share: the server is what JupyterLab
costs whatever the lesson, the kernel is what unlearn and the lesson cost.

    python benchmarks/bench_hub.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "hub memory per active user (server + kernel), PSS MB:"


def main() -> int:
    os.environ.setdefault("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:randomly", "tests/test_hub.py"],
        cwd=ROOT, capture_output=True, text=True,
    )
    line = next((part for part in ran.stdout.splitlines() if MARK in part), None)
    if ran.returncode or line is None:
        print(ran.stdout[-3000:], ran.stderr[-2000:], sep="\n")
        return 1
    users = json.loads(line.split(MARK, 1)[1])
    for name, parts in users.items():
        print(f"{name:18} server {parts['server']:6.1f} MB  kernel {parts['kernel']:6.1f} MB  "
              f"total {parts['total']:6.1f} MB PSS")
    total = statistics.median(p["total"] for p in users.values())
    kernel = statistics.median(p["kernel"] for p in users.values())
    print(f"median per active user {total:.0f} MB PSS; kernel share {kernel / total:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
