"""The notebooks' one-call charts (unlearn.plotting.charts): styles, labels, alt text, no pyplot."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from unlearn.plotting import MEMBER_STYLE, PALETTE, charts

FRAME = pd.DataFrame({"decade": [1950, 1960], "RUS": [25, 14], "USA": [0, 0], "share": [0.5, 0.75]})


def test_line_chart_builds_without_showing():
    fig = charts.line_chart(
        FRAME,
        "decade",
        ["RUS", "USA"],
        title="t",
        xlabel="decade",
        ylabel="vetoes",
        alt="Two lines.",
        styles=MEMBER_STYLE,
        show=False,
    )
    ax = fig.axes[0]
    assert fig.get_label() == "Two lines."
    assert [line.get_label() for line in ax.get_lines()] == ["Russia", "United States"]
    markers = [line.get_marker() for line in ax.get_lines()]
    assert markers == [MEMBER_STYLE["RUS"].marker, MEMBER_STYLE["USA"].marker]
    assert ax.get_legend() is not None
    assert plt.get_fignums() == []  # nothing left open in pyplot


def test_percent_axis_and_palette_order():
    fig = charts.line_chart(
        FRAME, "decade", "share", title="t", xlabel="x", ylabel="y", alt="a", percent=True, show=False
    )
    ax = fig.axes[0]
    assert ax.get_lines()[0].get_color() == PALETTE[0]
    assert ax.get_legend() is None  # one series: the title and axis say what it is
    assert "%" in ax.yaxis.get_major_formatter()(0.5, 0)


def test_bar_chart_stacks_with_hatches_and_labels():
    fig = charts.bar_chart(
        FRAME,
        "decade",
        ["RUS", "USA"],
        title="t",
        xlabel="decade",
        ylabel="vetoes",
        alt="Bars.",
        labels={"RUS": "USSR/Russia seat"},
        show=False,
    )
    ax = fig.axes[0]
    _, labels = ax.get_legend_handles_labels()
    assert labels == ["USSR/Russia seat", "United States"]
    assert ax.patches[0].get_hatch() == MEMBER_STYLE["RUS"].hatch
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1950", "1960"]


def test_show_gives_png_and_alt_text(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda bundle, raw=False: shown.append(bundle))
    shown_fig = charts.line_chart(FRAME, "decade", "RUS", title="t", xlabel="x", ylabel="y", alt="Alt.")
    assert shown_fig is None
    assert shown[0]["text/plain"] == "Alt." and len(shown[0]["image/png"]) > 100
