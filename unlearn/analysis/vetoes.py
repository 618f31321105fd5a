"""Summaries of the Security Council veto: who cast them, when, on what, and how often alone.

Layer: analysis, above the data layer and the Charter rules, below plotting and widgets.

Counting rule, as in the Dag Hammarskjöld Library's veto list: one veto per permanent member
per vetoed text (a draft resolution or an amendment). A draft vetoed by two members counts
once for each; it was cast "alone" if no other member vetoed the same text. The USSR (``SUN``)
and the Russian Federation (``RUS``) are counted apart unless ``by_seat=True`` (likewise the
Republic of China, ``TWN``, and the People's Republic, ``CHN``).
Data: :func:`unlearn.vetoes` (World Politics Data Lab's copy of the Library's list to July
2022, corrected by ``data/sc_veto_fixes.csv``, which also adds the Republic of China's 1955
veto the list omits; curated from UN meeting records after).
"""

from __future__ import annotations

import pandas as pd

from ..data import tables

SEAT_OF = {"SUN": "RUS", "TWN": "CHN"}
MEMBER_NAMES = {
    "USA": "United States",
    "GBR": "United Kingdom",
    "FRA": "France",
    "RUS": "Russia",
    "SUN": "USSR",
    "CHN": "China",
    "TWN": "Republic of China",
}
KINDS = ("draft resolution", "amendment")


def _selected(as_of, kind, by_seat: bool, vetoes: pd.DataFrame | None) -> pd.DataFrame:
    table = tables.vetoes() if vetoes is None else vetoes
    table = table.assign(date=pd.to_datetime(table["date"]))
    if as_of is not None:
        table = table[table["date"] <= pd.Timestamp(as_of)]
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        if set(kinds) - set(KINDS):
            raise ValueError(
                f"kind={kind!r}: use one of {KINDS}, a list of them, or None for both."
            )
        table = table[table["kind"].isin(kinds)]
    if by_seat:
        table = table.assign(member_iso3=table["member_iso3"].replace(SEAT_OF))
    return table


def _alone(table: pd.DataFrame) -> pd.Series:
    """True where no other member vetoed the same text (counted, not read from ``joint``, so a
    frame filtered or built by hand stays consistent)."""
    return table.groupby("vetoed_text")["member_iso3"].transform("nunique") == 1


def vetoes_per_member(
    as_of=None, kind=None, by_seat: bool = False, vetoes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """How many vetoes each permanent member cast, and how many of them alone.

    Definition: see the module docstring (one per member per vetoed text, as the Dag
    Hammarskjöld Library counts; UN Security Council, *Veto List*, research.un.org).
    *as_of*: count vetoes up to this date. *kind*: ``"draft resolution"``, ``"amendment"``
    or None for both. Columns: ``member_iso3``, ``member``, ``vetoes``, ``alone``,
    ``share_alone``, ``first``, ``last``; most vetoes first.

    >>> per = vetoes_per_member(as_of="2022-07-08").set_index("member_iso3")
    >>> int(per.loc["SUN", "vetoes"]), int(per.loc["GBR", "vetoes"]), int(per.loc["FRA", "vetoes"])
    (90, 29, 16)
    """
    table = _selected(as_of, kind, by_seat, vetoes)
    table = table.assign(alone=_alone(table))
    out = table.groupby("member_iso3").agg(
        vetoes=("vetoed_text", "size"),
        alone=("alone", "sum"),
        first=("date", "min"),
        last=("date", "max"),
    )
    out["share_alone"] = out["alone"] / out["vetoes"]
    out = out.reset_index().sort_values(["vetoes", "member_iso3"], ascending=[False, True])
    out.insert(1, "member", out["member_iso3"].map(MEMBER_NAMES).fillna(out["member_iso3"]))
    out = out.astype({"vetoes": "int64", "alone": "int64"})
    return out[
        ["member_iso3", "member", "vetoes", "alone", "share_alone", "first", "last"]
    ].reset_index(drop=True)


def vetoes_by_decade(
    as_of=None, kind=None, by_seat: bool = False, vetoes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Vetoes per permanent member per decade (tidy: one row per decade and member).

    Definition as :func:`vetoes_per_member` (the Dag Hammarskjöld Library's counting rule);
    ``decade`` is the first year (1940 for 1946-1949). Members with no veto in a decade
    have a row with 0, so the table plots as is.

    >>> d = vetoes_by_decade().set_index(["decade", "member_iso3"])["vetoes"]
    >>> int(d[(1940, "SUN")]) > 0, int(d[(1940, "USA")])
    (True, 0)
    """
    table = _selected(as_of, kind, by_seat, vetoes)
    table = table.assign(decade=(table["date"].dt.year // 10) * 10)
    counts = pd.crosstab(table["decade"], table["member_iso3"])
    long = counts.stack().rename("vetoes").reset_index()
    return (
        long.astype({"decade": "int64", "vetoes": "int64"})
        .sort_values(["decade", "member_iso3"])
        .reset_index(drop=True)
    )


def vetoes_by_subject(
    by: str = "topic",
    as_of=None,
    kind=None,
    by_seat: bool = False,
    vetoes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Vetoes per subject and member, most vetoed subject first.

    *by*: ``"topic"`` (the World Politics Data Lab's crisis topic, e.g. Israel-Palestine,
    Admission, Syria; ``"not classified"`` where it has none, as for the curated vetoes since
    2022) or ``"subject"`` (the agenda item as the Library lists it). Counting rule as
    :func:`vetoes_per_member`. Columns: the *by* column, ``member_iso3``, ``vetoes``,
    ``alone``, ``total`` (every member's vetoes on that subject).

    >>> top = vetoes_by_subject(as_of="2022-07-08")
    >>> top.iloc[0]["topic"]
    'Israel-Palestine'
    """
    if by not in ("topic", "subject"):
        raise ValueError(f"by={by!r}: use 'topic' (grouped crises) or 'subject' (agenda item).")
    table = _selected(as_of, kind, by_seat, vetoes)
    table = table.assign(alone=_alone(table))
    label = table[by].fillna("").astype("str").str.strip()
    table = table.assign(**{by: label.where(label != "", "not classified")})
    out = (
        table.groupby([by, "member_iso3"])
        .agg(vetoes=("vetoed_text", "size"), alone=("alone", "sum"))
        .reset_index()
    )
    out["total"] = out.groupby(by)["vetoes"].transform("sum")
    out = out.astype({"vetoes": "int64", "alone": "int64", "total": "int64"})
    return out.sort_values(["total", by, "vetoes"], ascending=[False, True, False]).reset_index(
        drop=True
    )
