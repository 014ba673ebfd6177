"""resolve, session 3: claim forms that fresh articles got wrong (year, region, metric), on sentences written here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.models import Claim
from factcheck.pipeline import Options, check_text
from factcheck.reference import default_reference_path, load_reference


def claims(text: str, fmt: str = "text", **options: Any) -> list[Claim]:
    ref = load_reference(default_reference_path())
    return list(check_text(text, ref, fmt=fmt, options=Options(**options)).files[0].claims)


def by_value(cs: list[Claim], value: str, nth: int = 0) -> Claim:
    hits = [c for c in cs if c.value == Decimal(value)]
    assert len(hits) > nth, [(c.quote, c.value) for c in cs]
    return hits[nth]


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
