"""The on-disk reference cache (factcheck.refcache): hits skip the YAML, anything doubtful is a silent miss."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import refcache
from factcheck import reference as reference_module
from factcheck.reference import Reference, clear_cache, default_reference_path, load_reference
from tests.cli_support import MINI_REFERENCE, subprocess_cli, write


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache" / "factcheck"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    clear_cache()
    yield folder
    clear_cache()


def _same(a: Reference, b: Reference) -> None:
    assert a.facts == b.facts and dict(a.regions) == dict(b.regions) and dict(a.metrics) == dict(b.metrics)
    assert a.standards == b.standards and a.events == b.events and a.digest == b.digest
    assert a.name_table() == b.name_table()
    key = next(iter(a.fact_keys()))
    assert a.facts_for(*key) == b.facts_for(*key)


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> Reference:
        raise AssertionError("the YAML was parsed although the cache holds it")

    monkeypatch.setattr(reference_module, "parse_reference", refuse)


def test_second_process_loads_the_cached_reference(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = default_reference_path()
    parsed = load_reference(path)
    files = list(cache.glob("reference-*.cache"))
    assert [f.name for f in files] == [f"reference-{parsed.digest}.cache"]
    assert oct(cache.stat().st_mode & 0o777) == oct(0o700) and not files[0].stat().st_mode & 0o077
    clear_cache()  # as in a new process
    _no_parsing(monkeypatch)
    cached = load_reference(path)
    assert cached is not parsed
    _same(parsed, cached)
    assert cached.path == str(path)


def test_the_path_shown_is_the_one_asked_for(cache: Path, tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "ref.yaml", MINI_REFERENCE)
    b = write(tmp_path / "b" / "desk.yaml", MINI_REFERENCE)  # same bytes, same digest, another name
    load_reference(a)
    clear_cache()
    ref = load_reference(b)
    assert ref.path == str(b)


def test_an_edited_reference_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "ref.yaml", MINI_REFERENCE)
    first = load_reference(path)
    path.write_text(MINI_REFERENCE.replace("value: 38.6", "value: 38.2"), encoding="utf-8")
    clear_cache()
    second = load_reference(path)
    assert second.digest != first.digest
    assert {str(f.value) for f in second.facts} == {"38.2", "18"}


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other-header", "group-writable", "not-ours-dir"])
def test_a_doubtful_cache_file_is_ignored(cache: Path, tmp_path: Path, damage: str) -> None:
    path = write(tmp_path / "ref.yaml", MINI_REFERENCE)
    good = load_reference(path)
    target = refcache.cache_file(good.digest)
    assert target is not None and target.exists()
    data = target.read_bytes()
    if damage == "truncated":
        target.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        header, _, _ = data.partition(b"\n")
        target.write_bytes(header + b"\n" + b"\x80\x05not a pickle")
    elif damage == "other-header":
        target.write_bytes(data.replace(refcache.FORMAT, b"factcheck-reference-cache/0", 1))
    elif damage == "group-writable":
        os.chmod(target, 0o664)
    else:
        os.chmod(cache, 0o777)
    clear_cache()
    assert refcache.load(good.digest, str(path)) is None
    again = load_reference(path)  # parses the YAML, no error
    _same(good, again)


def test_no_cache_when_disabled_or_unwritable(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "ref.yaml", MINI_REFERENCE)
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    load_reference(path)
    assert not cache.exists()
    monkeypatch.delenv("FACTCHECK_NO_CACHE")
    blocker = write(tmp_path / "file", "not a directory")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "factcheck"))
    clear_cache()
    assert len(load_reference(path).facts) == 2


def test_cli_output_is_the_same_from_the_cache(tmp_path: Path) -> None:
    draft = write(tmp_path / "d.txt", "2023年,河北PM2.5平均浓度为38.2微克/立方米。\n")
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "c")}
    cold = subprocess_cli(["run", "-f", "json", str(draft)], env=env)
    assert list((tmp_path / "c").glob("reference-*.cache"))
    warm = subprocess_cli(["run", "-f", "json", str(draft)], env=env)
    off = subprocess_cli(["run", "-f", "json", str(draft)], env={"FACTCHECK_NO_CACHE": "1"})
    assert cold.returncode == warm.returncode == off.returncode == 1
    assert cold.stdout == warm.stdout == off.stdout
    assert b"FC101" in cold.stdout


def test_a_cached_reference_builds_only_the_facts_a_draft_asks_for(cache: Path) -> None:
    from factcheck.pipeline import check_text

    path = default_reference_path()
    parsed = load_reference(path)
    expected = check_text("2023年,河北PM2.5平均浓度为38.2微克/立方米。", parsed)
    clear_cache()
    cached = load_reference(path)
    assert type(cached._facts) is not dict  # the lazy index of the cache
    result = check_text("2023年,河北PM2.5平均浓度为38.2微克/立方米。", cached)
    assert result == expected and any(f.rule == "FC101" for f in result.files[0].findings)
    assert "facts" not in cached.__dict__  # nobody needed every fact...
    made = [f for f in cached._facts._made if f is not None]  # type: ignore[attr-defined]
    assert 0 < len(made) < len(parsed.facts) // 4  # ...only those of the (region, metric) pairs it states
    assert cached.facts == parsed.facts  # and all of them, in file order, when asked
