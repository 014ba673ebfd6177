"""The whole run on the two real seed articles, as a user runs it (issue: end to end)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()
PINYIN = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*\)")


@pytest.fixture(scope="module")
def report(request: pytest.FixtureRequest) -> dict[str, Any]:
    from tests.conftest import SEED_000, SEED_002

    if not (SEED_000.exists() and SEED_002.exists()):
        pytest.skip("seed articles (../shared/seeds) not present")
    result = runner.invoke(app, ["run", "--format", "json", str(SEED_000), str(SEED_002)])
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _file(report: dict[str, Any], name: str) -> dict[str, Any]:
    return next(f for f in report["files"] if Path(f["path"]).name.startswith(name))


def _find(claims: list[dict[str, Any]], **want: Any) -> dict[str, Any]:
    hits = [c for c in claims if all(c.get(k) == v for k, v in want.items())]
    assert len(hits) == 1, (want, [(c["line"], c["quote"], c["value"], c["unit"]) for c in claims])
    return hits[0]


def _at(path: Path, line: int, column: int, quote: str) -> None:
    """The quote really stands at line:column of the ORIGINAL file."""
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    assert text[column - 1:].startswith(quote), (line, column, quote, text[column - 1: column + 20])


def test_schema_and_metadata(report: dict[str, Any]) -> None:
    assert report["schema"] == "factcheck/1"
    f0, f2 = _file(report, "000"), _file(report, "002")
    assert f0["published"] == "2024-02-23" and f2["published"] == "2024-12-12"
    assert f2["home_region"] == "zhangjiakou"
    assert f0["encoding"].startswith("utf-8")
    assert report["summary"]["files"] == 2


def test_seed_000_pm25_claims(report: dict[str, Any]) -> None:
    from tests.conftest import SEED_000

    claims = _file(report, "000")["claims"]
    bj = _find(claims, region="beijing", metric="pm25_annual_mean", year=2023, kind="level")
    assert (bj["value"], bj["unit"], bj["line"]) == (32, "μg/m³", 92)
    _at(SEED_000, bj["line"], bj["column"], bj["quote"])
    hb = _find(claims, region="hebei", metric="pm25_annual_mean", year=2023, kind="level")
    assert (hb["value"], hb["unit"]) == (38.6, "μg/m³")
    hb_change = _find(claims, region="hebei", kind="change", baseline_year=2014)
    got = (hb_change["value"], hb_change["unit"], hb_change["direction"], hb_change["year"])
    assert got == (57.6, "%", "down", 2023)
    tj = _find(claims, region="tianjin", kind="change", baseline_year=2013)
    assert (tj["value"], tj["direction"], tj["year"], tj["metric"]) == (57, "down", 2023, "pm25_annual_mean")
    money = _find(claims, unit="元", value=203722000000)
    assert money["line"] == 30
    _at(SEED_000, money["line"], money["column"], money["quote"])


def test_seed_002_claims_scaled(report: dict[str, Any]) -> None:
    from tests.conftest import SEED_002

    claims = _file(report, "002")["claims"]
    kw = _find(claims, value=35650000, unit="kW")
    assert kw["line"] == 22 and kw["quote"].startswith("3565萬")
    _at(SEED_002, kw["line"], kw["column"], kw["quote"])
    visits = _find(claims, value=1490000, unit="人次")
    assert visits["qualifier"] == "at_least" and visits["line"] == 32
    compute = _find(claims, value=22800, unit="P")
    assert compute["line"] == 22
    start = _find(claims, value=35, year=2014, region="zhangjiakou", metric="pm25_annual_mean")
    end = _find(claims, value=18, year=2023, region="zhangjiakou", metric="pm25_annual_mean")
    drop = _find(claims, value=48.6, kind="change")
    assert (drop["direction"], drop["baseline_year"], drop["year"]) == ("down", 2014, 2023)
    assert {start["id"], end["id"]} <= set(drop["related"])
    for c in (start, end, drop):
        assert c["line"] == 60
        _at(SEED_002, c["line"], c["column"], c["quote"])


def test_sentences_are_clean_simplified_text(report: dict[str, Any]) -> None:
    for f in report["files"]:
        for c in f["claims"]:
            assert not PINYIN.search(c["sentence"]), c["sentence"]
            assert "P M2.5" not in c["sentence"]
            assert "濃" not in c["sentence"] and "萬" not in c["sentence"], c["sentence"]


def test_no_claim_from_unreadable_spans(report: dict[str, Any]) -> None:
    for f in report["files"]:
        for c in f["claims"]:
            for span in f["unreadable"]:
                same_line = span["line"] == c["line"]
                overlaps = same_line and c["column"] < span["column"] + len(span["text"]) \
                    and span["column"] < c["end_column"]
                assert not overlaps, (c, span)


def test_output_is_deterministic(seeds: tuple[Path, Path]) -> None:
    args = ["run", "--format", "json", *map(str, seeds)]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.stdout == second.stdout


def test_the_seeds_correct_arithmetic_draws_no_error_and_their_mixed_baselines_a_warning(
        report: dict[str, Any]) -> None:
    f0, f2 = _file(report, "000"), _file(report, "002")
    for f in (f0, f2):
        assert not [x for x in f["findings"] if x["severity"] == "error"], f["findings"]
    # 35 -> 18 is -48.6 %, 5.09 -> 2.62 is -48.5 %, 12 = 4 + 8: each confirmed by its own check.
    status = {(c["line"], c["value"], c["kind"]): c["status"] for c in f2["claims"]}
    assert status[(60, 48.6, "change")] == "agrees" and status[(60, 48.5, "change")] == "agrees"
    assert status[(48, 12, "level")] == "agrees"
    baseline = [x for x in f0["findings"] if x["rule"] == "FC501"]
    assert len(baseline) == 1 and baseline[0]["severity"] == "warning" and baseline[0]["line"] == 92
