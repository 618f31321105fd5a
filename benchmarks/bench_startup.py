"""What a student costs a hub: start-up, memory per kernel, N students at once.

    python benchmarks/bench_startup.py import          # import unlearn vs the eager stack
    python benchmarks/bench_startup.py kernel [NN ...] # kernel PSS after each whole lesson
    python benchmarks/bench_startup.py kernel --against OLD [NN ...]  # and with OLD's package
    python benchmarks/bench_startup.py users 1 4 8     # N students open the simulator at once

Every figure is printed with a baseline measured in the same run:

- ``import``: a fresh ``python -c "import unlearn"`` against one importing what unlearn used
  to load eagerly (pandas, matplotlib, seaborn, ipywidgets). Targets: under 0.3 s, under 80 MB.
- ``kernel``: the PSS of a kernel after running a whole lesson (nbclient, the real notebook),
  against a kernel that only imported that eager stack. Target: under 200 MB. Its anonymous
  part (``Pss_Anon``: the kernel's own data) is printed too: the rest, the libraries' pages,
  shrinks as more processes on the machine map them, so PSS drifts with the machine's load.
  ``kernel --against DIR [NN ...]`` runs each lesson also with the package in *DIR* (an
  export of an older commit), right before, so that before and after share one run.
- ``users``: N processes started in the same instant, each a student opening the simulator
  from the shared cache (import, load the tables, build the widget): the wall time until the
  last one has its widget, and each one's PSS then; against N = 1 in the same run. PSS (not
  RSS) counts a shared library page once across the processes that map it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
EAGER = "import pandas, matplotlib, matplotlib.pyplot, seaborn, ipywidgets"
MB = 2**20

# A child that imports, then reports its own wall time and peak RSS / current PSS.
MEASURE = """
import time, resource, json, psutil
started = time.perf_counter()
{code}
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "pss_mb": psutil.Process().memory_full_info().pss / 2**20}}))
"""


def _child(code: str) -> dict:
    ran = subprocess.run([sys.executable, "-c", MEASURE.format(code=code)], capture_output=True, text=True, check=True)
    return json.loads(ran.stdout.strip().splitlines()[-1])


def bench_import(repeat: int = 7) -> None:
    for label, code in (("import unlearn", "import unlearn"), ("eager baseline", EAGER)):
        runs = [_child(code) for _ in range(repeat)]
        seconds = statistics.median(r["seconds"] for r in runs)
        rss = statistics.median(r["rss_mb"] for r in runs)
        print(f"{label:16} {seconds:6.3f} s  {rss:6.1f} MB peak RSS  (median of {repeat})")
        if label == "import unlearn":
            mine = (seconds, rss)
    print(f"ratio unlearn/baseline: time {mine[0] / seconds:.3f}, memory {mine[1] / rss:.3f}")


def _rollup(pid: int) -> dict[str, float]:
    """The kernel's /proc smaps_rollup, in MB (Pss, Pss_Anon, Pss_File, ...)."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        fields[key] = int(value.split()[0]) / 1024
    return fields


def _kernel_pss(cells: list[str] | None, path: Path | None, package: Path = ROOT) -> tuple[float, float]:
    """PSS and its anonymous part of the kernel after running *path* (a notebook) or *cells*,
    in its own folder, with the package found in *package*."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4) if path else nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(c) for c in cells]
    )
    folder = path.parent if path else ROOT / "notebooks"
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    path_before = os.environ["PYTHONPATH"]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(package), path_before])  # the kernel inherits it
    try:
        with client.setup_kernel():
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
            rollup = _rollup(client.km.provisioner.process.pid)
            return rollup["Pss"], rollup["Pss_Anon"]
    finally:
        os.environ["PYTHONPATH"] = path_before


def bench_kernel(numbers: list[str]) -> None:
    against = None
    if numbers[:1] == ["--against"]:
        against, numbers = Path(numbers[1]).resolve(), numbers[2:]
    baseline, baseline_anon = _kernel_pss([EAGER], None)
    print(f"{'eager-stack kernel':34} {baseline:6.1f} MB PSS ({baseline_anon:5.1f} anonymous)")
    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in lessons:
        if numbers and path.name[:2] not in numbers:
            continue
        for label, package in ([("before", against)] if against else []) + [("", ROOT)]:
            pss, anon = _kernel_pss(None, path, package)
            flag = "ok" if pss < 200 else "OVER 200 MB"
            print(
                f"{path.stem:28} {label:6} {pss:6.1f} MB PSS ({anon:5.1f} anonymous)  ratio {pss / baseline:.2f}  {flag}",
                flush=True,
            )


STUDENT = """
import time, json, psutil, sys
start_at = float(sys.argv[1])
time.sleep(max(0.0, start_at - time.time()))  # all start in the same instant
started = time.time()
import unlearn
widget = unlearn.SecurityCouncilSimulator()
print(json.dumps({"seconds": time.time() - started, "done": time.time(),
                  "pss_mb": psutil.Process().memory_full_info().pss / 2**20}))
"""


def _students(n: int) -> dict:
    start_at = time.time() + 2.0
    processes = [
        subprocess.Popen([sys.executable, "-c", STUDENT, str(start_at)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for _ in range(n)
    ]
    results, failed = [], 0
    for process in processes:
        out, err = process.communicate(timeout=900)
        if process.returncode:
            failed += 1
            print(f"  a student failed: {err.strip().splitlines()[-1:]}", file=sys.stderr)
        else:
            results.append(json.loads(out.strip().splitlines()[-1]))
    return {
        "n": n, "failed": failed,
        "all_done_s": max(r["done"] for r in results) - start_at if results else float("nan"),
        "median_s": statistics.median(r["seconds"] for r in results),
        "pss_mb": statistics.median(r["pss_mb"] for r in results),
    }


def bench_users(counts: list[int]) -> None:
    """N students at once; needs the shared cache (UNLEARN_SHARED_CACHE) or a built cache."""
    import unlearn

    unlearn.data.cache.ensure_built()
    one = _students(1)
    print(f"baseline N=1: first widget after {one['median_s']:.1f} s, {one['pss_mb']:.0f} MB PSS")
    for n in counts:
        row = _students(n)
        print(
            f"N={n:3}: all have a widget after {row['all_done_s']:6.1f} s (median {row['median_s']:5.1f} s, "
            f"ratio to N=1 {row['all_done_s'] / one['median_s']:5.1f}), {row['pss_mb']:5.0f} MB PSS each "
            f"(ratio {row['pss_mb'] / one['pss_mb']:.2f}), {row['failed']} failed",
            flush=True,
        )


def main(argv: list[str]) -> None:
    what, rest = (argv[0], argv[1:]) if argv else ("import", [])
    if what == "import":
        bench_import()
    elif what == "kernel":
        bench_kernel(rest)
    elif what == "users":
        bench_users([int(n) for n in rest] or [1, 4, 8])
    else:
        sys.exit(f"bench_startup.py: unknown part {what!r}; one of import, kernel, users")


if __name__ == "__main__":
    main(sys.argv[1:])
