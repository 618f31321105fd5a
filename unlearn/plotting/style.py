"""Plot styling shared by the widgets and notebooks: readable by everyone, and on a projector.

Layer: plotting, above the analysis, below the widgets; it reads no data itself.

- Colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), safe for the
  common forms of colour-blindness. Colour is never the only cue: each vote also has a marker,
  a hatch and a label (:data:`VOTE_STYLE`), and each permanent member a marker.
- Alt text: :func:`figure_bundle` renders a figure as an ``<img>`` with an ``alt`` attribute
  (and the alt text as the plain-text fallback), so screen readers and text-only views get a
  description.
- Projector: :func:`projector` switches seaborn to its larger ``"talk"`` context for the
  whole class (``with projector(): ...`` only inside the block), draws the charts' lines
  thicker (:func:`line_scale`), and in a notebook puts :func:`page_css` into the page, so
  tables, Markdown and widgets grow too.

>>> VOTE_STYLE["no"].label
'✗ no'
>>> with projector():
...     current_context()
'talk'
>>> current_context()
'notebook'
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
from dataclasses import dataclass

import matplotlib
import seaborn as sns
from matplotlib.figure import Figure

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}
PALETTE = [
    OKABE_ITO[c]
    for c in (
        "blue",
        "orange",
        "bluish green",
        "vermillion",
        "reddish purple",
        "sky blue",
        "black",
        "yellow",
    )
]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]


@dataclass(frozen=True)
class Style:
    """How one category is drawn: colour, marker, bar hatch, and a label with a symbol."""

    colour: str
    marker: str
    hatch: str
    label: str


VOTE_STYLE = {
    "yes": Style(OKABE_ITO["bluish green"], "^", "", "✓ yes"),
    "no": Style(OKABE_ITO["vermillion"], "v", "//", "✗ no"),
    "abstain": Style(OKABE_ITO["orange"], "o", "..", "○ abstain"),
    "absent": Style("#999999", "x", "xx", "· absent"),
    "unknown": Style("#FFFFFF", "$?$", "++", "? not known"),
}
MEMBER_STYLE = {
    "USA": Style(OKABE_ITO["blue"], "s", "", "United States"),
    "SUN": Style(OKABE_ITO["vermillion"], "o", "//", "USSR"),
    "RUS": Style(OKABE_ITO["reddish purple"], "D", "\\\\", "Russia"),
    "GBR": Style(OKABE_ITO["sky blue"], "^", "..", "United Kingdom"),
    "FRA": Style(OKABE_ITO["bluish green"], "v", "xx", "France"),
    "CHN": Style(OKABE_ITO["orange"], "P", "++", "China (PRC)"),
    "TWN": Style(OKABE_ITO["black"], "X", "--", "Republic of China"),
}

_CONTEXT = {"name": "notebook"}
_SCALE = {"notebook": 1.0, "talk": 1.35}  # figure size
_LINES = {"notebook": 1.0, "talk": 1.7}  # line widths and marker sizes the charts set themselves

# Projector mode scales the page as well as the charts: JupyterLab's (and Voila's) own size
# variables, so tables, Markdown, code and widgets grow together (a 720p screen showed four
# table rows at the default 13-14 px). The sizes are JupyterLab 4's defaults times about 1.6.
PAGE_SIZES = {
    "notebook": {
        "--jp-content-font-size1": "14px",
        "--jp-content-font-size2": "1.2em",
        "--jp-ui-font-size1": "13px",
        "--jp-code-font-size": "13px",
        "--jp-widgets-font-size": "13px",
        "--jp-widgets-inline-height": "28px",
        "--jp-widgets-inline-label-width": "80px",
    },
    "talk": {
        "--jp-content-font-size1": "22px",
        "--jp-content-font-size2": "1.2em",
        "--jp-ui-font-size1": "20px",
        "--jp-code-font-size": "20px",
        "--jp-widgets-font-size": "20px",
        "--jp-widgets-inline-height": "42px",
        "--jp-widgets-inline-label-width": "100px",
    },
}
# the rules that do not follow those variables: rendered tables, widget HTML and buttons; and
# widths set in pixels for the default size, which would cut the larger labels ("○ a...")
_PAGE_RULES = (
    ".jp-RenderedHTMLCommon table, .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon td,"
    ".widget-html-content, .widget-label, .widget-toggle-button, .widget-button {{"
    "font-size:{size};line-height:1.35}}"
    ".jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th {{padding:0.3em 0.6em}}"
)
_PROJECTOR_RULES = (
    ".widget-toggle-button {width:auto !important;min-width:4.5em;padding:0 0.5em}"
    ".widget-dropdown, .widget-checkbox, .widget-text {width:auto !important}"
    ".widget-dropdown > select {min-width:5em}"
    ".widget-inline-hbox .widget-label, .widget-checkbox label {overflow:visible}"
)


def line_scale() -> float:
    """How much thicker lines and larger markers are drawn now (1.7 on a projector).

    >>> line_scale()
    1.0
    """
    return _LINES[current_context()]


def page_css(context: str | None = None) -> str:
    """A ``<style>`` that sizes the page (tables, Markdown, code, widgets) for *context*
    (default: the current one): what :func:`projector` shows in the notebook, and what a
    dashboard server can put in its page.

    >>> "--jp-content-font-size1:22px" in page_css("talk")
    True
    """
    context = context or current_context()
    sizes = PAGE_SIZES[context]
    variables = ";".join(f"{name}:{value}" for name, value in sizes.items())
    rules = _PAGE_RULES.format(size=sizes["--jp-content-font-size1"])
    rules += _PROJECTOR_RULES if context == "talk" else ""
    return f'<style class="unlearn-page-size" data-context="{context}">:root{{{variables}}}{rules}</style>'


def _show_page_css() -> None:
    """Put :func:`page_css` into the page, when running in a notebook kernel (else nothing)."""
    import sys

    if "IPython" not in sys.modules:
        return
    from IPython import get_ipython
    from IPython.display import HTML, display

    shell = get_ipython()
    if shell is not None and getattr(shell, "kernel", None) is not None:
        display(HTML(page_css()))


def current_context() -> str:
    """The seaborn context the widgets draw in: ``"notebook"``, or ``"talk"`` on a projector."""
    return _CONTEXT["name"]


def set_projector_context(on: bool = True) -> None:
    """Switch every later plot (widgets, notebooks) to seaborn's larger ``"talk"`` context
    (``on=False`` switches back), with the Okabe–Ito palette.

    >>> set_projector_context(); current_context()
    'talk'
    >>> set_projector_context(False); current_context()
    'notebook'
    """
    _CONTEXT["name"] = "talk" if on else "notebook"
    sns.set_theme(context=_CONTEXT["name"], style="whitegrid", palette=PALETTE)


class _Restore(contextlib.AbstractContextManager):
    def __init__(self, previous: str):
        self.previous = previous

    def __exit__(self, *exc) -> None:
        set_projector_context(self.previous == "talk")
        _show_page_css()

    def __repr__(self) -> str:
        return (
            f"plots now use seaborn's {current_context()!r} context "
            "(projector(False) switches back; `with projector():` for one block only)"
        )


def projector(on: bool = True) -> _Restore:
    """Instructor helper: large fonts and lines for a projector, from now on
    (``projector()``) or only inside a block (``with projector(): ...``). In a notebook it
    also sizes the page (:func:`page_css`): tables, Markdown, code and widgets.

    >>> with projector(False):
    ...     current_context()
    'notebook'
    """
    previous = current_context()
    set_projector_context(on)
    _show_page_css()
    return _Restore(previous)


@contextlib.contextmanager
def styled():
    """Seaborn's white grid in the current context, for figures made inside the block."""
    with sns.axes_style("whitegrid"), sns.plotting_context(current_context()):
        yield


def new_figure(width: float = 7.5, height: float = 3.6) -> Figure:
    """A matplotlib Figure (not pyplot: nothing is shown or kept behind your back), scaled up
    in the projector context, with fixed margins (an automatic layout pass would double the
    drawing time of a widget update). Build it inside :func:`styled`."""
    scale = _SCALE[current_context()]
    fig = Figure(figsize=(width * scale, height * scale))
    fig.subplots_adjust(left=0.1, right=0.97, top=0.93, bottom=0.15)
    return fig


def figure_png(fig: Figure, dpi: int = 80) -> bytes:
    """The figure as PNG bytes (for saving or sharing; the widgets use :func:`figure_svg`)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def figure_svg(fig: Figure) -> bytes:
    """The figure as SVG: sharp at any size (a projector), two to three times faster to make
    than a PNG because the text stays text, and the same bytes every run (no date, fixed ids).
    """
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "unlearn"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def figure_bundle(fig: Figure, alt: str) -> dict[str, str]:
    """A display bundle for *fig*: an SVG ``<img>`` with *alt* as its alt text, and *alt* as text.

    >>> fig = new_figure(); _ = fig.subplots().plot([1, 2])
    >>> bundle = figure_bundle(fig, "A rising line")
    >>> 'alt="A rising line"' in bundle["text/html"], bundle["text/plain"]
    (True, 'A rising line')
    """
    encoded = base64.b64encode(figure_svg(fig)).decode("ascii")
    image = (
        f'<img src="data:image/svg+xml;base64,{encoded}" alt="{html.escape(alt)}" '
        f'title="{html.escape(alt)}" style="max-width:100%">'
    )
    return {"text/html": image, "text/plain": alt}
