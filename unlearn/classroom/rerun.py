"""Re-running the lesson notebooks in place, so that their saved outputs (what nbval compares)
follow the data and the code.

Layer: classroom tooling.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from ..errors import UnlearnError
from .notebooks import NOTEBOOKS, is_packaged, notebook_paths


def execute_in_place(paths: list[str | Path] | None = None, timeout: int = 600) -> list[Path]:
    """Re-run notebooks top to bottom and save their outputs (what nbval then compares).

    Run this after a change that moves a taught number, review the diff, and commit it.
    Without *paths* it re-runs the checkout's notebooks; an installed unlearn refuses, since
    its copy lives in site-packages, which is not to be written.
    """
    if not paths and is_packaged(NOTEBOOKS):
        raise UnlearnError(f"the installed notebooks ({NOTEBOOKS}) are not re-run in place; name the notebooks to run")
    from nbclient import NotebookClient

    done = []
    for path in [Path(p) for p in paths] if paths else notebook_paths(NOTEBOOKS):
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(
            notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        nbformat.write(notebook, path)
        done.append(path)
    return done
