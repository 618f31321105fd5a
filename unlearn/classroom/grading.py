"""nbgrader's autograder as the unlearn course runs it: a deadline per cell, and a cell that
passes it named in the student's feedback (notebook, cell index, first line).

Layer: classroom tooling. Needs nbgrader (``pip install "unlearn[classroom]"``); the course
folder's ``nbgrader_config.py`` (written by :mod:`.assignment`) imports this module.
"""

from __future__ import annotations

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    Execute,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)

from .rerun import IOPUB_TIMEOUT, SlicedPolling, cell_name

CELL_TIMEOUT = 120
"""Seconds one cell of a submission may run under the autograder (a lesson cell takes < 15 s)."""


class NamingExecute(SlicedPolling, Execute):
    """nbgrader's Execute, whose timeout error names the cell, and which polls the kernel's
    replies in slices (:class:`.rerun.SlicedPolling`: the stall after widget cells)."""

    def preprocess(self, nb, resources=None, km=None):
        self._notebook_name = f"{(resources or {}).get('unique_key', 'notebook')}.ipynb"
        self.iopub_timeout = IOPUB_TIMEOUT
        self.raise_on_iopub_timeout = False
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        # nbconvert runs each cell through here (not through async_execute_cell)
        where = cell_name(self._notebook_name, index, cell)
        message = f"{where} did not finish within {self.timeout} s"
        self.error_on_timeout = {
            "ename": "CellTimeoutError",
            "evalue": message,
            "traceback": [f"CellTimeoutError: {message}"],
        }
        return super().preprocess_cell(cell, resources, index)


AUTOGRADE_PREPROCESSORS = [
    NamingExecute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
"""nbgrader's own list (nbgrader.converters.autograde.Autograde), with Execute replaced."""
