"""factcheck.extract: quantities (value, unit, qualifier, change phrase) and time expressions.

The fixtures are normalized text (simplified, fullwidth ASCII folded) as ``normalize`` hands it on;
the last tests run the real seeds through ``normalize`` -> ``segment`` -> ``extract``.
"""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract
from factcheck.models import Extraction, Quantity, TimeExpr
from factcheck.segment import segment

D = Decimal
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def run(text: str) -> Extraction:
    return extract(text, segment(text))


def qs(text: str) -> list[Quantity]:
    return list(run(text).quantities)


def one(text: str) -> Quantity:
    found = qs(text)
    assert len(found) == 1, [(q.text, q.value, q.unit) for q in found]
    return found[0]


def find(found: list[Quantity], value: str | int, unit: str | None = "any") -> Quantity:
    hits = [q for q in found if q.value == D(value) and (unit == "any" or q.unit == unit)]
    assert len(hits) == 1, (value, unit, [(q.text, q.value, q.unit) for q in found])
    return hits[0]


def times(text: str) -> list[TimeExpr]:
    return list(run(text).times)


# ------------------------------------------------------------------ the key seed sentences


def test_seed_000_pm25_sentence() -> None:
    text = ("2023年数据显示,北京市细颗粒物(PM2.5)年均浓度32微克/立方米,自2021年首次达标后连续三年稳定达到国家二级标准;"
            "河北PM2.5平均浓度降至38.6微克/立方米、比2014年下降57.6%;天津PM2.5平均浓度比2013年下降57%。")
    found = qs(text)
    assert [(q.value, q.unit, q.kind) for q in found] == [
        (D(32), "μg/m³", "level"), (D("38.6"), "μg/m³", "level"), (D("57.6"), "%", "change"), (D(57), "%", "change")]
    bj, hb, hb_change, tj = found
    assert (bj.text, bj.precision, bj.year, bj.baseline_year) == ("32微克/立方米", D("0.5"), None, None)
    assert bj.direction is None
    assert (hb.precision, hb.baseline_year, hb.group) == (D("0.05"), None, None)
    assert (hb_change.direction, hb_change.baseline_year, hb_change.precision) == ("down", 2014, D("0.05"))
    assert (tj.direction, tj.baseline_year, tj.group, tj.comparison) == ("down", 2013, None, None)
    assert text[hb_change.start:hb_change.end] == "57.6%"
    kinds = [(t.text, t.kind, t.year, t.years) for t in times(text)]
    assert kinds == [("2023年", "year", 2023, None), ("自2021年", "since", 2021, None), ("连续三年", "span", None, 3),
                     ("2014年", "year", 2014, None), ("2013年", "year", 2013, None)]


def test_seed_002_from_to_delta_groups() -> None:
    text = ("全市空气质量综合指数从2014年的5.09降至2023年的2.62,下降48.5%;细颗粒物(PM2.5)平均浓度从2014年的"
            "35微克/立方米降至2023年的18微克/立方米,下降48.6%。")
    found = qs(text)
    assert [(q.value, q.unit, q.role, q.year) for q in found] == [
        (D("5.09"), None, "from", 2014), (D("2.62"), None, "to", 2023), (D("48.5"), "%", "delta", 2023),
        (D(35), "μg/m³", "from", 2014), (D(18), "μg/m³", "to", 2023), (D("48.6"), "%", "delta", 2023)]
    index_from, index_to, index_delta, pm_from, pm_to, pm_delta = found
    assert index_from.group == index_to.group == index_delta.group
    assert pm_from.group == pm_to.group == pm_delta.group != index_from.group
    for delta in (index_delta, pm_delta):
        assert (delta.kind, delta.direction, delta.baseline_year) == ("change", "down", 2014)
    for level in (index_from, index_to, pm_from, pm_to):
        assert level.kind == "level" and level.direction is None and level.baseline_year is None
    assert (index_from.precision, pm_to.precision) == (D("0.005"), D("0.5"))


def test_seed_002_interfaces_and_scaled_figures() -> None:
    found = qs("截至目前,京张衔接路网接口达到12个,包括铁路衔接接口4个,公路衔接接口8个。")
    assert [(q.value, q.unit, q.kind, q.text) for q in found] == [
        (D(12), "个", "level", "12个"), (D(4), "个", "level", "4个"), (D(8), "个", "level", "8个")]
    found = qs("可再生能源装机规模达到3565万千瓦,投运服务器160万台,算力规模达到2.28万P。"
               "9年间,全市累计减少进京就诊患者149万余人次。2014年以来,曹妃甸累计实施京津项目270个,总投资2037.22亿元。")
    kw = find(found, 35650000, "kW")
    assert (kw.text, kw.unit_text, kw.precision) == ("3565万千瓦", "千瓦", D(5000))
    assert find(found, 1600000, "台").precision == D(5000)
    assert find(found, 22800, "P").text == "2.28万P"
    visits = find(found, 1490000, "人次")
    assert (visits.qualifier, visits.text) == ("at_least", "149万余人次")
    assert find(found, 203722000000, "元").precision == D(500000)
    assert find(found, 270, "个").kind == "level"
    assert len(found) == 6  # 9年间 and 2014年以来 are time expressions



# ------------------------------------------------------- session 2 forms (issue #3): Taiwan usage


def test_taiwan_units_and_magnitudes() -> None:
    found = qs("去年营收2.16兆元,年增33.9%;离岸风电装置容量已达3,000万瓩,较前年增加约600万瓩。")
    revenue = find(found, 2160000000000, "元")
    assert revenue.text == "2.16兆元"
    growth = find(found, "33.9", "%")
    assert (growth.kind, growth.direction, growth.comparison) == ("change", "up", "yoy")
    assert find(found, 30000000, "kW").kind == "level"
    added = find(found, 6000000, "kW")
    assert (added.kind, added.direction, added.qualifier) == ("change", "up", "about")
    assert find(qs("主峰海拔3952公尺。"), 3952).unit == "米"
    assert find(qs("容量达1.2亿瓩以上。"), 120000000).unit == "kW"


def test_zhao_before_other_units_is_no_trillion() -> None:
    assert find(qs("新建机组3兆瓦。"), 3000).unit == "kW"
    assert [q.value for q in qs("管道压力5兆帕。")] == [D(5)]


def test_taiwan_change_words() -> None:
    q = one("出口总额较2020年成长两成。")
    assert (q.kind, q.direction, q.value, q.unit, q.baseline_year) == ("change", "up", D(20), "%", 2020)
    assert one("全年营收年减4.2%。").comparison == "yoy"
    for text in ("今年增长5%。", "2023年增长6%。", "年均增长7%。"):
        assert one(text).comparison is None, text


def test_unit_written_before_the_number() -> None:
    found = qs("台北市细悬浮微粒年均值为每立方公尺15微克,高雄市为每立方米约23微克。")
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(D(15), "μg/m³", None), (D(23), "μg/m³", "about")]
    found = qs("细悬浮微粒浓度由2019年的每立方公尺20微克降至去年的14微克,降幅30%。")
    start, end, delta = found
    assert (start.role, start.year, start.unit, end.role, end.unit) == ("from", 2019, "μg/m³", "to", "μg/m³")
    assert start.group == end.group == delta.group and (delta.role, delta.baseline_year) == ("delta", 2019)


def test_du_is_a_kilowatt_hour_only_where_electricity_is_meant() -> None:
    q = one("该电站年发电量约50亿度。")
    assert (q.value, q.unit, q.qualifier) == (D(5000000000), "度", "about")
    q = one("每年外送绿电80亿至90亿度。")
    assert (q.value, q.value_high, q.unit) == (D(8000000000), D(9000000000), "度")
    assert one("午后气温达到30度。").unit is None
    assert [q.unit for q in qs("用电量一度下降5%。")] == ["%"]


@pytest.mark.parametrize(("text", "kept"), [
    ("空气品质排名前5位的城市依次为甲、乙、丙、丁和戊。", []),
    ("该市位列全国前三名。", []),
    ("排名前3的城市分别为甲、乙和丙。", []),
    ("今年前8个月,出口增长5%。", ["5%"]),
    ("前11个月,累计完成投资12亿元。", ["12亿元"]),
    ("前三季度全省GDP增长5.2%。", ["5.2%"]),
    ("目前3位专家在岗。", ["3位"]),
    ("提前3个月完成任务。", ["3个月"]),
])
def test_ranks_and_periods_to_date_are_no_claims(text: str, kept: list[str]) -> None:
    assert [q.text for q in qs(text)] == kept


# ------------------------------------------------------- session 2 forms (issue #3): English


def test_change_from_a_level_without_a_to_end() -> None:
    found = qs("Shanghai's average fell to 28 micrograms per cubic meter in 2024, down 3.4 percent from 29 in 2023 "
               "and down from 62 in 2013.")
    to_level, change, start, old = found
    assert (to_level.value, to_level.unit, to_level.year) == (D(28), "μg/m³", 2024)
    assert (change.kind, change.direction, change.unit, change.role, change.baseline_year) == (
        "change", "down", "%", "delta", 2023)
    assert (start.value, start.unit, start.kind, start.role, start.year) == (D(29), "μg/m³", "level", "from", 2023)
    assert start.group == change.group
    assert (old.value, old.unit, old.year) == (D(62), "μg/m³", 2013)


def test_change_with_a_count_unit_from_a_level() -> None:
    change, start = qs("The port handled 3,500 containers in 2022, up 400 containers from 3,100 in 2021.")[1:]
    assert (change.kind, change.direction, change.unit, change.baseline_year) == ("change", "up", "container", 2021)
    assert (start.value, start.unit, start.year, start.role) == (D(3100), "container", 2021, "from")


def test_change_then_from_to_phrase() -> None:
    delta, start, end = qs("The number of clean days rose by 30, from 200 to 230.")
    assert (delta.kind, delta.role, delta.unit, delta.direction) == ("change", "delta", "day", "up")
    assert (start.role, start.unit, end.role, end.unit) == ("from", "day", "to", "day")
    assert delta.group == start.group == end.group
    start, end = qs("Between 2015 and 2020 the index dropped from 6.1 to 4.3.")
    assert (start.year, end.year) == (2015, 2020)


def test_comparatives_with_years_and_the_same_period() -> None:
    more, fewer = qs("Guangzhou's blue-sky days numbered 12 more in 2024 than in 2023, while smog days fell by 9 "
                     "over the same period.")
    assert (more.kind, more.direction, more.unit, more.year, more.baseline_year) == ("change", "up", "day", 2024, 2023)
    assert (fewer.kind, fewer.direction, fewer.unit, fewer.year, fewer.baseline_year) == (
        "change", "down", "day", 2024, 2023)


def test_more_than_takes_a_count_not_a_share() -> None:
    found = qs("The city opened 40 charging stations, or 25 percent of its target, 6 more than in 2022.")
    assert find(found, 6).unit == "station"
    assert find(found, 6).baseline_year == 2022


def test_baselines_from_a_peak_and_fronted_comparisons() -> None:
    assert one("Ticket sales are down about 25 percent from their 2019 peak.").baseline_year == 2019
    found = qs("Compared with 2015, sulfur dioxide, nitrogen dioxide and carbon monoxide levels were down 70 percent, "
               "30 percent and 45 percent respectively.")
    assert [(q.kind, q.direction, q.baseline_year) for q in found] == [("change", "down", 2015)] * 3
    found = qs("Year on year, coal use fell 4 percent in 2024, while gas use rose 9 percent.")
    assert [(q.direction, q.comparison) for q in found] == [("down", "yoy"), ("up", "yoy")]


def test_relative_years_after_a_level() -> None:
    now, before = qs("In 2022 the reading stood at 44 micrograms, against 52 micrograms a year earlier.")
    assert (now.year, before.year) == (None, 2021)  # (the resolver gives 44 the sentence's year)
    found = qs("Smog lingered in 2021; 15 of its 20 smog days that year came in winter.")
    assert [(q.value, q.unit, q.year) for q in found] == [(D(15), "day", 2021), (D(20), "day", 2021)]
    q = qs("The 2024 mean is 40 percent lower than in 2014, when the city recorded 72 micrograms.")[1]
    assert (q.value, q.year) == (D(72), 2014)
    change, _ = qs("Steel exports rose 6 percent from a year earlier to 9 million tonnes in 2024.")
    assert (change.year, change.comparison) == (2024, "yoy")


def test_units_named_by_nouns_and_carried_along_the_sentence() -> None:
    found = qs("Shenzhen recorded 340 blue-sky days and installed more than 2,000 low-cost monitors.")
    assert [(q.value, q.unit) for q in found] == [(D(340), "day"), (D(2000), "monitor")]
    found = qs("Four of the province's 11 coal-fired plants closed.")
    assert [(q.value, q.unit) for q in found] == [(D(4), "plant"), (D(11), "plant")]
    found = qs("Chengdu averaged 31 micrograms in 2024, against 35 in Chongqing, after it rose from 30 to 33.")
    assert [q.unit for q in found] == ["μg/m³"] * 4
    assert [q.unit for q in qs("Heavy pollution days fell to two in 2024, from 19 in 2015.")] == ["day", "day"]
    found = qs("Xian recorded 41 micrograms, Lanzhou 37 and Yinchuan 33, while Urumqi logged 44.")
    assert [q.unit for q in found] == ["μg/m³"] * 4


def test_a_bare_number_inside_a_name_takes_no_carried_unit() -> None:
    found = qs("PM2.5 hit 150 micrograms, triggering a level 3 alert, and Route 5 traffic was cut.")
    assert [(q.value, q.unit) for q in found] == [(D(150), "μg/m³"), (D(3), None), (D(5), None)]


def test_english_table_header_names_the_unit() -> None:
    text = "| City | PM2.5 (μg/m³) | Smog days | Rank |\n|---|---|---|---|\n| Xian | 45 | 12 | 3 |\n"
    assert [(q.value, q.unit) for q in qs(text)] == [(D(45), "μg/m³"), (D(12), "day")]


def test_spans_and_verbs_are_not_counts_or_bounds() -> None:
    assert qs("# Five years of cleaner skies") == []
    assert qs("Output grew for three consecutive years.") == []
    assert [q.unit for q in qs("Children under 5 years of age.")] == ["year"]
    q = one("After a dip, the index climbed back up to 4.6 in May.")
    assert q.qualifier is None
    assert one("Fines of up to 5,000 yuan.").qualifier == "at_most"


# ------------------------------------------------------- session 2 forms (issue #3): Chinese


def test_a_bare_figure_of_population_counts_people() -> None:
    found = qs("2010年,长三角地区人口合计2亿多,常住人口约2185万,人口密度为1300。")
    assert [(q.value, q.unit, q.qualifier) for q in found] == [
        (D(200000000), "人", "at_least"), (D(21850000), "人", "about"), (D(1300), None, None)]


def test_improvement_of_a_concentration_is_a_fall_with_its_baseline() -> None:
    q = qs("全国PM2.5平均浓度为29微克/立方米,较疫情前的2019年改善12.5%。")[1]
    assert (q.kind, q.direction, q.baseline_year) == ("change", "down", 2019)
    assert one("优良天数比例同比改善3.1%。").direction is None


def test_year_on_year_is_not_overridden_by_an_earlier_baseline() -> None:
    found = qs("全市PM2.5平均浓度同比上升3.2%,比“十三五”末下降10.1%;优良天数比率为72.4%,同比下降2.1个百分点。")
    points = find(found, "2.1", "pp")
    assert (points.comparison, points.baseline_year) == ("yoy", None)
    assert find(found, "10.1", "%").baseline_year == 2020


def test_a_year_on_year_said_of_the_whole_sentence() -> None:
    found = qs("全省13个城市PM10浓度均同比下降,其中降幅最大的三个城市依次为北部山区的甲市、"
               "东部沿海的乙市和南部平原的丙市,分别下降18.2%、15.6%和14.9%。")
    changes = [q for q in found if q.kind == "change"]
    assert [(q.comparison, q.direction) for q in changes] == [("yoy", "down")] * 3
    found = qs("全省PM10浓度均同比下降,其中甲市比2015年下降18.2%。")
    assert (found[-1].comparison, found[-1].baseline_year) == (None, 2015)


@pytest.mark.parametrize("text", [
    "The area grew to 3 ſquare km.", "Output grew twİce as fast.", "The fırst anniversary was in 2024.",
    "It is 3 mıllion people.", "Sınce 2014, output fell 5 percent.", "up 3 ſquare kilometers",
    "five \u212ailometers", "İ1 ı2 ſ3",
])
def test_case_fold_characters_never_raise(text: str) -> None:
    run(text)  # ſ, İ, ı, K fold to s, i, i, k under IGNORECASE: every table look-up must find its key
    found = qs(text)
    assert all(q.value >= 0 for q in found)


def test_case_fold_characters_read_like_their_letters() -> None:
    assert [(q.value, q.unit) for q in qs("The area grew to 3 ſquare km.")] == [(D(3), "square km")]
    assert [(q.value, q.unit, q.kind) for q in qs("Output grew twİce as fast.")] == [(D(2), "times", "multiple")]
    assert [(t.kind, t.years) for t in times("The fırst anniversary.")] == [("anniversary", 1)]


def test_case_fold_characters_through_the_pipeline() -> None:
    from factcheck.pipeline import check_text
    from factcheck.reference import default_reference_path, load_reference

    result = check_text("Beijing's area is 3 ſquare km, twİce as big; the fırst anniversary was in 2024.",
                        load_reference(default_reference_path()))
    assert result.files[0].status == "checked", result.files[0].error

# ------------------------------------------------------------------------ Chinese forms


@pytest.mark.parametrize(("text", "value", "unit", "precision"), [
    ("新增造林3万4000公顷。", "34000", "公顷", "0.5"),
    ("完成改造约1,100万户。", "11000000", "户", "5000"),
    ("累计淘汰燃煤锅炉两千余台。", "2000", "台", "0.5"),
    ("崇礼区完成营造林一万二千亩。", "12000", "亩", "0.5"),
    ("接待游客4,350万人次。", "43500000", "人次", "5000"),
    ("地区生产总值合计10.4万亿元。", "10400000000000", "元", "50000000000"),
    ("实际利用外资2800万美元。", "28000000", "USD", "5000"),
    ("装机1.2兆瓦。", "1200", "kW", "50"),
    ("占比近四成。", "40", "%", "5"),
    ("约占排放总量的十分之一。", "10", "%", "0"),
    ("浓度为百分之五十。", "50", "%", "0.5"),
    ("仅用40分钟。", "40", "分钟", "0.5"),
    ("崔女士10岁的儿子。", "10", "岁", "0.5"),
    ("拍了3000多张照片。", "3000", "张", "0.5"),
    ("平均用时14个月。", "14", "个月", "0.5"),
])
def test_chinese_levels(text: str, value: str, unit: str, precision: str) -> None:
    q = one(text)
    assert (q.value, q.unit, q.precision, q.kind) == (D(value), unit, D(precision), "level")


@pytest.mark.parametrize(("text", "qualifier"), [
    ("约156亿元", "about"), ("大约156亿元", "about"), ("156亿元左右", "about"), ("近520亿元", "nearly"),
    ("将近520亿元", "nearly"), ("接近520亿元", "nearly"), ("超过3500万千瓦", "more_than"), ("逾420亿元", "more_than"),
    ("超3000家", "more_than"), ("突破5亿元", "more_than"), ("3000多家", "at_least"), ("3000余家", "at_least"),
    ("63%以上", "at_least"), ("不到14个月", "less_than"), ("不足600万千瓦", "less_than"), ("0.2千克以下", "less_than"),
    ("不少于30个", "at_least"), ("156亿元", None),
])
def test_chinese_qualifiers(text: str, qualifier: str | None) -> None:
    assert one(f"全市{text}。").qualifier == qualifier


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("每年引进3—5家链主企业。", "3", "5", "家"),
    ("算力规模还将再增加3至5万P。", "30000", "50000", "P"),
    ("建设周期一般为18至24个月。", "18", "24", "个月"),
    ("力争浓度再降3%至5%。", "3", "5", "%"),
    ("投资3-5亿元。", "300000000", "500000000", "元"),
])
def test_chinese_ranges(text: str, low: str, high: str, unit: str) -> None:
    q = one(text)
    assert (q.value, q.value_high, q.unit) == (D(low), D(high), unit)


@pytest.mark.parametrize(("text", "direction", "unit", "comparison", "baseline"), [
    ("PM2.5平均浓度同比下降2.1%。", "down", "%", "yoy", None),
    ("规上工业增加值环比增长9.4%。", "up", "%", "mom", None),
    ("优良天数比例同比上升1.7个百分点。", "up", "pp", "yoy", None),
    ("增速比去年同期提高1.2个百分点。", "up", "pp", "yoy", None),
    ("全省PM2.5平均浓度比“十三五”末下降13.8%。", "down", "%", None, 2020),
    ("与2022年的36.8微克/立方米相比,全省浓度上升4.9%。", "up", "%", None, 2022),
    ("较2013年增加121天。", "up", "天", None, 2013),
    ("比2017年减少2微克/立方米。", "down", "μg/m³", None, 2017),
    ("降幅达61.2%。", "down", "%", None, None),
    ("较2013年增长九成。", "up", "%", None, 2013),
    ("滑雪游客的数量比去年同期上涨了35%左右。", "up", "%", "yoy", None),
    ("同比改善7.3%。", None, "%", "yoy", None),
])
def test_chinese_changes(text: str, direction: str | None, unit: str, comparison: str | None,
                         baseline: int | None) -> None:
    q = [q for q in qs(text) if q.kind == "change"]
    assert len(q) == 1, qs(text)
    assert (q[0].direction, q[0].unit, q[0].comparison, q[0].baseline_year) == (direction, unit, comparison, baseline)


def test_points_are_not_percent() -> None:
    q = one("比重较去年同期提高4.5个百分点。")
    assert (q.unit, q.value, q.kind) == ("pp", D("4.5"), "change")


def test_levels_after_to_verbs_are_not_changes() -> None:
    for text in ("浓度降至38.6微克/立方米。", "规模达到3565万千瓦。", "研发投入强度升至3.6%。", "达标率100%。"):
        q = one(text)
        assert q.kind == "level" and q.direction is None, text


def test_lists_share_the_unit_and_the_change() -> None:
    found = qs("分别为18、25、30微克/立方米。")
    assert [(q.value, q.unit) for q in found] == [(D(18), "μg/m³"), (D(25), "μg/m³"), (D(30), "μg/m³")]
    found = qs("与2013年相比,北京市年均浓度分别下降65.9%、50%、57.1%和88.7%。")
    assert [(q.kind, q.direction, q.baseline_year) for q in found] == [("change", "down", 2013)] * 4
    found = qs("2013年至2017年,全省重污染天数分别为80天、66天、36天、33天和29天。")
    assert [q.year for q in found] == [2013, 2014, 2015, 2016, 2017]
    found = qs("2020年、2021年全市优良天数分别为328天、322天。")
    assert [(q.value, q.year) for q in found] == [(D(328), 2020), (D(322), 2021)]


def test_baseline_carries_into_a_later_piece_without_a_year() -> None:
    found = qs("优良天数较2013年分别增加95天、87天;重污染天数则分别减少50天、37天。")
    assert [(q.direction, q.baseline_year) for q in found] == [("up", 2013)] * 2 + [("down", 2013)] * 2


def test_multiples() -> None:
    found = qs("订单同比翻一番,出口额是去年同期的2倍,总值是2013年的1.9倍。")
    assert [(q.value, q.unit, q.kind, q.comparison, q.baseline_year, q.direction) for q in found] == [
        (D(2), "倍", "multiple", "yoy", None, None), (D(2), "倍", "multiple", "yoy", None, None),
        (D("1.9"), "倍", "multiple", None, 2013, None)]
    assert one("收入翻两番。").value == D(4)


def test_from_to_with_by_and_to_verbs() -> None:
    found = qs("重污染天数由2013年的58天减少到2天,降幅96.6%。")
    assert [(q.value, q.role, q.year, q.baseline_year) for q in found] == [
        (D(58), "from", 2013, None), (D(2), "to", None, None), (D("96.6"), "delta", None, 2013)]
    assert found[2].unit == "%" and found[0].unit == found[1].unit == "天"


def test_yoy_change_after_a_from_to_is_not_its_delta() -> None:
    found = qs("浓度由2014年的35微克/立方米降至2019年的25微克/立方米,同比下降3.8%。")
    assert [q.role for q in found] == ["from", "to", None]
    assert found[2].comparison == "yoy" and found[2].baseline_year is None


def test_ratings_are_not_statistics() -> None:
    found = qs("投运张北—雄安1000千伏特高压、张北·500千伏柔性直流工程,打破8英寸外延片垄断。")
    assert [(q.value, q.unit, q.kind) for q in found] == [
        (D(1000), "kV", "rating"), (D(500), "kV", "rating"), (D(8), "inch", "rating")]


@pytest.mark.parametrize("text", [
    "2023年全市", "在2024年2月23日", "2024年02月23日07:30 | 来源:人民网", "2024-12-12 08:55:07 来源:张家口新闻网",
    "新华社石家庄2月23日电", "细颗粒物(PM2.5)和PM10浓度", "国道G109、省道S310、国道G335京冀界至G112段",
    "京津产业新城确定‘3+3+N’的产业定位", "“2+26”城市", "联系电话:0313-2051987", "第九届中国汽车零部件年度贡献奖",
    "生产第四代磁流变减震器", "引进央企二、三级子公司", "稳定达到国家二级标准", "入库水质达到Ⅲ类", "一级供应商",
    "1.本网(张家口新闻网)稿件", "一批过百亿级的产业集群", "迈向千亿目标", "发布《2023年河北省生态环境状况公报》",
    "“十四五”期间", "十四五规划", "京津冀协同发展这十年", "十年来", "10年前的2月", "9年间", "为期三年", "连续三年",
    "上升为国家战略十周年", "2014年以来", "新建5G基站", "一个缩影", "一体化发展", "零部件", "千家万户", "三地",
    "十佳城市", "数十家企业", "上百家企业", "星期一", "官厅水库\ufffd\ufffd48个", "浓度\ufffd38微克", "http://example.com/2023/0105/c9-10192156.html",
    "3号线", "津ICP备00000000号",
])
def test_not_quantities(text: str) -> None:
    assert qs(text) == [], [(q.text, q.value, q.unit) for q in qs(text)]


def test_scale_label_does_not_hide_the_count_before_it() -> None:
    q = one("培育智能科技等3个千亿级产业集群。")
    assert (q.value, q.unit) == (D(3), "个")


def test_a_qualified_one_is_a_count() -> None:
    q = one("一年至少一部生态环保法规。")
    assert (q.value, q.unit, q.qualifier) == (D(1), "部", "at_least")


def test_unreadable_span_after_the_unit_keeps_a_complete_figure() -> None:
    q = one("下降48.6%\ufffd\ufffd\ufffd量主要指标")
    assert (q.value, q.unit) == (D("48.6"), "%")
    assert qs("提高1.2个\ufffd\ufffd") == []  # 个 may have been 个百分点


# ------------------------------------------------------------------------ English forms


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("Output was about 15.6 million tonnes.", "15600000", "tonne", "about"),
    ("It logged 290 days of good air.", "290", "day", None),
    ("More than 30 mills finished.", "30", "mill", "more_than"),
    ("Beijing shut down over 3,000 manufacturing companies.", "3000", "company", "more_than"),
    ("Nearly 1,000 markets moved.", "1000", "market", "nearly"),
    ("It has over 11,000 km of railway lines.", "11000", "km", "more_than"),
    ("It is home to 100 million people on the land.", "100000000", "people", None),
    ("Land covers 216,000 square km today.", "216000", "square km", None),
    ("GDP reached 4.38 trillion yuan.", "4380000000000", "元", None),
    ("That is about 1.46 trillion U.S. dollars.", "1460000000000", "USD", "about"),
    ("It cost US$2.3 billion.", "2300000000", "USD", None),
    ("Levels were three micrograms per cubic meter.", "3", "μg/m³", None),
    ("The readings averaged 30.5 micrograms.", "30.5", "μg/m³", None),
    ("It made 49,000 investments there.", "49000", "investment", None),
    ("The mill accounts for more than half of output.", "50", "%", "more_than"),
    ("Capacity stays below 200 million tonnes.", "200000000", "tonne", "less_than"),
])
def test_english_levels(text: str, value: str, unit: str, qualifier: str | None) -> None:
    q = one(text)
    assert (q.value, q.unit, q.qualifier, q.kind) == (D(value), unit, qualifier, "level")


@pytest.mark.parametrize(("text", "value", "direction", "unit", "comparison", "baseline"), [
    ("Output fell 8.3 percent year on year in December.", "8.3", "down", "%", "yoy", None),
    ("GDP grew 5.2 percent year-on-year.", "5.2", "up", "%", "yoy", None),
    ("Prices rose 4.5 percent from a year earlier.", "4.5", "up", "%", "yoy", None),
    ("It fell to 30 micrograms in 2022, 66.5 percent lower than that in 2013.", "66.5", "down", "%", None, 2013),
    ("PM2.5 is down 2.1 percent from 2023.", "2.1", "down", "%", None, 2023),
    ("Compared with 2013, the concentration fell 57.3 percent.", "57.3", "down", "%", None, 2013),
    ("The GDP grew 90 percent in 2023 compared with 2013.", "90", "up", "%", None, 2013),
    ("The share rose 1.7 percentage points.", "1.7", "up", "pp", None, None),
    ("The index rose 3 points.", "3", "up", "pp", None, None),
    ("It was a drop of 12 percent.", "12", "down", "%", None, None),
    ("They described it as a 190 percent increase.", "190", "up", "%", None, None),
    ("It cut capacity by about 1.2 million tonnes a year.", "1200000", "down", "tonne", None, None),
    ("Heavy days were five days fewer than in 2021.", "5", "down", "day", None, 2021),
    ("Sales climbed 12 percent over 2019.", "12", "up", "%", None, 2019),
])
def test_english_changes(text: str, value: str, direction: str, unit: str, comparison: str | None,
                         baseline: int | None) -> None:
    q = [q for q in qs(text) if q.kind == "change"]
    assert len(q) == 1, qs(text)
    assert (q[0].value, q[0].direction, q[0].unit, q[0].comparison, q[0].baseline_year) == (
        D(value), direction, unit, comparison, baseline)


def test_points_without_a_change_are_not_percentage_points() -> None:
    q = one("The index stood at 105 points.")
    assert (q.value, q.unit, q.kind) == (D(105), "index", "level")  # index points (round 4), not pp
    q = one("The park counted 105 points.")
    assert (q.value, q.unit, q.kind) == (D(105), None, "level")


def test_english_from_to_groups() -> None:
    found = qs("PM2.5 concentrations fell 48.6 percent from 35 micrograms per cubic meter in 2014 to "
               "18 micrograms per cubic meter in 2023.")
    assert [(q.value, q.role, q.year, q.baseline_year) for q in found] == [
        (D("48.6"), "delta", 2023, 2014), (D(35), "from", 2014, None), (D(18), "to", 2023, None)]
    found = qs("Beijing's average PM2.5 concentration dropped from 89.5 micrograms per cubic meter in 2013 to 32 in "
               "2023, a reduction of 64.2 percent.")
    assert [(q.value, q.unit, q.role) for q in found] == [
        (D("89.5"), "μg/m³", "from"), (D(32), "μg/m³", "to"), (D("64.2"), "%", "delta")]
    assert (found[2].direction, found[2].baseline_year, found[2].year) == ("down", 2013, 2023)
    found = qs("Heavy pollution days fell from 58 in 2013 to just two, a decrease of 96.6 percent.")
    assert [(q.value, q.unit, q.role) for q in found] == [
        (D(58), "day", "from"), (D(2), "day", "to"), (D("96.6"), "%", "delta")]


def test_english_to_then_from() -> None:
    found = qs("Its share slipped to 19.4 percent from 20.1 percent in 2023, a fall of 0.7 percentage points.")
    assert [(q.value, q.role, q.year) for q in found] == [
        (D("19.4"), "to", None), (D("20.1"), "from", 2023), (D("0.7"), "delta", None)]
    assert (found[2].unit, found[2].baseline_year, found[2].direction) == ("pp", 2023, "down")
    found = qs("It employed about 280,000 people at the end of 2024, down from more than 400,000 in 2014.")
    assert [(q.value, q.unit, q.role, q.year, q.qualifier) for q in found] == [
        (D(280000), "people", "to", 2024, "about"), (D(400000), "people", "from", 2014, "more_than")]


def test_english_ranges_lists_and_multiples() -> None:
    q = one("It cost 18 to 25 percent of their budgets.")
    assert (q.value, q.value_high, q.unit) == (D(18), D(25), "%")
    q = one("It took between 3 and 5 days.")
    assert (q.value, q.value_high, q.unit) == (D(3), D(5), "day")
    found = qs("The readings stood at 41 and 38.6 micrograms per cubic meter respectively in 2023.")
    assert [(q.value, q.unit, q.year) for q in found] == [(D(41), "μg/m³", 2023), (D("38.6"), "μg/m³", 2023)]
    found = qs("Compared with 2013, it fell 57.3 percent in Tianjin and 57.6 percent in Hebei.")
    assert [(q.kind, q.baseline_year) for q in found] == [("change", 2013)] * 2
    found = qs("The output was 1.9 times that of 2013, and GDP doubled.")
    assert [(q.value, q.unit, q.kind, q.baseline_year) for q in found] == [
        (D("1.9"), "times", "multiple", 2013), (D(2), "times", "multiple", None)]
    found = qs("It logged only eight days of heavy pollution, six of which were caused by sandstorms.")
    assert [(q.value, q.unit) for q in found] == [(D(8), "day"), (D(6), "day")]


@pytest.mark.parametrize("text", [
    "In 2014 the plan began.", "since 2014", "The 2022 Winter Olympics", "PM2.5 and PM10 readings", "5G networks",
    "G109 highway", "Call 010-12345678 now.", "at 9:30 a.m. on Feb. 23, 2024", "No. 5 was next.",
    "the 10th anniversary", "ten years ago", "over the past decade", "one of the cities", "in the first half of 2023",
    "COVID-19 cases", "Updated 2 hours ago", "GB 3095 standard",
])
def test_english_not_quantities(text: str) -> None:
    assert qs(text) == [], [(q.text, q.value, q.unit) for q in qs(text)]


# -------------------------------------------------------------------------- time expressions


@pytest.mark.parametrize(("text", "kind", "year", "month", "day", "years"), [
    ("2024年2月23日", "date", 2024, 2, 23, None),
    ("2024年02月23日07:30", "date", 2024, 2, 23, None),
    ("2024-12-12 08:55:07", "date", 2024, 12, 12, None),
    ("2023年12月", "date", 2023, 12, None, None),
    ("2021年11月", "date", 2021, 11, None, None),
    ("2月23日电", "date", None, 2, 23, None),
    ("2023年", "year", 2023, None, None, None),
    ("二〇二三年", "year", 2023, None, None, None),
    ("2014年以来", "since", 2014, None, None, None),
    ("自2023年5月正式开馆以来", "since", 2023, 5, None, None),
    ("从2014年起", "since", 2014, None, None, None),
    ("since 2014", "since", 2014, None, None, None),
    ("10年前", "ago", None, None, None, 10),
    ("十年前", "ago", None, None, None, 10),
    ("a decade ago", "ago", None, None, None, 10),
    ("ten years ago", "ago", None, None, None, 10),
    ("这十年", "span", None, None, None, 10),
    ("十年来", "span", None, None, None, 10),
    ("10年来", "span", None, None, None, 10),
    ("9年间", "span", None, None, None, 9),
    ("over the past decade", "span", None, None, None, 10),
    ("提前两年", "span", None, None, None, 2),
    ("十周年", "anniversary", None, None, None, 10),
    ("10th anniversary", "anniversary", None, None, None, 10),
    ("去年", "relative_year", None, None, None, None),
    ("今年7月", "relative_year", None, 7, None, None),
    ("last year", "relative_year", None, None, None, None),
    ("“十四五”期间", "plan", None, None, None, None),
    ("“十三五”末", "plan", 2020, None, None, None),
    ("January 10, 2025", "date", 2025, 1, 10, None),
    ("Feb. 23, 2024", "date", 2024, 2, 23, None),
    ("23 February 2024", "date", 2024, 2, 23, None),
    ("December 2023", "date", 2023, 12, None, None),
    ("in 2023", "year", 2023, None, None, None),
])
def test_time_expressions(text: str, kind: str, year: int | None, month: int | None, day: int | None,
                          years: int | None) -> None:
    found = times(text)
    assert found, text
    t = found[0]
    assert (t.kind, t.year, t.month, t.day, t.years) == (kind, year, month, day, years)
    assert text[t.start:t.end] == t.text


def test_two_years_and_month_ranges() -> None:
    assert [(t.kind, t.year) for t in times("2019年、2022年")] == [("year", 2019), ("year", 2022)]
    assert [(t.kind, t.year) for t in times("2019—2020年秋冬季")] == [("year", 2019), ("year", 2020)]
    assert [(t.kind, t.month) for t in times("今年1至7月")][1:] == [("date", 1), ("date", 7)]
    assert qs("1—11月,全省") == [] and qs("1月到8月") == []


# ----------------------------------------------------------------------------- robustness


def test_offsets_and_text_agree() -> None:
    text = "　　2023年,河北PM2.5平均浓度降至38.6微克/立方米、比2014年下降57.6%。\nIt fell 5 percent to 18 micrograms."
    ex = run(text)
    for q in ex.quantities:
        assert text[q.start:q.end] == q.text and q.text
    for t in ex.times:
        assert text[t.start:t.end] == t.text


_PIECES = st.sampled_from([
    *"0123456789.,;:!?%-—~至到年月日万亿千百十一二两三五零",
    *"个人次天约近超余多左右以上下降增长比较从由降至的与相比同。,、“”《》()\n ",
    "PM2.5", "G109", "微克/立方米", "千瓦", "千伏", "个百分点", "percent", " from ", " to ", "fell ", "rose ",
    "in 2014",
    "since ", "million ", "about ", "\ufffd", "翻一番", "倍", "分之", "half of ", "more than ", " days",
    "| 排名 | 浓度(微克/立方米) |\n|---|---|\n| 1 | 5 |\n",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=50).map("".join))
def test_any_text_gives_consistent_spans(text: str) -> None:
    ex = run(text)
    last_end = 0
    for q in ex.quantities:
        assert text[q.start:q.end] == q.text and q.start < q.end and q.start >= last_end
        assert "\ufffd" not in q.text
        last_end = q.end
        if q.value_high is not None:
            assert q.value_high >= 0
    for t in ex.times:
        assert text[t.start:t.end] == t.text


def test_works_without_sentences() -> None:
    text = "河北PM2.5平均浓度比2014年下降57.6%。"
    assert extract(text, []).quantities == run(text).quantities


@pytest.mark.parametrize("text", [
    "1" * 100_000, "万" * 100_000, "一" * 100_000, "3.5" * 30_000, "1.2." * 25_000, "约" * 50_000 + "5%",
    "比2014年下降" * 5_000, "2014年" * 20_000, "a" * 100_000, " " * 100_000,
])
def test_pathological_inputs_finish_fast(text: str) -> None:
    sentences = segment(text)
    started = time.perf_counter()
    extract(text, sentences)
    assert time.perf_counter() - started < 2.0


def test_many_numbers_scale_linearly() -> None:
    def cost(n: int) -> float:
        text = "下降5%,增长3个百分点,达到12个;" * n
        sentences = segment(text)
        started = time.perf_counter()
        ex = extract(text, sentences)
        assert len(ex.quantities) == 3 * n
        return time.perf_counter() - started

    small, large = cost(500), cost(2_000)
    assert large < small * 4 * 2.5 + 0.05  # linear, with slack for timer noise


# -------------------------------------------------------------------- the real seeds, end to end


def _normalized_seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip("seed articles (../shared/seeds) not present")
    try:
        from factcheck.normalize import normalize
    except ImportError:
        pytest.skip("factcheck.normalize is not available yet")
    try:
        return normalize(path.read_text(encoding="utf-8"), "text").text
    except NotImplementedError:
        pytest.skip("factcheck.normalize is not implemented yet")


def test_seed_000_end_to_end() -> None:
    text = _normalized_seed("000_9a5ee806d8a87708.txt")
    started = time.perf_counter()
    found = list(extract(text, segment(text)).quantities)
    elapsed = time.perf_counter() - started
    assert find(found, 203722000000, "元").text == "2037.22亿元"
    assert find(found, "38.6", "μg/m³").kind == "level"
    change = find(found, "57.6", "%")
    assert (change.kind, change.direction, change.baseline_year) == ("change", "down", 2014)
    change = find(found, 57, "%")
    assert (change.kind, change.direction, change.baseline_year) == ("change", "down", 2013)
    assert not [q for q in found if q.value in (D(2023), D(2014), D("2.5"), D(999))]
    assert elapsed < 0.5


def test_seed_002_end_to_end() -> None:
    text = _normalized_seed("002_0eab06648632afac.txt")
    found = list(extract(text, segment(text)).quantities)
    assert find(found, 35650000, "kW").unit_text == "千瓦"
    assert find(found, 1490000, "人次").qualifier == "at_least"
    assert find(found, 22800, "P").kind == "level"
    start, end, drop = find(found, 35, "μg/m³"), find(found, 18, "μg/m³"), find(found, "48.6", "%")
    assert (start.role, start.year, end.role, end.year) == ("from", 2014, "to", 2023)
    assert (drop.role, drop.direction, drop.baseline_year, drop.year) == ("delta", "down", 2014, 2023)
    assert start.group == end.group == drop.group is not None
    ratings = [q for q in found if q.unit == "kV"]
    assert [q.kind for q in ratings] == ["rating", "rating"]
    # road ids, the phone number and list markers are not quantities
    assert not [q for q in found if q.value in (D(109), D(310), D(335), D(313), D(2051987))]


# ---------------------------------------------------------------- speed rewrites keep the same matches
#
# extract scans text with regexes rewritten so that the regex engine can skip ahead (a look-behind moved past
# the first character, alternations split by first character), runs some only over the pieces of text that
# can hold a match, and gates others on strings every match holds. Each must find exactly what the plain
# pattern finds; the plain forms are spelled out here.

import re  # noqa: E402

import factcheck.extract as X  # noqa: E402
from factcheck.numbers import compiled  # noqa: E402

_FRAGMENTS = [
    "0", "1", "2", "9", "12", "19", "20", "2014", "2023", "2100", "1999", ".", ",", "，", "、", "。", ";", "；", "!",
    "?", ":", "-", "/", "~", " ", "  ", "\n", "\t", "\u3000", "年", "月", "日", "号", "前", "周年", "十", "五", "一",
    "三", "两", "〇", "零", "九", "第", "个", "这", "近", "过去", "连续", "多", "余", "来", "间", "以来", "下降",
    "增长", "上午", "晚", "点", "时", "分", "半", "自", "从", "起", "至今", "至", "到", "代", "元", "本", "“", "”",
    "十四五", "期间", "规划",
    "今年", "去年", "am", "pm", " AM", "a.m.", "+86 ", "(010)", "13912345678", "555-123-4567", "ago", " years ",
    "past", "last", "year", "since", "decade", "anniversary", "10th", "five-year", "14th Five-Year Plan (2021-2025)",
    "January", "Jan.", "Sept", "May", "in", "to", "twenty", "Twenty-One", "six", "sixteen", "often", "One", "x", "a",
    "中", "的", "了", "分别", "均", "都", "ſ", "İ", "K", "_",
]
_TEXTS = st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("".join)
_Y = r"(?:19\d{2}|20\d{2}|2100)"
_N = r"(?:\d{1,3}|[一二两三四五六七八九十百]{1,4})"
_CN = "〇零一二两三四五六七八九十百千万亿"
_MON = (r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
# the textbook form of each rewritten pattern
_PLAIN = {
    "T_CN_DATE": rf"(?<!\d)({_Y})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号]",
    "T_CN_YEAR_MONTH": rf"(?<!\d)({_Y})\s*年\s*(\d{{1,2}})\s*月(?:份)?",
    "T_ISO_DATE": rf"(?<![\d.])({_Y})([-/.])(\d{{1,2}})\2(\d{{1,2}})(?!\d|[.]\d)",
    "T_CN_SINCE_SUFFIX": rf"(?<!\d)({_Y})\s*年(?:\s*(\d{{1,2}})\s*月(?:份)?)?(?:\s*(\d{{1,2}})\s*[日号])?\s*"
                         r"(?:以来|起|开始|至今)",
    "T_CN_YEAR_RANGE": rf"(?<![\d.])({_Y})\s*年?\s*(?:至|到|—|–|-|~|～)\s*({_Y})\s*年",
    "T_CN_YEAR": rf"(?<![\d.])({_Y})\s*年(?!代)",
    "T_CN_YEAR_NUMERAL": r"(?<![〇零一二三四五六七八九十])([〇零一二三四五六七八九]{4})\s*年",
    "T_EN_MDY": rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)({_Y})\b",
    "T_EN_DMY": rf"\b(\d{{1,2}})\s+{_MON}\s+({_Y})\b",
    "T_EN_MY": rf"\b{_MON}\s+({_Y})\b",
    "T_EN_MD": rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,:]?\d)",
    "T_EN_MONTH": r"\b(?:in|since|by|until|during|from|to|through|last|this|next|early|late|mid-|end of)\s+"
                  r"(January|February|March|April|May|June|July|August|September|October|November|December)\b",
    "T_CN_SPAN": rf"(?:这|近|过去|最近|连续|为期|提前|历时|历经|用了)\s*({_N})\s*(?:多|余)?\s*(?:个)?\s*年"
                 rf"(?:来|间|以来|中|里|内)?|(?<![\d.{_CN}])({_N})\s*(?:多|余)?\s*年(?:来|间|以来)"
                 rf"|(?<![\d.{_CN}第])({_N})\s*年(?=下降|增长|减少|增加|降|增|提高|提升|上升|累计|间)",
    "B_CLOCK": r"(?<![\d.:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])|(?<![\d.])\d{1,2}\s*[时点]\s*\d{1,2}\s*分"
               r"|(?:上午|下午|早上|早晨|晚上|凌晨|中午|傍晚|夜里|当晚|晚)\s*\d{1,2}\s*[点时](?:半|\s*\d{1,2}\s*分)?"
               r"|(?<![\d.])\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|AM|PM|am|pm)(?![A-Za-z])",
}


def _found(matches: object) -> list[tuple[tuple[int, int], list[str]]]:
    return [(m.span(), [g for g in m.groups() if g]) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_rewritten_patterns_find_what_the_plain_ones_find(text: str) -> None:
    for name, plain in _PLAIN.items():
        pattern = getattr(X, name)
        want = _found(re.compile(plain).finditer(text))
        if name in X._SPLIT:
            got = _found(X._first_of(X._SPLIT[pattern.pattern], text, 0, len(text)))
        else:
            got = _found(compiled(pattern).finditer(text))
        assert got == want, name


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_chunked_scans_find_what_a_whole_text_scan_finds(text: str) -> None:
    chunks = X._Chunks(text)
    sources = {*X._CHUNK_SPECS, *X._SPLIT}
    for name in dir(X):
        pattern = getattr(X, name)
        if getattr(pattern, "pattern", None) in sources and hasattr(pattern, "finditer"):
            plain = re.compile(_PLAIN.get(name, pattern.pattern), pattern.flags)
            assert _found(chunks.finditer(pattern)) == _found(plain.finditer(text)), name


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_cheap_tests_agree_with_the_regexes_they_stand_for(text: str) -> None:
    assert X._strip_cn_end(text) == re.sub(r"(?:了|分别|均|都|\s)+$", "", text)
    line_start = [m.span() for m in re.finditer(r"(?m)^[ \t\u3000]*(?:[(（]\d{1,2}[)）]|\d{1,2}(?=[.、)）](?!\d)))",
                                                   text)]
    first = X.B_LIST_MARKER.match(text)
    after_breaks = [(m.start() + 1, m.end()) for m in X.B_LIST_MARKER_NL.finditer(text)]
    assert line_start == ([first.span()] if first else []) + after_breaks
    for s in range(len(text)):  # the nearest letter decides whether a number is written in English
        letters = [c for c in text[max(0, s - 23):s][::-1] + text[s + 1:s + 25] if c.isalpha()]
        assert X._english_context(text, s, s + 1) == (not letters or letters[0].isascii())
    has_month = re.search(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", text) is not None
    assert (compiled(X._HAS_MONTH).search(text) is not None) == has_month
    if not X._exotic(text):
        words = rf"\b(?:(?:{'|'.join(X.EN_TENS)})(?:-(?:{'|'.join(k for k in X.EN_UNITS if X.EN_UNITS[k])}))?" \
                rf"|{'|'.join(sorted(X.EN_UNITS, key=len, reverse=True))})\b"
        assert _found(compiled(X.EN_WORD_FAST).finditer(text)) == _found(re.finditer(words, text, re.IGNORECASE))


def test_patterns_compile_on_first_use_not_at_import() -> None:
    """A pre-commit run on one short draft should not pay for ~100 regexes it may never need."""
    import subprocess
    import sys

    code = ("import re, factcheck.extract as X, factcheck.units as U, factcheck.segment as S, factcheck.numbers as N\n"
            "eager = [f'{m.__name__}.{k}' for m in (X, U, S, N) for k, v in vars(m).items()\n"
            "         if isinstance(v, re.Pattern) and len(v.pattern) > 24]\n"
            "print(eager)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("pattern", "last"), [
    ("CN_TO_VERB", "_TO_VERB_LAST"), ("CN_NOT_CHANGE", "_NOT_CHANGE_LAST"), ("CN_CHANGE_VERB", "_CHANGE_VERB_LAST"),
    ("CN_COMPARE_ADJ", "_COMPARE_ADJ_LAST"), ("QUAL_CN", "_QUAL_CN_LAST"),
])
def test_last_character_tables_cover_their_patterns(pattern: str, last: str) -> None:
    """The cheap test before each "…$" search: every match ends in one of the listed characters."""
    regex, allowed = compiled(getattr(X, pattern)), getattr(X, last)
    words = set(re.findall(r"[\u4e00-\u9fff]+", regex.pattern))
    tried = 0
    for word in words:
        for k in range(1, len(word) + 1):
            for window in (word[:k], "比2014年" + word[:k], "较去年" + word[:k] + "出", word[:k] + " "):
                if regex.search(window):
                    tried += 1
                    assert window.rstrip()[-1] in allowed, (pattern, window)
    assert tried >= len(words) // 2
