"""The Security Council simulator: fifteen seats, one draft, Charter Article 27.

Layer: widgets, above plotting and the analysis, below the lessons.

The seats are those of a chosen year 2000-2026: the five permanent members and the ten
elected members who voted that year (from :func:`unlearn.sc_votes`). The decision comes from
:func:`unlearn.charter.sc_adopted`. Presets come from the data only, and a seat whose vote no
source gives stays "not known" (never guessed):

>>> seats = dict.fromkeys(council_members(2022)["iso3"], "yes") | {"RUS": "no"}
>>> council_decision(seats, procedural=True, year=2022).adopted
True
>>> council_decision(seats, procedural=False, year=2022).adopted
False
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from textwrap import shorten

import ipywidgets as widgets
import pandas as pd

from .. import charter
from ..data import tables
from ..plotting.style import VOTE_STYLE
from ._base import CHOSEN, WidgetBase, html_bundle
from ._text import esc, name_of, with_article

FIRST_YEAR, LAST_YEAR = 2000, 2026
SEAT_VOTES = ("yes", "no", "abstain", "absent")


def _mid_year(year: int) -> str:
    return f"{int(year)}-07-01"


@functools.cache
def _council_votes() -> pd.DataFrame:
    """sc_votes() with each resolution's year (kept: the tables are read-only here)."""
    years = tables.sc_resolutions()[["symbol", "year"]]
    frame = tables.sc_votes().merge(years, on="symbol", how="left")
    frame["iso3"] = frame["iso3"].astype("str")
    frame["vote"] = frame["vote"].astype("str")
    return frame


def council_members(year: int) -> pd.DataFrame:
    """The fifteen members of the Council in *year* (2000-2026): the permanent members, then
    the ten elected members seated that year (from ``sc_votes()``), by name.

    Columns: ``iso3``, ``name``, ``permanent``.

    >>> list(council_members(2025)["iso3"][:5])
    ['CHN', 'FRA', 'RUS', 'GBR', 'USA']
    """
    year = int(year)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"year={year}: the seat-level Council data covers {FIRST_YEAR}-{LAST_YEAR}; "
            "pick a year in that range."
        )
    votes = _council_votes()
    permanent = list(charter.permanent_members(_mid_year(year)))
    seated = votes[(votes["year"] == year) & ~votes["iso3"].isin(permanent)]
    elected = sorted(seated["iso3"].unique(), key=name_of)
    codes = permanent + elected
    return pd.DataFrame(
        {
            "iso3": codes,
            "name": [name_of(c) for c in codes],
            "permanent": [c in permanent for c in codes],
        }
    )


@dataclass(frozen=True)
class Preset:
    """A real Council vote to load into the simulator, with where it comes from."""

    key: str
    label: str
    year: int
    votes: dict[str, str]
    procedural: bool = False
    published: dict[str, int | None] = field(default_factory=dict)
    note: str = ""
    date: str = ""

    @property
    def has_unknown(self) -> bool:
        return "unknown" in self.votes.values()


def resolution_preset(symbol: str, label: str = "") -> Preset:
    """A preset from an adopted resolution: every seat as cast (:func:`unlearn.sc_votes`)."""
    resolutions = tables.sc_resolutions().set_index("symbol")
    if symbol not in resolutions.index:
        raise LookupError(f"{symbol} is not in sc_resolutions() (2000-2026).")
    row = resolutions.loc[symbol]
    cast = _council_votes()[_council_votes()["symbol"] == symbol]
    return Preset(
        key=symbol,
        label=label or f"{symbol} ({row['date']:%d %b %Y}), as cast",
        year=int(row["year"]),
        votes=dict(zip(cast["iso3"], cast["vote"], strict=True)),
        procedural=bool(row["procedural"]),
        published={k: int(row[k]) for k in ("yes", "no", "abstain")},
        note=f"{row['title']}. Votes as cast, from the UN DGACM extract (sc_votes()).",
        date=f"{row['date']:%Y-%m-%d}",
    )


def veto_presets(since: str = "2022-01-01") -> list[Preset]:
    """One preset per vetoed text in :func:`unlearn.vetoes` since *since*: the vetoing members
    vote no; every other seat is not known at seat level (the table gives only the count)."""
    table = tables.vetoes()
    table = table[table["date"] >= pd.Timestamp(since)]
    presets = []
    for _, text in table.groupby("vetoed_text", sort=False):
        first = text.iloc[0]
        year = int(first["date"].year)
        members = council_members(year)["iso3"]
        vetoing = set(text["member_iso3"])
        by = " and ".join(name_of(c) for c in sorted(vetoing))
        published = {
            k: (None if pd.isna(first[k]) else int(first[k])) for k in ("yes", "no", "abstain")
        }
        presets.append(
            Preset(
                key=f"veto:{first['vetoed_text']}",
                label=f"{first['date']:%d %b %Y}: {first['kind']} vetoed by {by} "
                f"({shorten(first['subject'], 70)})",
                year=year,
                votes={c: ("no" if c in vetoing else "unknown") for c in members},
                published=published,
                note=(
                    f"{first['subject']} ({first['draft'] or 'symbol not known'}). From vetoes() "
                    f"(source: {first['source']}): only the vetoing members' votes are known "
                    "seat by seat."
                ),
                date=f"{first['date']:%Y-%m-%d}",
            )
        )
    return presets


@functools.cache
def council_presets() -> tuple[Preset, ...]:
    """The presets, in the order the menu shows them: S/RES/2774; S/RES/2623; the two
    amendments Russia vetoed on 24 Feb 2025; then every other veto since 2022."""
    vetoes = veto_presets()
    feb_2025 = [p for p in vetoes if p.date == "2025-02-24"]
    others = [p for p in reversed(vetoes) if p not in feb_2025]
    return (
        resolution_preset("S/RES/2774", "S/RES/2774 (24 Feb 2025, Ukraine), as cast"),
        resolution_preset(
            "S/RES/2623", "S/RES/2623 (27 Feb 2022): procedural, adopted over a Russian no"
        ),
        *feb_2025,
        *others,
    )


@dataclass(frozen=True)
class Outcome:
    """The simulated decision: ``adopted`` (None when it depends on votes not known)."""

    adopted: bool | None
    reason: str
    tally: dict[str, int]


def seat_tally(votes: Mapping[str, str]) -> dict[str, int]:
    """How many seats voted each way (``unknown`` included)."""
    return {v: sum(1 for x in votes.values() if x == v) for v in (*SEAT_VOTES, "unknown")}


def council_decision(
    votes: Mapping[str, str],
    procedural: bool = False,
    year: int = 2025,
    published: Mapping[str, int | None] | None = None,
) -> Outcome:
    """Whether the Council adopts a draft with these seat *votes* (iso3 -> yes/no/abstain/
    absent/unknown) under Art. 27, via :func:`unlearn.charter.sc_adopted`.

    Seats whose vote is ``unknown``: with a *published* count (yes, and no/abstain where
    stated), the decision is read from that count; otherwise the draft is decided only if it
    would be decided the same way whatever those seats voted (all yes, all no).
    """
    tally = seat_tally(votes)
    date = _mid_year(year)
    unknown = [c for c, v in votes.items() if v == "unknown"]
    if not unknown:
        decision = charter.sc_adopted(dict(votes), procedural=procedural, date=date)
        return Outcome(decision.adopted, decision.reason, tally)
    if published and published.get("yes") is not None:
        return _from_published(votes, procedural, date, published, tally, len(unknown))
    best = charter.sc_adopted(
        {c: ("yes" if v == "unknown" else v) for c, v in votes.items()}, procedural, date
    )
    worst = charter.sc_adopted(
        {c: ("no" if v == "unknown" else v) for c, v in votes.items()}, procedural, date
    )
    seats = f"the {len(unknown)} seats whose vote is not known"
    bounds = f"If they all voted yes: {best.reason} If they all voted no: {worst.reason}"
    if best.adopted == worst.adopted:
        verdict = "Adopted" if best.adopted else "Not adopted"
        return Outcome(best.adopted, f"{verdict} whatever {seats} did. {bounds}", tally)
    return Outcome(None, f"It depends on {seats}. {bounds}", tally)


def _from_published(votes, procedural, date, published, tally, unknown: int) -> Outcome:
    against = [c for c in charter.permanent_members(date) if votes.get(c) == "no"]
    count = {
        "yes": int(published["yes"]),
        "no": max(int(published.get("no") or 0), len(against)),
        "abstain": int(published.get("abstain") or 0),
    }
    decision = charter.sc_adopted(
        count, procedural=procedural, date=date, permanent_against=against
    )
    stated = published_count(published)
    return Outcome(
        decision.adopted,
        f"{decision.reason} (Read from the published count, {stated}; "
        f"{unknown} seats' votes are not known one by one.)",
        tally,
    )


def published_count(published: Mapping[str, int | None]) -> str:
    """'13-1-1', or '9 in favour (against and abstentions not stated)'."""
    yes, no, abstain = (published.get(k) for k in ("yes", "no", "abstain"))
    if yes is None:
        return "no count published"
    if no is None or abstain is None:
        return f"{yes} in favour (against and abstentions not stated)"
    return f"{yes}-{no}-{abstain}"


# ---------------------------------------------------------------- the widget

_VERDICT = {
    True: ("✔ Adopted", "#009E73"),
    False: ("✘ Not adopted", "#D55E00"),
    None: ("? Cannot tell from what is known", "#555555"),
}


def outcome_html(outcome: Outcome) -> str:
    words, colour = _VERDICT[outcome.adopted]
    return (
        f'<p style="font-size:1.2em"><b style="color:{colour}">{words}</b></p>'
        f"<p>{esc(outcome.reason)}</p>"
    )


def board_html(members: pd.DataFrame, votes: Mapping[str, str]) -> str:
    """The seats grouped by vote; permanent members in bold."""
    cells = []
    for vote in (*SEAT_VOTES, "unknown"):
        names = [
            (f"<b>{esc(r.name)}</b>" if r.permanent else esc(r.name))
            for r in members.itertuples()
            if votes.get(r.iso3) == vote
        ]
        if names:
            style = VOTE_STYLE[vote]
            cells.append(
                f'<td style="vertical-align:top;text-align:left;padding:0 12px;'
                f'border-top:4px solid {style.colour}">'
                f"<b>{esc(style.label)}</b> ({len(names)})<br>{'<br>'.join(names)}</td>"
            )
    return f'<table aria-label="Council seats by vote"><tr>{"".join(cells)}</tr></table>'


SELECTED_VOTE = CHOSEN  # the chosen vote of a seat: see widgets._base.CHOSEN_CSS


class SecurityCouncilSimulator(WidgetBase):
    """Fifteen seats of a chosen year; set each vote and see whether the draft passes.

    ``.preset`` (real votes to load), ``.year``, ``.procedural``, ``.seats`` (iso3 -> the
    seat's ToggleButtons). Example::

        sim = SecurityCouncilSimulator()          # S/RES/2774 as cast
        sim.seats["RUS"].value = "no"            # one permanent member's no...
        sim.update(); sim.outcome.adopted        # ...is a veto: False
    """

    title = "Security Council simulator (Charter Art. 27)"

    def __init__(self, preset: str = "S/RES/2774", year: int | None = None) -> None:
        super().__init__()
        self.presets = {p.key: p for p in council_presets()}
        options = [("— set the seats yourself —", "")] + [
            (p.label, p.key) for p in self.presets.values()
        ]
        self.preset = widgets.Dropdown(
            options=options,
            value=preset if year is None else "",
            description="Load",
            layout=widgets.Layout(width="640px"),
        )
        self.year = widgets.Dropdown(
            options=list(range(FIRST_YEAR, LAST_YEAR + 1)),
            value=year or 2025,
            description="Year",
            layout=widgets.Layout(width="160px"),
        )
        self.procedural = widgets.Checkbox(
            value=False,
            description="procedural matter (Art. 27(2))",
            style={"description_width": "initial"},
        )
        self.seat_box = widgets.VBox()
        self.seat_box.add_class("unlearn-seats")
        self.seats: dict[str, widgets.ToggleButtons] = {}
        self.outcome: Outcome | None = None
        self._loading = False
        self.preset.observe(self._load_preset, names="value")
        self.year.observe(self._new_year, names="value")
        self.watch(self.procedural)
        with self.batch():
            self._set_seats(self.year.value, {})
            self._load_preset()
            self._pending = True

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.preset, self.year, self.procedural, *self.seats.values()]

    def layout(self) -> list[widgets.Widget]:
        return [self.preset, widgets.HBox([self.year, self.procedural]), self.seat_box]

    def votes(self) -> dict[str, str]:
        """The current vote of every seat (iso3 -> vote)."""
        return {code: button.value for code, button in self.seats.items()}

    def _intact_preset(self) -> Preset | None:
        preset = self.presets.get(self.preset.value)
        if (
            preset
            and preset.year == self.year.value
            and preset.procedural == self.procedural.value
            and all(self.votes().get(c) == v for c, v in preset.votes.items())
        ):
            return preset
        return None

    def compute(self) -> list[dict[str, str]]:
        preset = self._intact_preset()
        votes = self.votes()
        self.outcome = council_decision(
            votes, self.procedural.value, self.year.value, preset.published if preset else None
        )
        members = council_members(self.year.value)
        t = self.outcome.tally
        count = (
            f"Seats: {t['yes']} yes, {t['no']} no, {t['abstain']} abstain, {t['absent']} absent"
            + (f", {t['unknown']} not known" if t["unknown"] else "")
            + "."
        )
        if preset:
            count_text = published_count(preset.published)
            source = f"Preset: {preset.label}. Published count: {count_text}. {preset.note}"
        else:
            source = "Your own votes" + (" (edited from the preset)." if self.preset.value else ".")
        markup = (
            outcome_html(self.outcome)
            + f"<p>{esc(count)}</p>"
            + board_html(members, votes)
            + f"<p><small>{esc(source)}</small></p>"
        )
        plain = "\n".join(
            [_VERDICT[self.outcome.adopted][0] + ": " + self.outcome.reason, count, source]
        )
        return [html_bundle(markup, plain)]

    # -- reacting to the controls ---------------------------------------------------
    def _load_preset(self, _change=None) -> None:
        preset = self.presets.get(self.preset.value)
        if preset is None:  # "set the seats yourself": keep the seats as they are
            return
        with self.batch():
            self._loading = True
            try:
                self.year.value = preset.year
                self.procedural.value = preset.procedural
                self._set_seats(preset.year, preset.votes, allow_unknown=preset.has_unknown)
            finally:
                self._loading = False
            self._pending = True

    def _new_year(self, _change=None) -> None:
        if self._loading:
            return
        with self.batch():
            kept = {c: v for c, v in self.votes().items() if v != "unknown"}
            self.preset.value = ""
            self._set_seats(self.year.value, kept)
            self._pending = True

    def _set_seats(self, year: int, votes: Mapping[str, str], allow_unknown: bool = False) -> None:
        options = [(VOTE_STYLE[v].label, v) for v in SEAT_VOTES]
        if allow_unknown:
            options.append((VOTE_STYLE["unknown"].label, "unknown"))
        old = list(self.seat_box.children)
        self.seats, rows = {}, []
        for row in council_members(year).itertuples():
            label = widgets.HTML(
                f"<b>{esc(row.name)}</b> (P5)" if row.permanent else esc(row.name),
                layout=widgets.Layout(width="190px"),
            )
            button = widgets.ToggleButtons(
                options=options,
                value=votes.get(row.iso3, "yes"),
                tooltips=[f"{with_article(row.name)} votes {v}" for _, v in options],
                style={"button_width": "92px"},
            )
            button.observe(self._changed, names="value")
            self.seats[row.iso3] = button
            seat = widgets.HBox([label, button])
            seat.add_class(f"unlearn-seat-{row.iso3}")
            rows.append(seat)
        self.seat_box.children = rows
        for seat in old:
            for child in seat.children:
                child.close()
            seat.close()
