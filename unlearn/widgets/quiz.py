"""A multiple-choice self-check, defined in the notebook as data. Immediate feedback; no
score is kept or sent anywhere.

Layer: widgets, above plotting and the analysis, below the lessons.

>>> quiz = Quiz([{"question": "How many members does the Security Council have?",
...               "options": ["11", "15", "193"], "answer": "15",
...               "explanation": "Fifteen since 1966: five permanent, ten elected (Art. 23)."}])
>>> quiz.choice.value = 1
>>> quiz.feedback_text
'Correct. Fifteen since 1966: five permanent, ten elected (Art. 23).'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as widgets

from ._base import WidgetBase, html_bundle, message
from ._text import esc

NO_QUESTIONS = (
    "This quiz has no questions yet: pass a list of dicts with question, options, answer."
)


@dataclass(frozen=True)
class Question:
    """One question: its text, the options, the index of the right one, an explanation."""

    question: str
    options: tuple[str, ...]
    answer: int
    explanation: str = ""


def as_question(item, number: int = 1) -> Question:
    """A :class:`Question` from a dict with ``question``, ``options``, ``answer`` (the right
    option's text or index) and optionally ``explanation``; a clear error if it is malformed."""
    if isinstance(item, Question):
        return item
    if not isinstance(item, Mapping):
        raise TypeError(
            f"question {number}: give a dict with question, options, answer (and explanation)."
        )
    missing = [k for k in ("question", "options", "answer") if k not in item]
    if missing:
        raise ValueError(f"question {number} lacks {', '.join(missing)}.")
    options = tuple(str(o) for o in item["options"])
    if len(options) < 2:
        raise ValueError(f"question {number}: give at least two options.")
    answer = item["answer"]
    if isinstance(answer, int) and not isinstance(answer, bool):
        if not 0 <= answer < len(options):
            raise ValueError(
                f"question {number}: answer index {answer} is not one of 0-{len(options) - 1}."
            )
        index = answer
    elif str(answer) in options:
        index = options.index(str(answer))
    else:
        raise ValueError(
            f"question {number}: the answer {answer!r} is not among the options {list(options)}."
        )
    return Question(str(item["question"]), options, index, str(item.get("explanation", "")))


def feedback(question: Question, choice: int | None) -> tuple[bool | None, str]:
    """(right?, the sentence to show) for *choice* (an option index, or None before choosing)."""
    if choice is None:
        return None, "Pick an answer to see whether it is right."
    if choice == question.answer:
        return True, f"Correct. {question.explanation}".strip()
    return (
        False,
        f"Not quite: the answer is “{question.options[question.answer]}”. "
        f"{question.explanation}".strip(),
    )


def _question_html(q: Question) -> str:
    options = "".join(f"<li>{esc(o)}</li>" for o in q.options)
    answer = f"{esc(q.options[q.answer])}. {esc(q.explanation)}"
    return (
        f"<li><p>{esc(q.question)}</p><ol type='a'>{options}</ol>"
        f"<details><summary>Answer</summary><p>{answer}</p></details></li>"
    )


class Quiz(WidgetBase):
    """A self-check: ``.number`` (which question), ``.choice`` (the options), ``.next``.

    *questions*: a list of dicts, each ``{"question": ..., "options": [...], "answer": ...,
    "explanation": ...}`` (``answer``: the right option's text or its index).
    """

    title = "Check yourself"

    def __init__(self, questions) -> None:
        super().__init__()
        self.questions = [as_question(q, i + 1) for i, q in enumerate(questions)]
        count = len(self.questions)
        self.number = widgets.Dropdown(
            options=[(f"Question {i + 1} of {count}", i) for i in range(count)],
            value=0 if count else None,
            layout=widgets.Layout(width="180px"),
        )
        self.prompt = widgets.HTML()
        self.choice = widgets.RadioButtons(
            options=[], value=None, layout=widgets.Layout(width="auto")
        )
        self.next = widgets.Button(
            description="Next question", icon="arrow-right", disabled=count < 2
        )
        self.feedback_text = ""
        self.number.observe(self._show_question, names="value")
        self.next.on_click(self._next)
        self.watch(self.choice)
        self._show_question()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.number, self.choice, self.next]

    def layout(self) -> list[widgets.Widget]:
        return [widgets.HBox([self.number, self.next]), self.prompt, self.choice]

    @property
    def current(self) -> Question | None:
        return self.questions[self.number.value] if self.questions else None

    def _show_question(self, _change=None) -> None:
        with self.batch():
            question = self.current
            self.prompt.value = f"<p><b>{esc(question.question)}</b></p>" if question else ""
            self.choice.options = (
                [(o, i) for i, o in enumerate(question.options)] if question else []
            )
            self.choice.value = None
            self._pending = True

    def _next(self, _button=None) -> None:
        if self.questions:
            self.number.value = (self.number.value + 1) % len(self.questions)

    def compute(self) -> list[dict[str, str]]:
        question = self.current
        if question is None:
            self.feedback_text = NO_QUESTIONS
            return [message(self.feedback_text)]
        right, self.feedback_text = feedback(question, self.choice.value)
        mark = {True: ("✔", "#009E73"), False: ("✘", "#D55E00"), None: ("", "#555555")}[right]
        sign = f'<b style="color:{mark[1]}">{mark[0]}</b>'
        markup = f'<p role="status">{sign} {esc(self.feedback_text)}</p>'
        return [html_bundle(markup, self.feedback_text)]

    # the static view shows every question, the answers folded away
    def summary_text(self) -> str:
        lines = [self.title]
        for i, q in enumerate(self.questions, 1):
            lines.append(f"{i}. {q.question}")
            lines += [f"   ({chr(97 + j)}) {o}" for j, o in enumerate(q.options)]
        return "\n".join(lines)

    def summary_html(self) -> str:
        items = "".join(_question_html(q) for q in self.questions)
        return f'<div class="unlearn-widget"><h4>{esc(self.title)}</h4><ol>{items}</ol></div>'
