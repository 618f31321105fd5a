"""The UN Charter's voting rules as code: Art. 18 (General Assembly), Art. 27 (Security Council).

Layer: charter, above the data layer and below the analysis.

Each function returns a :class:`Decision`: ``.adopted`` (a bool; the decision itself is
truthy when adopted) and ``.reason``, one sentence that cites the rule applied.

>>> ga_adopted(93, 18, 65)  # doctest: +NORMALIZE_WHITESPACE
Adopted: 93 in favour to 18 against is a majority of the 111 members present and voting
(Charter Art. 18(3)); the 65 abstentions do not count as voting (GA rule of procedure 86).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .errors import ArgumentError

ENLARGED = pd.Timestamp(
    "1966-01-01"
)  # Art. 23 and 27 as amended (GA res. 1991 A (XVIII)), in force 31 Aug 1965
USSR_TO_RUSSIA = pd.Timestamp("1991-12-24")  # Russia continues the USSR's seat
ROC_TO_PRC = pd.Timestamp("1971-10-25")  # GA res. 2758 (XXVI)
_PERMANENT_NAMES = {
    "USA": "the United States",
    "GBR": "the United Kingdom",
    "FRA": "France",
    "RUS": "Russia",
    "SUN": "the USSR",
    "CHN": "China",
    "TWN": "the Republic of China",
}
_TALLY_KEYS = {"yes", "no", "abstain", "absent"}


@dataclass(frozen=True)
class Decision:
    """The outcome of a vote under the Charter: ``adopted`` and the ``reason`` in a sentence."""

    adopted: bool
    reason: str

    def __bool__(self) -> bool:
        return self.adopted

    def __str__(self) -> str:
        return f"{'Adopted' if self.adopted else 'Not adopted'}: {self.reason}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.adopted else "#b42318"
        verdict = "Adopted" if self.adopted else "Not adopted"
        return f'<p><b style="color:{colour}">{verdict}</b>: {self.reason}</p>'


def _count(value, what: str) -> int:
    """A number of votes: a whole number of 0 or more (a string such as "10" is refused, not
    compared with numbers)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not float(value).is_integer()
        or value < 0
    ):
        raise ArgumentError(
            f"{what}={value!r}: give the number of votes, a whole number of 0 or more."
        )
    return int(value)


def ga_adopted(yes: int, no: int, abstain: int = 0, important: bool = False) -> Decision:
    """Whether the General Assembly adopted a text with this tally, under Charter Article 18.

    Definition: Art. 18(3): a majority of the members present and voting; Art. 18(2): on
    important questions (peace and security, elections, admission, budget...), two thirds of
    them. "Members present and voting" are those voting yes or no: abstainers count as not
    voting (rule 86 of the GA's rules of procedure). A tie rejects the text (rule 95).
    Source: Charter of the United Nations (1945), Art. 18; Rules of Procedure of the General
    Assembly (UN doc. A/520 and revisions), rules 86 and 95.

    >>> ga_adopted(93, 18, 65).adopted
    True
    >>> print(ga_adopted(60, 31, 20, important=True))  # doctest: +NORMALIZE_WHITESPACE
    Not adopted: 60 in favour is less than two thirds of the 91 members present and voting
    (61 needed on an important question, Charter Art. 18(2)); the 20 abstentions do not count
    as voting (GA rule of procedure 86).
    """
    yes, no, abstain = _count(yes, "yes"), _count(no, "no"), _count(abstain, "abstain")
    voting = yes + no
    present = f"the {voting} members present and voting"
    abstentions = f"the {abstain} abstentions do not count as voting (GA rule of procedure 86)"
    if voting == 0:
        return Decision(
            False, f"no member voted yes or no, so {present} give no majority; {abstentions}."
        )
    if important:
        needed = math.ceil(2 * voting / 3)
        rule = f"({needed} needed on an important question, Charter Art. 18(2))"
        if yes >= needed:
            return Decision(
                True, f"{yes} in favour is at least two thirds of {present} {rule}; {abstentions}."
            )
        return Decision(
            False, f"{yes} in favour is less than two thirds of {present} {rule}; {abstentions}."
        )
    if yes > no:
        reason = f"{yes} in favour to {no} against is a majority of {present} (Charter Art. 18(3))"
        reason += f"; {abstentions}."
        return Decision(True, reason)
    if yes == no:
        reason = f"the vote is tied, {yes} to {no}: an equally divided vote rejects the proposal"
        reason += " (GA rule of procedure 95)."
        return Decision(False, reason)
    return Decision(
        False, f"{yes} in favour to {no} against is no majority of {present} (Charter Art. 18(3))."
    )


def permanent_members(date=None) -> tuple[str, ...]:
    """The iso3 codes holding the five permanent seats on *date* (default: today).

    The seats of Charter Art. 23: China (the Republic of China, ``TWN``, until 25 Oct 1971;
    the People's Republic, ``CHN``, after: GA res. 2758 (XXVI)), France, the USSR (``SUN``;
    the Russian Federation, ``RUS``, from 24 Dec 1991), the United Kingdom, the United States.

    >>> permanent_members("1960-01-01")
    ('TWN', 'FRA', 'SUN', 'GBR', 'USA')
    """
    when = pd.Timestamp.now() if date is None else pd.Timestamp(date)
    china = "TWN" if when < ROC_TO_PRC else "CHN"
    russia = "SUN" if when < USSR_TO_RUSSIA else "RUS"
    return (china, "FRA", russia, "GBR", "USA")


def council_size(date=None) -> tuple[int, int]:
    """(members, affirmative votes needed) of the Security Council on *date* (default: today):
    (11, 7) before 1 January 1966, (15, 9) since (Charter Art. 23 and 27 as amended in 1963).

    >>> council_size("1950-06-27"), council_size("2022-02-27")
    ((11, 7), (15, 9))
    """
    when = pd.Timestamp.now() if date is None else pd.Timestamp(date)
    return (11, 7) if when < ENLARGED else (15, 9)


def sc_adopted(votes, procedural: bool = False, date=None, permanent_against=None) -> Decision:
    """Whether the Security Council adopted a draft with these *votes*, under Charter Article 27.

    Definition: Art. 27(2): procedural matters need nine affirmative votes; Art. 27(3): all
    other matters need nine affirmative votes "including the concurring votes of the permanent
    members". Seven of eleven before the Council grew to fifteen on 1 January 1966 (*date*
    picks the era; default: today). Since 1946 the Council has read a permanent member's
    voluntary abstention as no veto, a practice the ICJ found "consistently and uniformly"
    followed (*Namibia* advisory opinion, 1971, para. 22; the Court spoke of abstention, not
    absence). The Council treats a permanent member's absence the same way, by its own practice
    alone. Only a permanent member's no blocks a non-procedural draft.
    Source: Charter of the United Nations, Art. 27 (as amended 1965).

    *votes* is either a tally, ``{"yes": 11, "no": 1, "abstain": 3}``, with the permanent
    members voting no named in *permanent_against* (each checked against the permanent members
    on *date*; ``[]`` if none did; left out, a tally with no votes cannot tell a veto from an
    elected member's no, so the reason gives both outcomes); or each member's vote,
    ``{"RUS": "no", "USA": "yes", ...}`` (names or iso3 codes) or a frame with columns ``iso3``
    and ``vote`` such as a slice of :func:`unlearn.sc_votes`, in which case the permanent
    members are those of :func:`permanent_members` on *date*.

    >>> tally = {"yes": 11, "no": 1, "abstain": 3}  # S/RES/2623 and the draft S/2022/155
    >>> print(sc_adopted(tally, procedural=True, permanent_against=["RUS"], date="2022-02-27"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Adopted: 11 affirmative votes, 9 needed (Charter Art. 27(2)); the negative vote of Russia
    is no veto, because the matter is procedural.
    >>> sc_adopted(tally, permanent_against=["RUS"], date="2022-02-25").adopted
    False
    """
    size, needed = council_size(date)
    tally, against = _tally(votes, date, permanent_against)
    cast = tally["yes"] + tally["no"] + tally["abstain"]
    if cast > size:
        raise ValueError(
            f"{cast} votes cast, but the Council had {size} members on {date or 'this date'}: "
            "check the tally (and pass date= for votes before 1966)."
        )
    names = " and ".join(_PERMANENT_NAMES.get(code, code) for code in against or ())
    rule = "Art. 27(2)" if procedural else "Art. 27(3)"
    affirmative = f"{tally['yes']} affirmative votes, {needed} needed"
    if tally["yes"] < needed:
        return Decision(False, f"{affirmative} (Charter {rule}; the Council had {size} members).")
    if against and not procedural:
        reason = (
            f"vetoed: {names} voted no, and a permanent member's negative vote blocks a "
            f"non-procedural decision (Charter Art. 27(3)), although it had {affirmative}."
        )
        return Decision(False, reason)
    if against:
        reason = (
            f"{affirmative} (Charter Art. 27(2)); the negative vote of {names} is no veto, "
            "because the matter is procedural."
        )
        return Decision(True, reason)
    if against is None and tally["no"]:
        if procedural:
            return Decision(
                True, f"{affirmative} (Charter Art. 27(2)); no negative vote is a veto, "
                "because the matter is procedural."
            )
        return Decision(True, _unnamed_no(tally["no"], affirmative))
    reason = (
        f"{affirmative} (Charter {rule}), and no permanent member voted no "
        "(an abstention or absence is no veto)."
    )
    return Decision(True, reason)


def _unnamed_no(no: int, affirmative: str) -> str:
    """A tally's no votes without their authors: adopted only if they were elected members'."""
    if no == 1:
        who = "the negative vote came from an elected member; vetoed if it came from"
    else:
        who = f"the {no} negative votes came from elected members; vetoed if one came from"
    return (
        f"{affirmative} (Charter Art. 27(3)), so adopted if {who} a permanent member, "
        "which the tally does not say (name them with permanent_against=[...], or [] if none)."
    )


def _tally(votes, date, permanent_against) -> tuple[dict[str, int], list[str] | None]:
    """The tally and the permanent members voting no, from any of the accepted forms (None:
    a tally whose no votes are not attributed)."""
    if isinstance(votes, pd.DataFrame):
        if not {"iso3", "vote"} <= set(votes.columns):
            raise ValueError(
                "a frame of votes needs the columns iso3 and vote (like unlearn.sc_votes())."
            )
        by_state = dict(zip(votes["iso3"].astype(str), votes["vote"].astype(str), strict=True))
    elif isinstance(votes, Mapping) and set(votes) <= _TALLY_KEYS:
        tally = {k: _count(votes.get(k, 0), k) for k in ("yes", "no", "abstain")}
        if permanent_against is None:
            return tally, None
        against = _permanent(permanent_against, date)
        if len(against) > tally["no"]:
            raise ValueError(
                f"{len(against)} permanent members named against, but the tally has only "
                f"{tally['no']} no votes."
            )
        return tally, against
    elif isinstance(votes, Mapping):
        by_state = {_code(k, date): str(v).lower() for k, v in votes.items()}
    else:
        raise TypeError(
            "votes must be a tally like {'yes': 11, 'no': 1, 'abstain': 3}, a mapping of member "
            "to vote like {'RUS': 'no'}, or a frame with columns iso3 and vote."
        )
    bad = {v for v in by_state.values() if v not in _TALLY_KEYS}
    if bad:
        raise ValueError(f"unknown vote(s) {sorted(bad)}: use yes, no, abstain or absent.")
    tally = {k: sum(v == k for v in by_state.values()) for k in ("yes", "no", "abstain")}
    permanent = permanent_members(date)
    return tally, [c for c in permanent if by_state.get(c) == "no"]


def _permanent(names, date) -> list[str]:
    """*names* (one name or a list) as iso3 codes, each a permanent member on *date*."""
    codes = [_code(c, date) for c in ([names] if isinstance(names, str) else list(names))]
    permanent = permanent_members(date)
    elected = [c for c in codes if c not in permanent]
    if elected:
        raise ArgumentError(
            f"permanent_against={elected}: not a permanent member on {date or 'this date'} "
            f"(those are {', '.join(permanent)}); an elected member's no is no veto, so leave it out."
        )
    return codes


def _code(name, date) -> str:
    text = str(name).strip()
    if len(text) == 3 and text.isalpha() and text.isupper():
        return text
    from .data.tables import iso3

    return iso3(text, on=date)
