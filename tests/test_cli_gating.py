"""Exit codes and gating through the real CLI: --fail-on, --quiet, --severity (editorial workflow, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import RIGHT_MATH, RIGHT_REF, WRONG_REF, invoke, reference, write

# FC502 (info: a change without a baseline year) needs no reference fact; FC101 (error) does.
INFO_ONLY = "河北PM2.5平均浓度下降了30%。"


@pytest.fixture
def ref(tmp_path: Path) -> Path:
    return reference(tmp_path)


def _rules(stdout: str) -> list[str]:
    data = json.loads(stdout)
    return sorted(f["rule"] for fr in data["files"] for f in fr["findings"])


def _severities(ref: Path, path: Path) -> set[str]:
    data = json.loads(invoke(["run", "-f", "json", str(path)]).stdout)
    return {f["severity"] for fr in data["files"] for f in fr["findings"]}


def test_exit_codes_0_1_2(ref: Path, tmp_path: Path) -> None:
    clean = write(tmp_path / "clean.txt", RIGHT_REF + "\n")
    wrong = write(tmp_path / "wrong.txt", WRONG_REF + "\n")
    assert invoke(["run", "-r", str(ref), str(clean)]).exit_code == 0
    assert invoke(["run", "-r", str(ref), str(wrong)]).exit_code == 1
    missing = invoke(["run", "-r", str(ref), str(tmp_path / "nope.txt"), str(clean)])
    assert missing.exit_code == 2
    assert "nope.txt" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    assert "clean.txt" in missing.stdout  # the other file is still checked
    assert invoke(["run", "--fail-on", "sometimes", str(clean)]).exit_code == 2
    assert invoke(["run", "--severity", "loud", str(clean)]).exit_code == 2


def test_fail_on_warning_and_never(ref: Path, tmp_path: Path) -> None:
    # The configuration makes FC101 a warning: the same draft then passes by default, fails on --fail-on warning.
    write(tmp_path / ".factcheck.yaml", f"reference: {ref.name}\nseverity: {{FC101: warning}}\n")
    draft = write(tmp_path / "warn.txt", WRONG_REF + "\n")
    assert _severities(ref, draft) == {"warning"}
    assert invoke(["run", str(draft)]).exit_code == 0
    assert invoke(["run", "--fail-on", "warning", str(draft)]).exit_code == 1
    write(tmp_path / "strict" / ".factcheck.yaml", f"reference: ../{ref.name}\nfail-on: warning\n"
                                                   "severity: {FC101: warning}\n")
    strict = write(tmp_path / "strict" / "warn.txt", WRONG_REF + "\n")
    assert invoke(["run", str(strict)]).exit_code == 1
    assert invoke(["run", "--fail-on", "error", str(strict)]).exit_code == 0  # the flag wins
    wrong = write(tmp_path / "other" / "wrong.txt", WRONG_REF + "\n")
    assert invoke(["run", "-r", str(ref), "--fail-on", "never", str(wrong)]).exit_code == 0
    assert invoke(["run", "-r", str(ref), "--fail-on", "warning", str(wrong)]).exit_code == 1


def test_severity_filter_drops_findings_below_the_floor(ref: Path, tmp_path: Path) -> None:
    info = write(tmp_path / "info.txt", INFO_ONLY + "\n")
    wrong = write(tmp_path / "wrong.txt", WRONG_REF + "\n")
    everything = _rules(invoke(["run", "-f", "json", "-r", str(ref), str(info), str(wrong)]).stdout)
    assert "FC101" in everything and "FC502" in everything
    errors_only = invoke(["run", "-f", "json", "-r", str(ref), "--severity", "error", str(info), str(wrong)])
    assert _rules(errors_only.stdout) == ["FC101"]
    assert json.loads(errors_only.stdout)["summary"]["infos"] == 0
    # A filtered-out warning cannot fail the run either.
    assert invoke(["run", "-r", str(ref), "--severity", "error", "--fail-on", "warning", str(info)]).exit_code == 0


def test_quiet_prints_only_findings(ref: Path, tmp_path: Path) -> None:
    wrong = write(tmp_path / "wrong.txt", "第一段没有数字。\n" + WRONG_REF + "\n")
    clean = write(tmp_path / "clean.txt", RIGHT_MATH + "\n")
    loud = invoke(["run", "-r", str(ref), str(wrong), str(clean)])
    assert "claim(s)" in loud.stdout and "38.2微克/立方米" in loud.stdout  # claim list and summary
    quiet = invoke(["run", "-q", "-r", str(ref), str(wrong), str(clean)])
    assert quiet.exit_code == 1
    lines = quiet.stdout.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{wrong}:2:") and "FC101" in lines[0]
    assert "claim(s)" not in quiet.stdout and "clean.txt" not in quiet.stdout
    assert invoke(["run", "-q", "-r", str(ref), str(clean)]).stdout == ""


def test_disable_flag(ref: Path, tmp_path: Path) -> None:
    wrong = write(tmp_path / "wrong.txt", WRONG_REF + "\n")
    result = invoke(["run", "-r", str(ref), "--disable", "reference-mismatch", str(wrong)])
    assert result.exit_code == 0 and "FC101" not in result.stdout
    assert invoke(["run", "-r", str(ref), "--disable", "FC999", str(wrong)]).exit_code == 2
