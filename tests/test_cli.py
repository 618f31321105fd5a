"""The unlearn command: argument handling (the data commands are tested in test_cache.py)."""

from __future__ import annotations

import pytest

from unlearn import cli


def test_lab_opens_the_first_notebook_and_passes_options_on(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))  # the student copies go to ~/unlearn-notebooks: not the real one
    seen = {}
    monkeypatch.setattr(cli.os, "execv", lambda exe, command: seen.update(command=command))
    cli.main(["lab", "--no-browser", "--port", "8899"])
    command = seen["command"]
    assert command[1:4] == ["-m", "jupyter", "lab"]
    assert command[4].startswith("--notebook-dir=") and command[5].endswith("00_start_here.ipynb")
    assert command[-3:] == ["--no-browser", "--port", "8899"]
    assert command[4] == f"--notebook-dir={tmp_path / 'unlearn-notebooks'}"


def test_other_commands_refuse_unknown_options(capsys):
    with pytest.raises(SystemExit):
        cli.main(["data", "status", "--bogus"])
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
