"""factcheck.extract, session 3: claim forms found missing on unseen text (issue #3).

Every fixture here was written for its test (no gold article's sentence): a count noun after adjectives, English
baselines and year-on-year forms, multiples measured from a year, and the README's "not claims" in both languages.
The fixtures are normalized text, as ``normalize`` hands it on.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.extract import extract
from factcheck.models import Quantity
from factcheck.segment import segment

D = Decimal


def qs(text: str) -> list[Quantity]:
    return list(extract(text, segment(text)).quantities)


def find(found: list[Quantity], value: str | int) -> Quantity:
    hits = [q for q in found if q.value == D(value)]
    assert len(hits) == 1, (value, [(q.text, q.value, q.unit) for q in found])
    return hits[0]


# ------------------------------------------------------------- English counts: adjectives before the noun


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The port replaced 1,400 heavy diesel trucks with electric ones.", "1400", "truck"),
    ("Wuhan retired about 6,000 older taxis last spring.", "6000", "taxi"),
    ("The district built 35 new charging stations.", "35", "station"),
    ("Officials closed 12 coal-fired units near the river.", "12", "unit"),
    ("Crews fitted 80 small rooftop panels.", "80", "panel"),
    ("The town installed 240 public charging points.", "240", "charging point"),
])
def test_count_noun_after_adjectives_takes_the_nouns_lemma(text: str, value: str, unit: str) -> None:
    q = find(qs(text), value)
    assert q.unit == unit
    assert q.kind == "level"


@pytest.mark.parametrize("text", [
    "The index fell to 43 last year and rose again.",  # "last year" is no count
    "Only 5 more days were clean.",  # "more" is no modifier
    "It reached 12 nearly identical readings.",  # an adverb is no modifier
])
def test_no_count_noun_through_function_words(text: str) -> None:
    found = qs(text)
    # (an index's bare figure is in index points: round 4)
    assert all(q.unit is None or q.unit in ("day", "index") for q in found), [(q.text, q.unit) for q in found]
    assert not any(q.unit in ("year", "reading") for q in found)


# ------------------------------------------------------------------ English baselines and year on year


@pytest.mark.parametrize("text", [
    "Shanxi's reading was 41 micrograms, 3.2 percent lower than a year earlier.",
    "Since 2015, when the index fell 3.2 percent from the year before, the trend held.",
    "Freight volume was 3.2 percent higher than the previous year.",
    "Sales grew 3.2 percent over the prior year.",
])
def test_english_year_on_year_forms(text: str) -> None:
    q = find(qs(text), "3.2")
    assert (q.kind, q.comparison, q.baseline_year) == ("change", "yoy", None)


def test_a_year_on_year_phrase_belongs_to_the_change_before_it() -> None:
    text = ("Shanxi cut its reading to 41 micrograms in 2024, 3.2 percent lower than a year earlier and about"
            " 48 percent below the 79 micrograms recorded in 2015.")
    found = qs(text)
    yoy, older = find(found, "3.2"), find(found, "48")
    assert yoy.comparison == "yoy"
    assert (older.kind, older.direction, older.qualifier, older.comparison, older.baseline_year) == (
        "change", "down", "about", None, 2015)
    assert find(found, "79").year == 2015  # "recorded in 2015": the level's own year


@pytest.mark.parametrize(("text", "value", "direction", "baseline"), [
    ("Output stood 20 percent above the 2016 level.", "20", "up", 2016),
    ("Shanxi's reading was 14 percent below Henan's.", "14", "down", None),
    ("The 2024 figure compares with 79 micrograms in 2015, a decline of 48 percent over the period.", "48", "down",
     2015),
    ("The total compared with 40 in 2019, an increase of 10 percent.", "10", "up", 2019),
])
def test_english_change_measured_from_a_stated_level(text: str, value: str, direction: str,
                                                      baseline: int | None) -> None:
    q = find(qs(text), value)
    assert (q.kind, q.direction, q.baseline_year) == ("change", direction, baseline)


@pytest.mark.parametrize(("text", "value", "baseline"), [
    ("Emissions were down 40 percent from 2015 levels.", "40", 2015),
    ("The share of good days reached 81 percent, 6 points higher than in 2016.", "6", 2016),
])
def test_english_baseline_forms_already_read(text: str, value: str, baseline: int) -> None:
    q = find(qs(text), value)
    assert (q.kind, q.baseline_year) == ("change", baseline)


def test_a_level_alone_is_no_change() -> None:
    # "percent of" is a share, and "above" needs something it is above
    q = find(qs("About 40 percent of the budget went above all to transport."), "40")
    assert q.kind == "level"


# ------------------------------------------------------------------------------------------- multiples


def test_a_multiple_before_a_from_to_phrase_is_its_factor() -> None:
    text = "Solar capacity more than tripled from 4 million kilowatts in 2016 to 13 million kilowatts in 2023."
    found = qs(text)
    factor, start, end = find(found, 3), find(found, 4_000_000), find(found, 13_000_000)
    assert (factor.kind, factor.unit, factor.qualifier, factor.direction) == ("multiple", "times", "more_than", None)
    assert (factor.baseline_year, factor.year, factor.role) == (2016, 2023, "delta")
    assert factor.group == start.group == end.group is not None
    assert (start.role, end.role) == ("from", "to")


@pytest.mark.parametrize(("text", "qualifier", "baseline"), [
    ("Wind capacity is now nearly twice the level of 2019.", "nearly", 2019),
    ("Its output is more than twice the 2012 level.", "more_than", 2012),
    ("Exports have doubled since 2016.", None, 2016),
])
def test_english_multiple_of_a_years_level(text: str, qualifier: str | None, baseline: int) -> None:
    q = find(qs(text), 2)
    assert (q.kind, q.qualifier, q.baseline_year) == ("multiple", qualifier, baseline)


@pytest.mark.parametrize(("text", "baseline"), [
    ("风电装机比2016年翻了一番。", 2016),
    ("出口额是2012年的2倍。", 2012),
])
def test_chinese_multiple_of_a_years_level(text: str, baseline: int) -> None:
    q = find(qs(text), 2)
    assert (q.kind, q.baseline_year) == ("multiple", baseline)


# ---------------------------------------------------------------- not claims (tests/gold/README.md), both languages

NOT_CLAIMS = [
    # ordinals and grades
    ("zh", "第十届博览会推出第五代机型,启动二、三级响应,达到国家二级标准,水质为Ⅳ类。"),
    ("en", "The 10th expo showed fifth-generation models under a Grade II standard and Class IV water."),
    # identifiers
    ("zh", "沿G107国道和S210省道,落实3+3+N机制,咨询电话0311-7654321,进入十五五时期。"),
    ("en", "Along Route G107, under the 3+3+N plan, call 0311-7654321 or 555-234-5678 during the 15th Five-Year Plan."),
    # equipment ratings
    ("zh", "建成800千伏特高压线路,生产12英寸晶圆,淘汰20蒸吨/小时以下燃煤锅炉。"),
    ("en", "It built an 800-kilovolt line, 12-inch wafers, two 600-megawatt units and 20-tonne boilers."),
    # time spans
    ("zh", "十年来,8年前,这十年,连续五年,为期两年,7年间,二十周年,2015年以来。"),
    ("zh", "雄安新区七年蝶变 城市面貌五年大变样"),
    ("en", "Over the past decade, 8 years ago, for five consecutive years, the 20th anniversary, since 2015."),
    ("en", "The city met the standard for four years in a row, and six years running."),
    # list markers and scale labels
    ("zh", "1.本报讯 打造万亿级产业集群\n2.百亿级项目落地"),
    ("en", "1. The city said it would build a 10-billion-yuan industrial base."),
]


@pytest.mark.parametrize(("language", "text"), NOT_CLAIMS)
def test_not_claims(language: str, text: str) -> None:
    claims = [q for q in qs(text) if q.kind in ("level", "change", "multiple")]
    assert claims == [], (language, [(q.text, q.value, q.unit, q.kind) for q in claims])


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("全市淘汰燃煤锅炉1500蒸吨。", 1500, "蒸吨"),  # 蒸吨 alone totals a capacity
    ("新增风电装机50万千瓦。", 500_000, "kW"),
    ("The province added 600 megawatts of solar in 2023.", 600_000, "kW"),
    ("项目建设历时3年,有效期5年。", 5, "年"),  # a measured duration stays a claim
])
def test_amounts_next_to_the_refused_forms_stay_claims(text: str, value: int, unit: str) -> None:
    q = find(qs(text), value)
    assert q.unit == unit and q.kind in ("level", "change")


def test_rated_equipment_is_a_rating_and_its_count_a_claim() -> None:
    found = qs("关停30万千瓦及以下燃煤机组14台。")
    assert [(q.value, q.unit, q.kind) for q in found] == [(D(300_000), "kW", "rating"), (D(14), "台", "level")]


# ---------------------------------------------------------------------------------- measure words


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("港口集装箱吞吐量约1,800万标准箱。", 18_000_000, "标准箱"),
    ("集装箱吞吐量完成620万标箱。", 6_200_000, "标箱"),
    ("The port handled 18 million TEU last year.", 18_000_000, "teu"),
    ("全市45家长流程钢铁企业完成改造。", 45, "家"),  # 家 before 长流程 (long-process mills) is the measure word
])
def test_measure_words(text: str, value: int, unit: str) -> None:
    assert find(qs(text), value).unit == unit


# ------------------------------------------------------------------------- English units carried


def test_a_counted_subject_lends_no_unit_to_its_verbs_figure() -> None:
    text = ("Nationally the index averaged 31 micrograms, and the 13 cities of the \"1+12\" belt averaged 47,"
            " down 4.1 percent from a year earlier.")
    found = qs(text)
    assert find(found, 13).unit == "city"
    assert find(found, 47).unit == "μg/m³"


def test_a_bare_figure_after_its_counted_subject_stays_bare_without_another_figure() -> None:
    found = qs("The 16 districts averaged 47 last year.")
    assert find(found, 16).unit == "district"
    assert find(found, 47).unit is None


def test_a_count_still_lends_its_unit_to_the_figure_it_is_compared_with() -> None:
    found = qs("The city had 4,000 companies in 2023, up from 2,500 in 2013.")
    assert find(found, 2500).unit == "company"


# -------------------------------------------------------------- a from…to phrase around a conversion in brackets


def test_english_delta_after_a_converted_amount() -> None:
    text = ("Output rose from 8.2 trillion yuan in 2022 to 9.1 trillion yuan (about 1.3 trillion U.S. dollars)"
            " in 2023, an increase of about 11 percent.")
    found = qs(text)
    start, end, usd, delta = find(found, 8_200_000_000_000), find(found, 9_100_000_000_000), \
        find(found, 1_300_000_000_000), find(found, 11)
    assert delta.group == start.group == end.group is not None and delta.role == "delta"
    assert (delta.baseline_year, delta.year, delta.direction) == (2022, 2023, "up")
    assert usd.group is None and usd.year == 2023 and usd.unit == "USD"


def test_chinese_delta_after_a_converted_amount() -> None:
    found = qs("产值从2022年的8.2万亿元增至2023年的9.1万亿元(约合1.3万亿美元),增长11%。")
    start, delta = find(found, 8_200_000_000_000), find(found, 11)
    assert delta.group == start.group is not None and delta.role == "delta"
    assert (delta.baseline_year, delta.year) == (2022, 2023)


# --------------------------------------------------------------- a 同比 said of the sentence before


def test_a_change_ranking_sentence_takes_the_yoy_of_the_sentence_before() -> None:
    text = "13个城市PM10平均浓度均同比下降。降幅居前两位的城市为保定和邢台,分别下降21.4%和18.9%。"
    found = qs(text)
    assert [q.comparison for q in found if q.kind == "change"] == ["yoy", "yoy"]


def test_a_later_sentence_without_a_back_reference_keeps_no_yoy() -> None:
    text = "13个城市PM10平均浓度均同比下降。2015年以来,保定下降21.4%。"
    assert find(qs(text), "21.4").comparison is None


def test_english_year_of_a_when_clause_is_the_changes_year() -> None:
    q = find(qs("Since 2016, when the city's reading fell 9 percent from the year before, progress held."), 9)
    assert (q.year, q.comparison, q.baseline_year) == (2016, "yoy", None)


# ======================================================================= round 2 (batches 4 and 5 spent)
# ------------------------------------------------------------------ fractions in words: "two-thirds", "a fifth"


@pytest.mark.parametrize(("text", "value", "kind", "direction", "qualifier"), [
    ("Emissions from the plant fell by about two-thirds over the decade.", "66.7", "change", "down", "about"),
    ("Trade with the region was cut by a fifth after the rules changed.", "20", "change", "down", None),
    ("Sales climbed by roughly three-quarters once the bridge opened.", "75", "change", "up", "about"),
    ("Three-fifths of the county's boilers now burn gas.", "60", "level", None, None),
    ("A tenth of the buses still run on diesel.", "10", "level", None, None),
    ("Just under a third of the trucks were inspected.", "33.3", "level", None, "less_than"),
])
def test_english_fractions_are_shares_in_percent(text: str, value: str, kind: str, direction: str | None,
                                                  qualifier: str | None) -> None:
    q = find(qs(text), value)
    assert (q.unit, q.kind, q.direction, q.qualifier) == ("%", kind, direction, qualifier)


@pytest.mark.parametrize("text", [
    "Profits rose in the first half of the year.",  # a period, not a share
    "Output was flat from a quarter earlier.",  # a quarter of a year
    "One third said they would move.",  # neither "of" nor "by": not read as a share
    "The panel met for a third time in March.",  # an ordinal
    "Four-thirds of nothing is nonsense.",  # not a proper fraction
])
def test_english_fraction_words_that_are_no_share(text: str) -> None:
    assert not any(q.unit == "%" for q in qs(text)), [(q.text, q.value) for q in qs(text)]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("去年臭氧超标天数达38天，占全年超标天数近一半。", "nearly"),
    ("该市PM2.5浓度约为18微克/立方米，不足邻市的一半。", "less_than"),
])
def test_chinese_half_after_a_qualifier(text: str, qualifier: str) -> None:
    q = find(qs(text), 50)
    assert (q.unit, q.qualifier) == ("%", qualifier)


def test_chinese_half_without_a_qualifier_is_no_share() -> None:
    assert not any(q.unit == "%" for q in qs("这一半的人搬走了。"))


# -------------------------------------------------------------------------------- "between 2013 and 2023"


@pytest.mark.parametrize("text", [
    "Between 2015 and 2022 the county's forest cover rose by 12 percent.",
    "The county's forest cover rose by 12 percent between 2015 and 2022.",
    "From 2015 to 2022, the county's forest cover rose 12 percent.",
])
def test_english_change_between_two_years(text: str) -> None:
    q = find(qs(text), 12)
    assert (q.kind, q.baseline_year, q.year) == ("change", 2015, 2022)


def test_a_between_phrase_after_a_comma_is_not_the_changes() -> None:
    q = find(qs("Forest cover rose by 12 percent, a pace unseen between 2001 and 2005."), 12)
    assert q.baseline_year is None


# ------------------------------------------------------------------------------ "mln", "bln", TEUs


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The mine shipped 42 mln tonnes of ore.", 42_000_000, "tonne"),
    ("Lending reached 3.5 bln yuan.", 3_500_000_000, "元"),
    ("The terminal handled 6.3 million TEUs last year.", 6_300_000, "teu"),
    ("The terminal handled 6.3 million twenty-foot equivalent units.", 6_300_000, "teu"),
])
def test_english_wire_abbreviations_and_container_units(text: str, value: int, unit: str) -> None:
    assert find(qs(text), value).unit == unit


def test_mln_inside_a_word_is_no_magnitude() -> None:
    assert find(qs("The mine shipped 42 mlnx units."), 42).value == 42


# --------------------------------------------------------------------------- signed cells and "~"


TABLE_EN = """| Ozone, μg/m³ | 2016 | 2022 | Change |
|---|---|---|---|
| Xian | ~150 | 171 | +14.0% |
| Lanzhou | 160 | 120 | −25.0% |
"""


def test_english_table_corner_unit_tilde_and_signed_change_cells() -> None:
    found = qs(TABLE_EN)
    approx = find(found, 150)
    assert (approx.unit, approx.qualifier) == ("μg/m³", "about")
    assert find(found, 171).unit == "μg/m³"
    up, down = find(found, "14.0"), find(found, "25.0")
    assert (up.kind, up.direction, up.baseline_year, up.year) == ("change", "up", 2016, 2022)
    assert (down.kind, down.direction, down.baseline_year, down.year) == ("change", "down", 2016, 2022)


def test_chinese_table_signed_change_cell() -> None:
    found = qs("| 城市 | 2016年 | 2022年 | 变化 |\n|---|---|---|---|\n| 西安 | 150 | 171 | +14.0% |\n")
    q = find(found, "14.0")
    assert (q.kind, q.direction, q.baseline_year, q.year) == ("change", "up", 2016, 2022)


@pytest.mark.parametrize("text", [
    "Rates of 2.5%-3% apply to new loans.",  # a range
    "The plan runs on a 3+3+N model at GMT+8.",  # identifiers
    "A range of 3~5% is expected.",  # a range with a tilde
])
def test_signs_and_tildes_inside_ranges_and_codes(text: str) -> None:
    for q in qs(text):
        assert q.kind != "change" and q.qualifier is None, (q.text, q.kind, q.qualifier)


def test_a_signed_percent_in_running_text_is_a_change() -> None:
    q = find(qs("Retail sales: +5.2% in 2023."), "5.2")
    assert (q.kind, q.direction) == ("change", "up")


# -------------------------------------------------------------------------- units of table rows


TABLE_ROWS = """| Indicator | 2018 | 2021 |
|---|---|---|
| Freight by barge (million tonnes) | 3.2 | 4.8 |
| Share of freight by barge (%) | 7.5 | 9.1 |
| Hydrogen buses in service | 40 | 210 |
| Notes | see text | 2 |
"""


def test_english_row_labels_give_their_year_cells_a_unit() -> None:
    found = qs(TABLE_ROWS)
    assert find(found, 3_200_000).unit == "tonne"
    assert find(found, "9.1").unit == "%"
    assert find(found, 210).unit == "bus"


def test_a_chinese_header_unit_with_a_magnitude_scales_its_cells() -> None:
    found = qs("| 装机（万千瓦） | 2020年 | 2023年 |\n|---|---|---|\n| 风电 | 120 | 150 |\n")
    assert find(found, 1_500_000).unit == "kW"


def test_a_row_label_without_a_count_noun_gives_no_unit() -> None:
    found = qs("| Item | 2018 | 2021 |\n|---|---|---|\n| Average speed | 32 | 41 |\n")
    assert all(q.unit is None for q in found)


# ---------------------------------------------------------------------- counts named by an "of" phrase


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The operator plans to convert about 600 of its buses by 2026.", 600, "bus"),
    ("Of the district's 48 primary schools, 31 now run on solar power.", 31, "school"),
])
def test_english_bare_count_takes_the_noun_of_its_of_phrase(text: str, value: int, unit: str) -> None:
    assert find(qs(text), value).unit == unit


@pytest.mark.parametrize("text", [
    "Of the total, 126 were new.",  # no counted noun
    "About 600 of these were replaced last spring.",  # a pronoun, no noun
])
def test_no_count_unit_without_a_counted_noun(text: str) -> None:
    q = find(qs(text), 126 if "126" in text else 600)
    assert q.unit is None


# ------------------------------------------------------------ "N percent lower than the X recorded in YEAR"


def test_english_change_lower_than_a_dated_level_takes_its_year_as_baseline() -> None:
    found = qs("Rainfall was 18.5 percent lower than the 620 millimetres recorded in 2016.")
    assert find(found, "18.5").baseline_year == 2016


def test_english_change_lower_than_an_undated_thing_has_no_baseline() -> None:
    assert find(qs("Rainfall was 18.5 percent lower than the coastal average."), "18.5").baseline_year is None


# ------------------------------------------------- round 3: abbreviated magnitudes glued to the number


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Planners expect the district to hold 4m people by 2035.", "4000000", "people"),
    ("The suburb now has 2.6m residents.", "2600000", "people"),
    ("The province spent 3.1trn yuan on roads.", "3100000000000", "元"),
    ("Exports reached $2.05trn last year.", "2050000000000", "USD"),
    ("Each plant cost some 380m yuan to build.", "380000000", "元"),
    ("The fund raised €45m for clean buses.", "45000000", "EUR"),
    ("The region aims to lift its population to 3m by 2030.", "3000000", "people"),
])
def test_glued_magnitudes_scale_the_number(text: str, value: str, unit: str) -> None:
    q = find(qs(text), value)
    assert q.unit == unit


@pytest.mark.parametrize("text", [
    "A 5m wall surrounds the depot.",  # metres: a singular noun follows
    "The new dyke is 4m high.",  # metres: a dimension adjective follows
    "A 12m-long bridge spans the canal.",
    "Sea levels rose 2m in places.",  # no word of people or money in the clause
])
def test_a_glued_m_that_is_a_metre_is_no_million(text: str) -> None:
    assert not any(q.value >= 1000000 for q in qs(text)), [(q.text, q.value) for q in qs(text)]


# -------------------------------------------------------- spelled-out shares, fractions of a magnitude


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Fewer than one in five firms has staff on site.", "20", "less_than"),
    ("Three in ten drivers said they would switch.", "30", None),
    ("Nearly four in every ten households heat with gas.", "40", "nearly"),
    ("About 1 in 4 buses is electric.", "25", "about"),
    ("One in three residents commutes.", "33.3", None),
])
def test_n_in_m_is_a_share_in_percent(text: str, value: str, qualifier: str | None) -> None:
    found = qs(text)
    q = find(found, value)
    assert (q.unit, q.kind, q.qualifier) == ("%", "level", qualifier)
    assert len([x for x in found if x.start < q.end and x.end > q.start]) == 1  # no count of the denominator


@pytest.mark.parametrize("text", [
    "He scored one in 2023.",  # a year is no denominator
    "It was one in a million.",
    "Five in 3 rounds.",  # the share must be below one
])
def test_no_share_without_a_proper_ratio(text: str) -> None:
    assert not any(q.unit == "%" for q in qs(text))


def test_half_a_million_is_a_count_and_of_them_takes_the_count_before() -> None:
    found = qs("The city had about 2.4 million residents last year. Some half a million of them arrived after 2015.")
    q = find(found, "500000")
    assert (q.unit, q.qualifier) == ("people", "about")
    assert find(qs("A quarter of a billion yuan went to schools."), "250000000").unit == "元"


def test_a_change_noun_before_a_fraction_makes_a_change() -> None:
    q = find(qs("Shanxi's reading fell to 40 micrograms from 95, a drop of nearly three-fifths."), "60")
    assert (q.unit, q.kind, q.direction, q.qualifier) == ("%", "change", "down", "nearly")


# ------------------------------------------------------------------- halved, double (both languages)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Coal use in the county almost halved.", "nearly"),
    ("Smog days were halved.", None),
    ("全县燃煤消费量减半。", None),
    ("重污染天数下降一半。", None),
])
def test_halved_is_a_fall_of_fifty_percent(text: str, qualifier: str | None) -> None:
    q = find(qs(text), "50")
    assert (q.unit, q.kind, q.direction, q.qualifier) == ("%", "change", "down", qualifier)


def test_a_bare_half_share_stays_a_level() -> None:
    q = find(qs("超过一半的企业完成改造。"), "50")
    assert (q.kind, q.qualifier) == ("level", "more_than")


@pytest.mark.parametrize(("text", "found"), [
    ("Wind output was nearly double the 2021 level.", True),
    ("Sales are set to double from last year.", True),
    ("Capacity doubles every five years.", True),
    ("They rejected double standards.", False),
    ("It was a double blow.", False),
])
def test_double_as_a_multiple(text: str, found: bool) -> None:
    hits = [q for q in qs(text) if q.kind == "multiple"]
    assert bool(hits) is found
    if found:
        assert (hits[0].value, hits[0].unit) == (D(2), "times")


# ------------------------------------------------------- counts: number words before modified nouns


@pytest.mark.parametrize(("text", "unit"), [
    ("Four large state-owned enterprises moved their offices.", "enterprise"),
    ("The county closed two old coal-fired plants.", "plant"),
])
def test_a_number_word_counts_a_modified_table_noun(text: str, unit: str) -> None:
    found = qs(text)
    assert [q.unit for q in found] == [unit]


def test_the_subject_before_halved_names_the_unit_of_from_and_to() -> None:
    found = qs("Winter smog was 70 micrograms, and smog days nearly halved, from 22 to 12.")
    assert (find(found, "22").unit, find(found, "12").unit) == ("day", "day")


# ----------------------------------------------------------- not claims: spans, ranks, labels, phones


@pytest.mark.parametrize("text", [
    "Nine years on, the district is still half empty.",
    "Give the city fifteen years.",
    "The county adopted a five-year plan.",
    "Output rose in the first 10 months of 2023.",
    "Over the past 12 years the air got cleaner.",
    "Emissions will fall over the next three years.",
    "Hebei's rust belt in 4 charts",
    "The city was still in the bottom 15 of the ranking.",
    "See Table 2 and Figure 3.",
    "Press office: +86 10 6512 3456.",
])
def test_time_spans_ranks_labels_and_phones_are_not_claims(text: str) -> None:
    assert qs(text) == [], [(q.text, q.unit) for q in qs(text)]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The tunnel took eight years to build.", "8", "year"),  # a measured duration stays
    ("Children under 6 years of age ride free.", "6", "year"),  # an age
    ("The scheme covers 30 days a year.", "30", "day"),
])
def test_measured_durations_stay_claims(text: str, value: str, unit: str) -> None:
    assert find(qs(text), value).unit == unit


def test_a_size_class_named_before_the_number_is_a_rating() -> None:
    found = qs("The city shut 40 furnaces of 450 cubic meters or smaller; its reservoir holds 2 million cubic meters.")
    assert find(found, "450").kind == "rating"
    assert (find(found, "2000000").kind, find(found, "2000000").unit) == ("level", "m³")
    assert find(found, "40").unit == "furnace"


def test_signed_changes_are_no_phone_numbers() -> None:
    found = qs("GDP rose +5.2% and exports (+12.4%).")
    assert [(q.value, q.direction) for q in found] == [(D("5.2"), "up"), (D("12.4"), "up")]


# ------------------------------------------------------------- round 4: units and names found missing (issue #3)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Steel output reached 96.5 Mt last year.", "96500000", "tonne"),
    ("The plant emits 450 kt of CO2 a year.", "450000", "tonne"),
    ("Global emissions hit 37.4 Gt in 2023.", "37400000000", "tonne"),
])
def test_prefixed_tonnes_are_mass(text: str, value: str, unit: str) -> None:
    assert find(qs(text), value).unit == unit


def test_a_prefixed_tonne_header_scales_its_column() -> None:
    found = qs("| Region | Cement (Mt) |\n|---|---|\n| North | 12.5 |\n| South | 7 |\n")
    assert [(q.value, q.unit) for q in found] == [(D("12500000"), "tonne"), (D("7000000"), "tonne")]


def test_mt_is_no_unit_inside_a_word_or_after_a_name() -> None:
    found = qs("He climbed 3 Mtns and visited Mt Tai.")
    assert all(q.unit != "tonne" for q in found)


@pytest.mark.parametrize(("text", "value"), [
    ("去年台湾出口总额为14兆305亿元。", "14030500000000"),
    ("两岸贸易额达3兆零500亿元。", "3050000000000"),
])
def test_a_trillion_with_a_hundred_million_part_is_one_amount(text: str, value: str) -> None:
    found = qs(text)
    assert [(q.value, q.unit) for q in found] == [(D(value), "元")]


def test_trillion_before_a_unit_of_its_own_stays_a_unit() -> None:
    found = qs("装机容量为12兆瓦，另有5兆300亿次访问。")
    assert find(found, "12000").unit == "kW"
    assert all(q.value != D("530000000000") for q in found)  # 兆 before 亿次 (no money): not merged


@pytest.mark.parametrize(("text", "values"), [
    ("上周全市平均拥堵指数为4.12，属于轻度拥堵，环比上升0.35。", ["4.12", "0.35"]),
    ("今年空气质量综合指数力争控制在4.8以内。", ["4.8"]),
    ("The city's congestion index stood at 1.87 last week, down 0.12 from the week before.", ["1.87", "0.12"]),
])
def test_bare_figures_of_an_index_are_index_points(text: str, values: list[str]) -> None:
    found = qs(text)
    assert [(q.value, q.unit) for q in found] == [(D(v), "index") for v in values]


def test_an_index_does_not_lend_its_unit_to_other_figures() -> None:
    found = qs("指数为3.1，全市新增企业20家，同比增加5。The index rose 3% to 120 points.")
    assert find(found, "3.1").unit == "index"
    assert find(found, "5").unit != "index"
    assert find(found, "3").unit == "%"
    assert find(found, "120").unit != "index"


@pytest.mark.parametrize(("text", "value"), [
    ('"We waited years," said Wang Lihua, 58, who sells tea near the station.', "58"),
    ("Chen Jie, 34, a bus driver, says the air is better.", "34"),
])
def test_an_age_in_an_apposition_is_in_years(text: str, value: str) -> None:
    q = find(qs(text), value)
    assert (q.unit, q.kind) == ("year", "level")


@pytest.mark.parametrize("text", [
    "Firms in Baoding Province, 12, a record, joined.",  # a place before the number: no age
    "Shares in Tianjin, 46, the most in years.",
])
def test_a_number_after_a_place_is_no_age(text: str) -> None:
    assert all(q.unit != "year" for q in qs(text))


@pytest.mark.parametrize(("text", "absent", "present"), [
    ("Visitors rose to 3.3 million in the 2021-22 season from 2.9 million.", "22", "3300000"),
    ("The budget for fiscal 2023/24 is 4.5 billion yuan.", "24", "4500000000"),
    ("Material is licensed under CC BY-SA 4.0; emissions fell 4.0 percent.", None, "4"),
])
def test_spans_and_versions_are_no_amounts(text: str, absent: str | None, present: str) -> None:
    found = qs(text)
    if absent is not None:
        assert all(q.value != D(absent) for q in found)
    assert find(found, present).value == D(present)


def test_a_version_is_no_amount_but_the_change_beside_it_is() -> None:
    found = qs("Released under CC BY 4.0, the data show a 4.0 percent rise from version 2.1.")
    assert [(q.value, q.unit) for q in found] == [(D("4"), "%")]


@pytest.mark.parametrize(("text", "kept"), [
    ("臭氧日最大8小时平均浓度为160微克/立方米，检修用了8小时。", ["160", "8"]),
    ("The 24-hour average limit is 75 micrograms; repairs took 24 hours.", ["75", "24"]),
    ("该高铁设计时速300公里，全长约120公里。", ["120"]),
    ("The line, with a design speed of 250 km/h, is 86 km long.", ["86"]),
    ("3月1日24时起执行，3月2日8时至18时限行，共限行10小时。", ["10"]),
    ("落户的中国企业500强有15家，世界500强企业超过200家。", ["15", "200"]),
])
def test_names_holding_a_number_are_no_amounts(text: str, kept: list[str]) -> None:
    assert sorted(q.value for q in qs(text)) == sorted(D(v) for v in kept)


def test_a_direction_and_a_numeral_name_a_place_but_a_province_and_a_count_do_not() -> None:
    found = qs("沧州东三县的近8万人通勤；河北三县入选示范县。")
    assert [(q.value, q.unit) for q in found] == [(D(80000), "人"), (D(3), "县")]


def test_a_teaser_line_is_skipped_but_the_story_is_not() -> None:
    found = qs("本市新开5条公交线路。\n相关阅读：天津将新建8条地铁线 | 12项措施出台\n延伸阅读: 3个新公园开放")
    assert [(q.value, q.unit) for q in found] == [(D(5), "条")]


def test_millimetres_are_a_length() -> None:
    assert find(qs("全年降水量为546.2毫米。"), "546.2").unit == "毫米"
