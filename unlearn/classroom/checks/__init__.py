"""Graded checks of the exercises, keyed by notebook and exercise number (what the nbgrader
test cells of :mod:`..assignment` call).

Layer: classroom tooling.

Each notebook's checks live in a module of this folder named after the notebook's key (the
two-digit prefix: ``nb01`` for ``01_un_bodies``, ``hw01`` for ``hw01_...``), as a dict
``CHECKS = {exercise number: Check(points, visible, hidden)}``. A check receives the student's
answer (the value of ``exercise_N``) and tests its substance, computed from the data when it
runs: the right states, the right count, the right decision. It accepts every correct way of
computing it (a table, a list, a tuple, a number) and fails with one line saying what is wrong.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Check:
    """One exercise's checks: *visible* (the student can run them: the shape of the answer)
    and *hidden* (the grader adds them: the substance), worth *points* together."""

    points: int
    visible: Callable[[Any], None]
    hidden: Callable[[Any], None]


def module_name(notebook: str) -> str:
    """The checks module for a notebook name or key.

    >>> module_name("01_un_bodies"), module_name("hw02_general_assembly.ipynb"), module_name("08")
    ('nb01', 'hw02', 'nb08')
    """
    found = re.match(r"(hw)?(\d+)", notebook)
    if not found:
        raise ValueError(f"no number in the notebook name {notebook!r} (expected e.g. 01_un_bodies or hw01_...)")
    return f"{found.group(1) or 'nb'}{found.group(2)}"


def checks_for(notebook: str) -> dict[int, Check]:
    """The checks of *notebook*, by exercise number ({} if it has none)."""
    try:
        module = importlib.import_module(f"{__name__}.{module_name(notebook)}")
    except ModuleNotFoundError:
        return {}
    return module.CHECKS


def check(notebook: str, number: int, answer: Any, hidden: bool = False) -> None:
    """Run exercise *number*'s visible checks (or, with *hidden*, the grader's) on *answer*.

    A wrong answer raises AssertionError with one line saying what is wrong; a right one
    prints a short confirmation (the visible checks only say the answer has the right shape).
    """
    found = checks_for(notebook).get(number)
    if found is None:
        raise KeyError(f"no checks for exercise {number} of {notebook}")
    given(answer, number)
    (found.hidden if hidden else found.visible)(answer)
    if not hidden:
        print(f"Exercise {number}: the answer has the right form (the grader checks the rest).")


def given(answer: Any, number: int) -> None:
    """Fail if the student has not replaced the ``...`` of the stub."""
    assert answer is not Ellipsis and answer is not None, (
        f"exercise_{number} is still empty: replace the ... in exercise_{number} = ... with your answer"
    )


# -- reading an answer, whatever its form -----------------------------------------------------


def values(answer: Any) -> list:
    """Every scalar in *answer*, in order: tuples, lists, dicts, pandas objects and decisions
    (``.adopted``) opened up.

    >>> values((1, [2, "a"], {"k": True}))
    [1, 2, 'a', 'k', True]
    """
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        return [v for column in answer.columns for v in answer[column].tolist()] + list(answer.index)
    if isinstance(answer, pd.Series | pd.Index):
        return answer.tolist() + (list(answer.index) if isinstance(answer, pd.Series) else [])
    if isinstance(answer, dict):
        return [v for key, value in answer.items() for v in values(key) + values(value)]
    if isinstance(answer, list | tuple | set | frozenset):
        return [v for item in answer for v in values(item)]
    if hasattr(answer, "adopted"):  # a charter.Decision
        return [bool(answer.adopted)]
    return [answer]


def numbers(answer: Any) -> list[float]:
    """The numbers in *answer* (booleans left out).

    >>> numbers(("159", 177, True, 2.5))
    [177, 2.5]
    """
    import numpy as np

    return [
        v
        for v in values(answer)
        if isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool | np.bool_)
    ]


def counts(answer: Any) -> list[float]:
    """A count given as a number, or as the table of the things counted (its length).

    >>> import pandas as pd
    >>> counts(pd.DataFrame({"symbol": ["a", "b"]})), counts(("count", 7))
    ([2], [7])
    """
    import pandas as pd

    return [len(answer)] if isinstance(answer, pd.DataFrame) else numbers(answer)


def booleans(answer: Any) -> list[bool]:
    """The yes/no values in *answer* (True/False, or decisions).

    >>> booleans([True, 3, False])
    [True, False]
    """
    import numpy as np

    return [bool(v) for v in values(answer) if isinstance(v, bool | np.bool_)]


def column_or_values(answer: Any, *columns: str) -> list:
    """A table's first column among *columns* (or its index if it is named so), else every
    value of *answer*: where a table's rows hold the answer, only the rows count."""
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        for column in columns:
            if column in answer.columns:
                return answer[column].tolist()
            if column in (answer.index.names or []):
                return answer.index.get_level_values(column).tolist()
    return values(answer)


def states(answer: Any) -> set[str]:
    """The member states an answer names, as iso3 codes (a table's ``iso3`` or ``name``
    column, else every string that names a state)."""
    from ...data.tables import iso3
    from ...errors import UnlearnError

    found = set()
    for value in column_or_values(answer, "iso3", "name", "member", "state", "country"):
        if isinstance(value, str) and value.strip():
            try:
                found.add(iso3(value))
            except (UnlearnError, LookupError, ValueError):
                continue  # not a state's name: a vote, a title, a term
    return found


def same_set(got: set, expected: set, what: str) -> None:
    """Fail with one line naming what is missing and what is extra."""
    missing, extra = sorted(map(str, expected - got)), sorted(map(str, got - expected))
    assert not missing and not extra, f"not the right {what}: " + "; ".join(
        part
        for part in (
            f"missing {', '.join(missing)}" if missing else "",
            f"not expected {', '.join(extra)}" if extra else "",
        )
        if part
    )
