"""factcheck.numbers: written numbers -> exact Decimal value and stated precision; factcheck.units lookups."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.numbers import parse, parse_number
from factcheck.units import lookup, match_unit

D = Decimal


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("38.6", "38.6", "0.05"),
    ("35", "35", "0.5"),
    ("5.70", "5.7", "0.005"),  # the trailing zero is a stated digit
    ("1,100", "1100", "0.5"),
    ("3565万", "35650000", "5000"),
    ("2.28万", "22800", "50"),
    ("2037.22亿", "203722000000", "500000"),
    ("1,100万", "11000000", "5000"),
    ("2003.185万", "20031850", "5"),
    ("1.5万亿", "1500000000000", "50000000000"),
    ("5百万", "5000000", "500000"),
    ("3万4000", "34000", "0.5"),
    ("十", "10", "0.5"),
    ("十二", "12", "0.5"),
    ("两千", "2000", "0.5"),
    ("一万二千", "12000", "0.5"),
    ("三百五十", "350", "0.5"),
    ("一百零五", "105", "0.5"),
    ("三万", "30000", "5000"),
    ("两万五", "25000", "500"),  # colloquial: the digit takes the next lower place
    ("二〇二三", "2023", "0.5"),
    ("三点五", "3.5", "0.05"),
    ("15.6 million", "15600000", "50000"),
    ("2.3 trillion", "2300000000000", "50000000000"),
    ("2.5bn", "2500000000", "50000000"),
    ("twenty-five", "25", "0.5"),
    ("two million", "2000000", "500000"),
])
def test_values_and_precision(text: str, value: str, precision: str) -> None:
    assert parse_number(text) == (D(value), D(precision))


def test_decimal_scaling_is_exact() -> None:
    value, _ = parse_number("2.28万") or (None, None)
    assert isinstance(value, Decimal) and value == D(22800) and str(value) == "22800"
    assert 2.28 * 10**4 != 22800  # what floats would have given


@pytest.mark.parametrize(("text", "value", "percent", "fraction"), [
    ("十分之一", "0.1", False, True),
    ("四分之三", "0.75", False, True),
    ("百分之五十", "50", True, False),
    ("百分之3.5", "3.5", True, False),
    ("千分之五", "0.5", True, False),
])
def test_fractions_and_percentages(text: str, value: str, percent: bool, fraction: bool) -> None:
    parsed = parse(text)
    assert parsed is not None
    assert (parsed.value, parsed.percent, parsed.fraction) == (D(value), percent, fraction)
    if fraction:
        assert parsed.precision == 0


def test_thirds_are_rounded_not_endless() -> None:
    parsed = parse("三分之一")
    assert parsed is not None and parsed.value == D("0.333333333333") and 0 < parsed.precision < D("1e-11")


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "3,4", "1,10", "5五", "分之一", "十分之", "万分之零" * 20,
                                  "1" * 30, "三分之零点"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["1" * 100_000, "万" * 100_000, "一" * 100_000, "1," * 50_000])
def test_huge_inputs_are_refused_fast(text: str) -> None:
    started = time.perf_counter()
    assert parse_number(text) is None
    assert time.perf_counter() - started < 0.5


def _to_chinese(n: int) -> str:
    """A reference writer of Chinese numerals (一万零五, 三万零五百, 一亿零五), for the round trip."""
    digits = "零一二三四五六七八九"

    def section(x: int) -> str:
        out, zero = "", False
        for place, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // place % 10
            if d == 0:
                zero = zero or bool(out)
                continue
            if zero:
                out, zero = out + "零", False
            out += digits[d] + mark
        return out

    out, need_zero = "", False
    for value, mark in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if value == 0:
            need_zero = need_zero or bool(out)
            continue
        if out and (need_zero or value < 1000):
            out += "零"
        out += section(value) + mark
        need_zero = False
    return out


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=99_9999_9999))
def test_chinese_numerals_round_trip(n: int) -> None:
    written = _to_chinese(n)
    parsed = parse_number(written)
    assert parsed is not None and parsed[0] == n, written


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=4))
def test_ascii_numbers_round_trip(n: int, decimals: int) -> None:
    plain = f"{n / 10**decimals:.{decimals}f}" if decimals and n < 10**12 else str(n)
    d = len(plain.split(".")[1]) if "." in plain else 0
    assert parse_number(plain) == (D(plain), D(1).scaleb(-d) / 2)
    assert parse_number(f"{n:,}") == (D(n), D("0.5"))


@pytest.mark.parametrize(("written", "canonical", "scale", "kind"), [
    ("微克/立方米", "μg/m³", 1, "level"), ("μg/m3", "μg/m³", 1, "level"), ("ug/m3", "μg/m³", 1, "level"),
    ("micrograms per cubic metre", "μg/m³", 1, "level"), ("%", "%", 1, "level"), ("per cent", "%", 1, "level"),
    ("个百分点", "pp", 1, "level"), ("percentage points", "pp", 1, "level"), ("千瓦", "kW", 1, "level"),
    ("兆瓦", "kW", 1000, "level"), ("万千瓦", "kW", 10_000, "level"), ("千伏", "kV", 1, "rating"),
    ("亿元", "元", 10**8, "level"), ("yuan", "元", 1, "level"), ("美元", "USD", 1, "level"),
    ("dollars", "USD", 1, "level"), ("人次", "人次", 1, "level"), ("个月", "个月", 1, "level"),
    ("倍", "倍", 1, "multiple"), ("times", "times", 1, "multiple"), ("tonnes", "tonne", 1, "level"),
    ("days", "day", 1, "level"), ("英寸", "inch", 1, "rating"), ("成", "%", 10, "level"),
])
def test_unit_table(written: str, canonical: str, scale: int, kind: str) -> None:
    unit = lookup(written)
    assert unit is not None
    assert (unit.canonical, unit.scale, unit.kind) == (canonical, D(scale), kind)


def test_magnitude_words_are_not_units() -> None:
    # "billion" belongs to the number (parse_number("2.3 billion")), only "yuan" is the unit
    assert lookup("billion yuan") is None and lookup("万") is None
    assert parse_number("2.3 billion") == (D(2_300_000_000), D(50_000_000))


@pytest.mark.parametrize(("text", "written", "canonical"), [
    ("千瓦,", "千瓦", "kW"), ("千伏特高压", "千伏", "kV"), ("P,荣获", "P", "P"), ("人次,", "人次", "人次"),
    (" percent of", "percent", "%"), (" manufacturing companies", "manufacturing companies", "company"),
    (" investments in", "investments", "investment"), ("-day", "day", "day"),
    (" square km of", "square km", "square km"),
])
def test_match_unit_after_a_number(text: str, written: str, canonical: str) -> None:
    m = match_unit(text, 0)
    assert m is not None and (m.written, m.unit.canonical) == (written, canonical)


@pytest.mark.parametrize("text", ["市场", "成为", "点钟", "级", " the", " was", "万千瓦"])
def test_no_unit(text: str) -> None:
    assert match_unit(text, 0) is None


# ------------------------------------------------- match_unit's table look-ups = the regex alternations


def _alternation(words: list[str]) -> str:
    import re

    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _match_unit_by_regex(text: str, pos: int) -> tuple[int, int, str] | None:
    """What match_unit finds by its tables, as the alternations it replaced find it (tight, Chinese, symbols)."""
    import re

    from factcheck.units import CJK_GUARDS, CJK_UNITS, SYMBOL_UNITS, TIGHT_UNITS

    cjk = "|".join(re.escape(w) + (f"(?![{re.escape(CJK_GUARDS[w])}])" if w in CJK_GUARDS else "")
                   for w in sorted(CJK_UNITS, key=lambda w: (-len(w), w)))
    for pattern in (rf"({_alternation(list(TIGHT_UNITS))})(?![A-Za-z0-9])", rf"[ \t]?({cjk})",
                    rf"[ \t]?({_alternation(list(SYMBOL_UNITS))})(?![A-Za-z0-9])"):
        m = re.compile(pattern).match(text, pos)
        if m:
            return pos, m.end(), m.group(1)
    return None


_UNIT_TEXT = st.lists(st.sampled_from([
    "%", "％", "P", "Pa", "个", "个百分点", "百分点", "人", "人次", "成", "成为", "市", "市场", "千瓦", "千瓦时",
    "万千瓦", "微克/立方米", "μg/m³", "μg/m3x", "km", "km²", "km2", "kWh", "kW", "KW", "MW", "sq km", "°C", "℃", " ",
    "\t", "  ", "-", "a", "1", "x",
    "米", "米饭", "点", "点钟", "年", "年度", "天", "倍", "吨", "ſ", "\ufffd",
]), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(_UNIT_TEXT)
def test_match_unit_tables_agree_with_the_alternations(text: str) -> None:
    for pos in range(len(text) + 1):
        um = match_unit(text, pos, fallback=False)
        got = None if um is None else (um.start, um.end, um.written)
        want = _match_unit_by_regex(text, pos)
        if want is not None:
            assert got == want, (text, pos)
        else:  # only an English unit word (after a space, a tab or a hyphen) is left to its own regex
            assert got is None or text[pos] in " \t-", (text, pos)


def test_lazy_patterns_compile_once_and_replace_their_global() -> None:
    import re

    from factcheck import numbers

    namespace: dict[str, object] = {"P": numbers.lazy_re(r"\d+(?=年)")}
    numbers.bind_lazy(namespace)
    lazy = namespace["P"]
    assert not isinstance(lazy, re.Pattern)
    assert lazy.search("2014年").group() == "2014"  # type: ignore[attr-defined]
    assert isinstance(namespace["P"], re.Pattern)  # the global now holds the compiled pattern
    assert numbers.compiled(lazy) is namespace["P"]  # type: ignore[arg-type]
    assert [m.group() for m in lazy.finditer("1年 22 333年")] == ["1", "333"]  # type: ignore[attr-defined]


def test_parse_results_are_memoized_values() -> None:
    assert parse("38.6") is parse("38.6")  # the same immutable result, not a recomputation
    assert parse_number(" 38.6 ") == (D("38.6"), D("0.05"))


# ------------------------------------------------------------- session 2: Taiwan forms, case folding


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("10.4兆", "10400000000000", "50000000000"),
    ("3兆", "3000000000000", "500000000000"),
    ("1兆2000亿", "1200000000000", "50000000"),
])
def test_zhao_is_ten_to_the_twelfth(text: str, value: str, precision: str) -> None:
    assert parse_number(text) == (D(value), D(precision))


@pytest.mark.parametrize(("written", "canonical", "scale"), [
    ("瓩", "kW", 1), ("万瓩", "kW", 10**4), ("亿瓩", "kW", 10**8), ("微克/立方公尺", "μg/m³", 1),
    ("微克每立方公尺", "μg/m³", 1), ("微克", "μg/m³", 1), ("公尺", "米", 1), ("立方公尺", "立方米", 1),
    ("平方公尺", "平方米", 1),
])
def test_taiwan_units(written: str, canonical: str, scale: int) -> None:
    unit = lookup(written)
    assert unit is not None and (unit.canonical, unit.scale) == (canonical, D(scale))


def test_bare_microgram_is_not_a_per_litre_dose() -> None:
    assert match_unit("5微克/升的铅", 1) is None
    found = match_unit("18微克,", 2)
    assert found is not None and found.unit.canonical == "μg/m³"


@pytest.mark.parametrize(("word", "folded"), [
    ("ſquare km", "square km"), ("twİce", "twice"), ("fırst", "first"), ("\u212aILOMETERS", "kilometers"),
    ("Percent", "percent"),
])
def test_fold_maps_case_insensitive_matches_to_their_table_keys(word: str, folded: str) -> None:
    from factcheck.numbers import fold

    assert fold(word) == folded and len(fold(word)) == len(word)


@pytest.mark.parametrize("text", ["3 ſquare km", "3 ſquare kilometers", "5 \u212ailometers", "12 PERCENT"])
def test_unit_words_found_case_insensitively_have_their_unit(text: str) -> None:
    found = match_unit(text, text.index(" "))
    assert found is not None and found.unit.canonical in ("square km", "km", "%")


@pytest.mark.parametrize(("text", "written", "canonical", "loose"), [
    (" good-air days in", "good-air days", "day", False),
    (" low-cost sensors.", "low-cost sensors", "sensor", True),
    (" heavy-pollution days", "heavy-pollution days", "day", False),
    (" coal-fired boilers", "coal-fired boilers", "boiler", False),
])
def test_hyphenated_modifier_before_the_unit_noun(text: str, written: str, canonical: str, loose: bool) -> None:
    found = match_unit("9" + text, 1)
    assert found is not None
    assert (found.written, found.unit.canonical, found.loose, found.modified) == (written, canonical, loose, True)
