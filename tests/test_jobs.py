"""``--jobs N``: files read and checked in worker processes give the same bytes as a serial run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.models import Loaded
from factcheck.parallel import MIN_CHARS, MIN_FILES_PER_WORKER, default_jobs, plan_workers
from factcheck.pipeline import Options, check_loaded, load_inputs
from factcheck.reference import default_reference_path, load_reference
from factcheck.report import render
from tests.cli_support import ROOT, subprocess_cli, write

SEEDS = ROOT.parent / "shared" / "seeds"
CONFLICT_A = "2023年,河北PM2.5平均浓度为38.6微克/立方米。\n"
CONFLICT_B = "2023年,河北PM2.5平均浓度为36.8微克/立方米。\n"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Real articles (gold set, samples, the seeds when present) twice over, plus two drafts that conflict."""
    root = tmp_path / "archive"
    sources = sorted((ROOT / "tests" / "gold" / "articles").iterdir()) + sorted((ROOT / "samples").iterdir())
    if SEEDS.is_dir():
        sources += sorted(SEEDS.glob("*.txt"))
    for copy in range(2):
        for src in sources:
            dest = root / f"copy{copy}" / src.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
    write(root / "desk" / "a.txt", CONFLICT_A)
    write(root / "desk" / "b.txt", CONFLICT_B)
    write(root / "desk" / "broken.txt", "")  # an input problem in the middle of the run
    (root / "desk" / "bad.txt").write_bytes(b"\xff\xfe\xff\x00\xd8")
    return root


def _items(archive: Path) -> list:  # type: ignore[type-arg]
    return load_inputs([str(archive)], Options())


def test_the_archive_is_big_enough_to_use_the_pool(archive: Path) -> None:
    assert plan_workers(_items(archive), 2) == 2  # otherwise the tests below would compare serial with serial


def test_parallel_result_equals_serial(archive: Path) -> None:
    ref = load_reference(default_reference_path())
    items = _items(archive)
    serial = check_loaded(items, ref, Options(), jobs=1)
    parallel = check_loaded(items, ref, Options(), jobs=2)
    assert parallel == serial
    assert render(parallel, "json") == render(serial, "json")
    assert [fr.path for fr in parallel.files] == [it.path for it in items]
    desk = {str(archive / "desk" / "a.txt"), str(archive / "desk" / "b.txt")}
    assert any(desk <= {loc.path for loc in f.locations} for f in serial.findings if f.rule == "FC601")
    confirmed = [v for fr in serial.files for v in fr.verdicts if v.status == "confirmed"]
    assert confirmed  # the copies confirm each other: run verdicts reach the right files


@pytest.mark.parametrize("fmt", ["json", "human", "sarif"])
def test_cli_jobs_output_is_byte_identical(archive: Path, fmt: str) -> None:
    args = ["run", "-f", fmt, "--no-color", str(archive)]
    one = subprocess_cli([*args, "--jobs", "1"])
    two = subprocess_cli([*args, "--jobs", "2"])
    default = subprocess_cli(args)
    assert one.returncode == two.returncode == default.returncode == 2  # the undecodable file
    assert one.stdout == two.stdout == default.stdout
    assert one.stderr == two.stderr
    if fmt == "json":
        data = json.loads(one.stdout)
        assert any(f["rule"] == "FC601" for f in data["findings"])
        assert len(data["files"]) == len(list(archive.rglob("*.txt"))) + len(list(archive.rglob("*.md"))) + len(
            list(archive.rglob("*.html")))


def test_negative_jobs_is_a_usage_error(tmp_path: Path) -> None:
    draft = write(tmp_path / "d.txt", CONFLICT_A)
    result = subprocess_cli(["run", "--jobs", "-3", str(draft)])
    assert result.returncode == 2
    assert b"--jobs" in result.stderr and b"Traceback" not in result.stderr


def test_small_runs_stay_serial() -> None:
    one_draft = [Loaded("a.txt", "河北" * 20_000, "utf-8")]
    assert plan_workers(one_draft, 8) == 1  # one file: nothing to share out
    small = [Loaded(f"{i}.txt", "2023年,河北PM2.5平均浓度为38.6微克/立方米。", "utf-8") for i in range(50)]
    assert plan_workers(small, 8) == 1  # under MIN_CHARS: the pool costs more than it saves
    many = [Loaded(f"{i}.txt", "x" * (MIN_CHARS // 4), "utf-8") for i in range(10 * MIN_FILES_PER_WORKER)]
    assert plan_workers(many, 4) == 4
    assert plan_workers(many, 1) == 1
    assert plan_workers(many, 0) == min(default_jobs(), 10)
    assert plan_workers(many[: 2 * MIN_FILES_PER_WORKER], 8) == 2


def test_workers_started_by_spawn_get_the_reference_pickled(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows start workers with spawn: the reference and options travel through the initializer."""
    import multiprocessing

    from factcheck import parallel

    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    ref = load_reference(default_reference_path())
    text = "2023年,河北PM2.5平均浓度为38.2微克/立方米。北京市PM2.5年均浓度32微克/立方米。\n" * 200
    items = [Loaded(f"d{i}.txt", text, "utf-8") for i in range(2 * MIN_FILES_PER_WORKER)]
    assert plan_workers(items, 2) == 2
    options = Options(region="hebei")
    assert check_loaded(items, ref, options, jobs=2) == check_loaded(items, ref, options, jobs=1)
