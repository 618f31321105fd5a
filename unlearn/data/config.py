"""Where unlearn keeps things: its curated tables, the data cache and an optional mirror.

Layer: data (the bottom of the package: it imports no other layer but errors).

Environment variables (all optional):

``UNLEARN_CACHE_DIR``
    Where downloaded files and built tables are cached (default: the user's cache folder).
``UNLEARN_DATA_MIRROR``
    A local folder laid out ``OWNER/REPO/COMMIT/PATH`` (like ``../shared/un-data``),
    read instead of the network.
``UNLEARN_DATA_URL``
    A web server to download from instead of GitHub: a base URL under which the files sit at
    ``OWNER/REPO/COMMIT/PATH`` (a mirror folder served over HTTP has that layout). Default:
    ``https://raw.githubusercontent.com``. The pinned sha256 is checked whatever the server.
``UNLEARN_DOWNLOAD_DEADLINE``
    The most seconds one file's download may take, retries included (default 600), so that a
    server trickling bytes cannot hang a notebook for hours.
``UNLEARN_SHARED_CACHE``
    A read-only cache built beforehand (``unlearn data bundle`` / ``install``), used as is
    so that a class on one hub does not build thirty copies. It may name the cache folder
    (the one holding ``tables/``), its ``tables/`` folder, or one build's folder.

Whatever unlearn writes into a cache is readable by every user the umask allows (folders
``0o777 & ~umask``, files ``0o666 & ~umask``: 0755 and 0644 under the usual 022), because a
cache built by an instructor is read by thirty other accounts (:func:`readable_by_all`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

from ..errors import UnlearnError

CACHE_ENV = "UNLEARN_CACHE_DIR"
MIRROR_ENV = "UNLEARN_DATA_MIRROR"
DATA_URL_ENV = "UNLEARN_DATA_URL"
DEADLINE_ENV = "UNLEARN_DOWNLOAD_DEADLINE"
DEFAULT_DEADLINE = 600.0
SHARED_CACHE_ENV = "UNLEARN_SHARED_CACHE"


def curated_dir() -> Path:
    """The folder of curated CSV tables (``data/`` in a checkout, ``unlearn/_data`` in a wheel)."""
    package = Path(__file__).resolve().parent.parent  # unlearn/
    packaged = package / "_data"
    if packaged.is_dir():
        return packaged
    return package.parent / "data"


def cache_dir(override: str | os.PathLike | None = None) -> Path:
    """The writable cache folder: *override*, else ``$UNLEARN_CACHE_DIR``, else the user's cache."""
    chosen = override or os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("unlearn")
    return Path(chosen).expanduser()


def mirror_dir(override: str | os.PathLike | None = None) -> Path | None:
    """The local mirror folder, if one is set (*override* wins over ``$UNLEARN_DATA_MIRROR``)."""
    chosen = override or os.environ.get(MIRROR_ENV)
    return Path(chosen).expanduser().resolve() if chosen else None


def shared_cache_dir() -> Path | None:
    """A read-only, pre-built cache shared by a class, if ``$UNLEARN_SHARED_CACHE`` names one."""
    chosen = os.environ.get(SHARED_CACHE_ENV)
    return Path(chosen).expanduser() if chosen else None


def data_url(default: str) -> str:
    """The base URL to download from: ``$UNLEARN_DATA_URL`` if set, else *default* (GitHub raw)."""
    return (os.environ.get(DATA_URL_ENV) or default).rstrip("/")


def download_deadline() -> float:
    """Seconds one file's download may take in all (``$UNLEARN_DOWNLOAD_DEADLINE``, default 600)."""
    chosen = os.environ.get(DEADLINE_ENV)
    if not chosen:
        return DEFAULT_DEADLINE
    try:
        seconds = float(chosen)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise UnlearnError(f"{DEADLINE_ENV} must be a positive number of seconds, not {chosen!r}.")
    return seconds


def umask() -> int:
    """The process's umask (read by setting it and putting it back: there is no getter)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def readable_by_all(path: Path) -> None:
    """Give *path* (and, for a folder, everything under it) the modes the umask allows.

    ``tempfile.mkdtemp`` makes 0700 folders and downloads arrive 0600, which would keep a
    shared build to its builder alone; this is applied before a build is renamed into place.
    """
    mask = umask()
    for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
        if item.is_symlink():  # chmod would change the file it points to, outside the cache
            continue
        mode = 0o777 if stat.S_ISDIR(item.lstat().st_mode) else 0o666
        os.chmod(item, mode & ~mask)
