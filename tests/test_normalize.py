"""normalize.py (and positions.LineIndex): clean simplified text with an exact map to the original."""

from __future__ import annotations

import re
import subprocess
import sys
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import normalize as N
from factcheck.garble import GarbleRun
from factcheck.models import Normalized
from factcheck.normalize import normalize
from factcheck.positions import LineIndex

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_000 = SEEDS / "000_9a5ee806d8a87708.txt"
SEED_002 = SEEDS / "002_0eab06648632afac.txt"
ROOT = Path(__file__).resolve().parents[1]
PINYIN_LEFT = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[)）]")


def check_maps(original: str, n: Normalized, fmt: str = "text") -> None:
    """The invariants every Normalized must keep."""
    assert len(n.starts) == len(n.ends) == len(n.text)
    for i in range(len(n.text)):
        assert 0 <= n.starts[i] <= n.ends[i] <= len(original), (i, n.starts[i], n.ends[i])
        if i:
            assert n.starts[i - 1] <= n.starts[i] and n.ends[i - 1] <= n.ends[i], i
    for s, e, _reason in n.dropped:
        assert 0 <= s <= e <= len(original)
    if fmt != "text":  # runs hold the text as read (entities decoded), at ORIGINAL offsets
        return
    for r in n.repairs:
        assert original[r.start:r.end] == r.garbled
    for u in n.unreadable:
        assert original[u.start:u.end] == u.text


def source(original: str, n: Normalized, needle: str) -> str:
    """The ORIGINAL text a normalized substring came from."""
    i = n.text.index(needle)
    s, e = n.original_span(i, i + len(needle))
    return original[s:e]


def no_garble(text: str) -> list[GarbleRun]:
    return []


@pytest.fixture
def without_garble() -> Iterator[None]:
    with mock.patch("factcheck.garble.find_runs", no_garble):
        yield


# ------------------------------------------------------------------ positions


def test_line_index() -> None:
    text = "ab\r\ncd\ne\rf"
    idx = LineIndex(text)
    assert [idx.line_col(i) for i in range(len(text))] == [
        (1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (2, 3), (3, 1), (3, 2), (4, 1)]
    assert idx.line_col(99) == (4, 2) and idx.line_col(-5) == (1, 1)
    assert LineIndex("𠮷a\n萬b").line_col(4) == (2, 2)  # code points, not UTF-16 units or bytes
    assert LineIndex("").line_col(0) == (1, 1)
    assert LineIndex("a\nb\n").lines == 2


# ------------------------------------------------------------------ pinyin, script, folding


def test_pinyin_dropped_real_parentheses_kept(without_garble: None) -> None:
    text = ("全省接待遊(yóu)客4350萬(wàn)人次,細顆粒物(PM2.5)與(P M2.5)均下降,建成(2个接口),"
            "来源(張家口新聞網);x(lǜ)与萬（wàn）。See the note (see above) and a café (café).")
    n = normalize(text)
    check_maps(text, n)
    assert "全省接待游客4350万人次" in n.text
    assert "(PM2.5)与(PM2.5)" in n.text
    assert "(2个接口)" in n.text and "(张家口新闻网)" in n.text and "(see above)" in n.text
    assert "(café)" in n.text  # not glued to a character: not an annotation
    assert not PINYIN_LEFT.search(n.text.replace("(café)", ""))
    pinyin = [text[s:e] for s, e, reason in n.dropped if reason == "pinyin"]
    assert pinyin == ["(yóu)", "(wàn)", "(lǜ)", "（wàn）"]
    assert source(text, n, "4350万人次") == "4350萬(wàn)人次"


def test_t2s_one_to_one(without_garble: None) -> None:
    text = "149萬餘人次;PM2.5濃度;顆粒物;張家口;協同發展;乾淨的後來"
    n = normalize(text)
    check_maps(text, n)
    assert n.text == "149万余人次;PM2.5浓度;颗粒物;张家口;协同发展;干净的后来"
    assert [n.ends[i] - n.starts[i] for i in range(len(n.text))] == [1] * len(text)
    assert [text[n.starts[i]] for i in range(len(n.text))] == list(text)


class _LengthChangingCC:
    """A stand-in converter that lengthens a phrase (OpenCC may change length on phrases)."""

    def convert(self, s: str) -> str:
        return s.replace("萬", "万").replace("餘", "余余")


def test_t2s_length_change_falls_back_per_character(monkeypatch: pytest.MonkeyPatch, without_garble: None) -> None:
    monkeypatch.setattr(N, "_converter", lambda: _LengthChangingCC())
    text = "共149萬餘人次,又萬人"
    n = normalize(text)
    check_maps(text, n)
    assert n.text == "共149万餘人次,又万人"  # 餘 -> 2 chars even alone: kept; 萬 still converted
    assert [n.ends[i] - n.starts[i] for i in range(len(n.text))] == [1] * len(n.text)


def test_cheap_check_matches_opencc() -> None:
    """needs_t2s() says "no" only for text OpenCC leaves alone, char by char over all of GB2312."""
    import opencc

    cc = opencc.OpenCC("t2s")
    safe = N._gb2312_unchanged()
    han = [ch for ch in safe if re.match(r"[\u4e00-\u9fff]", ch)]
    assert len(han) > 6700
    assert [ch for ch in han if cc.convert(ch) != ch] == []
    assert all(cc.convert(ch) != ch for ch in N._GB2312_CHANGED)
    assert not N.needs_t2s("北京市PM2.5年均浓度32微克/立方米,比2013年下降64.2%。English too.")
    assert N.needs_t2s("濃度") and N.needs_t2s("後来") and N.needs_t2s("\uf900")


def _modules_after(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_opencc_loaded_only_when_needed() -> None:
    probe = ("import sys; from factcheck.normalize import normalize; normalize({!r}); "
             "print('opencc' in sys.modules)")
    assert _modules_after(probe.format("北京市PM2.5年均浓度32微克/立方米。The capital logged 271 days.")) == "False"
    assert _modules_after(probe.format("北京市PM2.5年均濃度32微克/立方米。")) == "True"


def test_folding(without_garble: None) -> None:
    text = "ＰＭ２．５浓度，（１２３）％　达标\u00a0率。、“”‘’《》—…·×Ⅲ²\r\n下一行\r末行"
    n = normalize(text)
    check_maps(text, n)
    assert n.text == "PM2.5浓度,(123)% 达标 率。、“”‘’《》—…·×Ⅲ²\n下一行\n末行"
    i = n.text.index("\n")
    assert text[n.starts[i]:n.ends[i]] == "\r\n"


# ------------------------------------------------------------------ spaced tokens


@pytest.mark.parametrize(("text", "want"), [
    ("细颗粒物(P M2.5)平均浓度", "细颗粒物(PM2.5)平均浓度"),
    ("用于生产第四代Ma g n e Ri d e磁流变减震器", "用于生产第四代MagneRide磁流变减震器"),
    ("P M2.5浓度", "PM2.5浓度"),
    ("PM 2.5 concentration fell", "PM2.5 concentration fell"),
    ("2024-12-12 08:55:07 来源:新闻网", "2024-12-12 08:55:07 来源:新闻网"),
    ("output rose in 2014 to 18 percent", "output rose in 2014 to 18 percent"),
    ("I am a b c d in English", "I am a b c d in English"),
    ("采用 a new way方法", "采用 a new way方法"),
    ("第 1 名和 3 个", "第 1 名和 3 个"),
    ("at 3 PM 10 people came", "at 3 PM 10 people came"),
])
def test_spaced_tokens(text: str, want: str, without_garble: None) -> None:
    n = normalize(text)
    check_maps(text, n)
    assert n.text == want


def test_joined_token_maps_to_spaced_original(without_garble: None) -> None:
    text = "细颗粒物(P M2.5)平均浓度"
    n = normalize(text)
    assert source(text, n, "PM2.5") == "P M2.5"


# ------------------------------------------------------------------ boilerplate

ZH_PAGE = """热门视频,免费下载,高清影视大全,在线观看直播
首页 要闻 财经 科技 体育 娱乐 汽车 房产
当前位置:首页 > 财经 > 正文
某市一季度经济运行稳中有进
2024-04-18 09:30 | 来源:某市日报
【字体:大 中 小】
photo_2024.jpg
  一季度,全市地区生产总值同比增长5.6%,比上年同期提高0.8个百分点。规上工业增加值增长7.1%。
  固定资产投资增长4.2%,其中制造业投资增长12.5%,社会消费品零售总额增长6.3%。
返回顶部
责任编辑:张三
相关新闻
某市去年地区生产总值增长5.2%,创五年新高
"""

EN_PAGE = """Home | World | Business | Markets | Sport
Steel output falls as smog curbs bite
January 10, 2025 9:42 AM GMT+8
Share this article
Hebei's output dropped 2.6 percent to roughly 196 million tonnes, the consultants estimated.
Beijing's reading averaged 30.5 micrograms in 2024, meeting the national standard.
Related stories
Beijing air quality best on record with 290 good days
© 2025 Example News. All rights reserved.
"""


def test_boilerplate_chinese(without_garble: None) -> None:
    n = normalize(ZH_PAGE)
    check_maps(ZH_PAGE, n)
    lines = [ln.strip() for ln in n.text.split("\n") if ln.strip()]
    assert lines == [
        "某市一季度经济运行稳中有进",
        "2024-04-18 09:30 | 来源:某市日报",
        "一季度,全市地区生产总值同比增长5.6%,比上年同期提高0.8个百分点。规上工业增加值增长7.1%。",
        "固定资产投资增长4.2%,其中制造业投资增长12.5%,社会消费品零售总额增长6.3%。",
    ]
    reasons = {r for _, _, r in n.dropped}
    assert reasons == {"seo", "navigation", "widget", "image", "tail"}
    tail = next((s, e) for s, e, r in n.dropped if r == "tail")
    assert ZH_PAGE[tail[0]:tail[1]].startswith("责任编辑:张三") and tail[1] == len(ZH_PAGE)
    # Dropped text leaves a "\n" that maps to an empty range.
    for i, ch in enumerate(n.text):
        if n.starts[i] == n.ends[i]:
            assert ch == "\n"


def test_boilerplate_english(without_garble: None) -> None:
    n = normalize(EN_PAGE)
    check_maps(EN_PAGE, n)
    lines = [ln for ln in n.text.split("\n") if ln.strip()]
    assert lines == EN_PAGE.split("\n")[1:3] + EN_PAGE.split("\n")[4:6]


def test_markers_without_article_before_or_with_prose_after_keep_text(without_garble: None) -> None:
    para = "全市PM2.5平均浓度为18微克/立方米,比2014年下降48.6%,空气质量综合指数排名全省第一。"
    text = f"相关新闻\n{para}\n编辑:王明\n{para.replace('18', '19')}\n"
    n = normalize(text)
    assert "18微克" in n.text and "19微克" in n.text and n.dropped == ()


def test_copyright_sentence_is_not_a_tail(without_garble: None) -> None:
    text = ("去年全市PM2.5平均浓度为18微克/立方米,比上年下降3.8%。\n"
            "该公司随后发布版权声明,称其拥有上述监测数据的著作权,并要求各方在转载时注明来源。\n"
            "今年1至7月,全市接待游客4350万人次,同比增长12.6%。\n")
    assert "4350万人次" in normalize(text).text


# ------------------------------------------------------------------ markdown and html

MD = """---
title: 张家口:生态优先
date: 2024-08-20
---

# 标题

正文包含[链接文本](https://example.com/a "题注")和![图片说明](img/1.png)。
<!-- 注释 2023年 99% -->
```python
x = 12345
```

    code_block = 999

    全市PM2.5平均浓度为18微克/立方米。

最后一段 42个。
[ref]: https://example.com/ref
"""


def test_markdown(without_garble: None) -> None:
    n = normalize(MD, "markdown")
    check_maps(MD, n)
    for gone in ("date:", "12345", "999", "https", "99%", "img/1.png", "题注", "<!--"):
        assert gone not in n.text, gone
    for kept in ("# 标题", "正文包含链接文本和图片说明。", "18微克/立方米", "最后一段 42个。"):
        assert kept in n.text, kept
    by_reason: dict[str, list[str]] = {}
    for s, e, r in n.dropped:
        by_reason.setdefault(r, []).append(MD[s:e])
    assert by_reason["front-matter"] == [MD[:MD.index("\n\n# ") + 1]]
    assert by_reason["comment"] == ["<!-- 注释 2023年 99% -->"]  # where it is in the original, not shifted
    assert len(by_reason["code"]) == 2
    assert source(MD, n, "链接文本") == "链接文本"


HTML = """<!DOCTYPE html>
<html><head><title>标题 99</title><style>p { margin: 1px }</style></head>
<body><nav><a href="/">首页</a> <a href="/n">新闻</a></nav>
<h1>本市PM2.5年均浓度降至38微克</h1>
<p>年均浓度为38&nbsp;微克&#47;立方米，同比下降7.3&#x25;。</p>
<script>var total = 12345;</script>
<p>A&amp;B   rose<br>second
   line</p>
<footer>版权所有 2025</footer></body></html>
"""


def test_html(without_garble: None) -> None:
    n = normalize(HTML, "html")
    check_maps(HTML, n)
    assert n.text.strip().split("\n") == [
        "本市PM2.5年均浓度降至38微克", "年均浓度为38 微克/立方米,同比下降7.3%。", "A&B rose", "second line"]
    assert source(HTML, n, "&") == "&amp;"
    assert source(HTML, n, "/立方米") == "&#47;立方米"
    assert source(HTML, n, "%") == "&#x25;"
    assert source(HTML, n, "38 微克") == "38&nbsp;微克"
    i = n.text.index("second")
    line = next(k for k, ln in enumerate(HTML.split("\n"), 1) if "second" in ln)
    assert LineIndex(HTML).line_col(n.starts[i]) == (line, HTML.split("\n")[line - 1].index("second") + 1)
    assert {r for _, _, r in n.dropped} >= {"html-head", "html-nav", "html-script", "html-footer"}


def test_html_garbage_never_raises() -> None:
    for junk in ("<![CDATA[x", "<p>&#xZZ; &#99999999; &bogus; <", "</p></div><!--", "<scr<ipt>"):
        check_maps(junk, normalize(junk, "html"), "html")


# ------------------------------------------------------------------ garbled runs (controlled)


def fake_runs(text: str) -> list[GarbleRun]:
    """Runs marked with § (restorable, to 屋顶) and ¤ (not restorable)."""
    runs = [GarbleRun(m.start(), m.end(), m.group(0), "屋頂") for m in re.finditer("§+", text)]
    runs += [GarbleRun(m.start(), m.end(), m.group(0), None) for m in re.finditer("¤+", text)]
    return sorted(runs, key=lambda r: r.start)


def test_garble_runs_replaced_and_recorded() -> None:
    text = "没有§§§的地方,共有¤¤¤12人,另有\ufffd\ufffd处"
    with mock.patch("factcheck.garble.find_runs", fake_runs):
        n = normalize(text)
        again = normalize(n.text)
    check_maps(text, n)
    assert n.text == "没有屋顶的地方,共有\ufffd\ufffd\ufffd12人,另有\ufffd\ufffd处"
    assert [(r.start, r.end, r.garbled, r.restored) for r in n.repairs] == [(2, 5, "§§§", "屋頂")]
    a, b = text.index("¤"), text.index("\ufffd")
    assert [(u.start, u.end, u.text) for u in n.unreadable] == [(a, a + 3, "¤¤¤"), (b, b + 2, "\ufffd\ufffd")]
    assert source(text, n, "屋顶") == "§§§"
    assert again.text == n.text


def test_garble_not_ready_is_not_fatal() -> None:
    def not_ready(text: str) -> list[GarbleRun]:
        raise NotImplementedError

    with mock.patch("factcheck.garble.find_runs", not_ready):
        assert normalize("萬(wàn)人").text == "万人"


# ------------------------------------------------------------------ properties

ALPHABET = st.sampled_from(list(
    "萬万餘余濃浓度張张家口人次的年月日(wàn)（ǜ）PMP M2.5 0123456789,，。、“”!?！？:：;\n\r\t \u3000\u00a0\ufffd"
    "abcXYZ#*[]<>&;/-—|>_\ue000ＰＭ２．５ā·"))
TEXTS = st.text(ALPHABET, max_size=200) | st.text(max_size=80)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["text", "markdown", "html"]))
def test_property_invariants(text: str, fmt: str) -> None:
    n = normalize(text, fmt)  # with the real garble detector: never raises
    check_maps(text, n, fmt)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_property_idempotent(text: str) -> None:
    with mock.patch("factcheck.garble.find_runs", fake_runs):
        once = normalize(text)
        assert normalize(once.text).text == once.text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "推荐阅读", "编辑:李四", "首页 新闻 财经 体育 汽车", "a.png", "小字号", "返回顶部", "© 2024 X",
    "全市PM2.5平均浓度为18微克/立方米,比2014年下降48.6%。", "2024-12-12 08:55:07 来源:某网", "",
    "北京,天津,河北,山西,内蒙古", "相关新闻", "Related stories", "短句。"]), max_size=12))
def test_property_idempotent_boilerplate(lines: list[str]) -> None:
    text = "\n".join(lines)
    with mock.patch("factcheck.garble.find_runs", no_garble):
        once = normalize(text)
        assert normalize(once.text).text == once.text


# ------------------------------------------------------------------ the seeds


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, Normalized]]:
    if not (SEED_000.exists() and SEED_002.exists()):
        pytest.skip("seed articles (../shared/seeds) not present")
    out = {}
    for key, path in (("000", SEED_000), ("002", SEED_002)):
        text = path.read_text(encoding="utf-8")
        out[key] = (text, normalize(text))
    return out


def test_seed_maps(seeds: dict[str, tuple[str, Normalized]]) -> None:
    for original, n in seeds.values():
        check_maps(original, n)


@pytest.mark.parametrize(("key", "needle"), [
    ("002", "3565万千瓦"), ("000", "2037.22亿元"), ("002", "149万余人次"), ("002", "细颗粒物(PM2.5)平均浓度"),
    ("000", "38.6微克/立方米"), ("002", "MagneRide"), ("000", "2024年02月23日07:30 | 来源:人民网-河北频道"),
    ("002", "2024-12-12 08:55:07  来源:张家口新闻网"),
])
def test_seed_text_present(seeds: dict[str, tuple[str, Normalized]], key: str, needle: str) -> None:
    assert needle in seeds[key][1].text


def test_seed_no_pinyin_left(seeds: dict[str, tuple[str, Normalized]]) -> None:
    for original, n in seeds.values():
        assert len(PINYIN_LEFT.findall(original)) > 400
        assert PINYIN_LEFT.findall(n.text) == []


def test_seed_boilerplate_gone(seeds: dict[str, tuple[str, Normalized]]) -> None:
    original0, n0 = seeds["000"]
    original2, n2 = seeds["002"]
    seo = original0.split("\n")[0]
    assert seo.count(",") >= 3 and seo not in n0.text and seo.split(",")[1] not in n0.text
    assert len(original2.split("\n")[0].split()) >= 8  # the menu bar
    head = [ln for ln in n2.text.split("\n")[:8] if ln.strip()]
    assert head and all(len(ln.split()) < 4 for ln in head) and "数字报刊" not in n2.text
    for gone in ("当前的位置", "首页 >", "人民网>>", "小字号", "image.png", "返回顶部"):
        assert gone not in n0.text and gone not in n2.text, gone
    for original, n in ((original0, n0), (original2, n2)):
        tail = [(s, e) for s, e, r in n.dropped if r == "tail"]
        assert len(tail) == 1 and tail[0][1] == len(original)
    for gone in ("推荐阅读", "分享让更多人看到", "8英寸", "2月23日电", "责编"):
        assert gone not in n0.text, gone
    for gone in ("版权声明", "0313-2051987", "编辑:", "官方微博"):
        assert gone not in n2.text, gone


def test_seed_span_maps_to_original_line(seeds: dict[str, tuple[str, Normalized]]) -> None:
    original, n = seeds["002"]
    i = n.text.index("3565万千瓦")
    s, e = n.original_span(i, i + len("3565万千瓦"))
    assert original[s:e] == "3565萬(wàn)千瓦"
    line22 = original.splitlines()[21]
    assert LineIndex(original).line_col(s) == (22, line22.index("3565萬") + 1)
    original0, n0 = seeds["000"]
    j = n0.text.index("2037.22亿元")
    s0, _ = n0.original_span(j, j + 1)
    assert LineIndex(original0).line_col(s0)[0] == 30


def test_seed_garble_repairs(seeds: dict[str, tuple[str, Normalized]]) -> None:
    for original, n in seeds.values():
        assert n.repairs, "garble.find_runs restored nothing"
        for r in n.repairs:
            assert original[r.start:r.end] == r.garbled
        for u in n.unreadable:  # masked character for character
            i = bisect_left(n.starts, u.start)
            assert n.text[i:i + (u.end - u.start)] == "\ufffd" * (u.end - u.start)


def test_seed_idempotent_without_garble(seeds: dict[str, tuple[str, Normalized]]) -> None:
    with mock.patch("factcheck.garble.find_runs", no_garble):
        for original, _ in seeds.values():
            once = normalize(original)
            assert normalize(once.text).text == once.text


@pytest.mark.parametrize("key", ["000", "002"])
def test_seed_idempotent(seeds: dict[str, tuple[str, Normalized]], key: str) -> None:
    n = seeds[key][1]
    assert normalize(n.text).text == n.text


# ------------------------------------------------------------------ fixed point (normalizing twice = once)


@pytest.mark.parametrize(("text", "masked"), [
    ("y(à)2", ["y", "2"]),  # the digit is glued to the unreadable "y" once the annotation is gone
    ("??à)？1", ["??à)", "？1"]),  # the masked run then starts a marker run that swallows "?1"
    ("\uf8ff动％级\uf8ff～", ["\uf8ff动％", "级\uf8ff～"]),  # a masked run ends the private-use reading before it
])
def test_garble_signals_left_after_the_first_round_are_resolved(text: str, masked: list[str]) -> None:
    n = normalize(text)
    check_maps(text, n)
    assert normalize(n.text).text == n.text
    assert [u.text for u in n.unreadable] == masked
    for u in n.unreadable:  # still masked character for character, in order
        i = bisect_left(n.starts, u.start)
        assert n.text[i] == "\ufffd"
    assert [u.start for u in n.unreadable] == sorted(u.start for u in n.unreadable)


def test_clean_and_seed_text_take_no_second_round() -> None:
    calls: list[str] = []
    real = N._after_garble

    def counting(cur: object, result: object) -> object:
        calls.append("round")
        return real(cur, result)  # type: ignore[arg-type]

    with mock.patch.object(N, "_after_garble", counting):
        normalize("北京市PM2.5年均浓度32微克/立方米,比2013年下降64%。你知道吗?")
        if SEED_002.exists():
            normalize(SEED_002.read_text(encoding="utf-8"))
    assert len(calls) == (2 if SEED_002.exists() else 1)  # one round of steps 2-6 per text


# ------------------------------------------------------------------ cost


def test_import_compiles_nothing_and_loads_no_heavy_module() -> None:
    """``import factcheck.normalize`` compiles no pattern and imports nothing a short clean draft may not need."""
    code = ("import re, sys\n"
            "import factcheck.models\n"
            "before = set(sys.modules)\n"
            "compiled = []\n"
            "real = re.compile\n"
            "re.compile = lambda *a, **k: compiled.append(a[0]) or real(*a, **k)\n"
            "import factcheck.normalize\n"
            "new = set(sys.modules) - before\n"
            "print(len(compiled), sorted(new & {'html', 'html.parser', 'factcheck.garble', 'factcheck.load', 'opencc', "
            "'pypinyin', 'typing', 'json'}))")
    assert _modules_after(code) == "0 []"


def _fold_reference(text: str) -> tuple[str, list[int], list[int]]:
    """Folding as one regular-expression pass of edits (what _fold does with fast paths)."""
    cur = N._identity(text)
    edits = [N._Edit(m.start(), m.end(), N._fold_one(m), N.SPAN) for m in N._FOLD.finditer(text)]
    out = N._apply(cur, [e for e in edits if e.text != text[e.start:e.end]], N._Result())
    return out.text, out.starts, out.ends


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("a1 。，,（）()\r\n\u3000\u00a0\u200b\ufeff\u2003ＰＭ２．５萬")), max_size=40))
def test_fold_fast_paths_match_the_plain_edits(text: str) -> None:
    got = N._fold(N._identity(text), N._Result())
    assert (got.text, got.starts, got.ends) == _fold_reference(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab 萬(wàn)P M2.5中")), max_size=40), st.data())
def test_drop_matches_apply(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(0, max(0, len(text) - 1)), max_size=10))) if text else []
    spans = [(a, a + 1) for a in cuts]
    cur = N._apply(N._identity("x" + text), [N._Edit(0, 1, "", N.SPAN)], N._Result())  # maps not the identity
    r1, r2 = N._Result(), N._Result()
    got = N._drop(cur, ([a for a, _ in spans], [b for _, b in spans]), "why", r1)
    want = N._apply(cur, [N._Edit(a, b, "", N.SPAN, "why") for a, b in spans], r2)
    assert (got.text, got.starts, got.ends, r1.dropped) == (want.text, want.starts, want.ends, r2.dropped)


def _t2s_reference(text: str) -> str:
    """Each Han run that has a character outside the unchanged GB2312 set, converted on its own."""
    import opencc

    cc = opencc.OpenCC("t2s")
    safe = N._gb2312_unchanged()

    def run(m: re.Match[str]) -> str:
        s = m.group(0)
        if all(ch in safe for ch in s):
            return s
        out = cc.convert(s)
        return out if len(out) == len(s) else "".join(c if len(c := cc.convert(ch)) == 1 else ch for ch in s)

    return re.sub(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+", run, text)


def test_t2s_in_one_call_matches_run_by_run() -> None:
    texts = ["149萬餘人次;PM2.5濃度;顆粒物", "乾淨的後來,於是乾隆", "北京市PM2.5年均浓度", "臺灣\n發展\u3000後來"]
    if SEED_000.exists() and SEED_002.exists():
        texts += [SEED_000.read_text(encoding="utf-8"), SEED_002.read_text(encoding="utf-8")]
    for text in texts:
        got = N._t2s(N._identity(text))
        assert got.text == _t2s_reference(text)
        assert got.starts == list(range(len(text)))


MD_INLINE_CODE = """# Notes

Run `factcheck run --jobs 4 drafts/` before filing; the fix landed in ``v2.3 `beta` 7``.
PM2.5 fell to 32 micrograms, a `` ` `` stray tick and 18 more days. Unclosed `tick with 5 days stays.
"""


def test_markdown_inline_code_spans_are_dropped(without_garble: None) -> None:
    n = normalize(MD_INLINE_CODE, "markdown")
    check_maps(MD_INLINE_CODE, n)
    for gone in ("--jobs 4", "v2.3", "beta"):
        assert gone not in n.text, gone
    for kept in ("32 micrograms", "18 more days", "5 days stays", "before filing"):
        assert kept in n.text, kept
    code = [MD_INLINE_CODE[s:e] for s, e, r in n.dropped if r == "code"]
    assert code == ["`factcheck run --jobs 4 drafts/`", "``v2.3 `beta` 7``", "`` ` ``"]
    assert source(MD_INLINE_CODE, n, "32 micrograms") == "32 micrograms"


def test_inline_code_is_markdown_only(without_garble: None) -> None:
    text = "Run `factcheck run --jobs 4` now.\n"
    assert "--jobs 4" in normalize(text, "text").text


# A table in plain text with full-width bars (common in Chinese web copy) looked like a navigation menu and was
# dropped, figures and all. A row with figures in two cells is a table row; the bar line above it is its header.
PIPE_TABLE = """首页｜新闻｜专题｜视频
主要跨城线路一览：
线路｜起讫站｜全长｜最快用时｜日均客流
甲乙城际｜甲站—乙站｜约88公里｜35分钟｜约6万人次
丙丁城际｜丙站—丁站｜140公里｜55分钟｜约1.1万人次
"""


def test_full_width_bar_table_is_kept_and_a_menu_still_dropped(without_garble: None) -> None:
    n = normalize(PIPE_TABLE)
    check_maps(PIPE_TABLE, n)
    kept = [ln.strip() for ln in n.text.split("\n") if ln.strip()]
    assert not any("首页" in ln for ln in kept)  # the menu (no figures) is still navigation
    assert any(ln.startswith("线路") for ln in kept)  # the header beside a row of figures is kept
    assert any("约88公里" in ln and "35分钟" in ln for ln in kept)
    assert any("140公里" in ln for ln in kept)
    dropped = [PIPE_TABLE[s:e] for s, e, r in n.dropped if r == "navigation"]
    assert dropped == ["首页｜新闻｜专题｜视频\n"]


def test_a_lone_bar_line_of_counters_stays_navigation(without_garble: None) -> None:
    page = "某市空气质量持续改善,全年优良天数达到250天。\n转发 286 ｜ 评论 131 ｜ 赞 1024\n"
    n = normalize(page)
    assert [page[s:e] for s, e, r in n.dropped if r == "navigation"] == ["转发 286 ｜ 评论 131 ｜ 赞 1024\n"]


def test_a_markdown_footnote_keeps_its_text_and_drops_its_markers(without_garble: None) -> None:
    md = ("The province cut its coal use by 4% last year.[^2]\n\n"
          "[^2]: Provincial statistics bureau; the national limit is 35 μg/m³.\n"
          "[bureau]: https://example.org/2024/table-3\n")
    n = normalize(md, "markdown")
    check_maps(md, n)
    assert "the national limit is 35 μg/m³" in n.text  # a footnote is article text
    assert "[^2]" not in n.text and "https" not in n.text  # its markers and a link definition are not
    assert "^" not in n.text and "]:" not in n.text


def test_a_press_release_trailer_is_page_tail_and_its_figures_are_reported(without_garble: None) -> None:
    release = ("Researchers estimate that cleaner air prevented about 47,000 deaths in the region in 2023, "
               "the university said on Monday.\n\n"
               "Notes to editors\n\n"
               "1. The study was funded by a 2.4 million yuan grant and involved 12 researchers.\n"
               "2. Media enquiries: +44 (0)1632 960 418\n")
    n = normalize(release)
    assert "47,000 deaths" in n.text and "grant" not in n.text and "1632" not in n.text
    tail = [release[s:e] for s, e, r in n.dropped if r == "tail"]
    assert tail and tail[0].startswith("Notes to editors")
    # a sentence that merely mentions editors is no marker
    assert "editors" in normalize("The notes to editors were short, the 12 researchers said.\n").text
