"""Session 4 speed work (issue #7): the collector settings of a run, and memos scoped to one document.

A memo keyed by a sentence's text that lives across documents makes the throughput corpus (which
repeats its articles) faster than a real archive, where sentences do not repeat: these memos are
per document now, and the collector settings of ``factcheck run`` are undone when it ends.
"""

from __future__ import annotations

import gc
import io
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks import crosssource, dates
from factcheck.pipeline import check_text, read_document
from factcheck.reference import default_reference_path, load_reference
from factcheck.runner import GC_GEN0_THRESHOLD, RunArgs, _QuietGC, execute
from tests.checks_support import doc, reference

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

SYMPOSIUM = ("10年前的2月,习近平总书记在北京主持召开座谈会,专题听取京津冀协同发展工作汇报,"
             "将京津冀协同发展上升为国家战略。")
SYMPOSIUM_TIMES = [{"at": "10年前", "kind": "ago", "years": 10}, {"at": "2月", "kind": "date", "month": 2}]
OUTLINE = "10年前,中央审议通过《京津冀协同发展规划纲要》,明确了协同发展的目标。"
OUTLINE_TIMES = [{"at": "10年前", "kind": "ago", "years": 10}]


# ------------------------------------------------------------------------------------------ collector


def test_quiet_gc_is_undone_on_exit() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    with _QuietGC():
        assert gc.get_threshold()[0] == max(before[0], GC_GEN0_THRESHOLD)
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() >= frozen
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_quiet_gc_is_undone_when_the_check_raises() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), _QuietGC():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def _run_json(paths: list[str]) -> str:
    old = sys.stdout
    sys.stdout = io.StringIO()
    try:
        execute(RunArgs(paths=paths, format="json", progress=False, jobs=1))
        return sys.stdout.getvalue()
    finally:
        sys.stdout = old


def test_run_output_does_not_depend_on_the_collector() -> None:
    paths = [str(p) for p in sorted(SAMPLES.iterdir())]
    before = gc.get_threshold()
    tuned = _run_json(paths)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    gc.disable()
    try:
        untuned = _run_json(paths)
    finally:
        gc.enable()
    assert tuned == untuned
    assert '"claims": [' in tuned


# ------------------------------------------------------------------------------------ per-document memos


def _memo(ref: object) -> dict[str, object]:
    index = dates._INDEXES.get(ref)
    assert index is not None
    return index.memo


def test_event_memo_holds_only_the_current_documents_sentences() -> None:
    ref = reference()
    first = doc(SYMPOSIUM, [], SYMPOSIUM_TIMES, "2024-02-26")
    second = doc(OUTLINE, [], OUTLINE_TIMES, "2024-02-26")
    list(dates.check(first, ref))
    assert SYMPOSIUM in _memo(ref)
    list(dates.check(second, ref))
    memo = _memo(ref)
    assert SYMPOSIUM not in memo  # the first document's sentences are forgotten
    assert set(memo) <= {s.text for s in second.sentences}


def test_event_findings_do_not_depend_on_what_was_checked_before() -> None:
    ref = reference()
    target = doc(SYMPOSIUM, [], SYMPOSIUM_TIMES, "2026-02-23")  # 10 years before is 2016: the event was 2014
    alone = [repr(r) for r in dates.check(target, ref)]
    list(dates.check(doc(OUTLINE, [], OUTLINE_TIMES, "2024-02-26"), ref))
    after_other = [repr(r) for r in dates.check(target, ref)]
    assert alone == after_other
    assert any("FC70" in r for r in alone)


@pytest.fixture(scope="module")
def sample_claims() -> list[object]:
    ref = load_reference(str(default_reference_path()))
    from factcheck.load import load_path
    from factcheck.pipeline import Options

    out: list[object] = []
    for path in sorted(SAMPLES.iterdir()):
        out.extend(read_document(load_path(str(path)), ref, Options()).claims)
    assert out
    return out


def test_claim_key_with_a_memo_equals_claim_key_without(sample_claims: list[object]) -> None:
    memo: dict[str, bool] = {}
    keyed = 0
    for claim in sample_claims:
        with_memo = crosssource.claim_key(claim, memo)  # type: ignore[arg-type]
        assert with_memo == crosssource.claim_key(claim)  # type: ignore[arg-type]
        keyed += with_memo is not None
    assert keyed > 0
    assert memo  # sentences of keyed-so-far claims were looked at once each
    assert all(isinstance(v, bool) for v in memo.values())


def test_partial_period_has_no_cross_document_cache() -> None:
    assert not hasattr(crosssource._partial_period, "cache_info")
    assert not hasattr(dates._tokens, "cache_info")
    assert crosssource._partial_period("2023年1-11月,北京PM2.5平均浓度为30微克/立方米。")
    assert not crosssource._partial_period("2023年,北京PM2.5平均浓度为32微克/立方米。")


def test_cross_source_conflict_still_found_across_documents() -> None:
    ref = load_reference(str(default_reference_path()))
    a = "2023年,河北PM2.5平均浓度为38.6微克/立方米。"
    b = "2023年,河北PM2.5平均浓度为36.8微克/立方米。"
    from factcheck.models import Loaded
    from factcheck.pipeline import Options, check_loaded

    result = check_loaded([Loaded("a.txt", a, "utf-8"), Loaded("b.txt", b, "utf-8")], ref, Options())
    assert any(f.rule == "FC601" for f in result.findings)
    single = check_text(a, ref, path="a.txt")
    assert not any(f.rule == "FC601" for f in single.findings)


# ------------------------------------------------------------------------------- standards' name prefilter


@settings(max_examples=300)
@given(st.sets(st.text(alphabet="abAB国家K", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="abAB国家x\u212ak ", max_size=14))
def test_trie_prefilter_matches_where_the_flat_alternation_does(words: set[str], text: str) -> None:
    from factcheck.checks.standards import _trie_pattern

    lowered = {w.lower() for w in words}
    flat = re.compile("|".join(re.escape(w) for w in sorted(lowered, key=lambda w: (-len(w), w))), re.IGNORECASE)
    trie = re.compile(_trie_pattern(lowered), re.IGNORECASE)
    for a in range(len(text) + 1):
        assert bool(flat.search(text, a)) == bool(trie.search(text, a))
        assert bool(flat.search(text, 0, a)) == bool(trie.search(text, 0, a))


def test_trie_prefilter_of_the_default_reference_finds_every_standard_name() -> None:
    from factcheck.checks.standards import _build_prefilter

    ref = load_reference(str(default_reference_path()))
    names = [name for name, kind, _ in ref.name_table() if kind == "standard" and name]
    assert names
    prefilter = _build_prefilter(ref)
    assert prefilter is not None
    for name in names:
        assert prefilter.search(f"据悉,{name}。"), name
        assert prefilter.search(name.upper())
    assert not prefilter.search("2023年,北京PM2.5年均浓度为32微克/立方米,同比下降5.9%。")


# ------------------------------------------------------------------------------- t2s: the GB2312 probe


@pytest.mark.parametrize("text, expected", [
    ("北京PM2.5浓度为32μg/m³,同比下降5.9%。😀", "北京PM2.5浓度为32μg/m³,同比下降5.9%。😀"),  # ³ 😀: not Han
    ("濃度為32μg/m³,同比下降5.9%。", "浓度为32μg/m³,同比下降5.9%。"),  # 濃 為: Han outside GB2312
    ("张家口3565萬千瓦–风电", "张家口3565万千瓦–风电"),  # – outside GB2312, 萬 too
    ("於是", "于是"),  # in GB2312, but t2s changes it
    ("计划–2025年", "计划–2025年"),
])
def test_t2s_probe_decides_as_the_runs_do(text: str, expected: str) -> None:
    from factcheck.normalize import normalize

    assert normalize(text).text == expected


def test_t2s_probe_leaves_other_encodings_alone() -> None:
    from factcheck.normalize import _register_han_probe

    _register_han_probe()
    assert "³".encode("gb2312", "replace") == b"?"
    with pytest.raises(UnicodeEncodeError):
        "³".encode("gb2312")


def test_quiet_gc_keeps_what_the_host_froze() -> None:
    keep = [object() for _ in range(3)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with _QuietGC():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    assert keep
