"""FC201-FC203 on hand-built claims: the interval logic, independent of the extractor."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any, cast

import pytest
from claimkit import Q, build

from factcheck.checks import arithmetic
from factcheck.checks.arithmetic import judge_all
from factcheck.document import Document
from factcheck.models import Finding, Verdict

UG = "μg/m³"
NO_REF = cast(Any, None)  # the arithmetic checks never read the reference


def change_doc(start: str, end: str, delta: str, *, direction: str | None = "down", unit: str = "%",
               level_unit: str | None = UG, qualifier: str | None = None, kind: str = "change",
               value_high: str | None = None, start_precision: str | None = None,
               end_precision: str | None = None, delta_text: str | None = None) -> Document:
    """One from/to/delta phrase: 从2014年的{start}降至2023年的{end},下降{delta}%."""
    shown = delta_text or delta
    sentence = f"从2014年的{start}降至2023年的{end},下降{shown}。"
    return build((sentence, [
        Q(start, level_unit, year=2014, role="from", group=1, precision=start_precision),
        Q(end, level_unit, year=2023, role="to", group=1, precision=end_precision),
        Q(shown, unit, kind=kind, value=delta, direction=direction, year=2023, baseline_year=2014,
          role="delta", group=1, qualifier=qualifier, value_high=value_high),
    ]))


def results(doc: Document) -> tuple[list[Finding], list[Verdict]]:
    out = list(arithmetic.check(doc, NO_REF))
    return [r for r in out if isinstance(r, Finding)], [r for r in out if isinstance(r, Verdict)]


def rules(doc: Document) -> list[str]:
    return [f.rule for f in results(doc)[0]]


# ------------------------------------------------------------------------------------ FC201


def test_a_change_that_merely_rounds_agrees() -> None:
    findings, verdicts = results(change_doc("35", "18", "48.6"))
    assert findings == []
    assert [v.status for v in verdicts] == ["agrees"]
    assert "-48.6 %" in verdicts[0].detail


def test_a_change_its_endpoints_cannot_produce_is_an_error() -> None:
    findings, verdicts = results(change_doc("35", "18", "54.6"))
    assert [f.rule for f in findings] == ["FC201"]
    f = findings[0]
    assert f.category == "arithmetic" and f.severity == "error"
    assert f.expected == "-48.6 %" and f.actual == "-54.6 %"
    # the explanation shows the claimed interval and the computed one
    assert "[-54.65, -54.55]" in f.explanation and "[-50.70, -46.38]" in f.explanation
    assert f.claim == "c3" and len(f.locations) == 3  # the delta, then both endpoints
    assert verdicts[-1].status == "contradicts"


def test_the_seed_index_pair_agrees() -> None:
    # 5.09 -> 2.62 is -48.53 %; "下降48.5%" rounds.
    assert rules(change_doc("5.09", "2.62", "48.5", level_unit="index")) == []
    assert rules(change_doc("5.09", "2.62", "46.5", level_unit="index")) == ["FC201"]


def test_direction_matters() -> None:
    # the endpoints rise 18 -> 35 while the text says it fell 94.4 %
    doc = change_doc("18", "35", "94.4", direction="down")
    findings, _ = results(doc)
    assert [f.rule for f in findings] == ["FC201"]
    assert "rises" in findings[0].message
    assert rules(change_doc("18", "35", "94.4", direction="up")) == []


def test_a_change_without_direction_may_go_either_way() -> None:
    assert rules(change_doc("35", "18", "48.6", direction=None)) == []
    assert rules(change_doc("35", "18", "40", direction=None)) == ["FC201"]


def test_rounding_at_exactly_the_half_unit_agrees() -> None:
    # 35 -> 18 is a difference in [-18, -16]; a claim that reaches -18 exactly (18.5 ± 0.5) agrees,
    # one that stops just short of it (18.55 ± 0.05 down to 18.5) does not.
    doc = change_doc("35", "18", "18.5", unit=UG, delta_text="18.5微克")
    assert rules(doc) == ["FC201"]
    touching = replace(doc.claims[2], precision=Decimal("0.5"))
    ends = arithmetic.find_endpoints(touching, doc.claims)
    assert ends is not None
    judged = arithmetic.judge(touching, ends)
    assert judged is not None and judged.rule is None and judged.computed.lo == Decimal(-18)
    # 8 -> 7 written as words (exact, precision 0) is exactly -12.5 %
    words = build(("从八个减少到七个,下降12.5%。", [
        Q("八", "个", value="8", precision="0", year=2014, role="from", group=1),
        Q("七", "个", value="7", precision="0", year=2023, role="to", group=1),
        Q("12.5", "%", kind="change", direction="down", role="delta", group=1, precision="0.05"),
    ]))
    assert rules(words) == []
    for delta in ("13", "12"):  # [12.5, 13.5] and [11.5, 12.5] both touch 12.5 exactly
        doc = build((f"从八个减少到七个,下降{delta}%。", [
            Q("八", "个", value="8", precision="0", role="from", group=1),
            Q("七", "个", value="7", precision="0", role="to", group=1),
            Q(delta, "%", kind="change", direction="down", role="delta", group=1),
        ]))
        assert rules(doc) == [], delta
    doc = build(("从八个减少到七个,下降14%。", [
        Q("八", "个", value="8", precision="0", role="from", group=1),
        Q("七", "个", value="7", precision="0", role="to", group=1),
        Q("14", "%", kind="change", direction="down", role="delta", group=1),
    ]))
    assert rules(doc) == ["FC201"]


def test_zero_baseline_is_not_checked() -> None:
    findings, verdicts = results(change_doc("0", "18", "50", direction="up", level_unit="个"))
    assert findings == [] and verdicts == []


def test_qualifiers_widen_or_bound_the_claim() -> None:
    # 35 -> 18 is about -48.6 %: "约50%" allows ±5 % of 50 -> [47.5, 52.5]
    assert rules(change_doc("35", "18", "50", qualifier="about", delta_text="约50%")) == []
    assert rules(change_doc("35", "18", "55", qualifier="about", delta_text="约55%")) == ["FC201"]
    # "下降40%以上" (at least 40): -48.6 qualifies, "60%以上" does not
    assert rules(change_doc("35", "18", "40", qualifier="at_least", delta_text="40%以上")) == []
    assert rules(change_doc("35", "18", "60", qualifier="at_least", delta_text="60%以上")) == ["FC201"]
    # "近50%" (nearly 50: up to 10 % under it)
    assert rules(change_doc("35", "18", "50", qualifier="nearly", delta_text="近50%")) == []


def test_qualified_endpoints_widen_the_computed_change() -> None:
    doc = build(("从2014年的约35降至2023年的18,下降44%。", [
        Q("35", UG, year=2014, role="from", group=1, qualifier="about"),
        Q("18", UG, year=2023, role="to", group=1),
        Q("44", "%", kind="change", direction="down", role="delta", group=1),
    ]))
    assert rules(doc) == []  # 约35 may be 36.75: -44 % is within reach


def test_a_range_of_changes() -> None:
    assert rules(change_doc("35", "18", "45", value_high="50", delta_text="45%至50%")) == []
    assert rules(change_doc("35", "18", "30", value_high="40", delta_text="30%至40%")) == ["FC201"]


def test_absolute_change_in_the_endpoints_unit() -> None:
    assert rules(change_doc("35", "18", "17", unit=UG)) == []
    assert rules(change_doc("35", "18", "15", unit=UG)) == ["FC201"]


def test_unrelated_units_are_not_compared() -> None:
    assert rules(change_doc("35", "18", "17", unit="个")) == []


def test_endpoints_paired_from_the_sentence_by_year() -> None:
    sentence = "2014年北京PM2.5浓度为35微克/立方米,2023年为18微克/立方米,比2014年下降54.6%。"
    doc = build((sentence, [
        Q("35", UG, year=2014), Q("18", UG, year=2023),
        Q("54.6", "%", kind="change", direction="down", year=2023, baseline_year=2014),
    ]))
    assert rules(doc) == ["FC201"]
    # another region's figure for 2014 in the sentence makes it ambiguous -> left alone only if it differs
    doc = build((sentence, [
        Q("35", UG, year=2014), Q("18", UG, year=2023, region="other"),
        Q("54.6", "%", kind="change", direction="down", year=2023, baseline_year=2014),
    ]))
    assert rules(doc) == []


def test_two_candidates_for_an_endpoint_are_left_alone() -> None:
    sentence = "2014年为35或40,2023年为18,比2014年下降54.6%。"
    doc = build((sentence, [
        Q("35", UG, year=2014), Q("40", UG, year=2014), Q("18", UG, year=2023),
        Q("54.6", "%", kind="change", direction="down", year=2023, baseline_year=2014),
    ]))
    assert rules(doc) == []


def test_a_level_and_an_absolute_change_imply_the_baseline() -> None:
    sentence = "2017年,全省PM2.5平均浓度为65微克/立方米,较2013年下降43微克/立方米,降幅39.8%。"

    def doc(rel: str) -> Document:
        return build((sentence.replace("39.8", rel), [
            Q("65", UG, year=2017),
            Q("43", UG, kind="change", direction="down", year=2017, baseline_year=2013),
            Q(rel, "%", kind="change", direction="down", year=2017, baseline_year=2013),
        ]))

    assert rules(doc("39.8")) == []  # 43 / 108
    findings, _ = results(doc("45.8"))
    assert [f.rule for f in findings] == ["FC201"] and "implied" in findings[0].explanation


def test_an_ungrouped_change_right_after_a_from_to_phrase() -> None:
    sentence = "从2014年的35降至2023年的18,降幅54.6%。"
    doc = build((sentence, [
        Q("35", UG, year=2014, role="from", group=1), Q("18", UG, year=2023, role="to", group=1),
        Q("54.6", "%", kind="change", direction="down", year=2023),
    ]))
    assert rules(doc) == ["FC201"]


# ------------------------------------------------------------------------------------ FC202


def pct_doc(start: str, end: str, delta: str, unit: str, direction: str = "up") -> Document:
    return change_doc(start, end, delta, unit=unit, level_unit="%", direction=direction)


def test_percent_where_points_are_meant() -> None:
    findings, _ = results(pct_doc("70", "80", "10", "%"))
    assert [f.rule for f in findings] == ["FC202"]
    assert "percentage points" in findings[0].message
    assert rules(pct_doc("70", "80", "10", "pp")) == []
    assert rules(pct_doc("70", "80", "14.3", "%")) == []  # the relative change


def test_points_where_percent_is_meant() -> None:
    findings, _ = results(pct_doc("70", "80", "14.3", "pp"))
    assert [f.rule for f in findings] == ["FC202"]
    assert "relative change" in findings[0].message


def test_neither_points_nor_percent_is_a_plain_arithmetic_error() -> None:
    assert rules(pct_doc("70", "80", "25", "%")) == ["FC201"]
    assert rules(pct_doc("20.1", "19.4", "0.7", "pp", direction="down")) == []
    assert rules(pct_doc("20.1", "19.4", "0.9", "pp", direction="down")) == ["FC201"]


# ------------------------------------------------------------------------------------ FC203


def multiple_doc(start: str, end: str, quote: str, factor: str, precision: str | None = None,
                 lead: str = "") -> Document:
    sentence = f"项目数从2013年的{start}个增加到2023年的{end}个,{lead}{quote}。"
    return build((sentence, [
        Q(start, "个", year=2013, role="from", group=1), Q(end, "个", year=2023, role="to", group=1),
        Q(quote, None, kind="multiple", value=factor, precision=precision, role="delta", group=1),
    ]))


def test_word_multiples_allow_ten_percent() -> None:
    assert rules(multiple_doc("20", "40", "翻了一番", "2", precision="0")) == []
    assert rules(multiple_doc("20", "38", "翻了一番", "2", precision="0")) == []  # ×1.9
    assert rules(multiple_doc("20", "60", "翻了一番", "2", precision="0")) == ["FC203"]
    assert rules(multiple_doc("20", "30", "doubled", "2", precision="0")) == ["FC203"]


def test_digit_multiples_are_read_at_their_precision() -> None:
    assert rules(multiple_doc("10", "19", "1.9倍", "1.9", lead="是2013年的")) == []
    findings, _ = results(multiple_doc("10", "22", "1.9倍", "1.9", lead="是2013年的"))
    assert [f.rule for f in findings] == ["FC203"] and findings[0].expected == "2.2×"


def test_growth_by_x_times_accepts_both_readings() -> None:
    # "增长2倍": ×2 by common usage, ×3 by the letter
    assert rules(multiple_doc("10", "30", "2倍", "2", lead="增长了")) == []
    assert rules(multiple_doc("10", "20", "2倍", "2", lead="增长了")) == []
    assert rules(multiple_doc("10", "50", "2倍", "2", lead="增长了")) == ["FC203"]
    # "是…的2倍" has one reading
    assert rules(multiple_doc("10", "30", "2倍", "2", lead="是2013年的")) == ["FC203"]


@pytest.mark.parametrize("start", ["0", "0.0"])
def test_multiple_of_a_zero_baseline_is_not_checked(start: str) -> None:
    assert list(judge_all(multiple_doc(start, "30", "2倍", "2").claims)) == []
