"""Vetoes by member over time, filtered by subject, with the vetoes of 2022-2026 listed.

Layer: widgets, above plotting and the analysis, below the lessons.

Counted as the Dag Hammarskjöld Library counts them (see :func:`unlearn.veto_totals`): one
veto per vetoed text per vetoing member, the USSR and Russia apart unless counted by seat.

>>> table = vetoes_matching("Syria")
>>> veto_counts(table).set_index("who")["vetoes"].to_dict()["RUS"] >= 17
True
"""

from __future__ import annotations

import functools

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from ..analysis.vetoes import MEMBER_NAMES, SEAT_OF, vetoes_per_member
from ..data import names, tables
from ..plotting.style import MEMBER_STYLE, figure_bundle, line_scale, new_figure, styled
from ._base import WidgetBase, html_bundle, year_range
from ._text import esc, name_of, year_span

FIRST_YEAR, LAST_YEAR = 1946, 2026
RECENT = "2022-01-01"
SEAT_LABELS = {
    "RUS": "USSR/Russia seat",
    "CHN": "China seat (ROC, then PRC)",
    "USA": "United States",
    "GBR": "United Kingdom",
    "FRA": "France",
}


@functools.cache
def subject_choices() -> tuple[str, ...]:
    """The topics of :func:`unlearn.vetoes`, for the type-ahead."""
    topics = tables.vetoes()["topic"].fillna("")
    return tuple(sorted(t for t in topics.unique() if t))


def vetoes_matching(subject: str | None = None, years=None) -> pd.DataFrame:
    """The rows of :func:`unlearn.vetoes` whose topic or subject contains *subject*
    (case-insensitive; None or "" for all), cast in *years* (a ``(first, last)`` tuple).

    An unknown subject raises LookupError with the closest topics.
    """
    table = tables.vetoes()
    if subject and subject.strip():
        text = subject.strip()
        hit = table["topic"].fillna("").str.contains(text, case=False, regex=False) | table[
            "subject"
        ].fillna("").str.contains(text, case=False, regex=False)
        if not hit.any():
            close = names.suggest(text, list(subject_choices()))
            raise LookupError(
                f"No veto's subject mentions {text!r}."
                + (f" Did you mean: {', '.join(close)}?" if close else "")
                + " Try a place or theme such as 'Syria', 'Gaza', 'Ukraine' or 'Admission'."
            )
        table = table[hit]
    if years is not None:
        first, last = (int(y) for y in years)
        table = table[table["date"].dt.year.between(first, last)]
    return table


def _who(table: pd.DataFrame, by: str) -> pd.Series:
    if by not in ("member", "seat"):
        raise ValueError(f"by={by!r}: count by 'member' (the state that cast it) or 'seat'.")
    return table["member_iso3"].replace(SEAT_OF) if by == "seat" else table["member_iso3"]


def who_label(code: str, by: str = "member") -> str:
    """'USSR/Russia seat' for RUS by seat; the member's name (USSR, Russia...) by member."""
    return (
        SEAT_LABELS.get(code, MEMBER_NAMES.get(code, code))
        if by == "seat"
        else MEMBER_NAMES.get(code, code)
    )


def veto_counts(table: pd.DataFrame, by: str = "member") -> pd.DataFrame:
    """Vetoes per member (or seat) in *table*, most first, from
    :func:`unlearn.analysis.vetoes_per_member`: ``who``, ``label``, ``vetoes``, ``alone``."""
    _who(table.head(0), by)  # checks *by*
    counts = vetoes_per_member(by_seat=by == "seat", vetoes=table).rename(
        columns={"member_iso3": "who"}
    )
    counts["label"] = counts["who"].map(lambda c: who_label(c, by))
    return counts[["who", "label", "vetoes", "alone"]]


def cumulative_vetoes(
    table: pd.DataFrame, by: str = "member", years=(FIRST_YEAR, LAST_YEAR)
) -> pd.DataFrame:
    """For each member (or seat) and each year in *years*: vetoes that year and in all
    the years up to it in *table*. Columns ``who``, ``year``, ``vetoes``, ``cumulative``."""
    first, last = (int(y) for y in years)
    per_year = pd.crosstab(table["date"].dt.year, _who(table, by))
    per_year = per_year.reindex(np.arange(first, last + 1), fill_value=0)
    long = per_year.stack().rename("vetoes").reset_index()
    long.columns = ["year", "who", "vetoes"]
    long = long.sort_values(["who", "year"], ignore_index=True)
    long["cumulative"] = long.groupby("who")["vetoes"].cumsum()
    return long[["who", "year", "vetoes", "cumulative"]]


def recent_vetoes(subject: str | None = None, since: str = RECENT) -> pd.DataFrame:
    """One row per text vetoed since *since*: ``date``, ``draft``, ``kind``, ``subject``,
    ``vetoed_by``, ``count`` (the published vote, or "not stated"), ``source``."""
    return _recent_vetoes((subject or "").strip(), since).copy()


@functools.lru_cache(maxsize=64)
def _recent_vetoes(subject: str, since: str) -> pd.DataFrame:
    table = vetoes_matching(subject) if subject else tables.vetoes()
    table = table[table["date"] >= pd.Timestamp(since)]
    rows = []
    for _, text in table.groupby("vetoed_text", sort=False):
        first = text.iloc[0]
        known = not any(pd.isna(first[k]) for k in ("yes", "no", "abstain"))
        rows.append(
            {
                "date": first["date"],
                "draft": first["draft"] or "symbol not known",
                "kind": first["kind"],
                "subject": first["subject"],
                "vetoed_by": " and ".join(name_of(c) for c in sorted(text["member_iso3"])),
                "count": f"{first['yes']}-{first['no']}-{first['abstain']}"
                if known
                else (f"{first['yes']} in favour" if not pd.isna(first["yes"]) else "not stated"),
                "source": first["source"],
            }
        )
    columns = ["date", "draft", "kind", "subject", "vetoed_by", "count", "source"]
    return pd.DataFrame(rows, columns=columns).sort_values("date", ignore_index=True)


def veto_sentence(counts: pd.DataFrame, subject: str | None, years) -> str:
    span = year_span(*years)
    about = f" on subjects mentioning “{subject.strip()}”" if subject and subject.strip() else ""
    if counts.empty:
        return f"No vetoes were cast in {span}{about}."
    listed = ", ".join(
        f"{label} {n}" for label, n in zip(counts["label"], counts["vetoes"], strict=True)
    )
    return f"Vetoes cast in {span}{about}: {listed} (one per vetoed text per vetoing member)."


def veto_figure(cumulative: pd.DataFrame, by: str):
    """Step lines of cumulative vetoes, one per member, each with its own marker and label
    (legend ordered by total, outside the plot)."""
    totals = cumulative.groupby("who")["vetoes"].sum().sort_values(ascending=False)
    with styled():
        fig = new_figure(8.2, 3.8)
        fig.subplots_adjust(right=0.7)
        ax = fig.subplots()
        for who, total in totals.items():
            line = cumulative[cumulative["who"] == who]
            style = MEMBER_STYLE.get(who, MEMBER_STYLE["USA"])
            cast = line[line["vetoes"] > 0]
            ax.step(line["year"], line["cumulative"], where="post", color=style.colour,
                    linewidth=2 * line_scale())
            ax.plot(
                cast["year"],
                cast["cumulative"],
                linestyle="none",
                marker=style.marker,
                color=style.colour,
                markersize=5 * line_scale(),
                label=f"{who_label(who, by)} ({int(total)})",
            )
        ax.set_xlabel("year")
        ax.set_ylabel("vetoes, cumulative")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # a count: no tick at 2.5 vetoes
        ax.set_ylim(bottom=0)  # nor below none
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years too: no 2022.5
        ax.set_xlim(cumulative["year"].min(), cumulative["year"].max() + 1)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    return fig


def recent_html(recent: pd.DataFrame) -> str:
    if recent.empty:
        return "<p>No vetoes since 2022 in this selection.</p>"
    head = "".join(
        f"<th>{h}</th>" for h in ("date", "draft", "subject", "vetoed by", "vote (yes-no-abstain)")
    )
    body = "".join(
        f"<tr><td>{r.date:%Y-%m-%d}</td><td>{esc(r.draft)}</td><td>{esc(r.subject)}</td>"
        f"<td>{esc(r.vetoed_by)}</td><td>{esc(r.count)}</td></tr>"
        for r in recent.itertuples()
    )
    return f"<h5>Vetoes 2022–2026</h5><table><tr>{head}</tr>{body}</table>"


class VetoTimeline(WidgetBase):
    """Vetoes by member over time: ``.subject`` (type-ahead, free text), ``.years`` (range
    slider), ``.by`` (state or permanent seat). Example::

        timeline = VetoTimeline(subject="Syria")
        timeline.counts          # vetoes per member on Syria
    """

    title = "Vetoes in the Security Council"

    def __init__(
        self, subject: str = "", years=(FIRST_YEAR, LAST_YEAR), by: str = "member"
    ) -> None:
        super().__init__()
        self.subject = widgets.Combobox(
            value=subject,
            options=subject_choices(),
            ensure_option=False,
            placeholder="any subject (e.g. Syria, Gaza, Ukraine)",
            description="Subject",
            continuous_update=False,
        )
        self.years = year_range(years, FIRST_YEAR, LAST_YEAR)
        self.by = widgets.ToggleButtons(
            options=[("by state", "member"), ("by permanent seat", "seat")],
            value=by,
            tooltips=["USSR and Russia apart", "USSR then Russia as one seat"],
        )
        self.counts = pd.DataFrame()
        self.timeline = pd.DataFrame()
        self.recent = pd.DataFrame()
        self.figure = None
        self.watch(self.subject, self.years, self.by)
        self.update()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.subject, self.years, self.by]

    def compute(self) -> list[dict[str, str]]:
        subject, years, by = self.subject.value, self.years.value, self.by.value
        table = vetoes_matching(subject, years)
        self.counts = veto_counts(table, by)
        self.timeline = cumulative_vetoes(table, by, years)
        self.recent = recent_vetoes(subject)
        sentence = veto_sentence(self.counts, subject, years)
        bundles = [html_bundle(f"<p>{esc(sentence)}</p>", sentence)]
        if not self.counts.empty:
            self.figure = veto_figure(self.timeline, by)
            unit = "seat" if by == "seat" else "member"
            alt = f"Step chart of vetoes over time, one line per {unit}. {sentence}"
            bundles.append(figure_bundle(self.figure, alt))
        listed = "; ".join(
            f"{r.date:%Y-%m-%d} {r.vetoed_by}: {r.subject} ({r.count})"
            for r in self.recent.itertuples()
        )
        bundles.append(
            html_bundle(recent_html(self.recent), f"Vetoes 2022–2026: {listed or 'none'}")
        )
        return bundles
