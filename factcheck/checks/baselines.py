"""Baselines: changes that cannot be compared, and changes compared with nothing.

FC501 mixed-baselines (warning)
    Changes of one metric set side by side (in one paragraph) for different regions
    measured from different baseline years: "河北…比2014年下降57.6%;天津…比2013年下降57%"
    invites the reader to compare 57.6 with 57, but the two falls start from different
    years. One finding lists every change involved. Different baselines for the SAME
    region ("比2013年下降64%,比2022年上升6.7%") are two distinct statements and pass.
    Changes whose metric is unknown are compared only within one sentence and one unit.

    FAIL: 2023年,河北PM2.5平均浓度比2014年下降57.6%;天津PM2.5平均浓度比2013年下降57%。
    PASS: 2023年,河北PM2.5平均浓度比2013年下降64.3%;天津PM2.5平均浓度比2013年下降57%。

FC502 no-baseline (info)
    A change with no stated baseline year, no "from" figure in its phrase, no since-anchor
    or span (以来, 十年来, over the past decade) and no 同比 / 环比 / 比上年 / year-on-year
    comparison cannot be checked: it is reported as unchecked so that an editor can add the
    baseline. Targets and forecasts (力争 / 预计 / will …) are measured from now and pass.

    FAIL: 河北PM2.5平均浓度下降了30%。
    PASS: 河北PM2.5平均浓度比2013年下降了30%。
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factcheck.checks.base import Result, Rule, claim_finding
from factcheck.checks.dates import FUTURE_MARKERS
from factcheck.checks.reference import stated_text
from factcheck.models import Claim, Location
from factcheck.numbers import bind_lazy, lazy_re

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Reference

MIXED = Rule(
    "FC501", "mixed-baselines", "baseline", "warning",
    "Changes set side by side are measured from different baseline years, so they are not comparable.",
    "2023年,河北PM2.5平均浓度比2014年下降57.6%;天津PM2.5平均浓度比2013年下降57%。",
    "2023年,河北PM2.5平均浓度比2013年下降64.3%;天津PM2.5平均浓度比2013年下降57%。",
)
NO_BASELINE = Rule(
    "FC502", "no-baseline", "baseline", "info",
    "A change states no baseline year and no year-on-year comparison: it cannot be checked.",
    "河北PM2.5平均浓度下降了30%。",
    "河北PM2.5平均浓度比2013年下降了30%。",
)
RULES = (MIXED, NO_BASELINE)

# A comparison that names its baseline without a year: 同比, 比上年, 较去年同期, "十三五"末, year on year, ...
IMPLICIT_BASELINE = lazy_re(
    r"以来|\bsince\b|同比|环比|比上|较上|比去年|较去年|比前|较前|上年|去年同期|上年同期|上月|上季|比[^,，。;；]{0,8}末"
    r"|较[^,，。;；]{0,8}末|年初|年底相比|同期相比"
    r"|\b(?:year|month|quarter|week)[- ]on[- ](?:year|month|quarter|week)\b|\by/y\b|\byoy\b|\bm/m\b"
    r"|\b(?:from|than|over|on|compared (?:with|to)|versus|vs\.?)\s+(?:a|the|one)\s+(?:year|month|quarter)"
    r"\s+(?:earlier|ago|before)\b"
    r"|\b(?:from|than|over|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?(?:previous|prior|last|preceding)"
    r"\s+(?:year|month|quarter)\b",
    re.IGNORECASE,
)


def _paragraph(doc: Document, claim: Claim) -> int:
    if 0 <= claim.sentence_index < len(doc.sentences):
        return doc.sentences[claim.sentence_index].paragraph
    return -1 - claim.sentence_index  # no sentence: a paragraph of its own


def _change_text(claim: Claim, ref: Reference) -> str:
    region = ref.display_name("region", claim.region) if claim.region else "?"
    return f"{region} {stated_text(claim)} vs {claim.baseline_year} (line {claim.line})"


def check_mixed(doc: Document, ref: Reference) -> Iterator[Result]:
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in doc.claims:
        if c.kind != "change" or c.baseline_year is None or c.region is None or c.baseline_year == c.year:
            continue
        para = _paragraph(doc, c)
        key: tuple[object, ...] = (para, c.metric) if c.metric else (para, None, c.sentence_index, c.unit)
        groups.setdefault(key, []).append(c)
    for group in groups.values():
        involved: dict[str, Claim] = {}
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.region != b.region and a.baseline_year != b.baseline_year:
                    involved[a.id] = a
                    involved[b.id] = b
        if not involved:
            continue
        claims = sorted(involved.values(), key=lambda c: (c.line, c.column))
        first = claims[0]
        metric = ref.display_name("metric", first.metric) if first.metric else "changes"
        baselines = sorted({c.baseline_year for c in claims if c.baseline_year is not None})
        listed = "; ".join(_change_text(c, ref) for c in claims)
        yield claim_finding(
            MIXED, doc, first,
            f"{metric}: changes measured from different baseline years "
            f"({', '.join(map(str, baselines))}) set side by side are not comparable: {listed}",
            others=tuple(Location(doc.path, c.line, c.column) for c in claims[1:]),
            explanation=(
                "each change is relative to its own baseline year: "
                + "; ".join(f"{stated_text(c)} for {ref.display_name('region', c.region) if c.region else '?'} "
                            f"compares {c.year if c.year is not None else '?'} with {c.baseline_year}"
                            for c in claims)
                + "; a reader comparing the percentages compares different periods"
            ),
        )


def _has_from(claim: Claim, by_id: dict[str, Claim]) -> bool:
    return any(by_id[r].role == "from" for r in claim.related if r in by_id)


def _implicit_baseline(doc: Document, claim: Claim) -> bool:
    """Does the text before the change (in its sentence) name a baseline without a year?"""
    if not 0 <= claim.sentence_index < len(doc.sentences):
        return bool(IMPLICIT_BASELINE.search(claim.sentence))
    sentence = doc.sentences[claim.sentence_index]
    if IMPLICIT_BASELINE.search(sentence.text):
        return True
    # A plan period, since-anchor or span in its sentence ("比'十三五'末", "自…以来", "十年降逾六成").
    return any(
        t.kind in ("plan", "since", "span", "ago") and sentence.start <= t.start < sentence.end
        for t in doc.extraction.times
    )


def check_no_baseline(doc: Document) -> Iterator[Result]:
    by_id = {c.id: c for c in doc.claims}
    for c in doc.claims:
        if c.kind != "change" or c.baseline_year is not None or c.comparison is not None:
            continue
        if _has_from(c, by_id) or _implicit_baseline(doc, c):
            continue
        if FUTURE_MARKERS.search(c.sentence):
            continue  # a target or forecast ("力争再降3%") is measured from now
        yield claim_finding(
            NO_BASELINE, doc, c,
            f"change {stated_text(c)} states no baseline (no year, no 同比/year-on-year): unchecked",
            actual=stated_text(c),
            explanation="a change is checkable only against a baseline; none is stated in its phrase or sentence",
        )


def check(doc: Document, ref: Reference) -> Iterator[Result]:
    yield from check_mixed(doc, ref)
    yield from check_no_baseline(doc)


bind_lazy(globals())
