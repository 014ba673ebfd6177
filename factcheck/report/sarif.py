"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

One run; ``tool.driver.rules`` is the whole rule catalog (id, name, descriptions,
defaultConfiguration.level); each finding is a result with ruleId/ruleIndex,
level (error, warning, note), message.text and a physical location (uri relative
as given, 1-based startLine/startColumn counted in Unicode code points). Findings
at several places list the others as relatedLocations. Suppressed findings are
included with ``suppressions``: kind ``inSource`` (a directive or ``[sic]``) or
``external`` (the baseline), so dashboards show them as suppressed.
``partialFingerprints["factcheck/v1"]`` hashes rule, path and claim sentence (the
baseline key), so a finding keeps its identity when lines move.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import quote

from factcheck import __version__
from factcheck.baseline import claim_index, fingerprint
from factcheck.models import Claim, Finding, Location, RunResult
from factcheck.report.jsontext import dumps_indented
from factcheck.report.records import all_findings

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (POSIX, percent-encoded)."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePosixPath(p.as_posix()).as_posix(), safe="/")


def physical(loc: Location) -> dict[str, object]:
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(loc.path)},
                                 "region": {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)}}}


def _result(f: Finding, index: dict[str, int], claims: dict[tuple[str, str], Claim],
            suppression: tuple[str, str] | None) -> dict[str, object]:
    text = f.message
    if f.explanation:
        text += f" ({f.explanation})"
    where = f.locations[0] if f.locations else Location(f.path, f.line, f.column)
    out: dict[str, object] = {"ruleId": f.rule}
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    out["level"] = LEVELS.get(f.severity, "note")
    out["message"] = {"text": text}
    out["locations"] = [physical(where)]
    if len(f.locations) > 1:
        out["relatedLocations"] = [
            {"id": i, **physical(loc), "message": {"text": f"also at {loc.path}:{loc.line}:{loc.column}"}}
            for i, loc in enumerate(f.locations[1:], 1)
        ]
    out["partialFingerprints"] = {"factcheck/v1": fingerprint(f, claims)}
    props = {k: v for k, v in (("category", f.category), ("claim", f.claim), ("expected", f.expected),
                               ("actual", f.actual), ("source", f.source)) if v is not None}
    out["properties"] = props
    if suppression is not None:
        kind, justification = suppression
        out["suppressions"] = [{"kind": kind, "status": "accepted", "justification": justification}]
    return out


def sarif_log(result: RunResult) -> dict[str, object]:
    from factcheck.checks.input import catalog
    from factcheck.suppress import Suppressed

    rules = catalog()
    index = {r.id: i for i, r in enumerate(rules)}
    claims = claim_index(result)
    results = [_result(f, index, claims, None) for f in all_findings(result)]
    suppressed = result.extra.get("suppressed", ())
    if isinstance(suppressed, tuple | list):
        for s in suppressed:
            if isinstance(s, Suppressed):
                results.append(_result(s.finding, index, claims,
                                       (s.kind, s.justification)))
    driver = {
        "name": "factcheck",
        "version": __version__,
        "rules": [
            {"id": r.id, "name": r.name, "shortDescription": {"text": r.summary},
             "fullDescription": {"text": r.summary},
             "help": {"text": f"{r.summary}\nFlagged: {r.fail}\nAccepted: {r.passes}"},
             "defaultConfiguration": {"level": LEVELS.get(r.severity, "note")},
             "properties": {"category": r.category}}
            for r in rules
        ],
    }
    failed = [fr for fr in result.files if fr.status == "failed"]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{"executionSuccessful": not failed}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(result: RunResult, **_: object) -> str:
    return dumps_indented(sarif_log(result)) + "\n"  # = json.dumps(..., ensure_ascii=False, indent=2)
