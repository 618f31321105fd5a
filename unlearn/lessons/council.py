"""Lesson helpers for notebook 03 (the Security Council and the veto), also used by 05 and 06:
vetoes by era, procedural precedents, one resolution's Council vote, the vetoes of a day, the
recent vetoes listed with their subjects whole.

Layer: lessons. Reads the Council tables (:mod:`unlearn.data.tables`) and the veto counts of
:mod:`unlearn.analysis.vetoes`.
"""

from __future__ import annotations

import pandas as pd

from ..analysis.vetoes import vetoes_per_member
from ..data import tables
from ..data.ingest import curated
from ..data.symbols import canonical
from ..widgets.veto_timeline import recent_vetoes

ERAS = {"Cold War (1946-1991)": (1946, 1991), "1992-2021": (1992, 2021), "2022-2026": (2022, 2026)}
"""The periods :func:`vetoes_by_era` compares: the Cold War (to the USSR's last year, 1991),
the three decades after, and the years since Russia's full-scale invasion of Ukraine."""


def vetoes_by_era(eras: dict[str, tuple[int, int]] | None = None, by_seat: bool = True) -> pd.DataFrame:
    """Vetoes per permanent seat (or member) in each era: one row per era, one column per seat.

    Counting rule of :func:`unlearn.analysis.vetoes.vetoes_per_member` (one veto per member
    per vetoed text, as the Dag Hammarskjöld Library counts). *by_seat* (default) adds the
    USSR to the Russian seat and the Republic of China to the China seat; ``by_seat=False``
    keeps the states apart. *eras*: names to ``(first_year, last_year)`` (default :data:`ERAS`).
    Columns: ``era``, then one per seat (``CHN``, ``FRA``, ``GBR``, ``RUS``, ``USA``), ``total``.

    >>> table = vetoes_by_era().set_index("era")
    >>> int(table.loc["Cold War (1946-1991)", "GBR"])
    29
    """
    table = tables.vetoes()
    years = table["date"].dt.year
    rows = []
    for era, (first, last) in (eras or ERAS).items():
        counts = vetoes_per_member(by_seat=by_seat, vetoes=table[years.between(first, last)])
        rows.append({"era": era, **dict(zip(counts["member_iso3"], counts["vetoes"], strict=True))})
    out = pd.DataFrame(rows).fillna(0)
    seats = sorted(c for c in out.columns if c != "era")
    out = out[["era", *seats]].astype({c: "int64" for c in seats})
    out["total"] = out[seats].sum(axis=1)
    return out


def procedural_precedents() -> pd.DataFrame:
    """Council decisions adopted although a permanent member voted no, because the matter was
    procedural (Charter Art. 27(2)): ``data/sc_procedural_votes.csv``, each row with its source.

    Columns: ``symbol``, ``date``, ``tally`` (yes-no-abstain), ``voted_no`` (the permanent
    members voting no), ``subject``, ``source``.

    >>> "S/RES/2623 (2022)" in set(procedural_precedents()["symbol"])
    True
    """
    table = curated.read("sc_procedural_votes", dates=("date",))
    return pd.DataFrame(
        {
            "symbol": table["symbol"],
            "date": table["date"].dt.date,
            "tally": table["yes"] + "-" + table["no"] + "-" + table["abstain"],
            "voted_no": [
                ", ".join(tables.country_name(c) for c in codes.split(";"))
                for codes in table["negative_permanent_iso3"]
            ],
            "subject": table["subject"],
            "source": table["source"],
        }
    ).sort_values("date", ignore_index=True)


def council_vote(symbol: str) -> pd.DataFrame:
    """Each Security Council member's vote on the adopted resolution *symbol* (``S/RES/2774``).

    Columns: ``name``, ``iso3``, ``seat`` (permanent or elected), ``vote``; permanent members
    first. Source: :func:`unlearn.sc_votes` (UN DGACM). ``.attrs["tally"]`` is the published
    yes-no-abstain, ``.attrs["title"]`` the resolution's title.

    >>> table = council_vote("S/RES/2774")
    >>> sorted(table.loc[table["vote"] == "abstain", "iso3"])
    ['DNK', 'FRA', 'GBR', 'GRC', 'SVN']
    """
    wanted = canonical(symbol).split(" (")[0]
    votes = tables.sc_votes()
    mine = votes[votes["symbol"] == wanted]
    if mine.empty:
        raise ValueError(f"no adopted Security Council resolution {wanted!r} in the data (2000-2026).")
    table = pd.DataFrame(
        {
            "name": mine["iso3"].astype(str).map(tables.country_name),
            "iso3": mine["iso3"].astype(str),
            "seat": ["permanent" if p else "elected" for p in mine["permanent"]],
            "vote": mine["vote"].astype(str),
        }
    )
    table = table.sort_values(["seat", "vote", "name"], ascending=[False, True, True]).reset_index(drop=True)
    resolutions = tables.sc_resolutions()
    row = resolutions[resolutions["symbol"] == wanted].iloc[0]
    table.attrs["tally"] = f"{int(row['yes'])}-{int(row['no'])}-{int(row['abstain'])}"
    table.attrs["title"] = row["title"]
    return table


def vetoes_on(day) -> pd.DataFrame:
    """The vetoes cast in the Security Council on *day*, one row per vetoed text and member.

    Columns: ``member``, ``kind`` (draft resolution or amendment), ``subject``, ``yes``, ``no``,
    ``abstain`` (the vote on the vetoed text; missing where the source gives only part of it).
    Source: :func:`unlearn.vetoes` (the curated rows from 2022 on cite UN press releases).

    >>> vetoes_on("2025-02-24")[["member", "kind", "yes"]].values.tolist()
    [['Russia', 'amendment', 9], ['Russia', 'amendment', 11]]
    """
    table = tables.vetoes()
    that_day = table[table["date"] == pd.Timestamp(day)]
    return pd.DataFrame(
        {
            "member": that_day["member_iso3"].map(tables.country_name),
            "kind": that_day["kind"],
            "subject": that_day["subject"],
            "yes": that_day["yes"],
            "no": that_day["no"],
            "abstain": that_day["abstain"],
        }
    ).reset_index(drop=True)


def vetoes_since(since: str = "2022-01-01") -> str:
    """Every text vetoed since *since*, two lines each: the date, draft, who vetoed it, the vote
    (yes-no-abstain, or as much of it as is known) and the kind of text; then its subject, whole
    (a table cuts long text, and the subject is what a student has to read).

    >>> print(vetoes_since("2025-06-01").splitlines()[0])
    2025-06-04  S/2025/353  United States  14-1-0  draft resolution
    """
    lines = []
    for row in recent_vetoes(since=since).itertuples():
        lines.append(f"{row.date.date()}  {row.draft}  {row.vetoed_by}  {row.count}  {row.kind}")
        lines.append(f"    {row.subject}")
    return "\n".join(lines)
