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


def test_per_year_charts_of_the_real_tables_mark_the_partial_years(built):
    """The US no-share chart (notebook 05) and the yes-share chart (notebook 02), from the real
    tables: hollow markers on exactly the incomplete years, a legend entry, a note under the
    x axis and in the alt text; never by colour alone (the marker's face is white)."""
    import unlearn
    from unlearn.data import coverage
    from unlearn.lessons import yes_share_by_year

    incomplete = set(coverage.incomplete_years())
    for frame, y in ((unlearn.vote_shares("United States"), ["share_no", "share_yes"]),
                     (yes_share_by_year(), list(yes_share_by_year().columns[1:]))):
        fig = charts.line_chart(frame, "year", y, title="t", xlabel="year", ylabel="share",
                                alt="Shares.", show=False)
        ax = fig.axes[0]
        hollow = [line for line in ax.get_lines() if line.get_gid() == charts.PARTIAL_GID]
        assert hollow and all(line.get_markerfacecolor() == "white" for line in hollow)
        drawn_years = {int(v) for line in hollow for v in line.get_xdata()}
        assert drawn_years == incomplete & set(frame["year"])
        assert {2016, 2018, 2020, 2026} <= drawn_years and 2014 not in drawn_years
        assert "hollow: partial year" in [t.get_text() for t in ax.get_legend().get_texts()]
        assert "partial years" in ax.get_xlabel() and "2018-2020" in ax.get_xlabel().replace("\n", " ")
        assert "only in part (2016, 2018-2020" in fig.get_label()


def test_bar_chart_marks_a_partial_year_with_an_asterisk_and_an_outline():
    frame = pd.DataFrame({"year": [2025, 2026], "coverage": ["complete", "partial: to June"], "no": [5, 2]})
    fig = charts.bar_chart(frame, "year", "no", title="t", xlabel="year", ylabel="n", alt="a", show=False)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025", "2026*"]
    outlines = [p for p in ax.patches if p.get_gid() == charts.PARTIAL_GID]
    assert len(outlines) == 1 and not outlines[0].get_fill() and outlines[0].get_height() == 2
    assert "asterisks" in ax.get_xlabel() and "(2026)" in fig.get_label()
