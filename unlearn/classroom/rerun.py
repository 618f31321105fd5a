"""Re-running the lesson notebooks in place, so that their saved outputs (what nbval compares)
follow the data and the code.

Layer: classroom tooling.

A headless run has no widget front end, and a kernel message it waits for may never come (a
run stalled about once in 30 right after a widget cell). So every cell gets a deadline of its
own, and a cell that passes it stops the run with one line naming the notebook, the cell's
index and its first line, instead of hanging until the whole run is killed.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from ..errors import UnlearnError
from .notebooks import NOTEBOOKS, is_packaged, notebook_paths

CELL_TIMEOUT = 300
"""Seconds one cell may run (the slowest lesson cell, a cold table build, takes about 10 s)."""
IOPUB_TIMEOUT = 10
"""Seconds to wait for a cell's last outputs after the kernel said it finished."""


def execute_in_place(paths: list[str | Path] | None = None, timeout: int = CELL_TIMEOUT) -> list[Path]:
    """Re-run notebooks top to bottom and save their outputs (what nbval then compares).

    Run this after a change that moves a taught number, review the diff, and commit it.
    Without *paths* it re-runs the checkout's notebooks; an installed unlearn refuses, since
    its copy lives in site-packages, which is not to be written.
    """
    if not paths and is_packaged(NOTEBOOKS):
        raise UnlearnError(f"the installed notebooks ({NOTEBOOKS}) are not re-run in place; name the notebooks to run")
    done = []
    for path in [Path(p) for p in paths] if paths else notebook_paths(NOTEBOOKS):
        notebook = nbformat.read(path, as_version=4)
        execute(notebook, path, timeout=timeout)
        nbformat.write(notebook, path)
        done.append(path)
    return done


def execute(notebook: nbformat.NotebookNode, path: Path, timeout: int = CELL_TIMEOUT) -> nbformat.NotebookNode:
    """Execute *notebook* (read from *path*, run in its folder), each cell with *timeout*
    seconds; a cell past it raises :class:`UnlearnError` naming it (:func:`cell_name`)."""
    client = _client_naming_cells(path)(
        notebook,
        timeout=timeout,
        iopub_timeout=IOPUB_TIMEOUT,
        raise_on_iopub_timeout=False,  # outputs that come late are lost, the run goes on
        kernel_name="python3",
        resources={"metadata": {"path": str(Path(path).parent)}},
    )
    return client.execute()


def _client_naming_cells(path: Path):
    """nbclient's NotebookClient whose cell timeout says which cell of *path* it was."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError

    class NamingClient(NotebookClient):
        async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
            try:
                return await super().async_execute_cell(cell, cell_index, *args, **kwargs)
            except CellTimeoutError:
                raise UnlearnError(
                    f"{cell_name(path, cell_index, cell)} did not finish within {self.timeout} s; nothing was "
                    "saved (run it in JupyterLab to see where it waits, or allow more with --timeout)"
                ) from None

    return NamingClient


def cell_name(path: str | Path, index: int, cell) -> str:
    """How a message names a cell: notebook, index and first line.

    >>> cell_name("notebooks/03_x.ipynb", 19, {"source": "VetoTimeline(subject='Syria')\\nmore"})
    "03_x.ipynb cell 19 (VetoTimeline(subject='Syria'))"
    """
    lines = [line for line in cell["source"].splitlines() if line.strip()]
    first = lines[0].strip() if lines else ""
    return f"{Path(path).name} cell {index} ({first[:80]})"
