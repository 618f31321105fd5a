"""Classroom tooling for instructors: student copies of the notebooks (:mod:`.student_copies`),
re-running the notebooks in place (:mod:`.rerun`), and where the notebooks are
(:mod:`.notebooks`).

Layer: classroom, the top of the package below the command line (``unlearn notebooks ...``).
"""
