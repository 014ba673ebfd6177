"""The ``run`` command's body, and the fast way into it that a pre-commit hook takes.

``factcheck run`` is what runs on every commit. Going through typer costs more than the
check of a short draft: importing typer, building the command tree and, since typer 0.29,
a pydantic ``TypeAdapter`` for each parameter (pydantic is imported when a command runs,
~60-150 ms). So the console script (``factcheck._entry``) first tries
:func:`parse_run_args`, a small parser for the usual shapes of a ``run`` command line
(known options and their values, paths, ``--``); when it returns :class:`RunArgs` the
command runs here, without typer, pydantic or rich. Anything else — ``--help``, an unknown
or malformed option, an option value that starts with ``-``, clustered short options,
shell completion, other commands — returns None and goes through the typer CLI
(``factcheck.cli``), which prints its usual usage errors. Both ways end in
:func:`execute`, so they behave the same; ``tests/test_cli_fastpath.py`` checks that the
parser agrees with typer on every command line it accepts and that ``run`` imports
neither typer nor pydantic.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, NoReturn, TypeVar

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.models import FileResult, Loaded, RunResult
    from factcheck.pipeline import Options
    from factcheck.reference import Reference

__all__ = ["RunArgs", "execute", "main", "parse_run_args"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "never")
PROGRESS_MIN_FILES = 20

T = TypeVar("T")


@dataclass
class RunArgs:
    """The parameters of ``factcheck run`` (the typer command's parameters, same names and meaning)."""

    paths: list[str]
    format: str | None = None
    reference: list[str] | None = None
    config: str | None = None
    date: str | None = None
    region: str | None = None
    fail_on: str | None = None
    severity: str | None = None
    disable: list[str] | None = None
    quiet: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    stdin_filename: str | None = None
    color: bool | None = None
    progress: bool | None = None
    max_size: int | None = None
    jobs: int = 0


class Exit(Exception):
    """End the command with this exit code (any message has been printed already)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# ------------------------------------------------------------------------------ the fast parser

# Option spellings of ``run`` (kept equal to the typer command's: tests/test_cli_fastpath.py compares them).
VALUE_OPTIONS = {
    "--format": "format", "-f": "format", "--config": "config", "--date": "date", "--region": "region",
    "--fail-on": "fail_on", "--severity": "severity", "--baseline": "baseline",
    "--write-baseline": "write_baseline", "--stdin-filename": "stdin_filename",
}
LIST_OPTIONS = {"--reference": "reference", "-r": "reference", "--disable": "disable"}
INT_OPTIONS = {"--max-size": "max_size", "--jobs": "jobs", "-j": "jobs"}
FLAG_OPTIONS = {
    "--quiet": ("quiet", True), "-q": ("quiet", True), "--color": ("color", True), "--no-color": ("color", False),
    "--progress": ("progress", True), "--no-progress": ("progress", False),
}
_MAX_INT_DIGITS = 12


def _plain_int(text: str) -> int | None:
    """A plain decimal number (ASCII digits, no sign, no leading zero), else None."""
    if not text or len(text) > _MAX_INT_DIGITS or not text.isascii() or not text.isdigit():
        return None
    if len(text) > 1 and text[0] == "0":
        return None
    return int(text)


def parse_run_args(argv: Sequence[str]) -> RunArgs | None:
    """The arguments after ``run`` as :class:`RunArgs`, or None when typer should parse them.

    Accepted: the options of ``run`` spelled out (``--format json``, ``--format=json``, ``-f json``), flags,
    repeated list options, paths anywhere, ``--`` then paths. A repeated single-value option keeps its last
    value, as with click. Not accepted (None): anything unknown (``--help`` included), clustered or attached
    short options (``-qf``, ``-fjson``), an option value starting with ``-``, a number that is not plainly
    written, no path at all.
    """
    values: dict[str, object] = {}
    lists: dict[str, list[str]] = {}
    paths: list[str] = []
    i = 0
    n = len(argv)
    while i < n:
        token = argv[i]
        i += 1
        if token == "--":
            paths.extend(argv[i:])
            break
        if token == "-" or not token.startswith("-"):
            paths.append(token)
            continue
        name, eq, attached = token.partition("=")
        if eq and not name.startswith("--"):
            return None  # "-f=json": click reads "=json" as the value; leave such lines to it
        if name in FLAG_OPTIONS:
            if eq:
                return None
            field, flag = FLAG_OPTIONS[name]
            values[field] = flag
            continue
        if name not in VALUE_OPTIONS and name not in LIST_OPTIONS and name not in INT_OPTIONS:
            return None
        if eq:
            value = attached
        else:
            if i >= n:
                return None
            value = argv[i]
            i += 1
        if value.startswith("-"):
            return None
        if name in VALUE_OPTIONS:
            values[VALUE_OPTIONS[name]] = value
        elif name in LIST_OPTIONS:
            lists.setdefault(LIST_OPTIONS[name], []).append(value)
        else:
            number = _plain_int(value)
            if number is None:
                return None
            values[INT_OPTIONS[name]] = number
    if not paths:
        return None
    args = RunArgs(paths=paths)
    for field, given in values.items():
        setattr(args, field, given)
    for field, items in lists.items():
        setattr(args, field, items)
    return args


def fast_path_allowed(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether this process may bypass typer: not when shell completion asks (typer answers it)."""
    return os.name != "nt" and not any(k.startswith("_FACTCHECK_COMPLETE") for k in environ)


# ------------------------------------------------------------------------------ output helpers


def echo(message: str, err: bool = False) -> None:
    """One line on stdout or stderr, flushed (what ``typer.echo`` does for a plain message)."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    if "\x1b" in message and not _isatty(stream):
        import re

        message = re.sub(r"\033\[[;?0-9]*[a-zA-Z]", "", message)  # as click strips styles off a pipe
    stream.write(message + "\n")
    stream.flush()


def fail(message: str) -> NoReturn:
    echo(f"factcheck: {message}", err=True)
    raise Exit(EXIT_INPUT)


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (ValueError, OSError):  # a closed stream
        return False


def use_color(flag: bool | None, stream: object) -> bool:
    """--color/--no-color, else NO_COLOR (off), else FORCE_COLOR (on), else whether ``stream`` is a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _isatty(stream)


# ------------------------------------------------------------------------------ shared by the commands


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--date: {value!r} is not a date (YYYY-MM-DD)")


def choice(option: str, value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        fail(f"{option}: {value!r} is not one of {', '.join(allowed)}")
    return value


def config(paths: Sequence[str], explicit: str | None) -> Config:
    from factcheck.config import ConfigError, discover

    try:
        return discover(paths, explicit)
    except ConfigError as exc:
        fail(str(exc))


def load_reference(paths: Sequence[str]) -> Reference:
    """One reference, or several merged (later ones win; conflicts are printed as warnings)."""
    from factcheck.reference import ReferenceError, load_reference

    try:
        if len(paths) == 1:
            return load_reference(paths[0])
        from factcheck.refmerge import load_merged

        ref, conflicts = load_merged(paths)
    except ReferenceError as exc:
        fail(str(exc))
    for conflict in conflicts:
        echo(f"factcheck: {conflict}", err=True)
    return ref


def reference_paths(cli: Sequence[str] | None, cfg: Config) -> list[str]:
    from factcheck.reference import default_reference_path

    if cli:
        return list(cli)
    if cfg.reference:
        return [str(p) for p in cfg.reference]
    return [str(default_reference_path())]


def _select(paths: Sequence[str], cfg: Config) -> list[str]:
    """Expand directories and apply the configuration's include/exclude globs."""
    if not cfg.include and not cfg.exclude:
        return list(paths)
    from factcheck.load import expand

    out: list[str] = []
    for path, error in expand(paths):
        if error is not None or cfg.selects(path):
            out.append(path)  # an error is reported by load_inputs when it meets the path again
    return out


class _Tracked(Sequence[T]):
    """A sequence that calls ``advance`` each time iteration moves past an item (drives the progress bar)."""

    def __init__(self, items: Sequence[T], advance: Callable[[T], None]) -> None:
        self.items = items
        self.advance = advance

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> T:  # type: ignore[override]
        return self.items[index]

    def __iter__(self) -> Iterator[T]:
        for item in self.items:
            yield item
            self.advance(item)


def _check(items: Sequence[Loaded | FileResult], ref: Reference, options: Options, progress: bool,
           jobs: int = 1) -> RunResult:
    from factcheck.pipeline import check_loaded

    if not progress:
        return check_loaded(items, ref, options, jobs)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}", style="dim"), console=Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task("", total=len(items))

        def advance(item: Loaded | FileResult) -> None:
            bar.update(task, advance=1, description=item.path)

        return check_loaded(_Tracked(items, advance), ref, options, jobs)


# Objects a run allocates and keeps (claims, findings, line indexes) are hardly ever in reference cycles; with
# the default gen-0 threshold (700) the collector walks them hundreds of times per archive, and every full
# collection walks the stage modules and the reference too. Measured on the throughput corpus (733 files):
# GC time 0.39 s -> 0.13 s with the reference frozen and this threshold, output unchanged.
GC_GEN0_THRESHOLD = 10_000


class _QuietGC:
    """While checking: what exists already (modules, the reference) is frozen out of the collector's walks and
    gen-0 collections are rarer. Both undone on exit (unfrozen objects are collected as usual later); forked
    ``--jobs`` workers inherit the settings."""

    def __enter__(self) -> None:
        import gc

        self.threshold = gc.get_threshold()
        self.freeze = gc.get_freeze_count() == 0  # a host that froze objects itself keeps them frozen
        if self.freeze:
            gc.freeze()
        gc.set_threshold(max(self.threshold[0], GC_GEN0_THRESHOLD), *self.threshold[1:])

    def __exit__(self, *_: object) -> None:
        import gc

        gc.set_threshold(*self.threshold)
        if self.freeze:
            gc.unfreeze()


def _stdin() -> BinaryIO | None:
    """Standard input as bytes, or None when file descriptor 0 is closed (the pipeline then says so per file)."""
    stream = sys.stdin
    return None if stream is None else getattr(stream, "buffer", None)


# ------------------------------------------------------------------------------ the command


def execute(args: RunArgs) -> int:
    """Run the ``run`` command; its exit code (messages for the user are printed here)."""
    try:
        return _execute(args)
    except Exit as exc:
        return exc.code


def _execute(a: RunArgs) -> int:
    from dataclasses import replace

    from factcheck.models import Loaded
    from factcheck.pipeline import Options, load_inputs
    from factcheck.report import FORMATS, MACHINE_FORMATS, render
    from factcheck.report.records import all_findings
    from factcheck.suppress import postprocess

    paths = a.paths
    where = [a.stdin_filename if p == "-" and a.stdin_filename else p for p in paths]
    cfg = config(where, a.config)
    fmt = a.format or cfg.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "human")
    if fmt not in FORMATS:
        fail(f"--format: unknown format {fmt!r} (choose from {', '.join(sorted(FORMATS))})")
    gate = choice("--fail-on", a.fail_on or cfg.fail_on or "error", FAIL_ON)
    floor = choice("--severity", a.severity or "info", SEVERITIES)
    day = parse_date(a.date) or cfg.date
    disabled = set(cfg.disable)
    if a.disable:
        from factcheck.checks.input import find_rule

        for token in a.disable:
            rule = find_rule(token)
            if rule is None:
                fail(f"--disable: unknown rule {token!r} (see 'factcheck rules')")
            disabled.add(rule.id)

    ref = load_reference(reference_paths(a.reference, cfg))
    home = a.region or cfg.region
    if home and not (home in ref.regions or ref.region_by_name(home)):
        fail(f"--region: unknown region {home!r} (not in {ref.path})")
    options = Options(date=day, region=home, max_size=a.max_size)

    accepted = None
    baseline_path = None if a.write_baseline else (a.baseline or (str(cfg.baseline) if cfg.baseline else None))
    if baseline_path is not None:
        from factcheck.baseline import BaselineError
        from factcheck.baseline import load as load_baseline

        try:
            accepted = load_baseline(baseline_path)
        except BaselineError as exc:
            fail(str(exc))

    items = load_inputs(_select(paths, cfg), options, stdin=_stdin() if "-" in paths else None)
    if a.stdin_filename:
        items = [replace(it, path=a.stdin_filename) if isinstance(it, Loaded) and it.path == "<stdin>" else it
                 for it in items]
    progress = a.progress
    if progress is None:
        progress = len(items) > PROGRESS_MIN_FILES and _isatty(sys.stderr)
    if a.jobs < 0:
        fail(f"--jobs: expected 0 (one per core) or a positive number, not {a.jobs}")
    with _QuietGC():
        raw = _check(items, ref, options, progress and fmt not in MACHINE_FORMATS, a.jobs)
        sources = {it.path: it.text for it in items if isinstance(it, Loaded)}
        result = postprocess(raw, sources, baseline=accepted, disable=disabled, severity=cfg.severity,
                             min_severity=floor)
    failed = [fr for fr in result.files if fr.status == "failed"]
    for fr in failed:
        echo(f"factcheck: {fr.path}: {fr.error}", err=True)

    if a.write_baseline:
        from factcheck.baseline import BaselineError
        from factcheck.baseline import build as build_baseline
        from factcheck.baseline import write as write_baseline_file

        # Unreadable files and stale directives are fixed, not accepted.
        keep = [f for f in all_findings(result) if f.rule not in ("FC001", "FC003")]
        try:
            write_baseline_file(build_baseline(keep, result, a.write_baseline), a.write_baseline)
        except BaselineError as exc:
            fail(str(exc))
        echo(f"factcheck: wrote {len(keep)} finding(s) to baseline {a.write_baseline}", err=True)
        return EXIT_INPUT if failed else EXIT_OK

    if fmt == "human":
        out = render(result, fmt, color=use_color(a.color, sys.stdout), quiet=a.quiet)
    else:
        out = render(result, fmt)
    sys.stdout.write(out)
    sys.stdout.flush()
    if failed:
        return EXIT_INPUT
    blocking = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[gate]
    return EXIT_FINDINGS if any(f.severity in blocking for f in all_findings(result)) else EXIT_OK


def _broken_pipe() -> NoReturn:
    # Output piped into `head`: stop quietly (nothing more can be written; the interpreter's final flush
    # must not fail either), with the exit code typer gives a broken pipe.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(EXIT_FINDINGS)


def main(argv: Sequence[str]) -> None:
    """``factcheck run ARGV`` without typer when :func:`parse_run_args` accepts ARGV (then this exits);
    returns when it does not, for the caller to hand the command line to typer."""
    args = parse_run_args(argv)
    if args is None:
        return
    try:
        code = execute(args)
    except KeyboardInterrupt:
        echo("factcheck: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _broken_pipe()
    except Exception as exc:  # a bug: say so in one line, never a traceback
        echo(f"factcheck: internal error: {type(exc).__name__}: {exc} (please report)", err=True)
        sys.exit(EXIT_INPUT)
    sys.exit(code)
