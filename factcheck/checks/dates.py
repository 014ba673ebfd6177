"""Time: relative dates, anniversaries and spans against the article's date, events and each other.

All three rules need the article's date (``doc.published``: ``--date``, front matter or the
dateline) except where the text states both ends itself.

FC701 relative-date-vs-event (error)
    A relative expression computed from the article's date and compared with a dated event
    of the reference that the sentence names (matched fuzzily: character bigrams of the
    event's names against the sentence, rapidfuzz token-set ratio >= 85):
    "10年前的2月,…主持召开座谈会…京津冀协同发展…" dated 2024-02-23 means February 2014 (the
    2014-02-26 symposium: agrees); dated 2026 it means February 2016 (error). "N年前" / "N years
    ago" agrees when the calendar years differ by N (or the elapsed time rounds to N); a stated
    month must match too. "十周年" / "10th anniversary" agrees when the event's year + N is the
    year the sentence states (else the article's year); "十年来" / "over the past decade" when
    N is the number of years from the event to the latest year its sentence states, else the
    article's year (or one more, counting both ends). Several events matching: any agreeing
    one is enough. Event names shorter than three tokens ("座谈会") are too generic and ignored.

    FAIL: 10年前的2月,习近平总书记在北京主持召开座谈会,专题听取京津冀协同发展工作汇报。  (dated 2026-02-23)
    PASS: 10年前的2月,习近平总书记在北京主持召开座谈会,专题听取京津冀协同发展工作汇报。  (dated 2024-02-23)

FC702 future-as-past (warning)
    A level or change for a year after the article's date, stated as fact: the sentence
    has no mark of a target or forecast (力争 / 预计 / 目标 / 将 / 计划 / 到2025年 / by 2025 /
    expected / target / will / forecast …). One finding per sentence and year.

    FAIL: 2025年,河北PM2.5平均浓度为36微克/立方米。  (dated 2024-06-05)
    PASS: 到2025年,河北PM2.5平均浓度力争降至36微克/立方米。

FC703 anniversary-arithmetic (error)
    Arithmetic between time expressions of the text: an anniversary whose anchor year stated
    in the sentence ("2014年提出…", "自2014年以来", "launched in 2014") plus N is not the year it
    is celebrated (another year of the sentence, 今年, else the article's year); a span ("9年间",
    "over the past nine years") that does not fit the nearest since-anchor of its paragraph
    ("2015年以来"; without one, a year of the paragraph that began something: "2015年2月,…签署了
    协议") and its end (the latest year its sentence states, else the article's year). N must be
    the difference, or one more counting both ends; "近N年" is approximate and skipped.
    "N年前的YYYY年" whose year is not the article's year − N.

    FAIL: 自2015年以来,京张医疗合作不断深化,7年间累计接诊患者3万人次。  (dated 2024-12-12)
    PASS: 自2015年以来,京张医疗合作不断深化,9年间累计接诊患者3万人次。
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from factcheck.checks.base import Result, Rule, claim_finding
from factcheck.models import Claim, Finding, Location, Sentence, TimeExpr
from factcheck.numbers import bind_lazy, lazy_re
from factcheck.segment import sentence_at

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Reference

RELATIVE = Rule(
    "FC701", "relative-date-vs-event", "time", "error",
    "A relative date (N years ago, Nth anniversary, N years since) contradicts the date of the event it names.",
    "10年前的2月,习近平总书记在北京主持召开座谈会,专题听取京津冀协同发展工作汇报。 (dated 2026-02-23)",
    "10年前的2月,习近平总书记在北京主持召开座谈会,专题听取京津冀协同发展工作汇报。 (dated 2024-02-23)",
)
FUTURE = Rule(
    "FC702", "future-as-past", "time", "warning",
    "A figure for a year after the article's date is stated as fact, not as a target or forecast.",
    "2025年,河北PM2.5平均浓度为36微克/立方米。 (dated 2024-06-05)",
    "到2025年,河北PM2.5平均浓度力争降至36微克/立方米。 (dated 2024-06-05)",
)
ARITHMETIC = Rule(
    "FC703", "anniversary-arithmetic", "time", "error",
    "An anniversary or a span does not fit the anchor year stated in the text and the article's date.",
    "自2015年以来,京张医疗合作不断深化,7年间累计接诊患者3万人次。 (dated 2024-12-12)",
    "自2015年以来,京张医疗合作不断深化,9年间累计接诊患者3万人次。 (dated 2024-12-12)",
)
RULES = (RELATIVE, FUTURE, ARITHMETIC)

EVENT_CUTOFF = 85.0
YEAR_DAYS = Decimal("365.2425")

FUTURE_MARKERS = lazy_re(
    r"力争|争取|预计|预期|预测|预估|目标|将|计划|规划|有望|确保|拟|展望|力求|瞄准|要求|打算|可望|或将|届时"
    r"|[到至]\d{4}年|\d{4}年(?:前|底前|以前)"
    r"|\b(?:will|would|shall|expect(?:s|ed)?|target(?:s|ed)?|forecasts?|forecasted|project(?:s|ed|ion)"
    r"|plans?|planned|aims?|aimed|goal|should|could|may|might|estimates?|outlook|scheduled|set to|is to|are to"
    r"|seeks?|intends?|by \d{4})\b",
    re.IGNORECASE,
)
# Words after a year that make it the year something began (the anchor of an anniversary).
ANCHOR_VERBS_ZH = lazy_re(
    r"^[,，]?[^,，。;；!?！？]{0,24}?(?:提出|成立|召开|启动|实施|设立|建立|开始|开通|建成|开园|诞生|上升为|印发|发布|签署|举办|举行"
    r"|部署|批准|通过|落地|开工|投运|开业)"
)
ANCHOR_VERBS_EN = lazy_re(
    r"\b(?:founded|launched|established|set up|held|began|started|signed|opened|elevated|proposed|adopted"
    r"|introduced|took place|unveiled|approved)\s+(?:[\w-]+\s+){0,3}?(?:in|on)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
CELEBRATION_AFTER = lazy_re(
    r"^\s*(?:年)?\s*(?:是|为|迎来|正值|恰逢|适逢|marks?\b|is\b|was\b|will be\b)", re.IGNORECASE)
MONTH_AFTER = lazy_re(r"^\s*的?\s*(\d{1,2})\s*月")
AGO_YEAR_GAP = lazy_re(r"^\s*(?:的|,|，|\(|（|——|-)?\s*(?:in\s+)?$", re.IGNORECASE)
APPROXIMATE_SPAN = lazy_re(r"^\s*(?:近|将近|接近|nearly|almost|about|around)", re.IGNORECASE)
EN_STOPWORDS = frozenset({"the", "of", "a", "an", "and", "in", "on", "for", "to", "at", "with", "by"})
CJK_RUN = lazy_re(r"[\u3400-\u9fff]+|[A-Za-z0-9]+")


# ------------------------------------------------------------------------------------------ events


@dataclass(frozen=True)
class EventDate:
    year: int
    month: int | None = None
    day: int | None = None

    def text(self) -> str:
        if self.month is None:
            return f"{self.year}"
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"


def event_date(event: Any) -> EventDate | None:
    """The date of a reference event, cut to its stated precision."""
    value = event.date
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        y, m, d = value.year, value.month, value.day
        out = EventDate(y, m, d)
    else:
        match = re.match(r"\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", str(value))
        if not match:
            return None
        out = EventDate(int(match.group(1)), int(match.group(2)) if match.group(2) else None,
                        int(match.group(3)) if match.group(3) else None)
    precision = getattr(event, "precision", None)
    if precision == "year":
        return EventDate(out.year)
    if precision == "month":
        return EventDate(out.year, out.month)
    return out


def _tokens(text: str) -> tuple[str, ...]:
    """Character bigrams of CJK runs, lower-case words of Latin runs (stop words dropped)."""
    out: list[str] = []
    for run in CJK_RUN.findall(text.lower()):
        if run.isascii():
            if run not in EN_STOPWORDS:
                out.append(run)
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return tuple(out)


MIN_NAME_TOKENS = 3  # "座谈会" (2 bigrams) names a kind of meeting, not one event


def event_score(name: str, text: str) -> float:
    """How well ``text`` mentions the event ``name`` (0-100).

    A name of fewer than three tokens (CJK bigrams or English words) is too generic to
    identify an event ("座谈会", "规划"): it scores 0.
    """
    name_tokens = list(dict.fromkeys(_tokens(name)))
    if len(name_tokens) < MIN_NAME_TOKENS:
        return 0.0
    text_tokens = set(_tokens(text))
    if not text_tokens:
        return 0.0
    from rapidfuzz import fuzz  # lazy: only when a relative date needs an event

    return float(fuzz.token_set_ratio(" ".join(name_tokens), " ".join(sorted(text_tokens))))


@dataclass(frozen=True)
class Match:
    event: Any
    name: str
    score: float
    date: EventDate


class _EventIndex:
    """The events of one reference, prepared once for :func:`matching_events`: dated events only, each name's
    tokens joined (names under :data:`MIN_NAME_TOKENS` tokens score 0 and are left out). Results are memoized
    per text within one document (the same sentence is asked about for each of its time expressions); ``check``
    clears the memo for each document, so that a corpus repeating its articles is not faster than an archive."""

    MEMO = 4096

    def __init__(self, ref: Reference) -> None:
        self.names: list[str] = []  # joined tokens of each scorable name, for rapidfuzz
        self.owners: list[tuple[int, int]] = []  # per name: (event number, position among the event's names)
        self.events: list[tuple[Any, EventDate, list[str]]] = []
        for event in getattr(ref, "events", ()):
            when = event_date(event)
            if when is None:
                continue
            number = len(self.events)
            names = [str(name) for name in event.names]
            self.events.append((event, when, names))
            for position, name in enumerate(names):
                tokens = list(dict.fromkeys(_tokens(name)))
                if len(tokens) >= MIN_NAME_TOKENS:
                    self.names.append(" ".join(tokens))
                    self.owners.append((number, position))
        self.memo: dict[str, list[Match]] = {}

    def matching(self, text: str) -> list[Match]:
        found = self.memo.get(text)
        if found is None:
            found = self._matching(text)
            if len(self.memo) >= self.MEMO:
                self.memo.clear()
            self.memo[text] = found
        return list(found)

    def _matching(self, text: str) -> list[Match]:
        text_tokens = set(_tokens(text))
        if not text_tokens or not self.names:
            return []
        from rapidfuzz import fuzz, process  # lazy: only when a relative date needs an event

        # token_set_ratio is symmetric; score_cutoff only turns scores below it into "no match".
        hits = process.extract(" ".join(sorted(text_tokens)), self.names, scorer=fuzz.token_set_ratio,
                               processor=None, score_cutoff=EVENT_CUTOFF, limit=None)
        scores: dict[tuple[int, int], float] = {self.owners[i]: float(score) for _, score, i in hits}
        out = []
        for number, (event, when, names) in enumerate(self.events):
            best: tuple[float, int, str] | None = None
            for position, name in enumerate(names):
                score = scores.get((number, position))
                if score is not None and score >= EVENT_CUTOFF and (best is None or (score, len(name)) > best[:2]):
                    best = (score, len(name), name)
            if best is not None:
                out.append(Match(event, best[2], best[0], when))
        return sorted(out, key=lambda m: (-m.score, -len(m.name), str(m.event.id)))


_INDEXES: weakref.WeakKeyDictionary[Any, _EventIndex] = weakref.WeakKeyDictionary()


def matching_events(ref: Reference, text: str) -> list[Match]:
    """Reference events the text names, best first (events scored by :func:`event_score`, >= EVENT_CUTOFF)."""
    try:
        index = _INDEXES.get(ref)
        if index is None:
            index = _INDEXES[ref] = _EventIndex(ref)
    except TypeError:  # not weak-referenceable (a stand-in reference in a test): no reuse
        index = _EventIndex(ref)
    return index.matching(text)


# ------------------------------------------------------------------------------------------ helpers


class _Text:
    """Sentence lookup and absolute years of one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.norm.text
        self.sentences: Sequence[Sentence] = doc.sentences
        self.starts = [s.start for s in self.sentences]
        self.times = sorted(doc.extraction.times, key=lambda t: (t.start, t.end))
        self.published = doc.published

    def sentence_at(self, pos: int) -> Sentence | None:
        return sentence_at(self.sentences, self.starts, pos)

    def times_in(self, lo: int, hi: int) -> list[TimeExpr]:
        return [t for t in self.times if lo <= t.start < hi]

    def absolute_year(self, t: TimeExpr) -> int | None:
        if t.kind in ("date", "year") and t.year is not None:
            return t.year
        if t.kind == "relative_year":
            if t.year is not None:
                return t.year
            if self.published is not None:
                from factcheck.resolve import relative_offset

                offset = relative_offset(t.text)
                return None if offset is None else self.published.year + offset
        return None

    def location(self, t: TimeExpr) -> Location:
        line, column = self.doc.position(t.start)
        return Location(self.doc.path, line, column)


def _finding(rule: Rule, ctx: _Text, t: TimeExpr, message: str, *, expected: str | None = None,
             actual: str | None = None, source: str | None = None, explanation: str = "",
             others: Sequence[Location] = ()) -> Finding:
    here = ctx.location(t)
    return Finding(rule=rule.id, category=rule.category, severity=rule.severity, message=message,
                   path=here.path, line=here.line, column=here.column, claim=None, expected=expected,
                   actual=actual, source=source, locations=(here, *others), explanation=explanation)


def _elapsed_rounds_to(years: int, when: EventDate, published: dt.date) -> bool:
    if when.month is None or when.day is None:
        return False
    try:
        start = dt.date(when.year, when.month, when.day)
    except ValueError:
        return False
    elapsed = Decimal((published - start).days) / YEAR_DAYS
    return abs(elapsed - years) <= Decimal("0.5")


def _span_fits(years: int, start_year: int, end_year: int) -> bool:
    """N years from start to end: the difference, or one more when both end years are counted."""
    return years in (end_year - start_year, end_year - start_year + 1)


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _dated(published: dt.date) -> str:
    return published.isoformat()


# ---------------------------------------------------------------------------------------- FC701


def _ago_month(ctx: _Text, t: TimeExpr) -> int | None:
    if t.month is not None:
        return t.month
    for u in ctx.times_in(t.end, t.end + 3):
        if u.kind == "date" and u.year is None and u.month is not None:
            return u.month
    m = MONTH_AFTER.match(ctx.text[t.end: t.end + 8])
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1))
    if re.search(r"\bthis month\b", ctx.text[t.end: t.end + 16], re.IGNORECASE) and ctx.published:
        return ctx.published.month
    return None


def _check_ago(ctx: _Text, ref: Reference, t: TimeExpr, sentence: Sentence) -> Iterator[Finding]:
    if ctx.published is None or not t.years:
        return
    published = ctx.published
    matches = matching_events(ref, sentence.text)
    if not matches:
        return
    target = published.year - t.years
    month = _ago_month(ctx, t)

    def agrees(m: Match) -> bool:
        if month is not None and m.date.month is not None:
            return (m.date.year, m.date.month) == (target, month)
        return m.date.year == target or _elapsed_rounds_to(t.years or 0, m.date, published)

    if any(agrees(m) for m in matches):
        return
    best = matches[0]
    meant = f"{target}-{month:02d}" if month is not None else f"{target}"
    yield _finding(
        RELATIVE, ctx, t,
        f"“{t.text}” in an article dated {_dated(published)} means {meant}, but {best.name} "
        f"({best.event.id}) took place on {best.date.text()}",
        expected=best.date.text(), actual=meant, source=str(best.event.source),
        explanation=(f"{published.year} − {t.years} = {target}"
                     + (f", month {month} as stated" if month is not None else "")
                     + f"; the sentence names {best.name} (match {best.score:.0f}/100), dated {best.date.text()} "
                     f"in the reference ({best.event.source})"),
    )


def _celebration_years(ctx: _Text, sentence: Sentence, exclude: set[int]) -> list[int]:
    years = []
    for u in ctx.times_in(sentence.start, sentence.end):
        y = ctx.absolute_year(u)
        if y is not None and y not in exclude and u.kind != "since":
            years.append(y)
    if not years and ctx.published is not None:
        years.append(ctx.published.year)
    return years


def _check_anniversary_event(ctx: _Text, ref: Reference, t: TimeExpr, sentence: Sentence) -> Iterator[Finding]:
    if not t.years:
        return
    matches = matching_events(ref, sentence.text)
    if not matches:
        return
    for m in matches:
        if m.date.year + t.years in _celebration_years(ctx, sentence, {m.date.year}):
            return
    best = matches[0]
    when = _celebration_years(ctx, sentence, {best.date.year})
    if not when:
        return
    yield _finding(
        RELATIVE, ctx, t,
        f"“{t.text}” celebrated in {when[0]}: {best.name} ({best.event.id}) was on {best.date.text()}, "
        f"so {when[0]} is its {ordinal(when[0] - best.date.year)} anniversary",
        expected=str(best.date.year + t.years), actual=str(when[0]), source=str(best.event.source),
        explanation=(f"{best.date.year} + {t.years} = {best.date.year + t.years} ≠ {when[0]} "
                     f"(the year the sentence states, else the article's year); event matched as "
                     f"{best.name} ({best.score:.0f}/100)"),
    )


def _end_year(ctx: _Text, sentence: Sentence, start: int) -> tuple[int, str] | None:
    """Where a span ends: the latest year its sentence states after ``start`` ("2023年数据显示,…连续三年"),
    else the article's year. With the way it was found, for messages."""
    stated = [y for u in ctx.times_in(sentence.start, sentence.end) if u.kind != "since"
              and (y := ctx.absolute_year(u)) is not None and y > start]
    if stated:
        return max(stated), "the year the sentence states"
    if ctx.published is not None:
        return ctx.published.year, f"the article's date {_dated(ctx.published)}"
    return None


def _check_span_event(ctx: _Text, ref: Reference, t: TimeExpr, sentence: Sentence) -> Iterator[Finding]:
    if not t.years or APPROXIMATE_SPAN.match(t.text):
        return
    matches = matching_events(ref, sentence.text)
    if not matches:
        return
    ends = [(m, _end_year(ctx, sentence, m.date.year)) for m in matches]
    if any(e is not None and _span_fits(t.years, m.date.year, e[0]) for m, e in ends):
        return
    best, found = ends[0]
    if found is None:
        return
    end, how = found
    yield _finding(
        RELATIVE, ctx, t,
        f"“{t.text}” since {best.name} ({best.event.id}, {best.date.text()}) up to {end} ({how}): "
        f"that is {end - best.date.year} years, not {t.years}",
        expected=str(end - best.date.year), actual=str(t.years), source=str(best.event.source),
        explanation=(f"{end} − {best.date.year} = {end - best.date.year} (or {end - best.date.year + 1} counting "
                     f"both years); event matched as {best.name} ({best.score:.0f}/100)"),
    )


# ---------------------------------------------------------------------------------------- FC703


def _anchor_years(ctx: _Text, sentence: Sentence) -> list[tuple[TimeExpr, int]]:
    out = []
    for u in ctx.times_in(sentence.start, sentence.end):
        if u.kind == "since" and u.year is not None:
            out.append((u, u.year))
        elif u.kind in ("year", "date") and u.year is not None:
            before = ctx.text[max(sentence.start, u.start - 48): u.start]
            if _begins_something(ctx, u, sentence) or (
                    not CELEBRATION_AFTER.match(ctx.text[u.end: sentence.end])
                    and re.search(r"\b(?:since|of the)\s+$", before, re.IGNORECASE)):
                out.append((u, u.year))
    return out


def _check_anniversary_text(ctx: _Text, t: TimeExpr, sentence: Sentence) -> Iterator[Finding]:
    if not t.years:
        return
    anchors = _anchor_years(ctx, sentence)
    if not anchors:
        return
    anchor_expr, anchor = anchors[0]
    anchor_exprs = {id(a) for a, _ in anchors}
    celebrated: int | None = None
    for u in ctx.times_in(sentence.start, sentence.end):
        if id(u) in anchor_exprs or u.kind == "since":
            continue
        y = ctx.absolute_year(u)
        if y is not None and y != anchor:
            celebrated = y
            if CELEBRATION_AFTER.match(ctx.text[u.end: u.end + 8]) or u.kind == "relative_year":
                break
    if celebrated is None and ctx.published is not None:
        celebrated = ctx.published.year
    if celebrated is None or anchor + t.years == celebrated:
        return
    yield _finding(
        ARITHMETIC, ctx, t,
        f"“{t.text}” of something begun in {anchor} falls in {anchor + t.years}, not {celebrated}",
        expected=str(anchor + t.years), actual=str(celebrated), others=(ctx.location(anchor_expr),),
        explanation=(f"anchor “{anchor_expr.text}” = {anchor}; {anchor} + {t.years} = {anchor + t.years}; the "
                     f"anniversary is set in {celebrated} (the year the sentence states, else the article's year)"),
    )


def _span_anchors(ctx: _Text, t: TimeExpr, sentence: Sentence) -> list[tuple[TimeExpr, int]]:
    """Where a span may start, best first.

    The nearest since-anchor ("2015年以来") before the span in its paragraph, else one after it
    in its sentence; without one, every year of the paragraph before the span that begins
    something ("2015年2月,…签署了…协议"), earliest first.
    """
    before: TimeExpr | None = None
    after: TimeExpr | None = None
    started: list[tuple[TimeExpr, int]] = []
    for u in ctx.times:
        if u is t or u.year is None:
            continue
        s = ctx.sentence_at(u.start)
        if s is None or s.paragraph != sentence.paragraph or u.start >= sentence.end:
            continue
        if u.kind == "since":
            if u.start < t.start:
                before = u
            elif after is None:
                after = u
        elif u.kind in ("year", "date") and u.start < t.start and _begins_something(ctx, u, s):
            started.append((u, u.year))
    anchor = before or after
    if anchor is not None and anchor.year is not None:
        return [(anchor, anchor.year)]
    return sorted(started, key=lambda a: a[1])


def _begins_something(ctx: _Text, u: TimeExpr, sentence: Sentence) -> bool:
    after = ctx.text[u.end: sentence.end]
    before = ctx.text[max(sentence.start, u.start - 48): u.start]
    if CELEBRATION_AFTER.match(after):
        return False
    return bool(ANCHOR_VERBS_ZH.match(after) or ANCHOR_VERBS_EN.search(before))


def _check_span_text(ctx: _Text, t: TimeExpr, sentence: Sentence) -> Iterator[Finding]:
    if not t.years or APPROXIMATE_SPAN.match(t.text):
        return
    checked = []
    for anchor, start in _span_anchors(ctx, t, sentence):
        found = _end_year(ctx, sentence, start)
        if found is None or found[0] <= start:
            continue
        if _span_fits(t.years, start, found[0]):
            return  # one reading fits
        checked.append((anchor, start, found))
    if not checked:
        return
    anchor, start, (end, how) = checked[0]
    yield _finding(
        ARITHMETIC, ctx, t,
        f"“{t.text}” after “{anchor.text}”, up to {end} ({how}): "
        f"{start}–{end} is {end - start} years, not {t.years}",
        expected=str(end - start), actual=str(t.years), others=(ctx.location(anchor),),
        explanation=(f"{end} − {start} = {end - start} (or {end - start + 1} counting both "
                     f"years); the span states {t.years}"),
    )


def _check_ago_year(ctx: _Text, t: TimeExpr) -> Iterator[Finding]:
    if ctx.published is None or not t.years:
        return
    for u in ctx.times_in(t.end, t.end + 8):
        if u.kind not in ("year", "date") or u.year is None:
            continue
        if not AGO_YEAR_GAP.match(ctx.text[t.end: u.start]):
            continue
        target = ctx.published.year - t.years
        when = EventDate(u.year, u.month, u.day)
        if u.year == target or _elapsed_rounds_to(t.years, when, ctx.published):
            return
        yield _finding(
            ARITHMETIC, ctx, t,
            f"“{t.text}” in an article dated {_dated(ctx.published)} is {target}, not {u.year} as stated",
            expected=str(target), actual=str(u.year), others=(ctx.location(u),),
            explanation=f"{ctx.published.year} − {t.years} = {target}; the text names “{u.text}”",
        )
        return


# ---------------------------------------------------------------------------------------- FC702


def check_future(doc: Document) -> Iterator[Result]:
    if doc.published is None:
        return
    published = doc.published
    groups: dict[tuple[int, int], list[Claim]] = {}
    for c in doc.claims:
        if c.kind not in ("level", "change", "multiple") or c.year is None or c.year <= published.year:
            continue
        if FUTURE_MARKERS.search(c.sentence):
            continue
        groups.setdefault((c.sentence_index, c.year), []).append(c)
    for (_, year), claims in groups.items():
        first = claims[0]
        yield claim_finding(
            FUTURE, doc, first,
            f"figures for {year} stated as fact in an article dated {_dated(published)} "
            f"(no target or forecast wording): {', '.join(c.quote for c in claims)}",
            actual=str(year), expected=f"≤ {published.year}",
            others=tuple(Location(doc.path, c.line, c.column) for c in claims[1:]),
            explanation=(f"{year} > {published.year}, the year of the article; the sentence has none of "
                         "力争/预计/目标/将/计划/到YYYY年/by YYYY/expected/target/will/forecast"),
        )


# ------------------------------------------------------------------------------------------ entry


def _forget_sentences(ref: Reference) -> None:
    """Start a document with an empty sentence memo (see :class:`_EventIndex`)."""
    try:
        index = _INDEXES.get(ref)
    except TypeError:  # not weak-referenceable: matching_events keeps no index for it
        return
    if index is not None:
        index.memo.clear()


def check(doc: Document, ref: Reference) -> Iterator[Result]:
    _forget_sentences(ref)
    ctx = _Text(doc)
    for t in ctx.times:
        sentence = ctx.sentence_at(t.start)
        if sentence is None:
            continue
        if t.kind == "ago":
            yield from _check_ago(ctx, ref, t, sentence)
            yield from _check_ago_year(ctx, t)
        elif t.kind == "anniversary":
            yield from _check_anniversary_event(ctx, ref, t, sentence)
            yield from _check_anniversary_text(ctx, t, sentence)
        elif t.kind == "span":
            yield from _check_span_event(ctx, ref, t, sentence)
            yield from _check_span_text(ctx, t, sentence)
    yield from check_future(doc)


bind_lazy(globals())
