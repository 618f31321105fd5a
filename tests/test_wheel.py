"""unlearn installed from its wheel, far from any checkout: the notebooks come with it, the
commands find them, a student copy runs, and nothing is written into site-packages.

The new environment reaches this environment's dependencies through a ``.pth`` file written
after the wheel is installed (as ``--system-site-packages`` would, but this environment may
itself be a venv), so nothing is downloaded; the test checks that the ``unlearn`` imported,
by the command and by the notebook's kernel, is the wheel's and not this checkout's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))

RUN_NOTEBOOK = """
import sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

path = Path(sys.argv[1])
notebook = nbformat.read(path, as_version=4)
notebook.cells.append(nbformat.v4.new_code_cell("import unlearn; print(unlearn.__file__)"))
resources = {"metadata": {"path": str(path.parent)}}
NotebookClient(notebook, timeout=600, kernel_name="python3", resources=resources).execute()
print(notebook.cells[-1].outputs[0]["text"].strip())
"""


def run(command: list, cwd: Path, env: dict, expect: int = 0) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == expect, f"{command}: {result.stdout[-2000:]}{result.stderr[-3000:]}"
    return result


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under *folder* with its size and modification time (bytecode caches aside)."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A new venv holding the wheel built from this checkout; its bin folder, site-packages and env."""
    work = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work / "dist", ROOT], work, dict(os.environ))
    (wheel,) = (work / "dist").glob("unlearn-*.whl")
    run([sys.executable, "-m", "venv", "--without-pip", work / "venv"], work, dict(os.environ))
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--force-reinstall"]
    run([*pip, wheel], work, dict(os.environ))
    ask = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = Path(run([python, "-c", ask], work, {}).stdout.strip())
    here = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (purelib / "zz_dependencies.pth").write_text("\n".join(here) + "\n", encoding="utf-8")
    (work / "home").mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "UNLEARN_SHARED_CACHE")}
    env.update(
        PATH=os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), env.get("PATH", "")]),
        HOME=str(work / "home"),
        UNLEARN_DATA_MIRROR=os.environ["UNLEARN_DATA_MIRROR"],
        UNLEARN_CACHE_DIR=str(work / "cache"),
        MPLBACKEND="Agg",
    )
    return work, bin_dir, purelib, env


def test_the_installed_wheel_has_its_notebooks_and_writes_nothing_into_site_packages(installed):
    work, bin_dir, purelib, env = installed
    before = snapshot(purelib)
    where = run([bin_dir / "python", "-c", "import unlearn; print(unlearn.__file__)"], work, env).stdout
    assert Path(where.strip()).is_relative_to(purelib), where

    assert "notebooks" in run([bin_dir / "unlearn", "--help"], work, env).stdout
    lab_help = run([bin_dir / "unlearn", "lab", "--help"], work, env).stdout
    assert "--dir" in lab_help and "passed on to jupyter lab" in lab_help

    out = run([bin_dir / "unlearn", "notebooks", "student", work / "class"], work, env).stdout
    assert f"Wrote {len(NOTEBOOKS)} student notebooks" in out
    assert sorted(p.name for p in (work / "class").glob("*.ipynb")) == NOTEBOOKS
    assert (work / "class" / "glossary.md").is_file()

    run([bin_dir / "unlearn", "lab", "--dir", work / "lab", "--version"], work, env)  # copies, then jupyter exits
    assert sorted(p.name for p in (work / "lab").glob("*.ipynb")) == NOTEBOOKS
    assert (work / "lab" / "glossary.md").is_file()

    # the homework sets ship too: an nbgrader course from the wheel alone holds lessons and homework
    run([bin_dir / "unlearn", "notebooks", "assignment", work / "course", "--only", "01", "hw01"], work, env)
    written = sorted(p.relative_to(work / "course" / "source").as_posix()
                     for p in (work / "course" / "source").glob("*/*.ipynb"))
    assert [w.split("/")[0] for w in written] == ["01_un_bodies", "hw01_un_bodies"], written
    assert (work / "course" / "nbgrader_config.py").is_file()

    kernel = run([bin_dir / "python", "-c", RUN_NOTEBOOK, work / "class" / NOTEBOOKS[0]], work, env).stdout
    assert Path(kernel.strip().splitlines()[-1]).is_relative_to(purelib), kernel[-500:]
    assert snapshot(purelib) == before
