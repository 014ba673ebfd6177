"""FC103 implied-baseline and FC104 change-vs-reference on hand-built documents."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks import implied
from factcheck.interval import stated
from factcheck.models import Finding, Verdict
from tests.checks_support import doc, reference

PM = {"metric": "pm25_annual_mean"}


def _run(text: str, claims: list[dict[str, Any]]) -> tuple[list[Finding], list[Verdict]]:
    results = list(implied.check(doc(text, claims), reference()))
    return ([r for r in results if isinstance(r, Finding)], [r for r in results if isinstance(r, Verdict)])


def _level(at: str, value: str, region: str, year: int = 2023, **kw: Any) -> dict[str, Any]:
    return {"at": at, "value": value, "unit": "μg/m³", "region": region, "year": year, **PM, **kw}


def _change(at: str, value: str, region: str, baseline: int, year: int = 2023, direction: str = "down",
            unit: str = "%", **kw: Any) -> dict[str, Any]:
    return {"at": at, "value": value, "unit": unit, "kind": "change", "direction": direction, "region": region,
            "year": year, "baseline_year": baseline, **PM, **kw}


def test_half_unit_reads_the_stated_precision() -> None:
    assert implied.half_unit(D("108")) == D("0.5")
    assert implied.half_unit(D("38.6")) == D("0.05")
    assert implied.half_unit(D("1E+2")) == D("0.5")  # a normalized 100 is not a loose figure


def test_implied_baseline_of_the_seed_sentence_is_an_interval() -> None:
    iv = implied.implied_baseline(stated(D("38.6"), D("0.05")), -stated(D("57.6"), D("0.05")), "relative")
    assert D("90.81") < iv.lo < D("90.82") and D("91.26") < iv.hi < D("91.27")


def test_seed_sentence_without_a_2014_fact_is_reported_unchecked() -> None:
    text = "2023年,河北PM2.5平均浓度降至38.6微克/立方米、比2014年下降57.6%。"
    findings, _ = _run(text, [_level("38.6", "38.6", "hebei"), _change("57.6", "57.6", "hebei", 2014)])
    fc103 = [f for f in findings if f.rule == "FC103"]
    assert len(fc103) == 1 and fc103[0].severity == "info"
    assert "2014 ≈ 91.0" in fc103[0].message and "[90.81, 91.26]" in fc103[0].message
    assert [loc.column for loc in fc103[0].locations] == [text.index("57.6") + 1, text.index("38.6") + 1]


def test_implied_baseline_contradicting_the_reference_is_an_error() -> None:
    text = "2023年,张家口市PM2.5平均浓度降至18微克/立方米,比2014年下降60%。"
    findings, verdicts = _run(text, [_level("18", "18", "zhangjiakou"), _change("60", "60", "zhangjiakou", 2014)])
    (f,) = [f for f in findings if f.rule == "FC103"]
    assert f.severity == "error" and f.expected == "35" and f.source == "张家口 2014"
    assert f.actual == "45.0"
    assert "baseline = level / (1 + change / 100)" in f.explanation
    assert any(v.status == "contradicts" for v in verdicts)


@pytest.mark.parametrize("stated_change", ["48.6", "49"])
def test_implied_baseline_within_rounding_agrees(stated_change: str) -> None:
    text = f"2023年,张家口市PM2.5平均浓度降至18微克/立方米,比2014年下降{stated_change}%。"
    findings, verdicts = _run(text, [_level("18", "18", "zhangjiakou"),
                                     _change(stated_change, stated_change, "zhangjiakou", 2014)])
    assert not findings
    assert [v.status for v in verdicts] == ["agrees"]


def test_near_miss_outside_rounding_is_flagged() -> None:
    # 18 = [17.5, 18.5] and -51% = [-51.5, -50.5] imply [35.35, 38.14]: touches 35 ± 0.5, agrees;
    # -52% implies [36.08, 38.95]: just clear of it.
    text = "2023年,张家口市PM2.5平均浓度降至18微克/立方米,比2014年下降{}%。"
    ok, _ = _run(text.format(51), [_level("18", "18", "zhangjiakou"), _change("51", "51", "zhangjiakou", 2014)])
    assert not ok
    bad, _ = _run(text.format(52), [_level("18", "18", "zhangjiakou"), _change("52", "52", "zhangjiakou", 2014)])
    assert [f.rule for f in bad] == ["FC103"]


def test_no_error_when_a_direct_check_already_contradicts_a_figure() -> None:
    # 40 contradicts the 2023 fact 38.6 (FC101 reports it); the implied 2013 is off only because of it.
    text = "2023年,河北PM2.5平均浓度降至40微克/立方米,比2013年下降64.3%。"
    findings, _ = _run(text, [_level("40", "40", "hebei"), _change("64.3", "64.3", "hebei", 2013)])
    assert not [f for f in findings if f.rule == "FC103"]


def test_from_to_delta_phrase_with_a_stated_from_is_left_to_arithmetic() -> None:
    text = "张家口市PM2.5平均浓度由2014年的35微克/立方米降至2023年的18微克/立方米,下降60%。"
    claims = [_level("35", "35", "zhangjiakou", 2014, role="from", id="c1", related=("c2", "c3")),
              _level("18", "18", "zhangjiakou", role="to", id="c2", related=("c1", "c3")),
              _change("60", "60", "zhangjiakou", 2014, role="delta", id="c3", related=("c1", "c2"))]
    findings, _ = _run(text, claims)
    assert not [f for f in findings if f.rule == "FC103"]


def test_two_levels_for_one_key_in_a_sentence_are_ambiguous() -> None:
    text = "2023年,张家口市PM2.5平均浓度分别为18微克/立方米和25微克/立方米,比2014年下降60%。"
    findings, _ = _run(text, [_level("18", "18", "zhangjiakou"), _level("25", "25", "zhangjiakou"),
                              _change("60", "60", "zhangjiakou", 2014)])
    assert not findings


def test_levels_in_other_sentences_are_not_paired() -> None:
    text = "2023年,张家口市PM2.5平均浓度降至18微克/立方米。2023年,张家口市PM2.5平均浓度比2014年下降60%。"
    findings, _ = _run(text, [_level("18", "18", "zhangjiakou"), _change("60", "60", "zhangjiakou", 2014)])
    assert not findings


def test_change_vs_reference_levels() -> None:
    text = "2023年,河北PM2.5平均浓度比2013年下降61.2%。"
    findings, verdicts = _run(text, [_change("61.2", "61.2", "hebei", 2013)])
    (f,) = findings
    assert (f.rule, f.severity) == ("FC104", "error")
    assert f.expected == "-64.3 %" and "河北 2023 bulletin" in (f.source or "")
    assert "[-64.47, -64.05]" in f.explanation
    assert [v.status for v in verdicts] == ["contradicts"]


@pytest.mark.parametrize("value", ["64.3", "64", "64.4"])
def test_change_vs_reference_within_rounding_agrees(value: str) -> None:
    text = f"2023年,河北PM2.5平均浓度比2013年下降{value}%。"
    findings, verdicts = _run(text, [_change(value, value, "hebei", 2013)])
    assert not findings and [v.status for v in verdicts] == ["agrees"]


def test_wrong_direction_contradicts() -> None:
    text = "2023年,河北PM2.5平均浓度比2013年上升64.3%。"
    findings, _ = _run(text, [_change("64.3", "64.3", "hebei", 2013, direction="up")])
    assert [f.rule for f in findings] == ["FC104"]


def test_direct_change_fact_is_left_to_fc101() -> None:
    text = "2023年,天津PM2.5平均浓度比2013年下降50%。"
    findings, verdicts = _run(text, [_change("50", "50", "tianjin", 2013)])
    assert not findings and not verdicts


def test_absolute_change_in_the_metric_unit() -> None:
    text = "2017年,河北PM2.5平均浓度较2013年下降43微克/立方米。"
    ok, _ = _run(text, [_change("43", "43", "hebei", 2013, year=2017, unit="μg/m³")])
    assert not ok
    bad, _ = _run(text.replace("43", "40"), [_change("40", "40", "hebei", 2013, year=2017, unit="μg/m³")])
    assert [f.rule for f in bad] == ["FC104"] and bad[0].expected == "-43.0 μg/m³"


def test_percentage_points_of_a_share() -> None:
    base = {"metric": "good_air_share", "region": "hebei", "year": 2023, "baseline_year": 2013,
            "kind": "change", "direction": "up", "unit": "pp"}
    ok, _ = _run("2023年河北优良天数比例较2013年提高33.2个百分点。", [{"at": "33.2", "value": "33.2", **base}])
    assert not ok
    bad, _ = _run("2023年河北优良天数比例较2013年提高30个百分点。", [{"at": "30", "value": "30", **base}])
    assert [f.rule for f in bad] == ["FC104"]


def test_agreeing_only_with_a_variant_is_a_warning() -> None:
    # 32 vs the official 89.5 is -64.25 % ([-64.82, -63.67]); vs Greenpeace's 90.1 it reaches -64.9.
    text = "2023年,北京PM2.5平均浓度比2013年下降64.9%。"
    findings, verdicts = _run(text, [_change("64.9", "64.9", "beijing", 2013)])
    (f,) = findings
    assert (f.rule, f.severity) == ("FC104", "warning") and "Greenpeace" in f.message
    assert [v.status for v in verdicts] == ["doubtful"]


def test_english_sentence_same_rules() -> None:
    text = "Hebei's average PM2.5 concentration fell 61.2 percent in 2023 compared with 2013."
    findings, _ = _run(text, [_change("61.2", "61.2", "hebei", 2013)])
    assert [f.rule for f in findings] == ["FC104"]


def test_claims_without_region_metric_or_baseline_are_skipped() -> None:
    text = "2023年,PM2.5平均浓度降至38.6微克/立方米,下降57.6%。"
    claims = [{"at": "38.6", "value": "38.6", "unit": "μg/m³", "year": 2023},
              {"at": "57.6", "value": "57.6", "unit": "%", "kind": "change", "direction": "down", "year": 2023}]
    assert _run(text, claims) == ([], [])


GDP = {"metric": "gdp", "region": "jingjinji", "year": 2023, "baseline_year": 2013, "kind": "multiple", "unit": "×"}


def test_multiples_against_the_reference_levels_read_at_their_scale() -> None:
    # 10.4万亿 and 5.5万亿 are stored in yuan; read at 0.05万亿 they give 1.86-1.92×.
    ok, verdicts = _run("2023年京津冀地区生产总值合计10.4万亿元,是2013年的1.9倍。",
                        [{"at": "1.9", "value": "1.9", **GDP}])
    assert not ok and [v.status for v in verdicts] == ["agrees"]
    bad, _ = _run("2023年京津冀地区生产总值合计10.4万亿元,是2013年的2.5倍。", [{"at": "2.5", "value": "2.5", **GDP}])
    assert [f.rule for f in bad] == ["FC104"] and bad[0].expected == "1.89×"


def test_growth_by_a_multiple_is_ambiguous_and_skipped() -> None:
    text = "2023年京津冀地区生产总值比2013年增长2.5倍。"
    assert _run(text, [{"at": "2.5", "value": "2.5", **GDP}]) == ([], [])


def test_relative_change_of_a_scaled_figure() -> None:
    change = {**GDP, "kind": "change", "direction": "up", "unit": "%"}
    ok, _ = _run("2023年京津冀地区生产总值比2013年增长90%。", [{"at": "90", "value": "90", **change}])
    assert not ok
    bad, _ = _run("2023年京津冀地区生产总值比2013年增长190%。", [{"at": "190", "value": "190", **change}])
    assert [f.rule for f in bad] == ["FC104"]


def test_a_zero_baseline_in_the_reference_does_not_break_the_check() -> None:
    from factcheck.reference import parse_reference

    ref = parse_reference(
        "version: 1\nregions:\n  beijing: {names: [北京]}\nmetrics:\n  heavy: {names: [重污染天数], unit: 天}\n"
        "facts:\n  - {region: beijing, metric: heavy, year: 2022, value: 0, source: t}\n"
        "  - {region: beijing, metric: heavy, year: 2023, value: 8, source: t}\n", "zero.yaml")
    text = "2023年北京重污染天数8天,比2022年增加100%。"
    claims = [{"at": "8天", "value": "8", "unit": "天", "region": "beijing", "metric": "heavy", "year": 2023},
              {"at": "100", "value": "100", "unit": "%", "kind": "change", "direction": "up", "region": "beijing",
               "metric": "heavy", "year": 2023, "baseline_year": 2022}]
    results = list(implied.check(doc(text, claims), ref))
    # No relative change from 0 (FC104 stays silent), but 8 after +100% implies 4 for 2022, not 0.
    assert [(r.rule, r.expected) for r in results if isinstance(r, Finding)] == [("FC103", "0")]


@settings(max_examples=150, deadline=None)
@given(value=st.decimals(min_value=-10**15, max_value=10**15, allow_nan=False, places=3),
       precision=st.sampled_from(["0", "0.05", "0.5", "5000"]),
       qualifier=st.sampled_from([None, "about", "nearly", "more_than", "at_least", "less_than", "at_most"]),
       kind=st.sampled_from(["level", "change", "multiple"]),
       direction=st.sampled_from([None, "up", "down"]),
       unit=st.sampled_from(["%", "pp", "μg/m³", "×", None]),
       baseline=st.sampled_from([None, 2013, 2014, 2022]))
def test_any_claim_is_judged_without_an_exception(value: D, precision: str, qualifier: str | None, kind: str,
                                                   direction: str | None, unit: str | None,
                                                   baseline: int | None) -> None:
    from factcheck.checks import baselines, crosssource, dates

    text = "2023年,河北PM2.5平均浓度为38.6微克/立方米,比2013年下降7%。"
    claims = [_level("38.6", "38.6", "hebei"),
              {"at": "7", "value": str(value), "precision": precision, "qualifier": qualifier, "kind": kind,
               "direction": direction, "unit": unit, "baseline_year": baseline, "region": "hebei", "year": 2023, **PM}]
    d = doc(text, claims, published="2024-02-23")
    ref = reference()
    for results in (implied.check(d, ref), baselines.check(d, ref), dates.check(d, ref),
                    crosssource.check_run([d, d], ref)):
        for r in results:
            assert isinstance(r, Finding | Verdict)


@pytest.mark.parametrize("rule", implied.RULES, ids=lambda r: r.id)
def test_catalog_examples_behave_as_documented(rule: Any) -> None:
    from tests.checks_support import example_fires

    assert example_fires(rule.id, rule.fail), rule.fail
    assert not example_fires(rule.id, rule.passes), rule.passes
