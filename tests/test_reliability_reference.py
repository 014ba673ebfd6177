"""The reference under attack, through the real CLI's ``--reference``.

Every broken reference gives exit 2 and ONE line on stderr, ``factcheck: FILE:LINE:COLUMN: message``,
that names the entry, the key and what was expected — never a traceback, never a half-checked run.
How fast a bomb is refused is measured in benchmarks/adversarial.py, not here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli_support import MINI_REFERENCE, invoke

DRAFT = "2023年,河北PM2.5平均浓度为38.6微克/立方米。\n"
HEAD = (
    "version: 1\n"  # 1
    "regions:\n"  # 2
    "  hebei: {names: [河北, 河北省, Hebei]}\n"  # 3
    "metrics:\n"  # 4
    "  pm25_annual_mean: {names: [PM2.5平均浓度, PM2.5年均浓度], unit: μg/m³}\n"  # 5
    "facts:\n"  # 6
)


def refused(tmp_path: Path, text: str | bytes, name: str = "ref.yaml") -> tuple[str, int, int, str]:
    """Run the CLI with this reference; assert it is refused in one line; return (path, line, column, message)."""
    ref = tmp_path / name
    if isinstance(text, bytes):
        ref.write_bytes(text)
    else:
        ref.write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = invoke(["run", "-r", str(ref), str(draft)], env={"FACTCHECK_NO_CACHE": "1"})
    assert result.exit_code == 2
    assert result.stdout == "", "nothing is checked against a broken reference"
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    m = re.fullmatch(r"factcheck: (.+):(\d+):(\d+): (.+)", lines[0])
    assert m, lines[0]
    assert m.group(1) == str(ref)
    return m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)


def fact(body: str) -> str:
    return HEAD + "  - {" + body + "}\n"  # the fact is on line 7, its keys from column 6


def test_the_mini_reference_itself_is_accepted(tmp_path: Path) -> None:
    ref = tmp_path / "ok.yaml"
    ref.write_text(fact('region: hebei, metric: pm25_annual_mean, year: 2023, value: 38.6, source: "公报"'),
                   encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = invoke(["run", "-r", str(ref), str(draft)], env={"FACTCHECK_NO_CACHE": "1"})
    assert result.exit_code == 0 and result.stderr == "" and "reference 38.6" in result.stdout


def test_malformed_yaml_gives_file_line_column(tmp_path: Path) -> None:
    _, line, column, message = refused(tmp_path, HEAD + "  - {region: hebei, metric: [pm25_annual_mean\n")
    assert (line, column) >= (7, 1) and "malformed YAML" in message


def test_tab_indentation_is_malformed_yaml(tmp_path: Path) -> None:
    _, line, _, message = refused(tmp_path, "version: 1\nregions:\n\thebei: {names: [河北]}\n")
    assert line == 3 and "malformed YAML" in message


def column_of(body: str, token: str) -> int:
    """Column of ``token`` in a fact written by :func:`fact` (the body starts at column 6)."""
    return 6 + body.index(token)


@pytest.mark.parametrize(("body", "token", "words"), [
    ('region: hebei, metric: pm25_annual_mean, year: 2023, value: abc, source: "x"',
     "abc", ["fact #1", "'value'", "must be a number", "'abc'"]),
    ('region: hebei, metric: pm25_annual_mean, year: 2023, value: "38.6", source: "x"',
     '"38.6"', ["fact #1", "'value'", "quoted string", "remove the quotes"]),
    ('region: hebei, metric: pm25_annual_mean, year: 23, value: 38.6, source: "x"',
     "23,", ["fact #1", "'year'", "four-digit year"]),
    ('region: hebei, metric: pm25_annual_mean, year: 2023, vaule: 38.6, source: "x"',
     "vaule", ["fact #1", "unknown key 'vaule'", "expected one of", "did you mean 'value'"]),
    ('region: hebei, metric: pm25_annual_mean, year: 2023, value: 38.6, source: "x", kind: level2',
     "level2", ["fact #1", "'kind'", "must be one of", "'level2'"]),
    ('region: hebei, metric: pm25_annual_mean, year: 2023, value: 38.6, value: 38.2, source: "x"',
     "value: 38.2", ["fact #1", "duplicate key 'value'"]),
])
def test_schema_errors_name_entry_key_and_expectation(tmp_path: Path, body: str, token: str,
                                                      words: list[str]) -> None:
    _, line, column, message = refused(tmp_path, fact(body))
    assert (line, column) == (7, column_of(body, token)), message
    for word in words:
        assert word in message


def test_a_missing_key_points_at_the_entry(tmp_path: Path) -> None:
    _, line, column, message = refused(tmp_path, fact("region: hebei, metric: pm25_annual_mean, year: 2023, "
                                                      "value: 38.6"))
    assert (line, column) == (7, 5) and message.startswith("fact #1: missing required key 'source'")


@pytest.mark.parametrize(("body", "words"), [
    ('region: hebie, metric: pm25_annual_mean, year: 2023, value: 38.6, source: "x"',
     ["region 'hebie' is not declared", "did you mean 'hebei'"]),
    ('region: hebei, metric: pm25_mean, year: 2023, value: 38.6, source: "x"',
     ["metric 'pm25_mean' is not declared", "did you mean 'pm25_annual_mean'"]),
])
def test_unknown_region_or_metric_ids(tmp_path: Path, body: str, words: list[str]) -> None:
    _, line, _, message = refused(tmp_path, fact(body))
    assert line == 7
    for word in words:
        assert word in message


def test_unknown_parent_region(tmp_path: Path) -> None:
    text = HEAD.replace("  hebei: {names: [河北, 河北省, Hebei]}\n",
                        "  hebei: {names: [河北, 河北省, Hebei]}\n  zjk: {names: [张家口], parent: hebay}\n")
    _, line, _, message = refused(tmp_path, text + "  []\n")
    assert line == 4 and "hebay" in message


@pytest.mark.parametrize(("text", "where", "words"), [
    (HEAD.replace("metrics:\n", "  hebei: {names: [冀]}\nmetrics:\n") + "  []\n", (4, 3),
     ["duplicate key 'hebei'", "line 3"]),
    ("version: 1\nversion: 1\n", (2, 1), ["duplicate key 'version'"]),
])
def test_duplicate_keys(tmp_path: Path, text: str, where: tuple[int, int], words: list[str]) -> None:
    _, line, column, message = refused(tmp_path, text)
    assert (line, column) == where, message
    for word in words:
        assert word in message


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    _, line, _, message = refused(tmp_path, "version: 1\n" + "\n".join(levels) + "\nregions: *i\n")
    assert line == 2 and "anchor" in message and "refused" in message


def test_a_deeply_nested_bomb_is_refused(tmp_path: Path) -> None:
    _, line, _, message = refused(tmp_path, "version: 1\nregions: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert line == 2 and "nested more than" in message


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/object/apply:os.system",
                                 "!!python/name:os.system", "!!binary", "!!set"])
def test_only_safe_loading_tags_are_refused(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    text = f'version: 1\nregions: {tag} ["touch {marker}"]\n'
    _, line, column, message = refused(tmp_path, text)
    assert (line, column) == (2, 10) and "YAML tag" in message and "not supported" in message
    assert not marker.exists()


@pytest.mark.parametrize("value", ["1e999999999", "1e-999999999", "123456789012345678901234567890", "0e999999999"])
def test_absurd_numbers_are_refused_not_crashing_the_checks(tmp_path: Path, value: str) -> None:
    body = f'region: hebei, metric: pm25_annual_mean, year: 2023, value: {value}, source: "x"'
    _, line, column, message = refused(tmp_path, fact(body))
    assert (line, column) == (7, column_of(body, value)) and "'value'" in message and "out of range" in message


@pytest.mark.parametrize(("content", "words"), [
    (b"", ["empty reference file"]),
    (b"- just\n- a list\n", ["must be a mapping"]),
    (b"version: 2\n", ["unsupported reference version"]),
    (b"version: 1\nregions:\n  hebei: {names: [\xff\xfe]}\n", ["not valid UTF-8"]),
    (b"\x89PNG\r\n\x1a\n\x00\x00", ["not valid UTF-8"]),
])
def test_not_a_reference_at_all(tmp_path: Path, content: bytes, words: list[str]) -> None:
    _, _, _, message = refused(tmp_path, content)
    for word in words:
        assert word in message


def test_missing_reference_and_a_directory(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    for ref in (tmp_path / "nope.yaml", tmp_path):
        result = invoke(["run", "-r", str(ref), str(draft)], env={"FACTCHECK_NO_CACHE": "1"})
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(f"factcheck: {ref}:1:1: cannot read reference file")
        assert len(result.stderr.splitlines()) == 1


def test_a_100k_fact_reference_loads(tmp_path: Path) -> None:
    regions = "".join(f"  r{i}: {{names: [测试区{i}]}}\n" for i in range(500))
    lines = [HEAD.replace("regions:\n", "regions:\n" + regions),
             '  - {region: hebei, metric: pm25_annual_mean, year: 2023, value: 38.6, source: "公报"}\n']
    lines += [f'  - {{region: r{i % 500}, metric: pm25_annual_mean, year: {1900 + (i // 500) % 200}, '
              f'value: {i % 997}.5, source: "bulletin {i}"}}\n' for i in range(99_999)]
    ref = tmp_path / "big.yaml"
    ref.write_text("".join(lines), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = invoke(["run", "-f", "json", "-r", str(ref), str(draft)],
                    env={"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")})
    assert result.exit_code == 0 and result.stderr == ""
    assert '"status": "agrees"' in result.stdout
    check = invoke(["ref", "validate", str(ref)], env={"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")})
    assert "100000 fact(s)" in check.stderr


def test_a_broken_reference_among_several(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(MINI_REFERENCE, encoding="utf-8")
    path, line, column, message = refused(tmp_path, "version: 1\nregions: [\n", name="bad.yaml")
    draft = tmp_path / "draft.txt"
    result = invoke(["run", "-r", str(good), "-r", path, str(draft)], env={"FACTCHECK_NO_CACHE": "1"})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"factcheck: {path}:{line}:{column}: {message}"]
