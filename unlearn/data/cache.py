"""The table cache: built once from the raw files, written atomically, read in milliseconds.

Layer: data (the bottom of the package: it imports no other layer but errors).

Layout under the cache folder (``unlearn.data.config.cache_dir``)::

    raw/OWNER/REPO/COMMIT/PATH     pinned upstream files, sha256-checked
    added/<sha256>.csv             Library CSVs registered with ``unlearn data add``
    tables/<build key>/            one parquet file per table + manifest.json

The build key hashes the ingest version, every pinned file's sha256, the curated tables and
the added files: when any of them changes, a new folder is built. A build happens under a
file lock, in a temporary folder that is renamed into place only when complete, so thirty
students opening the first notebook at once see either no table or a whole one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import pandas as pd

from ..errors import DataUnavailableError, UnlearnError
from . import config, sources

INGEST_VERSION = "1"
TABLES = ("countries", "ga_roll_calls", "ga_votes", "sc_resolutions", "sc_votes", "vetoes")
_BUILD_CODE = ("build.py", "validate.py", "names.py", "membership.py", "symbols.py")
_keys: dict[tuple, str] = {}
_last_check: dict[tuple[str, str], tuple[float, str]] = {}
_memory: dict[tuple[str, str], pd.DataFrame] = {}


def added_files(cache: str | os.PathLike | None = None) -> dict[str, list[Path]]:
    """Library CSVs the user registered, by kind (``dhl_ga``, ``dhl_sc``)."""
    folder = config.cache_dir(cache) / "added"
    registry = folder / "added.json"
    if not registry.is_file():
        return {}
    entries = json.loads(registry.read_text(encoding="utf-8"))
    found: dict[str, list[Path]] = {}
    for entry in entries:
        found.setdefault(entry["kind"], []).append(folder / entry["file"])
    return found


def _key_inputs(cache) -> list[Path]:
    """The files whose content decides the build key: ingest code, curated tables, added files."""
    code = Path(__file__).parent
    inputs = sorted([*code.glob("ingest/*.py"), *(code / n for n in _BUILD_CODE)])
    inputs += sorted(config.curated_dir().glob("*.csv"))
    registry = config.cache_dir(cache) / "added" / "added.json"
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
    dirs = [config.cache_dir(cache) / "tables" / key]
    shared = config.shared_cache_dir()
    if shared is not None:
        dirs.insert(0, shared / "tables" / key)
    return dirs


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
    from filelock import FileLock

    root = config.cache_dir(cache)
    sources._ensure_writable(root / "tables")
    with FileLock(str(root / "tables" / ".build.lock"), timeout=600):
        ready = built_dir(cache)  # another process may have finished while we waited
        if ready is not None:
            return ready
        return _build_into(root / "tables" / build_key(cache), cache, mirror)


def _clear_dead_builds(tables_dir: Path) -> None:
    """Remove the temporary folders of builds that died (``kill -9``, power cut): called under
    the build lock, so no live build owns one."""
    for dead in tables_dir.glob(".building-*"):
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
            "validation": report,
        }
        (temporary / "manifest.json").write_text(json.dumps(manifest, indent=1, default=str), encoding="utf-8")
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return target


def load(name: str, cache: str | os.PathLike | None = None) -> pd.DataFrame:
    """Table *name* (a fresh copy is not made: treat it as read-only, or ``.copy()`` it)."""
    folder = ensure_built(cache)
    memo_key = (str(folder), name)
    if memo_key not in _memory:
        path = folder / f"{name}.parquet"
        if not path.is_file():
            raise UnlearnError(f"the build in {folder} has no table {name!r}; run `unlearn data fetch`.")
        _memory[memo_key] = pd.read_parquet(path)
    return _memory[memo_key]


def manifest(cache: str | os.PathLike | None = None) -> dict:
    folder = ensure_built(cache)
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def forget() -> None:
    """Drop the in-memory copies (after ``data add`` or ``install``)."""
    _memory.clear()
    _last_check.clear()


def add_library_csv(path: str | os.PathLike, cache: str | os.PathLike | None = None) -> dict:
    """Register a Dag Hammarskjöld Library voting CSV; it takes precedence where it matches."""
    from .ingest import dhl

    source = Path(path)
    if not source.is_file():
        raise DataUnavailableError(f"{source} does not exist.")
    kind = "dhl_" + dhl.kind_of(source)
    dhl.read(source)  # parse it now, so a broken file is refused before it is registered
    folder = config.cache_dir(cache) / "added"
    sources._ensure_writable(folder)
    digest = sources.sha256_of(source)
    target = folder / f"{digest}.csv"
    temporary = folder / f".{digest}.{os.getpid()}.part"
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)
    registry = folder / "added.json"
    entries = json.loads(registry.read_text(encoding="utf-8")) if registry.is_file() else []
    entries = [e for e in entries if e["file"] != target.name]
    entries.append({"kind": kind, "file": target.name, "original_name": source.name, "sha256": digest})
    temporary = folder / f".added.{os.getpid()}.part"
    temporary.write_text(json.dumps(entries, indent=1), encoding="utf-8")
    os.replace(temporary, registry)
    forget()
    return entries[-1]


def write_bundle(out: str | os.PathLike, cache: str | os.PathLike | None = None) -> Path:
    """Write the current build (tables, manifest, licences) to one zip file."""
    folder = ensure_built(cache)
    out = Path(out)
    temporary = out.with_name(f".{out.name}.{os.getpid()}.part")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.iterdir()):
            bundle.write(path, f"tables/{folder.name}/{path.name}")
        bundle.writestr("LICENCES.md", licences_text())
    os.replace(temporary, out)
    return out


def install_bundle(bundle_path: str | os.PathLike, cache: str | os.PathLike | None = None) -> Path:
    """Install a bundle written by :func:`write_bundle` into the cache (atomically)."""
    root = config.cache_dir(cache) / "tables"
    sources._ensure_writable(root)
    with zipfile.ZipFile(bundle_path) as bundle:
        names = [n for n in bundle.namelist() if n.startswith("tables/")]
        keys = {n.split("/")[1] for n in names}
        if len(keys) != 1 or f"tables/{next(iter(keys))}/manifest.json" not in names:
            raise UnlearnError(f"{bundle_path} is not an unlearn data bundle (no single build with a manifest).")
        key = keys.pop()
        temporary = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
        try:
            for name in names:
                (temporary / Path(name).name).write_bytes(bundle.read(name))
            target = root / key
            if target.exists():
                shutil.rmtree(temporary)
            else:
                os.replace(temporary, target)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
    forget()
    if key != build_key(cache):
        raise UnlearnError(
            f"Installed build {key}, but this version of unlearn expects {build_key(cache)}: "
            "the bundle was made by another version. Make a new bundle with this version."
        )
    return root / key


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
