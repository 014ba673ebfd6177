"""Shared helpers of the speed benchmarks: timed child processes, the corpus, the 100k-fact reference.

Every benchmark prints figures and a ratio against a baseline measured in the same run, on the
same machine, interleaved with it (so a busy machine slows both alike). Nothing here asserts.

Child processes run the tool as installed: bytecode is written (to a private PYTHONPYCACHEPREFIX,
so the work tree stays clean) even where PYTHONDONTWRITEBYTECODE is set, and the reference cache
lives in a private FACTCHECK_CACHE_DIR that each benchmark warms or empties explicitly.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
PY = sys.executable
_SCRATCH = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))


def scratch(name: str) -> Path:
    """A directory for this benchmark run (removed at exit by :func:`cleanup`)."""
    path = _SCRATCH / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def cleanup() -> None:
    shutil.rmtree(_SCRATCH, ignore_errors=True)


def factcheck_cmd() -> list[str]:
    """The console script next to this Python (what a hook runs), else ``python -m factcheck``."""
    script = Path(PY).with_name("factcheck")
    return [str(script)] if script.exists() else [PY, "-m", "factcheck"]


def child_env(cache: Path | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "FORCE_COLOR", "GITHUB_ACTIONS", "FACTCHECK_NO_CACHE")}
    env["PYTHONPYCACHEPREFIX"] = str(scratch("pycache"))
    env["NO_COLOR"] = "1"
    env["FACTCHECK_CACHE_DIR"] = str(cache if cache is not None else scratch("refcache"))
    env.update(extra)
    return env


@dataclass
class Timing:
    walls: list[float]
    cpus: list[float]

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def run_once(cmd: Sequence[str], env: Mapping[str, str], cwd: Path = ROOT) -> tuple[float, float, bytes]:
    """(wall seconds, CPU seconds of the child and its children, stdout)."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(list(cmd), env=dict(env), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          check=False)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, done.stdout


def interleaved(commands: Mapping[str, tuple[Sequence[str], Mapping[str, str]]], runs: int) -> dict[str, Timing]:
    """Run each command ``runs`` times, round-robin, after one untimed warm-up each."""
    for cmd, env in commands.values():
        run_once(cmd, env)
    out = {name: Timing([], []) for name in commands}
    for _ in range(runs):
        for name, (cmd, env) in commands.items():
            wall, cpu, _ = run_once(cmd, env)
            out[name].walls.append(wall)
            out[name].cpus.append(cpu)
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def verdict(ratio: float, goal: float) -> str:
    return f"{ratio:5.2f}x (goal <= {goal:g}x: {'met' if ratio <= goal else 'NOT met'})"


# ------------------------------------------------------------------------------ corpus

def corpus_sources() -> list[Path]:
    """Real articles: the samples, the gold set's articles and the seeds (when ../shared/seeds is there)."""
    files = sorted((ROOT / "samples").iterdir()) + sorted((ROOT / "tests" / "gold" / "articles").iterdir())
    if SEEDS.is_dir():
        files += sorted(SEEDS.glob("*.txt"))
    return [f for f in files if f.is_file()]


def build_corpus(dest: Path, megabytes: float) -> tuple[list[Path], int]:
    """Copies of the real articles, round-robin, into ``dest/NNN/`` until ``megabytes`` are written.

    Files keep their bytes (encodings, garbling, markup) and extension; an archive holds the same
    story many times over, which is also what the cross-source pass then sees. Returns (files, bytes).
    """
    sources = corpus_sources()
    target = int(megabytes * 1_000_000)
    written = 0
    files: list[Path] = []
    i = 0
    while written < target:
        src = sources[i % len(sources)]
        folder = dest / f"{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{i:05d}_{src.name}"
        shutil.copyfile(src, out)
        written += out.stat().st_size
        files.append(out)
        i += 1
    return files, written


BARE_READ = r"""
import os, re, sys
digits = re.compile(r"\d+(?:\.\d+)?")
n = 0
for top, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(names):
        with open(os.path.join(top, name), "rb") as fh:
            text = fh.read().decode("utf-8", "replace")
        n += len(digits.findall(text))
print(n)
"""


# ----------------------------------------------------------------------- big reference

_CHARS = "岚澄汀湄沅溆浔芷蘅琅璋瑜珩岱崧峄峤嵩屏枫桐榆槐栎棠柘杉楠邺郢邛鄞鄄濮漯沭泗涟淇汝颍"
_PINYIN = ["lan", "cheng", "ting", "mei", "yuan", "xu", "xun", "zhi", "heng", "lang", "zhang", "yu", "heng", "dai",
           "song", "yi", "qiao", "song", "ping", "feng", "tong", "yu", "huai", "li", "tang", "zhe", "shan", "nan", "ye",
           "ying", "qiong", "yin", "juan", "pu", "luo", "shu", "si", "lian", "qi", "ru", "ying"]
_METRICS = [
    ("二氧化硫年均浓度", "SO2 annual mean", "μg/m³"), ("二氧化氮年均浓度", "NO2 annual mean", "μg/m³"),
    ("可吸入颗粒物年均浓度", "PM10 annual mean", "μg/m³"), ("臭氧日最大8小时平均浓度", "O3 8h max", "μg/m³"),
    ("一氧化碳日均浓度", "CO daily mean", "mg/m³"), ("降尘量", "dustfall", "吨/平方公里·月"),
    ("重污染天数", "heavy pollution days", "天"), ("优良天数比例", "share of good days", "%"),
    ("地表水优良水体比例", "good surface water share", "%"), ("劣V类水体比例", "worse than class V water", "%"),
    ("森林覆盖率", "forest cover", "%"), ("建成区绿化覆盖率", "green cover of built-up area", "%"),
    ("城市生活垃圾无害化处理率", "safe waste treatment rate", "%"), ("污水处理率", "sewage treatment rate", "%"),
    ("单位GDP能耗", "energy per unit GDP", "吨标准煤/万元"), ("煤炭消费总量", "coal consumption", "吨"),
    ("可再生能源装机容量", "renewable capacity", "kW"), ("风电装机容量", "wind capacity", "kW"),
    ("光伏装机容量", "solar capacity", "kW"), ("新能源汽车保有量", "new energy vehicles", "辆"),
    ("地区生产总值", "regional GDP", "元"), ("一般公共预算收入", "general budget revenue", "元"),
    ("固定资产投资", "fixed asset investment", "元"), ("社会消费品零售总额", "retail sales", "元"),
    ("进出口总额", "foreign trade", "元"), ("常住人口", "resident population", "人"),
    ("城镇化率", "urbanisation rate", "%"), ("城镇居民人均可支配收入", "urban disposable income", "元"),
    ("农村居民人均可支配收入", "rural disposable income", "元"), ("高速公路通车里程", "expressway length", "公里"),
    ("铁路营业里程", "railway length", "公里"), ("接待游客人次", "tourist visits", "人次"),
]
BIG_YEARS = range(2014, 2024)


def _region_names(count: int) -> list[tuple[str, str]]:
    rng = random.Random(20240223)
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < count:
        a, b = rng.randrange(len(_CHARS)), rng.randrange(len(_CHARS))
        if a == b:
            continue
        zh = _CHARS[a] + _CHARS[b]
        en = (_PINYIN[a] + _PINYIN[b]).capitalize()
        if zh in seen or en in seen:
            continue
        seen.update((zh, en))
        out.append((zh, en))
    return out


def build_big_reference(dest: Path, regions: int = 300) -> tuple[Path, int]:
    """The bundled claims.yaml plus ``regions`` generated cities x 32 metrics x 10 years (and a change per
    city and metric): about 105,000 facts, every one with a source and a quote. Returns (path, facts)."""
    base = (ROOT / "claims.yaml").read_text(encoding="utf-8")
    rng = random.Random(7)
    region_lines: list[str] = []
    metric_lines: list[str] = []
    fact_lines: list[str] = []
    names = _region_names(regions)
    for k, (zh, en) in enumerate(names):
        parent = ("hebei", "beijing", "tianjin")[k % 3]
        region_lines.append(f"  gen_city_{k:03d}: {{names: [{zh}市, {zh}, {en}, {en} City], parent: {parent}}}\n")
    from factcheck.reference import parse_reference

    default = parse_reference(base)
    taken = {name.lower() for name, _, _ in default.name_table()}
    for m, (zh, en, unit) in enumerate(_METRICS):
        free = [n for n in (zh, f"{zh}统计值", en) if n.lower() not in taken] or [f"{zh}(统计)"]
        metric_lines.append(f"  gen_metric_{m:02d}: {{names: [{', '.join(free)}], unit: \"{unit}\"}}\n")
    facts = 0
    for k, (zh, _) in enumerate(names):
        for m, (mzh, _, unit) in enumerate(_METRICS):
            level = rng.uniform(5, 500)
            first = None
            for year in BIG_YEARS:
                level *= rng.uniform(0.9, 1.05)
                value = f"{level:.1f}"
                first = first or value
                fact_lines.append(
                    f"  - {{region: gen_city_{k:03d}, metric: gen_metric_{m:02d}, year: {year}, value: {value}, "
                    f"unit: \"{unit}\", source: \"{zh}市统计局《{year}年国民经济和社会发展统计公报》 | "
                    f"http://tjj.example.gov.cn/{k:03d}/{year}.html\", quote: \"{year}年{zh}市{mzh}{value}\"}}\n")
                facts += 1
            change = (float(value) / float(first) - 1) * 100
            fact_lines.append(
                f"  - {{region: gen_city_{k:03d}, metric: gen_metric_{m:02d}, year: {BIG_YEARS[-1]}, kind: change, "
                f"baseline_year: {BIG_YEARS[0]}, value: {change:.1f}, source: \"{zh}市生态环境局 十年回顾\"}}\n")
            facts += 1
    text = base
    for section, lines in (("regions:\n", region_lines), ("metrics:\n", metric_lines), ("facts:\n", fact_lines)):
        at = text.index("\n" + section) + 1 + len(section)
        text = text[:at] + "".join(lines) + text[at:]
    path = dest / "claims-100k.yaml"
    path.write_text(text, encoding="utf-8")
    return path, facts + len(default.facts)


def peak_rss_cmd(cmd: Sequence[str]) -> list[str]:
    """Wrap ``cmd``: the wrapper prints the peak RSS (KiB) of the largest process among its descendants."""
    code = ("import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    return [PY, "-c", code, *cmd]
