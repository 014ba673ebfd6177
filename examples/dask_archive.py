"""Check an archive with Dask: map over partitions of files, the cross-source pass as the reduce.

    python examples/dask_archive.py ARCHIVE_DIR [--reference claims.yaml] [--partitions 8]
                                    [--scheduler threads|sync|processes] > report.json

Prints the ``factcheck/1`` JSON record, the same as ``factcheck run --format json ARCHIVE_DIR``.
Here Dask runs locally (threads by default: no cluster to start). On a real cluster, create a
``distributed.Client`` for it first and pass ``--scheduler distributed``; only the file paths travel
to the workers, each worker reads its own partition, and only the claims (never the texts) come
back for the reduce. The reference is passed as a path: each worker loads it once, from its
on-disk cache (``factcheck.refcache``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from factcheck.api import Partial, map_partition, read_files, reduce_cross_source
from factcheck.load import expand


def _check_partition(paths: Iterable[str], reference: str | None) -> list[Partial]:
    """One partition: read its files and check each on its own (runs on a worker)."""
    return map_partition(read_files(paths), reference)


def check_archive(inputs: list[str], reference: str | None = None, partitions: int = 8,
                  scheduler: str = "threads") -> dict[str, Any]:
    import dask.bag as db

    # The same files in the same order as `factcheck run`: directories searched recursively, each file once,
    # in path order.
    paths = sorted({path for path, error in expand(inputs) if error is None})
    if not paths:
        raise SystemExit(f"no .txt, .md or .html file under {' '.join(inputs)}")
    bag = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths))))
    partials = bag.map_partitions(_check_partition, reference).compute(scheduler=scheduler)
    return reduce_cross_source(partials, reference)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="files or directories")
    parser.add_argument("--reference", "-r", default=None, help="reference YAML (default: the bundled one)")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--scheduler", default="threads", help="threads, sync, processes or distributed")
    args = parser.parse_args(argv)
    record = check_archive(args.inputs, args.reference, args.partitions, args.scheduler)
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    summary = record["summary"]
    return 2 if summary["failed"] else 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
