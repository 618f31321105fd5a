"""``definition="state_dept"`` against the coincidence percentages the State Department published.

The published figures are in ``data/state_dept_published.csv`` (seven WEOG members for 2005,
2008, 2010, 2013, 2017, 2018 and 2019, as quoted from the reports by the Jewish Virtual
Library; a source per row). The reports on 2022 and 2023, whose per-country tables the issue
asks for, could not be found in any corpus searched (data/README.md, "State Department voting
coincidence"): no test here can check those years.

Each year is computed from the real tables (Voeten's data and the DGACM extract) and rounded
as the report printed it (whole percent from 2017, one decimal before). Where the data hold
every plenary vote of the year (``unlearn.data.coverage.incomplete_years``), the published
figure must be reproduced exactly; where they cannot be (2018 and 2019 lack January-September
in Voeten's file; the reports to 2016 also counted paragraph and other preliminary votes), the
deviation measured on 1-2 Dec 2026 is pinned, so that a regression (or a fix of the coverage)
shows. Why each year differs is in data/README.md.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest

from unlearn.analysis import voted_with
from unlearn.data import config
from unlearn.data.coverage import incomplete_years


def published() -> pd.DataFrame:
    table = pd.read_csv(config.curated_dir() / "state_dept_published.csv", dtype=str)
    table["year"] = table["year"].astype(int)
    table["decimals"] = table["as_printed"].str.rstrip("%").str.partition(".")[2].str.len()
    return table


def as_printed(share: float, decimals: int) -> Decimal:
    """A share (0-1) as a percentage rounded the way the report prints it (half up)."""
    step = Decimal(1).scaleb(-decimals)
    return (Decimal(repr(share)) * 100).quantize(step, rounding=ROUND_HALF_UP)


def compared(year: int, kind="resolution") -> pd.DataFrame:
    """The year's published rows beside unlearn's figure at the report's rounding."""
    rows = published().query("year == @year").copy()
    ours = voted_with("USA", years=year, definition="state_dept", kind=kind).set_index("iso3")
    rows["ours"] = [
        as_printed(float(ours.loc[code, "agreement"]), digits)
        for code, digits in zip(rows["iso3"], rows["decimals"])
    ]
    rows["published"] = rows["published_pct"].map(Decimal)
    rows["off"] = [float(a - b) for a, b in zip(rows["ours"], rows["published"])]
    return rows


def test_the_table_holds_real_rows_with_a_source_each():
    table = published()
    assert len(table) == 49 and table["source"].str.startswith("https://").all()
    assert not table.duplicated(["year", "iso3"]).any()


def test_2017_reproduces_every_published_figure_to_the_report_rounding():
    """2017 is the only year of the 2017-2020 rule whose plenary votes the data hold in full.
    Seven WEOG figures are published (not the ten the issue asks for: no other 2017 figure
    was found). They reproduce only if a roll call on which both the United States and the
    other state abstained is left out, like an absence: the report scores "same" (both on one
    side), "opposite" and "partial" (one, not both, abstained); counted as identical votes
    (the rule before this test), every one of the seven comes out 1-1.5 points too high."""
    assert 2017 not in incomplete_years()
    rows = compared(2017)
    assert rows["off"].tolist() == [0.0] * 7, rows[["iso3", "published", "ours"]]
