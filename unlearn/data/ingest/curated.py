"""The project's own curated tables in ``data/`` (every row carries its source).

Layer: data (the bottom of the package: it imports no other layer but errors).
"""

from __future__ import annotations

import pandas as pd

from .. import config


def read(name: str, dates: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read ``data/<name>.csv`` as strings, parsing the named date columns."""
    frame = pd.read_csv(config.curated_dir() / f"{name}.csv", dtype=str, keep_default_na=False)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column].replace("", None))
    return frame
