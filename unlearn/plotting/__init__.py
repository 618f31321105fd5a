"""Presentation: the plotting style (:mod:`.style`: a colour-blind-safe palette, markers and
hatches for every vote, alt text, projector mode) and the one-call charts the notebooks draw
(:mod:`.charts`).

Layer: plotting, above the analysis and below the widgets; it reads no data itself.

>>> from unlearn import plotting
>>> plotting.VOTE_STYLE["yes"].label
'✓ yes'
"""

from .style import (
    MARKERS,
    MEMBER_STYLE,
    OKABE_ITO,
    PALETTE,
    VOTE_STYLE,
    Style,
    current_context,
    figure_bundle,
    figure_png,
    figure_svg,
    line_scale,
    new_figure,
    page_css,
    projector,
    set_projector_context,
    styled,
)

__all__ = [
    "MARKERS", "MEMBER_STYLE", "OKABE_ITO", "PALETTE", "VOTE_STYLE", "Style", "current_context",
    "figure_bundle", "figure_png", "figure_svg", "line_scale", "new_figure", "page_css", "projector",
    "set_projector_context", "styled",
]
