"""Autograding a class: 30 submissions of one assignment through nbgrader (target: under
2 minutes on this project's 2-core machine).

Baseline, timed in the same run: executing the same 30 submitted notebooks with nbclient
directly (what any grader must at least do). The ratio is nbgrader's overhead: its database,
copying, hidden tests put back, and the checks themselves.

    python benchmarks/bench_grading.py [ASSIGNMENT] [N]     # default 01_un_bodies 30
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))
ENV = {
    **os.environ,
    "PYTHONPATH": str(ROOT),
    "MPLBACKEND": "Agg",
    "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
}


def nbgrader(course: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=ENV, check=True, capture_output=True)


def submissions(course: Path, name: str, count: int) -> list[Path]:
    """*count* students' submissions: the released notebook filled with the solutions."""
    source = nbformat.read(course / "source" / name / f"{name}.ipynb", as_version=4)
    answer = {
        c.metadata["nbgrader"]["grade_id"]: c.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    released = nbformat.read(course / "release" / name / f"{name}.ipynb", as_version=4)
    for cell in released.cells:
        if (grade_id := cell.metadata.get("nbgrader", {}).get("grade_id")) in answer:
            cell.source = re.sub(r"^# YOUR CODE HERE.*$", lambda _: answer[grade_id], cell.source, flags=re.M)
    paths = []
    for index in range(count):
        folder = course / "submitted" / f"student{index:02d}" / name
        folder.mkdir(parents=True)
        nbformat.write(released, folder / f"{name}.ipynb")
        paths.append(folder / f"{name}.ipynb")
    return paths


def baseline(paths: list[Path]) -> list[float]:
    """Seconds per notebook, run by nbclient as it comes (its stall after widget cells, see
    unlearn.classroom.rerun, costs a whole cell timeout when it strikes)."""
    from nbclient import NotebookClient

    times = []
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        started = time.perf_counter()
        NotebookClient(
            notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "01_un_bodies"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    sys.path.insert(0, str(ROOT))
    from unlearn.classroom.assignment import write_course
    from unlearn.data import cache

    cache.ensure_built()
    with tempfile.TemporaryDirectory() as folder:
        course = Path(folder)
        write_course(course, [name])
        nbgrader(course, "generate_assignment", name, "--force")
        paths = submissions(course, name, count)
        started = time.perf_counter()
        nbgrader(course, "autograde", name, "--create")
        graded = time.perf_counter() - started
        each = baseline(paths)
        plain = sum(each)
    print(f"autograde {count} submissions of {name:28} {graded:6.1f} s   (target < 120 s)")
    print(f"baseline: nbclient runs the same {count} notebooks {plain:6.1f} s")
    print(f"  (median notebook {statistics.median(each):.1f} s, slowest {max(each):.1f} s)")
    print(f"ratio autograde / baseline ............................ {graded / plain:6.2f}x")


if __name__ == "__main__":
    main()
