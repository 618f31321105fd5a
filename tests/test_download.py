"""Downloading from a real HTTP server on 127.0.0.1 that serves the offline mirror.

With the default settings (progress bar on, no mirror) unlearn must fetch from the server that
``UNLEARN_DATA_URL`` names, and every way a server can misbehave must end in one message that
names the file and says what to do, with nothing left in the cache. The first part of the URL
path picks the server's behaviour: ``/ok/OWNER/REPO/COMMIT/PATH`` serves the mirror's file.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest
from tqdm import tqdm

from unlearn.data import cache, sources
from unlearn.errors import DataUnavailableError, IntegrityError

ROOT = Path(__file__).resolve().parents[1]
MIRROR = ROOT.parent / "shared" / "un-data"  # the convention of the root conftest.py
FILE = sources.upstream_file("wpdl_vetoes", "unsc_vetoes_1946_sept2022.csv")


class Misbehaving(BaseHTTPRequestHandler):
    """Serves the mirror's files, well (``ok``) or in one of the ways a server goes wrong."""

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.server.seen.append(self.path)
        mode, _, key = self.path.lstrip("/").partition("/")
        body = (MIRROR / key).read_bytes()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            getattr(self, f"_{mode}")(body)

    def _headers(self, status=200, length=None, **extra):
        self.send_response(status)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()

    def _ok(self, body):
        self._headers(length=len(body))
        self.wfile.write(body)

    def _missing(self, body):
        self.send_error(404)

    def _broken(self, body):
        self.send_error(500)

    def _slow(self, body):
        """One byte every 2 s: 33 kB would take 18 hours."""
        self._headers(length=len(body))
        for i in range(len(body)):
            self.wfile.write(body[i : i + 1])
            self.wfile.flush()
            time.sleep(2)

    def _slow_headers(self, body):
        """The status line, then one byte of headers every second for 16 s, then it hangs up:
        each byte resets the client's socket timeout, so only an overall clock stops waiting."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for byte in b"X-Trickle: " + b"a" * 15:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(1)

    def _endless(self, body):
        """The file, then 64 MiB more, with no Content-Length (HTTP/1.0: the body ends at close)."""
        self._headers()
        self.wfile.write(body)
        for _ in range(64):
            self.wfile.write(b"x" * (1 << 20))

    def _announced(self, body):
        self._headers(length=100 * len(body))
        self.wfile.write(body)

    def _to_file(self, body):
        self._headers(302, length=0, Location="file:///etc/passwd")

    def _to_ftp(self, body):
        self._headers(302, length=0, Location=f"ftp://127.0.0.1/{FILE.key}")

    def _tampered(self, body):
        self._ok(body[:-1] + b"?")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    httpd.daemon_threads = True
    httpd.seen = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def serve(server, tmp_path, monkeypatch):
    """Point unlearn at the server in one *mode*, with no mirror and an empty cache."""
    monkeypatch.delenv("UNLEARN_DATA_MIRROR", raising=False)
    monkeypatch.setenv("UNLEARN_CACHE_DIR", str(tmp_path))

    def point(mode: str) -> str:
        base = f"http://127.0.0.1:{server.server_port}/{mode}"
        monkeypatch.setenv("UNLEARN_DATA_URL", base)
        server.seen.clear()
        return base

    return point


def files_left(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def one_message(error: Exception) -> str:
    message = str(error)
    assert FILE.name in message and message.count("reason:") == 1
    return message


def test_fetch_from_the_configured_server_without_a_mirror(serve, server, tmp_path):
    base = serve("ok")
    path = sources.fetch(FILE)
    assert path == tmp_path / "raw" / FILE.key and sources.sha256_of(path) == FILE.sha256
    assert server.seen == [f"/ok/{FILE.key}"] and FILE.url == f"{base}/{FILE.key}"
    assert files_left(tmp_path) == [path]


def test_not_found_is_not_retried_and_names_the_server_setting(serve, server, tmp_path):
    serve("missing")
    with pytest.raises(DataUnavailableError) as caught:
        sources.fetch(FILE)
    message = one_message(caught.value)
    assert "HTTP 404" in message and "UNLEARN_DATA_URL" in message and "offline" not in message
    assert len(server.seen) == 1 and files_left(tmp_path) == []


def test_server_error_is_retried_then_says_retry_later(serve, server, tmp_path):
    serve("broken")
    with pytest.raises(DataUnavailableError) as caught:
        sources.fetch(FILE)
    message = one_message(caught.value)
    assert "HTTP 500" in message and "Retry later" in message and "UNLEARN_DATA_MIRROR" in message
    assert len(server.seen) == sources.RETRIES and files_left(tmp_path) == []


def test_a_trickling_server_is_given_up_at_the_deadline(serve, tmp_path, monkeypatch):
    serve("slow")
    monkeypatch.setenv("UNLEARN_DOWNLOAD_DEADLINE", "3")
    started = time.monotonic()
    with pytest.raises(DataUnavailableError) as caught:
        sources.fetch(FILE)
    assert time.monotonic() - started < 10
    message = one_message(caught.value)
    assert "3 s" in message and "UNLEARN_DOWNLOAD_DEADLINE" in message
    assert files_left(tmp_path) == []


def test_a_server_trickling_its_headers_is_given_up_at_the_deadline(serve, tmp_path, monkeypatch):
    serve("slow_headers")
    monkeypatch.setenv("UNLEARN_DOWNLOAD_DEADLINE", "3")
    started = time.monotonic()
    with pytest.raises(DataUnavailableError) as caught:
        sources.fetch(FILE)
    assert time.monotonic() - started < 10  # the server would keep it waiting 16 s
    assert "3 s" in one_message(caught.value)
    # the abandoned attempt ends when the server hangs up (16 s after the request), and tidies up
    until = time.monotonic() + 30
    while files_left(tmp_path) and time.monotonic() < until:
        time.sleep(0.5)
    assert files_left(tmp_path) == []


@pytest.mark.parametrize("mode", ["endless", "announced"])
def test_a_body_larger_than_the_pinned_size_is_stopped(serve, tmp_path, mode):
    serve(mode)
    started = time.monotonic()
    with pytest.raises(DataUnavailableError) as caught:
        sources.fetch(FILE)
    assert time.monotonic() - started < 5
    assert f"pinned {FILE.size:,}" in one_message(caught.value)
    assert files_left(tmp_path) == []


@pytest.mark.parametrize("mode", ["to_file", "to_ftp"])
def test_a_redirect_to_another_scheme_is_refused(serve, server, tmp_path, mode):
    serve(mode)
    with pytest.raises(DataUnavailableError) as caught:
        sources.fetch(FILE)
    assert "refuses" in one_message(caught.value)
    assert len(server.seen) == 1 and files_left(tmp_path) == []


def test_a_changed_file_is_an_integrity_error(serve, tmp_path):
    serve("tampered")
    with pytest.raises(IntegrityError, match=FILE.sha256):
        sources.fetch(FILE)
    assert files_left(tmp_path) == []


class BrokenBar(tqdm):
    """A real bar with a bug in it, as pooch 1.9 met one (``bool()`` of a bar without total)."""

    def update(self, n=1):
        raise TypeError("a bug in the progress bar")


def test_a_programming_error_is_raised_not_called_offline(serve, server, tmp_path, monkeypatch):
    serve("ok")
    monkeypatch.setattr(sources, "_progress_bar", lambda file: BrokenBar(total=file.size))
    with pytest.raises(TypeError, match="a bug in the progress bar"):
        sources.fetch(FILE)
    assert len(server.seen) == 1 and files_left(tmp_path) == []


@pytest.mark.slow
def test_cli_fetch_from_a_server_builds_the_mirror_tables(server, built, tmp_path):
    """``unlearn data fetch`` on a fresh machine (no mirror, the progress bar on) builds the
    same tables as a build from the mirror."""
    env = {k: v for k, v in os.environ.items() if k != "UNLEARN_DATA_MIRROR"}
    env |= {
        "UNLEARN_DATA_URL": f"http://127.0.0.1:{server.server_port}/ok",
        "UNLEARN_CACHE_DIR": str(tmp_path),
        "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "unlearn.cli", "data", "fetch"], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert f"{FILE.path}:" in done.stderr and "%|" in done.stderr  # tqdm's bar
    assert len(server.seen) >= len(sources.upstream_files())
    fetched = cache.built_dir(tmp_path)
    assert fetched is not None and fetched.name == built.name
    tables = sorted(p.name for p in built.glob("*.parquet"))
    assert tables == sorted(p.name for p in fetched.glob("*.parquet")) and tables
    for name in tables:
        pd.testing.assert_frame_equal(pd.read_parquet(fetched / name), pd.read_parquet(built / name))
