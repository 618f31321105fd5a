"""docs/hub.md shows, verbatim, the JupyterHub configuration that tests/test_hub.py starts a
real hub from, so the deployment guide cannot drift from what is tested."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "docs" / "hub" / "jupyterhub_config.py"


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.S | re.M)


def test_the_guide_shows_the_tested_configuration_verbatim():
    guide = (ROOT / "docs" / "hub.md").read_text(encoding="utf-8")
    assert CONFIG.read_text(encoding="utf-8") in _python_blocks(guide)
    assert "docs/hub/jupyterhub_config.py" in (ROOT / "tests" / "test_hub.py").read_text(encoding="utf-8")


def test_the_configuration_points_the_servers_at_the_shared_cache_and_culls():
    text = CONFIG.read_text(encoding="utf-8")
    for needle in ('"UNLEARN_SHARED_CACHE"', "jupyterhub_idle_culler", "cull_idle_timeout", "mem_limit"):
        assert needle in text
