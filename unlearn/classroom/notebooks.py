"""Where the lesson notebooks are: the ``notebooks/`` folder of the checkout.

Layer: classroom tooling.
"""

from __future__ import annotations

from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parent.parent.parent / "notebooks"
"""The folder of the instructor notebooks (with solutions and saved outputs)."""
