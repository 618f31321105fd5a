"""Parsers: one module per upstream format, each turning raw files into raw-but-typed frames.

Arrows point one way: ``sources`` (files) -> ``ingest`` (parsers) -> ``build`` (tidy tables,
validated and cached) -> ``tables`` (public functions) -> analysis -> widgets -> notebooks.
Parsers know nothing of the cache; they raise :class:`~unlearn.errors.SourceFormatError`
with the file's name when a file is corrupt, truncated or not in the expected format.
"""
