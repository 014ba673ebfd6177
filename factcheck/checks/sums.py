"""Sum checks: a whole and the parts the text breaks it into.

A breakdown is a whole followed by a marker and its parts, all levels in the same unit:

- ``其中`` / "of which" / "of these" / "among them": the whole is the last figure in the parts'
  unit before the marker in the sentence; a sentence that starts with the marker takes the last
  such figure of the previous sentence ("公路方面,衔接接口达到8个。其中,高速公路接口3个…");
- ``包括`` / ``包含`` / ``分别为`` / ``分别是`` / ``分为`` / "including", "comprising", "consisting
  of", "made up of", "divided into": the whole is the figure right before the marker (nothing
  but words between them, no other figure, no semicolon).

Parts are the figures in the whole's unit after the marker, up to the end of the sentence.
Figures inside parentheses ("国道G234(2个接口)") are details of a part, not parts. A part
followed by a marker of its own opens a nested breakdown (checked on its own) whose figures,
up to the next semicolon, are not parts of the outer whole ("铁路线路4条,其中,高速铁路1条;
普速铁路3条,分别为…"). Only additive units are summed (counts, money, capacity, days…), never
percentages, concentrations or indexes. Integer counts are exact; other figures are read at their
stated precision and qualifiers widen them (约, 余, 逾).

FC301 parts-exceed-whole (error)
    The parts add up to more than the whole can be.

    FAIL: 京张衔接路网接口达到12个,包括铁路衔接接口4个,公路衔接接口9个。
    PASS: 京张衔接路网接口达到12个,包括铁路衔接接口4个,公路衔接接口8个。

FC302 parts-short-of-whole (warning; error when the list is exhaustive)
    Two or more parts add up to less than the whole. A list introduced as exhaustive (分别为,
    分别是, 分为, "respectively", "comprising", "consisting of", "made up of", "divided into")
    is an error; otherwise the text may have left parts out, a warning.

    FAIL: 全市新签约项目68个,分为数字经济项目21个、新能源项目27个、文旅康养项目10个。
    PASS: 全市新签约项目68个,分为数字经济项目21个、新能源项目27个、文旅康养项目20个。
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck.checks.base import Result, Rule, claim_finding
from factcheck.interval import INF, Interval, fmt, stated
from factcheck.models import UNIT_PERCENT, UNIT_POINTS, UNIT_UGM3, Claim, Location, Sentence, Verdict
from factcheck.numbers import bind_lazy, lazy_re

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Reference

EXCEED = Rule(
    "FC301", "parts-exceed-whole", "sum", "error",
    "The listed parts add up to more than the whole they break down.",
    "京张衔接路网接口达到12个,包括铁路衔接接口4个,公路衔接接口9个。",
    "京张衔接路网接口达到12个,包括铁路衔接接口4个,公路衔接接口8个。",
)
SHORT = Rule(
    "FC302", "parts-short-of-whole", "sum", "warning",
    "The listed parts add up to less than the whole (an error when the list is exhaustive).",
    "全市新签约项目68个,分为数字经济项目21个、新能源项目27个、文旅康养项目10个。",
    "全市新签约项目68个,分为数字经济项目21个、新能源项目27个、文旅康养项目20个。",
)
RULES = (EXCEED, SHORT)

# Units that do not add up: shares, concentrations, indexes, ratios.
NON_ADDITIVE = {UNIT_PERCENT, UNIT_POINTS, UNIT_UGM3, "index", "×", "倍", "mg/m³", "P"}

# "of which": the whole is the last figure before the marker in the parts' unit.
SUBSET = r"其中|of which|of these|of them|among them|among these|among which"
# "including" / "分别为": the whole is the figure right before the marker.
LIST = (r"包括|包含|分别为|分别是|分为|including|includes|included|comprising|comprises|consisting of"
        r"|consists of|made up of|divided into|split into|broken down into")
# (the lookahead: the first characters of every alternative, so that the scan skips other positions at C speed
# instead of trying twenty alternatives at each; the same characters match under IGNORECASE as without it)
MARKER = lazy_re(rf"(?=[其包分oacimdsb])(?:(?:{SUBSET})|(?:{LIST}))", re.IGNORECASE)
SUBSET_RE = lazy_re(rf"^(?:{SUBSET})$", re.IGNORECASE)
EXHAUSTIVE = lazy_re(
    r"分别为|分别是|分为|respectively|comprising|comprises|consisting of|consists of|made up of|divided into"
    r"|split into|broken down into", re.IGNORECASE)
SEMICOLON = lazy_re(r"[;；]")
LEADING = lazy_re(r"[\s,，:：、]*")
OPEN, CLOSE = "(（", ")）"


@dataclass(frozen=True)
class Breakdown:
    whole: Claim
    parts: tuple[Claim, ...]
    marker: str
    exhaustive: bool


def additive(claim: Claim) -> bool:
    return claim.kind == "level" and claim.unit is not None and claim.unit not in NON_ADDITIVE


def amount(claim: Claim) -> Interval:
    """What a figure stands for when it is summed: an integer count is exact."""
    precision = claim.precision
    if claim.value == claim.value.to_integral_value() and precision <= Decimal("0.5"):
        precision = Decimal(0)
    return stated(claim.value, precision, claim.qualifier, claim.value_high)


def _depth_at(text: str, pos: int) -> int:
    depth = 0
    for ch in text[:pos]:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE and depth > 0:
            depth -= 1
    return depth


def _compatible(whole: Claim, part: Claim) -> bool:
    if part.unit != whole.unit or part.id == whole.id:
        return False
    if part.metric is not None and part.metric != whole.metric:
        return False  # 重污染天数8天,其中6天…;PM2.5最长连续优良天数192天: another measure, not a part
    return whole.year is None or part.year is None or whole.year == part.year


def find_breakdowns(text: str, sentences: Sequence[Sentence], claims: Sequence[Claim]) -> list[Breakdown]:
    """Every breakdown of the text (outer and nested), in text order."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.nstart, c.nend)):
        if additive(c):
            by_sentence.setdefault(c.sentence_index, []).append(c)
    out: list[Breakdown] = []
    for s in sentences:
        mine = by_sentence.get(s.index, [])
        if not mine:
            continue
        markers = [m for m in MARKER.finditer(text, s.start, s.end) if _is_word(text, m)]
        limits: dict[int, int] = {}  # nested marker start -> where its list stops
        for m in markers:
            found = _breakdown(text, s, m, mine, by_sentence.get(s.index - 1, []), markers, limits)
            if found is not None:
                out.append(found)
    return out


def _is_word(text: str, m: re.Match[str]) -> bool:
    if not m.group(0).isascii():
        return True
    before = text[m.start() - 1: m.start()]
    after = text[m.end(): m.end() + 1]
    return not (before.isalnum() or after.isalnum())


def _breakdown(text: str, s: Sentence, m: re.Match[str], mine: list[Claim], previous: list[Claim],
               markers: list[re.Match[str]], limits: dict[int, int]) -> Breakdown | None:
    depth = _depth_at(text[s.start: m.start()], m.start() - s.start)
    stop = limits.get(m.start(), s.end)
    after = [c for c in mine if m.end() <= c.nstart < stop
             and _depth_at(text[s.start: c.nstart], c.nstart - s.start) <= depth]
    if not after:
        return None
    unit = after[0].unit
    before = [c for c in mine if c.nend <= m.start() and c.unit == unit]
    whole: Claim | None = None
    if SUBSET_RE.match(m.group(0)):
        if before:
            whole = before[-1]
        elif LEADING.fullmatch(text, s.start, m.start()):
            same = [c for c in previous if c.unit == unit]
            whole = same[-1] if same else None
    else:
        last_any = [c for c in mine if c.nend <= m.start()]
        if before and last_any and last_any[-1].id == before[-1].id:
            gap = text[before[-1].nend: m.start()]
            if not SEMICOLON.search(gap) and len(gap) <= 24:
                whole = before[-1]
    if whole is None:
        return None
    later = [x for x in markers if x.start() >= m.end()]
    parts = _top_level(text, m, [c for c in after if _compatible(whole, c)], later, limits, stop)
    if not parts:
        return None
    span = text[m.start(): stop]
    exhaustive = bool(EXHAUSTIVE.match(m.group(0)) or re.search(r"respectively", span, re.IGNORECASE))
    return Breakdown(whole, tuple(parts), m.group(0), exhaustive)


def _top_level(text: str, marker: re.Match[str], cands: list[Claim], later: list[re.Match[str]],
               limits: dict[int, int], stop: int) -> list[Claim]:
    """The parts of ``marker``'s breakdown, leaving out those of nested breakdowns.

    A part followed by a marker of its own opens a nested list, which runs to the next
    semicolon; a figure after a semicolon that opens a list with the same marker as ours is
    a sibling of our whole, and ends our list.
    """
    parts: list[Claim] = []
    skip_until = -1
    for c in cands:
        if c.nstart < skip_until:
            continue
        sub = _opens_breakdown(text, c, later)
        if parts and sub is not None and sub.group(0).lower() == marker.group(0).lower() \
                and SEMICOLON.search(text, parts[-1].nend, c.nstart):
            break
        parts.append(c)
        if sub is not None:
            semi = SEMICOLON.search(text, sub.end(), stop)
            skip_until = semi.start() if semi else stop
            limits[sub.start()] = skip_until
    return parts


def _opens_breakdown(text: str, c: Claim, markers: list[re.Match[str]]) -> re.Match[str] | None:
    """The marker right after ``c`` (only a few words between, no digit, no semicolon), if any."""
    for m in markers:
        if m.start() < c.nend:
            continue
        gap = text[c.nend: m.start()]
        if len(gap) <= 12 and not SEMICOLON.search(gap) and not re.search(r"\d", gap):
            return m
        return None
    return None


def total(parts: Sequence[Claim]) -> Interval:
    iv = Interval(Decimal(0), Decimal(0))
    for p in parts:
        iv = iv + amount(p)
    return iv


def _sum_text(parts: Sequence[Claim]) -> str:
    return " + ".join(fmt(p.value) for p in parts)


def _desc(iv: Interval) -> str:
    if iv.lo == iv.hi:
        return fmt(iv.lo)
    hi = "inf" if iv.hi == INF else fmt(iv.hi)
    lo = "-inf" if iv.lo == -INF else fmt(iv.lo)
    return f"[{lo}, {hi}]"


def check(doc: Document, ref: Reference) -> Iterator[Result]:
    for b in find_breakdowns(doc.norm.text, doc.sentences, doc.claims):
        yield from judge(doc, b)


def judge(doc: Document, b: Breakdown) -> Iterator[Result]:
    whole_iv, parts_iv = amount(b.whole), total(b.parts)
    unit = f" {b.whole.unit}" if b.whole.unit else ""
    sum_text = _sum_text(b.parts)
    exact_sum = sum((p.value for p in b.parts), Decimal(0))
    explanation = (f"whole {fmt(b.whole.value)}{unit} stands for {_desc(whole_iv)}; parts {sum_text} "
                   f"(after “{b.marker}”) stand for {_desc(parts_iv)}")
    others = tuple(Location(p.path, p.line, p.column) for p in b.parts)
    if parts_iv.lo > whole_iv.hi:
        yield claim_finding(
            EXCEED, doc, b.whole,
            f"the parts {sum_text} add up to {fmt(exact_sum)}{unit}, more than the whole {fmt(b.whole.value)}{unit}",
            expected=f"≤ {fmt(b.whole.value)}", actual=fmt(exact_sum), others=others,
            explanation=explanation + "; the smallest sum exceeds the largest whole",
        )
        yield Verdict(b.whole.id, "contradicts", f"parts add up to {fmt(exact_sum)}")
    elif parts_iv.hi < whole_iv.lo and len(b.parts) >= 2:
        severity = "error" if b.exhaustive else "warning"
        listed = "the exhaustive list" if b.exhaustive else "the listed parts"
        yield claim_finding(
            SHORT, doc, b.whole,
            f"{listed} {sum_text} add up to {fmt(exact_sum)}{unit}, less than the whole {fmt(b.whole.value)}{unit}",
            expected=fmt(b.whole.value), actual=fmt(exact_sum), others=others, severity=severity,
            explanation=explanation + "; the largest sum falls short of the smallest whole"
            + ("" if b.exhaustive else " (the list may leave parts out)"),
        )
        if b.exhaustive:
            yield Verdict(b.whole.id, "contradicts", f"parts add up to {fmt(exact_sum)}")
    elif len(b.parts) >= 2 and parts_iv.overlaps(whole_iv):
        yield Verdict(b.whole.id, "agrees", f"= {sum_text}")


bind_lazy(globals())
