"""FC301-FC302 on hand-built claims: which figures are the whole and the parts, and the sums."""

from __future__ import annotations

from typing import Any, cast

from claimkit import Q, build

from factcheck.checks import sums
from factcheck.checks.sums import find_breakdowns
from factcheck.document import Document
from factcheck.models import Finding, Verdict

NO_REF = cast(Any, None)  # the sum checks never read the reference


def results(doc: Document) -> tuple[list[Finding], list[Verdict]]:
    out = list(sums.check(doc, NO_REF))
    return [r for r in out if isinstance(r, Finding)], [r for r in out if isinstance(r, Verdict)]


def counts(sentence: str, *quotes: str, unit: str = "个") -> tuple[str, list[Q]]:
    return sentence, [Q(q, unit, metric=None) for q in quotes]


def test_parts_that_add_up_agree() -> None:
    doc = build(counts("京张衔接路网接口达到12个,包括铁路衔接接口4个,公路衔接接口8个。", "12个", "4个", "8个"))
    findings, verdicts = results(doc)
    assert findings == []
    assert verdicts == [Verdict("c1", "agrees", "= 4 + 8")]


def test_parts_that_exceed_the_whole() -> None:
    doc = build(counts("京张衔接路网接口达到12个,包括铁路衔接接口4个,公路衔接接口9个。", "12个", "4个", "9个"))
    findings, _ = results(doc)
    assert [(f.rule, f.severity, f.category) for f in findings] == [("FC301", "error", "sum")]
    assert findings[0].claim == "c1" and findings[0].actual == "13"
    assert len(findings[0].locations) == 3


def test_integer_counts_are_exact() -> None:
    # 4 + 9 = 13 is not "12 rounded"; a count is exact.
    doc = build(counts("接口12个,其中铁路4个、公路7个。", "12个", "4个", "7个"))
    findings, _ = results(doc)
    assert [(f.rule, f.severity) for f in findings] == [("FC302", "warning")]


def test_short_of_an_exhaustive_list_is_an_error() -> None:
    doc = build(counts("项目68个,分为数字经济项目21个、新能源项目27个、文旅康养项目10个。",
                       "68个", "21个", "27个", "10个"))
    findings, _ = results(doc)
    assert [(f.rule, f.severity) for f in findings] == [("FC302", "error")]
    doc = build(("The city signed 68 projects, including 21 digital, 27 energy and 10 tourism projects respectively.",
                 [Q("68 projects", "project", metric=None), Q("21", "project", metric=None),
                  Q("27", "project", metric=None), Q("10 tourism", "project", metric=None)]))
    findings, _ = results(doc)
    assert [(f.rule, f.severity) for f in findings] == [("FC302", "error")]


def test_a_single_part_short_of_the_whole_is_a_subset_not_a_breakdown() -> None:
    doc = build(counts("新签约项目23个,其中来自北京的项目14个。", "23个", "14个"))
    assert results(doc) == ([], [])
    doc = build(counts("新签约项目23个,其中来自北京的项目34个。", "23个", "34个"))
    assert [f.rule for f in results(doc)[0]] == ["FC301"]


def test_parenthesised_figures_are_details_not_parts() -> None:
    sentence = "普通干线公路接口5个,包括国道G109;国道G234(2个接口);国道G110;省道S310。"
    doc = build(counts(sentence, "5个", "2个"))
    assert find_breakdowns(doc.norm.text, doc.sentences, doc.claims) == []


def test_nested_breakdowns() -> None:
    sentence = "衔接铁路线路4条,其中,高速铁路1条,为京张高铁;普速铁路3条,分别为京包线、丰沙线、大秦线。"
    doc = build(counts(sentence, "4条", "1条", "3条", unit="条"))
    found = find_breakdowns(doc.norm.text, doc.sentences, doc.claims)
    assert [(b.whole.quote, [p.quote for p in b.parts]) for b in found] == [("4条", ["1条", "3条"])]
    assert results(doc)[0] == []


def test_nested_breakdown_with_figures_of_its_own() -> None:
    sentence = "接口12个,包括铁路接口4个,其中高铁1个、普铁3个;公路接口8个。"
    doc = build(counts(sentence, "12个", "4个", "1个", "3个", "8个"))
    found = find_breakdowns(doc.norm.text, doc.sentences, doc.claims)
    assert [(b.whole.quote, [p.quote for p in b.parts]) for b in found] == [
        ("12个", ["4个", "8个"]), ("4个", ["1个", "3个"])]
    assert results(doc)[0] == []


def test_of_these_sentence_takes_the_whole_from_the_previous_sentence() -> None:
    doc = build(
        counts("公路方面,衔接接口达到8个,均已实现同等级对接。", "8个"),
        counts("其中,高速公路接口3个,分别为京藏高速、京新高速、延崇高速;普通干线公路接口5个,分别为国道G109;"
               "国道G234(2个接口);国道G110。", "3个", "5个", "2个"),
    )
    found = find_breakdowns(doc.norm.text, doc.sentences, doc.claims)
    assert [(b.whole.quote, [p.quote for p in b.parts]) for b in found] == [("8个", ["3个", "5个"])]
    assert results(doc)[0] == []
    wrong = build(
        counts("公路方面,衔接接口达到8个。", "8个"),
        counts("其中,高速公路接口3个,普通干线公路接口6个。", "3个", "6个"),
    )
    assert [f.rule for f in results(wrong)[0]] == ["FC301"]


def test_respectively_after_a_verb_distributes_rather_than_breaks_down() -> None:
    doc = build(counts("优良天数较2013年分别增加95天、87天及121天;重污染天数则分别减少50天、37天和69天。",
                       "95天", "87天", "121天", "50天", "37天", "69天", unit="天"))
    assert find_breakdowns(doc.norm.text, doc.sentences, doc.claims) == []


def test_whole_must_stand_right_before_a_list_marker() -> None:
    # "分别为" after another figure: 328天 and 322天 are not parts of 200个
    doc = build(("全市200个站点中,优良天数分别为328天、322天。",
                 [Q("200个", "个", metric=None), Q("328天", "天", metric=None), Q("322天", "天", metric=None)]))
    assert find_breakdowns(doc.norm.text, doc.sentences, doc.claims) == []


def test_non_additive_units_are_never_summed() -> None:
    doc = build((
        "投资48.5亿元,同比增长11.2%,其中工业投资占比62.3%。",
        [Q("48.5亿元", "元", value="4850000000", precision="5000000", metric=None),
         Q("11.2%", "%", kind="change", direction="up", metric=None), Q("62.3%", "%", metric=None)],
    ))
    assert find_breakdowns(doc.norm.text, doc.sentences, doc.claims) == []


def test_qualified_and_rounded_money_is_read_as_intervals() -> None:
    # 逾420亿元 (more than): parts of 430亿 do not exceed it
    doc = build(("总投资逾420亿元,其中数字经济项目200亿元、新能源项目230亿元。", [
        Q("420亿元", "元", value="42000000000", precision="50000000", qualifier="more_than", metric=None),
        Q("200亿元", "元", value="20000000000", precision="50000000", metric=None),
        Q("230亿元", "元", value="23000000000", precision="50000000", metric=None),
    ]))
    assert results(doc)[0] == []
    # 约: 10.4万亿 = 10.0 + 0.5 rounds within "about"
    doc = build(("合计约10亿元,包括甲项目6.2亿元、乙项目4.3亿元。", [
        Q("10亿元", "元", value="1000000000", precision="50000000", qualifier="about", metric=None),
        Q("6.2亿元", "元", value="620000000", precision="5000000", metric=None),
        Q("4.3亿元", "元", value="430000000", precision="5000000", metric=None),
    ]))
    assert results(doc)[0] == []


def test_separate_breakdowns_in_one_sentence() -> None:
    sentence = "接口12个,包括铁路4个、公路8个;项目68个,包括数字经济项目21个、新能源项目27个、文旅项目20个。"
    doc = build(counts(sentence, "12个", "4个", "8个", "68个", "21个", "27个", "20个"))
    found = find_breakdowns(doc.norm.text, doc.sentences, doc.claims)
    assert [(b.whole.quote, [p.quote for p in b.parts]) for b in found] == [
        ("12个", ["4个", "8个"]), ("68个", ["21个", "27个", "20个"])]
    assert results(doc)[0] == []


def test_english_of_which() -> None:
    doc = build(("The city has 12 interchanges with Beijing, of which 4 are rail links and 9 are road links.",
                 [Q("12 interchanges", "interchange", metric=None), Q("4", "interchange", metric=None),
                  Q("9", "interchange", metric=None)]))
    assert [f.rule for f in results(doc)[0]] == ["FC301"]
