"""``--format github``: GitHub Actions workflow commands, one per finding.

``::error file=drafts/a.md,line=3,col=5,title=FC101 reference-mismatch::message``

error -> ``::error``, warning -> ``::warning``, info -> ``::notice``. Chosen
automatically when ``GITHUB_ACTIONS=true`` and no format is given. Escaping
follows the runner: ``%`` -> %25, CR -> %0D, LF -> %0A in the message, and also
``:`` -> %3A, ``,`` -> %2C in property values. The message carries the
explanation and the source on further (escaped) lines. Nothing else is printed.
"""

from __future__ import annotations

from factcheck.models import Finding, RunResult
from factcheck.report.records import all_findings

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding, title: str) -> str:
    props = [("file", f.path), ("line", str(f.line)), ("col", str(f.column)), ("title", title)]
    message = f.message
    if f.explanation:
        message += "\n" + f.explanation
    if f.source:
        message += "\nsource: " + f.source
    for loc in f.locations[1:]:
        message += f"\nalso at {loc.path}:{loc.line}:{loc.column}"
    prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS.get(f.severity, 'notice')} {prop_text}::{escape_data(message)}"


def render(result: RunResult, **_: object) -> str:
    findings = all_findings(result)
    names: dict[str, str] = {}
    if findings:
        from factcheck.checks.input import catalog

        names = {r.id: r.name for r in catalog()}
    return "".join(command(f, f"{f.rule} {names[f.rule]}" if f.rule in names else f.rule) + "\n"
                   for f in findings)
