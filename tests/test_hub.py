"""A class on one hub: a real JupyterHub, three real Unix accounts, one read-only shared cache.

The hub is started from ``docs/hub/jupyterhub_config.py`` (the file docs/hub.md shows), with
configurable-http-proxy on 127.0.0.1, the dummy authenticator and LocalProcessSpawner, which,
the hub running as root as in CI, starts each student's server as that student's own Unix
account. The instructor (this process) builds the tables once, bundles them with
``unlearn data bundle`` and installs the bundle with ``unlearn data install`` into a root-owned
folder the students can read but not write. Each student logs in from their own browser
context, opens their student copy of lesson 03 and runs all cells; then no output is an error,
no student has a cache of their own, and each sees the simulator's verdict change on a click.

The students' interpreter: the venv's may sit under a folder they cannot enter (/root/.pyenv),
so their servers run the first interpreter of the same version that they can run, with the
worktree and the venv's site-packages on PYTHONPATH and the venv's Jupyter data and config
folders on JUPYTER_PATH / JUPYTER_CONFIG_PATH (as tests/test_shared_cache.py does for one user).
Memory per active user (server + kernel) is printed for benchmarks/bench_hub.py to record.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import site
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from test_browser import (
    CHROMIUM_ARGS,
    chromium,
    free_port,
    quiet_settings,
    run_all_cells,
    stop,
    wait_until_answering,
)

pytestmark = pytest.mark.hub

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "docs" / "hub" / "jupyterhub_config.py"
LESSON = "03_security_council_and_veto.ipynb"
STUDENTS = ("unlearn-hub-ada", "unlearn-hub-ben", "unlearn-hub-chi")
HUB_START = 60  # s
RUN = 150_000  # ms: three kernels run a whole lesson at once on two cores
CLICK = 30_000  # ms


def _ids(name: str) -> tuple[int, int] | None:
    found = subprocess.run(["id", "-u", name], capture_output=True, text=True)
    if found.returncode != 0:
        return None
    return int(found.stdout), int(subprocess.run(["id", "-g", name], capture_output=True, text=True).stdout)


def _account(name: str, home: Path) -> tuple[int, int]:
    """The Unix account *name* (created if missing), its home moved to the fresh *home*."""
    if _ids(name) is None:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/bin/sh", name], check=True)
    subprocess.run(["usermod", "--home", str(home), name], check=True)
    uid, gid = _ids(name)
    home.mkdir()
    os.chown(home, uid, gid)
    return uid, gid


def _as(ids, *command: str, env: dict) -> subprocess.CompletedProcess:
    """Run *command* as the account, switched as LocalProcessSpawner switches (setgid, setuid),
    not with setpriv: here an interpreter under /root (0700) ran through setpriv but not so."""
    try:
        return subprocess.run(
            list(command), user=ids[0], group=ids[1], extra_groups=[], env=env, cwd="/",
            capture_output=True, text=True, timeout=120,
        )
    except PermissionError as error:
        return subprocess.CompletedProcess(command, 126, "", str(error))


def _student_python(ids, env: dict) -> str:
    """The first interpreter of this Python version a student can run and import unlearn with."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    probe = "import unlearn, jupyterhub, jupyterlab; print(unlearn.__file__)"
    wanted = str(ROOT / "unlearn" / "__init__.py")
    for candidate in (sys.executable, shutil.which(version, path="/usr/local/bin:/usr/bin"), f"/usr/bin/{version}"):
        if candidate and _as(ids, candidate, "-c", probe, env=env).stdout.strip() == wanted:
            return candidate
    pytest.fail(f"no {version} that {STUDENTS[0]} can run imports unlearn, jupyterhub, jupyterlab; check folder modes")


@pytest.fixture(scope="module")
def classroom(built):
    """Three student accounts with their copies of the lessons, and the shared cache installed
    from a bundle, all in a 0755 temporary folder (removed after)."""
    if os.geteuid() != 0:
        pytest.skip("the hub test runs as root (as CI does): it creates Unix accounts and spawns as them")
    if shutil.which("configurable-http-proxy") is None:
        pytest.fail("configurable-http-proxy is missing: `npm install -g configurable-http-proxy` (.ci/run does)")
    folder = Path(tempfile.mkdtemp(prefix="unlearn-hub-"))
    folder.chmod(0o755)
    try:
        from unlearn.classroom import student_copies

        bundle, shared = folder / "unlearn-data.zip", folder / "shared"
        unlearn = [sys.executable, "-m", "unlearn.cli", "data"]
        subprocess.run([*unlearn, "bundle", str(bundle)], check=True, capture_output=True)
        env = os.environ | {"UNLEARN_CACHE_DIR": str(shared)}
        subprocess.run([*unlearn, "install", str(bundle)], check=True, capture_output=True, env=env)
        copies = student_copies.write_student_versions(folder / "copies")
        homes = {}
        for name in STUDENTS:
            ids = _account(name, folder / name)
            shutil.copy(next(p for p in copies if p.name == LESSON), folder / name / LESSON)
            quiet_settings(folder / name / ".jupyter" / "lab" / "user-settings")
            subprocess.run(["chown", "-R", f"{ids[0]}:{ids[1]}", str(folder / name)], check=True)
            homes[name] = {"home": folder / name, "ids": ids}
        yield {"root": folder, "shared": shared, "homes": homes}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _spawner_env() -> dict:
    venv = Path(sys.prefix)
    return {
        "PYTHONPATH": os.pathsep.join([str(ROOT), *site.getsitepackages()]),
        "JUPYTER_PATH": str(venv / "share" / "jupyter"),
        "JUPYTER_CONFIG_PATH": str(venv / "etc" / "jupyter"),
        "HTTPS_PROXY": "http://127.0.0.1:9",  # a download attempt fails at once, never reaches out
        "HTTP_PROXY": "http://127.0.0.1:9",
        "NO_PROXY": "127.0.0.1,localhost",
    }


@contextlib.contextmanager
def hub(classroom, password: str):
    """JupyterHub from the documented config on free ports; yields its URL, stops it after."""
    port, api, proxy = free_port(), free_port(), free_port()
    first = classroom["homes"][STUDENTS[0]]["ids"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNLEARN_")} | {
        "UNLEARN_HUB_URL": f"http://127.0.0.1:{port}",
        "UNLEARN_HUB_API_URL": f"http://127.0.0.1:{api}",
        "UNLEARN_HUB_PROXY_API": f"http://127.0.0.1:{proxy}",
        "UNLEARN_HUB_SHARED_CACHE": str(classroom["shared"]),
        "UNLEARN_HUB_USERS": ",".join(STUDENTS),
        "UNLEARN_HUB_PASSWORD": password,
        "UNLEARN_HUB_SPAWNER_ENV": json.dumps(_spawner_env()),
        "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(16),
    }
    env["UNLEARN_HUB_PYTHON"] = _student_python(first, {"PATH": os.environ["PATH"], **_spawner_env()})
    folder = classroom["root"] / "hub"
    folder.mkdir()
    log = (folder / "hub.log").open("w")
    command = [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)]
    server = subprocess.Popen(
        command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/hub/health", server, folder / "hub.log", HUB_START, "JupyterHub")
        yield base
    finally:
        stop(server)
        log.close()
        artifacts = ROOT / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        shutil.copy(folder / "hub.log", artifacts / "hub.log")


def _log_in(browser, base: str, name: str, password: str):
    page = browser.new_context(viewport={"width": 1280, "height": 1400}).new_page()
    page.set_default_timeout(CLICK)
    page.goto(f"{base}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.click("#login_submit")  # the hub starts the server and then redirects to /user/NAME/lab
    return page


def _open_and_run(page, base: str, name: str) -> None:
    from playwright.sync_api import expect

    page.wait_for_url(f"**/user/{name}/lab**", timeout=RUN)
    page.goto(f"{base}/user/{name}/lab/tree/{LESSON}", timeout=RUN)
    idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    expect(idle).to_be_visible(timeout=RUN)
    run_all_cells(page)


def _code_cells(home: Path) -> int:
    """How many code cells the student's copy of the lesson has (Run All numbers them 1..N)."""
    import nbformat

    return sum(cell.cell_type == "code" for cell in nbformat.read(home / LESSON, as_version=4).cells)


def _wait_until_done(page, cells: int) -> None:
    """Every code cell has run: the last prompt holds the last number, not ``[*]`` or ``[ ]``."""
    from playwright.sync_api import expect

    prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt")
    expect(prompts.last).to_have_text(f"[{cells}]:", timeout=RUN)
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_be_visible(timeout=RUN)


def _memory_of(name: str) -> dict[str, float]:
    """PSS in MB of the student's processes: their kernel, the rest (their server), the sum."""
    import psutil

    found = {"kernel": 0.0, "server": 0.0}
    for process in psutil.process_iter(["username", "cmdline"]):
        if process.info["username"] == name:
            part = "kernel" if "ipykernel_launcher" in " ".join(process.info["cmdline"] or []) else "server"
            with contextlib.suppress(psutil.Error):
                found[part] += process.memory_full_info().pss / 2**20
    return {part: round(mb, 1) for part, mb in found.items()} | {"total": round(sum(found.values()), 1)}


def test_three_students_run_lesson_03_on_one_hub_from_one_shared_cache(classroom):
    from playwright.sync_api import expect, sync_playwright

    executable, password = chromium(), secrets.token_hex(8)
    with hub(classroom, password) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            pages = {name: _log_in(browser, base, name, password) for name in STUDENTS}  # all spawn at once
            for name, page in pages.items():
                _open_and_run(page, base, name)
            for name, page in pages.items():
                _wait_until_done(page, _code_cells(classroom["homes"][name]["home"]))
                page.screenshot(path=str(ROOT / "test-artifacts" / f"hub-{name}.png"), full_page=True)
                errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
                assert errors.count() == 0, f"{name}: error or warning outputs: {errors.all_inner_texts()}"

                simulator = page.locator(".jp-Cell-outputArea").filter(has=page.locator(".unlearn-seat-RUS"))
                verdict = simulator.locator(".widget-output")
                expect(verdict).to_contain_text("✔ Adopted")  # S/RES/2623 as cast: procedural, Russia no
                simulator.locator(".widget-checkbox input").click()  # not procedural: Russia's no is a veto
                expect(verdict).to_contain_text("✘ Not adopted", timeout=CLICK)
                expect(verdict).to_contain_text("vetoed: Russia voted no")
            memory = {name: _memory_of(name) for name in STUDENTS}
            print("hub memory per active user (server + kernel), PSS MB:", json.dumps(memory))
        finally:
            browser.close()

    shared = classroom["shared"]
    assert all(p.stat().st_uid == 0 for p in shared.rglob("*")), "the shared cache is the instructor's (root's)"
    assert not any(p.stat().st_mode & 0o022 for p in shared.rglob("*")), "the shared cache is read-only to students"
    for name, account in classroom["homes"].items():
        home = account["home"]
        own = [p for p in home.rglob("*") if p.name in ("tables", "raw") or p.suffix == ".parquet"]
        assert own == [], f"{name} built or downloaded a cache of their own: {own}"
        assert not (home / ".cache" / "unlearn").exists() or not any((home / ".cache" / "unlearn").iterdir())
