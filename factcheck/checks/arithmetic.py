"""Arithmetic checks: a stated change against its own endpoints.

Every number is read as the interval it stands for at its stated precision (35 = [34.5, 35.5],
48.6 % = [48.55, 48.65]; 约/about, 近/nearly, 余/at least widen or bound it, see
``factcheck.interval``). The change the two endpoints allow is computed with intervals, and a
claim is flagged only when it cannot round to any value in that range (AggChecker's rule).
Direction counts: a stated fall whose endpoints rise is an error.

Endpoints come from the change phrase itself (claims sharing ``related`` ids with roles
from/to/delta), or, when the phrase does not group them, from level claims of the same
sentence with the same region and metric whose years are the change's baseline year and year
("2014年为35微克/立方米,2023年降至18微克/立方米,比2014年下降48.6%"), or from a level and an
absolute change of the same sentence ("为65微克/立方米,较2013年下降43微克/立方米,降幅39.8%":
the baseline is 65 + 43). Ambiguous sentences (two candidates for an endpoint) are left alone.

FC201 change-arithmetic (error)
    A relative change (%) or an absolute change (same unit as the endpoints, or percentage
    points between percentages) that its endpoints cannot produce. A zero (or sign-crossing)
    baseline makes a relative change undefined: not checked.

    FAIL: 细颗粒物平均浓度从2014年的35微克/立方米降至2023年的18微克/立方米,下降54.6%。
    PASS: 细颗粒物平均浓度从2014年的35微克/立方米降至2023年的18微克/立方米,下降48.6%。

FC202 percent-vs-points (error)
    Between two percentages, a change stated in % that matches the difference in percentage
    points and not the relative change, or a change in 个百分点 / percentage points that
    matches the relative change and not the difference.

    FAIL: 优良天数比例从2022年的70%提高到2023年的80%,提高10%。
    PASS: 优良天数比例从2022年的70%提高到2023年的80%,提高10个百分点。

FC203 multiple (error)
    翻一番 / X倍 / "doubled" / "twice" against the ratio of the two endpoints. Digits are read at
    their precision (1.9倍 = [1.85, 1.95]); words (翻一番, doubled, tripled) allow 10 %.
    "增长2倍" is ambiguous in Chinese usage (×2 or ×3): either reading is accepted.

    FAIL: 项目数从2013年的20个增加到2023年的60个,翻了一番。
    PASS: 项目数从2013年的20个增加到2023年的40个,翻了一番。
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck.checks.base import Result, Rule, claim_finding
from factcheck.interval import INF, NEARLY, Interval, fmt, point, stated
from factcheck.models import UNIT_PERCENT, UNIT_POINTS, Claim, Location, Verdict
from factcheck.numbers import bind_lazy, lazy_re

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Reference

CHANGE_ARITHMETIC = Rule(
    "FC201", "change-arithmetic", "arithmetic", "error",
    "A stated change that its own endpoints cannot produce (computed on the stated precision).",
    "细颗粒物平均浓度从2014年的35微克/立方米降至2023年的18微克/立方米,下降54.6%。",
    "细颗粒物平均浓度从2014年的35微克/立方米降至2023年的18微克/立方米,下降48.6%。",
)
PERCENT_VS_POINTS = Rule(
    "FC202", "percent-vs-points", "arithmetic", "error",
    "A change between two percentages given in % where percentage points are meant, or the reverse.",
    "优良天数比例从2022年的70%提高到2023年的80%,提高10%。",
    "优良天数比例从2022年的70%提高到2023年的80%,提高10个百分点。",
)
MULTIPLE = Rule(
    "FC203", "multiple", "arithmetic", "error",
    "A multiple (翻一番, X倍, doubled, twice) that the ratio of its endpoints contradicts.",
    "项目数从2013年的20个增加到2023年的60个,翻了一番。",
    "项目数从2013年的20个增加到2023年的40个,翻了一番。",
)
RULES = (CHANGE_ARITHMETIC, PERCENT_VS_POINTS, MULTIPLE)

HUNDRED = Decimal(100)
ONE = Decimal(1)

# Multiples written as words are loose by nature ("doubled" for ×1.9); digits are read at their precision.
WORD_MULTIPLE = lazy_re(r"翻.{0,2}番|doubl|tripl|quadrupl|twice|thrice|halve|一倍|两倍|三倍|四倍", re.IGNORECASE)
# "增长2倍" / "two times more": the text may mean the new level is 2× or 3× the old one.
GROWTH_BY = lazy_re(r"(?:增长|增加|提高|上升|扩大|增)了?[^到至为是倍]{0,8}$")
DIGITS = lazy_re(r"\d")
TIMES_MORE = lazy_re(r"^\s*times\s+(?:more|higher|greater|larger|bigger)", re.IGNORECASE)


# ----------------------------------------------------------------------------------- intervals


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last stated digit (108 -> 0.5, 38.6 -> 0.05)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return Decimal(0)
    return Decimal(5).scaleb(min(exponent, 0) - 1)


def value_interval(claim: Claim) -> Interval:
    """What a stated level or magnitude stands for (unsigned).

    A precision of 0 is exact (三分之一), unless the figure is written in digits: "35" always
    stands for [34.5, 35.5], whatever the extractor left unset.
    """
    precision = claim.precision
    if precision == 0 and DIGITS.search(claim.quote):
        precision = half_unit(claim.value)
    return stated(claim.value, precision, claim.qualifier, claim.value_high)


def change_interval(claim: Claim) -> Interval:
    """A stated change as a signed interval (a fall is negative)."""
    iv = value_interval(claim)
    return -iv if claim.direction == "down" else iv


def factor_intervals(claim: Claim, text_before: str = "", text_after: str = "") -> list[Interval]:
    """The factors a stated multiple admits: one reading, or two for "增长2倍" (×2 or ×3)."""
    if claim.qualifier is None and WORD_MULTIPLE.search(claim.quote):
        margin = claim.value * NEARLY
        base = Interval(claim.value - margin, claim.value + margin)
    else:
        base = value_interval(claim)
    out = [base]
    if GROWTH_BY.search(text_before) or TIMES_MORE.match(text_after):
        out.append(base + point(ONE))
    return out


def relative_change(start: Interval, end: Interval) -> Interval | None:
    """(end / start − 1) × 100 with every variable used once (so the interval is exact).

    None when the baseline may be zero or changes sign: a relative change is undefined.
    """
    if start.lo <= 0 <= start.hi or start.lo == -INF or start.hi == INF:
        return None
    return (end / start - point(ONE)) * point(HUNDRED)


def ratio(start: Interval, end: Interval) -> Interval | None:
    if start.lo <= 0 <= start.hi or start.lo == -INF or start.hi == INF:
        return None
    return end / start


def places_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def rounded(value: Decimal, places: int) -> str:
    return fmt(value.quantize(Decimal(1).scaleb(-places)))


def signed_text(value: Decimal, places: int, unit: str = "") -> str:
    text = rounded(value, places)
    if value > 0:
        text = "+" + text
    return text + unit


# ----------------------------------------------------------------------------------- endpoints


@dataclass(frozen=True)
class End:
    """One endpoint of a change: its interval, how it is written and the claims it comes from."""

    interval: Interval
    value: Decimal  # the stated (or computed) point value
    shown: str  # "35"
    label: str  # "35 (2014)"
    unit: str | None
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Endpoints:
    start: End
    end: End
    how: str  # "phrase" | "sentence" | "implied"


def _end(claim: Claim, text: str = "") -> End:
    """An endpoint claim, shown as written (normalized) when the text is at hand."""
    year = f" ({claim.year})" if claim.year is not None else ""
    high = f"–{fmt(claim.value_high)}" if claim.value_high is not None else ""
    written = text[claim.nstart: claim.nend].strip() if text else ""
    shown = written if 0 < len(written) <= 24 and "\n" not in written else f"{fmt(claim.value)}{high}"
    return End(value_interval(claim), claim.value, shown, shown + year, claim.unit, (claim,))


def _same_topic(a: Claim, b: Claim) -> bool:
    return a.region == b.region and a.metric == b.metric


def _units_agree(a: Claim, b: Claim) -> bool:
    return a.unit is None or b.unit is None or a.unit == b.unit


def find_endpoints(claim: Claim, claims: Sequence[Claim], text: str = "") -> Endpoints | None:
    """The two endpoints of change ``claim``: from its phrase, else safely from its sentence."""
    by_id = {c.id: c for c in claims}
    related = [by_id[r] for r in claim.related if r in by_id]
    starts = [c for c in related if c.role == "from" and c.kind == "level"]
    ends = [c for c in related if c.role == "to" and c.kind == "level"]
    if len(starts) == 1 and len(ends) == 1:
        if _units_agree(starts[0], ends[0]):
            return Endpoints(_end(starts[0], text), _end(ends[0], text), "phrase")
        return None
    if starts or len(ends) > 1:
        return None
    if not related:
        loose = _ungrouped_phrase(claim, claims, text)
        if loose is not None:
            return loose
    # Not (fully) grouped: pair with levels of the same sentence, region and metric by year.
    if claim.metric is None or claim.baseline_year is None:
        return None
    year = _own_year(claim)
    peers = [c for c in claims if c.sentence_index == claim.sentence_index and c.kind == "level"
             and c.id != claim.id and _same_topic(c, claim) and c.role != "delta" and c.year is not None]
    start_cands = _distinct([c for c in peers if c.year == claim.baseline_year])
    if year is not None:
        end_cands = ends or _distinct([c for c in peers if c.year == year])
    else:  # the year is unknown: the one later figure of the sentence, if there is just one
        end_cands = ends or _distinct([c for c in peers if c.year is not None and c.year > claim.baseline_year])
    if len(end_cands) != 1:
        return None
    end = end_cands[0]
    if len(start_cands) == 1:
        start = start_cands[0]
        if not _units_agree(start, end):
            return None
        return Endpoints(_end(start, text), _end(end, text), "sentence")
    if start_cands or claim.unit != UNIT_PERCENT or claim.direction is None:
        return None
    return _implied_start(claim, end, claims, text)


def _own_year(claim: Claim) -> int | None:
    """The claim's year, unless it is just its baseline year again ("比2014年下降" read as 2014)."""
    return None if claim.year == claim.baseline_year else claim.year


def _ungrouped_phrase(claim: Claim, claims: Sequence[Claim], text: str) -> Endpoints | None:
    """The one from/to phrase of the same sentence and topic that has no delta of its own.

    ("…doubled from 20 in 2013 to 60 in 2023", "从2014年的35降至2023年的18,降幅48.6%").
    """
    by_id = {c.id: c for c in claims}
    found = []
    for c in claims:
        if c.sentence_index != claim.sentence_index or c.role != "from":
            continue
        group = [by_id[r] for r in c.related if r in by_id]
        if any(g.role == "delta" for g in group):
            continue
        tos = [g for g in group if g.role == "to" and g.kind == "level"]
        if len(tos) == 1 and _same_topic(c, claim) and _units_agree(c, tos[0]):
            found.append((c, tos[0]))
    if len(found) != 1:
        return None
    start, end = found[0]
    if claim.baseline_year not in (None, start.year) or _own_year(claim) not in (None, end.year):
        return None
    return Endpoints(_end(start, text), _end(end, text), "sentence")


def _distinct(claims: list[Claim]) -> list[Claim]:
    """Claims with distinct values (the same figure quoted twice counts once)."""
    seen: dict[tuple[Decimal, Decimal | None, str | None], Claim] = {}
    for c in claims:
        seen.setdefault((c.value, c.value_high, c.unit), c)
    return list(seen.values())


def _implied_start(claim: Claim, end: Claim, claims: Sequence[Claim], text: str) -> Endpoints | None:
    """A level, an absolute change and a relative change of one sentence: start = level − change."""
    absolute = _distinct([
        c for c in claims
        if c.sentence_index == claim.sentence_index and c.kind == "change" and c.id != claim.id
        and _same_topic(c, claim) and c.unit is not None and c.unit == end.unit and c.unit != UNIT_PERCENT
        and c.direction == claim.direction and c.year in (None, claim.year)
        and c.baseline_year in (None, claim.baseline_year)
    ])
    if len(absolute) != 1 or end.value_high is not None:
        return None
    delta = absolute[0]
    end_iv = value_interval(end)
    delta_iv = change_interval(delta)
    start_iv = end_iv - delta_iv
    sign = -1 if delta.direction == "down" else 1
    start_value = end.value - sign * delta.value
    op = "+" if sign < 0 else "−"
    label = f"{fmt(start_value)} ({claim.baseline_year}, = {fmt(end.value)} {op} {fmt(delta.value)})"
    start = End(start_iv, start_value, fmt(start_value), label, end.unit, (delta,))
    return Endpoints(start, _end(end, text), "implied")


# ----------------------------------------------------------------------------------- judgement


@dataclass(frozen=True)
class Judgement:
    """The verdict on one change: ``rule`` None when it agrees."""

    rule: Rule | None
    claim: Claim
    stated: Interval
    computed: Interval  # what the endpoints give in the claim's own mode
    expected: str  # the computed value as the claim would write it
    message: str
    explanation: str
    other: str = ""  # FC202: what the stated number matches instead


def _mode(claim: Claim, unit: str | None) -> str | None:
    if claim.kind == "multiple":
        return "multiple"
    if claim.unit == UNIT_POINTS:
        return "points" if unit == UNIT_PERCENT else None
    if claim.unit == UNIT_PERCENT:
        return "relative"
    if claim.unit is not None and claim.unit == unit:
        return "absolute"
    return None


def _direction_word(claim: Claim) -> str:
    return {"down": "a fall", "up": "a rise"}.get(claim.direction or "", "a change")


def _stated_text(claim: Claim) -> str:
    unit = {UNIT_PERCENT: " %", UNIT_POINTS: " pp"}.get(claim.unit or "", f" {claim.unit}" if claim.unit else "")
    if claim.kind == "multiple":
        unit = "×"
    sign = "-" if claim.direction == "down" and claim.kind == "change" else ""
    sign = "+" if claim.direction == "up" and claim.kind == "change" else sign
    high = f"–{fmt(claim.value_high)}" if claim.value_high is not None else ""
    qual = f" ({claim.qualifier})" if claim.qualifier else ""
    return f"{sign}{fmt(claim.value)}{high}{unit}{qual}"


def _stated_candidates(claim: Claim) -> list[Interval]:
    """The signed intervals a change admits: both signs when the text gives no direction."""
    iv = change_interval(claim)
    return [iv, -iv] if claim.direction is None else [iv]


def judge(claim: Claim, ends: Endpoints, text_before: str = "", text_after: str = "") -> Judgement | None:
    """Judge change ``claim`` against its endpoints; None when the arithmetic is undefined."""
    if ends.start.unit and ends.end.unit and ends.start.unit != ends.end.unit:
        return None
    unit = ends.start.unit or ends.end.unit
    mode = _mode(claim, unit)
    if mode is None:
        return None
    if mode == "multiple":
        return _judge_multiple(claim, ends, text_before, text_after)
    start, end = ends.start, ends.end
    span = f"from {start.label} to {end.label}"
    places = max(places_of(claim.value), 1)
    candidates = _stated_candidates(claim)
    stated_iv = candidates[0]
    rel = relative_change(start.interval, end.interval)
    diff = end.interval - start.interval
    rel_point = (end.value / start.value - ONE) * HUNDRED if start.value != 0 else None
    diff_point = end.value - start.value
    if mode == "relative":
        if rel is None or rel_point is None:
            return None
        primary, primary_point, primary_name, primary_unit = rel, rel_point, "a relative change of", " %"
        alternative = None
        if unit == UNIT_PERCENT:
            alternative = (diff, diff_point, " percentage points")
    else:
        unit_text = " percentage points" if mode == "points" else (f" {unit}" if unit else "")
        primary, primary_point, primary_name, primary_unit = diff, diff_point, "a difference of", unit_text
        alternative = None
        if mode == "points" and rel is not None and rel_point is not None:
            alternative = (rel, rel_point, " %")
    expected = signed_text(primary_point, places, primary_unit)
    explanation = (
        f"claimed {_stated_text(claim)} stands for {stated_iv.describe(places + 1)}; {span}: "
        f"{start.shown} stands for {start.interval.describe(places + 1)}, "
        f"{end.shown} for {end.interval.describe(places + 1)}, giving {primary_name} "
        f"{primary.describe(places + 1)}{primary_unit}"
    )
    if ends.how == "implied":
        explanation += f" (the baseline {start.label} is implied by the level and the absolute change)"
    if any(c.overlaps(primary) for c in candidates):
        return Judgement(None, claim, stated_iv, primary, expected, f"= {expected} ({span})", explanation)
    if alternative is not None and any(c.overlaps(alternative[0]) for c in candidates):
        alt_iv, alt_point, alt_unit = alternative
        alt_text = signed_text(alt_point, places, alt_unit)
        if mode == "relative":
            message = (f"{_stated_text(claim)} {span} is the difference in percentage points ({alt_text}), "
                       f"written as %: the relative change is {expected}")
        else:
            message = (f"{_stated_text(claim)} {span} is the relative change ({alt_text}), "
                       f"written as percentage points: the difference is {expected}")
        explanation += (f"; the claim matches {alt_iv.describe(places + 1)}{alt_unit} instead, "
                        f"the {'difference' if mode == 'relative' else 'relative change'}")
        return Judgement(PERCENT_VS_POINTS, claim, stated_iv, primary, expected, message, explanation, alt_text)
    if claim.direction is not None and ((primary.lo > 0 and stated_iv.hi < 0) or (primary.hi < 0 and stated_iv.lo > 0)):
        moves = "rises" if primary.lo > 0 else "falls"
        message = (f"{_direction_word(claim)} of {fmt(claim.value)}{primary_unit} is stated, "
                   f"but the figure {moves} {span}: {expected}")
    else:
        message = f"{span} is {expected}, not {_stated_text(claim)}"
    explanation += "; no value in it rounds to the claim"
    return Judgement(CHANGE_ARITHMETIC, claim, stated_iv, primary, expected, message, explanation)


def _judge_multiple(claim: Claim, ends: Endpoints, text_before: str, text_after: str) -> Judgement | None:
    start, end = ends.start, ends.end
    computed = ratio(start.interval, end.interval)
    if computed is None or start.value == 0:
        return None
    span = f"from {start.label} to {end.label}"
    factors = factor_intervals(claim, text_before, text_after)
    point_ratio = end.value / start.value
    places = max(places_of(claim.value), 1)
    expected = f"{rounded(point_ratio, places)}×"
    readings = " or ".join(f.describe(places + 1) for f in factors)
    explanation = (
        f"claimed {_stated_text(claim)} stands for {readings}; {span} the ratio is "
        f"{computed.describe(places + 1)}"
    )
    if any(f.overlaps(computed) for f in factors):
        return Judgement(None, claim, factors[0], computed, expected, f"= {expected} ({span})", explanation)
    explanation += "; no reading of the claim overlaps it"
    message = f"{span} is {expected}, not {_stated_text(claim)}"
    return Judgement(MULTIPLE, claim, factors[0], computed, expected, message, explanation)


# ----------------------------------------------------------------------------------- the check


def judge_all(claims: Sequence[Claim], text: str = "") -> Iterator[tuple[Judgement, Endpoints]]:
    """Every change / multiple claim of a file with its endpoints, judged.

    Endpoints are looked for among the claims of the same sentence only (a change phrase never
    spans sentences), so the check stays linear on texts dense with figures.
    """
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence_index, []).append(c)
    for claim in claims:
        if claim.kind not in ("change", "multiple"):
            continue
        ends = find_endpoints(claim, by_sentence[claim.sentence_index], text)
        if ends is None:
            continue
        before = text[max(0, claim.nstart - 12): claim.nstart] if text else ""
        after = text[claim.nend: claim.nend + 16] if text else ""
        judgement = judge(claim, ends, before, after)
        if judgement is not None:
            yield judgement, ends


def check(doc: Document, ref: Reference) -> Iterator[Result]:
    for judgement, ends in judge_all(doc.claims, doc.norm.text):
        claim = judgement.claim
        if judgement.rule is None:
            yield Verdict(claim.id, "agrees", judgement.message)
            continue
        others = tuple(
            Location(c.path, c.line, c.column)
            for c in (*ends.start.claims, *ends.end.claims) if (c.line, c.column) != (claim.line, claim.column)
        )
        yield claim_finding(
            judgement.rule, doc, claim, judgement.message, expected=judgement.expected,
            actual=_stated_text(claim), explanation=judgement.explanation, others=others,
        )
        yield Verdict(claim.id, "contradicts", f"endpoints give {judgement.expected}")


bind_lazy(globals())
