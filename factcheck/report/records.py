"""Plain JSON-ready records of the run: the stable ``factcheck/1`` contract.

Every machine format (json, and later jsonl/sarif) is built from these records so
that they all say the same thing.
"""

from __future__ import annotations

from decimal import Decimal

from factcheck.models import Claim, FileResult, Finding, RunResult

SCHEMA = "factcheck/1"


def number(x: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when integral, else the shortest float."""
    if x is None:
        return None
    if x == x.to_integral_value():
        return int(x)
    return float(x)


def claim_record(claim: Claim, status: str) -> dict[str, object]:
    return {
        "id": claim.id,
        "line": claim.line,
        "column": claim.column,
        "end_line": claim.end_line,
        "end_column": claim.end_column,
        "quote": claim.quote,
        "sentence": claim.sentence,
        "kind": claim.kind,
        "value": number(claim.value),
        "value_high": number(claim.value_high),
        "unit": claim.unit,
        "year": claim.year,
        "baseline_year": claim.baseline_year,
        "direction": claim.direction,
        "comparison": claim.comparison,
        "region": claim.region,
        "metric": claim.metric,
        "qualifier": claim.qualifier,
        "role": claim.role,
        "related": list(claim.related),
        "status": status,
    }


def finding_record(f: Finding) -> dict[str, object]:
    return {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "claim": f.claim,
        "expected": f.expected,
        "actual": f.actual,
        "source": f.source,
        "explanation": f.explanation,
        "locations": [{"path": loc.path, "line": loc.line, "column": loc.column} for loc in f.locations],
    }


def statuses(fr: FileResult) -> dict[str, str]:
    out = {c.id: "unchecked" for c in fr.claims}
    for v in fr.verdicts:
        out[v.claim] = v.status
    return out


def file_record(fr: FileResult) -> dict[str, object]:
    status = statuses(fr)
    return {
        "path": fr.path,
        "status": fr.status,
        "error": fr.error,
        "encoding": fr.encoding,
        "published": fr.published,
        "home_region": fr.home_region,
        "claims": [claim_record(c, status[c.id]) for c in fr.claims],
        "findings": [finding_record(f) for f in fr.findings],
        "repairs": list(fr.repairs),
        "unreadable": list(fr.unreadable),
    }


def all_findings(result: RunResult) -> list[Finding]:
    return [f for fr in result.files for f in fr.findings] + list(result.findings)


def summary(result: RunResult) -> dict[str, int]:
    findings = all_findings(result)
    return {
        "files": len(result.files),
        "failed": sum(1 for fr in result.files if fr.status == "failed"),
        "claims": sum(len(fr.claims) for fr in result.files),
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "infos": sum(1 for f in findings if f.severity == "info"),
    }


def run_record(result: RunResult) -> dict[str, object]:
    return {
        "schema": SCHEMA,
        "reference": result.reference_path,
        "files": [file_record(fr) for fr in result.files],
        "findings": [finding_record(f) for f in result.findings],
        "summary": summary(result),
    }
