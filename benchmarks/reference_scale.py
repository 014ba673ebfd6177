"""Reference scale: the seeds checked against a generated ~100k-fact reference vs the bundled one.

    python benchmarks/reference_scale.py [--runs 7] [--regions 300]

The big reference is the bundled claims.yaml plus ``--regions`` generated cities (Chinese and
pinyin names, a parent province) x 32 metrics (air, water, energy, economy; Chinese and English
names, units) x 10 years, and a ten-year change per city and metric: ~105,000 facts, each with a
source and a quote (27 MB of YAML). Measured: ``factcheck run`` on the seeds (the samples when
../shared/seeds is absent)

- cold: ``FACTCHECK_NO_CACHE=1``, the YAML parsed and validated by the run;
- warm: the on-disk reference cache present (written by the first run), the usual case;

each against the same run with the bundled reference (warm). Goal: warm <= 2x.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    ROOT,
    SEEDS,
    build_big_reference,
    child_env,
    cleanup,
    factcheck_cmd,
    interleaved,
    ms,
    run_once,
    scratch,
    verdict,
)

GOAL = 2.0


def measure(runs: int, regions: int) -> dict[str, float]:
    big, facts = build_big_reference(scratch("reference"), regions)
    targets = [str(p) for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else [str(ROOT / "samples")]
    env = child_env()
    cold_env = child_env(FACTCHECK_NO_CACHE="1")
    os.environ["FACTCHECK_NO_CACHE"] = "1"
    from factcheck.reference import load_reference

    start = time.perf_counter()
    load_reference(big)
    parse = time.perf_counter() - start
    default_cmd = [*factcheck_cmd(), "run", "-q", *targets]
    big_cmd = [*factcheck_cmd(), "run", "-q", "-r", str(big), *targets]
    run_once(big_cmd, env)  # writes the cache
    cache_files = list(Path(env["FACTCHECK_CACHE_DIR"]).glob("reference-*"))
    timings = interleaved({"default": (default_cmd, env), "warm": (big_cmd, env)}, runs)
    cold = interleaved({"cold": (big_cmd, cold_env)}, max(1, runs // 3))["cold"]
    base, warm = timings["default"], timings["warm"]
    print(f"reference scale: {facts} facts, {regions} generated regions, YAML {big.stat().st_size / 1e6:.1f} MB, "
          f"cache {sum(f.stat().st_size for f in cache_files) / 1e6:.1f} MB; checking {len(targets)} file(s)")
    print(f"  parse + validate the YAML in-process: {parse:.2f} s ({parse / facts * 1e6:.0f} µs/fact)")
    print("  bundled reference, warm cache: "
          f"wall {ms(base.wall)}  cpu {ms(base.cpu)}")
    print(f"  100k reference, warm cache: wall {ms(warm.wall)}  cpu {ms(warm.cpu)}  "
          f"ratio {verdict(warm.wall / base.wall, GOAL)}")
    print(f"  100k reference, cold (YAML parsed by the run): wall {ms(cold.wall)}  cpu {ms(cold.cpu)}  "
          f"ratio {cold.wall / base.wall:5.2f}x")
    return {"facts": facts, "parse_s": parse, "default_ms": base.wall * 1000, "warm_ms": warm.wall * 1000,
            "cold_ms": cold.wall * 1000, "warm_ratio": warm.wall / base.wall, "cold_ratio": cold.wall / base.wall}


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--regions", type=int, default=300)
    args = parser.parse_args(argv)
    try:
        return measure(args.runs, args.regions)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
