"""An on-disk cache of validated references, keyed by the content hash of the YAML file.

Parsing and validating ``claims.yaml`` costs more than anything else at start-up once
the reference grows (about 40 µs a fact); a pre-commit hook pays it on every commit.
:func:`factcheck.reference.load_reference` therefore keeps the built
:class:`~factcheck.reference.Reference` (facts, name tables and indexes) as a pickle in
the user's cache directory and loads it back when the file's sha256 is the same.

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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.reference import Reference

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
    return None if folder is None else folder / f"reference-{digest}.pickle"


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
            import pickle

            ref = pickle.load(fh)
    except Exception:  # a miss, whatever went wrong: the caller parses the YAML
        return None
    from factcheck.reference import Reference

    if type(ref) is not Reference or ref.digest != digest:
        return None
    if ref.path != shown:
        object.__setattr__(ref, "path", shown)  # a fresh object of ours: the frozen field is set once
    return ref


def store(ref: Reference) -> None:
    """Write ``ref`` to the cache (atomically); failures are ignored."""
    if not ref.digest:
        return
    target = cache_file(ref.digest)
    if target is None:
        return
    import pickle
    import tempfile

    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(target.parent):
            return
        fd, tmp = tempfile.mkstemp(prefix=".reference-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_header(ref.digest))
                pickle.dump(ref, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # a read-only or full disk costs speed, never a run
        return
