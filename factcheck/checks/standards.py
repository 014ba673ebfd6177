"""Standard checks: claims of meeting (or missing) a named standard, and quotes of its limit.

A standard is mentioned by one of its names in the reference (``standards: names``, e.g.
国家二级标准, "national standard"), or by a generic name (国家标准, 二级标准, "national
standard", "Grade II standard") that is resolved against the standards for the figure's
metric, or by a bare 达标 / 超标. The relation is read from the words just before the
mention in its clause: 达到, 符合, 优于, 低于, "met", "meeting", "below" claim compliance;
未达到, 超过, 高于, "exceeding", "above", "failed to meet" claim the opposite. The figure is
the nearest level of the standard's metric in the same sentence (before the mention, else
after it), never a quote of the limit itself. Figures are read at their stated precision:
35 stands for [34.5, 35.5] and may meet a limit of 35.

FC401 standard-claim (error)
    The figure cannot be what the claim says it is: "达到国家二级标准" with 41 μg/m³ against a
    limit of 35. "连续三年达标" / "for three consecutive years" / "for a fourth straight year"
    checks every year named, ending at the figure's year, with the values the text gives
    (same region and metric) or, failing that, the reference facts; the first year that breaks
    the run is reported.

    FAIL: 2023年,天津市PM2.5年均浓度为41微克/立方米,达到国家二级标准。
    PASS: 2023年,北京市PM2.5年均浓度为32微克/立方米,达到国家二级标准。

FC402 standard-limit-misquoted (error)
    The text quotes the standard's limit wrongly: a figure right after the standard's name
    ("国家二级标准(30微克/立方米)", "the national standard of 30 micrograms") or right before
    it ("30微克/立方米的国家标准") that the limit does not round to.

    FAIL: 北京市PM2.5年均浓度为32微克/立方米,低于国家二级标准30微克/立方米。
    PASS: 北京市PM2.5年均浓度为32微克/立方米,低于国家二级标准35微克/立方米。
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from factcheck.checks.arithmetic import half_unit, value_interval
from factcheck.checks.base import Result, Rule, claim_finding
from factcheck.interval import Interval, fmt
from factcheck.models import Claim, Location, Sentence, Verdict
from factcheck.numbers import bind_lazy, lazy_re

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Reference, Standard

STANDARD_CLAIM = Rule(
    "FC401", "standard-claim", "standard", "error",
    "A claim of meeting, beating or exceeding a standard that the figure contradicts.",
    "2023年,天津市PM2.5年均浓度为41微克/立方米,达到国家二级标准。",
    "2023年,北京市PM2.5年均浓度为32微克/立方米,达到国家二级标准。",
)
LIMIT_MISQUOTED = Rule(
    "FC402", "standard-limit-misquoted", "standard", "error",
    "The text quotes a standard's limit wrongly.",
    "北京市PM2.5年均浓度为32微克/立方米,低于国家二级标准30微克/立方米。",
    "北京市PM2.5年均浓度为32微克/立方米,低于国家二级标准35微克/立方米。",
)
RULES = (STANDARD_CLAIM, LIMIT_MISQUOTED)

# A figure stated as a point of comparison (比2013年的89.5, "from 89.5 in 2013") does not meet or miss a standard.
COMPARED_BEFORE = lazy_re(r"(?:比|较|与|同|从|由|\bfrom|\bthan|\bwith)\s*(?:\d{4}\s*年?\s*(?:底|末)?\s*的?)?\s*$",
                          re.IGNORECASE)
# Generic names, resolved against the standards of the figure's metric.
GENERIC = lazy_re(
    r"(?:国家)?(?:环境)?(?:空气质量)?(?:一级|二级)标准|国家(?:环境)?(?:空气质量)?标准|国标"
    r"|(?:the\s+)?(?:national|China's|Chinese)\s+(?:air[- ]quality\s+)?standards?"
    r"|Grade\s+(?:II|2|I|1)\s+(?:air[- ]quality\s+)?standards?",
    re.IGNORECASE,
)
GRADE_ONE = lazy_re(r"一级|Grade\s+(?:I|1)\b", re.IGNORECASE)
GRADE_ONE_ID = lazy_re(r"grade_?(?:i|1)(?![i\d])", re.IGNORECASE)
BARE = lazy_re(r"未达标|没有达标|没达标|不达标|尚未达标|超标|达标")
# Found wherever GENERIC or BARE is (each of their alternatives contains 标 or "standard"): a cheap test first.
MAY_MENTION = lazy_re(r"标|standard", re.IGNORECASE)
# Relations, failing ones first so that 未达到 wins over 达到 and "failed to meet" over "meet".
FAILS = (r"未能达到|未达到|没有达到|没达到|尚未达到|不符合|未满足|超过|超出|高于|劣于|差于"
         r"|failed to meet|fails to meet|failing to meet|did not meet|does not meet|didn't meet|doesn't meet"
         r"|not meet(?:ing)?|missed|missing|exceed(?:s|ed|ing)?|above|higher than|worse than|short of|breach(?:es|ed)?")
STRICT = r"优于|好于|低于|below|under|better than|lower than"
MEETS = (r"达到|符合|满足|不超过|未超过|控制在|meet(?:s|ing)?|met|within|reach(?:es|ed|ing)?|achiev(?:e|es|ed|ing)"
         r"|compl(?:y|ies|ied|ying) with|in line with|up to")
RELATION = lazy_re(rf"(?P<fails>{FAILS})|(?P<strict>{STRICT})|(?P<meets>{MEETS})", re.IGNORECASE)
CLAUSE_BREAK = lazy_re(r"[,,;;。!?!?]")
# Runs of years: 连续三年 / for three consecutive years / for a fourth straight year / 3 years in a row.
CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
EN_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
          "ninth": 9, "tenth": 10}
RUN_ZH = lazy_re(r"连续(?P<n>\d+|[一二两三四五六七八九十]+)年")
RUN_EN = lazy_re(
    r"(?:for\s+)?(?:(?P<n1>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:consecutive|straight|successive)"
    r"\s+years|(?:a|the)\s+(?P<n2>\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"\s+(?:consecutive|straight|successive)\s+year|(?P<n3>\d+|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+years\s+in\s+a\s+row)",
    re.IGNORECASE,
)
QUOTE_AFTER = lazy_re(r"^\s*(?:[((::=]|为|是|of)?\s*(?:年均|年平均|annual(?:\s+average)?|of)?\s*$",
                         re.IGNORECASE)
# "35微克/立方米的国家标准": only the unit (when the claim's span left it out) and 的 between.
QUOTE_BEFORE = lazy_re(r"^\s*(?:[^\d\s,，;；。:：()（）]{0,8}的(?:年均|年平均)?)?\s*$")
WINDOW = 24


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    standards: tuple[Standard, ...]
    named: bool  # a name of the reference (one standard) rather than a generic one
    relation: str | None  # "meets" | "strict" | "fails" | None
    bare: bool = False  # 达标 / 超标 without a name


def _cn_number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s in CN_NUM:
        return CN_NUM[s]
    if len(s) == 2 and s[0] == "十" and s[1] in CN_NUM:
        return 10 + CN_NUM[s[1]]
    return None


def _en_number(s: str) -> int | None:
    s = s.lower()
    digits = re.match(r"\d+", s)
    if digits:
        return int(digits.group(0))
    return EN_NUM.get(s)


_NAMED: weakref.WeakKeyDictionary[Reference, re.Pattern[str] | None] = weakref.WeakKeyDictionary()


def _named_prefilter(ref: Reference) -> re.Pattern[str] | None:
    """A pattern found in every sentence where resolve's name matcher can find a standard's name (any of them,
    anywhere, case-insensitive as the matcher is); None when the reference names no standard. A sentence
    without it needs no scan: most sentences name no standard, and the matcher scans for every name."""
    try:
        return _NAMED[ref]
    except KeyError:
        pass
    except TypeError:  # not weak-referenceable: build it each time
        return _build_prefilter(ref)
    _NAMED[ref] = built = _build_prefilter(ref)
    return built


def _build_prefilter(ref: Reference) -> re.Pattern[str] | None:
    names = {name.lower() for name, kind, _ in ref.name_table() if kind == "standard" and name}
    return re.compile(_trie_pattern(names), re.IGNORECASE) if names else None


_MAX_SUBSTRING_PASS = 2000  # words; the pass is quadratic


def _trie_pattern(words: set[str]) -> str:
    """A pattern that matches where one of ``words`` (non-empty) occurs, factored by common prefixes.

    Only whether it matches is used: a word that holds a shorter word is left out (the shorter one occurs
    wherever it does, case-insensitively too). At each position the engine tries one branch per distinct next
    character instead of every word: less than half the time of the flat alternation on the gold articles."""
    ordered = sorted(words, key=len)
    if len(ordered) <= _MAX_SUBSTRING_PASS:
        ordered = [w for i, w in enumerate(ordered) if not any(u in w for u in ordered[:i])]
    trie: dict[str, dict[str, Any]] = {}
    for word in ordered:
        node = trie
        for ch in word:
            if "" in node:
                break  # a shorter word ends here
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(trie)


def _mentions(doc: Document, ref: Reference, s: Sentence) -> list[Mention]:
    text = doc.norm.text
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    named = _named_prefilter(ref)
    scanned = _scan(ref, text[s.start: s.end]) if named is not None and named.search(text, s.start, s.end) else []
    for m in scanned:
        if m.kind != "standard":
            continue
        std = ref.standard(m.id)
        if std is None:
            continue
        start, end = s.start + m.start, s.start + m.end
        out.append(Mention(start, end, text[start:end], (std,), True, _relation(text, s, start)))
        taken.append((start, end))
    if not MAY_MENTION.search(text, s.start, s.end):  # every GENERIC and BARE match holds one of these
        return sorted(out, key=lambda m: m.start)
    for g in GENERIC.finditer(text, s.start, s.end):
        if any(a < g.end() and g.start() < b for a, b in taken):
            continue
        stds = tuple(ref.standards)
        grade_one = bool(GRADE_ONE.search(g.group(0)))
        out.append(Mention(g.start(), g.end(), g.group(0), _generic(stds, grade_one), False,
                           _relation(text, s, g.start())))
        taken.append((g.start(), g.end()))
    for b in BARE.finditer(text, s.start, s.end):
        if any(a < b.end() and b.start() < e for a, e in taken):
            continue
        relation = "meets" if b.group(0) == "达标" else "fails"
        out.append(Mention(b.start(), b.end(), b.group(0), _generic(tuple(ref.standards), False), False,
                           relation, bare=True))
    return sorted(out, key=lambda m: m.start)


def _scan(ref: Reference, sentence: str) -> list[Any]:
    from factcheck.resolve import matcher_for

    return matcher_for(ref).scan(sentence)


def _generic(stds: tuple[Standard, ...], grade_one: bool) -> tuple[Standard, ...]:
    """The standards a generic name may mean: grade I only when it says so, else not grade I."""
    def is_grade_one(std: Standard) -> bool:
        return any(GRADE_ONE.search(n) for n in std.names) or bool(GRADE_ONE_ID.search(std.id))

    return tuple(s for s in stds if is_grade_one(s) == grade_one)


def _relation(text: str, s: Sentence, pos: int) -> str | None:
    lo = max(s.start, pos - WINDOW)
    window = text[lo:pos]
    cut = list(CLAUSE_BREAK.finditer(window))
    if cut:
        window = window[cut[-1].end():]
    found = list(RELATION.finditer(window))
    if not found:
        return None
    last = found[-1]
    return next(k for k in ("fails", "strict", "meets") if last.group(k))


def _pick(mention: Mention, metric: str | None) -> Standard | None:
    """The one standard of ``mention`` for ``metric`` (None when none or ambiguous)."""
    if metric is None:
        return None
    stds = [s for s in mention.standards if s.metric == metric]
    if len(stds) == 1:
        return stds[0]
    if len(stds) > 1 and len({s.limit for s in stds}) == 1:
        return stds[0]
    return None


def _unit_fits(claim: Claim, std: Standard, ref: Reference) -> bool:
    from factcheck.units import same_unit

    metric = ref.metrics.get(std.metric)
    return metric is not None and same_unit(metric.unit, claim.unit)


def _limit_quotes(doc: Document, ref: Reference, s: Sentence, mentions: Sequence[Mention],
                  claims: Sequence[Claim]) -> dict[str, tuple[Claim, Mention]]:
    """Claims that quote a mentioned standard's limit (claim id -> (claim, mention))."""
    text = doc.norm.text
    out: dict[str, tuple[Claim, Mention]] = {}
    for m in mentions:
        if m.bare:
            continue
        for c in claims:
            if c.kind != "level":
                continue
            after = c.nstart >= m.end and c.nstart - m.end <= 16 and QUOTE_AFTER.match(text[m.end: c.nstart])
            before = c.nend <= m.start and QUOTE_BEFORE.match(text[c.nend: m.start])
            if after or before:
                out.setdefault(c.id, (c, m))
    return out


def _quote_standard(claim: Claim, mention: Mention, ref: Reference, metric: str | None) -> list[Standard]:
    """The standards a limit quote may refer to: the named one, or those of the metric in play."""
    stds = [s for s in mention.standards if _unit_fits(claim, s, ref)]
    if mention.named:
        return stds
    if metric is not None:
        by_metric = [s for s in stds if s.metric == metric]
        if by_metric:
            return by_metric
    return stds if len({s.metric for s in stds}) == 1 else []


def _run_length(text: str, s: Sentence, mention: Mention) -> tuple[int, str] | None:
    """"连续三年" / "for three consecutive years" next to the mention (same clause)."""
    lo, hi = max(s.start, mention.start - 16), min(s.end, mention.end + 64)
    best: tuple[int, int, str] | None = None
    for m in RUN_ZH.finditer(text, lo, mention.start):
        n = _cn_number(m.group("n"))
        if n is not None and not CLAUSE_BREAK.search(text, m.end(), mention.start):
            best = (abs(mention.start - m.end()), n, m.group(0))
    for m in RUN_EN.finditer(text, lo, hi):
        raw = m.group("n1") or m.group("n2") or m.group("n3")
        n = _en_number(raw) if raw else None
        between = text[mention.end: m.start()] if m.start() >= mention.end else text[m.end(): mention.start]
        if n is not None and not re.search(r"[;;。]", between):
            dist = abs(m.start() - mention.end)
            if best is None or dist < best[0]:
                best = (dist, n, m.group(0))
    return (best[1], best[2]) if best else None


def _complies(std: Standard, iv: Interval, relation: str) -> tuple[bool, bool]:
    """(some value of iv satisfies the relation, every value does)."""
    upper = std.comparison in ("<=", "<", "≤")
    # A value that meets the standard "better than"/"below" must be strictly on the good side.
    strict = relation == "strict" or std.comparison in ("<", ">")

    def ok(x: Decimal) -> bool:
        if upper:
            return x < std.limit if strict else x <= std.limit
        return x > std.limit if strict else x >= std.limit

    some = ok(iv.lo) if upper else ok(iv.hi)
    every = ok(iv.hi) if upper else ok(iv.lo)
    return some, every


def _satisfies(std: Standard, iv: Interval, relation: str) -> bool:
    """Can the figure be what the relation says?"""
    if relation == "fails":
        _, every = _complies(std, iv, "meets")
        return not every
    some, _ = _complies(std, iv, relation)
    return some


def _relation_words(relation: str, std: Standard) -> str:
    op = {"<=": "≤", "<": "<", ">=": "≥", ">": ">"}.get(std.comparison, std.comparison)
    if relation == "fails":  # the opposite of the standard's own comparison
        op = {"≤": ">", "<": "≥", "≥": "<", ">": "≤"}.get(op, op)
    elif relation == "strict":
        op = "<" if op in ("≤", "<") else ">"
    return f"{op} {fmt(std.limit)}"


def _value_claim(text: str, claims: Sequence[Claim], mention: Mention, metric_ok: set[str],
                 quotes: set[str]) -> Claim | None:
    cands = [c for c in claims if c.kind == "level" and c.metric in metric_ok and c.id not in quotes
             and not COMPARED_BEFORE.search(text, max(0, c.nstart - 16), c.nstart)]
    before = [c for c in cands if c.nend <= mention.start]
    if before:
        return before[-1]
    after = [c for c in cands if c.nstart >= mention.end]
    return after[0] if after else None


def _year_values(doc: Document, ref: Reference, claim: Claim,
                 year: int) -> tuple[Interval, str, str, Claim | None] | None:
    """The value for ``year`` (same region and metric): from the text first, else the reference."""
    if claim.region is None or claim.metric is None:
        return None
    in_text = [c for c in doc.claims if c.kind == "level" and c.region == claim.region
               and c.metric == claim.metric and c.year == year and c.unit == claim.unit]
    if in_text:
        same = [c for c in in_text if c.sentence_index == claim.sentence_index] or in_text
        c = same[0]
        return value_interval(c), fmt(c.value), f"the text, line {c.line}", c
    facts = ref.facts_for(claim.region, claim.metric, year)
    if not facts:
        return None
    f = facts[0]
    margin = f.tolerance if f.tolerance is not None else half_unit(f.value)
    where = f"{ref.where(f)}: {f.source}"
    return Interval(f.value - margin, f.value + margin), fmt(f.value), where, None


def limit_quote_ids(doc: Document, ref: Reference) -> set[str]:
    """Ids of the claims that quote a standard's limit ("国家二级标准(35微克/立方米)").

    They are figures of the standard, not of the region: other checks may want to skip them.
    """
    out: set[str] = set()
    by_sentence: dict[int, list[Claim]] = {}
    for c in sorted(doc.claims, key=lambda c: c.nstart):
        by_sentence.setdefault(c.sentence_index, []).append(c)
    for s in doc.sentences:
        claims = by_sentence.get(s.index, [])
        if claims:
            mentions = _mentions(doc, ref, s)
            if mentions:
                out.update(_limit_quotes(doc, ref, s, mentions, claims))
    return out


def check(doc: Document, ref: Reference) -> Iterator[Result]:
    if not ref.standards:
        return
    by_sentence: dict[int, list[Claim]] = {}
    for c in sorted(doc.claims, key=lambda c: c.nstart):
        by_sentence.setdefault(c.sentence_index, []).append(c)
    for s in doc.sentences:
        claims = by_sentence.get(s.index, [])
        if not claims:
            continue
        mentions = _mentions(doc, ref, s)
        if not mentions:
            continue
        quotes = _limit_quotes(doc, ref, s, mentions, claims)
        yield from _check_quotes(doc, ref, claims, quotes)
        seen: set[tuple[str, str]] = set()
        # A mention with a run of years ("连续三年达到…") first: it says the most.
        ordered = sorted((m for m in mentions if m.relation is not None),
                         key=lambda m: (_run_length(doc.norm.text, s, m) is None, m.start))
        for m in ordered:
            yield from _check_claim(doc, ref, s, m, claims, set(quotes), seen)


def _check_quotes(doc: Document, ref: Reference, claims: Sequence[Claim],
                  quotes: dict[str, tuple[Claim, Mention]]) -> Iterator[Result]:
    for claim, mention in quotes.values():
        context = [c.metric for c in claims if c.metric is not None and c.id not in quotes]
        metric = claim.metric or (context[-1] if context else None)
        stds = _quote_standard(claim, mention, ref, metric)
        if not stds:
            continue
        iv = value_interval(claim)
        unit = f" {claim.unit}" if claim.unit else ""
        if any(iv.contains(s.limit) for s in stds):
            std = next(s for s in stds if iv.contains(s.limit))
            yield Verdict(claim.id, "agrees", f"limit {fmt(std.limit)}{unit} ({std.source})")
            continue
        std = stds[0]
        name = mention.text if mention.named else ref.display_name("standard", std.id)
        yield claim_finding(
            LIMIT_MISQUOTED, doc, claim,
            f"{name}: the text quotes a limit of {fmt(claim.value)}{unit}, the standard says {fmt(std.limit)}{unit}",
            expected=fmt(std.limit), actual=fmt(claim.value), source=std.source,
            explanation=(f"quoted {fmt(claim.value)}{unit} stands for {iv.describe(2)}; the limit of {std.id} "
                         f"({ref.where(std)}) is {fmt(std.limit)}{unit}, outside it"),
        )
        yield Verdict(claim.id, "contradicts", f"limit is {fmt(std.limit)}{unit} ({std.source})")


def _check_claim(doc: Document, ref: Reference, s: Sentence, m: Mention, claims: Sequence[Claim],
                 quotes: set[str], seen: set[tuple[str, str]]) -> Iterator[Result]:
    assert m.relation is not None
    metrics = {std.metric for std in m.standards}
    value = _value_claim(doc.norm.text, claims, m, metrics, quotes)
    if value is None:
        return
    std = _pick(m, value.metric)
    if std is None or not _unit_fits(value, std, ref) or (value.id, std.id) in seen:
        return
    seen.add((value.id, std.id))
    iv = value_interval(value)
    unit = f" {value.unit}" if value.unit else ""
    said = {"meets": "meets", "strict": "is better than", "fails": "does not meet"}[m.relation]
    name = m.text if not m.bare else ref.display_name("standard", std.id)
    rel = _relation_words(m.relation, std)
    where = ref.display_name("region", value.region) if value.region else ""
    subject = f"{where} {fmt(value.value)}{unit}".strip()
    if not _satisfies(std, iv, m.relation):
        yield claim_finding(
            STANDARD_CLAIM, doc, value,
            f"the text says {subject} {said} {name}, but the limit is {fmt(std.limit)}{unit}",
            expected=rel, actual=fmt(value.value), source=std.source,
            explanation=(f"claimed {fmt(value.value)}{unit} stands for {iv.describe(2)}; {std.id} "
                         f"({ref.where(std)}) requires {_relation_words('meets', std)}{unit}; "
                         f"“{m.text}” claims {rel}{unit}, which no value in the interval satisfies"),
        )
        yield Verdict(value.id, "contradicts", f"limit {fmt(std.limit)}{unit} ({std.source})")
        return
    run = _run_length(doc.norm.text, s, m) if m.relation != "fails" else None
    if run is not None and value.year is not None:
        n, words = run
        broken = _broken_year(doc, ref, value, std, n)
        if broken is not None:
            year, shown, origin, where_claim = broken
            others = (Location(doc.path, where_claim.line, where_claim.column),) if where_claim else ()
            first = value.year - n + 1
            need = _relation_words("meets", std)
            yield claim_finding(
                STANDARD_CLAIM, doc, value,
                f"the text says {subject} {said} {name} “{words}” ({first}–{value.year}), but {year} was "
                f"{shown}{unit}, "
                f"which does not meet {need}{unit}",
                expected=f"{need} in {first}–{value.year}", actual=f"{year}: {shown}",
                source=std.source, others=others,
                explanation=(f"{n} years ending {value.year} are {first}–{value.year}; {year}'s value {shown}{unit} "
                             f"({origin}) cannot meet {need}{unit} ({std.id}, {ref.where(std)})"),
            )
            yield Verdict(value.id, "contradicts", f"{year} did not meet the standard")
            return
    yield Verdict(value.id, "agrees", f"{_relation_words('meets', std)}{unit} ({std.source})")


def _broken_year(doc: Document, ref: Reference, claim: Claim, std: Standard,
                 n: int) -> tuple[int, str, str, Claim | None] | None:
    assert claim.year is not None
    for year in range(claim.year - n + 1, claim.year):
        found = _year_values(doc, ref, claim, year)
        if found is None:
            continue
        iv, shown, origin, where = found
        some, _ = _complies(std, iv, "meets")
        if not some:
            return year, shown, origin, where
    return None


bind_lazy(globals())
