"""Small helpers for the sentences the widgets write.

Layer: widgets, above plotting and the analysis, below the lessons.
"""

from __future__ import annotations

import html

from ..data import tables

# short names read with "the" in a sentence ("the United States", "the Soviet Union")
_WITH_ARTICLE = (
    "United ",
    "Republic of ",
    "Democratic Republic",
    "Central African",
    "Dominican Republic",
    "Czech Republic",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Comoros",
    "Maldives",
    "Gambia",
    "Holy See",
    "Marshall Islands",
    "Solomon Islands",
    "Soviet Union",
    "Russian Federation",
    "Syrian Arab Republic",
    "State of Palestine",
    "Federated States",
    "Lao People's",
    "Congo",
    "Yemen Arab Republic",
    "German Democratic",
    "Federal Republic",
    "Socialist Federal",
)


def with_article(name: str) -> str:
    """*name* as it reads inside a sentence.

    >>> with_article("United States"), with_article("Russia")
    ('the United States', 'Russia')
    """
    return f"the {name}" if name.startswith(_WITH_ARTICLE) else name


def name_of(code: str) -> str:
    """The short name of an iso3 code (the code itself if unknown), as
    :func:`unlearn.country_name` gives it, looked up once per session.

    >>> name_of("SUN")
    'Soviet Union'
    """
    return tables.country_name(code)


def percent(share: float) -> str:
    """0.134 -> '13%'."""
    return f"{share * 100:.0f}%"


def esc(value) -> str:
    """HTML-escape any value from the data (titles, subjects, names)."""
    return html.escape("" if value is None else str(value))


def year_span(first: int, last: int) -> str:
    """'1992–2024', or '2024' for one year."""
    return f"{first}" if first == last else f"{first}–{last}"
