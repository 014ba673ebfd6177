"""Reference tooling through the real CLI: ref validate, ref show, ref search (item 7)."""

from __future__ import annotations

from pathlib import Path

from tests.cli_support import MINI_REFERENCE, invoke, reference, write

CONFLICTING = MINI_REFERENCE + """\
  - {region: hebei, metric: pm25_annual_mean, year: 2023, value: 36.8, source: "某网站转载"}
  - {region: zhangjiakou, metric: pm25_annual_mean, year: 2023, value: 18, source: "重复录入"}
"""


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_validate_a_clean_reference(tmp_path: Path) -> None:
    ref = reference(tmp_path)
    result = invoke(["ref", "validate", str(ref)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "2 fact(s): 0 error(s), 0 warning(s)" in result.stderr


def test_validate_reports_conflicts_and_duplicates_with_positions(tmp_path: Path) -> None:
    ref = reference(tmp_path, text=CONFLICTING)
    result = invoke(["ref", "validate", str(ref)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    conflict = next(line for line in lines if "conflicting" in line)
    duplicate = next(line for line in lines if "duplicate" in line)
    assert conflict.startswith(f"{ref}:{_line(CONFLICTING, '36.8')}:") and "38.6" in conflict
    assert duplicate.startswith(f"{ref}:{_line(CONFLICTING, '重复录入')}:") and ": info: " in duplicate


def test_validate_schema_errors_unknown_ids_and_missing_sources(tmp_path: Path) -> None:
    text = MINI_REFERENCE.replace("region: zhangjiakou, metric", "region: zjk, metric")
    unknown = reference(tmp_path, "unknown.yaml", text)
    result = invoke(["ref", "validate", str(unknown)])
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{unknown}:{_line(text, 'zjk')}:") and "zjk" in result.stdout
    assert ": error: " in result.stdout
    text = MINI_REFERENCE.replace(',\n     source: "张家口市生态环境局 2023年环境质量公报"}', "}")
    no_source = reference(tmp_path, "nosource.yaml", text)
    result = invoke(["ref", "validate", str(no_source)])
    assert result.exit_code == 2 and "source" in result.stdout
    assert result.stdout.startswith(f"{no_source}:{_line(text, 'region: zhangjiakou, metric')}:")


def test_validate_several_files_reports_disagreements_between_them(tmp_path: Path) -> None:
    base = reference(tmp_path, "base.yaml")
    desk = reference(tmp_path, "desk.yaml", MINI_REFERENCE.replace("value: 18,", "value: 19,"))
    result = invoke(["ref", "validate", str(base), str(desk)])
    assert result.exit_code == 1
    at = f"{desk}:{_line(MINI_REFERENCE, 'region: zhangjiakou, metric')}:"
    assert any(line.startswith(at) and "19" in line and "18" in line and str(base) in line
               for line in result.stdout.splitlines()), result.stdout


def test_validate_defaults_to_the_configured_references(tmp_path: Path) -> None:
    reference(tmp_path, text=CONFLICTING)
    write(tmp_path / ".factcheck.yaml", "reference: ref.yaml\n")
    result = invoke(["ref", "validate"], cwd=tmp_path)
    assert result.exit_code == 1 and "conflicting" in result.stdout


def test_show_a_region_by_name_with_sources(tmp_path: Path) -> None:
    ref = reference(tmp_path)
    result = invoke(["ref", "show", "河北省", "-r", str(ref)])
    assert result.exit_code == 0
    assert "hebei" in result.stdout and "38.6 μg/m³" in result.stdout and "2023" in result.stdout
    assert "河北省生态环境厅" in result.stdout
    # not Zhangjiakou's facts (the closing "fact(s) from <path>" is left out: pytest's tmp folder is numbered)
    table = result.stdout.split("fact(s) from")[0]
    assert "18" not in table.replace("2023", "")
    assert "1 fact(s)" in result.stdout
    by_metric = invoke(["ref", "show", "Zhangjiakou", "PM2.5年均浓度", "-r", str(ref)])
    assert by_metric.exit_code == 0 and "18 μg/m³" in by_metric.stdout
    unknown = invoke(["ref", "show", "zhangjiakuo", "-r", str(ref)])
    assert unknown.exit_code == 2 and "zhangjiakou" in unknown.stderr  # did you mean


def test_search_in_chinese_pinyin_and_english(tmp_path: Path) -> None:
    ref = reference(tmp_path)

    def first(query: str) -> list[str]:
        result = invoke(["ref", "search", query, "-r", str(ref)])
        assert result.exit_code == 0, (query, result.stderr)
        return result.stdout.splitlines()[0].split()

    assert first("张家口")[1:3] == ["region", "zhangjiakou"]
    assert first("張家口市")[1:3] == ["region", "zhangjiakou"]  # traditional
    assert first("zhangjiakou")[1:3] == ["region", "zhangjiakou"]
    assert first("Hebei")[1:3] == ["region", "hebei"]
    assert first("hebei sheng")[1:3] == ["region", "hebei"]  # pinyin of 河北省, spaced
    assert first("annual PM2.5")[1:3] == ["metric", "pm25_annual_mean"]
    none = invoke(["ref", "search", "qwxzv", "-r", str(ref)])
    assert none.exit_code == 1 and none.stdout == ""
