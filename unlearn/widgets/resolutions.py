"""Explore one General Assembly roll call: tally, outcome under Art. 18, groups, states, record.

Layer: widgets, above plotting and the analysis, below the lessons.

>>> found = search_roll_calls("ES-11/7")
>>> found["symbol"].iloc[0]
'A/RES/ES-11/7'
>>> record_links("A/RES/ES-11/7")["UN Official Document System"]
'https://undocs.org/en/A/RES/ES-11/7'
"""

from __future__ import annotations

import functools
from urllib.parse import quote

import ipywidgets as widgets
import numpy as np
import pandas as pd

from .. import charter
from ..analysis.groups import how_voted
from ..data import tables
from ..errors import ArgumentError
from ..plotting.style import VOTE_STYLE, figure_bundle, new_figure, styled
from ._base import WidgetBase, html_bundle, message
from ._text import esc, name_of

GROUP_VOTES = ("yes", "no", "abstain", "absent", "unknown")
MAX_RESULTS = 200
ANY_YEAR = 0  # the value of the "any year" choice


@functools.cache
def _search_text() -> pd.Series:
    """Symbol, title, curated names (``known_as``), agenda item and description of every roll
    call, lower-cased, for keyword search ("crimea" finds A/RES/68/262 by its curated name)."""
    calls = tables.ga_roll_calls()
    searched = ("symbol", "symbol_raw", "title", "known_as", "agenda_item", "description")
    text = calls[searched[0]].fillna("").astype("str")
    for column in searched[1:]:
        text = text + " " + calls[column].fillna("").astype("str")
    return text.str.lower()


def search_roll_calls(
    query: str = "", year: int | None = None, limit: int = MAX_RESULTS
) -> pd.DataFrame:
    """Roll calls whose symbol, title, curated names, agenda item or description contain every
    word of *query* (case-insensitive), in *year* if given; newest first, at most *limit*.

    Columns: ``rcid``, ``date``, ``symbol``, ``title``, ``kind``, ``yes``, ``no``, ``abstain``.
    """
    calls = tables.ga_roll_calls()
    keep = np.ones(len(calls), dtype=bool)
    text = _search_text()
    for word in str(query).lower().split():
        keep &= text.str.contains(word, regex=False).to_numpy()
    if year is not None:
        keep &= (calls["date"].dt.year == int(year)).to_numpy()
    columns = ["rcid", "date", "symbol", "title", "kind", "yes", "no", "abstain"]
    found = calls.loc[keep, columns].sort_values(["date", "rcid"], ascending=False)
    return found.head(limit).reset_index(drop=True)


def roll_call(rcid: int) -> pd.Series:
    """The :func:`unlearn.ga_roll_calls` row of *rcid*."""
    calls = tables.ga_roll_calls()
    rows = calls[calls["rcid"] == int(rcid)]
    if rows.empty:
        raise LookupError(f"No recorded General Assembly vote has rcid {rcid}.")
    return rows.iloc[0]


def states_by_vote(rcid: int) -> dict[str, list[str]]:
    """The members' names by vote (``yes``, ``no``, ``abstain``, ``absent``, ``unknown``)."""
    votes = tables.ga_votes()
    rows = votes[votes["rcid"].to_numpy() == int(rcid)]
    vote = rows["vote"].astype("object").fillna("unknown")
    return {
        v: sorted(name_of(c) for c in rows.loc[(vote == v).to_numpy(), "iso3"].astype("str"))
        for v in GROUP_VOTES
    }


def record_links(symbol: str | None, title: str = "") -> dict[str, str]:
    """Links to the UN record: the Digital Library search and the Official Document System."""
    if not symbol or pd.isna(symbol):
        return {
            "UN Digital Library (search by title)": f"https://digitallibrary.un.org/search?p={quote(str(title)[:120])}"
        }
    return {
        "UN Digital Library": f"https://digitallibrary.un.org/search?p={quote(symbol)}",
        "UN Official Document System": f"https://undocs.org/en/{quote(symbol, safe='/()')}",
    }


def adoption_reading(call: pd.Series) -> list[str]:
    """Whether the text was adopted and under which rule of Charter Art. 18, in sentences.

    A resolution symbol (``A/RES/...``) is given only to adopted texts; the tally then tells
    which majorities it met (:func:`unlearn.charter.ga_adopted`).
    """
    yes, no, abstain = (int(call[k]) for k in ("yes", "no", "abstain"))
    simple = charter.ga_adopted(yes, no, abstain)
    two_thirds = charter.ga_adopted(yes, no, abstain, important=True)
    adopted = (
        call["kind"] == "resolution"
        and isinstance(call["symbol"], str)
        and call["symbol"].startswith("A/RES/")
    )
    lines = [
        "Adopted: it has a resolution symbol, which only adopted texts get."
        if adopted
        else "The data does not record whether this vote carried (it is not the vote on a whole "
        "resolution)."
    ]
    lines.append(f"Under a simple majority (Charter Art. 18(3)): {simple}")
    lines.append(
        f"Under a two-thirds majority, as for important questions (Art. 18(2)): {two_thirds}"
    )
    if adopted and simple and not two_thirds:
        lines.append(
            "So it was adopted by a simple majority: it was not treated as an important question."
        )
    elif adopted and two_thirds:
        lines.append(
            "The tally meets both rules, so the outcome does not depend on which one applied."
        )
    return lines


def group_figure(groups: pd.DataFrame):
    """Horizontal stacked bars, one per group (all members left out: see the tally), each as
    100% of the group's members so that the P5 and the African Group compare. Each vote has
    its colour, a fixed place (yes, no, abstain, absent, not known) and its symbol beside the
    count (✓26, ✗1...): no hatching, which would double the drawing time."""
    rows = groups[groups["kind"] != "all"].iloc[::-1]
    members = rows["members"].to_numpy(dtype=float).clip(min=1)
    y = np.arange(len(rows))
    with styled():
        fig = new_figure(8.0, 0.42 * len(rows) + 1.2)
        fig.subplots_adjust(left=0.4, right=0.97, top=0.86, bottom=0.14 if len(rows) > 6 else 0.22)
        ax = fig.subplots()
        left = np.zeros(len(rows))
        for vote in GROUP_VOTES:
            counts = rows[vote].to_numpy(dtype=float)
            shares = 100 * counts / members
            style = VOTE_STYLE[vote]
            ax.barh(
                y,
                shares,
                left=left,
                color=style.colour,
                edgecolor="#444444",
                linewidth=0.5,
                label=style.label,
            )
            symbol = style.label.split()[0]
            for row in np.flatnonzero(shares >= 9):
                ax.text(
                    left[row] + shares[row] / 2,
                    y[row],
                    f"{symbol}{int(counts[row])}",
                    ha="center",
                    va="center",
                    fontsize="x-small",
                )
            left += shares
        ax.set_yticks(y, rows["group"] + " (" + rows["members"].astype(str) + ")")
        ax.set_xlim(0, 100)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("share of the group's members (%); labels: number of states")
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(-0.02, 1.0),
            ncols=len(GROUP_VOTES),
            fontsize="x-small",
            frameon=False,
            handlelength=1.0,
            columnspacing=0.8,
        )
    return fig


def _tally_line(call: pd.Series) -> str:
    basis = call["tally_source"]
    basis = f"{basis} tally" if basis in ("published", "counted") else f"tally from {basis}"
    return (
        f"{call['symbol'] if isinstance(call['symbol'], str) else '(no symbol)'}, "
        f"{call['date']:%d %B %Y}: {int(call['yes'])} yes, {int(call['no'])} no, "
        f"{int(call['abstain'])} abstentions ({basis}; source: {call['source']})."
    )


def _states_html(by_vote: dict[str, list[str]]) -> str:
    parts = []
    for vote, states in by_vote.items():
        if states:
            label = (
                VOTE_STYLE[vote].label
                if vote != "unknown"
                else "? not known (no public record states it)"
            )
            parts.append(
                f"<details><summary>{esc(label)}: {len(states)}</summary>"
                f"<p>{esc(', '.join(states))}</p></details>"
            )
    return "".join(parts)


def _result_label(row) -> str:
    symbol = row.symbol if isinstance(row.symbol, str) else "(no symbol)"
    return f"{row.date:%Y-%m-%d}  {symbol}  {row.title}"[:140]


class ResolutionExplorer(WidgetBase):
    """Search General Assembly roll calls and see one in full.

    Controls: ``.query`` (keyword or symbol), ``.year``, ``.results`` (the matches; pick one).
    Example::

        rx = ResolutionExplorer(query="Ukraine", symbol="A/RES/ES-11/1")
        rx.groups        # how_voted() of the roll call shown
    """

    title = "General Assembly roll calls"

    def __init__(
        self, query: str = "ES-11", year: int | None = None, symbol: str | None = "A/RES/ES-11/7"
    ) -> None:
        super().__init__()
        years = sorted(tables.ga_roll_calls()["date"].dt.year.unique(), reverse=True)
        self.query = widgets.Text(
            value=query,
            placeholder="keyword or symbol, e.g. Ukraine or A/RES/68/262",
            description="Search",
            continuous_update=False,
        )
        # 0 rather than None for "any year": a Dropdown whose value is None shows a blank box
        self.year = widgets.Dropdown(
            options=[("any year", ANY_YEAR)] + [(str(y), int(y)) for y in years],
            value=ANY_YEAR if year is None else int(year),
            description="Year",
        )
        self.results = widgets.Select(
            options=[], rows=6, description="Votes", layout=widgets.Layout(width="95%")
        )
        self.found = pd.DataFrame()
        self.groups = pd.DataFrame()
        self.call: pd.Series | None = None
        self.figure = None
        self.query.observe(self._search, names="value")
        self.year.observe(self._search, names="value")
        self.watch(self.results)
        with self.batch():
            self._search()
            wanted = self.found.loc[self.found["symbol"] == symbol, "rcid"]
            if len(wanted):
                self.results.value = int(wanted.iloc[0])
            elif symbol is not None:
                self.results.value = self._found_rcid(symbol)
            self._pending = True

    def _found_rcid(self, symbol) -> int:
        """The match that *symbol* names in any spelling (``a/res/es-11/7``); one not among the
        matches would silently show another roll call, so it is refused: an unknown symbol with
        the closest ones (tables.roll_call), a known one with how to search for it."""
        call = tables.roll_call(symbol)  # raises UnknownSymbolError for an unknown symbol
        if int(call["rcid"]) in set(self.found["rcid"].astype(int)):
            return int(call["rcid"])
        where = f" in {self.year.value}" if self.year.value else ""
        raise ArgumentError(
            f"symbol={symbol!r} ({call['symbol']}, {call['date']:%Y-%m-%d}) is not among the "
            f"matches of query={self.query.value!r}{where}; search for it, "
            f"e.g. ResolutionExplorer(query={call['symbol']!r}, symbol={call['symbol']!r})."
        )

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.query, self.year, self.results]

    def layout(self) -> list[widgets.Widget]:
        return [widgets.HBox([self.query, self.year]), self.results]

    def _search(self, _change=None) -> None:
        with self.batch():
            self.found = search_roll_calls(self.query.value, self.year.value or None)
            labels = [_result_label(r) for r in self.found.itertuples()]
            self.results.options = list(zip(labels, self.found["rcid"].astype(int), strict=True))
            self.results.value = int(self.found["rcid"].iloc[0]) if len(self.found) else None
            self._pending = True

    def compute(self) -> list[dict[str, str]]:
        self.call, self.groups, self.figure = None, pd.DataFrame(), None
        if self.results.value is None:
            where = f" in {self.year.value}" if self.year.value else ""
            return [
                message(
                    f"No recorded General Assembly vote matches {self.query.value!r}{where}. "
                    "Try one keyword (Ukraine, nuclear, Palestine), a symbol such as "
                    "A/RES/ES-11/1 or 68/262, or 'any year'."
                )
            ]
        self.call = roll_call(self.results.value)
        self.groups = how_voted(int(self.call["rcid"]))
        self.figure = group_figure(self.groups)
        return [
            self._summary_bundle(),
            figure_bundle(self.figure, self._alt_text()),
            self._states_bundle(),
        ]

    def _summary_bundle(self) -> dict[str, str]:
        call = self.call
        reading = adoption_reading(call)
        links = record_links(call["symbol"], call["title"])
        link_html = " · ".join(
            f'<a href="{esc(u)}" target="_blank" rel="noopener">{esc(n)}</a>'
            for n, u in links.items()
        )
        markup = (
            f"<h4>{esc(call['title'])}</h4><p>{esc(_tally_line(call))}</p>"
            + "".join(f"<p>{esc(line)}</p>" for line in reading)
            + f"<p>UN record: {link_html}</p>"
        )
        plain = "\n".join(
            [
                str(call["title"]),
                _tally_line(call),
                *reading,
                "UN record: " + " ; ".join(links.values()),
            ]
        )
        return html_bundle(markup, plain)

    def _alt_text(self) -> str:
        parts = [
            f"{g.group}: {g.yes} yes, {g.no} no, {g.abstain} abstain"
            + (f", {g.absent} absent" if g.absent else "")
            + (f", {g.unknown} not known" if g.unknown else "")
            for g in self.groups.itertuples()
        ]
        return "Bar chart of how each group voted. " + "; ".join(parts) + "."

    def _states_bundle(self) -> dict[str, str]:
        by_vote = states_by_vote(int(self.call["rcid"]))
        plain = "\n".join(f"{v}: {', '.join(s)}" for v, s in by_vote.items() if s)
        return html_bundle("<h5>States by vote</h5>" + _states_html(by_vote), plain)
