"""Student copies of the notebooks: solutions replaced by stubs, outputs cleared.

Layer: classroom tooling (above the lessons; used by the command line).

Solution cells carry the cell tag ``solution``. A student copy replaces each one with a short
stub that says what to do (the first comment lines of the solution, which state the task),
tags it ``nbval-skip`` so that nbval does not run it, and clears every output. No later cell
may depend on a solution's variables, so the student copy still runs from top to bottom.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from ..errors import UnlearnError
from .notebooks import NOTEBOOKS, companion_files, is_inside, notebook_paths

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


def write_student_versions(out_dir: str | Path, source_dir: str | Path = NOTEBOOKS, force: bool = False) -> list[Path]:
    """Write student copies of every notebook in *source_dir* (plus its glossary and
    sanitize.cfg) to *out_dir*, and return the notebooks written.

    Nothing is written if *out_dir* is *source_dir* or inside it (the copies would replace the
    solutions and outputs they are made from), nor, without *force*, if a file already in
    *out_dir* differs from what would be written there: a student edited it, or the source
    changed since. A file identical to its new version loses nothing and is simply rewritten.
    """
    out, source = Path(out_dir), Path(source_dir)
    if is_inside(out, source):
        raise UnlearnError(
            f"refusing to write student copies into {out}: it is inside the notebooks they are made from "
            f"({source.resolve()}), whose solutions and outputs they would overwrite; choose another folder"
        )
    planned = planned_files(source)
    changed = [name for name, content in planned.items() if _differs(out / name, content)]
    if changed and not force:
        raise UnlearnError(
            f"{len(changed)} file(s) in {out} differ from the student versions (edited since they were written, "
            f"or the notebooks changed): {', '.join(changed)}; nothing was written (--force overwrites them)"
        )
    out.mkdir(parents=True, exist_ok=True)
    for name, content in planned.items():
        (out / name).write_bytes(content)
    return [out / path.name for path in notebook_paths(source)]


def planned_files(source: Path) -> dict[str, bytes]:
    """What a student folder receives, by file name: each notebook's student version, then the
    companion files as they are."""
    planned = {}
    for path in notebook_paths(source):
        text = nbformat.writes(student_version(nbformat.read(path, as_version=4)))
        planned[path.name] = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    for path in companion_files(source):
        planned[path.name] = path.read_bytes()
    return planned


def _differs(target: Path, content: bytes) -> bool:
    """Whether writing *content* to *target* would lose something that is there now."""
    return target.exists() and target.read_bytes() != content
