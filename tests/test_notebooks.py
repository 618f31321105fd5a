"""The notebook sequence: its structure (the style guide) and the student copies.

Executing every notebook with its outputs compared is nbval's job (``--nbval`` in pytest's
options collects ``notebooks/*.ipynb``); these tests check what nbval does not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from unlearn.classroom import student_copies

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXPECTED = [
    "00_start_here",
    "01_un_bodies",
    "02_general_assembly",
    "03_security_council_and_veto",
    "04_voting_blocs",
    "05_february_2025",
    "06_a_break_with_the_past",
    "07_fact_check_the_news",
    "08_capstone",
]


def test_the_sequence_is_complete():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_the_style_guide(path):
    notebook = nbformat.read(path, as_version=4)
    opening = notebook.cells[0].source.lower()
    for needed in ("what you will learn", "what you need", "how long it takes", "glossary.md"):
        assert needed in opening, f"{path.name}: the opening cell lacks {needed!r}"
    code = [c for c in notebook.cells if c.cell_type == "code"]
    solutions = [c for c in code if "solution" in c.metadata.get("tags", [])]
    if path.stem != "00_start_here":
        assert 2 <= len(solutions) <= 4, f"{path.name}: {len(solutions)} solution cells"
    assert any("Quiz(" in c.source for c in code), f"{path.name}: no Quiz self-check"
    text = "\n".join(c.source.lower() for c in notebook.cells if c.cell_type == "markdown")
    assert "summary" in text and "sources" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_outputs_hold_no_error_and_no_warning(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for index, cell in enumerate(notebook["cells"]):
        assert cell.get("cell_type") != "code" or cell.get("execution_count") is not None or not cell.get("outputs"), (
            f"{path.name} cell {index} was not executed"
        )
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", f"{path.name} cell {index}: {output.get('ename')}"
            text = "".join(output.get("text", []))
            assert "Warning" not in text, f"{path.name} cell {index} shows a warning: {text[:200]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_later_cell_uses_a_solution_variable(path):
    """Student copies replace solutions; a later cell that needs their names would break."""
    import ast

    notebook = nbformat.read(path, as_version=4)
    defined_in_solutions: set[str] = set()
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        tree = ast.parse(source)
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        if "solution" in cell.metadata.get("tags", []):
            assigned = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
            defined_in_solutions |= assigned
            continue
        assigned_here = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        used = names - assigned_here
        assert not (used & defined_in_solutions), f"{path.name}: uses solution names {used & defined_in_solutions}"


def test_student_copies_replace_solutions_and_still_run(tmp_path, built):
    written = student_copies.write_student_versions(tmp_path)
    assert len(written) == len(NOTEBOOKS)
    for path in written:
        notebook = nbformat.read(path, as_version=4)
        assert not any("solution" in c.metadata.get("tags", []) for c in notebook.cells)
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
    env = {**os.environ}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "-q",
            "--nbval-lax",
            "--nbval-current-env",
            str(tmp_path),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_student_copies_carry_nothing_of_the_instructors(tmp_path):
    """No nbval tag, output, execution count or timestamp, saved widget state, answer or
    instructor-only cell, sanitize.cfg or sentence about solution cells; stubs with ``...``."""
    import re
    import shutil

    source = tmp_path / "source"
    shutil.copytree(ROOT / "notebooks", source)
    marked = source / f"{EXPECTED[1]}.ipynb"
    notebook = nbformat.read(marked, as_version=4)
    answer = nbformat.v4.new_markdown_cell("ANSWER-TEXT: 159 and 177, because of the Soviet successions.")
    answer.metadata["tags"] = ["answer"]
    conclusion = nbformat.v4.new_markdown_cell("CONCLUSION-TEXT: so the lesson's answer is yes.")
    conclusion.metadata["tags"] = ["instructor-only"]
    notebook.cells[2:2] = [conclusion]
    notebook.cells.append(answer)
    nbformat.write(notebook, marked)

    written = student_copies.write_student_versions(tmp_path / "class", source)
    assert not (tmp_path / "class" / "sanitize.cfg").exists() and (tmp_path / "class" / "glossary.md").exists()
    for path in written:
        text = path.read_text(encoding="utf-8")
        raw = json.loads(text)
        assert "widgets" not in raw["metadata"], f"{path.name} keeps the saved widget state"
        assert "nbval" not in text.lower(), f"{path.name} keeps nbval's tags"
        assert "ANSWER-TEXT" not in text and "CONCLUSION-TEXT" not in text
        assert not re.search(r"\bsolution cells?\b", text, re.IGNORECASE), f"{path.name} speaks of solution cells"
        for cell in raw["cells"]:
            assert "execution" not in cell["metadata"] and "solution" not in cell["metadata"].get("tags", [])
            if cell["cell_type"] == "code":
                assert cell["execution_count"] is None and cell["outputs"] == []
        stubs = [c for c in raw["cells"] if "exercise-stub" in c["metadata"].get("tags", [])]
        assert all(re.search(r"^exercise_\d+ = \.\.\.", "".join(c["source"]), re.M) for c in stubs)
        # nothing about the student copy itself survives ("In the student copy both are removed")
        assert not re.search(r"student\s+copy", text, re.IGNORECASE), f"{path.name} speaks of the student copy"
        # a quiz's answers are in its code: collapsed, not in plain sight above the quiz
        quizzes = [c for c in raw["cells"] if c["cell_type"] == "code" and "Quiz(" in "".join(c["source"])]
        assert all(c["metadata"].get("jupyter", {}).get("source_hidden") for c in quizzes), path.name
