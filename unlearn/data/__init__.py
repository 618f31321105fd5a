"""The data layer: pinned upstream files in, tidy tables out. Nothing here knows of analysis,
plots, widgets or lessons.

Layer: data (the bottom of the package: it imports no other layer but errors).

Arrows point one way, module by module::

    config (where things are)  ->  sources (pinned files: fetch, verify)
      ->  ingest/ (one parser per upstream format, plus the curated CSVs of data/)
      ->  names, symbols, membership (the rules that join the sources: one state per
          spelling and date, one symbol form per era, who was a member when)
      ->  build + validate (the tidy tables, checked on every build)
      ->  cache (parquet, built once, atomic, locked)
      ->  tables (the public functions: ga_votes(), ga_roll_calls(), countries() ...)

The curated tables themselves stay in the top-level ``data/`` folder of a checkout (shipped
as ``unlearn/_data`` in a wheel), each row with its source.
"""
