"""Tests for factcheck.garble: byte-shifted garbled runs (seed-text notes, layer 1)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import garble
from factcheck.garble import GarbleRun, find_runs

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
REPO = Path(__file__).resolve().parents[1]

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_ANNOT = re.compile(rf"\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")


# ----------------------------------------------------------------------------- helpers


def _garble(original: str, annotations: dict[str, str], marker: str = "?", swallow: bool = True) -> str:
    """Re-enact the damage: byte-level find/replace of ``(pinyin)`` after each annotated character (in the
    dict's order), then a GBK-family decoder (``marker`` for a bad pair; ``swallow``: the ASCII byte after a bad
    lead is lost too, as in the seeds), then fullwidth forms folded to ASCII."""
    raw = original.encode("gbk")
    for ch, py in annotations.items():
        b = ch.encode("gbk")
        raw = raw.replace(b, b + f"({py})".encode("gbk"))
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] < 0x80:
            out.append(chr(raw[i]))
            i += 1
            continue
        pair = raw[i : i + 2]
        try:
            ch = pair.decode("gb18030") if len(pair) == 2 else ""
        except UnicodeDecodeError:
            ch = ""
        if len(ch) == 1:
            out.append(ch)
            i += 2
            continue
        out.append(marker)
        i += 2 if swallow and len(pair) == 2 and pair[1] < 0x80 else 1
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in out)


def _repair(text: str, runs: list[GarbleRun], unreadable: str = "\x00") -> str:
    parts: list[str] = []
    pos = 0
    for r in runs:
        parts.append(text[pos : r.start])
        parts.append(r.restored if r.restored is not None else unreadable)
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


def _fold(s: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in s)


def _assert_well_formed(text: str, runs: list[GarbleRun]) -> None:
    prev_end = 0
    for r in runs:
        assert 0 <= prev_end <= r.start < r.end <= len(text)
        assert r.text == text[r.start : r.end]
        if r.restored is not None:
            assert not re.search("[?\ufffd\ue000-\uf8ff]", r.restored)
        prev_end = r.end


def _seed_texts() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip("no seed articles")
    return {f.name: f.read_text(encoding="utf-8") for f in files}


# ----------------------------------------------------------------------------- the seeds


def test_seed_run_counts() -> None:
    seeds = _seed_texts()
    counts = {name[:3]: len(find_runs(text)) for name, text in seeds.items()}
    assert counts.get("000") == 3
    assert counts.get("002") == 19
    assert sum(counts.values()) == 22


def test_seed_runs_start_at_the_damage_and_are_well_formed() -> None:
    for text in _seed_texts().values():
        runs = find_runs(text)
        _assert_well_formed(text, runs)
        for r in runs:
            assert r.text[0] == "?"  # the first damaged character: the decoder's marker
        outside = _repair(text, runs)
        assert not re.search(rf"\?[a-zü{_TONED}]+\)", outside)  # no orphan annotation left outside a run
        assert not re.search("[\ue000-\uf8ff]", outside)  # nor a private-use character


def test_seed_restorations_from_the_notes() -> None:
    """Each restored word the notes list appears in the repaired text, overlapping a restored run."""
    expected = ["官廳水庫", "張垣大地發生", "頒獎", "圍繞", "體育", "攜手", "張家口新聞網"]
    found: set[str] = set()
    for text in _seed_texts().values():
        plain: list[str] = []
        from_run: list[bool] = []
        pos = 0
        for r in find_runs(text):
            outside = _ANNOT.sub("", text[pos : r.start])
            plain.extend(outside)
            from_run.extend([False] * len(outside))
            if r.restored is not None:
                plain.extend(r.restored)
                from_run.extend([True] * len(r.restored))
            pos = r.end
        plain.extend(_ANNOT.sub("", text[pos:]))
        joined = "".join(plain)
        for w in expected:
            for m in re.finditer(re.escape(w), joined):
                if any(from_run[m.start() : m.end()]):
                    found.add(w)
    assert found == set(expected)


def test_seed_every_orphan_run_restored_bare_marker_runs_unreadable() -> None:
    restored = unreadable = 0
    for text in _seed_texts().values():
        for r in find_runs(text):
            if "orphan-pinyin" in r.signals:
                assert r.restored is not None, r
                assert r.candidates == 1
                restored += 1
            else:  # a marker with no pinyin: the lost byte has no clue, never guessed
                assert r.restored is None, r
                unreadable += 1
    assert restored >= 17
    assert restored + unreadable == 22


def test_seed_digits_never_cut_or_invented_by_a_run() -> None:
    for text in _seed_texts().values():
        for r in find_runs(text):
            assert not text[r.end : r.end + 1].isdigit()  # a number right after a run belongs to it
            if r.restored is not None:
                tail = re.search(r"[0-9]+(?:[.,][0-9]+)*$", r.text)
                digits = tail.group() if tail else ""
                assert r.restored.endswith(digits)
                assert not re.search(r"[0-9]", r.restored[: len(r.restored) - len(digits)])


# ----------------------------------------------------------------------------- re-enacted damage


def test_restore_guanting_both_decoder_styles() -> None:
    ann = {"購": "gòu", "廳": "tīng", "庫": "kù"}
    for marker, swallow in (("?", True), ("\ufffd", False)):
        g = _garble("官廳水庫", ann, marker, swallow)
        runs = find_runs(g)
        assert len(runs) == 1
        assert runs[0].restored == "廳"
        assert _ANNOT.sub("", _repair(g, runs)) == "官廳水庫"


def test_seed_mechanism_is_reproduced() -> None:
    """The test re-enactment gives exactly the seed's garbled form (so the other fixtures are realistic)."""
    g = _garble("沒有屋頂的地方”。“這裡", {"數": "shù", "頂": "dǐng", "這": "zhè"})
    assert g == "沒有屋頂(dǐng)?shù)牡胤健薄!斑@(zhè)裡"
    (run,) = find_runs(g)
    assert run.restored == "的地方”。“這"  # fullwidth forms as decoded; the folded ! inside the stretch was ！


def test_orphan_without_marker_or_parenthesis() -> None:
    """Decoders that drop the bad bytes leave ``gòu)`` with no marker and no ``(``."""
    text = "冬季的官gòu)d水庫(kù)國家濕地公園"
    (run,) = find_runs(text)
    assert (run.text, run.restored) == ("gòu)d", "廳")


def test_truncated_number_belongs_to_the_run() -> None:
    # the decoder swallowed the "2" of 2023 together with the lost trail byte of 口
    g = _garble("版權均屬張家口2023年", {"購": "gòu", "權": "quán", "屬": "shǔ"})
    assert g == "版權(quán)均屬(shǔ)?gòu)埣铱?023年"
    (run,) = find_runs(g)
    assert run.text.endswith("?023")
    assert run.restored is None
    assert "023" not in _repair(g, [run], unreadable="")
    # a decoder that keeps the byte: the whole number is still part of the unreadable run
    g2 = _garble("版權均屬張家口2023年", {"購": "gòu", "權": "quán", "屬": "shǔ"}, "\ufffd", swallow=False)
    (run2,) = find_runs(g2)
    assert run2.text.endswith("\ufffd2023") and run2.restored is None


def test_folded_fullwidth_letter_is_not_mistaken_for_resync() -> None:
    # 模 lost its lead byte; (A3 C7) = Ｇ was folded to "G": reading G as a trail byte would give 腉
    g = _garble("珠模千持", {"槟": "bīn", "千": "qiān"})
    assert g == "珠?bīn)G?qiān)持"
    (run,) = find_runs(g)
    assert run.text == "?bīn)G?qiān)"
    assert run.restored in (None, "模千")


def test_folded_underscore_then_real_trail_byte() -> None:
    g = _garble("讓右常達低", {"層": "céng", "讓": "ràng", "達": "dá"})
    assert g == "讓(ràng)?céng)页__(dá)低"
    (run,) = find_runs(g)
    assert (run.text, run.restored) == ("?céng)页__", "右常達")


def test_literal_question_mark_before_orphan() -> None:
    # ？ = A3 BF, 空 = BF D5: the pair (BF, BF) is 靠, annotated mid-stream after the lead byte of 空
    g = _garble("他問？空氣好", {"靠": "kào"})
    assert g.startswith("他問??kào)")
    (run,) = find_runs(g)
    assert run.start == 3  # the first "?" is a real (folded) question mark, not part of the run
    assert run.text.startswith("?kào)")


# words of the seeds plus numbers and punctuation, for round trips
_POOL = list("張家口官廳水庫上游永定河流域十年來京津冀協同創新網聞報體育攜手圍繞頒獎產業當地發生濃度顆粒物萬億")
_POOL += ["。”", "“", "，", "、", "2023", "48.6%", "PM2.5", "。", "《", "》", "12"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_POOL), min_size=3, max_size=40), st.booleans())
def test_round_trip_on_re_enacted_damage(words: list[str], swallow: bool) -> None:
    """Restored runs give back the original exactly; every damaged character lies inside some run."""
    from pypinyin import Style, pinyin

    original = "".join(words)
    ann: dict[str, str] = {}
    for c in sorted(set(original) | set("購數執請勵財車")):
        if "\u4e00" <= c <= "\u9fff":
            py = pinyin(c, style=Style.TONE)[0][0]
            if any(t in py for t in _TONED):
                ann[c] = py
    g = _garble(original, ann, "?" if swallow else "\ufffd", swallow)
    runs = find_runs(g)
    _assert_well_formed(g, runs)
    pieces = _fold(_ANNOT.sub("", _repair(g, runs))).split("\x00")
    assert re.fullmatch(".*?".join(map(re.escape, pieces)), _fold(original), re.S), (g, runs)


# ----------------------------------------------------------------------------- clean text


CLEAN = [
    "2023年，北京市PM2.5年均浓度为32微克/立方米，比2013年下降64%。你知道吗?这是真的吗?我们去看看吧!",
    "張家口市可再生能源裝機容量達到3565萬(wàn)千瓦,比上年增長(zhǎng)12.5%。官廳(tīng)水庫(kù)水質(zhì)達標。",
    "Is it true? Yes! Really?! What?? The rate fell 5% (from 2013). See https://example.com/a?id=3&b=4#x?y",
    "x = a?b:c; y = foo?.bar ?? 0; if (n>0) {print('?!');} arr[i]?[j] printf(\"%d?\\n\", n);",
    "PM2.5濃度(PM2.5)與(P M2.5)以及(2个接口)和(張家口新聞網)都要保留。",
    "他问：“你去吗?”我说：“去!”然后买了A股和B股，做了X光和B超。",
    "真的吗?我买了A股。这行吗??价格是多少?100元。还是?50元?",
    "图标\ue600 分享 \ue601 收藏",
    "哪(nǎ)裡(lǐ)?第9屆?還是第10屆?2024年12月12日 08:55:07",
    "Résumé café (née) naïve, 你好(nǐ hǎo) ok; 中文?English?中文",
    "他说:真的吗?!\n下一段。「這是(zhè)什麼(me)?」",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_has_no_runs(text: str) -> None:
    assert find_runs(text) == []


def test_clean_seed_sized_text_is_linear_and_skips_pypinyin() -> None:
    """Clean text (question marks and annotations included) never loads pypinyin, and the scan is linear:
    4 times the text costs about 4 times as much (a quadratic scan would cost 16 times)."""
    small = "\n".join(CLEAN) * 4  # ~3,000 characters
    code = (
        "import sys, time\n"
        "from factcheck.garble import find_runs\n"
        f"small = {small!r}\n"
        "large = small * 4\n"
        "assert find_runs(small) == [] and find_runs(large) == []\n"
        "def best(text):\n"
        "    out = []\n"
        "    for _ in range(7):\n"
        "        t0 = time.process_time()\n"
        "        for _ in range(10): find_runs(text)\n"
        "        out.append(time.process_time() - t0)\n"
        "    return min(out)\n"
        "print(best(large) / best(small), 'pypinyin' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    ratio, loaded = out.stdout.split()
    assert loaded == "False"
    assert float(ratio) < 8


def test_clean_seed_text_speed() -> None:
    seeds = _seed_texts()
    for text in seeds.values():
        runs = find_runs(text)
        clean = _repair(text, runs, unreadable="")
        t0 = time.perf_counter()
        for _ in range(50):
            assert len(find_runs(clean)) <= 1  # removing an unreadable run can leave e.g. "%(zhì)" behind
        assert (time.perf_counter() - t0) / 50 < 0.005


# ----------------------------------------------------------------------------- robustness


_NASTY = list("官廳水庫?!()gòuàdW@12.,:\ue000\ue854\ufffd 萬wàn張家口。”“\n")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_NASTY) | st.characters(codec="utf-8"), max_size=80))
def test_find_runs_never_raises_and_is_well_formed(text: str) -> None:
    _assert_well_formed(text, find_runs(text))


# ----------------------------------------------------------------------------- readings without pypinyin


def _gbk_cjk_chars() -> list[str]:
    out = []
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                ch = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if garble._is_cjk(ch):
                out.append(ch)
    return out


def test_readings_table_is_pypinyin_for_every_gbk_character() -> None:
    """garble reads pypinyin's data file instead of importing pypinyin: same readings, every character."""
    from pypinyin import Style, pinyin

    chars = _gbk_cjk_chars()
    assert len(chars) > 20000
    differ = []
    for ch in chars:
        want = frozenset(r for group in pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore") for r in group)
        if garble._readings(ch) != want:
            differ.append(ch)
    assert differ == []
    assert "wàn" in garble._readings("萬") and "gòu" in garble._readings("購")


def test_restoring_never_imports_pypinyin() -> None:
    g = _garble("官廳水庫", {"購": "gòu", "廳": "tīng", "庫": "kù"})
    code = (
        "import sys\n"
        "from factcheck.garble import find_runs\n"
        f"(run,) = find_runs({g!r})\n"
        "print(run.restored, 'pypinyin' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["廳", "False"]


def _bare_orphans_reference(text: str) -> list[int]:
    """The plain loop _bare_orphans replaces: for each ")", the up to 6 pinyin letters before it."""
    letters = set("abcdefghijklmnopqrstuvwxyzü" + _TONED)
    out: list[int] = []
    for p, ch in enumerate(text):
        if ch != ")":
            continue
        k = p
        while k > 0 and p - k < 6 and text[k - 1] in letters:
            k -= 1
        if k < p and (k == 0 or text[k - 1] != "(") and garble._PY_FULL.fullmatch(text, k, p):
            out.append(k)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abgwàōnüǚ()中?x \n")), max_size=40))
def test_orphan_scan_matches_the_plain_loop(text: str) -> None:
    assert garble._bare_orphans(text) == _bare_orphans_reference(text)
