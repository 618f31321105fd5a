"""unlearn: how the United Nations decides things, taught with real, pinned voting data.

The package is layered, and arrows point one way::

    sources (pinned upstream files)  ->  ingest (parsers)  ->  build + validate (tidy tables)
        ->  cache (parquet)  ->  tables (public functions)  ->  analysis  ->  widgets  ->  notebooks

Start with :func:`ga_votes`, :func:`ga_roll_calls`, :func:`countries` and :func:`country`.
"""

from .analysis import (
    PastComparison,
    agreement,
    agreement_matrix,
    agreement_pairs,
    alignment_shift,
    bsv_ideal_points,
    divergence_from_own_past,
    eu_members,
    how_voted,
    ideal_points,
    regional_group_members,
    seat_series,
    validate_ideal_points,
    vetoes_by_decade,
    vetoes_by_subject,
    vetoes_per_member,
    vote_shares,
    voted_with,
)
from .charter import Decision, council_size, ga_adopted, permanent_members, sc_adopted
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
from .widgets import CountryComparison, Quiz, ResolutionExplorer, SecurityCouncilSimulator, VetoTimeline

__version__ = "0.1.0"

__all__ = [
    "DataUnavailableError", "IntegrityError", "SourceFormatError", "UnknownNameError",
    "UnlearnError", "UnmappedSpellingError", "citation", "countries", "country", "country_name",
    "ga_roll_calls", "ga_votes", "iso3", "sc_resolutions", "sc_votes", "vetoes",
    "veto_totals", "published_veto_totals",
    # analysis (unlearn.analysis) and the Charter's voting rules (unlearn.charter)
    "Decision", "PastComparison", "agreement", "agreement_matrix", "agreement_pairs",
    "alignment_shift", "bsv_ideal_points", "council_size", "divergence_from_own_past",
    "eu_members", "ga_adopted", "how_voted", "ideal_points", "permanent_members",
    "regional_group_members", "sc_adopted", "seat_series", "validate_ideal_points",
    "vetoes_by_decade", "vetoes_by_subject", "vetoes_per_member", "vote_shares", "voted_with",
    # widgets (unlearn.widgets)
    "CountryComparison", "Quiz", "ResolutionExplorer", "SecurityCouncilSimulator", "VetoTimeline",
]
