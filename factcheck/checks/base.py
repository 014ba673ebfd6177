"""What every check family shares: rule metadata and finding construction.

A check family is a module under ``factcheck.checks`` with:

- ``RULES``: the :class:`Rule` records it can emit (stable ids, never reused);
- ``check(doc, ref)`` for per-file checks, and/or ``check_run(docs, ref)`` for
  checks that look across the files of one run. Both yield :class:`Finding`
  and :class:`Verdict` objects (a verdict records that a claim agrees).

The checking core never formats output; reports do (see ``factcheck.report``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from factcheck.models import Claim, Finding, Location, Verdict

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Reference

Result = Finding | Verdict


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: str
    summary: str
    fail: str  # an example text the rule flags
    passes: str  # a similar text it accepts


class FileCheck(Protocol):
    RULES: Sequence[Rule]

    def check(self, doc: Document, ref: Reference) -> Iterable[Result]: ...


def claim_finding(rule: Rule, doc: Document, claim: Claim, message: str, *, expected: str | None = None,
                  actual: str | None = None, source: str | None = None, explanation: str = "",
                  others: Sequence[Location] = (), severity: str | None = None) -> Finding:
    """A finding located at ``claim``; ``others`` adds further locations after the claim's own."""
    here = Location(doc.path, claim.line, claim.column)
    return Finding(
        rule=rule.id, category=rule.category, severity=severity or rule.severity, message=message,
        path=doc.path, line=claim.line, column=claim.column, claim=claim.id, expected=expected,
        actual=actual, source=source, locations=(here, *others), explanation=explanation,
    )
