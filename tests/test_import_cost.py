"""``import unlearn`` is cheap: the plotting, widget and pandas stacks load when first used.

A hub starts one kernel per student, and every kernel used to pay for matplotlib, seaborn and
ipywidgets before its first cell did anything. How long the import takes is measured in
benchmarks/bench_startup.py, never here; this checks what it loads, in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("matplotlib", "seaborn", "ipywidgets", "pandas", "pyarrow")


def _fresh(code: str) -> str:
    env = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_import_unlearn_loads_no_plotting_widget_or_table_stack():
    code = f"import sys, json, unlearn; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    loaded = json.loads(_fresh(code))
    assert loaded == []


@pytest.mark.parametrize("name", ["SecurityCouncilSimulator", "ga_votes", "agreement", "Decision", "charts", "tables"])
def test_a_name_loads_what_it_needs_on_first_use(name):
    out = _fresh(f"import sys, unlearn; unlearn.{name}; print('pandas' in sys.modules)")
    assert out.strip() == "True"


CHAINS = ["data.cache.ensure_built", "plotting.charts", "plotting.projector", "analysis.agreement"]


@pytest.mark.parametrize("chain", CHAINS)
def test_attribute_chains_through_a_layer_work_after_a_bare_import(chain):
    assert _fresh(f"import unlearn; print(callable(unlearn.{chain}) or unlearn.{chain}.__name__)").strip() in (
        "True", f"unlearn.{chain}",
    )


def test_every_public_and_moved_name_resolves_and_is_listed():
    import unlearn

    names = [*unlearn.__all__, *unlearn._MOVED, "plotting", "analysis"]
    missing = [name for name in names if not hasattr(unlearn, name)]
    assert missing == []
    assert set(unlearn.__all__) <= set(dir(unlearn))
    from unlearn import factcheck, teaching  # the old module names still import

    assert factcheck.__name__ == "unlearn.lessons.factcheck" and teaching.__name__ == "unlearn.classroom.student_copies"
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        unlearn.nonsense  # noqa: B018
