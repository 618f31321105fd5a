"""Resolution symbols in the UN's own form for their era.

Layer: data (the bottom of the package: it imports no other layer but errors).

The UN numbered General Assembly resolutions consecutively with the session in Roman numerals
until its 30th session (1975): ``A/RES/66(I)``, ``A/RES/2758(XXVI)``, emergency special
sessions ``A/RES/997(ES-I)``, special sessions ``A/RES/1(S-I)``. From the 31st session (1976)
the symbol carries the session number: ``A/RES/68/262``, ``A/RES/ES-11/7``, ``A/RES/S-32/1``.
Part letters follow after a space, as the UN's own extracts write them (``A/RES/75/290 A``).

Voeten's letters are UN part letters from the 31st session on (``R/53/77Y``: resolution 53/77 Y).
Before that they often number successive roll calls on one text: ``R/26/2758A`` to ``G`` are
seven votes (drafts, amendments, paragraphs) around the one resolution 2758 (XXVI), adopted
76-35-17 in roll call G. So in the Roman-numeral era the symbol drops the letter (the source's
own text stays in ``symbol_raw``).

Voeten's data writes ``R/68/262`` (regular) and sometimes already ``A/RES/...``: one rule per
era. Its ``ESS/1/34`` (emergency special session 1) and ``SS/2/...`` (special session 2) carry
meeting or document numbers, not resolution numbers (ESS/1/34 is resolution 997 (ES-I)), so
they give no symbol here; ``data/voeten_symbol_fixes.csv`` names the resolution where a
record matches it by date and tally.

>>> voeten_symbol("R/68/262", 68)
'A/RES/68/262'
>>> voeten_symbol("R/26/2758", 26)
'A/RES/2758(XXVI)'
>>> voeten_symbol("R/1/66", 1)
'A/RES/66(I)'
>>> voeten_symbol("ESS/1/34", 11) is None
True
>>> voeten_symbol("R/26/2758G", 26)
'A/RES/2758(XXVI)'
>>> voeten_symbol("R/53/77Y", 53)
'A/RES/53/77 Y'
>>> voeten_symbol("A/RES/ES-10/19", 72)
'A/RES/ES-10/19'
>>> voeten_symbol("", 30) is None
True
>>> roman(1976 - 1945)
'XXXI'
"""

from __future__ import annotations

import re

_NUMERALS = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]

# R/68/262, R/1/1061A, R/34/233/XII, R/33/116B/VII, ESS/2/79/D, GOAR/1/1288B, R/10 65
_VOETEN = re.compile(
    r"^(?P<kind>R|ESS|SS|GOAR)/(?P<session>\d+)[/ ](?P<number>\d+)"
    r"(?P<letters>[A-Z]{0,2})(?:/(?P<part>[A-Z]+))?$"
)
# the last session of each kind numbered the old way: regular 30 (1975), ES-V (1967), S-VII (1975)
_LAST_ROMAN = {"": 30, "ES-": 5, "S-": 7}


def roman(n: int) -> str:
    """*n* in Roman numerals."""
    out = []
    for value, letters in _NUMERALS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def un_symbol(number: int, session: int, letters: str = "", body: str = "") -> str:
    """The UN symbol of resolution *number* of *session* (*body*: ``""``, ``"ES-"`` or ``"S-"``).

    >>> un_symbol(262, 68)
    'A/RES/68/262'
    >>> un_symbol(7, 11, body="ES-")
    'A/RES/ES-11/7'
    """
    suffix = f" {letters}" if letters else ""
    if session <= _LAST_ROMAN[body]:
        return f"A/RES/{number}({body}{roman(session)}){suffix}"
    if body:
        return f"A/RES/{body}{session}/{number}{suffix}"
    return f"A/RES/{session}/{number}{suffix}"


def voeten_symbol(unres: str | None, session: int) -> str | None:
    """Voeten's ``unres`` in the UN's form; ``None`` where it names no resolution."""
    text = (unres or "").strip()
    if not text:
        return None
    if text.startswith("A/RES/"):
        return text
    match = _VOETEN.match(text)
    if match is None:
        return None
    kind, number, session = match["kind"], int(match["number"]), int(match["session"])
    letters = (match["letters"] + " " + (match["part"] or "")).strip()
    if kind in ("ESS", "SS"):
        return None  # meeting or document numbers, not resolution numbers
    if session <= _LAST_ROMAN[""]:
        letters = ""  # roll-call letters, not UN part letters (see the module docstring)
    return un_symbol(number, session, letters)


def canonical(symbol: str) -> str:
    """A symbol in one spacing, for matching user input and sources: ``"a/res/68/262"`` ->
    ``"A/RES/68/262"``; ``"S/RES/2774 (2025)"`` -> ``"S/RES/2774"``.

    >>> canonical(" a/res/ES-11/7 ")
    'A/RES/ES-11/7'
    >>> canonical("S/RES/2774 (2025)")
    'S/RES/2774'
    >>> canonical("A/RES/75/290A")
    'A/RES/75/290 A'
    """
    text = re.sub(r"\s+", " ", symbol.strip().upper())
    text = re.sub(r"^(S/RES/\d+)\s*\(\d{4}\)$", r"\1", text)
    return re.sub(r"^(A/RES/(?:[A-Z]+-)?\d+/\d+)\s?([A-Z])$", r"\1 \2", text)
