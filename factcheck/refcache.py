"""An on-disk cache of validated references, keyed by the content hash of the YAML file.

Parsing and validating ``claims.yaml`` costs more than anything else at start-up once
the reference grows (about 40 µs a fact); a pre-commit hook pays it on every commit.
:func:`factcheck.reference.load_reference` therefore keeps the built
:class:`~factcheck.reference.Reference` (facts, name tables and indexes) as a pickle in
the user's cache directory and loads it back when the file's sha256 is the same.

The facts are stored as plain tuples (``marshal``), one block per region and metric, after
an index of the blocks; a loaded reference decodes a block and builds its Fact objects
only when a claim asks for a figure of that region and metric, and the whole ``facts``
tuple only when something iterates it
(``ref validate``, ``ref show``, merging). A check of one draft against a reference of
100,000 facts so touches a handful of them. Regions, metrics, standards, events and the
name tables are small and pickled whole.

Safety: a cache file is loaded only when

- it lies in our own directory (``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``,
  else ``~/.cache/factcheck``), created with mode 0700, owned by the current user and not
  writable by group or others (the file too): nobody else can plant a pickle there;
- its header names this cache format, this Python, this version of factcheck, a digest of
  the source of ``factcheck/reference.py`` (the pickled classes) and the sha256 of the
  reference file being loaded.

Anything else (no directory, a read-only home, a stale or truncated file, a header that
does not match, an unpickling error) falls back silently to parsing the YAML. Set
``FACTCHECK_NO_CACHE=1`` to never read or write the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.reference import Fact, Reference

__all__ = ["FORMAT", "cache_dir", "cache_file", "load", "store"]

FORMAT = b"factcheck-reference-cache/1"
_FINGERPRINT: bytes | None = None


def cache_dir() -> Path | None:
    """Where cached references live, or None when caching is off."""
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / "factcheck"
    try:
        return Path.home() / ".cache" / "factcheck"
    except (RuntimeError, KeyError):  # no home directory
        return None


def cache_file(digest: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"reference-{digest}.cache"


def _fingerprint() -> bytes:
    """This Python, this factcheck, and the source of the pickled classes: a change to any of them is a miss."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        from factcheck import __version__, reference

        h = hashlib.sha256()
        h.update(f"{sys.implementation.cache_tag} {sys.version} {__version__}".encode())
        with contextlib.suppress(OSError, TypeError):  # no source file (frozen, zipped): the version has to do
            h.update(Path(reference.__file__).read_bytes())
        _FINGERPRINT = h.hexdigest().encode()
    return _FINGERPRINT


def _header(digest: str) -> bytes:
    return b"%s %s %s\n" % (FORMAT, _fingerprint(), digest.encode())


def _private(path: Path) -> bool:
    """Owned by us and writable by nobody else (always true where there are no uids)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    st = path.stat()
    return st.st_uid == getuid() and not st.st_mode & 0o022


def write_private(target: Path, prefix: str, parts: list[bytes]) -> None:
    """Write ``parts`` to ``target`` atomically (a temporary file in the same folder, then a rename), only in a
    private folder of the user's own (created 0700); a folder that is not private is left alone."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(target.parent):
        return
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=prefix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(parts)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


class _LazyFacts(dict):  # type: ignore[type-arg]
    """``Reference._facts`` of a cached reference, filled in on access.

    The facts of one (region, metric) pair are one marshalled block of ``blob`` (the cache file's bytes,
    never decoded whole); ``pairs`` says where each block lies. ``get`` and ``[]`` decode the block of the
    pair asked for; anything that walks every key (``items``, ``keys``, ``len``...) decodes them all.
    """

    def __init__(self, pairs: dict[tuple[str, str], tuple[int, int]], blob: bytes, count: int) -> None:
        super().__init__()
        self._pairs = pairs
        self._blob = blob
        self._made: list[Fact | None] = [None] * count

    def _load(self, pair: tuple[str, str]) -> None:
        where = self._pairs.pop(pair, None)
        if where is None:
            return
        import marshal

        offset, length = where
        made = self._made
        for year, kind, baseline, positions, rows in marshal.loads(self._blob[offset: offset + length]):
            for i, row in zip(positions, rows, strict=True):
                made[i] = _fact(row)
            dict.__setitem__(self, (pair[0], pair[1], year, kind, baseline), tuple(made[i] for i in positions))

    def _load_all(self) -> None:
        for pair in list(self._pairs):
            self._load(pair)

    def get(self, key: Any, default: Any = None) -> Any:
        if self._pairs and key.__class__ is tuple and len(key) == 5:
            self._load((key[0], key[1]))
        return dict.get(self, key, default)

    def __getitem__(self, key: Any) -> tuple[Fact, ...]:
        if self._pairs and key.__class__ is tuple and len(key) == 5:
            self._load((key[0], key[1]))
        return dict.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __iter__(self) -> Any:
        self._load_all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._load_all()
        return dict.__len__(self)

    def keys(self) -> Any:
        self._load_all()
        return dict.keys(self)

    def items(self) -> Any:
        self._load_all()
        return dict.items(self)

    def values(self) -> Any:
        self._load_all()
        return dict.values(self)

    def materialize(self) -> tuple[Fact, ...]:
        """Every fact, in file order (the ``facts`` tuple)."""
        self._load_all()
        if any(f is None for f in self._made):
            raise ValueError("cached reference: a fact belongs to no key")
        return tuple(self._made)  # type: ignore[arg-type]


def _row(f: Fact) -> tuple[Any, ...]:
    out: list[Any] = []
    for name in _FACT_FIELDS:
        value = getattr(f, name)
        if name in ("value", "tolerance"):
            value = None if value is None else str(value)
        elif name == "variants":
            value = tuple(tuple(str(getattr(v, n)) if n == "value" else getattr(v, n) for n in _VARIANT_FIELDS)
                          for v in value)
        out.append(value)
    return tuple(out)


def _fact(row: tuple[Any, ...]) -> Fact:
    from decimal import Decimal

    from factcheck.reference import Fact, Variant

    args = list(row)
    args[_VALUE] = Decimal(args[_VALUE])
    if args[_TOLERANCE] is not None:
        args[_TOLERANCE] = Decimal(args[_TOLERANCE])
    if args[_VARIANTS]:
        args[_VARIANTS] = tuple(Variant(Decimal(v[0]), *v[1:]) for v in args[_VARIANTS])
    return Fact(*args)


def _fields() -> None:
    global _FACT_FIELDS, _VARIANT_FIELDS, _VALUE, _TOLERANCE, _VARIANTS
    if not _FACT_FIELDS:
        from dataclasses import fields

        from factcheck.reference import Fact, Variant

        _FACT_FIELDS = tuple(f.name for f in fields(Fact))
        _VARIANT_FIELDS = tuple(f.name for f in fields(Variant))
        _VALUE, _TOLERANCE, _VARIANTS = (_FACT_FIELDS.index(n) for n in ("value", "tolerance", "variants"))
        if _VARIANT_FIELDS[0] != "value":
            raise TypeError("Variant.value is expected first")


_FACT_FIELDS: tuple[str, ...] = ()
_VARIANT_FIELDS: tuple[str, ...] = ()
_VALUE = _TOLERANCE = _VARIANTS = 0
_SMALL = ("path", "regions", "metrics", "standards", "events", "digest", "_names", "_table", "_standards", "_events")


def load(digest: str, shown: str) -> Reference | None:
    """The cached reference for a file whose sha256 is ``digest``, reported as ``shown``; None on any miss."""
    target = cache_file(digest)
    if target is None:
        return None
    try:
        if not (_private(target.parent) and _private(target)):
            return None
        with target.open("rb") as fh:
            if fh.readline() != _header(digest):
                return None
            import marshal
            import pickle

            small = pickle.loads(fh.read(int(fh.readline())))
            count, pairs = marshal.loads(fh.read(int(fh.readline())))
            blob = fh.read()
        _fields()
        if not isinstance(small, dict) or small.get("digest") != digest or set(small) != set(_SMALL):
            return None
        from factcheck.reference import Reference

        ref = object.__new__(Reference)
        for name in _SMALL:
            object.__setattr__(ref, name, small[name])
        object.__setattr__(ref, "_facts", _LazyFacts(pairs, blob, count))
        object.__setattr__(ref, "path", shown)
        return ref
    except Exception:  # a miss, whatever went wrong: the caller parses the YAML
        return None


def store(ref: Reference) -> None:
    """Write ``ref`` to the cache (atomically); failures are ignored."""
    if not ref.digest:
        return
    target = cache_file(ref.digest)
    if target is None:
        return
    import marshal
    import pickle

    try:
        _fields()
        facts = ref.facts
        position = {id(f): i for i, f in enumerate(facts)}
        by_pair: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
        for key, group in ref._facts.items():
            by_pair.setdefault((key[0], key[1]), []).append(
                (key[2], key[3], key[4], tuple(position[id(f)] for f in group), tuple(_row(f) for f in group)))
        index: dict[tuple[str, str], tuple[int, int]] = {}
        chunks: list[bytes] = []
        offset = 0
        for pair, block in by_pair.items():
            data = marshal.dumps(tuple(block))
            index[pair] = (offset, len(data))
            chunks.append(data)
            offset += len(data)
        head = marshal.dumps((len(facts), index))
        small = pickle.dumps({name: getattr(ref, name) for name in _SMALL}, protocol=pickle.HIGHEST_PROTOCOL)
        write_private(target, ".reference-", [_header(ref.digest), b"%d\n" % len(small), small,
                                              b"%d\n" % len(head), head, *chunks])
    except Exception:  # a read-only or full disk, an unexpected value: costs speed, never a run
        return
