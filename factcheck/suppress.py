"""Suppression and reporting policy, applied in one place after checking.

``postprocess`` is what the CLI calls between checking and rendering. In order:

1. ``severity`` overrides from the configuration (rule -> error|warning|info);
2. inline directives, ``[sic]`` and the baseline suppress findings (kept in
   ``RunResult.extra["suppressed"]`` as :class:`Suppressed`, for SARIF);
3. unused inline directives become FC003 info findings;
4. ``disable``\\d rules are dropped (reported nowhere, suppressed or not);
5. findings below ``min_severity`` are dropped.

Inline directives (any input format)::

    <!-- factcheck: ignore FC201 -->          Markdown / HTML comment
    factcheck: ignore                         plain text: every rule
    factcheck: ignore FC101,FC201             plain text: these rules (ids or names)

A directive sharing its line with text covers that line; a directive alone on its
line (apart from a comment wrapper) covers its own line and the next one.
``[sic]`` (or ``［sic］``) right after a figure, closing quotes allowed in between,
suppresses every finding on that claim: the figure is quoted as published.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace

from factcheck.baseline import Baseline, claim_index, claim_of
from factcheck.models import SEVERITY_ORDER, Claim, FileResult, Finding, Location, RunResult

DIRECTIVE = re.compile(
    r"factcheck:[ \t]*ignore\b(?P<rules>(?:[ \t]*[,;]?[ \t]*(?:FC\d{3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)+))*)",
    re.IGNORECASE,
)
RULE_TOKEN = re.compile(r"FC\d{3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)+", re.IGNORECASE)
# What may surround a directive on a line of its own: comment wrappers and leaders.
WRAPPER = re.compile(r"<!--|-->|/\*|\*/|^\s*(?:#+|//|%|;|>)|[\s\[\]()]")
SIC = re.compile(r"""^[ \t"'”’」』》)）]*[\[［][ \t]*sic[ \t]*[\]］]""", re.IGNORECASE)


@dataclass(frozen=True)
class Suppressed:
    """A finding that was not reported, and why.

    ``kind`` is SARIF's: ``inSource`` (a directive or ``[sic]`` in the file) or
    ``external`` (the baseline).
    """

    finding: Finding
    kind: str
    justification: str


@dataclass
class Directive:
    path: str
    line: int
    column: int
    text: str
    rules: tuple[str, ...]  # rule ids; empty: every rule
    lines: tuple[int, ...]  # the lines it covers
    used: set[str] = field(default_factory=set)  # rule ids it suppressed ("*" for a bare directive)

    def covers(self, f: Finding) -> bool:
        if f.path != self.path or f.line not in self.lines:
            return False
        return not self.rules or f.rule in self.rules


def _rule_id(token: str) -> str:
    """A directive's rule token as an id: ``FC201`` stays, a rule name is looked up."""
    if token.upper().startswith("FC"):
        return token.upper()
    from factcheck.checks.input import find_rule

    rule = find_rule(token)
    return rule.id if rule is not None else token.lower()


def directives(path: str, text: str) -> list[Directive]:
    """The ``factcheck: ignore`` directives of one file, in order."""
    out: list[Directive] = []
    for number, line in enumerate(text.splitlines(), 1):
        for m in DIRECTIVE.finditer(line):
            rules = tuple(dict.fromkeys(_rule_id(t) for t in RULE_TOKEN.findall(m.group("rules"))))
            rest = WRAPPER.sub("", line[: m.start()] + line[m.end():])
            alone = not rest.strip()
            out.append(Directive(path, number, m.start() + 1, m.group(0).strip(), rules,
                                 (number, number + 1) if alone else (number,)))
    return out


def sic_claims(fr: FileResult, text: str) -> set[str]:
    """Ids of the claims followed by ``[sic]``."""
    return {c.id for c in fr.claims if _sic_after(text, c)}


def _sic_after(text: str, claim: Claim) -> bool:
    return 0 <= claim.end <= len(text) and SIC.match(text[claim.end: claim.end + 16]) is not None


def _rank(severity: str) -> int:
    return SEVERITY_ORDER.get(severity, len(SEVERITY_ORDER))


def unused_finding(d: Directive) -> Finding | None:
    from factcheck.checks.input import UNUSED_SUPPRESSION as rule

    if d.rules:
        unused = [r for r in d.rules if r not in d.used]
        if not unused:
            return None
        what = f"no {', '.join(unused)} finding"
    else:
        if d.used:
            return None
        what = "no finding"
    where = "on its line or the next" if len(d.lines) > 1 else "on its line"
    return Finding(rule=rule.id, category=rule.category, severity=rule.severity,
                   message=f"unused suppression '{d.text}': {what} {where}", path=d.path, line=d.line,
                   column=d.column, locations=(Location(d.path, d.line, d.column),),
                   explanation="remove the directive, or correct the rule id it names")


def postprocess(
    result: RunResult,
    sources: Mapping[str, str],
    *,
    baseline: Baseline | None = None,
    disable: Collection[str] = (),
    severity: Mapping[str, str] | None = None,
    min_severity: str = "info",
    report_unused: bool = True,
) -> RunResult:
    """Apply severity overrides, suppressions, ``disable`` and the severity floor.

    ``sources`` maps a file's path (as in the result) to its ORIGINAL text; files
    missing from it get no inline suppression. Suppressed findings are kept in
    ``extra["suppressed"]`` (a tuple of :class:`Suppressed`); the number of
    baseline entries that matched nothing in ``extra["baseline_unused"]``.
    """
    overrides = dict(severity or {})
    disabled = set(disable)
    floor = _rank(min_severity)
    claims = claim_index(result)
    matcher = baseline.matcher() if baseline is not None else None
    by_path: dict[str, list[Directive]] = {}
    sic: set[tuple[str, str]] = set()
    for fr in result.files:
        text = sources.get(fr.path)
        if text is None or fr.status != "checked":
            continue
        by_path[fr.path] = directives(fr.path, text)
        sic.update((fr.path, cid) for cid in sic_claims(fr, text))
    suppressed: list[Suppressed] = []

    def keep(f: Finding) -> bool:
        """False when the finding is suppressed (and recorded as such)."""
        claim = claim_of(f, claims)
        if claim is not None and (claim.path, claim.id) in sic:
            suppressed.append(Suppressed(f, "inSource", f"[sic] after {claim.quote!r}"))
            return False
        for d in by_path.get(f.path, ()):
            if d.covers(f):
                d.used.add(f.rule if d.rules else "*")
                suppressed.append(Suppressed(f, "inSource", f"line {d.line}: {d.text}"))
                return False
        if matcher is not None and matcher.take(f, claims):
            suppressed.append(Suppressed(f, "external", "baseline"))
            return False
        return True

    def policy(findings: Iterable[Finding]) -> list[Finding]:
        out = []
        for f in findings:
            if f.rule in overrides:
                f = replace(f, severity=overrides[f.rule])
            if keep(f):
                out.append(f)
        return out

    files = []
    for fr in result.files:
        findings = policy(fr.findings)
        if report_unused:
            unused = [u for d in by_path.get(fr.path, ()) if (u := unused_finding(d)) is not None]
            findings += [replace(u, severity=overrides[u.rule]) if u.rule in overrides else u for u in unused]
        findings = [f for f in findings if f.rule not in disabled and _rank(f.severity) <= floor]
        findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule, f.message))
        files.append(replace(fr, findings=tuple(findings)))
    cross = [f for f in policy(result.findings) if f.rule not in disabled and _rank(f.severity) <= floor]
    extra = dict(result.extra)
    extra["suppressed"] = tuple(s for s in suppressed if s.finding.rule not in disabled)
    if matcher is not None:
        extra["baseline_unused"] = matcher.unused()
    return replace(result, files=tuple(files), findings=tuple(cross), extra=extra)
