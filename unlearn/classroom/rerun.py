"""Re-running the lesson notebooks in place, so that their saved outputs (what nbval compares)
follow the data and the code.

Layer: classroom tooling.

Why headless runs stalled right after widget cells (about once in 20 runs of notebook 03, on
the Security Council simulator's cell): nbclient waits for the kernel's execute_reply with one
asyncio poll of the shell socket. A widget cell sends a burst of comm messages on the IOPub
socket while the reply arrives, and zmq's edge-triggered wake-up for the shell socket can be
missed then: the reply sits in the socket, unread, until the poll's timeout (a run with a
60 s cell timeout measured that cell at 60.0 s and then carried on with its output intact;
with no timeout it would wait for ever). Nothing in unlearn's widgets waits for a front end:
they never block on a comm reply.

So the client here (:class:`SlicedPolling`) polls the shell socket in short slices, each of
which looks at the socket afresh, so a missed wake-up costs at most one slice; and every cell
still has a deadline of its own, and a cell that passes it stops the run with one line naming
the notebook, the cell's index and its first line.
"""

from __future__ import annotations

from pathlib import Path
from queue import Empty
from time import monotonic

import nbformat

from ..errors import UnlearnError
from .notebooks import NOTEBOOKS, is_packaged, notebook_paths

CELL_TIMEOUT = 300
"""Seconds one cell may run (the slowest lesson cell, a cold table build, takes about 10 s)."""
IOPUB_TIMEOUT = 10
"""Seconds to wait for a cell's last outputs after the kernel said it finished."""
POLL_SLICE = 0.5
"""Seconds of one poll of the shell socket: the most a missed wake-up can cost."""


class SlicedPolling:
    """Mixin for nbclient's NotebookClient (and nbgrader's Execute, a subclass of it): the
    kernel client's shell channel is polled in slices of :data:`POLL_SLICE` seconds."""

    async def async_start_new_kernel_client(self):
        client = await super().async_start_new_kernel_client()
        poll_in_slices(client.shell_channel)
        return client


def poll_in_slices(channel, slice_seconds: float = POLL_SLICE) -> None:
    """Make *channel*.get_msg(timeout) wait in polls of at most *slice_seconds*: a fresh poll
    sees a message already in the socket even when the wake-up for it was missed."""
    whole_wait = channel.get_msg

    async def get_msg(timeout: float | None = None):
        deadline = None if timeout is None else monotonic() + timeout
        while True:
            left = slice_seconds if deadline is None else max(0.0, deadline - monotonic())
            try:
                return await whole_wait(timeout=min(slice_seconds, left))
            except Empty:
                if deadline is not None and monotonic() >= deadline:
                    raise

    channel.get_msg = get_msg


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

    class NamingClient(SlicedPolling, NotebookClient):
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
