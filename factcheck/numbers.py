"""Parse written numbers into exact ``Decimal`` values with their stated precision.

``parse_number("3565万") -> (Decimal("35650000"), Decimal("5000"))``

Handled forms (one number per call, no surrounding text):

- ASCII digits, decimals and thousands separators: ``38.6``, ``1,100``;
- ASCII digits with Chinese magnitudes: ``3565万``, ``2.28万``, ``2037.22亿``, ``1.5万亿``,
  ``5百万``, mixed ``3万4000``, Taiwan's ``10.4兆`` (10^12; the extractor decides when 兆 is one);
- Chinese numerals: ``十``, ``十二``, ``两千``, ``一万二千``, ``三百五十``, ``一百零五``,
  colloquial ``两万五`` (25000), digit strings ``二〇二三``, decimals ``三点五``;
- fractions ``十分之一`` (0.1, exact) and percentages ``百分之五十`` (50, to be read as %),
  ``千分之五`` (0.5, as %);
- English: ``15.6 million``, ``2.3 trillion``, ``2.5bn``, number words ``two``, ``twenty-five``,
  ``three hundred``, ``two million``.

Precision is half a unit of the last stated digit, scaled with the number: ``38.6`` ->
0.05, ``35`` -> 0.5, ``3565万`` -> 5000, ``2.28万`` -> 50. Chinese numerals below 万 are
read to the unit (``三百`` -> 0.5, as ``300`` is), while a trailing 万/亿 scales
(``三万`` -> 5000, as ``3万`` does). Fractions are exact (precision 0).

Everything is linear in the input; absurdly long inputs (more than
:data:`MAX_DIGITS` digits) are refused (``None``) rather than computed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache


class _LazyPattern:
    """A regular expression compiled on its first use (see :func:`lazy_re`).

    Once compiled, the module global that holds it (see :func:`bind_lazy`) is replaced by
    the compiled pattern, so that later uses cost nothing extra.
    """

    __slots__ = ("_compiled", "_home", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._home: tuple[MutableMapping[str, object], str] | None = None

    def compiled(self) -> re.Pattern[str]:
        c = self._compiled
        if c is None:
            c = self._compiled = re.compile(self.pattern, self.flags)
            if self._home is not None and self._home[0].get(self._home[1]) is self:
                self._home[0][self._home[1]] = c
        return c

    @property
    def groups(self) -> int:
        return self.compiled().groups

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str, string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self.compiled().split(string, maxsplit)

    def __repr__(self) -> str:
        return f"lazy_re({self.pattern!r}, {self.flags})"


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that compiles on first use: module import pays nothing for it.

    Call :func:`bind_lazy` with the module's ``globals()`` at the end of the module so that
    the first use also replaces the global by the compiled pattern.
    """
    # typed as the pattern it stands for (no typing.cast: importing typing costs every pre-commit run)
    return _LazyPattern(pattern, flags)  # type: ignore[return-value]


def compiled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The compiled pattern behind a :func:`lazy_re` (for patterns held in tuples, where no global is replaced)."""
    return pattern.compiled() if isinstance(pattern, _LazyPattern) else pattern


def bind_lazy(namespace: MutableMapping[str, object]) -> None:
    """Let every lazy pattern held by a global of ``namespace`` replace itself there once compiled."""
    for name, value in list(namespace.items()):
        if isinstance(value, _LazyPattern) and value._home is None:
            value._home = (namespace, name)


# Characters that a case-insensitive regex matches to an ASCII letter although str.lower() does not give that
# letter (İ lowers to two characters, ı and ſ stay themselves, K lowers to k but is listed for clarity).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(s: str) -> str:
    """``s.lower()`` with the four characters that match an ASCII letter under ``re.IGNORECASE`` folded to that
    letter first: a word found by a case-insensitive pattern (``twİce``, ``ſquare km``) folds to the key of the
    table it was found with (``twice``, ``square km``). Same length as ``s``."""
    if s.isascii() or _FOLD_SPECIAL.search(s) is None:  # almost every text: no per-character translate
        return s.lower()
    return s.translate(_FOLD).lower()


_FOLD_SPECIAL = lazy_re("[\u0130\u0131\u017f\u212a]")  # the keys of _FOLD


MAX_DIGITS = 24  # more stated digits than this is not a statistic
MAX_CHARS = 64
FRACTION_QUANTUM = Decimal("1e-12")  # 三分之一 is kept to 12 decimals (precision half of that)

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
CN_SMALL: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG: dict[str, int] = {"万": 10**4, "亿": 10**8, "兆": 10**12}  # 兆: Taiwan usage (10.4兆元); the extractor
# reads it as a magnitude only before a money or energy unit (兆瓦, 兆帕, 兆字节 are units)
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL) + "".join(CN_BIG)

EN_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
EN_MAGNITUDES: dict[str, int] = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "bn": 10**9, "mn": 10**6, "mln": 10**6, "bln": 10**9,  # wire-service abbreviations: "100 mln tonnes"
}
EN_NUMBER_WORDS = tuple(EN_UNITS) + tuple(EN_TENS)

_ASCII = lazy_re(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_EN_WORD_NUMBER = lazy_re(
    r"(?:(?P<tens>" + "|".join(EN_TENS) + r")(?:[- ](?P<tunit>" + "|".join(k for k in EN_UNITS if EN_UNITS[k])
    + r"))?|(?P<unit>" + "|".join(sorted(EN_UNITS, key=len, reverse=True)) + r"))",
    re.IGNORECASE,
)
_EN_FULL = lazy_re(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?)"
    r"(?:\s*(?P<mag1>hundred|thousand|million|billion|trillion|bn|mn|mln|bln)\b)?"
    r"(?:\s+(?P<mag2>thousand|million|billion))?",
    re.IGNORECASE,
)
_FRACTION = lazy_re(r"(?P<den>[^分]+)分之(?P<num>.+)")


@dataclass(frozen=True)
class ParsedNumber:
    """A parsed number: exact value and half a unit of its last stated digit."""

    value: Decimal
    precision: Decimal
    percent: bool = False  # 百分之五十, 千分之五: the value is in percent
    fraction: bool = False  # 十分之一: an exact ratio


def parse_number(s: str) -> tuple[Decimal, Decimal] | None:
    """``(value, precision)`` of one written number, or None when ``s`` is not one."""
    parsed = parse(s)
    if parsed is None:
        return None
    return parsed.value, parsed.precision


def parse(s: str) -> ParsedNumber | None:
    """Like :func:`parse_number`, and says whether the number was a percentage or a fraction.

    Results are memoized (a ParsedNumber is immutable; an archive repeats its numbers)."""
    return _parse_memo(s)


@lru_cache(maxsize=8192)
def _parse_memo(s: str) -> ParsedNumber | None:
    s = s.strip()
    if not s or len(s) > MAX_CHARS:
        return None
    try:
        with localcontext() as ctx:
            ctx.prec = 60
            return _parse(s)
    except (InvalidOperation, ValueError, ZeroDivisionError, OverflowError):
        return None


def clean(d: Decimal) -> Decimal:
    """A Decimal without a spurious exponent or trailing zeros (22800.00 -> 22800, 38.60 -> 38.6)."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def _result(value: Decimal, place: Decimal, *, percent: bool = False, fraction: bool = False) -> ParsedNumber:
    precision = Decimal(0) if fraction else place / 2
    return ParsedNumber(clean(value), clean(precision) if precision else Decimal(0), percent, fraction)


def _parse(s: str) -> ParsedNumber | None:
    if s.startswith("百分之"):
        inner = _parse_plain(s[3:])
        return None if inner is None else _result(inner[0], inner[1], percent=True)
    if s.startswith("千分之"):
        inner = _parse_plain(s[3:])
        return None if inner is None else _result(inner[0] / 10, inner[1] / 10, percent=True)
    m = _FRACTION.fullmatch(s)
    if m:
        den, num = _parse_plain(m.group("den")), _parse_plain(m.group("num"))
        if den is None or num is None or den[0] == 0:
            return None
        exact = num[0] / den[0]
        value = exact.quantize(FRACTION_QUANTUM)
        return ParsedNumber(clean(value), FRACTION_QUANTUM / 2 if value != exact else Decimal(0), fraction=True)
    if s[0].isascii() and (s[0].isalpha() or " " in s or s[-1].isalpha()) and s.isascii():
        return _parse_english(s)
    plain = _parse_plain(s)
    return None if plain is None else _result(*plain)


def _parse_english(s: str) -> ParsedNumber | None:
    m = _EN_FULL.fullmatch(s)
    if not m:
        return None
    head = m.group("num")
    if head[0].isdigit():
        lit = _ascii_literal(head)
        if lit is None:
            return None
        value, place = lit
    else:
        word = _EN_WORD_NUMBER.fullmatch(head)
        if not word:
            return None
        if word.group("unit"):
            value = Decimal(EN_UNITS[word.group("unit").lower()])
        else:
            value = Decimal(EN_TENS[word.group("tens").lower()])
            if word.group("tunit"):
                value += EN_UNITS[word.group("tunit").lower()]
        place = Decimal(1)
    for key in ("mag1", "mag2"):
        mag = m.group(key)
        if mag:
            factor = Decimal(EN_MAGNITUDES[mag.lower()])
            value *= factor
            place *= factor
    return _result(value, place)


def _ascii_literal(s: str) -> tuple[Decimal, Decimal] | None:
    if not _ASCII.fullmatch(s):
        return None
    digits = s.replace(",", "")
    if sum(c.isdigit() for c in digits) > MAX_DIGITS:
        return None
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return Decimal(digits), Decimal(1).scaleb(-decimals)


def _tokens(s: str) -> list[tuple[str, Decimal, Decimal]] | None:
    """("num", value, place) for ASCII literals and Chinese digits; ("zero", 0, 0);
    ("small", unit, 0) for 十百千; ("big", unit, 0) for 万亿. Place 0 marks a Chinese digit."""
    out: list[tuple[str, Decimal, Decimal]] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c.isdigit() and c.isascii():
            m = _ASCII.match(s, i)
            if m is None:
                return None
            lit = _ascii_literal(m.group(0))
            if lit is None:
                return None
            out.append(("num", lit[0], lit[1]))
            i = m.end()
            continue
        if c in ("零", "〇"):
            out.append(("zero", Decimal(0), Decimal(0)))
        elif c in CN_DIGITS:
            out.append(("num", Decimal(CN_DIGITS[c]), Decimal(0)))
        elif c in CN_SMALL:
            out.append(("small", Decimal(CN_SMALL[c]), Decimal(0)))
        elif c in CN_BIG:
            out.append(("big", Decimal(CN_BIG[c]), Decimal(0)))
        else:
            return None
        i += 1
    return out


def _parse_plain(s: str) -> tuple[Decimal, Decimal] | None:
    """(value, place of the last stated digit) for digits/Chinese numerals with magnitudes."""
    if not s or len(s) > MAX_CHARS:
        return None
    if "点" in s:
        return _parse_cn_decimal(s)
    toks = _tokens(s)
    if not toks:
        return None
    kinds = [t[0] for t in toks]
    if len(toks) >= 2 and all(k in ("num", "zero") for k in kinds):
        # 二〇二三: a string of Chinese digits (ASCII literals never sit side by side here)
        if any(t[0] == "num" and t[2] != 0 for t in toks):
            return None
        return Decimal("".join(str(int(t[1])) for t in toks)), Decimal(1)
    total = Decimal(0)
    section = Decimal(0)
    pending: tuple[Decimal, Decimal] | None = None  # (value, place; place 0 = Chinese digit)
    place: Decimal | None = None
    last_unit: Decimal | None = None
    zero_since_unit = False
    big_max = Decimal(0)
    for kind, value, lit_place in toks:
        if kind == "num":
            if pending is not None:
                return None
            pending = (value, lit_place)
        elif kind == "zero":
            if pending is not None:
                return None
            zero_since_unit = True
        elif kind == "small":
            if pending is None:
                count, place = Decimal(1), Decimal(1)
            else:
                count = pending[0]
                place = pending[1] * value if pending[1] else Decimal(1)
            section += count * value
            pending, last_unit, zero_since_unit = None, value, False
        else:  # big
            if pending is not None:
                section += pending[0]
                place = pending[1] if pending[1] else Decimal(1)
            elif place is None:
                place = Decimal(1)
            if section == 0:
                total = (total or Decimal(1)) * value
            elif value > big_max:
                total = (total + section) * value
            else:
                total += section * value
            place *= value
            big_max = max(big_max, value)
            section, pending, last_unit, zero_since_unit = Decimal(0), None, value, False
    if pending is not None:
        if pending[1] == 0 and last_unit is not None and not zero_since_unit and last_unit >= 100:
            # colloquial 两万五 = 25000, 三百五 = 350: the digit takes the next lower place
            step = last_unit / 10
            section += pending[0] * step
            place = step
        else:
            section += pending[0]
            place = pending[1] if pending[1] else Decimal(1)
    total += section
    if place is None:
        place = Decimal(1)
    return total, place


def _parse_cn_decimal(s: str) -> tuple[Decimal, Decimal] | None:
    """三点五, 百分之三点五's 三点五, 一点二万."""
    left, _, right = s.partition("点")
    mags = ""
    while right and right[-1] in CN_BIG:
        mags = right[-1] + mags
        right = right[:-1]
    if not right or any(c not in CN_DIGITS and c not in "零〇" for c in right):
        return None
    whole = _parse_plain(left)
    if whole is None:
        return None
    frac = "".join(str(CN_DIGITS.get(c, 0)) for c in right)
    value = whole[0] + Decimal("0." + frac)
    place = Decimal(1).scaleb(-len(frac))
    for c in mags:
        value *= CN_BIG[c]
        place *= CN_BIG[c]
    return value, place


bind_lazy(globals())


# ------------------------------------------------------------------------------------------- spelled-out numbers
# "a hundred and sixty-two", "four hundred thousand", "two thousand one hundred", "sixty-eight point five",
# "one and a half million": read whole, word by word, from where the first word begins. A number spelled in words
# is taken as the longest run of words that still makes one number; a word that cannot continue it ends it
# ("two and three" is "two", then "three"; "twenty twenty-three" is two numbers).
SPELLED_MAX_WORDS = 24  # a bounded reach: no statistic is spelled in more words
_EN_SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "mln": 10**6, "bln": 10**9, "mn": 10**6, "bn": 10**9,
}
_SPELLED_WORD = lazy_re(r"[A-Za-z]+")
_SPELLED_SEP = lazy_re(r"[ \t]+|[ \t]*-[ \t]*(?=[A-Za-z])|[ \t]*\n[ \t]*(?=[a-z])")


class _SpelledWords:
    """The words from ``start`` on (lower-cased, with their spans) while only blanks or a hyphen part them, read
    only as far as they are asked for (at most SPELLED_MAX_WORDS)."""

    __slots__ = ("_done", "_pos", "_text", "words")

    def __init__(self, text: str, start: int) -> None:
        self._text = text
        self._pos = start
        self._done = False
        self.words: list[tuple[str, int, int]] = []

    def has(self, i: int) -> bool:
        """Is there an ``i``-th word (reading up to it)?"""
        while len(self.words) <= i and not self._done:
            self._read()
        return i < len(self.words)

    def word(self, i: int) -> str:
        return self.words[i][0] if self.has(i) else ""

    def _read(self) -> None:
        if len(self.words) >= SPELLED_MAX_WORDS:
            self._done = True
            return
        m = _SPELLED_WORD.match(self._text, self._pos)
        if m is None:
            self._done = True
            return
        w = m.group(0)
        self.words.append((w.lower() if w.isascii() else fold(w), m.start(), m.end()))
        sep = _SPELLED_SEP.match(self._text, m.end())
        if sep is None:
            self._done = True
        else:
            self._pos = sep.end()


def _small(word: str) -> int | None:
    """zero..ninety-nine of one written word ("sixty-two" is two words here: "sixty", "two")."""
    v = EN_UNITS.get(word)
    return v if v is not None else EN_TENS.get(word)


def spelled_number(text: str, start: int) -> tuple[int, ParsedNumber] | None:
    """The number spelled in English words that begins at ``start`` of ``text``: ``(end, parsed)`` for the longest
    run of words that make one number, or None when no number begins there. "a" begins one only before a scale word
    ("a hundred", "a million"); "and" is read after a scale word before what follows it ("a hundred and ten",
    "two thousand and five") and in "and a half"; "point" reads the digit words after it."""
    words = _SpelledWords(text, start)
    if not words.has(0):
        return None
    total = 0  # the groups closed by thousand/million/...
    group = 0  # the group being read (below a thousand)
    last_scale = 10**15  # the scale words read must fall (thousand, then hundred: not "hundred thousand hundred")
    group_hundred = False  # the group already holds "hundred"
    place = Decimal(1)  # the value of a unit of the last stated word
    prev = ""  # "unit" (zero..nine / ten..nineteen), "tens", "scale", "a"
    frac: Decimal | None = None  # after "point" or "and a half"
    end = -1
    best: tuple[int, int, Decimal, Decimal | None] | None = None  # (end, value, place, fraction)
    before_and: tuple[int, int, Decimal, Decimal | None] | None = None  # what was read before a joining "and"
    i = 0
    while words.has(i):
        w, _, we = words.words[i]
        small = _small(w)
        if frac is not None:
            # after "point": digit words; after a fraction only a scale word (or nothing) may follow
            if prev == "point" or prev == "pdigit":
                d = EN_UNITS.get(w)
                if d is not None and d < 10:
                    frac += Decimal(d) * place / 10
                    place /= 10
                    prev, end = "pdigit", we
                    best = (end, total + group, place, frac)
                    i += 1
                    continue
            if prev in ("pdigit", "half") and w in _EN_SCALES and w != "hundred" and _EN_SCALES[w] < last_scale:
                factor = _EN_SCALES[w]
                value = (Decimal(total + group) + frac) * factor
                return we, _result(value, place * factor)
            break
        if i == 0 and w == "a":
            if words.word(1) in _EN_SCALES and words.word(1) not in ("mn", "bn", "mln", "bln"):
                group, prev, place = 1, "a", Decimal(1)
                i += 1
                continue
            return None
        if small is not None:
            if prev in ("", "scale", "and"):
                if prev == "scale" and group and not group_hundred:
                    break  # "thousand two" is fine only after a closed group; "hundred five" reads as 105
                if prev == "scale" and group % 100:
                    break
                group += small
                prev = "tens" if w in EN_TENS else "unit"
            elif prev == "tens" and 0 < small < 10 and w in EN_UNITS and group % 10 == 0:
                group += small  # "twenty five", "sixty-two"
                prev = "unit"
            else:
                break
            place = Decimal(1)
            end = we
            best = (end, total + group, place, None)
            i += 1
            continue
        if w in _EN_SCALES:
            factor = _EN_SCALES[w]
            if (prev not in ("unit", "tens", "a", "scale") or (factor >= last_scale and w != "hundred")
                    or ((group_hundred or group == 0 or group > 99 or prev == "scale") and w == "hundred")
                    or (group == 0 and w != "hundred")):
                if before_and is not None:
                    best = before_and  # "between two hundred and three hundred": not 203, but 200 (then 300)
                break
            before_and = None
            if w == "hundred":
                group *= 100
                group_hundred = True
                place = place * 100
            else:
                total += group * factor
                group = 0
                group_hundred = False
                last_scale = factor
                place = place * factor
            prev, end = "scale", we
            best = (end, total + group, place, None)
            i += 1
            continue
        if w == "and" and words.has(i + 1):
            nxt = words.word(i + 1)
            if prev == "scale" and _small(nxt) is not None and group % 100 == 0:
                before_and = best
                prev = "and"  # "a hundred and ten", "two thousand and five"
                i += 1
                continue
            if prev in ("unit", "tens") and nxt == "a" and words.word(i + 2) == "half":
                frac, prev, end = Decimal("0.5"), "half", words.words[i + 2][2]
                place = Decimal("0.1")
                best = (end, total + group, place, frac)
                i += 3
                continue
            break
        if w == "point" and prev in ("unit", "tens") and EN_UNITS.get(words.word(i + 1), 10) < 10:
            frac, prev = Decimal(0), "point"
            i += 1
            continue
        break
    if best is None:
        return None
    b_end, b_value, b_place, b_frac = best
    value = Decimal(b_value) + (b_frac or 0)
    return b_end, _result(value, b_place)
