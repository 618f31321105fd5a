"""The instructor commands must not destroy work: not the notebooks' solutions (student copies
written into their own folder), not a student's edits (copies written again), not a working
folder's notebooks (``unlearn lab --dir``). Run through the real command, ``unlearn.cli.main``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from unlearn import cli
from unlearn.classroom import notebooks

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "notebooks"
SEVEN = sorted(p.name for p in SOURCE.glob("*.ipynb"))


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def one_error_line(capsys, *expected: str) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("unlearn: "), lines
    assert all(text in lines[0] for text in expected), lines[0]
    return lines[0]


def test_student_copies_refuse_to_overwrite_the_notebooks_they_come_from(tmp_path, capsys, monkeypatch):
    source = tmp_path / "notebooks"
    shutil.copytree(SOURCE, source)
    before = contents(source)
    monkeypatch.chdir(tmp_path)
    for out in ["notebooks", "notebooks/../notebooks", str(source / "student")]:
        assert cli.main(["notebooks", "student", "--source", "notebooks", out]) == 2
        one_error_line(capsys, "refusing to write student copies", str(source))
    assert contents(source) == before and not (source / "student").exists()


def test_student_copies_written_again_keep_what_students_changed(tmp_path, capsys):
    out = tmp_path / "class"
    assert cli.main(["notebooks", "student", str(out)]) == 0
    assert cli.main(["notebooks", "student", str(out)]) == 0, "unchanged copies lose nothing when rewritten"
    edited = out / SEVEN[1]
    notebook = nbformat.read(edited, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("my_answer = 42"))
    nbformat.write(notebook, edited)
    (out / "glossary.md").write_text("my notes\n", encoding="utf-8")
    kept = contents(out)
    capsys.readouterr()
    assert cli.main(["notebooks", "student", str(out)]) == 2
    one_error_line(capsys, "2 file(s)", SEVEN[1], "glossary.md", "--force")
    assert contents(out) == kept
    assert cli.main(["notebooks", "student", "--force", str(out)]) == 0
    assert "my_answer" not in edited.read_text(encoding="utf-8")
    assert (out / "glossary.md").read_bytes() == (SOURCE / "glossary.md").read_bytes()


def test_no_notebooks_found_is_an_error_that_says_where(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["notebooks", "student", "--source", str(empty), str(tmp_path / "out")]) == 2
    one_error_line(capsys, "no notebooks", str(empty))
    assert not (tmp_path / "out").exists()


def test_lab_copies_the_notebooks_into_dir_and_keeps_copies_already_there(tmp_path):
    work = tmp_path / "my notebooks"
    work.mkdir()
    (work / SEVEN[0]).write_text("my own version", encoding="utf-8")
    result = subprocess.run(  # --version: jupyter lab starts, prints its version and exits
        [sys.executable, "-m", "unlearn.cli", "lab", "--dir", str(work), "--version"],
        cwd=ROOT,  # this checkout's unlearn, whatever else is installed
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(p.name for p in work.glob("*.ipynb")) == SEVEN and (work / "glossary.md").is_file()
    assert (work / SEVEN[0]).read_text(encoding="utf-8") == "my own version"
    assert f"Opening JupyterLab on {work}" in result.stdout


def test_lab_never_works_inside_the_installed_notebooks(capsys):
    assert cli.main(["lab", "--dir", str(notebooks.PACKAGED / "lesson")]) == 2
    one_error_line(capsys, "installed copy of the notebooks")
    assert not notebooks.PACKAGED.exists()
