"""Classroom tooling for instructors: student copies of the notebooks (:mod:`.student_copies`),
the folder ``unlearn lab`` opens (:mod:`.lab`), nbgrader course folders (:mod:`.assignment`)
with their graded checks (:mod:`.checks`) and autograder (:mod:`.grading`), re-running the
notebooks in place (:mod:`.rerun`), and where the notebooks are (:mod:`.notebooks`).

Layer: classroom, the top of the package below the command line (``unlearn notebooks ...``).
"""
