"""Hand-built documents and a small reference for the unit tests of the check families.

The documents skip normalize/segment/extract/resolve: the text is its own normalized
text, sentences end at 。!?; or a line break (a blank line starts a new paragraph), and
claims and time expressions are given as dicts that name the substring they stand for.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from factcheck.document import Document
from factcheck.models import Claim, Clause, Extraction, Loaded, Normalized, Sentence, TimeExpr
from factcheck.positions import LineIndex
from factcheck.reference import Reference, parse_reference

REFERENCE_YAML = """\
version: 1
regions:
  beijing: {names: [北京, 北京市, Beijing]}
  tianjin: {names: [天津, 天津市, Tianjin]}
  hebei: {names: [河北, 河北省, Hebei]}
  zhangjiakou: {names: [张家口, 张家口市, Zhangjiakou], parent: hebei}
  jingjinji: {names: [京津冀, 京津冀地区]}
metrics:
  pm25_annual_mean: {names: [PM2.5平均浓度, PM2.5年均浓度, average PM2.5 concentration], unit: μg/m³}
  good_air_share: {names: [优良天数比例, share of good-air days], unit: "%"}
  gdp: {names: [地区生产总值, GDP], unit: 元}
facts:
  - {region: hebei, metric: pm25_annual_mean, year: 2013, value: 108, source: "河北 2013 bulletin"}
  - {region: hebei, metric: pm25_annual_mean, year: 2017, value: 65, source: "Xinhua 2018"}
  - {region: hebei, metric: pm25_annual_mean, year: 2023, value: 38.6, source: "河北 2023 bulletin"}
  - {region: zhangjiakou, metric: pm25_annual_mean, year: 2014, value: 35, source: "张家口 2014"}
  - {region: beijing, metric: pm25_annual_mean, year: 2013, value: 89.5, source: "北京 2013 bulletin",
     variants: [{value: 90.1, source: Greenpeace}]}
  - {region: beijing, metric: pm25_annual_mean, year: 2023, value: 32, source: "北京 2023 bulletin"}
  - {region: tianjin, metric: pm25_annual_mean, year: 2023, value: 41, source: "天津 2023"}
  - {region: tianjin, metric: pm25_annual_mean, year: 2023, kind: change, baseline_year: 2013, value: -57.3,
     source: "天津 ten-year summary"}
  - {region: hebei, metric: good_air_share, year: 2023, value: 68.5, source: "河北 2023 bulletin"}
  - {region: hebei, metric: good_air_share, year: 2013, value: 35.3, source: "河北 2013 bulletin"}
  # test figures, not from a bulletin
  - {region: jingjinji, metric: gdp, year: 2023, value: 10400000000000, source: "test: 10.4万亿"}
  - {region: jingjinji, metric: gdp, year: 2013, value: 5500000000000, source: "test: 5.5万亿"}
events:
  - {id: jjj_symposium_2014, date: 2014-02-26, source: "新华网 2014-02-27",
     names: [京津冀协同发展座谈会, 京津冀协同发展上升为国家战略, 京津冀协同发展,
             Beijing-Tianjin-Hebei coordinated development symposium]}
  - {id: jjj_outline_2015, date: 2015-04, source: "天津市教科院学报 2020",
     names: [京津冀协同发展规划纲要, Outline of the Plan for Coordinated Development]}
"""


def reference() -> Reference:
    return parse_reference(REFERENCE_YAML, "test-claims.yaml")


def sentences_of(text: str) -> tuple[Sentence, ...]:
    """Sentences end at 。!?; or a line break; a blank line starts a new paragraph."""
    out: list[Sentence] = []
    for m in re.finditer(r"[^。!?;！？；\n]+[。!?;！？；]?", text):
        body = m.group(0)
        if not body.strip():
            continue
        clauses = tuple(Clause(c.start() + m.start(), c.end() + m.start(), c.group(0))
                        for c in re.finditer(r"[^,，、]+[,，、]?", body))
        paragraph = text.count("\n\n", 0, m.start())
        out.append(Sentence(len(out), m.start(), m.end(), body, paragraph, clauses))
    return tuple(out)


def _find(text: str, needle: str, occurrence: int = 0) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise AssertionError(f"{needle!r} not in {text!r}")
    return start


def _half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(min(exponent, 0) - 1)


def doc(text: str, claims: list[dict[str, Any]] = (), times: list[dict[str, Any]] = (),  # type: ignore[assignment]
        published: str | None = None, path: str = "a.txt") -> Document:
    """A document whose claims/times are given by dicts: ``at`` (substring), ``n`` (occurrence), fields."""
    lines = LineIndex(text)
    sentences = sentences_of(text)
    built: list[Claim] = []
    for i, spec in enumerate(claims):
        spec = dict(spec)
        at = spec.pop("at")
        start = _find(text, at, spec.pop("n", 0))
        end = start + len(at)
        sentence = next(s for s in sentences if s.start <= start < s.end)
        value = Decimal(str(spec.pop("value")))
        line, column = lines.line_col(start)
        fields: dict[str, Any] = {
            "kind": "level", "unit": None, "year": None, "baseline_year": None, "direction": None,
            "region": None, "metric": None, "qualifier": None, "precision": _half_unit(value),
        }
        fields.update(spec)
        if isinstance(fields["precision"], str | int | float):
            fields["precision"] = Decimal(str(fields["precision"]))
        built.append(Claim(
            id=spec.get("id", f"c{i + 1}"), path=path, line=line, column=column, quote=text[start:end],
            sentence=sentence.text.strip(), value=value, start=start, end=end, nstart=start, nend=end,
            sentence_index=sentence.index, **{k: v for k, v in fields.items() if k != "id"},
        ))
    time_exprs = []
    for spec in times:
        spec = dict(spec)
        at = spec.pop("at")
        start = _find(text, at, spec.pop("n", 0))
        time_exprs.append(TimeExpr(start, start + len(at), at, **spec))
    loaded = Loaded(path=path, text=text, encoding="utf-8")
    norm = Normalized(text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    return Document(loaded, norm, sentences, Extraction((), tuple(time_exprs)), tuple(built), lines,
                    dt.date.fromisoformat(published) if published else None)



def example_fires(rule_id: str, example: str) -> bool:
    """Run a rule's catalog example through the whole pipeline with the bundled reference.

    ``(dated YYYY-MM-DD)`` at the end sets the article's date; ``a.txt: … b.txt: …`` makes two files.
    """
    from factcheck.pipeline import Options, check_loaded
    from factcheck.reference import default_reference_path, load_reference

    date = None
    m = re.search(r"\s*\(dated (\d{4}-\d{2}-\d{2})\)\s*$", example)
    if m:
        date = dt.date.fromisoformat(m.group(1))
        example = example[: m.start()]
    parts = [p.strip() for p in re.split(r"\b[a-z]\.txt:\s*", example) if p.strip()]
    items = [Loaded(path=f"{chr(ord('a') + i)}.txt", text=t, encoding="utf-8") for i, t in enumerate(parts)]
    result = check_loaded(items, load_reference(default_reference_path()), Options(date=date))
    findings = [f for fr in result.files for f in fr.findings] + list(result.findings)
    return any(f.rule == rule_id for f in findings)
