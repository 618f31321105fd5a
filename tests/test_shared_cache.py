"""A shared hub cache, read by a second real user: the instructor (root here, as in CI) builds
and installs a bundle, and an unprivileged account loads every table from it without building.

The student's Python: the venv's interpreter may sit under a folder the student cannot enter
(/root/.pyenv here), so the first interpreter of the same Python version that the student can
run is used, with the worktree and the venv's site-packages on PYTHONPATH. Nothing outside
the test's own temporary folder is chmod-ed.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import site
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from unlearn import cli
from unlearn.data import cache, config

ROOT = Path(__file__).resolve().parent.parent
STUDENT = "unlearn-student"
LOAD_ALL = """
import unlearn
from unlearn import cli
for table in (unlearn.countries, unlearn.ga_roll_calls, unlearn.ga_votes, unlearn.sc_resolutions,
              unlearn.sc_votes, unlearn.vetoes):
    print(table.__name__, len(table()))
print("status:"); cli.main(["data", "status"])
print("verify:"); print("verify returned", cli.main(["data", "verify"]))
"""


def _ids(name: str) -> tuple[int, int] | None:
    found = subprocess.run(["id", "-u", name], capture_output=True, text=True)
    if found.returncode != 0:
        return None
    return int(found.stdout), int(subprocess.run(["id", "-g", name], capture_output=True, text=True).stdout)


@pytest.fixture(scope="module")
def student() -> tuple[int, int]:
    """The uid and gid of an unprivileged account (created when running as root, as CI does)."""
    ids = _ids(STUDENT)
    if ids is None and os.geteuid() != 0:
        pytest.skip(f"not root and no {STUDENT} account to run as")
    if ids is None:
        subprocess.run(["useradd", "--system", "--no-create-home", STUDENT], check=True)
        ids = _ids(STUDENT)
    return ids


@pytest.fixture(scope="module")
def world(mirror):
    """A 0755 temporary folder (pytest's tmp_path is under a 0700 folder), with a cache built
    in it by this (the instructor's) process and that build installed from a bundle."""
    folder = Path(tempfile.mkdtemp(prefix="unlearn-shared-"))
    folder.chmod(0o755)
    try:
        said = io.StringIO()
        with contextlib.redirect_stderr(said):
            built = cache.ensure_built(folder / "instructor", mirror=mirror)
        bundle = cache.write_bundle(folder / "unlearn-data.zip", folder / "instructor")
        installed = cache.install_bundle(bundle, folder / "shared")
        yield {"root": folder, "built": built, "installed": installed, "bundle": bundle, "said": said.getvalue()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _as_student(ids, code: str, env: dict, home: Path) -> subprocess.CompletedProcess:
    """Run *code* as the student with *env* (and no mirror, and a proxy that refuses, so that
    a download attempt fails at once instead of reaching the network)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("UNLEARN_")}
    base |= {"HOME": str(home), "MPLCONFIGDIR": str(home / "mpl"), "HTTPS_PROXY": "http://127.0.0.1:9"}
    base["PYTHONPATH"] = os.pathsep.join([str(ROOT), *site.getsitepackages()])
    setpriv = ["setpriv", f"--reuid={ids[0]}", f"--regid={ids[1]}", "--clear-groups"]
    return subprocess.run(
        [*setpriv, _student_python(ids, base), "-c", code],
        env=base | env, cwd=home, capture_output=True, text=True, timeout=300,
    )


def _student_python(ids, env) -> str:
    """The first interpreter of this Python version the student can run and import unlearn with."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    probe = "import unlearn, pandas, pyarrow; print(unlearn.__file__)"
    for candidate in (sys.executable, shutil.which(version, path="/usr/local/bin:/usr/bin"), f"/usr/bin/{version}"):
        if not candidate:
            continue
        setpriv = ["setpriv", f"--reuid={ids[0]}", f"--regid={ids[1]}", "--clear-groups"]
        ran = subprocess.run([*setpriv, candidate, "-c", probe], env=env, cwd="/", capture_output=True, text=True)
        if ran.returncode == 0 and ran.stdout.strip() == str(ROOT / "unlearn" / "__init__.py"):
            return candidate
    pytest.fail(f"no {version} that {STUDENT} can run imports unlearn from {ROOT}; check the folders' modes")


def _student_home(world, ids, name: str) -> Path:
    home = world["root"] / name
    home.mkdir()
    os.chown(home, *ids)
    return home


def _modes(folder: Path) -> set[tuple[str, int]]:
    return {("dir" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode)) for p in [folder, *folder.iterdir()]}


def test_builds_and_installed_bundles_are_readable_by_everyone_the_umask_allows(world):
    mask = config.umask()
    expected = {("dir", 0o777 & ~mask), ("file", 0o666 & ~mask)}
    assert _modes(world["built"]) == expected
    assert _modes(world["installed"]) == expected
    raw = next((world["root"] / "instructor" / "raw").rglob("*.csv"), None) or next(
        p for p in (world["root"] / "instructor" / "raw").rglob("*") if p.is_file()
    )
    assert stat.S_IMODE(raw.stat().st_mode) == 0o666 & ~mask


def test_install_follows_a_stricter_umask(world, tmp_path):
    previous = os.umask(0o027)
    try:
        installed = cache.install_bundle(world["bundle"], tmp_path / "strict")
    finally:
        os.umask(previous)
    assert _modes(installed) == {("dir", 0o750), ("file", 0o640)}


@pytest.mark.parametrize("where", ["installed", "built"])
def test_another_user_loads_every_table_from_the_shared_cache_without_building(world, student, where):
    shared = world[where].parent.parent  # the folder above tables/
    home = _student_home(world, student, f"student-{where}")
    env = {"UNLEARN_SHARED_CACHE": str(shared), "UNLEARN_CACHE_DIR": str(home / "cache")}
    ran = _as_student(student, LOAD_ALL, env, home)
    assert ran.returncode == 0, ran.stderr
    for table in ("countries", "ga_roll_calls", "ga_votes", "sc_resolutions", "sc_votes", "vetoes"):
        assert f"\n{table} " in "\n" + ran.stdout
    assert "building" not in ran.stderr and "not used" not in ran.stderr
    assert not (home / "cache" / "raw").exists() and not (home / "cache" / "tables").exists()
    # status names the shared build the student has, not "0/N files cached"; verify checks it
    assert f"shared build {world[where].name}" in ran.stdout and str(world[where]) in ran.stdout
    assert "files cached" not in ran.stdout
    assert "missing" not in ran.stdout and "verify returned 0" in ran.stdout
    assert "ok        ga_votes" in ran.stdout


@pytest.fixture
def own_empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("UNLEARN_CACHE_DIR", str(tmp_path / "own"))
    cache.forget()
    yield tmp_path / "own"
    cache.forget()


@pytest.mark.parametrize("level", ["tables", "key"])
def test_the_variable_may_name_the_tables_folder_or_the_build_itself(world, own_empty_cache, monkeypatch, level):
    installed = world["installed"]
    monkeypatch.setenv("UNLEARN_SHARED_CACHE", str(installed.parent if level == "tables" else installed))
    assert cache.built_dir() == installed


def test_a_shared_cache_of_another_version_is_reported_once_with_both_keys(
    world, own_empty_cache, monkeypatch, capsys
):
    other = world["root"] / "old-hub"
    (other / "tables" / "0123456789abcdef").mkdir(parents=True)
    (other / "tables" / "0123456789abcdef" / "manifest.json").write_text('{"build_key": "0123456789abcdef"}')
    monkeypatch.setenv("UNLEARN_SHARED_CACHE", str(other))
    assert cache.built_dir() is None
    cache.built_dir()
    err = capsys.readouterr().err
    assert err.count("unlearn:") == 1, err
    for needle in ("0123456789abcdef", cache.build_key(), "unlearn data bundle", "unlearn data install", str(other)):
        assert needle in err
    assert "not used" in "\n".join(cli.status_lines())


def test_a_variable_one_folder_too_high_is_reported_with_the_folder_meant(world, own_empty_cache, monkeypatch, capsys):
    monkeypatch.setenv("UNLEARN_SHARED_CACHE", str(world["root"]))
    assert cache.built_dir() is None
    err = capsys.readouterr().err
    assert "holds no unlearn build" in err and str(world["root"] / "shared") in err


def test_a_first_build_says_that_it_is_building_and_how_long_it_took(world):
    assert "building the tables from the raw files, about 10 s" in world["said"]
    assert "built the tables in" in world["said"]


def test_a_build_waiting_for_another_says_since_when(world, own_empty_cache, mirror, capfd):
    from filelock import FileLock

    tables = own_empty_cache / "tables"
    tables.mkdir(parents=True)
    waiter = subprocess.Popen(
        [sys.executable, "-c", "from unlearn.data import cache; cache.ensure_built()"],
        env={**os.environ, "UNLEARN_CACHE_DIR": str(own_empty_cache), "UNLEARN_DATA_MIRROR": str(mirror)},
        cwd=ROOT, stderr=subprocess.PIPE, text=True,
    )
    with FileLock(str(tables / ".build.lock")):
        (tables / ".build.holder").write_text("lock held since 2026-01-01 00:00:00 UTC by process 1\n")
        line = waiter.stderr.readline()
        assert "waiting for another build to finish (lock held since 2026-01-01 00:00:00 UTC" in line
        shutil.copytree(world["built"], tables / world["built"].name)  # the other build "finishes"
    _, rest = waiter.communicate(timeout=120)
    assert waiter.returncode == 0 and "building" not in rest, rest
