"""How unlearn shows itself inside IPython and Jupyter: the package's own errors as one line,
and tables whose texts (claims, subjects, titles) are shown whole.

Layer: plotting (presentation), above the analysis, below the widgets; it reads no data.

:func:`setup` runs when ``import unlearn`` happens inside IPython (a notebook, Voila, the
``ipython`` shell), so no lesson needs a setup cell:

- An :class:`unlearn.UnlearnError` (an unknown name, a wrong argument, missing data) is shown
  as ``UnknownNameError: No country called ...``, one line, not a traceback through the
  package's internals; ``%tb`` still prints the full traceback. Every other exception (a real
  bug, or a mistake in the student's own Python) keeps IPython's full traceback.
- pandas cuts a table cell at :data:`TEXT_WIDTH` characters instead of its default 50, so a
  claim, a veto's subject or a resolution's title is read whole (the longest curated claim is
  131 characters, the longest veto subject 144).

>>> import pandas as pd
>>> with pd.option_context("display.max_colwidth", TEXT_WIDTH):
...     text = pd.DataFrame({"claim": ["x" * 120]}).to_string()
>>> "x" * 120 in text
True
>>> one_line(ValueError, ValueError("bad year"))
'ValueError: bad year'
"""

from __future__ import annotations

import sys

from ..errors import UnlearnError

TEXT_WIDTH = 250  # characters of a table cell before pandas cuts it with "..."


def one_line(etype: type, value: BaseException) -> str:
    """The line a student reads for one of the package's errors: its type and its message."""
    return f"{etype.__name__}: {value}"


def _show_one_line(shell, etype, value, tb, tb_offset=None) -> list[str]:
    """IPython's custom exception handler for :class:`unlearn.UnlearnError`: one line."""
    # kept where %tb and %debug look, so the full traceback is one command away
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
    stb = [one_line(etype, value)]
    shell._showtraceback(etype, value, stb)  # the error output (and a failed execute reply)
    return stb


def setup(shell=None) -> bool:
    """Install the one-line display of the package's errors and the wider table cells in
    *shell* (default: the running IPython, if any). Returns whether a shell was set up. A
    custom exception handler the user set already is left alone."""
    import pandas as pd

    if shell is None:
        if "IPython" not in sys.modules:  # plain Python: nothing to set up, nothing to import
            return False
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        return False
    if pd.get_option("display.max_colwidth") == 50:  # pandas' default, not a user's choice
        pd.set_option("display.max_colwidth", TEXT_WIDTH)
    if not shell.custom_exceptions or shell.custom_exceptions == (UnlearnError,):
        shell.set_custom_exc((UnlearnError,), _show_one_line)
    return True
