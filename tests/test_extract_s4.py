"""factcheck.extract, session 4: claim forms found missing or wrong on unseen text (issue #3, blind batch 8).

Every fixture was written for its test (no gold article's sentence), grouped by claim form, each with guard cases
that must not change. The fixtures are normalized text, as ``normalize`` hands it on.
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


def values(found: list[Quantity]) -> list[Decimal]:
    return [q.value for q in found]


# ------------------------------------------- counts: a capitalized adjective, three modifiers, "X and higher"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Inspectors visited 58 Korean shipyards in the spring.", "58", "shipyard"),
    ("The survey covered 41 Japanese cities and found no breach.", "41", "city"),
    ("Since 2020 the province opened 9 new rural health centres.", "9", "centre"),
    ("The ministry ranks 168 county-level and above cities every month.", "168", "city"),
    ("Officials listed 27 provincial or higher parks for protection.", "27", "park"),
])
def test_count_noun_after_more_modifiers(text: str, value: str, unit: str) -> None:
    assert find(qs(text), value).unit == unit


@pytest.mark.parametrize("text", [
    "The team of 12 In the morning we left.",  # a capital after the number starts a new phrase
    "Route 5 and the other roads were closed.",
])
def test_no_count_noun_across_function_words(text: str) -> None:
    assert all(q.unit not in ("morning", "road") for q in qs(text))


# ------------------------------------------------------ not claims: averaging periods, particle sizes, bylines


@pytest.mark.parametrize("text", [
    "The 24-hour guideline for PM2.5 was cut last year.",
    "Its 8-hour ozone limit is strict, the agency said.",
    "Fine particles are 2.5 micrometres or smaller, which lets them reach the lungs.",
    "PM10 means coarse dust up to 10 microns across.",
    "细颗粒物是指环境空气中空气动力学当量直径小于等于2.5微米的颗粒物。",
    "*By Lena Ho | 14 March 2024 | 6 min read*",
])
def test_not_claims(text: str) -> None:
    assert qs(text) == [], [(q.text, q.value) for q in qs(text)]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The new drill bit is 10 micrometres wide.", "10", "micrometre"),
    ("The strike lasted 24 hours in all.", "24", "hour"),
    ("It is a 5-minute walk from the station.", "5", "minute"),
    ("The 24-hour guideline is 15 µg/m³, the agency said.", "15", "μg/m³"),
    ("24小时浓度限值为75微克/立方米。", "75", "μg/m³"),
])
def test_amounts_next_to_the_refused_forms_stay_claims(text: str, value: str, unit: str) -> None:
    assert find(qs(text), value).unit == unit


# --------------------------------------- a counted subject before "were down to N", lent on to "N fewer than"


def test_subject_of_were_down_to_names_the_count_and_lends_it_on() -> None:
    found = qs("Smog days were down to 9 in 2023, 22 fewer than in 2015.")
    assert find(found, 9).unit == "day"
    change = find(found, 22)
    assert (change.unit, change.kind, change.direction) == ("day", "change", "down")


def test_a_subject_in_another_sentence_lends_nothing() -> None:
    found = qs("Rain days rose sharply. The index was down to 9 in 2023.")
    assert find(found, 9).unit is None


# ------------------------------------------------- a pollutant's statistic names its bare figure: μg/m³


@pytest.mark.parametrize(("text", "value"), [
    ("In 2021 the city's PM2.5 average was 44, the bureau said.", 44),
    ("Shenyang's PM2.5 stays above the national limit of 35 in winter.", 35),
    ("PM10 concentrations stood at 61 across the province.", 61),
])
def test_pollutant_statistic_gives_its_figure_a_concentration(text: str, value: int) -> None:
    assert find(qs(text), value).unit == "μg/m³"


def test_a_years_figure_after_a_concentration_takes_it() -> None:
    found = qs("In 2020 the PM2.5 mean was 39, so this year's 43 was a setback.")
    assert [q.unit for q in found] == ["μg/m³", "μg/m³"]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The PM2.5 task force has 12 members.", 12, "member"),  # a count of something else keeps its own unit
    ("PM2.5 levels were high. The agency had 7 in its team.", 7, None),  # no reach across a sentence end
    ("The PM2.5 average was reviewed by 3 experts in 2020.", 3, "expert"),
    ("PM2.5 levels were watched at 40 sites.", 40, "site"),
])
def test_pollutant_statistic_guards(text: str, value: int, unit: str | None) -> None:
    assert find(qs(text), value).unit == unit


# ------------------------------------------------- shares: "about half the cost", "half of our freight"


@pytest.mark.parametrize(("text", "qualifier"), [
    ("The rebate was 700 yuan, roughly half the price of a new stove.", "about"),
    ("The firm wants to shift half of its exports to rail by 2028.", None),
])
def test_half_as_a_share(text: str, qualifier: str | None) -> None:
    share = find(qs(text), 50)
    assert (share.unit, share.kind, share.qualifier) == ("%", "level", qualifier)


@pytest.mark.parametrize("text", [
    "In the first half of 2022 exports grew quickly.",
    "Sales in the second half of the year slowed.",
    "In the second half the visitors scored again.",
    "Half the year was dry.",  # unqualified "half the": no share claimed
])
def test_half_of_a_period_is_no_share(text: str) -> None:
    assert all(q.value != 50 for q in qs(text)), [(q.text, q.value) for q in qs(text)]


# ------------------------------ a qualified number word takes the count of its sentence ("more than twenty")


def test_qualified_number_word_takes_the_count_before_it() -> None:
    found = qs("In 2012 the town had six tram routes; today it has more than twenty.")
    assert find(found, 6).unit == "route"
    later = find(found, 20)
    assert (later.unit, later.qualifier) == ("route", "more_than")


def test_plan_object_names_the_count_of_a_qualified_word() -> None:
    found = qs("The plan aims to keep its average below 35 micrograms and to cut smog days to fewer than eight.")
    assert find(found, 35).unit == "μg/m³"
    days = find(found, 8)
    assert (days.unit, days.qualifier) == ("day", "less_than")


def test_a_bare_number_word_stays_no_claim() -> None:
    assert all(q.value != 2 for q in qs("The city has 40 parks, and the two of us visited them."))


# --------------------------------- "the number of X reached N", "of which N", a count noun modifying another


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The number of clear days in the county rose to 288 last year.", 288, "day"),
    ("The number of members of the club was 640 in May.", 640, "member"),
    ("Inspectors found 15 leaking tanks, of which 4 were closed at once.", 4, "tank"),
    ("The port opened 11 berths in 2020; among them, 3 were built for cruise ships.", 3, "berth"),
    ("By 2019 there were 5 bus lanes downtown.", 5, "lane"),
    ("The district runs 8 city parks.", 8, "park"),
    ("The depot keeps 1 bus for spares.", 1, "bus"),
])
def test_count_from_its_subject_or_whole(text: str, value: int, unit: str) -> None:
    assert find(qs(text), value).unit == unit


@pytest.mark.parametrize(("text", "value"), [
    ("The number of firms that closed in 3 years was 41.", 41),  # another figure in between: not read through
    ("Smog was heavy. Of them, 4 were in March.", 4),  # no count in the sentence to be part of
])
def test_count_from_its_subject_guards(text: str, value: int) -> None:
    assert find(qs(text), value).unit is None


# ---------------------------------------------------------------- areas and footers


def test_square_metres_are_an_area() -> None:
    assert find(qs("Green space per resident reached 14.2 square metres."), "14.2").unit == "square meter"


@pytest.mark.parametrize("text", ["Address: 9 Lake Road, Postcode: 300051", "地址：裕华路9号 邮编：050051"])
def test_postcodes_are_no_claims(text: str) -> None:
    assert all(q.value not in (D(300051), D(50051)) for q in qs(text))


# --------------------------------------------------- per-mille points and negative levels (Chinese)


@pytest.mark.parametrize(("text", "value"), [
    ("今年全市人口死亡率较上年上升0.35个千分点。", "0.035"),
    ("该县出生率比全省低1.4千分点。", "0.14"),
])
def test_per_mille_points_are_a_tenth_of_a_point(text: str, value: str) -> None:
    q = find(qs(text), value)
    assert (q.unit, q.kind) == ("pp", "change")


def test_per_cent_points_still_whole_points() -> None:
    assert find(qs("失业率较上年下降0.3个百分点。"), "0.3").unit == "pp"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("去年该市人口自然增长率为-1.25‰。", "-0.125", "%"),
    ("最低气温降至-15℃。", "-15", "°C"),
    ("甲县是1.1‰，乙县是-0.8‰。", "-0.08", "%"),
])
def test_a_minus_after_a_copula_makes_a_negative_level(text: str, value: str, unit: str) -> None:
    q = find(qs(text), value)
    assert (q.unit, q.kind) == (unit, "level")
    assert q.text.startswith("-")


def test_an_english_signed_percent_stays_a_fall() -> None:
    q = qs("The county's net migration rate was -2.4% last year.")[0]
    assert (q.value, q.kind, q.direction) == (D("2.4"), "change", "down")


@pytest.mark.parametrize("text", ["每户补贴为3-5万元。", "The plan covers sections 4-6 of the law."])
def test_a_hyphen_in_a_range_is_no_minus(text: str) -> None:
    assert all(q.value > 0 for q in qs(text))
