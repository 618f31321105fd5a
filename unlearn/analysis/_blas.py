"""Run numpy's small matrix products on one thread.

Layer: analysis, above the data layer and the Charter rules, below plotting and widgets.

Agreement for every year is ~80 x 5 products of about 200 x 100 by 100 x 200: a few
milliseconds of work in all. OpenBLAS splits each product over threads, and on a small, busy
machine (a 2-core hub running other notebooks) waking and synchronising its threads costs far
more than the product itself: measured here, 0.04 s on one thread against 0.3-3 s threaded.
So the products run with OpenBLAS limited to one thread, and the setting is restored after.
Where numpy uses another BLAS (Accelerate on macOS, MKL) this does nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
from pathlib import Path

import numpy as np

_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)
_GETTERS = (
    "scipy_openblas_get_num_threads64_",
    "openblas_get_num_threads64_",
    "openblas_get_num_threads",
)


@functools.cache
def _openblas():
    """(get, set) thread-count functions of the OpenBLAS numpy loaded, or None."""
    folder = Path(np.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(folder.glob("*openblas*")) if folder.is_dir() else []:
        try:
            library = ctypes.CDLL(str(path))  # already loaded by numpy: this only finds it
        except OSError:
            continue
        get = next((getattr(library, n) for n in _GETTERS if hasattr(library, n)), None)
        set_ = next((getattr(library, n) for n in _SETTERS if hasattr(library, n)), None)
        if get is not None and set_ is not None:
            get.restype = ctypes.c_int
            set_.argtypes = [ctypes.c_int]
            return get, set_
    return None


@contextlib.contextmanager
def one_thread():
    """Within the block, numpy's OpenBLAS (if any) uses one thread."""
    functions = _openblas()
    if functions is None:
        yield
        return
    get, set_ = functions
    before = get()
    set_(1)
    try:
        yield
    finally:
        set_(before)
