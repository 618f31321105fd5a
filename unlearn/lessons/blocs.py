"""Lesson helpers for notebook 04 (voting blocs), also used by 05: agreement by era and by
year, the definitions side by side, the State Department's rules compared, and ideal points
session by session (unlearn's) and over time (Bailey-Strezhnev-Voeten's).

Layer: lessons. Reads :mod:`unlearn.analysis.agreement` and :mod:`unlearn.analysis.ideal_points`.
"""

from __future__ import annotations

import warnings

import pandas as pd

from ..analysis._matrix import year_list
from ..analysis.agreement import Seat, agreement, seat_series, voted_with
from ..analysis.ideal_points import bsv_ideal_points, ideal_points
from ..data import coverage, tables
from ..errors import NoDataWarning

AGREEMENT_ERAS = {"1946–1991": (1946, 1991), "1992–2024": (1992, 2024), "2025": (2025, 2025), "2026": (2026, 2026)}
"""The periods notebook 04 compares: the Cold War (to the USSR's end in December 1991), the
years after, 2025, and 2026 (the data runs to mid-2026)."""


def agreement_by_era(
    country="United States", partners=("Russia",), eras=None, definition: str | list[str] = "exact"
) -> pd.DataFrame:
    """*country*'s agreement with each of *partners*, pooled over each era of *eras*.

    Definition: :func:`unlearn.analysis.agreement.agreement` with ``by=None`` over each era's
    years (default :data:`AGREEMENT_ERAS`), under *definition* (one or a list). A partner may be a name,
    a code or a seat (:func:`unlearn.analysis.agreement.seat_series`; the name ``"Russia"`` here
    means the Russian seat: the USSR until 1991). An era in which the two were never members
    together has no row.
    Columns: ``partner`` (its label), ``era``, ``definition``, ``agreement``, ``votes``.

    >>> table = agreement_by_era("USA", ["TWN", "CHN"])
    >>> sorted(table.loc[table["partner"] == "Taiwan (Republic of China)", "era"])
    ['1946–1991']
    """
    eras = AGREEMENT_ERAS if eras is None else eras
    rows = []
    for partner in partners:
        who = seat_series("Russia") if isinstance(partner, str) and partner.strip().lower() == "russia" else partner
        label = _partner_label(who, Seat)
        for era, years in eras.items():
            with warnings.catch_warnings():  # an era the two never shared has no row, by design
                warnings.simplefilter("ignore", NoDataWarning)
                frame = agreement(country, who, by=None, years=years, definition=definition)
            for _, row in frame.iterrows():
                rows.append(
                    {
                        "partner": label,
                        "era": era,
                        "definition": row["definition"],
                        "agreement": round(float(row["agreement"]), 3) if pd.notna(row["agreement"]) else None,
                        "votes": int(row["votes"]),
                    }
                )
    return pd.DataFrame(rows, columns=["partner", "era", "definition", "agreement", "votes"])


def _partner_label(who, seat_type) -> str:
    if isinstance(who, seat_type):
        return " / ".join(tables.country_name(code) for code in who.codes)
    text = str(who).strip()
    return tables.country_name(text if len(text) == 3 and text.isupper() else tables.iso3(text))


def ideal_point_positions(
    states=("USA", "GBR", "FRA", "SUN", "RUS", "CHN"), years=None, points: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Where *states* sit on the one-dimensional scale of
    :func:`unlearn.analysis.ideal_points.ideal_points`, session by session, with their rank.

    Columns: ``session``, ``year`` (the calendar year the session opened: session + 1945),
    ``iso3``, ``name``, ``ideal_point``, ``rank`` (1 = the highest position, the end of the
    scale where the United States and Western Europe stand), ``of`` (states placed that session).
    *points*: a frame from :func:`unlearn.ideal_points` to reuse (then *years* is ignored).

    >>> table = ideal_point_positions(["USA"], years=(2020, 2025))
    >>> int(table["rank"].max()) <= 3
    True
    """
    points = ideal_points(years) if points is None else points.copy()
    points["rank"] = points.groupby("session")["ideal_point"].rank(ascending=False, method="min").astype("int64")
    points["of"] = points.groupby("session")["iso3"].transform("size").astype("int64")
    chosen = points[points["iso3"].isin(list(states))].copy()
    chosen.insert(1, "year", chosen["session"] + 1945)
    chosen.insert(3, "name", chosen["iso3"].map(tables.country_name))
    return chosen[["session", "year", "iso3", "name", "ideal_point", "rank", "of"]].reset_index(drop=True)


SHOWN_DEFINITIONS = ("exact", "lijphart", "votes_only", "state_dept")
"""The definitions notebook 04 compares: exact match, Lijphart, the State Department's rule up
to 2016 kept for every year (``votes_only``), and the rule of each year's report."""


def agreement_definitions(
    a="United States", b="Russia", years=(1946, 2026), definitions=SHOWN_DEFINITIONS
) -> pd.DataFrame:
    """*a*'s agreement with *b* per year under each of *definitions*, one column each (for
    :func:`unlearn.plotting.charts.line_chart`). ``b="Russia"`` is the Russian seat (the USSR until 1991).

    Columns: ``year``, ``coverage`` (``complete`` or ``partial: <kinds>``, see
    :func:`unlearn.data.coverage.incomplete_years`), then one per definition (see
    :mod:`unlearn.analysis.agreement`: exact match; Lijphart 1963 as used by Voeten; the State
    Department's rule to 2016, ``votes_only``; ``state_dept``, the rule of each year's report).

    >>> table = agreement_definitions(years=(2015, 2018)).set_index("year")
    >>> bool((table["lijphart"] >= table["exact"]).all())
    True
    >>> bool((table.loc[[2015, 2016], "state_dept"] == table.loc[[2015, 2016], "votes_only"]).all())
    True
    """
    who = seat_series("Russia") if b == "Russia" else b
    frame = agreement(a, who, years=years, definition=list(definitions))
    frame = frame.assign(definition=frame["definition"].astype(str))
    wide = frame.pivot(index="year", columns="definition", values="agreement")
    return coverage.with_coverage(wide[list(definitions)].rename_axis(columns=None).reset_index())


def coincidence_rules(country="United States", year=2023, top: int = 6) -> pd.DataFrame:
    """The states closest to *country* in *year* by the State Department's old rule
    (``votes_only``, to 2016) and by the rule of that year's report (``state_dept``), side by
    side, to show where the choice of rule changes the answer.

    Columns: ``name``, ``votes_only``, ``rank_votes_only``, ``state_dept``, ``rank_state_dept``,
    ``absent`` (roll calls the state missed), sorted by the report's rule; the *top* first.

    >>> table = coincidence_rules(year=2023, top=4)
    >>> table["name"].tolist()[0]
    'Israel'
    """
    old = voted_with(country, years=year, definition="votes_only").set_index("iso3")
    new = voted_with(country, years=year, definition="state_dept").set_index("iso3")
    table = pd.DataFrame(
        {
            "name": new["name"],
            "votes_only": old["agreement"].reindex(new.index).round(3),
            "rank_votes_only": old["rank"].reindex(new.index).astype("Int64"),
            "state_dept": new["agreement"].round(3),
            "rank_state_dept": new["rank"],
            "absent": new["absent"],
        }
    )
    table = table.sort_values("rank_state_dept").head(top)
    table.attrs["rule"] = str(new["rule"].iloc[0])
    return table.reset_index(drop=True)


def agreement_series(
    country="United States",
    partners=("Russia", "China", "United Kingdom", "France"),
    years=(1946, 2026),
    definition: str = "exact",
) -> pd.DataFrame:
    """*country*'s agreement per year with each of *partners*, one column per partner (its
    label as in :func:`agreement_by_era`; ``"Russia"`` is the Russian seat, the USSR until
    1991). A year in which the two were not both members is missing. ``coverage`` after
    ``year``: ``complete`` or ``partial: <kinds>`` (:func:`unlearn.data.coverage.incomplete_years`).

    >>> table = agreement_series(partners=["Russia", "China"], years=(1970, 1972))
    >>> list(table.columns), bool(pd.isna(table.loc[0, "China"]))
    (['year', 'coverage', 'Soviet Union / Russia', 'China'], True)
    """
    out = pd.DataFrame({"year": year_list(years).astype("int64")})
    for partner in partners:
        who = seat_series("Russia") if partner == "Russia" else partner
        frame = agreement(country, who, years=years, definition=definition)
        out[_partner_label(who, Seat)] = out["year"].map(frame.set_index("year")["agreement"])
    out = out.dropna(how="all", subset=list(out.columns[1:])).reset_index(drop=True)
    return coverage.with_coverage(out)


def ideal_point_series(
    states=("USA", "GBR", "FRA", "RUS", "CHN", "IND"), years=None, points: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The ideal points of *states* per session, one column per state (its short name), by the
    calendar year the session opened (for :func:`unlearn.plotting.charts.line_chart`); *years* as in
    :func:`unlearn.analysis.ideal_points.ideal_points` (every session with votes in those years).
    The Russian column continues the USSR's before 1992 (the seat, as
    :func:`unlearn.analysis.agreement.seat_series` reads it; in session 46, which both voted in,
    Russia's position is shown). *points*: as in :func:`ideal_point_positions`.

    ``coverage`` after ``year``: ``partial: <kinds>`` for a session the data hold only in part
    (:func:`unlearn.data.coverage.session_coverage`).

    >>> table = ideal_point_series(["USA", "RUS"], years=(1990, 1993))
    >>> list(table.columns), table["year"].tolist()
    (['year', 'coverage', 'United States', 'Russia'], [1990, 1991, 1992, 1993])
    """
    codes = list(states) + (["SUN"] if "RUS" in states and "SUN" not in states else [])
    frame = ideal_point_positions(codes, years, points)
    frame["column"] = frame["iso3"].replace({"SUN": "RUS"} if "SUN" not in states else {})
    # session 46 (1991-92) places both the USSR and Russia: the later holder of the seat wins
    frame = frame.sort_values("iso3", key=lambda c: c.eq("RUS")).drop_duplicates(["year", "column"], keep="last")
    wide = frame.pivot(index="year", columns="column", values="ideal_point")
    wide = wide[[c for c in states if c in wide.columns]]
    wide.columns = [tables.country_name(c) for c in wide.columns]
    out = wide.rename_axis(columns=None).reset_index()
    # per session, labelled by the year it opened: a session the data hold in part says so
    out.insert(1, "coverage", coverage.session_coverage(out["year"] - 1945))
    return out



def bsv_ideal_point_series(states=("USA", "GBR", "FRA", "RUS", "CHN", "IND")) -> pd.DataFrame:
    """Bailey, Strezhnev & Voeten's published ideal points (sessions 1-74, 1946-2019) of
    *states*, one column per state (its short name), by the calendar year the session opened
    (for :func:`unlearn.plotting.charts.line_chart`). Their ``RUS`` rows are the Russian seat
    (the USSR before 1992). Their estimates are built to be compared over time (bridged on
    resolutions repeated with the same text); unlearn's own are checked only within a session.

    >>> table = bsv_ideal_point_series(["USA", "RUS"])
    >>> int(table["year"].min()), int(table["year"].max()), list(table.columns)
    (1946, 2019, ['year', 'United States', 'Russia'])
    """
    bsv = bsv_ideal_points()
    bsv = bsv[bsv["bsv_iso3"].isin(list(states))]
    wide = bsv.assign(year=bsv["session"] + 1945).pivot(index="year", columns="bsv_iso3", values="ideal_point")
    wide = wide[[c for c in states if c in wide.columns]]
    wide.columns = [tables.country_name(c) for c in wide.columns]
    return wide.rename_axis(columns=None).reset_index()


def allies_and_rivals(by_era: pd.DataFrame, rivals=("Soviet Union / Russia", "China")) -> pd.DataFrame:
    """Per era of a table from :func:`agreement_by_era` (one definition): the ally with the
    lowest agreement, the rival with the highest, and whether every ally stayed above every
    rival, so that a summary can say in which eras the gap held and in which it did not.

    Columns: ``era``, ``lowest_ally``, ``ally_agreement``, ``highest_rival``,
    ``rival_agreement``, ``every_ally_above``.

    >>> table = allies_and_rivals(agreement_by_era("USA", ["Japan", "Russia"], eras={"2025": (2025, 2025)}))
    >>> table[["lowest_ally", "highest_rival", "every_ally_above"]].values.tolist()
    [['Japan', 'Soviet Union / Russia', False]]
    """
    rows = []
    for era, part in by_era.groupby("era", sort=False):
        values = part.dropna(subset=["agreement"]).set_index("partner")["agreement"]
        allies, rival = values.drop(list(rivals), errors="ignore"), values.reindex(list(rivals)).dropna()
        rows.append(
            {
                "era": era,
                "lowest_ally": allies.idxmin(),
                "ally_agreement": allies.min(),
                "highest_rival": rival.idxmax(),
                "rival_agreement": rival.max(),
                "every_ally_above": bool(allies.min() > rival.max()),
            }
        )
    return pd.DataFrame(rows)
