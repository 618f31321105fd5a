"""The ``unlearn`` command.

Layer: command line, the top: it calls the data layer and the classroom tooling.

unlearn lab [--dir DIR]             JupyterLab on the student copies (made in DIR on first run)
unlearn lab --instructor            JupyterLab on the solved notebooks
unlearn data fetch [--mirror DIR]   fetch, verify and build every table
unlearn data status                 each source: cached?, coverage, licence, citation
unlearn data coverage [--today D]   GA roll calls per year and source, incomplete years, known gaps
unlearn data verify                 re-hash every cached file and the tables in use
unlearn data add PATH               register a Dag Hammarskjöld Library voting CSV
unlearn data bundle FILE            write the built cache to one file (for a hub)
unlearn data install FILE           install such a bundle
unlearn notebooks student OUT_DIR   student copies: solutions replaced, outputs cleared
                                    (refuses to replace a changed copy without --force)
unlearn notebooks run [PATHS]       re-run notebooks in place, saving outputs for nbval
unlearn present NAME [--port N]     project a dashboard with Voila (simulator, resolutions,
                                    comparison; --list shows them)
unlearn notebooks handouts OUT_DIR  printable HTML per lesson (widgets shown as their static view)
unlearn notebooks assignment OUT    an nbgrader course folder (solutions, graded checks)
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from .classroom.lab import lab_folder
from .classroom.notebooks import DEFAULT_INSTRUCTOR_DIR, DEFAULT_WORKING_DIR, NOTEBOOKS
from .data import cache, config, sources
from .errors import UnlearnError


def _data_fetch(args) -> int:
    for f in sources.upstream_files():
        sources.fetch(f, mirror=args.mirror)
    folder = cache.ensure_built(mirror=args.mirror)
    manifest = cache.manifest()
    print(f"All {len(sources.upstream_files())} files verified; tables built in {folder}")
    for name, rows in manifest["rows"].items():
        if not name.startswith("_"):
            print(f"  {name:16} {rows:>9,} rows")
    return 0


def status_lines() -> list[str]:
    """What ``unlearn data status`` prints: one block per source (:func:`source_lines`), then
    where the tables and the cache are. On a hub whose tables come from the shared cache, the
    sources are counted in that build, not in the student's own (empty, unneeded) raw cache."""
    ready = cache.built_dir()
    shared = _shared_manifest(ready)
    lines = source_lines(shared)
    if shared is not None:
        lines.append(f"Tables: the shared build {ready.name} in {ready} (built {shared.get('built_at', '?')})")
    else:
        lines.append(f"Tables: {'built in ' + str(ready) if ready else 'not built yet (unlearn data fetch)'}")
    if cache.shared_problem():
        lines.append(f"Shared cache not used: {cache.shared_problem()}")
    lines.append(f"Cache folder: {config.cache_dir()}   mirror: {config.mirror_dir() or 'none (download)'}")
    return lines


def _shared_manifest(ready) -> dict | None:
    """The manifest of the build in use if it is the shared cache's, else None."""
    if ready is None or ready != cache.shared_build():
        return None
    return json.loads((ready / "manifest.json").read_text(encoding="utf-8"))


def source_lines(shared: dict | None = None) -> list[str]:
    """One block per source: its title, whether its files are cached (or, given the *shared*
    build's manifest, in that build), what it covers, its licence and how to cite it (the
    part of ``unlearn data status`` that names no folder)."""
    lines = []
    for source in sources.sources().values():
        lines += [
            f"{source.title}",
            f"  status:   {_source_state(source, shared)}",
            f"  covers:   {source.covers}",
            f"  licence:  {source.licence}",
            f"  cite:     {source.citation}",
            "",
        ]
    return lines


def _source_state(source, shared: dict | None) -> str:
    files = sources.upstream_files(source.source_id)
    if files and shared is not None:
        have = sum(shared.get("files", {}).get(f.key) == f.sha256 for f in files)
        return f"{have}/{len(files)} files in the shared build (no raw files needed here)"
    if files:
        return f"{sum(sources.is_cached(f) for f in files)}/{len(files)} files cached"
    if source.source_id.startswith("dhl_"):
        added = (shared or {}).get("added") if shared is not None else cache.added_files()
        where = "in the shared build" if shared is not None else "added with `unlearn data add`"
        return f"{len((added or {}).get(source.source_id, []))} file(s) {where}"
    return "in this package (data/)"


def _data_status(args) -> int:
    print("\n".join(status_lines()))
    return 0


def _data_coverage(args) -> int:
    from .data import coverage  # builds or loads the tables: only for this command

    print("\n".join(coverage.coverage_lines(today=args.today)))
    return 0


def _data_verify(args) -> int:
    """Re-hash the cached raw files, then the tables of the build in use. A student on a hub
    has no raw files (the shared build made them unneeded): those are not reported missing."""
    ready = cache.built_dir()
    shared = _shared_manifest(ready) is not None
    bad = 0
    for f in sources.upstream_files():
        if shared and not sources.is_cached(f):
            continue
        result = sources.verify(f)
        bad += result == "MISMATCH"
        print(f"{result:9} {f.name}")
    if bad:
        print(f"{bad} file(s) did not match their pinned hash and were deleted; run `unlearn data fetch`.")
    if ready is not None:
        print(f"Tables of the {'shared build' if shared else 'build'} in {ready}:")
        table_results = cache.verify_build(ready)
        for result, name in table_results:
            print(f"{result:9} {name}")
        bad += sum(result != "ok" for result, _ in table_results)
    return 1 if bad else 0


def _data_add(args) -> int:
    entry = cache.add_library_csv(args.path)
    print(f"Registered {entry['original_name']} as {entry['kind']} (sha256 {entry['sha256'][:12]}…).")
    print("Its terms: non-commercial use, with attribution to the UN Dag Hammarskjöld Library.")
    print("It takes precedence roll call by roll call from the next table build.")
    return 0


def _data_remove(args) -> int:
    entry = cache.remove_library_csv(args.name)
    name, digest = entry.get("original_name"), entry.get("sha256", "")[:12]
    print(f"Removed {name} (sha256 {digest}…); the next table build leaves it out.")
    return 0


def _data_added(args) -> int:
    entries = cache.registered()
    if not entries:
        print("No Library CSVs registered (add one with `unlearn data add PATH`).")
    for entry in entries:
        print(f"{entry.get('original_name')}  {entry['kind']}  {entry.get('sha256', '')[:12]}")
    return 0


def _data_bundle(args) -> int:
    print(f"Wrote {cache.write_bundle(args.file)}")
    return 0


def _data_install(args) -> int:
    print(f"Installed tables into {cache.install_bundle(args.file)}")
    return 0


def _lab(args) -> int:
    root = lab_folder(args.dir, instructor=args.instructor)
    which = "the solved notebooks (instructor)" if args.instructor else "the student copies"
    print(f"Opening JupyterLab on {which} in {root}", flush=True)
    start = root / "00_start_here.ipynb"
    command = [sys.executable, "-m", "jupyter", "lab", f"--notebook-dir={root}"]
    if start.is_file():
        command.append(str(start))
    os.execv(sys.executable, command + args.extra)
    return 0


def _student(args) -> int:
    from .classroom.student_copies import write_student_versions

    written = write_student_versions(args.out_dir, args.source or NOTEBOOKS, force=args.force)
    print(f"Wrote {len(written)} student notebooks to {args.out_dir}")
    return 0


def _handouts(args) -> int:
    from .classroom.handouts import write_handouts

    written = write_handouts(args.out_dir, args.paths or None, with_solutions=args.with_solutions)
    print(f"Wrote {len(written)} printable handouts to {args.out_dir}")
    return 0


def _run_notebooks(args) -> int:
    from .classroom.rerun import execute_in_place

    for path in execute_in_place(args.paths or None, timeout=args.timeout):
        print(f"executed and saved {path}")
    return 0


def _present(args) -> int:
    from .classroom import dashboards

    if args.list:
        for name, what in dashboards.DASHBOARDS.items():
            print(f"{name:12} {what}")
        return 0
    if not args.name:
        names = ", ".join(dashboards.DASHBOARDS)
        raise UnlearnError(f"name the dashboard to present: {names} (--list says what each shows)")
    command = dashboards.voila_command(args.name, port=args.port, browser=not args.no_browser, extra=args.extra)
    print(f"Presenting {args.name} at http://127.0.0.1:{args.port}/ (Ctrl-C stops it)", flush=True)
    os.execv(sys.executable, command)


def _assignment(args) -> int:
    from .classroom.assignment import unchecked_exercises, write_course

    written = write_course(args.out_dir, args.only or None, force=args.force)
    print(f"Wrote {len(written)} assignments to {args.out_dir}/source: {', '.join(p.name for p in written)}")
    by_hand = {name: numbers for name, numbers in unchecked_exercises().items() if name in {p.name for p in written}}
    if by_hand:  # written answers (verdicts, the capstone): no test cell, the rubrics grade them
        listed = "; ".join(f"{name} {', '.join(map(str, numbers))}" for name, numbers in by_hand.items())
        print(f"Graded by hand (no checks; rubrics in docs/instructor_guide.md): {listed}")
    print(f"Next: cd {args.out_dir} && nbgrader generate_assignment ASSIGNMENT (see docs/instructor_guide.md)")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="unlearn", description="Lessons and data on how the UN decides.")
    sub = top.add_subparsers(dest="command", required=True)
    lab = sub.add_parser(
        "lab",
        help="open JupyterLab on the notebooks (other options go to jupyter lab)",
        description="Open JupyterLab on the lessons. By default on the student copies (exercises to do, no "
        f"solutions), written on first run into a folder of yours (--dir, default {DEFAULT_WORKING_DIR}), never "
        "replacing a copy already there. --instructor opens the solved notebooks: notebooks/ itself in a checkout, "
        f"else a copy in --dir (default {DEFAULT_INSTRUCTOR_DIR}).",
        epilog="Any other option is passed on to jupyter lab (e.g. --no-browser --port 8899).",
        allow_abbrev=False,  # so that jupyter lab's options are never taken for a shortened --dir
    )
    lab.add_argument(
        "--dir",
        help=f"the folder to copy the notebooks into and open (default {DEFAULT_WORKING_DIR}; with "
        f"--instructor {DEFAULT_INSTRUCTOR_DIR} when installed, notebooks/ in a checkout)",
    )
    lab.add_argument("--instructor", action="store_true", help="open the solved notebooks, not the student copies")
    lab.set_defaults(run=_lab)
    data = sub.add_parser("data", help="fetch, check and manage the data").add_subparsers(dest="action", required=True)
    fetch = data.add_parser("fetch", help="fetch, verify and build every table")
    fetch.add_argument("--mirror", help="a local folder laid out OWNER/REPO/COMMIT/PATH")
    fetch.set_defaults(run=_data_fetch)
    data.add_parser("status", help="each source: cached?, coverage, licence, citation").set_defaults(run=_data_status)
    covered = data.add_parser("coverage", help="GA roll calls per year and source, incomplete years, known gaps")
    covered.add_argument("--today", help="the date to judge the partial year against (default: today), e.g. 2026-12-02")
    covered.set_defaults(run=_data_coverage)
    data.add_parser("verify", help="re-hash every cached file").set_defaults(run=_data_verify)
    add = data.add_parser("add", help="register a Dag Hammarskjöld Library voting CSV")
    add.add_argument("path")
    add.set_defaults(run=_data_add)
    remove = data.add_parser("remove", help="unregister an added Library CSV (by file name or sha256 prefix)")
    remove.add_argument("name")
    remove.set_defaults(run=_data_remove)
    data.add_parser("added", help="list the added Library CSVs: name, kind, sha256").set_defaults(run=_data_added)
    bundle = data.add_parser("bundle", help="write the built cache to one file")
    bundle.add_argument("file")
    bundle.set_defaults(run=_data_bundle)
    install = data.add_parser("install", help="install a bundle")
    install.add_argument("file")
    install.set_defaults(run=_data_install)
    nbs = sub.add_parser("notebooks", help="notebook tools for instructors").add_subparsers(
        dest="action", required=True
    )
    student = nbs.add_parser("student", help="write student versions (solutions replaced, outputs cleared)")
    student.add_argument("out_dir", help="the folder to write to (not the source notebooks' folder)")
    student.add_argument("--source", help="the instructor notebooks to copy (default: unlearn's own)")
    student.add_argument("--force", action="store_true", help="overwrite copies that were changed since")
    student.set_defaults(run=_student)
    handouts = nbs.add_parser(
        "handouts", help="write a printable HTML page per lesson (saved outputs, widgets as their static view)"
    )
    handouts.add_argument("out_dir", help="the folder to write NN_name.html into")
    handouts.add_argument("paths", nargs="*", help="notebooks (default: every lesson)")
    handouts.add_argument("--with-solutions", action="store_true", help="keep solutions and answers (for instructors)")
    handouts.set_defaults(run=_handouts)
    run = nbs.add_parser("run", help="re-run notebooks in place and save their outputs (then review and commit)")
    run.add_argument("paths", nargs="*")
    run.add_argument(
        "--timeout", type=int, default=300, help="seconds one cell may run before the run stops and names it (300)"
    )
    run.set_defaults(run=_run_notebooks)
    present = sub.add_parser(
        "present",
        help="project a dashboard with Voila: one widget, no code, projector style (other options go to voila)",
        allow_abbrev=False,
    )
    present.add_argument("name", nargs="?", help="simulator, resolutions or comparison")
    present.add_argument("--list", action="store_true", help="list the dashboards")
    present.add_argument("--port", type=int, default=8866, help="the port on 127.0.0.1 (default 8866)")
    present.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    present.set_defaults(run=_present)
    assignment = nbs.add_parser(
        "assignment",
        help="write an nbgrader course folder: source/<assignment>/<notebook>.ipynb with graded checks",
        description="Write an nbgrader course folder (nbgrader_config.py, source/<assignment>/...): each lesson and "
        "homework notebook becomes an assignment whose solution cells are nbgrader solutions and whose exercises "
        "get autograded checks (visible and hidden).",
    )
    assignment.add_argument("out_dir", help="the course folder to write (nbgrader's course_directory)")
    assignment.add_argument(
        "--only", nargs="*", help="assignment names or number prefixes to write (e.g. 01 02 hw01); default all"
    )
    assignment.add_argument("--force", action="store_true", help="replace source notebooks already in the folder")
    assignment.set_defaults(run=_assignment)
    return top


def main(argv: list[str] | None = None) -> int:
    args, unknown = parser().parse_known_args(argv)
    if unknown and args.command not in ("lab", "present"):  # these pass options on (to jupyter lab, voila)
        parser().error(f"unrecognized arguments: {' '.join(unknown)}")
    args.extra = unknown
    try:
        return args.run(args)
    except UnlearnError as exc:
        print(f"unlearn: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
