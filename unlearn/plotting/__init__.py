"""Presentation: the plotting style (:mod:`.style`: a colour-blind-safe palette, markers and
hatches for every vote, alt text, projector mode) and the one-call charts the notebooks draw
(:mod:`.charts`).

Layer: plotting, above the analysis and below the widgets; it reads no data itself.

>>> from unlearn import plotting
>>> plotting.VOTE_STYLE["yes"].label
'✓ yes'
"""

import importlib

# imported on first use, so that unlearn.plotting.notebook (set up on ``import unlearn`` inside
# IPython) does not load matplotlib before a chart is drawn
_STYLE_NAMES = (
    "MARKERS", "MEMBER_STYLE", "OKABE_ITO", "PALETTE", "VOTE_STYLE", "Style", "current_context",
    "figure_bundle", "figure_png", "figure_svg", "line_scale", "new_figure", "page_css", "projector",
    "set_projector_context", "styled",
)


def __getattr__(name: str):
    if name in _STYLE_NAMES:
        value = getattr(importlib.import_module(".style", __name__), name)
    elif name in ("charts", "style", "notebook"):
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module 'unlearn.plotting' has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = [
    "MARKERS", "MEMBER_STYLE", "OKABE_ITO", "PALETTE", "VOTE_STYLE", "Style", "current_context",
    "figure_bundle", "figure_png", "figure_svg", "line_scale", "new_figure", "page_css", "projector",
    "set_projector_context", "styled",
]
