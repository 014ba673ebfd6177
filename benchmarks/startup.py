"""Start-up: ``factcheck run`` on one short draft, as a pre-commit hook runs it, vs importing its libraries.

    python benchmarks/startup.py [--runs 15] [--draft samples/zh_jjj_air_draft.txt] [--importtime]

Baseline: ``python -c "import typer, rich, rapidfuzz, yaml"`` (the floor of any CLI built on them).
Measured: ``factcheck run DRAFT`` with its caches warm (the usual case: the first run writes them; the
reference cache and the code cache of ``factcheck._codecache``, i.e. dataclass methods and compiled
regular expressions) and cold (``FACTCHECK_NO_CACHE=1``: the YAML is parsed, the code generated).
Median wall time and CPU time of ``--runs`` runs each, interleaved. Goal: warm wall time <= 1.5x the baseline.
``--importtime`` also prints the slowest imports of one warm run (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PY, ROOT, child_env, cleanup, factcheck_cmd, interleaved, ms, verdict

GOAL = 1.5
BASELINE = "import typer, rich, rapidfuzz, yaml"


def measure(runs: int, draft: str) -> dict[str, float]:
    warm_env = child_env()
    cold_env = child_env(FACTCHECK_NO_CACHE="1")
    cmd = [*factcheck_cmd(), "run", draft]
    timings = interleaved({
        "baseline": ([PY, "-c", BASELINE], warm_env),
        "warm": (cmd, warm_env),
        "cold": (cmd, cold_env),
    }, runs)
    base = timings["baseline"]
    print(f"start-up, one short draft ({draft}), median of {runs} runs")
    print(f"  baseline  python -c {BASELINE!r}: wall {ms(base.wall)}  cpu {ms(base.cpu)}")
    for name, label in (("warm", "reference cache warm"), ("cold", "reference parsed (no cache)")):
        t = timings[name]
        print(f"  factcheck run, {label:27}: wall {ms(t.wall)}  cpu {ms(t.cpu)}  "
              f"ratio {verdict(t.wall / base.wall, GOAL) if name == 'warm' else f'{t.wall / base.wall:5.2f}x'}")
    return {"baseline_ms": base.wall * 1000, "warm_ms": timings["warm"].wall * 1000,
            "cold_ms": timings["cold"].wall * 1000, "ratio": timings["warm"].wall / base.wall,
            "cpu_ratio": timings["warm"].cpu / base.cpu}


def importtime(draft: str, top: int = 25) -> None:
    subprocess.run([*factcheck_cmd(), "run", draft], env=child_env(), cwd=ROOT, capture_output=True, check=False)
    done = subprocess.run([PY, "-X", "importtime", "-c",
                           f"import sys; sys.argv = ['factcheck', 'run', {draft!r}]; "
                           "from factcheck._entry import main; main()"],
                          env=child_env(), cwd=ROOT, capture_output=True, text=True, check=False)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].strip().split()[-1].isdigit():
            rows.append((int(parts[0].split()[-1]), int(parts[1]), parts[2].rstrip()))
    print(f"slowest imports (self time) of one warm run, of {len(rows)} modules:")
    for own, cumulative, name in sorted(rows, reverse=True)[:top]:
        print(f"  {own / 1000:7.1f} ms self {cumulative / 1000:7.1f} ms cumulative  {name}")


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--draft", default=str(ROOT / "samples" / "zh_jjj_air_draft.txt"))
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args(argv)
    try:
        figures = measure(args.runs, args.draft)
        if args.importtime:
            importtime(args.draft)
        return figures
    finally:
        cleanup()


if __name__ == "__main__":
    main()
