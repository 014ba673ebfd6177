"""The human report: per file, each claim with its status, findings under the claim they concern.

✓ agrees with the reference · ✗ contradicted · ? doubtful · · unchecked.
Errors are red, warnings yellow, info dim. Colour only on a terminal (rich decides;
NO_COLOR / FORCE_COLOR are honoured).

With colour the lines are rich ``Text`` printed by a rich ``Console``. Without colour (a pipe, a
pre-commit hook, ``--no-color``) the same code runs on :class:`_PlainText` / :class:`_PlainConsole`,
which produce the bytes rich would (control codes stripped, one line per print) without importing
rich — except for text with a tab, which rich expands by cell width: such a report is rendered by
rich. ``tests/test_report_human.py`` compares the two on real and generated reports.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from typing import Any, Protocol

from factcheck.interval import fmt
from factcheck.models import Claim, FileResult, Finding, RunResult
from factcheck.report.records import statuses, summary

GLYPHS = {"agrees": ("✓", "green"), "confirmed": ("✓", "cyan"), "contradicts": ("✗", "bold red"),
          "doubtful": ("?", "yellow"), "unchecked": ("·", "dim")}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

class _ConsoleLike(Protocol):
    def print(self, *objects: Any) -> None: ...


# rich.control.STRIP_CONTROL_CODES: what rich's Text removes from every string it is given.
_CONTROL = re.compile("[\x07\x08\x0b\x0c\r]")


class _NeedsRich(Exception):
    """The report has text that only rich renders right (a tab: expanded to cell-width tab stops)."""


class _PlainText:
    """The part of rich's ``Text`` that this report uses, as plain text: styles are dropped."""

    __slots__ = ("plain",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = _CONTROL.sub("", text)

    def append(self, text: str, style: str | None = None) -> _PlainText:
        self.plain += _CONTROL.sub("", text)
        return self

    @classmethod
    def assemble(cls, *parts: tuple[str, str]) -> _PlainText:
        out = cls()
        for text, style in parts:
            out.append(text, style)
        return out

    def __add__(self, other: _PlainText) -> _PlainText:
        out = _PlainText()
        out.plain = self.plain + other.plain
        return out


class _PlainConsole:
    """Collects what rich's ``Console(soft_wrap=True, no_color=True)`` would write for each print."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def print(self, *objects: _PlainText) -> None:
        if not objects:
            self.parts.append("\n")
            return
        (text,) = objects
        if "\t" in text.plain:
            raise _NeedsRich
        self.parts.append(text.plain + "\n")

    def getvalue(self) -> str:
        return "".join(self.parts)


def claim_value(c: Claim) -> str:
    sign = {"down": "−", "up": "+"}.get(c.direction or "", "") if c.kind == "change" else ""
    value = sign + fmt(c.value) + (f"–{fmt(c.value_high)}" if c.value_high is not None else "")
    if c.kind == "multiple":
        value = f"×{value}"
    unit = f" {c.unit}" if c.unit else ""
    qual = {"about": "≈", "nearly": "≲", "at_least": "≥", "more_than": ">", "less_than": "<",
            "at_most": "≤"}.get(c.qualifier or "", "")
    return f"{qual}{value}{unit}"


def claim_context(c: Claim) -> str:
    parts = [c.region or "?region", c.metric or "?metric"]
    year = str(c.year) if c.year else "?year"
    if c.baseline_year:
        year += f" vs {c.baseline_year}"
    parts.append(year)
    return " · ".join(parts)


def _finding_lines(Text: Any, f: Finding, indent: str) -> list[Any]:
    style = SEVERITY_STYLE.get(f.severity, "")
    head = Text(indent)
    head.append(f"{f.severity} {f.rule}", style=style)
    head.append(f" [{f.category}] ", style="dim")
    head.append(f.message)
    lines = [head]
    if f.explanation:
        lines.append(Text(f"{indent}  {f.explanation}", style="dim"))
    if f.source:
        lines.append(Text(f"{indent}  source: {f.source}", style="dim"))
    if len(f.locations) > 1:
        for loc in f.locations:
            lines.append(Text(f"{indent}  at {loc.path}:{loc.line}:{loc.column}", style="dim"))
    return lines


def _file_block(Text: Any, fr: FileResult, console: _ConsoleLike) -> None:
    meta = [fr.encoding or "unread"]
    if fr.published:
        meta.append(f"published {fr.published}")
    if fr.home_region:
        meta.append(f"home region {fr.home_region}")
    console.print(Text.assemble((fr.path, "bold"), ("  (" + " · ".join(meta) + ")", "dim")))
    if fr.status == "failed":
        for f in fr.findings:
            for line in _finding_lines(Text, f, "  "):
                console.print(line)
        return
    status = statuses(fr)
    by_claim: dict[str | None, list[Finding]] = defaultdict(list)
    for f in fr.findings:
        by_claim[f.claim].append(f)
    verdict_detail = {v.claim: v.detail for v in fr.verdicts}
    for c in fr.claims:
        glyph, style = GLYPHS.get(status[c.id], ("·", "dim"))
        line = Text("  ")
        line.append(glyph, style=style)
        line.append(f" {c.line}:{c.column}".ljust(9), style="dim")
        line.append(c.quote.replace("\n", " "))
        line.append(f"  → {claim_value(c)}", style="bold" if status[c.id] != "unchecked" else "")
        line.append(f"  {claim_context(c)}", style="dim")
        if c.id in verdict_detail and status[c.id] in ("agrees", "confirmed"):
            line.append(f"  {verdict_detail[c.id]}", style="green dim")
        console.print(line)
        for f in by_claim.get(c.id, []):
            for fline in _finding_lines(Text, f, "      "):
                console.print(fline)
    for f in by_claim.get(None, []):
        loc = Text(f"  {f.line}:{f.column} ", style="dim")
        first, *rest = _finding_lines(Text, f, "")
        console.print(loc + first)
        for fline in rest:
            console.print(Text("  ") + fline)
    if fr.repairs:
        console.print(Text(f"  repaired {len(fr.repairs)} garbled run(s):", style="dim"))
        for rep in fr.repairs:
            console.print(Text(f"    {rep['line']}:{rep['column']} {rep['garbled']} → {rep['restored']}",
                               style="dim"))


def _quiet(Text: Any, result: RunResult, console: _ConsoleLike) -> None:
    """Findings only, one per line (``path:line:col severity RULE [category] message``)."""
    for f in [f for fr in result.files for f in fr.findings] + list(result.findings):
        first, *_rest = _finding_lines(Text, f, "")
        console.print(Text(f"{f.path}:{f.line}:{f.column}: ", style="bold") + first)
        if len(f.locations) > 1:
            for loc in f.locations[1:]:
                console.print(Text(f"  also at {loc.path}:{loc.line}:{loc.column}", style="dim"))


def render(result: RunResult, color: bool | None = None, width: int | None = None, quiet: bool = False,
           **_: object) -> str:
    """The report as text; ``color`` True/False forces ANSI styling on/off (None: off, not a terminal).

    ``quiet``: only the findings, no claim list and no summary.
    """
    if not color:
        plain = _PlainConsole()
        try:
            _report(_PlainText, plain, result, quiet)
            return plain.getvalue()
        except _NeedsRich:
            pass
    return render_rich(result, color, width, quiet)


def render_rich(result: RunResult, color: bool | None = None, width: int | None = None, quiet: bool = False) -> str:
    """The report rendered by rich, whatever ``color`` says (what :func:`render` does with colour)."""
    from rich.console import Console
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=color is False, width=width or 120,
                      highlight=False, soft_wrap=True, emoji=False, color_system="standard" if color else None)
    _report(Text, console, result, quiet)
    return buf.getvalue()


def _report(Text: Any, console: _ConsoleLike, result: RunResult, quiet: bool) -> None:
    if quiet:
        _quiet(Text, result, console)
        return
    for fr in result.files:
        _file_block(Text, fr, console)
        console.print()
    if result.findings:
        console.print(Text("Across files", style="bold"))
        for f in result.findings:
            for line in _finding_lines(Text, f, "  "):
                console.print(line)
        console.print()
    s = summary(result)
    counts: dict[str, int] = defaultdict(int)
    for fr in result.files:
        for st in statuses(fr).values():
            counts[st] += 1
    line = Text()
    line.append(f"{s['files']} file(s), {s['claims']} claim(s): ")
    line.append(f"{counts['agrees']} agree", style="green")
    if counts["confirmed"]:
        line.append(f", {counts['confirmed']} confirmed across sources", style="cyan")
    line.append(", ")
    line.append(f"{counts['contradicts']} contradicted", style="red" if counts["contradicts"] else "")
    line.append(f", {counts['doubtful']} doubtful, {counts['unchecked']} unchecked · ")
    line.append(f"{s['errors']} error(s)", style="bold red" if s["errors"] else "")
    line.append(", ")
    line.append(f"{s['warnings']} warning(s)", style="yellow" if s["warnings"] else "")
    if s["failed"]:
        line.append(f", {s['failed']} file(s) could not be read", style="bold red")
    suppressed = result.extra.get("suppressed")
    if isinstance(suppressed, tuple | list) and suppressed:
        line.append(f" · {len(suppressed)} suppressed", style="dim")
    console.print(line)
