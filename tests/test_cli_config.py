"""Configuration through the real CLI: pyproject.toml / .factcheck.yaml, discovery, overrides, errors (item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.config import ConfigError, glob_match, load_config
from tests.cli_support import MINI_REFERENCE, RIGHT_REF, WRONG_MATH, WRONG_REF, invoke, reference, rules_of, write


def _json(args: list[str], cwd: Path | None = None) -> dict[str, object]:
    result = invoke(["run", "-f", "json", *args], cwd=cwd)
    assert result.exit_code in (0, 1), (result.exit_code, result.stdout, result.stderr)
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_pyproject_table_is_found_by_walking_up_from_the_files(tmp_path: Path) -> None:
    reference(tmp_path, "facts/ref.yaml")
    write(tmp_path / "pyproject.toml", '[project]\nname = "desk"\n\n[tool.factcheck]\nreference = "facts/ref.yaml"\n'
                                       'disable = ["FC201"]\n')
    draft = write(tmp_path / "drafts" / "2024" / "a.txt", WRONG_REF + "\n" + WRONG_MATH + "\n")
    data = _json([str(draft)], cwd=tmp_path / "drafts")
    assert data["reference"] == str(tmp_path / "facts" / "ref.yaml")
    assert rules_of(data) == ["FC101"]  # FC201 disabled by the configuration
    # The bundled reference would not know the 38.2 mistake the same way: the configured one was used.
    assert any("38.6" in f["message"] for fr in data["files"] for f in fr["findings"])


def test_yaml_config_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    reference(tmp_path)
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nreference = "ref.yaml"\nformat = "jsonl"\n')
    write(tmp_path / ".factcheck.yaml", "reference: ref.yaml\nformat: json\n")
    draft = write(tmp_path / "a.txt", WRONG_REF + "\n")
    result = invoke(["run", str(draft)])
    assert json.loads(result.stdout)["schema"] == "factcheck/1"
    # A flag overrides the configuration.
    result = invoke(["run", "-f", "jsonl", str(draft)])
    assert json.loads(result.stdout.splitlines()[0])["rule"] == "FC101"


def test_stdin_finds_the_config_from_the_working_directory(tmp_path: Path) -> None:
    reference(tmp_path)
    write(tmp_path / ".factcheck.yaml", "reference: ref.yaml\nformat: jsonl\n")
    result = invoke(["run", "-"], cwd=tmp_path, input=WRONG_REF + "\n")
    assert result.exit_code == 1
    record = json.loads(result.stdout)
    assert record["rule"] == "FC101" and record["path"] == "<stdin>"
    named = invoke(["run", "--stdin-filename", "desk/draft.md", "-"], cwd=tmp_path, input=WRONG_REF + "\n")
    assert json.loads(named.stdout)["path"] == "desk/draft.md"


def test_region_date_severity_and_format_keys(tmp_path: Path) -> None:
    reference(tmp_path)
    write(tmp_path / ".factcheck.yaml",
          "reference: ref.yaml\nregion: 张家口\ndate: 2024-02-23\nseverity:\n  FC101: warning\nformat: json\n")
    draft = write(tmp_path / "a.txt", "2023年,全市PM2.5平均浓度为25微克/立方米。\n")
    result = invoke(["run", str(draft)])
    data = json.loads(result.stdout)
    file = data["files"][0]
    assert file["home_region"] == "zhangjiakou" and file["published"] == "2024-02-23"
    findings = file["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("FC101", "warning")]
    assert result.exit_code == 0  # a warning does not fail the default gate
    # Flags override the configuration.
    flagged = invoke(["run", "--region", "hebei", "--date", "2024-03-01", str(draft)])
    assert json.loads(flagged.stdout)["files"][0]["home_region"] == "hebei"
    assert json.loads(flagged.stdout)["files"][0]["published"] == "2024-03-01"


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    reference(tmp_path)
    write(tmp_path / ".factcheck.yaml",
          'reference: ref.yaml\nformat: json\ninclude: ["drafts/**"]\nexclude: ["**/archive/**", "*.html"]\n')
    for rel in ("drafts/a.txt", "drafts/archive/old.txt", "drafts/b.html", "notes/n.txt"):
        write(tmp_path / rel, RIGHT_REF + "\n")
    data = json.loads(invoke(["run", str(tmp_path)]).stdout)
    assert [Path(f["path"]).relative_to(tmp_path).as_posix() for f in data["files"]] == ["drafts/a.txt"]


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("drafts/**", "drafts/a/b.md", True),
    ("drafts/*.md", "drafts/a/b.md", False),
    ("drafts/*", "drafts/a/b.md", True),  # it matches the directory drafts/a, hence what is inside
    ("*.md", "x/y/z.md", True),
    ("**/archive/**", "archive/a.md", True),
    ("archive/", "archive/a.md", True),
    ("d?.txt", "d1.txt", True),
    ("[!a]*.txt", "a.txt", False),
])
def test_glob_semantics(pattern: str, path: str, expected: bool) -> None:
    assert glob_match(pattern, path) is expected


def test_several_references_merge_later_wins_with_a_warning(tmp_path: Path) -> None:
    base = reference(tmp_path, "base.yaml")
    desk = reference(tmp_path, "desk.yaml", MINI_REFERENCE.replace("value: 38.6", "value: 38.2"))
    write(tmp_path / ".factcheck.yaml", "reference: [base.yaml, desk.yaml]\nformat: json\n")
    draft = write(tmp_path / "a.txt", WRONG_REF + "\n")
    result = invoke(["run", str(draft)])
    assert result.exit_code == 0  # desk.yaml says 38.2, and the later file wins
    warning = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and "desk.yaml" in warning[0] and "38.2" in warning[0] and "38.6" in warning[0]
    assert str(base) in json.loads(result.stdout)["reference"]
    # The same through repeated -r flags, reversed: now base.yaml wins.
    flipped = invoke(["run", "-r", str(desk), "-r", str(base), str(draft)])
    assert flipped.exit_code == 1
    # The contradiction names the file the winning fact is written in, not the bundled claims.yaml.
    explained = [f["explanation"] for f in json.loads(flipped.stdout)["files"][0]["findings"] if f["rule"] == "FC101"]
    assert explained and all("base.yaml line " in e and "desk.yaml" not in e for e in explained), explained
    alone = invoke(["run", "-r", str(desk), str(tmp_path / "a.txt")])
    assert "claims.yaml" not in alone.stdout


@pytest.mark.parametrize(("name", "text", "where"), [
    (".factcheck.yaml", "reference: ref.yaml\nfail-on: sometimes\n", ".factcheck.yaml:2:"),
    (".factcheck.yaml", "reference: ref.yaml\nseverty: {FC101: warning}\n", ".factcheck.yaml:2:"),
    (".factcheck.yaml", "disable: [FC101\n", ".factcheck.yaml:2:"),
    (".factcheck.yaml", "severity: {FC101: loud}\n", ".factcheck.yaml:1:"),
    (".factcheck.yaml", "disable: [FC999]\n", ".factcheck.yaml:1:"),
    ("pyproject.toml", "[tool.factcheck]\nregion = 'hebei'\ndate = 'soon'\n", "pyproject.toml:3:"),
    ("pyproject.toml", "[tool.factcheck]\nregion = \n", "pyproject.toml:2:"),
])
def test_bad_config_is_one_line_with_file_and_line_and_exit_2(tmp_path: Path, name: str, text: str,
                                                              where: str) -> None:
    reference(tmp_path)
    write(tmp_path / name, text)
    draft = write(tmp_path / "a.txt", RIGHT_REF + "\n")
    result = invoke(["run", str(draft)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and where in lines[0], lines
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_load_config_resolves_paths_against_the_config_file(tmp_path: Path) -> None:
    write(tmp_path / "sub" / ".factcheck.yaml", "reference: [../a.yaml, /abs/b.yaml]\nbaseline: base.json\n")
    cfg = load_config(tmp_path / "sub" / ".factcheck.yaml")
    assert cfg.reference == (tmp_path / "sub" / "../a.yaml", Path("/abs/b.yaml"))
    assert cfg.baseline == tmp_path / "sub" / "base.json"
    with pytest.raises(ConfigError, match=r"\.factcheck\.yaml:1: reference"):
        write(tmp_path / "bad.factcheck.yaml", "reference: 3\n")
        load_config(tmp_path / "bad.factcheck.yaml")
