"""Throughput on an archive: ``factcheck run`` over a multi-MB corpus vs a bare read of the same files.

    python benchmarks/throughput.py [--mb 2] [--jobs 1,0] [--runs 1]

The corpus: the samples, the gold set's articles and the seeds copied round-robin into a temporary
directory until ``--mb`` megabytes (hundreds of files, their bytes unchanged). Baseline: a Python
process that reads and decodes every file and runs one digit regex over it. Measured: ``factcheck
run -f json`` over the directory with each ``--jobs`` value (0 = one worker per core), reference
cache warm. Prints MB/s, files/s, claims/s and the ratio of wall times. Goal: <= 20x the baseline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BARE_READ, PY, build_corpus, child_env, cleanup, factcheck_cmd, ms, run_once, scratch, verdict

GOAL = 20.0


def measure(megabytes: float, jobs: list[int], runs: int) -> dict[str, float]:
    corpus = scratch("corpus")
    files, size = build_corpus(corpus, megabytes)
    env = child_env()
    run_once([*factcheck_cmd(), "run", "-q", str(files[0])], env)  # warm: bytecode, reference cache
    bare = [run_once([PY, "-c", BARE_READ, str(corpus)], env)[0] for _ in range(max(5, runs))]
    base = statistics.median(bare)
    mb = size / 1e6
    print(f"throughput: {len(files)} files, {mb:.2f} MB (samples, gold articles, seeds, copied round-robin)")
    print(f"  baseline  read + decode + one digit regex: {ms(base)}  ({mb / base:8.1f} MB/s)")
    figures: dict[str, float] = {"files": len(files), "mb": mb, "baseline_s": base}
    for j in jobs:
        walls = []
        claims = 0
        for _ in range(runs):
            wall, _, out = run_once([*factcheck_cmd(), "run", "-f", "json", "--no-progress", "--jobs", str(j),
                                     str(corpus)], env)
            walls.append(wall)
            claims = json.loads(out)["summary"]["claims"]
        wall = statistics.median(walls)
        label = "one per core" if j == 0 else "serial" if j == 1 else f"{j} workers"
        print(f"  factcheck run --jobs {j} ({label:12}): {wall:7.2f} s  {mb / wall:6.3f} MB/s  "
              f"{len(files) / wall:6.1f} files/s  {claims / wall:7.0f} claims/s ({claims} claims)  "
              f"ratio {verdict(wall / base, GOAL)}")
        figures[f"jobs{j}_s"] = wall
        figures[f"jobs{j}_mb_s"] = mb / wall
        figures[f"jobs{j}_claims_s"] = claims / wall
        figures[f"jobs{j}_ratio"] = wall / base
    return figures


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--jobs", default="1,0", help="comma-separated --jobs values (0: one per core)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    try:
        return measure(args.mb, [int(j) for j in args.jobs.split(",")], args.runs)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
