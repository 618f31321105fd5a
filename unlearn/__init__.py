"""unlearn: how the United Nations decides things, taught with real, pinned voting data.

The package is layered, and arrows point one way::

    sources (pinned upstream files)  ->  ingest (parsers)  ->  build + validate (tidy tables)
        ->  cache (parquet)  ->  tables (public functions)  ->  analysis  ->  widgets  ->  notebooks

Start with :func:`ga_votes`, :func:`ga_roll_calls`, :func:`countries` and :func:`country`.
"""

from .errors import (
    DataUnavailableError,
    IntegrityError,
    SourceFormatError,
    UnknownNameError,
    UnlearnError,
    UnmappedSpellingError,
)
from .tables import (
    citation,
    countries,
    country,
    country_name,
    ga_roll_calls,
    ga_votes,
    iso3,
    published_veto_totals,
    sc_resolutions,
    sc_votes,
    veto_totals,
    vetoes,
)

__version__ = "0.1.0"

__all__ = [
    "DataUnavailableError", "IntegrityError", "SourceFormatError", "UnknownNameError",
    "UnlearnError", "UnmappedSpellingError", "citation", "countries", "country", "country_name",
    "ga_roll_calls", "ga_votes", "iso3", "sc_resolutions", "sc_votes", "vetoes",
    "veto_totals", "published_veto_totals",
]
