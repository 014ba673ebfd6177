"""Suppression through the real CLI: inline directives, [sic], unused directives, baselines (item 6)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.suppress import directives
from tests.cli_support import RIGHT_REF, WRONG_MATH, WRONG_REF, invoke, reference, write


@pytest.fixture
def ref(tmp_path: Path) -> Path:
    return reference(tmp_path)


def _findings(ref: Path, *paths: Path, extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    result = invoke(["run", "-f", "json", "-r", str(ref), *extra, *map(str, paths)])
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    return [f for fr in data["files"] for f in fr["findings"]] + list(data["findings"])


def _brief(findings: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return sorted((f["rule"], f["line"]) for f in findings)


def test_markdown_comment_on_the_line_before(ref: Path, tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", f"<!-- factcheck: ignore FC101 -->\n{WRONG_REF}\n\n{WRONG_MATH}\n")
    assert _brief(_findings(ref, draft)) == [("FC201", 4)]
    plain = write(tmp_path / "b.md", f"{WRONG_REF}\n\n{WRONG_MATH}\n")
    assert _brief(_findings(ref, plain)) == [("FC101", 1), ("FC201", 3)]


def test_text_directive_on_the_same_line_and_rule_lists(ref: Path, tmp_path: Path) -> None:
    draft = write(tmp_path / "a.txt", f"{WRONG_REF} factcheck: ignore\n{WRONG_MATH}\n")
    assert _brief(_findings(ref, draft)) == [("FC201", 2)]
    # A list: FC201 is suppressed; FC101, named but absent, is reported as an unused part of the directive.
    listed = write(tmp_path / "b.txt", f"{WRONG_MATH} factcheck: ignore FC101,FC201\n")
    findings = _findings(ref, listed)
    assert _brief(findings) == [("FC003", 1)]
    assert findings[0]["message"].endswith("no FC101 finding on its line")
    # A directive sharing its line with text does not reach the next line.
    same_line = write(tmp_path / "c.txt", f"说明 factcheck: ignore FC101\n{WRONG_REF}\n")
    assert ("FC101", 2) in _brief(_findings(ref, same_line))


def test_a_directive_for_another_rule_suppresses_nothing_and_is_reported_unused(ref: Path, tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", f"# 标题\n\n<!-- factcheck: ignore FC201 -->\n{WRONG_REF}\n")
    findings = _findings(ref, draft)
    assert _brief(findings) == [("FC003", 3), ("FC101", 4)]
    unused = next(f for f in findings if f["rule"] == "FC003")
    assert unused["severity"] == "info" and unused["category"] == "input" and "FC201" in unused["message"]
    # Info findings do not fail a run; the FC101 does.
    assert invoke(["run", "-r", str(ref), str(draft)]).exit_code == 1


def test_sic_after_a_quoted_figure_suppresses_the_claims_findings(ref: Path, tmp_path: Path) -> None:
    quoted = WRONG_REF.replace("38.2微克/立方米", "38.2微克/立方米[sic]")
    draft = write(tmp_path / "a.txt", quoted + "\n")
    assert _findings(ref, draft) == []
    result = invoke(["run", "-f", "sarif", "-r", str(ref), str(draft)])
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert [(r["ruleId"], r["suppressions"][0]["kind"]) for r in results] == [("FC101", "inSource")]
    assert "[sic]" in results[0]["suppressions"][0]["justification"]
    sentence = 'In 2023 the average PM2.5 concentration in Hebei was "38.2 μg/m³"{}, the bureau wrote.\n'
    en = write(tmp_path / "b.txt", sentence.format(""))
    assert _brief(_findings(ref, en)) == [("FC101", 1)]
    write(en, sentence.format(" [sic]"))  # after the closing quote
    assert _findings(ref, en) == []


def test_baseline_survives_edits_elsewhere_but_not_to_the_sentence(ref: Path, tmp_path: Path) -> None:
    draft = write(tmp_path / "drafts" / "a.txt", f"{WRONG_REF}\n{WRONG_MATH}\n")
    baseline = tmp_path / ".factcheck-baseline.json"
    wrote = invoke(["run", "-r", str(ref), "--write-baseline", str(baseline), str(draft)])
    assert wrote.exit_code == 0 and "2 finding(s)" in wrote.stderr
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert sorted(e["rule"] for e in entries) == ["FC101", "FC201"]
    assert {e["path"] for e in entries} == {"drafts/a.txt"}  # relative to the baseline file
    assert not any("line" in e for e in entries)
    assert _findings(ref, draft, extra=("--baseline", str(baseline))) == []
    # Lines inserted above: the baseline still holds.
    write(draft, f"新的导语。\n\n另一段文字。\n{WRONG_REF}\n{WRONG_MATH}\n")
    assert _findings(ref, draft, extra=("--baseline", str(baseline))) == []
    assert invoke(["run", "-r", str(ref), "--baseline", str(baseline), str(draft)]).exit_code == 0
    # A new mistake is reported; an edited sentence is a new finding too.
    write(draft, f"{WRONG_REF}\n{WRONG_MATH.replace('54.6', '55.6')}\n")
    assert _brief(_findings(ref, draft, extra=("--baseline", str(baseline)))) == [("FC201", 2)]
    # From another working directory, with a relative path, the baseline still applies.
    result = invoke(["run", "-f", "json", "-r", str(ref), "--baseline", str(baseline), "drafts/a.txt"], cwd=tmp_path)
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["FC201"]


def test_bad_baseline_is_exit_2(ref: Path, tmp_path: Path) -> None:
    draft = write(tmp_path / "a.txt", RIGHT_REF + "\n")
    bad = write(tmp_path / "b.json", "{not json")
    result = invoke(["run", "-r", str(ref), "--baseline", str(bad), str(draft)])
    assert result.exit_code == 2 and "b.json:1" in result.stderr


def test_directive_parsing() -> None:
    found = directives("x.md", "a\n<!-- factcheck: ignore FC101, change-arithmetic -->\ntext factcheck: ignore\n")
    assert [(d.line, d.rules, d.lines) for d in found] == [(2, ("FC101", "FC201"), (2, 3)), (3, (), (3,))]
