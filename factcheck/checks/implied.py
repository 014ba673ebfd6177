"""Implied figures: what a level and a change say together, and changes the reference implies.

FC103 implied-baseline (error; info when unchecked)
    A level and a change stated together imply the baseline: "降至38.6、比2014年下降57.6%" says
    2014 was 38.6 / (1 − 0.576) ≈ 91.0. Computed with intervals on the stated precision
    (38.6 = [38.55, 38.65], 57.6 % = [57.55, 57.65] → 2014 in [90.81, 91.26]) and compared
    with the reference fact for the baseline year (itself read at its own precision). A
    level and a change are paired when they stand in the same sentence with the same
    region, metric and year, and the change states a baseline year — unless the change
    already belongs to a from/to/delta phrase with a stated "from" (the arithmetic checks
    judge those). A change in the level's own unit (or in percentage points of a
    percentage) is absolute; "是2013年的1.9倍" is a multiple. When the reference has no
    fact for the baseline year, the implied value is reported as unchecked (info). No error
    is raised when a direct check already contradicts one of the two figures (FC101 on the
    level or the change, FC104 on the change): that finding names the cause.

    FAIL: 2019年,天津PM2.5平均浓度为51微克/立方米,比2013年下降30%。    (implies 2013 ≈ 72.9; reference 95.6)
    PASS: 2019年,天津PM2.5平均浓度为51微克/立方米,比2013年下降46.7%。  (implies 2013 ≈ 95.7)

FC104 change-vs-reference (error)
    A stated change compared with the change between the reference facts for its year and
    its baseline year, when the reference has no fact for that change itself (FC101 judges
    those). Both reference facts are read at their own precision (108 = [107.5, 108.5]), so
    rounding never counts as an error. A change that agrees only when a recorded variant
    (another publication's figure) replaces the official one is a warning.

    FAIL: 2022年,河北PM2.5平均浓度比2013年下降60%。  (36.8 vs 108 is −65.9 %)
    PASS: 2022年,河北PM2.5平均浓度比2013年下降65.9%。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from factcheck.checks.base import Result, Rule, claim_finding
from factcheck.checks.reference import agrees, claim_interval, stated_text
from factcheck.checks.reference import facts_for as direct_facts
from factcheck.interval import INF, Interval, fmt, point, stated
from factcheck.models import UNIT_PERCENT, UNIT_POINTS, Claim, Location, Verdict
from factcheck.numbers import bind_lazy, lazy_re

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Fact, Reference

IMPLIED_BASELINE = Rule(
    "FC103", "implied-baseline", "reference", "error",
    "A level and a change stated together imply a baseline value that contradicts the reference.",
    "2019年,天津PM2.5平均浓度为51微克/立方米,比2013年下降30%。",
    "2019年,天津PM2.5平均浓度为51微克/立方米,比2013年下降46.7%。",
)
CHANGE_VS_REFERENCE = Rule(
    "FC104", "change-vs-reference", "reference", "error",
    "A stated change contradicts the change between the reference facts for its two years.",
    "2022年,河北PM2.5平均浓度比2013年下降60%。",
    "2022年,河北PM2.5平均浓度比2013年下降65.9%。",
)
RULES = (IMPLIED_BASELINE, CHANGE_VS_REFERENCE)

HUNDRED = Decimal(100)
ONE = Decimal(1)


# ----------------------------------------------------------------------- helpers shared by the families


SCALED = Decimal(10000)  # from here on, trailing zeros are the 万/亿 scaling of a rounder figure


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last stated digit of ``value`` (108 -> 0.5, 38.6 -> 0.05).

    Trailing zeros of an integer below 10,000 are taken as stated (100 -> 0.5, not 50,
    and a normalized ``1E+2`` is no loose figure); from 10,000 on they are the scaling of
    a figure written with 万/亿 (10.4万亿 stored as 10400000000000 -> 0.05万亿).
    """
    if not value.is_finite():
        return Decimal(0)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent >= 0 and abs(value) >= SCALED:
        digits = str(abs(value).to_integral_value())
        exponent = len(digits) - len(digits.rstrip("0"))
    return Decimal(5).scaleb(min(exponent, 0) - 1 if abs(value) < SCALED else exponent - 1)


def fact_interval(value: Decimal, tolerance: Decimal | None, qualifier: str | None = None) -> Interval:
    """What a reference value stands for: its tolerance when it states one, else its own rounding
    (a qualified fact, "1亿多", is a bound)."""
    margin = tolerance if tolerance is not None else half_unit(value)
    return stated(value, margin, qualifier)


def claim_precision(claim: Claim) -> Decimal:
    """The claim's precision, or half a unit of its last digit when the extractor left it unset."""
    return claim.precision if claim.precision > 0 else half_unit(claim.value)


def signed_interval(claim: Claim) -> Interval:
    """The interval a claim admits (signed for changes), never a single point for a rounded figure."""
    if claim.precision > 0:
        return claim_interval(claim)
    iv = stated(claim.value, claim_precision(claim), claim.qualifier, claim.value_high)
    return -iv if claim.kind == "change" and claim.direction == "down" else iv


def metric_unit(ref: Reference, metric: str | None) -> str | None:
    if metric is None:
        return None
    from factcheck.units import canonical_unit

    m = ref.metrics.get(metric)
    return canonical_unit(m.unit) if m is not None else None


def change_mode(change: Claim, level_unit: str | None) -> str | None:
    """How a change relates two levels: "relative" (%), "absolute" (same unit / points), "multiple"."""
    if change.kind == "multiple":
        return "multiple"
    if change.unit == UNIT_POINTS:
        return "absolute" if level_unit == UNIT_PERCENT else None
    if change.unit == UNIT_PERCENT:
        return "relative"  # of a percentage too: "下降5%" is relative by the letter
    if change.unit is not None and change.unit == level_unit:
        return "absolute"
    return None


def describe_key(ref: Reference, region: str | None, metric: str | None) -> str:
    region_name = ref.display_name("region", region) if region else "?"
    metric_name = ref.display_name("metric", metric) if metric else "?"
    return f"{region_name} {metric_name}"


def level_facts(ref: Reference, region: str, metric: str, year: int, unit: str | None) -> tuple[Fact, ...]:
    from factcheck.units import same_unit

    facts = ref.facts_for(region, metric, year)
    return tuple(f for f in facts if unit is None or same_unit(f.unit, unit))


def places_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def round_to(value: Decimal, places: int) -> str:
    """``value`` with exactly ``places`` decimals (91.0 stays 91.0: the digits say how precise it is)."""
    if not value.is_finite():
        return fmt(value)
    try:
        return str(value.quantize(Decimal(1).scaleb(-places)))
    except InvalidOperation:  # more digits than the context holds
        return fmt(value)


def quantum_of(claim: Claim) -> Decimal:
    """One digit finer than the claim's last stated digit (38.6 -> 0.01; 4.38万亿 -> 10亿)."""
    return (claim_precision(claim) * 2 / 10).normalize()


def fine_quantum(claim: Claim) -> Decimal:
    """For intervals, fine enough that two which do not overlap do not look as if they did."""
    q = quantum_of(claim)
    return min(q, Decimal("0.01")) if q < 1 else q / 10


def show(value: Decimal, quantum: Decimal) -> str:
    """``value`` rounded to ``quantum``: decimals kept below 1, plain digits above (no exponent)."""
    if not value.is_finite():
        return fmt(value)
    try:
        rounded = value.quantize(quantum)
    except InvalidOperation:
        return fmt(value)
    return str(rounded) if quantum < 1 else fmt(rounded)


def show_interval(iv: Interval, quantum: Decimal) -> str:
    return f"[{show(iv.lo, quantum)}, {show(iv.hi, quantum)}]"


def loc(claim: Claim) -> Location:
    return Location(claim.path, claim.line, claim.column)


# ---------------------------------------------------------------------------------- computations


UNBOUNDED = Interval(-INF, INF)


def implied_baseline(level: Interval, change: Interval, mode: str) -> Interval:
    """The baseline a level at the later year and a change since the baseline imply."""
    try:
        if mode == "relative":
            return level / (point(ONE) + change / point(HUNDRED))
        if mode == "absolute":
            return level - change
        return level / change  # multiple
    except InvalidOperation:  # an open bound met a zero (inf × 0): nothing can be said
        return UNBOUNDED


def change_between(later: Interval, base: Interval, mode: str) -> Interval:
    """The change from ``base`` to ``later`` in the given mode (signed for relative/absolute)."""
    try:
        if mode == "relative":
            return (later / base - point(ONE)) * point(HUNDRED)
        if mode == "absolute":
            return later - base
        return later / base
    except InvalidOperation:
        return UNBOUNDED


def _formula(mode: str) -> str:
    return {
        "relative": "baseline = level / (1 + change / 100)",
        "absolute": "baseline = level − change",
        "multiple": "baseline = level / factor",
    }[mode]


@dataclass(frozen=True)
class RefChange:
    """The change the reference implies between two years, and what it was computed from."""

    interval: Interval
    later: Fact
    base: Fact
    later_value: Decimal
    base_value: Decimal
    variant_source: str | None  # set when a variant value replaced an official one


def reference_changes(ref: Reference, claim: Claim, mode: str, unit: str | None) -> list[RefChange]:
    """Official first, then every combination with recorded variants."""
    assert claim.region and claim.metric and claim.year is not None and claim.baseline_year is not None
    out: list[RefChange] = []
    later_facts = level_facts(ref, claim.region, claim.metric, claim.year, unit)
    base_facts = level_facts(ref, claim.region, claim.metric, claim.baseline_year, unit)
    if not later_facts or not base_facts:
        return out
    later, base = later_facts[0], base_facts[0]
    later_values = [(later.value, None, later.qualifier)] + [(v.value, v.source, None) for v in later.variants]
    base_values = [(base.value, None, base.qualifier)] + [(v.value, v.source, None) for v in base.variants]
    for lv, lsrc, lq in later_values:
        for bv, bsrc, bq in base_values:
            iv = change_between(fact_interval(lv, later.tolerance, lq), fact_interval(bv, base.tolerance, bq), mode)
            out.append(RefChange(iv, later, base, lv, bv, lsrc or bsrc))
    return out


def _comparable_change(claim: Claim) -> bool:
    """A change (or multiple) with a region, a metric, a year and a distinct baseline year, and a direction."""
    if claim.kind not in ("change", "multiple") or claim.baseline_year is None or claim.year is None:
        return False
    if claim.region is None or claim.metric is None or claim.baseline_year == claim.year:
        return False
    return not (claim.kind == "change" and claim.direction is None)


def change_verdict(ref: Reference, claim: Claim, unit: str | None) -> tuple[str, list[RefChange]] | None:
    """FC104's judgement of a change claim: ("agrees" | "variant" | "contradicts", computed changes).

    None when FC104 does not apply (no baseline, a direct change fact exists, facts missing).
    """
    if not _comparable_change(claim):
        return None
    mode = change_mode(claim, unit)
    if mode is None:
        return None
    if claim.kind == "change" and direct_facts(claim, ref):
        return None  # FC101 judges it against the direct change fact
    changes = reference_changes(ref, claim, mode, unit)
    if not changes or not (changes[0].interval.lo.is_finite() and changes[0].interval.hi.is_finite()):
        return None  # no facts, or a relative change from a baseline of 0: nothing to compare
    stated_iv = signed_interval(claim)
    if stated_iv.overlaps(changes[0].interval):
        return "agrees", changes
    if any(stated_iv.overlaps(c.interval) for c in changes[1:]):
        return "variant", changes
    return "contradicts", changes


# ------------------------------------------------------------------------------------------ FC104


# "增长1.9倍" is read both as "1.9 times as much" and as "1.9 times more" (2.9×): not checkable.
AMBIGUOUS_MULTIPLE = lazy_re(r"(?:增长|增加|提高|上升|扩大|增|涨|多)了?\s*$")


def usable(doc: Document, claim: Claim) -> bool:
    """False for a multiple whose reading is ambiguous ("增长2倍", "a two-fold increase")."""
    if claim.kind != "multiple":
        return True
    before = doc.norm.text[max(0, claim.nstart - 4): claim.nstart]
    return not AMBIGUOUS_MULTIPLE.search(before) and "fold" not in claim.quote.lower()


def _check_changes(doc: Document, ref: Reference) -> Iterator[Result]:
    for claim in doc.claims:
        if not usable(doc, claim):
            continue
        unit = metric_unit(ref, claim.metric)
        judged = change_verdict(ref, claim, unit)
        if judged is None:
            continue
        status, changes = judged
        official = changes[0]
        mode = change_mode(claim, unit)
        assert mode is not None
        ref_text = _ref_change_text(official, mode, claim)
        what = (f"{describe_key(ref, claim.region, claim.metric)}, {claim.year} vs {claim.baseline_year}")
        if status == "agrees":
            yield Verdict(claim.id, "agrees", f"reference {ref_text} ({official.later.source}; {official.base.source})")
            continue
        stated_iv = signed_interval(claim)
        q = fine_quantum(claim)
        explanation = (
            f"claimed {stated_text(claim)} stands for {show_interval(stated_iv, q)}; the reference has "
            f"{claim.year} = {fmt(official.later_value)} ({ref.where(official.later)}) and "
            f"{claim.baseline_year} = {fmt(official.base_value)} ({ref.where(official.base)}); "
            f"read at their precision they give {_mode_name(mode)} {show_interval(official.interval, q)}, "
            f"which does not overlap the claim"
        )
        sources = f"{official.later.source}; {official.base.source}"
        if status == "variant":
            match = next(c for c in changes[1:] if stated_iv.overlaps(c.interval))
            yield claim_finding(
                CHANGE_VS_REFERENCE, doc, claim,
                f"{what}: {stated_text(claim)} matches only the variant figures of {match.variant_source} "
                f"({fmt(match.later_value)} vs {fmt(match.base_value)}), the official figures give {ref_text}",
                expected=ref_text, actual=stated_text(claim), source=sources, severity="warning",
                explanation=explanation + f"; with the variant it is {show_interval(match.interval, q)}",
            )
            yield Verdict(claim.id, "doubtful", f"matches variant figures ({match.variant_source})")
            continue
        yield claim_finding(
            CHANGE_VS_REFERENCE, doc, claim,
            f"{what}: text says {stated_text(claim)}, the reference figures "
            f"({fmt(official.later_value)} in {claim.year}, {fmt(official.base_value)} in {claim.baseline_year}) "
            f"give {ref_text}",
            expected=ref_text, actual=stated_text(claim), source=sources, explanation=explanation,
        )
        yield Verdict(claim.id, "contradicts", f"reference figures give {ref_text}")


def _mode_name(mode: str) -> str:
    return {"relative": "a change of", "absolute": "a difference of", "multiple": "a factor of"}[mode]


def _ref_change_text(change: RefChange, mode: str, claim: Claim) -> str:
    if mode != "absolute" and change.base_value == 0:
        return f"no {'factor' if mode == 'multiple' else 'relative change'} (the {claim.baseline_year} value is 0)"
    if mode == "multiple":
        value = change.later_value / change.base_value
        return f"{round_to(value, places_of(claim.value) + 1)}×"
    if mode == "relative":
        value = (change.later_value / change.base_value - ONE) * HUNDRED
        unit = " %"
    else:
        value = change.later_value - change.base_value
        unit = f" {claim.unit}" if claim.unit else ""
    text = round_to(value, max(places_of(claim.value), 1))
    return (text if value < 0 else "+" + text) + unit


# ------------------------------------------------------------------------------------------ FC103


def _pairable_change(claim: Claim, by_id: dict[str, Claim]) -> bool:
    if not _comparable_change(claim):
        return False
    # Part of a from/to/delta phrase with a stated "from": the arithmetic checks judge it.
    return not any(by_id[r].role == "from" for r in claim.related if r in by_id)


def _pairs(doc: Document, ref: Reference) -> Iterator[tuple[Claim, Claim]]:
    """(level, change) pairs of one sentence with the same region, metric and year.

    A sentence with two different levels for one key (or two different changes for one
    key and baseline) is ambiguous ("分别为…") and yields nothing for that key.
    """
    by_id = {c.id: c for c in doc.claims}
    levels: dict[tuple[int, str, str, int], list[Claim]] = {}
    changes: dict[tuple[int, str, str, int], list[Claim]] = {}
    for c in doc.claims:
        if c.region is None or c.metric is None or c.year is None:
            continue
        key = (c.sentence_index, c.region, c.metric, c.year)
        if c.kind == "level" and c.role != "from" and c.unit == metric_unit(ref, c.metric):
            levels.setdefault(key, []).append(c)
        elif _pairable_change(c, by_id) and usable(doc, c):
            changes.setdefault(key, []).append(c)
    for key, group in changes.items():
        found = levels.get(key, [])
        if not found or len({(lv.value, lv.value_high, lv.qualifier) for lv in found}) > 1:
            continue
        level = found[0]
        per_baseline: dict[tuple[int | None, str | None, str], list[Claim]] = {}
        for ch in group:
            per_baseline.setdefault((ch.baseline_year, ch.unit, ch.kind), []).append(ch)
        for same in per_baseline.values():
            if len({(ch.value, ch.direction, ch.value_high) for ch in same}) == 1:
                yield level, same[0]


def _contradicted_directly(ref: Reference, level: Claim, change: Claim, unit: str | None) -> bool:
    """Does FC101 or FC104 already contradict one of the two figures?"""
    for claim in (level, change):
        for fact in direct_facts(claim, ref):
            if not agrees(claim, fact.value, fact.tolerance):
                return True
    judged = change_verdict(ref, change, unit)
    return judged is not None and judged[0] != "agrees"


def _check_implied(doc: Document, ref: Reference) -> Iterator[Result]:
    for level, change in _pairs(doc, ref):
        assert level.region and level.metric and change.baseline_year is not None
        unit = metric_unit(ref, level.metric)
        mode = change_mode(change, unit)
        if mode is None:
            continue
        level_iv = signed_interval(level)
        change_iv = signed_interval(change)
        implied = implied_baseline(level_iv, change_iv, mode)
        if implied.lo == -INF or implied.hi == INF:
            continue  # an open bound ("超过", "不到") implies nothing useful
        mid = implied_baseline(point(level.value), point(_signed_value(change)), mode)
        approx = show(mid.lo, quantum_of(level))
        q = fine_quantum(level)
        what = describe_key(ref, level.region, level.metric)
        stated_pair = f"{stated_text(level)} in {level.year} and {stated_text(change)} vs {change.baseline_year}"
        explanation = (
            f"{stated_text(level)} stands for {show_interval(level_iv, q)}, {stated_text(change)} for "
            f"{show_interval(change_iv, fine_quantum(change))}; {_formula(mode)} = {show_interval(implied, q)}"
        )
        facts = level_facts(ref, level.region, level.metric, change.baseline_year, unit)
        others = (loc(level),) if (level.line, level.column) != (change.line, change.column) else ()
        if not facts:
            yield claim_finding(
                IMPLIED_BASELINE, doc, change,
                f"{what}: {stated_pair} imply {change.baseline_year} ≈ {approx} "
                f"({show_interval(implied, q)}); the reference has no {change.baseline_year} figure to compare",
                actual=approx, explanation=explanation + f"; no reference fact for {change.baseline_year}",
                others=others, severity="info",
            )
            continue
        fact = facts[0]
        fact_iv = fact_interval(fact.value, fact.tolerance, fact.qualifier)
        fact_unit = f" {fact.unit}" if fact.unit else ""
        if implied.overlaps(fact_iv):
            yield Verdict(change.id, "agrees",
                          f"implies {change.baseline_year} ≈ {approx}; reference {fmt(fact.value)}{fact_unit}")
            continue
        if _contradicted_directly(ref, level, change, unit):
            continue
        yield claim_finding(
            IMPLIED_BASELINE, doc, change,
            f"{what}: {stated_pair} imply {change.baseline_year} ≈ {approx} ({show_interval(implied, q)}), "
            f"but the reference has {fmt(fact.value)}{fact_unit} for {change.baseline_year}",
            expected=fmt(fact.value), actual=approx, source=fact.source, others=others,
            explanation=explanation + (
                f"; the reference {change.baseline_year} value {fmt(fact.value)}{fact_unit} "
                f"({ref.where(fact)}) stands for {show_interval(fact_iv, q)}, outside it"),
        )
        yield Verdict(change.id, "contradicts", f"implies {change.baseline_year} ≈ {approx}, "
                                                f"reference {fmt(fact.value)}{fact_unit} ({fact.source})")


def _signed_value(claim: Claim) -> Decimal:
    return -claim.value if claim.kind == "change" and claim.direction == "down" else claim.value


def check(doc: Document, ref: Reference) -> Iterator[Result]:
    yield from _check_implied(doc, ref)
    yield from _check_changes(doc, ref)


bind_lazy(globals())
