"""Cross-source: the same figure stated differently in two places of one run.

FC601 cross-source-conflict (error)
    Claims with the same region, metric, year, kind, baseline year and unit whose stated
    values cannot all be true beyond rounding (their intervals have no common point),
    across the files of one run or within one file. One finding lists every location of
    the figure; when the reference holds the figure, the explanation says which value it
    supports. Figures that agree in two or more places are confirmations (a "confirmed"
    verdict for each, naming the other places).

    A sentence about part of a year (1—11月, 一季度, 冬奥会期间, "during", "first half") is left
    out: its figures are not the annual ones the metric names.
    Two figures of one key in ONE sentence ("三地PM2.5分别为32、41、38.6" resolved to one
    region) are a resolution ambiguity, not a conflict: such a sentence is left out.
    Grouping is by key in a dict, so the check is linear in the number of claims.

    FAIL: a.txt "2023年,河北PM2.5平均浓度为38.6微克/立方米。"  b.txt "2023年,河北PM2.5平均浓度为36.8微克/立方米。"
    PASS: a.txt "2023年,河北PM2.5平均浓度为38.6微克/立方米。"  b.txt "2023年,河北PM2.5平均浓度约为39微克/立方米。"
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.checks.base import Result, Rule
from factcheck.checks.implied import describe_key, fact_interval, fine_quantum, show, show_interval, signed_interval
from factcheck.checks.reference import stated_text
from factcheck.interval import Interval, fmt
from factcheck.models import Claim, Finding, Location, Verdict
from factcheck.numbers import bind_lazy, lazy_re

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Reference

CONFLICT = Rule(
    "FC601", "cross-source-conflict", "cross-source", "error",
    "The same figure (region, metric, year) is stated with values that cannot both be true.",
    "a.txt: 2023年,河北PM2.5平均浓度为38.6微克/立方米。 b.txt: 2023年,河北PM2.5平均浓度为36.8微克/立方米。",
    "a.txt: 2023年,河北PM2.5平均浓度为38.6微克/立方米。 b.txt: 2023年,河北PM2.5平均浓度约为39微克/立方米。",
)
RULES = (CONFLICT,)

MAX_LISTED = 5  # locations named per value in a message or a verdict

Key = tuple[str, str, int, str, int | None, str | None]


@dataclass(frozen=True)
class _Place:
    path: str
    claim: Claim
    interval: Interval

    @property
    def where(self) -> str:
        return f"{self.path}:{self.claim.line}:{self.claim.column}"

    @property
    def location(self) -> Location:
        return Location(self.path, self.claim.line, self.claim.column)


# A figure for part of a year (1—11月, 一季度, 冬奥会期间, "in the first half") is not the annual figure
# its metric may have been resolved to; such claims are left out rather than reported as conflicts.
PARTIAL_PERIOD = lazy_re(
    r"\d{1,2}\s*[—–\-~至到]\s*\d{1,2}\s*月|[一二三四1-4]\s*季度|上半年|下半年|前三季度|期间|采暖季|供暖季|秋冬季"
    r"|\b(?:first|second|third|fourth)\s+(?:half|quarter)\b|\bduring\b|\bheating season\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s*[-–]\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)


def _partial_period(sentence: str, memo: dict[str, bool] | None = None) -> bool:
    """PARTIAL_PERIOD in the sentence; ``memo`` (one per document: a corpus repeating its articles must not be
    faster than an archive) asks once per sentence, not once per claim of it."""
    if memo is None:
        return PARTIAL_PERIOD.search(sentence) is not None
    found = memo.get(sentence)
    if found is None:
        found = memo[sentence] = PARTIAL_PERIOD.search(sentence) is not None
    return found


def _unit(unit: str | None) -> str | None:
    """The unit a figure is compared in: 公里 and km are one unit across articles."""
    from factcheck.units import unit_spelling

    return None if unit is None else unit_spelling(unit)


def claim_key(claim: Claim, memo: dict[str, bool] | None = None) -> Key | None:
    """The identity of the figure a claim states, or None when it is not pinned down (``memo``: see
    :func:`_partial_period`)."""
    if claim.region is None or claim.metric is None or claim.year is None:
        return None
    if _partial_period(claim.sentence, memo):
        return None
    if claim.kind == "level":
        return (claim.region, claim.metric, claim.year, "level", None, _unit(claim.unit))
    if claim.kind in ("change", "multiple") and claim.baseline_year is not None:
        if claim.kind == "change" and claim.direction is None:
            return None
        return (claim.region, claim.metric, claim.year, claim.kind, claim.baseline_year, _unit(claim.unit))
    return None


def _unambiguous(places: list[_Place]) -> list[_Place]:
    """One place per sentence; a sentence holding two different values for the key is dropped."""
    per_sentence: dict[tuple[str, int], list[_Place]] = {}
    for p in places:
        per_sentence.setdefault((p.path, p.claim.sentence_index), []).append(p)
    out = []
    for same in per_sentence.values():
        if len({p.interval for p in same}) == 1:
            out.append(same[0])
    return out


def _listing(places: Sequence[_Place]) -> str:
    shown = ", ".join(p.where for p in places[:MAX_LISTED])
    more = len(places) - MAX_LISTED
    return shown + (f" (+{more} more)" if more > 0 else "")


def _what(ref: Reference, key: Key) -> str:
    region, metric, year, kind, baseline, _ = key
    text = f"{describe_key(ref, region, metric)}, {year}"
    return text + (f" vs {baseline}" if kind != "level" else "")


def _reference_note(ref: Reference, key: Key, values: list[tuple[str, Interval]]) -> str:
    region, metric, year, kind, baseline, unit = key
    if kind == "level":
        facts = ref.facts_for(region, metric, year)
    elif kind == "change":
        facts = ref.facts_for(region, metric, year, kind="change", baseline_year=baseline)
    else:
        return ""
    from factcheck.units import same_unit

    facts = tuple(f for f in facts if same_unit(f.unit, unit))
    if not facts:
        return "; the reference has no figure for it"
    fact = facts[0]
    fiv = fact_interval(fact.value, fact.tolerance, fact.qualifier)
    supported = [text for text, iv in values if iv.overlaps(fiv)]
    verdict = f"it supports {', '.join(supported)}" if supported else "it supports none of them"
    return f"; the reference has {fmt(fact.value)} ({fact.source}, {ref.where(fact)}): {verdict}"


def _conflict(ref: Reference, key: Key, places: list[_Place]) -> Finding:
    by_value: dict[str, list[_Place]] = {}
    intervals: dict[str, Interval] = {}
    q = min(fine_quantum(p.claim) for p in places)
    for p in places:
        text = stated_text(p.claim)
        by_value.setdefault(text, []).append(p)
        intervals.setdefault(text, p.interval)
    values = list(by_value.items())
    listed = "; ".join(f"{text} at {_listing(ps)}" for text, ps in values[:MAX_LISTED])
    if len(values) > MAX_LISTED:
        listed += f"; {len(values) - MAX_LISTED} other values"
    first = places[0]
    lo = max(p.interval.lo for p in places)
    hi = min(p.interval.hi for p in places)
    explanation = (
        "; ".join(f"{text} stands for {show_interval(intervals[text], q)}" for text, _ in values[:MAX_LISTED])
        + f"; no value lies in all of them (highest lower bound {show(lo, q)} > lowest upper bound {show(hi, q)})"
        + _reference_note(ref, key, [(t, intervals[t]) for t, _ in values[:MAX_LISTED]])
    )
    return Finding(
        rule=CONFLICT.id, category=CONFLICT.category, severity=CONFLICT.severity,
        message=f"{_what(ref, key)}: sources disagree: {listed}",
        path=first.path, line=first.claim.line, column=first.claim.column, claim=first.claim.id,
        actual=", ".join(text for text, _ in values[:MAX_LISTED]), locations=tuple(p.location for p in places),
        explanation=explanation,
    )


def _confirmations(places: list[_Place]) -> Iterator[Verdict]:
    """A "confirmed" verdict per place, naming at most MAX_LISTED others (linear in the group)."""
    head = places[: MAX_LISTED + 1]
    for p in places:
        others = [q for q in head if q is not p][:MAX_LISTED]
        more = len(places) - 1 - len(others)
        detail = "also at " + ", ".join(q.where for q in others) + (f" (+{more} more)" if more > 0 else "")
        yield Verdict(f"{p.path}#{p.claim.id}", "confirmed", detail)


def check_run(docs: Sequence[Document], ref: Reference) -> Iterator[Result]:
    groups: dict[Key, list[_Place]] = {}
    for doc in docs:
        memo: dict[str, bool] = {}
        for claim in doc.claims:
            key = claim_key(claim, memo)
            if key is not None:
                groups.setdefault(key, []).append(_Place(doc.path, claim, signed_interval(claim)))
    for key, found in groups.items():
        places = sorted(_unambiguous(found), key=lambda p: (p.path, p.claim.line, p.claim.column))
        if len(places) < 2:
            continue
        lo = max(p.interval.lo for p in places)
        hi = min(p.interval.hi for p in places)
        if lo <= hi:
            yield from _confirmations(places)
        else:
            yield _conflict(ref, key, places)


bind_lazy(globals())
