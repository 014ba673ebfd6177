"""FC601 cross-source-conflict on hand-built documents."""

from __future__ import annotations

import time
from typing import Any

import pytest

from factcheck.checks import crosssource
from factcheck.document import Document
from factcheck.models import Finding, Verdict
from tests.checks_support import doc, reference

LEVEL = {"unit": "μg/m³", "region": "hebei", "year": 2023, "metric": "pm25_annual_mean"}


def _doc(path: str, text: str, *claims: dict[str, Any]) -> Document:
    return doc(text, list(claims), path=path)


def _level(at: str, value: str, **kw: Any) -> dict[str, Any]:
    return {"at": at, "value": value, **LEVEL, **kw}


def _run(*docs: Document) -> tuple[list[Finding], list[Verdict]]:
    results = list(crosssource.check_run(list(docs), reference()))
    return ([r for r in results if isinstance(r, Finding)], [r for r in results if isinstance(r, Verdict)])


def test_conflict_across_files_is_one_finding_listing_every_location() -> None:
    a = _doc("a.txt", "2023年,河北PM2.5平均浓度为38.6微克/立方米。", _level("38.6", "38.6"))
    b = _doc("b.txt", "标题\n2023年,河北PM2.5平均浓度为36.8微克/立方米。", _level("36.8", "36.8"))
    findings, verdicts = _run(a, b)
    (f,) = findings
    assert (f.rule, f.severity, f.category) == ("FC601", "error", "cross-source")
    assert [(loc.path, loc.line) for loc in f.locations] == [("a.txt", 1), ("b.txt", 2)]
    assert "38.6 μg/m³ at a.txt:1:" in f.message and "36.8 μg/m³ at b.txt:2:" in f.message
    assert "it supports 38.6 μg/m³" in f.explanation  # the reference holds 38.6
    assert not verdicts


def test_agreement_within_rounding_is_a_confirmation() -> None:
    a = _doc("a.txt", "2023年,河北PM2.5平均浓度为38.6微克/立方米。", _level("38.6", "38.6"))
    b = _doc("b.txt", "2023年,河北PM2.5平均浓度约为39微克/立方米。", _level("39", "39", qualifier="about"))
    c = _doc("c.txt", "In 2023 Hebei's average PM2.5 concentration was 39 micrograms.", _level("39", "39"))
    findings, verdicts = _run(a, b, c)
    assert not findings
    assert sorted(v.claim for v in verdicts) == ["a.txt#c1", "b.txt#c1", "c.txt#c1"]
    assert all(v.status == "confirmed" for v in verdicts)
    detail = next(v.detail for v in verdicts if v.claim == "a.txt#c1")
    assert detail.startswith("also at b.txt:1:") and "c.txt:1:" in detail


def test_near_miss_just_outside_rounding_conflicts() -> None:
    a = _doc("a.txt", "2023年,河北PM2.5平均浓度为38.6微克/立方米。", _level("38.6", "38.6"))
    b = _doc("b.txt", "In 2023 Hebei's average PM2.5 concentration was 38 micrograms.", _level("38", "38"))
    findings, _ = _run(a, b)
    assert [f.rule for f in findings] == ["FC601"]


def test_conflict_within_one_file() -> None:
    text = "河北2023年PM2.5平均浓度38.6微克/立方米。\n\n2023年,河北PM2.5平均浓度为36.8微克/立方米。"
    findings, _ = _run(_doc("a.txt", text, _level("38.6", "38.6"), _level("36.8", "36.8")))
    (f,) = findings
    assert {loc.path for loc in f.locations} == {"a.txt"} and len(f.locations) == 2


def test_one_outlier_among_several_agreeing_files_is_one_finding() -> None:
    docs = [_doc(f"{p}.txt", "2023年,河北PM2.5平均浓度为38.6微克/立方米。", _level("38.6", "38.6")) for p in "abc"]
    docs.append(_doc("d.txt", "2023年,河北PM2.5平均浓度为40微克/立方米。", _level("40", "40")))
    findings, verdicts = _run(*docs)
    (f,) = findings
    assert len(f.locations) == 4 and not verdicts


def test_two_values_in_one_sentence_are_ambiguous_not_a_conflict() -> None:
    text = "2023年,张家口、承德PM2.5平均浓度分别为18、25微克/立方米。"
    findings, verdicts = _run(_doc("a.txt", text, _level("18", "18"), _level("25", "25")))
    assert not findings and not verdicts


def test_different_keys_never_meet() -> None:
    a = _doc("a.txt", "2023年,河北PM2.5平均浓度为38.6微克/立方米。", _level("38.6", "38.6"))
    b = _doc("b.txt", "2022年,河北PM2.5平均浓度为36.8微克/立方米。", _level("36.8", "36.8", year=2022))
    c = _doc("c.txt", "2023年,天津PM2.5平均浓度为41微克/立方米。", _level("41", "41", region="tianjin"))
    assert _run(a, b, c) == ([], [])


def test_changes_compare_signed_values_per_baseline() -> None:
    change = {"unit": "%", "kind": "change", "region": "hebei", "year": 2023, "metric": "pm25_annual_mean"}
    a = _doc("a.txt", "比2013年下降64.3%。", {"at": "64.3", "value": "64.3", "direction": "down",
                                             "baseline_year": 2013, **change})
    b = _doc("b.txt", "比2013年上升64.3%。", {"at": "64.3", "value": "64.3", "direction": "up",
                                             "baseline_year": 2013, **change})
    c = _doc("c.txt", "比2014年下降57.6%。", {"at": "57.6", "value": "57.6", "direction": "down",
                                             "baseline_year": 2014, **change})
    findings, _ = _run(a, b, c)
    (f,) = findings
    assert {loc.path for loc in f.locations} == {"a.txt", "b.txt"}


@pytest.mark.parametrize("text", [
    "今年1—11月,河北PM2.5平均浓度为40微克/立方米。",
    "北京冬奥会期间,河北PM2.5平均浓度为22微克/立方米。",
    "During the first half, Hebei's average PM2.5 concentration was 45 micrograms.",
])
def test_part_of_a_year_is_not_the_annual_figure(text: str) -> None:
    a = _doc("a.txt", "2023年,河北PM2.5平均浓度为38.6微克/立方米。", _level("38.6", "38.6"))
    at = next(n for n in ("40", "22", "45") if n in text)
    b = _doc("b.txt", text, _level(at, at))
    assert _run(a, b) == ([], [])


def test_claims_missing_region_metric_or_year_are_not_grouped() -> None:
    a = _doc("a.txt", "PM2.5平均浓度为38.6微克/立方米。", _level("38.6", "38.6", region=None))
    b = _doc("b.txt", "PM2.5平均浓度为36.8微克/立方米。", _level("36.8", "36.8", region=None))
    assert _run(a, b) == ([], [])


def test_linear_in_the_number_of_claims() -> None:
    docs = [_doc(f"f{i:04d}.txt", "2023年,河北PM2.5平均浓度为38.6微克/立方米。", _level("38.6", "38.6"))
            for i in range(3000)]
    started = time.perf_counter()
    findings, verdicts = _run(*docs)
    elapsed = time.perf_counter() - started
    assert not findings and len(verdicts) == 3000
    # Each verdict names a bounded number of other places, not all 2999 of them.
    assert max(len(v.detail) for v in verdicts) < 200
    assert elapsed < 2.0, elapsed


@pytest.mark.parametrize("rule", crosssource.RULES, ids=lambda r: r.id)
def test_catalog_examples_behave_as_documented(rule: Any) -> None:
    from tests.checks_support import example_fires

    assert example_fires(rule.id, rule.fail), rule.fail
    assert not example_fires(rule.id, rule.passes), rule.passes


def test_a_unit_in_another_script_is_the_same_unit_for_the_reference_and_across_articles() -> None:
    """公里 / 平方公里 in Chinese text and km / km² in claims.yaml (and in English text) are one unit: the
    Chinese figures are checked, not left unchecked for a spelling, and two articles are compared."""
    from factcheck.api import check_texts
    from factcheck.units import same_unit

    assert same_unit("公里", "km") and same_unit("平方公里", "km²") and same_unit("people", "人")
    assert not same_unit("亩", "km²") and not same_unit("公里", "km²") and not same_unit(None, "km")
    data = check_texts([("zh.txt", "京津冀铁路营运里程2023年达到1.0万公里。\n"),
                        ("en.txt", "In 2023 the Beijing-Tianjin-Hebei region had 9,000 km of railway lines.\n")])
    zh, en = data["files"]
    assert [(c["unit"], c["metric"], c["status"]) for c in zh["claims"]] == [("公里", "railway_length", "contradicts")]
    assert [f["rule"] for f in zh["findings"]] == ["FC101"] and "11000 km" in zh["findings"][0]["message"]
    assert [(c["unit"], c["status"]) for c in en["claims"]] == [("km", "contradicts")]
    cross = [f for f in data["findings"] if f["category"] == "cross-source"]
    assert len(cross) == 1 and "9000 km" in cross[0]["message"] and "10000 公里" in cross[0]["message"]
