"""Kernel-side tests of the widgets: set controls, call update(), read what the Output holds.

No front-end is needed: outside a kernel the widgets put their outputs in ``Output.outputs``
(as the front-end would), and keep the figure and the frames they drew from.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from unlearn import plotting  # noqa: E402
from unlearn.analysis import agreement, how_voted, seat_series, vetoes_per_member  # noqa: E402
from unlearn.widgets import (  # noqa: E402  # noqa: E402
    CountryComparison,
    Quiz,
    ResolutionExplorer,
    SecurityCouncilSimulator,
    VetoTimeline,
    comparison,
    council,
    resolutions,
    veto_timeline,
)
from unlearn.widgets.quiz import as_question, feedback  # noqa: E402

pytestmark = [pytest.mark.usefixtures("built"), pytest.mark.filterwarnings("error")]


def shown(widget) -> list[dict]:
    """The display bundles the widget's Output holds."""
    return [o["data"] for o in widget.output.outputs]


def plain(widget) -> str:
    return "\n".join(b.get("text/plain", "") for b in shown(widget))


def markup(widget) -> str:
    return "\n".join(b.get("text/html", "") for b in shown(widget))


def count_updates(widget, monkeypatch) -> list[int]:
    calls = []
    original = widget.update
    monkeypatch.setattr(widget, "update", lambda: (calls.append(1), original())[1])
    return calls


# ---------------------------------------------------------------- CountryComparison

SENTENCE = re.compile(
    r"^In 2025 the United States voted with Russia on (\d+)% of recorded votes, "
    r"against an average of (\d+)% in 1992–2024\.$"
)


def test_comparison_default_sentence_is_computed_from_agreement():
    widget = CountryComparison()
    match = SENTENCE.match(widget.sentences[0])
    assert match, widget.sentences
    series = agreement("USA", seat_series("Russia"), years=(1946, 2025))
    in_2025 = series.loc[series["year"] == 2025, "agreement"].iloc[0]
    before = series[series["year"].between(1992, 2024)]["agreement"].mean()
    assert int(match.group(1)) == round(in_2025 * 100)
    assert int(match.group(2)) == round(before * 100)
    assert widget.sentences[0] in plain(widget)


def test_comparison_figure_holds_the_series_and_marks_1991_and_2025():
    widget = CountryComparison()
    ax = widget.figure.axes[0]
    line = next(ln for ln in ax.lines if ln.get_label() == "United States – Soviet Union/Russia")
    years, values = line.get_xdata(), line.get_ydata()
    expected = agreement("USA", seat_series("Russia"), years=(1946, 2025)).set_index("year")["agreement"]
    assert values[list(years).index(2025)] == pytest.approx(expected[2025] * 100)
    assert values[list(years).index(1985)] == pytest.approx(expected[1985] * 100)
    marked = {ln.get_xdata()[0] for ln in ax.lines if ln.get_linestyle() == "--"}
    assert marked == {1991, 2025}
    assert 'alt="Line chart' in markup(widget)


def test_comparison_type_ahead_adds_a_state_by_alias_with_one_redraw(monkeypatch):
    widget = CountryComparison()
    calls = count_updates(widget, monkeypatch)
    widget.add_state.value = "FR"  # an ISO-2 code
    assert widget.states.value == ["United States", "Russia", "France"]
    assert len(calls) == 1
    assert widget.add_state.value == ""
    assert len(widget.sentences) == 2 and "with France on" in widget.sentences[1]


def test_comparison_unknown_name_gives_suggestions_not_a_traceback():
    widget = CountryComparison()
    widget.add_state.value = "Frnace"
    text = plain(widget)
    assert "No UN member state is called 'Frnace'" in text and "France" in text
    assert "Traceback" not in text
    widget.states.value = ["United States", "Atlantis"]
    assert "Atlantis" in plain(widget) and widget.figure is None


def test_comparison_empty_selection_and_too_many_states():
    widget = CountryComparison()
    widget.states.value = ["United States"]
    assert "at least two states" in plain(widget)
    widget.states.value = []
    assert "at least two states" in plain(widget)
    widget.states.value = ["USA", "FRA", "GBR", "DEU", "JPN", "CAN", "ITA"]
    assert "at most 6" in plain(widget)


def test_comparison_controls_change_the_answer(monkeypatch):
    widget = CountryComparison()
    calls = count_updates(widget, monkeypatch)
    widget.years.value = (1980, 1990)
    assert len(calls) == 1
    assert widget.sentences[0].startswith("In 1990 the United States voted with the Soviet Union on")
    assert "average" in widget.sentences[0] and "1980–1989" in widget.sentences[0]
    widget.definition.value = "state_dept"
    assert "rule of each year's State Department report" in widget.sentences[0]
    widget.issue.value = "hr"
    assert "on human rights" in widget.sentences[0]
    assert set(widget.series["year"]) <= set(range(1980, 1991))
    assert widget.years.continuous_update is False


def test_comparison_without_seats_starts_russia_in_1991():
    frame = comparison.comparison_series(["USA", "RUS"], years=(1946, 2025), seats=False)
    assert frame["year"].min() >= 1991
    with_seat = comparison.comparison_series(["USA", "RUS"], years=(1946, 2025), seats=True)
    assert with_seat["year"].min() == 1946


def test_comparison_no_common_votes_is_a_plain_message():
    widget = CountryComparison(states=("United States", "South Sudan"), years=(1950, 1960))
    assert "no common recorded votes" in plain(widget)


def test_resolve_states_keeps_order_and_drops_repeats():
    assert comparison.resolve_states(["Russia", "RUS", "United States"]) == ["RUS", "USA"]


# ---------------------------------------------------------------- ResolutionExplorer


def test_explorer_default_shows_es_11_7_with_groups_and_record_link():
    widget = ResolutionExplorer()
    assert widget.call["symbol"] == "A/RES/ES-11/7"
    text = plain(widget)
    assert "93 yes, 18 no, 65 abstentions" in text
    assert "https://undocs.org/en/A/RES/ES-11/7" in markup(widget)
    assert "https://digitallibrary.un.org/search?p=A/RES/ES-11/7" in markup(widget)
    groups = widget.groups.set_index("group")
    expected = how_voted("A/RES/ES-11/7").set_index("group")
    assert groups.loc["P5", "yes"] == expected.loc["P5", "yes"] == 2
    assert "United States" in next(b for b in shown(widget) if "States by vote" in b["text/html"])["text/plain"]


def test_explorer_figure_bars_are_each_groups_shares():
    widget = ResolutionExplorer()
    ax = widget.figure.axes[0]
    yes_bars = ax.containers[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    p5 = labels.index("P5 (5)")
    assert yes_bars[p5].get_width() == pytest.approx(40.0)  # 2 of the 5 permanent members
    assert [t.get_text() for t in ax.get_legend().get_texts()][:3] == ["✓ yes", "✗ no", "○ abstain"]
    assert 'alt="Bar chart of how each group voted. All members: 93 yes, 18 no' in markup(widget)


def test_explorer_search_by_symbol_and_states_by_vote(monkeypatch):
    widget = ResolutionExplorer()
    calls = count_updates(widget, monkeypatch)
    widget.query.value = "68/262"
    assert len(calls) == 1
    assert widget.call["symbol"] == "A/RES/68/262"
    assert "100 yes, 11 no, 58 abstentions" in plain(widget)
    by_vote = resolutions.states_by_vote(int(widget.call["rcid"]))
    assert "United States" in by_vote["yes"] and "Russia" in by_vote["no"]


def test_explorer_year_filter_and_result_choice():
    widget = ResolutionExplorer(query="nuclear", year=1985, symbol=None)
    assert len(widget.found) > 5
    assert set(widget.found["date"].dt.year) == {1985}
    second = widget.results.options[1][1]
    widget.results.value = second
    assert int(widget.call["rcid"]) == second


def test_explorer_no_match_is_a_plain_message():
    widget = ResolutionExplorer()
    widget.query.value = "no such words at all zzz"
    assert widget.call is None
    assert "No recorded General Assembly vote matches" in plain(widget)
    assert "Traceback" not in plain(widget)


def test_explorer_escapes_titles_from_the_data(monkeypatch):
    original = resolutions.roll_call

    def hostile(rcid):
        row = original(rcid).copy()
        row["title"] = '<img src=x onerror="alert(1)">Peace & <b>security</b>'
        return row

    monkeypatch.setattr(resolutions, "roll_call", hostile)
    widget = ResolutionExplorer()
    html = markup(widget)
    assert "<img src=x" not in html and "<b>security" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Peace &amp; &lt;b&gt;security&lt;/b&gt;" in html


def test_adoption_reading_names_the_rule():
    call = pd.Series({"yes": 60, "no": 40, "abstain": 10, "kind": "resolution", "symbol": "A/RES/99/1"})
    lines = resolutions.adoption_reading(call)
    assert lines[0].startswith("Adopted")
    assert any("simple majority" in line and "not treated as an important question" in line for line in lines)
    amendment = call.copy()
    amendment["kind"], amendment["symbol"] = "amendment", np.nan
    assert "does not record whether this vote carried" in resolutions.adoption_reading(amendment)[0]


def test_record_links():
    links = resolutions.record_links("A/RES/2758(XXVI)")
    assert links["UN Official Document System"] == "https://undocs.org/en/A/RES/2758(XXVI)"
    assert links["UN Digital Library"] == "https://digitallibrary.un.org/search?p=A/RES/2758%28XXVI%29"
    assert "search?p=" in resolutions.record_links(None, "Question of Cyprus")["UN Digital Library (search by title)"]


# ---------------------------------------------------------------- SecurityCouncilSimulator


def test_simulator_default_is_2774_as_cast_and_adopted():
    sim = SecurityCouncilSimulator()
    assert len(sim.seats) == 15 and sim.year.value == 2025
    assert sim.outcome.adopted is True
    assert sim.outcome.tally["yes"] == 10 and sim.outcome.tally["abstain"] == 5
    assert "Seats: 10 yes, 0 no, 5 abstain, 0 absent." in plain(sim)
    assert {sim.seats[c].value for c in ("DNK", "FRA", "GRC", "SVN", "GBR")} == {"abstain"}


def test_simulator_a_permanent_no_is_a_veto_and_redraws_once(monkeypatch):
    sim = SecurityCouncilSimulator()
    calls = count_updates(sim, monkeypatch)
    sim.seats["RUS"].value = "no"
    assert len(calls) == 1
    assert sim.outcome.adopted is False and "vetoed" in sim.outcome.reason
    with sim.batch():
        sim.seats["RUS"].value = "abstain"
        sim.seats["USA"].value = "absent"
        sim.seats["DNK"].value = sim.seats["GRC"].value = "yes"
    assert len(calls) == 2
    assert sim.outcome.adopted is True  # an abstention or absence of a permanent member is no veto
    assert "edited from the preset" in plain(sim)


def test_simulator_2623_procedural_over_a_russian_no():
    sim = SecurityCouncilSimulator(preset="S/RES/2623")
    assert sim.year.value == 2022 and sim.procedural.value is True
    assert sim.seats["RUS"].value == "no"
    assert sim.outcome.adopted is True and "procedural" in sim.outcome.reason
    sim.procedural.value = False
    assert sim.outcome.adopted is False and "vetoed" in sim.outcome.reason


def test_simulator_feb_2025_amendment_unknown_seats_and_published_count():
    sim = SecurityCouncilSimulator()
    keys = [k for k, p in sim.presets.items() if p.date == "2025-02-24" and k.startswith("veto:")]
    assert len(keys) == 2
    sim.preset.value = keys[0]
    votes = sim.votes()
    assert votes["RUS"] == "no"
    assert sum(v == "unknown" for v in votes.values()) == 14
    assert sim.outcome.adopted is False
    assert "9 affirmative votes" in sim.outcome.reason and "not known" in sim.outcome.reason
    assert "9 in favour (against and abstentions not stated)" in plain(sim)
    # editing a seat: the published count no longer applies, the bounds do
    sim.seats["USA"].value = "yes"
    assert sim.outcome.adopted is False and "whatever the 13 seats" in sim.outcome.reason


def test_simulator_recent_veto_presets_come_from_vetoes():
    presets = council.council_presets()
    hormuz = next(p for p in presets if p.date == "2026-04-07")
    assert {c for c, v in hormuz.votes.items() if v == "no"} == {"CHN", "RUS"}
    assert hormuz.published == {"yes": 11, "no": 2, "abstain": 2}
    for preset in presets:
        assert set(preset.votes) == set(council.council_members(preset.year)["iso3"])


def test_simulator_year_change_rebuilds_the_seats_once(monkeypatch):
    sim = SecurityCouncilSimulator()
    calls = count_updates(sim, monkeypatch)
    sim.year.value = 2010
    assert len(calls) == 1
    assert sim.preset.value == ""
    assert len(sim.seats) == 15 and "BRA" in sim.seats and "DNK" not in sim.seats
    assert sim.outcome.adopted is True


def test_council_members_take_the_ten_who_voted():
    members = council.council_members(2016)
    assert len(members) == 15 and members["permanent"].sum() == 5
    assert {"JPN", "UKR", "URY", "EGY"} <= set(members["iso3"])
    with pytest.raises(ValueError, match="2000-2026"):
        council.council_members(1999)


def test_council_decision_depends_on_unknown_seats():
    seats = dict.fromkeys(council.council_members(2025)["iso3"], "unknown")
    for code in ["DNK", "GRC", "GUY", "PAK", "PAN", "KOR", "SLE", "SVN"]:
        seats[code] = "yes"
    outcome = council.council_decision(seats, year=2025)
    assert outcome.adopted is None and "depends on the 7 seats" in outcome.reason


# ---------------------------------------------------------------- VetoTimeline


def test_veto_timeline_default_counts_match_the_analysis():
    timeline = VetoTimeline()
    expected = vetoes_per_member().set_index("member_iso3")["vetoes"]
    counts = timeline.counts.set_index("who")["vetoes"]
    assert counts.to_dict() == expected.to_dict()
    assert "USSR 90, United States 90" in plain(timeline)
    ax = timeline.figure.axes[0]
    us = next(ln for ln in ax.lines if ln.get_label().startswith("United States"))
    assert us.get_ydata()[-1] == expected["USA"]


def test_veto_timeline_subject_filter_and_recent_list():
    timeline = VetoTimeline()
    timeline.subject.value = "Syria"
    counts = timeline.counts.set_index("who")["vetoes"]
    assert counts["RUS"] >= 17 and counts["CHN"] >= 10
    assert "subjects mentioning “Syria”" in plain(timeline)
    assert list(timeline.recent["date"].dt.year.unique()) == [2022, 2023]


def test_veto_timeline_lists_2022_2026_with_counts():
    recent = veto_timeline.recent_vetoes()
    feb = recent[recent["date"] == "2025-02-24"]
    assert list(feb["count"]) == ["9 in favour", "11 in favour"]
    assert set(recent["date"].dt.year) == {2022, 2023, 2024, 2025, 2026}
    timeline = VetoTimeline()
    assert "Vetoes 2022–2026" in markup(timeline) and "S/2024/312" in markup(timeline)


def test_veto_timeline_unknown_subject_suggests(monkeypatch):
    timeline = VetoTimeline()
    calls = count_updates(timeline, monkeypatch)
    timeline.subject.value = "Syrai"
    assert len(calls) == 1
    assert "No veto's subject mentions 'Syrai'" in plain(timeline) and "Syria" in plain(timeline)


def test_veto_timeline_empty_years_and_seats():
    timeline = VetoTimeline(subject="Syria", years=(1950, 1951))
    assert "No vetoes were cast in 1950–1951" in plain(timeline)
    timeline.years.value = (1946, 2026)
    timeline.subject.value = ""
    timeline.by.value = "seat"
    assert "USSR/Russia seat 132" in plain(timeline)


# ---------------------------------------------------------------- Quiz

QUESTIONS = [
    {
        "question": "How many affirmative votes does the Council need?",
        "options": ["7", "9", "15"],
        "answer": "9",
        "explanation": "Nine of fifteen (Art. 27).",
    },
    {
        "question": "Is an abstention by a permanent member a veto?",
        "options": ["yes", "no"],
        "answer": 1,
        "explanation": "Council practice since 1946.",
    },
]


def test_quiz_gives_immediate_feedback_and_moves_on():
    quiz = Quiz(QUESTIONS)
    assert "Pick an answer" in plain(quiz)
    quiz.choice.value = 0
    assert plain(quiz) == "Not quite: the answer is “9”. Nine of fifteen (Art. 27)."
    quiz.choice.value = 1
    assert plain(quiz).startswith("Correct.")
    quiz.next.click()
    assert quiz.number.value == 1 and quiz.choice.value is None
    assert "abstention" in quiz.prompt.value
    quiz.choice.value = 1
    assert plain(quiz) == "Correct. Council practice since 1946."


def test_quiz_static_view_lists_questions_with_answers_folded():
    bundle = Quiz(QUESTIONS)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "<details><summary>Answer</summary>" in bundle["text/html"]
    assert "(b) 9" in bundle["text/plain"]


def test_quiz_bad_definitions_and_empty_quiz():
    with pytest.raises(ValueError, match="not among the options"):
        as_question({"question": "q", "options": ["a", "b"], "answer": "c"})
    with pytest.raises(ValueError, match="lacks options"):
        as_question({"question": "q", "answer": 0})
    assert feedback(as_question(QUESTIONS[0]), None)[0] is None
    assert "no questions yet" in plain(Quiz([]))


def test_quiz_escapes_question_text():
    quiz = Quiz([{"question": "<script>x</script>?", "options": ["a", "b"], "answer": 0}])
    assert "<script>" not in quiz.prompt.value and "&lt;script&gt;" in quiz.prompt.value


# ---------------------------------------------------------------- shared behaviour


@pytest.mark.parametrize(
    "make",
    [
        CountryComparison,
        ResolutionExplorer,
        SecurityCouncilSimulator,
        VetoTimeline,
        lambda: Quiz(QUESTIONS),
    ],
)
def test_every_widget_has_controls_output_and_a_static_summary(make):
    widget = make()
    assert widget.controls and all(hasattr(c, "value") or hasattr(c, "on_click") for c in widget.controls)
    assert widget.output.outputs, "a useful default view on creation"
    bundle = widget._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == widget.view.model_id
    assert bundle["text/html"].startswith('<div class="unlearn-widget">')
    assert len(bundle["text/plain"]) > 20
    sliders = [c for c in widget.controls if "Slider" in type(c).__name__]
    assert all(s.continuous_update is False for s in sliders)


def test_static_summary_is_what_nbconvert_shows_without_widget_state():
    import nbformat
    from nbconvert import HTMLExporter

    sim = SecurityCouncilSimulator()
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("unlearn.SecurityCouncilSimulator()")
    cell.outputs = [nbformat.v4.new_output("display_data", data=sim._repr_mimebundle_())]
    notebook.cells = [cell]
    html, _ = HTMLExporter().from_notebook_node(notebook)
    assert "✔ Adopted" in html and "Seats: 10 yes, 0 no, 5 abstain, 0 absent." in html
    assert "run the notebook in Jupyter to use its controls" in html


def test_plotting_palette_projector_and_alt_text():
    assert plotting.OKABE_ITO["vermillion"] == "#D55E00"
    assert len({s.marker for s in plotting.VOTE_STYLE.values()}) == len(plotting.VOTE_STYLE)
    assert len({s.label for s in plotting.VOTE_STYLE.values()}) == len(plotting.VOTE_STYLE)
    with plotting.projector() as switch:
        assert plotting.current_context() == "talk" and "'talk' context" in repr(switch)
        assert plotting.new_figure(4, 2).get_size_inches()[0] > 4
    assert plotting.current_context() == "notebook"
    fig = plotting.new_figure()
    fig.subplots().plot([1, 2])
    bundle = plotting.figure_bundle(fig, 'Votes "yes" & <no>')
    assert 'alt="Votes &quot;yes&quot; &amp; &lt;no&gt;"' in bundle["text/html"]


def test_comparison_figure_marks_partial_years_with_hollow_markers_and_says_so():
    from unlearn.data import coverage
    from unlearn.plotting.charts import PARTIAL_GID

    widget = CountryComparison(["United States", "Israel"], years=(2010, 2026))
    ax = widget.figure.axes[0]
    hollow = [ln for ln in ax.lines if ln.get_gid() == PARTIAL_GID]
    drawn = {int(y) for ln in hollow for y in ln.get_xdata()}
    assert drawn == {y for y in coverage.incomplete_years() if 2010 <= y <= 2026}
    assert all(ln.get_markerfacecolor() == "white" for ln in hollow)
    assert "partial years" in ax.get_xlabel() and "Hollow markers mark the years" in markup(widget)


# ---------------------------------------------------------------- in a real IPython kernel

KERNEL_TIMEOUT = 120  # s: the first cell imports unlearn and loads the tables


@pytest.fixture(scope="module")
def kernel():
    """A real IPython kernel (jupyter_client) running this checkout's unlearn."""
    import os

    from jupyter_client.manager import start_new_kernel

    root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    manager, client = start_new_kernel(kernel_name="python3", env=env)
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def run_cell(client, code: str) -> tuple[dict, list[dict]]:
    """Execute *code*; the reply and every iopub message the cell sent (until idle)."""
    msg_id = client.execute(code)
    messages = []
    while True:
        msg = client.get_iopub_msg(timeout=KERNEL_TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        reply = client.get_shell_msg(timeout=KERNEL_TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"], messages


def test_first_render_goes_into_the_output_widget_not_the_cell(kernel):
    """The cell's own outputs are the widget's view only: the verdict travels in the Output
    widget's state. Displayed inside ``with output:`` it was sent as a cell output, which a
    front-end that does not re-route it (Solara's test runner) showed above the controls."""
    reply, messages = run_cell(kernel, "import unlearn\nsim = unlearn.SecurityCouncilSimulator()\nsim")
    assert reply["status"] == "ok", reply
    cell_outputs = [m for m in messages if m["msg_type"] in ("display_data", "stream", "execute_result")]
    assert [m["msg_type"] for m in cell_outputs] == ["execute_result"]
    assert "application/vnd.jupyter.widget-view+json" in cell_outputs[0]["content"]["data"]
    states = [
        json.dumps(m["content"]["data"].get("state", {}))
        for m in messages
        if m["msg_type"] in ("comm_open", "comm_msg")
    ]
    assert sum("Adopted" in s for s in states) >= 1  # the verdict is in the Output's state


def test_package_errors_show_one_line_and_bugs_a_full_traceback(kernel):
    reply, messages = run_cell(kernel, "import unlearn\nunlearn.country('Narnia')")
    errors = [m["content"] for m in messages if m["msg_type"] == "error"]
    assert reply["status"] == "error" and len(errors) == 1
    assert errors[0]["ename"] == "UnknownNameError"
    assert len(errors[0]["traceback"]) == 1, errors[0]["traceback"]
    assert errors[0]["traceback"][0].startswith("UnknownNameError: ")
    # a real bug (not one of the package's errors) keeps IPython's full traceback
    reply, messages = run_cell(kernel, "def broken():\n    return 1 / 0\nbroken()")
    errors = [m["content"] for m in messages if m["msg_type"] == "error"]
    assert errors[0]["ename"] == "ZeroDivisionError"
    assert len(errors[0]["traceback"]) > 2 and "broken()" in "".join(errors[0]["traceback"])
    # and %tb still gives the full traceback of the package's error
    run_cell(kernel, "unlearn.country('Narnia')")
    _, messages = run_cell(kernel, "%tb")
    text = "".join(m["content"].get("text", "") for m in messages if m["msg_type"] == "stream")
    text += "".join("".join(m["content"]["traceback"]) for m in messages if m["msg_type"] == "error")
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # IPython's colours
    assert "Traceback" in text and "iso3(" in text, text[:500]  # the frames inside the package


def test_tables_show_long_texts_whole_in_a_kernel(kernel):
    claim = "x" * 140
    _, messages = run_cell(kernel, f"import pandas as pd, unlearn\npd.DataFrame({{'claim': ['{claim}']}})")
    shown = [m["content"]["data"] for m in messages if m["msg_type"] == "execute_result"][0]
    assert claim in shown["text/html"] and claim in shown["text/plain"]


def test_veto_timeline_ticks_are_whole_numbers_from_zero():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    timeline = VetoTimeline(subject="Syria")  # 17 vetoes: the default ticks were 2.5, 7.5 ...
    FigureCanvasAgg(timeline.figure).draw()
    ticks = [t.get_text() for t in timeline.figure.axes[0].get_yticklabels()]
    assert ticks and all(t.isdigit() for t in ticks), ticks  # no "2.5", no "−2.5"


def test_dropdowns_start_on_a_shown_choice():
    """A Dropdown whose value is None selects no option: the page shows a blank box."""
    comparison, explorer = CountryComparison(), ResolutionExplorer()
    assert comparison.issue.index == 0 and comparison.issue.label == "all issues"
    assert explorer.year.index == 0 and explorer.year.label == "any year"
    assert comparison.series["year"].nunique() > 1  # "all issues" still means no filter
    assert explorer.found["date"].dt.year.nunique() > 1  # and "any year" every year
