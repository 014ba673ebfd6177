"""Resolve: attach region, metric and year to every extracted quantity.

Context rules (each a plain function below, easy to test):

- The article's date: ``--date``; else Markdown front matter ``date:``; else the
  dateline (the first full date near the top on a short line or a line naming a
  source, ``2024年02月23日07:30 | 来源:…``, ``2024-12-12 08:55:07 来源:…``).
- The home region (what 我市 / 全市 / 本市 mean): ``--region``; else front matter
  ``region:``; else the region named on the dateline / source line
  (``来源:张家口新闻网`` -> zhangjiakou) or in a wire dateline (``新华社石家庄1月5日电``).
- Region of a quantity: the nearest region name (or home-region pronoun) before it
  in its sentence; else the first one after it in its clause; else the previous
  sentence of the same paragraph; else the current heading.
- Metric: the nearest metric name before it in its sentence whose unit fits; else
  a fuzzy match (rapidfuzz) of the words just before the number against the
  metric names.
- Year: the year stated in the phrase; else the nearest year before it in its
  clause; else the sentence's leading year (``2023年数据显示,…;…``); else the
  heading's year. Years in a comparison (比2014年, 自2021年, since 2013) are never
  taken as the claim's own year. 今年 / 去年 resolve against the article's date.
  As the gold convention (tests/gold/README.md) says: a period between two dates is
  dated by its later end; a bare part of a year (前三季度, "the first half", 本采暖季)
  is the latest such period up to the article's date; a change takes the later of
  its sentence's years; an earlier sentence of the paragraph dates nothing (only a
  list's lead-in line or the sentence a 其中 breakdown continues).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import importlib
import itertools
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from factcheck.models import Claim, Extraction, Loaded, Normalized, Quantity, Sentence, TimeExpr
from factcheck.numbers import bind_lazy, fold, lazy_re
from factcheck.places import NOT_PLACES, place_names, prefecture_aliases
from factcheck.positions import LineIndex
from factcheck.segment import sentence_at
from factcheck.units import canonical_unit, unit_spelling
from factcheck.units import lookup as lookup_unit

if TYPE_CHECKING:
    from factcheck.reference import Reference

CLAIM_KINDS = ("level", "change", "multiple")
CITY_PRONOUNS = lazy_re(r"我市|全市|本市|我区|全区|本区")
PROVINCE_PRONOUNS = lazy_re(r"我省|全省|本省")
# Anaphors: the city or province named last before them (else the home region).
CITY_ANAPHORS = lazy_re(r"该市|\b[Tt]he (?:city|capital)(?:'s)?\b")
PROVINCE_ANAPHORS = lazy_re(r"该省|\b[Tt]he province(?:'s)?\b")
ANAPHOR_REACH = 400  # characters looked back for the antecedent
GROUP_REACH = 2000  # characters looked back for the group region "the region" / 该区域 stands for
# A count of cities that names a group: 28个城市 (the "2+26" group), 74个重点城市 / 339个地级及以上城市 (the country).
CITY_GROUP = lazy_re(r"(?<![\d.])(\d{2,3})\s*[个個]?\s*(重点)?城市|\b[Tt]he\s+(\d{2,3})\s+(key\s+)?cities\b")
GROUP_CITY_COUNTS = (("jingjinji_zhoubian", 28), ("china", 74), ("china", 168), ("china", 169), ("china", 337),
                     ("china", 338), ("china", 339))
NATIONAL = lazy_re(r"全国|全國|\bnationwide\b|\bnationally\b|\bnational\b", re.IGNORECASE)
NATIONAL_ID = "china"  # the reference's region for the whole country
CONTINUING_OPENER = lazy_re(r"\s*(?:Its|Their|It|They|Both)\b|\s*(?:该|其|两地|二者)")
QUALIFIER_GAP = lazy_re(r"\s*[,,]?\s*")  # "Tangshan, Hebei": a broader place that only qualifies the one before
QUALIFIER_BEFORE_GAP = lazy_re(r"(?:省|['’]s)?\s*")  # 河北省唐山市, "Hebei's Tangshan": ... or the one after
REGION_ANAPHORS = lazy_re(r"\b[Tt]he region(?:['’]s)?(?![\w-])|该区域|該區域|区域内|區域內|(?<![京津冀\w])三地|"
                          r"\b[Tt]he three (?:places|provinces|regions|localities)(?:['’]s?)?(?![\w-])")
HEADING_LIKE_MAX = 40  # characters of a line that heads a section without being marked as a heading
TABLE_YEAR = lazy_re(r"((?:19|20)\d{2})\s*年?(?:\s*[(（][^)）]*[)）])?")
REACH = 600  # characters a look back within a sentence goes (figures, names, times of the same sentence)
CUE_REACH = 200  # characters a look back for a cue word goes (目前, 力争, 预计, 累计…)
METRIC_REACH = 600  # characters looked back for the measure a bare concentration continues
LEDE_SENTENCES = 12  # sentences looked at for the article's opening period (titles and source lines skipped)
LEDE_PROSE = 3  # sentences of prose that open the article
HEADING_DEPTH = 3  # headings looked up for a year (a subsection's, its section's, the title's)
OUTLINE = lazy_re(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．])")
# A region name right after these is an object or a partner (对接北京, 与北京, 进京, "to Beijing"), not the subject.
OBJECT_BEFORE = lazy_re(
    r"(?:占|与|和|同|向|对接|对标|连接|连通|进|赴|到|至|往|送|输|来自|引进|引入|招引|吸引|承接|"
    r"from|to|with|and|into|around|surrounding)\s*$",
    re.IGNORECASE)
# Years in these contexts are comparisons or starting points, not the claim's own year.
# "twice the 2013 level", "1.9 times that of 2013", 是2013年的1.9倍: the year of what a multiple compares with.
# "from the same period last year", "than a year earlier", "measured against 2023": the time compared with.
COMPARISON_BEFORE = lazy_re(
    r"(?:比|较|自|从|由|与|同|跟|since|from|than|with|vs\.?|against|relative\s+to|"
    r"\b(?:from|than|with|against|over)\s+(?:the\s+)?same\s+(?:period|time|months?|quarters?)\s+(?:of\s+|in\s+)?|"
    r"\b(?:times|twice|thrice|double|triple)\s+(?:(?:the|that|those|its|their)\s+)?(?:(?:level|figure|size)\s+)?"
    r"(?:of\s+)?(?:the\s+)?)\s*$", re.IGNORECASE)
# English puts the place after the figure: "fell 57.3 percent in Tianjin and 57.6 percent in Hebei".
REGION_RIGHT_AFTER = lazy_re(r"^\s*(?:in|for|at)\s+(?:the\s+)?$", re.IGNORECASE)
# 今年前11个月 / 前三季度 is "the first months of this year", not a time before it.
COMPARISON_AFTER = lazy_re(
    r"^\s*(?:相比|以来|来|起|[底末]?的\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,2})\s*倍|前(?!\s*(?:\d{1,2}|[一二三四五六七八九十两]{1,2})\s*个?(?:月|季度))|后|之前|开始|至今|同期)")
SOURCE_NAME = lazy_re(r"(?:来源|稿源|来自|source)\s*[::]\s*(\S{2,20})", re.IGNORECASE)
SOURCE_LINE = lazy_re(r"来源|来自|稿源|source|published|updated|日期|记者|电\b|电\s*\(|\|", re.IGNORECASE)
WIRE_DATELINE = lazy_re(
    r"(?:新华社|中新社|中新网|人民网|央视网|新华网|Xinhua)\s*([^\s\d,,]{2,6}?)\s*\d{1,2}月\d{1,2}日电")
EN_DATELINE = lazy_re(
    r"(?m)^[ \t]*([A-Z][A-Z'’]+(?:[ -][A-Z][A-Z'’]+)?)"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Za-z.]+)?(?:[ \t]+\d{1,2})?)?"
    r"[ \t]*(?:\((?:AP|Xinhua|Reuters|AFP|Bloomberg|CNS|China Daily|CGTN)\))?[ \t]*(?:—|--|–)[ \t]")
# An institution named after a place (北京大学, 天津理工大学, "Peking University", "Hebei Normal University"): its
# name mentions no place a figure is about.
INSTITUTION_AFTER = lazy_re(
    r"(?:理工|师范|師範|交通|科技|工业|工業|医科|醫科|外国语|外國語|体育|體育|农业|農業|财经|財經)?(?:大学|大學|学院|學院)|"
    r"\s+(?:(?:Normal|Jiaotong|Medical|Polytechnic|Sport|Agricultural|Foreign Studies|Technology)\s+)?"
    r"(?:University|College)\b|"
    # 河北日报, 天津电视台, "Tianjin Daily", "HEBEI TV": an outlet named after its place (a masthead), not the subject.
    r"(?:日报|日報|晚报|晚報|新闻网|新聞網|电视台|電視台|广播电视台|卫视|衛視)|"
    r"(?-i:\s+(?:Daily|Evening\s+News|TV|TELEVISION|Television|DAILY|Radio|RADIO)\b)", re.IGNORECASE)
FUZZY_WINDOW = 24
FUZZY_CUTOFF = 90.0



@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # region | metric | standard | home
    id: str


@dataclass(frozen=True)
class Resolution:
    claims: tuple[Claim, ...]
    published: dt.date | None
    home_region: str | None
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Home:
    """The article's home region and whether it is also its default subject.

    A local outlet (``来源:张家口新闻网``), front matter or ``--region`` make the home
    region the default for figures that name no region; a wire dateline
    (``新华社石家庄…电``) only says where the story was filed, so it serves the
    pronouns (我市, 全省) but is no default subject.
    """

    region: str | None
    default: bool


# --------------------------------------------------------------------------- names

_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, as a character trie: ``(?:北京(?:市)?|天津(?:市)?)``.

    Python's ``re`` tries a flat alternation's branches one by one at every position; a trie shares
    prefixes, so a scan costs about one step per character whatever the number of names.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = []
        singles = []
        for ch in sorted(k for k in node if k):
            rest = build(node[ch])
            if rest:
                branches.append(re.escape(ch) + rest)
            else:
                singles.append(re.escape(ch))
        if singles:
            branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        # Greedy ``?`` tries the longer continuation first: the longest name wins, as with a sorted alternation.
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")

    return build(trie)


# ------------------------------------------------------------------ literal prefilters

def _foldable(ch: str) -> bool:
    """Characters whose case-insensitive matches fold() maps to ``ch.lower()``: ASCII, CJK ideographs and CJK or
    full-width punctuation (no other cased script: ``µ``/``μ`` and the like fold apart though ``re.I`` joins them)."""
    o = ord(ch)
    return o < 0x80 or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or (
        0xFF01 <= o <= 0xFF20 and not ch.isalnum())


def _required(items: Any) -> frozenset[str] | None:
    """Lowercased strings one of which every match of a parsed pattern contains, None if none is known."""
    options = _required_options(items)
    return max(options, key=_selectivity) if options else None


def _selectivity(strings: AbstractSet[str]) -> tuple[int, int]:
    return min(map(len, strings)), -len(strings)


def _required_options(items: Any) -> list[frozenset[str]]:
    """Every set of lowercased strings known to be necessary for a match of a parsed pattern (a match contains
    one string of each set).

    Conservative by construction: a run of literal characters in a row (zero-width assertions do not break it;
    what they look at is not part of the match), an alternation's union when each of its branches has one, a
    group's or a repeat's (of at least one) own. Anything else (classes, ``\\d``, optional parts) says nothing.
    """
    c = importlib.import_module("re._constants")  # the parser's opcodes (CPython 3.11+)

    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL and _foldable(chr(av)):
            run.append(chr(av).lower())
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if run:
            out.append(frozenset({"".join(run)}))
            run = []
        if op is c.SUBPATTERN:
            out.extend(_required_options(av[-1]))
        elif op is c.ATOMIC_GROUP:
            out.extend(_required_options(av))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            out.extend(_required_options(av[2]))
        elif op is c.BRANCH:
            branches = [_required_options(b) for b in av[1]]
            if all(branches):
                # One set per branch, preferring one the union already holds (年…月 next to 月: 月).
                union: frozenset[str] = frozenset()
                for opts in sorted(branches, key=len):
                    held = [o for o in opts if o <= union]
                    union |= held[0] if held else max(opts, key=_selectivity)
                out.append(union)
    if run:
        out.append(frozenset({"".join(run)}))
    return out


_REQUIRED: dict[tuple[str, int], tuple[str, ...] | None] = {}


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowercased strings one of which the folded text (:func:`factcheck.numbers.fold`) of any match of
    ``pattern`` contains, or None when the pattern promises none; derived from the parsed pattern, once."""
    key = (pattern.pattern, pattern.flags)
    if key not in _REQUIRED:
        found = _required(importlib.import_module("re._parser").parse(pattern.pattern, pattern.flags))
        # A string holding another of the set adds nothing (个月 with 月).
        keys = sorted(k for k in found or () if not any(o != k and o in k for o in found or ()))
        _REQUIRED[key] = tuple(keys) if keys and all(keys) else None
    return _REQUIRED[key]


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text`` (none of its required literals is there): a
    few substring tests in C instead of a case-insensitive scan trying every alternative at every position."""
    keys = required_literals(pattern)
    return keys is None or _holds_any(fold(text), keys)


def _holds_any(folded: str, keys: Sequence[str]) -> bool:
    return any(k in folded for k in keys)


def search_in(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``pattern.search(text, lo, hi)``, skipped when the window cannot hold a match (same result)."""
    if not may_match(pattern, text[max(lo, 0): hi]):
        return None
    return pattern.search(text, lo, hi)


# ------------------------------------------------------------------ first-character lookahead

_SCANNERS: dict[tuple[str, int], re.Pattern[str]] = {}


def scanner(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a lookahead on the characters any of its matches starts with, ``(?=[…])(?:pattern)``:
    the same matches (same spans and groups), but a whole-text scan rejects a position that starts no match with
    one set test instead of trying every alternative there (cue patterns with ``\\b``, lookbehinds and English
    alternatives scan 2-4x faster). ``pattern`` itself when the engine already skips by its first characters (a
    literal prefix or an alternation of literals) or when they cannot be told (a class like ``[^…]``, ``.``)."""
    key = (pattern.pattern, pattern.flags)
    found = _SCANNERS.get(key)
    if found is None:
        found = _SCANNERS[key] = _with_lookahead(pattern) or pattern
    return found


def _with_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    c = importlib.import_module("re._constants")
    try:
        parsed = importlib.import_module("re._parser").parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    first = parsed.data[0] if parsed.data else None
    if first is not None and (first[0] in (c.LITERAL, c.IN) or (first[0] is c.BRANCH and all(
            alt.data and alt.data[0][0] is c.LITERAL for alt in first[1][1]))):
        return None  # re already scans for its first character(s) itself
    found = _first_set(parsed.data, pattern.flags)
    if found is None or found[1] or not found[0]:
        return None  # unknown, or the pattern may match the empty string
    try:
        return re.compile(f"(?=[{''.join(dict.fromkeys(found[0]))}])(?:{pattern.pattern})", pattern.flags)
    except re.error:
        return None


def _first_set(items: Any, flags: int) -> tuple[list[str], bool] | None:
    """(class items for every character a match of the parsed sequence can start with, whether it may match
    empty), or None when that cannot be told. Zero-width items (``\\b``, lookarounds) are skipped: the set is a
    superset, never too small."""
    out: list[str] = []
    c = importlib.import_module("re._constants")
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        found = _first_of(op, av, flags)
        if found is None:
            return None
        out.extend(found[0])
        if not found[1]:
            return out, False
    return out, True


def _first_of(op: Any, av: Any, flags: int) -> tuple[list[str], bool] | None:
    c = importlib.import_module("re._constants")
    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                  c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}
    if op is c.LITERAL:
        return [f"\\U{av:08x}"], False
    if op is c.IN:
        parts = []
        for item, value in av:
            if item is c.LITERAL:
                parts.append(f"\\U{value:08x}")
            elif item is c.RANGE:
                parts.append(f"\\U{value[0]:08x}-\\U{value[1]:08x}")
            elif item is c.CATEGORY and value in categories:
                parts.append(categories[value])
            else:
                return None  # a negated class, a locale category
        return parts, False
    if op is c.BRANCH:
        out: list[str] = []
        empty = False
        for alt in av[1]:
            found = _first_set(alt.data, flags)
            if found is None:
                return None
            out.extend(found[0])
            empty = empty or found[1]
        return out, empty
    if op is c.SUBPATTERN:
        if av[1] & re.IGNORECASE and not flags & re.IGNORECASE:
            return None  # (?i:…) inside a case-sensitive pattern: the set would be too narrow
        return _first_set(av[3].data, flags)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        found = _first_set(av[2].data, flags)
        return None if found is None else (found[0], found[1] or av[0] == 0)
    if op is c.ATOMIC_GROUP:
        return _first_set(av.data, flags)
    return None  # ., [^…], a back reference, a conditional group


class NameMatcher:
    """One compiled alternation over every region/metric/standard name (longest first)."""

    def __init__(self, table: Sequence[tuple[str, str, str]], places: Sequence[str] = ()) -> None:
        self.lookup: dict[str, tuple[str, str]] = {}
        self._periods: frozenset[str] | None = None
        self._shares: dict[str, str] | None = None
        self._period_names: list[tuple[str, str, str]] | None = None
        cjk: list[str] = []
        latin: list[str] = []
        # The reference's names first: a place it knows is never shadowed by the unknown-places list.
        others = [(name, "region", "") for name in places]
        for name, kind, ident in [*sorted(table, key=lambda t: (-len(t[0]), t[0])), *others]:
            key = name.lower()
            if not name or key in self.lookup:
                continue
            self.lookup[key] = (kind, ident)
            (latin if name.isascii() else cjk).append(name)
        self._cjk, self._latin = cjk, latin
        self._pattern: re.Pattern[str] | None = None
        self._walked = 0  # characters scanned by the walk; past WALK_BUDGET the regex pays for its compile
        # A few short texts (a draft at commit time) are scanned name by name from each character that starts
        # one: no big regex to compile, which costs more than the scan. Longest name first, as in the regex.
        self._by_first: dict[str, list[tuple[str, bool]]] = {}
        for name in sorted(self.lookup, key=lambda n: (-len(n), n)):
            self._by_first.setdefault(name[0], []).append((name, name.isascii()))
        self.metric_names: list[tuple[str, str]] = [
            (n, i) for n, k, i in table if k == "metric" and len(n) >= 4
        ]
        # bigram -> indexes into metric_names: the fuzzy pass scores only names sharing two bigrams with its window.
        self.metric_grams: dict[str, list[int]] = {}
        for index, (name, _) in enumerate(self.metric_names):
            for gram in sorted({name[j: j + 2].lower() for j in range(len(name) - 1)}):
                self.metric_grams.setdefault(gram, []).append(index)
        # The same index as bit sets (bit i: metric_names[i]): a window's bigrams are counted by a few big-int ops.
        self._gram_bits: dict[str, int] = {g: sum(1 << i for i in ix) for g, ix in self.metric_grams.items()}

    def fuzzy_pool(self, window: str) -> list[tuple[str, str]]:
        """Metric names sharing at least two character bigrams with ``window``, in table order."""
        once = twice = 0
        bits = self._gram_bits
        for gram in {window[i: i + 2].lower() for i in range(len(window) - 1)}:
            found = bits.get(gram)
            if found:
                twice |= once & found
                once |= found
        out = []
        while twice:
            low = twice & -twice
            out.append(self.metric_names[low.bit_length() - 1])
            twice ^= low
        return out

    def period_metrics(self, ref: Reference) -> frozenset[str]:
        """Metrics whose own names carry a part-of-year period (1-11月PM2.5平均浓度), computed once."""
        if self._periods is None:
            self._periods = frozenset(
                ident for ident, metric in ref.metrics.items() if any(PART_OF_YEAR.search(n) for n in metric.names))
        return self._periods

    def share_metrics(self, ref: Reference) -> dict[str, str]:
        """{metric: the percent metric of its share}, from the reference's names (优良天数 -> 优良天数比例), once."""
        if self._shares is None:
            names = {name: ident for ident, metric in ref.metrics.items() for name in metric.names}
            self._shares = {}
            for ident in sorted(ref.metrics):
                if ref.metrics[ident].unit != "%":
                    continue
                for name in ref.metrics[ident].names:
                    whole = names.get(name[:-2]) if name.endswith(("比例", "比率", "占比")) else None
                    if whole is not None and whole != ident:
                        self._shares.setdefault(whole, ident)
        return self._shares

    def period_names(self, ref: Reference) -> list[tuple[str, str, str]]:
        """(metric id, its period, the rest of its name) for every metric name with a period, computed once."""
        if self._period_names is None:
            self._period_names = []
            for other in sorted(ref.metrics):
                for name in ref.metrics[other].names:
                    m = PART_OF_YEAR.search(name)
                    if m:
                        rest = (name[: m.start()] + name[m.end():]).strip()
                        if OLYMPICS.fullmatch(m.group(0)):
                            # 冬奥会和冬残奥会期间PM2.5平均浓度, "… concentration during the Winter Olympics"
                            rest = OLYMPICS_LINK.sub("", rest).strip()
                        self._period_names.append((other, _dash(m.group(0)), rest))
        return self._period_names

    @property
    def pattern(self) -> re.Pattern[str]:
        """Every name as one character-trie regex (CJK names, then Latin names between word boundaries)."""
        if self._pattern is None:
            parts = []
            if self._cjk:
                parts.append(trie_pattern(n.lower() for n in self._cjk))
            if self._latin:
                parts.append(r"(?<![A-Za-z0-9])" + trie_pattern(n.lower() for n in self._latin) + r"(?![A-Za-z0-9])")
            # A lookahead on the names' first characters: one set test rejects a position that starts no name,
            # instead of a walk through the trie's first branches (the same matches, the scan ~1.7x faster).
            firsts = "".join(re.escape(c) for c in sorted({n.lower()[0] for n in (*self._cjk, *self._latin)}))
            body = "|".join(f"(?:{p})" for p in parts)
            self._pattern = re.compile(f"(?=[{firsts}])(?:{body})" if body else r"(?!)", re.IGNORECASE)
        return self._pattern

    @functools.cached_property
    def folded_pattern(self) -> re.Pattern[str] | None:
        """:attr:`pattern` compiled case-sensitively, to run over :func:`case_fold` of the text: the same matches
        (``re.IGNORECASE`` joins two characters exactly when case_fold gives them the same value) without the
        per-character case folding of ``re.IGNORECASE``, which costs about a third of the scan. None when a name
        holds a character case_fold changes (then two names may fold together: the case-insensitive scan)."""
        if any(case_fold(n) != n for n in self.lookup):
            return None
        return re.compile(self.pattern.pattern)

    def scan(self, text: str) -> list[Mention]:
        lowered = text.lower()
        spans: Iterable[tuple[int, int]]
        if self._pattern is None and self._walked + len(text) <= WALK_BUDGET and len(lowered) == len(text):
            self._walked += len(text)
            spans = self._scan_short(text, lowered)
        elif self.folded_pattern is not None:
            spans = ((m.start(), m.end()) for m in self.folded_pattern.finditer(case_fold(text)))
        else:
            spans = ((m.start(), m.end()) for m in self.pattern.finditer(text))
        out = []
        for start, end in spans:
            kind, ident = self.lookup[text[start:end].lower()]
            if not ident and text.startswith(NOT_PLACES, start):
                continue
            if kind == "region" and INSTITUTION_AFTER.match(text, end):
                continue  # 北京大学, "Peking University": an institution's name, no mention of the place
            out.append(Mention(start, end, kind, ident))
        return out

    def _scan_short(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """The regex's matches (leftmost, then longest; Latin names between word boundaries), found by a walk."""
        out = []
        i, n = 0, len(text)
        by_first = self._by_first
        while i < n:
            for name, latin in by_first.get(lowered[i], ()):
                if not lowered.startswith(name, i):
                    continue
                end = i + len(name)
                if latin and ((i > 0 and _wordish(text[i - 1])) or (end < n and _wordish(text[end]))):
                    continue
                out.append((i, end))
                i = end
                break
            else:
                i += 1
        return out


def _case_fold_tables() -> tuple[dict[int, str], dict[int, int], re.Pattern[str]]:
    # The characters re.IGNORECASE joins beyond their lowercase (ſ and s, ϱ and ρ), as the regex compiler has them.
    extra: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    canon = {k: min(k, *v) for k, v in extra.items()}
    after = {k: v for k, v in canon.items() if k != v}
    special = re.compile("[" + "".join(f"\\U{k:08x}" for k in sorted(after)) + "]" if after else r"(?!)")
    return {0x130: "i"}, after, special


_CASE_FOLD: tuple[dict[int, str], dict[int, int], re.Pattern[str]] | None = None


def case_fold(text: str) -> str:
    """Each character as ``re.IGNORECASE`` compares it: its simple lowercase (``str.lower`` but for İ, whose
    full lowercase is two characters), then the one representative of the characters the regex engine also
    treats as equal (ſ -> s, ı -> i, ϱ -> ρ, ς -> σ). Same length as ``text``. Two characters match each other
    case-insensitively exactly when their case_fold is equal, and a character matches ``[A-Za-z0-9]``
    case-insensitively exactly when its case_fold is in ``[a-z0-9]``."""
    global _CASE_FOLD
    if text.isascii():
        return text.lower()
    if _CASE_FOLD is None:
        _CASE_FOLD = _case_fold_tables()
    before, after, special = _CASE_FOLD
    if "\u0130" in text:
        text = text.translate(before)
    text = text.lower()
    # The second translate is a dict lookup per character: only when a character it changes is there.
    return text.translate(after) if special.search(text) else text


# Characters a process scans by walking before it compiles the names' regex: the walk is ~3x slower per character
# than the compiled regex but needs no ~10 ms compile, so a pre-commit run on a draft or two never compiles it.
WALK_BUDGET = 30_000


def _wordish(ch: str) -> bool:
    """[A-Za-z0-9], the class that bounds a Latin name in the regex."""
    return ch.isascii() and ch.isalnum()


_MATCHERS: dict[int, tuple[object, NameMatcher]] = {}


def matcher_for(ref: Reference) -> NameMatcher:
    cached = _MATCHERS.get(id(ref))
    if cached is not None and cached[0] is ref:
        return cached[1]
    # County-level aliases (黄骅 → cangzhou) count as the reference's names, for the prefectures it holds.
    aliases = [(name, "region", region) for name, region in prefecture_aliases() if region in ref.regions]
    built = NameMatcher([*ref.name_table(), *aliases], place_names())
    _MATCHERS[id(ref)] = (ref, built)
    return built


# ------------------------------------------------------------------ article context

def find_published(loaded: Loaded, norm: Normalized, times: Sequence[TimeExpr],
                   front: dict[str, str]) -> dt.date | None:
    if "date" in front:
        parsed = parse_iso_date(front["date"])
        if parsed:
            return parsed
    head_limit = max(1500, len(norm.text) // 4)
    for t in times:
        if t.start > head_limit:
            break
        if t.kind != "date" or t.year is None or t.month is None or t.day is None:
            continue
        line = _line_of(norm.text, t.start)
        if len(line.strip()) <= 60 or SOURCE_LINE.search(line):
            try:
                return dt.date(t.year, t.month, t.day)
            except ValueError:
                continue
    # The original text: cleaning drops a byline line ("Apr 4th 2024 | XIONG'AN | China | 6 min read") as boilerplate.
    return _head_date_en(loaded.text, head_limit) or _dateline_by_weekday(norm.text, head_limit)


# "Apr 4th 2024 | XIONG'AN | China", "Published: March 5, 2024": a date in words on a short line of the head that the
# time extractor does not read as one (an ordinal day, a month abbreviated without a dot).
HEAD_DATE_EN = lazy_re(
    r"(?m)^[^\n]{0,40}?\b(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?"
    r",?\s+((?:19|20)\d{2})\b[^\n]{0,60}$")


def _head_date_en(text: str, head_limit: int) -> dt.date | None:
    m = HEAD_DATE_EN.search(text, 0, head_limit)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS_EN.index(m.group(1)[:3].lower()) + 1, int(m.group(2)))
    except ValueError:
        return None


MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "BEIJING, Jan. 20 --", "TIANJIN, Jan. 20 (NNA) --", 新华社石家庄1月5日电: a dateline with no year.
DATELINE_NO_YEAR = lazy_re(
    r"^[A-Z][A-Z .'-]{1,30},\s*(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\s*"
    r"(?:\([^)]{1,30}\)\s*)?(?:--|—|-)|(?:^|\n)[^\n]{0,20}?(?<!年)(\d{1,2})月(\d{1,2})日电", re.MULTILINE)
WEEKDAY = lazy_re(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?:星期|周)([一二三四五六日天])")
WEEKDAYS = {**{d: i for i, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                              "Sunday"))}, **{d: i for i, d in enumerate("一二三四五六日")}, "天": 6}
YEAR_WORD = lazy_re(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _dateline_by_weekday(text: str, head_limit: int) -> dt.date | None:
    """A dateline without a year ("BEIJING, Jan. 20 --") dated by the weekday the story names ("said on
    Monday"): the one year, around the latest year the article names, in which that day falls on that weekday."""
    line = DATELINE_NO_YEAR.search(text, 0, head_limit)
    if line is None:
        return None
    if line.group(1):
        month, day = MONTHS_EN.index(line.group(1)[:3].lower()) + 1, int(line.group(2))
    else:
        month, day = int(line.group(3)), int(line.group(4))
    days = {m.group(1) or m.group(2) for m in WEEKDAY.finditer(text, line.start(), line.start() + 600)}
    weekdays = {WEEKDAYS[d] for d in days}
    years = [int(m.group(1)) for m in YEAR_WORD.finditer(text)]
    if len(weekdays) != 1 or not years:
        return None
    weekday = weekdays.pop()
    found = []
    for year in range(max(years) - 1, max(years) + 2):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date.weekday() == weekday:
            found.append(date)
    return found[0] if len(found) == 1 else None


def parse_iso_date(value: str) -> dt.date | None:
    m = re.match(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def find_home_region(norm: Normalized, ref: Reference, front: dict[str, str], sentences: Sequence[Sentence],
                     mentions: Sequence[Mention]) -> Home:
    if "region" in front:
        return Home(region_id(ref, front["region"]), True)
    head_limit = max(1500, len(norm.text) // 4)
    head = norm.text[:head_limit]
    # A local outlet named as the source: 来源:张家口新闻网 (not 来源:人民网-河北频道, a national outlet's channel).
    for m in SOURCE_NAME.finditer(head):
        outlet = m.group(1)
        for name, kind, ident in ref.name_table():
            if kind == "region" and outlet.startswith(name) and len(outlet) > len(name):
                return Home(ident, True)
    # A wire dateline: 新华社石家庄1月5日电
    wire = WIRE_DATELINE.search(head)
    if wire:
        return Home(region_id(ref, wire.group(1)), False)
    # The title: the first heading near the top that names a region names the article's subject.
    for sentence in sentences[:5]:
        if title_like(sentence, sentences):
            named = [m for m in mentions if sentence.start <= m.start < sentence.end and m.kind == "region"]
            if named:
                titled = _title_subject(norm.text, ref, named) or None
                # "NORTH CHINA TONIGHT" (a place the reference does not know) over "Shijiazhuang is in the middle
                # of its coldest week": the lede's own subject is more precise than a programme's area.
                return Home(titled or _lede_subject(norm.text, sentences, mentions), True)
    lede = _lede_subject(norm.text, sentences, mentions)
    return Home(lede, True) if lede else Home(None, False)


# The lede's grammatical subject: a known place opening a sentence of prose (after a speaker's label), followed by a
# verb: "Shijiazhuang is in the middle of …", "Tianjin has …", 石家庄正在…/石家庄今年….
LEDE_SUBJECT_AFTER = lazy_re(
    r"(?:['’]s\b|\s+(?:is|was|has|had|have|will|saw|recorded|reported|posted|became|remains|enters|entered)\b)|"
    r"(?:市|省)?(?:正在|正|是|已经|已|今年|去年|近年来)")
LEDE_SUBJECT_PARAGRAPHS = 2  # paragraphs of prose looked at (a transcript's notes on itself, then the anchor's)
LEDE_SUBJECT_PROSE = 6  # sentences of prose looked at (a transcript's notes on itself come first)
LEDE_LABEL = lazy_re(r"(?:[A-Z][A-Z .'-]{1,40}(?:\([^)\n]{1,40}\))?\s*[::]\s*)?")


def _lede_subject(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> str | None:
    """The known region that opens one of the first sentences of prose as their grammatical subject, if any."""
    starts = [m.start for m in mentions]
    prose = 0
    paragraphs: set[int] = set()
    for sentence in sentences[:LEDE_SENTENCES]:
        if title_like(sentence, sentences) or SOURCE_LINE.search(sentence.text[:40]):
            continue
        paragraphs.add(sentence.paragraph)
        if len(paragraphs) > LEDE_SUBJECT_PARAGRAPHS:
            break  # the opening only: a later paragraph's place is an aside, not the article's subject
        prose += 1
        label = LEDE_LABEL.match(text, sentence.start, sentence.end)
        lo = label.end() if label else sentence.start
        while lo < sentence.end and text[lo].isspace():
            lo += 1
        i = bisect.bisect_left(starts, lo)
        if i < len(mentions) and mentions[i].start == lo and mentions[i].kind == "region" and mentions[i].id \
                and LEDE_SUBJECT_AFTER.match(text, mentions[i].end, sentence.end):
            return mentions[i].id
        if prose >= LEDE_SUBJECT_PROSE:
            break
    return None


def _title_subject(text: str, ref: Reference, named: Sequence[Mention]) -> str:
    """The region a title is about: the first named, skipping a broader one that only qualifies the next.

    ``河北张家口:…`` is about Zhangjiakou (Hebei, its ancestor, right before it); ``China's Hebei steel hub``
    is about Hebei (a possessive qualifier). ``河北11市…排名 张家口领跑`` stays about Hebei. "" when it is a
    place the reference does not know.
    """
    for m, following in itertools.pairwise(named):
        gap = text[m.end: following.start]
        qualifier = re.fullmatch(r"['’]s\s+", gap) or (not gap.strip() and m.id and m.id in ref.ancestors(following.id))
        if not qualifier:
            return m.id
    return named[-1].id


def title_like(sentence: Sentence, sentences: Sequence[Sentence]) -> bool:
    """A heading, or a paragraph of one sentence without a sentence end (a title line)."""
    if sentence.heading:
        return True
    alone = sum(1 for s in sentences if s.paragraph == sentence.paragraph) == 1
    return alone and not sentence.text.rstrip().endswith(("。", "!", "?", ".", "”", "!", "?"))


def region_id(ref: Reference, name: str) -> str | None:
    name = name.strip()
    if name in ref.regions:
        return name
    found = ref.region_by_name(name)
    if found:
        return found
    for n, kind, ident in ref.name_table():
        if kind == "region" and n in name:
            return ident
    return None


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start: end if end >= 0 else len(text)]


# ----------------------------------------------------------------------- per claim

@dataclass(frozen=True)
class _Context:
    text: str
    sentences: Sequence[Sentence]
    starts: list[int]
    mentions: Sequence[Mention]
    times: Sequence[TimeExpr]
    home: str | None
    home_default: bool
    published: dt.date | None
    ref: Reference
    matcher: NameMatcher
    quantities: Sequence[Quantity] = ()

    def reach(self, sentence: Sentence, pos: int) -> int:
        """Where a look back from ``pos`` within its sentence starts: the sentence's start, at most REACH
        characters back (a text of one endless sentence stays linear)."""
        return max(sentence.start, pos - REACH)

    def matches_in(self, pattern: re.Pattern[str], lo: int, hi: int) -> list[re.Match[str]]:
        """The matches of ``pattern`` over the whole text that lie within [lo, hi): the text is scanned once per
        pattern, each question is a bisection (a cue looked for before every figure stays linear)."""
        found = self._matches.get(pattern.pattern)
        if found is None:
            matches = list(self.finditer(pattern))
            found = self._matches[pattern.pattern] = ([m.start() for m in matches], matches)
        starts, matches = found
        if not starts:
            return []  # most cue patterns never occur in most articles
        first = bisect.bisect_left(starts, lo)
        last = bisect.bisect_left(starts, hi, first)
        return [m for m in matches[first: last] if m.end() <= hi] if first < last else []

    def any_match(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` matches anywhere in the text (the scan :meth:`matches_in` keeps)."""
        found = self._matches.get(pattern.pattern)
        if found is None:
            self.matches_in(pattern, 0, 0)
            found = self._matches[pattern.pattern]
        return bool(found[0])

    def finditer(self, pattern: re.Pattern[str]) -> Iterable[re.Match[str]]:
        """``pattern.finditer(text)``; nothing without a scan when the text holds none of the pattern's required
        literals (most cue patterns never occur in most articles)."""
        keys = required_literals(pattern)
        return scanner(pattern).finditer(self.text) if keys is None or _holds_any(self._folded, keys) else ()

    @functools.cached_property
    def _folded(self) -> str:
        return fold(self.text)

    @functools.cached_property
    def subjects(self) -> dict[tuple[int, int], bool]:
        """_is_subject's answers by (start, end) of the mention: it looks at the text around the span only."""
        return {}

    @functools.cached_property
    def standard_quotes(self) -> dict[tuple[int, int], str | None]:
        return {}

    @functools.cached_property
    def limit_quotes(self) -> dict[tuple[int, int], str | None]:
        """limit_quote's answers by the figure's span (asked for region, metric and year)."""
        return {}

    @functools.cached_property
    def table_contexts(self) -> dict[tuple[int, int], tuple[str, str, int | None] | None]:
        """table_context's answers by the figure's span (asked for its metric and its year)."""
        return {}

    @functools.cached_property
    def table_notes(self) -> dict[int, dict[str, str]]:
        """_table_notes' answers by the start of a table row."""
        return {}

    @functools.cached_property
    def line_starts(self) -> list[int]:
        """Sorted starts of the text's lines: a figure's line is a bisection, not a scan of one endless line."""
        return [0, *(m.end() for m in NEWLINE.finditer(self.text))]

    def line_start(self, pos: int) -> int:
        """``text.rfind("\\n", 0, pos) + 1`` by bisection."""
        starts = self.line_starts
        return starts[bisect.bisect_right(starts, pos) - 1]

    def newline_at_or_after(self, pos: int) -> int:
        """``text.find("\\n", pos)`` by bisection (-1 when none)."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, pos)
        return starts[i] - 1 if i < len(starts) else -1

    @functools.cached_property
    def year_memo(self) -> dict[int, tuple[TimeExpr, int | None]]:
        """_time_year's answers by id of the time (with the time itself, so that an id is never reused)."""
        return {}

    @functools.cached_property
    def own_time_starts(self) -> list[int]:
        """Sorted starts of the times that state a time of their own (see :func:`_own_times`)."""
        return [t.start for t in self.times if _states_a_time(self, t)]

    @functools.cached_property
    def metric_memo(self) -> dict[tuple[int, int], str | None]:
        """resolve_metric's answers by (start, end) of the figure, for figures asked about more than once."""
        return {}

    @functools.cached_property
    def _matches(self) -> dict[str, tuple[list[int], list[re.Match[str]]]]:
        return {}

    @functools.cached_property
    def fuzzy_memo(self) -> dict[str, str | None]:
        """The fuzzy pass's best metric name (before the fit test) by its cleaned window: repeated windows (a
        list of bare figures, a table column) are scored once."""
        return {}

    def part_start(self, sentence: Sentence, pos: int) -> int:
        """Where the part of the sentence holding ``pos`` starts: after its last ；/; before pos."""
        i = bisect.bisect_left(self._semicolons, pos) - 1
        end = self._semicolons[i] + 1 if i >= 0 else -1
        return end if end > sentence.start else sentence.start

    @functools.cached_property
    def _semicolons(self) -> list[int]:
        return [m.start() for m in SEMICOLON.finditer(self.text)]

    def sentence_at(self, pos: int) -> Sentence | None:
        return sentence_at(self.sentences, self.starts, pos)

    # Range queries by bisection over sorted starts: resolve stays linear on texts dense with figures.
    @functools.cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    @functools.cached_property
    def _time_starts(self) -> list[int]:
        return [t.start for t in self.times]

    @functools.cached_property
    def _quantity_starts(self) -> list[int]:
        return [x.start for x in self.quantities]

    @functools.cached_property
    def _headings(self) -> list[int]:
        """Headings, and outline lines that head a section: a short paragraph of one sentence, numbered, with no
        sentence end (一、2023年全省环境空气质量状况; 三、“十四五”以来大气污染治理进展)."""
        sizes: dict[int, int] = {}
        for s in self.sentences:
            sizes[s.paragraph] = sizes.get(s.paragraph, 0) + 1
        return [s.index for s in self.sentences if s.heading or (
            sizes[s.paragraph] == 1 and len(s.text.strip()) <= HEADING_LIKE_MAX and OUTLINE.match(s.text)
            and not s.text.rstrip().endswith(("。", "!", "?", ".", "”", "!", "?", ":", ":", ";", ";", ",", ",")))]

    @functools.cached_property
    def _clause_starts(self) -> dict[int, list[int]]:
        return {s.index: [c.start for c in s.clauses] for s in self.sentences}

    @functools.cached_property
    def from_years(self) -> dict[int, set[int | None]]:
        out: dict[int, set[int | None]] = {}
        for x in self.quantities:
            if x.group is not None and x.role == "from":
                out.setdefault(x.group, set()).add(x.year)
        return out

    @functools.cached_property
    def pronouns(self) -> list[Mention]:
        """我市 / 全省 as mentions of the home region (a province pronoun: its parent); 该市 / "the city" /
        "the capital" as the city named last before them (该省 / "the province": the province), once per text."""
        province = next(iter(self.ref.ancestors(self.home)), self.home) if self.home else None
        out: list[Mention] = []
        for pattern, ident, level in ((CITY_PRONOUNS, self.home, "city"), (PROVINCE_PRONOUNS, province, "province")):
            for m in self.finditer(pattern):
                # Under a section heading that names a city (（一）张家口市2023年…), 全市 is that city (我市 stays
                # the outlet's own).
                sentence = self.sentence_at(m.start()) if m.group(0).startswith("全") else None
                heading = self.heading_before(sentence) if sentence is not None else None
                named = [x.id for x in self.mentions_in(heading.start, heading.end) if x.kind == "region" and x.id
                         and self._level(x.id) == level and _is_subject(self, x)] if heading else []
                # 河北全省 / 唐山全市: the place named right before it; with a home region that is no province
                # (京津冀), 全省 is the province named last before it, not the group.
                glued = [x.id for x in self.mentions_in(m.start() - 8, m.start())
                         if x.kind == "region" and x.id and x.end == m.start() and self._level(x.id) == level]
                own = ident
                if glued:
                    own = glued[-1]
                elif ident and self._level(ident) != level and m.group(0).startswith("全"):
                    nearby = [x.id for x in self.mentions_in(max(0, m.start() - ANAPHOR_REACH), m.start())
                              if x.kind == "region" and x.id and self._level(x.id) == level]
                    own = nearby[-1] if nearby else None
                if named or own:
                    out.append(Mention(m.start(), m.end(), "region", named[-1] if named and not glued else str(own)))
        out.extend(self._group_mentions())
        for pattern, level in ((CITY_ANAPHORS, "city"), (PROVINCE_ANAPHORS, "province")):
            for m in self.finditer(pattern):
                before = [x for x in self.mentions_in(max(0, m.start() - ANAPHOR_REACH), m.start())
                          if x.kind == "region" and x.id and self._level(x.id) == level]
                # "Tianjin had more good days than Beijing. … The city's bureau reported 232": the place compared
                # with is not the one talked about.
                before = [x for x in before if not COMPARED_PLACE_BEFORE.search(
                    self.text, max(0, x.start - 24), x.start)] or before
                ident = before[-1].id if before else (self.home if level == "city" else province)
                topic = self.home or self.dateline_place
                if before and topic and ident != topic:
                    # "… 28 micrograms in Zhangjiakou and 36 in Beijing. Last year, the city's …": of two cities
                    # one sentence names side by side, the one the article is about.
                    last = self.sentence_at(before[-1].start)
                    if last is not None and any(x.id == topic for x in before if x.start >= last.start):
                        ident = topic
                if ident:
                    out.append(Mention(m.start(), m.end(), "region", ident))
        return sorted(out, key=lambda m: m.start)

    @functools.cached_property
    def dateline_place(self) -> str | None:
        """The place of an English wire dateline near the top ("ZHANGJIAKOU, China (AP) —", "TANGSHAN —"), if the
        reference knows it: where the story is filed, a hint of what "the city" means, not a home region."""
        found = EN_DATELINE.search(self.text, 0, min(len(self.text), 1500))
        return region_id(self.ref, re.sub(r"[^a-z]", "", found.group(1).lower())) if found else None

    def _group_mentions(self) -> list[Mention]:
        """The groups named by a count of their cities or by "the region": 28个城市 / "the 28 cities" when the
        article names the "2+26" group (its 28 cities); 74个重点城市 / 全国…339个城市 for the country; "the
        region's" / 该区域 / 三地 as the group region (京津冀) named last before, or the home region if a group."""
        out: list[Mention] = []
        groups = self._group_regions
        named = [m for m in self.mentions if m.kind == "region" and m.id]
        for m in self.finditer(CITY_GROUP):
            count = int(m.group(1) or m.group(3))
            ident = next((g for g, n in GROUP_CITY_COUNTS if n == count and g in self.ref.regions), None)
            if ident == "china":
                national = m.group(2) or m.group(4) or NATIONAL.search(
                    self.text, max(0, m.start() - ANAPHOR_REACH), m.start())
                ident = ident if national else None
            elif ident is not None and not any(x.id == ident for x in named):
                ident = None  # 28个城市 in an article that never names the "2+26" group: any 28 cities
            glued = self.mentions_in(m.start() - 6, m.start())
            if ident and any(x.kind == "region" and x.id not in groups for x in glued):
                ident = None  # 河北省有28个城市: that province's cities, not the group's
            if ident:
                out.append(Mention(m.start(), m.end(), "region", ident))
        for m in self.finditer(REGION_ANAPHORS):
            before = [x.id for x in self.mentions_in(max(0, m.start() - GROUP_REACH), m.start())
                      if x.kind == "region" and x.id in groups]
            ident = before[-1] if before else (self.home if self.home in groups else None)
            if ident:
                out.append(Mention(m.start(), m.end(), "region", ident))
        return out

    @functools.cached_property
    def _group_regions(self) -> frozenset[str]:
        """Regions that are groups of places, as their names say (京津冀地区, "Beijing-Tianjin-Hebei region")."""
        ends = ("地区", "地區", "区域", "區域", " region", " areas")
        return frozenset(ident for ident, region in self.ref.regions.items()
                         if any(n.endswith(ends) for n in region.names))

    def _level(self, region: str) -> str | None:
        """"city" or "province" as the region's own names say (北京市, Hebei Province), else None."""
        names = self.ref.regions[region].names
        first = names[0] if names else ""
        if f"{first}市" in names or any(n.endswith((" City", " Municipality")) for n in names):
            return "city"
        if f"{first}省" in names or any(n.endswith((" Province", " province")) for n in names):
            return "province"
        return None

    @functools.cached_property
    def lede(self) -> str | None:
        """The one region the lede (the first paragraph of prose) is about, if it names exactly one.

        ``记者从位于廊坊的京南智造产业园管委会获悉,一季度园区经济运行…`` makes Langfang the subject of the
        figures that name no place of their own, when nothing else (source, front matter, title) set one.
        """
        for sentence in self.sentences[:12]:
            if title_like(sentence, self.sentences) or len(sentence.text.strip()) < 20:
                continue
            paragraph = [s for s in self.sentences if s.paragraph == sentence.paragraph]
            lo, hi = paragraph[0].start, paragraph[-1].end
            named = {m.id for m in self.mentions_in(lo, hi) if m.kind == "region" and _is_subject(self, m)}
            return named.pop() if len(named) == 1 else None
        return None

    def _qualifier(self, m: Mention, before: Mention | None, after: Mention | None) -> bool:
        """Whether ``m`` only qualifies the place named right before or after it: ``Tangshan, Hebei``,
        ``SHIJIAZHUANG, China``, 河北唐山, "Hebei's Tangshan" (its ancestor or the country)."""
        if not m.id:
            return False
        if before is not None and before.id and before.end <= m.start and QUALIFIER_GAP.fullmatch(
                self.text, before.end, m.start) and (m.id == NATIONAL_ID or m.id in self.ref.ancestors(before.id)):
            return True
        if after is not None and after.id and m.end <= after.start and QUALIFIER_BEFORE_GAP.fullmatch(
                self.text, m.end, after.start):
            return m.id == NATIONAL_ID or m.id in self.ref.ancestors(after.id)
        return False

    @functools.cached_property
    def _places(self) -> list[tuple[Mention, bool]]:
        """Every place named (region mentions, known or not, and the pronouns' regions), in order, each with
        whether it only qualifies the place before it."""
        named = sorted([*(m for m in self.mentions if m.kind == "region"), *self.pronouns], key=lambda m: m.start)
        before: list[Mention | None] = [None, *named[:-1]]
        after: list[Mention | None] = [*named[1:], None]
        return [(m, self._qualifier(m, before[i], after[i])) for i, m in enumerate(named)]

    @functools.cached_property
    def _paragraph_bounds(self) -> dict[int, tuple[int, int, int]]:
        """Each paragraph's (start, end, index of its first sentence)."""
        out: dict[int, tuple[int, int, int]] = {}
        for s in self.sentences:
            lo, _, first = out.get(s.paragraph, (s.start, s.end, s.index))
            out[s.paragraph] = (lo, s.end, first)
        return out

    def _places_in(self, lo: int, hi: int) -> list[Mention]:
        """The places named in [lo, hi), qualifiers left out."""
        starts = self._place_starts
        return [m for m, qualifier in self._places[bisect.bisect_left(starts, lo): bisect.bisect_left(starts, hi)]
                if not qualifier]

    @functools.cached_property
    def _place_starts(self) -> list[int]:
        return [m.start for m, _ in self._places]

    @functools.cached_property
    def subject(self) -> str | None:
        """The one region the article is about, when its top (titles and the lede paragraph) names that region
        and nothing but places inside it: ``SHIJIAZHUANG, China … a power producer based in Hebei Province``
        makes Hebei the subject of a release whose later paragraphs name no place. None when the top names two
        regions neither of which holds the other, a place the reference does not know, or the country only (a
        national article's unplaced figure may be anyone's)."""
        top_end = None
        for sentence in self.sentences[:LEDE_SENTENCES]:
            if title_like(sentence, self.sentences) or len(sentence.text.strip()) < 20:
                continue
            top_end = self._paragraph_bounds[sentence.paragraph][1]
            break
        if top_end is None:
            return None
        named = self._places_in(0, top_end)
        if not named or any(not m.id for m in named):
            return None
        ids = {m.id for m in named}
        titled = [m for m in named if title_like(self.sentence_at(m.start) or self.sentences[0], self.sentences)]
        # A title that names a place names the subject (廊坊去年GDP… with 比全省高 in the lede stays Langfang's).
        candidates = [titled[0].id] if titled else sorted(ids)
        subject = next((c for c in candidates if c != NATIONAL_ID and all(
            i == c or c in self.ref.ancestors(i) for i in ids)), None)
        if subject is None or len(ids - {subject}) > 1:
            return None  # "Tangshan and Handan, two steel cities of Hebei": a comparison, not Hebei's story
        # Places outside the subject may be asides, not rivals: the subject and its places fill most paragraphs
        own = outside = 0
        for lo, hi, _ in self._paragraph_bounds.values():
            here = {m.id for m in self._places_in(lo, hi)}
            if any(i != subject and subject not in self.ref.ancestors(i) for i in here):
                outside += 1
            elif here:
                own += 1
        # ... and are named more than once (a lone mention in a short text is too weak to place figures of a
        # tracked metric).
        return subject if own >= 2 and own > 2 * outside else None

    def subject_for(self, sentence: Sentence) -> str | None:
        """The article's subject region for a figure of ``sentence`` when its paragraph names no place but the
        subject itself (a paragraph naming another place, or opening on what an earlier one was about, keeps
        None)."""
        subject = self.subject
        if subject is None or sentence.index < 0:
            return None
        lo, hi, first = self._paragraph_bounds[sentence.paragraph]
        if any(m.id != subject for m in self._places_in(lo, hi)):
            return None
        opener = self.sentences[first]
        if first > 0 and (ANAPHORIC_OPENER.match(opener.text) or CONTINUING_OPENER.match(opener.text)):
            prev = self.sentences[first - 1]
            p_lo, p_hi, _ = self._paragraph_bounds[prev.paragraph]
            named = self._places_in(p_lo, p_hi)
            if named and named[-1].id != subject:
                return None  # "Its good days rose to 109." after a paragraph on another city
        return subject

    @functools.cached_property
    def lede_period(self) -> tuple[int, str, int] | None:
        """The part of a year the article's opening reports on, as (its year, its words, the index of the sentence
        stating it), if it opens on one.

        ``通报…2017年10—12月环境空气质量有关情况`` / ``2019年10月—2020年3月,重点区域…``: a notice about a period
        keeps its later paragraphs, which name no time of their own, in that period (the year it ends in; not an
        annual figure). An opening on a whole year sets no frame (a later undated figure may be a standing one).
        """
        prose = 0
        for sentence in self.sentences[:LEDE_SENTENCES]:
            if title_like(sentence, self.sentences) or SOURCE_LINE.search(sentence.text[:40]):
                continue
            prose += 1
            for period in LEDE_PERIOD.finditer(self.text, sentence.start, sentence.end):
                years = [y for t in self.times_in(sentence.start, period.end())
                         if t.end <= period.end() + 1 and (y := _time_year(self, t)) is not None]
                if years and period.start() - self.times_in(sentence.start, period.end())[-1].end <= 2:
                    return max(years), self.text[sentence.start: period.end()], sentence.index
            if prose >= LEDE_PROSE:
                break
        return None

    @functools.cached_property
    def report_year(self) -> int | None:
        """The year a periodic report's title covers (天津市2023年国民经济和社会发展统计公报; "Statistical Communiqué
        of … on the 2023 …"): every figure of the report that states no year of its own, under any section, is of
        that year. Only titles of the genre (a news headline's year dates nothing below its lede); one year only."""
        for sentence in self.sentences[:LEDE_SENTENCES]:
            if not title_like(sentence, self.sentences):
                if len(sentence.text.strip()) >= HEADING_LIKE_MAX:
                    break  # the first prose sentence ends the title block
                continue
            if not REPORT_TITLE.search(sentence.text):
                continue
            years = {y for t in self.times_in(sentence.start, sentence.end)
                     if t.kind not in ("span", "since") and not _is_publication_date(self, t)
                     and (y := _time_year(self, t)) is not None}
            return years.pop() if len(years) == 1 else None
        return None

    @functools.cached_property
    def pronoun_starts(self) -> list[int]:
        return [m.start for m in self.pronouns]

    def mentions_in(self, lo: int, hi: int) -> Sequence[Mention]:
        starts = self._mention_starts
        return self.mentions[bisect.bisect_left(starts, lo): bisect.bisect_left(starts, hi)]

    def times_in(self, lo: int, hi: int) -> Sequence[TimeExpr]:
        starts = self._time_starts
        return self.times[bisect.bisect_left(starts, lo): bisect.bisect_left(starts, hi)]

    def quantities_in(self, lo: int, hi: int) -> Sequence[Quantity]:
        starts = self._quantity_starts
        return self.quantities[bisect.bisect_left(starts, lo): bisect.bisect_left(starts, hi)]

    def clause_bounds(self, sentence: Sentence, pos: int) -> tuple[int, int]:
        starts = self._clause_starts.get(sentence.index) if sentence.index >= 0 else None
        if starts:
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0:
                c = sentence.clauses[i]
                if c.start <= pos < c.end:
                    return c.start, c.end
        return sentence.start, sentence.end

    def heading_before(self, sentence: Sentence) -> Sentence | None:
        i = bisect.bisect_left(self._headings, sentence.index) - 1
        return self.sentences[self._headings[i]] if i >= 0 else None

    def frame_before(self, sentence: Sentence) -> list[Sentence]:
        """The sentences whose time frame a sentence stays in, nearest first: its paragraph's earlier ones, and
        the paragraph before when its paragraph opens with 其中 ("among them": the same figures broken down)."""
        out: list[Sentence] = []
        i = sentence.index - 1
        paragraph = sentence.paragraph
        while i >= 0:
            prev = self.sentences[i]
            if prev.heading:
                break
            if prev.paragraph != paragraph:
                opener = self.sentences[i + 1]
                # A bulleted list stays in the frame of the line that introduces it ("Figures for 2024:" / 2023年
                #主要指标如下:), across its earlier items.
                listed = LIST_ITEM.match(opener.text) and (
                    LIST_ITEM.match(prev.text) or prev.text.rstrip().endswith((":", ":")))
                if not (CONTINUES.match(opener.text) or listed) or prev.paragraph != paragraph - 1:
                    break
                paragraph = prev.paragraph
            out.append(prev)
            i -= 1
        return out

    def previous_sentence(self, sentence: Sentence) -> Sentence | None:
        """The sentence before, across a paragraph break but not across a heading."""
        if sentence.index <= 0:
            return None
        prev = self.sentences[sentence.index - 1]
        return None if prev.heading or sentence.index - 1 in self._heading_set else prev

    @functools.cached_property
    def _heading_set(self) -> frozenset[int]:
        return frozenset(self._headings)

    def previous_in_paragraph(self, sentence: Sentence) -> Sentence | None:
        if sentence.index == 0:
            return None
        prev = self.sentences[sentence.index - 1]
        return prev if prev.paragraph == sentence.paragraph and not prev.heading else None


# A region in a policy's name is no subject: 京津冀协同发展十年来,我市… ("coordinated development" of the three).
POLICY_AFTER = lazy_re(r"(?:协同发展|协同|一体化)|\s+(?:coordinated development|integration)\b", re.IGNORECASE)
RELATIVE_CLAUSE = lazy_re(r",\s*(?:which|who|whose|where)\b[^,.;]*$", re.IGNORECASE)
BASED_AFTER = lazy_re(r"-based\b", re.IGNORECASE)
# A sentence opening on what the one before was about: "The reading was …", "It fell …", 该数值…
ANAPHORIC_OPENER = lazy_re(
    r"\s*(?:(?:The|Its|This|That)\s+(?:reading|figure|level|concentration|average|number|total|rate|share)\b|"
    r"(?:It|This|That)\s|该|其|这一)", re.IGNORECASE)
IN_SCOPE_BEFORE = lazy_re(r"在\s*$")
IN_SCOPE_AFTER = lazy_re(r"[^,,。;;]{0,12}?中")
# A ranking's scope is no subject: 稳居全国…第一, 居全省前列, "the best in China".
SCOPE_BEFORE = lazy_re(r"(?:居|列|排名|位于|in|across)\s*$", re.IGNORECASE)
SCOPE_AFTER = lazy_re(r"^\s*(?:[^,,。;;]{0,12}?(?:第一|第二|第三|首位|前列|前茅|领先|之首|之最|最好|最高|最低))")


COMPARED_PLACE_BEFORE = lazy_re(r"\b(?:than|unlike|versus|vs\.?|compared\s+(?:with|to)|behind|ahead\s+of)\s+$",
                                re.IGNORECASE)


def _is_subject(ctx: _Context, m: Mention) -> bool:
    key = (m.start, m.end)
    known = ctx.subjects.get(key)
    if known is None:
        known = ctx.subjects[key] = _is_subject_at(ctx, m)
    return known


# "Hebei's average fell 2.1 percent to 37.8 micrograms and Tianjin's fell 7.3 percent": after a stated figure, "and"
# opens a new clause whose possessive place is its subject (not "Beijing and Tianjin's combined output").
AND_BEFORE = lazy_re(r"\band\s*$", re.IGNORECASE)
POSSESSIVE = lazy_re(r"['’]s\b")
# "Tianjin averaged 41 μg/m3 and Hebei province 38.6 μg/m3": the verb left out, the place right before its figure.
GAPPED_FIGURE = lazy_re(r"\s\d")
CLAUSE_FIGURE_REACH = 80  # characters looked back from "and" for the figure that ends the clause before


def _is_subject_at(ctx: _Context, m: Mention) -> bool:
    before = ctx.text[max(0, m.start - 12): m.start]
    if _partner(ctx, m, listed_only=True):
        return False
    if OBJECT_BEFORE.search(before) and not (
            AND_BEFORE.search(before)
            and (POSSESSIVE.match(ctx.text, m.end) or POSSESSIVE.search(ctx.text, m.start, m.end)
                 or GAPPED_FIGURE.match(ctx.text, m.end, m.end + 3))
            and ctx.quantities_in(max(0, m.start - CLAUSE_FIGURE_REACH), m.start)):
        return False
    if POLICY_AFTER.match(ctx.text, m.end):
        return False
    if LIMIT_OWNER_AFTER.match(ctx.text, m.end) and COMPARED_WITH_BEFORE.search(before):
        return False  # "28% above China's national limit": the limit's owner, not the figure's place
    # "Hebei province, which borders both Beijing and Tianjin, recorded …"; "a Beijing-based analyst".
    if RELATIVE_CLAUSE.search(ctx.text, max(0, m.start - 80), m.start) or BASED_AFTER.match(ctx.text, m.end):
        return False
    if IN_SCOPE_BEFORE.search(before) and IN_SCOPE_AFTER.match(ctx.text, m.end, m.end + 16):
        return False  # 在全省11个设区市中(与廊坊市并列第四): the field ranked in, not the subject
    if _in_apposition(ctx, m):
        return False
    return not (SCOPE_BEFORE.search(before) and SCOPE_AFTER.match(ctx.text[m.end: m.end + 16]))


# "Zhangjiakou alone, the province's largest renewable base, saw …", "In Handan, another steel city in the south of
# the province, the average was …": a place inside a phrase that describes the place before it is no subject.
APPOSITION_OPEN = lazy_re(r"(?:\s+alone)?\s*,\s*(?:[A-Za-z'’-]+\s+){0,8}")
APPOSITION_CLOSE = lazy_re(r"(?:['’]s)?[^,.;:\d]{0,80},")
APPOSITION_REACH = 100


def _in_apposition(ctx: _Context, m: Mention) -> bool:
    if not m.id or not ctx.text[m.start: m.end].isascii() or not APPOSITION_CLOSE.match(ctx.text, m.end):
        return False
    named = [x for x in ctx.mentions_in(max(0, m.start - APPOSITION_REACH), m.start)
             if x.kind == "region" and x.id and x.end <= m.start]
    return bool(named) and named[-1].id != m.id and bool(APPOSITION_OPEN.fullmatch(ctx.text, named[-1].end, m.start))


def _partner(ctx: _Context, m: Mention, listed_only: bool = False) -> bool:
    """Whether the list of places ``m`` is in (北京、河北 / 北京和河北; ``m`` alone when listed with none) is
    introduced as partners or origins: 与北京、河北的产业协作, 引进北京、河北企业. With ``listed_only``, only when
    ``m`` is not the list's first place (the first one's own context is _is_subject's to judge)."""
    head = m
    for _ in range(16):
        prev = [x for x in ctx.mentions_in(head.start - 12, head.start)
                if x.kind == "region" and x.end <= head.start and LIST_JOIN.fullmatch(ctx.text, x.end, head.start)]
        if not prev:
            break
        head = prev[-1]
    if listed_only and head is m:
        return False
    return bool(OBJECT_BEFORE.search(ctx.text, max(0, head.start - 12), head.start))


def _region_mentions(ctx: _Context, lo: int, hi: int) -> list[Mention]:
    out = [m for m in ctx.mentions_in(lo, hi) if m.kind == "region" and _is_subject(ctx, m)]
    starts = ctx.pronoun_starts
    out.extend(m for m in ctx.pronouns[bisect.bisect_left(starts, lo): bisect.bisect_left(starts, hi)]
               if _is_subject(ctx, m))
    return sorted(out, key=lambda m: m.start)


SEMICOLON = lazy_re(r"[;；]")
PLAN_PERIOD = lazy_re(r"期间|以来|时期")  # 十四五期间 (a span), not 十三五末 (a point)
# The title of a periodic statistical report: its figures are of the year it covers.
REPORT_TITLE = lazy_re(r"统计公报|公报$|统计年报|\bstatistical (?:communiqu[eé]|bulletin)\b|\bcommuniqu[eé] on\b",
                       re.IGNORECASE)
CUMULATIVE = lazy_re(r"累计|\bcumulative(?:ly)?\b|\bin total\b", re.IGNORECASE)
LIST_ITEM = lazy_re(r"\s*[*•·●▪◆■\-–]\s*\S")
CONTINUES = lazy_re(r"\s*(?:其中|among them\b|of (?:them|these)\b)", re.IGNORECASE)
# 二级标准(35…) / 二级标准限值为35 / "the Grade II standard limit of 35": the standard's own figure.
STANDARD_QUOTE_GAP = lazy_re(
    r"^\s*(?:(?:浓度)?限值|\blimits?\b(?:\s+(?:is|was|stands at|set at))?)?\s*(?:[(（:：,]|为|是|即|of|at)?\s*$",
    re.IGNORECASE)
STANDARD_QUOTE_REACH = 24  # characters between the standard's name and its figure ("standard limit is set at 35")


def quoted_standard(ctx: _Context, q: Quantity) -> str | None:
    """``国家二级标准(35微克/立方米)``: the id of the standard whose limit the figure quotes (then it is no region's
    level), if it does. Asked for region, metric and year: looked up once per figure."""
    key = (q.start, q.end)
    if key not in ctx.standard_quotes:
        ctx.standard_quotes[key] = next(
            (m.id for m in ctx.mentions_in(q.start - 64, q.start)
             if m.kind == "standard" and m.end <= q.start and q.start - m.end <= STANDARD_QUOTE_REACH
             and STANDARD_QUOTE_GAP.match(ctx.text[m.end: q.start])), None)
    return ctx.standard_quotes[key]


# A limit or a guideline quoted in words, with no standard of the reference named: "the national limit of 35
# micrograms", "the WHO's guideline of 5", "allows an annual mean of 35", "the 5 µg/m³ guideline", 限值为35. It is no
# measurement (metric null); a Chinese limit belongs to the country, a foreign body's (WHO, EU) to no region id.
_LIMIT_NOUN = (r"(?:limits?|guidelines?|guideline values?|thresholds?|benchmarks?|standards?|"
               r"recommended\s+(?:(?:annual|24-hour|daily)\s+)?(?:mean|average|level|value|concentration)s?)")
LIMIT_BEFORE = lazy_re(
    r"(?:\b" + _LIMIT_NOUN + r"(?:\s+(?:for|of)\s+(?:PM2\.5|PM10|fine particles|fine particulate matter))?"
    r"(?:\s+(?:is|was|were|are|has|have|had|been|now|set|lowered|raised|tightened|cut|reduced|revised|stands|"
    r"stood))*\s*(?:\b(?:of|at|from|to|is|was|as)\b|[:(（])|"
    r"\ballows?\s+(?:an?\s+)?(?:(?:annual|24-hour|daily)\s+)?(?:(?:mean|average|concentration)\s+)?(?:of\s+)?|"
    r"(?:限值|标准值|指导值|准则值|建议值|限值标准)\s*(?:为|是|[:：(（])?)\s*$", re.IGNORECASE)
LIMIT_AFTER = lazy_re(
    r"\s*(?:(?:annual|24-hour|daily|WHO|national)\s+)?(?:guideline|limit|threshold)s?\b|\s*的?(?:限值|指导值|准则值)",
    re.IGNORECASE)
LIMIT_WORD = lazy_re(r"limit|guideline|threshold|benchmark|standard|recommended|allow|限值|标准值|指导值|准则值|建议值",
                     re.IGNORECASE)
LIMIT_REACH = 48  # characters looked back from the limit's noun for its owner (WHO, "national", China's)
# "from 10 µg/m³ to 5 µg/m³", "an annual mean of 35 µg/m³ and a 24-hour mean of 75 µg/m³": the next limit of a list.
LIMIT_THEN = lazy_re(
    r"\s*(?:,\s*)?(?:to|and|or|[-–—~～至到、,])\s*(?:(?:an?|the)\s+)?(?:(?:annual|24-hour|daily|hourly)\s+)?"
    r"(?:(?:mean|average|limit|guideline)\s+)?(?:of\s+)?|\s*(?:,\s*)?(?:和|及|与)?\s*(?:日均|年均|24小时平均)?(?:值)?(?:为)?\s*",
    re.IGNORECASE)
GUIDELINE = lazy_re(r"guideline|recommended|指导值|准则值", re.IGNORECASE)
FOREIGN_BODY = lazy_re(r"(?-i:\bWHO\b|\bEU\b)|World Health Organi[sz]ation|\bEuropean\b|世卫|世界卫生组织|欧盟",
                       re.IGNORECASE)
DOMESTIC_LIMIT = lazy_re(r"\bnational\b|\bChina['’]s\b|\bChinese\b|\bGrade I|\bGB\s*3095|国家|國家", re.IGNORECASE)
# "more than 28% above China's national limit": the owner of a limit compared with is no subject of the figure.
LIMIT_OWNER_AFTER = lazy_re(
    r"(?:['’]s)?\s+(?:(?:own|national|official|annual|24-hour|daily|air[- ]quality|everyday)\s+){0,3}"
    r"(?:limit|guideline|standard|benchmark|threshold)s?\b", re.IGNORECASE)
COMPARED_WITH_BEFORE = lazy_re(
    r"\b(?:above|below|exceed(?:s|ed|ing)?|than|over|under|beyond|within|times|meet(?:s|ing)?|met)\s+(?:the\s+)?$",
    re.IGNORECASE)


def limit_quote(ctx: _Context, q: Quantity) -> str | None:
    """For a limit or guideline quoted in words: "china" (a Chinese limit), "world" (the WHO's, the EU's), ""
    (no owner named), else None (no limit). Looked up once per figure."""
    key = (q.start, q.end)
    memo = ctx.limit_quotes
    if key not in memo:
        memo[key] = None  # (a chain "from 10 to 5 to …" asks its earlier figures; they are answered first)
        memo[key] = _limit_quote(ctx, q)
    return memo[key]


def _limit_quote(ctx: _Context, q: Quantity) -> str | None:
    if q.kind != "level" or q.value_high is not None:
        return None
    found = lookup_unit(q.unit) if q.unit else None
    if found is not None and found.dimension != "concentration":
        return None  # "a cap of 300 Mt", "a limit of 70 km/h": not a pollution limit the reference could hold
    text = ctx.text
    lo = max(0, q.start - 80)
    sentence = ctx.sentence_at(q.start)
    if sentence is not None:
        lo = max(lo, sentence.start)
    # The cue words are found by one scan of the text; a figure with none near it costs a bisection.
    words = ctx.matches_in(LIMIT_WORD, lo, q.start)
    cue = LIMIT_BEFORE.search(text, words[0].start(), q.start) if words else None
    after = LIMIT_AFTER.match(text, q.end) if cue is None and ctx.matches_in(LIMIT_WORD, q.end, q.end + 32) else None
    if cue is None and after is None:
        earlier = [x for x in ctx.quantities_in(max(0, q.start - 48), q.start) if x.end <= q.start]
        if not earlier:
            return None
        known = ctx.limit_quotes.get((earlier[-1].start, earlier[-1].end), "?")
        owner = limit_quote(ctx, earlier[-1]) if known == "?" else known
        return owner if owner is not None and LIMIT_THEN.fullmatch(text, earlier[-1].end, q.start) else None
    # The owner is the body named last before the limit's noun ("the World Health Organization's guideline of",
    # "The WHO tightened its guidelines in 2021, cutting the recommended annual mean from 10 to 5").
    hi = cue.end() if cue is not None else after.end() if after is not None else q.end
    owner_lo = sentence.start if sentence is not None else max(0, q.start - LIMIT_REACH)
    owner_lo = max(owner_lo, q.start - 4 * LIMIT_REACH)
    foreign = [m.end() for m in ctx.matches_in(FOREIGN_BODY, owner_lo, hi)]
    domestic = [m.end() for m in ctx.matches_in(DOMESTIC_LIMIT, owner_lo, hi)]
    if foreign and (not domestic or foreign[-1] > domestic[-1]):
        return "world"
    if domestic:
        return "china"
    noun = text[cue.start(): cue.end()] if cue is not None else text[q.end: hi]
    return "world" if GUIDELINE.search(noun) else ""  # a guideline with no owner named is the WHO's


RESPECTIVELY = lazy_re(r"分别|依次为|依次是")
LIST_END = lazy_re(r"[;;。]")
LIST_JOIN = lazy_re(r"\s*(?:[、,,]|和|及|与|以及)\s*")


SUBSET_BEFORE = lazy_re(r"(?:其中|其中有|包括|\b[Aa]mong (?:them|these|which)\s*,?|\b[Oo]f (?:them|these)\s*,)\s*$")
SUBSET_REACH = 16  # characters looked back for 其中 / "Among them,"
SUBSET_AFTER = lazy_re(r"\s*(?:of which|of them)\b", re.IGNORECASE)
RESPECTIVELY_EN = lazy_re(r"\brespectively\b", re.IGNORECASE)
RESPECTIVELY_GAP = 40  # characters between the last figure and "respectively" ("… micrograms per cubic meter")
LIST_JOIN_EN = lazy_re(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
LIST_SPLIT_EN = lazy_re(r",\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
ENUMERATION = lazy_re(r"[^、,,;;:和及与]{1,16}(?:(?:、|和|及|与|以及)[^、,,;;:和及与]{1,16})+")


def respective_region(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    """``北京、廊坊和长治,分别为47、55和55``: the n-th figure after 分别 belongs to the n-th name before it.

    Every item must name a place (one of the reference's, or one of ``places``: 长治 gives "", no region);
    a list of things (来自北京的项目14个、投资额98亿元,分别占…) is no list of places.
    """
    return _respective(ctx, q, sentence, "region")


def respective_metric(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    """``PM2.5、PM10、二氧化氮和二氧化硫年均浓度分别下降65.9%、50%、57.1%和88.7%``: the n-th figure measures
    the n-th item ("" when that item is no metric of the reference: 二氧化氮)."""
    return _respective(ctx, q, sentence, "metric")


def _respective(ctx: _Context, q: Quantity, sentence: Sentence, kind: str) -> str | None:
    if not ctx.any_match(RESPECTIVELY) and not ctx.any_match(RESPECTIVELY_EN):
        return None  # no 分别 / "respectively" anywhere in the text: both looks below find no marker
    found = _respective_zh(ctx, q, sentence, kind)
    return found if found is not None else _respective_en(ctx, q, sentence, kind)


def _list_items(ctx: _Context, q: Quantity, lo: int, hi: int, join: re.Pattern[str]) -> list[Quantity]:
    """The run of figures of q's unit in [lo, hi) joined only by ``join`` (32、41微克/立方米,我省为38.6…: two)."""
    items: list[Quantity] = []
    for x in ctx.quantities_in(lo, hi):
        if x.unit != q.unit:
            continue
        if items and not join.fullmatch(ctx.text, items[-1].end, x.start):
            if q in items:
                break
            items = []
        items.append(x)
    return items if q in items else []


def _named_items(ctx: _Context, start: int, names: Sequence[str], bounds: Sequence[int],
                 kind: str) -> list[list[Mention]]:
    # A place named as a partner or an origin (引进北京、河北企业…,分别增长) is no item of a list of subjects.
    return [[m for m in ctx.mentions_in(start + b, start + b + len(n))
             if m.kind == kind and (kind != "region" or not _partner(ctx, m))]
            for b, n in zip(bounds, names, strict=True)]


def _pick(named: list[list[Mention]], index: int, kind: str, names: Sequence[str] = ()) -> str | None:
    if kind == "region" and not all(named):
        return None  # a list of metrics or things (来自北京的项目14个、投资额98亿元), not of places
    if kind == "metric" and sum(1 for n in named if n) < 2 and not _list_of_measures(named, names):
        return None  # not a list of measures
    return named[index][-1].id if named[index] else ""


def _list_of_measures(named: list[list[Mention]], names: Sequence[str]) -> bool:
    """PM10、二氧化氮、臭氧平均浓度(分别为76、31、178): a list of short names of measures of which the reference knows
    one (the others then get none, not PM10's). Not a list of places or years (北京、天津、河北PM2.5平均浓度;
    2020年、2021年全市优良天数), nor of figures (…分别为33、30、32微克/立方米,重污染天数)."""
    if not names or not any(named):
        return False
    return all(name.strip() and not name.strip()[0].isdigit() and len(name.strip()) <= 12 for name in names)


def _respective_zh(ctx: _Context, q: Quantity, sentence: Sentence, kind: str) -> str | None:
    markers = ctx.matches_in(RESPECTIVELY, ctx.reach(sentence, q.start), q.start)
    if not markers:
        return None
    marker = markers[-1]
    stop = LIST_END.search(ctx.text, marker.end(), sentence.end)
    items = _list_items(ctx, q, marker.end(), stop.start() if stop else sentence.end, LIST_JOIN)
    if not items or items[0].start < marker.end():
        return None
    # The list of names is the last enumeration before the marker whose length matches; an earlier clause's
    # counts (北京、天津、河北…分别增加95天、87天及121天;重污染天数则分别减少50天、37天和69天) for a later marker.
    seg_start = sentence.start
    for m in LIST_END.finditer(ctx.text, ctx.reach(sentence, marker.start()), marker.start()):
        seg_start = m.end()
    for lo_bound in dict.fromkeys((seg_start, sentence.start)):
        for enumeration in reversed(list(ENUMERATION.finditer(ctx.text, lo_bound, marker.start()))):
            names = re.split(r"、|和|及|与|以及", enumeration.group(0))
            if len(names) != len(items):
                continue
            bounds = [0] + [m.end() for m in re.finditer(r"、|和|及|与|以及", enumeration.group(0))]
            named_places = kind == "metric" and any(_named_items(ctx, enumeration.start(), names, bounds, "region"))
            picked = _pick(_named_items(ctx, enumeration.start(), names, bounds, kind), items.index(q), kind,
                           () if named_places else names)
            if picked is not None:
                return picked
    if kind == "metric":
        # PM2.5平均浓度为18…,空气质量综合指数为2.62,分别较2014年下降48.6%和48.5%: the measures named before the
        # marker, in order, one per figure.
        named = [m for m in ctx.mentions_in(seg_start, marker.start()) if m.kind == "metric"]
        distinct = list(dict.fromkeys(m.id for m in named))
        if len(distinct) == len(items) >= 2:
            return distinct[items.index(q)]
    return None


def _respective_en(ctx: _Context, q: Quantity, sentence: Sentence, kind: str) -> str | None:
    """"PM10, nitrogen dioxide and sulfur dioxide were down 50 percent, 57.1 percent and 88.7 percent
    respectively": the n-th figure before "respectively" belongs to the n-th name of the list before them; without
    such a list ("fell … in Tianjin and … in Hebei, where the readings stood at 41 and 38.6 … respectively"), to the
    n-th of the last n places (or measures) named before them."""
    markers = ctx.matches_in(RESPECTIVELY_EN, q.end, min(sentence.end, q.end + REACH))
    if not markers:
        return None
    marker = markers[0]
    items = _list_items(ctx, q, ctx.reach(sentence, q.start), marker.start(), LIST_JOIN_EN)
    if len(items) < 2 or marker.start() - items[-1].end > RESPECTIVELY_GAP:
        return None
    index = items.index(q)
    lead = ctx.text[sentence.start: items[0].start]
    pieces = LIST_SPLIT_EN.split(lead)
    # "The annual average concentrations of PM10, nitrogen dioxide (NO2) and sulfur dioxide (SO2) were": the
    # first piece holds the words before the list's first name, so as many pieces as figures is a list too.
    if len(pieces) >= len(items):
        offsets = [0] + [m.end() for m in LIST_SPLIT_EN.finditer(lead)]
        named = _named_items(ctx, sentence.start, pieces, offsets, kind)[-len(items):]
        if kind == "metric" and sum(1 for n in named if n) < 2 and any(
                _named_items(ctx, sentence.start, pieces, offsets, "region")[-len(items):]):
            named = []  # "the PM2.5 concentrations of Tianjin and Hebei were 41 and 38.6": a list of places
        if named and sum(1 for n in named if n) >= (len(items) if kind == "region" else 1):
            return named[index][-1].id if named[index] else ""
    distinct = list(dict.fromkeys(m.id for m in reversed(ctx.mentions_in(sentence.start, items[0].start))
                                  if m.kind == kind and m.id))[::-1]
    if len(distinct) >= len(items):
        return distinct[-len(items):][index]
    return None


def resolve_region(ctx: _Context, q: Quantity, sentence: Sentence, metric: str | None = None) -> str | None:
    standard = quoted_standard(ctx, q)
    if standard is not None:
        # The standard's limit belongs where the standard holds (GB 3095: the whole country), if the reference says.
        return next((s.region for s in ctx.ref.standards if s.id == standard), None)
    limit = limit_quote(ctx, q)
    if limit == "china":
        return NATIONAL_ID  # "the national limit of 35 micrograms": China's, wherever the sentence is
    if limit == "world":
        return None  # "the WHO's guideline of 5 micrograms": the world's, no region id
    respective = respective_region(ctx, q, sentence)
    if respective is not None:
        return respective or None  # "" = a list item naming a place the reference does not know
    for m in ctx.mentions_in(q.end, q.end + 13):
        if m.kind == "region" and REGION_RIGHT_AFTER.match(ctx.text[q.end: m.start]):
            return m.id or None
    for m in ctx.mentions_in(q.end, q.end + 16):
        # "roughly 30 percent of Huanghua's container volume": the share of a place's own measure is the place's
        # ("a city that accounts for more than half of Hebei's steel output" is the city's share, not Hebei's)
        if m.kind == "region" and OF_PLACES.fullmatch(ctx.text, q.end, m.start) \
                and ctx.text.startswith(("'s", "’s"), m.end) \
                and not SHARE_VERB.search(ctx.text, max(0, q.start - 32), q.start):
            return m.id or None
    scope = _scope_of(ctx, q)
    if scope is not None:
        return scope
    if q.kind == "level" and q.unit and canonical_unit(q.unit) in TRAVEL_UNITS:
        route = _route_region(ctx, q, sentence)
        if route is not None:
            return route or None
    for own in ctx.pronouns[bisect.bisect_left(ctx.pronoun_starts, q.start - 8): bisect.bisect_right(
            ctx.pronoun_starts, q.start)]:
        if own.start <= q.start and own.end >= q.end:
            return own.id  # 28个城市 / "the 28 cities": the count of the group's cities is the group's
    before = _region_mentions(ctx, ctx.reach(sentence, q.start), q.start)
    if before:
        listed = _listed_with(ctx, before)
        if len(listed) == 1:
            listed = _listed_en(ctx, before[-1], q.start)
        if len(listed) > 1:
            # 张家口、承德、秦皇岛3市…: a figure about the listed places together belongs to what holds them all.
            return _common_ancestor(ctx.ref, [m.id for m in listed])
        return before[-1].id or None
    _, c_hi = ctx.clause_bounds(sentence, q.start)
    after = _region_mentions(ctx, q.end, c_hi)
    if after:
        return after[0].id or None
    prev = ctx.previous_in_paragraph(sentence)
    if prev is None and ANAPHORIC_OPENER.match(sentence.text):
        prev = ctx.previous_sentence(sentence)  # "The reading was 41 …" opens a paragraph about the last one's
    if prev is not None:
        carried = _region_mentions(ctx, prev.start, prev.end)
        if carried:
            listed = _listed_en(ctx, carried[0], prev.end)
            if len(listed) > 1:
                return _common_ancestor(ctx.ref, [m.id for m in listed])
            return carried[0].id or None  # the previous sentence's subject comes first
    heading = ctx.heading_before(sentence)
    if heading is not None:
        in_heading = _region_mentions(ctx, heading.start, heading.end)
        if in_heading:
            return in_heading[-1].id or None
    if ctx.home_default:
        return ctx.home
    subject = ctx.subject_for(sentence)
    if subject is not None:
        return subject
    # The lede's region is a guess: good enough to file a figure nobody checks, too weak to hold a figure of a
    # tracked metric against that region's reference (a false contradiction is worse than an unchecked claim).
    return ctx.lede if metric is None else None


OF_PLACES = lazy_re(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
SHARE_VERB = lazy_re(r"\b(?:accounts?|accounted|accounting|makes?\s+up|made\s+up|making\s+up|represents?|represented|"
                     r"contributes?|contributed|produces?|produced|holds?|held|is|was)\b[^,;.]{0,24}$", re.IGNORECASE)
TRAVEL_UNITS = frozenset({"分钟", "小时", "minute", "hour"})
ROUTE = lazy_re(r"至|到|之间|往返|\bbetween\b|\bto\b", re.IGNORECASE)


def _route_region(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    """北京至雄安新区最快约50分钟, "between Beijing and Tianjin in 30 minutes": a travel time between places belongs
    to what holds them all ("" when one of them has no region id, or they share none); None when its clause
    names no route of two places."""
    lo = max(ctx.part_start(sentence, q.start), q.start - CUE_REACH)
    named = [m for m in ctx.mentions_in(lo, q.start) if m.kind == "region"]
    if len({m.id for m in named}) < 2 or not ctx.matches_in(ROUTE, named[0].end, q.start):
        return None
    return _common_ancestor(ctx.ref, [m.id for m in named]) or ""


def _scope_of(ctx: _Context, q: Quantity) -> str | None:
    """``在全省11个设区市中``: a count inside a ranking's scope counts the scope's members (the province's)."""
    pronouns = ctx.pronouns[bisect.bisect_left(ctx.pronoun_starts, q.start - 8): bisect.bisect_left(
        ctx.pronoun_starts, q.start)]
    near = sorted([*ctx.mentions_in(q.start - 8, q.start), *pronouns], key=lambda m: m.start)
    for m in reversed([m for m in near if m.kind == "region" and m.id and m.end <= q.start]):
        scope = IN_SCOPE_AFTER.match(ctx.text, m.end, m.end + 16)
        if IN_SCOPE_BEFORE.search(ctx.text, max(0, m.start - 6), m.start) and scope and scope.end() > q.end:
            return m.id
    return None


def _listed_with(ctx: _Context, mentions: Sequence[Mention]) -> list[Mention]:
    """The last mention and those listed with it (北京、天津、河北: joined only by 、/和/及)."""
    out = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        if not LIST_JOIN.fullmatch(ctx.text, m.end, out[-1].start) or ctx.text[m.end: out[-1].start].strip() in ",,":
            break
        out.append(m)
    return out[::-1]


def _listed_en(ctx: _Context, m: Mention, hi: int) -> list[Mention]:
    """``m`` and the places listed with it in English up to ``hi`` ("Zhangjiakou and Chengde", "Beijing, Tianjin
    and Hebei"); ``[m]`` alone when no "and" joins it to another place (a comma alone may be an apposition)."""
    out = [m]
    for x in ctx.mentions_in(m.end, hi):
        if x.kind == "region" and x.start >= out[-1].end and LIST_JOIN_EN.fullmatch(ctx.text, out[-1].end, x.start):
            out.append(x)
        elif x.start >= out[-1].end:
            break
    for x in reversed(ctx.mentions_in(max(0, m.start - 120), m.start)):
        if x.kind == "region" and x.end <= out[0].start and LIST_JOIN_EN.fullmatch(ctx.text, x.end, out[0].start):
            out.insert(0, x)
        elif x.end <= out[0].start:
            break
    joins = [ctx.text[a.end: b.start] for a, b in itertools.pairwise(out)]
    return out if any(AND_JOIN.search(j) for j in joins) else [m]


AND_JOIN = lazy_re(r"\band\b", re.IGNORECASE)


def _common_ancestor(ref: Reference, ids: Sequence[str]) -> str | None:
    if not all(ids):
        return None
    shared = [a for a in ref.ancestors(ids[0]) if all(a in ref.ancestors(i) for i in ids[1:])]
    return shared[0] if shared else _whole_group(ref, ids)


# Groups of regions the reference lists without parents (a geographic fact, not a reference value): a figure for
# "Beijing, Tianjin and Hebei together" (北京、天津、河北三地合计) is the group's.
GROUP_MEMBERS = (("jingjinji", ("beijing", "tianjin", "hebei")),)


def _whole_group(ref: Reference, ids: Sequence[str]) -> str | None:
    """The group whose every member is named in ``ids`` (and nothing outside it), if the reference holds it."""
    for group, members in GROUP_MEMBERS:
        if group not in ref.regions or not all(m in ref.regions for m in members):
            continue
        inside = all(i in members or any(a in members for a in ref.ancestors(i)) for i in ids)
        if inside and set(members) <= set(ids):
            return group
    return None


def _metric_fits(ctx: _Context, metric_id: str, q: Quantity, named_after: bool = False) -> bool:
    metric = ctx.ref.metrics.get(metric_id)
    if metric is None:
        return False
    if q.kind in ("change", "multiple"):
        return True
    if canonical_unit(metric.unit) == canonical_unit(q.unit) or (q.unit is None and metric.unit == "index"):
        return True
    if q.unit and unit_spelling(metric.unit) == unit_spelling(q.unit):
        return True  # 1.1万公里 for a metric in km, "13.64 million people" for one in 人
    # An English count whose noun is the metric's name ("3,000 manufacturing companies") counts what its
    # measure word (家) counts.
    return bool(named_after and q.unit and q.unit.isascii() and _is_count(q.unit) and _is_count(metric.unit))




def _is_count(unit: str) -> bool:
    found = lookup_unit(unit)
    return found is not None and found.dimension == "count"


# An English month, full or abbreviated ("Jan.", "Sept"), as a group.
_MONTH_EN = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
_COUNT_WORDS = {w: i for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                              "ten", "eleven", "twelve"), 1)}
_ZH_COUNT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
# The Olympic fortnight (冬奥会期间, "during the Winter Olympics", "the Olympic fortnight"): no annual period.
_OLYMPICS = (r"冬奥会|冬残奥会|冬奥期间|"
             r"\b(?:(?:Winter\s+)?Olympics|Olympic\s+(?:fortnight|Games|period)|Winter\s+Games)\b")
OLYMPICS = lazy_re(_OLYMPICS, re.IGNORECASE)
# The words joining the Games to the rest of a metric's name: 冬奥会(和冬残奥会)期间…, "… during the Winter Olympics".
OLYMPICS_LINK = lazy_re(r"^(?:和冬残奥会|和冬殘奧會)?(?:期间|期間)|\s*\b(?:during|in|over)(?:\s+the)?\s*$",
                        re.IGNORECASE)
MONTH_RANGE_EN = lazy_re(r"(?:from\s+)?" + _MONTH_EN + r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b)\s*" + _MONTH_EN,
                         re.IGNORECASE)
FIRST_MONTHS = lazy_re(r"first\s+(\d{1,2}|[a-z]+)\s+months|前\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*个?月",
                       re.IGNORECASE)


def _month_number(word: str) -> int:
    return MONTHS_EN.index(word[:3].lower()) + 1


# Part of a year (1—11月, 一季度, 上半年, 秋冬季, "in the first half"): a figure for it is not an annual figure.
_PART_OF_YEAR = (
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*[—\-–~～至到]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月|"
    r"\d{1,2}\s*[—\-–~～至到]\s*\d{1,2}\s*月|[一二三四1-4]\s*季度|[上下]半年|前[三两二]季度|秋冬季|采暖季|供暖季|"
    r"前\s*\d{1,2}\s*个月|(?<![\d年])\d{1,2}月(?![\d日份])|" + _OLYMPICS + r"|"
    r"\b(?:from\s+)?" + _MONTH_EN + r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b)\s*" + _MONTH_EN + r"|"
    r"\b(?:first|second) half\b|\bquarters?\b|\bfirst \w+ months\b|\bheating season\b|"
    r"\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b(?!\s+\d{1,2},)|\bwinter\b"
)
PART_OF_YEAR = lazy_re(_PART_OF_YEAR, re.IGNORECASE)


# The periods a notice or a bulletin reports on (not a single month, an event or a season's name alone).
LEDE_PERIOD = lazy_re(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*[—\-–~～至到]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月|"
    r"\d{1,2}\s*[—\-–~～至到]\s*\d{1,2}\s*月|前\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*个?月|"
    r"[一二三四1-4]\s*季度|[上下]半年|前[三两二]季度|秋冬季|采暖季|供暖季|"
    r"\b(?:first|second|third|fourth) (?:half|quarter)\b|\bfirst (?:\w+ )?months\b|"
    r"\b(?:January|Jan\.?)\s*(?:-|–|to|through)\s*(?:\w+)\b",
    re.IGNORECASE,
)


def _dash(text: str) -> str:
    """A period's words in one spelling: 1—11月 / 1至11月 / 前11个月 / "January to November" / "Jan-Nov" /
    "first 11 months" / "first eleven months" -> 1-11月."""
    if OLYMPICS.fullmatch(text):
        return "冬奥"  # 冬奥会 / 冬奥期间 / "during the Games" / "the Olympic fortnight": one period
    months = MONTH_RANGE_EN.fullmatch(text)
    if months is not None:
        return f"{_month_number(months.group(1))}-{_month_number(months.group(2))}月"
    first = FIRST_MONTHS.fullmatch(text)
    if first is not None:
        word = first.group(1) or first.group(2)
        count = int(word) if word.isdigit() else _COUNT_WORDS.get(word.lower()) or _ZH_COUNT.get(word)
        if count is not None:
            return f"1-{count}月"
    return re.sub(r"\s*[—\-–~～至到]\s*", "-", text)


def _period_metric(ctx: _Context, metric: str, context: str) -> str | None:
    """An annual metric found in a part-of-year context: its period sibling, or None.

    ``2023年1—11月…PM2.5平均浓度`` names ``PM2.5平均浓度`` (annual) in a 1—11月 context: the metric
    whose name is the period plus an annual name (``1-11月PM2.5平均浓度``) is meant; with no such
    metric the figure is not annual and gets no metric.
    """
    periods = {_dash(m.group(0)) for m in PART_OF_YEAR.finditer(context)} if may_match(PART_OF_YEAR, context) else set()
    if not periods:
        return metric
    base_names = set(ctx.ref.metrics[metric].names)
    for other, period, rest in ctx.matcher.period_names(ctx.ref):
        if period in periods and rest in base_names:
            return other
    return None


def table_context(ctx: _Context, q: Quantity) -> tuple[str, str, int | None] | None:
    """For a figure in a Markdown table row: (its column's header cell, the heading above the table, the one year
    the header row states for the whole table, if it states exactly one that is no year compared with)."""
    key = (q.start, q.end)
    memo = ctx.table_contexts
    if key not in memo:
        memo[key] = _table_context(ctx, q)
    return memo[key]


TABLE_ROW_START = lazy_re(r"\s*\|")
NEWLINE = lazy_re(r"\n")


HEADER_COMPARED = lazy_re(r"\b(?:vs\.?|versus|since|from|compared|change|over)\b|比|较|較|以来|以來|同比",
                          re.IGNORECASE)


def _table_context(ctx: _Context, q: Quantity) -> tuple[str, str, int | None] | None:
    text = ctx.text
    line_start = ctx.line_start(q.start)
    if not TABLE_ROW_START.match(text, line_start, q.start):
        return None  # (a match, not a slice of the line: one endless line stays linear)
    column = text[line_start:q.start].count("|")
    header_start = line_start
    while header_start > 0:
        prev_start = text.rfind("\n", 0, header_start - 1) + 1
        if not text[prev_start:header_start].lstrip().startswith("|"):
            break
        header_start = prev_start
    header_end = text.find("\n", header_start)
    cells = text[header_start: header_end if header_end >= 0 else len(text)].split("|")
    cell = cells[column] if column < len(cells) else ""
    # | City | PM2.5, 2023 (µg/m³) | Multiple of WHO guideline |: the year the header gives one column dates the row.
    years = {int(m.group(1)) for c in cells if not HEADER_COMPARED.search(c) for m in YEAR_WORD.finditer(c)}
    compared = any(HEADER_COMPARED.search(c) and YEAR_WORD.search(c) for c in cells)
    table_year = years.pop() if len(years) == 1 and not compared else None
    heading = ""
    for s in reversed(ctx.sentences):
        if s.end <= header_start and s.text.strip() and not s.text.lstrip().startswith("|"):
            heading = s.text if title_like(s, ctx.sentences) or s.text.lstrip().startswith("#") else ""
            if heading and not heading.lstrip().startswith("#") and SOURCE_LINE.search(heading):
                heading = ""  # "Published 2 February 2024" right above a table: a dateline, not its heading
            break
    return cell, heading, table_year


FOOTNOTE_MARK = lazy_re(r"[^|\s\\]\s*\\?([*†‡]{1,3})\s*(?=\|)")
FOOTNOTE_LINE = lazy_re(r"\s*\\?([*†‡]{1,3})\s*(\S.*)")
FOOTNOTE_LINES = 6  # lines after a table looked at for its footnotes


def _table_footnote(ctx: _Context, q: Quantity) -> str:
    """For a figure in a table row marked with ``*`` / ``†`` (``| Shijiazhuang* | 42 |``): the footnote below the
    table that the mark points to (``\\* January–November average.``), else ""."""
    text = ctx.text
    row_start = ctx.line_start(q.start)
    row_end = ctx.newline_at_or_after(q.start)
    row = text[row_start: row_end if row_end >= 0 else len(text)]
    marks = {m.group(1) for m in FOOTNOTE_MARK.finditer(row)}
    if not marks:
        return ""
    notes = _table_notes(ctx, row_start)
    return " ".join(notes[mark] for mark in sorted(marks) if mark in notes)


def _table_notes(ctx: _Context, row_start: int) -> dict[str, str]:
    """The footnotes ({mark: text}) under the table holding the row at ``row_start``; every row walked on the way
    to the table's end is answered at once, so a table is walked once."""
    memo = ctx.table_notes
    if row_start in memo:
        return memo[row_start]
    text = ctx.text
    starts = ctx.line_starts
    i = bisect.bisect_right(starts, row_start) - 1
    rows = []
    while i < len(starts) and TABLE_ROW_START.match(text, starts[i]) and starts[i] not in memo:
        rows.append(starts[i])
        i += 1
    if i < len(starts) and starts[i] in memo and TABLE_ROW_START.match(text, starts[i]):
        notes = memo[starts[i]]
    else:
        notes = {}
        for j in range(i, min(len(starts), i + FOOTNOTE_LINES)):
            end = starts[j + 1] if j + 1 < len(starts) else len(text)
            m = FOOTNOTE_LINE.match(text[starts[j]: end].rstrip("\n"))
            if m is not None:
                notes.setdefault(m.group(1), m.group(2))
    for r in rows:
        memo[r] = notes
    return notes


# Pollutants the reference does not track: 臭氧浓度为180微克/立方米 after a PM2.5 sentence is no PM2.5 figure.
_POLLUTANTS = (
    r"臭氧|二氧化氮|二氧化硫|一氧化碳|氮氧化物|挥发性有机物|二氧化碳|碳排放|\bozone\b|\bnitrogen (?:di)?oxides?\b|"
    r"\bsulfur dioxide\b|\bsulphur dioxide\b|\bcarbon (?:monoxide|dioxide|emissions?)\b|"
    r"(?-i:\b(?:O3|NO2|SO2|NOx|VOCs?)\b)")
OTHER_POLLUTANT = lazy_re(_POLLUTANTS, re.IGNORECASE)
OTHER_MEASURE = lazy_re(
    r"增加值|产量|销量|产值|营收|营业收入|利润|用电量|发电量|消费|出口|进口|投资额|税收|吞吐量|客流|"
    r"\bvalue[- ]added\b|\b(?:industrial|steel|vehicle|car|crude steel|factory|grain) output\b|\bproduction\b|"
    r"\bsales\b|\bexports\b|\bimports\b|\brevenue\b|\bprofits?\b|\bpower (?:consumption|generation)\b|"
    r"\belectricity (?:consumption|generation|use)\b|" + _POLLUTANTS, re.IGNORECASE)
# A figure stated as a goal, plan, forecast or suggestion is no measurement of its metric.
GOAL_CUE = lazy_re(
    r"目标|力争|计划|规划|提出|要求|争取|确保|控制在|控制到|"
    r"\b(?:target(?:s|ed)?|aim(?:s|ed)?|goal|plans?|planned|striv(?:e|es|ing) (?:to|for))\b", re.IGNORECASE)
GOAL_LIST = lazy_re(r"目标(?:是|为|如下)?\s*[::]|\b(?:targets?|goals?)\b[^.:;\n]{0,40}?:", re.IGNORECASE)
FORECAST_CUE = lazy_re(
    r"预计|预期|有望|建议|\b(?:expect(?:s|ed)?|forecast|projected|predicts?|estimates? that)\b", re.IGNORECASE)
REQUIRED_BOUND = lazy_re(r"(?:不低于|不少于|不高于|不超过|不得(?:低于|高于|超过)?|\bby at least\b)\s*$", re.IGNORECASE)
GOAL_AFTER = lazy_re(r"\s*的?(?:年度|年均|考核|约束性)?目标")
GOAL_BREAK = lazy_re(r"[,,]\s*(?:优于|好于|低于|高于|较|比|同比|完成|实现|compared|down|up)", re.IGNORECASE)
# The metric named right after the figure: "290 days of good air", "11,000 km of highways".
METRIC_RIGHT_AFTER = lazy_re(r"\s*(?:of|with)\s+(?:the\s+)?", re.IGNORECASE)


MULTIPLE_OF_LIMIT = lazy_re(
    r"\s*(?:the\s+|what\s+the\s+|that\s+of\s+the\s+)?(?:[A-Za-z.'’-]+\s+){0,4}?"
    r"(?:limits?|guidelines?|standards?|benchmarks?|thresholds?|recommends?|recommended)\b|"
    r"\s*(?:the\s+)?(?-i:WHO\b)|\s*(?:the\s+)?World Health Organi[sz]ation|"
    r"\s*(?:世卫组织|世界卫生组织)?[^,,。;;\d]{0,8}(?:限值|指导值|准则值)", re.IGNORECASE)


# A figure that measures the gap between two others: "exceeding the limit by 7 µg/m³", "beat the target by 2.9",
# "topped Tianjin's count by 12 days", 超出限值7微克.
MARGIN_BEFORE = lazy_re(
    r"\b(?:exceed(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|miss(?:es|ed|ing)?|overshoot(?:s|ing)?|"
    r"overshot|top(?:s|ped|ping)?|outperform(?:s|ed|ing)?)\b[^,;.。,;\d]{0,40}?\bby\s+"
    r"(?:(?:about|some|nearly|almost|roughly|around|just|only|more than|over)\s+)?$|"
    r"(?:超出|高出|超过|低于|优于)(?:国家)?(?:二级)?(?:标准|限值|目标|指导值)(?:值)?\s*$",
    re.IGNORECASE)
MARGIN_REACH = 64  # characters looked back for the verb of a margin
# A period stated right after the figure: "averaged 42 µg/m³ over January–November 2023", "… in the first half".
FROM_BEFORE = lazy_re(r"\bfrom\s+(?:(?:about|some|nearly|almost|roughly|around)\s+)?$", re.IGNORECASE)
YEAR_AFTER_FIGURE = lazy_re(r"\s*(?:in|for)\s+(?:19|20)\d{2}\b(?!\s*[-–—/])", re.IGNORECASE)
PERIOD_AFTER = lazy_re(r"\s*(?:of\s+[\w.]+(?:\s+[\w.]+)?\s+)?(?:(?:on average|a month)\s+)?"
                       r"(?:(?:over|in|during|for|across|throughout)\s+(?:the\s+)?)?(" + _PART_OF_YEAR + ")",
                       re.IGNORECASE)


def resolve_metric(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    if quoted_standard(ctx, q) is not None:
        return None  # 国家二级标准(35微克/立方米): the standard's limit, not a measurement
    if q.kind == "multiple" and any(m.kind == "standard" for m in ctx.mentions_in(q.start - 32, q.end + 24)):
        return None  # 是国家二级标准的2.6倍, "3.6 times the national standard": a ratio to a limit, no measure
    if limit_quote(ctx, q) is not None:
        return None  # "the national limit of 35 micrograms", "the WHO guideline of 5": a limit, not a measurement
    if q.kind == "multiple" and MULTIPLE_OF_LIMIT.match(ctx.text, q.end):
        return None  # "nine times the World Health Organization's guideline": a ratio to a limit, no measure
    if q.kind == "level" and MARGIN_BEFORE.search(ctx.text, max(sentence.start, q.start - MARGIN_REACH), q.start):
        return None  # "exceeding the limit by 7 µg/m³", "the actual figure beat it by 2.9": a margin, no level
    respective = respective_metric(ctx, q, sentence)
    if respective is not None:
        return respective if respective and _metric_fits(ctx, respective, q) else None
    metric = _measured_metric(ctx, q, sentence)
    if metric is None:
        return None
    part_start = ctx.part_start(sentence, q.start)
    if ctx.matches_in(FORECAST_CUE, max(part_start, q.start - CUE_REACH), q.start):
        return None  # 业内人士建议…力争降至36, 预计…将再增加3至5万P: nobody measured it
    if q.kind == "change" and REQUIRED_BOUND.search(ctx.text, max(part_start, q.start - 8), q.start):
        return None  # 降幅不低于3%, "by at least 3 percent": a required change, no measured one
    if _stated_as_goal(ctx, q, sentence):
        # 河北曾提出,到2020年全省PM2.5平均浓度达到55微克/立方米: the target level, when the reference tracks
        # targets; a goal change (力争再降3%至5%) is no level to compare.
        target = f"{metric}_target"
        return target if q.kind == "level" and target in ctx.ref.metrics else None
    if "_since_" in metric and not _cumulative(ctx, q, sentence):
        return None  # 去年新签约…项目68个,总投资逾420亿元: one year's, not the total since 2014 the metric counts
    if q.kind == "level" and q.value_high is not None:
        return None  # 各设区市…在18—47微克/立方米之间, "ranged from 18 to 25": a spread or an estimate, no measurement
    return metric


# "…, 129 good days and 80 heavy-pollution days, the annual concentration has fallen by 64.3 percent": a change of
# a concentration named in its own clause, after a day measure, is the concentration's.
CONCENTRATION_NOUN = lazy_re(r"\bconcentrations?\b|\bPM2\.5\s+(?:reading|level|average)s?\b|浓度", re.IGNORECASE)
CONCENTRATION_UNITS = frozenset({"μg/m³"})


def _named_concentration(ctx: _Context, q: Quantity, sentence: Sentence, last: Mention) -> str | None:
    """The metric of the concentration a change's clause names after a metric of another unit ("" when the
    concentration is named but no level of it came before), None when the clause names none."""
    c_lo, _ = ctx.clause_bounds(sentence, q.start)
    lo = max(last.end, c_lo)
    if lo >= q.start or not ctx.matches_in(CONCENTRATION_NOUN, lo, q.start):
        return None
    metric = ctx.ref.metrics.get(last.id)
    if metric is None or unit_spelling(metric.unit) in CONCENTRATION_UNITS:
        return None  # the last metric named is a concentration itself
    for x in reversed(ctx.quantities_in(ctx.reach(sentence, q.start), q.start)):
        if x.kind == "level" and x.unit and unit_spelling(x.unit) in CONCENTRATION_UNITS:
            found = _memo_metric(ctx, x, sentence)
            return found or ""
    return ""


def _memo_metric(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    """resolve_metric, answered once per figure (a chain of sentences carrying a measure stays linear)."""
    key = (q.start, q.end)
    if key not in ctx.metric_memo:
        ctx.metric_memo[key] = resolve_metric(ctx, q, sentence)
    return ctx.metric_memo[key]


def _cumulative(ctx: _Context, q: Quantity, sentence: Sentence) -> bool:
    """Whether the figure's sentence states a running total (2014年以来, 累计, 十年来, "since 2014", "in total")."""
    times = ctx.times_in(sentence.start, sentence.end)
    return any(t.kind in ("since", "span") for t in times) or bool(ctx.matches_in(CUMULATIVE, sentence.start, q.start))


def _stated_as_goal(ctx: _Context, q: Quantity, sentence: Sentence) -> bool:
    """A goal cue before the figure in its part of the sentence (河北曾提出,到2020年…达到55…、…达到63%以上;
    力争控制在37…,优良天数比率达到70%以上), or right after it (优于32.9微克/立方米的年度目标). A clause of
    comparison after the cue (…的年度目标,较疫情前的2019年(36…)) is back to measured figures."""
    if GOAL_AFTER.match(ctx.text, q.end):
        return True
    part_start = ctx.part_start(sentence, q.start)
    cues = ctx.matches_in(GOAL_CUE, max(part_start, q.start - CUE_REACH), q.start)
    if not cues:
        # 今年主要预期目标是:地区生产总值增长6%左右;固定资产投资增长8%以上: a list of goals after a colon, its
        # items parted by ;, all goals.
        return bool(ctx.matches_in(GOAL_LIST, ctx.reach(sentence, q.start), q.start))
    # 力争…降至37,较去年再降约1…: 再 ("further") keeps the goal going past a clause of comparison.
    return not GOAL_BREAK.search(ctx.text, cues[-1].end(), q.start) or "再" in ctx.text[max(0, q.start - 8): q.start]


def _measured_metric(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    table = table_context(ctx, q)
    context = ctx.text[ctx.reach(sentence, q.start): q.start]
    if not _own_times(ctx, ctx.reach(sentence, q.start), max(q.start, sentence.end)):
        # A sentence in the time frame of earlier ones is in their period too
        # (2019年10月—2020年3月,…。其中,…为70微克/立方米: not an annual mean).
        frame = []
        for earlier in ctx.frame_before(sentence):
            frame.append(ctx.text[earlier.start: earlier.end])
            if _own_times(ctx, earlier.start, earlier.end):
                break
        context = "".join(reversed(frame)) + context
        if not any(_own_times(ctx, e.start, e.end) for e in ctx.frame_before(sentence)) \
                and not _own_times(ctx, sentence.start, sentence.end):
            dated = _heading_with_time(ctx, sentence)
            if dated is not None:
                # ## 一、2024年1—9月全省总体情况 / "## January-September 2024": a section's undated paragraphs are in
                # the period of its heading (not annual means).
                context = ctx.text[dated.start: dated.end] + context
            elif ctx.lede_period:
                context = ctx.lede_period[1] + context  # a notice's later paragraph: in the period of its opening
    metric = None
    if table is not None:
        cell, heading, _ = table
        if q.kind == "multiple" and MULTIPLE_OF_LIMIT.match(cell.strip().removeprefix("Multiple of").removeprefix(
                "multiple of")):
            return None  # | Multiple of WHO guideline |: ratios to a limit, no measure
        context = heading + cell
        for part in (cell, heading + cell):
            found = [m for m in ctx.matcher.scan(part) if m.kind == "metric" and _metric_fits(ctx, m.id, q)]
            if found:
                metric = found[-1].id
                break
        footnote = _table_footnote(ctx, q)
        if footnote:
            context += footnote  # | Shijiazhuang* | 42 | … "* January–November average.": the row's period
    else:
        after = PERIOD_AFTER.match(ctx.text, q.end, min(len(ctx.text), q.end + 64))
        if after is not None:
            context += " " + after.group(1)
        elif FROM_BEFORE.search(ctx.text, max(sentence.start, q.start - 16), q.start) \
                and YEAR_AFTER_FIGURE.match(ctx.text, q.end):
            context = ""  # "(Jan-Nov) 18 micrograms, down by almost half from 35 micrograms in 2014": a year's own
    if metric is None:
        metric = _resolve_metric(ctx, q, sentence)
    if metric is None or metric in ctx.matcher.period_metrics(ctx.ref):
        return metric
    return _period_metric(ctx, metric, context)


def _resolve_metric(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    for m in ctx.mentions_in(q.start, min(sentence.end, q.end + 16)):
        right_after = m.start <= q.end or METRIC_RIGHT_AFTER.fullmatch(ctx.text, q.end, m.start)
        if m.kind == "metric" and right_after and _metric_fits(ctx, m.id, q, named_after=True):
            return m.id
    candidates = [m for m in ctx.mentions_in(ctx.reach(sentence, q.start), q.start) if m.kind == "metric"]
    # 8天,其中6天由沙尘导致 / "eight days …, six of which …": a part, not the measure itself (unless a measure is
    # named after 其中).
    subset = SUBSET_BEFORE.search(ctx.text, max(sentence.start, q.start - SUBSET_REACH), q.start)
    if subset is not None:
        if not (candidates and candidates[-1].start >= subset.end()):
            return None
    elif SUBSET_AFTER.match(ctx.text, q.end):
        return None
    # 地区生产总值…;规模以上工业增加值同比增长6.8%: a measure the reference does not track, named between the metric
    # and the figure, is what the figure measures (not GDP).
    candidates = [m for m in candidates if not search_in(OTHER_MEASURE, ctx.text, m.end, q.start)]
    part_start = ctx.part_start(sentence, q.start)
    if q.kind == "change" and candidates:
        concentration = _named_concentration(ctx, q, sentence, candidates[-1])
        if concentration is not None:
            return concentration or None
    if not candidates and ctx.matches_in(OTHER_POLLUTANT, max(part_start, ctx.reach(sentence, q.start)), q.start):
        return None  # "The ozone reading averaged 180 micrograms": the measure named is one the reference lacks
    in_part = [m for m in candidates if m.start >= part_start]
    for m in reversed(in_part or candidates):
        if _metric_fits(ctx, m.id, q):
            return m.id
    share = _share_of(ctx, q, in_part or candidates)
    if share is not None:
        return share
    if in_part:
        return None  # 重度及以上污染天数平均为11天,占比3%: the part's own measure, with no metric for its share
    fuzzy = _fuzzy_metric(ctx, q, sentence)
    if fuzzy is not None or candidates:
        return fuzzy
    economy = _economy_metric(ctx, q, sentence, part_start)
    if economy is not None:
        return economy
    extent = _extent_metric(ctx, q, part_start)
    if extent is not None:
        return extent
    average = _average_antecedent(ctx, q, sentence, part_start)
    if average is not None:
        return average
    if q.kind == "level":
        after_change = _level_after_change(ctx, q, sentence)
        if after_change is not None:
            return after_change
    if q.kind == "multiple":
        of_level = _change_of_level(ctx, q, sentence)  # "10 trillion yuan, 1.8 times that of 2013"
        if of_level is not None:
            return of_level
    if q.kind == "change":
        # A change is not carried from the sentence before (a bare "约2%" after a sentence about population is no
        # population change), unless it says which figure it changes.
        return _change_of_level(ctx, q, sentence) or _anaphoric_change(ctx, q, sentence, part_start)
    # "… 32 micrograms in 2023. By 2022 it had dropped to 30 …": carried from the previous sentence.
    prev = ctx.previous_in_paragraph(sentence)
    if prev is not None:
        for m in reversed([m for m in ctx.mentions_in(prev.start, prev.end) if m.kind == "metric"]):
            if _metric_fits(ctx, m.id, q):
                return m.id
    # "The reading was 41 micrograms": a concentration whose sentence names no measure is the one named last.
    found = lookup_unit(q.unit) if q.unit and q.kind == "level" else None
    if found is not None and found.dimension == "concentration":
        if prev is not None:
            # "… cut its average from 89.5 to 58 micrograms. It took seven more years to remove a further 27.5
            # micrograms": the measure of the sentence before's last concentration, however that one got it.
            for x in reversed(ctx.quantities_in(prev.start, prev.end)):
                if x.kind == "level" and x.unit == q.unit:
                    carried = _memo_metric(ctx, x, prev)
                    if carried is not None and not carried.endswith("_target"):
                        return carried
                    break
        for m in reversed(ctx.mentions_in(max(0, sentence.start - METRIC_REACH), sentence.start)):
            if m.kind == "metric" and _metric_fits(ctx, m.id, q):
                return m.id
        # Further back, only a measure named without a rival: "averaged 126 micrograms of PM2.5 …" (three
        # paragraphs on) "Hebei's 38.6 micrograms last year" is PM2.5 when no other concentration was named since.
        lo = max(0, sentence.start - GROUP_REACH)
        if ctx.matches_in(OTHER_POLLUTANT, lo, q.start):
            return None
        named = {m.id for m in ctx.mentions_in(lo, sentence.start) if m.kind == "metric" and _metric_fits(ctx, m.id, q)}
        if len(named) == 1:
            only = named.pop()
            return None if only.endswith("_target") or only in ctx.matcher.period_metrics(ctx.ref) else only
    return None


# "The 2024 figure is 65.9 percent lower", "Tianjin's 2023 level was down", 该数值较2013年下降: a change of the
# figure the text is about. Reading, concentration and density are a concentration's.
LEVEL_ANAPHOR = lazy_re(
    r"\b(?:the|its|this|that|their)\s+(?:(?:19|20)\d{2}\s+)?(?:annual\s+|average\s+)?"
    r"(?:(figure|level|average|total)|(reading|concentration|density))\b|"
    r"['’]s\s+(?:(?:19|20)\d{2}\s+)?(?:annual\s+|average\s+)?(?:(figure|level|average|total)|(reading|concentration|density))\b|"
    r"(?:该|这一|此)(?:数值|数字|数据|指标|均值)()|(?<![A-Za-z0-9.])(?:年均|平均)?()浓度|"
    # "Compared with 2019, …, it dropped by 23.8%": "it" opening a clause, right before its verb of change.
    r"(?-i:\bIt|(?<=[,;] )it)\s+(?:has\s+|had\s+)?(?:dropped|fell|declined|decreased|rose|increased|climbed|grew)\b",
    re.IGNORECASE)
CHANGE_GAP = 40  # characters between a level and the change of it stated right after it
# A change restated right after another one ("rose by 2 μg/m³ over 2022, a year-on-year increase of 6.7%",
# 上升2微克/立方米,同比上升6.7%): the same measure's change, in percent.
RESTATED_CHANGE = lazy_re(
    r"(?:\s+(?:over|from|compared with|on)\s+(?:19|20)\d{2})?\s*[,,]\s*(?:(?:an?|or)\s+)?(?:year-on-year\s+|"
    r"annual\s+)?(?:increase|decrease|rise|drop|decline|fall|growth|reduction)\s+of\s*|"
    r"\s*[,,]\s*(?:同比|比上年|较上年)(?:上升|下降|增长|减少|降低|提高|增加)了?\s*", re.IGNORECASE)


def _change_of_level(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    """``年均浓度回升至41微克/立方米,与2013年相比仍下降57.3%``, "compares with 89.5 micrograms in 2013, a decline of
    65.9 percent": a change stated right after a level of its sentence (nothing named between them: no measure,
    place or figure) changes that level's metric."""
    levels = ctx.quantities_in(ctx.reach(sentence, q.start), q.start)
    if not levels or levels[-1].end > q.start:
        return None
    level = levels[-1]
    gap = ctx.text[level.end: q.start]
    if level.kind == "change" and not RESTATED_CHANGE.fullmatch(gap):
        return None  # "rose by 2 μg/m³ over 2022, a year-on-year increase of 6.7%": the same change restated
    if level.kind not in ("level", "change"):
        return None
    if len(gap) > CHANGE_GAP or any(ch in gap for ch in ";;。") or _named_between(ctx, level.end, q.start) \
            or (may_match(OTHER_MEASURE, gap) and OTHER_MEASURE.search(gap)):
        return None
    metric = resolve_metric(ctx, level, sentence)
    return None if metric is None or metric.endswith("_target") else metric


# "has grown by about 90 percent, to 10.4 trillion yuan", 增长5.5%,达到1.2万亿元: the level a change arrives at.
TO_LEVEL_GAP = lazy_re(r"\s*[,,]?\s*(?:to|reaching|at|达到|达|至|为)\s*", re.IGNORECASE)


def _level_after_change(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    """A level stated right after a change as what the change arrived at measures what the change measures."""
    before = ctx.quantities_in(ctx.reach(sentence, q.start), q.start)
    if not before or before[-1].kind != "change" or before[-1].end > q.start:
        return None
    change = before[-1]
    if not TO_LEVEL_GAP.fullmatch(ctx.text, change.end, q.start):
        return None
    metric = _memo_metric(ctx, change, sentence)
    if metric is None or metric.endswith("_target") or not _metric_fits(ctx, metric, q):
        return None
    return metric


# "the region's output", "Hebei's 2023 economic output", "its economy", "Jing-Jin-Ji economy tops": a place's economy.
ECONOMY = lazy_re(
    r"(?:['’]s|\bits|\btheir)\s+(?:(?:19|20)\d{2}\s+)?(?:economic\s+)?(?:output|economy)\b|"
    r"(?<=[A-Za-z] )economy\s+(?=(?:tops|topped|reached|hit|grew|expanded|has|was)\b)|经济总量", re.IGNORECASE)


# "The new area covers some 1,770 square kilometers", "the region's railway network has grown to more than 11,000km":
# an area covered is the land area, the length of a rail network its railway length (the reference's metrics named
# "land area" / "railway lines", when the figure is in their unit).
EXTENT_CUES = (
    (lazy_re(r"\b(?:covers?|covering|covered|spans?|spanning|spanned|(?:an?\s+|total\s+|land\s+)?area\s+of)\s+"
             r"(?:(?:some|about|roughly|around|nearly|almost|more\s+than|over)\s+)?$", re.IGNORECASE), "land area"),
    (lazy_re(r"\b(?:rail(?:way)?|high-speed\s+rail(?:way)?)\s+(?:network|lines?|track)s?\b[^,;.]{0,40}$",
             re.IGNORECASE), "railway lines"),
)


def _extent_metric(ctx: _Context, q: Quantity, part_start: int) -> str | None:
    if q.kind != "level" or not q.unit:
        return None
    lo = max(part_start, q.start - REACH)
    starts = ctx.pronoun_starts
    if not any(m.kind == "region" for m in ctx.mentions_in(lo, q.start)) \
            and bisect.bisect_left(starts, lo) == bisect.bisect_left(starts, q.start):
        return None  # "The new area covers …": whose area, the sentence does not say (a tracked metric needs a place)
    for cue, name in EXTENT_CUES:
        if cue.search(ctx.text, max(part_start, q.start - 60), q.start):
            kind, ident = ctx.matcher.lookup.get(name, ("", ""))
            if kind == "metric" and ident in ctx.ref.metrics \
                    and unit_spelling(q.unit) == unit_spelling(ctx.ref.metrics[ident].unit):
                return ident
    return None


ECONOMY_AFTER = lazy_re(r"\s*(?:\([^()\n]{0,24}\)\s*)?(?:of|in)\s+(?:economic\s+)?output\b", re.IGNORECASE)
PRODUCED_BEFORE = lazy_re(r"\b(?:produced|produces|generated|generates)\s+(?:(?:about|some|roughly|around|nearly|"
                          r"almost|more\s+than|over)\s+)?$", re.IGNORECASE)
OF_GOODS_AFTER = lazy_re(r"\s*(?:\([^()\n]{0,24}\)\s*)?(?:of|in|worth)\b", re.IGNORECASE)


def _economy_metric(ctx: _Context, q: Quantity, sentence: Sentence, part_start: int) -> str | None:
    """A place's output or economy stated in yuan (or its change) right before the figure is its GDP: the
    reference's metric named "economic output" (经济总量), if it has one and the figure is in its unit."""
    found = ctx.matches_in(ECONOMY, max(part_start, q.start - CUE_REACH), q.start)
    if not found and q.kind == "level" and q.unit and (
            ECONOMY_AFTER.match(ctx.text, q.end)
            or (PRODUCED_BEFORE.search(ctx.text, max(part_start, q.start - 24), q.start)
                and not OF_GOODS_AFTER.match(ctx.text, q.end))):
        # "produced 10.4trn yuan ($1.46trn) of output in 2023", "in 2022 Hebei produced about 4.2trn yuan": output
        # in yuan is the economy's
        kind, ident = ctx.matcher.lookup.get("economic output", ("", ""))
        if kind == "metric" and ident in ctx.ref.metrics \
                and unit_spelling(q.unit) == unit_spelling(ctx.ref.metrics[ident].unit):
            return ident
        return None
    if not found or ctx.quantities_in(found[-1].end(), q.start) or search_in(OTHER_MEASURE, ctx.text, found[-1].end(),
                                                                             q.start):
        return None
    kind, ident = ctx.matcher.lookup.get("economic output", ("", ""))
    if kind != "metric" or ident not in ctx.ref.metrics:
        return None
    unit = unit_spelling(ctx.ref.metrics[ident].unit)
    if q.kind == "level":
        return ident if q.unit and unit_spelling(q.unit) == unit else None
    # A change of "output" is the economy's only beside a figure in yuan, and never beside one in tonnes
    # ("Hebei's output dropped 2.6 percent … to roughly 196 million tonnes": steel).
    _, hi = ctx.clause_bounds(sentence, q.start)
    units = [unit_spelling(x.unit) for x in ctx.quantities_in(part_start, hi) if x is not q and x.unit
             and x.kind == "level"]
    for u in units:
        found_unit = lookup_unit(u)
        if u != unit and (found_unit is None or found_unit.dimension != "percent"):
            return None
    return ident if unit in units or "output" not in found[-1].group(0).lower() else None


def _named_between(ctx: _Context, lo: int, hi: int) -> bool:
    """Whether a region, metric, standard or home pronoun (我市, 全省) is named in [lo, hi)."""
    starts = ctx.pronoun_starts
    return bool(ctx.mentions_in(lo, hi)) or bisect.bisect_left(starts, lo) < bisect.bisect_left(starts, hi)


# "its average fell", "Hebei's average stood at", "the nationwide average of": the measure the text called an
# average (not "the average wage", where the noun after "average" is the measure).
AVERAGE_ANAPHOR = lazy_re(
    r"(?:\b(?:its|their|the)\s+(?:[a-z-]+\s+)?|['’]s\s+(?:(?:19|20)\d{2}\s+)?(?:annual\s+)?)average\b"
    r"(?=\s*[,.;]|\s+(?:of|for|in|at|from|to|was|is|has|had|last|this|stood|fell|rose|hit|came|[a-z]+ed)\b)",
    re.IGNORECASE)
AVERAGED_NAME = lazy_re(r"average|\bmean\b|平均|年均", re.IGNORECASE)
AVERAGE_BEFORE = lazy_re(r"\b(?:average|mean)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
AVERAGE_AFTER = lazy_re(r"\s*(?:averaged|average)\b", re.IGNORECASE)


def _average_antecedent(ctx: _Context, q: Quantity, sentence: Sentence, part_start: int) -> str | None:
    """"Beijing's average PM2.5 concentration fell to 30.5 … Between 2013 and 2017 the capital cut its average from
    89.5 to 58 micrograms": an average named by anaphor ("its average", "Hebei's average", "the nationwide average")
    is the measure last called an average (not PM10 named since without the word), if one fits the figure."""
    anaphors = ctx.matches_in(AVERAGE_ANAPHOR, max(part_start, q.start - CUE_REACH), q.start)
    if not anaphors or any(m.kind in ("metric", "standard") for m in ctx.mentions_in(anaphors[-1].end(), q.start)):
        return None
    for m in reversed(ctx.mentions_in(max(0, sentence.start - GROUP_REACH), anaphors[-1].start())):
        if m.kind != "metric" or m.id.endswith("_target") or not _metric_fits(ctx, m.id, q):
            continue
        if AVERAGED_NAME.search(ctx.text, m.start, m.end) or AVERAGE_AFTER.match(ctx.text, m.end) \
                or AVERAGE_BEFORE.search(ctx.text, max(0, m.start - 24), m.start):
            return m.id
    return None


def _anaphoric_change(ctx: _Context, q: Quantity, sentence: Sentence, part_start: int) -> str | None:
    """"The 2024 figure is 65.9 percent lower than in 2013": a change of "the figure / level / reading" (该数值)
    measures what was named last before its sentence (a reading or a concentration: the last concentration)."""
    anaphors = ctx.matches_in(LEVEL_ANAPHOR, max(part_start, q.start - CUE_REACH), q.start)
    if not anaphors or _named_between(ctx, anaphors[-1].end(), q.start) \
            or ctx.quantities_in(anaphors[-1].end(), q.start):
        return None  # 年均浓度为31…,天津同比下降4.7%: the anaphor is another figure's subject
    concentration = bool(anaphors[-1].group(2) or anaphors[-1].group(4) or anaphors[-1].group(6) is not None)
    for m in reversed(ctx.mentions_in(max(0, sentence.start - METRIC_REACH), sentence.start)):
        if m.kind != "metric" or m.id.endswith("_target"):
            continue
        if search_in(OTHER_MEASURE, ctx.text, m.end, q.start):
            return None  # an untracked measure named since: the figure may be its
        unit = lookup_unit(ctx.ref.metrics[m.id].unit) if m.id in ctx.ref.metrics else None
        if concentration and (unit is None or unit.dimension != "concentration"):
            continue
        return m.id
    return None


# A percentage stated as the share of the days (or of the whole) the measure before it counts.
SHARE_BEFORE = lazy_re(r"(?:占比|占全年(?:总)?(?:天数)?的?|占(?:总)?天数的?|比例|比率)\s*(?:为|达|达到|是)?\s*$")
SHARE_AFTER = lazy_re(r"\s*of (?:the|all|the total) (?:year|days)\b", re.IGNORECASE)


def _share_of(ctx: _Context, q: Quantity, named: Sequence[Mention]) -> str | None:
    """``优良天数达到290天,占全年天数的79.2%``, "290 days of good air, or 79.2 percent of the year": a share of the
    days counted by the measure named last is that measure's share metric (good_days_ratio), when the reference
    has one (重污染天数…占比3% has none: no metric)."""
    if q.kind != "level" or canonical_unit(q.unit) != "%" or not named:
        return None
    share = ctx.matcher.share_metrics(ctx.ref).get(named[-1].id)
    if share is None:
        return None
    if SHARE_BEFORE.search(ctx.text, max(0, q.start - 10), q.start) or SHARE_AFTER.match(ctx.text, q.end):
        return share
    return None


def _fuzzy_metric(ctx: _Context, q: Quantity, sentence: Sentence) -> str | None:
    window = ctx.text[max(sentence.start, q.start - FUZZY_WINDOW): q.start]
    window = re.sub(r"[\s()()]", "", window)
    if len(window) < 3 or not ctx.matcher.metric_names:
        return None
    memo = ctx.fuzzy_memo
    if window not in memo:
        memo[window] = _fuzzy_best(ctx, window)
    ident = memo[window]
    return ident if ident is not None and _metric_fits(ctx, ident, q) else None


def _fuzzy_best(ctx: _Context, window: str) -> str | None:
    """The metric whose name best (and closely enough) matches ``window``, or None."""
    # Only names sharing at least two character bigrams with the window are scored: a cheap prefilter that keeps
    # the fuzzy pass off almost every figure (it is for near spellings, 细颗粒物年平均浓度 vs 细颗粒物年均浓度).
    pool = ctx.matcher.fuzzy_pool(window)
    if not pool:
        return None
    from rapidfuzz import fuzz, process
    best = process.extractOne(window, [n for n, _ in pool], scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF)
    return None if best is None else pool[best[2]][1]


def _time_year(ctx: _Context, t: TimeExpr) -> int | None:
    """The year a time states (None for a year compared with or a period's first end), once per time and text."""
    if t.kind not in ("date", "year", "relative_year", "ago"):
        return None
    memo = ctx.year_memo
    held = memo.get(id(t))
    if held is not None and held[0] is t:  # the memo holds t itself: its id cannot have been reused
        return held[1]
    year = _time_year_of(ctx, t)
    memo[id(t)] = (t, year)
    return year


def _time_year_of(ctx: _Context, t: TimeExpr) -> int | None:
    before = ctx.text[max(0, t.start - 32): t.start]
    after = ctx.text[t.end: t.end + 10]
    range_start = RANGE_BEFORE.search(before)
    if range_start:  # 与2019—2020年采暖季相比: the later end of a period compared with is compared with too
        before = ctx.text[max(0, t.start - len(before) + range_start.start() - 32): t.start - len(before)
                          + range_start.start()]
    so_far = t.kind == "relative_year" and relative_offset(t.text) == 0 and THIS_YEAR_SO_FAR.match(after)
    if not so_far and (COMPARISON_BEFORE.search(before) or COMPARISON_AFTER.match(after)):
        return None  # (今年以来, "so far this year": the current year to date, no starting point before it)
    if RANGE_NEXT.match(after):
        return None  # 2023—2024年采暖季, 2023年11月15日至2024年3月15日: a period is dated by its later end
    if t.kind == "year" and t.year is not None and (short := SHORT_YEAR_NEXT.match(after)) is not None \
            and int(short.group(1)) == (t.year + 1) % 100:
        return t.year + 1  # "the 2022-23 heating season", 2016/17: a period across two years is dated by its later end
    if t.kind in ("date", "year") and t.year is not None:
        return t.year
    if t.kind == "date" and t.month is not None and t.day is None and ctx.published is not None:
        if MONTH_RANGE_NEXT.match(after):
            return None  # 1—11月 with no year: the period is dated by its later end (the latest November)
        if MONTH_THEN_YEAR.match(ctx.text, t.end):
            return None  # "in September 2021" read as a month and a year: the year time dates it
        # A bare month ("in December", 7月) is the latest such month up to the article's date.
        return ctx.published.year - (1 if t.month > ctx.published.month else 0)
    if t.kind == "ago" and t.years is not None and ctx.published is not None:
        return ctx.published.year - t.years  # 10年前, "a decade ago"
    if t.kind == "relative_year" and ctx.published is not None:
        if t.year is not None:
            return t.year
        offset = relative_offset(t.text)
        return None if offset is None else ctx.published.year + offset
    return None


# The first end of a period between two years: 2023—2024年, 2023年11月15日至2024年3月15日, 2019-2020.
RANGE_BEFORE = lazy_re(r"(?:19|20)\d{2}(?:\s*年)?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\s*(?:[—\-–~～]|至|到)\s*$")
RANGE_NEXT = lazy_re(r"\s*(?:[—\-–~～]|至|到|to\b|through\b)\s*(?:19|20)\d{2}(?!\d)")  # "the winter of 2017 to 2018"
THIS_YEAR_SO_FAR = lazy_re(r"\s*(?:以来|来)")
SHORT_YEAR_NEXT = lazy_re(r"\s?[-–—/]\s?(\d{2})(?![\d.,%])")  # 2022-23, 2016/17: the later year written short
MONTH_RANGE_NEXT = lazy_re(r"\s*(?:(?:[—\-–~～]|至|到)\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月|"
                           r"(?:[-–—]|to\b|through\b)\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)",
                           re.IGNORECASE)


MONTH_THEN_YEAR = lazy_re(r",?\s*(?:of\s+)?(?:19|20)\d{2}(?!\d)", re.IGNORECASE)


def relative_offset(text: str) -> int | None:
    table = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1,
             "this year": 0, "last year": -1, "next year": 1}
    for key, value in table.items():
        if key in text.lower():
            return value
    return None


def resolve_year(ctx: _Context, q: Quantity, sentence: Sentence) -> int | None:
    if q.year is not None:
        return q.year
    if quoted_standard(ctx, q) is not None:
        return None  # a standard's limit holds for no particular year
    if limit_quote(ctx, q) is not None:
        # A limit or guideline quoted in words holds for no year the text goes on about: only a year its own
        # sentence states ("tightened its guidelines in September 2021, cutting … from 10 to 5") dates it.
        years = [y for t in ctx.times_in(sentence.start, sentence.end) if (y := _time_year(ctx, t)) is not None]
        return years[0] if len(set(years)) == 1 else None
    table = table_context(ctx, q)
    header_year = TABLE_YEAR.fullmatch(table[0].strip()) if table else None
    if header_year:
        return int(header_year.group(1))  # | 城市 | 2013 | 2017 | 2023 |: a cell's year is its column's
    if table is not None and table[2] is not None and not ctx.times_in(sentence.start, sentence.end):
        return table[2]  # | City | PM2.5, 2023 (µg/m³) | Multiple of WHO guideline |: the header's one year
    if q.role == "to":
        # "fell from 58 in 2013 to two": the "to" end is not the "from" year; a later year after it, if any.
        start_years = ctx.from_years.get(q.group, set()) if q.group is not None else set()
        _, c_hi = ctx.clause_bounds(sentence, q.start)
        for t in ctx.times_in(q.end, c_hi):
            year = _time_year(ctx, t)
            if year is not None and year not in start_years:
                return year
        return _sentence_year(ctx, q, sentence, skip=start_years)
    span = _over_the_period(ctx, q, sentence) or _compared_span(ctx, q, sentence)
    if span is not None:
        return span[1]
    before = ctx.times_in(ctx.reach(sentence, q.start), q.start)
    if before and before[-1].year is not None and before[-1].kind in ("year", "date") \
            and (WHEN_CLAUSE.fullmatch(ctx.text, before[-1].end, q.start)
                 or (q.kind == "level" and YEARS_OWN.fullmatch(ctx.text, before[-1].end, q.start))):
        # "Measured against 2023, when the city logged 271 days", 与2016—2017年采暖季的139微克/立方米相比: the
        # figure of the year compared with
        return before[-1].year
    if before and before[-1].year is not None and before[-1].kind in ("year", "date") and q.kind == "level":
        listed = _when_list_year(ctx, q, before[-1])
        if listed is not None:
            return listed
    for t in ctx.times_in(q.end, q.end + YEAR_RIGHT_AFTER_REACH):
        # "the 108 micrograms recorded in 2013", "58 such days in 2013": the figure's own year, stated right after
        # it, over a year the sentence opened on.
        if t.kind in ("year", "date") and t.year is not None and YEAR_RIGHT_AFTER.fullmatch(ctx.text, q.end, t.start):
            year = _time_year(ctx, t)
            if year is not None and year != q.baseline_year:
                return year
        elif t.kind == "relative_year" and t.start > q.end and ctx.text[q.end:t.start].isspace():
            # "is expected to reach 250bn yuan this year": a relative year right after the figure, over a "last
            # year" earlier in the sentence
            year = _time_year(ctx, t)
            if year is not None and year != q.baseline_year:
                return year
        break
    return _sentence_year(ctx, q, sentence)


# "… 30.5 in 2024 compares with 89.5 in 2013, a decline of 65.9 percent over the period": the change spans the years
# its sentence names, from the first to the last.
OVER_THE_PERIOD = lazy_re(r"^[^,;.。,;]{0,24}?\b(?:over|during|in|across)\s+(?:the|that|this)\s+(?:same\s+)?period\b|"
                          r"^[^,;。,;]{0,8}?(?:在此期间|这一期间|此期间)", re.IGNORECASE)


OVER_THE_PERIOD_REACH = 80  # characters after a change its "over the period" may take (a bounded slice)


def _over_the_period(ctx: _Context, q: Quantity, sentence: Sentence) -> tuple[int, int] | None:
    """(first, last) year of the sentence for a change stated "over the period" of the years it names."""
    if q.kind != "change" or q.baseline_year is not None or q.comparison is not None:
        return None
    if not (OVER_THE_PERIOD.match(ctx.text[q.end: min(sentence.end, q.end + OVER_THE_PERIOD_REACH)])
            or OVER_THE_PERIOD.match(ctx.text[max(sentence.start, q.start - 12): q.start])):
        return None
    years = sorted({t.year for t in ctx.times_in(sentence.start, sentence.end) if t.kind in ("year", "date")
                    and t.year is not None})
    return (years[0], years[-1]) if len(years) >= 2 else None


WHEN_LIST_JOIN = lazy_re(r"\s*(?:,\s*)?(?:and\s+)?", re.IGNORECASE)
WHEN_LIST_MAX = 6  # figures listed in one "when" clause


def _when_list_year(ctx: _Context, q: Quantity, t: TimeExpr) -> int | None:
    """"Compared with 2013, when the province recorded 108 micrograms, 129 good days and 80 heavy-pollution days":
    every figure listed in the when clause is of that year (not only the first one)."""
    when = WHEN_CLAUSE.match(ctx.text, t.end, q.start)
    if when is None or when.end() >= q.start:
        return None
    listed = [x for x in ctx.quantities_in(when.end(), q.start) if x.end <= q.start]
    if not listed or len(listed) > WHEN_LIST_MAX or listed[0].start != when.end():
        return None
    for a, b in itertools.pairwise([*listed, q]):
        if b.start < a.end or not WHEN_LIST_JOIN.fullmatch(ctx.text, a.end, b.start):
            return None
    return t.year


# A figure in a "when" clause after a year belongs to that year, even a year compared with.
WHEN_CLAUSE = lazy_re(r"\s*,\s*when\s+[^,;:.()\d]{0,60}", re.IGNORECASE)
YEARS_OWN = lazy_re(r"\s*(?:采暖季|供暖季|秋冬季|同期|全年)?\s*的\s*")
YEAR_RIGHT_AFTER_REACH = 40
YEAR_RIGHT_AFTER = lazy_re(
    r"\s+(?:(?:was|were)\s+)?(?:(?:recorded|registered|reported|logged|measured|seen|posted)\s+)?in\s+(?:the\s+year\s+)?",
    re.IGNORECASE)


PRESENT = lazy_re(r"目前|当前|现在|如今|至今(?![年天日])|\bnow\b|\bcurrently\b|\bso far\b", re.IGNORECASE)


def _sentence_year(ctx: _Context, q: Quantity, sentence: Sentence, skip: set[int | None] | None = None) -> int | None:
    skip = {q.baseline_year, *(skip or ())}
    c_lo, _ = ctx.clause_bounds(sentence, q.start)
    in_sentence = list(ctx.times_in(ctx.reach(sentence, q.start), q.start))
    in_clause = [t for t in in_sentence if t.start >= c_lo]
    for t in reversed(in_clause):
        year = _time_year(ctx, t)
        if year is not None and year not in skip:
            return year
    # The part of the sentence since its last ；: 截至2017年…;到2020年底突破2000万千瓦,达到2003.185万千瓦;目前已超过…
    part_start = ctx.part_start(sentence, q.start)
    if part_start > sentence.start:
        for t in reversed([t for t in in_sentence if t.start >= part_start]):
            year = _time_year(ctx, t)
            if year is not None and year not in skip:
                return year
    cue_year = _period_cue_year(ctx, q, sentence, in_sentence)
    if cue_year is not None:
        return cue_year  # 前三季度 / "in the first three quarters" / 本采暖季, nearer than any year before
    if ctx.matches_in(PRESENT, max(part_start, q.start - CUE_REACH), q.start):
        return None  # 目前已超过3500万千瓦, "now": a standing figure, not one of the years named before
    # A level takes the sentence's leading year (2023年数据显示,…;…); a change the latest of the years before it
    # that is not its own baseline (2014年为35…,2023年为18…,比2014年下降…; "rose to 290 last year from 176 in
    # 2013, an increase of 104": a change is dated by its later end).
    years = [y for t in in_sentence if (y := _time_year(ctx, t)) is not None and y not in skip]
    if years:
        return max(years) if q.kind == "change" else years[0]
    # "… fell 8.3 percent … in December", "… 32 in 2023": a year after the figure in its own clause.
    # It stops at the next figure (of another phrase): "doubled from 20 in 2013" gives "doubled" no year.
    _, c_hi = ctx.clause_bounds(sentence, q.start)
    line_end = ctx.newline_at_or_after(q.end)
    line_end = sentence.end if line_end < 0 else min(line_end, sentence.end)
    c_hi = min(c_hi, line_end)  # a title's dateline on the next line dates no figure of the title
    for other in ctx.quantities_in(q.end, c_hi):
        if PAREN_OPEN.fullmatch(ctx.text, q.end, other.start):
            continue  # "10.4trn yuan ($1.46trn) of output in 2023": a conversion in brackets is the same figure
        if q.group is None or other.group != q.group:
            c_hi = other.start
            break
    for t in ctx.times_in(q.end, c_hi):
        year = _time_year(ctx, t)
        if year is not None and year not in skip:
            return year
    cue_after = _period_cue_year(ctx, q, sentence, (), after_figure=True)
    if cue_after is not None:
        return cue_after  # "GDP expanded 5.6 percent year on year in the first three quarters"
    if q.kind == "change" and q.baseline_year is not None:
        # A change measured against a stated year ends in the sentence's year, wherever the sentence states it:
        # "Compared with 2013, … fell 57.3 percent in Tianjin …, where the readings stood at 41 … in 2023."
        for t in ctx.times_in(q.end, sentence.end):
            year = _time_year(ctx, t)
            if year is not None and year not in skip and year > q.baseline_year:
                return year
    # A sentence with no year of its own stays in the time frame of the sentences and headings before it, unless
    # it is a cumulative figure (十年间…, 9年间累计…, "since 2014", 十四五期间): those have no year.
    cue_lo = max(sentence.start, q.start - CUE_REACH)
    cumulative = any(t.kind in ("span", "since") or (t.kind == "plan" and PLAN_PERIOD.search(t.text))
                     for t in in_sentence) or ctx.matches_in(CUMULATIVE, cue_lo, q.start)
    if cumulative:
        return None
    after = {y for t in ctx.times_in(q.end, line_end) if (t.kind == "relative_year" or t.year is not None)
             and (y := _time_year(ctx, t)) is not None and not _quoted(ctx.text, sentence.start, t.start)}
    from_years = ctx.from_years.get(q.group, set()) if q.group is not None else set()
    if len(after) == 1 and not (after & skip) and not (after & from_years):
        # "plans to install more than 3,000 charging points and to phase out 5,000 taxis in 2025": the one year the
        # sentence states, after its figures, dates them all (a sentence stating two years says nothing so plain;
        # a title's dateline on the next line dates no figure of the title).
        return after.pop()
    # The gold convention dates a figure by its phrase, its sentence or its heading: an earlier sentence of the
    # paragraph does not date it, except the line a list or a 其中 ("among them") breakdown continues.
    continued = LIST_ITEM.match(sentence.text) or CONTINUES.match(sentence.text)
    item = LIST_ITEM.match(sentence.text) is not None
    for earlier in ctx.frame_before(sentence) if continued else ():
        if item and earlier.paragraph != sentence.paragraph and not earlier.text.rstrip().endswith((":", "：")):
            continue  # an earlier bullet's years are its own: a list item is in the frame of the line introducing it
        for t in reversed(ctx.times_in(earlier.start, earlier.end)):
            year = _time_year(ctx, t)
            if year is not None and year not in skip and not _quoted(ctx.text, earlier.start, t.start):
                return year
    # The nearest heading with a year, up through the outline: (一)张家口市… under 一、2023年…
    heading = ctx.heading_before(sentence)
    for _ in range(HEADING_DEPTH):
        if heading is None:
            break
        for t in ctx.times_in(heading.start, heading.end):
            if _is_publication_date(ctx, t):
                continue  # "LETTERS | 18 April 2024": the byline's date dates the article, not its figures
            year = _time_year(ctx, t)
            if year is not None:
                return year
        heading = ctx.heading_before(heading)
    if ctx.report_year is not None:
        return ctx.report_year  # a statistical communiqué's figures are of the year its title covers
    frame = ctx.lede_period
    if frame is not None and sentence.index > frame[2] and not ctx.times_in(sentence.start, sentence.end):
        return frame[0]  # a notice's later paragraph, in the period its opening reports on (not its title)
    return None


def _is_publication_date(ctx: _Context, t: TimeExpr) -> bool:
    """Whether a time is the article's full date of publication (a byline's or dateline's day)."""
    return (t.kind == "date" and t.day is not None and ctx.published is not None and t.year == ctx.published.year
            and t.month == ctx.published.month and t.day == ctx.published.day)


PAREN_OPEN = lazy_re(r"\s*[((]\s*(?:about|some|roughly|around|or|nearly|almost|约|合|折合)?\s*")


# A part of a year or a season named without its year: the latest such period up to the article's date. The value
# is the month the period ends in (0: the heating season, November to March, dated by its later end).
PERIOD_CUE = lazy_re(
    r"(?<![上前每同近])(?:第)?(?P<q>[一二三四1-4])\s*季度|(?P<h>[上下])半年|前(?P<nq>[三两二32])季度|"
    r"前\s*(?P<nm>\d{1,2}|[一二三四五六七八九十]{1,2})\s*个月|"
    r"(?P<season>本采暖季|本供暖季|本轮采暖季|今个供暖季|今冬|\bthis (?:heating season|winter)\b)|"
    r"(?P<last_season>上个?采暖季|上个?供暖季|上一(?:个)?采暖季|去冬|\blast (?:heating season|winter)\b)|"
    r"\b(?:in|during|for|over)\s+the\s+(?:(?P<eq>first|second|third|fourth) quarter|(?P<eh>first|second) half|"
    r"first (?P<enq>two|three|2|3) quarters|first (?P<enm>\w+) months)\b|"
    r"\b(?:(?P<eqa>first|second|third|fourth)-quarter|(?P<eha>first|second)-half)\b|"
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov)[a-z]*\.?\s*(?:[-–—]|to|through)\s*"
    r"(?P<emr>Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE)
_ORDINALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "two": 2, "three": 3,
             "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}


def _period_end_month(m: re.Match[str]) -> int | None:
    """The month a PERIOD_CUE match ends in (0 for this heating season, -1 for the last one), None when it names
    no such period."""
    if m.group("season"):
        return 0
    if m.group("last_season"):
        return -1

    def number(name: str) -> int | None:
        word = (m.group(name) or "").strip().lower()
        return int(word) if word.isdigit() else _ORDINALS.get(word)

    for name, months in (("q", 3), ("nq", 3), ("eq", 3), ("eqa", 3), ("enq", 3), ("nm", 1), ("enm", 1)):
        n = number(name)
        if n is not None:
            return n * months if 0 < n * months <= 12 else None
    if m.group("emr"):  # "January-September", "Jan. to Aug."
        return MONTHS_EN.index(m.group("emr")[:3].lower()) + 1
    half = m.group("h") or (m.group("eh") or m.group("eha") or "").lower()
    return {"上": 6, "first": 6, "下": 12, "second": 12}.get(half)


def _period_cue_year(ctx: _Context, q: Quantity, sentence: Sentence, in_sentence: Sequence[TimeExpr],
                     after_figure: bool = False) -> int | None:
    """The year of a part of a year named without one (前三季度, "in the first three quarters", 本采暖季) in the
    figure's sentence, nearer to it than any year before it: the latest such period up to the article's date."""
    if ctx.published is None:
        return None
    if after_figure:
        _, hi = ctx.clause_bounds(sentence, q.start)
        cues = ctx.matches_in(PERIOD_CUE, q.end, hi)[:1]
    else:
        cues = ctx.matches_in(PERIOD_CUE, ctx.reach(sentence, q.start), q.start)[-1:]
    if not cues:
        return None
    cue = cues[0]
    if any(t.end > cue.start() - 4 and t.start < q.start and not cue.start() <= t.start < cue.end()
           and not after_figure for t in in_sentence) \
            or ctx.times_in(max(sentence.start, cue.start() - 8), cue.start()) \
            or COMPARISON_BEFORE.search(ctx.text, max(0, cue.start() - 32), cue.start()):
        return None  # 2023年前三季度 (the year is stated), 比上年同期, a year named after the period
    end = _period_end_month(cue)
    if end is None:
        return None
    published = ctx.published
    if end == 0:  # this heating season, dated by its later end
        return published.year + (1 if published.month >= 11 else 0)
    if end == -1:  # the last one: the one before the season the article is in, or the one ended this spring
        return published.year - (0 if 3 < published.month < 11 else 1) + (1 if published.month >= 11 else 0)
    return published.year if published.month > end else published.year - 1


def _heading_time(ctx: _Context, sentence: Sentence) -> bool:
    """Whether a heading above the sentence (up through the outline) names a time."""
    return _heading_with_time(ctx, sentence) is not None


def _heading_with_time(ctx: _Context, sentence: Sentence) -> Sentence | None:
    """The nearest heading above the sentence (up through the outline) that names a time."""
    heading = ctx.heading_before(sentence)
    for _ in range(HEADING_DEPTH):
        if heading is None:
            return None
        if ctx.times_in(heading.start, heading.end):
            return heading
        heading = ctx.heading_before(heading)
    return None


# 上年同期 / 去年同期 / "the same period last year": a comparison within the period the text is in, no time of its own.
SAME_PERIOD_AFTER = lazy_re(r"\s*同期|\s+same period\b", re.IGNORECASE)
SAME_PERIOD_BEFORE = lazy_re(r"\bthe same period (?:of |in )?$", re.IGNORECASE)


def _states_a_time(ctx: _Context, t: TimeExpr) -> bool:
    """Whether a time states a time of its own (not 上年同期, "the same period last year")."""
    return not (t.kind == "relative_year" and (SAME_PERIOD_AFTER.match(ctx.text, t.end)
                                               or SAME_PERIOD_BEFORE.search(ctx.text, max(0, t.start - 24), t.start)))


def _own_times(ctx: _Context, lo: int, hi: int) -> bool:
    """Whether a time in [lo, hi) states a time of its own. One bisection in the document's sorted starts of such
    times (built once): asked per figure over its whole sentence, a list per call was quadratic in one long line."""
    starts = ctx.own_time_starts
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _quoted(text: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation or a title opened after ``lo`` (荣获“2024年冰雪旅游十佳城市”)."""
    before = text[lo:pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def resolve_baseline(ctx: _Context, q: Quantity, sentence: Sentence, year: int | None) -> int | None:
    if q.baseline_year is not None or q.kind not in ("change", "multiple"):
        return q.baseline_year  # a multiple (同比翻一番, 是去年同期的2倍) compares with a baseline as a change does
    span = _over_the_period(ctx, q, sentence) or _compared_span(ctx, q, sentence)
    if span is not None:
        return span[0]
    if q.comparison == "yoy" and year is not None:
        return year - 1
    if q.comparison == "mom" and year is not None:
        return year
    c_lo, _ = ctx.clause_bounds(sentence, q.start)
    for t in ctx.times_in(c_lo, q.start):
        if t.kind == "since" and t.year is not None:
            return t.year
    if q.comparison is not None:
        return None
    return _stated_baseline(ctx, q, sentence, year)


# The year a change is measured from, said in words the extractor leaves to the resolver:
# "down 57.3% and 64.3% from 2013", "by 100 million tonnes since 2013", "up 5 percent on 2022" (after the figure);
# "between 2013 and 2023" (a span of two years); "Compared with 2013, when …, the 2024 reading is 65.9 percent
# lower" (a year compared with, opening the sentence).
# A year, or a season across two years written short ("the 2016-17 heating season": its later year, 2017).
_YEAR = r"((?:19|20)\d{2}(?:\s?[-–—/]\s?\d{2}(?![\d\-–—/]))?)\b(?!\s*(?:[-–—/]|to\b|and\b)\s*(?:19|20)?\d)"
SHORT_SPAN = lazy_re(r"((?:19|20)\d{2})\s?[-–—/]\s?(\d{2})")


def _compared_year(group: str) -> int | None:
    """The year a compared-with match names: the year, or a two-year season's later year (None if not consecutive)."""
    span = SHORT_SPAN.fullmatch(group)
    if span is None:
        return int(group)
    first = int(span.group(1))
    return first + 1 if int(span.group(2)) == (first + 1) % 100 else None


COMPARED_YEAR_AFTER = lazy_re(
    r"(?:[^,;.。,;:\d]|\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b|percentage points?\b))*?"
    r"\b(?:from|since|than(?:\s+in)?|compared\s+(?:with|to)|against|over|versus|vs\.?|on)\s+"
    r"(?:(?:the\s+)?(?:same\s+period\s+|end\s+|level\s+|figure\s+)(?:of|in)\s+|(?:the\s+)?(?:end\s+of\s+)?)?" + _YEAR,
    re.IGNORECASE)
COMPARED_YEAR_AFTER_REACH = 64
BETWEEN_YEARS = lazy_re(r"\bbetween\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})\b|"
                        r"\bfrom\s+((?:19|20)\d{2})\s+(?:to|through|until)\s+((?:19|20)\d{2})\b", re.IGNORECASE)
COMPARED_WITH_YEAR = lazy_re(r"\b(?:compared\s+(?:with|to)|measured\s+against|against|relative\s+to|versus|"
                             r"as\s+against)\s+(?:the\s+)?" + _YEAR, re.IGNORECASE)


ANNUAL_RATE_BEFORE = lazy_re(r"年均|每年|\b(?:annual(?:ly)?|a year|per year|each year)\b", re.IGNORECASE)


def _compared_span(ctx: _Context, q: Quantity, sentence: Sentence) -> tuple[int, int] | None:
    """(first, last) year of a change that compares the two years its sentence names: "Between 2013 and 2023 its
    good-air days rose by 87"; "fell from 58 in 2013 to 8 in 2023, a drop of 50 days, or 76 percent"; "Ten years
    ago the average was 96 …; last year it was 41, a fall of about 57%" (two levels, then their change)."""
    if q.kind != "change" or q.baseline_year is not None or q.comparison is not None or q.year is not None:
        return None
    lo, hi = ctx.reach(sentence, q.start), min(sentence.end, q.end + REACH)
    spans = ctx.matches_in(BETWEEN_YEARS, lo, hi)
    if len(spans) == 1:
        first, last = (int(g) for g in (spans[0].group(1, 2) if spans[0].group(1) else spans[0].group(3, 4)))
        return (first, last) if first < last else None
    if spans or COMPARED_YEAR_AFTER.match(ctx.text, q.end, min(sentence.end, q.end + COMPARED_YEAR_AFTER_REACH)):
        return None
    levels = [x for x in ctx.quantities_in(lo, q.start) if x.kind == "level" and x.end <= q.start]
    if len(levels) < 2 or ANNUAL_RATE_BEFORE.search(ctx.text, max(lo, q.start - 12), q.start):
        return None  # (年均增长5%, "an annual 3 percent": a yearly rate, no comparison of two years)
    if ctx.matches_in(GOAL_CUE, lo, q.start) or ctx.matches_in(FORECAST_CUE, lo, q.start):
        return None  # 今年…计划…;到2025年…力争…: years of plans, not two measured ends
    years = {y for t in ctx.times_in(lo, q.start) if (y := _time_year(ctx, t)) is not None}
    years |= {t.year for t in ctx.times_in(lo, q.start) if t.kind in ("year", "date") and t.year is not None}
    if len(years) != 2 or ctx.times_in(q.end, hi):
        return None
    first, last = sorted(years)
    return first, last


def _stated_baseline(ctx: _Context, q: Quantity, sentence: Sentence, year: int | None) -> int | None:
    text = ctx.text
    after = COMPARED_YEAR_AFTER.match(text, q.end, min(sentence.end, q.end + COMPARED_YEAR_AFTER_REACH))
    stated_after = _compared_year(after.group(1)) if after is not None else None
    if stated_after is not None and (year is None or stated_after < year):
        return stated_after
    lo, hi = ctx.reach(sentence, q.start), min(sentence.end, q.end + REACH)
    spans = ctx.matches_in(BETWEEN_YEARS, lo, hi)
    if len(spans) == 1:
        first, last = (int(g) for g in (spans[0].group(1, 2) if spans[0].group(1) else spans[0].group(3, 4)))
        if first < last and year in (None, last):
            return first
    compared = ctx.matches_in(COMPARED_WITH_YEAR, lo, q.start)
    compared_year = _compared_year(compared[-1].group(1)) if compared else None
    if compared_year is not None and (year is None or compared_year < year):
        return compared_year
    # 要是跟2015年的77比,去年也差不多降了一半; 是2020年底的两倍多,不到四年就翻了一番多: the year of the level compared
    # with, earlier in the same part of the sentence, unless a change between states a baseline of its own.
    zh = ctx.matches_in(ZH_COMPARED_YEAR, max(lo, ctx.part_start(sentence, q.start)), q.start)
    stated = int(zh[-1].group(1) or zh[-1].group(2)) if zh else None
    if stated is not None and (year is None or stated < year) and not any(
            x.baseline_year is not None for x in ctx.quantities_in(zh[-1].end(), q.start)):
        return stated
    return None


ZH_COMPARED_YEAR = lazy_re(r"(?:跟|与|同|较)\s*((?:19|20)\d{2})\s*年(?:底|末)?(?:的\s*[^,,;;。]{0,16}?)?相?比|"
                           r"是\s*((?:19|20)\d{2})\s*年(?:底|末)?的(?=\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十几]{1,3})\s*倍)")


def resolve(loaded: Loaded, norm: Normalized, sentences: Sequence[Sentence], extraction: Extraction,
            ref: Reference, *, date: dt.date | None = None, region: str | None = None,
            lines: LineIndex | None = None) -> Resolution:
    from factcheck.load import front_matter

    front = front_matter(loaded.text) if loaded.format == "markdown" else {}
    matcher = matcher_for(ref)
    mentions = matcher.scan(norm.text)
    times = sorted(extraction.times, key=lambda t: t.start)
    published = date or find_published(loaded, norm, times, front)
    home = Home(region_id(ref, region), True) if region else find_home_region(norm, ref, front, sentences, mentions)
    quantities = sorted((q for q in extraction.quantities if q.kind in CLAIM_KINDS), key=lambda q: (q.start, q.end))
    ctx = _Context(norm.text, sentences, [s.start for s in sentences], _with_day_measures(norm.text, mentions, ref),
                   times, home.region, home.default, published, ref, matcher, quantities)
    lines = lines or LineIndex(loaded.text)
    ids = {id(q): f"c{i + 1}" for i, q in enumerate(quantities)}
    groups: dict[int, list[str]] = {}
    for q in quantities:
        if q.group is not None:
            groups.setdefault(q.group, []).append(ids[id(q)])
    claims = []
    for q in quantities:
        sentence = ctx.sentence_at(q.start)
        if sentence is None:
            sentence = Sentence(-1, q.start, q.end, norm.text[q.start:q.end], -1)
        claims.append(_claim(ctx, q, sentence, ids[id(q)], groups, loaded, norm, lines))
    return Resolution(tuple(_changes_take_their_levels_metric(ctx, quantities, claims)), published, home.region,
                      tuple(mentions))


# English names of the day-count measures that the reference's names do not spell: "250 good days", "231 days of good
# or excellent air", "the number of good days" (good_air_days); "days of severe pollution" (heavy_pollution_days).
DAY_MEASURES_EN = lazy_re(
    r"\b(?:(?P<good>good(?:-air|\s+air)?\s+days|days\s+of\s+(?:good|excellent|good\s+or\s+excellent|excellent\s+or\s+"
    r"good|good\s+to\s+excellent)(?:\s+air(?:\s+quality)?)?|days\s+with\s+(?:good|excellent)\s+air)|"
    r"(?P<heavy>heav(?:y|ily)[- ]pollut\w*\s+days|days\s+of\s+(?:heavy|severe)\s+(?:air\s+)?(?:pollution|smog)))\b",
    re.IGNORECASE)


def _with_day_measures(text: str, mentions: Sequence[Mention], ref: Reference) -> list[Mention]:
    """The matcher's mentions plus the English day-count measures it does not name (one scan of the text)."""
    found = []
    for m in DAY_MEASURES_EN.finditer(text) if DAY_MEASURES_EN.search(text) else ():
        metric = "good_air_days" if m.group("good") else "heavy_pollution_days"
        if metric in ref.metrics:
            found.append(Mention(m.start(), m.end(), "metric", metric))
    if not found:
        return list(mentions)
    taken = [(x.start, x.end) for x in mentions if x.kind == "metric"]
    starts = [a for a, _ in taken]
    kept = []
    for f in found:
        i = bisect.bisect_right(starts, f.end)
        if not any(a < f.end and f.start < b for a, b in taken[max(0, i - 4): i]):
            kept.append(f)
    return sorted([*mentions, *kept], key=lambda x: (x.start, x.end))


def _changes_take_their_levels_metric(ctx: _Context, quantities: Sequence[Quantity],
                                      claims: list[Claim]) -> list[Claim]:
    """``down 2.1 percent from 38.6 in 2023``: a change with no measure of its own measures the level it is
    stated with (its from/to group, else the levels of its clause), when those agree on one metric."""
    import dataclasses

    by_clause: dict[tuple[int, int], set[str | None]] = {}
    by_group: dict[int, set[str | None]] = {}
    bounds = []
    for q, c in zip(quantities, claims, strict=True):
        sentence = ctx.sentence_at(q.start)
        clause = ctx.clause_bounds(sentence, q.start) if sentence is not None else (q.start, q.end)
        bounds.append(clause)
        if c.kind == "level":
            by_clause.setdefault(clause, set()).add(c.metric)
            if q.group is not None:
                by_group.setdefault(q.group, set()).add(c.metric)
    out = []
    for q, c, clause in zip(quantities, claims, bounds, strict=True):
        if c.kind == "change" and c.metric is None:
            metrics = (by_group.get(q.group, set()) if q.group is not None else set()) - {None}
            metrics = metrics or by_clause.get(clause, set()) - {None}
            if len(metrics) == 1 and not str(next(iter(metrics))).endswith("_target"):
                c = dataclasses.replace(c, metric=next(iter(metrics)))
        out.append(c)
    return out


def _claim(ctx: _Context, q: Quantity, sentence: Sentence, claim_id: str, groups: dict[int, list[str]],
           loaded: Loaded, norm: Normalized, lines: LineIndex) -> Claim:
    ostart, oend = norm.original_span(q.start, q.end)
    line, column = lines.line_col(ostart)
    end_line, end_column = lines.line_col(max(ostart, oend - 1))
    metric = resolve_metric(ctx, q, sentence) if sentence.index >= 0 else None
    unit = q.unit
    if unit is None and metric is not None and ctx.ref.metrics[metric].unit == "index":
        unit = "index"
    related = tuple(i for i in groups.get(q.group, []) if i != claim_id) if q.group is not None else ()
    year = resolve_year(ctx, q, sentence) if sentence.index >= 0 else q.year
    return Claim(
        id=claim_id, path=loaded.path, line=line, column=column, quote=loaded.text[ostart:oend],
        sentence=sentence.text.strip(), kind=q.kind, value=q.value, unit=canonical_unit(unit),
        year=year,
        baseline_year=resolve_baseline(ctx, q, sentence, year) if sentence.index >= 0 else q.baseline_year,
        direction=q.direction,
        region=resolve_region(ctx, q, sentence, metric) if sentence.index >= 0 else None,
        metric=metric, qualifier=q.qualifier, precision=q.precision or Decimal(0), start=ostart, end=oend,
        nstart=q.start, nend=q.end, sentence_index=sentence.index, value_high=q.value_high,
        comparison=q.comparison, role=q.role, related=related, end_line=end_line, end_column=end_column + 1,
    )


bind_lazy(globals())
