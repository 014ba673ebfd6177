"""The command line: a thin layer over ``factcheck.pipeline`` and ``factcheck.report``.

Exit codes: 0 no error-severity finding; 1 at least one; 2 usage or input errors
(a one-line message naming the file; the other files are still checked);
130 interrupted. No traceback ever reaches the user.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Annotated

import typer

from factcheck import __version__

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    help="Find and check the quantitative claims in news articles (Chinese and English).",
)

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """factcheck: every number in an article, located and checked."""


def _fail(message: str) -> None:
    typer.echo(f"factcheck: {message}", err=True)
    raise typer.Exit(EXIT_INPUT)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--date: {value!r} is not a date (YYYY-MM-DD)")
    return None


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (*.txt, *.md, *.html) or - for stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: human or json.")] = "human",
    reference: Annotated[str | None, typer.Option("--reference", "-r",
                                                  help="Reference YAML (default: the bundled claims.yaml).")] = None,
    date: Annotated[str | None, typer.Option(help="The article's date (YYYY-MM-DD) when it has no dateline.")] = None,
    region: Annotated[str | None, typer.Option(help="Home region (id or name) for 我市 / 全市 / 本市.")] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Force colour on or off.")] = None,
    max_size: Annotated[int | None, typer.Option(help="Refuse files larger than this many bytes.")] = None,
) -> None:
    """Check articles. [dim]Examples:[/dim]

    [bold]factcheck run article.txt drafts/[/bold]
    [bold]factcheck run --format json article.txt | jq '.files[].claims[]'[/bold]
    [bold]cat draft.md | factcheck run -[/bold]
    """
    from factcheck.pipeline import Options, check_paths
    from factcheck.reference import ReferenceError, default_reference_path, load_reference
    from factcheck.report import FORMATS, render

    if format not in FORMATS:
        _fail(f"--format: unknown format {format!r} (choose from {', '.join(sorted(FORMATS))})")
    options = Options(date=_parse_date(date), region=region, max_size=max_size)
    try:
        ref = load_reference(reference or default_reference_path())
    except ReferenceError as exc:
        _fail(str(exc))
        return
    if region and not (region in ref.regions or ref.region_by_name(region)):
        _fail(f"--region: unknown region {region!r} (not in {ref.path})")
    result = check_paths(paths, ref, options, stdin=sys.stdin.buffer if "-" in paths else None)
    if color is None and os.environ.get("FORCE_COLOR"):
        color = True
    out = render(result, format, color=color) if format == "human" else render(result, format)
    sys.stdout.write(out)
    sys.stdout.flush()
    for fr in result.files:
        if fr.status == "failed":
            typer.echo(f"factcheck: {fr.path}: {fr.error}", err=True)
    if any(fr.status == "failed" for fr in result.files):
        raise typer.Exit(EXIT_INPUT)
    errors = any(f.severity == "error" for fr in result.files for f in fr.findings) or any(
        f.severity == "error" for f in result.findings)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)


@app.command()
def rules() -> None:
    """List the rule catalog: id, name, category, severity."""
    from factcheck.checks import all_rules

    for r in all_rules():
        typer.echo(f"{r.id}  {r.name:<28} {r.category:<13} {r.severity:<8} {r.summary}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id (FC101) or name.")]) -> None:
    """Describe one rule, with an example it flags and one it accepts."""
    from factcheck.checks import rule_by_id

    r = rule_by_id(rule_id)
    if r is None:
        _fail(f"unknown rule {rule_id!r} (see 'factcheck rules')")
        return
    typer.echo(f"{r.id} {r.name} ({r.category}, {r.severity})\n\n{r.summary}\n")
    typer.echo(f"Flagged:  {r.fail}\nAccepted: {r.passes}")


def main() -> None:
    """Console entry point: no traceback reaches the user, whatever happens."""
    try:
        app()
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
