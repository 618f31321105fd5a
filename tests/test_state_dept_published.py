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
        for code, digits in zip(rows["iso3"], rows["decimals"], strict=True)
    ]
    rows["published"] = rows["published_pct"].map(Decimal)
    rows["off"] = [float(a - b) for a, b in zip(rows["ours"], rows["published"], strict=True)]
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
    (the rule before this test), every one of the seven comes out 0.7-1.5 points too high
    (1 at the report's rounding)."""
    assert 2017 not in incomplete_years()
    rows = compared(2017)
    assert rows["off"].tolist() == [0.0] * 7, rows[["iso3", "published", "ours"]]


def test_2017_counts_final_votes_only_paragraph_votes_put_every_figure_far_off():
    """The 2017 report emphasised "the votes taken on final resolutions over those taken on
    preliminary texts": counting the paragraph and amendment votes too (``kind=None``) puts
    each of the seven figures 4 to 11 points above the published one."""
    offs = compared(2017, kind=None)["off"]
    assert offs.min() >= 4 and offs.max() <= 11


# Years the data cannot reproduce, measured on 1-2 Dec 2026 (computed minus published, in
# points at the report's rounding): (kind, most any figure is off, figures exact). A change
# of either number means the data or the rule changed: look at why before updating it.
NOT_REPRODUCED = {
    # coverage: Voeten's file holds no vote of January-September 2018 or 2019, which the
    # reports counted; the votes of October-December give figures within 3 and 2 points
    2018: ("resolution", 3.0, 1),
    2019: ("resolution", 2.0, 3),
    # the rule to 2016 counted every plenary roll call, paragraph votes included: with every
    # roll call here (kind=None) within 2.1 and 2.4 points; resolutions only, up to 5.7 and 6.6
    2005: (None, 2.1, 0),
    2008: (None, 2.4, 0),
    # not the overall figures: the 2010 column has the small-denominator pattern of the
    # report's "important votes" table (7/9, 11/13, 8/10; data/README.md), 11.6-24.6 points above
    # the overall votes here; the 2013 column is 1.9-17.4 points above (not explained)
    2010: (None, 24.6, 0),
    2013: (None, 17.4, 0),
}


@pytest.mark.parametrize("year", sorted(NOT_REPRODUCED))
def test_the_measured_deviation_of_the_years_not_reproduced(year):
    """Pinned, not loosened: the bound is the deviation measured, and the count of exact
    figures is pinned too, so that a coverage fix (or a regression) shows here."""
    kind, most, exact = NOT_REPRODUCED[year]
    if year in (2018, 2019):
        assert year in incomplete_years()
    offs = compared(year, kind=kind)["off"]
    assert offs.abs().max() == pytest.approx(most)
    assert int((offs == 0).sum()) == exact


def test_before_2017_resolutions_alone_are_further_off_than_every_roll_call():
    # the reports to 2016 counted paragraph votes: leaving them out moves 2005 and 2008 away
    for year in (2005, 2008):
        assert compared(year)["off"].abs().max() > compared(year, kind=None)["off"].abs().max() + 3
