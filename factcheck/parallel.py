"""``--jobs N``: the per-file stages of a run in worker processes.

Each file is read (normalize, segment, extract, resolve) and checked on its own in a
worker; the parent keeps the input order and runs the cross-file checks over every
document (``factcheck.pipeline.assemble``), so the output is byte-identical to a serial
run. Workers are forked after the parent has read one file (the shortest) itself: the stage
modules, the reference and its name index are then inherited instead of rebuilt.

Parallelism is used only when it pays: at least :data:`MIN_FILES_PER_WORKER` files per
worker and :data:`MIN_CHARS` characters of text in all; below that (a pre-commit hook on
a few drafts) the run stays serial in one process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

from factcheck.models import FileResult, Loaded

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from factcheck.pipeline import FileOutcome, Options
    from factcheck.reference import Reference

__all__ = ["MIN_CHARS", "MIN_FILES_PER_WORKER", "default_jobs", "plan_workers", "read_and_check_all"]

# Measured on a 2-core machine (benchmarks/throughput.py): a worker costs ~15 ms to fork and each file
# ~20-60 ms to read and check, so below a few files per worker the pool only adds overhead.
MIN_FILES_PER_WORKER = 4
MIN_CHARS = 20_000

_STATE: tuple[Reference, Options] | None = None


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def plan_workers(items: Sequence[Loaded | FileResult], jobs: int) -> int:
    """How many worker processes to use for ``items`` under ``--jobs jobs`` (1 = serial, in this process)."""
    if jobs <= 0:
        jobs = default_jobs()
    if jobs == 1:
        return 1
    files = 0
    chars = 0
    for item in items:
        if isinstance(item, Loaded):
            files += 1
            chars += len(item.text)
    if chars < MIN_CHARS:
        return 1
    return max(1, min(jobs, files // MIN_FILES_PER_WORKER))


def _init(ref: Reference, options: Options) -> None:
    global _STATE
    _STATE = (ref, options)


def _work(item: Loaded) -> FileOutcome | FileResult:
    from factcheck.pipeline import read_and_check, slim

    assert _STATE is not None, "worker not initialised"
    ref, options = _STATE
    outcome = read_and_check(item, ref, options)
    if isinstance(outcome, FileResult):
        return outcome
    doc, findings, verdicts = outcome
    return slim(doc), findings, verdicts  # what the parent keeps anyway: a third of the bytes to send back


def _context() -> BaseContext:
    import multiprocessing

    # fork shares the parent's imported stages and parsed reference; elsewhere (macOS, Windows) they are
    # pickled to each worker once, through the initializer.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def read_and_check_all(items: Sequence[Loaded | FileResult], ref: Reference, options: Options,
                       jobs: int) -> Iterator[FileOutcome | FileResult]:
    """Every item's outcome (``pipeline.read_and_check``), in input order; parallel when it pays.

    ``items`` is iterated exactly once, one item per outcome yielded (the CLI's progress bar advances on it).
    """
    from factcheck.pipeline import read_and_check

    workers = plan_workers(items, jobs)
    iterator = iter(items)
    if workers == 1:
        for item in iterator:
            yield item if isinstance(item, FileResult) else read_and_check(item, ref, options)
        return
    # Read one file here, before the fork: it imports the stages and builds the reference's caches once. The
    # shortest file does that as well as any other and keeps this serial part of the run short.
    loaded = [i for i in range(len(items)) if isinstance(items[i], Loaded)]  # indexing, not iterating: the
    warm = min(loaded, key=lambda i: len(cast(Loaded, items[i]).text))  # progress bar follows what is yielded
    first: FileOutcome | FileResult | None = read_and_check(cast(Loaded, items[warm]), ref, options)
    pending = [cast(Loaded, items[i]) for i in loaded if i != warm]
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(16, len(pending) // (workers * 8)))
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init,
                                   initargs=(ref, options))
    try:
        results = executor.map(_work, pending, chunksize=chunk)
        serial = False
        for i, item in enumerate(iterator):
            if isinstance(item, FileResult):
                yield item
            elif i == warm:
                assert first is not None
                yield first
                first = None
            elif serial:
                yield read_and_check(item, ref, options)
            else:
                try:
                    yield next(results)
                except BrokenProcessPool:  # a worker died (killed, out of memory): finish in this process
                    serial = True
                    yield read_and_check(item, ref, options)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
