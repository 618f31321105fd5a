"""Analysis of the voting tables: the questions a student asks, as functions.

Layer: analysis, above the data layer and the Charter rules, below plotting and widgets.

- agreement between states (:mod:`.agreement`): :func:`agreement`, :func:`agreement_matrix`,
  :func:`agreement_pairs`, :func:`voted_with`, :func:`seat_series`
- a roll call by group (:mod:`.groups`): :func:`how_voted`, :func:`eu_members`,
  :func:`regional_group_members`
- a state against its own past (:mod:`.divergence`): :func:`vote_shares`,
  :func:`divergence_from_own_past`, :func:`alignment_shift`
- positions on one dimension (:mod:`.ideal_points`): :func:`ideal_points`,
  :func:`validate_ideal_points` (within a session),
  :func:`validate_ideal_points_over_time` (each state's series), :func:`bsv_ideal_points`
- the veto (:mod:`.vetoes`): :func:`vetoes_per_member`, :func:`vetoes_by_decade`,
  :func:`vetoes_by_subject`

Every function reads :func:`unlearn.ga_votes` and :func:`unlearn.ga_roll_calls` unless given
frames shaped like them (``votes=``, ``roll_calls=``): :func:`toy_assembly` makes small ones
by hand, which is how the tests check each definition.
"""

from ._matrix import toy_assembly
from .agreement import (
    DEFINITIONS,
    agreement,
    agreement_matrix,
    agreement_pairs,
    seat_series,
    voted_with,
)
from .divergence import PastComparison, alignment_shift, divergence_from_own_past, vote_shares
from .groups import eu_members, how_voted, regional_group_members
from .ideal_points import (
    bsv_ideal_points,
    ideal_points,
    validate_ideal_points,
    validate_ideal_points_over_time,
)
from .vetoes import vetoes_by_decade, vetoes_by_subject, vetoes_per_member

__all__ = [
    "DEFINITIONS",
    "PastComparison",
    "agreement",
    "agreement_matrix",
    "agreement_pairs",
    "alignment_shift",
    "bsv_ideal_points",
    "divergence_from_own_past",
    "eu_members",
    "how_voted",
    "ideal_points",
    "regional_group_members",
    "seat_series",
    "validate_ideal_points",
    "validate_ideal_points_over_time",
    "toy_assembly",
    "vetoes_by_decade",
    "vetoes_by_subject",
    "vetoes_per_member",
    "vote_shares",
    "voted_with",
]
