"""Find every quantity (number + unit + qualifier + change phrase) and time expression.

Input is NORMALIZED text and its sentences (``factcheck.segment``); every offset returned
indexes that text. The work is done in passes, each linear in the text:

1. **Times** (:func:`find_times`): dates (``2024年2月23日``, ``2024-12-12``, ``Feb. 23, 2024``,
   ``2月23日``, ``7月``), years (``2023年``, bare ``2014`` in English), ``since`` (``2014年以来``,
   ``自2021年``, ``since 2014``), ``ago`` (``10年前``, ``a decade ago``), ``span`` (``这十年``,
   ``10年来``, ``9年间``, ``连续三年``, ``为期三年``, ``over the past decade``),
   ``anniversary`` (``十周年``, ``10th anniversary``), ``relative_year`` (``去年``, ``今年7月``,
   ``last year``) and ``plan`` (``“十四五”期间``, ``比“十三五”末``).
2. **Blocked spans**: everything a number inside of is not a quantity — times, clock times,
   phone numbers, URLs, book titles ``《…》``, footnotes ``[1]``, list markers at line start
   (``1.本网``), ``3号线``-style labels.
3. **Number tokens**: digit/Chinese-numeral runs (``3565万``, ``两千``, ``十分之一``,
   ``百分之五十``), English numbers (``15.6 million``, ``eight``), their unit
   (:mod:`factcheck.units`), currency prefix (``$``), and qualifiers (``约``, ``余``, ``左右``,
   ``more than``...). Skipped: identifiers (``PM2.5``, ``G109``, ``5G``, ``3+3+N``, ``No. 5``),
   ordinals (``第九届``), scale labels (``千亿级``), Chinese numerals without a unit
   (``一体化``, ``三地``, ``二、三级``), numbers touching U+FFFD, codes with a leading zero.
4. **Ranges** (``3—5家``, ``3至5万P``, ``18 to 25 percent``).
5. **Context**: change verbs before the number (``下降``, ``fell``), change nouns
   (``降幅``, ``a drop of``, ``a 190 percent increase``), comparisons (``同比`` yoy, ``环比`` mom,
   ``year on year``), baseline years (``比2014年``, ``与2013年的…相比``, ``compared with 2013``,
   ``than (that) in 2013``), the phrase's own year (``2014年的35``, ``32 in 2023``).
6. **Lists** (``分别下降29.5%、23.1%``, ``18、25、30微克/立方米``) share kind and unit.
7. **From/to groups** (``从2014年的35…降至2023年的18…,下降48.6%``, ``fell from 58 in 2013 to
   two, a decrease of 96.6 percent``, ``slipped to 19.4 percent from 20.1 percent``): roles
   from/to/delta under one ``group`` id; the delta's baseline year is the from-year, its year
   the to-year. A change and the level it starts from, with no "to" end (``down 2.1 percent from
   38.6 in 2023``: delta and from); ends without years take a range stated before them
   (``Between 2013 and 2017 … from 89.5 to 58``).
8. **English units and years by context**: a plural noun before the verb (``heavy pollution days
   fell by 37``), the count a bare number is part of (``six of the city's eight … days``, ``64 more
   than in 2013`` — never a share), a column header (``| Good-air days |``), and the figures before a
   bare number in its sentence when it stands where a figure would (``against 36 in Beijing``);
   ``a year earlier`` / ``that year`` / ``…in 2013, when … 89.5`` give a level its year; a fronted
   ``Compared with 2013,`` / ``Year on year,`` holds for every change of its sentence.

Taiwan usage: ``兆`` (10^12) before a money unit or 度, ``瓩`` (kW), ``公尺`` / ``立方公尺``, the unit
before the number (``每立方公尺35微克``), ``度`` as a kilowatt-hour where electricity is meant, ``年增``
/ ``年减`` (year on year), ``成长``. Not claims: ranks (``前3位``, ``排名前3``, ``前十名``) and periods to
date (``今年前10个月``); English spans (``Ten years of …``, ``three consecutive years``).

Speed (same results as the plain regexes; tests/test_extract.py checks each against its plain form):
every pattern compiles on first use (:func:`factcheck.numbers.lazy_re`), and one that cannot match a
text (no 年, no month name, no English number word...) is neither compiled nor run on it. Patterns
whose look-behind came first are written to begin with the character they consume, so that the regex
engine skips ahead to it; alternations that cannot be written so are scanned part by part
(:func:`_first_of`); rare forms (月, 日, 周年, ago...) are scanned only over the pieces of text between
two separators that hold a string every match holds (:class:`_Chunks`). Token look-ups test a cheap
necessary condition (a character, a substring) before a regex.

Decisions: ``10岁`` is a level with unit ``岁``; ``1000千伏`` / ``8英寸`` are kind "rating";
``连续三年`` / ``为期三年`` are time spans, not quantities; ``改善7.3%`` is a change with no
direction, except for a concentration (it fell: "down"); ``X倍`` and ``翻一番`` are kind "multiple"
(value = the stated factor). Words found by a case-insensitive pattern are looked up folded
(:func:`factcheck.numbers.fold`): ``ſ``, ``İ``, ``ı`` and the Kelvin sign never break a table look-up.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from factcheck.models import Extraction, Quantity, Sentence, TimeExpr
from factcheck.numbers import (
    EN_TENS,
    EN_UNITS,
    ParsedNumber,
    bind_lazy,
    clean,
    compiled,
    fold,
    lazy_re,
    parse,
    spelled_number,
)
from factcheck.units import (
    AGE_YEAR,
    BEI,
    CJK_UNITS,
    DU,
    INDEX,
    PERCENT,
    TIMES,
    UGM3,
    WORD_UNITS,
    Unit,
    UnitMatch,
    lemma,
    lookup,
    match_unit,
)

YEAR = r"(?:19\d{2}|20\d{2}|2100)"
CN_NUM = "〇零一二两三四五六七八九十百千万亿"
N_SPAN = r"(?:\d{1,3}|[一二两三四五六七八九十百]{1,4})"


def _year_not_after(cls: str) -> str:
    """``(?<!cls)YEAR`` written to begin with the digit it consumes, the look-behind moved past that digit:
    same matches, but the regex engine can skip ahead to a 1 or a 2 instead of trying every position."""
    return rf"(?:1(?<!{cls}1)9\d{{2}}|2(?<!{cls}2)(?:0\d{{2}}|100))"


_Y_AFTER_NON_DIGIT = _year_not_after(r"\d")  # (?<!\d)YEAR
_Y_AFTER_NON_NUMBER = _year_not_after(r"[\d.]")  # (?<![\d.])YEAR

FFFD = "\ufffd"
SPAN_BEFORE = 40  # how far back a change verb / qualifier is looked for
BASELINE_BEFORE = 160
AFTER_WINDOW = 120

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "hundredth": 100,
}
_WORDNUM = "|".join(sorted([*EN_UNITS, *EN_TENS], key=len, reverse=True))
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = rf"(?P<mon>(?:{_MON_FULL})|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"

# ------------------------------------------------------------------------------ times

T_CN_DATE = lazy_re(rf"({_Y_AFTER_NON_DIGIT})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号]")
T_CN_YEAR_MONTH = lazy_re(rf"({_Y_AFTER_NON_DIGIT})\s*年\s*(\d{{1,2}})\s*月(?:份)?")
T_ISO_DATE = lazy_re(rf"({_Y_AFTER_NON_NUMBER})([-/.])(\d{{1,2}})\2(\d{{1,2}})(?!\d|[.]\d)")
T_CN_SINCE_PREFIX = lazy_re(
    rf"(自从|自|从)\s*({YEAR})\s*年(?:\s*(\d{{1,2}})\s*月(?:份)?)?(?:\s*(\d{{1,2}})\s*[日号])?\s*(以来|起|开始|至今)?")
T_CN_SINCE_SUFFIX = lazy_re(
    rf"({_Y_AFTER_NON_DIGIT})\s*年(?:\s*(\d{{1,2}})\s*月(?:份)?)?(?:\s*(\d{{1,2}})\s*[日号])?\s*(?:以来|起|开始|至今)")
T_CN_YEAR_RANGE = lazy_re(rf"({_Y_AFTER_NON_NUMBER})\s*年?\s*(?:至|到|—|–|-|~|～)\s*({YEAR})\s*年")
T_CN_YEAR = lazy_re(rf"({_Y_AFTER_NON_NUMBER})\s*年(?!代)")
T_CN_YEAR_NUMERAL = lazy_re(
    r"([〇零一二三四五六七八九](?<![〇零一二三四五六七八九十][〇零一二三四五六七八九])[〇零一二三四五六七八九]{3})\s*年")
T_CN_MONTH_DAY = lazy_re(r"(?<![\d.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
T_CN_MONTH_RANGE = lazy_re(r"(?<![\d.])(\d{1,2})\s*(?:至|到|—|–|-|~|～)\s*(\d{1,2})\s*月(?:份)?")
T_CN_MONTH = lazy_re(r"(?<![\d.个])(\d{1,2})\s*月(?:份)?")
T_CN_DAY = lazy_re(r"(?<![\d.月])(\d{1,2})\s*日(?![元本])")
T_CN_RELATIVE = lazy_re(
    r"(今年|去年|前年|明年|本年|上年|当年)(?:\s*(\d{1,2})\s*月(?:份)?(?:\s*(\d{1,2})\s*[日号])?)?")
T_CN_AGO = lazy_re(rf"(?<![\d.{CN_NUM}])({N_SPAN})\s*(?:多|余)?\s*年(?:以)?前")
T_CN_SPAN = lazy_re(
    rf"(?:这|近|过去|最近|连续|为期|提前|历时|历经|用了)\s*({N_SPAN})\s*(?:多|余)?\s*(?:个)?\s*年(?:来|间|以来|中|里|内)?"
    rf"|(?<![\d.{CN_NUM}])({N_SPAN})\s*(?:多|余)?\s*年(?:来|间|以来)"
    rf"|(?<![\d.{CN_NUM}第])({N_SPAN})\s*年(?=下降|增长|减少|增加|降|增|提高|提升|上升|累计|间)")


def _n_span_not_after(cls: str) -> str:
    """``(?<![cls])N_SPAN`` beginning with the character it consumes (see _year_not_after)."""
    n = "一二两三四五六七八九十百"
    return rf"[\d{n}](?<![{cls}][\d{n}])(?:(?<=\d)\d{{0,2}}|(?<=[{n}])[{n}]{{0,3}})"


_N_AFTER_NON_NUMBER = _n_span_not_after(r"\d." + CN_NUM)  # (?<![\d.{CN_NUM}])N_SPAN
_N_AFTER_NON_ORDINAL = _n_span_not_after(r"\d." + CN_NUM + "第")  # (?<![\d.{CN_NUM}第])N_SPAN
# T_CN_SPAN's alternatives one by one, each beginning with what it consumes (see _first_of).
T_CN_SPAN_PARTS = (
    lazy_re(rf"(?:这|近|过去|最近|连续|为期|提前|历时|历经|用了)\s*({N_SPAN})\s*(?:多|余)?\s*(?:个)?\s*年"
            rf"(?:来|间|以来|中|里|内)?"),
    lazy_re(rf"({_N_AFTER_NON_NUMBER})\s*(?:多|余)?\s*年(?:来|间|以来)"),
    lazy_re(rf"({_N_AFTER_NON_ORDINAL})\s*年(?=下降|增长|减少|增加|降|增|提高|提升|上升|累计|间)"),
)
T_CN_ANNIVERSARY = lazy_re(rf"(?<![\d.{CN_NUM}])({N_SPAN})\s*周年")
T_CN_PLAN = lazy_re(rf"“?(?<![{CN_NUM}])十([一二三四五])五(?![{CN_NUM}])”?\s*(规划|时期|期间|以来|期末|期初|末|初)?")


def _bword(word: str) -> str:
    """``\\bword`` (case-sensitive, ``word`` starts with a word character) written to begin with its first
    letter, the boundary checked behind it: a pattern made of these gets the regex engine's fast skip."""
    return f"{re.escape(word[0])}(?<!\\w{re.escape(word[0])}){re.escape(word[1:])}"


# \b{_MON}: the full names, then the abbreviations with their optional dot, one alternative each
_MON_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_B_MON = ("(?P<mon>" + "|".join(_bword(w) for w in _MON_FULL.split("|")) + "|"
          + "|".join(_bword(w) + r"\.?" for w in _MON_ABBREVIATIONS) + ")")
T_EN_MDY = lazy_re(rf"{_B_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)({YEAR})\b")
T_EN_DMY = lazy_re(rf"(\d(?<!\w\d)\d?)\s+{_MON}\s+({YEAR})\b")  # \b(\d{{1,2}})
T_EN_MY = lazy_re(rf"{_B_MON}\s+({YEAR})\b")
T_EN_MD = lazy_re(rf"{_B_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,:]?\d)")
# "from 15 November to 15 March": a day and a full month name with no year (not "15 May 2024", T_EN_DMY)
T_EN_DM = lazy_re(rf"(\d(?<!\w\d)\d?)\s+({_MON_FULL})\b(?![ \t]*,?[ \t]*\d)")
_MONTH_LEADS = ("in", "since", "by", "until", "during", "from", "to", "through", "last", "this", "next", "early",
                "late", "mid-", "end of")
T_EN_MONTH = lazy_re("(?:" + "|".join(_bword(w) for w in _MONTH_LEADS) + rf")\s+({_MON_FULL})\b")
T_EN_SINCE = lazy_re(rf"\bsince\s+(?:early\s+|late\s+|mid-)?({YEAR})\b", re.IGNORECASE)
T_EN_RELATIVE = lazy_re(r"\b(this|last|next|previous)\s+year\b", re.IGNORECASE)
T_EN_AGO = lazy_re(rf"\b(an?|one|\d{{1,3}}|{_WORDNUM})\s+(decades?|years?)\s+ago\b", re.IGNORECASE)
T_EN_SPAN = lazy_re(
    rf"\b(?:(?:over|in|during|for|throughout)\s+)?(?:the\s+)?(?:past|last|previous)\s+"
    rf"(?:(\d{{1,3}}|{_WORDNUM})\s+)?(decades?|years)\b", re.IGNORECASE)
# "Ten years of cleaner air", "two decades of growth": a span, not a count (but "five years of age" is an age)
T_EN_YEARS_OF = lazy_re(rf"\b(\d{{1,3}}|{_WORDNUM})\s+(years|decades) of\b(?!\s+age\b)", re.IGNORECASE)
# "for three consecutive years" (连续三年): a span
# "for three years in a row", "five years running"
T_EN_CONSECUTIVE = lazy_re(rf"\b(\d{{1,3}}|{_WORDNUM})\s+(?:(?:consecutive|straight|successive) (years)|"
                           r"(years) (?:in a row|running))\b", re.IGNORECASE)
T_EN_ANNIVERSARY = lazy_re(
    r"\b(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\s+anniversary\b", re.IGNORECASE)
T_EN_PLAN = lazy_re(r"\b(\d{1,2})(?:st|nd|rd|th)\s+Five-Year\s+Plan\b(?:\s*\(\s*(\d{4})\s*[-–]\s*(\d{4})\s*\))?",
                       re.IGNORECASE)

# --------------------------------------------------------------------- blocked spans

B_URL = lazy_re(r"https?://[^\s<>\"“”()（）]+|www\.[^\s<>\"“”()（）]+"
                   r"|(?<![A-Za-z0-9.+_-])[A-Za-z0-9.+_-]{1,64}@[A-Za-z0-9-]{1,63}\.[A-Za-z0-9.]{1,63}")
B_CLOCK = lazy_re(
    r"(?<![\d.:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"
    r"|(?<![\d.])\d{1,2}\s*[时点]\s*\d{1,2}\s*分"
    r"|(?:上午|下午|早上|早晨|晚上|凌晨|中午|傍晚|夜里|当晚|晚)\s*\d{1,2}\s*[点时](?:半|\s*\d{1,2}\s*分)?"
    r"|(?<![\d.])\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|AM|PM|am|pm)(?![A-Za-z])")
B_PHONE = lazy_re(
    r"(?<![\d-])(?:\+?86[- ]?)?(?:\(0\d{2,3}\)\s*|0\d{2,3}[- ])\d{7,8}(?![\d-])"
    r"|(?<!\d)1[3-9]\d{9}(?!\d)|(?<![\d-])\d{3}-\d{3}-\d{4}(?![\d-])")
# B_CLOCK's alternatives by first character: the three that begin with a digit (in their order), the one
# that begins with a word (see _first_of).
B_CLOCK_PARTS = (
    lazy_re(r"\d(?<![\d.]\d)(?:(?<!:\d)\d?:\d{2}(?::\d{2})?(?![\d:])|\d?\s*[时点]\s*\d{1,2}\s*分"
            r"|\d?(?::\d{2})?\s*(?:a\.m\.|p\.m\.|AM|PM|am|pm)(?![A-Za-z]))"),
    lazy_re(r"(?:上午|下午|早上|早晨|晚上|凌晨|中午|傍晚|夜里|当晚|晚)\s*\d{1,2}\s*[点时](?:半|\s*\d{1,2}\s*分)?"),
)
B_TITLE = lazy_re(r"《[^《》\n]{0,200}》")
B_FOOTNOTE = lazy_re(r"\[\^?\d{1,3}\]")  # [1], Markdown [^1]
# "+86 311 8765 4321", "+1 202-555-0143": an international phone number (groups of digits after +country code)
B_INTL_PHONE = lazy_re(r"\+\d{1,3}(?:[ -]\(?\d{1,5}\)?){2,5}(?![\d.,]\d|\d)")
_LIST_MARKER_BODY = r"[ \t\u3000]*(?:#{1,6}[ \t]+)?(?:[(（]\d{1,2}[)）]|\d{1,2}(?=[.、)）](?!\d)))"
B_LIST_MARKER = lazy_re(r"(?m)^" + _LIST_MARKER_BODY)
# A ship or berth class: "100,000-tonne container berths", "a 300,000-ton-class ore carrier", 10万吨级泊位 — a label
# of the thing, not an amount ("two new 100,000-tonne berths" counts two berths)
_CLASS_NOUNS = (r"(?:berths?|ships?|vessels?|carriers?|tankers?|freighters?|docks?|wharf|wharves|terminals?|"
                r"channels?|fairways?|piers?|quays?|class)")
B_CLASS_LABEL_EN = lazy_re(
    r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:-(?:thousand|million))?-(?:tonnes?|tons?|dwt|t)(?:[- ]class)?"
    r"(?=[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}" + _CLASS_NOUNS + r"\b)", re.IGNORECASE)
# A figure retracted in a correction: "has 23 such routes, not 32", 有23条航线，而不是32条 (the number after "not",
# at a clause's end, right after a figure of the same clause: checked in _blocked_mask within a fixed reach)
B_RETRACTED_EN = lazy_re(r",[ \t]*not[ \t]+(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?=[ \t]*(?:[.;!?)]|\n|$))")
B_RETRACTED_CN = lazy_re(r"[,，][ \t]*(?:而不是|而非|并非|不是)(\d+(?:\.\d+)?)"
                         r"(?=[^\d\s,，。；;]{0,3}(?:[。；;!！)）]|$))")
_FIGURE_BEFORE = lazy_re(r"\d[^.;!?。；！？\n]{0,48}$")
# A size class that labels the counted things after it: 其中10亿元以上项目41个, 5000万元以上企业126家 (the count is the
# claim, the threshold a label)
B_THRESHOLD_LABEL_CN = lazy_re(
    r"(?<![\d.])(\d+(?:\.\d+)?\s*[万亿]*元)(?:及|或)?以上(?:的)?[\u4e00-\u9fff]{1,4}?(?:达到?|有|共|为)?"
    r"(?=\d+(?:\.\d+)?\s*[个家项座所])")
B_CLASS_LABEL_CN = lazy_re(r"[\d.]+\s*万?\s*吨级|[一二两三四五六七八九十百千]+万?吨级")
B_LIST_MARKER_NL = lazy_re(r"\n" + _LIST_MARKER_BODY)  # the same after a line break (found at C speed)
B_LABEL = lazy_re(r"(?<!\d)\d{1,8}\s*号")
B_OTHER_AGO = lazy_re(
    rf"\b(?:\d{{1,3}}|an?|one|{_WORDNUM})\s+(?:hours?|minutes?|seconds?|days?|weeks?|months?)\s+ago\b",
    re.IGNORECASE)

# ---------------------------------------------------------------------------- tokens

# An averaging period names a statistic (24小时平均浓度, "the daily maximum 8-hour average"): not an amount
# and so does a standard's period ("the 24-hour guideline", "an 8-hour ozone limit", 24小时浓度限值)
B_AVERAGING = lazy_re(r"(?<![\d.])\d{1,2}\s*(?:个)?小时(?:滑动|移动)?(?:平均|浓度限值|浓度标准|限值)|"
                      r"\b\d{1,2}-hours?\s+(?:rolling\s+|moving\s+|running\s+|sliding\s+)?"
                      r"(?:(?:PM2\.5|PM10|ozone|O3|NO2|SO2)\s+)?"
                      r"(?:average|mean|guideline|limit|standard|threshold|target)s?\b",
                      re.IGNORECASE)
# The particle size in the definition of PM2.5 / PM10 / PM1 ("particles 2.5 micrometres or smaller", 直径小于等于
# 2.5微米): it spells out an identifier, no amount
B_PARTICLE_SIZE = lazy_re(r"(?<![\d.])(?:2\.5|10|1)\s*(?:micrometres?|micrometers?|microns?|μm|µm|微米)(?![A-Za-z])",
                          re.IGNORECASE)
PARTICLE_NAME = lazy_re(r"pm\s?(?:2\.5|10|1)(?![\d.])")
# A postcode in a footer ("Postcode: 100048", 邮编：050051): an identifier
B_POSTCODE = lazy_re(r"(?:\bpost\s?code|\bpostal\s+code|\bzip(?:\s+code)?|邮编|邮政编码)\s*[:：]?\s*(\d{5,6})(?!\d)",
                     re.IGNORECASE)
# A reading time in a by-line ("7 min read", "5-minute read"): no claim of the article
B_READ_TIME = lazy_re(r"\b\d{1,3}(?:\s+|-)?(?:mins?|minutes?)\.?\s+read\b", re.IGNORECASE)
# A design speed is a rating of a line or a vehicle (设计时速350公里, "a design speed of 350 km/h")
B_DESIGN_SPEED = lazy_re(r"设计(?:最高|运营)?时速(?:为|达到?|是)?\s*\d{2,3}\s*(?:公里|千米|km)|"
                         r"\bdesign(?:ed)?\s+(?:top\s+|maximum\s+)?speed\s+(?:of\s+)?\d{2,3}\s*(?:km|kilomet)",
                         re.IGNORECASE)
# A "related reading" line of teasers (相关阅读：北京将新开3条线路 | 10条措施…): other stories' headlines
B_TEASERS = lazy_re(r"(?m)^[ \t\u3000>*-]*(?:相关阅读|延伸阅读|推荐阅读|相关新闻|相关报道|相关链接|"
                    r"(?:Related(?:\s+(?:reading|stories|articles|coverage))?|Read\s+more|See\s+also)\b)\s*[:：].*$",
                    re.IGNORECASE)
# A place named by a direction and a numeral (廊坊北三县, 东三省); not 河北三县, 湖南三市 (a province, then a count)
B_PLACE_NUMERAL = lazy_re(
    r"(?<![河湖江广山陕海云华东西南北闽])[东西南北]([一二两三四五六七八九十])(?:县|省)(?![市长委])")
# A clock hour after a date (3月15日24时, 15日8时起): a time, not an amount
B_DAY_HOUR = lazy_re(
    r"\d[日号]\s*(\d{1,2})\s*[时点](?![\d间段速])(?:\s*(?:至|到|—|–|-|~|～)\s*\d{1,2}\s*[时点](?![\d间段速]))?")
# A ranking list's name (世界500强企业, 中国企业500强): not an amount
B_TOP_LIST = lazy_re(r"(?:世界|全球|中国|全国|财富|亚洲|民营企业|企业)\s*(\d{2,4})\s*强")
MAX_RUN = 48  # a digit run longer than this is no statistic; scanning stays linear
RUN = lazy_re(rf"[0-9{CN_NUM}][0-9.,{CN_NUM}]{{0,{MAX_RUN - 1}}}")
RUN_TAIL = lazy_re(rf"[0-9.,{CN_NUM}]*")
EN_WORD = lazy_re(rf"\b(?:(?:{'|'.join(EN_TENS)})(?:-(?:{'|'.join(k for k in EN_UNITS if EN_UNITS[k])}))?"
                     rf"|{'|'.join(sorted(EN_UNITS, key=len, reverse=True))})\b", re.IGNORECASE)


def _words_by_first_letter(groups: Sequence[tuple[Sequence[str], str]]) -> str:
    r"""``\b(?:(?:w1|w2…)s1|…)\b``, case-insensitive (``(words, suffix pattern)`` in order), rewritten to begin
    with one character class of the first letters (both cases), the word boundary checked behind it and the
    rest chosen by that letter: the regex engine then skips ahead to those letters. Same matches as the
    original on text without the characters of _CASE_FOLD_EXOTIC."""
    rests: dict[str, list[str]] = {}
    for words, suffix in groups:
        by_letter: dict[str, list[str]] = {}
        for w in words:
            by_letter.setdefault(w[0].lower(), []).append(re.escape(w[1:]))
        for c, tails in by_letter.items():
            rests.setdefault(c, []).append(f"(?:{'|'.join(tails)}){suffix}")
    letters = "".join(c + c.upper() for c in rests)
    alts = "|".join(f"(?<=[{c}{c.upper()}])(?i:{'|'.join(a)})" for c, a in rests.items())
    return f"[{letters}](?<!\\w[{letters}])(?:{alts})\\b"


_EN_UNIT_SUFFIX = rf"(?:-(?:{'|'.join(k for k in EN_UNITS if EN_UNITS[k])}))?"
EN_WORD_FAST = lazy_re(_words_by_first_letter(
    [(tuple(EN_TENS), _EN_UNIT_SUFFIX)] + [((w,), "") for w in sorted(EN_UNITS, key=len, reverse=True)]))
EN_MAG = lazy_re(r"\s*(?:hundred|thousand|million|billion|trillion|mln|bln)\b|(?:bn|mn)\b", re.IGNORECASE)
CURRENCY_PREFIX = lazy_re(r"(US\$|HK\$|\$|¥|￥|€|£|RMB|USD|CNY|EUR|HKD)\s?$")
CURRENCY_UNITS = {"US$": "USD", "$": "USD", "USD": "USD", "HK$": "HKD", "HKD": "HKD", "¥": "元", "￥": "元",
                  "RMB": "元", "CNY": "元", "€": "EUR", "EUR": "EUR", "£": "GBP"}
CODE_BEFORE = lazy_re(r"\b(?!RMB|USD|CNY|EUR|HKD|GDP|CPI)[A-Z]{2,5}(?:/T)?\s$")
CN_IMPRECISE_BEFORE = lazy_re(r"(?:数|几|上|好|若干|星期|礼拜|周|每)$")
# the last characters of its words, and "\n" ("$" matches before a final line break); "" (the text's start) is in it
_IMPRECISE_LAST = "数几上好干期拜周每\n"

QUAL_CN = lazy_re(
    r"(约为|约合|约占|约有|大约|大概|约|将近|接近|近乎|近|超过|超出|超|逾|多达|突破|不到|不足|少于|低于|高于|至少|不少于|不低于|"
    r"最多|不超过|不高于)\s*$")
QUAL_CN_MAP = {
    "约为": "about", "约合": "about", "约占": "about", "约有": "about", "大约": "about", "大概": "about", "约": "about",
    "将近": "nearly", "接近": "nearly", "近乎": "nearly", "近": "nearly",
    "超过": "more_than", "超出": "more_than", "超": "more_than", "逾": "more_than", "突破": "more_than",
    "高于": "more_than", "多达": "at_least", "至少": "at_least", "不少于": "at_least", "不低于": "at_least",
    "不到": "less_than", "不足": "less_than", "少于": "less_than", "低于": "less_than",
    "最多": "at_most", "不超过": "at_most", "不高于": "at_most",
}
_QUAL_CN_LAST = frozenset("为合占有约概近乎过出超逾达破到足于少多")  # the last characters of QUAL_CN's words
QUAL_CN_SHARE = lazy_re(r"约占[^,，;；。]{0,16}的\s*$")
QUAL_EN = lazy_re(
    r"\b(about|around|roughly|approximately|approx\.|some|nearly|almost|close\s+to|just\s+under|more\s+than|over|"
    r"above|just\s+over|well\s+over|at\s+least|no\s+less\s+than|less\s+than|fewer\s+than|under|below|up\s+to|"
    r"no\s+more\s+than|not\s+more\s+than|only|just)\s+$", re.IGNORECASE)
_QUAL_EN_LAST = ("about", "around", "roughly", "approximately", "approx.", "some", "nearly", "almost", "to", "under",
                 "than", "over", "above", "least", "below", "only", "just")  # the last words of QUAL_EN's phrases
QUAL_EN_MAP = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "approx.": "about",
    "some": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "less_than",
    "more than": "more_than", "over": "more_than", "above": "more_than", "just over": "more_than",
    "well over": "more_than", "at least": "at_least", "no less than": "at_least", "less than": "less_than",
    "fewer than": "less_than", "under": "less_than", "below": "less_than", "up to": "at_most",
    "no more than": "at_most", "not more than": "at_most",
}
POST_QUAL_CN = lazy_re(r"(左右|上下|以上|以下|以内|之多|开外|有余)")
_POST_QUAL_CN_FIRST = frozenset("左上以之开有")
POST_QUAL_CN_MAP = {"左右": "about", "上下": "about", "以上": "at_least", "以下": "less_than", "以内": "at_most",
                    "之多": "at_least", "开外": "at_least", "有余": "at_least"}
POST_QUAL_EN = lazy_re(r"\s*(?:(or more|and more|or above|and above|or over|plus)|(or so)|"
                          r"(or less|or fewer|or below|and below|and under))\b", re.IGNORECASE)

# ---------------------------------------------------------------------------- context

CN_STRIP_END = lazy_re(r"(?:了|分别|均|都|\s)+$")
CN_CHANGE_NOUN = lazy_re(
    r"(?:(?P<down>降幅|减幅|跌幅|下降幅度|降低幅度|减少幅度|降速)|(?P<up>增幅|涨幅|增速|增长幅度|上升幅度|升幅|提高幅度|增长率|成长率)"
    r"|(?P<flat>改善幅度|改善率|变化幅度|变幅))(?:分别|均|都|约)?(?:为|达到?|是|在|超过)?$")
CN_TO_VERB = lazy_re(
    r"(?:降至|降到|降为|下降到|下降至|下降为|减少到|减少至|减少为|减至|减到|减为|降低到|降低至|降低为|回落到|回落至|下滑至|"
    r"下滑到|下调至|下调到|增至|增到|增加到|增加至|增加为|增长到|增长至|增长为|提高到|提高至|提高为|提升到|提升至|提升为|"
    r"上升到|上升至|上升为|升至|升到|升为|回升至|回升到|涨至|涨到|上涨至|上涨到|扩大到|扩大至|缩小到|缩小至|变为|达到|达|为|是|"
    r"至|到)$")
CN_TO_STRICT = lazy_re(
    r"(?:(?P<down>降至|降到|降为|下降到|下降至|下降为|减少到|减少至|减少为|减至|减到|减为|降低到|降低至|降低为|回落到|回落至|下滑至|"
    r"下滑到|下调至|下调到|缩小到|缩小至)|(?P<up>增至|增到|增加到|增加至|增加为|增长到|增长至|增长为|提高到|提高至|提高为|"
    r"提升到|提升至|提升为|上升到|上升至|上升为|升至|升到|升为|回升至|回升到|涨至|涨到|上涨至|上涨到|扩大到|扩大至)|(?P<any>变为|至|到))")
CN_FROM_TO_GAP = lazy_re(
    rf"\s*[,，]?\s*{CN_TO_STRICT.pattern}\s*(?:(?P<toyear>{YEAR})\s*年(?:底|末)?\s*的?|(?:今年|去年|上年|前年|当年)(?:底|末)?\s*的?)?\s*")
CN_NOT_CHANGE = lazy_re(r"(?:新增|净增加?的?)$")
CN_CHANGE_VERB = lazy_re(
    r"(?:(?P<down>下降|减少|降低|下滑|回落|下跌|缩减|削减|压减|压降|下调|缩小|减排|下挫|收窄|降|减|跌)"
    r"|(?P<up>上升|增长|提高|增加|上涨|提升|攀升|扩大|上调|跃升|回升|增多|高出|反弹|净增|增|升|涨)"
    r"|(?P<flat>改善|变化|变动))$")
# an increase "by one times" (增长一倍, 翻了一倍): the thing doubled; only 一倍 is unambiguous
# (增长2倍 is read both ways)
CN_GREW_BY = lazy_re(r"(?:增长|增加|提高|提升|上升|扩大|翻)了?$")
CN_COMPARE_ADJ = lazy_re(r"(?:比|较)[^,，;；。]{0,24}?(?:(?P<up>多出?|高出?)|(?P<down>少|低))$")
CN_YOY = lazy_re(r"同比|按年|(?:比|较|与|同|相比)\s*(?:上年|去年|上一年)(?:同期)?|去年同期|上年同期")
CN_MOM = lazy_re(r"环比|(?:比|较)\s*上月")
CN_YOY_GENERAL = lazy_re(
    r"同比(?:均|都|全部|普遍)?(?:有所|明显|大幅)?(?:下降|上升|增长|减少|增加|降低|提高|改善|回落|上涨|好转)(?=[,，;；。])")
# Taiwan 年增 / 年减 (营收年增18.6%): year on year — not 今年增加, 2023年增长, 年均增长
CN_YEAR_ON_YEAR_VERB = lazy_re(
    r"(?<![\d〇零一二两三四五六七八九十百千今去前明当本上每全近逐多余])年(?:增|减)(?:长|加|少)?(?:幅|率)?(?:为|达|约)?$")
CN_BASELINES: tuple[re.Pattern[str], ...] = (
    # 比2014年, 较疫情前的2019年
    lazy_re(rf"(?:比|较|相比于?|相较于?|对比)\s*(?:[^\d,，;；。:：]{{1,8}}?的\s*)?({YEAR})\s*年(?:同期|底|末|年底|年末)?"),
    lazy_re(rf"(?:与|同|和|跟)\s*({YEAR})\s*年[^,，;；。]{{0,30}}?(?:相比|相较|比较|对比)"),
    lazy_re(rf"是\s*({YEAR})\s*年(?:同期)?的"),
    lazy_re(rf"以\s*({YEAR})\s*年为基"),
)
# What each of CN_BASELINES needs besides its year (one of these characters): 相比/相较/比较/对比 hold 比 or 较.
_CN_BASELINE_NEEDS = ("比较", "比较", "是", "以")
CN_PLAN_BASELINE = lazy_re(r"(?:比|较|与|同)\s*“?十([一二三四五])五”?\s*(?:期末|末)")
CN_YEAR_OF = lazy_re(rf"({YEAR})\s*年(?:底|末)?\s*的\s*$")
CN_FROM = lazy_re(rf"(?:从|由)\s*(?:({YEAR})\s*年(?:底|末)?\s*的?)?\s*$")

EN_CHANGE_NOUN_BEFORE = lazy_re(
    r"\b(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:(?P<down>drop|decline|decrease|fall|reduction|cut|slump|dip)|"
    r"(?P<up>rise|increase|growth|gain|jump|surge)|(?P<flat>improvement|change))\s+of\s*$", re.IGNORECASE)
_EN_DOWN = (r"fell|fallen|falls|fall|falling|dropped|drops|drop|dropping|declined|declines|decline|declining|"
            r"decreased|decreases|decrease|slipped|slid|plunged|plummeted|shrank|shrunk|cut|cuts|reduced|reduce|"
            r"lowered|down|eased|dipped|lost|lower")
_EN_UP = (r"rose|risen|rises|rise|rising|climbed|climbs|increased|increases|increase|grew|grown|grows|growing|"
          r"jumped|surged|soared|gained|up|expanded|improved|added|higher")
EN_PHRASAL = lazy_re(
    r"\b(?:shut|shuts|shutting|closed?|closing|broke|break|breaking|turned|turn|cracked|crack|set|sets|setting|"
    r"picked|pick|built|build|opened|open|took|take|made|make|signed|sign|ended|end|backed|back|follow|followed|"
    r"gave|give|given|wound|wind|slowed|slow|calmed|calm|played|play|show|showed|showing|put|puts|putting)"
    r"\s+(?:down|up)\s+(?:by\s+)?$", re.IGNORECASE)
# (an adverb, "halved" or "doubled" and a comma may come between: "days nearly halved, from 19 to 10")
EN_SUBJECT_UNIT = lazy_re(rf"\b([a-z]+)\s+(?:(?:nearly|almost|roughly|more\s+than|have|has|had)\s+)?"
                          rf"(?:{_EN_DOWN}|{_EN_UP}|halved|doubled|tripled|quadrupled)\s*,?\s+from\s*$", re.IGNORECASE)
EN_VERB_FROM = lazy_re(rf"\b(?:(?P<down>{_EN_DOWN})|(?P<up>{_EN_UP}))\s+from\s*$", re.IGNORECASE)
EN_AFTER_NOUN = lazy_re(
    r"[ \t]*(?:(?P<down>drop|decline|decrease|fall|reduction|cut|slump|dip)"
    r"|(?P<up>rise|increase|growth|gain|jump|surge)|(?P<flat>improvement|change))\b", re.IGNORECASE)
EN_AFTER_COMPARE = lazy_re(
    r"[ \t]*(?:(?P<down>lower|less|fewer|below|down)|(?P<up>higher|more|above|up))\s+(?:such\s+[a-z]+\s+)?"
    rf"(?:(?:in|by)\s+(?P<cyear>{YEAR})\s+)?(?:than|from|when\s+compared|compared|on|over)\b", re.IGNORECASE)
# "55 percent below the 108 micrograms …", "20 percent above the 2015 level": a share of something else is a change
EN_AFTER_RATIO_COMPARE = lazy_re(
    r"[ \t]*(?:(?P<down>below)|(?P<up>above))\s+(?=the\b|its\b|their\b|that\b|those\b|[A-Z\d])")
# between a change and the level it is measured from: "55 percent below the", "10 percent from its"
EN_TO_LEVEL_GAP = lazy_re(
    r"\s*(?:(?:lower|higher|less|more|fewer|down|up)\s+)?"  # "62.4 percent lower than the 108 micrograms …"
    r"(?:below|above|from|than|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:the|its|their|a)\s+)?"
    r"(?:(?:level|levels|reading|figure|average)\s+of\s+)?", re.IGNORECASE)
# a level and the change measured from it: "compares with 89.5 micrograms in 2013, a decline of 65.9 percent"
EN_LEVEL_THEN_CHANGE = lazy_re(
    rf"(?:\s+(?:in|of)\s+{YEAR})?\s*,\s*(?:an?|the)\s+(?:[a-z-]+\s+)?(?:drop|decline|decrease|fall|reduction|cut|"
    r"rise|increase|growth|gain|jump|improvement)\s+of\s*", re.IGNORECASE)
EN_COMPARED_WITH_BEFORE = lazy_re(r"\b(?:compares?|compared|comparing)\s+(?:with|to)\s+$|\b(?:against|versus)\s+$",
                                  re.IGNORECASE)
EN_YOY = lazy_re(r"year[- ]on[- ]year|year[- ]over[- ]year|(?:from|than|over|on)\s+a\s+year\s+(?:earlier|ago|before)|"
                    r"(?:compared\s+with|than|from|over)\s+(?:the\s+same\s+period\s+(?:of\s+)?)?last\s+year|\by/y\b|\byoy\b|"
                    # "from the year before", "than the previous year", "compared with the prior year"
                    r"(?:compared\s+(?:with|to)|than|from|over|on)\s+(?:the\s+year\s+before(?!\s+last)|"
                    r"the\s+(?:previous|prior|preceding)\s+year)",
                    re.IGNORECASE)
# EN_YOY said after the figure, within its clause: "2.1 percent lower than a year earlier"
EN_YOY_AFTER = lazy_re(r"[^,;]{0,40}?(?:" + EN_YOY.pattern + ")", re.IGNORECASE)
EN_MOM = lazy_re(r"month[- ]on[- ]month|from\s+a\s+month\s+(?:earlier|ago|before)|\bm/m\b", re.IGNORECASE)
_EN_BASE_KEY = (r"compared\s+(?:with|to)|relative\s+to|versus|vs\.?|against|from|since|over|on|"
                r"than(?:\s+(?:that|those|the\s+level|levels))?(?:\s+(?:in|of))?|(?:that|those)\s+(?:of|in)")
EN_BASE_BEFORE = lazy_re(
    rf"\b(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?|against|since)\s+(?:the\s+)?({YEAR})\b(?!\s*(?:to|-)\b)",
    re.IGNORECASE)
EN_BASE_AFTER = lazy_re(
    rf"^[^;]{{0,100}}?\b(?:{_EN_BASE_KEY})\s+(?:the\s+)?(?:(?:same\s+period|level|levels)\s+(?:of|in)\s+)?"
    rf"({YEAR})\b(?!\s*(?:to|-)\s*\d)"
    # "from their 2014 peak", "below its 2015 level"
    rf"|^[^;]{{0,100}}?\b(?:from|since|on|than|below|above)\s+(?:its|their|the|a)\s+({YEAR})\s+"
    r"(?:peak|high|highs|low|lows|level|levels|figure|figures|average|record)\b"
    # right after the figure: "twice the level of 2019", "nearly three times the 2012 level"
    rf"|^\s*(?:the|its|their)\s+(?:(?:level|levels|figure|figures|total|amount|size|reading)\s+(?:of|in)\s+({YEAR})"
    rf"|({YEAR})\s+(?:level|levels|figure|figures|total|amount|size|reading))\b", re.IGNORECASE)
EN_YEAR_AFTER = lazy_re(
    rf"(?:\s*\([^()]{{0,60}}\))?,?\s*(?:respectively,?\s+)?"
    r"(?:(?:recorded|registered|reported|measured|logged|posted|seen)\s+)?"
    rf"(?:in|by|for|as\s+of|at\s+the\s+end\s+of|by\s+the\s+end\s+of|end\s+of)\s+({YEAR})\b(?!\s*(?:to|-)\s*\d)",
    re.IGNORECASE)
EN_FROM = lazy_re(r"\bfrom\s*$", re.IGNORECASE)
EN_WHEN_YEAR = lazy_re(rf"\b(?:in|of|with|than|since|from)\s+({YEAR})\s*,\s*when\s+[^,;:.()]{{0,60}}$", re.IGNORECASE)
EN_RELATIVE_YEAR_AFTER = lazy_re(
    r"\s*,?\s*(?:(?P<earlier>(?:a|one)\s+year\s+(?:earlier|before)|the\s+(?:previous|prior)\s+year|"
    r"the\s+year\s+before)|(?:in\s+)?(?:that|the\s+same)\s+year)\b", re.IGNORECASE)
_YEAR_IN_TEXT = lazy_re(_Y_AFTER_NON_NUMBER + r"(?![\d.])")
# between a change and the level it starts from: "2.1 percent from", "121 days in 2023 from"
EN_CHANGE_FROM_GAP = lazy_re(rf"[ \t]*(?:(?:in|by)\s+({YEAR})\s*)?,?\s*from\s*$", re.IGNORECASE)
EN_FROM_TO_GAP = lazy_re(
    rf"^\s*(?:(?:in|at\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+({YEAR})\s*)?,?\s*to\s*$", re.IGNORECASE)
EN_TO_FROM_GAP = lazy_re(
    rf"^\s*(?:(?:in|at\s+the\s+end\s+of|by\s+the\s+end\s+of|by)\s+({YEAR})\s*)?,?\s*(?:(?P<down>down)|(?P<up>up))?\s*"
    rf"from\s*$", re.IGNORECASE)
LIST_GAP = lazy_re(r"^\s*(?:、|和|及|与|以及|或|,?\s*and|,?\s*or)\s*$")
EN_LIST_GAP = lazy_re(r"^\s*(?:in|for)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}\s*,?\s*(?:and\s+)?$")
BETWEEN = lazy_re(r"\bbetween\s+$", re.IGNORECASE)
# "fell by two-thirds between 2013 and 2023", "From 2015 to 2023, volumes rose 75 percent": the change's two ends
EN_BETWEEN_YEARS = lazy_re(rf"\b(?:between\s+({YEAR})\s+and|from\s+({YEAR})\s+(?:to|through|until))\s+({YEAR})\b"
                           r"(?!\s*(?:to|-)\s*\d)", re.IGNORECASE)
SPOKEN_OR = lazy_re(r"[ \t]+or[ \t]+")
RANGE_SEP = lazy_re(r"\s*(?:—|–|-|~|～|至|到)\s*|\s+to\s+")
DELTA_GAP = lazy_re(r"^[\s,，;；、]*[^。!?！？;；]{0,24}$")
_SHARE_QUALS = (r"more\s+than|less\s+than|nearly|about|almost|over|around|roughly|at\s+least|just\s+over|"
                r"just\s+under|some|close\s+to|up\s+to")
# "a third of", "two-thirds of", "a fifth of", "fell by about two-thirds" (no "of" after "by"): a share in percent
_EN_FRACTION = (r"half|(?:a|one)[- ](?:third|quarter|fifth|tenth)|"
                r"(?:two|three|four|five|six|seven|eight|nine)[- ](?:thirds|quarters|fifths|tenths)")
SHARE_EN = lazy_re(
    rf"\b(?:(?P<q>{_SHARE_QUALS})\s+)?(?P<f>{_EN_FRACTION})(?![\w-])"
    r"(?P<of>\s+of\b|(?<=half)\s+(?:the|its|their|our|his|her|my|your|all)\b)?", re.IGNORECASE)
# "the first half of 2023", "in the second half the team …": a part of a period or a game, no share
HALF_OF_PERIOD_BEFORE = lazy_re(r"\b(?:first|second|latter|former|later|earlier|other|back|front)\s+$", re.IGNORECASE)
HALF_OF_PERIOD_AFTER = lazy_re(
    rf"\s+(?:of\s+)?(?:{YEAR}\b|(?:the|this|that|last|next)\s+(?:year|month|decade|century|season|day|game|match)\b)",
    re.IGNORECASE)
SHARE_EN_VERB = lazy_re(r"\b(?:accounts?|accounted|accounting)\s+for\s+$|\b(?:makes?|made|making)\s+up\s+$|"
                           r"\b(?:represents?|represented|representing)\s+$|\bby\s+$", re.IGNORECASE)
SHARE_EN_BY = lazy_re(r"\bby\s+$", re.IGNORECASE)
# "was up about a fifth on a year earlier", "down a third from 2022": a change, where a comparison or a break follows
SHARE_EN_UP_DOWN = lazy_re(r"\b(?:up|down)\s+$", re.IGNORECASE)
SHARE_EN_UP_DOWN_AFTER = lazy_re(r"\s*(?:[,.;:)]|$)|\s+(?:on|from|in|since|over|compared|against|than|year)\b",
                                 re.IGNORECASE)
# "a fall of almost two-thirds", "a drop of a third": a change by a fraction
SHARE_EN_CHANGE_OF = lazy_re(r"\b(?:fall|drop|decline|decrease|reduction|cut|rise|increase|gain|jump|improvement)s?"
                             r"\s+of\s+$", re.IGNORECASE)
# 超过一半, 近一半, 不足北京的一半 (the qualifier before the compared thing)
SHARE_CN = lazy_re(r"(?:(?P<q>超过|逾|近|将近|接近|约|不到|不足|占)(?:[^\d，,。；;、：:\s]{1,8}?的)?)?(?P<f>一半)"
                   r"(?P<post>以上|以下|多)?")
_SHARES = {"half": Decimal(50), "一半": Decimal(50)}
_FRACTION_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                        "eight": 8, "nine": 9}
_FRACTION_DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
MULTIPLE_CN = lazy_re(r"翻(?:了)?\s*([一两二三四]|\d)?\s*番")
MULTIPLE_EN = lazy_re(r"\b(doubled|tripled|trebled|quadrupled|twice(?=\s+(?:as|the|that|its|their)\b)"
                     r"|doubles|double(?=\s+(?:the|that|its|their|from|since|last|this|a\s+year)\b))", re.IGNORECASE)
_EN_MULTIPLES = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "twice": 2, "double": 2, "doubles": 2}
# "halved", "nearly halved", 减半, 减少一半: a fall of 50 %
HALVED = lazy_re(r"\b(?:halved|halving)\b|(?:减少|下降|降低|压减|削减)?(?:了)?一半(?![以多])|减半", re.IGNORECASE)
# "one in five", "two in five", "four in every ten", "1 in 4": a share in percent
_RATIO_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
                r"hundred|a\s+hundred|a\s+thousand")
RATIO_EN = lazy_re(rf"\b(?P<n>{_RATIO_WORDS}|\d{{1,3}})\s+(?:in|out\s+of)\s+(?:every\s+)?"
                   rf"(?P<d>{_RATIO_WORDS}|\d{{1,4}})\b(?![.,]\d|\s*(?:%|percent\b|per\s+cent\b))", re.IGNORECASE)
_RATIO_NEEDLE = lazy_re(rf"\b(?:in|out\s+of)\s+(?:every\s+)?(?:{_RATIO_WORDS}|\d{{1,4}})\b")
# "half a million", "a quarter of a million": a fraction of a magnitude
EN_FRACTION_MAG = lazy_re(r"\b(?P<f>half|a\s+quarter\s+of|three\s+quarters\s+of)\s+an?\s+"
                          r"(?P<m>million|billion|trillion)\b", re.IGNORECASE)
_FRACTION_MAG = {"half": Decimal("0.5"), "a quarter of": Decimal("0.25"), "three quarters of": Decimal("0.75")}
# Every EN_WORD match that becomes a token holds one of these words ("one" and "zero" never do); every
# MULTIPLE_EN or SHARE_EN match one of those (in the lower-cased text; one pass each).
_EN_WORD_NEEDLE = lazy_re("|".join(w for w in (*EN_UNITS, *EN_TENS) if w not in ("one", "zero")))
# "a hundred", "one million": where a spelled number begins with "a" (or with "one", which alone is no token)
A_SCALE = lazy_re(r"\b[Aa]\s+(?=(?i:hundred|thousand|million|billion|trillion)\b)")
_A_SCALE_NEEDLE = lazy_re(r"\b(?:a|one)\s+(?:hundred|thousand|million|billion|trillion|and\s+a\s+half|point)\b")
_EN_MULTIPLE_NEEDLE = lazy_re("|".join(_EN_MULTIPLES))
_SHARE_EN_NEEDLE = lazy_re("half|third|quarter|fifth|tenth")
_ILLION = lazy_re("illion")  # in each EN_FRACTION_MAG match (lower-cased)


@dataclass(slots=True)
class _Tok:
    """A number being read: its spans, value, unit and what the context says of it."""

    start: int  # span start: the number (or its currency prefix)
    end: int  # span end: after the unit
    num_start: int
    num_end: int
    q_start: int  # before a pre-qualifier
    after: int  # after post-qualifiers
    value: Decimal
    precision: Decimal
    num_text: str
    unit: Unit | None = None
    unit_text: str = ""
    unit_loose: bool = False
    qualifier: str | None = None
    value_high: Decimal | None = None
    kind: str = "level"
    direction: str | None = None
    year: int | None = None
    baseline_year: int | None = None
    comparison: str | None = None
    group: int | None = None
    role: str | None = None
    cn_only: bool = False
    word: bool = False
    keep_unitless: bool = False  # fractions, 百分之
    to_verb: bool = False
    english: bool = False
    fixed: bool = False  # kind set by a special form (翻一番)


_SEMICOLON = lazy_re(r"[;；]")
_SEPARATOR = lazy_re(r"[,，;；:：、]")


@dataclass
class _Doc:
    """The text and its sentences, with memoized look-ups of the sentence and clause around an offset."""

    text: str
    sentences: Sequence[Sentence]
    starts: list[int]
    _semicolons: list[int] | None = None  # offsets of ; and ；, listed on first use
    _separators: list[int] | None = None  # offsets of clause separators, listed on first use
    clause_starts: dict[int, list[int]] = field(default_factory=dict)
    bounds: dict[int, tuple[int, int]] = field(default_factory=dict)  # sentence_bounds, memoized
    clause_cache: dict[int, int] = field(default_factory=dict)  # clause_start, memoized
    fronted: dict[int, tuple[int | None, bool]] = field(default_factory=dict)  # _fronted, by sentence start

    @property
    def semicolons(self) -> list[int]:
        if self._semicolons is None:
            self._semicolons = [m.start() for m in _SEMICOLON.finditer(self.text)]
        return self._semicolons

    @property
    def separators(self) -> list[int]:
        if self._separators is None:
            self._separators = [m.start() for m in _SEPARATOR.finditer(self.text)]
        return self._separators

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        b = self.bounds.get(pos)
        if b is None:
            b = self.bounds[pos] = self._sentence_bounds(pos)
        return b

    def _sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < max(self.sentences[i].end, self.sentences[i].start + 1):
            return self.sentences[i].start, self.sentences[i].end
        lo = self.text.rfind("\n", 0, pos) + 1
        hi = self.text.find("\n", pos)
        return lo, (len(self.text) if hi < 0 else hi)

    def part_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence piece between semicolons around ``pos``."""
        lo, hi = self.sentence_bounds(pos)
        semicolons = self.semicolons
        k = bisect.bisect_left(semicolons, pos)
        a = semicolons[k - 1] + 1 if k > 0 and semicolons[k - 1] >= lo else lo
        b = semicolons[k] if k < len(semicolons) and semicolons[k] < hi else hi
        return a, b

    def clause_start(self, pos: int) -> int:
        c = self.clause_cache.get(pos)
        if c is None:
            c = self.clause_cache[pos] = self._clause_start(pos)
        return c

    def _clause_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.sentences[i].clauses and self.sentences[i].start <= pos < self.sentences[i].end:
            starts = self.clause_starts.get(i)
            if starts is None:
                starts = [c.start for c in self.sentences[i].clauses]
                self.clause_starts[i] = starts
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0:
                return starts[k]
        lo, _ = self.sentence_bounds(pos)
        separators = self.separators
        k = bisect.bisect_left(separators, pos)
        return separators[k - 1] + 1 if k > 0 and separators[k - 1] >= lo else lo


# =============================================================================== API


def extract(text: str, sentences: Sequence[Sentence]) -> Extraction:
    """Every quantity and time expression of NORMALIZED ``text`` (offsets into it)."""
    sentences = sorted(sentences, key=lambda s: s.start)
    doc = _Doc(text, sentences, [s.start for s in sentences])
    times = find_times(text)
    mask = _blocked_mask(text, times)
    tokens, bare_years = _scan_tokens(doc, mask)
    times = _merge_times(times, bare_years)
    tokens = _merge_ranges(doc, tokens)
    for i, tok in enumerate(tokens):
        _classify(doc, tok, tokens, i)
    tokens = _apply_tables(doc, tokens)
    chains = _apply_lists(doc, tokens)
    _distribute_years(doc, chains, times)
    # the English passes only run when there is English to work on (a Chinese text has none)
    english = [t for t in tokens if t.english]
    english_bare = any(t.unit is None for t in english)
    if english_bare:
        _apply_subject_units(doc, english)  # first: "… days were down to 12, 37 fewer than …" lends its unit on
        _apply_of_which(doc, tokens)
    _apply_population(doc, tokens)
    _apply_index(doc, tokens)
    _apply_baselines(doc, tokens)
    if english:
        _apply_change_to(doc, tokens)
    _apply_groups(doc, tokens)
    if english_bare:
        _carry_units(doc, tokens)
    if "微克" in text or "μg" in text:
        _carry_cn_concentration(doc, tokens)
    if "-" in text or "−" in text or "－" in text:
        _apply_signs(doc, tokens)
    quantities = [_quantity(text, t) for t in tokens if _keep(t)]
    quantities.sort(key=lambda q: (q.start, q.end))
    return Extraction(tuple(quantities), tuple(sorted(times, key=lambda t: (t.start, t.end))))


# ============================================================================= times


def _cn_int(s: str) -> int | None:
    parsed = parse(s)
    if parsed is None or parsed.value != parsed.value.to_integral_value():
        return None
    return int(parsed.value)


def _en_int(s: str) -> int | None:
    low = fold(s)
    if low in ("a", "an", "one"):
        return 1
    if low.isdigit():
        return int(low)
    parsed = parse(low)
    return None if parsed is None else int(parsed.value)


def _valid_date(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    return d is None or 1 <= d <= 31


_Candidate = tuple[int, int, list[TimeExpr]]


def find_times(text: str) -> list[TimeExpr]:
    """All time expressions of ``text`` (non-overlapping, earliest and longest first)."""
    cands: list[_Candidate] = []
    year_starts: list[int] | None = None  # where a year not after a digit begins (see _YEAR_LED), on first use

    def add(m: re.Match[str], exprs: list[TimeExpr] | TimeExpr | None) -> None:
        if exprs is None:
            return
        if isinstance(exprs, TimeExpr):
            exprs = [exprs]
        if exprs:
            cands.append((m.start(), m.end(), exprs))

    def te(m: re.Match[str], kind: str, year: int | None = None, month: int | None = None, day: int | None = None,
           years: int | None = None) -> TimeExpr:
        return TimeExpr(m.start(), m.end(), m.group(0), kind, year, month, day, years)  # (TimeExpr's field order)

    def run(pattern: re.Pattern[str], fn: Callable[[re.Match[str]], list[TimeExpr] | TimeExpr | None]) -> None:
        if not _worth(pattern, text, lower, has_month):
            return
        if pattern.pattern in _YEAR_LED:
            nonlocal year_starts
            if year_starts is None:
                year_starts = [m.start() for m in _YEAR_START.finditer(text)]
            matches: Iterator[re.Match[str]] = _matches_at(pattern, text, year_starts)
        else:
            matches = chunks.finditer(pattern)
        for m in matches:
            add(m, fn(m))

    lower = text.lower()
    chunks = _Chunks(text, lower)
    has_month = _HAS_MONTH.search(text) is not None

    def date(m: re.Match[str], y: int | None, mo: int | None, d: int | None, kind: str = "date") -> TimeExpr | None:
        return te(m, kind, year=y, month=mo, day=d) if _valid_date(y, mo, d) else None

    run(T_CN_DATE, lambda m: date(m, int(m.group(1)), int(m.group(2)), int(m.group(3))))
    run(T_ISO_DATE, lambda m: date(m, int(m.group(1)), int(m.group(3)), int(m.group(4))))
    run(T_CN_SINCE_PREFIX, _cn_since_prefix)
    run(T_CN_SINCE_SUFFIX, lambda m: date(m, int(m.group(1)), _opt(m.group(2)), _opt(m.group(3)), "since"))
    run(T_CN_YEAR_MONTH, lambda m: date(m, int(m.group(1)), int(m.group(2)), None))
    run(T_CN_YEAR_RANGE, lambda m: [
        TimeExpr(m.start(1), m.end(1), m.group(1), "year", year=int(m.group(1))),
        TimeExpr(m.start(2), m.end(0), text[m.start(2):m.end(0)], "year", year=int(m.group(2)))])
    run(T_CN_YEAR, lambda m: te(m, "year", year=int(m.group(1))))
    run(T_CN_YEAR_NUMERAL, lambda m: _numeral_year(m))
    run(T_CN_MONTH_DAY, lambda m: date(m, None, int(m.group(1)), int(m.group(2))))
    run(T_CN_MONTH_RANGE, lambda m: [
        TimeExpr(m.start(1), m.end(1), m.group(1), "date", month=int(m.group(1))),
        TimeExpr(m.start(2), m.end(0), text[m.start(2):m.end(0)], "date", month=int(m.group(2)))]
        if _valid_date(None, int(m.group(1)), None) and _valid_date(None, int(m.group(2)), None) else None)
    run(T_CN_MONTH, lambda m: date(m, None, int(m.group(1)), None))
    run(T_CN_DAY, lambda m: date(m, None, None, int(m.group(1))))
    run(T_CN_RELATIVE, lambda m: te(m, "relative_year", month=_opt(m.group(2)), day=_opt(m.group(3)))
        if _valid_date(None, _opt(m.group(2)), _opt(m.group(3))) else None)
    run(T_CN_AGO, lambda m: _span(m, "ago", _cn_int(m.group(1))))
    run(T_CN_SPAN, lambda m: _span(m, "span", _cn_int(next(g for g in m.groups() if g))))
    run(T_CN_ANNIVERSARY, lambda m: _span(m, "anniversary", _cn_int(m.group(1))))
    run(T_CN_PLAN, _cn_plan)
    run(T_EN_MDY, lambda m: date(m, int(m.group(3)), _MONTHS[fold(m.group("mon").rstrip("."))], int(m.group(2))))
    run(T_EN_DMY, lambda m: date(m, int(m.group(3)), _MONTHS[fold(m.group("mon").rstrip("."))], int(m.group(1))))
    run(T_EN_MY, lambda m: date(m, int(m.group(2)), _MONTHS[fold(m.group("mon").rstrip("."))], None))
    run(T_EN_MD, lambda m: date(m, None, _MONTHS[fold(m.group("mon").rstrip("."))], int(m.group(2))))
    run(T_EN_DM, lambda m: date(m, None, _MONTHS[fold(m.group(2))], int(m.group(1))))
    run(T_EN_MONTH, lambda m: TimeExpr(m.start(1), m.end(1), m.group(1), "date", month=_MONTHS[fold(m.group(1))]))
    run(T_EN_SINCE, lambda m: te(m, "since", year=int(m.group(1))))
    run(T_EN_RELATIVE, lambda m: te(m, "relative_year"))
    run(T_EN_AGO, lambda m: _span(m, "ago", _en_years(m.group(1), m.group(2))))
    run(T_EN_SPAN, lambda m: _span(m, "span", _en_years(m.group(1) or "one", m.group(2)))
        if (m.group(1) or fold(m.group(2)).startswith("decade")) else None)
    run(T_EN_YEARS_OF, lambda m: _span(m, "span", _en_years(m.group(1), m.group(2))))
    run(T_EN_CONSECUTIVE, lambda m: _span(m, "span", _en_years(m.group(1), m.group(2) or m.group(3))))
    run(T_EN_ANNIVERSARY, lambda m: _span(m, "anniversary", int(m.group(1)) if m.group(1)
                                          else _ORDINAL_WORDS[fold(m.group(2))]))
    run(T_EN_PLAN, lambda m: te(m, "plan"))
    return _select(cands)


# Units that are the start of a longer unit (个 -> 个百分点, 千瓦 -> 千瓦时): cut short by a garble, they mislead.
_UNIT_PREFIXES = {o[:k] for o in CJK_UNITS for k in range(1, len(o))}
_LONGER_UNIT = {w: True for w in CJK_UNITS if w in _UNIT_PREFIXES}
# "\b(?:Jan|…|Dec)" found or not (the boundary checked behind the three letters)
_HAS_MONTH = lazy_re(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?<!\w\w\w\w)")
_HAS_7_DIGITS = lazy_re(r"\d{7}")
# Patterns that begin with a year not after a digit (_Y_AFTER_NON_DIGIT or the stricter _Y_AFTER_NON_NUMBER): each
# match begins where _YEAR_START matches (its matches cannot overlap: a year inside another follows a digit),
# so those patterns are tried there only (see _matches_at) instead of at every 1 and 2 of the text.
_YEAR_START = lazy_re(_Y_AFTER_NON_DIGIT)
_YEAR_LED = frozenset(p.pattern for p in (T_CN_DATE, T_ISO_DATE, T_CN_SINCE_SUFFIX, T_CN_YEAR_MONTH, T_CN_YEAR_RANGE,
                                          T_CN_YEAR))
# A pattern only runs when the text holds one of these strings (a cheap pre-check; the
# month patterns need a month name, see _HAS_MONTH). Keys are pattern sources.
_NEEDLES: dict[str, tuple[str, ...]] = {
    **{p.pattern: ("年",) for p in (T_CN_DATE, T_CN_SINCE_PREFIX, T_CN_SINCE_SUFFIX, T_CN_YEAR_MONTH, T_CN_YEAR_RANGE,
                                    T_CN_YEAR, T_CN_YEAR_NUMERAL, T_CN_RELATIVE, T_CN_AGO, T_CN_SPAN)},
    **{p.pattern: ("月",) for p in (T_CN_MONTH_DAY, T_CN_MONTH_RANGE, T_CN_MONTH)},
    T_CN_DAY.pattern: ("日",), T_CN_ANNIVERSARY.pattern: ("周年",), T_CN_PLAN.pattern: ("十",),
    T_EN_SINCE.pattern: ("since",), T_EN_RELATIVE.pattern: ("year",), T_EN_AGO.pattern: ("ago",),
    T_EN_SPAN.pattern: ("decade", "years"), T_EN_ANNIVERSARY.pattern: ("anniversary",),
    T_EN_YEARS_OF.pattern: ("years of", "decades of"),
    T_EN_CONSECUTIVE.pattern: ("consecutive years", "straight years", "successive years", "years in a row",
                               "years running"),
    T_EN_PLAN.pattern: ("five-year",), B_URL.pattern: ("http", "www", "@"),
    B_CLOCK.pattern: (":", "点", "时", "am", "pm", "a.m", "p.m"), B_TITLE.pattern: ("《",),
    B_FOOTNOTE.pattern: ("[",), B_LABEL.pattern: ("号",), B_OTHER_AGO.pattern: ("ago",),
}
_MONTH_PATTERNS = frozenset(p.pattern for p in (T_EN_MDY, T_EN_DMY, T_EN_MY, T_EN_MD, T_EN_DM, T_EN_MONTH))

# Chunks: none of the patterns below can match (or look at, past its ends) one of these characters, so each
# match lies inside one piece of text between two of them, and holds one of the pattern's "required" strings.
# A pattern then runs only over the pieces that hold one (a fraction of the text for 月, 日, 周年, 号...):
# finditer over those pieces yields exactly what it yields over the whole text.
_MON_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # of _MON
_CHUNK_SEP = lazy_re(r"[，,。；;！？!?、]")
_SPAN_REQUIRED = (  # a lead word of T_CN_SPAN's first form, 年来/年间/年以来, or 年 before a change verb
    "这", "近", "过去", "连续", "为期", "提前", "历时", "历经", "用了", "年来", "年间", "年以来",
    "年下", "年增", "年减", "年降", "年提", "年上", "年累")
_REQUIRED: dict[str, tuple[str, ...]] = {
    **{p.pattern: ("月",) for p in (T_CN_MONTH_DAY, T_CN_MONTH_RANGE, T_CN_MONTH)},
    T_CN_DAY.pattern: ("日",), T_CN_AGO.pattern: ("前",), T_CN_ANNIVERSARY.pattern: ("周年",),
    **{p.pattern: tuple(_MON_FULL.split("|")) for p in (T_EN_MONTH, T_EN_DM)},
    **{p.pattern: _MON_PREFIXES for p in (T_EN_DMY, T_EN_MY)},  # (T_EN_MDY's match may hold a comma)
    T_CN_PLAN.pattern: ("五",), B_LABEL.pattern: ("号",),
}
# Case-insensitive patterns: required strings of the lower-cased text (when lower-casing keeps every offset,
# i.e. the text holds none of the four characters that match an ASCII letter only under IGNORECASE).
_REQUIRED_LOWER: dict[str, tuple[str, ...]] = {
    T_EN_AGO.pattern: ("ago",), B_OTHER_AGO.pattern: ("ago",), T_EN_SPAN.pattern: ("past", "last", "previous"),
    T_EN_RELATIVE.pattern: ("year",), T_EN_SINCE.pattern: ("since",), T_EN_ANNIVERSARY.pattern: ("anniversary",),
    T_EN_PLAN.pattern: ("five-year",), T_EN_YEARS_OF.pattern: ("years of", "decades of"),
    T_EN_CONSECUTIVE.pattern: ("consecutive years", "straight years", "successive years", "years in a row",
                               "years running"),
}
# How each chunked pattern finds its pieces: (where to look, required strings: one of them, and this one too).
_ChunkSpec = tuple[str, tuple[str, ...], str]
_CHUNK_SPECS: dict[str, _ChunkSpec] = {
    **{src: ("text", needles, "") for src, needles in _REQUIRED.items()},
    **{src: ("lower", needles, "") for src, needles in _REQUIRED_LOWER.items()},
    T_CN_SPAN.pattern: ("text", _SPAN_REQUIRED, "年"),  # each of its forms holds 年 as well
    B_PHONE.pattern: ("phone", (), ""),
    # the gated names that hold a number (no separator in a match; each holds its fixed word)
    B_AVERAGING.pattern: ("lower", ("小时", "hour"), ""),
    B_DAY_HOUR.pattern: ("text", ("时", "点"), ""),
    B_TOP_LIST.pattern: ("text", ("强",), ""),
    B_PLACE_NUMERAL.pattern: ("text", ("县", "省"), ""),
}
# Alternations scanned part by part (see _first_of).
_SPLIT: dict[str, Sequence[re.Pattern[str]]] = {T_CN_SPAN.pattern: T_CN_SPAN_PARTS, B_CLOCK.pattern: B_CLOCK_PARTS}
_CASE_FOLD_EXOTIC = ("\u0130", "\u0131", "\u212a", "\u017f")  # İ ı K(elvin) ſ
# B_PHONE: seven digits in a row, or the dashes of 555-123-4567.
_PHONE_REQUIRED = lazy_re(r"[\d-](?:(?<=-)|\d{6})")  # \d{7}|- (where it starts), found at C speed


def _exotic(text: str) -> bool:
    """Does ``text`` hold a character that matches an ASCII letter only case-insensitively?"""
    return any(c in text for c in _CASE_FOLD_EXOTIC)


class _Chunks:
    """The pieces of one text that a chunked pattern needs to scan (see _REQUIRED)."""

    def __init__(self, text: str, lower: str | None = None) -> None:
        self.text = text
        self._reversed: str | None = None  # to find the separator before an offset at C speed
        self._lower = lower  # text.lower()
        self._ranges: dict[_ChunkSpec, list[tuple[int, int]] | None] = {}

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, scanning only the pieces that can hold a match."""
        text = self.text
        source = pattern.pattern
        spec = _CHUNK_SPECS.get(source)
        ranges = None
        if spec is not None:
            if spec in self._ranges:
                ranges = self._ranges[spec]
            else:
                ranges = self._ranges[spec] = self._pieces(*spec)
        if ranges is None:
            ranges = [(0, len(text))]
        parts = _SPLIT.get(source)
        for lo, hi in ranges:
            if parts is None:
                yield from pattern.finditer(text, lo, hi)
            else:
                yield from _first_of(parts, text, lo, hi)

    def _piece(self, i: int) -> tuple[int, int]:
        """The piece around offset ``i`` (not a separator): from after the separator before it to the separator
        after it, included (the separator is seen by look-aheads, never matched)."""
        text = self.text
        n = len(text)
        after = _CHUNK_SEP.search(text, i)
        rev = self._reversed
        if rev is None:
            rev = self._reversed = text[::-1]
        before = _CHUNK_SEP.search(rev, n - i)  # rev[n - 1 - j] is text[j]
        return (n - before.start() if before else 0), (after.start() + 1 if after else n)

    def _pieces(self, mode: str, needles: tuple[str, ...], also: str) -> list[tuple[int, int]] | None:
        """The pieces holding one of ``needles`` and ``also``, adjacent ones merged (None: the whole text)."""
        text = self.text
        hay = text
        if mode == "phone":
            finder = _PHONE_REQUIRED
        else:
            if mode == "lower":
                if _exotic(text):
                    return None
                hay = self._lower = text.lower() if self._lower is None else self._lower
            found = _NEEDLE_FINDERS.get(needles)
            if found is None:
                found = _NEEDLE_FINDERS[needles] = re.compile("|".join(re.escape(n) for n in needles))
            finder = found
        out: list[tuple[int, int]] = []
        pos = 0
        while (m := finder.search(hay, pos)) is not None:
            lo, hi = self._piece(m.start())
            pos = hi  # the next piece (no needle holds a separator)
            if also and hay.find(also, lo, hi) < 0:
                continue
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
        return out


_NEEDLE_FINDERS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _first_of(parts: Sequence[re.Pattern[str]], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """What ``finditer`` of the alternation ``parts[0]|parts[1]|…`` yields over ``text[lo:hi]``: the leftmost
    match each time, the earlier part winning a tie, the next search after its end (no part matches empty).
    Each part on its own can begin with what it consumes, which lets the regex engine skip ahead."""
    parts = [compiled(p) for p in parts]
    found = [p.search(text, lo, hi) for p in parts]
    pos = lo
    while True:
        best: re.Match[str] | None = None
        for k, m in enumerate(found):
            if m is not None and m.start() < pos:
                m = found[k] = parts[k].search(text, pos, hi)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        yield best
        pos = best.end()


def _matches_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields when every match of ``pattern`` begins at one of ``starts`` (in
    order): the first match at a start, then the next one at or after its end (no match is empty)."""
    match = compiled(pattern).match
    end = 0
    for pos in starts:
        if pos >= end and (m := match(text, pos)) is not None:
            yield m
            end = m.end()


def _worth(pattern: re.Pattern[str], text: str, lower: str, has_month: bool) -> bool:
    if pattern.pattern in _MONTH_PATTERNS:
        return has_month
    if pattern is B_PHONE:
        return _HAS_7_DIGITS.search(text) is not None
    needles = _NEEDLES.get(pattern.pattern)
    if needles is None:
        return True
    return any(map(lower.__contains__, needles))  # (no generator: C speed)


def _opt(s: str | None) -> int | None:
    return int(s) if s else None


def _en_years(n: str, unit: str) -> int | None:
    count = _en_int(n)
    if count is None:
        return None
    return count * 10 if fold(unit).startswith("decade") else count


def _span(m: re.Match[str], kind: str, years: int | None) -> TimeExpr | None:
    if years is None or years <= 0 or years > 200:
        return None
    return TimeExpr(m.start(), m.end(), m.group(0), kind, years=years)


def _numeral_year(m: re.Match[str]) -> TimeExpr | None:
    year = _cn_int(m.group(1))
    if year is None or not 1900 <= year <= 2100:
        return None
    return TimeExpr(m.start(), m.end(), m.group(0), "year", year=year)


def _cn_since_prefix(m: re.Match[str]) -> TimeExpr | None:
    prefix, suffix = m.group(1), m.group(5)
    if prefix == "从" and not suffix:
        return None  # 从2014年的35…: a from-year, not "since"
    month, day = _opt(m.group(3)), _opt(m.group(4))
    if not _valid_date(None, month, day):
        return None
    return TimeExpr(m.start(), m.end(), m.group(0), "since", year=int(m.group(2)), month=month, day=day)


def _cn_plan(m: re.Match[str]) -> TimeExpr:
    n = 10 + "一二三四五".index(m.group(1)) + 1
    suffix = m.group(2) or ""
    year = None
    if suffix in ("末", "期末"):
        year = 1955 + 5 * n
    elif suffix in ("初", "期初"):
        year = 1951 + 5 * n
    return TimeExpr(m.start(), m.end(), m.group(0), "plan", year=year)


def _select(cands: list[_Candidate]) -> list[TimeExpr]:
    cands.sort(key=lambda c: (c[0], -c[1]))
    out: list[TimeExpr] = []
    last_end = -1
    for start, end, exprs in cands:
        if start < last_end:
            continue
        out.extend(exprs)
        last_end = end
    return out


def _merge_times(times: list[TimeExpr], extra: list[TimeExpr]) -> list[TimeExpr]:
    if not extra:
        return times
    taken = [(t.start, t.end) for t in times]
    out = list(times)
    for t in extra:
        if not any(a < t.end and t.start < b for a, b in taken):
            out.append(t)
    return out


# ===================================================================== blocked spans


def _blocked_mask(text: str, times: Sequence[TimeExpr]) -> bytearray:
    mask = bytearray(len(text) + 1)

    def block(a: int, b: int) -> None:
        mask[a:b] = b"\x01" * (b - a)

    for t in times:
        block(t.start, t.end)
    lower = text.lower()
    chunks = _Chunks(text, lower)
    for pattern in (B_URL, B_CLOCK, B_PHONE, B_TITLE, B_FOOTNOTE, B_LIST_MARKER, B_LABEL, B_OTHER_AGO):
        if not _worth(pattern, text, lower, True):
            continue
        if pattern is B_LIST_MARKER:
            # "(?m)^…" tries every position; the same matches are the one at the start and those after a "\n"
            m0 = B_LIST_MARKER.match(text)
            if m0:
                block(m0.start(), m0.end())
            for m in B_LIST_MARKER_NL.finditer(text):
                block(m.start() + 1, m.end())
            continue
        for m in chunks.finditer(pattern):
            block(m.start(), m.end())
    for needle, pattern in ((", not ", B_RETRACTED_EN), ("而不是", B_RETRACTED_CN), ("而非", B_RETRACTED_CN),
                            ("并非", B_RETRACTED_CN)):
        if needle in lower:
            for m in pattern.finditer(text):
                if _FIGURE_BEFORE.search(text, max(0, m.start() - 49), m.start()):
                    block(m.start(1), m.end(1))
            if pattern is B_RETRACTED_CN:
                break
    if "元以上" in text or "元及以上" in text:
        for m in B_THRESHOLD_LABEL_CN.finditer(text):
            block(m.start(1), m.end(1))
    if "吨级" in text:
        for m in B_CLASS_LABEL_CN.finditer(text):
            block(m.start(), m.end())
    if "-ton" in lower or "-dwt" in lower or "-t " in lower:
        for m in B_CLASS_LABEL_EN.finditer(text):
            block(m.start(), m.end())
    if "+" in text:
        for m in B_INTL_PHONE.finditer(text):
            if m.start() == 0 or not text[m.start() - 1].isalnum():
                block(m.start(), m.end())
    # names that hold a number (gated: each scan runs only where its fixed word occurs)
    if "小时" in text or "hour" in lower:
        for m in chunks.finditer(B_AVERAGING):
            block(m.start(), m.end())
    if "micro" in lower or "微米" in text or "μm" in text or "µm" in text:
        for m in chunks.finditer(B_PARTICLE_SIZE):
            # only next to what it defines (a bounded look each way): "a drill bit 10 microns wide" is a size
            near = lower[max(0, m.start() - 120):m.end() + 120]
            if "particl" in near or "颗粒" in near or PARTICLE_NAME.search(near):
                block(m.start(), m.end())
    if "code" in lower or "zip" in lower or "邮" in text:
        for m in chunks.finditer(B_POSTCODE):
            block(m.start(1), m.end(1))
    if " read" in lower:
        for m in chunks.finditer(B_READ_TIME):
            block(m.start(), m.end())
    if "时速" in text or "speed" in lower:
        for m in B_DESIGN_SPEED.finditer(text):
            block(m.start(), m.end())
    if "阅读" in text or "相关" in text or "related" in lower or "read more" in lower or "see also" in lower:
        for m in B_TEASERS.finditer(text):
            block(m.start(), m.end())
    if "日" in text or "号" in text:
        for m in chunks.finditer(B_DAY_HOUR):
            block(m.start(1), m.end())
    if "强" in text:
        for m in chunks.finditer(B_TOP_LIST):
            block(m.start(1), m.end(1))
    if "县" in text or "省" in text:
        for m in chunks.finditer(B_PLACE_NUMERAL):
            block(m.start(1), m.end(1))
    return mask


# ============================================================================ tokens


def _scan_tokens(doc: _Doc, mask: bytearray) -> tuple[list[_Tok], list[TimeExpr]]:
    text = doc.text
    tokens: list[_Tok] = []
    years: list[TimeExpr] = []
    pos = 0
    search = RUN.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        s, me = m.span()
        if me - s == 1:
            e = skip_to = me  # what _trim_run says of one character
        else:
            run = text[s:me]
            if run.isascii() and run[-1] != "." and run.replace(".", "", 1).isdigit():
                e = skip_to = me  # ... and of 2014 or 38.6
            else:
                e, skip_to = _trim_run(text, s, me)
        pos = skip_to if skip_to > s else s + 1
        # Only an untrimmed overlong run is skipped whole; matching the tail of a trimmed one rescans the rest of the
        # run for every token it yields (quadratic on "1,1,1,…").
        if me - s == MAX_RUN and e == me:
            tail = RUN_TAIL.match(text, me)
            if tail is not None and tail.end() > me:
                pos = tail.end()  # an overlong run: skip all of it
                continue
        if e <= s or mask[s]:
            continue  # (_make_token refuses a blocked start)
        tok = _make_token(doc, mask, s, e, years)
        if tok is not None:
            tokens.append(tok)
            if tok.after > pos:
                pos = tok.after
    # The English scans below only run when the text holds a word they need (exact: see _exotic).
    exotic = _exotic(text)
    lower = "" if exotic else text.lower()
    if exotic or _EN_WORD_NEEDLE.search(lower) or _A_SCALE_NEEDLE.search(lower):
        # A number spelled in words is read whole from its first word ("a hundred and sixty-two"), and none of
        # its words begins another ("sixty-two" is no number of its own there)
        starts = [m.start() for m in (EN_WORD if exotic else EN_WORD_FAST).finditer(text)]
        if exotic or "a" in lower:
            starts.extend(m.start() for m in A_SCALE.finditer(text))
            starts.sort()
        consumed = -1
        for s in starts:
            if s < consumed or mask[s]:
                continue
            spelled = spelled_number(text, s)
            if spelled is None:
                continue
            consumed = spelled[0]
            if fold(text[s:consumed]) in ("one", "zero"):
                continue
            tok = _make_word_token(doc, s, spelled[0], spelled[1])
            if tok is not None:
                tokens.append(tok)
    for m in MULTIPLE_CN.finditer(text):
        if mask[m.start()]:
            continue
        n = m.group(1)
        times = _cn_int(n) if n else 1
        if times is None or times > 6:
            continue
        tokens.append(_Tok(m.start(), m.end(), m.start(), m.end(), m.start(), m.end(), Decimal(2) ** times,
                           Decimal(0), m.group(0), unit=BEI, unit_text="番", kind="multiple", fixed=True))
    if exotic or _EN_MULTIPLE_NEEDLE.search(lower):
        for m in (MULTIPLE_EN.finditer(text) if exotic else _near(MULTIPLE_EN, _EN_MULTIPLE_NEEDLE, text, lower)):
            if mask[m.start()]:
                continue
            tok = _Tok(m.start(), m.end(), m.start(), m.end(), m.start(), m.end(),
                       Decimal(_EN_MULTIPLES[fold(m.group(1))]), Decimal(0), m.group(0), unit=TIMES,
                       unit_text=m.group(1), kind="multiple", fixed=True, english=True)
            _pre_qualifier(text, tok)  # "more than tripled", "nearly twice"
            tokens.append(tok)
    if exotic or "halv" in lower or "一半" in text or "减半" in text:
        tokens.extend(_halved_tokens(text, mask))
    # (each _RATIO_NEEDLE match begins with "in" or "out": a C-speed test first; the scan resumes at the first one)
    first = None if exotic or ("in" not in lower and "out" not in lower) else _RATIO_NEEDLE.search(lower)
    if exotic or first is not None:
        tokens.extend(_ratio_tokens(text, lower, mask, exotic, first.start() if first is not None else 0))
    if exotic or ("illion" in lower and ("quarter" in lower or "half" in lower)):
        tokens.extend(_fraction_mag_tokens(doc, mask, lower, exotic))
    if exotic or _SHARE_EN_NEEDLE.search(lower):
        for m in (SHARE_EN.finditer(text) if exotic else _near(SHARE_EN, _SHARE_EN_NEEDLE, text, lower)):
            tok = _share_token(text, m, english=True)
            if tok is not None and not mask[m.start("f")]:
                tokens.append(tok)
    if "一半" in text:
        for m in SHARE_CN.finditer(text):
            tok = _share_token(text, m, english=False)
            if tok is not None and not mask[m.start("f")]:
                tokens.append(tok)
    tokens.sort(key=lambda t: (t.start, -t.end))  # of two tokens at one place the longer ("three-quarters", 一半)
    deduped: list[_Tok] = []
    for t in tokens:
        if deduped and t.start < deduped[-1].end:
            continue
        deduped.append(t)
    return deduped, years


def _halved_tokens(text: str, mask: bytearray) -> list[_Tok]:
    """"halved", "nearly halved", 减半, 下降一半: a change of 50 %, down."""
    out: list[_Tok] = []
    for m in HALVED.finditer(text):
        if mask[m.start()]:
            continue
        word = m.group(0)
        english = word.isascii()
        if not english and word.startswith("一半"):
            continue  # a bare 一半 is a share (SHARE_CN), not a change
        tok = _Tok(m.start(), m.end(), m.start(), m.end(), m.start(), m.end(), Decimal(50), Decimal(0), word,
                   unit=PERCENT, unit_text=word, kind="change", direction="down", fixed=True, english=english)
        _pre_qualifier(text, tok)  # "nearly halved", 近减半
        out.append(tok)
    return out


def _ratio_value(word: str) -> int | None:
    w = re.sub(r"\s+", " ", fold(word))
    if w.isdigit():
        return int(w)
    if w in ("hundred", "a hundred"):
        return 100
    if w == "a thousand":
        return 1000
    return EN_UNITS.get(w) or EN_TENS.get(w)


def _ratio_matches(text: str, lower: str, exotic: bool, first: int = 0) -> Iterator[re.Match[str]]:
    """RATIO_EN's matches: each holds a match of _RATIO_NEEDLE (its "in ... five" part), so only the few
    characters around those are scanned (the number before it is at most 12 characters long). ``first``: where
    the first needle begins (none before it)."""
    if exotic:
        yield from RATIO_EN.finditer(text)
        return
    last = -1
    for nm in _RATIO_NEEDLE.finditer(lower, first):
        m = RATIO_EN.search(text, max(0, nm.start() - 16, last), min(len(text), nm.end() + 16))
        if m is not None and m.start() >= last:
            last = m.end()
            yield m


def _ratio_tokens(text: str, lower: str, mask: bytearray, exotic: bool, first: int = 0) -> list[_Tok]:
    """"one in five", "Nearly four in every ten", "1 in 4": a share in percent (as "a fifth" is)."""
    out: list[_Tok] = []
    for m in _ratio_matches(text, lower, exotic, first):
        if mask[m.start()] or mask[m.start("d")]:
            continue
        if m.start() > 0 and text[m.start() - 1] in "-.,$":
            continue
        n, d = _ratio_value(m.group("n")), _ratio_value(m.group("d"))
        if n is None or d is None or not 0 < n < d or d > 1000:
            continue
        exact = Decimal(100 * n) / Decimal(d)
        value = exact.quantize(Decimal("0.1"))
        tok = _Tok(m.start(), m.end(), m.start(), m.end(), m.start(), m.end(), clean(value),
                   Decimal("0.05") if value != exact else Decimal(0), m.group(0), unit=PERCENT,
                   unit_text=m.group(0), english=True, keep_unitless=True)
        _pre_qualifier(text, tok)  # "fewer than one in five"
        out.append(tok)
    return out


def _fraction_mag_tokens(doc: _Doc, mask: bytearray, lower: str, exotic: bool) -> list[_Tok]:
    """"half a million people", "a quarter of a billion yuan": the fraction times the magnitude, with the unit after
    it (none: a bare figure, counted by what the sentence says of it). Each match is words and white space
    holding "illion": only the pieces around those are scanned (see _near)."""
    text = doc.text
    out: list[_Tok] = []
    for m in EN_FRACTION_MAG.finditer(text) if exotic else _near(EN_FRACTION_MAG, _ILLION, text, lower):
        if mask[m.start()]:
            continue
        factor = _FRACTION_MAG[re.sub(r"\s+", " ", fold(m.group("f")))]
        mag = Decimal({"million": 10**6, "billion": 10**9, "trillion": 10**12}[fold(m.group("m"))])
        value = clean(factor * mag)
        um = match_unit(text, m.end(), fallback=False)
        if um is not None and um.loose:
            um = None
        tok = _Tok(m.start(), um.end if um else m.end(), m.start(), m.end(), m.start(), um.end if um else m.end(),
                   value, Decimal(0), m.group(0), unit=um.unit if um else None, unit_text=um.written if um else "",
                   word=True, english=True)
        if um is not None and um.unit.scale != 1:
            tok.value = clean(tok.value * um.unit.scale)
        _pre_qualifier(text, tok)
        out.append(tok)
    return out


# A character that no match of SHARE_EN or MULTIPLE_EN holds (letters, white space and hyphens only; their
# look-arounds may see one next to the match).
_NOT_IN_WORDS = lazy_re(r"[^\w\s-]")


def _near(pattern: re.Pattern[str], needle: re.Pattern[str], text: str, lower: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match lies between two _NOT_IN_WORDS characters and
    holds a match of ``needle`` in ``lower`` (``text.lower()``, same offsets): only the pieces of text between
    two such characters that hold a needle are scanned."""
    n = len(text)
    rev: str | None = None
    pos = 0
    while (m := needle.search(lower, pos)) is not None:
        i = m.start()
        after = _NOT_IN_WORDS.search(text, i)
        hi = after.start() + 1 if after is not None else n  # (the character after is seen by look-aheads)
        if rev is None:
            rev = text[::-1]
        before = _NOT_IN_WORDS.search(rev, n - i)  # rev[n - 1 - j] is text[j]
        yield from pattern.finditer(text, n - before.start() if before is not None else 0, hi)
        pos = hi


def _trim_run(text: str, s: int, e: int) -> tuple[int, int]:
    """The number's real end inside a character run, and where scanning resumes."""
    resume = e
    i = s
    dots = 0
    while i < e:
        c = text[i]
        if c == ",":
            ok = (i > s and text[i - 1].isdigit() and text[i - 1].isascii() and i + 3 < len(text) + 1
                  and text[i + 1: i + 4].isdigit() and text[i + 1: i + 4].isascii()
                  and not (i + 4 < len(text) and text[i + 4].isdigit()))
            if not ok:
                return i, i + 1
        elif c == ".":
            if not (i > s and text[i - 1].isdigit() and i + 1 < e and text[i + 1].isdigit()):
                return i, i + 1
            dots += 1
            if dots > 1:
                return s, resume  # 1.2.3: a version or section number
        elif c in CN_NUM and i > s and text[i - 1].isdigit():
            dots = 0
        i += 1
    # a trailing 千 that begins a unit (千瓦, 千伏, 千米, 千克), a 百 that begins 百分点 (a 千, 千分点)
    if e - s > 1 and text[e - 1] == "千" and e < len(text) and text[e] in "瓦伏米克焦卡帕":
        e -= 1
    if e - s > 1 and text[e - 1] in "百千" and text.startswith("分点", e):
        e -= 1  # (and a 千 that begins 千分点, per-mille points)
    return e, max(e, s + 1) if resume == e else resume


CN_AFTER_TRILLION = lazy_re(r"零?\d{1,4}(?:\.\d{1,4})?[亿万]")  # the rest of 126兆582亿元
CN_DECIMALS = lazy_re(r"[〇零一二三四五六七八九]+[万亿]?")


_ASCII_DIGITS = "0123456789"
_ASCII_DIGIT = lazy_re(r"[0-9]")
_ID_BEFORE = lazy_re(r"(?:第\s|\bNo\.?\s?|\bno\.\s?|\bNumber\s)$")  # needs 第, N or n
# "Table 1", "Figure 2", "Chart 3", "见表2", "如图1": a label of the article's own figures, not an amount
LABEL_BEFORE = lazy_re(r"(?:\b(?:Table|Figure|Fig\.|Chart|Graph|Exhibit|Map|Box|Appendix|Annex|Chapter|Section|"
                       r"Article|Part)[ \t]?|(?:见|如|据|附)[表图][ \t]?)$")
_LABEL_LAST = frozenset("e.thpxrn表图")  # the last characters of LABEL_BEFORE's words (then a space or a tab)
# "the top 10", "in the bottom 20": a rank (as 前3位), not an amount
EN_RANK_BEFORE = lazy_re(r"\b(?:top|bottom)[ \t]+$", re.IGNORECASE)
# "3 charts", "five photos": the article's own graphics, not an amount
_MEDIA_UNITS = frozenset(("chart", "graph", "graphic", "infographic", "photo", "picture", "image", "video",
                          "slide", "takeaway"))
_CURRENCY_LAST = frozenset("$¥￥€£BDYR")  # the last characters of CURRENCY_PREFIX's alternatives
_SPACE_DIGIT = lazy_re(r"\s*\d")
_SINCE_BEFORE = lazy_re(r"(?:\bsince|自)\s*$", re.IGNORECASE)


_LETTERISH = lazy_re(r"[^\W\d_]")  # every letter (str.isalpha) and a few more such as ² or ½: checked after


def _english_context(text: str, s: int, e: int) -> bool:
    """Is the number written in English? The nearest letter before it (else after it) decides:
    ``(2个接口)`` and ``,100%`` are Chinese although an ASCII character precedes the digits."""
    if s > 0 and text[s - 1].isalpha():
        return text[s - 1].isascii()  # the usual case, decided by the character before
    before = text[(s - 23 if s > 23 else 0):s]  # the 23 characters before, the 24 after
    after = text[e:e + 24]
    if before.isascii() and after.isascii():
        return True  # whichever letter decides is ASCII, and no letter at all means English too
    for m in _LETTERISH.finditer(before[::-1]):
        if m.group().isalpha():
            return m.group().isascii()
    for m in _LETTERISH.finditer(after):
        if m.group().isalpha():
            return m.group().isascii()
    return True


def _unit_after(doc: _Doc, pos: int, *, cjk_only: bool, english: bool) -> UnitMatch | None:
    text = doc.text
    if text[pos:pos + 1] == "个" and text.startswith("个多月", pos):
        return UnitMatch(pos, pos + 3, "个多月", CJK_UNITS["个月"])
    um = match_unit(text, pos, fallback=english)
    if um is None:
        return _energy_du(doc, pos) if text[pos:pos + 1] == "度" and not english and not cjk_only else None
    if cjk_only and (um.written.isascii() or um.written not in CJK_UNITS):
        return None
    if um.loose and not english:
        return None
    if FFFD in text[um.start:um.end]:
        return None
    return um


def _make_token(doc: _Doc, mask: bytearray, s: int, e: int, years: list[TimeExpr]) -> _Tok | None:
    text = doc.text
    if mask[s]:
        return None
    raw = text[s:e]
    before = text[s - 1] if s > 0 else ""
    cn_only = raw[0] not in _ASCII_DIGITS and _ASCII_DIGIT.search(raw) is None  # (raw holds RUN characters)
    ascii_only = raw.isascii()
    # identifiers, ordinals, formulas
    if before == FFFD or (e < len(text) and text[e] == FFFD):
        return None
    if before.isascii() and before.isalpha():
        return None  # PM2.5, G109, S310
    if s >= 2 and before in "-‐" and text[s - 2].isascii() and text[s - 2].isalpha():
        return None  # COVID-19
    sign = ""
    if before and before in _SIGNS and (s < 2 or text[s - 2] in _SIGN_LEADS):
        sign = before  # | -64.2% |, (+12.4%), "GDP: +5.2%": a signed change (a range 3-5% has a digit before)
    elif before == "+" or (e < len(text) and text[e] == "+"):
        return None  # 3+3+N, 2+26, GMT+8
    if before in ("第", "#"):
        return None
    w8 = text[(s - 8 if s > 8 else 0):s]
    if ("第" in w8 or "N" in w8 or "n" in w8) and _ID_BEFORE.search(w8):
        return None
    if (s > 1 and before in " \t表图" and (before in "表图" or text[s - 2] in _LABEL_LAST)
            and LABEL_BEFORE.search(text, max(0, s - 9), s)):
        return None
    if ascii_only and len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return None  # 0313: a code
    if cn_only and before in _IMPRECISE_LAST and CN_IMPRECISE_BEFORE.search(text[(s - 2 if s > 2 else 0):s]):
        return None  # 数十, 几百, 上千, 星期一
    if cn_only and all(c in "零〇" for c in raw):
        return None  # 零部件
    if cn_only and raw[0] in "百千万亿" and all(c in "百千万亿" for c in raw) and not text.startswith("分之", e):
        return None  # 千家万户, 百姓, 亿元以上: a bare magnitude is not a number
    number_text = raw
    end = e
    qualifier: str | None = None
    keep_unitless = False
    # fractions: 十分之一, 百分之五十, 千分之五
    percent_number = False
    if text.startswith("分之", end):
        m2 = RUN.match(text, end + 2)
        if m2 is None:
            return None
        e2, _ = _trim_run(text, m2.start(), m2.end())
        number_text = text[s:e2]
        end = e2
        keep_unitless = True
        percent_number = raw in ("百", "千")
    elif cn_only and text.startswith("点", end) and end + 1 < len(text) and text[end + 1] in "〇零一二三四五六七八九":
        m2 = CN_DECIMALS.match(text, end + 1)
        if m2:
            number_text = text[s:m2.end()]
            end = m2.end()
    # 10余万, 300多万: the qualifier sits between the digits and the magnitude
    if end + 1 < len(text) and text[end] in "余多" and text[end + 1] in "十百千万亿" and not cn_only:
        j = end + 1
        while j < len(text) and j < end + 3 and text[j] in "十百千万亿":
            j += 1
        number_text = text[s:end] + text[end + 1:j]
        qualifier = "at_least"
        end = j
    nxt = text[end:end + 1]
    if nxt == "兆":
        rest = CN_AFTER_TRILLION.match(text, end + 1)
        if rest is not None and _trillion_before_unit(doc, rest.end()):
            number_text = text[s:rest.end()]  # 126兆582亿元 (Taiwan): 10^12 and 10^8 parts of one amount
            end = rest.end()
            nxt = text[end:end + 1]
        elif _trillion_before_unit(doc, end + 1):
            number_text += "兆"  # 10.4兆元 (Taiwan): 10^12
            end += 1
            nxt = text[end:end + 1]
    english = ascii_only and _english_context(text, s, e)
    if ascii_only and nxt == "-" and EN_SCALE_LABEL.match(text, end):
        return None  # "a 100-billion-yuan industry": a scale label (千亿级), not an amount
    if ascii_only and not keep_unitless and nxt and (nxt in "hHtTmMbB" or nxt.isspace()):  # (EN_MAG's first)
        mag = EN_MAG.match(text, end)
        if mag:
            number_text = text[s:mag.end()]
            end = mag.end()
            if not number_text.isascii():
                number_text = fold(number_text)  # 3 mıllion: the magnitude as the pattern read it
        elif english and nxt in "tmM":
            glued = EN_GLUED_MAG.match(text, end)
            if glued is not None and _glued_magnitude(text, s, glued):
                number_text = f"{raw} {'trillion' if glued.group(1) == 'trn' else 'million'}"
                end = glued.end()
    spoken = _spoken_range(number_text) if cn_only and len(number_text) <= 5 else None
    parsed, spoken_high = spoken if spoken is not None else (parse(number_text), None)
    if spoken is not None and text.startswith("成群", end):
        return None  # 三五成群: an idiom
    if parsed is None:
        return None
    # a scale label (千亿级, 百亿级) or grade (二级)
    if text.startswith("级", end):
        return None
    # a letter right after the digits that is not a unit: 5G, 3D, 10th
    if end < len(text) and text[end].isascii() and text[end].isalpha():
        um_tight = match_unit(text, end, fallback=False)
        if um_tight is None or um_tight.start != end or text[end] == " ":
            return None
    # currency prefix
    start = s
    prefix_unit: Unit | None = None
    prefix_text = ""
    # CURRENCY_PREFIX ends its match (then a space, then the end or a final "\n") within the last 3 characters
    cm = None
    if not _CURRENCY_LAST.isdisjoint(text[(s - 3 if s > 3 else 0):s]):
        cm = CURRENCY_PREFIX.search(text[(s - 5 if s > 5 else 0):s])
    if cm:
        start = s - (len(cm.group(0)))
        prefix_text = cm.group(1)
        prefix_unit = lookup(CURRENCY_UNITS[prefix_text])
        if prefix_unit is None:
            prefix_unit = Unit(CURRENCY_UNITS[prefix_text], Decimal(1), "level", "money")
    # post-number qualifier before the unit: 3000多张, 149万余人次, 二十来个
    if qualifier is None and end < len(text) and text[end] in "余多":
        qualifier = "at_least"
        end += 1
    elif qualifier is None and end < len(text) and text[end] == "来" and _unit_after(doc, end + 1, cjk_only=True,
                                                                                    english=False):
        qualifier = "about"
        end += 1
    um = _unit_after(doc, end, cjk_only=cn_only, english=english)
    if um is not None:
        if um.written == "年" and not CN_YEARS_MEASURED.search(text, max(0, s - 4), s):
            return None  # 京津冀十年治霾, 空气质量十年明显改善: a time span, not an amount (as 这十年, 十年来)
        if um.unit.dimension in _RATED_DIMENSIONS and um.unit.kind == "level" and _rated_equipment(text, end, um,
                                                                                                    english):
            um = UnitMatch(um.start, um.end, um.written,
                           Unit(um.unit.canonical, um.unit.scale, "rating", um.unit.dimension))
    if (english and um is not None and um.unit.kind == "level" and um.unit.dimension in _EN_RATED_BEFORE_DIMENSIONS
            and EN_RATED_BEFORE.search(text, max(0, s - 40), s)):
        rated = Unit(um.unit.canonical, um.unit.scale, "rating", um.unit.dimension)
        um = UnitMatch(um.start, um.end, um.written, rated)
    if um is not None and um.written == "个多月":
        qualifier = qualifier or "at_least"
    if um is not None and um.written == "点" and _SPACE_DIGIT.match(text[um.end:um.end + 3]):
        um = None
    if before in "前后" and before and _cn_rank_or_period(text, s, um.written if um is not None else ""):
        return None
    if english and um is not None and um.unit.dimension == "duration" and _en_time_span(text, s, um):
        return None
    if english and _not_an_amount(text, s, um):
        return None
    if cn_only and um is not None and um.written in _PLACE_WORDS and _names_counted(text, s, parsed.value):
        return None  # 张家口、承德两市: the count of the places just named, not a figure
    unit = um.unit if um is not None else prefix_unit
    unit_text = um.written if um is not None else prefix_text
    # a bare year: 2014, in 2023, "| 2013 |"
    if (ascii_only and len(number_text) == 4 and number_text.isdecimal() and 1900 <= int(number_text) <= 2100
            and prefix_unit is None and (um is None or um.loose or um.modified or um.unit.canonical == "year"
                                         or _singular_noun(um))):
        kind = "since" if _SINCE_BEFORE.search(text[(s - 7 if s > 7 else 0):s]) else "year"
        years.append(TimeExpr(s, e, raw, kind, year=int(number_text)))
        return None
    # an uppercase code before an integer with no unit: GB 3095, ISO 14001
    # (CODE_BEFORE needs white space right before the number)
    if (unit is None and "." not in raw and s > 0 and text[s - 1].isspace()
            and CODE_BEFORE.search(text[(s - 10 if s > 10 else 0):s])):
        return None
    if (unit is None and ascii_only and s > 0 and text[s - 1].isspace()
            and VERSION_BEFORE.search(text, max(0, s - 16), s)):
        return None  # CC BY 4.0, version 2.1: a version, not an amount
    if (unit is None and ascii_only and len(raw) == 2 and s >= 5 and before in "-–/"
            and _season_end(text[s - 5:s - 1], raw)):
        return None  # the 2022-23 season, fiscal 2023/24: the second year of a span
    if (unit is None and english and raw.isdecimal() and len(raw) <= 2 and s > 0 and text[s - 1].isspace()
            and SERIAL_BEFORE.search(text, max(0, s - 24), s)):
        return None  # "Segment 3 of 5", "Part 2 of 4", "END OF SEGMENT 3": a name's serial, not an amount
    if unit is None and english and raw.isdecimal() and len(raw) <= 3 and _en_age(text, s, end):
        unit, unit_text = AGE_YEAR, ""  # "said Liu Hongbo, 46, who runs…": an age in an apposition
    span_end = um.end if um is not None else end
    if um is not None and FFFD in text[end:um.end]:
        return None
    if span_end < len(text) and text[span_end] == FFFD and (um is None or _LONGER_UNIT.get(um.written)):
        return None  # 1.2个� may have been 1.2个百分点; 48.6%� is whole
    value, precision = parsed.value, parsed.precision
    if unit is not None and unit.scale != 1:
        value, precision = clean(value * unit.scale), clean(precision * unit.scale)
    if percent_number or parsed.percent:
        unit = unit or PERCENT
        unit_text = unit_text or raw + "分之"
    elif parsed.fraction and unit is None:
        # 十分之一 -> 10 %: a share is reported in percent
        unit, unit_text = PERCENT, "分之"
        value, precision = clean(value * 100), clean(precision * 100)
    # (positional arguments: the keyword form costs twice as much)
    tok = _Tok(start, span_end, s, end, start, span_end, value, precision, number_text, unit, unit_text,
               um.loose if um is not None else False, qualifier)
    tok.cn_only, tok.keep_unitless, tok.english = cn_only, keep_unitless, english
    if um is not None:
        tok.end = um.end
    if sign and unit is not None and unit.dimension in ("percent", "points") and not keep_unitless:
        tok.kind, tok.direction, tok.fixed = "change", "up" if sign == "+" else "down", True
        tok.q_start = s - 1
    elif before and before in _TILDES and (s < 2 or text[s - 2] in _SIGN_LEADS):
        tok.qualifier, tok.q_start = "about", s - 1  # | ~96 |, "~30 micrograms": about (3~5 is a range)
    if spoken_high is not None:
        if unit is None:
            return None  # 三五成群, 七八十年代: a spoken range is read before a unit only
        tok.value_high = clean(spoken_high.value * unit.scale)
    _post_qualifier(text, tok)
    _pre_qualifier(text, tok)
    if (unit is not None and unit.dimension == "concentration"
            and text.find("每", max(0, tok.q_start - 6), tok.q_start) >= 0):
        _unit_before(text, tok)
    return tok


# 三五百块钱, 三四十个, 七八万人, 一两千元, 两三个: two neighbouring digits (or 三五), then a magnitude or not, before a
# unit: a spoken range
CN_SPOKEN_RANGE = lazy_re(r"([一两二三四五六七八九])([两二三四五六七八九])([十百千万亿]*)")
_CN_DIGIT_VALUE = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _spoken_range(number_text: str) -> tuple[ParsedNumber, ParsedNumber] | None:
    """The low and high ends of a spoken Chinese range (三五百 → 300 and 500), else None."""
    m = CN_SPOKEN_RANGE.fullmatch(number_text)
    if m is None:
        return None
    a, b = _CN_DIGIT_VALUE[m.group(1)], _CN_DIGIT_VALUE[m.group(2)]
    if not (b == a + 1 or (a, b) == (3, 5)):
        return None
    low, high = parse(m.group(1) + m.group(3)), parse(m.group(2) + m.group(3))
    return (low, high) if low is not None and high is not None else None


# "2.3trn yuan", "5m people", "$1.46trn": a magnitude glued to the number ("bn" and "mn" are in EN_MAG). "m" is also
# the metre ("a 5m wall"): it is a million only where money or a count follows or precedes (_glued_magnitude).
EN_GLUED_MAG = lazy_re(r"(trn|m|M)(?![A-Za-z0-9²³/_-])")
_GLUED_COUNT_DIMENSIONS = ("money", "count", "mass", "volume", "area", "energy", "power")
# "to 2m by 2025", "1.2m." — a bare "m" is a million after a word of people or money in its clause
EN_GLUED_CONTEXT = lazy_re(r"\b(?:population|inhabitants|residents|people|yuan|dollars|investment|revenue|"
                           r"output|sales|budget|cost|worth)\b|[$€£¥]", re.IGNORECASE)
EN_GLUED_BARE_AFTER = lazy_re(r"\s*(?:[,.;:)]|$)|\s+(?:by|in|and|or|to|from|this|last|next|a|per|of|than|as|at)\b")


def _glued_magnitude(text: str, s: int, glued: re.Match[str]) -> bool:
    """Is the letter glued to the number at ``glued`` a magnitude (trillion, million) rather than a unit (metre)?"""
    if glued.group(1) == "trn":
        return True
    if CURRENCY_PREFIX.search(text, max(0, s - 5), s):
        return True  # "$5m", "US$1.2M"
    if glued.group(1) == "M":
        return False  # "5M" alone is no plain-text million
    um = match_unit(text, glued.end(), fallback=True)
    if um is not None and um.start == glued.end():
        # "5m people", "470m yuan", "3m tonnes", "2m new homes" — not "a 5m wall surrounds …" (a guessed noun)
        return um.unit.dimension in _GLUED_COUNT_DIMENSIONS and (not um.modified or _table_noun(um))
    if EN_GLUED_BARE_AFTER.match(text, glued.end()) is None:
        return False  # "a 5m wall", "5m high": metres
    lo = text.rfind("\n", max(0, s - 80), s) + 1
    for sep in ".;!?":
        lo = max(lo, text.rfind(sep + " ", lo, s) + 1)
    return EN_GLUED_CONTEXT.search(text, lo, s) is not None


_SIGNS = "+-−"
_TILDES = "~～≈"
_SIGN_LEADS = " \t\n|(（:：=\u3000"  # what may stand before a sign or a tilde that is not a range or a formula


# 用了十年, 历时三年, 长达5年, 有效期5年: a measured duration (a claim); without such a word N年 is a time span
CN_YEARS_MEASURED = lazy_re(r"(?:用|历时|耗时|长达|达到?|为|约|近|超过?|逾|满|期|寿命|仅|只)$")
EN_SCALE_LABEL = lazy_re(r"-(?:hundred|thousand|million|billion|trillion)-[a-z]", re.IGNORECASE)
# 35蒸吨/小时以下燃煤锅炉, 30万千瓦及以下机组: the size class of the equipment named after it
CN_RATED_EQUIPMENT = lazy_re(r"(?:及|级)?(?:以下|以上)?的?[^\d,，。;；:：、\s]{0,4}?(?:锅炉|机组|窑炉|炉窑)")
# "two 350-megawatt units", "35-tonne boilers": a hyphenated unit before the noun it sizes
EN_RATED_NOUN = lazy_re(r"[ \t]+(?:[a-z]+(?:-[a-z]+)*[ \t]+)?(?:units?|boilers?|generators?|turbines?|furnaces?|"
                        r"reactors?|transformers?|trucks?|vessels?|ships?|engines?|kilns?|wafers?|chargers?)\b")
_RATED_DIMENSIONS = ("power", "mass", "boiler")
# "blast furnaces of 1,000 cubic meters or smaller", "units of 300 MW and below": the size class of the equipment
# named before the number
EN_RATED_BEFORE = lazy_re(
    r"\b(?:units?|boilers?|generators?|turbines?|furnaces?|reactors?|transformers?|kilns?|converters?|engines?|"
    r"vessels?|ships?|trucks?)\s+(?:of|with|rated\s+at|below|above|under|over)\s+"
    r"(?:(?:up\s+to|less\s+than|more\s+than|at\s+least|under|over|below|above)\s+)?$", re.IGNORECASE)
_EN_RATED_BEFORE_DIMENSIONS = ("power", "mass", "boiler", "volume", "length", "voltage")


VERSION_BEFORE = lazy_re(r"(?:\bCC(?:[ -](?:BY|SA|NC|ND))+|\b[Vv]ersion|\bv\.?)\s$")
# "Liu Hongbo, 46, who runs…", "said Zhao Min, 62, a retired miner": a person's name, then an age between commas
EN_AGE_NAME_BEFORE = lazy_re(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,1}[ -]([A-Z][a-z]+),[ \t]$")
_NOT_PERSON_NAMES = frozenset((
    "Province", "City", "District", "County", "Region", "Park", "Port", "Area", "Zone", "Group", "Company", "Corp",
    "Bureau", "Ministry", "Station", "River", "Bay", "Lake", "Road", "Street", "Airport", "Institute"))
# a serial in the name of a part of a programme or document, and the "of N" after it
SERIAL_BEFORE = lazy_re(r"\b(?:segment|part|episode|chapter|instal?lment)[ \t]+(?:\d{1,2}[ \t]+of[ \t]+)?$|"
                        # a class label: "(Level 3)", "Level 5 or 6", "a Level 3 alert", "Phase 2", "Stage 4"
                        # capitalised, as a name (not "a level of 35", "levels 20% lower", "a level 3 alert")
                        r"\b(?-i:Level|LEVEL|Grade|GRADE|Phase|PHASE|Stage|STAGE|Tier|TIER)[sS]?[ \t]+"
                        r"(?:\d{1,2}[ \t]+(?:or|and|to)[ \t]+)?$",
                        re.IGNORECASE)
# a caption in capitals ("[SOUNDBITE - ZHAO GUOQIANG, 67, VILLAGER]") and a name with the age in brackets
# ("LI WEI (67), retired teacher", "Zhang Wei (45), who…")
EN_CAPS_NAME_BEFORE = lazy_re(r"\b[A-Z]{2,}(?:[ -][A-Z]{2,}){1,3},[ \t]$")
EN_CAPS_ROLE_AFTER = lazy_re(r",[ \t]+[A-Z]{3,}\b")
EN_PAREN_NAME_BEFORE = lazy_re(r"\b[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,1}[ -]([A-Z][A-Za-z]+)[ \t]?\($")
EN_PAREN_AGE_AFTER = lazy_re(r"\),[ \t]+(?:who|whose|an?|retired|[a-z]+[ \t]+(?:teacher|worker|farmer|driver|"
                             r"owner|resident|villager|engineer|official|student|manager|doctor|nurse|vendor))\b")
EN_AGE_AFTER_APPOSITION = lazy_re(r",[ \t]+(?:who|whose|an?)\b|,?[ \t]*(?:said|says|told)\b")


def _season_end(year: str, raw: str) -> bool:
    """Is the two-digit ``raw`` after ``year`` and a dash or slash the span's next year (2022-23, 1999/00)?"""
    if not (year.isdecimal() and year[:2] in ("19", "20")):
        return False
    return int(raw) == (int(year) + 1) % 100


def _en_age(text: str, s: int, end: int) -> bool:
    """Is the bare English number at ``s`` a person's age in an apposition ("Liu Hongbo, 46, who…")?"""
    if s > 3 and text[s - 1] == "(":
        name = EN_PAREN_NAME_BEFORE.search(text, max(0, s - 40), s)
        return (name is not None and name.group(1) not in _NOT_PERSON_NAMES
                and EN_PAREN_AGE_AFTER.match(text, end) is not None)
    if not (s > 3 and text[s - 2] == ","):
        return False
    if EN_CAPS_NAME_BEFORE.search(text, max(0, s - 40), s) is not None:
        return EN_CAPS_ROLE_AFTER.match(text, end) is not None
    name = EN_AGE_NAME_BEFORE.search(text, max(0, s - 40), s)
    if name is None or name.group(1) in _NOT_PERSON_NAMES:
        return False
    return EN_AGE_AFTER_APPOSITION.match(text, end) is not None


def _rated_equipment(text: str, end: int, um: UnitMatch, english: bool) -> bool:
    """Is the unit (of a dimension in _RATED_DIMENSIONS) after a number the size of a piece of equipment?"""
    if english:
        return text[end:end + 1] == "-" and EN_RATED_NOUN.match(text, um.end) is not None
    return CN_RATED_EQUIPMENT.match(text, um.end) is not None


def _trillion_before_unit(doc: _Doc, pos: int) -> bool:
    """Is 兆 before ``pos`` a magnitude? Only before a money unit or 度 of electricity (兆瓦, 兆帕, 兆字节 are
    units of their own)."""
    um = match_unit(doc.text, pos, fallback=False)
    if um is not None and um.start == pos:
        return um.unit.dimension == "money"
    return _energy_du(doc, pos) is not None


_DU_GUARD = "过假日数"


def _energy_du(doc: _Doc, pos: int) -> UnitMatch | None:
    """度 as a kilowatt-hour (300亿度, 外送绿电300亿度): only where the sentence speaks of electricity (电 in the 40
    characters before, or 度电)."""
    text = doc.text
    if not text.startswith("度", pos):
        return None
    nxt = text[pos + 1:pos + 2]
    if nxt and nxt in _DU_GUARD:
        return None
    lo, _ = doc.sentence_bounds(pos)
    if nxt != "电" and "电" not in text[max(lo, pos - 40):pos]:
        return None
    return UnitMatch(pos, pos + 1, "度", DU)


# 目前, 此前, 之前, 提前, 日前…: words that end in 前 but do not make the number after them a rank
# "in the first 11 months", "over the past ten years", "the next two years": the length of a period, no amount
EN_PERIOD_BEFORE = lazy_re(r"\b(?:first|past|last|next|previous|coming|recent|following|final|remaining)\s+$",
                           re.IGNORECASE)
# "took ten years", "lasted 3 years", "a life of 30 years": a measured duration (a claim, as 用了十年 is)
EN_YEARS_MEASURED = lazy_re(
    r"\b(?:took|take|takes|taking|lasted|last|lasts|lasting|spent|spend|spends|spending|needed|need|needs|"
    r"requires?|required|life(?:span|time)?\s+of|aged|age\s+of|sentenced\s+to)\s+"
    r"(?:(?:about|around|nearly|almost|some|over|more\s+than|less\s+than|just|only|at\s+least|up\s+to)\s+)?$",
    re.IGNORECASE)
EN_AGE_AFTER = lazy_re(r"[ \t]+(?:of[ \t]+age|old|of[ \t]+service)\b", re.IGNORECASE)
_EN_SPAN_UNITS = ("year", "month", "week", "day", "hour", "minute")


def _en_time_span(text: str, s: int, um: UnitMatch) -> bool:
    """Is an English number with a duration unit a time expression, not an amount? "Seven years on", "Give us
    twenty years", "a three-year plan" (years, unless measured: "took ten years"); "the first 11 months", "the
    past 30 days" (any duration after first/past/next...)."""
    if um.unit.canonical not in _EN_SPAN_UNITS:
        return False
    lo = max(0, s - 40)
    if EN_PERIOD_BEFORE.search(text, lo, s):
        return True
    if um.unit.canonical != "year" or EN_AGE_AFTER.match(text, um.end):
        return False  # "under 5 years of age": an age
    return EN_YEARS_MEASURED.search(text, lo, s) is None


def _not_an_amount(text: str, s: int, um: UnitMatch | None) -> bool:
    """An English number that is a rank ("the bottom 20") or counts the article's own graphics ("3 charts")."""
    if um is not None and um.unit.canonical in _MEDIA_UNITS:
        return True
    return s > 3 and EN_RANK_BEFORE.search(text, max(0, s - 8), s) is not None


_NOT_RANK_BEFORE = "目此之以当提日先从跟向眼面事空生"
_RANK_LEAD = lazy_re(r"(?:排名|排在|排|位列|位居|居|列|进入|跻身)[前后]$")
_PERIOD_UNITS = ("个月", "个多月", "月", "季度", "个季度")


def _cn_rank_or_period(text: str, s: int, unit_written: str) -> bool:
    """Is the number at ``s`` a rank (前3位, 前三名, 排名前3) or the length of a period to date (今年前10个月,
    前11个月)? Neither is a claim. ``unit_written`` is the unit found after the number, if any."""
    if s < 1 or text[s - 1] not in "前后":
        return False
    if _RANK_LEAD.search(text, max(0, s - 3), s):
        return True  # 排名前3的城市, 位列前三
    if text[s - 1] != "前":
        return False
    lead = text[s - 2] if s >= 2 else ""
    if unit_written in ("位", "名"):
        return lead not in _NOT_RANK_BEFORE
    if unit_written in _PERIOD_UNITS or (not unit_written and text.startswith(("季度", "个季度"), s + 1)):
        # 今年前10个月, 一季度…前11个月 (not 提前3个月, 目前3个月)
        return lead == "" or lead == "年" or lead in ",，;；:：、。 \n(（"
    return False


_PER_CUBIC = ("每立方米", "每立方公尺", "每立方")


def _unit_before(text: str, tok: _Tok) -> None:
    """每立方公尺35微克, 每立方米约16微克: the per-volume part of the unit is written before the number; it belongs to
    the phrase (``由2014年的每立方公尺35微克降至…`` is a from…to phrase)."""
    for w in _PER_CUBIC:
        if text.startswith(w, tok.q_start - len(w)):
            tok.q_start -= len(w)
            return


_SAME_PLURAL = frozenset(("people", "species", "series"))


_PLACE_WORDS = frozenset("市省区县国")
# the places named right before a numeral: 张家口、承德 | 北京和天津 (an item is up to 10 Chinese characters)
NAMED_LIST_BEFORE = lazy_re(r"(?:[\u4e00-\u9fff]{1,10}(?:、|和|与|及))+[\u4e00-\u9fff]{1,10}$")
_LIST_SEPARATORS = lazy_re(r"、|和|与|及")


def _names_counted(text: str, s: int, value: Decimal) -> bool:
    """Is the numeral at ``s`` the number of the places listed right before it (张家口、承德两市)?"""
    if not ("\u4e00" <= text[s - 1:s] <= "\u9fff") or value < 2 or value > 9:
        return False
    m = NAMED_LIST_BEFORE.search(text, max(0, s - 48), s)
    return m is not None and len(_LIST_SEPARATORS.findall(m.group(0))) + 1 == value


def _singular_noun(um: UnitMatch) -> bool:
    """Is the unit a singular English count noun ("2013 city data", "the 2024 project list")? After a year it
    is a modifier of what follows, not a count."""
    w = um.written
    return (um.unit.dimension == "count" and w.isalpha() and w.islower() and w not in _SAME_PLURAL
            and lemma(w) == w)


def _table_noun(um: UnitMatch) -> bool:
    """Is a modified unit a plural count noun of the unit table ("three central state-owned enterprises")?"""
    noun = um.written.rsplit(None, 1)[-1]
    unit = WORD_UNITS.get(fold(noun))
    return (um.modified and unit is not None and unit.dimension == "count" and unit.kind == "level"
            and lemma(noun) != fold(noun))


EN_DETERMINER_BEFORE = lazy_re(r"\b(?:the|these|those|all|both)\s$", re.IGNORECASE)


def _word_count_noun(value: Decimal, um: UnitMatch, *, figure: bool = False) -> bool:
    """May a number word count the plural noun a loose match found after a modifier ("seven ski resorts")? A bare
    plural after a number word is too often a description ("the three provinces", "three things") to count;
    not after a ``figure`` (a number of several words or of twenty and more: "three million containers")."""
    noun = um.written.rsplit(None, 1)[-1]
    return (um.modified or figure) and value >= 2 and noun.islower() and lemma(noun) != fold(noun)


_BEFORE_CLASS_LABEL = lazy_re(r"[ \t]+(?:(?:new|more|additional|further|other)[ \t]+)?(?=\d)")


def _unit_past_class_label(text: str, e: int) -> UnitMatch | None:
    """The noun a number counts past a class label: "two new 100,000-tonne container berths" counts berths."""
    gap = _BEFORE_CLASS_LABEL.match(text, e)
    if gap is None:
        return None
    label = B_CLASS_LABEL_EN.match(text, gap.end())
    if label is None:
        return None
    modifier = text[e:gap.end()].strip()
    patched = " " + modifier if modifier else ""
    um = match_unit(patched + text[label.end():label.end() + 80], 0, fallback=True)
    if um is None:
        return None
    shift = label.end() - len(patched)
    return um._replace(start=um.start + shift, end=um.end + shift, modified=True)


def _make_word_token(doc: _Doc, s: int, e: int, parsed: ParsedNumber) -> _Tok | None:
    """The number spelled in words at ``text[s:e]`` (read by :func:`spelled_number`) as a token."""
    text = doc.text
    if s > 0 and text[s - 1] == "-":
        return None
    number_text = text[s:e]
    um = match_unit(text, e, fallback=True)
    if um is None and text.startswith((" new ", " more ", " ", "\t"), e):
        um = _unit_past_class_label(text, e)
    figure = parsed.value >= 20 or any(c in number_text for c in " -\t")
    if um is not None and um.loose and not _table_noun(um) and not _word_count_noun(parsed.value, um,
                                                                                    figure=figure):
        um = None
    if um is not None and um.unit.dimension == "duration" and _en_time_span(text, s, um):
        return None
    if _not_an_amount(text, s, um):
        return None
    if um is None and s > 4 and text[s - 1] == " " and EN_DETERMINER_BEFORE.search(text, max(0, s - 8), s):
        return None  # "the highest of the three", "these two were closed": a pronoun, not an amount
    tok = _Tok(start=s, end=um.end if um else e, num_start=s, num_end=e, q_start=s,
               after=um.end if um else e, value=parsed.value, precision=parsed.precision, num_text=number_text,
               unit=um.unit if um else None, unit_text=um.written if um else "", word=True, english=True)
    if um is not None and um.unit.scale != 1:
        tok.value, tok.precision = clean(tok.value * um.unit.scale), clean(tok.precision * um.unit.scale)
    _post_qualifier(text, tok)
    _pre_qualifier(text, tok)
    return tok


def _share_value(f: str) -> tuple[Decimal, Decimal] | None:
    """"two-thirds" -> (66.7, 0.05), "a fifth" -> (20, 0): an English fraction in percent (thirds to one decimal,
    as a reporter rounds them)."""
    words = re.split(r"[- \t\n]+", fold(f))
    if len(words) == 1:
        value = _SHARES.get(words[0])
        return (value, Decimal(0)) if value is not None else None
    num = _FRACTION_NUMERATORS.get(words[0])
    den = _FRACTION_DENOMINATORS.get(words[-1].removesuffix("s"))
    if num is None or den is None or num >= den:
        return None
    exact = Decimal(100 * num) / Decimal(den)
    value = exact.quantize(Decimal("0.1"))
    return clean(value), (Decimal("0.05") if value != exact else Decimal(0))


def _share_token(text: str, m: re.Match[str], *, english: bool) -> _Tok | None:
    """``more than half of``, ``a third of``, ``fell by two-thirds``, ``超过一半``: a share in percent."""
    f = m.group("f")
    q = m.group("q")
    share = _share_value(f) if english else (_SHARES[f], Decimal(0))
    if share is None:
        return None
    value, precision = share
    qualifier: str | None = None
    if english:
        verb = SHARE_EN_VERB.search(text[max(0, m.start() - 24):m.start()])
        if not m.group("of"):
            if not SHARE_EN_BY.search(text[max(0, m.start() - 8):m.start()]) and not SHARE_EN_CHANGE_OF.search(
                    text, max(0, m.start() - 32), m.start()) and not (
                    SHARE_EN_UP_DOWN.search(text, max(0, m.start() - 8), m.start())
                    and SHARE_EN_UP_DOWN_AFTER.match(text, m.end()) is not None):
                return None  # "a quarter earlier", "one third", "half": a share needs "of" or "by" ("cut by a third")
        elif fold(f) == "half" and (HALF_OF_PERIOD_BEFORE.search(text, max(0, m.start() - 10), m.start())
                                    or HALF_OF_PERIOD_AFTER.match(text, m.end("f"))):
            return None  # "in the first half of 2023": not a share
        elif not q and not verb and fold(f) == "half" and not text.startswith(" of", m.end("f")):
            return None  # "half the trucks": a share only when qualified ("about half the cost")
        if q:
            qualifier = QUAL_EN_MAP.get(re.sub(r"\s+", " ", fold(q)))
    else:
        post = m.group("post")
        if q == "占":
            qualifier = None
        elif q:
            qualifier = QUAL_CN_MAP.get(q)
        elif post:
            qualifier = POST_QUAL_CN_MAP.get(post, "at_least")
        else:
            return None
    start = m.start("f")
    return _Tok(start=start, end=m.end("f"), num_start=start, num_end=m.end("f"),
                q_start=m.start("q") if q and q != "占" else start, after=m.end(), value=value, precision=precision,
                num_text=f, unit=PERCENT, unit_text=f, qualifier=qualifier, english=english)


def _post_qualifier(text: str, tok: _Tok) -> None:
    m = POST_QUAL_CN.match(text, tok.end) if text[tok.end:tok.end + 1] in _POST_QUAL_CN_FIRST else None
    if m:
        if tok.qualifier is None:
            tok.qualifier = POST_QUAL_CN_MAP[m.group(1)]
        tok.after = m.end()
        return
    if not tok.english:
        return
    nxt = text[tok.end:tok.end + 1]  # POST_QUAL_EN begins with white space or "or", "and", "plus"
    m2 = POST_QUAL_EN.match(text, tok.end) if nxt and (nxt in "oOaApP" or nxt.isspace()) else None
    if m2:
        if tok.qualifier is None:
            tok.qualifier = "at_least" if m2.group(1) else "about" if m2.group(2) else "at_most"
        tok.after = m2.end()


_VERB_BEFORE_UP = lazy_re(
    r"\b(?:back|went|gone|go|goes|going|moved?|climbed?|ticked|edged|crept|shot|came|jumped|bounced|risen|rose|"
    r"rising|rises|picked|[a-z]+ed)\s*$", re.IGNORECASE)


def _pre_qualifier(text: str, tok: _Tok) -> None:
    window = text[(tok.start - 16 if tok.start > 16 else 0):tok.start]
    if tok.english and window[-1:].isspace():  # QUAL_EN ends in white space
        # ... after one of its last words, which ends the last piece of the window not white space (folded:
        # a case-insensitive match)
        rest = window.rsplit(None, 1)
        m = QUAL_EN.search(window) if rest and fold(rest[-1]).endswith(_QUAL_EN_LAST) else None
        if m and fold(m.group(1)).startswith("up") and _VERB_BEFORE_UP.search(text, max(0, tok.start - 40),
                                                                             tok.start - (len(window) - m.start())):
            m = None  # "ticked back up to 32", "went up to 40": a verb and its target, not "at most"
        if m:
            key = re.sub(r"\s+", " ", fold(m.group(1)))
            if key in QUAL_EN_MAP and tok.qualifier is None:
                tok.qualifier = QUAL_EN_MAP[key]
            tok.q_start = tok.start - (len(window) - m.start())
            return
    last = window.rstrip()[-1:]  # QUAL_CN: one of its words, then white space, at the end
    m = QUAL_CN.search(window) if last and last in _QUAL_CN_LAST else None
    w24 = "" if m else text[(tok.start - 24 if tok.start > 24 else 0):tok.start]
    share = QUAL_CN_SHARE.search(w24) if "约占" in w24 else None
    if share and tok.qualifier is None:
        tok.qualifier = "about"
    if m:
        if tok.qualifier is None:
            tok.qualifier = QUAL_CN_MAP[m.group(1)]
        tok.q_start = tok.start - (len(window) - m.start())


# ============================================================================ ranges


def _merge_ranges(doc: _Doc, tokens: list[_Tok]) -> list[_Tok]:
    text = doc.text
    out: list[_Tok] = []
    i = 0
    while i < len(tokens):
        a = tokens[i]
        if i + 1 < len(tokens):
            b = tokens[i + 1]
            sep = RANGE_SEP.fullmatch(text, a.after, b.q_start) if b.q_start == b.start else None
            if sep is None and b.q_start == b.start and BETWEEN.search(text[max(0, a.q_start - 9):a.q_start]):
                sep = re.fullmatch(r"\s+and\s+", text[a.after:b.q_start])
            if (sep is None and a.word and b.word and b.value == a.value + 1 and b.value <= 10
                    and a.unit is None and b.q_start == b.start):
                sep = SPOKEN_OR.fullmatch(text, a.after, b.q_start)  # "two or three buses": a spoken range
            if sep and _rangeable(doc, a, b, sep.group(0)):
                merged = _range(a, b)
                # A descending pair ("3-1", a score) is no range and no amount: neither number is a claim.
                if merged.value_high is None or merged.value_high >= merged.value:
                    out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _rangeable(doc: _Doc, a: _Tok, b: _Tok, sep: str) -> bool:
    text = doc.text
    if a.fixed or b.fixed:
        return False
    before = text[max(0, a.q_start - 6):a.q_start]
    if re.search(r"(?:从|由)\s*$", before) or EN_FROM.search(before):
        return False  # 从3到5 / from 3 to 5: a change, not a range
    if sep.strip() == "to" and re.search(r"\b(?:fell|rose|dropped|increased|decreased|grew|climbed|declined)\s+$",
                                         text[max(0, a.q_start - 14):a.q_start]):
        return False
    if a.unit is not None and b.unit is not None:
        return a.unit.canonical == b.unit.canonical
    return not (a.unit is not None and b.unit is None)


def _magnitude_suffix(t: _Tok) -> str:
    m = re.search(r"(?:[十百千万亿]+|\s*(?:hundred|thousand|million|billion|trillion)|bn|mn)$", t.num_text,
                  re.IGNORECASE)
    if m and not (t.cn_only and len(m.group(0)) == len(t.num_text)):
        return m.group(0)
    return ""


def _range(a: _Tok, b: _Tok) -> _Tok:
    low_value, low_precision = a.value, a.precision
    suffix = _magnitude_suffix(b)
    if suffix and not _magnitude_suffix(a) and a.unit is None:
        parsed = parse(a.num_text + suffix)
        if parsed is not None:
            low_value, low_precision = parsed.value, parsed.precision
    scale = b.unit.scale if (a.unit is None and b.unit is not None) else Decimal(1)
    if scale != 1:
        low_value, low_precision = clean(low_value * scale), clean(low_precision * scale)
    return _Tok(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end, q_start=a.q_start,
                after=b.after, value=low_value, precision=max(low_precision, b.precision), num_text=a.num_text,
                unit=b.unit or a.unit, unit_text=b.unit_text or a.unit_text, unit_loose=b.unit_loose,
                qualifier=a.qualifier or b.qualifier, value_high=b.value, cn_only=a.cn_only and b.cn_only,
                word=a.word and b.word, keep_unitless=a.keep_unitless or b.keep_unitless, english=a.english)


# =========================================================================== context


def _direction(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    if groups.get("down"):
        return "down"
    if groups.get("up"):
        return "up"
    return None


def _classify(doc: _Doc, tok: _Tok, tokens: list[_Tok], i: int) -> None:
    text = doc.text
    if tok.unit is not None and tok.unit.kind == "rating":
        tok.kind = "rating"
        return
    s_lo, s_hi = doc.sentence_bounds(tok.num_start)
    window = text[max(s_lo, tok.q_start - SPAN_BEFORE):tok.q_start]
    c_lo = doc.clause_start(tok.num_start)
    clause_before = text[max(c_lo, tok.q_start - SPAN_BEFORE * 2):tok.q_start]
    if tok.unit is not None and tok.unit.kind == "multiple":
        tok.kind = "multiple"
        if tok.value == 1 and not tok.english and CN_GREW_BY.search(window):
            tok.value = Decimal(2)  # 增长一倍, 增加了近一倍: grew by one times its size -> a factor of 2
    cue = False
    direction: str | None = None
    if not tok.fixed:
        if tok.english:
            cue, direction = _english_cue(text, tok, window)
        else:
            cue, direction = _chinese_cue(tok, window)
    if tok.kind == "multiple":
        pass  # a factor has no direction (是2013年的1.9倍, 翻一番)
    elif cue:
        tok.kind = "change"
        tok.direction = direction
        if direction is None and not tok.english and "改善" in window[-8:]:
            tok.direction = _improvement_direction(text, max(s_lo, tok.q_start - BASELINE_BEFORE), tok.q_start)
    if tok.unit is not None and tok.unit.canonical == "pp":
        if tok.unit.needs_change and tok.kind != "change":
            tok.unit, tok.unit_text = None, ""
            tok.end = tok.after = tok.num_end
        else:
            tok.kind = "change"
    if tok.kind in ("change", "multiple"):
        after = text[tok.after:min(s_hi, tok.after + 60)]
        if tok.english:
            if (_yoy_before(clause_before, tokens, i) or EN_YOY.match(after.lstrip(" ,"))
                    or EN_YOY_AFTER.match(after)):
                tok.comparison = "yoy"
            elif EN_MOM.search(clause_before) or re.match(r"^[^,;]{0,40}?month[- ]on[- ]month", after, re.IGNORECASE):
                tok.comparison = "mom"
        else:
            if ((_maybe_yoy(clause_before) and CN_YOY.search(clause_before))
                    or ("年" in window[-6:] and CN_YEAR_ON_YEAR_VERB.search(window.rstrip()))):
                tok.comparison = "yoy"  # (…年增18.6%: Taiwan's year-on-year verb)
            elif ("环比" in clause_before or "上月" in clause_before) and CN_MOM.search(clause_before):
                tok.comparison = "mom"
    # the phrase's own year: 2014年的35, 32 micrograms in 2023
    w12 = text[max(0, tok.q_start - 12):tok.q_start]
    m = CN_YEAR_OF.search(w12) if "的" in w12 else None
    if tok.kind == "multiple":
        pass  # 是2013年的1.9倍: 2013 is the baseline, not the figure's year
    elif m:
        tok.year = int(m.group(1))
    elif tok.english:
        m2 = EN_YEAR_AFTER.match(text, tok.after)
        if m2 is None and text[tok.after:tok.after + 2].lstrip().startswith(")"):
            # "11.5 trillion yuan (about 1.6 trillion U.S. dollars) in 2024": the aside is for the year after it
            m2 = EN_YEAR_AFTER.match(text, text.index(")", tok.after) + 1)
        if m2:
            tok.year = int(m2.group(1))
        elif (tok.kind == "level" and text.find("year", tok.after, tok.after + 24) >= 0
              and (m3 := EN_RELATIVE_YEAR_AFTER.match(text, tok.after))):
            # "37 micrograms a year earlier", "eight days that year": relative to the last year the sentence names
            stated = [int(y.group(0)) for y in _YEAR_IN_TEXT.finditer(text, max(s_lo, tok.q_start - 160), tok.q_start)]
            if stated:
                tok.year = stated[-1] - (1 if m3.group("earlier") else 0)
        elif (tok.kind in ("level", "change") and text.find("when", max(s_lo, tok.q_start - 70), tok.q_start) >= 0
              and (m4 := EN_WHEN_YEAR.search(text, max(s_lo, tok.q_start - 90), tok.q_start))):
            tok.year = int(m4.group(1))  # "… than in 2013, when the city recorded 89.5 micrograms"


def _yoy_before(clause_before: str, tokens: list[_Tok], i: int) -> bool:
    """Does a year-on-year phrase before an English change hold for it? Not one said after an earlier change of
    the clause: "2.1 percent lower than a year earlier and about 55 percent below the 108 … recorded in 2013"."""
    last = None
    for m in EN_YOY.finditer(clause_before):
        last = m
    if last is None:
        return False
    if i > 0 and tokens[i - 1].kind == "change":
        offset = tokens[i].q_start - len(clause_before)  # where clause_before starts in the text
        if offset + last.start() >= tokens[i - 1].after:
            return False
    return True


def _improvement_direction(text: str, lo: int, pos: int) -> str | None:
    """改善16.7%: a concentration that improves falls. Other measures keep no direction (the word says none)."""
    before = text[lo:pos]
    concentration = max(before.rfind("浓度"), before.rfind("微克"))
    if concentration < 0:
        return None
    other = max(before.rfind(w) for w in ("天数", "比例", "比率", "优良", "达标", "指数"))
    return "down" if concentration > other else None


def _strip_cn_end(window: str) -> str:
    """``CN_STRIP_END.sub("", window)``: drop the trailing run of 了, 分别, 均, 都 and white space."""
    i = len(window)
    while i > 0:
        c = window[i - 1]
        if c in "了均都" or c.isspace():
            i -= 1
        elif c == "别" and i > 1 and window[i - 2] == "分":
            i -= 2
        else:
            break
    return window[:i]


# The last characters of the alternatives of the "…$" patterns below: a cheap test before the search
# (the stripped window never ends in white space, so "$" is its end).
_TO_VERB_LAST = frozenset("为到是至达")
_NOT_CHANGE_LAST = frozenset("加增的")
_CHANGE_VERB_LAST = frozenset("低减出加动化升善增多大小少弹挫排涨滑窄落调跌长降高")
_COMPARE_ADJ_LAST = frozenset("多出高少低")


def _chinese_cue(tok: _Tok, window: str) -> tuple[bool, str | None]:
    w = _strip_cn_end(window)
    if not w:
        return False, None  # every pattern below needs a character
    last = w[-1]
    if ("幅" in w or "速" in w or "率" in w) and (m := CN_CHANGE_NOUN.search(w)):  # every noun holds one
        return True, _direction(m)
    if last in _TO_VERB_LAST and CN_TO_VERB.search(w):
        tok.to_verb = True
        return False, None
    if last in _NOT_CHANGE_LAST and CN_NOT_CHANGE.search(w):
        return False, None
    if last in _CHANGE_VERB_LAST and (m := CN_CHANGE_VERB.search(w)):
        return True, _direction(m)
    if last == "长" and w.endswith("成长"):
        return True, "up"  # Taiwan 成长 (增长): 较2013年成长九成
    if last in _COMPARE_ADJ_LAST and (m := CN_COMPARE_ADJ.search(w)):
        return True, _direction(m)
    return False, None


def _maybe_yoy(s: str) -> bool:
    """Can CN_YOY match in ``s``? Each of its forms holds 同比, 上 or 去."""
    return "同比" in s or "上" in s or "去" in s


_EN_WORDS = lazy_re(r"[A-Za-z]+")
_EN_DOWN_SET = frozenset(_EN_DOWN.split("|"))
_EN_UP_SET = frozenset(_EN_UP.split("|"))
_EN_TO_SET = frozenset(("to", "reached", "reach", "reaching", "hit", "hitting", "totaled", "totalled", "totaling",
                        "totalling", "averaged", "at"))


def _en_verb(window: str) -> str | None:
    """"fell", "rose by", "cut sintering capacity by" at the end of ``window``: the direction."""
    w = window.rstrip()
    by = w[-3:].lower() == " by" or w.lower() == "by"
    if by:
        w = w[:-2].rstrip()
    words = _EN_WORDS.findall(w[-60:])
    if not words:
        return None
    candidates = [words[-1]]
    if by:
        piece = re.split(r"[,;.]", w[-45:])[-1]
        candidates = list(reversed(_EN_WORDS.findall(piece)))
    for word in candidates:
        low = word.lower()  # (ASCII letters: _EN_WORDS)
        if low in _EN_DOWN_SET:
            return "down"
        if low in _EN_UP_SET:
            return "up"
    return None


def _english_cue(text: str, tok: _Tok, window: str) -> tuple[bool, str | None]:
    w = window.rstrip()
    if w[-2:].lower() == "of":
        m = EN_CHANGE_NOUN_BEFORE.search(w)
        if m:
            return True, _direction(m)
    last = _EN_WORDS.findall(w[-12:])
    if last and last[-1].lower() in _EN_TO_SET:
        tok.to_verb = True
        return False, None
    direction = _en_verb(window)
    if direction is not None and not EN_PHRASAL.search(window):
        return True, direction
    m = EN_AFTER_NOUN.match(text, tok.after) or EN_AFTER_COMPARE.match(text, tok.after)
    if m is None and tok.unit is not None and tok.unit.canonical in _RATIO_UNITS:
        m = EN_AFTER_RATIO_COMPARE.match(text, tok.after)
    if m:
        if m.groupdict().get("cyear"):
            tok.year = int(m.group("cyear"))  # "87 more in 2023 than in 2013"
        return True, _direction(m)
    return False, None


# ============================================================================ tables

TABLE_ROW = lazy_re(r"(?m)^[ \t]*\|.*\|[ \t]*$")
TABLE_RULE = lazy_re(r"^[ \t]*\|(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*$")
HEADER_UNIT = lazy_re(r"[(（]([^()（）]{1,12}|(?:thousand|million|mln|billion|bln|trillion) [^()（）]{1,24})[)）]")
RANK_HEADER = lazy_re(r"排名|名次|序号|排序|编号|^\s*(?:rank|no\.?|#)\s*$", re.IGNORECASE)


_HEADER_NOUN = lazy_re(r"([A-Za-z]+)\s*$")
TABLE_YEAR_CELL = lazy_re(r"(?:19|20)\d{2}\s*年?")


CAPTION_START = lazy_re(r"(?:[*_]{1,2})?(?:Table|Tab\.|Exhibit|Chart|Figure|Fig\.)\s*[A-Z]?\d{1,3}[.:]?\s|"
                        r"(?:[*_]{1,2})?(?:表|图表|附表)\s*[0-9一二三四五六七八九十]{1,3}", re.IGNORECASE)


def _caption_unit(text: str, header_start: int) -> str | None:
    """The unit a table's caption or heading gives in parentheses (the nearest non-empty line above the header
    row, a heading or a short line): the unit of cells under year columns."""
    end = header_start - 1
    for _ in range(3):
        start = text.rfind("\n", 0, max(0, end)) + 1
        line = text[start:end].strip()
        if line:
            um = HEADER_UNIT.search(line) if (line.startswith("#") or len(line) <= 60) else None
            if um is None and len(line) <= 200 and CAPTION_START.match(line):
                # "Table 1. Coal consumption in …, 2020 and 2023 (million tonnes)": a caption's closing unit
                um = HEADER_UNIT.search(line, len(line) - 40)
                um = um if um is not None and um.end() == len(line) else None
            return um.group(1).strip() if um else None
        if start == 0:
            return None
        end = start - 1
    return None


def _header_noun(cell: str) -> str | None:
    """An English column header that ends in a plural count noun names its cells' unit ("Good-air days",
    "Heavy-pollution days", "Projects"); "Year" (the row's year) does not."""
    m = _HEADER_NOUN.search(cell)
    if m is None:
        return None
    noun = m.group(1) or m.group(2)
    unit = lookup(noun)
    if unit is None or unit.kind != "level" or unit.dimension not in ("count", "duration") or lemma(noun) == fold(noun):
        return None
    return noun


_CORNER_UNIT = lazy_re(r"[,，]\s*([^,，|]{1,16}?)\s*$")  # | PM2.5, μg/m³ | 2013 | 2023 |
_LABEL_WORDS = lazy_re(r"[A-Za-z]+")
_EN_SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "mln": 10**6, "billion": 10**9, "bln": 10**9,
                   "trillion": 10**12}


def _table_unit(written: str) -> Unit | None:
    """A header's unit: ``微克/立方米``, ``万千瓦``, ``million TEU`` (a magnitude word before an English unit)."""
    unit = lookup(written)
    if unit is not None:
        return unit
    head, _, rest = written.strip().partition(" ")
    factor = _EN_SCALE_WORDS.get(fold(head))
    base = lookup(rest) if factor is not None and rest else None
    if base is None or factor is None:
        return None
    return Unit(base.canonical, base.scale * factor, base.kind, base.dimension)


def _corner_unit(cell: str) -> str | None:
    """The unit a table's first header cell gives for its year columns: ``PM2.5 (μg/m³)``, ``PM2.5, μg/m³``."""
    um = HEADER_UNIT.search(cell)
    written = um.group(1).strip() if um else None
    if written is None:
        m = _CORNER_UNIT.search(cell)
        written = m.group(1) if m else None
    return written if written is not None and _table_unit(written) is not None else None


def _row_label_unit(cell: str) -> str | None:
    """A row label's unit, for the cells of its year columns: ``Container throughput (million TEU)``,
    ``Share moved by rail (%)``, ``Electric trucks in service`` (its first plural count noun)."""
    um = HEADER_UNIT.search(cell)
    if um is not None:
        written = um.group(1).strip()
        return written if _table_unit(written) is not None else None
    for m in _LABEL_WORDS.finditer(cell):
        noun = m.group(0)
        unit = lookup(noun)
        if unit is not None and unit.kind == "level" and unit.dimension in ("count", "duration") and \
                lemma(noun) != fold(noun):
            return noun
    return None


MULTIPLE_HEADER = lazy_re(r"^\s*(?:(?:multiples?|times)\s+(?:of|the|over)\b|ratio\s+to\b)|倍数|超标倍数",
                          re.IGNORECASE)


def _multiple_header(cell: str) -> str | None:
    """A column of factors: ``Multiple of WHO guideline`` (times), ``超标倍数`` / ``为标准的倍数`` (倍)."""
    m = MULTIPLE_HEADER.search(cell)
    if m is None:
        return None
    return "倍" if m.group(0).endswith("倍数") else "times"


def _set_table_unit(tok: _Tok, written: str) -> None:
    unit = _table_unit(written)
    if unit is None:
        return
    tok.unit, tok.unit_text = unit, written
    if unit.kind == "multiple" and tok.kind == "level":
        tok.kind = "multiple"  # | Multiple of WHO guideline | 6.4 |: a factor
    if unit.scale != 1:
        tok.value, tok.precision = clean(tok.value * unit.scale), clean(tok.precision * unit.scale)


_ColumnSpec = tuple[str | None, bool, int | None]  # (unit, rank column, the column's year)


def _apply_tables(doc: _Doc, tokens: list[_Tok]) -> list[_Tok]:
    """Markdown tables: a column headed ``PM2.5（微克/立方米）`` gives its cells that unit, as a caption or the
    corner cell does for year columns, and a row label (``Electric trucks``, ``Throughput (million TEU)``) for the
    year columns of its row; cells of a rank column (排名, 序号, Rank) are not quantities; a signed change cell
    (``-64.2%``) after two year columns spans them."""
    text = doc.text
    if "|" not in text:
        return tokens
    # table-row start -> (per column (unit, rank, year), the row label's unit)
    columns: dict[int, tuple[list[_ColumnSpec], str | None]] = {}
    header: list[_ColumnSpec] | None = None
    prev_end = -2
    rows = list(TABLE_ROW.finditer(text))
    for k, m in enumerate(rows):
        if m.start() != prev_end + 1:
            header = None
        prev_end = m.end()
        line = m.group(0)
        if TABLE_RULE.match(line):
            continue
        cells = line.strip().strip("|").split("|")
        nxt = rows[k + 1].group(0) if k + 1 < len(rows) and rows[k + 1].start() == m.end() + 1 else ""
        if header is None and TABLE_RULE.match(nxt):
            header = []
            caption = _caption_unit(text, m.start())
            if caption is None and cells:
                caption = _corner_unit(cells[0])
            for cell in cells:
                um = HEADER_UNIT.search(cell)
                unit = um.group(1).strip() if um else (_header_noun(cell) or _multiple_header(cell))
                year_cell = TABLE_YEAR_CELL.fullmatch(cell.strip())
                if unit is None and caption is not None and year_cell:
                    unit = caption  # ## 京津冀PM2.5年均浓度(微克/立方米) over | 地区 | 2013年 | 2017年 |
                header.append((unit, bool(RANK_HEADER.search(cell)),
                               int(cell.strip()[:4]) if year_cell else None))
            continue
        if header is not None:
            has_years = any(c[2] is not None for c in header)
            columns[m.start()] = (header, _row_label_unit(cells[0]) if has_years and cells else None)
    if not columns:
        return tokens
    starts = sorted(columns)
    out: list[_Tok] = []
    for tok in tokens:
        i = bisect.bisect_right(starts, tok.num_start) - 1
        if i < 0:
            out.append(tok)
            continue
        row_start = starts[i]
        row_end = text.find("\n", row_start)
        if row_end != -1 and tok.num_start > row_end:
            out.append(tok)
            continue
        col = text.count("|", row_start, tok.num_start) - 1
        spec, row_unit = columns[row_start]
        if 0 <= col < len(spec):
            unit_text, rank, col_year = spec[col]
            if rank:
                continue
            if tok.unit is None:
                if col_year is not None and row_unit is not None:
                    _set_table_unit(tok, row_unit)  # the row's own unit over the table's
                elif unit_text:
                    _set_table_unit(tok, unit_text)
            years = [c[2] for c in spec[:col] if c[2] is not None]
            if tok.kind == "change" and col_year is None and len(years) >= 2 and years[0] < years[-1]:
                tok.baseline_year = tok.baseline_year or years[0]  # | 2013 | 2023 | -64.2% |
                tok.year = tok.year or years[-1]
        out.append(tok)
    return out


# ============================================================================= lists


def _apply_lists(doc: _Doc, tokens: list[_Tok]) -> list[list[_Tok]]:
    text = doc.text
    chains: list[list[_Tok]] = []
    serial: dict[int, bool] = {}
    for i, tok in enumerate(tokens):
        if i > 0:
            prev = tokens[i - 1]
            gap = text[prev.after:tok.q_start] if prev.after <= tok.q_start else None
            same_sentence = doc.sentence_bounds(prev.num_start) == doc.sentence_bounds(tok.num_start)
            english_list = tok.english and gap is not None and (
                EN_LIST_GAP.match(gap) is not None or ("," in gap and _serial_comma(doc, tokens, i, serial)))
            if gap is not None and same_sentence and (LIST_GAP.match(gap) or english_list):
                chains[-1].append(tok)
                continue
        chains.append([tok])
    for chain in chains:
        if len(chain) < 2:
            continue
        # unit: a member without one takes the next member's (18、25、30微克/立方米), else the previous one's
        following: list[_Tok | None] = [None] * len(chain)
        nxt: _Tok | None = None
        for k in range(len(chain) - 1, -1, -1):
            following[k] = nxt
            if chain[k].unit is not None:
                nxt = chain[k]
        prv: _Tok | None = None
        for k, tok in enumerate(chain):
            if tok.unit is None and tok.kind != "rating" and not tok.keep_unitless:
                donor = following[k] or prv
                if donor is not None and donor.unit is not None:
                    tok.unit, tok.unit_text = donor.unit, donor.unit_text
                    if donor.unit.scale != 1:
                        tok.value = clean(tok.value * donor.unit.scale)
                        tok.precision = clean(tok.precision * donor.unit.scale)
            elif tok.unit is not None:
                prv = tok
        # year: "41 and 38.6 micrograms per cubic meter respectively in 2023"
        if chain[-1].english and chain[-1].year is not None:
            for tok in chain[:-1]:
                if tok.year is None:
                    tok.year = chain[-1].year
        # kind: the change verb before the first member covers the list (分别下降29.5%、23.1%)
        head = chain[0]
        for tok in chain[1:]:
            same_unit = (head.unit.canonical if head.unit else None) == (tok.unit.canonical if tok.unit else None)
            if head.kind == "change" and tok.kind == "level" and not tok.to_verb and same_unit:
                tok.kind, tok.direction = "change", head.direction
                tok.comparison = tok.comparison or head.comparison
            head = tok
    return [c for c in chains if len(c) >= 2]


COMMA_GAP = lazy_re(r"[ \t]*,[ \t]*")


def _serial_comma(doc: _Doc, tokens: list[_Tok], i: int, memo: dict[int, bool]) -> bool:
    """"down 50 percent, 57.1 percent and 88.7 percent": a comma between two figures of one unit (the gap before
    ``tokens[i]``) is a list separator when the figures go on, comma by comma, to an "and" / "or". ``memo`` holds
    the answers found for the later gaps of a run (each gap is looked at once: linear on "1%, 1%, 1%, …")."""
    text = doc.text
    run: list[int] = []
    j = i
    found = False
    while j < len(tokens):
        if j in memo:
            found = memo[j]
            break
        a, b = tokens[j - 1], tokens[j]
        if (a.unit is None or b.unit is None or a.unit.canonical != b.unit.canonical or a.after > b.q_start
                or doc.sentence_bounds(a.num_start) != doc.sentence_bounds(b.num_start)):
            memo[j] = False
            break
        if not COMMA_GAP.fullmatch(text, a.after, b.q_start):
            # the run ends here: in an "and" / "or" (a list) or anything else (no list); this gap is no comma
            found = bool(run) and LIST_GAP.match(text[a.after:b.q_start]) is not None
            break
        run.append(j)
        j += 1
    for k in run:
        memo[k] = found
    return memo.get(i, False) if run else False


YEAR_LIST_SEP = lazy_re(r"\s*年?\s*(?:(?P<range>至|到|—|–|-|~|～)|、|,|，|和|及|与)\s*")


def _distribute_years(doc: _Doc, chains: list[list[_Tok]], times: Sequence[TimeExpr]) -> None:
    """2013年至2017年…分别为80天、66天、36天、33天和29天: one year per member, in order."""
    text = doc.text
    starts = [t.start for t in times]
    for chain in chains:
        if chain[0].english:
            continue
        s_lo, _ = doc.sentence_bounds(chain[0].num_start)
        k = bisect.bisect_left(starts, chain[0].q_start) - 1
        run: list[TimeExpr] = []
        ranged = False
        while k >= 0 and times[k].start >= s_lo and times[k].kind == "year" and times[k].year is not None:
            if run:
                sep = YEAR_LIST_SEP.fullmatch(text, times[k].end, run[0].start)
                if sep is None:
                    break
                ranged = ranged or bool(sep.group("range"))
            run.insert(0, times[k])
            k -= 1
        if len(run) < 2 or "分别" not in text[run[-1].end:chain[0].q_start]:
            continue
        years = [t.year for t in run if t.year is not None]
        if ranged and len(years) == 2:
            years = list(range(years[0], years[1] + 1))
        if len(years) != len(chain):
            continue
        for tok, year in zip(chain, years, strict=True):
            if tok.year is None:
                tok.year = year


OF_WHICH = lazy_re(r"\s+of\s+(?:which|them|these|those)\b", re.IGNORECASE)
MORE_THAN = lazy_re(rf"[ \t]+(?:more|fewer|less)\s+(?:(?:in|by)\s+{YEAR}\s+)?than\b", re.IGNORECASE)
OF_THE_NEXT = lazy_re(r"[ \t]+of[ \t]+(?:the|its|their|these|those|all(?:[ \t]+the)?)[ \t]+"
                      r"(?:[A-Za-z]+(?:['’]s)?[ \t]+){0,2}")


# "nearly 1,000 of its trucks": a count of a plural noun named after it (no number of its own)
OF_THE_NOUN = lazy_re(r"[ \t]+of[ \t]+(?:the|its|their|these|those)[ \t]+(?:[a-z]+(?:-[a-z]+)?[ \t]+)?"
                      r"([a-z]{3,20}s)\b(?![ \t]*\d)")
# "Of the port's 192 berths, 126 …": the fronted whole a bare count is part of
OF_FRONTED = lazy_re(r"[^\w]*of\s+[^,;:.\d]{0,40}$", re.IGNORECASE)
COMMA_ONLY = lazy_re(r"[ \t]*,[ \t]*")
# "…8 days of heavy pollution, of which 6 were …", "Among them, 128 days …": a part of the count before
WHICH_BEFORE = lazy_re(r"\b(?:of\s+(?:which|whom|them|these|those)|among\s+(?:them|these|those|which))\s*,?\s*$",
                       re.IGNORECASE)
# "The number of days with good air quality reached 271": the counted noun of "the number of"
NUMBER_OF_SUBJECT = lazy_re(
    r"\b(?:number|count|total)\s+of\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,20}s)\b[^.;:!?\d]{0,60}?"
    r"\b(?:reached|was|were|is|are|stood\s+at|totaled|totalled|came\s+to|hit|rose\s+to|fell\s+to|grew\s+to|"
    r"dropped\s+to|climbed\s+to|increased\s+to|decreased\s+to)\s*$", re.IGNORECASE)


EN_SUBJECT_VERB = lazy_re(
    rf"\b([A-Za-z]+)\s+(?:(?:have|has|had)\s+)?(?:{_EN_DOWN}|{_EN_UP}|numbered|totaled|totalled|reached|hit|"
    r"stood\s+at|came\s+to|amounted\s+to|were|was)(?:\s+(?:back|further|again|sharply|slightly|down))?"
    r"(?:\s+(?:by|to|from))?\s*$|"
    # the object of a verb of cutting or raising: "to cut heavy-pollution days to fewer than five"
    r"\b(?:cut|cuts|cutting|reduce|reduces|reducing|bring|brings|bringing|lower|lowers|lowering|raise|raises|"
    r"raising|increase|increases|increasing|limit|limits|limiting)\s+(?:its\s+|their\s+|the\s+)?"
    r"(?:[a-z-]+\s+)?([A-Za-z]+)\s+(?:to|by)\s*$", re.IGNORECASE)


def _subject_unit(doc: _Doc, tok: _Tok) -> tuple[Unit, str] | None:
    """"heavy pollution days fell by 37", "good-air days numbered 87 more": the plural noun right before the verb
    names what a bare number counts."""
    text = doc.text
    lo = max(doc.clause_start(tok.num_start), tok.q_start - 60)
    if lo >= tok.q_start:
        return None
    m = EN_SUBJECT_VERB.search(text, lo, tok.q_start)
    if m is None:
        return None
    noun = m.group(1) or m.group(2)
    unit = lookup(noun)
    if unit is None or unit.kind != "level" or unit.dimension not in ("count", "duration") or lemma(noun) == fold(noun):
        return None
    return unit, noun


# "Electric heavy trucks have nearly doubled in number since the end of 2022, to about 21,000": the subject of a
# verb of change earlier in the sentence, when the figure is the "to" end that continues it
EN_SUBJECT_TO = lazy_re(
    rf"\b([a-z]+)\s+(?:(?:have|has|had)\s+)?(?:(?:nearly|almost|roughly|more\s+than)\s+)?"
    rf"(?:doubled|tripled|quadrupled|halved|{_EN_DOWN}|{_EN_UP})\b[^.;:!?]{{0,60}}?,\s*to\s+"
    r"(?:(?:about|around|nearly|almost|roughly|some|over|more\s+than|just\s+over|just\s+under)\s+)?$", re.IGNORECASE)
# A topic of the sentences before: a modified plural count noun ("good-air days", "heavy-pollution days",
# "ski resorts"); the words before it are no number, determiner or function word
EN_TOPIC_NOUN = lazy_re(r"\b(?:[a-z]+-[a-z]+|[a-z]{3,})\s+(days|[a-z]{3,20}s)\b")
TOPIC_REACH = 320  # how far back (at most two sentences of the same paragraph) a topic is looked for
_NOT_TOPIC_MODIFIER = frozenset(re.split(r"\s+", (
    "the these those their its our your his her some many few several more less fewer other recent past next last "
    "first early late and or of in on at to for by with from than all both any each every two three four five six "
    "seven eight nine ten such same two-thirds")))


def _topic_unit(doc: _Doc, tok: _Tok, s_lo: int) -> tuple[Unit, str] | None:
    """The modified plural count noun the sentences before ``tok``'s (at most two, in its paragraph, within
    TOPIC_REACH characters) are about: "… had more good-air days than Beijing last year. The bureau reported 232
    for 2023" counts days. The last such noun wins."""
    text = doc.text
    lo = max(0, s_lo - TOPIC_REACH)
    nl = text.rfind("\n", lo, s_lo)
    if nl >= 0:
        lo = nl + 1
    if lo >= s_lo:
        return None
    p_lo = doc.sentence_bounds(s_lo - 1)[0]
    if p_lo > lo:
        lo = max(lo, doc.sentence_bounds(p_lo - 1)[0]) if p_lo > 0 else p_lo
    found: tuple[Unit, str] | None = None
    for m in EN_TOPIC_NOUN.finditer(text, lo, s_lo):
        noun = m.group(1)
        modifier = m.group(0)[:m.start(1) - m.start()].strip().lower()
        if modifier in _NOT_TOPIC_MODIFIER or text[m.start() - 2:m.start()].strip()[-1:].isdigit():
            continue
        unit = lookup(noun)
        if (unit is not None and unit.kind == "level" and unit.dimension in ("count", "duration")
                and lemma(noun) != fold(noun) and unit.canonical not in ("year", "month", "week", "hour", "minute")):
            found = unit, noun
    return found


def _apply_subject_units(doc: _Doc, tokens: list[_Tok]) -> None:
    text = doc.text
    has_topic: bool | None = None  # (found once per document: is there any topic noun at all?)
    prev_bounds: tuple[int, int] | None = None
    for tok in tokens:
        bounds = doc.sentence_bounds(tok.num_start)
        first = bounds != prev_bounds
        prev_bounds = bounds
        if tok.unit is not None or not tok.english or tok.keep_unitless:
            continue
        if tok.kind == "change" or tok.to_verb:
            found = _subject_unit(doc, tok)
            if found is None and tok.to_verb and text.find(",", max(bounds[0], tok.q_start - 80), tok.q_start) >= 0:
                m = EN_SUBJECT_TO.search(text, max(bounds[0], tok.q_start - 130), tok.q_start)
                unit = lookup(m.group(1)) if m is not None else None
                if (m is not None and unit is not None and unit.kind == "level" and unit.dimension == "count"
                        and lemma(m.group(1)) != fold(m.group(1))):
                    found = unit, m.group(1)
            if found is not None:
                tok.unit, tok.unit_text = found
                continue
        if first and not tok.word and tok.kind == "level" and tok.group is None and bounds[0] > 0:
            # the first figure of a sentence that says nothing of what it measures: the paragraph's topic
            if has_topic is None:
                has_topic = EN_TOPIC_NOUN.search(text) is not None
            if (has_topic and _parallel_position(text, tok) and not _names_unit_after(text, tok, bounds[1])
                    and not ("PM" in text and _pollutant_subject(doc, tok, bounds[0]))):
                found = _topic_unit(doc, tok, bounds[0])
                if found is not None:
                    tok.unit, tok.unit_text = found


def _names_unit_after(text: str, tok: _Tok, hi: int) -> bool:
    """Does the rest of the clause after a bare figure give a unit word ("232 … of good-air days")? Then the
    topic is not needed (and _apply_of_which or _carry_units may find it)."""
    return OF_THE_NOUN.match(text, tok.after) is not None


CN_POPULATION_BEFORE = lazy_re(
    r"人口(?:总数|总量|规模|数量|数)?(?:加起来|加在一起|合起来|相加|合计|共计|总计|总共|共|已|达到|达|为|是|约|有|超过|逾|近|"
    r"突破|接近)*\s*$")
_PERSON = CJK_UNITS["人"]


EN_POPULATION_BEFORE = lazy_re(
    r"\bpopulation\s+(?:(?:of|to|at|reached|reaches|hit|hits|was|is|stood\s+at|grew\s+to|rose\s+to|fell\s+to|"
    r"totaled|totalled|(?:more|less|fewer)\s+than|about|around|nearly|almost|some|over|under)\s+){1,3}$",
    re.IGNORECASE)
# "the resident population fell by 280,000 from a year earlier to 74.2 million": the figures of a population's change
EN_POPULATION_CHANGE = lazy_re(
    r"\bpopulation\s+(?:fell|rose|grew|dipped|dropped|declined|decreased|increased|shrank|climbed|slipped|"
    r"edged\s+(?:up|down)|was\s+(?:down|up))\b[^.;:()]{0,44}?\b(?:by|to)\s+(?:(?:about|around|nearly|almost|some)\s+)?$",
    re.IGNORECASE)
_PEOPLE = WORD_UNITS["people"]


def _apply_population(doc: _Doc, tokens: list[_Tok]) -> None:
    """京津冀三地人口合计1亿多, 常住人口约2185万: a bare Chinese figure of 人口 counts people (人); so does an
    English one ("raise its population to 2m", "a population of about 1.2 million")."""
    text = doc.text
    if "population" in text:
        for tok in tokens:
            if (tok.unit is None and tok.english and not tok.keep_unitless
                    and ((tok.kind == "level" and EN_POPULATION_BEFORE.search(text, max(0, tok.q_start - 48),
                                                                              tok.q_start))
                         or (tok.kind in ("level", "change")
                             and EN_POPULATION_CHANGE.search(text, max(0, tok.q_start - 100), tok.q_start)))):
                tok.unit, tok.unit_text = _PEOPLE, ""
    if "人口" not in text:
        return
    for tok in tokens:
        if (tok.unit is None and not tok.english and not tok.keep_unitless and tok.kind == "level"
                and text.find("人口", max(0, tok.q_start - 8), tok.q_start) >= 0
                and CN_POPULATION_BEFORE.search(text, max(0, tok.q_start - 8), tok.q_start)):
            tok.unit, tok.unit_text = _PERSON, ""


# 交通指数为5.46, 综合指数控制在5.6以内, 指数同比下降0.21; "the congestion index stood at 5.46": a bare figure of an
# index is measured in index points (unit ``index``), as a composite index's is
CN_INDEX_BEFORE = lazy_re(
    r"指数(?:值)?(?:均|仅|只|已|将|由|力争|争取|要|需|预计)?(?:为|是|达到?|降至|降到|降为|下降到|升至|升到|上升到|控制在|保持在|稳定在|在|有|"
    r"分别为)?(?:同比|环比|比上年|较上年)?(?:下降|上升|降低|升高|增加|减少|提高|回落)?了?(?:约|近|超过|不到)?\s*$")
EN_INDEX_BEFORE = lazy_re(
    r"\bindex(?:es)?\s+(?:(?:value\s+)?(?:of|at|was|is|were|stood\s+at|stands\s+at|averaged|reached|fell\s+to|"
    r"rose\s+to|dropped\s+to|improved\s+to|came\s+in\s+at)\s+)(?:(?:about|around|nearly|just|only)\s+)?$",
    re.IGNORECASE)
_INDEX_GAP = 24  # how far before a figure its index noun may stand


def _apply_index(doc: _Doc, tokens: list[_Tok]) -> None:
    """A bare figure right after an index noun (指数为5.46, "the index stood at 5.46") gets the unit ``index``; so
    does a bare change later in its sentence whose nearest figure before it is one (…5.46，同比下降0.21)."""
    text = doc.text
    cn, en = "指数" in text, "index" in text or "Index" in text
    if not cn and not en:
        return
    last: _Tok | None = None
    last_bounds: tuple[int, int] | None = None
    for tok in tokens:
        bounds = doc.sentence_bounds(tok.num_start)
        if bounds != last_bounds:
            last, last_bounds = None, bounds
        if tok.unit is None and not tok.keep_unitless and tok.kind in ("level", "change"):
            lo = max(bounds[0], tok.q_start - _INDEX_GAP)
            pattern = EN_INDEX_BEFORE if tok.english else CN_INDEX_BEFORE
            named = bool(en if tok.english else cn) and pattern.search(text, lo, tok.q_start) is not None
            carried = (tok.kind == "change" and last is not None and last.unit is INDEX
                       and tok.english == last.english)
            if named or carried:
                tok.unit, tok.unit_text = INDEX, ""
        if tok.unit is not None:
            last = tok


def _carries(t: _Tok) -> bool:
    """Can ``t`` lend its unit to a bare English number of its sentence? Not a share or a factor: "79.2 percent
    of the year, 19 more than in 2023" counts days."""
    return t.unit is not None and t.unit.kind == "level" and t.unit.canonical not in _RATIO_UNITS


# a sentence whose subject is a plural count noun that moves "from" one bare figure "to" another: "Days of heavy
# pollution (Level 5 or 6) fell from 58 in 2013 to eight last year" (bounded: the sentence's first 120 characters)
COUNT_SUBJECT_FELL = lazy_re(
    r"\W{0,4}(?:[A-Za-z-]+[ \t]+){0,2}?([A-Za-z]+)(?:[ \t]+of[ \t]+[A-Za-z-]+(?:[ \t]+[A-Za-z-]+)?)?"
    r"(?:[ \t]*\([^()\n]{0,30}\))?[ \t]+(?:fell|rose|dropped|declined|increased|decreased|climbed|grew)[ \t]+from[ \t]+"
    r"(?:[^ \t\n]{1,12}[ \t]+(?:in[ \t]+\d{4}[ \t]+)?to[ \t]+)?$")


def _apply_of_which(doc: _Doc, tokens: list[_Tok]) -> None:
    """"eight days of heavy pollution, six of which …", "271 days …, 95 more than in 2013", "six of the city's
    eight heavy-pollution days": the bare count takes the unit of the count it refers to."""
    text = doc.text
    carrier: _Tok | None = None  # the last token of the current sentence that can lend its unit
    carrier_bounds: tuple[int, int] | None = None
    # (the look-backs below run only where their words occur in the text at all)
    lower_words = text.lower() if ("umber" in text or "ount" in text or "otal" in text) else ""
    has_number_of = "number of" in lower_words or "count of" in lower_words or "total of" in lower_words
    has_which = any(w in text for w in ("which", "whom", "them", "these", "those"))
    for i, tok in enumerate(tokens):
        if tok.unit is not None or not tok.english or tok.keep_unitless:
            if _carries(tok):
                carrier, carrier_bounds = tok, doc.sentence_bounds(tok.num_start)
            continue
        bounds = doc.sentence_bounds(tok.num_start)
        if i + 1 < len(tokens) and OF_THE_NEXT.fullmatch(text, tok.after, tokens[i + 1].q_start):
            nxt = tokens[i + 1]
            if _carries(nxt) and doc.sentence_bounds(nxt.num_start) == bounds:
                tok.unit, tok.unit_text = nxt.unit, nxt.unit_text
                tok.year = tok.year or nxt.year  # "six of the city's eight days that year"
                continue
        m_noun = OF_THE_NOUN.match(text, tok.after) if text.startswith(" of", tok.after) else None
        if m_noun is not None:
            unit = lookup(m_noun.group(1))
            if unit is not None and unit.dimension == "count" and lemma(m_noun.group(1)) != m_noun.group(1):
                tok.unit, tok.unit_text = unit, m_noun.group(1)
                continue
        if (has_which and carrier is not None and carrier_bounds == bounds and carrier.unit is not None
                and carrier.unit.dimension in ("count", "duration")
                and WHICH_BEFORE.search(text, max(bounds[0], tok.q_start - 24), tok.q_start)):
            tok.unit, tok.unit_text = carrier.unit, carrier.unit_text
            continue
        m_number = NUMBER_OF_SUBJECT.search(text, max(bounds[0], tok.q_start - 120), tok.q_start) if (
            has_number_of) else None
        if m_number is not None:
            unit = lookup(m_number.group(1))
            if unit is not None and unit.kind == "level" and unit.dimension in ("count", "duration"):
                tok.unit, tok.unit_text = unit, m_number.group(1)
                carrier, carrier_bounds = tok, bounds
                continue
        if tok.q_start - bounds[0] <= 120:
            m_subj = COUNT_SUBJECT_FELL.match(text, bounds[0], tok.q_start)
            unit = lookup(m_subj.group(1)) if m_subj is not None else None
            if (m_subj is not None and unit is not None and unit.kind == "level"
                    and unit.dimension in ("count", "duration") and lemma(m_subj.group(1)) != fold(m_subj.group(1))):
                tok.unit, tok.unit_text = unit, m_subj.group(1)  # "Days of heavy pollution fell from 58 … to eight"
                continue
        if i == 0:
            continue
        prev = tokens[i - 1]
        if (prev.unit is not None and prev.unit.dimension == "count" and COMMA_ONLY.fullmatch(text, prev.after,
                                                                                            tok.q_start)
                and doc.sentence_bounds(prev.num_start) == bounds
                and OF_FRONTED.fullmatch(text, bounds[0], prev.q_start)):
            tok.unit, tok.unit_text = prev.unit, prev.unit_text
            continue
        if OF_WHICH.match(text, tok.after):
            prev = tokens[i - 1]
            if prev.unit is not None and (doc.sentence_bounds(prev.num_start) == bounds or (
                    # "… 1.3m residents. Roughly half a million of them …": the count of the sentence before
                    prev.unit.dimension == "count" and prev.unit.kind == "level" and tok.q_start - prev.after < 160
                    and "\n" not in text[prev.after:tok.q_start] and text.startswith(" of them", tok.after))):
                tok.unit, tok.unit_text = prev.unit, prev.unit_text
        elif MORE_THAN.match(text, tok.after) and carrier is not None and carrier_bounds == bounds:
            tok.unit, tok.unit_text = carrier.unit, carrier.unit_text
        if _carries(tok):
            carrier, carrier_bounds = tok, bounds


# ========================================================================= baselines


def _apply_baselines(doc: _Doc, tokens: list[_Tok]) -> None:
    text = doc.text
    changes = [t for t in tokens if t.kind in ("change", "multiple")]
    for k, tok in enumerate(changes):
        p_lo, p_hi = doc.part_bounds(tok.num_start)
        before = text[max(p_lo, tok.q_start - BASELINE_BEFORE):tok.q_start]
        # "Since 2014, when the reading fell 12 percent from the year before": a year-on-year change has no other
        # baseline than the year before its own
        year = None if tok.english and tok.comparison is not None else _last_baseline(before, tok.english)
        bounds = doc.sentence_bounds(tok.num_start)
        s_lo = bounds[0]
        if year is None and tok.english and tok.comparison is None:
            fronted_year, fronted_yoy = _fronted(doc, s_lo)
            # "Compared with 2013, … were down 50 percent, 57.1 percent and 88.7 percent"; "Year on year, …"
            year = fronted_year
            if fronted_yoy and tok.baseline_year is None:
                tok.comparison = "yoy"
        if (year is None and s_lo < p_lo and tok.comparison is None
                and not re.search(rf"(?<!\d){YEAR}(?!\d)", before)):
            # 较2013年分别增加95天…;重污染天数则分别减少50天: a later piece without a year of its own
            year = _last_baseline(text[max(s_lo, tok.q_start - BASELINE_BEFORE):p_lo], tok.english)
        if year is None and tok.english:
            stop = min(p_hi, tok.after + AFTER_WINDOW)
            if k + 1 < len(changes) and changes[k + 1].q_start > tok.after:
                stop = min(stop, changes[k + 1].q_start)
            m = EN_BASE_AFTER.match(text[tok.after:stop])
            if m:
                year = int(next(g for g in m.groups() if g))
        if year is None and tok.english and tok.comparison is None:
            year = _level_baseline(doc, tokens, tok)
        if year is None and tok.english and tok.comparison is None:
            ends = _between_years(doc, changes, k, bounds)
            if ends is not None:
                year = ends[0]
                if tok.year is None:
                    tok.year = ends[1]
        if year is None and tok.english and tok.kind == "change" and tok.comparison is None and k > 0:
            # "…railway lines, up more than 30 percent from 2013, and … highways, up over 40 percent"
            prev = changes[k - 1]
            if prev.baseline_year is not None and doc.sentence_bounds(prev.num_start) == bounds:
                year = prev.baseline_year
                if tok.year is None and SAME_PERIOD.match(text, tok.after):
                    tok.year = prev.year  # "fell by 37 over the same period"
        if year is not None and tok.baseline_year is None:
            tok.baseline_year = year
        # 比上年 / 较去年 anywhere before in the part (与上年相比,…下降5%)
        if tok.comparison is None and not tok.english and tok.baseline_year is None and CN_YOY.search(before[-40:]):
            tok.comparison = "yoy"
        yoy_lo = max(s_lo, tok.q_start - 400)
        if (s_lo > 0 and tok.comparison is None and not tok.english and tok.baseline_year is None
                and CN_CHANGE_BACK_REFERENCE.match(text, s_lo, tok.q_start)):
            # 28个城市PM2.5平均浓度均同比下降。降幅排名前3位的城市为…,分别下降54.8%、53.8%: 降幅 refers to the
            # change of the sentence before, and so does its 同比
            yoy_lo = max(doc.sentence_bounds(s_lo - 1)[0], tok.q_start - 400)
        if (tok.comparison is None and not tok.english and tok.baseline_year is None
                and text.find("同比", yoy_lo, tok.q_start) >= 0):
            # 28个城市PM2.5平均浓度均同比下降,降幅排名前3位的城市为…,分别下降54.8%、53.8%和45.5%: a 同比 said of
            # the whole sentence (its verb has no figure) holds for its later changes
            general = None
            for m_general in CN_YOY_GENERAL.finditer(text, yoy_lo, tok.q_start):
                general = m_general
            if general is not None and _last_baseline(text[general.end():tok.q_start], False) is None:
                tok.comparison = "yoy"


def _between_years(doc: _Doc, changes: list[_Tok], k: int, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """(from, to) of "between 2013 and 2023" / "from 2013 to 2023" said in an English change's sentence: before it
    (the last such phrase), or after it within its clause and before the next change."""
    text = doc.text
    tok = changes[k]
    s_lo, s_hi = bounds
    stop = min(s_hi, tok.after + AFTER_WINDOW)
    if k + 1 < len(changes) and changes[k + 1].q_start > tok.after:
        stop = min(stop, changes[k + 1].q_start)
    found: re.Match[str] | None = None
    if text.find("etween", tok.after, stop) >= 0 or text.find("rom", tok.after, stop) >= 0:
        m = EN_BETWEEN_YEARS.search(text, tok.after, stop)
        if m is not None and not _SEPARATOR.search(text, tok.after, m.start()):
            found = m
    if found is None and (text.find("etween", s_lo, tok.q_start) >= 0 or text.find("rom", s_lo, tok.q_start) >= 0):
        for m in EN_BETWEEN_YEARS.finditer(text, s_lo, tok.q_start):
            found = m
    if found is None:
        return None
    first, last = int(found.group(1) or found.group(2)), int(found.group(3))
    return (first, last) if first < last else None


def _level_baseline(doc: _Doc, tokens: list[_Tok], tok: _Tok) -> int | None:
    """The year of the level an English change is measured from, when the level states one: "55 percent below
    the 108 micrograms recorded in 2013", "compares with 89.5 micrograms in 2013, a decline of 65.9 percent"."""
    text = doc.text
    i = _index_of(tokens, tok)
    if i is None:
        return None
    bounds = doc.sentence_bounds(tok.num_start)
    if i + 1 < len(tokens):
        b = tokens[i + 1]
        if (b.year is not None and b.kind == "level" and tok.after <= b.q_start
                and doc.sentence_bounds(b.num_start) == bounds
                and EN_TO_LEVEL_GAP.fullmatch(text, tok.after, b.q_start)):
            return b.year
    if i > 0:
        a = tokens[i - 1]
        if (a.year is not None and a.kind == "level" and a.after <= tok.q_start
                and doc.sentence_bounds(a.num_start) == bounds
                and EN_LEVEL_THEN_CHANGE.fullmatch(text, a.after, tok.q_start)
                and EN_COMPARED_WITH_BEFORE.search(text, max(bounds[0], a.q_start - 24), a.q_start)):
            return a.year
    return None


def _index_of(tokens: list[_Tok], tok: _Tok) -> int | None:
    """The position of ``tok`` in ``tokens`` (sorted by offset), found by bisection."""
    k = bisect.bisect_left(tokens, tok.num_start, key=lambda t: t.num_start)
    while k < len(tokens) and tokens[k].num_start == tok.num_start:
        if tokens[k] is tok:
            return k
        k += 1
    return None


# a sentence that opens on the change just reported: 降幅排名前3位的城市为…, 增幅最大的是…
CN_CHANGE_BACK_REFERENCE = lazy_re(r"\s*[^\d。]{0,12}?(?:降幅|增幅|涨幅|升幅|改善幅度|下降幅度|上升幅度)")
SAME_PERIOD = lazy_re(r"\s*(?:over|in|during|for)\s+the\s+same\s+(?:period|time|span)\b(?!\s+(?:of|in|last)\b)",
                      re.IGNORECASE)
EN_FRONTED = lazy_re(
    rf"[\s\"“‘'(]*(?:(?:compared\s+(?:with|to)|relative\s+to|against|versus)\s+(?:the\s+)?"
    rf"(?:(?:level|levels|figure|figures)\s+(?:of|in)\s+)?({YEAR})(?:\s+(?:levels?|figures?))?"
    r"|(year[- ]on[- ]year|year[- ]over[- ]year|from\s+a\s+year\s+(?:earlier|ago|before)))\s*,",
    re.IGNORECASE)


def _fronted(doc: _Doc, s_lo: int) -> tuple[int | None, bool]:
    """A comparison fronted to the start of an English sentence ("Compared with 2013, …", "Year on year, …")
    holds for every change of the sentence: (its baseline year, whether it is year on year)."""
    found = doc.fronted.get(s_lo)
    if found is None:
        m = EN_FRONTED.match(doc.text, s_lo)
        found = doc.fronted[s_lo] = (None, False) if m is None else (
            (int(m.group(1)) if m.group(1) else None), m.group(2) is not None)
    return found


def _last_baseline(before: str, english: bool) -> int | None:
    best: tuple[int, int] | None = None
    patterns: tuple[re.Pattern[str], ...] = (EN_BASE_BEFORE,) if english else CN_BASELINES
    if not english and "年" not in before:
        patterns = ()  # each Chinese baseline names a year: 比2014年, 与2013年…相比
    for k, pattern in enumerate(patterns):
        if not english and not any(c in before for c in _CN_BASELINE_NEEDS[k]):
            continue
        for m in compiled(pattern).finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), int(m.group(1)))
    if not english and "五" in before:  # 比“十三五”末
        for m in CN_PLAN_BASELINE.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), 1955 + 5 * (11 + "一二三四五".index(m.group(1))))
    return None if best is None else best[1]


# ============================================================================ groups


def _compatible(a: _Tok, b: _Tok) -> bool:
    if a.unit is None or b.unit is None:
        return True
    return a.unit.canonical == b.unit.canonical


_RATIO_UNITS = ("%", "pp")


def _share_unit(a: _Tok, b: _Tok) -> None:
    for x, y in ((a, b), (b, a)):
        if x.unit is None and y.unit is not None:
            x.unit, x.unit_text = y.unit, y.unit_text
            if y.unit.scale != 1:
                x.value, x.precision = clean(x.value * y.unit.scale), clean(x.precision * y.unit.scale)


def _apply_groups(doc: _Doc, tokens: list[_Tok]) -> None:
    text = doc.text
    group = 0
    i = 0
    while i + 1 < len(tokens):
        a, b = tokens[i], tokens[i + 1]
        if a.kind not in ("level", "change") or b.kind not in ("level", "change") or a.group or b.group:
            i += 1
            continue
        if doc.sentence_bounds(a.num_start) != doc.sentence_bounds(b.num_start):
            i += 1
            continue
        if (a.english and a.kind == "change" and b.kind == "level"
                and (m := EN_CHANGE_FROM_GAP.match(text, a.after, b.q_start))):
            # "down 2.1 percent from 38.6 in 2023", "up 121 days from 129 in 2013": a change and the level it starts
            # from (no "to" end) — unless that level opens a from…to phrase of its own ("rose by 50, from 176 to 226",
            # whose delta the next pair takes)
            c = tokens[i + 2] if i + 2 < len(tokens) else None
            if (c is None or c.group or _from_to(text, b, c) is None
                    or doc.sentence_bounds(c.num_start) != doc.sentence_bounds(b.num_start)):
                group += 1
                b.group, b.role, b.direction = group, "from", None
                a.group, a.role = group, "delta"
                if m.group(1):
                    a.year = a.year or int(m.group(1))
                if b.year is not None and a.baseline_year is None:
                    a.baseline_year = b.year
                if b.unit is None and a.unit is not None and a.unit.canonical not in _RATIO_UNITS:
                    _share_unit(b, a)
                i += 2
                continue
            i += 1  # the from…to phrase that follows is the next pair
            continue
        if not _compatible(a, b):
            i += 1
            continue
        pair = _from_to(text, a, b)
        if pair is None:
            i += 1
            continue
        src, dst, direction, from_year, to_year = pair
        group += 1
        _share_unit(src, dst)
        if src.unit is None and dst.unit is None and src.english:
            # "heavy pollution days fell from 58 in 2013 to two": the subject names the unit
            m = EN_SUBJECT_UNIT.search(text[max(0, src.q_start - 40):src.q_start])
            unit = lookup(m.group(1)) if m else None
            if unit is not None and unit.kind == "level" and unit.dimension in ("count", "duration"):
                for t in (src, dst):
                    t.unit, t.unit_text = unit, m.group(1) if m else ""
        for t, role in ((src, "from"), (dst, "to")):
            t.kind, t.direction, t.group, t.role = "level", None, group, role
        if from_year is None and to_year is None and src.year is None and dst.year is None:
            from_year, to_year = _year_range_before(doc, src)
        if from_year is not None:
            src.year = from_year
        if to_year is not None:
            dst.year = to_year
        if direction is None and src.value != dst.value:
            direction = "down" if dst.value < src.value else "up"
        delta = _delta(doc, tokens, i, src, dst)
        if delta is not None:
            delta.group, delta.role = group, "delta"
            if delta.kind != "multiple":  # a factor has no direction
                delta.direction = delta.direction or direction
            if src.year is not None:
                delta.baseline_year = src.year
            if dst.year is not None:
                delta.year = dst.year
        i += 2


YEAR_RANGE_BEFORE = lazy_re(
    rf"\b(?:between\s+({YEAR})\s+and|from\s+({YEAR})\s+(?:to|through|until))\s+({YEAR})\b(?![\d.])"
    rf"|({_Y_AFTER_NON_NUMBER})\s*年?\s*(?:至|到|—|–|~|～)\s*({YEAR})\s*年", re.IGNORECASE)


def _year_range_before(doc: _Doc, src: _Tok) -> tuple[int | None, int | None]:
    """"Between 2013 and 2017 the reading dropped from 89.5 to 58", 2013年至2017年,…从…降至…: a from…to phrase
    whose ends name no year takes the two years of a range stated before it in its sentence."""
    lo, _ = doc.sentence_bounds(src.num_start)
    found = None
    for m in YEAR_RANGE_BEFORE.finditer(doc.text, max(lo, src.q_start - BASELINE_BEFORE), src.q_start):
        found = m
    if found is None:
        return None, None
    if _YEAR_IN_TEXT.search(doc.text, found.end(), src.q_start):
        return None, None  # another year stands between the range and the phrase
    first = found.group(1) or found.group(2) or found.group(4)
    last = found.group(3) or found.group(5)
    return int(first), int(last)


def _from_to(text: str, a: _Tok, b: _Tok) -> tuple[_Tok, _Tok, str | None, int | None, int | None] | None:
    """(from, to, direction, from-year, to-year) when ``a`` and ``b`` form a from…to phrase."""
    gap = text[a.after:b.q_start]
    if a.english:
        before = text[max(0, a.q_start - 8):a.q_start]
        m = EN_FROM_TO_GAP.match(gap)
        if m and EN_FROM.search(before):
            verb = EN_VERB_FROM.search(text[max(0, a.q_start - 40):a.q_start])
            direction = _direction(verb) if verb else None
            from_year = int(m.group(1)) if m.group(1) else a.year
            return a, b, direction, from_year, b.year
        m = EN_TO_FROM_GAP.match(gap)
        if m:
            to_year = int(m.group(1)) if m.group(1) else a.year
            return b, a, _direction(m), b.year, to_year
        return None
    m = CN_FROM_TO_GAP.fullmatch(gap)
    if not m:
        return None
    from_m = CN_FROM.search(text[max(0, a.q_start - 14):a.q_start])
    if m.group("any") and from_m is None:
        return None
    from_year = int(from_m.group(1)) if from_m and from_m.group(1) else a.year
    to_year = int(m.group("toyear")) if m.group("toyear") else b.year
    return a, b, _direction(m), from_year, to_year


def _delta(doc: _Doc, tokens: list[_Tok], i: int, src: _Tok, dst: _Tok) -> _Tok | None:
    text = doc.text
    first, last = (tokens[i], tokens[i + 1])
    k, gap_start = i + 2, last.after
    if k + 1 < len(tokens):
        # "to 11.5 trillion yuan (about 1.6 trillion U.S. dollars) in 2024, an increase of 10.6 percent": the
        # conversion in brackets is no part of the phrase, nor is the year the "to" end is for
        aside = tokens[k]
        if (EN_OPEN_ASIDE.fullmatch(text, last.after, aside.q_start)
                and (close := EN_CLOSE_ASIDE.match(text, aside.after)) is not None):
            k, gap_start = k + 1, close.end()
    if k < len(tokens):
        c = tokens[k]
        gap = text[gap_start:c.q_start]
        if (c.kind == "change" and c.group is None and c.comparison is None
                and (c.baseline_year is None or c.baseline_year == src.year)
                and doc.sentence_bounds(c.num_start) == doc.sentence_bounds(last.num_start)
                and len(gap) <= 40 and DELTA_GAP.match(gap)):
            return c
    if i > 0:
        c = tokens[i - 1]
        gap = text[c.after:first.q_start]
        # "rose 40 percent from …", "more than tripled from 11 million kilowatts in 2016 to 35 million"
        if (c.kind in ("change", "multiple") and c.group is None and c.comparison is None and len(gap) <= 40
                and re.fullmatch(r"[\s,，]*(?:from|从|由)\s*(?:\d{4}\s*年(?:底|末)?\s*的?)?\s*", gap, re.IGNORECASE)):
            return c
    return None


EN_OPEN_ASIDE = lazy_re(r"\s*[(（]\s*")
EN_CLOSE_ASIDE = lazy_re(rf"\s*[)）](?:\s*(?:in|by)\s+{YEAR}\b)?")
EN_CHANGE_TO_GAP = lazy_re(
    r"\s*(?:(?:from\s+a\s+year\s+(?:earlier|ago|before)|year[- ]on[- ]year|year[- ]over[- ]year)\s*)?,?\s*to\s*",
    re.IGNORECASE)


def _apply_change_to(doc: _Doc, tokens: list[_Tok]) -> None:
    """"rose 4.5 percent from a year earlier to 112 million tonnes in 2024": the change ends in the year of the
    level it rose to."""
    text = doc.text
    for i in range(len(tokens) - 1):
        a = tokens[i]
        if not a.english or a.kind != "change" or a.year is not None:
            continue
        b = tokens[i + 1]
        if (b.year is not None and b.to_verb
                and a.after <= b.q_start and EN_CHANGE_TO_GAP.fullmatch(text, a.after, b.q_start)):
            a.year = b.year


def _in_table_row(text: str, pos: int) -> bool:
    """Is ``pos`` in a Markdown table row (a line that starts with "|")? Looks back at most 2000 characters."""
    lo = max(0, pos - 2000)
    newline = text.rfind("\n", lo, pos)
    if newline < 0 and lo > 0:
        return False  # a line that long is no table row
    return text[newline + 1:pos].lstrip(" \t").startswith("|")


# A bare number stands where a figure of the sentence would stand: after a preposition, a verb of comparison or a
# place ("against 36 in Beijing", "to 32 in 2023", "Tianjin 37 and Hebei 37.8") and before a year, a clause break or
# another function word — not inside a name ("a level 3 alert", "Route 5 traffic").
_BARE_BEFORE = lazy_re(
    r"(?:\b(?:from|to|against|versus|vs\.?|than|at|of|for|hit|hitting|averaging|was|were|is|are|be|been|and|or|with|"
    r"by|as|had|has|have|saw|sees|got|[a-z]{2,}ed)|[,(\"“‘]|\b[A-Z][a-z]+(?:['’]s)?|\b(?:year|month)['’]s)\s*$")
# (Tianjin 37: a place names it; "last year's 41")
_BARE_AFTER = lazy_re(
    r"\s*(?:[,.;:)—–\"”’]|$)|\s+(?:in|on|at|for|by|and|or|a|an|the|than|last|this|that|during|against|when|while|from|to|"
    r"over|compared|versus|respectively|before|after|earlier|ago|now|as|under|so|since|with|but|year|up|down|"
    r"according|amid|despite|was|were|is|are)\b", re.IGNORECASE)

# A pollutant's statistic named right before a bare number of its clause: "the PM2.5 average was 37", "Tianjin's
# PM2.5 is still above the national limit of 35", "PM10 concentrations stood at 61": a concentration in μg/m³.
EN_POLLUTANT_SUBJECT = lazy_re(
    r"\bPM\s?(?:2\.5|10)(?![\d.])[^.;:!?]{0,40}?\b(?:average|mean|concentration|level|reading|density|limit|"
    r"standard|guideline|benchmark|target)s?\b[^.;:!?\d]{0,24}?\b(?:was|were|is|are|of|at|averaged|hit|reached|"
    r"stood\s+at|to|around|about|roughly)\s*$")


EN_SUBJECT_GAP = lazy_re(
    r"[^,;:.()]{0,80}?\b(?:averaged|averages|reached|reaches|hit|hits|was|were|is|are|stood\s+at|stands\s+at|"
    r"totaled|totalled|came\s+to|recorded|posted|registered)\s+", re.IGNORECASE)


def _parallel_position(text: str, tok: _Tok) -> bool:
    return (_BARE_BEFORE.search(text, max(0, tok.q_start - 16), tok.q_start) is not None
            and _BARE_AFTER.match(text, tok.after) is not None)


def _carry_units(doc: _Doc, tokens: list[_Tok]) -> None:
    """A bare English number measures what the figures before it in its sentence measure: "37.8 micrograms …,
    down 2.1 percent from 38.6 in 2023 and down from 108 in 2013", "averaged 22 micrograms, against 36 in
    Beijing". Members of a from…to phrase first take the unit of their delta ("rose by 50 days, from 176 to 226").
    Shares and factors lend nothing ("79.2 percent of the year, 19 more…" counts days), table cells take their
    column's unit only."""
    text = doc.text
    has_tables = "|" in text
    by_group: dict[int, _Tok] = {}
    for tok in tokens:
        if tok.group is not None and tok.role == "delta" and _carries(tok):
            by_group[tok.group] = tok
    last: _Tok | None = None
    earlier: _Tok | None = None  # the carrier before ``last`` in the sentence
    last_bounds: tuple[int, int] | None = None
    before_last: _Tok | None = None  # the last carrier of the sentence before (see _carried_over)
    prev_end = 0  # where the token before ends
    has_pm = "PM" in text
    for tok in tokens:
        bounds = doc.sentence_bounds(tok.num_start)
        if bounds != last_bounds:
            # (only from the sentence right before)
            before_last = last if last is not None and _previous_sentence_start(doc, tok.num_start) <= last.start \
                else None
            last, earlier, last_bounds = None, None, bounds
        if (tok.unit is None and tok.english and not tok.keep_unitless and tok.kind in ("level", "change")
                and (not tok.word or tok.group is not None or tok.qualifier is not None or _spelled_figure(tok)
                     or (last is None and before_last is not None and _COPULA_END.search(
                         text, max(bounds[0], tok.q_start - 12), tok.q_start) is not None))):
            # (a qualified number word stands for a figure: "three lines then; today there are more than ten"; so
            # does one of two words or above twenty: "eleven days last year, against eighty in 2013", or one after
            # a copula carried over: "… had four days of heavy pollution. Last winter it was nine.")
            donor = by_group.get(tok.group) if tok.group is not None else None
            if (donor is None and last is None and before_last is not None
                    and _carried_over(text, before_last, tok, bounds)
                    and not (has_pm and _pollutant_subject(doc, tok, prev_end))):
                donor = before_last
            if donor is None and last is not None and _parallel_position(text, tok):
                donor = last
                if (last.unit is not None and last.unit.dimension == "count" and last.after <= tok.q_start
                        and EN_SUBJECT_GAP.fullmatch(text, last.after, tok.q_start)):
                    # "the 28 cities of the group averaged 43": the counted things are the subject of the verb
                    # before the figure, not what it measures; the figure before them may say what it measures
                    donor = earlier if earlier is not None and earlier.unit is not None and (
                        earlier.unit.dimension != "count") else None
            if donor is not None and not (has_tables and _in_table_row(text, tok.num_start)):
                _share_unit(tok, donor)
            elif (donor is None and (not tok.word or _spelled_figure(tok)) and tok.kind == "level" and has_pm
                  and _pollutant_subject(doc, tok, prev_end)
                  and not (has_tables and _in_table_row(text, tok.num_start))):
                tok.unit, tok.unit_text = UGM3, ""
        if _carries(tok):
            last, earlier = tok, last
        prev_end = tok.after


# A unit carried over from the sentence before: at most this far, in one paragraph
CARRY_OVER_REACH = 240
_COPULA_END = lazy_re(r"\b(?:was|were|is|are)\s+$")
_NO_LINE_BREAK = lazy_re(r"[^\n]*")


def _carried_over(text: str, donor: _Tok, tok: _Tok, bounds: tuple[int, int]) -> bool:
    """Does the first figure of a sentence, bare and standing where a figure would ("Baoding was also at
    forty-two.", "That is still above the national limit of thirty-five."), measure what the last figure of the
    sentence before measures? Only within CARRY_OVER_REACH characters and with no line break between."""
    if tok.q_start - donor.after > CARRY_OVER_REACH or donor.after > bounds[0]:
        return False
    if _NO_LINE_BREAK.fullmatch(text, donor.after, tok.q_start) is None:
        return False
    return _parallel_position(text, tok) and _BARE_END.match(text, tok.after) is not None


# (the carried figure ends its clause: "… at forty-two.", "… it was nine.", "… of thirty-five, …")
_BARE_END = lazy_re(r"\s*(?:[,.;:!?)—–\"”’]|$)")


# A bare Chinese figure stands where a concentration would: after a copula, a verb of reaching or 的 ("去年是38.6",
# "降到38.6", "跟2015年的77比", "全省平均38.6") and before a clause break or 比
CN_BARE_BEFORE = lazy_re(r"(?:是|为|為|到|至|的|达|達|平均|均值|仅|僅|只有)\s*$")
CN_BARE_AFTER = lazy_re(r"\s*(?:[，,。；;、）)!?！？]|相?比|$)")
CN_CARRY_REACH = 120  # how far back (within a paragraph) the concentration a bare figure continues may stand


def _carry_cn_concentration(doc: _Doc, tokens: list[_Tok]) -> None:
    """A bare Chinese figure continues the concentration stated last before it, in its sentence or the one
    before (no line break, within CN_CARRY_REACH): "PM2.5年均浓度是108微克/立方米，去年是38.6" reads 38.6 μg/m³;
    "平均浓度是18微克/立方米，北京是32". Only when no other measured figure stands between them."""
    text = doc.text
    has_tables = "|" in text
    last: _Tok | None = None
    for tok in tokens:
        if tok.english:
            continue
        if (tok.unit is None and last is not None and not tok.cn_only and not tok.keep_unitless
                and tok.kind == "level" and tok.group is None and tok.value_high is None
                and 0 <= tok.q_start - last.after <= CN_CARRY_REACH
                and "\n" not in text[last.after:tok.q_start]
                and doc.sentence_bounds(last.start)[0] >= _previous_sentence_start(doc, tok.num_start)
                and CN_BARE_BEFORE.search(text, max(0, tok.q_start - 4), tok.q_start) is not None
                and CN_BARE_AFTER.match(text, tok.after) is not None
                and not (has_tables and _in_table_row(text, tok.num_start))):
            tok.unit, tok.unit_text = last.unit, ""
            continue
        if _carries(tok):
            last = tok if tok.unit is not None and tok.unit.dimension == "concentration" else None


def _previous_sentence_start(doc: _Doc, pos: int) -> int:
    """Where the sentence before the one around ``pos`` starts (its own start at the start of the text)."""
    lo = doc.sentence_bounds(pos)[0]
    k = lo - 1
    while k > 0 and lo - k < 8 and doc.text[k] in " \t\u3000":
        k -= 1  # (the spaces between two sentences belong to neither)
    return doc.sentence_bounds(k)[0] if k >= 0 else lo


def _spelled_figure(tok: _Tok) -> bool:
    """A number spelled in words that reads as a figure, not a pronoun ("the other two", "all three"): one of
    more than one word ("forty-two", "a hundred and ten") or a round number of twenty or more ("eighty")."""
    return tok.value >= 20 or any(c in tok.num_text for c in " -\t")


def _pollutant_subject(doc: _Doc, tok: _Tok, prev_end: int) -> bool:
    """Does a pollutant's statistic (EN_POLLUTANT_SUBJECT) end right before ``tok``, in its sentence and after
    the figure before it? Looks back a fixed 90 characters."""
    lo = max(doc.sentence_bounds(tok.num_start)[0], prev_end, tok.q_start - 90)
    return lo < tok.q_start and EN_POLLUTANT_SUBJECT.search(doc.text, lo, tok.q_start) is not None


# ============================================================================ signs

_MINUS = frozenset("-−－")
# A level stated negative after a copula: 自然增长率为-0.71‰, "the balance was -3.2%", 气温降至-12℃
SIGN_BEFORE = lazy_re(r"(?:[为是：:达至到]|\b(?:was|were|is|are|at|of|to)[ \t])[ \t]*$", re.IGNORECASE)


def _apply_signs(doc: _Doc, tokens: list[_Tok]) -> None:
    """A minus sign before a level read as a value (not a change: "-64.2%" in a change column keeps its
    direction) makes it negative. Only right after a copula or a colon, so that a range or a hyphen stays one."""
    text = doc.text
    has_tables = "|" in text
    for tok in tokens:
        n = tok.num_start
        if (tok.kind != "level" or tok.q_start != n or tok.start != n or n < 2 or text[n - 1] not in _MINUS
                or tok.value <= 0 or tok.value_high is not None):
            continue
        if SIGN_BEFORE.search(text, max(0, n - 8), n - 1) is None:
            continue
        if has_tables and _in_table_row(text, n):
            continue
        tok.value = -tok.value
        tok.start = tok.q_start = n - 1


# ============================================================================ output


def _keep(t: _Tok) -> bool:
    if t.kind == "rating":
        return True
    if t.word and t.unit is None and t.group is None:
        return False
    if t.cn_only and t.unit is None and not t.keep_unitless and t.group is None:
        return False
    # 一个缩影, 一批: the article "a", not a count — unless qualified (一年至少一部法规)
    return not (t.cn_only and t.num_text == "一" and t.kind != "multiple" and t.qualifier is None)


def _quantity(text: str, t: _Tok) -> Quantity:
    # positional, in the order of Quantity's fields (keywords cost twice as much)
    return Quantity(t.start, t.end, text[t.start:t.end], t.value, t.unit.canonical if t.unit is not None else None,
                    t.kind, t.precision, t.value_high, t.qualifier, t.direction, t.year, t.baseline_year,
                    t.comparison, t.group, t.role, t.unit_text)


__all__ = ["extract", "find_times"]


bind_lazy(globals())
