"""The graded checks (unlearn.classroom.checks) on the real data: each accepts the
instructor's own solution, however it is written, and rejects an empty or a wrong answer with
one line saying what is wrong. The notebooks' code runs in-process, in order, as the kernel
would run it; the nbgrader pipeline itself is tested in test_grading_pipeline.py.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest
from test_notebooks import EXPECTED

from unlearn.classroom import assignment
from unlearn.classroom.checks import check, checks_for
from unlearn.classroom.student_copies import exercise_number

ROOT = Path(__file__).resolve().parent.parent
# the lessons with computable exercises (07 and the capstone are graded by rubric), and the homework
CHECKED = [ROOT / "notebooks" / f"{name}.ipynb" for name in EXPECTED if name < "07"] + sorted(
    (ROOT / "notebooks" / "homework").glob("*.ipynb")
)


def answers(path: Path) -> dict[int, object]:
    """Run *path*'s code cells in order, each solution as the graded notebook writes it, and
    return every ``exercise_N``."""
    namespace: dict = {"__name__": "__notebook__"}
    found, exercises = {}, 0
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code" or cell.source.lstrip().startswith(("%", "!")):
            continue
        source = cell.source
        if "solution" in cell.metadata.get("tags", []):
            exercises += 1
            number = exercise_number(source, exercises)
            source = assignment.solution_source(source, number)
        exec(compile(source, f"{path.name}", "exec"), namespace)
        if "solution" in cell.metadata.get("tags", []):
            found[number] = namespace[f"exercise_{number}"]
    return found


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: p.stem)
def test_the_checks_accept_the_instructors_solution_and_refuse_an_empty_answer(path, built, capsys):
    checks = checks_for(path.stem)
    assert checks, f"{path.stem} has no checks"
    given = answers(path)
    assert set(checks) <= set(given), f"{path.stem}: checks for exercises it does not have"
    for number in checks:
        check(path.stem, number, given[number])
        check(path.stem, number, given[number], hidden=True)
        with pytest.raises(AssertionError, match=f"exercise_{number} is still empty"):
            check(path.stem, number, ...)


def test_the_checks_accept_other_correct_forms_and_refuse_wrong_ones(built):
    from unlearn import lessons

    seats = lessons.council_seats(2022)
    first_year = seats[seats["term"].str.startswith("2022")]
    for right in (first_year, list(first_year["name"]), tuple(first_year["iso3"]), set(first_year["name"])):
        check("01_un_bodies", 2, right, hidden=True)
    with pytest.raises(AssertionError, match="not the right elected members.*not expected"):
        check("01_un_bodies", 2, seats[seats["seat"] == "elected"], hidden=True)
    counts = (lessons.member_count("1990-01-01"), lessons.member_count("1993-01-01"))
    for right in (counts, list(counts), {"1990": counts[0], "1993": counts[1]}, pd.Series(counts)):
        check("01_un_bodies", 1, right, hidden=True)
    with pytest.raises(AssertionError, match="wrong order"):
        check("01_un_bodies", 1, counts[::-1], hidden=True)
    check("02_general_assembly", 3, [2025, 1982, 1985][::-1], hidden=True)
    with pytest.raises(AssertionError, match="not the right three years"):
        check("02_general_assembly", 3, [2025, 1982, 1984], hidden=True)


def test_every_solution_becomes_code_that_assigns_its_answer():
    """Every solution cell of every lesson and homework notebook, rewritten for nbgrader, is
    valid Python that assigns exercise_N inside the solution markers."""
    import ast

    for path in assignment.assignment_sources():
        solutions = [c for c in nbformat.read(path, as_version=4).cells if "solution" in c.metadata.get("tags", [])]
        for index, cell in enumerate(solutions, 1):
            number = exercise_number(cell.source, index)
            graded = assignment.solution_source(cell.source, number)
            inside = graded.split(assignment.BEGIN)[1].split(assignment.END)[0]
            tree = ast.parse(inside)
            assigned = {
                t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)
            }
            assert f"exercise_{number}" in assigned, f"{path.stem} exercise {number}:\n{graded}"


def test_the_lesson_03_and_04_checks_refuse_plausible_mistakes(built):
    import unlearn

    with pytest.raises(AssertionError, match="non-procedural first"):
        check("03_security_council_and_veto", 1, (True, True), hidden=True)
    with pytest.raises(AssertionError, match="three topics"):
        check("03_security_council_and_veto", 3, ["Israel-Palestine", "Israel-Lebanon", "Korea"], hidden=True)
    china = unlearn.voted_with("China", years=2024).head(5)
    with pytest.raises(AssertionError, match="most like Russia"):
        check("04_voting_blocs", 2, (china, china), hidden=True)
    with pytest.raises(AssertionError, match="agreement figures of 2024"):
        check("04_voting_blocs", 1, [0.9, 0.95, 0.99], hidden=True)


def test_the_lesson_02_04_and_06_checks_read_the_current_exercises(built):
    """02 asks where yes was not the most common vote and whether that vote was a majority; 04
    names votes_only for the eras (state_dept cannot pool them); 06 asks for the human-rights flips."""
    import unlearn
    from unlearn import lessons
    from unlearn.analysis.groups import how_voted

    crimea = how_voted("A/RES/68/262", groups="regional groups").query("most_common != 'yes'")
    for right in (crimea, list(crimea["group"]), {g: False for g in crimea["group"]}):
        check("02_general_assembly", 2, right, hidden=True)
    with pytest.raises(AssertionError, match="majority of the members"):
        check("02_general_assembly", 2, {g: True for g in crimea["group"]}, hidden=True)
    with pytest.raises(AssertionError, match="not the right regional groups"):
        check("02_general_assembly", 2, ["African"], hidden=True)
    eras = lessons.agreement_by_era("United States", ["Russia"], definition=["votes_only", "exact"])
    check("04_voting_blocs", 3, eras.query("era in ['1946–1991', '1992–2024']"), hidden=True)
    with pytest.raises(AssertionError, match="agreement figures by era"):
        check("04_voting_blocs", 3, eras.query("definition == 'exact'"), hidden=True)
    with pytest.raises(AssertionError, match="human-rights texts"):
        check("06_a_break_with_the_past", 3, ["A/RES/80/223"], hidden=True)
    with pytest.raises(AssertionError, match="z-scores against 2001-2024"):
        check("06_a_break_with_the_past", 1, unlearn.alignment_shift("United States", 2025), hidden=True)


def test_the_lesson_05_checks_want_unknown_kept_unknown(built):
    """A vote no source names is unknown: an answer that calls Hungary's ES-11/8 vote absent or
    no is wrong; the table, a long table and a dict for one resolution are all read."""
    from unlearn import lessons

    table = lessons.votes_on(["A/RES/ES-11/7", "A/RES/ES-11/8"], ["DEU", "HUN", "ISR", "SRB"])
    long = table.melt(id_vars=["symbol"], value_vars=["Germany", "Hungary", "Israel", "Serbia"], var_name="state")
    check("05_february_2025", 1, long.rename(columns={"value": "vote"}), hidden=True)
    guessed = table.assign(Hungary=["no", "absent"])
    with pytest.raises(AssertionError, match="HUN on A/RES/ES-11/8"):
        check("05_february_2025", 1, guessed, hidden=True)
    p5 = {"USA": "yes", "RUS": "no", "CHN": "abstain", "GBR": "unknown", "FRA": "unknown"}
    check("05_february_2025", 2, p5, hidden=True)
    with pytest.raises(AssertionError, match="GBR on A/RES/ES-11/9"):
        check("05_february_2025", 2, {**p5, "GBR": "yes"}, hidden=True)
    with pytest.raises(AssertionError, match="no on both"):
        check("05_february_2025", 3, lessons.states_voting("A/RES/ES-11/7", "no"), hidden=True)
