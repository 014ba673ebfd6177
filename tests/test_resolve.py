"""resolve: region, metric, year and the article's own date and home region, on small real-style texts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.models import Claim
from factcheck.pipeline import Options, check_text
from factcheck.reference import default_reference_path, load_reference


def claims(text: str, fmt: str = "text", **options: Any) -> tuple[Any, list[Claim]]:
    ref = load_reference(default_reference_path())
    result = check_text(text, ref, fmt=fmt, options=Options(**options))
    fr = result.files[0]
    return fr, list(fr.claims)


def by_value(cs: list[Claim], value: str) -> Claim:
    from decimal import Decimal

    hits = [c for c in cs if c.value == Decimal(value)]
    assert len(hits) == 1, [(c.quote, c.value) for c in cs]
    return hits[0]


def test_year_and_region_carry_through_the_clauses_of_a_sentence() -> None:
    _, cs = claims("2023年数据显示,北京市PM2.5年均浓度32微克/立方米;"
                   "河北PM2.5平均浓度降至38.6微克/立方米、比2014年下降57.6%。")
    bj, hb, drop = by_value(cs, "32"), by_value(cs, "38.6"), by_value(cs, "57.6")
    assert (bj.region, bj.year, bj.metric) == ("beijing", 2023, "pm25_annual_mean")
    assert (hb.region, hb.year, hb.metric) == ("hebei", 2023, "pm25_annual_mean")
    assert (drop.region, drop.year, drop.baseline_year, drop.direction) == ("hebei", 2023, 2014, "down")


def test_a_year_introduced_by_since_is_not_the_claims_year() -> None:
    _, cs = claims("2023年,北京市PM2.5年均浓度32微克/立方米,自2021年首次达标后连续三年达标;"
                   "河北PM2.5平均浓度38.6微克/立方米。")
    assert by_value(cs, "38.6").year == 2023


def test_home_region_from_a_local_outlet_source_line() -> None:
    text = "张家口这十年\n2024-12-12 08:55:07  来源:张家口新闻网\n全市建成环京蔬菜生产基地23个。\n"
    fr, cs = claims(text)
    assert fr.home_region == "zhangjiakou" and fr.published == "2024-12-12"
    assert by_value(cs, "23").region == "zhangjiakou"


def test_a_national_outlets_channel_is_not_a_home_region() -> None:
    fr, _ = claims("京津冀这十年\n2024年02月23日07:30 | 来源:人民网-河北频道\n正文没有数字。\n")
    assert fr.home_region is None or fr.home_region == "jingjinji"  # the title names 京津冀, not 河北


def test_region_option_resolves_city_pronouns_and_province_pronouns_to_its_parent() -> None:
    _, cs = claims("2023年,我市PM2.5年均浓度18微克/立方米,全省PM2.5平均浓度38.6微克/立方米。", region="zhangjiakou")
    assert by_value(cs, "18").region == "zhangjiakou"
    assert by_value(cs, "38.6").region == "hebei"


def test_partner_regions_in_object_position_are_not_the_subject() -> None:
    _, cs = claims("张家口市积极对接北京,建成数据中心项目30个。", region="zhangjiakou")
    assert by_value(cs, "30").region == "zhangjiakou"


def test_yoy_gives_the_previous_year_as_baseline() -> None:
    _, cs = claims("2024年,河北省PM2.5年均浓度为37.8微克/立方米,同比下降2.1%。")
    drop = by_value(cs, "2.1")
    assert (drop.year, drop.baseline_year, drop.comparison) == (2024, 2023, "yoy")


def test_relative_years_resolve_against_the_date_option() -> None:
    _, cs = claims("去年,北京市PM2.5年均浓度为32微克/立方米。", date=dt.date(2024, 3, 1))
    assert by_value(cs, "32").year == 2023


def test_markdown_front_matter_gives_date_and_region() -> None:
    text = "---\ndate: 2024-03-01\nregion: beijing\n---\n\nThe city's average PM2.5 concentration was 32 micrograms " \
           "per cubic meter in 2023.\n"
    fr, cs = claims(text, fmt="markdown")
    assert fr.published == "2024-03-01" and fr.home_region == "beijing"
    assert by_value(cs, "32").region == "beijing"


def test_a_quoted_standard_limit_belongs_to_the_standards_region_not_the_sentences() -> None:
    _, cs = claims("2023年,天津市PM2.5年均浓度达到国家二级标准(35微克/立方米)。")
    assert by_value(cs, "35").region == "china"  # where GB 3095 holds, never tianjin


def test_english_metric_carries_to_the_next_sentence_of_a_paragraph() -> None:
    text = ("In 2013 the annual average PM2.5 concentration in Beijing was 89.5 micrograms per cubic meter. "
            "By 2022 it had dropped to 30 micrograms per cubic meter.")
    _, cs = claims(text)
    later = by_value(cs, "30")
    assert (later.region, later.metric, later.year) == ("beijing", "pm25_annual_mean", 2022)


def test_every_claim_points_at_its_quote_in_the_original_text() -> None:
    text = ("2023年數據顯示,北京市細顆粒物(P M2.5)年均濃度32微克/立方米。\n"
            "河北PM2.5平均濃(nóng)度降至38.6微克/立方米。\n")
    _, cs = claims(text)
    lines = text.splitlines()
    for c in cs:
        assert lines[c.line - 1][c.column - 1:].startswith(c.quote)
        assert "(nóng)" not in c.sentence and "濃" not in c.sentence


def test_a_near_spelling_of_a_metric_name_is_matched_fuzzily() -> None:
    ref = load_reference(default_reference_path())
    assert ref.metric_by_name("PM2.5年度平均浓度") is None  # not a listed name: only the fuzzy pass can find it
    _, cs = claims("2023年,北京市PM2.5年度平均浓度为32微克/立方米。")
    assert by_value(cs, "32").metric == "pm25_annual_mean"


def test_a_place_the_reference_does_not_know_ends_the_carried_region() -> None:
    _, cs = claims("其中,京津冀及周边地区“2+26”城市PM2.5平均浓度为70微克/立方米,同比下降13.6%;"
                   "长三角地区PM2.5平均浓度为46微克/立方米,同比下降16.4%。")
    assert by_value(cs, "70").region == "jingjinji_zhoubian"
    assert by_value(cs, "46").region is None and by_value(cs, "16.4").region is None


def test_a_respective_list_of_places_with_an_unknown_place_keeps_its_order() -> None:
    _, cs = claims("浓度最低的3个城市依次是北京、廊坊和长治,分别为47、55和56微克/立方米。")
    assert [by_value(cs, v).region for v in ("47", "55", "56")] == ["beijing", "langfang", None]


def test_a_later_respective_list_reuses_the_sentences_places() -> None:
    _, cs = claims("2023年,北京、天津、河北优良天数较2013年分别增加95天、87天及121天;"
                   "重污染天数则分别减少50天、37天和69天。")
    assert [by_value(cs, v).region for v in ("50", "37", "69")] == ["beijing", "tianjin", "hebei"]


def test_a_respective_list_of_things_is_not_a_list_of_places() -> None:
    _, cs = claims("4月17日,记者从位于廊坊的京南产业园获悉:今年一季度新签约项目23个,其中来自北京的项目14个、"
                   "投资额98亿元,分别占总数的60.9%和62.8%。")
    assert by_value(cs, "60.9").region != "beijing"


def test_the_ledes_one_region_is_the_default_subject() -> None:
    text = ("京南产业园一季度经济运行观察\n\n"
            "4月17日,记者从位于廊坊的京南产业园管委会获悉,一季度园区经济运行开局平稳。\n\n"
            "今年一季度,园区实现地区生产总值86.4亿元,同比增长6.8%。\n")
    _, cs = claims(text, date=dt.date(2024, 4, 18))
    assert by_value(cs, "8640000000").region == "langfang"


def test_a_title_is_about_the_narrower_region_a_broader_one_qualifies() -> None:
    fr, _ = claims("China's Hebei steel hub squeezes output\n\nSteel output fell 8.3 percent in December.\n")
    assert fr.home_region == "hebei"
    fr, _ = claims("河北11市PM2.5浓度排名出炉 张家口连续领跑\n\n全省11个设区市中有3个城市达标。\n")
    assert fr.home_region == "hebei"


def test_a_bare_month_and_years_ago_resolve_against_the_article_date() -> None:
    _, cs = claims("Crude steel output fell 8.3 percent year on year in December.", date=dt.date(2025, 1, 10))
    assert (by_value(cs, "8.3").year, by_value(cs, "8.3").baseline_year) == (2024, 2023)
    _, cs = claims("10年前,全市可再生能源装机还不足600万千瓦。", date=dt.date(2024, 12, 12))
    assert by_value(cs, "6000000").year == 2014


def test_a_semicolon_part_takes_its_own_year_and_now_takes_none() -> None:
    _, cs = claims("截至2017年10月,全市可再生能源装机容量达到1117万千瓦;到2020年底突破2000万千瓦,达到2003.185万千瓦;"
                   "目前已超过3500万千瓦。", date=dt.date(2024, 12, 12))
    assert by_value(cs, "11170000").year == 2017
    assert by_value(cs, "20031850").year == 2020
    assert by_value(cs, "35000000").year is None


def test_a_sentence_without_a_year_stays_in_the_frame_of_its_paragraph() -> None:
    text = ("2019年10月—2020年3月,重点区域细颗粒物(PM2.5)平均浓度同比下降14.9%。\n\n"
            "其中,京津冀及周边地区“2+26”城市PM2.5平均浓度为70微克/立方米,同比下降13.6%。发生重污染395天次。\n\n"
            "十年间,北京企业在津冀两地投资4.9万次。\n")
    _, cs = claims(text)
    assert by_value(cs, "70").year == 2020 and by_value(cs, "395").year == 2020
    assert (by_value(cs, "13.6").year, by_value(cs, "13.6").baseline_year) == (2020, 2019)
    assert by_value(cs, "49000").year is None  # 十年间: cumulative, and a new paragraph


def test_a_year_inside_a_quoted_title_is_no_time_frame() -> None:
    _, cs = claims("张家口荣获“2024年冰雪旅游十佳城市”。发展特色优势产业集群10个。")
    assert by_value(cs, "10").year is None


def test_a_standards_quoted_limit_has_no_metric() -> None:
    _, cs = claims("2023年,张家口、承德、秦皇岛3市PM2.5年均浓度达到国家二级标准(35微克/立方米)。")
    assert by_value(cs, "35").metric is None and by_value(cs, "35").region == "china"


def test_a_target_is_its_metrics_target_and_a_forecast_has_no_metric() -> None:
    _, cs = claims("河北曾提出,到2020年全省PM2.5平均浓度达到55微克/立方米、平均优良天数比率达到63%以上。"
                   "业内人士建议,到2025年全省PM2.5平均浓度力争降至36微克/立方米左右。"
                   "2020年,全省PM2.5平均浓度44.8微克/立方米。")
    assert by_value(cs, "55").metric == "pm25_annual_mean_target"
    assert by_value(cs, "63").metric is None  # the reference tracks no target of that ratio
    assert by_value(cs, "36").metric is None
    assert by_value(cs, "44.8").metric == "pm25_annual_mean"


def test_a_period_across_years_is_not_annual_even_from_the_paragraph_before() -> None:
    text = ("2019年10月—2020年3月,重点区域细颗粒物(PM2.5)平均浓度同比下降14.9%。\n\n"
            "其中,京津冀及周边地区“2+26”城市PM2.5平均浓度为70微克/立方米。\n")
    _, cs = claims(text)
    assert by_value(cs, "14.9").metric is None and by_value(cs, "70").metric is None


def test_an_english_metric_named_right_after_the_figure() -> None:
    _, cs = claims("The capital logged 290 days of good air in 2024 and only eight days of heavy pollution. "
                   "Beijing has shut down over 3,000 manufacturing companies and closed nearly 1,000 markets.")
    assert by_value(cs, "290").metric == "good_air_days"
    assert by_value(cs, "8").metric == "heavy_pollution_days"
    assert by_value(cs, "3000").metric == "manufacturing_firms_exited"
    assert by_value(cs, "1000").metric is None


def test_a_multiple_takes_the_metric_it_multiplies() -> None:
    _, cs = claims("京津冀地区生产总值合计10.4万亿元,是2013年的1.9倍。")
    assert by_value(cs, "1.9").metric == "gdp"


def test_a_region_in_a_policys_name_is_no_subject() -> None:
    text = ("张家口这十年\n来源:张家口新闻网\n"
            "京津冀协同发展十年来,我市加快融入北京一小时经济生活圈。截至目前,京张衔接路网接口达到12个。\n")
    _, cs = claims(text)
    assert by_value(cs, "12").region == "zhangjiakou"


def test_the_city_is_the_city_named_last_and_the_home_region_otherwise() -> None:
    _, cs = claims("Beijing-Tianjin-Hebei GDP up 90 pct\n\nAir quality has improved. Beijing's average PM2.5 "
                   "concentration dropped to 32 in 2023. The city logged 271 days of good air quality last year.",
                   date=dt.date(2024, 2, 23))
    assert by_value(cs, "271").region == "beijing"


def test_a_change_against_a_stated_year_takes_the_year_stated_later_in_the_sentence() -> None:
    _, cs = claims("Compared with 2013, the annual average PM2.5 concentration fell 57.3 percent in Tianjin and "
                   "57.6 percent in Hebei, where the readings stood at 41 and 38.6 micrograms per cubic meter "
                   "respectively in 2023.")
    assert (by_value(cs, "57.3").year, by_value(cs, "57.3").baseline_year) == (2023, 2013)


def test_an_outline_heading_sets_year_and_a_city_heading_sets_whole_city() -> None:
    text = ("关于2023年度全省大气污染防治工作情况的通报\n\n冀气领办〔2024〕12号\n\n一、2023年全省环境空气质量状况\n\n"
            "全省PM2.5平均浓度为38.6微克/立方米,同比上升4.9%。\n\n(一)张家口市环境空气质量\n\n"
            "全市PM2.5平均浓度为18微克/立方米。\n")
    _, cs = claims(text, region="hebei")
    assert (by_value(cs, "38.6").year, by_value(cs, "38.6").region) == (2023, "hebei")
    assert by_value(cs, "4.9").baseline_year == 2022
    assert (by_value(cs, "18").year, by_value(cs, "18").region) == (2023, "zhangjiakou")


def test_a_figure_about_listed_places_together_belongs_to_what_holds_them() -> None:
    _, cs = claims("2023年,11个设区市中,张家口、承德、秦皇岛3市PM2.5平均浓度达到国家二级标准,占设区市总数的27.3%。")
    assert by_value(cs, "3").region == "hebei" and by_value(cs, "27.3").region == "hebei"


def test_a_respective_list_is_the_run_of_joined_figures() -> None:
    _, cs = claims("北京、天津PM2.5年均浓度分别为32、41微克/立方米,河北为38.6微克/立方米。")
    assert [by_value(cs, v).region for v in ("32", "41", "38.6")] == ["beijing", "tianjin", "hebei"]


def test_a_respective_list_of_measures_maps_each_figure_to_its_metric() -> None:
    _, cs = claims("与2013年相比,2024年北京市PM2.5、PM10、二氧化氮和二氧化硫年均浓度分别下降65.9%、50%、57.1%和88.7%。")
    assert [by_value(cs, v).metric for v in ("65.9", "50", "57.1", "88.7")] == [
        "pm25_annual_mean", "pm10_annual_mean", None, None]


def test_a_goal_stated_after_the_figure_and_a_measured_figure_after_the_goal() -> None:
    _, cs = claims("2023年全国PM2.5平均浓度为30微克/立方米,优于32.9微克/立方米的年度目标,"
                   "较2019年(36微克/立方米)改善16.7%。")
    assert by_value(cs, "30").metric == "pm25_annual_mean"
    assert by_value(cs, "32.9").metric == "pm25_annual_mean_target"
    assert by_value(cs, "36").metric == "pm25_annual_mean"


def test_a_concentration_without_a_measure_continues_the_last_named_one() -> None:
    _, cs = claims("Tianjin's average PM2.5 concentration was 38 micrograms per cubic meter in 2024.\n\n"
                   "In 2023 the reading fell 2.1 percent year on year to 41 micrograms.")
    assert by_value(cs, "41").metric == "pm25_annual_mean"
    assert by_value(cs, "2.1").metric == "pm25_annual_mean"


def test_the_whole_a_share_is_taken_of_is_no_subject() -> None:
    _, cs = claims("2023年河北粗钢产量约2亿吨,占全国比重超过两成。")
    assert by_value(cs, "20").region == "hebei"


def test_the_ledes_region_never_makes_a_tracked_figure_checkable() -> None:
    _, cs = claims("# 空气质量\n\n2023年,河北PM2.5平均浓度为38.2微克/立方米。\n\n"
                   "细颗粒物平均浓度从2014年的35微克/立方米降至2023年的18微克/立方米。\n", fmt="markdown")
    assert by_value(cs, "38.2").region == "hebei"
    assert by_value(cs, "18").region is None  # a tracked metric: no region by guess


def test_the_short_text_walk_finds_what_the_names_regex_finds() -> None:
    import random
    from pathlib import Path

    from factcheck.resolve import matcher_for

    matcher = matcher_for(load_reference(default_reference_path()))
    names = sorted(matcher.lookup)
    rnd = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "gold" / "articles").iterdir())]
    for _ in range(2000):
        fillers = ["a", "1", "市", " ", "Hebei", "x", "-", "的"]
        pieces = [rnd.choice(names) if rnd.random() < 0.5 else rnd.choice(fillers) for _ in range(rnd.randint(1, 30))]
        texts.append("".join(p.upper() if rnd.random() < 0.2 else p for p in pieces))
    for text in texts:
        assert matcher._scan_short(text, text.lower()) == [(m.start(), m.end()) for m in matcher.pattern.finditer(text)]


def test_places_in_a_relative_clause_are_no_subject_and_an_anaphoric_opener_carries_the_last() -> None:
    text = ("TIANJIN, Jan. 20 -- Tianjin's average concentration of PM2.5 fell 7.3 percent to 38 micrograms "
            "per cubic meter in 2024.\n\nThe reading was 41 micrograms in 2023.\n\n"
            "Neighboring Hebei province, which borders both Beijing and Tianjin, recorded an average of "
            "37.8 micrograms per cubic meter last year.\n")
    _, cs = claims(text, date=dt.date(2025, 1, 20))
    assert by_value(cs, "41").region == "tianjin"
    assert by_value(cs, "37.8").region == "hebei"


def test_a_standards_quoted_limit_is_filed_where_the_standard_holds() -> None:
    _, cs = claims("Beijing's reading averaged 30.5 micrograms in 2024, "
                   "meeting the national standard of 35 micrograms.")
    assert (by_value(cs, "35").region, by_value(cs, "35").year, by_value(cs, "35").metric) == ("china", None, None)


def test_english_respectively_maps_figures_to_the_listed_measures_and_places() -> None:
    _, cs = claims("Compared with 2013, the annual average concentrations of PM10, nitrogen dioxide and sulfur dioxide "
                   "were down 50 percent, 57.1 percent and 88.7 percent respectively in 2024.")
    assert [by_value(cs, v).metric for v in ("50", "57.1", "88.7")] == ["pm10_annual_mean", None, None]
    _, cs = claims("Compared with 2013, the annual average PM2.5 concentration fell 57.3 percent in Tianjin and "
                   "57.6 percent in Hebei, where the readings stood at 41 and 38.6 micrograms per cubic meter "
                   "respectively in 2023.")
    assert [by_value(cs, v).region for v in ("41", "38.6")] == ["tianjin", "hebei"]


def test_chinese_respectively_after_measures_named_in_their_own_clauses() -> None:
    _, cs = claims("2023年张家口市PM2.5平均浓度为18微克/立方米,空气质量综合指数为2.62,分别较2014年下降48.6%和48.5%。")
    assert by_value(cs, "48.6").metric == "pm25_annual_mean"
    assert by_value(cs, "48.5").metric == "air_quality_composite_index"


def test_a_part_of_a_figure_is_not_the_measure_itself() -> None:
    _, cs = claims("2023年北京重污染天数为8天,其中6天由沙尘天气导致。")
    assert by_value(cs, "8").metric == "heavy_pollution_days" and by_value(cs, "6").metric is None
    _, cs = claims("The city logged only eight days of heavy pollution in 2023, "
                   "six of which were caused by sandstorms.")
    assert by_value(cs, "6").metric is None


def test_a_share_stated_after_a_measure_with_no_share_metric_has_none() -> None:
    _, cs = claims("2023年全省优良天数比率为68.5%,同比下降5.5个百分点;重度及以上污染天数平均为11天,占比3%。")
    assert by_value(cs, "68.5").metric == "good_days_ratio"
    assert by_value(cs, "11").metric == "heavy_pollution_days" and by_value(cs, "3").metric is None


def test_a_multiple_takes_its_baseline_and_hong_kong_year_on_year() -> None:
    _, cs = claims("2024年全市新能源汽车销量同比翻一番。2024年天津PM2.5平均浓度按年下降7.3%。")
    assert by_value(cs, "2").baseline_year == 2023
    assert by_value(cs, "7.3").baseline_year == 2023


def test_a_change_is_not_given_the_measure_of_the_sentence_before() -> None:
    _, cs = claims("截至2023年末,全市常住人口1364万人。全年新增就业约2%。")
    assert by_value(cs, "13640000").metric == "resident_population"
    assert by_value(cs, "2").metric is None


def test_a_table_cell_takes_its_columns_year_and_a_multiple_of_a_standard_no_metric() -> None:
    text = ("---\ndate: 2024-02-01\nregion: beijing\n---\n\n## 京津冀PM2.5年均浓度(微克/立方米)\n\n"
            "| 地区 | 2013年 | 2017年 | 2023年 |\n|---|---|---|---|\n| 北京 | 89.5 | 58 | 32 |\n\n"
            "2013年北京PM2.5年均浓度是国家二级标准的2.6倍。\n")
    _, cs = claims(text, fmt="markdown")
    assert [by_value(cs, v).year for v in ("89.5", "58", "32")] == [2013, 2017, 2023]
    assert {(by_value(cs, v).unit, by_value(cs, v).metric) for v in ("89.5", "58", "32")} == {
        ("μg/m³", "pm25_annual_mean")}  # the unit from the heading's parentheses, over year columns
    assert by_value(cs, "2.6").metric is None


def test_english_names_for_the_capital_region_and_the_nation() -> None:
    _, cs = claims("Coal use in China's capital region fell 5 percent in 2024. Nationally, it rose 1 percent.")
    assert by_value(cs, "5").region == "jingjinji" and by_value(cs, "1").region == "china"


def test_the_field_a_city_is_ranked_in_is_no_subject() -> None:
    text = ("唐山这一年\n来源:唐山新闻网\n"
            "今年1—11月,我市PM2.5平均浓度同比下降7.1%,在全省11个设区市中与廊坊市并列第四;优良天数218天。\n")
    _, cs = claims(text, date=dt.date(2023, 12, 20))
    assert by_value(cs, "218").region == "tangshan"


def test_further_cuts_and_caps_are_goals() -> None:
    _, cs = claims("今年天津力争PM2.5年均浓度降至37微克/立方米左右,较去年再降约1微克/立方米,重污染天数控制在5天以内。")
    assert by_value(cs, "37").metric == "pm25_annual_mean_target"
    assert by_value(cs, "1").metric is None and by_value(cs, "5").metric is None


def test_a_multiple_of_a_quoted_standard_has_no_metric() -> None:
    _, cs = claims("2013年,本市PM2.5年均浓度为89.5微克/立方米,是国家二级标准(35微克/立方米)的2.6倍。", region="beijing")
    assert by_value(cs, "89.5").metric == "pm25_annual_mean" and by_value(cs, "2.6").metric is None
