"""The nbgrader pipeline as a class runs it, on real lessons and real data: the course folder
from ``unlearn notebooks assignment``, ``nbgrader generate_assignment``, a correct and a wrong
submission in ``submitted/<student>/``, ``autograde``, ``generate_feedback``, ``export``.

Everything runs through nbgrader's own command and real kernels; nothing is stubbed.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from unlearn import cli
from unlearn.classroom import assignment

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ["01_un_bodies", "hw02_general_assembly"]
"""A lesson and a homework set (both autograded in full, < 90 s together on the 2-core machine)."""

WRONG = {
    # plausible mistakes: the counts in the wrong order, the whole Council, a vote count for the years
    "01_un_bodies": {
        1: "exercise_1 = (lessons.member_count('1993-01-01'), lessons.member_count('1990-01-01'))",
        2: "exercise_2 = lessons.council_seats(2022)",
    },
    "hw02_general_assembly": {1: "exercise_1 = (True, True)"},
}


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"nbgrader {' '.join(args)}:\n{result.stdout[-2000:]}{result.stderr[-4000:]}"
    return result


def solutions(source: Path) -> dict[int, str]:
    """Each exercise's solution code, from the instructor's source notebook."""
    found = {}
    for cell in nbformat.read(source, as_version=4).cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.metadata.get("nbgrader", {}).get("solution"):
            code = cell.source.split(assignment.BEGIN, 1)[1].split(assignment.END, 1)[0]
            found[int(grade_id.rsplit("_", 1)[1])] = code.strip("\n")
    return found


def submit(course: Path, name: str, student: str, answers: dict[int, str]) -> None:
    """The released notebook with *answers* written where the stub says, as *student* hands it in."""
    release = course / "release" / name / f"{name}.ipynb"
    notebook = nbformat.read(release, as_version=4)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            number = int(meta["grade_id"].rsplit("_", 1)[1])
            stub = re.compile(r"^# YOUR CODE HERE.*$", re.MULTILINE)
            written = answers.get(number, "pass")
            cell.source = stub.sub(lambda _, code=written: code, cell.source)
    folder = course / "submitted" / student / name
    folder.mkdir(parents=True)
    nbformat.write(notebook, folder / f"{name}.ipynb")
    (folder / "timestamp.txt").write_text("2026-12-01 10:00:00.000000 UTC\n", encoding="utf-8")


@pytest.fixture(scope="module")
def course(tmp_path_factory, built):
    course = tmp_path_factory.mktemp("course")
    assert cli.main(["notebooks", "assignment", str(course), "--only", *LESSONS]) == 0
    for name in LESSONS:
        nbgrader(course, "generate_assignment", name, "--force")
        correct = solutions(course / "source" / name / f"{name}.ipynb")
        submit(course, name, "alice", correct)
        submit(course, name, "bob", {**correct, **WRONG[name]})
        nbgrader(course, "autograde", name, "--create")
        nbgrader(course, "generate_feedback", name)
    nbgrader(course, "export", "--to", "grades.csv")
    return course


def test_the_released_notebooks_hold_no_solution_and_no_hidden_test(course):
    for name in LESSONS:
        text = (course / "release" / name / f"{name}.ipynb").read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "hidden=True" not in text
        assert "exercise_1 = ..." in text


def test_correct_submissions_get_full_marks_and_wrong_ones_less(course):
    rows = list(csv.DictReader((course / "grades.csv").open(encoding="utf-8")))
    scores = {(r["assignment"], r["student_id"]): (float(r["raw_score"]), float(r["max_score"])) for r in rows}
    for name in LESSONS:
        alice, top = scores[(name, "alice")]
        bob, _ = scores[(name, "bob")]
        assert top > 0 and alice == top, f"{name}: the correct submission got {alice} of {top}"
        assert bob < top, f"{name}: the wrong submission got {bob} of {top}"


def test_feedback_is_written_for_each_student(course):
    for name in LESSONS:
        for student in ("alice", "bob"):
            assert (course / "feedback" / student / name / f"{name}.html").is_file()
    bob = (course / "feedback" / "bob" / LESSONS[0] / f"{LESSONS[0]}.html").read_text(encoding="utf-8")
    assert "in the wrong order" in bob and "not the right elected members" in bob
