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


def test_lab_writes_student_copies_into_dir_and_keeps_copies_already_there(tmp_path):
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
    assert f"Opening JupyterLab on the student copies in {work}" in result.stdout
    for name in SEVEN[1:]:
        cells = nbformat.read(work / name, as_version=4).cells
        assert not any("solution" in c.metadata.get("tags", []) for c in cells), f"{name} holds solutions"
        assert not any(c.get("outputs") for c in cells if c.cell_type == "code"), f"{name} holds outputs"
    assert not (work / "sanitize.cfg").exists()


def test_lab_instructor_opens_the_solved_notebooks(tmp_path):
    work = tmp_path / "solved"
    result = subprocess.run(
        [sys.executable, "-m", "unlearn.cli", "lab", "--instructor", "--dir", str(work), "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"Opening JupyterLab on the solved notebooks (instructor) in {work}" in result.stdout
    assert contents(work)[SEVEN[1]] == (SOURCE / SEVEN[1]).read_bytes()


def test_lab_in_a_checkout_never_opens_the_solutions_by_default(tmp_path, monkeypatch):
    from unlearn.classroom.lab import lab_folder

    monkeypatch.setenv("HOME", str(tmp_path))
    folder = lab_folder()
    assert folder == tmp_path / "unlearn-notebooks" and folder != SOURCE
    assert lab_folder(instructor=True) == notebooks.NOTEBOOKS


def test_notebooks_run_names_the_cell_that_passes_its_timeout(tmp_path):
    slow = tmp_path / "slow.ipynb"
    cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("import time\ntime.sleep(120)")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), slow)
    before = slow.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "unlearn.cli", "notebooks", "run", "--timeout", "3", str(slow)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stdout + result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == (
        "unlearn: slow.ipynb cell 1 (import time) did not finish within 3 s; nothing was saved "
        "(run it in JupyterLab to see where it waits, or allow more with --timeout)"
    ), lines
    assert slow.read_bytes() == before


def test_the_autograder_names_the_cell_that_passes_its_timeout():
    from unlearn.classroom.grading import NamingExecute

    cells = [nbformat.v4.new_code_cell("exercise_1 = 1"), nbformat.v4.new_code_cell("import time\ntime.sleep(120)")]
    notebook = nbformat.v4.new_notebook(cells=cells)
    NamingExecute(timeout=3).preprocess(notebook, {"unique_key": "hw01_un_bodies"})
    errors = ["\n".join(o.traceback) for o in notebook.cells[1].outputs if o.output_type == "error"]
    assert any("hw01_un_bodies.ipynb cell 1 (import time) did not finish within 3 s" in e for e in errors), errors


def test_assignment_refuses_to_replace_a_course_folder_and_names_the_assignments(tmp_path, capsys):
    course = tmp_path / "course"
    assert cli.main(["notebooks", "assignment", str(course), "--only", "00", "hw01"]) == 0
    assert sorted(p.name for p in (course / "source").iterdir()) == ["00_start_here", "hw01_un_bodies"]
    assert (course / "nbgrader_config.py").is_file()
    assert (course / "source" / "hw01_un_bodies" / "glossary.md").is_file()
    capsys.readouterr()
    assert cli.main(["notebooks", "assignment", str(course), "--only", "00"]) == 2
    one_error_line(capsys, "already holds 00_start_here", "--force")
    assert cli.main(["notebooks", "assignment", str(course), "--only", "00", "--force"]) == 0
    capsys.readouterr()
    assert cli.main(["notebooks", "assignment", str(course), "--only", "99"]) == 2
    one_error_line(capsys, "no notebook matches '99'", "01_un_bodies", "hw02_general_assembly")


def test_assignment_covers_05_to_08_with_checks_where_an_answer_is_computable(tmp_path, capsys):
    """05 and 06's computable exercises get test cells; 06's verdict, 07's verdicts and the
    capstone are graded by hand, and the command says so."""
    course = tmp_path / "course"
    assert cli.main(["notebooks", "assignment", str(course), "--only", "05", "06", "07", "08"]) == 0
    names = ["05_february_2025", "06_a_break_with_the_past", "07_fact_check_the_news", "08_capstone"]
    assert sorted(p.name for p in (course / "source").iterdir()) == names
    tested = {}
    for name in names:
        cells = nbformat.read(course / "source" / name / f"{name}.ipynb", as_version=4).cells
        grades = [c.metadata.get("nbgrader", {}) for c in cells]
        tested[name] = sorted(g["grade_id"] for g in grades if g.get("grade"))
    assert tested == {
        "05_february_2025": ["exercise_1_checks", "exercise_2_checks", "exercise_3_checks"],
        "06_a_break_with_the_past": ["exercise_1_checks", "exercise_2_checks", "exercise_3_checks"],
        "07_fact_check_the_news": [],
        "08_capstone": [],
    }
    out = capsys.readouterr().out
    assert "Graded by hand" in out and "06_a_break_with_the_past 4" in out and "08_capstone 1, 2" in out


def test_lab_never_works_inside_the_installed_notebooks(capsys):
    assert cli.main(["lab", "--dir", str(notebooks.PACKAGED / "lesson")]) == 2
    one_error_line(capsys, "installed copy of the notebooks")
    assert not notebooks.PACKAGED.exists()
