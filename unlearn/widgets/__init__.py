"""Widgets students can play with: change a control, see the answer move.

Layer: widgets, above plotting and the analysis, below the lessons.

Each is a small class with ``.controls`` (the ipywidgets controls), ``.output`` (an
``ipywidgets.Output``), ``.update()`` (recompute from plain functions and redraw once), and a
static summary where no widget front-end exists (nbconvert, GitHub, nbval).

>>> from unlearn.widgets import SecurityCouncilSimulator
>>> sim = SecurityCouncilSimulator()          # S/RES/2774 as cast
>>> sim.outcome.adopted
True
"""

from .comparison import CountryComparison
from .council import SecurityCouncilSimulator
from .quiz import Quiz
from .resolutions import ResolutionExplorer
from .veto_timeline import VetoTimeline

__all__ = [
    "CountryComparison",
    "Quiz",
    "ResolutionExplorer",
    "SecurityCouncilSimulator",
    "VetoTimeline",
]
