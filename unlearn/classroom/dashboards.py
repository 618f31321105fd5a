"""The dashboards ``unlearn present NAME`` projects with Voila: one widget each, no code shown,
no exercises or answers (they are not lessons), the projector style on.

Layer: classroom tooling.

The notebooks sit inside the package (``unlearn/_dashboards``), so an installed wheel has them.

>>> sorted(DASHBOARDS)
['comparison', 'resolutions', 'simulator']
>>> dashboard_path("simulator").name
'simulator.ipynb'
>>> dashboard_path("simulater")
Traceback (most recent call last):
...
unlearn.errors.ArgumentError: no dashboard 'simulater'; did you mean 'simulator'? (unlearn present --list shows all)
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from ..errors import ArgumentError

FOLDER = Path(__file__).resolve().parent.parent / "_dashboards"

DASHBOARDS = {
    "simulator": "the Security Council simulator: fifteen seats, one draft, Art. 27",
    "resolutions": "the resolution explorer: find a General Assembly vote, see who voted how",
    "comparison": "the country comparison: how often two states voted alike, year by year",
}
"""Each dashboard's name (its file is ``NAME.ipynb``) and what it shows."""

CULL_IDLE = 600
"""Seconds after which Voila shuts down the kernel of a page nobody uses (a closed tab)."""


def dashboard_path(name: str) -> Path:
    """The notebook of dashboard *name*; an unknown name names the closest ones."""
    if name not in DASHBOARDS:
        close = difflib.get_close_matches(name, DASHBOARDS, n=2, cutoff=0.5)
        hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else f"one of {', '.join(DASHBOARDS)}"
        raise ArgumentError(f"no dashboard {name!r}; {hint} (unlearn present --list shows all)")
    return FOLDER / f"{name}.ipynb"


def voila_command(name: str, port: int = 8866, browser: bool = True, extra: list[str] = ()) -> list[str]:
    """The Voila command that serves dashboard *name* on 127.0.0.1:*port*, culling idle kernels.

    >>> command = voila_command("simulator", port=9000, browser=False)
    >>> command[1:3], "--port=9000" in command, "--no-browser" in command
    (['-m', 'voila'], True, True)
    """
    command = [
        sys.executable, "-m", "voila", str(dashboard_path(name)),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--theme=light",
        "--strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        # a kernel per open page: one left by a closed tab is culled, so a lesson's worth of
        # reloads does not fill the teacher's laptop
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
    ]
    if not browser:
        command.append("--no-browser")
    return command + list(extra)
