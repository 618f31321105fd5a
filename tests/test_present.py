"""``unlearn present NAME``: a dashboard served by Voila, for the projector at the front.

The dashboards are small notebooks inside the package (``unlearn/_dashboards``): one widget
each, no exercise or answer, the projector style switched on. nbval runs each of them with the
rest of the package (their widget outputs are volatile, so tagged to be ignored); the browser
test starts the real command, loads the simulator in Chromium, clicks a seat and sees the
verdict change.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from test_browser import CHROMIUM_ARGS, chromium, free_port, stop, wait_until_answering

from unlearn import cli
from unlearn.classroom import dashboards

ROOT = Path(__file__).resolve().parent.parent
START = 60  # s until Voila answers
RENDER = 90_000  # ms: the kernel imports unlearn and reads the tables before the widget shows
CLICK = 20_000  # ms


@pytest.mark.parametrize("name", sorted(dashboards.DASHBOARDS))
def test_each_dashboard_is_one_widget_with_the_projector_on_and_no_solution(name):
    notebook = nbformat.read(dashboards.dashboard_path(name), as_version=4)
    tags = {tag for cell in notebook.cells for tag in cell.metadata.get("tags", [])}
    assert not tags & {"solution", "answer", "exercise-stub"}
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert "projector()" in code[0] and len(code) == 2
    assert all(not cell.outputs for cell in notebook.cells if cell.cell_type == "code")  # Voila runs them fresh


def test_an_unknown_dashboard_is_one_line_naming_the_closest(capsys):
    assert cli.main(["present", "comparsion"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean 'comparison'?" in err


def test_present_without_a_name_says_which_there_are(capsys):
    assert cli.main(["present"]) == 2
    assert "simulator, resolutions, comparison" in capsys.readouterr().err
    assert cli.main(["present", "--list"]) == 0
    assert "the Security Council simulator" in capsys.readouterr().out


@pytest.mark.voila
def test_present_serves_the_simulator_and_a_click_on_a_seat_changes_the_verdict(built, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    executable, port = chromium(), free_port()
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    command = [sys.executable, "-m", "unlearn.cli", "present", "simulator", "--no-browser", f"--port={port}"]
    log = (tmp_path / "voila.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        # any HTTP answer will do: Voila serves no status page at every version
        wait_until_answering(f"{base}api/status", server, tmp_path / "voila.log", START, "unlearn present",
                             answers=range(100, 600))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 720})  # a 720p projector
                page.set_default_timeout(CLICK)
                page.goto(base, timeout=RENDER)
                verdict = page.locator(".widget-output").filter(has_text="Seats:")
                expect(verdict).to_contain_text("✔ Adopted", timeout=RENDER)  # S/RES/2774 as cast
                expect(page.locator("body")).not_to_contain_text("import")  # the code is hidden
                russia = page.locator(".unlearn-seat-RUS")
                russia.locator("button.widget-toggle-button").filter(has_text="✗ no").click()
                expect(verdict).to_contain_text("✘ Not adopted", timeout=CLICK)
                expect(verdict).to_contain_text("vetoed: Russia voted no")
                artifacts = ROOT / "test-artifacts"
                artifacts.mkdir(exist_ok=True)
                page.screenshot(path=str(artifacts / "present-simulator.png"), full_page=True)
            finally:
                browser.close()
    finally:
        stop(server)
        log.close()
