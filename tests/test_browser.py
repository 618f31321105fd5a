"""A real-browser test: JupyterLab on 127.0.0.1, a small notebook, Debian's Chromium via Playwright.

It runs every cell, clicks widgets (a Security Council seat, a quiz answer) and checks that the
rendered output changed. Then it reads what a student sees on the page (each check runs, and
all failures are reported together): the dropdowns' shown choices ("all issues", "any year"),
the checkbox label not cut (scrollWidth <= clientWidth), whole-number ticks on the veto count
axis (the SVG's own text), the chart's ``alt`` attribute, the chosen vote's computed colours
(>= 3:1 against the others, bold); and after ``plotting.projector()`` at 1280x720, table and
widget fonts of at least 20 px, no vote label cut, and the chosen vote's contrast kept.

Screenshots go to ``test-artifacts/`` (git-ignored); the one of the
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
import urllib.error
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

CHART_ALT = "Line chart of UN membership: 189 in 2000, 191 in 2002."
NOTEBOOK_CELLS = [
    "import unlearn\nsim = unlearn.SecurityCouncilSimulator()\nsim",
    "quiz = unlearn.Quiz([{'question': 'Is a permanent member\\'s abstention a veto?',\n"
    "                      'options': ['yes', 'no'], 'answer': 'no',\n"
    "                      'explanation': 'Council practice since 1946 (Art. 27(3)).'}])\nquiz",
    "unlearn.CountryComparison()",
    "unlearn.ResolutionExplorer()",
    "unlearn.VetoTimeline(subject='Syria')",  # 17 vetoes: matplotlib's default ticks were 2.5, 7.5
    "import pandas as pd\nfrom unlearn.plotting import charts\n"
    "charts.line_chart(pd.DataFrame({'year': [2000, 2001, 2002], 'members': [189, 189, 191]}),\n"
    "                  'year', 'members', title='Membership grew', xlabel='year', ylabel='members',\n"
    f"                  alt={CHART_ALT!r})",
]
# typed into a new cell after the other checks (Run All would put the page in projector mode
# before they run): one line, so the editor's auto-indent and auto-close cannot change it
PROJECTOR_CELL = (
    "from unlearn import plotting; plotting.projector(); "
    "pd.DataFrame({'claim': ['The Assembly adopted it'], 'votes': [93]})"
)
MIN_CONTRAST = 3.0  # WCAG 2.1, 1.4.11: a control's state against its neighbours
PROJECTOR_FONT = 20  # px: readable from the back of a room on a 720p projector


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
    wait_until_answering(f"{base}/api/status?token={token}", server, log, SERVER_START, "JupyterLab")


def wait_until_answering(url: str, server: subprocess.Popen, log: Path, seconds: float, what: str,
                         answers=(200,)) -> None:
    """Poll *url* until it answers with a status in *answers*; fail with the end of *log* if
    *server* exits first or *seconds* pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"{what} exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status in answers:
                    return
        except urllib.error.HTTPError as error:
            if error.code in answers:
                return
            time.sleep(0.5)
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{what} did not answer within {seconds} s:\n{log.read_text()[-3000:]}")


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


def luminance(css_colour: str) -> float:
    """WCAG relative luminance of a computed ``rgb(r, g, b)`` / ``rgba(...)`` colour."""
    r, g, b = (int(float(v)) for v in css_colour[css_colour.index("(") + 1 : -1].split(",")[:3])

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two computed colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def selected_vote_contrast(seat) -> tuple[float, float]:
    """The chosen vote's background against an unchosen one's, and its text against its
    background, as the page computes the colours."""
    colours = seat.locator("button.widget-toggle-button").evaluate_all(
        "els => els.map(e => [e.classList.contains('mod-active'), getComputedStyle(e).backgroundColor,"
        " getComputedStyle(e).color, getComputedStyle(e).fontWeight])"
    )
    chosen = [c for c in colours if c[0]]
    other = [c for c in colours if not c[0]]
    assert len(chosen) == 1 and other, colours
    assert int(chosen[0][3]) >= 600, f"the chosen vote is not bold: {chosen}"
    return contrast(chosen[0][1], other[0][1]), contrast(chosen[0][1], chosen[0][2])


def svg_texts(output) -> list[str]:
    """The text of every ``<text>`` in the SVG charts an output shows as ``<img>`` (the axis
    tick labels among them), read from the page's own image data."""
    return output.locator("img[src^='data:image/svg+xml']").evaluate_all(
        "imgs => imgs.flatMap(img => Array.from(new DOMParser().parseFromString("
        "atob(img.src.split(',')[1]), 'image/svg+xml').querySelectorAll('text'),"
        " t => t.textContent.trim()))"
    )


def shown_choice(select) -> str:
    """The text a ``<select>`` shows (empty when no option is selected, as with value None)."""
    text = select.evaluate("s => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text")
    return text.replace("\xa0", " ")  # ipywidgets writes its options' spaces as no-break spaces


def failed_checks(*checks) -> list[str]:
    """Run every check, even after one fails, and say which failed and why: one run of the
    page shows all that is wrong with it."""
    found = []
    for check in checks:
        try:
            check()
        except AssertionError as exc:
            found.append(f"{check.__name__}: {str(exc).splitlines()[0] if str(exc) else exc!r}")
    return found


def font_size(locator) -> float:
    return locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def display_checks(cells) -> list:
    """What the student reads on the page: the dropdowns' shown choices, the whole checkbox
    label, integer ticks on a count axis, the chart's alt text, the simulator's chosen vote."""
    from playwright.sync_api import expect

    comparison = cells.nth(2).locator(".jp-Cell-outputArea")
    explorer = cells.nth(3).locator(".jp-Cell-outputArea")
    timeline = cells.nth(4).locator(".jp-Cell-outputArea")

    def issue_dropdown_shows_all_issues():
        expect(comparison.locator(".widget-output")).to_contain_text("voted with", timeout=RENDER)
        issue = comparison.locator(".widget-dropdown", has_text="Issue").locator("select")
        assert shown_choice(issue) == "all issues", shown_choice(issue)

    def seat_checkbox_label_is_whole():
        label = comparison.locator(".widget-checkbox", has_text="follow the seat")
        widths = label.locator("label, span").evaluate_all(
            "els => els.map(e => [e.scrollWidth, e.clientWidth, e.textContent])"
        )
        assert widths and all(scroll <= client for scroll, client, _ in widths), f"cut off: {widths}"

    def year_dropdown_shows_any_year():
        expect(explorer.locator(".widget-output")).to_contain_text("Adopted", timeout=RENDER)
        year = explorer.locator(".widget-dropdown", has_text="Year").locator("select")
        assert shown_choice(year) == "any year", shown_choice(year)

    def veto_counts_have_integer_ticks():
        expect(timeline.locator(".widget-output img")).to_have_count(1, timeout=RENDER)
        ticks = [t for t in svg_texts(timeline) if t.replace(".", "", 1).replace("−", "").isdigit()]
        assert ticks and not [t for t in ticks if "." in t], f"fractional ticks: {ticks}"

    def chart_image_has_alt_text():
        chart = cells.nth(5).locator(".jp-Cell-outputArea img")
        expect(chart).to_have_attribute("alt", CHART_ALT, timeout=CLICK)

    def chosen_vote_stands_out():
        background, text = selected_vote_contrast(cells.nth(0).locator(".unlearn-seat-USA"))
        assert background >= MIN_CONTRAST and text >= 4.5, f"contrast {background:.2f}:1, text {text:.2f}:1"

    def timeline_choice_stands_out():
        """'by state' / 'by permanent seat': every unlearn toggle, not only the seats."""
        background, text = selected_vote_contrast(timeline)
        assert background >= MIN_CONTRAST and text >= 4.5, f"contrast {background:.2f}:1, text {text:.2f}:1"

    return [
        issue_dropdown_shows_all_issues,
        seat_checkbox_label_is_whole,
        year_dropdown_shows_any_year,
        veto_counts_have_integer_ticks,
        chart_image_has_alt_text,
        chosen_vote_stands_out,
        timeline_choice_stands_out,
    ]


def projector_checks(cells) -> list:
    """After ``plotting.projector()``: tables, widget HTML and buttons at projector size, and
    the chosen vote still stands out."""
    from playwright.sync_api import expect

    def page_is_projector_sized():
        table = cells.nth(6).locator(".jp-Cell-outputArea table td").first
        expect(table).to_contain_text("The Assembly adopted it", timeout=RENDER)
        sizes = {
            "table": font_size(table),
            "widget button": font_size(cells.nth(0).locator("button.widget-toggle-button").first),
            "widget html": font_size(cells.nth(0).locator(".widget-output p").first),
        }
        assert all(size >= PROJECTOR_FONT for size in sizes.values()), sizes

    def projector_labels_are_whole():
        buttons = cells.nth(0).locator("button.widget-toggle-button").evaluate_all(
            "els => els.map(e => [e.scrollWidth, e.clientWidth, e.textContent])"
        )
        cut = [b for b in buttons if b[0] > b[1]]
        assert not cut, f"{len(cut)} vote buttons cut off, e.g. {cut[:2]}"

    def chosen_vote_stands_out_on_the_projector():
        background, text = selected_vote_contrast(cells.nth(0).locator(".unlearn-seat-USA"))
        assert background >= MIN_CONTRAST and text >= 4.5, f"contrast {background:.2f}:1, text {text:.2f}:1"

    return [page_is_projector_sized, projector_labels_are_whole, chosen_vote_stands_out_on_the_projector]


def add_cell_and_run(page, cells, source: str) -> None:
    """A new code cell below the last one, *source* typed into it, run (Shift+Enter)."""
    cells.last.locator(".jp-InputPrompt").click()  # command mode on the last cell
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")  # edit mode in the new cell
    page.keyboard.type(source)
    page.keyboard.press("Shift+Enter")


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
            failed = failed_checks(*display_checks(cells))
            page.set_viewport_size({"width": 1280, "height": 720})  # a 720p projector
            add_cell_and_run(page, cells, PROJECTOR_CELL)
            failed += failed_checks(*projector_checks(cells))
            page.screenshot(path=str(ARTIFACTS / "browser-4-projector.png"), full_page=True)
            assert failed == [], "\n".join(failed)
            stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            assert stderr.count() == 0, f"warnings or errors in the notebook: {stderr.all_inner_texts()}"
        finally:
            browser.close()
