"""unlearn: how the United Nations decides things, taught with real, pinned voting data.

Layer: the public API, above every layer: it re-exports what a student calls.

The folders are the layers, and imports point one way (a test keeps it so)::

    data/        pinned upstream files -> parsers -> tidy tables (validated, cached)
    charter.py   the Charter's voting rules (Art. 18, Art. 27)
    analysis/    agreement, divergence, ideal points, groups, veto counts
    plotting/    the colour-blind-safe style and the notebooks' charts
    widgets/     ipywidgets: controls + Output
    lessons/     one module per notebook or topic
    classroom/   student copies, re-running the notebooks
    cli.py       the ``unlearn`` command

``errors.py`` holds the exception types every layer raises. Start with :func:`ga_votes`,
:func:`ga_roll_calls`, :func:`countries` and :func:`country`.

Importing the package is cheap: pandas, matplotlib, seaborn and ipywidgets load the first
time a name that needs them is used (a class of thirty on one hub pays for each import
thirty times), so ``import unlearn`` alone loads none of them:

>>> import subprocess, sys
>>> code = "import sys, unlearn; print(sorted({'pandas', 'matplotlib', 'ipywidgets'} & set(sys.modules)))"
>>> subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
'[]\\n'
>>> from unlearn import permanent_members   # the first use imports what it needs
>>> callable(permanent_members)
True
"""

import importlib
import sys

from .errors import (
    ArgumentError,
    DataUnavailableError,
    IntegrityError,
    NoDataWarning,
    SourceFormatError,
    UnknownNameError,
    UnknownSymbolError,
    UnlearnError,
    UnmappedSpellingError,
)

__version__ = "0.1.0"

# The public names, by the module that defines them (imported when a name is first used).
_PUBLIC = {
    "unlearn.analysis": (
        "PastComparison", "agreement", "agreement_matrix", "agreement_pairs", "alignment_shift",
        "bsv_ideal_points", "divergence_from_own_past", "eu_members", "how_voted", "ideal_points",
        "regional_group_members", "seat_series", "validate_ideal_points", "vetoes_by_decade",
        "vetoes_by_subject", "vetoes_per_member", "vote_shares", "voted_with",
    ),
    "unlearn.charter": ("Decision", "council_size", "ga_adopted", "permanent_members", "sc_adopted"),
    "unlearn.data.tables": (
        "citation", "countries", "country", "country_name", "ga_roll_calls", "ga_votes", "iso3",
        "published_veto_totals", "sc_resolutions", "sc_votes", "veto_totals", "vetoes",
    ),
    "unlearn.widgets": ("CountryComparison", "Quiz", "ResolutionExplorer", "SecurityCouncilSimulator", "VetoTimeline"),
}
_HOME = {name: module for module, names in _PUBLIC.items() for name in names}

# Modules that moved into the layered folders, still reachable by their old names
# (``from unlearn import tables, charts, factcheck``), imported when first asked for.
_MOVED = {
    "build": "unlearn.data.build",
    "cache": "unlearn.data.cache",
    "charts": "unlearn.plotting.charts",
    "config": "unlearn.data.config",
    "factcheck": "unlearn.lessons.factcheck",
    "ingest": "unlearn.data.ingest",
    "membership": "unlearn.data.membership",
    "names": "unlearn.data.names",
    "sources": "unlearn.data.sources",
    "symbols": "unlearn.data.symbols",
    "tables": "unlearn.data.tables",
    "teaching": "unlearn.classroom.student_copies",
    "validate": "unlearn.data.validate",
}

# The layers themselves, so ``unlearn.plotting.projector()`` works after a bare ``import unlearn``,
# with the modules inside them that the eager import used to load (``unlearn.data.cache``,
# ``unlearn.plotting.charts`` ...), so attribute chains written against it keep working.
_LAYERS = {
    "analysis": ("unlearn.analysis",),
    "charter": ("unlearn.charter",),
    "classroom": ("unlearn.classroom",),
    "cli": ("unlearn.cli",),
    "data": ("unlearn.data", "unlearn.data.tables"),
    "lessons": ("unlearn.lessons",),
    "plotting": ("unlearn.plotting", "unlearn.plotting.charts"),
    "widgets": ("unlearn.widgets",),
}


def __getattr__(name: str):
    if name in _HOME:
        value = getattr(importlib.import_module(_HOME[name]), name)
    elif name in _MOVED:
        value = importlib.import_module(_MOVED[name])
    elif name in _LAYERS:
        value = [importlib.import_module(module) for module in _LAYERS[name]][0]
    else:
        raise AttributeError(f"module 'unlearn' has no attribute {name!r}")
    globals()[name] = value  # the next use is a plain attribute lookup
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME, *_MOVED, *_LAYERS})


__all__ = [
    "DataUnavailableError", "IntegrityError", "SourceFormatError", "UnknownNameError",
    "UnlearnError", "UnmappedSpellingError", "ArgumentError", "UnknownSymbolError",
    "NoDataWarning", "citation", "countries", "country", "country_name",
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

# inside IPython (a notebook, Voila): the package's own errors in one line, whole texts in tables;
# in plain Python nothing is imported for it
if "IPython" in sys.modules:
    from .plotting.notebook import setup as _setup_ipython

    _setup_ipython()
