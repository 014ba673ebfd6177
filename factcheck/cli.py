"""The command line: a thin layer over ``factcheck.pipeline``, ``factcheck.suppress`` and ``factcheck.report``.

Exit codes of ``run``: 0 nothing at or above ``--fail-on`` (default: error); 1 at
least one such finding; 2 usage, configuration or input errors (a one-line message
naming the file; the other files are still checked); 130 interrupted. No traceback
ever reaches the user.

This module runs on every commit (pre-commit hook): it imports only typer at load
time; everything else is imported inside the command that needs it.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, NoReturn, ParamSpec, TypeVar

import typer

from factcheck import __version__

if TYPE_CHECKING:
    from factcheck.config import Config
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
P = ParamSpec("P")
R = TypeVar("R")
PROGRESS_MIN_FILES = 20  # = factcheck.runner.PROGRESS_MIN_FILES (not imported here: `--help` stays light)


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


def _exits_as_typer(fn: Callable[P, R]) -> Callable[P, R]:
    """``runner``'s helpers end a command with ``runner.Exit``; under typer that is ``typer.Exit``."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from factcheck.runner import Exit

        try:
            return fn(*args, **kwargs)
        except Exit as exc:
            raise typer.Exit(exc.code) from None

    return wrapper


def _config(paths: Sequence[str], explicit: str | None) -> Config:
    from factcheck import runner

    return _exits_as_typer(runner.config)(paths, explicit)


def _load_reference(paths: Sequence[str]) -> Reference:
    from factcheck import runner

    return _exits_as_typer(runner.load_reference)(paths)


def _reference_paths(cli: Sequence[str] | None, cfg: Config) -> list[str]:
    from factcheck import runner

    return runner.reference_paths(cli, cfg)


def use_color(flag: bool | None, stream: object) -> bool:
    """--color/--no-color, else NO_COLOR (off), else FORCE_COLOR (on), else whether ``stream`` is a terminal."""
    from factcheck import runner

    return runner.use_color(flag, stream)


def _isatty(stream: object) -> bool:
    from factcheck import runner

    return runner._isatty(stream)


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
    # The body is factcheck.runner.execute, which the console script also calls directly (without typer)
    # for the usual command lines: both ways run the same code.
    from factcheck.runner import RunArgs, execute

    raise typer.Exit(execute(RunArgs(
        paths=list(paths), format=format, reference=reference, config=config, date=date, region=region,
        fail_on=fail_on, severity=severity, disable=disable, quiet=quiet, baseline=baseline,
        write_baseline=write_baseline, stdin_filename=stdin_filename, color=color, progress=progress,
        max_size=max_size, jobs=jobs)))


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

    if kind is not None and kind not in KINDS:
        _fail(f"--kind: {kind!r} is not one of {', '.join(KINDS)}")
    ref = _ref_for_tools(reference)
    hits = search(ref, text, limit=limit, kind=kind)
    if not hits:
        typer.echo(f"no match for {text!r}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    for h in hits:
        names = " / ".join(h.names[:4]) + (f" / … ({len(h.names) - 4} more)" if len(h.names) > 4 else "")
        typer.echo(f"{h.score:5.1f}  {h.kind:<8} {h.ident:<28} {h.matched}  [{names}]")


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
