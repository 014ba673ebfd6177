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


CLAIM_KEYS = ("id", "line", "column", "end_line", "end_column", "quote", "sentence", "kind", "value", "value_high",
              "unit", "year", "baseline_year", "direction", "comparison", "region", "metric", "qualifier", "role",
              "related", "status")
FINDING_KEYS = ("rule", "category", "severity", "message", "path", "line", "column", "claim", "expected", "actual",
                "source", "explanation", "locations")
LOCATION_KEYS = ("path", "line", "column")
RUN_KEYS = ("schema", "reference", "files", "findings", "summary")
FILE_KEYS = ("path", "status", "error", "encoding", "published", "home_region", "claims", "findings", "repairs",
             "unreadable")


def claim_values(claim: Claim, status: str) -> tuple[object, ...]:
    """The values of :func:`claim_record`, in the order of :data:`CLAIM_KEYS` (``related`` as a tuple)."""
    return (claim.id, claim.line, claim.column, claim.end_line, claim.end_column, claim.quote, claim.sentence,
            claim.kind, number(claim.value), number(claim.value_high), claim.unit, claim.year, claim.baseline_year,
            claim.direction, claim.comparison, claim.region, claim.metric, claim.qualifier, claim.role,
            claim.related, status)


def claim_record(claim: Claim, status: str) -> dict[str, object]:
    record = dict(zip(CLAIM_KEYS, claim_values(claim, status), strict=True))
    record["related"] = list(claim.related)
    return record


def finding_values(f: Finding) -> tuple[object, ...]:
    """The values of :func:`finding_record`, in the order of :data:`FINDING_KEYS` (without ``locations``)."""
    return (f.rule, f.category, f.severity, f.message, f.path, f.line, f.column, f.claim, f.expected, f.actual,
            f.source, f.explanation)


def finding_record(f: Finding) -> dict[str, object]:
    record = dict(zip(FINDING_KEYS, finding_values(f), strict=False))
    record["locations"] = [{"path": loc.path, "line": loc.line, "column": loc.column} for loc in f.locations]
    return record


def statuses(fr: FileResult) -> dict[str, str]:
    out = {c.id: "unchecked" for c in fr.claims}
    for v in fr.verdicts:
        out[v.claim] = v.status
    return out


def file_record(fr: FileResult) -> dict[str, object]:
    status = statuses(fr)
    return dict(zip(FILE_KEYS, (
        fr.path, fr.status, fr.error, fr.encoding, fr.published, fr.home_region,
        [claim_record(c, status[c.id]) for c in fr.claims], [finding_record(f) for f in fr.findings],
        list(fr.repairs), list(fr.unreadable)), strict=True))


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
    return dict(zip(RUN_KEYS, (SCHEMA, result.reference_path, [file_record(fr) for fr in result.files],
                               [finding_record(f) for f in result.findings], summary(result)), strict=True))
