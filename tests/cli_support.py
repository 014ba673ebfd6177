"""Shared material of the CLI tests (tests/test_cli_*.py, tests/test_precommit.py).

A small self-contained reference, so that these tests do not depend on the exact
content of the bundled claims.yaml, and drafts built from the rule catalog's own
examples (the text each rule flags and the similar text it accepts).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "factcheck" / "schema"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

MINI_REFERENCE = """\
version: 1
regions:
  hebei: {names: [河北, 河北省, Hebei]}
  zhangjiakou: {names: [张家口, 张家口市, Zhangjiakou], parent: hebei}
metrics:
  pm25_annual_mean:
    names: [PM2.5平均浓度, PM2.5年均浓度, average PM2.5 concentration]
    unit: μg/m³
facts:
  - {region: hebei, metric: pm25_annual_mean, year: 2023, value: 38.6,
     source: "河北省生态环境厅《2023年河北省生态环境状况公报》"}
  - {region: zhangjiakou, metric: pm25_annual_mean, year: 2023, value: 18,
     source: "张家口市生态环境局 2023年环境质量公报"}
"""

# The hebei 2023 figure is 38.6 in MINI_REFERENCE.
WRONG_REF = "2023年,河北PM2.5平均浓度为38.2微克/立方米。"
RIGHT_REF = "2023年,河北PM2.5平均浓度为38.6微克/立方米。"
# A change its own endpoints cannot produce (35 -> 18 is -48.6 %); its metric is not in MINI_REFERENCE.
WRONG_MATH = "细颗粒物平均浓度从2014年的35微克/立方米降至2023年的18微克/立方米,下降54.6%。"
RIGHT_MATH = "细颗粒物平均浓度从2014年的35微克/立方米降至2023年的18微克/立方米,下降48.6%。"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def reference(tmp: Path, name: str = "ref.yaml", text: str = MINI_REFERENCE) -> Path:
    return write(tmp / name, text)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the variables that change output (colour, CI detection)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CLICOLOR_FORCE", "TERM", "COLUMNS")}
    env.update(extra)
    return env


def invoke(args: Sequence[str], *, env: Mapping[str, str | None] | None = None, cwd: Path | None = None,
           input: str | bytes | None = None) -> Result:
    """Run the real CLI in-process (typer's CliRunner): stdout and stderr apart."""
    runner = CliRunner()
    base: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, "GITHUB_ACTIONS": None}
    base.update(env or {})
    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        return runner.invoke(app, list(args), env=base, input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def subprocess_cli(args: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path | None = None,
                   input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m factcheck`` in a child process (the console entry point, with its own streams)."""
    full_env = clean_env(**(env or {}))
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd or ROOT, env=full_env,
                          input=input, capture_output=True, timeout=300, check=False)


def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return data


def rules_of(data: Mapping[str, Any]) -> list[str]:
    """Rule ids of every finding of a factcheck/1 report."""
    return [f["rule"] for fr in data["files"] for f in fr["findings"]] + [f["rule"] for f in data["findings"]]
