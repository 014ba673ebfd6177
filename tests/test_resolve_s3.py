"""resolve, session 3: claim forms that fresh articles got wrong (year, region, metric), on sentences written here."""

from __future__ import annotations

import datetime as dt

from resolve_support import by_value, claims

from factcheck.pipeline import check_text
from factcheck.reference import default_reference_path, load_reference


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- a notice's period frame: later paragraphs with no time of their own stay in the period of its opening

NOTICE_ZH = (
    "生态环境部通报重点城市空气质量\n\n"
    "发布时间:2021-04-20 10:00 来源:示例网\n\n"
    "近日,生态环境部通报了2020年10月—2021年3月重点城市环境空气质量情况。"
    "其间,“2+26”城市PM2.5平均浓度为62微克/立方米,同比下降8.1%。\n\n"
    "PM2.5平均浓度最低的3个城市依次是北京、廊坊和沧州,分别为41、47和49微克/立方米。\n"
)


def test_a_later_paragraph_of_a_period_notice_keeps_the_periods_year_and_is_no_annual_mean() -> None:
    cs = claims(NOTICE_ZH)
    for value in ("41", "47", "49"):
        c = by_value(cs, value)
        assert c.year == 2021, (value, c.year)  # the period ends in 2021
        assert c.metric is None, (value, c.metric)  # a winter-half figure, not pm25_annual_mean
    assert by_value(cs, "41").region == "beijing"


def test_a_quarter_notice_frames_its_later_paragraph_in_traditional_script_too() -> None:
    text = ("環保部通報第四季度空氣質量\n\n"
            "發佈時間: 2019-01-12 09:00 |來源:示例網\n\n"
            "據悉,環境部通報“2+26”城市2018年10—12月環境空氣品質有關情況。\n\n"
            "從改善幅度來看,降幅排名前2位的城市為北京和天津市,分別下降21.5%和17.2%。\n")
    cs = claims(text)
    assert [by_value(cs, v).year for v in ("21.5", "17.2")] == [2018, 2018]
    assert by_value(cs, "21.5").metric in (None,)  # no annual metric for a quarter's change


def test_an_opening_on_a_whole_year_sets_no_frame_for_undated_paragraphs() -> None:
    text = ("河北空气质量\n\n"
            "2023年,河北PM2.5平均浓度为38.6微克/立方米。\n\n"
            "河北全省总人口逾7400万人。\n")
    cs = claims(text)
    assert by_value(cs, "38.6").metric == "pm25_annual_mean"
    assert by_value(cs, "74000000").year is None


def test_an_english_event_with_a_year_in_the_opening_is_no_period_frame() -> None:
    text = ("Zhangjiakou, which co-hosted the 2022 Winter Olympics, is a windy city.\n\n"
            "Its power use rose 6 percent year on year.\n")
    cs = claims(text)
    assert by_value(cs, "6").year is None


def test_first_months_of_this_year_in_a_title_take_the_articles_year_and_the_period_metric() -> None:
    text = ("今年前11个月河北PM2.5平均浓度同比下降5.2%\n"
            "2023-12-20 08:00 来源:示例网\n\n"
            "今年1—11月,河北PM2.5平均浓度为36微克/立方米,同比下降5.2%。\n")
    cs = claims(text)
    title = by_value(cs, "5.2", 0)
    assert (title.year, title.metric) == (2023, "pm25_mean_jan_nov")
    assert by_value(cs, "36").metric == "pm25_mean_jan_nov"


# --- 全省 / 全市: the place named right before it, never a group region

def test_province_pronoun_glued_to_a_named_province_is_that_province_in_a_regional_article() -> None:
    text = ("京津冀空气质量十年\n\n"
            "2023年,京津冀地区优良天数平均为233天;河北全省优良天数为250天,重污染天数为11天。\n")
    cs = claims(text)
    assert by_value(cs, "233").region == "jingjinji"
    assert by_value(cs, "250").region == "hebei"
    assert by_value(cs, "11").region == "hebei"


def test_province_pronoun_with_a_group_home_is_the_province_named_before_not_the_group() -> None:
    text = ("京津冀空氣品質觀察\n\n"
            "京津冀地區2023年PM2.5平均濃度為38微克/立方米。\n\n"
            "河北省生態環境廳表示,2024年將力爭全省優良天數比例達到70%以上。\n")
    cs = claims(text)
    assert by_value(cs, "70").region == "hebei"


def test_city_pronoun_glued_to_a_named_city_is_that_city() -> None:
    cs = claims("2023年,廊坊全市新增新能源汽车1.5万辆。", region="tangshan")
    assert by_value(cs, "15000").region == "langfang"


def test_a_count_inside_a_ranking_scope_counts_the_scopes_members() -> None:
    cs = claims("2023年,我市PM2.5平均浓度为39微克/立方米,在全省11个设区市中排名第四。", region="tangshan")
    assert by_value(cs, "39").region == "tangshan"
    assert by_value(cs, "11").region == "hebei"


# --- English and Chinese year forms

def test_bulleted_items_stay_in_the_year_of_the_line_introducing_the_list() -> None:
    text = ("Regional energy data\n\nFigures for 2023 from the statistics bureau:\n\n"
            "* Beijing: power use up 4.2 percent year on year\n"
            "* Tianjin: gas-fired capacity added 0.8 million kilowatts from 2022\n")
    cs = claims(text)
    assert by_value(cs, "4.2").year == 2023
    assert by_value(cs, "800000").year == 2023


def test_bulleted_items_in_chinese_stay_in_the_year_of_the_lead_in() -> None:
    text = ("河北能源数据\n\n2023年主要指标如下:\n\n"
            "- 张家口:可再生能源装机达到3500万千瓦\n- 承德:新增光伏装机120万千瓦\n")
    cs = claims(text)
    assert by_value(cs, "35000000").year == 2023
    assert by_value(cs, "1200000").year == 2023


def test_an_unbulleted_paragraph_after_a_colon_line_does_not_inherit_its_year() -> None:
    text = "Figures for 2023 were released:\n\nTianjin's power use rose 3.1 percent year on year.\n"
    assert by_value(claims(text), "3.1").year is None


def test_the_year_of_what_a_multiple_compares_with_is_not_its_own_year() -> None:
    text = "Figures for 2024:\n\n* Hebei: GDP of 4.7 trillion yuan, more than twice the 2013 level\n"
    assert [c.year for c in claims(text) if c.kind == "multiple"] == [2024]
    cs = claims("In 2024 the region's output was 11 trillion yuan, twice the level of 2013.")
    twice = [c for c in cs if c.kind == "multiple"]
    assert twice and twice[0].year == 2024
    zh = claims("2023年,京津冀地区生产总值10.4万亿元,是2013年的1.9倍。")
    assert [c.year for c in zh if c.kind == "multiple"] == [2023]


def test_a_wire_dateline_without_a_year_is_dated_by_the_weekday_the_story_names() -> None:
    text = ("Beijing air report\n\nBEIJING, Jan. 15 -- Beijing's average PM2.5 concentration fell to 32 micrograms "
            "per cubic meter in 2023, the bureau said on Monday. The city logged 271 days of good air last year, "
            "95 more than in 2013.\n")
    ref = load_reference(default_reference_path())
    assert check_text(text, ref).files[0].published == "2024-01-15"  # the Monday among 2023-2025's Jan. 15
    cs = claims(text)
    assert by_value(cs, "271").year == 2023  # "last year" of a story dated Monday, Jan. 15, 2024
    assert by_value(cs, "32").year == 2023


def test_a_wire_dateline_without_a_weekday_stays_undated() -> None:
    text = ("BEIJING, Jan. 15 -- Beijing's average PM2.5 concentration fell to 32 micrograms per cubic meter "
            "in 2023. The city logged 271 days of good air last year.\n")
    ref = load_reference(default_reference_path())
    assert check_text(text, ref).files[0].published is None


def test_a_figure_with_its_own_year_right_after_it_beats_the_sentences_year() -> None:
    text = ("Hebei cut its PM2.5 concentration to 37.8 micrograms per cubic meter in 2024, well below "
            "the 108 micrograms per cubic meter recorded in 2013.")
    cs = claims(text)
    assert by_value(cs, "37.8").year == 2024
    assert by_value(cs, "108").year == 2013


def test_a_change_over_the_period_spans_the_sentences_first_and_last_years() -> None:
    text = ("The 2024 reading of 30.5 micrograms compares with 89.5 micrograms per cubic meter in 2013, "
            "a decline of 65.9 percent over the period.")
    drop = by_value(claims(text), "65.9")
    assert (drop.year, drop.baseline_year) == (2024, 2013)


def test_a_chinese_wire_dateline_without_a_year_is_dated_by_the_weekday() -> None:
    text = ("新华社石家庄1月16日电(星期二)河北省生态环境厅介绍,去年全省PM2.5平均浓度为38.6微克/立方米。\n"
            "2023年数据如此。\n")
    ref = load_reference(default_reference_path())
    assert check_text(text, ref).files[0].published == "2024-01-16"


# --- metrics where they do not fit: prefer none over a wrong one

def test_a_list_of_measures_gives_unknown_pollutants_no_metric_not_the_known_ones() -> None:
    cs = claims("2023年,全市PM10、二氧化硫、一氧化碳浓度分别为70、9、1.1微克/立方米。")
    assert by_value(cs, "70").metric == "pm10_annual_mean"
    assert by_value(cs, "9").metric is None
    assert by_value(cs, "1.1").metric is None


def test_a_list_of_places_or_years_before_respectively_is_no_list_of_measures() -> None:
    cs = claims("2022年、2023年全市优良天数分别为300天、310天。", region="langfang")
    assert [by_value(cs, v).metric for v in ("300", "310")] == ["good_air_days", "good_air_days"]
    cs = claims("2023年,北京、天津PM2.5平均浓度分别为32、41微克/立方米。")
    assert [by_value(cs, v).metric for v in ("32", "41")] == ["pm25_annual_mean", "pm25_annual_mean"]


def test_a_change_of_an_untracked_measure_does_not_take_the_gdp_named_before_it() -> None:
    cs = claims("2023年,全市地区生产总值为2100亿元,同比增长4.9%;规模以上工业增加值同比增长7.2%,"
                "汽车产量增长15.1%。", region="langfang")
    assert by_value(cs, "4.9").metric == "gdp"
    assert by_value(cs, "7.2").metric is None
    assert by_value(cs, "15.1").metric is None
    en = claims("In 2023 Hebei's GDP grew 5.5 percent, while its industrial output rose 6.9 percent.")
    assert by_value(en, "5.5").metric == "gdp"
    assert by_value(en, "6.9").metric is None


def test_a_required_change_is_no_measured_change() -> None:
    cs = claims("2024年,全省各设区市PM2.5平均浓度同比降幅不低于4%;廊坊市同比降幅不低于6%。")
    assert by_value(cs, "4").metric is None and by_value(cs, "6").metric is None
    measured = claims("2023年,廊坊市PM2.5平均浓度同比下降6%。")
    assert by_value(measured, "6").metric == "pm25_annual_mean"


def test_a_range_of_levels_across_cities_is_no_measured_level() -> None:
    cs = claims("2023年,各设区市PM2.5平均浓度在20—45微克/立方米之间,全省平均为37微克/立方米。", region="hebei")
    assert by_value(cs, "20").metric is None
    assert by_value(cs, "37").metric == "pm25_annual_mean"


def test_a_winter_olympics_period_figure_is_no_annual_mean() -> None:
    cs = claims("2022年北京冬奥期间,张家口赛区PM2.5平均浓度仅为19微克/立方米。")
    assert by_value(cs, "19").metric != "pm25_annual_mean"


def test_a_since_metric_needs_a_running_total_in_its_sentence() -> None:
    one_year = claims("去年,全市新签约京津合作项目52个,总投资逾300亿元。", region="zhangjiakou", date=None)
    assert by_value(one_year, "30000000000").metric is None
    total = claims("2014年以来,曹妃甸累计实施京津项目150个,总投资1200亿元。")
    assert by_value(total, "120000000000").metric == "jingjin_project_investment_since_2014"


# --- round 2: a metric's unit in another spelling (公里 for km, people for 人), untracked pollutants


def test_a_figure_in_another_spelling_of_the_metrics_unit_takes_the_metric() -> None:
    cs = claims("2022年，该区域铁路运营里程达到9800公里，土地面积约1.2万平方公里。\n"
                "Hebei had a resident population of 73.9 million people at the end of 2022.\n")
    assert by_value(cs, "9800").metric == "railway_length"
    assert by_value(cs, "12000").metric == "land_area"
    assert by_value(cs, "73900000").metric == "resident_population"


def test_another_unit_of_the_same_dimension_is_no_spelling_of_the_metrics_unit() -> None:
    cs = claims("2022年，该园区土地面积为3000亩。\n")
    assert by_value(cs, "3000").metric is None  # mu is area, but no spelling of km²


def test_home_to_people_is_a_population_but_not_home_to_firms() -> None:
    cs = claims("The province is home to 75 million people and home to 4,000 tech firms.\n")
    assert by_value(cs, "75000000").metric == "population"
    assert by_value(cs, "4000").metric is None


def test_taiwanese_terms_for_installed_capacity_and_servers_name_their_metrics() -> None:
    cs = claims("2023年張家口綠電裝置容量達到3000萬瓩，投運伺服器120萬臺。\n")
    assert by_value(cs, "30000000").metric == "renewable_capacity"
    assert by_value(cs, "1200000").metric == "servers_in_operation"


def test_an_untracked_pollutant_stops_the_carried_concentration_metric() -> None:
    cs = claims("Beijing's PM2.5 concentration was 32 micrograms in 2023. The ozone reading averaged 170 micrograms.\n"
                "2023年，北京PM2.5平均浓度为31微克/立方米。臭氧浓度为175微克/立方米，二氧化氮浓度为26微克/立方米。\n")
    assert by_value(cs, "32").metric == "pm25_annual_mean"
    assert by_value(cs, "31").metric == "pm25_annual_mean"
    for value in ("170", "175", "26"):
        assert by_value(cs, value).metric is None, value


def test_a_co_hosted_event_is_no_pollutant_name() -> None:
    cs = claims("Zhangjiakou's PM2.5 concentration was 23 micrograms in 2023. The city, which co-hosted the "
                "trade fair, averaged 22 micrograms in 2022.\n")
    assert by_value(cs, "22").metric == "pm25_annual_mean"


# --- round 2: a change of "the figure" / "the level" / 该数值, and a change stated right after its level


def test_a_change_of_the_figure_measures_what_the_sentence_before_named() -> None:
    cs = claims("Tianjin's annual average PM2.5 concentration was 40 micrograms in 2024.\n"
                "The 2024 figure is 56.2 percent lower than in 2013.\n\n"
                "Hebei's average PM2.5 reading was 37 micrograms in 2024. Compared with 2013, Hebei's 2024 level was "
                "down 65.5 percent.\n")
    assert by_value(cs, "56.2").metric == "pm25_annual_mean"
    assert by_value(cs, "65.5").metric == "pm25_annual_mean"


def test_a_change_of_this_value_in_chinese_measures_what_was_named_before() -> None:
    cs = claims("2024年，天津PM2.5平均浓度为40微克/立方米。该数值较2013年下降56.2%。\n")
    assert by_value(cs, "56.2").metric == "pm25_annual_mean"


def test_a_change_with_no_anaphor_or_after_another_measure_is_not_carried() -> None:
    cs = claims("Tianjin's annual average PM2.5 concentration was 40 micrograms in 2024.\n"
                "Industrial output rose 5.5 percent.\n"
                "Ozone pollution worsened in summer. The figure rose 4.5 percent.\n"
                "The city logged 280 days of good air in 2024. The reading fell 3.5 percent.\n")
    for value in ("5.5", "4.5"):
        assert by_value(cs, value).metric is None, value
    # "the reading" is a concentration's: the good-air days named last are no reading, so the PM2.5 metric is
    # the one meant, never good_air_days
    assert by_value(cs, "3.5").metric in (None, "pm25_annual_mean")


def test_a_change_stated_right_after_a_level_changes_that_levels_metric() -> None:
    cs = claims("2024年北京PM2.5平均浓度为30.5微克/立方米。受气象条件影响，2023年年均浓度回升至32微克/立方米，"
                "与2013年相比仍下降64.2%。\n"
                "In 2013 Beijing's PM2.5 concentration was 89.5 micrograms. The 2024 reading compares with "
                "30.5 micrograms in 2013, a decline of 63.9 percent over the period.\n")
    assert by_value(cs, "32").metric == "pm25_annual_mean"
    assert by_value(cs, "64.2").metric == "pm25_annual_mean"
    assert by_value(cs, "63.9").metric == "pm25_annual_mean"


def test_a_change_after_a_level_with_another_measure_or_place_between_is_not_that_levels() -> None:
    cs = claims("2024年北京PM2.5平均浓度为30.5微克/立方米，工业增加值同比增长6.1%。\n\n"
                "2024年北京PM2.5平均浓度为30.5微克/立方米。全年年均浓度为31微克/立方米，天津同比下降4.7%。\n")
    assert by_value(cs, "6.1").metric is None
    assert by_value(cs, "4.7").metric is None


# --- round 2: a share of the good-air days is the good-days ratio


def test_a_share_of_the_year_after_good_air_days_is_the_good_days_ratio() -> None:
    cs = claims("2024年，全市空气质量优良天数达到287天，占全年天数的78.4%。全省平均优良天数为250天，占比为68.3%。\n"
                "Last year the city logged 287 days of good air, or 78.6 percent of the year. "
                "Its good-air days made up 68.1 percent of the year.\n")
    for value in ("78.4", "68.3", "78.6", "68.1"):
        assert by_value(cs, value).metric == "good_days_ratio", value


def test_a_share_of_heavy_pollution_days_or_of_something_else_gets_no_ratio() -> None:
    cs = claims("2024年，全省重度污染及以上天数平均为11天，占比3.1%。\n"
                "The city logged 287 days of good air, and coal made up 21.5 percent of its energy use.\n")
    assert by_value(cs, "3.1").metric is None
    assert by_value(cs, "21.5").metric is None


# --- round 2: groups named by a count of their cities or by "the region"


def test_the_28_cities_are_the_2_plus_26_group_when_the_article_names_it() -> None:
    cs = claims("生态环境部通报“2+26”城市2017年10—12月空气质量情况。\n\n28个城市PM2.5平均浓度均同比下降。\n\n"
                "Nationally, cities averaged 29 micrograms, and the 28 cities of the \"2+26\" group averaged 44, "
                "down 2.4 percent.\n")
    assert by_value(cs, "28", 0).region == "jingjinji_zhoubian"
    assert by_value(cs, "28", 1).region == "jingjinji_zhoubian"
    assert by_value(cs, "44").region == "jingjinji_zhoubian"
    assert by_value(cs, "2.4").region == "jingjinji_zhoubian"


def test_28_cities_without_the_group_or_of_a_named_province_are_not_the_group() -> None:
    assert by_value(claims("2023年，河北有28个城市开展了检查。\n"), "28").region != "jingjinji_zhoubian"
    cs = claims("“2+26”城市空气质量有所改善。\n\n河北省有28个城市开展了检查。\n")
    assert by_value(cs, "28").region != "jingjinji_zhoubian"


def test_74_cities_are_the_country_only_when_the_context_is_national() -> None:
    cs = claims("十年前，河北曾是全国大气污染最重的地区之一。据统计，当年74个城市中邢台排名垫底。\n")
    assert by_value(cs, "74").region == "china"
    cs = claims("2013年，河北开展监测。据统计，当年74个城市中邢台排名垫底。\n")
    assert by_value(cs, "74").region != "china"


def test_the_region_is_the_group_region_named_before() -> None:
    cs = claims("Beijing-Tianjin-Hebei region marks a decade of integration.\n\n"
                "Beijing's output grew. In 2022 the region's GDP reached 10 trillion yuan.\n"
                "2023年京津冀地区协同发展。北京GDP增长。该区域地区生产总值达10.4万亿元。\n")
    assert by_value(cs, "10000000000000").region == "jingjinji"
    assert by_value(cs, "10400000000000").region == "jingjinji"


def test_the_region_with_no_group_named_is_no_region_of_the_reference() -> None:
    cs = claims("Tianjin's economy grew. In 2022 the region's GDP reached 1.6 trillion yuan.\n")
    assert by_value(cs, "1600000000000").region == "tianjin"  # unchanged: no group for "the region" to stand for


# --- round 2: a place's output or economy in yuan is its GDP; steel output is not


def test_a_places_output_or_economy_in_yuan_is_its_gdp() -> None:
    cs = claims("Hebei's 2023 output reached 4.4 trillion yuan, 1.7 times that of 2013.\n"
                "Since 2013, the province's economy has grown by about 70 percent.\n"
                "2023年，河北经济总量达到4.39万亿元。\n")
    assert by_value(cs, "4400000000000").metric == "gdp"
    assert by_value(cs, "1.7").metric == "gdp"
    assert by_value(cs, "70").metric == "gdp"
    assert by_value(cs, "4390000000000").metric == "gdp"


def test_output_in_tonnes_or_a_change_beside_tonnes_is_no_gdp() -> None:
    cs = claims("In 2024, Hebei's output dropped 2.5 percent to roughly 195 million tonnes.\n"
                "Its output of steel was 190 million tonnes in 2023.\n")
    assert by_value(cs, "2.5").metric is None
    assert by_value(cs, "195000000").metric is None
    assert by_value(cs, "190000000").metric is None


def test_a_place_the_group_lies_around_is_no_subject() -> None:
    cs = claims("In 2023, the 28 cities of the \"2+26\" group around the capital averaged 42 micrograms.\n"
                "Beijing's PM2.5 concentration was 32 micrograms in 2023.\n")
    assert by_value(cs, "42").region == "jingjinji_zhoubian"
    assert by_value(cs, "32").region == "beijing"


# --- round 3: the year by the gold convention (phrase, sentence, heading, 今年 / 去年, a bare period)

def test_a_period_between_two_dates_or_years_is_dated_by_its_later_end() -> None:
    text = ("本报讯 本采暖季(2022年11月15日至2023年3月15日)全市PM2.5平均浓度为55微克/立方米,同比下降6.1%。"
            "与2019—2020年采暖季相比,优良天数增加12天。\n\n2022年,全市PM2.5平均浓度为40微克/立方米。\n")
    cs = claims(text, date=_date("2023-03-20"))
    assert by_value(cs, "55").year == 2023
    assert (by_value(cs, "6.1").year, by_value(cs, "6.1").baseline_year) == (2023, 2022)
    # the later end of a period compared with is compared with too; 本采暖季 of the sentence before does not reach
    assert by_value(cs, "12").year is None
    assert by_value(cs, "40").year == 2022  # guard: a plain year is still the figure's year


def test_a_bare_part_of_a_year_is_the_latest_such_period_before_the_article() -> None:
    en = ("Steel output\n\nIn the first three quarters, the city's coal use fell 3.5 percent year on year to 61 "
          "million tonnes. Its GDP grew 4.8 percent year on year in the first half.\n")
    cs = claims(en, date=_date("2024-11-02"))
    assert (by_value(cs, "3.5").year, by_value(cs, "3.5").baseline_year) == (2024, 2023)
    assert by_value(cs, "61000000").year == 2024
    assert by_value(cs, "4.8").year == 2024
    assert by_value(cs, "3.5").metric is None  # not an annual figure
    zh = "前三季度,全市地区生产总值同比增长5.3%。\n"
    assert by_value(claims(zh, date=_date("2024-02-01")), "5.3").year == 2023  # Jan-Sep 2024 had not ended
    # guards: a stated year wins; with no article date there is nothing to resolve against
    assert by_value(claims("2021年前三季度,全市地区生产总值同比增长6.6%。\n", date=_date("2024-02-01")),
                    "6.6").year == 2021
    assert by_value(claims(zh), "5.3").year is None


def test_this_heating_season_is_the_season_ending_after_the_article_date() -> None:
    text = "本采暖季,全市完成清洁取暖改造1.2万户。\n"
    assert by_value(claims(text, date=_date("2024-03-10")), "12000").year == 2024
    assert by_value(claims(text, date=_date("2024-12-01")), "12000").year == 2025


def test_an_earlier_sentence_of_the_paragraph_does_not_date_a_figure() -> None:
    text = ("2023年,全市PM2.5平均浓度为35微克/立方米。全市常住人口约520万人。"
            "The port handled 20 million boxes in 2023. The city's 13.5 million people rely on it.\n\n"
            "2023年,全市新增绿地120公顷。其中,新建公园15个。\n")
    cs = claims(text)
    assert by_value(cs, "5200000").year is None
    assert by_value(cs, "13500000").year is None
    assert by_value(cs, "15").year == 2023  # guard: 其中 breaks down the figures of the sentence before


def test_a_change_takes_the_later_of_the_years_its_sentence_names() -> None:
    text = "Good-air days rose to 290 last year from 176 in 2013, an increase of 114 days.\n"
    cs = claims(text, date=_date("2025-01-10"))
    assert by_value(cs, "114").year == 2024
    assert by_value(cs, "176").year == 2013  # guard: a level keeps its own year


def test_the_same_period_last_year_and_measured_against_are_comparisons() -> None:
    text = ("Tangshan's PM2.5 average stood at 44 micrograms in the first half, down 6.2 percent from the same "
            "period last year. Measured against 2022, when the city logged 240 good days, the count rose 5 "
            "percent.\n")
    cs = claims(text, date=_date("2023-07-20"))
    assert (by_value(cs, "6.2").year, by_value(cs, "6.2").baseline_year) == (2023, 2022)
    assert by_value(cs, "240").year == 2022  # the figure of the year its "when" clause describes


def test_the_one_year_a_sentence_states_after_its_figures_dates_them_all() -> None:
    text = ("The city plans to add more than 2,000 charging points and to retire about 4,000 old taxis in 2026.\n"
            "Output up 80 pct as smog falls\n2024-02-23 16:05:12 | wire draft\n")
    cs = claims(text, date=_date("2025-01-10"))
    assert by_value(cs, "2000").year == 2026
    assert by_value(cs, "4000").year == 2026
    assert by_value(cs, "80").year is None  # guard: a dateline on the next line dates no figure of the title
    two = claims("It added 1,500 points in 2024 and plans 3,000 more in 2026.\n")
    assert by_value(two, "1500").year == 2024  # guard: with two years each figure keeps its own


# --- round 4: region and metric

def test_a_sections_undated_paragraphs_are_in_the_period_of_its_heading() -> None:
    text = ("# 关于2022年1—8月全市空气质量状况的通报\n\n"
            "## 一、2022年1—8月总体情况\n\n"
            "全市PM2.5平均浓度为41微克/立方米,同比下降6.1%;优良天数比例为66.3%。\n\n"
            "## 二、重点区县情况\n\n"
            "迁安市PM2.5平均浓度由上年同期的47微克/立方米降至43微克/立方米。遵化市优良天数比例同比下降2.2个百分点。\n")
    cs = claims(text, fmt="md")
    for value in ("41", "6.1", "66.3", "47", "43", "2.2"):
        assert by_value(cs, value).metric is None, value  # January-August figures: no annual metric


def test_a_heading_on_a_whole_year_or_a_sentence_with_its_own_year_keeps_the_annual_metric() -> None:
    text = ("# 2022年全市空气质量状况\n\n"
            "## 一、2022年总体情况\n\n"
            "全市PM2.5平均浓度为39微克/立方米。\n\n"
            "## 二、2023年1—3月工作要求\n\n"
            "2023年全市PM2.5年均浓度控制在37微克/立方米以内。\n")
    cs = claims(text, fmt="md")
    assert by_value(cs, "39").metric == "pm25_annual_mean"
    assert by_value(cs, "37").metric == "pm25_annual_mean_target"


def test_a_standards_limit_stated_with_its_name_is_no_measurement() -> None:
    cs = claims("全市PM2.5年平均浓度二级标准限值为35微克/立方米,24小时平均浓度二级标准限值为75微克/立方米。"
                "2023年全市PM2.5年均浓度为38微克/立方米。\n\n"
                "In 2023 Beijing's PM2.5 concentration was 32 micrograms, against a national standard limit of "
                "35 micrograms.\n")
    assert [by_value(cs, v).metric for v in ("35", "75")] == [None, None]
    assert [by_value(cs, v).region for v in ("35", "75")] == ["china", "china"]
    assert by_value(cs, "35", 1).metric is None
    assert by_value(cs, "38").metric == "pm25_annual_mean"  # a measured figure after the limits keeps its metric
    assert by_value(cs, "32").metric == "pm25_annual_mean"


def test_its_average_is_the_measure_last_called_an_average() -> None:
    text = ("Tianjin said its average PM2.5 concentration fell to 35 micrograms per cubic meter in 2024.\n\n"
            "Against 2015, the reading is 50 percent lower, and PM10 is down 40 percent.\n\n"
            "Between 2015 and 2019 the city cut its average from 70 to 51 micrograms. "
            "It then took five more years to remove a further 16 micrograms.\n\n"
            "Hebei's average fell 3.2 percent to 36.6 micrograms in 2024 and Beijing's fell 5.1 percent to "
            "30.4 micrograms, both above the nationwide average of 29.1 micrograms.\n")
    cs = claims(text)
    for value in ("70", "51", "16", "3.2", "36.6", "5.1", "30.4", "29.1"):
        assert by_value(cs, value).metric == "pm25_annual_mean", value
    assert [by_value(cs, v).region for v in ("3.2", "36.6")] == ["hebei", "hebei"]
    assert [by_value(cs, v).region for v in ("5.1", "30.4")] == ["beijing", "beijing"]


def test_an_average_of_something_else_or_a_measure_not_called_an_average_is_not_its_average() -> None:
    text = ("Beijing's average PM2.5 concentration was 31 micrograms in 2024.\n\n"
            "The average wage in the city rose 6 percent in 2024.\n\n"
            "Tianjin's PM10 average was 55 micrograms in 2024, and its PM2.5 concentration was 33 micrograms.\n\n"
            "Residents said their average fell to 20 micrograms.\n")
    cs = claims(text)
    assert by_value(cs, "6").metric is None  # "the average wage": the noun after "average" is the measure
    assert by_value(cs, "20").metric == "pm10_annual_mean"  # the measure called an average, not the last named


def test_a_place_listed_with_and_before_a_possessive_stays_an_object() -> None:
    cs = claims("Hebei and Tianjin's combined exports rose 8 percent in 2024.\n")  # no figure before "and"
    assert by_value(cs, "8").region != "tianjin"


def test_places_named_as_partners_or_origins_are_no_subject_nor_a_respective_list() -> None:
    text = ("天津市2023年工作总结\n\n"
            "2023年,全市引进北京、河北企业投资项目1500个,到位资金1800亿元,分别增长8.5%和3.2%。"
            "深化与北京、河北的产业协作,全市新增注册企业超过900家。\n")
    cs = claims(text)
    for value in ("1500", "180000000000", "8.5", "3.2", "900"):
        assert by_value(cs, value).region == "tianjin", value  # the report's own city (its title), not a partner


def test_a_list_of_places_as_subjects_keeps_its_respective_figures() -> None:
    cs = claims("2023年,PM2.5平均浓度降幅最大的是石家庄、北京和廊坊市,分别下降12.1%、10.3%和9.8%。"
                "北京、天津和河北分别为32、41和38.6微克/立方米。\n")
    assert [by_value(cs, v).region for v in ("12.1", "10.3", "9.8")] == ["shijiazhuang", "beijing", "langfang"]
    assert [by_value(cs, v).region for v in ("32", "41", "38.6")] == ["beijing", "tianjin", "hebei"]


_FILLER = ("Officials credited the closure of small boilers, tighter truck rules and the switch from coal to gas in "
           "rural homes, measures that residents say changed how winters feel in the province. ")


def test_a_concentration_far_from_its_measure_takes_the_only_one_named_before() -> None:
    text = ("In 2015 Hebei averaged 77 micrograms of PM2.5 per cubic meter.\n\n" + _FILLER * 4 + "\n\n"
            "Yet Hebei's 38.6 micrograms last year is still above the standard.\n")
    assert by_value(claims(text), "38.6").metric == "pm25_annual_mean"


def test_a_far_concentration_with_rival_measures_or_another_pollutant_gets_none() -> None:
    rivals = ("In 2015 Hebei averaged 77 micrograms of PM2.5 per cubic meter and 120 micrograms of PM10.\n\n"
              + _FILLER * 4 + "\n\nYet Hebei's 38.6 micrograms last year is still above the standard.\n")
    assert by_value(claims(rivals), "38.6").metric is None
    ozone = ("In 2015 Hebei averaged 77 micrograms of PM2.5 per cubic meter.\n\n" + _FILLER * 4 + "\n\n"
             "Ozone is the new worry. Hebei's 170 micrograms last year is above the standard.\n")
    assert by_value(claims(ozone), "170").metric is None


def test_the_level_a_change_arrives_at_measures_what_the_change_measures() -> None:
    text = ("Since 2013, the Beijing-Tianjin-Hebei region's economy has grown by about 90 percent, to 10.4 trillion "
            "yuan last year. Good-air days rose 20 percent, to 250 days, while output rose 5 percent, to 4 "
            "trillion yuan.\n")
    cs = claims(text)
    assert by_value(cs, "10400000000000").metric == "gdp"
    assert by_value(cs, "250").metric == "good_air_days"
    assert by_value(cs, "4000000000000").metric != "good_air_days"  # a change of another measure in between


def test_a_travel_time_between_places_belongs_to_what_holds_them_or_to_none() -> None:
    cs = claims("2023年,石家庄至保定高铁最快仅需35分钟。从北京出发,乘车到武清仅用40分钟。"
                "The new line links Tangshan to Cangzhou in 80 minutes.\n")
    assert by_value(cs, "35").region == "hebei"
    assert by_value(cs, "40").region is None  # Beijing and a Tianjin district: no region of the reference holds both
    assert by_value(cs, "80").region == "hebei"


def test_a_duration_of_one_place_or_days_between_places_keep_the_subject() -> None:
    cs = claims("2023年,唐山市居民平均通勤时间为35分钟。北京与天津优良天数分别为271天和267天。\n")
    assert by_value(cs, "35").region == "tangshan"
    assert [by_value(cs, v).region for v in ("271", "267")] == ["beijing", "tianjin"]


# --- the article's subject region: a release about one province gives it to the figures of paragraphs naming no place

SUBJECT_EN = (
    "Grid Operator Posts Record Year\n\n"
    "BAODING, China, March 2, 2024 -- A grid operator based in Hebei Province today reported its results for 2023.\n\n"
    "Its PM2.5 average concentration fell to 37 micrograms per cubic meter in 2023.\n\n"
    "Peak load rose 6.4% year on year to 41.5 GW in 2023.\n\n"
    "Renewable output in Chengde climbed 12% in 2023.\n\n"
    "Elsewhere in Hebei, wind output rose 9% in 2023.\n"
)


def test_a_release_about_one_province_gives_it_to_unplaced_figures_even_of_a_tracked_metric() -> None:
    cs = claims(SUBJECT_EN)
    pm = by_value(cs, "37")
    assert pm.metric == "pm25_annual_mean" and pm.region == "hebei"  # "BAODING, China" only qualifies the dateline
    assert by_value(cs, "6.4").region == "hebei"
    assert by_value(cs, "12").region == "chengde"  # a paragraph naming a place keeps its own


def test_an_aside_on_another_region_keeps_its_paragraph_and_the_one_continuing_it_unplaced() -> None:
    text = SUBJECT_EN + ("\nBeijing's peak load rose 3.1% in 2023.\n\n"
                         "Its PM2.5 average concentration fell to 30 micrograms per cubic meter in 2023.\n")
    cs = claims(text)
    assert by_value(cs, "6.4").region == "hebei"  # one aside among the subject's paragraphs
    assert by_value(cs, "3.1").region == "beijing"
    assert by_value(cs, "30").region is None  # "Its …" continues the Beijing paragraph: no guess


def test_no_subject_when_asides_rival_the_subject() -> None:
    text = SUBJECT_EN + "".join(f"\n{p} output rose {v}% in 2023.\n" for p, v in
                                (("Beijing", "3.1"), ("Tianjin", "3.2"), ("Shandong", "3.3")))
    assert by_value(claims(text), "6.4").region is None


def test_a_national_article_gives_the_country_to_no_unplaced_figure() -> None:
    text = ("Power Demand Hits New High\n\n"
            "BEIJING, Jan 5 -- China's power use rose 6.7% in 2023 nationwide, the national energy administration "
            "said, with Hebei and Shandong among the fastest.\n\n"
            "Peak load rose 4.2% year on year.\n\n"
            "Wind output in Hebei climbed 11% in 2023.\n")
    cs = claims(text)
    assert by_value(cs, "4.2").region is None
    assert by_value(cs, "11").region == "hebei"


def test_a_two_city_comparison_has_no_subject() -> None:
    text = ("Steel Towns Compared\n\n"
            "Tangshan and Handan, two steel cities of Hebei, both cut output in 2023, officials said on Monday.\n\n"
            "The PM2.5 average concentration fell to 41 micrograms per cubic meter in 2023.\n\n"
            "Tangshan's crude steel output fell 4.8% in 2023.\n\n"
            "Handan's crude steel output fell 3.9% in 2023.\n")
    cs = claims(text)
    assert by_value(cs, "41").region is None
    assert by_value(cs, "4.8").region == "tangshan"


def test_a_title_naming_a_city_keeps_a_province_named_in_the_lede_from_becoming_the_subject() -> None:
    text = ("廊坊去年GDP增长6.1%\n\n"
            "记者从廊坊市统计局获悉,2023年廊坊市地区生产总值比上年增长6.1%,增速比全省高0.6个百分点。\n\n"
            "工业生产稳中有进,规模以上工业增加值增长7.4%。\n")
    cs = claims(text)
    assert by_value(cs, "7.4").region in (None, "langfang")  # never the province the lede compares with
    text = ("河北廊坊:经济运行稳中有进\n\n"
            "记者从河北省廊坊市统计局获悉,2023年廊坊市地区生产总值比上年增长6.1%。\n\n"
            "工业生产稳中有进,规模以上工业增加值增长7.4%。\n\n"
            "廊坊市社会消费品零售总额增长6.3%。\n")
    assert by_value(claims(text), "7.4").region == "langfang"  # 河北 only qualifies 廊坊


# --- English lists of places: a figure about "Zhangjiakou and Chengde" belongs to what holds them both

def test_a_figure_after_an_english_list_of_places_takes_what_holds_them_all() -> None:
    text = ("In 2023 the company added 2.4 GW of capacity, mostly in Zhangjiakou and Chengde; its wind farms "
            "generated 14.6 billion kilowatt-hours, up 21.7% year on year.\n\n"
            "The share of solar in its generation rose to 21.2% in 2023.\n")
    cs = claims(text)
    assert by_value(cs, "21.7").region == "hebei"
    assert by_value(cs, "21.2").region == "hebei"  # "The share …" carries the list, not its first place
    cs = claims("Beijing, Tianjin and Hebei together produced output that rose 5.2% in 2023.")
    # the three together are the group (session 4: resolve's GROUP_MEMBERS; two of the three are not)
    assert by_value(cs, "5.2").region == "jingjinji"
    cs = claims("Tangshan, Hebei's steel hub, cut output 4.8% in 2023.")
    assert by_value(cs, "4.8").region == "tangshan"  # a comma alone is no list


# --- a place inside an apposition describing the place before it is no subject

def test_a_province_inside_an_apposition_is_not_the_subject() -> None:
    text = ("Hebei's renewable capacity rose 19.6% in 2023. Zhangjiakou alone, the province's largest renewable "
            "base, saw its renewable energy capacity pass 20 million kilowatts at the end of 2020.\n\n"
            "In Handan, another steel city in the south of the province, the first-half average was 47 micrograms, "
            "down 6 percent.\n")
    cs = claims(text)
    assert by_value(cs, "20000000").region == "zhangjiakou"
    assert by_value(cs, "47").region == "handan"
    assert by_value(cs, "6").region == "handan"
    # Not an apposition: after a clause with a figure, "the province's" is the next clause's subject.
    cs = claims("Hebei's average fell 2 percent in 2023. Handan recorded 47 micrograms in 2023, and the province's "
                "good days rose 5 percent.")
    assert by_value(cs, "5").region == "hebei"


# --- round 6: an English bulletin's forms (restated change, "it", "Among them", "striving to", lists, institutions)

BULLETIN_EN = (
    "Beijing air quality in 2023\n\n"
    "Release Date: 2024-01-04\n\n"
    "In 2023, the annual average concentration of PM2.5 in Beijing was 32 micrograms per cubic meter. Affected by "
    "sand and dust in spring, the concentration rose by 2 μg/m³ over 2022, a year-on-year increase of 6.7%.\n\n"
    "Compared with 2013, the annual average concentration of PM2.5 dropped by 64.2%. Compared with 2019, when "
    "conditions were similar, it dropped by 23.8%.\n\n"
    "The annual average concentrations of PM10, nitrogen dioxide (NO2) and sulfur dioxide (SO2) were 61 μg/m³, "
    "26 μg/m³ and 3 μg/m³ respectively.\n\n"
    "Next, Beijing will continue, striving to keep the annual average PM2.5 concentration at around 30 μg/m³ in "
    "2024.\n"
)


def test_a_change_restated_in_percent_after_a_change_measures_the_same() -> None:
    cs = claims(BULLETIN_EN)
    assert by_value(cs, "2").metric == "pm25_annual_mean"
    assert by_value(cs, "6.7").metric == "pm25_annual_mean"


def test_a_change_after_a_change_of_another_clause_is_not_carried() -> None:
    text = ("Beijing, 2024-01-04. In 2023 the annual average concentration of PM2.5 in Beijing was 32 micrograms "
            "per cubic meter. Affected by dust, the concentration rose by 2 μg/m³ over 2022, while flights rose by "
            "6.7%.\n")
    cs = claims(text)
    assert by_value(cs, "2").metric == "pm25_annual_mean"
    assert by_value(cs, "6.7").metric is None  # "while … rose by": no restatement of the change before


def test_it_opening_a_clause_before_its_verb_of_change_is_the_measure_named_before() -> None:
    assert by_value(claims(BULLETIN_EN), "23.8").metric == "pm25_annual_mean"


def test_it_with_an_untracked_measure_named_since_gets_no_metric() -> None:
    text = ("Beijing, 2024-01-04. In 2023 the annual average concentration of PM2.5 in Beijing was 32 micrograms "
            "per cubic meter. Industrial output grew, and it rose by 4.5%.\n")
    assert by_value(claims(text), "4.5").metric is None


def test_an_english_respectively_list_whose_first_piece_holds_the_lead_words() -> None:
    cs = claims(BULLETIN_EN)
    assert by_value(cs, "61").metric == "pm10_annual_mean"
    assert by_value(cs, "26").metric is None  # nitrogen dioxide: no metric of the reference
    assert by_value(cs, "3").metric is None


def test_an_english_respectively_list_of_places_shares_the_measure_named_before_it() -> None:
    text = ("Beijing, 2024-01-04. In 2023, the annual average PM2.5 concentrations of Tianjin and Hebei were "
            "41 μg/m³ and 38.6 μg/m³ respectively.\n")
    cs = claims(text)
    assert [by_value(cs, v).metric for v in ("41", "38.6")] == ["pm25_annual_mean"] * 2
    assert [by_value(cs, v).region for v in ("41", "38.6")] == ["tianjin", "hebei"]


def test_striving_to_states_a_goal() -> None:
    assert by_value(claims(BULLETIN_EN), "30").metric == "pm25_annual_mean_target"


def test_among_them_opens_a_part_not_the_measure() -> None:
    text = ("Beijing, 2024-01-04. In 2023 the number of days with good air quality in Beijing was 271 days. "
            "Among them, 128 days were rated excellent.\n")
    cs = claims(text)
    assert by_value(cs, "271").metric == "good_air_days"
    assert by_value(cs, "128").metric is None


def test_the_three_provinces_after_a_group_named_stand_for_the_group() -> None:
    text = ("Beijing-Tianjin-Hebei coal, 14 March 2024. Coal use in the Beijing-Tianjin-Hebei region fell. "
            "Hebei's steel mills burned less.\n\nCoal consumption in the three provinces fell by 2.4% in 2023.\n")
    assert by_value(claims(text), "2.4").region == "jingjinji"


def test_three_provinces_with_no_group_named_before_stay_unresolved_by_the_anaphor() -> None:
    text = ("Hebei, 14 March 2024. Hebei's steel output fell. Shanxi, Shandong and Henan are the three "
            "provinces that grew by 2.4% in 2023.\n")
    assert by_value(claims(text), "2.4").region != "jingjinji"


def test_an_institution_named_after_a_place_is_no_mention_of_it() -> None:
    text = ("Tianjin air, 2024-01-04\n\nTianjin's air improved in 2023. A Peking University study found that the "
            "PM2.5 concentration was 41 micrograms per cubic meter in 2023.\n\n天津空气质量持续改善。河北大学研究显示,"
            "PM2.5平均浓度为41微克/立方米。\n")
    cs = claims(text)
    assert by_value(cs, "41").region == "tianjin"
    assert by_value(cs, "41", 1).region == "tianjin"


def test_a_place_before_an_ordinary_noun_is_still_a_place() -> None:
    text = "Beijing, 2024-01-04. Beijing universities aside, the PM2.5 concentration of Beijing was 32 micrograms.\n"
    assert by_value(claims(text), "32").region == "beijing"
