"""A real-browser test: JupyterLab on 127.0.0.1, a small notebook, Debian's Chromium via Playwright.

It runs every cell, clicks widgets (a Security Council seat, a quiz answer) and checks that the
rendered output changed. Screenshots go to ``test-artifacts/`` (git-ignored); the one of the
simulator after the click is also written to ``docs/img/widget.png`` for the README.

Skipped only where Chromium is missing and ``CI`` is not set; in CI a missing Chromium fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
README_IMAGE = ROOT / "docs" / "img" / "widget.png"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START = 60  # seconds
RENDER = 120_000  # ms: the first run of a cell imports unlearn and reads the tables
CLICK = 30_000  # ms

NOTEBOOK_CELLS = [
    "import unlearn\nsim = unlearn.SecurityCouncilSimulator()\nsim",
    "quiz = unlearn.Quiz([{'question': 'Is a permanent member\\'s abstention a veto?',\n"
    "                      'options': ['yes', 'no'], 'answer': 'no',\n"
    "                      'explanation': 'Council practice since 1946 (Art. 27(3)).'}])\nquiz",
]


def chromium() -> str:
    path = shutil.which("chromium")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(
            "CI is set but Debian's chromium is not installed: install it with "
            "`apt-get install -y chromium` (.ci/run does); the browser test must run in CI."
        )
    pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_notebook(folder: Path) -> Path:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in NOTEBOOK_CELLS]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / "widgets.ipynb"
    nbformat.write(notebook, path)
    return path


def quiet_settings(settings: Path) -> None:
    """No news or update checks (nothing to fetch, no pop-up over the notebook)."""
    folder = settings / "@jupyterlab" / "apputils-extension"
    folder.mkdir(parents=True)
    (folder / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )


@contextlib.contextmanager
def jupyterlab(folder: Path):
    """A JupyterLab server on a free port with a token and its own settings, workspace and
    runtime folders; yields its base URL and token, and stops it (and its kernels) after."""
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    for name in ("settings", "workspaces", "runtime", "config"):
        (folder / name).mkdir()
    quiet_settings(folder / "settings")
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(folder / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(folder / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(folder / "runtime"),
        JUPYTER_CONFIG_DIR=str(folder / "config"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.open_browser=False",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={folder}",
        "--LabApp.news_url=None",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        command.append("--allow-root")
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_server(base, token, server, folder / "server.log")
        yield base, token
    finally:
        stop(server)
        log.close()
        if ARTIFACTS.is_dir():
            shutil.copy(folder / "server.log", ARTIFACTS / "browser-server.log")


def wait_for_server(base: str, token: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer within {SERVER_START} s:\n{log.read_text()[-3000:]}")


def stop(server: subprocess.Popen) -> None:
    """Stop the server we started and its kernels (its own process group), politely first."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)


def run_all_cells(page) -> None:
    """Run > Run All Cells; tried again (at most three times) if the cells did not start, as
    happens when the menu is used while the kernel connection is still being set up."""
    from playwright.sync_api import expect

    first_prompt = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").first
    for _ in range(3):
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        item = page.locator(".lm-Menu-item[data-command='runmenu:run-all']")
        item.wait_for(state="visible")
        item.click()
        try:
            expect(first_prompt).not_to_have_text("[ ]:", timeout=10_000)
            return
        except AssertionError:
            page.keyboard.press("Escape")
    pytest.fail("Run > Run All Cells did not start the cells (three tries).")


def test_widgets_render_and_react_in_jupyterlab(tmp_path, built):
    from playwright.sync_api import expect, sync_playwright

    executable = chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    write_notebook(tmp_path)
    with jupyterlab(tmp_path) as (base, token), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1400})
            page.set_default_timeout(CLICK)
            page.goto(f"{base}/lab/tree/widgets.ipynb?token={token}", timeout=RENDER)
            idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
            expect(idle).to_be_visible(timeout=RENDER)  # kernel started and idle
            expect(page.locator("#jp-main-statusbar")).to_contain_text("Idle", timeout=RENDER)
            run_all_cells(page)

            cells = page.locator(".jp-Notebook .jp-CodeCell")
            simulator = cells.nth(0).locator(".jp-Cell-outputArea")
            expect(simulator.locator(".widget-output")).to_contain_text("✔ Adopted", timeout=RENDER)
            expect(simulator).to_contain_text("Seats: 10 yes, 0 no, 5 abstain")
            expect(idle).to_be_visible(timeout=RENDER)
            page.screenshot(path=str(ARTIFACTS / "browser-1-run-all.png"), full_page=True)

            russia = simulator.locator(".unlearn-seat-RUS")  # the row of Russia's seat
            expect(russia).to_contain_text("Russia (P5)")
            russia.locator("button.widget-toggle-button").filter(has_text="✗ no").click()
            expect(simulator.locator(".widget-output")).to_contain_text("✘ Not adopted", timeout=CLICK)
            expect(simulator.locator(".widget-output")).to_contain_text("vetoed: Russia voted no")
            expect(simulator.locator(".widget-output")).not_to_contain_text("✔ Adopted")
            page.screenshot(path=str(ARTIFACTS / "browser-2-russia-votes-no.png"), full_page=True)
            README_IMAGE.parent.mkdir(parents=True, exist_ok=True)
            simulator.screenshot(path=str(README_IMAGE))

            quiz = cells.nth(1).locator(".jp-Cell-outputArea")
            expect(quiz.locator(".widget-output")).to_contain_text("Pick an answer", timeout=RENDER)
            quiz.locator(".widget-radio-box label").filter(has_text="no").click()
            expect(quiz.locator(".widget-output")).to_contain_text("Correct. Council practice since 1946")
            page.screenshot(path=str(ARTIFACTS / "browser-3-quiz.png"), full_page=True)
            stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            assert stderr.count() == 0, f"warnings or errors in the notebook: {stderr.all_inner_texts()}"
        finally:
            browser.close()
