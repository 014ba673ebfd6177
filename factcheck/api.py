"""Library API: check texts from Python, and scale a check out over an engine (Dask, Spark, Ray...).

``check_texts`` is the one-call form::

    from factcheck import check_texts
    record = check_texts([("a.md", "2023年,河北PM2.5平均浓度为38.2微克/立方米。")])
    record["files"][0]["findings"][0]["rule"]    # 'FC101'

It returns the same record as ``factcheck run --format json`` (schema ``factcheck/1``): the
same checks, the cross-source pass over all the texts, inline suppressions and ``[sic]``.

For an archive too big for one machine the work splits in two (``check_texts`` is exactly
``reduce_cross_source(map_partition(texts))``):

- **map** — :func:`map_partition` (or the lazy :func:`read_documents`): each text is read
  (normalize, segment, extract, resolve) and checked on its own, wherever the engine runs
  the partition. It returns one small, picklable :class:`Partial` per text: the file's own
  findings, its claims and positions, not its text.
- **reduce** — :func:`reduce_cross_source`: the cross-source check (FC601) over the claims of
  every partial, then suppressions and the JSON record. It holds the claims of the whole
  archive, never a text.

Give the reference as a path (or None for the bundled one) rather than an object when the
engine ships work to other processes: each worker loads it once, from the on-disk cache.
``examples/dask_archive.py`` runs this on a local Dask cluster.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from factcheck.models import FileResult, Finding, Loaded, Verdict

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.pipeline import FileOutcome, Options
    from factcheck.reference import Reference

__all__ = ["Partial", "check_texts", "map_partition", "read_documents", "read_files", "reduce_cross_source"]

ReferenceLike = Union["Reference", str, "os.PathLike[str]", None]
TextLike = tuple[str, str | bytes]


@dataclass(frozen=True)
class Partial:
    """One text after the map step. ``outcome`` is the file's own result (a slim document without its
    text, its findings and verdicts) or, for an unusable input, a failed FileResult. ``suppress_text`` is
    the original text when it holds a suppression directive or ``[sic]`` (the reduce needs it), else None.
    """

    path: str
    outcome: tuple[Document, list[Finding], list[Verdict]] | FileResult
    suppress_text: str | None = None


def _reference(reference: ReferenceLike) -> Reference:
    from factcheck.reference import Reference, default_reference_path, load_reference

    if isinstance(reference, Reference):
        return reference
    return load_reference(default_reference_path() if reference is None else os.fspath(reference))


def _options(date: dt.date | str | None, region: str | None) -> Options:
    from factcheck.pipeline import Options

    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return Options(date=date, region=region)


def _loaded(path: str, text: str | bytes) -> Loaded | FileResult:
    from factcheck.load import InputError, decode, format_for
    from factcheck.pipeline import failed

    if isinstance(text, bytes):
        try:
            decoded, encoding = decode(text, path)
        except InputError as exc:
            return failed(path, exc.message)
    else:
        decoded, encoding = text, "utf-8"
    if not decoded.strip():
        return failed(path, "empty file")
    return Loaded(path=path, text=decoded, encoding=encoding, format=format_for(path))


def _needs_text(text: str) -> bool:
    """Whether the text may hold a ``factcheck: ignore`` directive or a ``[sic]`` (a superset of both)."""
    import re

    return re.search(r"factcheck:|[\[［][ \t]*sic", text, re.IGNORECASE) is not None


def _partial(item: Loaded | FileResult, outcome: FileOutcome | FileResult) -> Partial:
    if isinstance(outcome, FileResult):
        return Partial(outcome.path, outcome)
    from factcheck.pipeline import slim

    doc, findings, verdicts = outcome
    assert isinstance(item, Loaded)
    return Partial(doc.path, (slim(doc), findings, verdicts), item.text if _needs_text(item.text) else None)


def read_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of each file, for :func:`map_partition` (which decodes them as the CLI does).

    A file that cannot be read gives empty bytes, which the map step reports as an input error.
    """
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b""
        yield os.fspath(path), data


def read_documents(texts: Iterable[TextLike], reference: ReferenceLike = None, *,
                   date: dt.date | str | None = None, region: str | None = None,
                   jobs: int = 1) -> Iterator[Partial]:
    """The map step, lazily: each (path, text) read and checked on its own, in order.

    ``text`` is a str, or bytes decoded like a file (UTF-8/16 with or without BOM, GB18030, Big5).
    ``path`` names the text in findings and picks the format from its extension (.md, .html).
    ``jobs`` > 1 uses worker processes as ``factcheck run --jobs`` does.
    """
    from factcheck.parallel import read_and_check_all

    ref = _reference(reference)
    items = [_loaded(path, text) for path, text in texts]
    for item, outcome in zip(items, read_and_check_all(items, ref, _options(date, region), jobs), strict=True):
        yield _partial(item, outcome)


def map_partition(texts: Iterable[TextLike], reference: ReferenceLike = None, *,
                  date: dt.date | str | None = None, region: str | None = None) -> list[Partial]:
    """The map step for one partition of an engine (``dask.bag.map_partitions``, ``rdd.mapPartitions``)."""
    return list(read_documents(texts, reference, date=date, region=region))


def reduce_cross_source(partials: Iterable[Partial], reference: ReferenceLike = None) -> dict[str, Any]:
    """The reduce step: the cross-source check over every partial (in the order given), suppressions, and
    the ``factcheck/1`` record of the whole run (what ``factcheck run --format json`` prints)."""
    from factcheck.pipeline import assemble
    from factcheck.report.records import run_record
    from factcheck.suppress import postprocess

    ref = _reference(reference)
    parts = list(partials)
    result = assemble((p.outcome for p in parts), ref)
    sources = {p.path: p.suppress_text for p in parts if p.suppress_text is not None}
    return run_record(postprocess(result, sources))


def check_texts(texts: Iterable[TextLike], reference: ReferenceLike = None, *,
                date: dt.date | str | None = None, region: str | None = None, jobs: int = 1) -> dict[str, Any]:
    """Check (path, text) pairs together; the ``factcheck/1`` record, as ``factcheck run --format json``.

    ``reference``: a :class:`~factcheck.reference.Reference`, a path to a YAML reference, or None for
    the bundled ``claims.yaml``. ``date`` (``YYYY-MM-DD``) and ``region`` are ``--date`` and ``--region``.
    Raises :class:`~factcheck.reference.ReferenceError` for an unusable reference; a bad text is
    reported in the record (status ``failed``), never raised.
    """
    ref = _reference(reference)
    return reduce_cross_source(read_documents(texts, ref, date=date, region=region, jobs=jobs), ref)
