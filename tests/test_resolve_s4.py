"""resolve, session 4: claim forms unseen English (and Chinese) articles got wrong, on sentences written here."""

from __future__ import annotations

from decimal import Decimal

from resolve_support import by_value, claims

# --- a limit or a guideline quoted in words: no metric; a Chinese limit is China's, the WHO's no region's

LIMITS_EN = (
    "Cangzhou air report\n\n"
    "Published 3 May 2024\n\n"
    "Cangzhou's PM2.5 averaged 41 micrograms per cubic meter in 2023, some 17% above China's national limit of "
    "35 micrograms and eight times the World Health Organization's guideline of 5 micrograms.\n\n"
    "Doctors in the city say the WHO guideline of 5 micrograms is the one that matters, and the national limit is "
    "35 micrograms.\n"
)


def test_a_limit_quoted_in_words_is_no_measurement_and_belongs_to_its_owner() -> None:
    cs = claims(LIMITS_EN)
    measured = by_value(cs, "41")
    assert (measured.region, measured.metric, measured.year) == ("cangzhou", "pm25_annual_mean", 2023)
    national = by_value(cs, "35")
    assert (national.region, national.metric) == ("china", None)
    who = by_value(cs, "5")
    assert (who.region, who.metric) == (None, None)
    # the multiple of the WHO's guideline is the city's ratio, not China's, and measures nothing
    eight = by_value(cs, "8")
    assert (eight.region, eight.metric) == ("cangzhou", None)
    # the sentence with no year: the limits hold for no year
    later = [c for c in cs if c.line == 7]
    assert [(c.value, c.region, c.metric, c.year) for c in later] == [
        (Decimal(5), None, None, None), (Decimal(35), "china", None, None)]


def test_a_revised_guideline_takes_its_sentences_year_and_no_region() -> None:
    text = ("Guidelines explained\n\nPublished 12 June 2024\n\n"
            "The World Health Organization revised its guidelines in October 2021, lowering the recommended "
            "24-hour mean for PM2.5 from 25 µg/m³ to 15 µg/m³.\n\n"
            "China's Grade II standard allows an annual mean of 35 µg/m³ and a 24-hour mean of 75 µg/m³.\n")
    cs = claims(text)
    for value in ("25", "15"):
        c = by_value(cs, value)
        assert (c.year, c.region, c.metric) == (2021, None, None), value  # "October 2021" is one date, not 2023
    for value in ("35", "75"):
        c = by_value(cs, value)
        assert (c.region, c.metric, c.year) == ("china", None, None), value


def test_a_limit_in_chinese_and_a_measured_level_beside_it() -> None:
    text = ("邢台市空气质量\n\n2024年3月1日\n\n"
            "2023年邢台市PM2.5平均浓度为43微克/立方米,世界卫生组织指导值为5微克/立方米。\n")
    cs = claims(text)
    assert (by_value(cs, "43").region, by_value(cs, "43").metric) == ("xingtai", "pm25_annual_mean")
    assert (by_value(cs, "5").region, by_value(cs, "5").metric) == (None, None)


def test_guard_a_level_that_merely_meets_a_standard_keeps_its_metric() -> None:
    text = ("Beijing air\n\nPublished 2 January 2024\n\n"
            "Beijing's annual average PM2.5 concentration fell to 32 micrograms per cubic meter in 2023, meeting the "
            "national standard for a third year.\n")
    c = by_value(claims(text), "32")
    assert (c.region, c.metric, c.year) == ("beijing", "pm25_annual_mean", 2023)


def test_guard_an_exceedance_of_a_limit_is_no_limit() -> None:
    text = ("Shijiazhuang air\n\nPublished 2 January 2024\n\n"
            "Shijiazhuang averaged 42 micrograms in 2023, exceeding the national limit by 7 micrograms.\n")
    c = by_value(claims(text), "7")
    assert c.region == "shijiazhuang"


# --- a Markdown table whose header row states one year dates its rows

TABLE_MD = (
    "# Cities compared\n\n*Published 12 June 2024*\n\n"
    "| City | PM2.5, 2022 (µg/m³) | Multiple of WHO guideline |\n"
    "|---|---|---|\n"
    "| Tianjin | 37 | 7.4 |\n"
    "| Baoding | 40 | 8.0 |\n"
)


def test_a_table_header_with_one_year_dates_every_cell_and_a_multiple_of_a_guideline_measures_nothing() -> None:
    cs = claims(TABLE_MD, fmt="markdown")
    for value in ("37", "7.4", "40"):
        assert by_value(cs, value).year == 2022, value
    assert by_value(cs, "7.4").metric is None
    assert by_value(cs, "37").region == "tianjin"


def test_guard_a_header_year_compared_with_dates_no_row() -> None:
    text = ("# Change\n\n*Published 12 June 2024*\n\n"
            "| City | Change vs 2013 (%) |\n|---|---|\n| Tianjin | -57 |\n")
    cs = claims(text, fmt="markdown")
    assert all(c.year != 2013 for c in cs), [(c.quote, c.year) for c in cs]


# --- English names of the day-count measures: "good days", "days of good or excellent air", their share and change

DAYS_EN = (
    "Xingtai air\n\nPublished 5 March 2024\n\n"
    "Xingtai logged 240 days of good or excellent air in 2023, 9 fewer than the year before.\n\n"
    "The province logged 255 good days, or 69.9 percent of the year, with 10 days of severe pollution.\n\n"
    "The number of good days has nearly doubled since 2013.\n"
)


def test_english_day_counts_take_their_measure_its_share_and_its_change() -> None:
    cs = claims(DAYS_EN)
    assert (by_value(cs, "240").metric, by_value(cs, "240").region) == ("good_air_days", "xingtai")
    assert by_value(cs, "9").metric == "good_air_days"  # "9 fewer than the year before"
    assert by_value(cs, "255").metric == "good_air_days"
    assert by_value(cs, "69.9").metric == "good_days_ratio"  # "or 69.9 percent of the year"
    assert by_value(cs, "10").metric == "heavy_pollution_days"
    assert by_value(cs, "2").metric == "good_air_days"  # "the number of good days has nearly doubled"


def test_guard_days_that_are_not_good_or_polluted_days_get_no_day_measure() -> None:
    text = ("Tianjin\n\nPublished 5 March 2024\n\n"
            "The trip takes 12 days by sea, and the school stayed indoors on 10 days in January.\n")
    cs = claims(text)
    assert all(c.metric is None for c in cs), [(c.quote, c.metric) for c in cs]


# --- every figure listed in a "when" clause after a year is of that year

def test_every_figure_listed_in_a_when_clause_takes_its_year() -> None:
    text = ("Xingtai air\n\nPublished 5 March 2024\n\n"
            "Compared with 2013, when the city recorded 150 micrograms, 100 good days and 90 heavy-pollution days, "
            "its air has improved.\n")
    cs = claims(text)
    assert [by_value(cs, v).year for v in ("150", "100", "90")] == [2013, 2013, 2013]


def test_guard_a_figure_after_the_when_clause_is_not_of_its_year() -> None:
    text = ("Xingtai air\n\nPublished 5 March 2024\n\n"
            "Compared with 2013, when the city recorded 150 micrograms, the annual concentration has fallen by "
            "70 percent.\n")
    assert by_value(claims(text), "70").year != 2013


# --- round 2: a part-year mean in English words is the period's metric, like 1-11月 in Chinese

def test_english_part_year_means_take_the_period_metric() -> None:
    text = ("Cangzhou air\n\nPublished 9 January 2024\n\n"
            "Cangzhou's average PM2.5 concentration from January to November was 39 micrograms per cubic meter.\n\n"
            "In the first eleven months of last year, Xingtai's PM2.5 concentration averaged 44 micrograms.\n\n"
            "Hengshui averaged 41 micrograms of PM2.5 over the Jan.-Nov. period, according to the bureau.\n\n"
            "Langfang's PM2.5 concentration was 33 micrograms in 2023.\n")
    cs = claims(text)
    for value in ("39", "44", "41"):
        assert by_value(cs, value).metric == "pm25_mean_jan_nov", value
    assert by_value(cs, "33").metric == "pm25_annual_mean"  # guard: a whole year stays annual


def test_chinese_first_months_and_range_spellings_agree() -> None:
    text = ("沧州空气质量\n\n2023年12月10日\n\n"
            "今年前11个月,沧州市PM2.5平均浓度为39微克/立方米。1至11月,衡水市PM2.5平均浓度为41微克/立方米。\n")
    cs = claims(text)
    assert by_value(cs, "39").metric == "pm25_mean_jan_nov"
    assert by_value(cs, "41").metric == "pm25_mean_jan_nov"


def test_a_table_footnote_gives_the_marked_row_its_period() -> None:
    text = ("# City air in 2023\n\nPublished 2 February 2024\n\n"
            "| City | PM2.5, 2023 (µg/m³) |\n|---|---|\n| Baoding | 45 |\n| Handan* | 49 |\n\n"
            "\\* January–November average.\n")
    cs = claims(text, fmt="md")
    assert by_value(cs, "45").metric == "pm25_annual_mean"  # guard: the unmarked row
    assert by_value(cs, "49").metric == "pm25_mean_jan_nov"


def test_a_period_after_the_figure_and_a_compared_year_after_it() -> None:
    text = ("Baoding air\n\nPublished 5 January 2024\n\n"
            "Baoding's PM2.5 averaged 46 micrograms per cubic meter over January-November 2023, exceeding the "
            "national limit by 11 micrograms per cubic meter.\n\n"
            "Last year, Chengde's PM2.5 concentration from January to November was 25 micrograms, down from 41 "
            "micrograms in 2015.\n")
    cs = claims(text)
    assert by_value(cs, "46").metric == "pm25_mean_jan_nov"
    assert by_value(cs, "11").metric is None  # a margin over a limit measures nothing
    assert by_value(cs, "25").metric == "pm25_mean_jan_nov"
    assert by_value(cs, "41").metric == "pm25_annual_mean"  # "from 41 micrograms in 2015": that year's own mean


def test_a_multiple_of_the_who_level_measures_nothing() -> None:
    text = ("Handan air\n\nPublished 5 January 2024\n\n"
            "Handan's PM2.5 concentration was 48 micrograms in 2023, almost ten times the WHO level.\n")
    cs = claims(text)
    assert by_value(cs, "48").metric == "pm25_annual_mean"
    assert by_value(cs, "10").metric is None


# --- round 2: the year a change is measured from, said in words

def test_span_and_compared_years_give_a_change_its_baseline() -> None:
    text = ("Hebei air\n\nPublished 4 March 2024\n\n"
            "Baoding cut its heavy-pollution days by 41 between 2015 and 2023, officials said.\n\n"
            "In 2023, the PM2.5 concentrations of Cangzhou and Xingtai were 42 μg/m³ and 45 μg/m³ respectively, "
            "down 12.5% and 58.2% from 2016.\n\n"
            "Chengde has cut its coal use by 2.1 million tonnes since 2016, the bureau said.\n\n"
            "Compared with 2016, when the city logged 190 good days, Xingtai's 2023 count was up 9 percent.\n")
    cs = claims(text)
    c = by_value(cs, "41")
    assert (c.year, c.baseline_year) == (2023, 2015)
    for value in ("12.5", "58.2"):  # the year after a list of changes is every one's
        assert by_value(cs, value).baseline_year == 2016, value
    assert by_value(cs, "2100000").baseline_year == 2016
    assert by_value(cs, "9").baseline_year == 2016


def test_two_dated_levels_then_their_change_and_a_relative_date() -> None:
    text = ("Letters\n\nPublished 18 April 2024\n\n"
            "Ten years ago Langfang's PM2.5 average was nearly 98 micrograms; last year it was 38, a fall of about "
            "61%.\n\n"
            "Langfang's good-air days rose from 140 in 2015 to 251 in 2023, an increase of 79%.\n")
    cs = claims(text)
    c = by_value(cs, "61")
    assert (c.year, c.baseline_year) == (2023, 2014)  # "ten years ago" against the letter's date
    c = by_value(cs, "79")
    assert (c.year, c.baseline_year) == (2023, 2015)


def test_guard_a_yearly_rate_or_a_goal_has_no_compared_year() -> None:
    text = ("唐山港\n\n2024年1月25日\n\n"
            "展望今年,唐山港计划完成吞吐量8亿吨;到2025年全市港口吞吐量力争达到9亿吨,外贸年均增长5%左右。\n\n"
            "Cangzhou's output was 120 million yuan in 2022 and 150 million yuan in 2023, an annual 8 percent "
            "gain over the decade.\n")
    cs = claims(text)
    assert by_value(cs, "5").baseline_year is None
    assert by_value(cs, "8").baseline_year is None


# --- round 2: "the city" is the place talked about, not one compared with or named beside it

def test_the_city_is_not_the_place_compared_with() -> None:
    text = ("LETTERS | 2 May 2024\n\nSir,\n\n"
            "Your report said Baoding had fewer good-air days than Shijiazhuang last year. It did not. "
            "The city's bureau reported 251 good-air days for 2023.\n")
    assert by_value(claims(text), "251").region == "baoding"


def test_the_city_after_two_cities_side_by_side_is_the_datelines() -> None:
    text = ("Steel town\n\nPublished 3 February 2024\n\n"
            "CHENGDE, China (AP) — The mountain city is counting its visitors.\n\n"
            "The air is cleaner. In 2022, PM2.5 averaged 25 micrograms in Chengde and 30 in Beijing. Last year, the "
            "city's good-air days rose to 310.\n")
    assert by_value(claims(text), "310").region == "chengde"


def test_guard_the_city_named_last_alone_is_still_the_city() -> None:
    text = ("Steel town\n\nPublished 3 February 2024\n\n"
            "CHENGDE, China (AP) — The mountain city is counting its visitors.\n\n"
            "Beijing is the market. In 2023 the city's good-air days rose to 271.\n")
    assert by_value(claims(text), "271").region == "beijing"


# --- round 3: mastheads are institutions; a lede's grammatical subject; county-level places are their prefecture's

def test_a_masthead_named_after_a_place_is_no_subject_and_the_lede_subject_governs() -> None:
    text = ("TIANJIN TV NEWS | NORTHERN CHINA WEEKLY\n"
            "Broadcast: 3 March 2024 | Item 2\n\n"
            "PRESENTER (ZHAO LEI): Good evening. Tangshan is counting the cost of its steel cuts this spring.\n\n"
            "REPORTER: The mill on the river used to employ some 6,000 workers. About 1,200 of them now work in "
            "logistics.\n")
    cs = claims(text)
    for value in ("6000", "1200"):
        assert by_value(cs, value).region == "tangshan"


def test_a_newspaper_named_after_a_place_is_an_institution() -> None:
    cs = claims("Port figures\n\nPublished 2 May 2024\n\n"
                "According to the Beijing Daily, the terminal handled 31 million tonnes last year.\n")
    assert by_value(cs, "31000000").region != "beijing"
    cs = claims("港口数据\n\n2024年5月2日\n\n据北京日报报道,该码头去年完成货物吞吐量3100万吨。\n")
    assert by_value(cs, "31000000").region != "beijing"


def test_the_lede_subject_needs_a_verb_after_the_place() -> None:
    text = ("Evening bulletin\n\nBroadcast: 3 March 2024\n\n"
            "Tangshan and Handan, two steel cities, are cutting output. Output fell by 6,000 tonnes.\n")
    assert by_value(claims(text), "6000").region != "tangshan"


def test_a_county_level_city_counts_for_its_prefecture() -> None:
    cs = claims("港口观察\n\n2024年5月2日\n\n黄骅港去年完成货物吞吐量3.2亿吨;燕郊每天约有10万人往返北京。\n")
    assert by_value(cs, "320000000").region == "cangzhou"
    assert by_value(cs, "100000").region == "langfang"
    cs = claims("ZHUOZHOU, Hebei, May 2 -- Local report\n\n"
                "Zhuozhou built 14 new parks this year, the city government said.\n")
    assert by_value(cs, "14").region == "baoding"


def test_common_words_holding_a_county_name_name_no_place() -> None:
    cs = claims("工作总结\n\n2024年5月2日\n\n沧州市要巩固安全生产成果,今年检查企业320家。\n")
    assert by_value(cs, "320").region == "cangzhou"


def test_the_three_members_together_are_the_group() -> None:
    text = ("Regional economy\n\nPublished 2 May 2024\n\n"
            "Beijing, Tianjin and Hebei together had about 110 million residents last year.\n")
    assert by_value(claims(text), "110000000").region == "jingjinji"
    cs = claims("区域经济\n\n2024年5月2日\n\n去年北京、天津、河北三地合计常住人口约1.1亿人。\n")
    assert by_value(cs, "110000000").region == "jingjinji"
    # two of the three are no group
    text = ("Regional economy\n\nPublished 2 May 2024\n\n"
            "Beijing and Tianjin together had about 36 million residents last year.\n")
    assert by_value(claims(text), "36000000").region != "jingjinji"


def test_a_month_range_without_a_year_is_the_latest_such_period_before_publication() -> None:
    text = "市政府工作报告\n——2024年1月10日在市人民代表大会上\n\n1—11月,全市PM2.5平均浓度为47微克/立方米。\n"
    assert by_value(claims(text), "47").year == 2023
    text = "环境通报\n——2024年12月20日\n\n1—11月,全市PM2.5平均浓度为47微克/立方米。\n"
    assert by_value(claims(text), "47").year == 2024


def test_a_list_of_goals_after_a_colon_measures_nothing() -> None:
    text = ("市政府工作报告\n——2024年1月10日在市人民代表大会上\n\n"
            "今年的主要预期目标是:地区生产总值增长5.5%左右;固定资产投资增长7%以上;城镇新增就业3万人以上。\n\n"
            "去年全市地区生产总值增长4.8%。\n")
    cs = claims(text)
    assert by_value(cs, "5.5").metric is None
    assert by_value(cs, "7").metric is None
    assert by_value(cs, "4.8").metric == "gdp"  # a measured figure after the list


def test_a_mean_over_the_winter_games_is_the_games_metric() -> None:
    text = ("Games legacy\n\nPublished 2 May 2024\n\n"
            "During the Winter Olympics, Zhangjiakou's PM2.5 averaged 24 micrograms per cubic meter.\n\n"
            "In 2023 Zhangjiakou's PM2.5 averaged 19 micrograms per cubic meter.\n")
    cs = claims(text)
    assert by_value(cs, "24").metric == "pm25_mean_winter_olympics"
    assert by_value(cs, "19").metric == "pm25_annual_mean"
    cs = claims("冬奥回顾\n\n2024年5月2日\n\n冬奥会期间,张家口PM2.5平均浓度为24微克/立方米。\n")
    assert by_value(cs, "24").metric == "pm25_mean_winter_olympics"


# --- round 4: years

def test_a_byline_date_with_an_ordinal_day_dates_last_year_and_this_year() -> None:
    text = ("The new town\n\nStill waiting for people\n\nApr 4th 2024 | XIONG'AN | China | 6 min read\n\n"
            "By the end of last year the new area had about 1.3m residents. "
            "This year its output is expected to reach 250bn yuan.\n")
    cs = claims(text)
    assert by_value(cs, "1300000").year == 2023
    assert by_value(cs, "250000000000").year == 2024
    # a date on a long line of prose is not the byline: no article date, no year for "last year"
    prose = ("The new town\n\nStill waiting for people\n\n"
             "When China announced the new area on April 1st 2017, officials called it a plan for the millennium "
             "and compared it with Shenzhen, a city of millions.\n\n"
             "By the end of last year the new area had about 1.3m residents.\n")
    assert by_value(claims(prose), "1300000").year is None


def test_a_relative_year_right_after_the_figure_is_its_year() -> None:
    text = ("Budget note\n\nPublished 4 April 2024\n\n"
            "Output grew by 9.8% last year to about 210bn yuan and is expected to reach 250bn yuan this year.\n")
    cs = claims(text)
    assert by_value(cs, "210000000000").year == 2023
    assert by_value(cs, "250000000000").year == 2024


def test_the_bylines_date_does_not_date_present_tense_facts() -> None:
    text = ("LETTERS | 18 April 2024\n\nLet's get the numbers right\n\n"
            "Nearly 14.6 million people live in Tianjin, and about one in five of them is a pensioner.\n\n"
            "Tianjin logged 232 good days in 2023.\n")
    cs = claims(text)
    assert by_value(cs, "14600000").year is None
    assert by_value(cs, "232").year == 2023
    # a heading that states a year still dates the undated sentences under it
    cs = claims("Air report\n\nPublished 18 April 2024\n\n## The year 2023\n\nTianjin logged 232 good days.\n",
                fmt="markdown")
    assert by_value(cs, "232").year == 2023


def test_an_english_month_range_without_a_year_is_the_latest_such_period() -> None:
    text = ("THE HERALD\nFriday, October 13, 2023 | Page B1\n\nPort news\n\n"
            "Container volume rose 11.3 percent to 1.12 million TEUs in January-September. "
            "In January-August, the city's trade grew 6.7 percent to 31.5 billion yuan.\n")
    cs = claims(text)
    assert by_value(cs, "11.3").year == 2023
    assert by_value(cs, "31500000000").year == 2023
    early = text.replace("Friday, October 13, 2023", "Friday, February 2, 2024")
    cs = claims(early)
    assert by_value(cs, "11.3").year == 2023  # September 2024 had not come yet: the latest January-September
    assert by_value(cs, "31500000000").year == 2023


# --- round 4: Chinese baselines stated as the level compared with

def test_a_level_compared_with_earlier_in_the_sentence_is_the_changes_baseline() -> None:
    text = ("访谈\n\n2024年8月19日\n\n"
            "2013年全省PM2.5年均浓度是108微克/立方米,去年是38.6。要是跟2015年的77比,去年也差不多降了一半。\n\n"
            "截至今年6月底,全省风电、光伏装机合计突破9000万千瓦,是2020年底的两倍多,不到四年就翻了一番多。\n")
    cs = claims(text)
    half = by_value(cs, "50")
    assert (half.year, half.baseline_year) == (2023, 2015)
    twice = [c for c in cs if c.kind == "multiple"]
    assert [(c.year, c.baseline_year) for c in twice] == [(2024, 2020), (2024, 2020)]
    # a change that states its own baseline in between keeps the next one from borrowing the earlier year
    cs = claims("报告\n\n2024年3月1日\n\n跟2015年的77比,2023年PM2.5下降50%,较2022年下降3%,比上年同期增长5%。\n")
    assert by_value(cs, "3").baseline_year == 2022
    assert by_value(cs, "5").baseline_year != 2015


def test_a_first_half_used_as_an_adjective_is_the_latest_first_half() -> None:
    text = ("Steel city news\n\nUpdated: 2024-07-22 08:12\n\n"
            "In Handan the first-half average was 47 micrograms, down 6 percent from last year.\n")
    cs = claims(text)
    assert by_value(cs, "47").year == 2024
    six = by_value(cs, "6")
    assert (six.year, six.baseline_year) == (2024, 2023)
    early = text.replace("2024-07-22", "2024-05-02")
    assert by_value(claims(early), "47").year == 2023  # the first half of 2024 had not ended yet


def test_this_winter_and_last_winter_are_dated_by_the_seasons_later_end() -> None:
    text = ("NORTH CHINA TONIGHT\n\nAir date: 18 January 2024, 21:00\n\n"
            "Across Hebei there were eleven heavily polluted days last year, against eighty in 2013. "
            "This winter, so far, Shijiazhuang has had four days of heavy pollution. "
            "Last winter I paid about 2,100 yuan for gas.\n\n"
            "In the winter of 2017 to 2018 alone, some 400,000 households moved from coal to gas.\n")
    cs = claims(text)
    assert by_value(cs, "4").year == 2024  # the year closing the sentence before does not date this winter
    assert by_value(cs, "2100").year == 2023
    assert by_value(cs, "400000").year == 2018  # a season across two years is dated by its later end
    summer = claims(text.replace("18 January 2024", "22 July 2024"))
    assert by_value(summer, "2100").year == 2024  # in July, last winter is the one that ended this spring


# --- round 4: regions

def test_a_share_of_a_places_own_measure_is_that_places() -> None:
    text = ("Port news\n\nPublished 13 October 2023\n\n"
            "Wei Lin, an analyst at a Tianjin brokerage, estimated that roughly 30 percent of Huanghua's container "
            "volume came from shippers lured away from Tianjin.\n\n"
            "A mill manager in Tangshan, a city that accounts for more than half of Hebei's steel output, said so.\n")
    cs = claims(text)
    assert by_value(cs, "30").region == "cangzhou"
    assert by_value(cs, "50").region == "tangshan"  # the city's share of the province's output is the city's


def test_a_conversion_in_brackets_does_not_end_the_figures_phrase() -> None:
    text = ("Magazine\n\nPublished 4 April 2024\n\n"
            "Beijing, Tianjin and Hebei together produced 10.4trn yuan ($1.46trn) of output in 2023, 90% more than "
            "in 2013.\n")
    cs = claims(text)
    assert by_value(cs, "10400000000000").year == 2023
    assert by_value(cs, "1460000000000").year == 2023


# --- round 4: English metrics by form

def test_output_in_yuan_and_an_area_covered_and_a_rail_network_are_named_by_their_form() -> None:
    text = ("Magazine\n\nPublished 4 April 2024\n\n"
            "In 2022 Hebei produced about 4.2trn yuan, as much as Beijing. "
            "Beijing, Tianjin and Hebei together produced 10.4trn yuan ($1.46trn) of output in 2023.\n\n"
            "Tianjin's new area covers some 2,270 square kilometers. "
            "Hebei's railway network has grown to more than 8,000km.\n\n"
            "The mill produced 3bn yuan of steel in 2023. The new district covers some 1,770 square kilometers.\n")
    cs = claims(text)
    assert by_value(cs, "4200000000000").metric == "gdp"
    assert by_value(cs, "10400000000000").metric == "gdp"
    assert by_value(cs, "2270").metric == "land_area"
    assert by_value(cs, "8000").metric == "railway_length"
    assert by_value(cs, "3000000000").metric is None  # yuan "of steel": goods, not the economy
    assert by_value(cs, "1770").metric is None  # no place named: whose area is not said


def test_a_concentration_named_in_the_changes_clause_beats_an_earlier_day_measure() -> None:
    text = ("Air report\n\nPublished 22 July 2024\n\n"
            "Compared with 2013, when the province's PM2.5 averaged 108 micrograms and it had 129 good days and 80 "
            "heavy-pollution "
            "days, the annual concentration has fallen by 64.3 percent and the number of good days has nearly "
            "doubled.\n\n"
            "Hebei logged 80 heavy-pollution days in 2013; the count has fallen by 70 percent since.\n")
    cs = claims(text)
    assert by_value(cs, "64.3").metric == "pm25_annual_mean"
    assert by_value(cs, "70").metric == "heavy_pollution_days"  # no concentration named: the day measure's


# --- round 5: a statistical communiqué's title year; two-year seasons; bullets; 今年以来

COMMUNIQUE_ZH = (
    "石家庄市2022年国民经济和社会发展统计公报\n"
    "石家庄市统计局\n"
    "2023年3月20日\n\n"
    "一、综合\n\n"
    "全年全市地区生产总值7100.6亿元,比上年增长6.4%。\n\n"
    "二、农业\n\n"
    "粮食总产量478.1万吨,增长1.2%。\n"
)


def test_a_communiques_title_year_dates_its_undated_figures_under_any_section() -> None:
    cs = claims(COMMUNIQUE_ZH)
    for value in ("710060000000", "6.4", "4781000", "1.2"):
        assert by_value(cs, value).year == 2022, value  # not the release date's 2023
    assert by_value(cs, "6.4").baseline_year == 2021


def test_a_news_headline_year_does_not_date_later_sections() -> None:
    # guard: only a report's title (公报 / communiqué) sets the year of the whole document
    text = COMMUNIQUE_ZH.replace("国民经济和社会发展统计公报", "经济回顾:一年来发展稳中有进")
    cs = claims(text)
    assert by_value(cs, "4781000").year is None


def test_an_english_statistical_communique_title_dates_its_figures() -> None:
    text = ("Statistical Communiqué of Tangshan on the 2023 National Economic and Social Development\n\n"
            "Tangshan Municipal Bureau of Statistics\n\n"
            "Published 15 March 2024\n\n"
            "I. General\n\n"
            "Preliminary estimates put the city's gross domestic product at 951.5 billion yuan, up 6.5 percent "
            "over the previous year.\n\n"
            "II. Industry\n\n"
            "Steel output reached 120.4 million tonnes.\n")
    cs = claims(text)
    assert by_value(cs, "951500000000").year == 2023
    assert by_value(cs, "120400000").year == 2023


def test_a_season_across_two_years_is_dated_and_compared_by_its_later_end() -> None:
    text = ("Heating survey\n\nPublished 9 November 2023\n\n"
            "• Costs: households spent 2,900 yuan in the 2022-23 heating season, 35% more compared with the "
            "2016-17 heating season.\n"
            "• Savings: roughly 20% said they turned the heating down.\n\n"
            "In the 2013-15 period, figures were not collected; the 2019/20 winter saw 450 complaints.\n")
    cs = claims(text)
    assert by_value(cs, "2900").year == 2023
    more = by_value(cs, "35")
    assert (more.year, more.baseline_year) == (2023, 2017)
    # an earlier bullet's years are not the next bullet's
    assert by_value(cs, "20").year is None
    assert by_value(cs, "450").year == 2020


def test_a_bullet_list_keeps_the_year_of_the_line_introducing_it() -> None:
    # guard: the introducing line still dates every item
    text = ("空气质量通报\n\n2024年1月5日\n\n2023年主要指标如下:\n"
            "●全市PM2.5平均浓度为38微克/立方米。\n"
            "●优良天数为280天。\n")
    cs = claims(text)
    assert by_value(cs, "38").year == 2023
    assert by_value(cs, "280").year == 2023


def test_this_year_so_far_dates_a_figure_by_this_year() -> None:
    text = ("交通简报\n\n2024年11月20日\n\n"
            "●今年以来,全市新增停车位约3.2万个。\n"
            "●自2014年以来,全市累计建成公交专用道1000公里。\n")
    cs = claims(text)
    assert by_value(cs, "32000").year == 2024
    assert by_value(cs, "1000").year is None  # since 2014: cumulative, no year


def test_a_place_before_its_figure_with_the_verb_left_out_is_that_figures() -> None:
    text = ("Regional comparison\n\nPublished 2 March 2024\n\n"
            "In 2023 Langfang averaged 40 μg/m3 and Cangzhou city 43 μg/m3, while Baoding recorded 45 μg/m3.\n")
    cs = claims(text)
    assert [(c.value, c.region) for c in cs if c.unit == "μg/m³" or "μg" in (c.unit or "")] == [
        (Decimal(40), "langfang"), (Decimal(43), "cangzhou"), (Decimal(45), "baoding")]
