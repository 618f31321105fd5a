"""What every widget shares: controls, one Output, one redraw per change, a static summary.

Layer: widgets, above plotting and the analysis, below the lessons.

A widget's content is a list of display bundles (``{"text/html": ..., "text/plain": ...}``)
computed by plain functions; :meth:`WidgetBase.update` computes them and shows them in
``.output``. Expected problems (an unknown name, an empty selection) become a plain message,
never a traceback.
"""

from __future__ import annotations

import contextlib
import html

import ipywidgets as widgets

from ..errors import UnlearnError

# errors a student can cause by what they type or pick: shown as a message
EXPECTED_ERRORS = (UnlearnError, LookupError, ValueError)


_BOX = "padding:4px 8px;border-left:4px solid "

# The chosen button of any toggle (a seat's vote, "by state" / "by permanent seat"): dark blue
# with bold white text and a black outline, against the theme's light grey of the other choices
# (about 4.5:1 between the two backgrounds and 5:1 for the text; WCAG 1.4.11 asks 3:1). The
# default theme makes it only a slightly darker grey (1.6:1).
CHOSEN = {"background": "#0072B2", "text": "#FFFFFF", "outline": "#000000"}
CHOSEN_CSS = (
    "<style>.unlearn-widget-view .jupyter-button.widget-toggle-button.mod-active {"
    f"background-color:{CHOSEN['background']};color:{CHOSEN['text']};"
    f"font-weight:bold;outline:2px solid {CHOSEN['outline']};outline-offset:-2px;"
    "}</style>"
)


def message(text: str, kind: str = "note") -> dict[str, str]:
    """A plain message to show instead of a result (HTML-escaped)."""
    colour = {"note": "#0072B2", "problem": "#D55E00"}[kind]
    body = html.escape(text).replace("\n", "<br>")
    return {
        "text/html": f'<div role="status" style="{_BOX}{colour}">{body}</div>',
        "text/plain": text,
    }


def html_bundle(markup: str, plain: str) -> dict[str, str]:
    """A bundle from ready-made (already escaped) HTML and its plain-text reading."""
    return {"text/html": markup, "text/plain": plain}


class WidgetBase:
    """Base class: subclasses set ``title``, build their controls, and implement ``compute()``.

    ``.controls``: the controls; ``.output``: the Output; ``.view``: the laid-out box;
    ``.shown``: the bundles currently shown (what tests and the static summary read).
    """

    title = "unlearn widget"

    def __init__(self) -> None:
        self.output = widgets.Output()
        self.shown: list[dict[str, str]] = []
        self._holding = 0
        self._pending = False

    # -- to implement -------------------------------------------------------------
    @property
    def controls(self) -> list[widgets.Widget]:
        raise NotImplementedError

    def compute(self) -> list[dict[str, str]]:
        """The bundles to show for the current control values."""
        raise NotImplementedError

    def layout(self) -> list[widgets.Widget]:
        """The rows above the output (default: the controls in a wrapping row)."""
        return [widgets.HBox(self.controls, layout=widgets.Layout(flex_flow="row wrap"))]

    # -- shared behaviour ---------------------------------------------------------
    @property
    def view(self) -> widgets.VBox:
        if getattr(self, "_view", None) is None:
            # the <style> first, so every toggle inside shows its chosen button clearly
            self._view = widgets.VBox([widgets.HTML(CHOSEN_CSS), *self.layout(), self.output])
            self._view.add_class("unlearn-widget-view")
        return self._view

    def update(self) -> None:
        """Recompute from the current control values and redraw the output once."""
        try:
            bundles = self.compute()
        except EXPECTED_ERRORS as exc:
            bundles = [message(str(exc), "problem")]
        self._show(bundles)

    def _show(self, bundles: list[dict[str, str]]) -> None:
        """Put *bundles* into ``.output`` by setting its ``outputs`` state, never by displaying
        inside ``with self.output:``. That form sends the outputs to the cell and relies on the
        front-end to re-route them into the Output; a front-end that does not (Solara's test
        runner, a first render before the view exists) shows them above the controls. The
        state is what JupyterLab, Voila and a saved widget state all render, once."""
        self.shown = list(bundles)
        self.output.outputs = tuple(
            {"output_type": "display_data", "data": dict(b), "metadata": {}} for b in bundles
        )

    def watch(self, *controls: widgets.Widget) -> None:
        """Redraw once when any of *controls* changes value."""
        for control in controls:
            control.observe(self._changed, names="value")

    def _changed(self, _change=None) -> None:
        if self._holding:
            self._pending = True
        else:
            self.update()

    @contextlib.contextmanager
    def batch(self):
        """Change several controls, then redraw once (not once per control)."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
            if not self._holding and self._pending:
                self._pending = False
                self.update()

    # -- where no widget front-end exists -------------------------------------------
    def summary_text(self) -> str:
        lines = [self.title] + [b.get("text/plain", "") for b in self.shown]
        return "\n".join(line for line in lines if line)

    def summary_html(self) -> str:
        parts = [f"<h4>{html.escape(self.title)}</h4>"]
        parts += [
            b.get("text/html") or f"<pre>{html.escape(b.get('text/plain', ''))}</pre>"
            for b in self.shown
        ]
        note = (
            "<p><small>A static view of this widget: run the notebook in Jupyter to use "
            "its controls.</small></p>"
        )
        return f'<div class="unlearn-widget">{"".join(parts)}{note}</div>'

    def _repr_mimebundle_(self, **kwargs):
        bundle = dict(self.view._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = self.summary_text()
        bundle["text/html"] = self.summary_html()
        return bundle

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.summary_text()[:200]}>"


def year_range(value: tuple[int, int], first: int, last: int) -> widgets.IntRangeSlider:
    """A from-to year slider that redraws only when released (``continuous_update=False``)."""
    return widgets.IntRangeSlider(
        value=tuple(value),
        min=first,
        max=last,
        description="Years",
        continuous_update=False,
        layout=widgets.Layout(width="420px"),
    )
