"""factcheck._codecache: generated code (dataclass methods, compiled regular expressions) replayed
from a private on-disk cache by the console script, with the same results as building it afresh.

Every probe runs in a child process: the cache hooks ``dataclasses`` and ``re`` process-wide.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = r'''
import dataclasses, inspect, json, re, sys
from factcheck import _codecache
_codecache.install()

@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    label: str = "a"
    tags: tuple[str, ...] = ()
    extra: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)

@dataclasses.dataclass(order=True)
class Row:
    key: str
    n: int = 0

PATTERNS = [
    (r"(?P<year>(?:19|20)\d{2})\s*年(?P<month>\d{1,2})月", 0),
    (r"factcheck:[ \t]*ignore\b(?P<rules>(?:[ \t]*[,;]?[ \t]*(?:FC\d{3}|[a-z]+(?:-[a-z]+)+))*)", re.IGNORECASE),
    (r"""(?x) (\d+(?:\.\d+)?)   # a number
              \s* (万|亿)?        # a scale
              (千瓦|吨|%)""", 0),
    (r"(?m)^[ \t]*(?:[(（]\d{1,2}[)）])", 0),
    (r"(?<![\d.])(\d{1,3})(?:,\d{3})+(?!\d)", 0),
    (r"(a)?b(?(1)c|d)", 0),
    (r"(?>x+)y|(\w)\1", re.ASCII),
    (r"straße|STRASSE|ǅ", re.IGNORECASE),
]
TEXTS = ["2023年12月 PM2.5 下降 3.5万千瓦 1,234,567 abc bd xxy aa", "FactCheck: ignore FC101, reference-mismatch",
         "（1）第一\n(2) 二", "Straße strasse ǆ ǅ Ǆ"]

out = {"patterns": [], "hooked": [hasattr(dataclasses, "exec") and "exec" in vars(dataclasses),
                                   getattr(re._compiler.compile, "_factcheck_cached", False)]}
for text, flags in PATTERNS:
    p = re.compile(text, flags)
    out["patterns"].append([p.pattern, p.flags, p.groups, dict(p.groupindex),
                            [[m.span(), m.groups()] for t in TEXTS for m in p.finditer(t)],
                            p.sub(lambda m: "<" + m.group(0) + ">", TEXTS[0])])
p1, p2 = Point(1, "b", ("t",), {"k": 1}), Point(1, "b", ("t",))
try:
    p1.x = 2
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
out["classes"] = [repr(p1), p1 == p2, hash(p1) == hash(p2), frozen, str(inspect.signature(Point)), Point.__doc__,
                  {k: str(v) for k, v in Point.__init__.__annotations__.items()},
                  repr(dataclasses.replace(p1, x=3)), Row("a") < Row("b"), repr(sorted([Row("b", 2), Row("a", 1)])),
                  Point.__init__.__code__.co_filename]
out["new"] = len(_codecache._new)
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
'''


def probe(cache: Path | None) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_NO_CACHE", "FACTCHECK_CACHE_DIR")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if cache is None:
        env["FACTCHECK_NO_CACHE"] = "1"
    else:
        env["FACTCHECK_CACHE_DIR"] = str(cache)
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=False,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _without_counters(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k not in ("new", "hooked")}


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    return folder


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("code-*.marshal"))


def test_a_warm_process_replays_the_same_code(cache: Path) -> None:
    plain = probe(None)
    assert plain["hooked"] == [False, False] and plain["new"] == 0
    first = probe(cache)
    assert first["hooked"] == [True, True]
    assert first["new"] > 0
    assert len(_cache_files(cache)) == 1
    stamp = _cache_files(cache)[0].stat().st_mtime_ns
    second = probe(cache)
    assert second["new"] == 0  # every dataclass method and pattern came from the cache
    assert _cache_files(cache)[0].stat().st_mtime_ns == stamp  # nothing new: not rewritten
    assert _without_counters(first) == _without_counters(plain)
    assert _without_counters(second) == _without_counters(plain)
    assert second["patterns"][1][4]  # the probe does match something
    assert second["classes"][3] is True  # still frozen


def test_a_cache_file_others_can_write_to_is_not_read(cache: Path) -> None:
    probe(cache)
    if not hasattr(os, "getuid"):
        pytest.skip("no file ownership here")
    cache.chmod(0o777)
    try:
        again = probe(cache)
    finally:
        cache.chmod(0o700)
    assert again["new"] > 0  # everything generated afresh


def test_a_damaged_cache_file_is_ignored_and_replaced(cache: Path) -> None:
    plain = probe(None)
    probe(cache)
    target = _cache_files(cache)[0]
    target.write_bytes(target.read_bytes()[:1000])
    damaged = probe(cache)
    assert damaged["new"] > 0
    assert _without_counters(damaged) == _without_counters(plain)
    assert probe(cache)["new"] == 0  # rewritten whole


def test_the_console_script_reports_the_same_with_a_warm_cache(cache: Path) -> None:
    draft = ROOT / "samples" / "zh_jjj_air_draft.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_NO_CACHE", "NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["FACTCHECK_CACHE_DIR"] = str(cache)
    runs = []
    for extra in ({"FACTCHECK_NO_CACHE": "1"}, {}, {}):
        done = subprocess.run([sys.executable, "-m", "factcheck", "run", "-f", "json", str(draft)],
                              env={**env, **extra}, cwd=ROOT, capture_output=True, check=False, timeout=300)
        runs.append((done.returncode, done.stdout, done.stderr))
    assert _cache_files(cache)
    assert runs[0] == runs[1] == runs[2]
    assert b'"claims"' in runs[0][1]
