"""Reference checks: a claim against the curated facts of ``claims.yaml``.

FC101 reference-mismatch (error)
    A claim whose region, metric and year (and for a change, baseline year) match a
    reference fact, with a value the fact cannot round to. Unless the fact states a
    ``tolerance``, a claim agrees when the reference value rounds to the claim at the
    claim's own precision (32 agrees with 32.4; 38.6 does not agree with 38.2).
    Qualifiers are bounds: "149万余" agrees with any value from 1,490,000 up.

    FAIL: 2023年,河北PM2.5平均浓度为38.2微克/立方米。   (reference: 38.6)
    PASS: 2023年,河北PM2.5平均浓度为38.6微克/立方米。

FC102 reference-variant (warning)
    The claim disagrees with the official figure but matches a variant the reference
    records from another publication (e.g. Greenpeace's 90.1 vs the official 89.5).

    FAIL: In 2013 Beijing's average PM2.5 concentration was 90.1 micrograms per cubic meter.
    PASS: In 2013 Beijing's average PM2.5 concentration was 89.5 micrograms per cubic meter.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck.checks.base import Result, Rule, claim_finding
from factcheck.interval import Interval, fmt, stated
from factcheck.models import Claim, Verdict
from factcheck.units import same_unit

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Fact, Reference

MISMATCH = Rule(
    "FC101", "reference-mismatch", "reference", "error",
    "A figure contradicts the reference fact for the same region, metric and year.",
    "2023年,河北PM2.5平均浓度为38.2微克/立方米。", "2023年,河北PM2.5平均浓度为38.6微克/立方米。",
)
VARIANT = Rule(
    "FC102", "reference-variant", "reference", "warning",
    "A figure matches a non-official variant recorded in the reference, not the official value.",
    "In 2013 Beijing's average PM2.5 concentration was 90.1 micrograms per cubic meter.",
    "In 2013 Beijing's average PM2.5 concentration was 89.5 micrograms per cubic meter.",
)
RULES = (MISMATCH, VARIANT)


def signed(claim: Claim) -> Decimal:
    return -claim.value if claim.direction == "down" else claim.value


def claim_interval(claim: Claim) -> Interval:
    """What the claim admits, as a signed value for changes."""
    iv = stated(claim.value, claim.precision, claim.qualifier, claim.value_high)
    return -iv if claim.kind == "change" and claim.direction == "down" else iv


def agrees(claim: Claim, value: Decimal, tolerance: Decimal | None, fact_qualifier: str | None = None) -> bool:
    """The claim admits the fact's value; a fact published as a bound ("over 11,000 km") is an interval too."""
    iv = claim_interval(claim)
    if tolerance is not None:
        iv = Interval(iv.lo - tolerance, iv.hi + tolerance)
    if fact_qualifier is None:
        return iv.contains(value)
    return iv.overlaps(stated(value, Decimal(0), fact_qualifier))


def facts_for(claim: Claim, ref: Reference) -> tuple[Fact, ...]:
    if claim.region is None or claim.metric is None or claim.year is None:
        return ()
    if claim.kind == "level":
        facts = ref.facts_for(claim.region, claim.metric, claim.year)
    elif claim.kind == "change" and claim.baseline_year is not None:
        facts = ref.facts_for(claim.region, claim.metric, claim.year, kind="change",
                              baseline_year=claim.baseline_year)
    else:
        return ()
    return tuple(f for f in facts if same_unit(f.unit, claim.unit))


def describe_claim(claim: Claim, ref: Reference) -> str:
    region = ref.display_name("region", claim.region)
    metric = ref.display_name("metric", claim.metric)
    if claim.kind == "change":
        return f"{region} {metric}, {claim.year} vs {claim.baseline_year}"
    return f"{region} {metric}, {claim.year}"


def stated_text(claim: Claim) -> str:
    sign = "-" if claim.kind == "change" and claim.direction == "down" else ""
    value = sign + fmt(claim.value)
    if claim.value_high is not None:
        value += f"–{fmt(claim.value_high)}"
    unit = f" {claim.unit}" if claim.unit else ""
    qual = f" ({claim.qualifier})" if claim.qualifier else ""
    return f"{value}{unit}{qual}"


def check(doc: Document, ref: Reference) -> Iterator[Result]:
    for claim in doc.claims:
        for fact in facts_for(claim, ref):
            yield from _judge(doc, ref, claim, fact)


def _judge(doc: Document, ref: Reference, claim: Claim, fact: Fact) -> Iterator[Result]:
    unit = f" {fact.unit}" if fact.unit else ""
    what = describe_claim(claim, ref)
    tol = f" ± {fmt(fact.tolerance)}" if fact.tolerance is not None else ""
    if agrees(claim, fact.value, fact.tolerance, fact.qualifier):
        yield Verdict(claim.id, "agrees", f"reference {fmt(fact.value)}{unit}{tol} ({fact.source})")
        return
    interval = claim_interval(claim)
    explanation = (
        f"claimed {stated_text(claim)} stands for {interval.describe(4)}"
        f"{' widened by the tolerance' + tol if tol else ''}; "
        f"reference {fmt(fact.value)}{unit} ({ref.where(fact)}) lies outside it"
    )
    for variant in fact.variants:
        # A variant from a low-quality page is no excuse: matching it is still a contradiction.
        if variant.quality != "low" and agrees(claim, variant.value, fact.tolerance):
            yield claim_finding(
                VARIANT, doc, claim,
                f"{what}: {stated_text(claim)} matches the variant published by {variant.source}, "
                f"not the official {fmt(fact.value)}{unit}",
                expected=fmt(fact.value), actual=fmt(signed(claim)), source=fact.source,
                explanation=explanation + f"; it matches the variant {fmt(variant.value)}{unit}",
            )
            yield Verdict(claim.id, "doubtful", f"matches variant {fmt(variant.value)} ({variant.source})")
            return
    yield claim_finding(
        MISMATCH, doc, claim,
        f"{what}: text says {stated_text(claim)}, reference says {fmt(fact.value)}{unit}",
        expected=fmt(fact.value), actual=fmt(signed(claim)), source=fact.source, explanation=explanation,
    )
    yield Verdict(claim.id, "contradicts", f"reference {fmt(fact.value)}{unit} ({fact.source})")
