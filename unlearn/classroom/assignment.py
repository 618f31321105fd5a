"""An nbgrader course folder made from the lessons and the homework sets.

Layer: classroom tooling.

``write_course(OUT)`` writes nbgrader's layout: ``OUT/nbgrader_config.py`` and
``OUT/source/<assignment>/<notebook>.ipynb`` (with the glossary beside it), one assignment per
lesson notebook and per homework notebook. In each:

- a cell tagged ``solution`` becomes an nbgrader solution cell. Its task comment stays above
  ``### BEGIN SOLUTION``; the solution's answer (its final expression, or what it prints) is
  assigned to ``exercise_N`` by rewriting the code with :mod:`ast`, so the notebooks are not
  edited by hand; the student's version reads ``exercise_N = ...``;
- an exercise with checks in :mod:`.checks` gets an autograded test cell after it, with points:
  the visible checks a student can run, then the hidden ones between ``### BEGIN HIDDEN TESTS``
  and ``### END HIDDEN TESTS``;
- what a student copy leaves out (:func:`.student_copies.student_version`) is left out too.

Then nbgrader does the rest (``nbgrader generate_assignment``, ``autograde``, ...), see the
instructor guide.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import nbformat

from ..errors import UnlearnError
from .checks import checks_for
from .notebooks import NOTEBOOKS, PACKAGE, notebook_paths
from .student_copies import answer_name, exercise_number, instructor_free, task_of

HOMEWORK = next(
    (p for p in (PACKAGE / "_notebooks" / "homework", PACKAGE.parent / "notebooks" / "homework") if p.is_dir()),
    PACKAGE.parent / "notebooks" / "homework",
)
"""The homework notebooks: packaged in a wheel, else the checkout's ``notebooks/homework/``."""

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"

CONFIG = """\
# nbgrader's configuration for the unlearn course (written by `unlearn notebooks assignment`).
from unlearn.classroom.grading import AUTOGRADE_PREPROCESSORS, CELL_TIMEOUT

c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.root = {root!r}
# the stub a student sees where a solution was: the line above it reads `exercise_N = ...`
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE: put your answer in place of the ... above"}}
# each cell has its own deadline, and a cell that passes it is named in the feedback
c.Execute.timeout = CELL_TIMEOUT
c.Autograde.autograde_preprocessors = AUTOGRADE_PREPROCESSORS
c.Exchange.root = {exchange!r}
"""


def assignment_sources(source_dirs: list[Path] | None = None) -> list[Path]:
    """Every notebook that becomes an assignment: the lessons, then the homework sets."""
    dirs = source_dirs or [NOTEBOOKS, HOMEWORK]
    return [path for folder in dirs if folder.is_dir() for path in notebook_paths(folder)]


def write_course(
    out_dir: str | Path,
    only: list[str] | None = None,
    force: bool = False,
    course_id: str = "unlearn",
    source_dirs: list[Path] | None = None,
    exchange: str = "/srv/nbgrader/exchange",
) -> list[Path]:
    """Write the course folder and return the assignment folders written.

    *only* keeps the notebooks whose name starts with one of its entries ("01", "hw02").
    A source notebook already in the folder is replaced only with *force*: an instructor may
    have edited it (nbgrader's own formgrader edits source/).
    """
    out = Path(out_dir).expanduser().resolve()
    paths = [p for p in assignment_sources(source_dirs) if not only or any(p.stem.startswith(o) for o in only)]
    if not paths:
        names = ", ".join(p.stem for p in assignment_sources(source_dirs))
        raise UnlearnError(f"no notebook matches {' '.join(only or [])!r}; the assignments are: {names}")
    existing = [p.stem for p in paths if (out / "source" / p.stem / p.name).exists()]
    if existing and not force:
        raise UnlearnError(
            f"{out / 'source'} already holds {', '.join(existing)}; nothing was written (--force replaces them)"
        )
    written = []
    for path in paths:
        folder = out / "source" / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(graded_notebook(nbformat.read(path, as_version=4), path.stem), folder / path.name)
        for companion in sorted(NOTEBOOKS.glob("*.md")):  # the glossary the notebooks link to
            shutil.copyfile(companion, folder / companion.name)
        written.append(folder)
    config = CONFIG.format(course_id=course_id, root=str(out), exchange=exchange)
    (out / "nbgrader_config.py").write_text(config, encoding="utf-8")
    return written


def graded_notebook(notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """*notebook* as an nbgrader source notebook: solutions marked, test cells added."""
    checks = checks_for(name)
    cells, exercises = [], 0
    for cell in instructor_free(notebook).cells:
        if "solution" not in cell.metadata.get("tags", []):
            cells.append(cell)
            continue
        exercises += 1
        number = exercise_number(cell.source, exercises)
        cell.source = solution_source(cell.source, number)
        cell.metadata["tags"] = [t for t in cell.metadata["tags"] if t != "solution"]
        cell.metadata["nbgrader"] = _nbgrader_meta(f"exercise_{number}", solution=True)
        cells.append(cell)
        if number in checks:
            cells.append(test_cell(name, number, checks[number].points))
    notebook = nbformat.from_dict(notebook)
    notebook.cells = cells
    return notebook


def _nbgrader_meta(grade_id: str, solution: bool = False, points: int | None = None) -> dict:
    meta = {"grade": points is not None, "solution": solution, "locked": not solution, "grade_id": grade_id}
    if points is not None:
        meta["points"] = points
    return {**meta, "schema_version": 3}


def test_cell(notebook: str, number: int, points: int) -> nbformat.NotebookNode:
    """The autograded cell of exercise *number*: visible checks, then hidden ones."""
    name = answer_name(number)
    source = "\n".join(
        [
            f"# Checks of exercise {number} ({points} point{'s' * (points != 1)}): run this cell to test your answer.",
            "from unlearn.classroom.checks import check",
            f"check({notebook!r}, {number}, {name})",
            BEGIN_HIDDEN,
            f"check({notebook!r}, {number}, {name}, hidden=True)",
            END_HIDDEN,
        ]
    )
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = _nbgrader_meta(f"exercise_{number}_checks", points=points)
    cell.metadata["deletable"] = cell.metadata["editable"] = False
    return cell


def solution_source(source: str, number: int) -> str:
    """A solution cell's code as an nbgrader solution whose answer lands in ``exercise_N``.

    >>> print(solution_source("# Exercise 2: count.\\nrows = calls.query('x')\\nlen(rows)", 2))
    # Exercise 2: count.
    exercise_2 = ...
    ### BEGIN SOLUTION
    rows = calls.query('x')
    exercise_2 = len(rows)
    ### END SOLUTION
    exercise_2
    >>> print(solution_source("# Exercise 1: two counts.\\nprint(a(1), a(2))", 1))
    # Exercise 1: two counts.
    exercise_1 = ...
    ### BEGIN SOLUTION
    exercise_1 = (a(1), a(2))
    print(*exercise_1)
    ### END SOLUTION
    """
    lines = source.splitlines()
    head = 0
    while head < len(lines) and lines[head].startswith("#"):
        head += 1
    task, body = lines[:head], "\n".join(lines[head:])
    name = answer_name(number)
    code, shown = answer_assigned(body, name)
    after = [name] if not shown else []
    return "\n".join([*task, f"{name} = ...", BEGIN, code, END, *after])


def answer_assigned(body: str, name: str) -> tuple[str, bool]:
    """*body* rewritten so that its answer is assigned to *name*, and whether it prints the
    answer itself (else the cell ends by showing *name*).

    The answer is the final expression (what the cell shows as its result: prints before it
    are context, such as the whole table it was picked from); without one, what the code
    prints (one print: its value or tuple of values; several: a tuple of each one's). Other
    lines are kept as written.

    >>> print(answer_assigned("print(everything)\\npicked(1)", "exercise_2")[0])
    print(everything)
    exercise_2 = picked(1)
    """
    tree = ast.parse(body)
    if not tree.body:
        raise UnlearnError(f"the solution of {name} has no code")
    lines = body.splitlines()
    prints = [s for s in tree.body if _is_print(s)]
    ends_with_result = isinstance(tree.body[-1], ast.Expr) and not _is_print(tree.body[-1])
    if prints and not ends_with_result:
        replaced = {}
        for index, statement in enumerate(prints, 1):
            target = name if len(prints) == 1 else f"_{name}_part{index}"
            replaced[statement.lineno] = (statement.end_lineno, _printed_into(statement.value, target))
        code = _splice(lines, replaced)
        if len(prints) > 1:
            code += f"\n{name} = ({', '.join(f'_{name}_part{i}' for i in range(1, len(prints) + 1))})"
        return code, True
    last = tree.body[-1]
    if isinstance(last, ast.Expr):
        value = ast.get_source_segment(body, last.value)
        return _splice(lines, {last.lineno: (last.end_lineno, f"{name} = {value}")}), False
    if isinstance(last, ast.Assign) and len(last.targets) == 1 and isinstance(last.targets[0], ast.Name):
        return f"{body}\n{name} = {last.targets[0].id}", False
    raise UnlearnError(f"the solution of {name} ends with neither an expression nor a print: nothing to grade")


def _is_print(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Call)
        and isinstance(statement.value.func, ast.Name)
        and statement.value.func.id == "print"
        and not statement.value.keywords
        and statement.value.args
        and not any(isinstance(a, ast.Starred) for a in statement.value.args)
    )


def _printed_into(call: ast.Call, target: str) -> str:
    """``print(a, b)`` as ``target = (a, b)`` then ``print(*target)`` (one argument: no tuple)."""
    args = [ast.unparse(a) for a in call.args]
    if len(args) == 1:
        return f"{target} = {args[0]}\nprint({target})"
    return f"{target} = ({', '.join(args)})\nprint(*{target})"


def _splice(lines: list[str], replaced: dict[int, tuple[int, str]]) -> str:
    """*lines* with the statements starting at each key line (1-based, to its end line)
    replaced by new text."""
    out, number = [], 1
    while number <= len(lines):
        if number in replaced:
            end, text = replaced[number]
            out.append(text)
            number = end + 1
        else:
            out.append(lines[number - 1])
            number += 1
    return "\n".join(out)


def unchecked_exercises(source_dirs: list[Path] | None = None) -> dict[str, list[int]]:
    """The exercises that get no autograded check, by notebook (graded by hand, or not)."""
    missing = {}
    for path in assignment_sources(source_dirs):
        notebook = nbformat.read(path, as_version=4)
        solutions = [c for c in notebook.cells if "solution" in c.metadata.get("tags", [])]
        numbers = [exercise_number(c.source, i) for i, c in enumerate(solutions, 1)]
        if gaps := [n for n in numbers if n not in checks_for(path.stem)]:
            missing[path.stem] = gaps
    return missing


__all__ = ["write_course", "graded_notebook", "solution_source", "task_of", "unchecked_exercises"]
