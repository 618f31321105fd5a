"""Test set-up for the whole checkout (tests, doctests in unlearn/, notebooks under nbval).

The real tables come from the offline mirror (../shared/un-data) unless UNLEARN_DATA_MIRROR is
already set, and the cache goes to .cache/unlearn in the checkout unless UNLEARN_CACHE_DIR is
set, as .ci/run does. Set here, at the root, so notebook kernels and doctests see them too.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent

os.environ.setdefault("UNLEARN_DATA_MIRROR", str(ROOT.parent / "shared" / "un-data"))
os.environ.setdefault("UNLEARN_CACHE_DIR", str(ROOT / ".cache" / "unlearn"))
os.environ.setdefault("MPLBACKEND", "Agg")
