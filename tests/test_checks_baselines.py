"""FC501 mixed-baselines and FC502 no-baseline on hand-built documents, and FC501 on the real seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factcheck.checks import baselines
from factcheck.models import Finding
from tests.checks_support import doc, reference

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _change(at: str, value: str, region: str | None, baseline: int | None, metric: str | None = "pm25_annual_mean",
            **kw: Any) -> dict[str, Any]:
    return {"at": at, "value": value, "unit": "%", "kind": "change", "direction": "down", "region": region,
            "year": 2023, "baseline_year": baseline, "metric": metric, **kw}


def _run(text: str, claims: list[dict[str, Any]], times: list[dict[str, Any]] = ()) -> list[Finding]:  # type: ignore[assignment]
    return [r for r in baselines.check(doc(text, claims, times), reference()) if isinstance(r, Finding)]


SEED_LIKE = "2023年数据显示,河北PM2.5平均浓度降至38.6微克/立方米、比2014年下降57.6%;天津PM2.5平均浓度比2013年下降57%。"


def test_different_baselines_side_by_side_draw_one_finding_with_both_locations() -> None:
    findings = _run(SEED_LIKE, [_change("57.6", "57.6", "hebei", 2014), _change("57%", "57", "tianjin", 2013)])
    (f,) = [f for f in findings if f.rule == "FC501"]
    assert f.severity == "warning" and f.category == "baseline"
    assert [loc.column for loc in f.locations] == [SEED_LIKE.index("57.6") + 1, SEED_LIKE.index("57%") + 1]
    assert "2013, 2014" in f.message


def test_same_baseline_passes() -> None:
    text = SEED_LIKE.replace("2014", "2013")
    assert not [f for f in _run(text, [_change("57.6", "57.6", "hebei", 2013), _change("57%", "57", "tianjin", 2013)])
                if f.rule == "FC501"]


def test_same_region_with_two_baselines_passes() -> None:
    text = "2023年,北京PM2.5平均浓度比2013年下降64.2%,比2022年上升6.7%。"
    claims = [_change("64.2", "64.2", "beijing", 2013), _change("6.7", "6.7", "beijing", 2022, direction="up")]
    assert not _run(text, claims)


def test_other_paragraphs_are_not_side_by_side() -> None:
    text = "2023年,河北PM2.5平均浓度比2014年下降57.6%。\n\n2023年,天津PM2.5平均浓度比2013年下降57%。"
    assert not _run(text, [_change("57.6", "57.6", "hebei", 2014), _change("57%", "57", "tianjin", 2013)])


def test_same_paragraph_other_sentence_fires() -> None:
    text = "2023年,河北PM2.5平均浓度比2014年下降57.6%。同期天津PM2.5平均浓度比2013年下降57%。"
    findings = _run(text, [_change("57.6", "57.6", "hebei", 2014), _change("57%", "57", "tianjin", 2013)])
    assert [f.rule for f in findings] == ["FC501"]


def test_english_mixed_baselines() -> None:
    text = "Hebei's PM2.5 fell 57.6 percent from 2014, while Tianjin's fell 57 percent from 2013."
    findings = _run(text, [_change("57.6", "57.6", "hebei", 2014), _change("57 percent", "57", "tianjin", 2013)])
    assert [f.rule for f in findings] == ["FC501"]


def test_unknown_metric_compared_only_within_a_sentence_and_unit() -> None:
    text = "北京增长90%,比2013年;天津增长30%,比2014年。"
    claims = [_change("90", "90", "beijing", 2013, metric=None, direction="up"),
              _change("30", "30", "tianjin", 2014, metric=None, direction="up")]
    assert not _run(text, claims)  # two sentences (split at ;)
    text = "北京比2013年增长90%,天津比2014年增长30%。"
    assert [f.rule for f in _run(text, claims)] == ["FC501"]


def test_change_without_baseline_is_unchecked_info() -> None:
    text = "河北PM2.5平均浓度下降了30%。"
    (f,) = _run(text, [_change("30", "30", "hebei", None)])
    assert (f.rule, f.severity) == ("FC502", "info") and f.column == text.index("30") + 1


@pytest.mark.parametrize("text", [
    "河北PM2.5平均浓度同比下降了30%。",
    "河北PM2.5平均浓度比上年下降了30%。",
    "河北PM2.5平均浓度比“十三五”末下降了30%。",
    "Hebei's PM2.5 concentration fell 30 percent year on year.",
    "Hebei's PM2.5 concentration fell 30 percent from a year earlier.",
    "京张医疗合作开展以来,门急诊人次平均增长30%。",
    "三地今年将继续推进联防联控,力争PM2.5浓度再降30%。",
    "Hebei expects PM2.5 to fall 30 percent.",
])
def test_implicit_baselines_pass(text: str) -> None:
    assert not _run(text, [_change("30", "30", "hebei", None)])


def test_english_change_without_baseline_is_unchecked() -> None:
    text = "Hebei's PM2.5 concentration fell 30 percent."
    assert [f.rule for f in _run(text, [_change("30", "30", "hebei", None)])] == ["FC502"]


def test_extractor_comparison_and_from_figure_count_as_baselines() -> None:
    text = "河北PM2.5平均浓度下降了30%。"
    assert not _run(text, [_change("30", "30", "hebei", None, comparison="yoy")])
    text = "PM2.5平均浓度从50微克/立方米降至35微克/立方米,下降了30%。"
    claims = [{"at": "50", "value": "50", "unit": "μg/m³", "role": "from", "id": "c1", "related": ("c2",)},
              _change("30", "30", None, None, role="delta", id="c2", related=("c1",))]
    assert not _run(text, claims)


def test_since_anchor_before_the_change_counts_as_a_baseline() -> None:
    text = "自2014年以来,河北PM2.5平均浓度下降了30%。"
    times = [{"at": "自2014年以来", "kind": "since", "year": 2014}]
    assert not _run(text, [_change("30", "30", "hebei", None)], times)


def test_span_in_the_sentence_counts_as_a_baseline() -> None:
    text = "京津冀协同发展十周年 PM2.5浓度十年降逾六成"
    times = [{"at": "十年", "kind": "span", "years": 10}]
    claims = [_change("六成", "60", "jingjinji", None, qualifier="more_than")]
    assert not _run(text, claims, times)
    assert [f.rule for f in _run(text, claims)] == ["FC502"]


def test_seed_000_line_92_mixed_baselines() -> None:
    seed = next(iter(sorted(SEEDS.glob("000_*.txt"))), None) if SEEDS.is_dir() else None
    if seed is None:
        pytest.skip("seed articles (../shared/seeds) not present")
    from factcheck.load import load_path
    from factcheck.pipeline import Options, check_loaded
    from factcheck.reference import default_reference_path, load_reference

    result = check_loaded([load_path(str(seed))], load_reference(default_reference_path()), Options())
    hits = [f for f in result.files[0].findings if f.rule == "FC501"]
    assert [f.line for f in hits] == [92], [(f.line, f.message) for f in hits]
    assert len(hits[0].locations) == 2 and {loc.line for loc in hits[0].locations} == {92}
    assert "2013" in hits[0].message and "2014" in hits[0].message


@pytest.mark.parametrize("rule", baselines.RULES, ids=lambda r: r.id)
def test_catalog_examples_behave_as_documented(rule: Any) -> None:
    from tests.checks_support import example_fires

    assert example_fires(rule.id, rule.fail), rule.fail
    assert not example_fires(rule.id, rule.passes), rule.passes
