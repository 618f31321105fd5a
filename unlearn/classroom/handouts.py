"""Printable handouts: one static HTML page per lesson, from its saved outputs.

Layer: classroom, above the lessons, below the command line.

A handout is the lesson as the class saw it (the committed, nbval-checked outputs), made to be
read on paper or offline:

- widget state is stripped and each widget's view is dropped from its output, so the widget's
  own static fallback (its ``text/html``: the verdict, the sentence, the chart with its alt
  text) is shown instead of an empty box that waits for JavaScript;
- an output that only a live kernel can draw (a bare ipywidgets control) becomes one line
  saying so, never an empty box;
- exercises keep their task and a stub, without the solution or its written answer (unless
  ``with_solutions``), as in the student copies;
- the page carries a print style: no scroll boxes that cut wide tables, rows and figures not
  split across pages, table headers repeated on each page.

>>> cell = nbformat.v4.new_code_cell("sim", outputs=[nbformat.v4.new_output(
...     "execute_result", {WIDGET_VIEW: {"model_id": "m"}, "text/html": "<b>Adopted</b>",
...                        "text/plain": "Adopted"}, execution_count=1)])
>>> static_outputs(cell)[0]["data"]
{'text/html': '<b>Adopted</b>', 'text/plain': 'Adopted'}
"""

from __future__ import annotations

import html
from pathlib import Path

import nbformat

from .notebooks import NOTEBOOKS, notebook_paths
from .student_copies import stub_for

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
LIVE_ONLY = (
    '<p class="unlearn-live-only"><em>An interactive control: open the notebook in Jupyter '
    "to use it.</em></p>"
)
PRINT_CSS = """<style>
/* unlearn handout: readable on paper and offline */
.jp-OutputArea-output, .jp-RenderedHTMLCommon, .jp-OutputArea { overflow: visible !important; }
.jp-RenderedHTMLCommon table { max-width: 100%; }
.unlearn-live-only { color: #555555; }
@media print {
  .jp-OutputArea-output, .jp-RenderedHTMLCommon, .jp-Cell, .jp-OutputArea {
    overflow: visible !important; max-height: none !important;
  }
  table { page-break-inside: auto; font-size: 9pt; }
  tr, img, svg, figure, .jp-RenderedImage { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  h1, h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
  pre { white-space: pre-wrap; word-break: break-word; }
  img { max-width: 100% !important; height: auto; }
  .jp-InputPrompt, .jp-OutputPrompt { display: none; }
}
</style>"""


def static_outputs(cell) -> list:
    """The outputs of *cell* without widget views: the fallback a widget carries, or a line
    that says the control needs a kernel."""
    kept = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if WIDGET_VIEW in data:
            data = {k: v for k, v in data.items() if k != WIDGET_VIEW}
            if "text/html" not in data:  # a bare control: its text/plain is a repr, not content
                data = {"text/html": LIVE_ONLY, "text/plain": "(an interactive control)"}
            output = nbformat.from_dict({**output, "data": data})
        kept.append(output)
    return kept


def handout_version(notebook, with_solutions: bool = False):
    """A copy of *notebook* ready for nbconvert's HTML export: no widget state, static
    outputs, and (without *with_solutions*) exercise stubs instead of solutions and answers."""
    copy = nbformat.from_dict(notebook)
    copy.metadata.pop("widgets", None)
    cells = []
    exercises = 0
    for cell in copy.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if not with_solutions and "answer" in tags:
            continue
        if cell.cell_type == "code":
            if not with_solutions and "solution" in tags:
                exercises += 1  # the same starter lines as the student copies
                cell.source = stub_for(cell.source, exercises)
                cell.outputs = []
            else:
                cell.outputs = static_outputs(cell)
        cells.append(cell)
    copy.cells = cells
    return copy


def handout_html(path: str | Path, with_solutions: bool = False) -> str:
    """The printable HTML page of the notebook at *path*."""
    from nbconvert import HTMLExporter

    notebook = nbformat.read(str(path), as_version=4)
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(handout_version(notebook, with_solutions))
    title = html.escape(Path(path).stem)
    return body.replace("</head>", f"{PRINT_CSS}\n</head>", 1).replace(
        "<title>Notebook</title>", f"<title>{title}</title>", 1
    )


def write_handouts(out_dir: str | Path, paths=None, with_solutions: bool = False) -> list[Path]:
    """Write ``NN_name.html`` into *out_dir* for each notebook in *paths* (default: every
    lesson). The notebooks are not run: a handout shows the saved outputs."""
    out = Path(out_dir).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in [Path(p) for p in paths] if paths else notebook_paths(NOTEBOOKS):
        target = out / f"{path.stem}.html"
        target.write_text(handout_html(path, with_solutions), encoding="utf-8")
        written.append(target)
    return written
