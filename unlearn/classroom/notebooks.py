"""Where the lesson notebooks are, and the folder ``unlearn lab`` opens them in.

Layer: classroom tooling.

A wheel ships the notebooks inside the package (``unlearn/_notebooks``, see pyproject.toml); a
checkout has them in ``notebooks/``. The packaged copy wins, as in ``config.curated_dir()``, so
an installed unlearn never depends on a checkout. The packaged copy sits in site-packages and is
never opened or written: ``unlearn lab`` (:mod:`.lab`) copies it into a working folder first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import UnlearnError

PACKAGE = Path(__file__).resolve().parent.parent
PACKAGED = PACKAGE / "_notebooks"
CHECKOUT = PACKAGE.parent / "notebooks"
DEFAULT_WORKING_DIR = "~/unlearn-notebooks"
"""Where ``unlearn lab`` writes the student copies when no ``--dir`` is given."""
DEFAULT_INSTRUCTOR_DIR = "~/unlearn-notebooks-instructor"
"""Where ``unlearn lab --instructor`` copies the packaged (solved) notebooks when installed."""


def notebooks_dir() -> Path:
    """The instructor notebooks: the packaged copy if there is one, else the checkout's."""
    return PACKAGED if PACKAGED.is_dir() else CHECKOUT


NOTEBOOKS = notebooks_dir()
"""The folder of the instructor notebooks (with solutions and saved outputs)."""


def is_packaged(folder: Path = NOTEBOOKS) -> bool:
    """Whether *folder* is the copy installed in site-packages (read it, never write it)."""
    return is_inside(folder, PACKAGED)


def is_inside(path: str | Path, folder: str | Path) -> bool:
    """Whether *path* is *folder* or lies inside it, once both are resolved (``..``, links)."""
    path, folder = Path(path).expanduser().resolve(), Path(folder).expanduser().resolve()
    return path == folder or folder in path.parents


def notebook_paths(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The notebooks in *folder*, in lesson order; none is an error, not "0 written"."""
    found = sorted(Path(folder).glob("*.ipynb"))
    if not found:
        raise UnlearnError(f"no notebooks (*.ipynb) found in {Path(folder).resolve()}")
    return found


def companion_files(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The files that travel with the notebooks: the glossary they link to, nbval's sanitize.cfg."""
    folder = Path(folder)
    return sorted(folder.glob("*.md")) + sorted(folder.glob("*.cfg"))


def copy_missing(folder: Path, source: Path = NOTEBOOKS) -> list[Path]:
    """Copy into *folder* the notebooks and companion files it lacks. A file already there is
    kept as it is: it may hold a student's work."""
    folder.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in notebook_paths(source) + companion_files(source):
        target = folder / path.name
        if not target.exists():
            shutil.copyfile(path, target)  # not copy(): a read-only installed file stays editable here
            copied.append(target)
    return copied
