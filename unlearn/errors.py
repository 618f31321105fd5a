"""Errors that tell a student what went wrong and what to do next.

Layer: shared by all layers (below the data layer); imports nothing of unlearn.
"""


class UnlearnError(Exception):
    """Base class for every error unlearn raises on purpose."""


class DataUnavailableError(UnlearnError):
    """An upstream file is neither cached nor reachable (offline and no mirror)."""


class IntegrityError(UnlearnError):
    """A file's sha256 does not match the pinned hash; the file is never used."""


class SourceFormatError(UnlearnError):
    """An upstream file could not be parsed (corrupt, truncated or a changed format)."""


class UnknownNameError(UnlearnError, LookupError):
    """A country name, alias or code that unlearn does not know."""


class UnmappedSpellingError(UnlearnError):
    """The ingest met a country spelling that the curated alias table does not map."""


class ArgumentError(UnlearnError, ValueError):
    """An argument of the wrong kind or value (a string where a number belongs, an unknown
    option): refused with what was expected, rather than read as some other question."""


class UnknownSymbolError(UnlearnError, ValueError):
    """A resolution symbol (or an empty one) that names no recorded vote; suggests the closest."""


class NoDataWarning(UserWarning):
    """A valid question with no data behind it (a year without recorded votes, a state before it
    joined): the result is empty, and this says why (also in the frame's ``attrs["note"]``)."""
