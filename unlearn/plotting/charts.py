"""One-call charts for the notebooks, drawn with :mod:`unlearn.plotting`'s styles.

Layer: plotting, above the analysis, below the widgets; it reads no data itself.

Each function draws a figure from a tidy table and shows it in the notebook as an HTML
``<img>`` of a PNG with the *alt* text as its ``alt`` attribute and as its plain-text reading (a
screen reader or text-only view reads the finding; nbval's sanitizer drops the image bytes, so
it compares the sentence, not the pixels). Series are told apart by marker, hatch and
legend label as well as colour (Okabe–Ito palette). Nothing goes through pyplot, so no figure
is left open.

A frame with a ``coverage`` column (per-year tables carry one: ``complete`` or ``partial:
<reason>``) gets its incomplete years marked, never by colour alone: hollow markers on a line
chart, an asterisk on a bar's label, a note under the x axis and a sentence in the alt text.

>>> import pandas as pd
>>> frame = pd.DataFrame({"year": [2000, 2001, 2002], "members": [189, 189, 191]})
>>> line_chart(frame, "year", "members", title="Membership grew", xlabel="year",
...            ylabel="members", alt="Membership grew from 189 to 191.", show=False).get_label()
'Membership grew from 189 to 191.'
"""

from __future__ import annotations

import base64
import html
import textwrap
from collections.abc import Mapping, Sequence

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator, PercentFormatter

from .style import (
    MARKERS,
    MEMBER_STYLE,
    PALETTE,
    Style,
    current_context,
    figure_png,
    line_scale,
    new_figure,
    styled,
)

PARTIAL_GID = "partial-year"  # the gid of the hollow markers, for tests and for readers of the SVG


def show(fig: Figure, alt: str) -> None:
    """Show *fig* in the notebook with *alt* where a screen reader finds it: JupyterLab shows
    the ``text/html`` part, an ``<img>`` with an ``alt`` attribute (its image/png renderer
    writes none); the PNG stays for other front-ends and *alt* is the plain-text reading."""
    from IPython.display import display

    display(png_bundle(fig, alt), raw=True)


def png_bundle(fig: Figure, alt: str) -> dict[str, str]:
    """The display bundle :func:`show` shows: HTML ``<img alt=...>``, the PNG, and *alt* as text.

    >>> fig = new_figure(); _ = fig.subplots().plot([1, 2])
    >>> bundle = png_bundle(fig, 'A line "rising"')
    >>> 'alt="A line &quot;rising&quot;"' in bundle["text/html"], bundle["text/plain"]
    (True, 'A line "rising"')
    """
    encoded = base64.b64encode(figure_png(fig, dpi=90)).decode("ascii")
    image = (
        f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt)}" '
        'style="max-width:100%">'
    )
    return {"text/html": image, "image/png": encoded, "text/plain": alt}


def _styles(columns: Sequence[str], styles: Mapping[str, Style] | None) -> dict[str, Style]:
    """The style of each series: the given one (e.g. MEMBER_STYLE), else palette order."""
    hatches = ["", "//", "..", "xx", "\\\\", "++", "--", "oo"]
    out = {}
    for i, column in enumerate(columns):
        given = (styles or {}).get(column)
        out[column] = given or Style(PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)],
                                     hatches[i % len(hatches)], str(column))
    return out


def _finish(fig: Figure, ax, title: str, xlabel: str, ylabel: str, alt: str, percent: bool,
            legend: bool, show_it: bool, extra_handles: Sequence = ()) -> Figure | None:
    ax.set_title(textwrap.fill(title, 60), loc="left")  # long findings wrap, never run off the figure
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if percent:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    if legend and current_context() == "talk":
        # below the plot on a projector: beside it, it would take a third of the width and
        # squeeze the large tick labels together
        handles = [*ax.get_legend_handles_labels()[0], *extra_handles]
        ax.legend(handles=handles, frameon=False, fontsize="small", loc="upper center",
                  bbox_to_anchor=(0.5, -0.22), ncols=3)
    elif legend:
        # outside the plot, so the legend never hides a bar or a line
        handles = [*ax.get_legend_handles_labels()[0], *extra_handles]
        ax.legend(handles=handles, frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    _uncrowd_ticks(fig, ax)
    fig.set_label(alt)
    if show_it:
        show(fig, alt)
        return None
    return fig


def _series(y: str | Sequence[str]) -> list[str]:
    """The columns to draw: ``coverage`` is a label for the rows, never a series (so
    ``list(table.columns[1:])`` still names only the figures)."""
    return [c for c in ([y] if isinstance(y, str) else list(y)) if c != "coverage"]


def partial_rows(frame: pd.DataFrame) -> pd.Series:
    """True for each row whose ``coverage`` says the year is held only in part (all False
    without a ``coverage`` column).

    >>> partial_rows(pd.DataFrame({"coverage": ["complete", "partial: data end in June"]})).tolist()
    [False, True]
    """
    if "coverage" not in frame:
        return pd.Series(False, index=frame.index)
    return frame["coverage"].astype("string").fillna("complete").ne("complete")


def year_ranges(years) -> str:
    """Years as short ranges.

    >>> year_ranges([2016, 2017, 2018, 2020, 2024, 2025, 2026])
    '2016-2018, 2020, 2024-2026'
    """
    runs: list[list[int]] = []
    for year in sorted(int(y) for y in years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def partial_note(frame: pd.DataFrame, x: str, how: str) -> tuple[str, str]:
    """The x-axis note and the alt-text sentence for the incomplete years (empty if none)."""
    partial = partial_rows(frame)
    if not partial.any():
        return "", ""
    years = year_ranges(frame.loc[partial, x])
    axis = textwrap.fill(f"({how}: partial years, the data hold them only in part: {years})", 60)
    alt = (f" {how.capitalize()} mark the years the data hold only in part ({years}): "
           "do not read them as whole years; the table's coverage column says why.")
    return axis, alt


def _crowded(fig: Figure, ax) -> bool:
    """Whether two neighbouring x tick labels overlap once the figure is laid out."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()  # runs the layout engine, so the extents are the final ones
    boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
    return any(a.x1 > b.x0 for a, b in zip(boxes, boxes[1:], strict=False))


def _uncrowd_ticks(fig: Figure, ax) -> None:
    """Tilt the x tick labels when they would run together (the decade chart on a projector:
    large fonts, and a legend beside the plot that narrows it)."""
    if _crowded(fig, ax):
        ax.tick_params(axis="x", labelrotation=40)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")


def line_chart(frame: pd.DataFrame, x: str, y: str | Sequence[str], *, title: str, xlabel: str,
               ylabel: str, alt: str, styles: Mapping[str, Style] | None = None,
               labels: Mapping[str, str] | None = None, percent: bool = False, step: bool = False,
               show: bool = True) -> Figure | None:
    """A line per column *y* of *frame* against *x*, each with its own colour and marker.

    *styles*: a style per column (say :data:`unlearn.plotting.MEMBER_STYLE`); *labels*: legend
    labels (default: the style's label or the column name); *percent*: y is a share 0-1;
    *step*: draw steps (for counts that change on a date). Shows the figure and returns
    None; ``show=False`` only builds it and returns it (its label is *alt*). Rows whose
    ``coverage`` is not ``complete`` get hollow markers, a legend entry and a note.

    >>> frame = pd.DataFrame({"year": [2025, 2026], "coverage": ["complete", "partial: to June"],
    ...                       "share": [0.5, 0.4]})
    >>> fig = line_chart(frame, "year", "share", title="t", xlabel="year", ylabel="share",
    ...                  alt="Shares.", show=False)
    >>> [line.get_xdata().tolist() for line in fig.axes[0].lines if line.get_gid() == PARTIAL_GID]
    [[2026]]
    >>> fig.get_label()[:72]
    'Shares. Hollow markers mark the years the data hold only in part (2026):'
    """
    columns = _series(y)
    drawn = _styles(columns, styles)
    every = max(1, len(frame) // 12)
    partial = partial_rows(frame)
    axis_note, alt_note = partial_note(frame, x, "hollow markers")
    with styled():
        fig = new_figure()
        fig.set_layout_engine("constrained")
        ax = fig.subplots()
        for column in columns:
            style = drawn[column]
            label = (labels or {}).get(column, style.label)
            ax.plot(frame[x], frame[column], color=style.colour, marker=style.marker,
                    markevery=every, markersize=5 * line_scale(), linewidth=1.8 * line_scale(), label=label,
                    drawstyle="steps-post" if step else "default")
            if partial.any():  # drawn on top, larger, white inside: the year is held in part
                ax.plot(frame.loc[partial, x], frame.loc[partial, column], linestyle="none",
                        marker=style.marker, markersize=8, markerfacecolor="white",
                        markeredgecolor=style.colour, markeredgewidth=1.6, gid=PARTIAL_GID,
                        label="_nolegend_")
        if pd.api.types.is_integer_dtype(frame[x]):  # years, decades: no tick at 2000.25
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if partial.any():
            xlabel = f"{xlabel}\n{axis_note}"
        return _finish(fig, ax, title, xlabel, ylabel, alt + alt_note, percent,
                       len(columns) > 1 or partial.any(), show,
                       extra_handles=[_hollow_handle()] if partial.any() else ())


def _hollow_handle() -> Line2D:
    return Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="white",
                  markeredgecolor="black", label="hollow: partial year")


def bar_chart(frame: pd.DataFrame, x: str, y: str | Sequence[str], *, title: str, xlabel: str,
              ylabel: str, alt: str, styles: Mapping[str, Style] | None = None,
              labels: Mapping[str, str] | None = None, stacked: bool = True,
              show: bool = True) -> Figure | None:
    """Bars of the columns *y* of *frame* per *x* (stacked, or side by side), each series with
    its own colour, hatch and legend label (say :data:`unlearn.plotting.MEMBER_STYLE`). A row
    whose ``coverage`` is not ``complete`` gets an asterisk on its label, a dashed outline
    and a note.

    >>> frame = pd.DataFrame({"year": [2025, 2026], "coverage": ["complete", "partial: to June"],
    ...                       "no": [5, 2]})
    >>> fig = bar_chart(frame, "year", "no", title="t", xlabel="year", ylabel="no votes",
    ...                 alt="No votes.", show=False)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['2025', '2026*']
    """
    columns = _series(y)
    partial = partial_rows(frame)
    axis_note, alt_note = partial_note(frame, x, "asterisks")
    drawn = _styles(columns, styles or MEMBER_STYLE)
    positions = range(len(frame))
    width = 0.8 if stacked else 0.8 / len(columns)
    bottom = pd.Series(0.0, index=frame.index)
    with styled():
        fig = new_figure()
        fig.set_layout_engine("constrained")
        ax = fig.subplots()
        for i, column in enumerate(columns):
            style = drawn[column]
            label = (labels or {}).get(column, style.label)
            left = [p if stacked else p - 0.4 + width * (i + 0.5) for p in positions]
            ax.bar(left, frame[column], width=width, bottom=bottom if stacked else None,
                   color=style.colour, hatch=style.hatch, edgecolor="white", linewidth=0.5 * line_scale(),
                   label=label)
            if stacked:
                bottom = bottom + frame[column].astype(float)
        ax.set_xticks(list(positions), [f"{v}*" if p else str(v) for v, p in zip(frame[x], partial, strict=True)])
        if partial.any():
            heights = bottom if stacked else frame[columns].astype(float).max(axis=1)
            for position, height in zip(positions, heights, strict=True):
                if partial.iloc[position]:
                    ax.bar(position, height, width=0.8, fill=False, edgecolor="black",
                           linestyle="--", linewidth=1.2, gid=PARTIAL_GID)
            xlabel = f"{xlabel}\n{axis_note}"
        return _finish(fig, ax, title, xlabel, ylabel, alt + alt_note, False, len(columns) > 1, show)
