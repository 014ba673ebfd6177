"""FC701-FC703 on hand-built documents (time expressions given as the extractor would)."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.checks import dates
from factcheck.models import Finding
from tests.checks_support import doc, reference

SYMPOSIUM = ("10年前的2月,习近平总书记在北京主持召开座谈会,专题听取京津冀协同发展工作汇报,"
             "将京津冀协同发展上升为国家战略。")
SYMPOSIUM_TIMES = [{"at": "10年前", "kind": "ago", "years": 10}, {"at": "2月", "kind": "date", "month": 2}]


def _run(text: str, times: list[dict[str, Any]], published: str | None,
         claims: list[dict[str, Any]] = ()) -> list[Finding]:  # type: ignore[assignment]
    return [r for r in dates.check(doc(text, claims, times, published), reference()) if isinstance(r, Finding)]


def _rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


# ------------------------------------------------------------------------------------------- events


def test_event_matching_is_fuzzy_over_the_sentence() -> None:
    found = dates.matching_events(reference(), SYMPOSIUM)
    assert found and found[0].event.id == "jjj_symposium_2014"
    # The plan outline shares only 京津冀协同发展 with this sentence... which is also a name of the
    # 2014 event; a sentence about the outline names both, the outline best.
    outline = dates.matching_events(reference(), "2015年4月,中央审议通过《京津冀协同发展规划纲要》。")
    assert outline[0].event.id == "jjj_outline_2015"
    assert not dates.matching_events(reference(), "10年前,全市可再生能源装机还不足600万千瓦。")


def test_scattered_mention_scores_high_unrelated_low() -> None:
    name = "京津冀协同发展座谈会"
    assert dates.event_score(name, "主持召开座谈会,专题听取京津冀协同发展工作汇报") >= dates.EVENT_CUTOFF
    assert dates.event_score("京津冀协同发展座谈会", "京津冀协同发展规划纲要印发") < dates.EVENT_CUTOFF


def test_generic_short_names_identify_no_event() -> None:
    assert dates.event_score("座谈会", "5年前,市政府召开座谈会,听取企业意见。") == 0.0
    assert dates.event_score("京津冀协同发展", "京津冀协同发展十年来,我市…") == 100.0


def test_ordinals() -> None:
    assert [dates.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


def test_event_dates_keep_their_precision() -> None:
    outline = reference().event("jjj_outline_2015")
    assert dates.event_date(outline) == dates.EventDate(2015, 4, None)


# ------------------------------------------------------------------------------------------- FC701


def test_ten_years_ago_in_february_agrees_with_the_2014_symposium() -> None:
    assert not _run(SYMPOSIUM, SYMPOSIUM_TIMES, "2024-02-23")


def test_ten_years_ago_in_an_article_of_2026_contradicts_the_event() -> None:
    (f,) = _run(SYMPOSIUM, SYMPOSIUM_TIMES, "2026-02-23")
    assert (f.rule, f.severity, f.category) == ("FC701", "error", "time")
    assert f.expected == "2014-02-26" and f.actual == "2016-02" and f.source == "新华网 2014-02-27"
    assert (f.line, f.column) == (1, 1) and f.claim is None


def test_stated_month_must_match_the_event() -> None:
    text = SYMPOSIUM.replace("2月", "5月")
    times = [{"at": "10年前", "kind": "ago", "years": 10}, {"at": "5月", "kind": "date", "month": 5}]
    assert _rules(_run(text, times, "2024-02-23")) == ["FC701"]


def test_month_folded_into_the_ago_expression() -> None:
    times = [{"at": "10年前的2月", "kind": "ago", "years": 10, "month": 2}]
    assert not _run(SYMPOSIUM, times, "2024-02-23")
    assert _rules(_run(SYMPOSIUM, times, "2025-02-23")) == ["FC701"]


def test_no_event_named_no_finding() -> None:
    text = "10年前,全市可再生能源装机还不足600万千瓦。"
    assert not _run(text, [{"at": "10年前", "kind": "ago", "years": 10}], "2030-01-01")


def test_no_article_date_no_finding() -> None:
    assert not _run(SYMPOSIUM, SYMPOSIUM_TIMES, None)


@pytest.mark.parametrize(("published", "rules"), [("2024-02-23", []), ("2027-02-23", ["FC701"])])
def test_english_years_ago(published: str, rules: list[str]) -> None:
    text = "Ten years ago, Xi Jinping chaired a symposium on Beijing-Tianjin-Hebei coordinated development."
    assert _rules(_run(text, [{"at": "Ten years ago", "kind": "ago", "years": 10}], published)) == rules


def test_elapsed_time_rounding_also_agrees() -> None:
    # 2014-02-26 to 2024-12-31 is 10.8 years: "11 years ago" rounds right although 2024 - 11 = 2013;
    # to 2024-06-01 it is 10.3 years: neither the calendar nor the rounding gives 11.
    text = "Eleven years ago, Xi Jinping chaired a symposium on Beijing-Tianjin-Hebei coordinated development."
    times = [{"at": "Eleven years ago", "kind": "ago", "years": 11}]
    assert not _run(text, times, "2024-12-31")
    assert _rules(_run(text, times, "2024-06-01")) == ["FC701"]


def test_anniversary_against_the_anchored_event() -> None:
    text = "2024年是京津冀协同发展上升为国家战略十周年。"
    times = [{"at": "2024年", "kind": "year", "year": 2024}, {"at": "十周年", "kind": "anniversary", "years": 10}]
    assert not _run(text, times, "2024-12-12")
    bad = [{"at": "2024年", "kind": "year", "year": 2024}, {"at": "十周年", "kind": "anniversary", "years": 9}]
    (f,) = _run(text.replace("十周年", "九周年"), [{**t, "at": t["at"].replace("十", "九")} for t in bad], None)
    assert f.rule == "FC701" and f.expected == "2023" and f.actual == "2024"


def test_anniversary_without_a_stated_year_uses_the_article_date() -> None:
    text = "京津冀协同发展上升为国家战略十周年之际,三地交出一份绿色成绩单。"
    times = [{"at": "十周年", "kind": "anniversary", "years": 10}]
    assert not _run(text, times, "2024-02-26")
    assert _rules(_run(text, times, "2025-02-26")) == ["FC701"]


def test_span_since_the_event() -> None:
    text = "京津冀协同发展十年来,我市始终把交通一体化作为开路先锋。"
    times = [{"at": "十年来", "kind": "span", "years": 10}]
    assert not _run(text, times, "2024-12-12")
    assert _rules(_run(text, times, "2027-12-12")) == ["FC701"]


# ------------------------------------------------------------------------------------------- FC703


MEDICAL = "自2015年以来,京张医疗合作不断深化,{n}年间累计接诊患者3万人次。"


@pytest.mark.parametrize(("n", "rules"), [("9", []), ("10", []), ("7", ["FC703"]), ("11", ["FC703"])])
def test_span_against_the_since_anchor(n: str, rules: list[str]) -> None:
    text = MEDICAL.format(n=n)
    times = [{"at": "自2015年以来", "kind": "since", "year": 2015}, {"at": f"{n}年间", "kind": "span", "years": int(n)}]
    findings = _run(text, times, "2024-12-12")
    assert _rules(findings) == rules
    if findings:
        assert [loc.column for loc in findings[0].locations] == [text.index(f"{n}年间") + 1, 1]


def test_span_in_the_next_sentence_of_the_paragraph() -> None:
    text = "Since 2015, Beijing hospitals have sent experts to Zhangjiakou. Over the past seven years they saw 30,000."
    times = [{"at": "Since 2015", "kind": "since", "year": 2015},
             {"at": "Over the past seven years", "kind": "span", "years": 7}]
    assert _rules(_run(text.replace(". ", "。"), times, "2024-12-12")) == ["FC703"]
    good = text.replace("seven", "nine")
    times[1] = {"at": "Over the past nine years", "kind": "span", "years": 9}
    assert not _run(good.replace(". ", "。"), times, "2024-12-12")


@pytest.mark.parametrize(("published", "rules"), [("2024-12-12", []), ("2027-12-12", ["FC703"])])
def test_span_from_a_year_that_began_something_in_the_paragraph(published: str, rules: list[str]) -> None:
    # The second seed: "2015年2月,市政府…签署了…协议。…9年间,全市累计减少进京就诊患者149万余人次".
    text = ("2015年2月,市政府与北京市卫健委、河北省卫健委共同签署了框架协议。2019年,三方又续签协议。"
            "9年间,全市累计减少进京就诊患者149万余人次。")
    times = [{"at": "2015年2月", "kind": "date", "year": 2015, "month": 2},
             {"at": "2019年", "kind": "year", "year": 2019}, {"at": "9年间", "kind": "span", "years": 9}]
    assert _rules(_run(text, times, published)) == rules


def test_span_ends_at_the_year_its_sentence_states() -> None:
    # The first seed: "2023年数据显示,…自2021年首次达标后连续三年稳定达到国家二级标准" in any later article.
    text = "2023年数据显示,北京市PM2.5年均浓度32微克/立方米,自2021年首次达标后连续三年稳定达到国家二级标准。"
    times = [{"at": "2023年", "kind": "year", "year": 2023}, {"at": "自2021年", "kind": "since", "year": 2021},
             {"at": "连续三年", "kind": "span", "years": 3}]
    assert not _run(text, times, "2027-01-01")
    (f,) = _run(text.replace("连续三年", "连续五年"), [*times[:2], {"at": "连续五年", "kind": "span", "years": 5}],
                "2027-01-01")
    assert f.rule == "FC703" and f.expected == "2" and "the year the sentence states" in f.message


def test_approximate_span_and_other_paragraphs_are_skipped() -> None:
    text = "自2015年以来,京张医疗合作不断深化。\n\n近5年来,全市新增病床3000张。"
    times = [{"at": "自2015年以来", "kind": "since", "year": 2015}, {"at": "近5年来", "kind": "span", "years": 5}]
    assert not _run(text, times, "2024-12-12")
    times[1] = {"at": "5年来", "kind": "span", "years": 5}
    assert not _run(text, times, "2024-12-12")  # the anchor is in another paragraph


@pytest.mark.parametrize(("celebrated", "rules"), [("2024", []), ("2025", ["FC703"])])
def test_anniversary_against_an_anchor_year_in_the_text(celebrated: str, rules: list[str]) -> None:
    text = f"该园区2014年开园,{celebrated}年迎来十周年。"
    times = [{"at": "2014年", "kind": "year", "year": 2014}, {"at": f"{celebrated}年", "kind": "year",
                                                            "year": int(celebrated)},
             {"at": "十周年", "kind": "anniversary", "years": 10}]
    assert _rules(_run(text, times, "2024-06-01")) == rules


def test_english_anniversary_with_anchor_uses_the_article_year() -> None:
    text = "The park, opened in 2015, celebrates its 10th anniversary this spring."
    times = [{"at": "2015", "kind": "year", "year": 2015},
             {"at": "10th anniversary", "kind": "anniversary", "years": 10}]
    assert _rules(_run(text, times, "2024-04-01")) == ["FC703"]
    assert not _run(text, times, "2025-04-01")


@pytest.mark.parametrize(("published", "rules"), [("2024-02-23", []), ("2025-12-23", ["FC703"])])
def test_years_ago_with_the_year_stated(published: str, rules: list[str]) -> None:
    text = "10年前的2014年,全市可再生能源装机还不足600万千瓦。"
    times = [{"at": "10年前", "kind": "ago", "years": 10}, {"at": "2014年", "kind": "year", "year": 2014}]
    assert _rules(_run(text, times, published)) == rules


# ------------------------------------------------------------------------------------------- FC702


def _pm(at: str, year: int) -> dict[str, Any]:
    return {"at": at, "value": at, "unit": "μg/m³", "region": "hebei", "year": year, "metric": "pm25_annual_mean"}


@pytest.mark.parametrize(("text", "rules"), [
    ("2025年,河北PM2.5平均浓度为36微克/立方米。", ["FC702"]),
    ("到2025年,河北PM2.5平均浓度力争降至36微克/立方米。", []),
    ("2025年,河北PM2.5平均浓度预计为36微克/立方米。", []),
    ("In 2025 Hebei's average PM2.5 concentration was 36 micrograms.", ["FC702"]),
    ("In 2025 Hebei's average PM2.5 concentration will be 36 micrograms.", []),
    ("Hebei aims to bring PM2.5 down to 36 micrograms by 2025.", []),
])
def test_future_year_stated_as_past(text: str, rules: list[str]) -> None:
    findings = _run(text, [], "2024-06-05", [_pm("36", 2025)])
    assert _rules(findings) == rules
    if findings:
        assert findings[0].severity == "warning" and findings[0].actual == "2025"


def test_current_year_and_undated_articles_pass() -> None:
    text = "2024年,河北PM2.5平均浓度为36微克/立方米。"
    assert not _run(text, [], "2024-06-05", [_pm("36", 2024)])
    assert not _run(text, [], None, [_pm("36", 2025)])


def test_one_warning_per_sentence_and_year() -> None:
    text = "2025年,河北PM2.5平均浓度为36微克/立方米,张家口为17微克/立方米。"
    (f,) = _run(text, [], "2024-06-05", [_pm("36", 2025), _pm("17", 2025)])
    assert len(f.locations) == 2


@pytest.mark.parametrize("rule", dates.RULES, ids=lambda r: r.id)
def test_catalog_examples_behave_as_documented(rule: Any) -> None:
    from tests.checks_support import example_fires

    assert example_fires(rule.id, rule.fail), rule.fail
    assert not example_fires(rule.id, rule.passes), rule.passes


# ------------------------------------------------------------------------- the event index (speed)


def _each_sentence_of_the_real_articles() -> list[str]:
    from pathlib import Path

    from factcheck.load import load_path
    from factcheck.normalize import normalize
    from factcheck.segment import segment

    root = Path(__file__).resolve().parents[1]
    paths = [*sorted((root / "samples").iterdir()), *sorted((root / "tests" / "gold" / "articles").iterdir())]
    seeds = root.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths += sorted(seeds.glob("*.txt"))
    out = []
    for path in paths:
        loaded = load_path(str(path))
        norm = normalize(loaded.text, loaded.format)
        out += [s.text for s in segment(norm.text)]
    return out


def _one_by_one(ref: Any, text: str) -> list[dates.Match]:
    """matching_events as documented: every dated event's names scored by event_score, best name per event."""
    out = []
    for event in ref.events:
        when = dates.event_date(event)
        if when is None:
            continue
        best: tuple[float, int, str] | None = None
        for name in event.names:
            score = dates.event_score(str(name), text)
            if score >= dates.EVENT_CUTOFF and (best is None or (score, len(name)) > best[:2]):
                best = (score, len(name), str(name))
        if best is not None:
            out.append(dates.Match(event, best[2], best[0], when))
    return sorted(out, key=lambda m: (-m.score, -len(m.name), str(m.event.id)))


def test_the_event_index_finds_what_scoring_each_name_finds() -> None:
    import random

    from factcheck.reference import default_reference_path, load_reference

    ref = load_reference(default_reference_path())
    texts = _each_sentence_of_the_real_articles()
    rng = random.Random(7)
    names = [n for e in ref.events for n in e.names]
    filler = "的了在年月日京津冀协同发展座谈会主持召开北京河北2014 the of and summit plan"
    for _ in range(1500):  # fragments of event names in noise: near the cut-off, both ways
        parts = rng.sample(names, rng.randint(1, 3))
        noise = ["".join(rng.choice(filler) for _ in range(rng.randint(0, 12))) for _ in parts]
        texts.append("".join(p[: rng.randint(1, len(p))] + n for p, n in zip(parts, noise, strict=True)))
    matched = 0
    for text in texts:
        expected = _one_by_one(ref, text)
        assert dates.matching_events(ref, text) == expected, text
        assert dates.matching_events(ref, text) == expected  # memoized: the same answer again
        matched += bool(expected)
    assert matched > 100  # the comparison covered texts that do name events


def test_the_event_index_follows_the_reference_it_is_given() -> None:
    from factcheck.reference import parse_reference
    from tests.checks_support import REFERENCE_YAML

    text = "京津冀协同发展座谈会召开以来"
    assert [m.event.id for m in dates.matching_events(reference(), text)] == ["jjj_symposium_2014"]
    yaml = REFERENCE_YAML.replace("京津冀协同发展座谈会, ", "京津冀协同发展专题座谈会, ")
    renamed = parse_reference(yaml, "other.yaml")
    assert [m.name for m in dates.matching_events(renamed, text)] != [
        m.name for m in dates.matching_events(reference(), text)]
