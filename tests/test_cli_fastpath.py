"""``factcheck run`` without typer (factcheck.runner): same parameters as typer parses, same output, light.

The console script parses ordinary ``run`` command lines itself (typer 0.29 imports pydantic to
coerce parameters, ~60-150 ms on every commit of a pre-commit hook). These tests pin the contract:
whatever :func:`factcheck.runner.parse_run_args` accepts, typer parses to the same values; the
option spellings are typer's; the command's output and exit code do not depend on the way in; and
a run imports neither typer nor pydantic (nor rich, unless colour or a progress bar asks for it).
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st

from factcheck import runner
from factcheck.cli import app
from tests.cli_support import ROOT, WRONG_MATH, WRONG_REF, clean_env, invoke, reference, subprocess_cli, write


def _typer_parse(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> runner.RunArgs | None:
    """What typer hands the run command for ``run ARGV`` (None when typer refuses the line)."""
    seen: list[runner.RunArgs] = []

    def record(args: runner.RunArgs) -> int:
        seen.append(args)
        return 0

    monkeypatch.setattr(runner, "execute", record)
    result = invoke(["run", *argv])
    if result.exit_code != 0 or not seen:
        return None
    return seen[0]


def _normal(args: runner.RunArgs) -> dict[str, object]:
    out = dataclasses.asdict(args)
    for key in ("reference", "disable"):  # an absent list option: None or empty, the command treats both alike
        out[key] = list(out[key] or []) or None
    out["paths"] = list(out["paths"])
    return out


COMMAND_LINES = [
    ["draft.txt"],
    ["-q", "a.txt", "b.md"],
    ["a.txt", "-q", "b.md", "--no-color"],
    ["-f", "json", "--jobs", "2", "a.txt"],
    ["--format=sarif", "--jobs=0", "--max-size", "1000", "a.txt"],
    ["-r", "one.yaml", "-r", "two.yaml", "--disable", "FC101", "--disable=reference-mismatch", "x"],
    ["--format", "json", "--format", "human", "x"],  # the last one wins
    ["--color", "--no-color", "--progress", "--no-progress", "--progress", "x"],
    ["--date", "2024-02-23", "--region", "张家口", "--fail-on", "warning", "--severity", "warning", "x"],
    ["--baseline", "b.json", "--write-baseline", "w.json", "--stdin-filename", "draft.md", "-"],
    ["--config", "pyproject.toml", "-j", "1", "--", "-q", "--weird-name.txt"],
    ["--date=", "x"],
    ["--quiet", "-"],
]


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=[" ".join(a) for a in COMMAND_LINES])
def test_the_fast_parser_agrees_with_typer(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = runner.parse_run_args(argv)
    assert fast is not None, "an ordinary command line should not need typer"
    slow = _typer_parse(argv, monkeypatch)
    assert slow is not None
    assert _normal(fast) == _normal(slow)


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["-h"], ["-qf", "json", "x"], ["-fjson", "x"], ["-f=json", "x"], ["--quiet=yes", "x"],
    ["--jobs", "-1", "x"], ["--jobs", "two", "x"], ["--jobs", "007", "x"], ["--jobs", "+2", "x"],
    ["--format", "--quiet", "x"], ["x", "--format"], ["--unknown", "x"], ["-V", "x"], ["-q"], ["--", ],
    ["--show-completion"],
])
def test_anything_unusual_is_left_to_typer(argv: list[str]) -> None:
    assert runner.parse_run_args(argv) is None


TOKENS = st.sampled_from([
    "a.txt", "b.md", "-", "--", "-q", "--quiet", "-f", "--format", "json", "human", "-r", "--reference", "r.yaml",
    "--disable", "FC101", "-j", "--jobs", "0", "3", "12", "--max-size", "--color", "--no-color", "--progress",
    "--no-progress", "--date", "2024-01-02", "--region", "hebei", "--fail-on", "never", "--severity", "info",
    "--config", "--baseline", "--write-baseline", "--stdin-filename", "--format=jsonl", "--jobs=2", "-x", "--",
    "--help", "-qj", "007", "-5",
])


@given(st.lists(TOKENS, max_size=8))
def test_generated_command_lines_parse_as_typer_parses_them(argv: list[str]) -> None:
    fast = runner.parse_run_args(argv)
    if fast is None:
        return
    with pytest.MonkeyPatch.context() as mp:
        slow = _typer_parse(argv, mp)
    assert slow is not None, f"typer refuses {argv!r}, which the fast parser accepts"
    assert _normal(fast) == _normal(slow)


def test_the_fast_parser_knows_every_option_of_the_typer_command() -> None:
    command = typer.main.get_command(app)
    run = command.commands["run"]  # type: ignore[attr-defined]
    spellings: dict[str, str] = {}
    for param in run.params:
        for opt in [*param.opts, *param.secondary_opts]:
            if opt.startswith("-"):
                spellings[opt] = param.name
    known = {**runner.VALUE_OPTIONS, **runner.LIST_OPTIONS, **runner.INT_OPTIONS,
             **{k: v[0] for k, v in runner.FLAG_OPTIONS.items()}}
    assert spellings == known
    fields = {f.name for f in dataclasses.fields(runner.RunArgs)}
    assert {p.name for p in run.params} == fields


def _modules_after_run(args: list[str], **env: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('MODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
            f"sys.argv = ['factcheck', *{args!r}]\n"
            "from factcheck._entry import main\n"
            "main()\n")
    full_env = clean_env(FACTCHECK_NO_CACHE="1", **env)
    full_env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=120, check=False)
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
    return {m.split(".")[0] for m in line.split()[1:]}, done


@pytest.mark.parametrize("fmt", ["json", "human", "sarif"])
def test_a_run_imports_neither_typer_nor_pydantic(tmp_path: Path, fmt: str) -> None:
    draft = write(tmp_path / "draft.txt", WRONG_REF + "\n" + WRONG_MATH + "\n")
    modules, done = _modules_after_run(["run", "-f", fmt, "--no-color", "-r", str(reference(tmp_path)), str(draft)])
    assert done.returncode == 1, done.stderr
    assert "pydantic" not in modules and "typer" not in modules and "click" not in modules
    assert "rich" not in modules  # plain output needs no rich


def test_typer_still_answers_help(tmp_path: Path) -> None:
    modules, done = _modules_after_run(["run", "--help"])
    assert done.returncode == 0 and "--format" in done.stdout
    assert "typer" in modules


@pytest.mark.parametrize("extra", [[], ["-q"], ["-f", "json"], ["-f", "sarif"], ["-f", "jsonl"], ["-f", "github"],
                                   ["--fail-on", "never"], ["-f", "json", "--severity", "warning"]])
def test_both_ways_in_give_the_same_output_and_exit_code(tmp_path: Path, extra: list[str]) -> None:
    ref = reference(tmp_path)
    draft = write(tmp_path / "draft.txt", WRONG_REF + "\n" + WRONG_MATH + "\n")
    args = ["run", *extra, "-r", str(ref), str(draft)]
    fast = subprocess_cli(args, env={"NO_COLOR": "1"})
    slow = invoke(args, env={"NO_COLOR": "1"})
    assert fast.stdout.decode("utf-8") == slow.stdout
    assert fast.returncode == slow.exit_code
    assert fast.stderr.decode("utf-8") == slow.stderr


@pytest.mark.parametrize("args,message", [
    (["--format", "xml"], "unknown format 'xml'"),
    (["--date", "yesterday"], "--date"),
    (["--jobs", "-1"], None),  # typer's way: the value starts with '-'
    (["--disable", "FC999"], "unknown rule 'FC999'"),
    (["--region", "atlantis"], "unknown region 'atlantis'"),
])
def test_errors_are_one_line_either_way(tmp_path: Path, args: list[str], message: str | None) -> None:
    draft = write(tmp_path / "draft.txt", WRONG_REF)
    done = subprocess_cli(["run", *args, "-r", str(reference(tmp_path)), str(draft)])
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    if message is not None:
        assert message.encode() in done.stderr and len(done.stderr.splitlines()) == 1
        slow = invoke(["run", *args, "-r", str(reference(tmp_path)), str(draft)])
        assert slow.exit_code == 2 and slow.stderr == done.stderr.decode()


def test_json_of_the_fast_path_is_valid(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.txt", WRONG_REF)
    done = subprocess_cli(["run", "-f", "json", "-r", str(reference(tmp_path)), str(draft)])
    assert json.loads(done.stdout)["summary"]["errors"] >= 1
