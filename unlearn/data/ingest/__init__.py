"""Parsers: one module per upstream format, each turning raw files into raw-but-typed frames.

Layer: data (the bottom of the package: it imports no other layer but errors).

Arrows point one way: ``sources`` (files) -> ``ingest`` (parsers) -> ``build`` (tidy tables,
validated and cached) -> ``tables`` (public functions) -> analysis -> widgets -> notebooks.
Parsers know nothing of the cache; they raise :class:`~unlearn.errors.SourceFormatError`
with the file's name when a file is corrupt, truncated or not in the expected format.
"""
