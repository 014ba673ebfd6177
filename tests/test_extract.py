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
