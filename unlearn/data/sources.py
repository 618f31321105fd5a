"""The pinned upstream files: where each comes from, its sha256, and how to get it.

Layer: data (the bottom of the package: it imports no other layer but errors).

Every upstream file is named by ``OWNER/REPO/COMMIT/PATH`` and fetched from
``https://raw.githubusercontent.com/OWNER/REPO/COMMIT/PATH`` (or copied from a local mirror
folder laid out the same way), checked against its pinned sha256, and kept in the cache.
A file whose hash does not match is deleted and never used.

>>> f = upstream_files("dgacm_ga")[0]
>>> f.url.startswith("https://raw.githubusercontent.com/UNxml/GAresolutions/")
True
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataUnavailableError, IntegrityError
from . import config

RAW_BASE = "https://raw.githubusercontent.com"
RETRIES = 3


@dataclass(frozen=True)
class Source:
    """One upstream data source: what it covers, its licence and how to cite it."""

    source_id: str
    title: str
    covers: str
    licence: str
    citation: str
    homepage: str


@dataclass(frozen=True)
class UpstreamFile:
    """One pinned upstream file."""

    source_id: str
    owner: str
    repo: str
    commit: str
    path: str
    sha256: str

    @property
    def key(self) -> str:
        """The file's place in a mirror or the cache: ``OWNER/REPO/COMMIT/PATH``."""
        return f"{self.owner}/{self.repo}/{self.commit}/{self.path}"

    @property
    def url(self) -> str:
        return f"{RAW_BASE}/{self.key}"

    @property
    def name(self) -> str:
        return f"{self.repo}/{self.path}"


@functools.cache
def sources() -> dict[str, Source]:
    """Every source unlearn knows, by id (from ``data/sources.csv``)."""
    with open(config.curated_dir() / "sources.csv", encoding="utf-8", newline="") as f:
        return {row["source_id"]: Source(**row) for row in csv.DictReader(f)}


@functools.cache
def _all_files() -> tuple[UpstreamFile, ...]:
    with open(config.curated_dir() / "source_files.csv", encoding="utf-8", newline="") as f:
        return tuple(UpstreamFile(**row) for row in csv.DictReader(f))


def upstream_files(source_id: str | None = None) -> list[UpstreamFile]:
    """The pinned files of one source (or of all sources)."""
    return [f for f in _all_files() if source_id in (None, f.source_id)]


def upstream_file(source_id: str, path: str) -> UpstreamFile:
    """The pinned file *path* of *source_id*."""
    for f in upstream_files(source_id):
        if f.path == path:
            return f
    raise KeyError(f"{source_id} has no pinned file {path!r}")


def sha256_of(path: str | os.PathLike) -> str:
    """The hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cached_path(file: UpstreamFile, cache: str | os.PathLike | None = None) -> Path:
    """Where *file* lives in the cache (whether or not it is there yet)."""
    return config.cache_dir(cache) / "raw" / file.key


def is_cached(file: UpstreamFile, cache: str | os.PathLike | None = None) -> bool:
    return cached_path(file, cache).is_file()


def fetch(
    file: UpstreamFile,
    *,
    mirror: str | os.PathLike | None = None,
    cache: str | os.PathLike | None = None,
    progress: bool = True,
) -> Path:
    """Return the local path of *file*, copying it from the mirror or downloading it if needed.

    The file is written under a temporary name and renamed only once its sha256 matches,
    so a half-written or wrong file never sits in the cache.
    """
    target = cached_path(file, cache)
    if target.is_file():
        return target
    _ensure_writable(target.parent)
    mirror_root = config.mirror_dir(mirror)
    if mirror_root is not None:
        return _copy_from_mirror(file, mirror_root, target)
    return _download(file, target, progress)


def fetch_all(source_id: str | None = None, **kwargs) -> list[Path]:
    """Fetch every pinned file (of one source, or all) and return their local paths."""
    return [fetch(f, **kwargs) for f in upstream_files(source_id)]


def verify(file: UpstreamFile, cache: str | os.PathLike | None = None) -> str:
    """Re-hash a cached file: ``"ok"``, ``"missing"``, or ``"MISMATCH"`` (and delete it)."""
    path = cached_path(file, cache)
    if not path.is_file():
        return "missing"
    if sha256_of(path) == file.sha256:
        return "ok"
    path.unlink()
    return "MISMATCH"


def _ensure_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise DataUnavailableError(
            f"The cache folder {folder} cannot be written ({exc.strerror}). "
            f"Set {config.CACHE_ENV} to a folder you can write, or {config.SHARED_CACHE_ENV} "
            "to a pre-built read-only cache."
        ) from exc


def _check_hash(file: UpstreamFile, candidate: Path) -> None:
    actual = sha256_of(candidate)
    if actual != file.sha256:
        candidate.unlink(missing_ok=True)
        raise IntegrityError(
            f"{file.name} does not match its pinned hash and was not used.\n"
            f"  expected sha256 {file.sha256}\n  got      sha256 {actual}\n"
            f"  from {file.url}\n"
            "The upstream file or your mirror copy changed. Re-fetch it, or move the pin "
            "deliberately (docs/maintainers.md)."
        )


def _copy_from_mirror(file: UpstreamFile, mirror_root: Path, target: Path) -> Path:
    source = mirror_root / file.key
    if not source.is_file():
        raise DataUnavailableError(
            f"{file.name} is not in the mirror folder {mirror_root}.\n"
            f"  expected it at {source}\n  upstream URL {file.url}\n"
            "Fix the mirror path, or unset the mirror to download from upstream."
        )
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    shutil.copyfile(source, temporary)
    _check_hash(file, temporary)
    config.readable_by_all(temporary)  # the same modes as a download, whatever the mirror's
    os.replace(temporary, target)
    return target


def _download(file: UpstreamFile, target: Path, progress: bool) -> Path:
    import pooch  # imported here: only a first download needs it

    last_error: Exception | None = None
    for attempt in range(RETRIES):
        try:
            fetched = pooch.retrieve(
                file.url,
                known_hash=f"sha256:{file.sha256}",
                fname=target.name,
                path=target.parent,
                downloader=pooch.HTTPDownloader(progressbar=_progress_bar(file) if progress else False),
            )
            config.readable_by_all(Path(fetched))  # pooch writes 0600; a shared cache is read by others
            return Path(fetched)
        except ValueError as exc:  # pooch's hash mismatch; it has already removed the file
            raise IntegrityError(
                f"{file.name} downloaded from {file.url} does not match its pinned sha256 "
                f"{file.sha256} and was not used ({exc})."
            ) from exc
        except Exception as exc:  # network: retry, then explain how to work offline
            last_error = exc
            time.sleep(0.5 * 2**attempt)
    raise DataUnavailableError(
        f"Could not download {file.name}.\n  URL {file.url}\n  reason: {last_error}\n"
        f"If you are offline, point unlearn at a local mirror folder laid out "
        f"OWNER/REPO/COMMIT/PATH: set {config.MIRROR_ENV}=/path/to/un-data "
        "(or pass mirror=... / --mirror), or install a data bundle with "
        "`unlearn data install FILE`."
    ) from last_error


def _progress_bar(file: UpstreamFile):
    from tqdm.auto import tqdm  # a widget bar in JupyterLab, a text bar in a terminal

    return tqdm(desc=file.path, unit="B", unit_scale=True, leave=False)
