"""Peak memory (RSS) of ``factcheck run``: one draft, the multi-MB corpus, the 100k-fact reference.

    python benchmarks/memory.py [--mb 2]

Each figure is the peak resident set size of the largest process of the run (with ``--jobs`` > 1:
the parent or one worker, whichever is larger; the workers share the parent's pages until they write
them), read from ``getrusage(RUSAGE_CHILDREN)`` of a wrapper process.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    PY,
    ROOT,
    SEEDS,
    build_big_reference,
    build_corpus,
    child_env,
    cleanup,
    factcheck_cmd,
    peak_rss_cmd,
    run_once,
    scratch,
)


def rss(cmd: list[str], env: dict[str, str]) -> float:
    """Peak RSS in MB."""
    return int(run_once(peak_rss_cmd(cmd), env)[2]) / 1024


def measure(megabytes: float) -> dict[str, float]:
    env = child_env()
    cold = child_env(FACTCHECK_NO_CACHE="1")
    fc = factcheck_cmd()
    draft = str(ROOT / "samples" / "zh_jjj_air_draft.txt")
    run_once([*fc, "run", draft], env)  # bytecode and reference cache
    corpus = scratch("corpus")
    files, size = build_corpus(corpus, megabytes)
    big, facts = build_big_reference(scratch("reference"))
    targets = [str(p) for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else [str(ROOT / "samples")]
    run_once([*fc, "run", "-q", "-r", str(big), *targets], env)  # the big reference's cache
    rows = [
        ("python -c 'import typer, rich, rapidfuzz, yaml' (baseline)",
         rss([PY, "-c", "import typer, rich, rapidfuzz, yaml"], env)),
        ("factcheck run, one short draft", rss([*fc, "run", draft], env)),
        (f"factcheck run --jobs 1, corpus ({len(files)} files, {size / 1e6:.1f} MB)",
         rss([*fc, "run", "-f", "json", "--jobs", "1", str(corpus)], env)),
        ("factcheck run --jobs 0, same corpus (largest process)",
         rss([*fc, "run", "-f", "json", "--jobs", "0", str(corpus)], env)),
        (f"factcheck run, seeds, {facts}-fact reference, warm cache",
         rss([*fc, "run", "-q", "-r", str(big), *targets], env)),
        (f"factcheck run, seeds, {facts}-fact reference, YAML parsed",
         rss([*fc, "run", "-q", "-r", str(big), *targets], cold)),
    ]
    print("peak RSS (largest process of the run)")
    for label, mb in rows:
        print(f"  {mb:7.1f} MB  {label}")
    keys = ("baseline", "draft", "corpus_jobs1", "corpus_jobs0", "big_ref_warm", "big_ref_cold")
    return {k: mb for k, (_, mb) in zip(keys, rows, strict=True)}


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0)
    args = parser.parse_args(argv)
    try:
        return measure(args.mb)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
