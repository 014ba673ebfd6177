"""Written units -> (canonical unit, scale), and matching a unit right after a number.

Canonical units (see also ``factcheck.models`` and tests/gold/README.md): ``μg/m³``, ``%``,
``pp`` (percentage points), ``kW``, ``kWh``, ``kV`` (a rating), ``元``, ``USD``, ``P``
(computing power in PFLOPS). Every other Chinese unit keeps its measure word as written
(``个``, ``人次``, ``篇``, ``个月``, ``公里``, ``吨``, ``倍``) and every other English unit its
lemma (``day``, ``project``, ``people``, ``km``, ``square km``, ``tonne``, ``times``).
Chinese magnitudes are NOT units: ``3565万千瓦`` is the number ``3565万`` and the unit
``千瓦``; ``兆瓦`` is a unit with scale 1000 (kW). Taiwan forms: ``瓩`` (kW), ``公尺`` (米),
``立方公尺`` (立方米), ``微克/立方公尺``; a bare ``微克`` is read as μg/m³ (as English "micrograms");
``度`` (a kWh of electricity, kept as ``度``) is decided by the extractor from its context.
English count nouns may follow a hyphenated modifier (``250 good-air days``, ``1,000 low-cost
sensors``): ``UnitMatch.modified`` says so.

``kind`` marks what a number with that unit is: ``level`` (a statistic), ``rating``
(an equipment rating such as ``1000千伏`` or an ``8英寸`` wafer, never a statistic), or
``multiple`` (``倍``, ``times``: the number is a factor).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from factcheck.numbers import bind_lazy, fold, lazy_re

ONE = Decimal(1)


@dataclass(frozen=True)
class Unit:
    """A canonical unit, the scale of the written form and what a number with it is."""

    canonical: str
    scale: Decimal = ONE
    kind: str = "level"  # level | rating | multiple
    dimension: str = "count"
    needs_change: bool = False  # English "points": percentage points only after a change verb


class UnitMatch(NamedTuple):
    """A unit found right after a number (offsets into the text searched). (A named tuple: immutable, and built
    four times faster than a frozen dataclass; one is built for most numbers of a text.)"""

    start: int  # where the unit (or the space before it) starts
    end: int
    written: str  # the unit as written, without leading space
    unit: Unit
    loose: bool = False  # found by the modifier/plural-noun fallback, not the table
    modified: bool = False  # a modifier stands between the number and the unit noun ("250 good-air days")


def _words(s: str) -> list[str]:
    return s.split()


def _u(canonical: str, dimension: str, scale: int | str = 1, kind: str = "level") -> Unit:
    return Unit(canonical, Decimal(scale), kind, dimension)


UGM3 = _u("μg/m³", "concentration")
PERCENT = _u("%", "percent")
POINTS = _u("pp", "points")
KW = _u("kW", "power")
KWH = _u("kWh", "energy")
KV = _u("kV", "voltage", kind="rating")
DU = _u("度", "energy")  # 度 of electricity = 1 kWh, kept as written (the extractor decides when 度 is one)
YUAN = _u("元", "money")
USD = _u("USD", "money")
TIMES = _u("times", "multiple", kind="multiple")  # English: 1.9 times, twice, doubled
INDEX = _u("index", "index")  # a unitless index (综合指数, 交通指数): the extractor sets it from context
AGE_YEAR = _u("year", "age")  # an English age with no unit word ("Liu Hongbo, 46,"): the README's lemma "year"
BEI = _u("倍", "multiple", kind="multiple")  # Chinese: 1.9倍, 翻一番
KM = _u("km", "length")
KM2 = _u("square km", "area")

# Written after a number with no space (a space is tolerated). Chinese measure words map to themselves.
CJK_UNITS: dict[str, Unit] = {
    "微克/立方米": UGM3, "微克每立方米": UGM3, "毫克/立方米": _u("mg/m³", "concentration"),
    # Taiwan: 公尺 (metre), 立方公尺 (m³), 瓩 (kW, as 千瓦)
    "微克/立方公尺": UGM3, "微克每立方公尺": UGM3, "毫克/立方公尺": _u("mg/m³", "concentration"),
    "微克/m³": UGM3, "微克/m3": UGM3,
    # a bare 微克 (35微克, 降至18微克) is a concentration in news reporting, as English "micrograms" is
    "微克": UGM3,
    "瓩": KW, "瓩时": KWH, "瓩小时": KWH,
    "公尺": _u("米", "length"), "平方公尺": _u("平方米", "area"), "立方公尺": _u("立方米", "volume"),
    "%": PERCENT, "％": PERCENT, "‰": _u("%", "percent", "0.1"), "成": _u("%", "percent", 10),
    "个百分点": POINTS, "百分点": POINTS,
    # per-mille points: a tenth of a percentage point (下降0.84个千分点 -> 0.084 pp)
    "个千分点": _u("pp", "points", "0.1"), "千分点": _u("pp", "points", "0.1"),
    "千瓦时": KWH, "兆瓦时": _u("kWh", "energy", 1000), "吉瓦时": _u("kWh", "energy", 10**6),
    "千瓦": KW, "兆瓦": _u("kW", "power", 1000), "吉瓦": _u("kW", "power", 10**6),
    "千伏": KV, "英寸": _u("inch", "length", kind="rating"),
    # a boiler's size class (35蒸吨/小时): a rating; 蒸吨 alone can total a capacity (淘汰燃煤锅炉1200蒸吨)
    "蒸吨/小时": _u("蒸吨/小时", "boiler", kind="rating"), "蒸吨/时": _u("蒸吨/小时", "boiler", kind="rating"),
    "蒸吨每小时": _u("蒸吨/小时", "boiler", kind="rating"), "蒸吨": _u("蒸吨", "boiler"),
    "元": YUAN, "人民币": YUAN, "块钱": YUAN, "美元": USD, "欧元": _u("EUR", "money"),
    "港元": _u("HKD", "money"), "港币": _u("HKD", "money"), "日元": _u("JPY", "money"), "英镑": _u("GBP", "money"),
    "倍": BEI,
    "公里": _u("公里", "length"), "千米": _u("千米", "length"), "米": _u("米", "length"), "毫米": _u("毫米", "length"),
    "平方公里": _u("平方公里", "area"), "平方千米": _u("平方千米", "area"), "平方米": _u("平方米", "area"),
    "立方米": _u("立方米", "volume"), "公顷": _u("公顷", "area"), "亩": _u("亩", "area"),
    "吨": _u("吨", "mass"), "公斤": _u("公斤", "mass"), "千克": _u("千克", "mass"), "克": _u("克", "mass"),
    "摄氏度": _u("°C", "temperature"), "℃": _u("°C", "temperature"), "分贝": _u("dB", "sound"),
    "个月": _u("个月", "duration"), "个小时": _u("小时", "duration"), "小时": _u("小时", "duration"),
    "分钟": _u("分钟", "duration"), "秒": _u("秒", "duration"), "周": _u("周", "duration"),
    "天次": _u("天次", "count"), "天": _u("天", "duration"), "年": _u("年", "duration"),
    "岁": _u("岁", "age"),
}
# Plain measure words: the canonical unit is the word itself.
MEASURE_WORDS = _words(
    "人次 个 台 人 篇 项 份 条 座 家 例 种 次 辆 张 点 所 位 名 批 只 头 株 棵 套 部 架 艘 列 场 处 户 件 起 宗 笔 "
    "枚 颗 道 门 支 根 片 本 册 首 幅 栋 幢 间 届 市 县 区 省 国 期 轮 组 对 款 吨次 床 级 标准箱 标箱 "
    "亩次 架次 车次 班次 台次 户次 辆次 艘次"
)
for _w in MEASURE_WORDS:
    CJK_UNITS.setdefault(_w, _u(_w, "count"))
del CJK_UNITS["级"]  # 千亿级, 二级: scale labels and grades, never a count

# A measure word that must not be followed by these characters (it is part of another word).
CJK_GUARDS: dict[str, str] = {
    "成": "为立功员果本交绩效长熟型都就了", "市": "场民值委区县级长政", "点": "钟半",
    "米": "饭粮面", "国": "家内外际有企", "省": "委内外级", "区": "域委", "县": "城委域级",
    "期": "间末初内", "年": "级度代", "周": "年边", "部": "门分署", "门": "诊户槛类", "间": "隔",
    "头": "部", "道": "路", "本": "地市网土届次年月", "首": "都次批", "家": "庭乡属",
    "位": "于置", "处": "理于置", "所": "有以在属", "条": "件例款", "项": "目", "件": "事",
    "支": "持付出撑", "起": "来步", "场": "所景", "对": "于接比外", "片": "区", "次": "要级", "张": "北",
    "组": "织成建", "微克": "/每", "列": "车入", "轮": "胎", "种": "类植", "克": "服", "秒": "杀", "款": "项",
}

# Symbols: case-sensitive, optional single space before, must not run into more letters.
SYMBOL_UNITS: dict[str, Unit] = {
    "μg/m³": UGM3, "μg/m3": UGM3, "µg/m³": UGM3, "µg/m3": UGM3, "ug/m³": UGM3, "ug/m3": UGM3,
    "mg/m³": _u("mg/m³", "concentration"), "mg/m3": _u("mg/m³", "concentration"),
    "km²": KM2, "km2": KM2, "sq km": KM2, "km": KM,
    "kWh": KWH, "MWh": _u("kWh", "energy", 1000), "GWh": _u("kWh", "energy", 10**6),
    "TWh": _u("kWh", "energy", 10**9),
    "kW": KW, "KW": KW, "MW": _u("kW", "power", 1000), "GW": _u("kW", "power", 10**6),
    "kV": KV, "KV": KV, "TEU": _u("teu", "count"), "PFLOPS": _u("P", "compute"),
    "EFLOPS": _u("P", "compute", 1000), "kg": _u("kg", "mass"), "°C": _u("°C", "temperature"),
    "USD": USD, "RMB": YUAN, "CNY": YUAN,
    # mass in tonnes with an SI prefix (energy and climate reports: "318 Mt", "Coal use (Mt)")
    "kt": _u("tonne", "mass", 10**3), "Mt": _u("tonne", "mass", 10**6), "Gt": _u("tonne", "mass", 10**9),
}
# Only directly after the number: 2.28万P.
TIGHT_UNITS: dict[str, Unit] = {"P": _u("P", "compute"), "%": PERCENT}

# English words (case-insensitive), with their plural/variant spellings.
_WORD_TABLE: list[tuple[Unit, tuple[str, ...]]] = [
    (PERCENT, ("percent", "per cent", "pct")),
    (POINTS, ("percentage points", "percentage point", "pct points", "pct pts")),
    (Unit("pp", ONE, "level", "points", needs_change=True), ("points", "point")),
    (UGM3, ("micrograms per cubic meter", "micrograms per cubic metre", "microgram per cubic meter",
            "microgram per cubic metre", "micrograms/cubic meter", "micrograms")),
    (YUAN, ("yuan", "renminbi")),
    (USD, ("U.S. dollars", "US dollars", "dollars", "dollar")),
    (_u("EUR", "money"), ("euros", "euro")),
    (KM2, ("square kilometers", "square kilometres", "square kilometer", "square kilometre", "square km",
           "sq km")),
    (_u("square meter", "area"), ("square meters", "square metres", "square meter", "square metre", "sq m")),
    (KM, ("kilometers", "kilometres", "kilometer", "kilometre", "km")),
    (_u("mile", "length"), ("miles", "mile")),
    (_u("tonne", "mass"), ("metric tons", "metric tonnes", "tonnes", "tonne", "tons", "ton")),
    (_u("kg", "mass"), ("kilograms", "kilogram", "kilos")),
    (_u("m³", "volume"), ("cubic meters", "cubic metres", "cubic meter", "cubic metre")),
    (_u("ha", "area"), ("hectares", "hectare")),
    (_u("亩", "area"), ("mu",)),
    (KW, ("kilowatts", "kilowatt")), (_u("kW", "power", 1000), ("megawatts", "megawatt")),
    (_u("kW", "power", 10**6), ("gigawatts", "gigawatt")),
    (KWH, ("kilowatt-hours", "kilowatt hours", "kilowatt-hour")),
    (KV, ("kilovolts", "kilovolt")), (_u("inch", "length", kind="rating"), ("inches", "inch")),
    (_u("people", "count"), ("people", "persons", "person", "residents", "inhabitants")),
    (_u("人次", "count"), ("person-times", "person times")),
    (_u("day", "duration"), ("days", "day")), (_u("week", "duration"), ("weeks", "week")),
    (_u("month", "duration"), ("months", "month")), (_u("year", "duration"), ("years", "year")),
    (_u("hour", "duration"), ("hours", "hour")), (_u("minute", "duration"), ("minutes", "minute")),
    (_u("year-old", "age"), ("years old", "year-old", "years-old")),
    (TIMES, ("times", "fold")),
    # container throughput: "22.2 million TEUs", "twenty-foot equivalent units"
    (_u("teu", "count"), ("twenty-foot equivalent units", "twenty-foot equivalent unit", "TEUs")),
]
# Count nouns that may follow a number after one modifier word ("3,000 manufacturing companies").
COUNT_NOUNS = _words(
    "project projects company companies enterprise enterprises firm firms hospital hospitals school schools "
    "city cities county counties village villages household households home homes vehicle vehicles car cars "
    "bus buses truck trucks mill mills plant plants factory factories investment investments market markets "
    "station stations bed beds doctor doctors patient patients resident residents visitor visitors tourist "
    "tourists worker workers job jobs student students case cases tree trees species paper papers patent "
    "patents agreement agreements contract contracts server servers interface interfaces route routes line "
    "lines item items unit units set sets center centers centre centres park parks site sites facility "
    "facilities boiler boilers furnace furnaces building buildings user users member members expert experts "
    "team teams institution institutions university universities"
)

STOPWORDS = frozenset(_words(
    "a an the and or of in on at to from by for with than as per more less fewer over under about around nearly "
    "almost this that these those its it is was were are has have had been be which who whom whose where when "
    "while since until after before during into onto across among between through against within without "
    "percent cent yuan"
))
_NOT_PLURAL = frozenset(_words(
    "this has was is its us yes less across unless always perhaps besides towards afterwards its thus plus "
    "news series means ones others various previous famous serious gas bus process analysis basis status "
    "campus bonus census consensus"
))


# -es plurals of words ending in s (the -s rule would leave "buse")
_ES_PLURALS = {"buses": "bus", "busses": "bus", "gases": "gas", "campuses": "campus", "bonuses": "bonus",
               "censuses": "census", "statuses": "status", "viruses": "virus", "lenses": "lens",
               "bypasses": "bypass", "focuses": "focus", "surpluses": "surplus", "syllabuses": "syllabus"}


def lemma(word: str) -> str:
    """English plural -> singular, as used for count units (cities -> city, people stays)."""
    w = fold(word)
    if w in ("people", "species", "series"):
        return w
    if w in _ES_PLURALS:
        return _ES_PLURALS[w]
    if w in _NOT_PLURAL:
        return w  # bus, gas, campus: singular already
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


WORD_UNITS: dict[str, Unit] = {}
for _unit, _forms in _WORD_TABLE:
    for _f in _forms:
        WORD_UNITS[_f.lower()] = _unit
for _n in COUNT_NOUNS:
    WORD_UNITS.setdefault(_n, _u(lemma(_n), "count"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _by_first(words: dict[str, str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """(word, characters that must not follow it) by first character, longest (then smallest) word first:
    the order in which a regex alternation sorted that way would try them."""
    out: dict[str, list[tuple[str, str]]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        out.setdefault(w[0], []).append((w, words[w]))
    return {k: tuple(v) for k, v in out.items()}


_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
# Chinese units with their guards; symbols and tight units must not run into an ASCII letter or digit.
_CJK_FIRST = _by_first({w: CJK_GUARDS.get(w, "") for w in CJK_UNITS})
_SYMBOL_FIRST = _by_first({w: "" for w in SYMBOL_UNITS})
# (not the first half of a compound adjective: "168 county-level cities" counts cities)
_WORD_RE = lazy_re(r"(?:[ \t]+|-)(" + _alternation(list(WORD_UNITS))
                   + r")(?![A-Za-z]|-(?:level|class|grade|based|owned|run|wide|scale)\b)", re.IGNORECASE)
_STOP_ALT = _alternation(sorted(STOPWORDS))
# ... and the plural count and duration words of the table: "20 smog days", "3 consecutive years"
_MODIFIED_NOUNS = [*COUNT_NOUNS, *_words("days weeks months years hours minutes people persons")]
# (one to three modifiers: "3 central state-owned enterprises", "12 new urban forest parks", "74 Chinese cities";
# a level joined to the one above it: "339 prefecture-level and higher cities")
_MODIFIED_RE = lazy_re(
    r"(?:[ \t]+(?!(?i:" + _STOP_ALT + r")\b)[A-Za-z][a-z-]{1,20}"
    r"(?:[ \t]+(?:and|or)[ \t]+(?:above|higher|larger|bigger|over))?){1,3}[ \t]+("
    + _alternation(_MODIFIED_NOUNS) + r")(?![A-Za-z])"
)
_PLURAL_RE = lazy_re(r"[ \t]+([a-z][a-z]{2,20}s)(?![A-Za-z-])")
# A hyphenated modifier and a noun: "250 good-air days", "1,000 low-cost sensors", "1,200 coal-fired boilers"
_COMPOUND_RE = lazy_re(r"[ \t]+[a-z]+(?:-[a-z]+){1,2}[ \t]+([a-z]{3,20})(?![A-Za-z-])")
# Words that never modify a counted noun: function words, number words, adverbs in -ly ("nearly", "only").
_NOT_MODIFIER = _alternation(sorted({*STOPWORDS, *_words(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand "
    "million billion trillion last next previous first second third such also still just only then even")}))
# One to three plain modifiers and a plural noun: "5,000 older taxis", "1,200 heavy diesel trucks",
# "3,000 public charging points" (group 1: the last modifier, group 2: the noun).
_MODIFIERS_RE = lazy_re(
    r"(?:[ \t]+(?!(?i:" + _NOT_MODIFIER + r")\b)(?![a-z]+ly\b)[A-Za-z][a-z-]{1,20}){0,2}"
    r"[ \t]+(?!(?i:" + _NOT_MODIFIER + r")\b)(?![a-z]+ly\b)([A-Za-z][a-z-]{1,20})[ \t]+([a-z]{3,20}s)(?![A-Za-z-])"
)
# Head nouns too general to stand alone: the modifier before them is part of the unit ("charging point",
# "skier visit", "snow gun"); an adjective before one of the later heads is not ("annual visits" count visits).
_COMPOUND_HEADS = frozenset(("point", "pile", "visit", "trip", "gun"))
_ALWAYS_COMPOUND = frozenset(("point", "pile"))
_ADJECTIVE = lazy_re(r"(?:[a-z]+(?:al|ic|ous|ive|ful|less|able|ible|ary|ly)|new|old|more|other|extra|total|"
                     r"further|overnight|first|repeat|daily|weekly|yearly|many|several|few)$")


# Spellings of a canonical unit that a reference file or a resolver may write (claims.yaml says "days",
# the extractor says 天): one table, so that facts and claims compare by the same canonical string.
UNIT_ALIASES = {
    "ug/m3": "μg/m³", "μg/m3": "μg/m³", "µg/m³": "μg/m³", "µg/m3": "μg/m³", "ug/m³": "μg/m³",
    "days": "天", "day": "天", "d": "天",
    "percent": "%", "％": "%",
    "yuan": "元", "CNY": "元",
}


def canonical_unit(unit: str | None) -> str | None:
    """The canonical spelling of a unit (``days`` -> ``天``); None stays None."""
    if unit is None:
        return None
    return UNIT_ALIASES.get(unit, unit)


# One unit in its spellings across scripts and languages (not merely the same dimension: 亩 is no km²).
# Claims keep the unit as the text writes it (公里); a claim and a fact, or two claims, compare by this.
UNIT_SPELLINGS = {"公里": "km", "千米": "km", "平方公里": "square km", "平方千米": "square km", "km²": "square km",
                  "people": "人", "resident": "人", "person": "人", "立方米": "m³", "平方米": "square meter"}


@functools.lru_cache(maxsize=256)
def unit_spelling(unit: str) -> str:
    """The unit's one spelling: its canonical unit (万千瓦 and gigawatts are kW), then UNIT_SPELLINGS."""
    found = lookup(unit)
    canonical = found.canonical if found is not None else UNIT_ALIASES.get(unit, unit)
    return UNIT_SPELLINGS.get(canonical, canonical)


def same_unit(a: str | None, b: str | None) -> bool:
    """Do two units measure in the same unit, whatever the spelling (公里 and km; days and 天)?"""
    if a is None or b is None:
        return a is b
    return a == b or unit_spelling(a) == unit_spelling(b)


def lookup(written: str) -> Unit | None:
    """The unit of a written unit string (``微克/立方米``, ``percent``, ``亿元`` -> 元 scaled)."""
    w = written.strip()
    if w in CJK_UNITS:
        return CJK_UNITS[w]
    if w in SYMBOL_UNITS:
        return SYMBOL_UNITS[w]
    if w in TIGHT_UNITS:
        return TIGHT_UNITS[w]
    low = fold(w)
    if low in WORD_UNITS:
        return WORD_UNITS[low]
    if len(w) >= 2 and w[0] in "万亿" and w[1:] in CJK_UNITS:
        base = CJK_UNITS[w[1:]]
        factor = 10**4 if w[0] == "万" else 10**8
        return Unit(base.canonical, base.scale * factor, base.kind, base.dimension)
    return None


def match_unit(text: str, pos: int, *, fallback: bool = True) -> UnitMatch | None:
    """The unit written at ``text[pos:]`` right after a number, if any.

    Tries Chinese units and measure words, symbols (``μg/m³``, ``kW``, ``P``), English
    unit words (``percent``, ``micrograms per cubic meter``, ``days``), one modifier
    before a count noun (``3,000 manufacturing companies``) and, with ``fallback``,
    any plural noun right after the number (``49,000 investments``).

    In that order, the first that fits wins: a tight unit (``%``, ``P``) right after the number;
    a Chinese unit (longest first, unless a guard character follows it) or a symbol (not
    running into an ASCII letter or digit), either after at most one space or tab; an English
    word after spaces or a hyphen; a modifier and a count noun; a plural noun.
    """
    c = text[pos:pos + 1]
    if not c:
        return None
    if c == " " or c == "\t":
        q = pos + 1
    elif c == "-":
        q = -1  # only an English word may follow a hyphen
    else:
        if c == "%" or c == "P":
            nxt = text[pos + 1:pos + 2]
            if not nxt or nxt not in _ASCII_ALNUM:
                return UnitMatch(pos, pos + 1, c, TIGHT_UNITS[c])
        q = pos
    if q >= 0:
        first = text[q:q + 1]
        for w, guard in _CJK_FIRST.get(first, ()):
            if text.startswith(w, q):
                nxt = text[q + len(w):q + len(w) + 1]
                if not guard or not nxt or nxt not in guard:
                    return UnitMatch(pos, q + len(w), w, CJK_UNITS[w])
        for w, _ in _SYMBOL_FIRST.get(first, ()):
            if text.startswith(w, q):
                nxt = text[q + len(w):q + len(w) + 1]
                if not nxt or nxt not in _ASCII_ALNUM:
                    return UnitMatch(pos, q + len(w), w, SYMBOL_UNITS[w])
        if q == pos:
            return None  # every other form starts with a space, a tab or a hyphen
    m = _WORD_RE.match(text, pos)
    if m:
        unit = WORD_UNITS[fold(m.group(1))]
        if unit.dimension == "count" and lemma(m.group(1)) == fold(m.group(1)):
            # a singular count noun before the counted one modifies it: "4 bus routes", "3 city parks"
            mm = _PLURAL_RE.match(text, m.end())
            if mm and mm.group(1) not in STOPWORDS and mm.group(1) not in _NOT_PLURAL:
                noun = mm.group(1)
                table = WORD_UNITS.get(noun)
                if table is None or (table.kind == "level" and table.dimension == "count"):
                    return UnitMatch(pos, mm.end(), text[pos:mm.end()].strip(), table or _u(lemma(noun), "count"),
                                     loose=True, modified=True)
        return UnitMatch(pos, m.end(), m.group(1), unit)
    if c == "-":
        return None
    m = _COMPOUND_RE.match(text, pos)
    if m:
        noun = m.group(1)
        table = WORD_UNITS.get(noun)
        if (table is not None and table.kind == "level" and table.dimension in ("count", "duration")
                and noun != lemma(noun)):
            # a unit of the table: as good as the unit word itself (the hyphen keeps it one modifier)
            return UnitMatch(pos, m.end(), text[pos:m.end()].strip(), table, modified=True)
        if fallback and noun.endswith("s") and noun not in STOPWORDS and noun not in _NOT_PLURAL:
            return UnitMatch(pos, m.end(), text[pos:m.end()].strip(), _u(lemma(noun), "count"), loose=True,
                             modified=True)
    m = _MODIFIED_RE.match(text, pos)
    if m:
        return UnitMatch(pos, m.end(), text[pos:m.end()].strip(), WORD_UNITS[m.group(1)], loose=True,
                         modified=True)
    if fallback:
        m = _PLURAL_RE.match(text, pos)
        if m and m.group(1) not in STOPWORDS and m.group(1) not in _NOT_PLURAL:
            return UnitMatch(pos, m.end(), m.group(1), _u(lemma(m.group(1)), "count"), loose=True)
        m = _MODIFIERS_RE.match(text, pos)
        if m:
            noun = m.group(2)
            head = lemma(noun)
            if head in _COMPOUND_HEADS and (head in _ALWAYS_COMPOUND or not _ADJECTIVE.match(fold(m.group(1)))):
                if "-" in m.group(1):
                    return None
                return UnitMatch(pos, m.end(), text[pos:m.end()].strip(), _u(f"{m.group(1)} {head}", "count"),
                                 loose=True, modified=True)
            table = WORD_UNITS.get(noun)
            if table is not None and (table.kind != "level" or table.dimension not in ("count", "duration")):
                return None  # "two annual percentage points": not a count
            if noun not in STOPWORDS and noun not in _NOT_PLURAL:
                return UnitMatch(pos, m.end(), text[pos:m.end()].strip(), table or _u(head, "count"),
                                 loose=True, modified=True)
    return None


bind_lazy(globals())
