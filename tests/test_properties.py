"""Properties of the reading stages (normalize, segment, extract) over generated text.

Run with the "ci" profile by default (tests/conftest.py); ``HYPOTHESIS_PROFILE=long`` runs
10,000 examples per property. The texts mix what real articles throw at the stages:
traditional characters, pinyin annotations (and orphan ones), garble signals (``?`` next to
CJK, private-use characters, U+FFFD), fullwidth forms, spaced ``P M2.5``, numbers with
Chinese magnitudes, units, dates, boilerplate lines, CRLF, Markdown and HTML markup.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.extract import extract
from factcheck.load import decode
from factcheck.models import Normalized
from factcheck.normalize import normalize
from factcheck.segment import segment

# Single characters: every class some stage treats specially.
ALPHABET = (
    "的一是在了和有大这中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进"
    "河北京天津张家口市省区浓度平均下降增长比约近超过万亿千百十零〇两余多"
    "萬億餘濃張與這們區壓"  # traditional
    "0123456789.,%/:;-+~()[]{}<>!?#*_'\" \t\n\r"
    "。，、；：？！“”‘’（）《》【】…—～·"
    "０１２３４５６７８９％（）：，．\u3000\u00a0"  # fullwidth, ideographic space, NBSP
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"  # pinyin tone marks
    "PMμgmkWhAaBbxyz"
    "\ufffd\ue000\uf8ff"  # replacement character, private use (garble signals)
)

# Pieces of real-looking text: phrases the extractor has rules for, and the damage the normalizer repairs.
PIECES = (
    "2023年", "2014年", "12月", "23日", "2024-12-12", "08:55:07", "河北", "北京", "张家口", "張家口", "全市", "我市",
    "PM2.5", "P M2.5", "PM10", "平均浓度", "年均浓度", "为", "降至", "比", "下降", "增长", "同比", "约", "超过",
    "38.6", "57.6%", "35", "18", "3565万", "2.28万", "149萬餘", "两千", "十年", "三年", "1,100", "0.5",
    "微克/立方米", "千瓦", "万千瓦", "亿元", "个", "人次", "%", "倍", "翻一番",
    "萬(wàn)", "濃(nóng)度", "(PM2.5)", "?yàn)", "因?yàn)槟", "屋頂?shù)", "\ue000", "\ufffd", "?!",
    "。", "，", "、", "；", "：", "？", "！", "“", "”", "(", ")", "《北京日报》", "[1]", "1.", "(2)",
    "\n", "\r\n", "\n\n", " ", "\u3000", "\t",
    "推荐阅读", "版权声明", "责任编辑:", "首页 > 新闻 > 正文", "分享到:", "image.jpg",
    "Beijing", "PM2.5 fell to 32 micrograms per cubic meter in 2023", ", down 48.6 percent",
    " from 58 in 2013", ". ", "Dr. Li", "U.S.", "e.g.", "15.6 million", "about", "more than",
)

TEXTS = st.one_of(
    st.text(alphabet=ALPHABET, max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=120),  # any code point except surrogates
)
MARKUP_PIECES = (
    "# ", "## 标题\n", "---\n", "```\n", "    code\n", "<!-- x -->", "[链接](http://a.b/c)", "![图](x.png)",
    "<p>", "</p>", "<br>", "<div>", "</div>", "<script>", "</script>", "&amp;", "&#26032;", "&nbsp;", "<",
    "&", "<nav>", "</nav>", "<table><tr><td>", "</td></tr></table>",
)
MARKUP = st.lists(st.sampled_from((*PIECES, *MARKUP_PIECES)), max_size=60).map("".join)


def _check_map(original: str, norm: Normalized) -> None:
    n = len(norm.text)
    assert len(norm.starts) == n and len(norm.ends) == n
    for i in range(n):
        assert 0 <= norm.starts[i] <= norm.ends[i] <= len(original), (i, norm.starts[i], norm.ends[i])
        if i:
            assert norm.starts[i - 1] <= norm.starts[i], ("starts not monotonic", i)
            assert norm.ends[i - 1] <= norm.ends[i], ("ends not monotonic", i)
    for start, end in [(r.start, r.end) for r in norm.repairs] + [(u.start, u.end) for u in norm.unreadable]:
        assert 0 <= start <= end <= len(original)
    for start, end, _reason in norm.dropped:
        assert 0 <= start <= end <= len(original)
    if n:
        a, b = norm.original_span(0, n)
        assert 0 <= a <= b <= len(original)


@given(TEXTS, st.sampled_from(["text", "markdown", "html"]))
def test_normalize_never_raises_and_its_map_points_into_the_original(text: str, fmt: str) -> None:
    _check_map(text, normalize(text, fmt))


@given(MARKUP, st.sampled_from(["text", "markdown", "html"]))
@example("<p>2023年<b>38.6</b>微克</p>&#x", "html")
@example("---\ndate: [\n---\n北京32微克", "markdown")
def test_normalize_markup_never_raises(text: str, fmt: str) -> None:
    _check_map(text, normalize(text, fmt))


@given(TEXTS)
def test_segment_never_raises_and_its_offsets_index_the_text(text: str) -> None:
    clean = normalize(text).text
    sentences = segment(clean)
    last_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert last_end <= s.start < s.end <= len(clean)
        assert s.text == clean[s.start:s.end]
        for c in s.clauses:
            assert s.start <= c.start < c.end <= s.end
            assert c.text == clean[c.start:c.end]
        last_end = s.end


@given(TEXTS)
@example("下降" + "9" * 400 + "%")
@example("1." * 200)
@example("(ā)" * 150)
def test_extract_never_raises_and_every_span_maps_back(text: str) -> None:
    norm = normalize(text)
    sentences = segment(norm.text)
    extraction = extract(norm.text, sentences)
    for q in extraction.quantities:
        assert 0 <= q.start < q.end <= len(norm.text)
        assert q.text == norm.text[q.start:q.end]
        a, b = norm.original_span(q.start, q.end)
        assert 0 <= a <= b <= len(text)
    for t in extraction.times:
        assert 0 <= t.start < t.end <= len(norm.text)
        assert t.text == norm.text[t.start:t.end]


GARBLE_SIGNALS = "\ufffd\ue000\uf8ff?？!！" + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"  # fullwidth ？！ fold to ?!
UNDAMAGED = st.one_of(
    st.text(alphabet="".join(ch for ch in ALPHABET if ch not in GARBLE_SIGNALS), max_size=300),
    st.lists(st.sampled_from([p for p in PIECES if not any(ch in GARBLE_SIGNALS for ch in p)]),
             max_size=60).map("".join),
)


@given(UNDAMAGED)
def test_normalizing_twice_equals_once_without_garble(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(TEXTS)
@example("0(à)0")  # a digit glued to an unreadable run once its annotation is gone
@example("？0們？0")  # garbled only once 們 is simplified to 们
@example("\uf8ff动％级\uf8ff～")  # a masked run ends the shifted reading of a private-use character before it
@example("萬(à)\ue000～")  # a private-use character next to CJK once the annotation is gone
@example("??à)？1")  # a masked run starts a bare marker run that swallows the digit after it
def test_normalizing_twice_equals_once(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


def _recognisable_without_bom(text: str) -> bool:
    """UTF-16 without a BOM is told from binary by its NUL bytes (ASCII: digits, line breaks) and by its
    Chinese being mostly common characters; a few characters of rare ones cannot be recognised."""
    from factcheck.load import _COMMON

    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return (len(text) >= 8 and any(ch.isascii() for ch in text)
            and sum(ch in _COMMON for ch in han) >= 0.5 * len(han))


def _claims(text: str) -> list[tuple[object, ...]]:
    norm = normalize(text)
    extraction = extract(norm.text, segment(norm.text))
    return [(q.text, q.value, q.unit, q.kind, q.direction, q.year, q.baseline_year, q.qualifier, q.value_high)
            for q in extraction.quantities]


ARTICLES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)


@given(ARTICLES, st.sampled_from(["gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]))
def test_re_encoded_text_gives_the_same_claims(text: str, codec: str) -> None:
    raw = text.encode(codec)
    if not raw.strip() or "\ufffd" in text or "\ue000" in text:
        return  # an empty file is refused; U+FFFD and private use do not round-trip through a guessing decoder
    if codec in ("utf-16-le", "utf-16-be") and not _recognisable_without_bom(text):
        return
    decoded, encoding = decode(raw)
    # A very short GB18030 text can be valid UTF-8 too ("为" = CE AA = "Ϊ"); it then holds no claim either way.
    assert _claims(decoded) == _claims(text), encoding


@given(st.sampled_from(["中国队以3-1战胜对手。", "scores of 3-1 and 2-0", "温度为25-20摄氏度。"]))
def test_a_range_never_runs_backwards(text: str) -> None:
    norm = normalize(text)
    for q in extract(norm.text, segment(norm.text)).quantities:
        assert q.value_high is None or q.value_high >= q.value, q
