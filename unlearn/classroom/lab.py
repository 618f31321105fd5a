"""The folder ``unlearn lab`` opens: student copies by default, the solved notebooks with
``--instructor``.

Layer: classroom tooling.

A student who follows README lands on student copies (:mod:`.student_copies`), made on the
first run into a folder of their own (``~/unlearn-notebooks`` unless ``--dir``); each later run
adds only the copies that are missing, so a student's work is never replaced.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnlearnError
from .notebooks import DEFAULT_INSTRUCTOR_DIR, DEFAULT_WORKING_DIR, NOTEBOOKS, copy_missing, is_packaged, notebook_paths
from .student_copies import write_missing_student_versions


def lab_folder(chosen: str | Path | None = None, instructor: bool = False, source: Path = NOTEBOOKS) -> Path:
    """The folder JupyterLab opens, made ready.

    Students (the default): *chosen* or :data:`DEFAULT_WORKING_DIR`, with the student copies
    it lacks written into it. Instructors: a checkout's ``notebooks/`` as they are (unless
    *chosen*), else *chosen* or :data:`DEFAULT_INSTRUCTOR_DIR` with the solved notebooks
    copied in, since site-packages is no place to save work.
    """
    notebook_paths(source)
    if instructor and chosen is None and not is_packaged(source):
        return source
    default = DEFAULT_INSTRUCTOR_DIR if instructor else DEFAULT_WORKING_DIR
    folder = Path(chosen or default).expanduser()
    if is_packaged(folder):
        raise UnlearnError(f"{folder} is the installed copy of the notebooks; choose a folder of your own")
    if instructor:
        copy_missing(folder, source)
    else:
        write_missing_student_versions(folder, source)
    return folder
