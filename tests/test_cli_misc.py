"""--version, shell completion, rich --help with examples, and a light `import factcheck.cli` (item 8)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck import __version__
from tests.cli_support import ROOT, invoke, subprocess_cli


def test_version() -> None:
    for flag in ("--version", "-V"):
        result = invoke([flag])
        assert result.exit_code == 0 and result.stdout == f"factcheck {__version__}\n"


@pytest.mark.parametrize("command", [[], ["run"], ["rules"], ["explain"], ["ref"], ["ref", "validate"],
                                     ["ref", "show"], ["ref", "search"]])
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    result = invoke([*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert "Examples" in result.stdout, result.stdout
    assert f"factcheck {' '.join(command)}".strip() in result.stdout


def test_shell_completion_of_the_real_entry_point() -> None:
    script = subprocess_cli(["--show-completion", "bash"])
    assert script.returncode == 0 and b"_FACTCHECK_COMPLETE=complete_bash" in script.stdout
    words = subprocess_cli([], env={"_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "factcheck ref s",
                                    "COMP_CWORD": "2"})
    assert words.stdout.decode().split() == ["show", "search"]
    options = subprocess_cli([], env={"_FACTCHECK_COMPLETE": "complete_bash",
                                      "COMP_WORDS": "factcheck run --fail", "COMP_CWORD": "2"})
    assert "--fail-on" in options.stdout.decode().split()


def test_rules_and_explain_know_the_input_rules() -> None:
    rules = invoke(["rules"]).stdout
    assert "FC003  unused-suppression" in rules and "FC101  reference-mismatch" in rules
    explained = invoke(["explain", "unused-suppression"])
    assert explained.exit_code == 0 and explained.stdout.startswith("FC003 unused-suppression (input, info)")
    unknown = invoke(["explain", "FC999"])
    assert unknown.exit_code == 2 and "FC999" in unknown.stderr


def test_import_of_the_cli_is_light() -> None:
    heavy = ("rich", "yaml", "rapidfuzz", "opencc", "pypinyin", "jsonschema", "factcheck.pipeline",
             "factcheck.reference", "factcheck.checks")
    code = ("import sys, factcheck.cli; "
            f"print(' '.join(m for m in sys.modules if m.startswith({heavy!r})))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_traceback_for_an_unknown_format_or_date() -> None:
    bad = subprocess_cli(["run", "--format", "xml", "-"], input=b"x")
    assert bad.returncode == 2 and b"unknown format 'xml'" in bad.stderr and b"Traceback" not in bad.stderr
    bad = subprocess_cli(["run", "--date", "yesterday", "-"], input=b"x")
    assert bad.returncode == 2 and b"--date" in bad.stderr and b"Traceback" not in bad.stderr
