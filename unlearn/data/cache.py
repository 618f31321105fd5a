"""The table cache: built once from the raw files, written atomically, read in milliseconds.

Layer: data (the bottom of the package: it imports no other layer but errors).

Layout under the cache folder (``unlearn.data.config.cache_dir``)::

    raw/OWNER/REPO/COMMIT/PATH     pinned upstream files, sha256-checked
    added/<sha256>.csv             Library CSVs registered with ``unlearn data add``
    tables/<build key>/            one parquet file per table + manifest.json

The build key hashes the ingest version, every pinned file's sha256, the curated tables and
the added files: when any of them changes, a new folder is built. A build happens under a
file lock, in a temporary folder that is renamed into place only when complete, so thirty
students opening the first notebook at once see either no table or a whole one. A build says
on stderr what it is doing (building, or waiting for another process's build), since the
first one takes about 10 s and much longer when a whole class builds at once.

A shared cache (``$UNLEARN_SHARED_CACHE``, filled by ``unlearn data install``) is read as is.
Builds and installed bundles are made readable by other users as the umask allows (folders
``0o777 & ~umask``, files ``0o666 & ~umask``), so that an instructor's build serves a class.
When the shared cache holds no build for this version's key (a curated CSV or the ingest
code changed, or the variable names the wrong folder), that is said once per process, with
both keys and what to run, instead of every student silently building alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from contextlib import nullcontext
from pathlib import Path

import pandas as pd

from ..errors import DataUnavailableError, IntegrityError, UnlearnError
from . import config, sources

INGEST_VERSION = "1"
TABLES = ("countries", "ga_roll_calls", "ga_votes", "sc_resolutions", "sc_votes", "vetoes")
_BUILD_CODE = ("build.py", "validate.py", "names.py", "membership.py", "symbols.py")
_keys: dict[tuple, str] = {}
_last_check: dict[tuple[str, str], tuple[float, str]] = {}
_memory: dict[tuple[str, str], pd.DataFrame] = {}
_reported: set[tuple[str, str]] = set()  # shared-cache problems already said, once per process


def _registry(cache) -> Path:
    return config.cache_dir(cache) / "added" / "added.json"


def registered(cache: str | os.PathLike | None = None) -> list[dict]:
    """The entries of ``added/added.json`` (kind, file, original_name, sha256), oldest first.

    A file damaged by hand would otherwise stop every table load with a bare JSONDecodeError;
    it is reported once, with the path and the repair."""
    registry = _registry(cache)
    if not registry.is_file():
        return []
    try:
        entries = json.loads(registry.read_text(encoding="utf-8"))
        if isinstance(entries, list) and all(isinstance(e, dict) and {"kind", "file"} <= e.keys() for e in entries):
            return entries
        problem = "it is not a list of registrations"
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problem = str(exc)
    raise UnlearnError(
        f"{registry} is damaged ({problem}). Delete it, then register your Library CSVs again "
        "with `unlearn data add PATH`."
    )


def added_files(cache: str | os.PathLike | None = None) -> dict[str, list[Path]]:
    """Library CSVs the user registered, by kind (``dhl_ga``, ``dhl_sc``)."""
    folder = _registry(cache).parent
    found: dict[str, list[Path]] = {}
    for entry in registered(cache):
        found.setdefault(entry["kind"], []).append(folder / entry["file"])
    return found


def _key_inputs(cache) -> list[Path]:
    """The files whose content decides the build key: ingest code, curated tables, added files."""
    code = Path(__file__).parent
    inputs = sorted([*code.glob("ingest/*.py"), *(code / n for n in _BUILD_CODE)])
    inputs += sorted(config.curated_dir().glob("*.csv"))
    registry = _registry(cache)
    return inputs + ([registry] if registry.is_file() else [])


def build_key(cache: str | os.PathLike | None = None) -> str:
    """A short hash of everything a build reads (see the module docstring).

    Widgets ask for tables many times a second, so the hash is kept while no input file's
    modification time or size has changed (a ``stat`` per file instead of reading them all),
    and the files are looked at no more than once a second.
    """
    now = time.monotonic()
    where = (str(config.cache_dir(cache)), str(config.curated_dir()))
    recent = _last_check.get(where)
    if recent is not None and now - recent[0] < 1.0:
        return recent[1]
    inputs = _key_inputs(cache)
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in inputs)
    if signature not in _keys:
        digest = hashlib.sha256(INGEST_VERSION.encode())
        for f in sources.upstream_files():
            digest.update(f.sha256.encode())
        for path in inputs:  # a change to the ingest code or a curated table rebuilds the tables
            digest.update(path.name.encode() + path.read_bytes())
        _keys.clear()
        _keys[signature] = digest.hexdigest()[:16]
    _last_check[where] = (now, _keys[signature])
    return _keys[signature]


def _table_dirs(cache) -> list[Path]:
    key = build_key(cache)
    shared = shared_build(key)
    return ([shared] if shared else []) + [config.cache_dir(cache) / "tables" / key]


def shared_build(key: str | None = None) -> Path | None:
    """The shared cache's build for *key* (the current one), or None, saying why once."""
    key = key or build_key()
    folder, problem = _shared_state(key)
    if problem and (problem, key) not in _reported:
        _reported.add((problem, key))
        say(problem)
    return folder


def shared_problem() -> str | None:
    """Why ``$UNLEARN_SHARED_CACHE`` is not used (None if it is unset or in use)."""
    return _shared_state(build_key())[1]


def _shared_state(key: str) -> tuple[Path | None, str | None]:
    """Look for build *key* where the variable points, at the cache folder, its ``tables/``
    or the build folder itself: all three are what an instructor may reasonably set."""
    shared = config.shared_cache_dir()
    if shared is None:
        return None, None
    try:
        for folder in (shared / "tables" / key, shared / key, shared):
            if folder.name == key and (folder / "manifest.json").is_file():
                return folder, None
        found = _builds_in(shared)
    except PermissionError as exc:
        return None, _unusable(shared, key, f"cannot be read ({exc})")
    if found:
        why = f"holds build {', '.join(found)}, made from other curated tables or ingest code"
        return None, _unusable(shared, key, why)
    if not shared.is_dir():
        return None, _unusable(shared, key, "does not exist")
    below = sorted(str(p.parent) for p in shared.glob("*/tables"))
    hint = f" (did you mean {' or '.join(below)}?)" if below else ""
    return None, _unusable(shared, key, f"holds no unlearn build{hint}")


def _builds_in(shared: Path) -> list[str]:
    manifests = [*shared.glob("tables/*/manifest.json"), *shared.glob("*/manifest.json"), shared / "manifest.json"]
    return sorted({m.parent.name for m in manifests if m.is_file()})


def _unusable(shared: Path, key: str, why: str) -> str:
    return (
        f"{config.SHARED_CACHE_ENV}={shared} {why}; this version of unlearn needs build {key}, "
        f"so the shared cache is not used and the tables are built in your own cache "
        f"({config.cache_dir()}). To rebuild the shared cache with this version: "
        "`unlearn data fetch`, `unlearn data bundle unlearn-data.zip`, then "
        f"`{config.CACHE_ENV}={shared} unlearn data install unlearn-data.zip`."
    )


def say(message: str) -> None:
    """A line on stderr: what a build is doing, or why the shared cache is not used (stderr,
    so that it shows in a notebook and in a terminal but not in a command's output)."""
    print(f"unlearn: {message}", file=sys.stderr, flush=True)


def built_dir(cache: str | os.PathLike | None = None) -> Path | None:
    """The folder holding a complete build for the current key, if there is one."""
    for folder in _table_dirs(cache):
        if (folder / "manifest.json").is_file():
            return folder
    return None


def ensure_built(cache: str | os.PathLike | None = None, mirror: str | os.PathLike | None = None) -> Path:
    """The folder of the current build, building it first if needed (under a lock)."""
    ready = built_dir(cache)
    if ready is not None:
        return ready
    from filelock import FileLock, Timeout

    tables = config.cache_dir(cache) / "tables"
    sources._ensure_writable(tables)
    lock = FileLock(str(tables / ".build.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        say(f"waiting for another build to finish ({_holder(tables)})")
        try:
            lock.acquire(timeout=600)
        except Timeout as exc:
            raise DataUnavailableError(f"another build has held {lock.lock_file} for 10 minutes; is it stuck?") from exc
    try:
        ready = built_dir(cache)  # another process may have finished while we waited
        return ready or _build_under_lock(tables, cache, mirror)
    finally:
        lock.release()


def _holder(tables: Path) -> str:
    """Who holds the build lock and since when, as written by :func:`_build_under_lock`."""
    try:
        return (tables / ".build.holder").read_text(encoding="utf-8").strip()
    except OSError:
        return "lock held, by a process that has not said since when"


def _build_under_lock(tables: Path, cache, mirror) -> Path:
    holder = tables / ".build.holder"
    since = pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%d %H:%M:%S UTC")
    line = f"lock held since {since} by process {os.getpid()}\n".encode()
    sources.write_atomically(holder, lambda out: out.write(line))  # never through a planted link
    say(f"building the tables from the raw files, about 10 s (once; then they load in well under a second) in {tables}")
    try:
        target = _build_into(tables / build_key(cache), cache, mirror)
    finally:
        holder.unlink(missing_ok=True)
    say(f"built the tables in {json.loads((target / 'manifest.json').read_text())['build_seconds']} s")
    return target


def _clear_dead_builds(tables_dir: Path) -> None:
    """Remove the temporary folders of builds that died (``kill -9``, power cut): called under
    the build lock, so no live build owns one. Installs take no lock: an ``.installing-*``
    folder is removed only when an hour old, far longer than unpacking a bundle takes."""
    for dead in tables_dir.glob(".building-*"):
        shutil.rmtree(dead, ignore_errors=True)
    for dead in tables_dir.glob(".installing-*"):
        if time.time() - dead.lstat().st_mtime > 3600:
            shutil.rmtree(dead, ignore_errors=True)


def _build_into(target: Path, cache, mirror) -> Path:
    from . import build, validate

    _clear_dead_builds(target.parent)
    started = time.perf_counter()
    fetch_args = {"mirror": mirror, "cache": cache}
    tables = build.build_all(added_files(cache), **fetch_args)
    report = validate.run(tables)
    temporary = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        for name, frame in tables.items():
            frame.to_parquet(temporary / f"{name}.parquet", index=False)
        manifest = {
            "build_key": target.name,
            "ingest_version": INGEST_VERSION,
            "built_at": pd.Timestamp.now(tz="UTC").isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 1),
            "files": {f.key: f.sha256 for f in sources.upstream_files()},
            "added": {k: [p.name for p in v] for k, v in added_files(cache).items()},
            "rows": {name: len(frame) for name, frame in tables.items()},
            "sha256": {name: sources.sha256_of(temporary / f"{name}.parquet") for name in tables},
            "validation": report,
        }
        (temporary / "manifest.json").write_text(json.dumps(manifest, indent=1, default=str), encoding="utf-8")
        config.readable_by_all(temporary)  # mkdtemp made it 0700: the class could not read it
        if target.exists():  # a build without its manifest, or a damaged one: we hold the lock
            shutil.rmtree(target)
        os.replace(temporary, target)
    except BaseException as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if sources.disk_full(exc):
            raise sources.no_space(target.parent, 16 * 2**20) from exc  # a build is about 2 MB; ask for room
        raise
    return target


def verify_build(folder: Path) -> list[tuple[str, str]]:
    """Check each table of the build in *folder*: ``("ok" | "missing" | "MISMATCH", name)``.

    Nothing is deleted: the build may be a shared one the user cannot write.
    """
    record = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [(_table_state(folder, record, name), name) for name in record["rows"]]


def _table_state(folder: Path, record: dict, name: str) -> str:
    """``ok``, ``missing`` or ``MISMATCH``: table *name* against what its manifest *record*
    holds, the sha256 (builds older than that record: the row count). The one rule that
    ``verify`` and the first load in a process both apply."""
    import pyarrow.parquet as pq

    path = folder / f"{name}.parquet"
    if not path.is_file():
        return "missing"
    if name in record.get("sha256", {}):
        return "ok" if sources.sha256_of(path) == record["sha256"][name] else "MISMATCH"
    if name in record.get("rows", {}):
        return "ok" if pq.ParquetFile(path).metadata.num_rows == record["rows"][name] else "MISMATCH"
    return "ok"  # a table the manifest does not list (the build's own checks): nothing to hold it to


def load(name: str, cache: str | os.PathLike | None = None) -> pd.DataFrame:
    """Table *name* (a fresh copy is not made: treat it as read-only, or ``.copy()`` it).

    The first read in a process checks the file against the sha256 its manifest recorded
    (a millisecond: the files are small). A damaged table in the user's own cache (a truncated
    write, a disk error, a hand edit) is rebuilt once, with one message; a damaged shared build
    is reported, since a student cannot repair it.
    """
    folder = ensure_built(cache)
    memo_key = (str(folder), name)
    if memo_key not in _memory:
        try:
            _memory[memo_key] = _read_checked(folder, name)
        except IntegrityError as exc:
            if folder.parent != config.cache_dir(cache) / "tables":
                raise IntegrityError(f"{exc} It is a shared build: ask whoever installed it to reinstall it.") from exc
            say(f"{exc} Rebuilding it.")
            shutil.rmtree(folder, ignore_errors=True)
            forget()
            folder = ensure_built(cache)
            memo_key = (str(folder), name)
            _memory[memo_key] = _read_checked(folder, name)
    return _memory[memo_key]


def _read_checked(folder: Path, name: str) -> pd.DataFrame:
    """Read table *name* of the build in *folder*, or raise :class:`IntegrityError` saying why not."""
    import pyarrow

    path = folder / f"{name}.parquet"
    use_system_memory_pool()
    try:
        state = _table_state(folder, json.loads((folder / "manifest.json").read_text(encoding="utf-8")), name)
        if state == "ok":
            table = pd.read_parquet(path, use_threads=False)  # threads' arenas outlast the read
            release_unused_memory()
            return table
    except (OSError, ValueError, pyarrow.ArrowException) as exc:  # unreadable manifest or parquet
        raise IntegrityError(f"The table {path} cannot be read ({type(exc).__name__}: {exc}).") from exc
    what = f"has no table {name!r}" if state == "missing" else f"has a damaged {name!r} (not the one it recorded)"
    raise IntegrityError(f"The build in {folder} {what}.")


def use_system_memory_pool() -> None:
    """Make pyarrow allocate with the C library's malloc, unless ``ARROW_DEFAULT_MEMORY_POOL``
    chooses a pool (a kernel's choice is kept).

    pyarrow's default pool (mimalloc) keeps the memory it frees: a lesson kernel held 30-50 MB
    of freed reader and string buffers, which put every lesson but two over the 200 MB a
    student may cost a hub (benchmarks/README.md). The tables are small: speed is unchanged.

    >>> use_system_memory_pool()
    >>> import pyarrow, os
    >>> pyarrow.default_memory_pool().backend_name == os.environ.get("ARROW_DEFAULT_MEMORY_POOL", "system")
    True
    """
    import pyarrow

    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL") and pyarrow.default_memory_pool().backend_name != "system":
        pyarrow.default_memory_pool().release_unused()  # what it kept so far goes back
        pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def release_unused_memory() -> None:
    """Give the memory freed after a large build (a read, the vote matrix) back to the system.

    With the system pool this is glibc's ``malloc_trim``: freed blocks inside the heap are
    otherwise kept for reuse, 20-35 MB after the vote matrix's million-row temporaries.
    """
    import pyarrow

    pyarrow.default_memory_pool().release_unused()


def manifest(cache: str | os.PathLike | None = None) -> dict:
    folder = ensure_built(cache)
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def forget() -> None:
    """Drop the in-memory copies (after ``data add`` or ``install``), and forget which
    shared-cache problems were said (an install may have fixed them)."""
    _memory.clear()
    _last_check.clear()
    _reported.clear()


def _registry_lock(folder: Path):
    """The lock every change of ``added.json`` holds: two ``data add`` at once would each read
    the old list and write it back with only their own file."""
    from filelock import FileLock

    return FileLock(str(folder / ".added.lock"), timeout=60)


def _write_registry(folder: Path, entries: list[dict]) -> None:
    text = json.dumps(entries, indent=1).encode("utf-8")
    sources.write_atomically(folder / "added.json", lambda out: out.write(text))
    forget()


def add_library_csv(path: str | os.PathLike, cache: str | os.PathLike | None = None) -> dict:
    """Register a Dag Hammarskjöld Library voting CSV; it takes precedence where it matches.

    The file goes through the build's own steps first (:func:`build.check_library`), so that a
    file a build would stop on is refused here, before anything is written."""
    from . import build
    from .ingest import dhl

    source = Path(path)
    if not source.is_file():
        raise DataUnavailableError(f"{source} does not exist.")
    if dhl.kind_of(source) == "sc":
        raise UnlearnError(
            f"{source.name} is a Security Council Library CSV: those are not ingested yet (the Council "
            "tables come from the DGACM extracts), so it was not registered."
        )
    build.check_library(source)
    folder = _registry(cache).parent
    sources._ensure_writable(folder)
    digest = sources.sha256_of(source)
    target = folder / f"{digest}.csv"
    with open(source, "rb") as original:
        sources.write_atomically(target, lambda out: shutil.copyfileobj(original, out))
    entry = {"kind": "dhl_ga", "file": target.name, "original_name": source.name, "sha256": digest}
    with _registry_lock(folder):
        entries = [e for e in registered(cache) if e["file"] != target.name]
        _write_registry(folder, [*entries, entry])
    return entry


def remove_library_csv(name: str, cache: str | os.PathLike | None = None) -> dict:
    """Unregister an added file, named by its original file name or a prefix of its sha256."""
    folder = _registry(cache).parent
    with _registry_lock(folder) if folder.is_dir() else nullcontext():
        entries = registered(cache)
        chosen = [e for e in entries if name in (e.get("original_name"), e.get("sha256"))]
        chosen = chosen or [e for e in entries if len(name) >= 4 and e.get("sha256", "").startswith(name.lower())]
        if len(chosen) != 1:
            listed = ", ".join(f"{e.get('original_name')} ({e.get('sha256', '')[:12]})" for e in entries) or "none"
            what = "matches several" if chosen else "is not"
            raise UnlearnError(f"{name!r} {what} of the registered Library CSVs; registered: {listed}.")
        rest = [e for e in entries if e is not chosen[0]]
        _write_registry(folder, rest)
        if all(e["file"] != chosen[0]["file"] for e in rest):
            (folder / chosen[0]["file"]).unlink(missing_ok=True)
    return chosen[0]


def write_bundle(out: str | os.PathLike, cache: str | os.PathLike | None = None) -> Path:
    """Write the current build (tables, manifest, licences) to one zip file."""
    folder = ensure_built(cache)
    out = Path(out)

    def write(file) -> None:
        with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(folder.iterdir()):
                bundle.write(path, f"tables/{folder.name}/{path.name}")
            bundle.writestr("LICENCES.md", licences_text())

    return sources.write_atomically(out, write)


BUNDLE_LIMIT = 512 * 2**20
"""The most a bundle may unpack to: a whole build is about 2 MB, so anything near this is not one."""


def _bundle_members(bundle: zipfile.ZipFile, bundle_path) -> tuple[str, list[zipfile.ZipInfo]]:
    """The build key and members of a bundle, refused before anything is written if it is not
    one whole build of reasonable size."""
    members = [m for m in bundle.infolist() if m.filename.startswith("tables/") and not m.is_dir()]
    keys = {m.filename.split("/")[1] for m in members}
    names = {m.filename.rsplit("/", 1)[-1] for m in members}
    missing = sorted({"manifest.json", *(f"{t}.parquet" for t in TABLES)} - names)
    if len(keys) != 1 or missing:
        raise UnlearnError(
            f"{bundle_path} is not an unlearn data bundle (one build with a manifest and every table; "
            f"missing: {', '.join(missing) or 'none'}). Make one with `unlearn data bundle FILE`."
        )
    if sum(m.file_size for m in members) > BUNDLE_LIMIT:
        limit = BUNDLE_LIMIT // 2**20
        raise UnlearnError(f"{bundle_path} would unpack to more than {limit} MB: it is not a data bundle.")
    return keys.pop(), members


def install_bundle(bundle_path: str | os.PathLike, cache: str | os.PathLike | None = None) -> Path:
    """Install a bundle written by :func:`write_bundle` into the cache (atomically).

    Checked before anything is written: a file that is not a zip, a bundle without every table,
    one that would unpack to far more than a build, and one made by another version of unlearn
    (another build key) are refused with one message. A damaged build of the same key already
    in the cache is replaced; a sound one is kept.
    """
    root = config.cache_dir(cache) / "tables"
    try:
        with zipfile.ZipFile(bundle_path) as bundle:
            key, members = _bundle_members(bundle, bundle_path)
            if key != build_key(cache):
                raise UnlearnError(
                    f"{bundle_path} holds build {key}, but this version of unlearn expects {build_key(cache)}: "
                    "the bundle was made by another version. Make a new bundle with this version."
                )
            sources._ensure_writable(root)
            _install_members(bundle, members, root / key)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise UnlearnError(f"{bundle_path} is not a readable zip file ({exc}); copy the bundle again.") from exc
    forget()
    return root / key


def _install_members(bundle: zipfile.ZipFile, members: list[zipfile.ZipInfo], target: Path) -> None:
    sound = target.exists() and (target / "manifest.json").is_file()
    if sound and all(state == "ok" for state, _ in verify_build(target)):
        return  # the same build, intact: keep it
    temporary = Path(tempfile.mkdtemp(prefix=".installing-", dir=target.parent))
    try:
        for member in members:
            with bundle.open(member) as source, open(temporary / Path(member.filename).name, "wb") as out:
                shutil.copyfileobj(source, out)
        config.readable_by_all(temporary)  # a bundle is installed for other users to read
        if target.exists():
            shutil.rmtree(target)
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def licences_text() -> str:
    lines = ["# Data licences and citations", ""]
    for source in sources.sources().values():
        lines += [
            f"## {source.title}",
            f"- covers: {source.covers}",
            f"- licence: {source.licence}",
            f"- cite: {source.citation}",
            "",
        ]
    return "\n".join(lines)
