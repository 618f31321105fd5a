"""The pinned upstream files: where each comes from, its sha256, and how to get it.

Layer: data (the bottom of the package: it imports no other layer but errors).

Every upstream file is named by ``OWNER/REPO/COMMIT/PATH`` and fetched from
``https://raw.githubusercontent.com/OWNER/REPO/COMMIT/PATH`` (or from the server named by
``UNLEARN_DATA_URL``, or copied from a local mirror folder laid out the same way), checked
against its pinned sha256 and size, and kept in the cache. A file whose hash does not match is
deleted and never used.

A download is streamed with requests (not pooch: pooch cannot bound a download's time or size):
it stops at the pinned size, gives up after ``UNLEARN_DOWNLOAD_DEADLINE`` seconds in all,
follows redirects only to http(s), and retries only network errors and server errors (5xx).
Any other exception is a bug in unlearn and is raised as is, never reported as "offline".

>>> f = upstream_files("dgacm_ga")[0]
>>> f.url.startswith("https://raw.githubusercontent.com/UNxml/GAresolutions/")
True
"""

from __future__ import annotations

import contextlib
import csv
import errno
import functools
import hashlib
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..errors import DataUnavailableError, IntegrityError
from . import config

RAW_BASE = "https://raw.githubusercontent.com"
RETRIES = 3
CONNECT_TIMEOUT = 10.0  # seconds for one connection; the overall deadline is config.download_deadline()
READ_TIMEOUT = 30.0  # seconds one socket read may wait
CHUNK = 1 << 16
MAX_REDIRECTS = 5


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
    size: int  # bytes: a download that grows past it is stopped

    @property
    def key(self) -> str:
        """The file's place in a mirror or the cache: ``OWNER/REPO/COMMIT/PATH``."""
        return f"{self.owner}/{self.repo}/{self.commit}/{self.path}"

    @property
    def url(self) -> str:
        """Where to download it: ``$UNLEARN_DATA_URL`` (default: GitHub raw) + :attr:`key`."""
        return f"{config.data_url(RAW_BASE)}/{self.key}"

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
        return tuple(UpstreamFile(**{**row, "size": int(row["size"])}) for row in csv.DictReader(f))


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
        if _still_sound(file, target):
            return target
        _discard_changed(file, target)
    _ensure_writable(target.parent)
    mirror_root = config.mirror_dir(mirror)
    if mirror_root is not None:
        return _copy_from_mirror(file, mirror_root, target)
    return _download(file, target, progress)


_sound: dict[tuple[str, int, int], bool] = {}


def _still_sound(file: UpstreamFile, path: Path) -> bool:
    """Whether a cached file still has its pinned sha256: a file changed after it was
    downloaded would otherwise feed its numbers into the next build. Hashed once per process
    while its size and modification time stay the same."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _sound:
        _sound[key] = sha256_of(path) == file.sha256
    return _sound[key]


def _discard_changed(file: UpstreamFile, path: Path) -> None:
    print(f"unlearn: the cached {file.name} has changed since it was fetched; fetching it again.", file=sys.stderr)
    try:
        path.unlink()
    except OSError as exc:
        raise IntegrityError(
            f"The cached {path} does not match its pinned sha256 {file.sha256} and cannot be removed "
            f"({exc.strerror}). Delete it, or ask whoever owns the cache to."
        ) from exc


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
        with tempfile.TemporaryFile(dir=folder):  # an unpredictable name, removed on close
            pass
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
            "The upstream file, your mirror copy or the server's copy changed. Re-fetch it, or "
            "move the pin deliberately (docs/maintainers.md)."
        )


def write_atomically(target: Path, write, check=None) -> Path:
    """Write *target* with ``write(out)`` (a binary file object) through a temporary file in the
    same folder, renamed over *target* only when complete (and, given *check*, once
    ``check(temporary_path)`` has returned without raising).

    The temporary name is unpredictable (``tempfile``), created exclusively and never a link, and
    the rename replaces a link at *target* rather than writing through it: a name planted in a
    shared folder cannot redirect the write. On any failure the temporary file is removed.
    """
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as out:
            write(out)
        if check is not None:
            check(temporary)
        config.readable_by_all(temporary)  # mkstemp makes 0600; a shared cache is read by others
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _write_verified(file: UpstreamFile, target: Path, write) -> Path:
    """Write *file* with ``write(out)`` into a temporary file beside *target*, renamed into place
    only once its sha256 matches.

    The temporary name is unpredictable (tempfile) and the file is removed on any failure, so a
    half-written or wrong file never sits in the cache and nothing is left behind.
    """
    _clear_stale_parts(target)

    def guarded(out) -> None:
        try:
            write(out)
            out.flush()  # a full disk shows here at the latest, while the message can still say so
        except OSError as exc:
            if disk_full(exc):
                raise no_space(target.parent, file.size) from exc
            raise

    return write_atomically(target, guarded, check=lambda temporary: _check_hash(file, temporary))


def disk_full(exc: BaseException) -> bool:
    """Whether *exc* says the disk is full (pyarrow's write errors carry no errno, only the text)."""
    return isinstance(exc, OSError) and (exc.errno == errno.ENOSPC or "No space left" in str(exc))


def no_space(folder: Path, needed: int | None) -> DataUnavailableError:
    """The one message for a full disk: which folder, and how much room the data wants."""
    room = f"about {needed / 2**20:.0f} MB more" if needed else "more room"
    return DataUnavailableError(
        f"No space left on the disk holding {folder}: unlearn needs {room} there. Free some space, or "
        f"set {config.CACHE_ENV} to a folder on another disk."
    )


def _clear_stale_parts(target: Path) -> None:
    """Remove the temporary files of downloads of *target* that died (``kill -9``): any older
    than the download deadline, which no live download can be."""
    limit = time.time() - config.download_deadline()
    for part in target.parent.glob(f".{target.name}.*.part"):
        with contextlib.suppress(OSError):
            if part.lstat().st_mtime < limit:
                part.unlink()


def _copy_from_mirror(file: UpstreamFile, mirror_root: Path, target: Path) -> Path:
    source = mirror_root / file.key
    if not source.is_file():
        raise DataUnavailableError(
            f"{file.name} is not in the mirror folder {mirror_root}.\n"
            f"  expected it at {source}\n  upstream URL {file.url}\n"
            "Fix the mirror path, or unset the mirror to download from upstream."
        )

    def copy(out) -> None:
        with open(source, "rb") as f:
            shutil.copyfileobj(f, out)

    return _write_verified(file, target, copy)


_OFFLINE = (
    "If you are offline, point unlearn at a local mirror folder laid out "
    f"OWNER/REPO/COMMIT/PATH: set {config.MIRROR_ENV}=/path/to/un-data "
    "(or pass mirror=... / --mirror), or install a data bundle with `unlearn data install FILE`."
)
_WRONG_SERVER = (
    f"The server does not serve this pinned file: check {config.DATA_URL_ENV} (unset it to "
    f"download from GitHub), or set {config.MIRROR_ENV} to a local mirror folder."
)
_RETRY_LATER = (
    f"Retry later, or set {config.MIRROR_ENV} to a local mirror folder (or {config.DATA_URL_ENV} to another server)."
)


class _Failed(Exception):
    """A download failure the student can act on: *reason* and *advice* make the one message.

    Only *transient* failures (network errors, 5xx, a cut connection) are worth another try.
    """

    def __init__(self, reason: str, advice: str, transient: bool = False):
        super().__init__(reason)
        self.reason, self.advice, self.transient = reason, advice, transient


@dataclass(frozen=True)
class _Deadline:
    """The time one file's download may take in all, retries included."""

    seconds: float
    ends: float

    @classmethod
    def start(cls) -> _Deadline:
        seconds = config.download_deadline()
        return cls(seconds, time.monotonic() + seconds)

    def remaining(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise _Failed(
                f"it took longer than the {self.seconds:g} s allowed for one file ({config.DEADLINE_ENV})",
                f"The connection or the server is too slow. {_RETRY_LATER} "
                f"To allow more time, raise {config.DEADLINE_ENV}.",
            )
        return left

    def timeouts(self) -> tuple[float, float]:
        """requests' (connect, read) timeouts, never past the deadline."""
        left = self.remaining()
        return min(CONNECT_TIMEOUT, left), min(READ_TIMEOUT, left)


def _network_errors() -> tuple[type[BaseException], ...]:
    """What a failing network raises: requests', urllib3's and http.client's errors, and socket
    OSErrors. Caught only around network calls, so a disk error or a bug is not taken for one."""
    import http.client

    import requests
    import urllib3

    return requests.RequestException, urllib3.exceptions.HTTPError, http.client.HTTPException, OSError


def _download(file: UpstreamFile, target: Path, progress: bool) -> Path:
    """Download *file* into *target*, retrying transient failures while the deadline allows."""
    deadline = _Deadline.start()
    for attempt in range(RETRIES):
        try:
            return _within_deadline(
                lambda: _write_verified(file, target, lambda out: _stream(file, out, deadline, progress)), deadline
            )
        except _Failed as exc:
            failure = exc
        pause = 0.5 * 2**attempt
        if not failure.transient or attempt == RETRIES - 1 or deadline.ends - time.monotonic() < pause:
            break
        time.sleep(pause)
    raise DataUnavailableError(
        f"Could not download {file.name}.\n  URL {file.url}\n  reason: {failure.reason}\n{failure.advice}"
    ) from failure


_GRACE = 4.0
"""Seconds past the deadline an attempt may take to notice it between two reads and clean up."""


def _within_deadline(attempt, deadline: _Deadline):
    """Run one download *attempt* in a worker thread and give up on it at the deadline.

    The deadline is checked between reads of the body, but a server can trickle its status line
    and headers a byte at a time, each byte resetting the socket timeout: only a clock outside
    the blocking read bounds that. An abandoned attempt ends when its server gives up or the
    process exits; its temporary file is removed then, or by the next fetch once stale.
    """
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = attempt()
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="unlearn-download", daemon=True)
    worker.start()
    # the body's own checks stop an attempt within one read of the deadline and tidy up: let them
    worker.join(max(deadline.ends - time.monotonic(), 0) + _GRACE)
    if worker.is_alive():
        deadline.remaining()  # raises the deadline's one message
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _stream(file: UpstreamFile, out, deadline: _Deadline, progress: bool) -> None:
    """Write the body of *file*'s URL to *out*, drawing a bar whose total is the pinned size."""
    import requests

    with requests.Session() as session:
        response = _open(session, file.url, deadline)
        with response:
            _check_response(file, response)
            bar = _progress_bar(file) if progress else None
            try:
                for chunk in _chunks(file, response, deadline):
                    out.write(chunk)
                    if bar is not None:
                        bar.update(len(chunk))
            finally:
                if bar is not None:
                    bar.close()


def _open(session, url: str, deadline: _Deadline):
    """GET *url* (streamed), following redirects by hand so that each target's scheme is checked:
    requests would otherwise fail on file:// or ftp:// with an error that looks like a network one."""
    for _ in range(MAX_REDIRECTS + 1):
        try:
            response = session.get(
                url,
                stream=True,
                allow_redirects=False,
                timeout=deadline.timeouts(),
                headers={"Accept-Encoding": "identity"},  # the bytes as pinned: size and hash hold
            )
        except _network_errors() as exc:
            raise _Failed(f"the server could not be reached ({exc})", _OFFLINE, transient=True) from exc
        if not response.is_redirect:
            return response
        location = urljoin(url, response.headers["location"])
        response.close()
        _check_redirect(url, location)
        url = location
    raise _Failed(f"the server redirected more than {MAX_REDIRECTS} times", _WRONG_SERVER)


def _check_redirect(origin: str, location: str) -> None:
    """Allow http -> http(s) and https -> https only: never file://, ftp:// or a downgrade."""
    before, after = urlsplit(origin).scheme, urlsplit(location).scheme
    if after not in ("http", "https") or (before, after) == ("https", "http"):
        raise _Failed(f"the server redirected to {location} ({after}://), which unlearn refuses", _WRONG_SERVER)


def _check_response(file: UpstreamFile, response) -> None:
    status = response.status_code
    if status >= 500 or status == 429:
        raise _Failed(f"the server answered HTTP {status} {response.reason}", _RETRY_LATER, transient=True)
    if status != 200:
        raise _Failed(f"the server answered HTTP {status} {response.reason}", _WRONG_SERVER)
    announced = response.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > file.size:
        raise _Failed(_too_big(file, f"announced {int(announced):,} bytes"), _WRONG_SERVER)


def _too_big(file: UpstreamFile, what: str) -> str:
    return f"the server {what}, more than the pinned {file.size:,}: it is not the pinned file"


def _chunks(file: UpstreamFile, response, deadline: _Deadline):
    """The body in pieces, stopped at the pinned size and at the deadline.

    ``read1`` returns what one socket read brings, so a server trickling a byte at a time cannot
    make one read outlast the deadline by more than one socket timeout (``iter_content`` would
    wait for a whole chunk).
    """
    received = 0
    while True:
        deadline.remaining()
        try:
            chunk = response.raw.read1(CHUNK, decode_content=False)
        except _network_errors() as exc:
            raise _Failed(f"the connection failed ({exc})", _RETRY_LATER, transient=True) from exc
        if not chunk:
            break
        received += len(chunk)
        if received > file.size:
            raise _Failed(_too_big(file, "sent more bytes"), _WRONG_SERVER)
        yield chunk
    if received < file.size:
        raise _Failed(f"the connection closed after {received:,} of {file.size:,} bytes", _RETRY_LATER, transient=True)


def _progress_bar(file: UpstreamFile):
    """A bar with a known total (the pinned size); a bar without one broke pooch 1.9."""
    from tqdm.auto import tqdm  # a widget bar in JupyterLab, a text bar in a terminal

    return tqdm(total=file.size, desc=file.path, unit="B", unit_scale=True, unit_divisor=1024, leave=False)
