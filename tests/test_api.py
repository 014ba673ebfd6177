"""The library API (factcheck.api): check_texts is the CLI's JSON; map/reduce in pieces gives the same."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.api import Partial, check_texts, map_partition, read_files, reduce_cross_source
from tests.cli_support import ROOT, WRONG_MATH, subprocess_cli, write

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def drafts(tmp_path: Path) -> list[Path]:
    d = tmp_path / "drafts"
    files = [
        write(d / "a.md", "# 河北\n\n2023年,河北PM2.5平均浓度为38.6微克/立方米。\n"),
        write(d / "b.txt", "2023年,河北PM2.5平均浓度为36.8微克/立方米。\n"),  # FC601 with a.md
        write(d / "c.txt", f"<!-- factcheck: ignore FC201 -->\n{WRONG_MATH}\nfactcheck: ignore FC999\n"),
        write(d / "d.txt", "该局称,2023年河北PM2.5平均浓度为“38.2微克/立方米”[sic]。\n"),
        write(d / "e.txt", "  \n"),  # empty: an input error in the record
    ]
    big5 = d / "f.txt"
    big5.write_bytes("2023年,北京PM2.5年均濃度為32微克/立方米,比2013年下降64.2%。\n".encode("big5"))
    files.append(big5)
    for sample in sorted((ROOT / "samples").iterdir()):
        files.append(write(d / sample.name, sample.read_text(encoding="utf-8")))
    return sorted(files)


def _cli_json(paths: list[Path]) -> dict[str, object]:
    result = subprocess_cli(["run", "-f", "json", *map(str, paths)])
    assert result.returncode in (1, 2), result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_check_texts_is_the_cli_json(drafts: list[Path]) -> None:
    record = check_texts(read_files(map(str, drafts)))
    assert record == _cli_json(drafts)
    rules = {f["rule"] for fr in record["files"] for f in fr["findings"]} | {f["rule"] for f in record["findings"]}
    assert {"FC601", "FC001", "FC003"} <= rules  # cross-source, the empty file, the unused directive
    assert [fr["status"] for fr in record["files"]].count("failed") == 1
    assert next(fr for fr in record["files"] if fr["path"].endswith("f.txt"))["encoding"] == "big5"


def test_map_partitions_then_reduce_equals_check_texts(drafts: list[Path]) -> None:
    pairs = list(read_files(map(str, drafts)))
    whole = check_texts(pairs)
    parts = [map_partition(pairs[:3]), map_partition(pairs[3:7]), map_partition(pairs[7:])]
    shipped = pickle.loads(pickle.dumps(parts))  # what an engine does between map and reduce
    assert reduce_cross_source([p for part in shipped for p in part]) == whole
    flat = [p for part in parts for p in part]
    assert all(isinstance(p, Partial) for p in flat)
    # The map output carries claims, not texts; the text only where the reduce needs it for suppressions.
    for p in flat:
        if not isinstance(p.outcome, tuple):
            continue
        doc = p.outcome[0]
        assert doc.loaded.text == "" and doc.norm.text == "" and not doc.norm.starts
        assert (p.suppress_text is not None) == p.path.endswith(("c.txt", "d.txt"))


def test_options_and_reference(tmp_path: Path) -> None:
    from tests.cli_support import reference

    ref = reference(tmp_path)
    text = [("x.txt", "今年,我市PM2.5平均浓度为18微克/立方米。")]
    record = check_texts(text, ref, date="2023-05-01", region="zhangjiakou")
    claim = record["files"][0]["claims"][0]
    assert (claim["region"], claim["year"], record["reference"]) == ("zhangjiakou", 2023, str(ref))
    assert claim["status"] == "agrees"  # zhangjiakou 2023 is 18 in the reference given
    assert check_texts(text, ref)["files"][0]["claims"][0]["region"] is None  # without --region and --date


def test_package_import_stays_light() -> None:
    code = ("import sys, factcheck; assert 'factcheck.api' not in sys.modules and 'factcheck.pipeline' not in "
            "sys.modules, sorted(sys.modules); f = factcheck.check_texts; assert 'factcheck.api' in sys.modules; "
            "print(f.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "factcheck.api"


def test_dask_example_equals_check_texts(tmp_path: Path, drafts: list[Path]) -> None:
    pytest.importorskip("dask.bag")
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import dask_archive
    finally:
        sys.path.remove(str(ROOT / "examples"))
    folder = str(drafts[0].parent)
    expected = check_texts(read_files(map(str, drafts)))
    for scheduler, partitions in (("sync", 3), ("threads", 4)):
        assert dask_archive.check_archive([folder], None, partitions, scheduler) == expected
    if SEEDS.is_dir():  # the real articles, through the script's command line
        out = subprocess.run([sys.executable, str(ROOT / "examples" / "dask_archive.py"), "--partitions", "2",
                              str(SEEDS)], capture_output=True, check=False, cwd=ROOT)
        assert json.loads(out.stdout) == check_texts(read_files(sorted(map(str, SEEDS.glob("*.txt")))))
        assert out.returncode == _cli_exit(SEEDS)


def _cli_exit(folder: Path) -> int:
    return subprocess_cli(["run", "-q", str(folder)]).returncode
