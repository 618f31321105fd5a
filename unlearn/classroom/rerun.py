"""Re-running the lesson notebooks in place, so that their saved outputs (what nbval compares)
follow the data and the code.

Layer: classroom tooling.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from .notebooks import NOTEBOOKS


def execute_in_place(paths: list[str | Path] | None = None, timeout: int = 600) -> list[Path]:
    """Re-run notebooks top to bottom and save their outputs (what nbval then compares).

    Run this after a change that moves a taught number, review the diff, and commit it.
    """
    from nbclient import NotebookClient

    done = []
    for path in [Path(p) for p in paths] if paths else sorted(NOTEBOOKS.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(
            notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        nbformat.write(notebook, path)
        done.append(path)
    return done
