"""Student copies of the notebooks: solutions replaced by starter stubs, nothing of the
instructor's left in them.

Layer: classroom tooling (above the lessons; used by the command line).

Solution cells carry the cell tag ``solution``. A student copy replaces each one with a stub
that restates the task, names the functions the solution calls, and leaves ``...`` where the
student writes (``exercise_N = ...``, the same name the nbgrader checks read, see
:mod:`.assignment`). No later cell may depend on a solution's variables, so the copy still runs
from top to bottom.

What else a copy leaves out, because it is the instructor's:

- cells tagged ``answer`` (the written answer to an exercise) or ``instructor-only`` (e.g. a
  section stating the lesson's conclusion before the students have reached it);
- nbval's cell tags, every output, execution counts and timestamps, the saved widget state;
- sentences that talk about solution cells (:data:`SENTENCE_RULES`);
- ``sanitize.cfg`` (nbval's configuration): only the glossary travels with the copies.
"""

from __future__ import annotations

import ast
import builtins
import re
from pathlib import Path

import nbformat

from ..errors import UnlearnError
from .notebooks import NOTEBOOKS, is_inside, notebook_paths

DROPPED_CELL_TAGS = {"answer", "instructor-only"}
"""Cells with one of these tags are not in a student copy at all."""

STUB = "# Your turn: {task}\n{hints}{name} = ...  # replace ... with your answer\n{name}\n"

DROPPED_SENTENCE = re.compile(r"\bsolution cells?\b|\ba solution cell\b", re.IGNORECASE)
"""A sentence that speaks of the instructor's solution cells, which a student copy lacks."""

SENTENCE_REWRITES = [
    # "In the student copy the solution is replaced by a stub: write your own answer there."
    (
        re.compile(r"^In\s+the\s+student\s+copy\b.*?:\s*write\s+(your\s[^.,]*?)\s+there", re.IGNORECASE | re.DOTALL),
        r"Write \1 in the cell below each exercise",
    ),
    # a heading such as "## 3. Exercises, solutions and student copies"
    (re.compile(r",?\s+solutions and student copies", re.IGNORECASE), ""),
]
"""(pattern, replacement) for the sentences of a student copy's Markdown that speak of the
instructor's copy; the integrator's alternative is to tag a cell ``instructor-only``."""


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


def exercise_number(source: str, default: int) -> int:
    """The N of "Exercise N" in a solution's task comment, else *default*.

    >>> exercise_number("# Exercise 3: find the three years.", 1)
    3
    """
    found = re.search(r"Exercise\s+(\d+)", task_of(source))
    return int(found.group(1)) if found else default


def answer_name(number: int) -> str:
    """The variable an exercise's answer goes into (what the graded checks read).

    >>> answer_name(2)
    'exercise_2'
    """
    return f"exercise_{number}"


def functions_called(source: str) -> list[str]:
    """The functions a solution calls, by dotted name, in order: the hint a student who knows
    only how to call functions needs to begin. Builtins (print, len) and methods of the
    solution's own variables are left out: they would give the answer away, not the start.

    >>> functions_called("x = lessons.member_count('1990')\\nx.query('a')\\nprint(len(how_voted('A')))")
    ['lessons.member_count', 'how_voted']
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    own = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    names = []
    for node in ast.walk(tree):
        name = _dotted(node.func) if isinstance(node, ast.Call) else None
        if name and name.split(".")[0] not in own | set(dir(builtins)) and name not in names:
            names.append(name)
    return sorted(names, key=source.find)


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of names and attributes, else None (a method of a result)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := _dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def stub_for(source: str, default_number: int) -> str:
    """The starter cell that replaces a solution.

    >>> print(stub_for("# Exercise 2: count them.\\nlen(unlearn.ga_roll_calls())", 1), end="")
    # Your turn: Exercise 2: count them.
    # Functions that help: unlearn.ga_roll_calls(...)
    exercise_2 = ...  # replace ... with your answer
    exercise_2
    """
    called = functions_called(source)
    hints = f"# Functions that help: {', '.join(n + '(...)' for n in called)}\n" if called else ""
    name = answer_name(exercise_number(source, default_number))
    return STUB.format(task=task_of(source), hints=hints, name=name)


def student_markdown(text: str) -> str:
    """A Markdown cell's text without the sentences about solution cells (a paragraph that
    had one is joined into one line; Markdown renders it the same).

    >>> student_markdown("## Exercises\\n\\nEach exercise has a solution cell below it. In the student copy "
    ...                  "the solution is replaced by a\\nstub: write your own answer there.\\n\\n**Exercise 1.**")
    '## Exercises\\n\\nWrite your own answer in the cell below each exercise.\\n\\n**Exercise 1.**'
    """
    return "\n\n".join(_student_paragraph(p) for p in text.split("\n\n"))


def _student_paragraph(paragraph: str) -> str:
    for pattern, replacement in SENTENCE_REWRITES[1:]:
        paragraph = pattern.sub(replacement, paragraph)
    if not re.search(r"\bsolution|\bstudent copy", paragraph, re.IGNORECASE) or paragraph.lstrip().startswith("|"):
        return paragraph
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z*`(])", paragraph)
    kept = [_rewrite(s) for s in sentences if not DROPPED_SENTENCE.search(s)]
    return " ".join(" ".join(s.split()) for s in kept)


def _rewrite(sentence: str) -> str:
    pattern, replacement = SENTENCE_REWRITES[0]
    return pattern.sub(replacement, sentence)


def student_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of *notebook* for students: :func:`instructor_free`, with each solution replaced
    by its starter stub (:func:`stub_for`)."""
    copy = instructor_free(notebook)
    exercises = 0
    for cell in copy.cells:
        tags = cell.metadata.get("tags", [])
        if "solution" in tags:
            exercises += 1
            cell.source = stub_for(cell.source, exercises)
            cell.metadata["tags"] = [t for t in tags if t != "solution"] + ["exercise-stub"]
    return copy


QUIZ_CALL = re.compile(r"\bQuiz\(")
"""A self-check quiz: the student copy collapses its code (JupyterLab's ``source_hidden``), so
the answers are not in plain sight above the quiz; a click on the bar still shows them."""


def instructor_free(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of *notebook* without what is the instructor's, solutions aside (they keep
    their ``solution`` tag): no outputs, no ``answer`` or ``instructor-only`` cells, no nbval
    tags, no execution counts or timestamps, no saved widget state, no sentences about
    solution cells; a quiz's code (which holds its answers) collapsed."""
    copy = nbformat.from_dict(notebook)
    copy.metadata.pop("widgets", None)
    kept = []
    for cell in copy.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if DROPPED_CELL_TAGS & set(tags):
            continue
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            if QUIZ_CALL.search(cell.source):  # its answers and explanations are in the code
                cell.metadata["jupyter"] = {"source_hidden": True}
        elif cell.cell_type == "markdown":
            cell.source = student_markdown(cell.source)
        if kept_tags := [t for t in tags if not t.startswith("nbval")]:
            cell.metadata["tags"] = kept_tags
        else:
            cell.metadata.pop("tags", None)
        kept.append(cell)
    copy.cells = kept
    return copy


def write_student_versions(out_dir: str | Path, source_dir: str | Path = NOTEBOOKS, force: bool = False) -> list[Path]:
    """Write student copies of every notebook in *source_dir* (plus its glossary) to
    *out_dir*, and return the notebooks written.

    Nothing is written if *out_dir* is *source_dir* or inside it (the copies would replace the
    solutions and outputs they are made from), nor, without *force*, if a file already in
    *out_dir* differs from what would be written there: a student edited it, or the source
    changed since. A file identical to its new version loses nothing and is simply rewritten.
    """
    out, source = Path(out_dir), Path(source_dir)
    _refuse_inside(out, source)
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


def write_missing_student_versions(out_dir: str | Path, source_dir: str | Path = NOTEBOOKS) -> list[Path]:
    """Write into *out_dir* the student copies (and glossary) it lacks, and return them. A
    file already there is kept as it is, edited or not: it may hold a student's work
    (``unlearn lab`` calls this on every start)."""
    out, source = Path(out_dir), Path(source_dir)
    _refuse_inside(out, source)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in planned_files(source).items():
        if not (out / name).exists():
            (out / name).write_bytes(content)
            written.append(out / name)
    return written


def _refuse_inside(out: Path, source: Path) -> None:
    if is_inside(out, source):
        raise UnlearnError(
            f"refusing to write student copies into {out}: it is inside the notebooks they are made from "
            f"({source.resolve()}), whose solutions and outputs they would overwrite; choose another folder"
        )


def planned_files(source: Path) -> dict[str, bytes]:
    """What a student folder receives, by file name: each notebook's student version, then the
    glossary and other Markdown files as they are (not nbval's sanitize.cfg)."""
    planned = {}
    for path in notebook_paths(source):
        text = nbformat.writes(student_version(nbformat.read(path, as_version=4)))
        planned[path.name] = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    for path in sorted(source.glob("*.md")):
        planned[path.name] = path.read_bytes()
    return planned


def _differs(target: Path, content: bytes) -> bool:
    """Whether writing *content* to *target* would lose something that is there now."""
    return target.exists() and target.read_bytes() != content
