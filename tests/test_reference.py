"""factcheck.reference: the curated claims.yaml, the lookups, and every way a reference file can be wrong."""

from __future__ import annotations

import datetime as dt
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from factcheck.reference import (
    Fact,
    Metric,
    Reference,
    ReferenceError,
    Region,
    clear_cache,
    default_reference_path,
    load_reference,
    parse_reference,
    validate,
)

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "claims.yaml"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
COLLECTED = SHARED / "reference" / "collected_facts.yaml"
PM = "pm25_annual_mean"
TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_NOTE = re.compile(rf"\((?=[a-zü{TONES}]*[{TONES}])[a-zü{TONES}]{{1,6}}\)")


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference(CLAIMS)


def one(ref: Reference, region: str, metric: str, year: int, kind: str = "level",
        baseline_year: int | None = None) -> Fact:
    facts = ref.facts_for(region, metric, year, kind, baseline_year)
    assert len(facts) == 1, facts
    return facts[0]


# ------------------------------------------------------------------------------ the real claims.yaml


def test_real_reference_counts_and_every_fact_is_sourced(ref: Reference) -> None:
    assert len(ref.regions) >= 17 and len(ref.metrics) >= 10 and len(ref.facts) >= 150 and len(ref.events) >= 5
    for f in ref.facts:
        assert f.source.strip(), f
        assert f.quote.strip(), f  # the words of the source that state the value
        assert f.line > 0 and f.column > 0
        for v in f.variants:
            assert v.source.strip() and v.quote.strip(), v
    for e in ref.events:
        assert e.source.strip() and e.quote.strip(), e


def test_key_values(ref: Reference) -> None:
    assert one(ref, "beijing", PM, 2023).value == Decimal("32")
    assert one(ref, "hebei", PM, 2023).value == Decimal("38.6")
    assert one(ref, "zhangjiakou", PM, 2014).value == Decimal("35")
    tianjin = one(ref, "tianjin", PM, 2023, "change", 2013)
    assert tianjin.value == Decimal("-57.3") and tianjin.unit == "%"
    assert one(ref, "beijing", PM, 2023).unit == "μg/m³"


def test_official_values_with_variants(ref: Reference) -> None:
    beijing_2013 = one(ref, "beijing", PM, 2013)
    assert beijing_2013.value == Decimal("89.5")
    assert [(v.value, v.quality) for v in beijing_2013.variants] == [(Decimal("90.1"), "secondary")]
    assert "Greenpeace" in beijing_2013.variants[0].source
    tianjin_2020 = one(ref, "tianjin", PM, 2020)
    assert tianjin_2020.value == Decimal("48")
    assert [(v.value, v.quality) for v in tianjin_2020.variants] == [(Decimal("51"), "low")]


def test_known_bad_figures_are_not_reference_values(ref: Reference) -> None:
    # low-quality and internally inconsistent entries of the collected file, and the seed's unsupported baseline
    assert ref.facts_for("beijing", PM, 2019, "change", 2013) == ()  # "-48.7%" (low-quality page)
    assert ref.facts_for("hebei", PM, 2023, "change", 2014) == ()  # seed 000's "-57.6% vs 2014"
    assert ref.facts_for("hebei", PM, 2021, "change", 2020) == ()  # "-15.3%", inconsistent with 44.8
    assert ref.facts_for("shijiazhuang", PM, 2013) == ()  # Greenpeace 148.5 vs an official ~156
    assert ref.facts_for("beijing", "gdp", 2023) == ()  # low-quality aggregator snippet
    assert all(f.value != 190 for f in ref.facts_for("jingjinji", "gdp", 2023, "change", 2013))
    assert all(f.quality != "low" for f in ref.facts)


def test_partial_year_is_a_separate_metric(ref: Reference) -> None:
    assert one(ref, "chengde", "pm25_mean_jan_nov", 2023).value == Decimal("25")
    assert ref.facts_for("chengde", PM, 2023) == ()
    assert one(ref, "zhangjiakou", "pm25_mean_jan_nov", 2023).value == Decimal("18")
    assert "seed 002" in one(ref, "zhangjiakou", PM, 2023).source  # the full-year 18 comes from the seed


def test_values_are_in_base_units(ref: Reference) -> None:
    assert one(ref, "zhangjiakou", "renewable_capacity", 2024).value == Decimal("35650000")  # 3565万千瓦
    assert one(ref, "zhangjiakou", "renewable_capacity", 2020).value == Decimal("20031850")  # 2003.185万千瓦
    assert one(ref, "caofeidian", "jingjin_project_investment_since_2014", 2024).value == Decimal("203722000000")
    assert one(ref, "jingjinji", "gdp", 2023).value == Decimal("10.4E12")
    assert {ref.metrics[m].unit for m in ("renewable_capacity", "gdp", "good_air_days")} == {"kW", "元", "天"}


def test_bounds_and_approximations_carry_a_qualifier(ref: Reference) -> None:
    assert one(ref, "zhangjiakou", "patient_visits_to_beijing_reduced", 2024).qualifier == "at_least"  # 149万余
    assert one(ref, "jingjinji", PM, 2023, "change", 2013).qualifier == "about"  # 六成左右
    assert one(ref, "jingjinji", "gdp", 2022).qualifier == "more_than"


def test_seed_quotes_are_verbatim(ref: Reference) -> None:
    if not SEEDS.is_dir():
        pytest.skip("seed articles (../shared/seeds) not present")
    texts = {p.name: PINYIN_NOTE.sub("", p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    seeded = [(x.source, x.quote) for x in (*ref.facts, *ref.events) if "(seed " in x.source]
    assert len(seeded) >= 10
    for source, quote in seeded:
        name = re.search(r"\(seed (\S+\.txt)\)", source)
        assert name is not None and name.group(1) in texts, source
        assert quote in texts[name.group(1)], quote


def test_other_quotes_come_from_the_collected_facts(ref: Reference) -> None:
    if not COLLECTED.is_file():
        pytest.skip("../shared/reference/collected_facts.yaml not present")
    entries = yaml.safe_load(COLLECTED.read_text(encoding="utf-8"))
    said = [str(e.get("quote", "")) + "\n" + str(e.get("note", "")) + "\n" + str(e["source"]) for e in entries]
    sources = {str(e["source"]) for e in entries}
    items = [(f.source, f.quote) for f in ref.facts] + [(v.source, v.quote) for f in ref.facts for v in f.variants]
    items += [(e.source, e.quote) for e in ref.events]
    checked = 0
    for source, quote in items:
        if "(seed " in source:
            continue
        assert source in sources, source
        assert any(quote in s for s in said), quote
        checked += 1
    assert checked >= 150


def test_validate_the_real_reference(ref: Reference) -> None:
    problems = validate(ref)
    assert [p for p in problems if p.severity != "info"] == []
    # Restated baselines are reported, not hidden: the 2020 bulletin's -27.7% vs 2017 does not fit 65 -> 44.8.
    assert any("hebei pm25_annual_mean 2020 vs 2017" in p.message and "-31.1" in p.message for p in problems)


# -------------------------------------------------------------------------------- lookups


def test_region_names_simplified_traditional_english_pinyin(ref: Reference) -> None:
    for name in ("张家口", "張家口", "張家口市", "Zhangjiakou", "ZHANGJIAKOU", " zhangjiakou "):
        assert ref.region_by_name(name) == "zhangjiakou", name
    assert ref.region_by_name("石家莊") == "shijiazhuang"
    assert ref.region_by_name("Jing-Jin-Ji") == ref.region_by_name("京津冀") == "jingjinji"
    assert ref.region_by_name("Beijing-Tianjin-Hebei") == "jingjinji"
    assert ref.region_by_name("全国") == ref.region_by_name("nationwide") == "china"
    assert ref.region_by_name("曹妃甸區") == "caofeidian"
    assert ref.region_by_name("张家") is None  # exact only: fuzzy matching is the resolver's job


def test_metric_names(ref: Reference) -> None:
    for name in ("细颗粒物(PM2.5)年均浓度", "细颗粒物PM2.5年均浓度", "細顆粒物(PM2.5)年均濃度", "PM2.5浓度",
                 "PM2.5年平均浓度", "average PM2.5 concentration", "Average PM2.5 Concentration", "PM2.5 density"):
        assert ref.metric_by_name(name) == PM, name
    assert ref.metric_by_name("空气质量综合指数") == "air_quality_composite_index"
    assert ref.metric_by_name("可再生能源装机容量") == ref.metric_by_name("可再生能源裝機規模") == "renewable_capacity"
    assert ref.metric_by_name("优良天数") == "good_air_days"
    assert ref.metric_by_name("重污染天数") == "heavy_pollution_days"
    assert ref.metric_by_name("地区生产总值") == ref.metric_by_name("GDP") == "gdp"
    assert ref.metric_by_name("1-11月PM2.5平均浓度") == "pm25_mean_jan_nov"


def test_standards_and_events(ref: Reference) -> None:
    grade2 = ref.standard(ref.standard_by_name("国家二级标准") or "")
    assert grade2 is not None and grade2.limit == 35 and grade2.metric == PM and grade2.comparison == "<="
    assert grade2.complies(Decimal("32")) and not grade2.complies(Decimal("38.6"))
    assert ref.standards_by_name["二级标准"] is grade2
    grade1 = ref.standard(ref.standard_by_name("一级标准") or "")
    assert grade1 is not None and grade1.limit == 15
    assert [s.limit for s in ref.standards_for("pm25_24h_mean")] == [Decimal(75), Decimal(35)]
    symposium = ref.event(ref.event_by_name("座谈会") or "")
    assert symposium is not None and symposium.date == dt.date(2014, 2, 26) and symposium.precision == "day"
    assert ref.event_by_name("习近平总书记在北京主持召开座谈会") == symposium.id == "jjj_symposium_2014"
    outline = ref.event("jjj_outline_approved_2015")
    assert outline is not None and (outline.date, outline.precision) == (dt.date(2015, 4, 1), "month")
    xiongan = ref.event("xiongan_announcement_2017")
    assert xiongan is not None and xiongan.date == dt.date(2017, 4, 1)


def test_ancestors_and_display_names(ref: Reference) -> None:
    assert ref.ancestors("caofeidian") == ("tangshan", "hebei")
    assert ref.ancestors("zhangjiakou") == ("hebei",)
    assert ref.ancestors("beijing") == ()
    assert ref.display_name("region", "zhangjiakou") == "张家口"
    assert ref.display_name("region", "zhangjiakou", lang="en") == "Zhangjiakou"
    assert ref.display_name("metric", PM) == "PM2.5年均浓度"
    assert ref.display_name("region", "nowhere") == "nowhere"


def test_name_table_longest_first_and_all_names(ref: Reference) -> None:
    table = ref.name_table()
    lengths = [len(n) for n, _, _ in table]
    assert lengths == sorted(lengths, reverse=True)
    assert ("京津冀及周边地区", "region", "jingjinji_zhoubian") in table
    assert {k for _, k, _ in table} == {"region", "metric", "standard", "event"}
    # the longer name wins a scan: 京津冀及周边地区 comes before 京津冀
    order = [n for n, _, _ in table]
    assert order.index("京津冀及周边地区") < order.index("京津冀")
    assert ("張家口", "zhangjiakou") in ref.all_names("region")
    with pytest.raises(ValueError, match="unknown name kind"):
        ref.all_names("city")


def test_facts_for_distinguishes_kind_and_baseline(ref: Reference) -> None:
    levels = ref.facts_for("beijing", PM, 2023)
    changes = ref.facts_for("beijing", PM, 2023, "change", 2013)
    assert [f.value for f in levels] == [Decimal(32)]
    assert [f.value for f in changes] == [Decimal("-64.2")]
    assert [f.value for f in ref.facts_for("beijing", PM, 2023, "change", 2019)] == [Decimal("-23.8")]
    assert ref.facts_for("beijing", PM, 2023, "change") == ()
    assert ref.facts_for("beijing", PM, 1999) == ()
    # a level ignores a baseline year
    assert ref.facts_for("beijing", PM, 2023, "level", 2013) == levels
    # absolute and relative changes of one figure live side by side, told apart by unit
    both = ref.facts_for("beijing", "heavy_pollution_days", 2021, "change", 2013)
    assert sorted(f.unit for f in both) == ["%", "天"]


def test_reference_built_directly_has_its_indexes() -> None:
    r = Reference("x.yaml", {"beijing": Region("beijing", ("北京",))}, {PM: Metric(PM, ("PM2.5年均浓度",), "μg/m³")},
                  (), (Fact("beijing", PM, 2023, Decimal(32), "μg/m³", "s"),))
    assert r.facts_for("beijing", PM, 2023)[0].value == 32
    assert r.region_by_name("北京") == "beijing" and r.metric_by_name(PM) == PM
    assert r.events == () and r.name_table() == (("PM2.5年均浓度", "metric", PM), ("北京", "region", "beijing"))


# ------------------------------------------------------------------------------ loading and caching


def test_cache_by_content(tmp_path: Path) -> None:
    clear_cache()
    p = tmp_path / "r.yaml"
    p.write_text(SMALL, encoding="utf-8")
    first = load_reference(p)
    assert load_reference(p) is first
    assert load_reference(str(p)) is first
    p.write_text(SMALL.replace("value: 32", "value: 33"), encoding="utf-8")
    second = load_reference(p)
    assert second is not first and second.facts[0].value == 33
    assert first.digest != second.digest and len(second.digest) == 64


def test_default_reference_path_prefers_package_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.resources

    from factcheck import reference

    # The package's data folder is where importlib.resources finds it (without importing it on every start).
    assert reference._package_data() == Path(str(importlib.resources.files("factcheck") / "data"))
    assert default_reference_path() == CLAIMS  # a source checkout: the top-level file
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "claims.yaml").write_text(SMALL, encoding="utf-8")
    monkeypatch.setattr(reference, "_package_data", lambda: tmp_path / "data")
    assert default_reference_path() == tmp_path / "data" / "claims.yaml"


def test_pure_python_parser_gives_the_same_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parse_reference(CLAIMS.read_text(encoding="utf-8"), "claims.yaml")
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    slow = parse_reference(CLAIMS.read_text(encoding="utf-8"), "claims.yaml")
    assert slow.facts == fast.facts and slow.events == fast.events and dict(slow.regions) == dict(fast.regions)


def test_many_facts_load_in_linear_time(tmp_path: Path) -> None:
    def build(n: int) -> str:
        lines = [HEAD]
        for i in range(n):
            lines.append(f'  - {{region: beijing, metric: {PM}, year: {1900 + i % 200}, value: {i % 997}.5, '
                         f'unit: μg/m³, source: "bulletin {i}", quote: "PM2.5年均浓度为{i % 997}.5微克/立方米"}}\n')
        return "".join(lines)

    t0 = time.perf_counter()
    small = parse_reference(build(2000), "small.yaml")
    t1 = time.perf_counter()
    big = parse_reference(build(20000), "big.yaml")
    t2 = time.perf_counter()
    assert len(small.facts) == 2000 and len(big.facts) == 20000
    assert len(big.facts_for("beijing", PM, 1950)) == 100
    assert t2 - t1 < 10 * (t1 - t0) * 2.5 + 0.5  # ten times the facts, not a hundred times the time
    assert t2 - t1 < 6.0


# ------------------------------------------------------------------------------ errors, one per class

HEAD = (
    "version: 1\n"  # 1
    "regions:\n"  # 2
    "  beijing: {names: [北京, 北京市, Beijing]}\n"  # 3
    "metrics:\n"  # 4
    "  pm25_annual_mean: {names: [PM2.5年均浓度], unit: μg/m³}\n"  # 5
    "facts:\n"  # 6
)
SMALL = HEAD + "  - {region: beijing, metric: pm25_annual_mean, year: 2023, value: 32, source: 北京市生态环境局}\n"


def fact(*lines: str) -> str:
    """A block-style fact starting on line 7 (keys at column 5)."""
    return HEAD + "  - " + "\n    ".join(lines) + "\n"


def error_of(tmp_path: Path, text: str | bytes, name: str = "claims.yaml") -> ReferenceError:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ReferenceError) as info:
        load_reference(path)
    err = info.value
    assert str(err) == f"{path}:{err.line}:{err.column}: {err.message}"
    assert "\n" not in str(err)
    return err


def where(err: ReferenceError) -> tuple[int, int]:
    return err.line, err.column


def test_error_unreadable_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(ReferenceError) as info:
        load_reference(missing)
    assert str(info.value) == f"{missing}:1:1: cannot read reference file: No such file or directory"
    with pytest.raises(ReferenceError, match="cannot read reference file"):
        load_reference(tmp_path)  # a directory


def test_error_not_utf8(tmp_path: Path) -> None:
    err = error_of(tmp_path, b"version: 1\nregions:\n  beijing: {names: [\xb1\xb1]}\n")
    assert where(err) == (3, 21)
    assert "not valid UTF-8 (byte 0xb1)" in err.message


def test_error_malformed_yaml_uses_the_problem_mark(tmp_path: Path) -> None:
    err = error_of(tmp_path, "version: 1\nregions: {beijing: [北京}\n")
    assert where(err) == (2, 23)  # the "}" that should have been "]" (columns count characters)
    assert err.message.startswith("malformed YAML: did not find expected ',' or ']'")
    err = error_of(tmp_path, "version: 1\nfacts:\n  - region: beijing\n   metric: x\n")
    assert where(err) == (4, 4)


def test_error_empty_and_not_a_mapping(tmp_path: Path) -> None:
    err = error_of(tmp_path, "")
    assert where(err) == (1, 1) and "empty reference file" in err.message
    err = error_of(tmp_path, "# only a comment\n- beijing\n- hebei\n")
    assert where(err) == (2, 1)
    assert err.message == ("a reference file must be a mapping with keys version, regions, metrics, standards, "
                           "facts, events; got a list")


def test_error_version(tmp_path: Path) -> None:
    err = error_of(tmp_path, "version: 2\nregions: {}\n")
    assert where(err) == (1, 10) and err.message == "unsupported reference version '2': this factcheck reads version 1"
    err = error_of(tmp_path, 'version: "1"\n')
    assert where(err) == (1, 10) and "version" in err.message
    err = error_of(tmp_path, "regions: {}\n")
    assert where(err) == (1, 1) and "missing required key 'version'" in err.message


def test_error_unknown_key_names_entry_key_and_expected(tmp_path: Path) -> None:
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "year: 2023", "valeu: 32",
                                  "source: x"))
    assert where(err) == (10, 5)
    assert err.message.startswith("fact #1: unknown key 'valeu' (expected one of: baseline_year, kind, metric,")
    assert err.message.endswith("did you mean 'value'?")
    err = error_of(tmp_path, HEAD.replace("regions:", "region:"))
    assert where(err) == (2, 1) and "top level: unknown key 'region'" in err.message and "'regions'" in err.message
    err = error_of(tmp_path, HEAD.replace("unit: μg/m³", "unit: μg/m³, units: x"))
    assert where(err) == (5, 55) and err.message.startswith("metric 'pm25_annual_mean': unknown key 'units'")


def test_error_missing_required_key(tmp_path: Path) -> None:
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "value: 32", "source: x"))
    assert where(err) == (7, 5) and err.message == "fact #1: missing required key 'year'"
    err = error_of(tmp_path, HEAD.replace(", unit: μg/m³", ""))
    assert where(err) == (5, 21) and err.message == "metric 'pm25_annual_mean': missing required key 'unit'"


def test_error_fact_without_source(tmp_path: Path) -> None:
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "year: 2023", "value: 32"))
    assert where(err) == (7, 5)
    assert err.message == ("fact #1: missing required key 'source' "
                           "(every fact must cite where its value was published)")
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "year: 2023", "value: 32",
                                  "source: ~"))
    assert where(err) == (11, 13) and err.message == "fact #1: 'source' must not be empty"


def test_error_wrong_types(tmp_path: Path) -> None:
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "year: 2023", 'value: "32"',
                                  "source: x"))
    assert where(err) == (10, 12)
    assert err.message == "fact #1: 'value' must be a number, got the quoted string '32' (remove the quotes)"
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "year: twenty", "value: 32",
                                  "source: x"))
    assert where(err) == (9, 11) and err.message == "fact #1: 'year' must be a four-digit year, got 'twenty'"
    err = error_of(tmp_path, HEAD.replace("{names: [北京, 北京市, Beijing]}", "{names: 北京}"))
    assert where(err) == (3, 20) and err.message == "region 'beijing': 'names' must be a list of strings, got '北京'"
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "year: 2023", "value: 32",
                                  "source: x", "kind: decrease"))
    assert where(err) == (12, 11) and "'kind' must be one of level, change, multiple" in err.message
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "year: 2023", "value: -3",
                                  "kind: change", "source: x"))
    assert where(err) == (7, 5) and "needs 'baseline_year'" in err.message
    err = error_of(tmp_path, "version: 1\nevents:\n  - {id: e, date: 2014-02-30, names: [x], source: y}\n")
    assert where(err) == (3, 19) and "'date' '2014-02-30' is not a valid date" in err.message


def test_error_undeclared_region_and_metric(tmp_path: Path) -> None:
    err = error_of(tmp_path, fact("region: beijng", "metric: pm25_annual_mean", "year: 2023", "value: 32",
                                  "source: x"))
    assert where(err) == (7, 13)
    assert err.message == "fact #1: region 'beijng' is not declared under 'regions'; did you mean 'beijing'?"
    err = error_of(tmp_path, fact("region: beijing", "metric: pm10", "year: 2023", "value: 32", "source: x"))
    assert where(err) == (8, 13) and err.message.startswith("fact #1: metric 'pm10' is not declared under 'metrics'")
    err = error_of(tmp_path, "version: 1\nregions:\n  zhangjiakou: {names: [张家口], parent: hebei}\n")
    assert where(err) == (3, 39) and "parent 'hebei' is not declared under 'regions'" in err.message


def test_error_duplicate_keys(tmp_path: Path) -> None:
    err = error_of(tmp_path, fact("region: beijing", "metric: pm25_annual_mean", "year: 2023", "value: 32",
                                  "value: 33", "source: x"))
    assert where(err) == (11, 5) and err.message == "fact #1: duplicate key 'value' (first given at line 10)"
    err = error_of(tmp_path, HEAD + "  - {region: beijing, metric: pm25_annual_mean, year: 2023, value: 32, "
                                    "source: x}\nregions: {}\n")
    assert where(err) == (8, 1) and err.message == "top level: duplicate key 'regions' (first given at line 2)"
    err = error_of(tmp_path, HEAD.replace("metrics:", "  beijing: {names: [京]}\nmetrics:"))
    assert where(err) == (4, 3) and err.message == "regions: duplicate key 'beijing' (first given at line 3)"


def test_error_a_name_for_two_entries(tmp_path: Path) -> None:
    err = error_of(tmp_path, HEAD.replace("metrics:", "  tianjin: {names: [天津, Beijing]}\nmetrics:"))
    assert where(err) == (4, 25)
    assert err.message == ("region 'tianjin': name 'Beijing' already names region 'beijing' (line 3); "
                           "a name must identify one region")


def test_error_parent_cycle_and_bad_id(tmp_path: Path) -> None:
    err = error_of(tmp_path, "version: 1\nregions:\n  a: {names: [A], parent: b}\n  b: {names: [B], parent: a}\n")
    assert where(err) == (3, 27) and err.message == "region 'a': parent chain loops back to 'a'"
    err = error_of(tmp_path, "version: 1\nregions:\n  Beijing: {names: [北京]}\n")
    assert where(err) == (3, 3) and "region id 'Beijing' must be lowercase ASCII" in err.message


def test_error_aliases_and_anchors_are_refused(tmp_path: Path) -> None:
    err = error_of(tmp_path, HEAD + "  - &f {region: beijing, metric: pm25_annual_mean, year: 2023, value: 32, "
                                    "source: x}\n  - *f\n")
    assert where(err) == (7, 5) and err.message.startswith("YAML anchor '&f' is not allowed")
    err = error_of(tmp_path, HEAD + "  - <<: *base\n    year: 2023\n")
    assert where(err) == (7, 9) and err.message.startswith("YAML alias '*base' is not allowed")


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    lines = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"  # 9**10 strings if expanded
    started = time.perf_counter()
    err = error_of(tmp_path, bomb)
    assert time.perf_counter() - started < 0.5
    assert where(err) == (1, 6) and "anchor '&a'" in err.message
    # without its anchors the bomb stops at the first alias, before anything is expanded
    started = time.perf_counter()
    err = error_of(tmp_path, "version: 1\n" + re.sub(r"&[a-j] ", "", bomb), "bomb2.yaml")
    assert time.perf_counter() - started < 0.5
    assert where(err) == (3, 5) and err.message.startswith("YAML alias '*a' is not allowed")


def test_error_unsafe_tags_and_documents(tmp_path: Path) -> None:
    err = error_of(tmp_path, "version: !!python/object/apply:os.system [echo hi]\n")
    assert where(err) == (1, 10) and "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'" in err.message
    err = error_of(tmp_path, "version: 1\n---\nversion: 1\n")
    assert where(err) == (2, 1) and "holds one YAML document" in err.message


def test_parse_reference_reports_the_given_path() -> None:
    with pytest.raises(ReferenceError) as info:
        parse_reference("version: 1\nfacts: {}\n", "inline.yaml")
    assert str(info.value) == "inline.yaml:2:8: 'facts' must be a list of entries, got a mapping"


# ------------------------------------------------------------------------------ validate()


def test_validate_reports_conflicts_duplicates_units_and_changes(tmp_path: Path) -> None:
    text = HEAD.replace("metrics:", "metrics:\n  days: {names: [天数], unit: 天}").replace(
        "regions:", "regions:\n  hebei: {names: [河北, 天数]}") + (
        "  - {region: beijing, metric: pm25_annual_mean, year: 2013, value: 89.5, source: official}\n"  # 9
        "  - {region: beijing, metric: pm25_annual_mean, year: 2013, value: 90.1, source: greenpeace}\n"  # 10
        "  - {region: beijing, metric: pm25_annual_mean, year: 2013, value: 89.5, source: again}\n"  # 11
        "  - {region: beijing, metric: pm25_annual_mean, year: 2023, value: 32, source: s, unit: ug/m3}\n"  # 12
        "  - {region: beijing, metric: pm25_annual_mean, year: 2023, kind: change, baseline_year: 2013,"
        " value: -50, source: s}\n"  # 13
        "  - {region: beijing, metric: days, year: 2023, value: 8, unit: '%', source: s}\n"  # 14
    )
    path = tmp_path / "v.yaml"
    path.write_text(text, encoding="utf-8")
    r = load_reference(path)
    assert r.facts[3].unit == "μg/m³"  # ug/m3 folded on load
    problems = [(p.line, p.column, p.severity, p.message) for p in validate(r)]
    assert problems[0] == (6, 3, "warning", "name '天数' is shared by metric 'days', region 'hebei'")
    assert (10, 5, "warning",
            "conflicting facts for beijing pm25_annual_mean 2013: 90.1 μg/m³ (greenpeace) vs 89.5 μg/m³ at line 9 "
            "(official); keep the official figure and record the other under 'variants'") in problems
    assert (11, 5, "info", "duplicate fact beijing pm25_annual_mean 2013 = 89.5 μg/m³ (same as line 9)") in problems
    assert (13, 5, "info",
            "beijing pm25_annual_mean 2023 vs 2013: the stated change -50 % disagrees with the levels 32 (line 12) "
            "and 89.5 (line 9), which give -64.2 % (a restated or unrounded baseline?)") in problems
    assert (14, 5, "warning", "unit '%' differs from the unit of metric 'days' ('天')") in problems
    assert len(problems) == 5
