"""Executing the whole notebook sequence (target: under 3 minutes on a 2-core machine).

Baseline, timed in the same run: starting a kernel and importing unlearn once per notebook,
with no notebook content, i.e. the fixed cost every notebook pays. The ratio says how much of
the time the lessons themselves take.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))


def run(notebook: nbformat.NotebookNode, folder: Path) -> float:
    started = time.perf_counter()
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return time.perf_counter() - started


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import unlearn

    unlearn.data.cache.ensure_built()
    folder = ROOT / "notebooks"
    total = baseline = 0.0
    for path in sorted(folder.glob("*.ipynb")):
        seconds = run(nbformat.read(path, as_version=4), folder)
        empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import unlearn")])
        fixed = run(empty, folder)
        total, baseline = total + seconds, baseline + fixed
        print(f"{path.name:40} {seconds:6.1f} s   (kernel + import alone {fixed:4.1f} s)")
    print(f"{'whole sequence':40} {total:6.1f} s   (target < 180 s)")
    print(f"{'baseline: kernel + import per notebook':40} {baseline:6.1f} s")
    print(f"ratio sequence / baseline ................ {total / baseline:6.2f}x")


if __name__ == "__main__":
    main()
