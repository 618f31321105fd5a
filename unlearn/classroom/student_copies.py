"""Student copies of the notebooks: solutions replaced by stubs, outputs cleared.

Layer: classroom tooling (above the lessons; used by the command line).

Solution cells carry the cell tag ``solution``. A student copy replaces each one with a short
stub that says what to do (the first comment lines of the solution, which state the task),
tags it ``nbval-skip`` so that nbval does not run it, and clears every output. No later cell
may depend on a solution's variables, so the student copy still runs from top to bottom.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from .notebooks import NOTEBOOKS

STUB = "# Your turn: {task}\n# Write your answer here, then run the cell.\n"


def task_of(source: str) -> str:
    """The task a solution cell states in its leading comment lines.

    >>> task_of("# Exercise 1: count the no votes.\\nprint(1)")
    'Exercise 1: count the no votes.'
    """
    lines = []
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        text = line.lstrip("# ").strip()
        if text and not text.upper().startswith("NBVAL"):
            lines.append(text)
    return " ".join(lines) or "see the exercise above."


def student_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of *notebook* with solutions replaced by stubs and all outputs cleared."""
    copy = nbformat.from_dict(notebook)
    for cell in copy.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type != "code":
            continue
        if "solution" in tags:
            cell.source = STUB.format(task=task_of(cell.source))
            cell.metadata["tags"] = [t for t in tags if t != "solution"] + ["exercise-stub", "nbval-skip"]
        cell.outputs = []
        cell.execution_count = None
    return copy


def write_student_versions(out_dir: str | Path, source_dir: str | Path = NOTEBOOKS) -> list[Path]:
    """Write student copies of every notebook in *source_dir* (plus its Markdown files) to *out_dir*."""
    out, source = Path(out_dir), Path(source_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        target = out / path.name
        nbformat.write(student_version(notebook), target)
        written.append(target)
    for extra in sorted(source.glob("*.md")) + sorted(source.glob("*.cfg")):
        shutil.copy(extra, out / extra.name)
    return written
