"""Schema check of the hand-made gold set (tests/gold/*.yaml, format in tests/gold/README.md).

Every gold file must name an article that exists, every claim must have the README's keys with the right types,
a canonical unit (or a measure word / English lemma), and its ``text`` must appear on its ``line`` of the
ORIGINAL article (after dropping the seeds' glued pinyin annotations such as ``萬(wàn)``).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
import yaml

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"

LANGUAGES = {"zh", "zh-Hant", "en"}
KINDS = {"level", "change", "multiple"}
DIRECTIONS = {"up", "down"}
QUALIFIERS = {"about", "nearly", "more_than", "at_least", "less_than", "at_most"}
# Region and metric ids are those the reference declares: the gold set speaks the reference's vocabulary.
_REFERENCE = yaml.safe_load((Path(__file__).resolve().parents[1] / "claims.yaml").read_text(encoding="utf-8"))
REGIONS = set(_REFERENCE["regions"])
METRICS = set(_REFERENCE["metrics"])
CANONICAL_UNITS = {"μg/m³", "%", "pp", "kW", "kWh", "元", "USD", "P", "index"}
# Units a gold file must never use: they are written forms that the canonical set replaces.
NON_CANONICAL_UNITS = {"万千瓦", "千瓦", "亿元", "万元", "微克/立方米", "百分点", "个百分点", "percent", "GW", "MW",
                       "千瓦时", "亿千瓦时", "kilowatt hour", "TWh"}
MEASURE_WORD = re.compile(r"^[\u3400-\u9fff]{1,4}$")  # 个 台 人次 天次 个月 平方公里 …
ENGLISH_LEMMA = re.compile(r"^[a-z]+( [a-z]+)?$")  # day, tonne, square km, times …

TOP_REQUIRED = {"language", "published", "home_region", "claims"}
TOP_OPTIONAL = {"unreadable_numbers", "cli", "holdout"}
CLAIM_REQUIRED = (
    "line",
    "value",
    "unit",
    "kind",
    "year",
    "baseline_year",
    "direction",
    "qualifier",
    "region",
    "metric",
    "text",
)
CLAIM_OPTIONAL = {"value_high"}

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_ANNOTATION = re.compile(rf"\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")

MIN_FILES = 10
MIN_CLAIMS = 250
WRITTEN_MIN, WRITTEN_MAX = 25, 45  # claims per article written for the gold set (not seeds, not real_* texts)


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - str() of a YAML number always parses
        return None


def _is_year(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100


def unit_ok(unit: object) -> bool:
    if not isinstance(unit, str) or unit in NON_CANONICAL_UNITS:
        return False
    return unit in CANONICAL_UNITS or bool(MEASURE_WORD.match(unit)) or bool(ENGLISH_LEMMA.match(unit))


def article_path(data: dict[str, Any]) -> Path:
    if "seed" in data:
        return SEEDS_DIR / str(data["seed"])
    return GOLD_DIR / str(data["article"])


def read_lines(path: Path) -> list[str]:
    """Lines as `cat -n` numbers them (split on \\n only, never on other Unicode line breaks)."""
    return [line.rstrip("\r") for line in path.read_text(encoding="utf-8").split("\n")]


def _check_claim(i: int, claim: object, lines: list[str] | None) -> list[str]:
    where = f"claim {i}"
    if not isinstance(claim, dict):
        return [f"{where}: not a mapping"]
    errors: list[str] = []
    missing = [k for k in CLAIM_REQUIRED if k not in claim]
    unknown = sorted(set(claim) - set(CLAIM_REQUIRED) - CLAIM_OPTIONAL)
    if missing:
        errors.append(f"{where}: missing keys {missing}")
    if unknown:
        errors.append(f"{where}: unknown keys {unknown}")
    if missing:
        return errors
    where = f"claim {i} (line {claim['line']}, {claim['text']!r})"

    line = claim["line"]
    if not isinstance(line, int) or isinstance(line, bool) or line < 1:
        errors.append(f"{where}: line must be a positive integer")
        line = None
    value = _decimal(claim["value"])
    if value is None:
        errors.append(f"{where}: value must be a number")
    if "value_high" in claim:
        high = _decimal(claim["value_high"])
        if high is None or value is None or high <= value:
            errors.append(f"{where}: value_high must be a number above value")
    if not unit_ok(claim["unit"]):
        errors.append(f"{where}: unit {claim['unit']!r} is not canonical, a measure word or an English lemma")

    kind = claim["kind"]
    if kind not in KINDS:
        errors.append(f"{where}: kind {kind!r} not in {sorted(KINDS)}")
    if kind == "multiple" and claim["unit"] not in {"倍", "times"}:
        errors.append(f"{where}: a multiple's unit is 倍 or times")
    direction = claim["direction"]
    if kind == "change":
        if direction not in DIRECTIONS:
            errors.append(f"{where}: a change needs direction up or down")
    elif direction is not None:
        errors.append(f"{where}: direction is only for changes")

    year, base = claim["year"], claim["baseline_year"]
    if year is not None and not _is_year(year):
        errors.append(f"{where}: year must be null or a year")
    if base is not None:
        if not _is_year(base):
            errors.append(f"{where}: baseline_year must be null or a year")
        elif kind == "level":
            errors.append(f"{where}: a level has no baseline_year")
        elif _is_year(year) and base > year:
            errors.append(f"{where}: baseline_year {base} is after year {year}")

    if claim["qualifier"] is not None and claim["qualifier"] not in QUALIFIERS:
        errors.append(f"{where}: qualifier {claim['qualifier']!r} not in {sorted(QUALIFIERS)}")
    if claim["region"] is not None and claim["region"] not in REGIONS:
        errors.append(f"{where}: region {claim['region']!r} is not a region id")
    if claim["metric"] is not None and claim["metric"] not in METRICS:
        errors.append(f"{where}: metric {claim['metric']!r} is not a metric id")

    text = claim["text"]
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: text must be a non-empty string")
    elif lines is not None and line is not None:
        if line > len(lines):
            errors.append(f"{where}: line {line} is past the end of the article ({len(lines)} lines)")
        elif text not in PINYIN_ANNOTATION.sub("", lines[line - 1]):
            errors.append(f"{where}: text {text!r} is not on line {line}")
    return errors


def validate_gold(data: object, lines: list[str] | None) -> list[str]:
    """All schema errors of one parsed gold file; ``lines`` are the article's lines (None: skip line checks)."""
    if not isinstance(data, dict):
        return ["the file is not a mapping"]
    errors: list[str] = []
    sources = [k for k in ("article", "seed") if k in data]
    if len(sources) != 1:
        errors.append("exactly one of `article` or `seed` is required")
    missing = sorted(TOP_REQUIRED - set(data))
    unknown = sorted(set(data) - TOP_REQUIRED - TOP_OPTIONAL - {"article", "seed"})
    if missing:
        errors.append(f"missing top-level keys {missing}")
    if unknown:
        errors.append(f"unknown top-level keys {unknown}")
    if data.get("language") not in LANGUAGES:
        errors.append(f"language {data.get('language')!r} not in {sorted(LANGUAGES)}")
    published = data.get("published")
    if published is not None and not (isinstance(published, dt.date) and not isinstance(published, dt.datetime)):
        errors.append("published must be a YYYY-MM-DD date or null")
    home = data.get("home_region")
    if home is not None and home not in REGIONS:
        errors.append(f"home_region {home!r} is not a region id")

    unreadable = data.get("unreadable_numbers", [])
    if not isinstance(unreadable, list):
        errors.append("unreadable_numbers must be a list")
    else:
        for j, item in enumerate(unreadable):
            if not (isinstance(item, dict) and isinstance(item.get("line"), int) and isinstance(item.get("text"), str)):
                errors.append(f"unreadable_numbers[{j}] needs line (int) and text (str)")
            elif not re.search(r"\d", item["text"]):
                errors.append(f"unreadable_numbers[{j}] holds no digit")
            elif lines is not None and (item["line"] > len(lines) or item["text"] not in lines[item["line"] - 1]):
                errors.append(f"unreadable_numbers[{j}]: {item['text']!r} is not on line {item['line']}")

    claims = data.get("claims")
    if not isinstance(claims, list) or not claims:
        errors.append("claims must be a non-empty list")
        return errors
    previous = 0
    for i, claim in enumerate(claims):
        errors.extend(_check_claim(i, claim, lines))
        line = claim.get("line") if isinstance(claim, dict) else None
        if isinstance(line, int):
            if line < previous:
                errors.append(f"claim {i}: claims must be in line order ({line} after {previous})")
            previous = line
    return errors


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


GOLD_FILES = sorted(GOLD_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_is_valid(path: Path) -> None:
    data = _load(path)
    source = article_path(data) if isinstance(data, dict) and ("seed" in data or "article" in data) else None
    if source is not None and "seed" in data and not source.exists():
        pytest.skip(f"seed article not available: {source}")
    assert source is not None and source.exists(), f"{path.name}: article not found: {source}"
    errors = validate_gold(data, read_lines(source))
    assert errors == [], f"{path.name}:\n" + "\n".join(errors)


def test_gold_set_size() -> None:
    counts = {p.name: len(_load(p)["claims"]) for p in GOLD_FILES}
    assert len(counts) >= MIN_FILES, counts
    assert sum(counts.values()) >= MIN_CLAIMS, counts
    for path in GOLD_FILES:
        data = _load(path)
        name = str(data.get("article", ""))
        if name.startswith("articles/") and not Path(name).name.startswith("real_"):
            assert WRITTEN_MIN <= len(data["claims"]) <= WRITTEN_MAX, (path.name, len(data["claims"]))


def test_every_article_is_annotated() -> None:
    annotated = {str(_load(p).get("article")) for p in GOLD_FILES}
    articles = {f"articles/{p.name}" for p in (GOLD_DIR / "articles").iterdir() if p.is_file()}
    assert articles <= annotated, sorted(articles - annotated)


# ----------------------------------------------------------------------------- the checker itself can fail

_ARTICLE = ["标题", "2023年，全省PM2.5平均浓度为38.6微克/立方米，比2014年下降57.6%。", "3565萬(wàn)千瓦"]
_GOOD: dict[str, Any] = {
    "article": "articles/x.txt",
    "language": "zh",
    "published": dt.date(2024, 2, 23),
    "home_region": None,
    "claims": [
        {
            "line": 2,
            "value": 38.6,
            "unit": "μg/m³",
            "kind": "level",
            "year": 2023,
            "baseline_year": None,
            "direction": None,
            "qualifier": None,
            "region": "hebei",
            "metric": "pm25_annual_mean",
            "text": "38.6微克/立方米",
        },
        {
            "line": 2,
            "value": 57.6,
            "unit": "%",
            "kind": "change",
            "year": 2023,
            "baseline_year": 2014,
            "direction": "down",
            "qualifier": None,
            "region": "hebei",
            "metric": "pm25_annual_mean",
            "text": "57.6%",
        },
        {
            "line": 3,
            "value": 35650000,
            "unit": "kW",
            "kind": "level",
            "year": None,
            "baseline_year": None,
            "direction": None,
            "qualifier": None,
            "region": "zhangjiakou",
            "metric": "renewable_capacity",
            "text": "3565萬千瓦",
        },
    ],
}


def test_validator_accepts_a_good_file() -> None:
    assert validate_gold(_GOOD, _ARTICLE) == []


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("line", 1, "is not on line 1"),
        ("line", 9, "past the end"),
        ("unit", "微克/立方米", "not canonical"),
        ("unit", "kg/m3", "not canonical"),
        ("kind", "rate", "kind"),
        ("region", "Hebei", "not a region id"),
        ("metric", "pm25", "not a metric id"),
        ("value", "38.6", "value must be a number"),
        ("year", 23, "year must be null or a year"),
        ("baseline_year", 2014, "a level has no baseline_year"),
        ("direction", "down", "direction is only for changes"),
        ("text", "36.8微克/立方米", "is not on line 2"),
    ],
)
def test_validator_rejects_a_bad_claim(field: str, bad: object, message: str) -> None:
    data = copy.deepcopy(_GOOD)
    data["claims"][0][field] = bad
    errors = validate_gold(data, _ARTICLE)
    assert any(message in e for e in errors), errors


def test_validator_rejects_a_shifted_line_in_a_real_gold_file() -> None:
    path = GOLD_DIR / "zh_hebei_env_bulletin_2023.yaml"
    data = _load(path)
    lines = read_lines(article_path(data))
    assert validate_gold(data, lines) == []
    claim = next(c for c in data["claims"] if c["text"] == "61.2%")
    claim["line"] += 2  # the next paragraph: the text is not there
    errors = validate_gold(data, lines)
    assert len(errors) == 1 and "'61.2%' is not on line 10" in errors[0], errors


def test_validator_rejects_bad_top_level() -> None:
    data = copy.deepcopy(_GOOD)
    data["seed"] = "000.txt"
    data["language"] = "cn"
    data["extra"] = 1
    data["unreadable_numbers"] = [{"line": 2, "text": "无数字"}]
    errors = validate_gold(data, _ARTICLE)
    for message in ("exactly one of", "language", "unknown top-level keys", "holds no digit"):
        assert any(message in e for e in errors), (message, errors)


def test_validator_rejects_a_change_without_direction_and_a_late_baseline() -> None:
    data = copy.deepcopy(_GOOD)
    data["claims"][1]["direction"] = None
    data["claims"][1]["baseline_year"] = 2024
    errors = validate_gold(data, _ARTICLE)
    assert any("needs direction" in e for e in errors), errors
    assert any("is after year" in e for e in errors), errors
