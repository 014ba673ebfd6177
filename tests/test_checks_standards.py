"""FC401-FC402 on hand-built claims and a small hand-built reference."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from claimkit import Q, build

from factcheck.checks import standards
from factcheck.document import Document
from factcheck.models import Finding, Verdict
from factcheck.reference import Fact, Metric, Reference, Region, Standard

UG = "μg/m³"
PM = "pm25"
SOURCE = "GB 3095-2012 环境空气质量标准"


def reference(comparison: str = "<=") -> Reference:
    regions = {
        "beijing": Region("beijing", ("北京", "北京市", "Beijing")),
        "tianjin": Region("tianjin", ("天津", "天津市", "Tianjin")),
    }
    metrics = {PM: Metric(PM, ("PM2.5年均浓度", "annual average PM2.5 concentration"), UG)}
    stds = (
        Standard("gb3095_grade2_pm25_annual", PM, Decimal(35), ("国家二级标准", "二级标准"), SOURCE, comparison),
        Standard("gb3095_grade1_pm25_annual", PM, Decimal(15), ("国家一级标准", "一级标准"), SOURCE, comparison),
    )
    facts = tuple(Fact("beijing", PM, y, Decimal(v), UG, f"bulletin {y}")
                  for y, v in ((2018, "51"), (2019, "42"), (2020, "38"), (2021, "33"), (2022, "30"),
                               (2023, "32")))
    return Reference("test.yaml", regions, metrics, stds, facts)


REF = reference()


def level(quote: str, value: str, year: int = 2023, region: str = "beijing", **kw: object) -> Q:
    return Q(quote, UG, value=value, year=year, region=region, metric=PM, **kw)  # type: ignore[arg-type]


def results(doc: Document, ref: Reference = REF) -> tuple[list[Finding], list[Verdict]]:
    out = list(standards.check(doc, ref))
    return [r for r in out if isinstance(r, Finding)], [r for r in out if isinstance(r, Verdict)]


def rules(doc: Document, ref: Reference = REF) -> list[str]:
    return [f.rule for f in results(doc, ref)[0]]


# ------------------------------------------------------------------------------------ FC401


def test_meeting_the_standard_with_a_figure_over_the_limit() -> None:
    doc = build(("2023年,天津市PM2.5年均浓度为41微克/立方米,达到国家二级标准。", [level("41", "41", region="tianjin")]))
    findings, verdicts = results(doc)
    assert [(f.rule, f.category, f.severity) for f in findings] == [("FC401", "standard", "error")]
    assert findings[0].source == SOURCE and "35" in findings[0].message
    assert verdicts[-1].status == "contradicts"


def test_meeting_the_standard_under_the_limit_agrees() -> None:
    doc = build(("2023年,北京市PM2.5年均浓度为32微克/立方米,达到国家二级标准。", [level("32", "32")]))
    findings, verdicts = results(doc)
    assert findings == [] and [v.status for v in verdicts] == ["agrees"]


def test_a_figure_that_rounds_to_the_limit_meets_it() -> None:
    assert rules(build(("北京市PM2.5年均浓度为35微克/立方米,达到国家二级标准。", [level("35", "35")]))) == []
    assert rules(build(("北京市PM2.5年均浓度为36微克/立方米,达标。", [level("36", "36")]))) == ["FC401"]
    # 35.4 stands for [35.35, 35.45]: no value in it meets a limit of 35 (no integer rounding of the bulletin)
    assert rules(build(("北京市PM2.5年均浓度为35.4微克/立方米,达标。", [level("35.4", "35.4")]))) == ["FC401"]


def test_below_is_strict() -> None:
    # 35 stands for [34.5, 35.5], so "below 35" can hold; 36 cannot
    assert rules(build(("PM2.5年均浓度为35微克/立方米,低于国家二级标准。", [level("35", "35")]))) == []
    assert rules(build(("PM2.5年均浓度为36微克/立方米,低于国家二级标准。", [level("36", "36")]))) == ["FC401"]


def test_claims_of_failing_the_standard() -> None:
    assert rules(build(("PM2.5年均浓度为32微克/立方米,未达到国家二级标准。", [level("32", "32")]))) == ["FC401"]
    assert rules(build(("PM2.5年均浓度为41微克/立方米,超过国家二级标准。", [level("41", "41")]))) == []
    assert rules(build(("PM2.5年均浓度为32微克/立方米,超标。", [level("32", "32")]))) == ["FC401"]


def test_generic_names_resolve_to_the_grade_ii_standard() -> None:
    doc = build(("Tianjin's PM2.5 averaged 41 micrograms per cubic meter in 2023, meeting the national standard.",
                 [level("41 micrograms", "41", region="tianjin")]))
    assert rules(doc) == ["FC401"]
    doc = build(("Beijing's PM2.5 was 32 micrograms in 2023, below the national standard.", [level("32", "32")]))
    assert rules(doc) == []


def test_grade_i_is_checked_against_its_own_limit() -> None:
    assert rules(build(("PM2.5年均浓度为32微克/立方米,达到国家一级标准。", [level("32", "32")]))) == ["FC401"]


def test_the_figure_must_be_of_the_standards_metric() -> None:
    doc = build(("北京优良天数为271天,达到国家二级标准。", [Q("271天", "天", value="271", metric="good_days")]))
    assert results(doc) == ([], [])


def test_consecutive_years_from_the_reference() -> None:
    ok = build(("2023年,北京市PM2.5年均浓度为32微克/立方米,连续三年达到国家二级标准。", [level("32", "32")]))
    assert rules(ok) == []
    bad = build(("2023年,北京市PM2.5年均浓度为32微克/立方米,连续五年达到国家二级标准。", [level("32", "32")]))
    findings, _ = results(bad)
    assert [f.rule for f in findings] == ["FC401"]
    assert "2019 was 42" in findings[0].message and "bulletin 2019" in findings[0].explanation
    assert findings[0].source == SOURCE


def test_consecutive_years_prefer_the_text() -> None:
    sentence = "2022年北京市PM2.5年均浓度为36微克/立方米,2023年为32微克/立方米,连续两年达标。"
    doc = build((sentence, [level("36", "36", year=2022), level("32", "32")]))
    findings, _ = results(doc)
    assert [f.rule for f in findings] == ["FC401"] and "2022" in findings[0].message
    assert len(findings[0].locations) == 2  # the claim and the year that breaks the run


@pytest.mark.parametrize("phrase", ["for a third straight year", "for three consecutive years",
                                    "for 3 consecutive years", "three years in a row"])
def test_english_runs_of_years(phrase: str) -> None:
    # reference: 2019 = 42, 2020 = 38, 2021 = 33, 2022 = 30, 2023 = 32
    text = "Beijing's PM2.5 averaged 32 micrograms in 2023, meeting the national standard {}."
    assert rules(build((text.format(phrase), [level("32", "32")]))) == []
    longer = phrase.replace("three", "five").replace("third", "fifth").replace("3", "5")
    findings, _ = results(build((text.format(longer), [level("32", "32")])))
    assert [f.rule for f in findings] == ["FC401"] and "2019" in findings[0].message


def test_no_run_check_without_a_year() -> None:
    doc = build(("北京市PM2.5年均浓度为32微克/立方米,连续五年达标。", [level("32", "32", year=None)]))  # type: ignore[arg-type]
    assert rules(doc) == []


# ------------------------------------------------------------------------------------ FC402


def test_a_misquoted_limit() -> None:
    doc = build(("北京市PM2.5年均浓度为32微克/立方米,低于国家二级标准30微克/立方米。",
                 [level("32", "32"), level("30", "30")]))
    findings, _ = results(doc)
    assert [f.rule for f in findings] == ["FC402"]
    assert findings[0].claim == "c2" and findings[0].expected == "35" and findings[0].source == SOURCE


def test_a_correct_limit_in_parentheses_or_before_the_name() -> None:
    for text, quotes in (
        ("张家口、承德、秦皇岛3市PM2.5年均浓度达到国家二级标准(35微克/立方米)。", [level("35", "35")]),
        ("与年均35微克/立方米的国家标准存在较大差距。", [level("35微克/立方米", "35")]),
        ("与年均35微克/立方米的国家标准存在较大差距。", [level("35", "35")]),
        ("meeting the national standard of 35 micrograms for a fourth straight year.", [level("35", "35")]),
    ):
        findings, verdicts = results(build((text, quotes)))
        assert findings == [], text
        assert verdicts and verdicts[0].status == "agrees", text


def test_the_24_hour_limit_quoted_as_the_annual_one() -> None:
    doc = build(("国家二级标准为75微克/立方米。", [level("75", "75")]))
    assert rules(doc) == ["FC402"]


def test_a_quoted_limit_is_not_the_figure_that_meets_it() -> None:
    # 35 in the parentheses is the limit, not a PM2.5 level of the region
    doc = build(("天津市PM2.5年均浓度达到国家二级标准(35微克/立方米)。", [level("35", "35", region="tianjin")]))
    findings, verdicts = results(doc)
    assert findings == [] and [v.detail for v in verdicts] == [f"limit 35 μg/m³ ({SOURCE})"]
    assert standards.limit_quote_ids(doc, REF) == {"c1"}
    plain = build(("天津市PM2.5年均浓度为41微克/立方米,达到国家二级标准。", [level("41", "41", region="tianjin")]))
    assert standards.limit_quote_ids(plain, REF) == set()


# ------------------------------------------------------------------ catalog examples, end to end


def _catalog() -> list[tuple[str, str, bool]]:
    from factcheck.checks import arithmetic, sums

    return [(r.id, text, fires) for mod in (arithmetic, sums, standards) for r in mod.RULES
            for text, fires in ((r.fail, True), (r.passes, False))]


@pytest.mark.parametrize(("rule", "text", "fires"), _catalog())
def test_rule_examples_behave_as_documented(rule: str, text: str, fires: bool) -> None:
    from factcheck.pipeline import check_text
    from factcheck.reference import ReferenceError as RefError
    from factcheck.reference import default_reference_path, load_reference

    try:
        ref = load_reference(default_reference_path())
    except RefError as exc:  # the packaged reference is not there (partial checkout)
        pytest.skip(f"no default reference: {exc}")
    findings = check_text(text, ref).files[0].findings
    assert any(f.rule == rule for f in findings) is fires, [(f.rule, f.message) for f in findings]


# ------------------------------------------------------------------ prefilters (speed) change nothing


def test_mentions_are_the_same_without_the_prefilters(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import re

    from factcheck.load import load_path
    from factcheck.pipeline import Options, read_document
    from factcheck.reference import default_reference_path, load_reference

    root = Path(__file__).resolve().parents[1]
    paths = [*sorted((root / "samples").iterdir()), *sorted((root / "tests" / "gold" / "articles").iterdir())]
    seeds = root.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths += sorted(seeds.glob("*.txt"))
    ref = load_reference(default_reference_path())
    docs = [read_document(load_path(str(p)), ref, Options()) for p in paths]
    extra = ("2023年,北京市PM2.5年均浓度为32微克/立方米,优于国家二级标准,连续三年达标。\n"
             "The figure of 41 micrograms exceeded the national standard; Grade II standards apply.\n"
             "天津未达标。国标要求35。GB 3095-2012二级浓度限值为35微克/立方米。\n")
    (tmp_path / "extra.txt").write_text(extra, encoding="utf-8")
    docs.append(read_document(load_path(str(tmp_path / "extra.txt")), ref, Options()))
    fast = [[standards._mentions(d, ref, s) for s in d.sentences] for d in docs]
    monkeypatch.setattr(standards, "_named_prefilter", lambda _ref: re.compile(""))
    monkeypatch.setattr(standards, "MAY_MENTION", re.compile(""))
    slow = [[standards._mentions(d, ref, s) for s in d.sentences] for d in docs]
    assert fast == slow
    assert sum(len(m) for per_doc in fast for m in per_doc) > 5

