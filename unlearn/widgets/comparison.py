"""Compare how states voted in the General Assembly: agreement over time, and one sentence.

Layer: widgets, above plotting and the analysis, below the lessons.

The numbers come from :func:`unlearn.analysis.agreement.agreement` (three definitions; absent
and unknown votes never count). With ``seats=True`` a state is read as its UN seat
(Russia: the USSR until 1991, then Russia; see ``seat_series``).

>>> frame = comparison_series(["USA", "RUS"], years=(1990, 2025))
>>> print(comparison_reading(frame, "USA", "RUS", years=(1990, 2025)))  # doctest: +ELLIPSIS
In 2025 the United States voted with Russia on ...% of recorded votes, against an average of ...
>>> comparison_reading(frame, "USA", "RUS", years=(1990, 2025)).endswith("in 1992–2024.")
True
"""

from __future__ import annotations

import warnings

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..analysis._matrix import ISSUES
from ..analysis.agreement import agreement, seat_series
from ..data import tables
from ..errors import ArgumentError, NoDataWarning
from ..plotting.charts import PARTIAL_GID, partial_note, partial_rows
from ..plotting.style import MARKERS, PALETTE, figure_bundle, line_scale, new_figure, styled
from ._base import WidgetBase, html_bundle, message, year_range
from ._text import esc, name_of, percent, with_article, year_span

FIRST_YEAR, LAST_YEAR = 1946, 2026
COLD_WAR_END = 1991  # the USSR dissolved in December 1991: averages start in 1992
MARKED_YEARS = {1991: "1991: USSR dissolved", 2025: "2025"}
MAX_STATES = 6
ALL = ""  # the value of the "all issues" choice (None would render as a blank dropdown)
DEFINITION_NAMES = {
    "exact": "exact match of yes/no/abstain",
    "lijphart": "Lijphart index (Voeten)",
    "votes_only": "State Department rule to 2016 (yes/no only)",
    "state_dept": "US State Department coincidence (each year's rule)",
}
DEFINITION_PHRASES = {
    "lijphart": "by the Lijphart index, one abstention counting half",
    "votes_only": "by the State Department's rule to 2016, abstentions and absences left out",
    "state_dept": ("by the rule of each year's State Department report: abstentions and absences "
                   "left out to 2016, a split abstention counting half from 2017, an absence too from 2021"),
}


def resolve_states(names) -> list[str]:
    """The iso3 codes of *names* (names, aliases or codes), in order, without repeats.

    An unknown name raises :class:`unlearn.UnknownNameError`, whose message suggests names.

    >>> resolve_states(["United States", "USSR", "RUS", "Russia"])
    ['USA', 'SUN', 'RUS']
    """
    codes = []
    for name in names:
        text = str(name).strip()
        code = text if len(text) == 3 and text.isupper() and text.isalpha() else tables.iso3(text)
        if code not in codes:
            codes.append(code)
    return codes


def _who(code: str, seats: bool):
    return seat_series(code) if seats else code


def comparison_series(
    codes, years=(FIRST_YEAR, LAST_YEAR), issue=None, definition="exact", seats=True
) -> pd.DataFrame:
    """Agreement per year of the first state with each other one: the rows of
    :func:`agreement` with ``first`` and ``other`` (the iso3 codes as chosen) and ``pair``."""
    if len(codes) < 2:
        raise ValueError("Choose at least two states to compare (type a name, alias or code).")
    if len(codes) > MAX_STATES:
        raise ValueError(
            f"Choose at most {MAX_STATES} states: the chart gets unreadable beyond that."
        )
    first = codes[0]
    parts = []
    for other in codes[1:]:
        with warnings.catch_warnings():  # an empty pair is said by comparison_reading's sentence
            warnings.simplefilter("ignore", NoDataWarning)
            part = agreement(
                _who(first, seats),
                _who(other, seats),
                years=tuple(years),
                issue=issue,
                definition=definition,
            )
        part.insert(0, "pair", f"{seat_name(first, seats)} – {seat_name(other, seats)}")
        part.insert(0, "other", other)
        part.insert(0, "first", first)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def seat_name(code: str, seats: bool = True) -> str:
    """'Soviet Union/Russia' for Russia's seat; the state's name otherwise."""
    chain = seat_series(code).codes if seats else (code,)
    return "/".join(name_of(c) for c in chain)


def holder(code: str, year: int, seats: bool = True) -> str:
    """The name of the state holding *code*'s seat in *year* (the USSR in 1985 for Russia)."""
    if not seats:
        return name_of(code)
    countries = tables.countries().set_index("iso3")["member_from"]
    chain = seat_series(code).codes
    started = [c for c in chain if pd.notna(countries.get(c)) and countries.get(c).year <= year]
    return name_of(started[-1] if started else chain[-1])


def comparison_reading(
    frame: pd.DataFrame, first: str, other: str, years, definition="exact", issue=None, seats=True
) -> str:
    """One sentence: agreement in the last year of *years*, against the average of the years
    before it (from 1992, after the Cold War, when the period reaches back that far)."""
    rows = frame[(frame["first"] == first) & (frame["other"] == other)].dropna(subset=["agreement"])
    start, end = (int(y) for y in years)
    if rows.empty:
        return (
            f"{with_article(seat_name(first, seats))} and {with_article(seat_name(other, seats))} "
            f"have no common recorded votes in {year_span(start, end)} with these filters."
        )
    focus = end if end in set(rows["year"]) else int(rows["year"].max())
    share = rows.loc[rows["year"] == focus, "agreement"].iloc[0]
    a, b = with_article(holder(first, focus, seats)), with_article(holder(other, focus, seats))
    what = "recorded votes" + (f" on {ISSUES[issue].lower()}" if issue else "")
    if definition in DEFINITION_PHRASES:
        what += f" ({DEFINITION_PHRASES[definition]})"
    sentence = f"In {focus} {a} voted with {b} on {percent(share)} of {what}"
    reference_start = max(start, COLD_WAR_END + 1) if focus > COLD_WAR_END + 1 else start
    before = rows[(rows["year"] >= reference_start) & (rows["year"] < focus)]
    if before.empty:
        return sentence + "."
    span = year_span(int(before["year"].min()), int(before["year"].max()))
    return sentence + f", against an average of {percent(before['agreement'].mean())} in {span}."


def comparison_figure(frame: pd.DataFrame, years):
    """Agreement over time, one line per pair (own colour and marker), 1991 and 2025 marked;
    years the data hold only in part (its ``coverage`` column) get hollow markers and a note."""
    start, end = (int(y) for y in years)
    with styled():
        fig = new_figure(7.5, 3.6)
        ax = fig.subplots()
        for i, (pair, rows) in enumerate(frame.groupby("pair", sort=False)):
            line = rows.set_index("year")["agreement"].reindex(np.arange(start, end + 1)) * 100
            ax.plot(
                line.index,
                line.to_numpy(),
                color=PALETTE[i % len(PALETTE)],
                marker=MARKERS[i % len(MARKERS)],
                markersize=4 * line_scale(),
                linewidth=1.6 * line_scale(),
                label=pair,
            )
            partial = rows[partial_rows(rows).to_numpy() & rows["year"].between(start, end).to_numpy()]
            if len(partial):  # white inside: that year is held only in part
                ax.plot(partial["year"], partial["agreement"] * 100, linestyle="none",
                        marker=MARKERS[i % len(MARKERS)], markersize=7, markerfacecolor="white",
                        markeredgecolor=PALETTE[i % len(PALETTE)], gid=PARTIAL_GID, label="_nolegend_")
        for year, label in MARKED_YEARS.items():
            if start <= year <= end:
                ax.axvline(year, color="#555555", linestyle="--", linewidth=1)
                right = year > (start + end) / 2  # label on the inner side of the line
                ax.annotate(
                    label,
                    (year, 1.0),
                    xycoords=("data", "axes fraction"),
                    xytext=(-3 if right else 3, -12),
                    textcoords="offset points",
                    ha="right" if right else "left",
                    fontsize="small",
                    color="#333333",
                )
        ax.set_ylim(0, 100)
        ax.set_xlim(start - 0.5, end + 0.5)
        in_range = frame[frame["year"].between(start, end)] if "year" in frame else frame
        axis_note, _ = partial_note(in_range.drop_duplicates("year"), "year", "hollow markers")
        ax.set_xlabel(f"year\n{axis_note}" if axis_note else "year")
        ax.set_ylabel("voted alike (%)")
        fig.subplots_adjust(top=0.84)
        ax.legend(
            loc="lower left", bbox_to_anchor=(-0.01, 1.0), ncols=2, fontsize="small", frameon=False
        )
    return fig


class CountryComparison(WidgetBase):
    """How often two or more states voted alike in the General Assembly, year by year.

    Controls: ``.add_state`` (type-ahead: names, aliases, codes), ``.states`` (the chosen
    states, first compared with each other one), ``.years``, ``.issue``, ``.definition``,
    ``.seats`` (read Russia as the USSR's seat before 1992). Example::

        cc = CountryComparison(["United States", "Russia"], years=(1946, 2025))
        cc.sentences[0]   # 'In 2025 the United States voted with Russia on ...'
    """

    title = "Who votes with whom in the General Assembly"

    def __init__(
        self,
        states=("United States", "Russia"),
        years=(FIRST_YEAR, 2025),
        issue=None,
        definition: str = "exact",
        seats: bool = True,
    ) -> None:
        if isinstance(states, str):  # it would be read letter by letter: 'U', 'S', 'A'
            raise ArgumentError(
                f"states={states!r}: give a list of two or more states, the first compared with "
                f"each other one, e.g. [{states!r}, 'Russia']."
            )
        super().__init__()
        names = sorted(set(tables.countries()["short_name"]))
        self.add_state = widgets.Combobox(
            options=names,
            ensure_option=False,
            continuous_update=False,
            placeholder="name, alias or code",
            layout=widgets.Layout(width="22em"),  # the whole placeholder shows
            description="Add",
        )
        self.states = widgets.TagsInput(value=list(states), allow_duplicates=False)
        self.years = year_range(years, FIRST_YEAR, LAST_YEAR)
        # "" rather than None for "all issues": a Dropdown whose value is None shows no
        # option at all, so the page would show a blank box at start
        self.issue = widgets.Dropdown(
            options=[("all issues", ALL)] + [(n, c) for c, n in ISSUES.items()],
            value=ALL if issue is None else issue,
            description="Issue",
        )
        self.definition = widgets.Dropdown(
            options=[(n, d) for d, n in DEFINITION_NAMES.items()],
            value=definition,
            description="Agreement",
        )
        self.seats = widgets.Checkbox(
            value=seats,
            description="follow the seat (USSR → Russia)",
            indent=False,  # the label gets the room instead of a fixed 80 px description column
            layout=widgets.Layout(width="auto"),
        )
        self.series = pd.DataFrame()
        self.sentences: list[str] = []
        self.figure = None
        self.add_state.observe(self._add, names="value")
        self.watch(self.states, self.years, self.issue, self.definition, self.seats)
        self.update()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.add_state, self.states, self.years, self.issue, self.definition, self.seats]

    def layout(self) -> list[widgets.Widget]:
        return [
            widgets.HBox([self.add_state, self.states]),
            widgets.HBox([self.years, self.issue]),
            widgets.HBox([self.definition, self.seats]),
        ]

    def _add(self, change) -> None:
        text = str(change["new"]).strip()
        if not text:
            return
        try:
            code = resolve_states([text])[0]
        except LookupError as exc:
            self._show([message(str(exc), "problem")])
            return
        name = name_of(code)
        with self.batch():
            self.add_state.value = ""
            if name not in self.states.value:
                self.states.value = [*self.states.value, name]

    def compute(self) -> list[dict[str, str]]:
        self.sentences, self.figure = [], None
        codes = resolve_states(self.states.value)
        years, issue, definition, seats = (
            self.years.value,
            self.issue.value or None,
            self.definition.value,
            self.seats.value,
        )
        self.series = comparison_series(codes, years, issue, definition, seats)
        self.sentences = [
            comparison_reading(self.series, codes[0], other, years, definition, issue, seats)
            for other in codes[1:]
        ]
        if self.series["agreement"].notna().sum() == 0:
            return [message(" ".join(self.sentences))]
        self.figure = comparison_figure(self.series, years)
        text = " ".join(self.sentences)
        alt = (
            f"Line chart of the share of General Assembly votes on which the states voted alike, "
            f"{year_span(*years)}, one line per pair ({DEFINITION_NAMES[definition]}). {text}"
        )
        in_range = self.series[self.series["year"].between(*years)].drop_duplicates("year")
        alt += partial_note(in_range, "year", "hollow markers")[1]
        return [
            html_bundle("".join(f"<p>{esc(s)}</p>" for s in self.sentences), text),
            figure_bundle(self.figure, alt),
        ]
