"""The command line: a thin layer over ``factcheck.pipeline``, ``factcheck.suppress`` and ``factcheck.report``.

Exit codes of ``run``: 0 nothing at or above ``--fail-on`` (default: error); 1 at
least one such finding; 2 usage, configuration or input errors (a one-line message
naming the file; the other files are still checked); 130 interrupted. No traceback
ever reaches the user.

This module runs on every commit (pre-commit hook): it imports only typer at load
time; everything else is imported inside the command that needs it.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, BinaryIO, NoReturn, TypeVar

import typer

from factcheck import __version__

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.models import FileResult, Loaded, RunResult
    from factcheck.pipeline import Options
    from factcheck.reference import Reference

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    help="Find and check the quantitative claims in news articles (Chinese and English).",
    epilog="Examples: [bold]factcheck run drafts/[/bold] · [bold]factcheck rules[/bold] · "
           "[bold]factcheck explain FC101[/bold] · [bold]factcheck ref search 张家口[/bold]",
)
ref_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Inspect the reference (claims.yaml): validate it, show a region's facts, search names.",
    epilog="Examples: [bold]factcheck ref validate[/bold] · [bold]factcheck ref show hebei[/bold] · "
           "[bold]factcheck ref search zhangjiakou[/bold]",
)
app.add_typer(ref_app, name="ref")

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "never")
PROGRESS_MIN_FILES = 20

T = TypeVar("T")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """factcheck: every number in an article, located and checked."""


def _fail(message: str) -> NoReturn:
    typer.echo(f"factcheck: {message}", err=True)
    raise typer.Exit(EXIT_INPUT)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--date: {value!r} is not a date (YYYY-MM-DD)")


def _choice(option: str, value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        _fail(f"{option}: {value!r} is not one of {', '.join(allowed)}")
    return value


def use_color(flag: bool | None, stream: object) -> bool:
    """--color/--no-color, else NO_COLOR (off), else FORCE_COLOR (on), else whether ``stream`` is a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _isatty(stream)


def _config(paths: Sequence[str], explicit: str | None) -> Config:
    from factcheck.config import ConfigError, discover

    try:
        return discover(paths, explicit)
    except ConfigError as exc:
        _fail(str(exc))


def _load_reference(paths: Sequence[str]) -> Reference:
    """One reference, or several merged (later ones win; conflicts are printed as warnings)."""
    from factcheck.reference import ReferenceError, load_reference

    try:
        if len(paths) == 1:
            return load_reference(paths[0])
        from factcheck.refmerge import load_merged

        ref, conflicts = load_merged(paths)
    except ReferenceError as exc:
        _fail(str(exc))
    for conflict in conflicts:
        typer.echo(f"factcheck: {conflict}", err=True)
    return ref


def _reference_paths(cli: Sequence[str] | None, cfg: Config) -> list[str]:
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


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (ValueError, OSError):  # a closed stream
        return False


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


RUN_EPILOG = """[bold]Examples[/bold]

  factcheck run article.txt drafts/
  factcheck run -q --fail-on warning drafts/           [dim]# findings only; warnings fail too[/dim]
  factcheck run -f sarif drafts/ > factcheck.sarif     [dim]# code-scanning upload[/dim]
  factcheck run -f jsonl drafts/ | jq -r .message
  cat draft.md | factcheck run --stdin-filename draft.md -
  factcheck run -r claims.yaml -r desk.yaml drafts/    [dim]# merged, later wins[/dim]
  factcheck run --write-baseline .factcheck-baseline.json archive/
  factcheck run --baseline .factcheck-baseline.json archive/

Settings also come from [bold].factcheck.yaml[/bold] or [bold]\\[tool.factcheck][/bold] in pyproject.toml (flags win).
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input error, 130 interrupted."""


@app.command(epilog=RUN_EPILOG)
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (*.txt, *.md, *.html) or - for stdin.",
                                               show_default=False)],
    format: Annotated[str | None, typer.Option(
        "--format", "-f", show_default=False,
        help="human, json, jsonl, sarif or github [dim](default: config, then github under GitHub Actions, "
             "else human)[/dim]")] = None,
    reference: Annotated[list[str] | None, typer.Option(
        "--reference", "-r", show_default=False,
        help="Reference YAML; repeat to merge several (later wins) [dim](default: config, else the bundled "
             "claims.yaml)[/dim]")] = None,
    config: Annotated[str | None, typer.Option(
        "--config", show_default=False, help="Use this .factcheck.yaml / pyproject.toml instead of searching.")] = None,
    date: Annotated[str | None, typer.Option(help="The article's date (YYYY-MM-DD) when it has no dateline.",
                                             show_default=False)] = None,
    region: Annotated[str | None, typer.Option(help="Home region (id or name) for 我市 / 全市 / 本市.",
                                               show_default=False)] = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", show_default=False,
        help="Exit 1 on findings of this severity or worse: error, warning or never [dim](default: error)[/dim]")
    ] = None,
    severity: Annotated[str | None, typer.Option(
        "--severity", show_default=False,
        help="Report only findings at least this severe: error, warning or info [dim](default: info)[/dim]")
    ] = None,
    disable: Annotated[list[str] | None, typer.Option(
        "--disable", show_default=False, help="Never report this rule (id or name); repeatable.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q",
                                        help="Human format: only the findings, no claim list, no summary.")] = False,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", show_default=False, help="Do not report findings recorded in this baseline file.")] = None,
    write_baseline: Annotated[str | None, typer.Option(
        "--write-baseline", show_default=False,
        help="Record every reported finding in this baseline file, then exit 0.")] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", show_default=False,
        help="The name to report for standard input (and to find the configuration from).")] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", show_default=False,
                                               help="Force colour on or off (default: on for a terminal; "
                                                    "NO_COLOR and FORCE_COLOR are honoured).")] = None,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", show_default=False,
        help=f"Progress bar on stderr (default: when more than {PROGRESS_MIN_FILES} files are checked and stderr "
             "is a terminal; never with machine formats).")] = None,
    max_size: Annotated[int | None, typer.Option(help="Refuse files larger than this many bytes.",
                                                 show_default=False)] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", show_default=False,
        help="Check files in this many processes [dim](default 0: one per core; 1: serial; used only when there "
             "are enough files to pay for it; same output either way)[/dim]")] = 0,
) -> None:
    """Check articles and drafts: every figure against the reference, arithmetic and the other files."""
    from dataclasses import replace

    from factcheck.baseline import BaselineError
    from factcheck.baseline import build as build_baseline
    from factcheck.baseline import load as load_baseline
    from factcheck.baseline import write as write_baseline_file
    from factcheck.checks.input import find_rule
    from factcheck.models import Loaded
    from factcheck.pipeline import Options, load_inputs
    from factcheck.report import FORMATS, MACHINE_FORMATS, render
    from factcheck.report.records import all_findings
    from factcheck.suppress import postprocess

    where = [stdin_filename if p == "-" and stdin_filename else p for p in paths]
    cfg = _config(where, config)
    fmt = format or cfg.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "human")
    if fmt not in FORMATS:
        _fail(f"--format: unknown format {fmt!r} (choose from {', '.join(sorted(FORMATS))})")
    gate = _choice("--fail-on", fail_on or cfg.fail_on or "error", FAIL_ON)
    floor = _choice("--severity", severity or "info", SEVERITIES)
    day = _parse_date(date) or cfg.date
    disabled = set(cfg.disable)
    for token in disable or ():
        rule = find_rule(token)
        if rule is None:
            _fail(f"--disable: unknown rule {token!r} (see 'factcheck rules')")
        disabled.add(rule.id)

    ref = _load_reference(_reference_paths(reference, cfg))
    home = region or cfg.region
    if home and not (home in ref.regions or ref.region_by_name(home)):
        _fail(f"--region: unknown region {home!r} (not in {ref.path})")
    options = Options(date=day, region=home, max_size=max_size)

    accepted = None
    baseline_path = None if write_baseline else (baseline or (str(cfg.baseline) if cfg.baseline else None))
    if baseline_path is not None:
        try:
            accepted = load_baseline(baseline_path)
        except BaselineError as exc:
            _fail(str(exc))

    items = load_inputs(_select(paths, cfg), options, stdin=_stdin() if "-" in paths else None)
    if stdin_filename:
        items = [replace(it, path=stdin_filename) if isinstance(it, Loaded) and it.path == "<stdin>" else it
                 for it in items]
    if progress is None:
        progress = len(items) > PROGRESS_MIN_FILES and _isatty(sys.stderr)
    if jobs < 0:
        _fail(f"--jobs: expected 0 (one per core) or a positive number, not {jobs}")
    raw = _check(items, ref, options, progress and fmt not in MACHINE_FORMATS, jobs)
    sources = {it.path: it.text for it in items if isinstance(it, Loaded)}
    result = postprocess(raw, sources, baseline=accepted, disable=disabled, severity=cfg.severity,
                         min_severity=floor)
    failed = [fr for fr in result.files if fr.status == "failed"]
    for fr in failed:
        typer.echo(f"factcheck: {fr.path}: {fr.error}", err=True)

    if write_baseline:
        # Unreadable files and stale directives are fixed, not accepted.
        keep = [f for f in all_findings(result) if f.rule not in ("FC001", "FC003")]
        try:
            write_baseline_file(build_baseline(keep, result, write_baseline), write_baseline)
        except BaselineError as exc:
            _fail(str(exc))
        typer.echo(f"factcheck: wrote {len(keep)} finding(s) to baseline {write_baseline}", err=True)
        raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)

    if fmt == "human":
        out = render(result, fmt, color=use_color(color, sys.stdout), quiet=quiet)
    else:
        out = render(result, fmt)
    sys.stdout.write(out)
    sys.stdout.flush()
    if failed:
        raise typer.Exit(EXIT_INPUT)
    blocking = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[gate]
    raise typer.Exit(EXIT_FINDINGS if any(f.severity in blocking for f in all_findings(result)) else EXIT_OK)


@app.command(epilog="[bold]Examples[/bold]\n\n  factcheck rules\n  factcheck rules | grep arithmetic")
def rules() -> None:
    """List the rule catalog: id, name, category, severity."""
    from factcheck.checks.input import catalog

    for r in catalog():
        typer.echo(f"{r.id}  {r.name:<28} {r.category:<13} {r.severity:<8} {r.summary}")


@app.command(epilog="[bold]Examples[/bold]\n\n  factcheck explain FC101\n  factcheck explain reference-mismatch")
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id (FC101) or name (reference-mismatch).")]) -> None:
    """Describe one rule, with an example it flags and one it accepts."""
    from factcheck.checks.input import find_rule

    r = find_rule(rule_id)
    if r is None:
        _fail(f"unknown rule {rule_id!r} (see 'factcheck rules')")
    typer.echo(f"{r.id} {r.name} ({r.category}, {r.severity})\n\n{r.summary}\n")
    typer.echo(f"Flagged:  {r.fail}\nAccepted: {r.passes}")


# ------------------------------------------------------------------------------ ref


@ref_app.command("validate", epilog="[bold]Examples[/bold]\n\n  factcheck ref validate\n"
                                    "  factcheck ref validate claims.yaml desk.yaml  [dim]# and their merge[/dim]")
def ref_validate(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Reference files [dim](default: the configured references, else the bundled claims.yaml)[/dim]",
        show_default=False)] = None,
) -> None:
    """Check reference files: schema errors (file:line:column), unknown ids, duplicate and conflicting facts.

    Exit 0 when clean (info notes allowed), 1 on warnings (conflicting facts, units that do not fit,
    disagreements between files), 2 when a file cannot be used at all.
    """
    from factcheck.reference import ReferenceError, load_reference, validate

    targets = list(paths or _reference_paths(None, _config([], None)))
    loaded = []
    counts = {"error": 0, "warning": 0, "info": 0}
    for path in targets:
        try:
            ref = load_reference(path)
        except ReferenceError as exc:
            typer.echo(f"{exc.path}:{exc.line}:{exc.column}: error: {exc.message}")
            counts["error"] += 1
            continue
        loaded.append(ref)
        for problem in validate(ref):
            typer.echo(str(problem))
            counts[problem.severity] = counts.get(problem.severity, 0) + 1
    if len(loaded) > 1:
        from factcheck.refmerge import merge

        for conflict in merge(loaded)[1]:
            typer.echo(str(conflict))
            counts["warning"] += 1
    facts = sum(len(r.facts) for r in loaded)
    typer.echo(f"{len(targets)} file(s), {facts} fact(s): {counts['error']} error(s), {counts['warning']} "
               f"warning(s), {counts['info']} note(s)", err=True)
    raise typer.Exit(EXIT_INPUT if counts["error"] else EXIT_FINDINGS if counts["warning"] else EXIT_OK)


def _ref_for_tools(reference: list[str] | None) -> Reference:
    return _load_reference(_reference_paths(reference, _config([], None)))


REF_OPTION = typer.Option("--reference", "-r", show_default=False,
                          help="Reference YAML; repeat to merge [dim](default: config, else the bundled one)[/dim]")


@ref_app.command("show", epilog="[bold]Examples[/bold]\n\n  factcheck ref show hebei\n"
                                "  factcheck ref show 张家口 pm25_annual_mean\n"
                                "  factcheck ref show Beijing PM2.5年均浓度")
def ref_show(
    region: Annotated[str, typer.Argument(help="Region id or any of its names (Chinese or English).")],
    metric: Annotated[str | None, typer.Argument(help="Only this metric (id or name).", show_default=False)] = None,
    reference: Annotated[list[str] | None, REF_OPTION] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", show_default=False,
                                               help="Force colour on or off.")] = None,
) -> None:
    """Show a region's facts as a table: metric, year, value, tolerance, source, variants."""
    from rich.console import Console
    from rich.table import Table

    from factcheck.interval import fmt

    ref = _ref_for_tools(reference)
    region_id = ref.region_by_name(region)
    if region_id is None:
        _fail(f"unknown region {region!r}{_did_you_mean(ref, region, 'region')}")
    metric_id = None
    if metric is not None:
        metric_id = ref.metric_by_name(metric)
        if metric_id is None:
            _fail(f"unknown metric {metric!r}{_did_you_mean(ref, metric, 'metric')}")
    facts = sorted((f for f in ref.facts if f.region == region_id and (metric_id is None or f.metric == metric_id)),
                   key=lambda f: (f.metric, f.year, f.kind != "level", f.kind, f.baseline_year or 0, f.unit))
    r = ref.regions[region_id]
    title = f"{region_id}: {' / '.join(r.names)}" + (f" (in {r.parent})" if r.parent else "")
    table = Table(title=title, title_justify="left", show_lines=False)
    for col, kw in (("metric", {}), ("year", {"justify": "right"}), ("value", {"justify": "right"}),
                    ("±", {"justify": "right"}), ("source", {"overflow": "fold"}), ("variants", {})):
        table.add_column(col, **kw)  # type: ignore[arg-type]
    qual = {"about": "≈", "nearly": "≲", "at_least": "≥", "more_than": ">", "less_than": "<", "at_most": "≤"}
    for f in facts:
        year = str(f.year) + (f" vs {f.baseline_year}" if f.baseline_year is not None else "")
        value = f"{qual.get(f.qualifier or '', '')}{fmt(f.value)} {f.unit}"
        variants = "; ".join(f"{fmt(v.value)} ({v.source})" for v in f.variants)
        table.add_row(ref.display_name("metric", f.metric), year, value,
                      fmt(f.tolerance) if f.tolerance is not None else "", f.source, variants)
    console = Console(force_terminal=use_color(color, sys.stdout), no_color=not use_color(color, sys.stdout),
                      highlight=False, width=None if _isatty(sys.stdout) or os.environ.get("COLUMNS") else 160)
    console.print(table)
    typer.echo(f"{len(facts)} fact(s) from {ref.path}")


def _did_you_mean(ref: Reference, text: str, kind: str) -> str:
    from factcheck.refsearch import search

    hits = [h for h in search(ref, text, limit=3) if h.kind == kind]
    return f" (did you mean {', '.join(repr(h.ident) for h in hits)}?)" if hits else ""


@ref_app.command("search", epilog="[bold]Examples[/bold]\n\n  factcheck ref search 张家口\n"
                                  "  factcheck ref search zhangjiakou\n  factcheck ref search 'pm2.5 annual'")
def ref_search(
    text: Annotated[str, typer.Argument(help="Words to look for: Chinese, pinyin or English.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many entries.")] = 10,
    kind: Annotated[str | None, typer.Option(help="Only region, metric, standard or event.",
                                             show_default=False)] = None,
    reference: Annotated[list[str] | None, REF_OPTION] = None,
) -> None:
    """Fuzzy search of region, metric, standard and event names and aliases (Chinese, pinyin, English)."""
    from factcheck.refsearch import KINDS, search

    if kind is not None:
        _choice("--kind", kind, KINDS)
    ref = _ref_for_tools(reference)
    hits = search(ref, text, limit=limit, kind=kind)
    if not hits:
        typer.echo(f"no match for {text!r}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    for h in hits:
        names = " / ".join(h.names[:4]) + (f" / … ({len(h.names) - 4} more)" if len(h.names) > 4 else "")
        typer.echo(f"{h.score:5.1f}  {h.kind:<8} {h.ident:<28} {h.matched}  [{names}]")


def _stdin() -> BinaryIO | None:
    """Standard input as bytes, or None when file descriptor 0 is closed (the pipeline then says so per file)."""
    stream = sys.stdin
    return None if stream is None else getattr(stream, "buffer", None)


def main() -> None:
    """Console entry point: no traceback reaches the user, whatever happens."""
    try:
        app(prog_name="factcheck")
    except KeyboardInterrupt:
        typer.echo("factcheck: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # Output piped into `head`: stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except Exception as exc:  # a bug: say so in one line, never a traceback
        typer.echo(f"factcheck: internal error: {type(exc).__name__}: {exc} (please report)", err=True)
        sys.exit(EXIT_INPUT)


if __name__ == "__main__":
    main()
