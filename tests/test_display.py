"""How charts show on a projector and to a screen reader (plotting layer, real data)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402

from unlearn.analysis.vetoes import vetoes_by_decade  # noqa: E402
from unlearn.plotting import charts, page_css, projector  # noqa: E402

pytestmark = pytest.mark.usefixtures("built")

# notebook 03's decade chart, as the notebook draws it
SEAT_LABELS = {"RUS": "USSR/Russia seat", "CHN": "China seat (ROC, then PRC)", "USA": "United States",
               "GBR": "United Kingdom", "FRA": "France"}


def decade_chart():
    by_decade = vetoes_by_decade(by_seat=True).pivot(
        index="decade", columns="member_iso3", values="vetoes"
    ).reset_index()
    return charts.bar_chart(
        by_decade, "decade", list(SEAT_LABELS), labels=SEAT_LABELS,
        title="The USSR vetoed most in the first decades, the US in the 1970s-80s, Russia since 2010",
        xlabel="decade (first year)", ylabel="vetoes cast", alt="Stacked bar chart.", show=False,
    )


def tick_label_boxes(fig):
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in fig.axes[0].get_xticklabels() if t.get_text()]


def test_decade_labels_do_not_run_together_on_a_projector():
    with projector():
        boxes = tick_label_boxes(decade_chart())
    assert len(boxes) == 9
    assert all(a.x1 <= b.x0 for a, b in zip(boxes, boxes[1:], strict=False)), [(b.x0, b.x1) for b in boxes]


def test_projector_draws_thicker_lines():
    frame = vetoes_by_decade(by_seat=True).pivot(index="decade", columns="member_iso3", values="vetoes").reset_index()
    args = dict(title="t", xlabel="x", ylabel="y", alt="a", show=False)
    normal = charts.line_chart(frame, "decade", ["USA", "RUS"], **args).axes[0].lines[0].get_linewidth()
    with projector():
        large = charts.line_chart(frame, "decade", ["USA", "RUS"], **args).axes[0].lines[0].get_linewidth()
    assert large >= 1.5 * normal


def test_page_css_sizes_tables_and_widgets_for_the_projector():
    css = page_css("talk")
    assert "--jp-widgets-font-size:20px" in css and ".jp-RenderedHTMLCommon table" in css
    assert "--jp-content-font-size1:14px" in page_css("notebook")  # projector(False) restores


def test_chart_bundle_puts_the_alt_text_on_the_image():
    bundle = charts.png_bundle(decade_chart(), 'Bars "per decade" & seat')
    assert 'alt="Bars &quot;per decade&quot; &amp; seat"' in bundle["text/html"]
    assert bundle["text/html"].startswith('<img src="data:image/png;base64,')
    assert bundle["text/plain"] == 'Bars "per decade" & seat' and bundle["image/png"]


def test_a_year_axis_has_no_fractional_years():
    import pandas as pd

    frame = pd.DataFrame({"year": [2000, 2001, 2002], "members": [189, 189, 191]})
    fig = charts.line_chart(frame, "year", "members", title="t", xlabel="year", ylabel="members",
                            alt="a", show=False)
    FigureCanvasAgg(fig).draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks and all(t.isdigit() for t in ticks), ticks


# ---------------------------------------------------------------- handouts

LESSON = "03_security_council_and_veto.ipynb"


def test_handout_shows_widget_fallbacks_and_prints_whole_tables(tmp_path):
    from bs4 import BeautifulSoup

    from unlearn import cli
    from unlearn.classroom.notebooks import NOTEBOOKS

    assert cli.main(["notebooks", "handouts", str(tmp_path), str(NOTEBOOKS / LESSON)]) == 0
    page = (tmp_path / LESSON.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert "widget-view+json" not in page and "widget-state+json" not in page
    statics = soup.select(".unlearn-widget")
    assert {s.h4.get_text() for s in statics} >= {"Security Council simulator (Charter Art. 27)",
                                                  "Vetoes in the Security Council"}
    empty = [o for o in soup.select(".jp-OutputArea-output")
             if not o.get_text(strip=True) and not o.find("img")]
    assert empty == []
    assert "tr, img, svg, figure" in page and "thead { display: table-header-group; }" in page
    assert "Your turn: Exercise 1" in page  # solutions are not in the student handout


def test_a_bare_control_in_a_handout_says_it_needs_jupyter():
    import nbformat

    from unlearn.classroom.handouts import LIVE_ONLY, WIDGET_VIEW, static_outputs

    cell = nbformat.v4.new_code_cell("slider", outputs=[nbformat.v4.new_output(
        "display_data", {WIDGET_VIEW: {"model_id": "m"}, "text/plain": "IntSlider(value=3)"})])
    assert static_outputs(cell)[0]["data"]["text/html"] == LIVE_ONLY
