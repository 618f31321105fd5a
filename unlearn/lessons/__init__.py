"""The small computations the lessons (the notebooks) show, one function per question.

Layer: lessons, above the widgets and below the classroom tooling. Each function answers one
question a notebook asks (how many members on a date, who sat on the Council in a year, how
often Assembly texts pass...) from the tables and the analysis, so that a notebook cell is one
call. One module per notebook or topic:

- :mod:`.bodies`: notebook 01, the UN's bodies (membership, the Council's seats)
- :mod:`.assembly`: notebook 02, the General Assembly
- :mod:`.council`: notebook 03, the Security Council and the veto (also used by 05-07)
- :mod:`.blocs`: notebook 04, voting blocs (agreement, ideal points)
- :mod:`.roll_calls`: reading one Assembly roll call (05-07)
- :mod:`.february_2025`: notebook 05, the votes of 24 February 2025
- :mod:`.factcheck`: notebook 07, checking the news

Every name is also importable from here, as the notebooks use it (``lessons.member_count``).
"""

from .assembly import (
    ISSUES,
    emergency_sessions,
    ga_pass_rates,
    issue_counts,
    regional_group_sizes,
    yes_share_by_group,
    yes_share_by_year,
)
from .blocs import (
    AGREEMENT_ERAS,
    agreement_by_era,
    agreement_definitions,
    agreement_series,
    allies_and_rivals,
    bsv_ideal_point_series,
    coincidence_rules,
    ideal_point_positions,
    ideal_point_series,
)
from .bodies import council_seats, member_count, members_by_year
from .council import ERAS, council_vote, procedural_precedents, vetoes_by_era, vetoes_on
from .factcheck import VERDICTS, claim_cards, verdict_report, verdict_table
from .february_2025 import (
    KEY_UKRAINE_VOTES,
    US_PARTNERS,
    US_TERMS,
    agreement_on_and_off,
    alignment_shift_without,
    by_us_term,
    data_end,
    last_full_year,
    partial_year_note,
    recurring_or_new,
    ukraine_resolutions,
    ukraine_votes,
)
from .roll_calls import curated_roll_call, known_breakdown, states_voting, votes_on, what_is_known

__all__ = [
    "AGREEMENT_ERAS", "ERAS", "ISSUES", "KEY_UKRAINE_VOTES", "US_PARTNERS", "US_TERMS", "VERDICTS",
    "agreement_by_era", "agreement_definitions", "agreement_on_and_off", "agreement_series",
    "alignment_shift_without", "allies_and_rivals", "bsv_ideal_point_series", "by_us_term",
    "coincidence_rules", "claim_cards", "council_seats", "council_vote", "data_end",
    "last_full_year", "partial_year_note",
    "curated_roll_call", "emergency_sessions", "ga_pass_rates", "ideal_point_positions",
    "ideal_point_series", "issue_counts", "known_breakdown", "member_count", "members_by_year",
    "procedural_precedents", "recurring_or_new", "regional_group_sizes", "states_voting",
    "ukraine_resolutions", "ukraine_votes", "verdict_report", "verdict_table", "vetoes_by_era",
    "vetoes_on", "votes_on", "what_is_known", "yes_share_by_group", "yes_share_by_year",
]
