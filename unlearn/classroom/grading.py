"""nbgrader's autograder as the unlearn course runs it: a deadline per cell, and a cell that
passes it named in the student's feedback (notebook, cell index, first line).

Layer: classroom tooling. Needs nbgrader (``pip install "unlearn[classroom]"``); the course
folder's ``nbgrader_config.py`` (written by :mod:`.assignment`) imports this module.
"""

from __future__ import annotations

from nbclient.exceptions import CellTimeoutError
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    Execute,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)

from .rerun import IOPUB_TIMEOUT, cell_name

CELL_TIMEOUT = 120
"""Seconds one cell of a submission may run under the autograder (a lesson cell takes < 15 s)."""


class NamingExecute(Execute):
    """nbgrader's Execute, whose timeout error names the cell, and which never waits long
    for outputs a missing widget front end would have consumed."""

    def preprocess(self, nb, resources=None, km=None):
        self._notebook_name = f"{(resources or {}).get('unique_key', 'notebook')}.ipynb"
        self.iopub_timeout = IOPUB_TIMEOUT
        self.raise_on_iopub_timeout = False
        return super().preprocess(nb, resources, km)

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        where = cell_name(self._notebook_name, cell_index, cell)
        self.error_on_timeout = {
            "ename": "CellTimeoutError",
            "evalue": f"{where} did not finish within {self.timeout} s",
            "traceback": [f"CellTimeoutError: {where} did not finish within {self.timeout} s"],
        }
        try:
            return await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        except CellTimeoutError as exc:  # with error_on_timeout set nbclient records it; this is a fallback
            raise CellTimeoutError(f"{where} did not finish within {self.timeout} s") from exc


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
