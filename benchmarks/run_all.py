"""All the speed benchmarks in one go: start-up, throughput, reference scale, memory.

    python benchmarks/run_all.py [--quick]

Prints each benchmark's figures (ratios against baselines measured in the same run), then a summary.
``--quick`` uses fewer runs and a smaller corpus (about a minute instead of several). The machine's
load average is printed first: the ratios hold on a quiet machine; other work skews the wall times
(and --jobs needs free cores to help).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import memory
import reference_scale
import startup
import throughput
from _common import cleanup


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    runs = "5" if args.quick else "15"
    mb = "0.5" if args.quick else "2"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{platform.python_implementation()} {platform.python_version()}, {cores} core(s), "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    try:
        s = startup.main(["--runs", runs])
        print()
        t = throughput.main(["--mb", mb])
        print()
        r = reference_scale.main(["--runs", "3" if args.quick else "7"])
        print()
        m = memory.main(["--mb", mb])
    finally:
        cleanup()
    print("\nsummary")
    print(f"  start-up          {s['ratio']:6.2f}x the bare imports (goal 1.5x)    {s['warm_ms']:7.0f} ms")
    print(f"  throughput        {t['jobs1_ratio']:6.1f}x a bare read (goal 20x), serial: {t['jobs1_mb_s']:.3f} MB/s, "
          f"{t['jobs1_claims_s']:.0f} claims/s; --jobs 0: {t['jobs0_mb_s']:.3f} MB/s, "
          f"{t['jobs0_claims_s']:.0f} claims/s")
    print(f"  reference scale   {r['warm_ratio']:6.2f}x warm (goal 2x), {r['cold_ratio']:.2f}x cold, "
          f"{r['facts']:.0f} facts")
    print(f"  peak RSS          draft {m['draft']:.0f} MB, corpus {m['corpus_jobs1']:.0f} MB, "
          f"100k reference {m['big_ref_warm']:.0f} MB warm / {m['big_ref_cold']:.0f} MB cold")


if __name__ == "__main__":
    main()
