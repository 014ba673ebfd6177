"""Output formats through the real CLI: json, jsonl, sarif, github (editorial workflow, item 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.checks.input import catalog
from factcheck.report import FORMATS
from tests.cli_support import ANSI, RIGHT_MATH, ROOT, WRONG_MATH, WRONG_REF, invoke, reference, schema, write

jsonschema = pytest.importorskip("jsonschema")

SARIF_SUBSET = ROOT / "tests" / "schemas" / "sarif-2.1.0-subset.schema.json"


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, list[Path]]:
    ref = reference(tmp_path)
    files = [
        write(tmp_path / "d" / "wrong.md",
              f"# 空气质量\n\n{WRONG_REF}\n\n<!-- factcheck: ignore FC201 -->\n{WRONG_MATH}\n"),
        write(tmp_path / "d" / "right.txt", RIGHT_MATH + "\n"),  # no figure shared with wrong.md (no FC601)
    ]
    return ref, files


def _run(fmt: str, ref: Path, paths: list[Path], **env: str | None) -> tuple[int, str]:
    result = invoke(["run", "-f", fmt, "-r", str(ref), *map(str, paths)], env=env)
    return result.exit_code, result.stdout


def test_formats_are_registered() -> None:
    assert {"human", "json", "jsonl", "sarif", "github"} <= set(FORMATS)


def test_json_validates_against_the_factcheck_1_schema(drafts: tuple[Path, list[Path]]) -> None:
    ref, files = drafts
    code, out = _run("json", ref, files)
    assert code == 1
    data = json.loads(out)
    jsonschema.Draft202012Validator(schema("factcheck-1.schema.json")).validate(data)
    wrong = next(f for f in data["files"] if f["path"].endswith("wrong.md"))
    assert [f["rule"] for f in wrong["findings"]] == ["FC101"]  # FC201 suppressed inline
    assert wrong["findings"][0]["line"] == 3


def test_the_schema_rejects_a_broken_report(drafts: tuple[Path, list[Path]]) -> None:
    ref, files = drafts
    data = json.loads(_run("json", ref, files)[1])
    with_findings = next(f for f in data["files"] if f["findings"])  # files come sorted by path
    with_findings["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema("factcheck-1.schema.json")).validate(data)


def test_jsonl_is_one_finding_per_line_and_nothing_else(drafts: tuple[Path, list[Path]]) -> None:
    ref, files = drafts
    code, out = _run("jsonl", ref, files)
    assert code == 1
    lines = out.splitlines()
    finding_schema = schema("factcheck-1.schema.json")
    validator = jsonschema.Draft202012Validator({"$defs": finding_schema["$defs"], "$ref": "#/$defs/finding"})
    records = [json.loads(line) for line in lines]
    for record in records:
        validator.validate(record)
        assert "claims" not in record and "quote" not in record
    assert [r["rule"] for r in records] == ["FC101"]
    assert out.endswith("\n") and out.count("\n") == len(records)
    # A clean run prints nothing at all.
    code, out = _run("jsonl", ref, files[1:])
    assert (code, out) == (0, "")


def _sarif(ref: Path, files: list[Path]) -> dict[str, Any]:
    code, out = _run("sarif", ref, files)
    assert code == 1
    data: dict[str, Any] = json.loads(out)
    subset = json.loads(SARIF_SUBSET.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(subset, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


def test_sarif_validates_and_carries_the_rule_catalog(drafts: tuple[Path, list[Path]]) -> None:
    ref, files = drafts
    run = _sarif(ref, files)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {r.id for r in catalog()}
    assert rules["FC101"]["name"] == "reference-mismatch"
    assert rules["FC101"]["defaultConfiguration"]["level"] == "error"
    assert rules["FC003"]["defaultConfiguration"]["level"] == "note"
    active = [r for r in run["results"] if "suppressions" not in r]
    assert [r["ruleId"] for r in active] == ["FC101"]
    loc = active[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("d/wrong.md")
    assert loc["region"] == {"startLine": 3, "startColumn": 1 + WRONG_REF.index("38.2")}
    assert driver["rules"][active[0]["ruleIndex"]]["id"] == "FC101"
    assert active[0]["level"] == "error" and "38.6" in active[0]["message"]["text"]


def test_sarif_keeps_suppressed_findings_with_their_kind(drafts: tuple[Path, list[Path]], tmp_path: Path) -> None:
    ref, files = drafts
    run = _sarif(ref, files)["runs"][0]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert [(r["ruleId"], r["suppressions"][0]["kind"]) for r in suppressed] == [("FC201", "inSource")]
    # A baseline suppression is "external".
    baseline = tmp_path / "baseline.json"
    assert invoke(["run", "-r", str(ref), "--write-baseline", str(baseline), *map(str, files)]).exit_code == 0
    result = invoke(["run", "-f", "sarif", "-r", str(ref), "--baseline", str(baseline), *map(str, files)])
    assert result.exit_code == 0
    kinds = sorted((r["ruleId"], r["suppressions"][0]["kind"]) for r in json.loads(result.stdout)["runs"][0]["results"])
    assert kinds == [("FC101", "external"), ("FC201", "inSource")]


def test_github_workflow_commands_and_escaping(tmp_path: Path) -> None:
    ref = reference(tmp_path)
    draft = write(tmp_path / "a,b:c.txt", WRONG_REF + "\n")
    code, out = _run("github", ref, [draft])
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("::error file=")
    props, _, message = line[2:].partition("::")
    assert "a%2Cb%3Ac.txt" in props and ",line=1," in props and "title=FC101 reference-mismatch" in props
    assert "%0A" in message and "\n" not in message  # explanation on an escaped second line
    assert "38.6" in message


def test_github_is_chosen_under_github_actions_unless_a_format_is_given(tmp_path: Path) -> None:
    ref = reference(tmp_path)
    draft = write(tmp_path / "a.txt", WRONG_REF + "\n")
    auto = invoke(["run", "-r", str(ref), str(draft)], env={"GITHUB_ACTIONS": "true"})
    assert auto.exit_code == 1 and auto.stdout.startswith("::error file=")
    explicit = invoke(["run", "-f", "json", "-r", str(ref), str(draft)], env={"GITHUB_ACTIONS": "true"})
    assert json.loads(explicit.stdout)["schema"] == "factcheck/1"
    local = invoke(["run", "-r", str(ref), str(draft)])
    assert not local.stdout.startswith("::") and "FC101" in local.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "github"])
def test_machine_formats_never_carry_styling(fmt: str, drafts: tuple[Path, list[Path]]) -> None:
    ref, files = drafts
    code, out = _run(fmt, ref, files, FORCE_COLOR="1")
    assert code == 1 and out and not ANSI.search(out)
