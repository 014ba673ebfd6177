"""A persistent cache of the code Python generates at start-up, for the console script.

Two kinds of code are built afresh by every Python process and cost more than checking a short draft:

- ``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and (frozen)
  ``__setattr__``/``__delattr__`` of each class and ``exec``-s it: about 0.5 ms a class, ~50 classes;
- ``re.compile`` parses each pattern and compiles it to the regex engine's code: ~40 ms for the
  patterns a short draft uses.

Neither has a cache across processes (``.pyc`` files hold only the code written in modules). This
module keeps both results in one ``marshal`` file next to the reference cache, keyed by exactly
what they are computed from, so that a warm run replays them:

- dataclasses: the generated source text -> its code object (``compile(source, "<string>", "exec")``,
  what ``exec(source)`` does inside :mod:`dataclasses`); the hook is a module global ``exec`` in
  :mod:`dataclasses` that takes a cached code object for a source it has seen;
- regular expressions: (pattern, flags) -> the arguments that ``re._compiler.compile`` hands to
  ``_sre.compile`` (final flags, engine code, groups, group names); the hook replaces
  ``re._compiler.compile`` for ``str`` patterns.

Both produce the same objects as without the cache. The regex part uses CPython internals, so it is
on only where they are what this module expects (checked at install: the functions, the engine's
``MAGIC`` and code size), and the file is keyed by the exact interpreter version and ``_sre.MAGIC``.
A pattern read from the cache emits no ``re`` parser warning (they concern the pattern's spelling and
show when it is first compiled, and in the tests, which do not use this cache).

The file lives in the reference cache's directory (:func:`factcheck.refcache.cache_dir`, private:
mode 0700, owned by the user) and is read only under the same conditions as the reference cache, as
it holds code. It is rewritten (atomically) at exit only when the process generated something new.
``FACTCHECK_NO_CACHE=1`` turns it off. Only the console script (``factcheck._entry``) installs it;
library users get Python's ordinary behaviour.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import CodeType
from typing import Any

__all__ = ["install"]

FORMAT = "factcheck-code-cache/1"
MAX_ENTRIES = 4000  # past this many, a rewrite keeps only what the writing process used

_state: dict[str, Any] = {}
_classes: dict[str, CodeType] = {}
_patterns: dict[tuple[str, int], tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]] = {}
_used: set[object] = set()
_new: list[object] = []


def _engine() -> Any:
    """The regex engine's C module ``_sre`` (loaded by :mod:`re`; it has no type stubs)."""
    import re  # noqa: F401

    return sys.modules["_sre"]


def _key() -> str:
    return f"{FORMAT} {sys.implementation.cache_tag} {sys.version} {sys.hexversion} {_engine().MAGIC}"


def _file() -> Any:
    from factcheck.refcache import cache_dir

    folder = cache_dir()
    return None if folder is None else folder / f"code-{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal"


def _read(target: Any) -> None:
    import marshal

    from factcheck.refcache import _private

    try:
        if not (_private(target.parent) and _private(target)):
            return
        data = marshal.loads(target.read_bytes())
    except Exception:  # no file yet, unreadable, truncated: start empty
        return
    if not (isinstance(data, tuple) and len(data) == 3 and data[0] == _key()
            and isinstance(data[1], dict) and isinstance(data[2], dict)):
        return
    _classes.update(data[1])
    _patterns.update(data[2])


def _cached_exec(builtin_exec: Callable[..., None]) -> Callable[..., None]:
    def exec_(source: object, globals: dict[str, Any] | None = None, locals: Any = None, /) -> None:
        if isinstance(source, str):
            code = _classes.get(source)
            if code is None:
                code = compile(source, "<string>", "exec", dont_inherit=True)
                _classes[source] = code
                _new.append(source)
            _used.add(source)
            source = code
        builtin_exec(source, globals, locals)

    return exec_


def _hook_dataclasses() -> None:
    import builtins
    import dataclasses

    if "exec" in vars(dataclasses) or not hasattr(dataclasses, "_create_fn"):
        return  # hooked already, or a dataclasses module this hook was not written for
    dataclasses.exec = _cached_exec(builtins.exec)  # type: ignore[attr-defined]


def _hook_re() -> None:
    import array
    import re
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _sre = _engine()
    original = _compiler.compile
    if getattr(original, "_factcheck_cached", False):
        return
    try:  # the internals this hook replays, as CPython 3.11-3.13 define them
        ok = (array.array("I").itemsize == _sre.CODESIZE and callable(_sre.compile) and callable(_compiler._code)
              and callable(_parser.parse)
              and original.__code__.co_varnames[:original.__code__.co_argcount] == ("p", "flags"))
    except (AttributeError, TypeError, ValueError):
        ok = False
    if not ok:
        return
    engine = _sre.compile
    code_of = _compiler._code
    parse = _parser.parse
    debug = re.DEBUG.value
    to_list = array.array

    def compile_(p: Any, flags: int = 0) -> Any:
        if p.__class__ is not str or flags & debug:
            return original(p, flags)
        flags = int(flags)
        key = (p, flags)
        hit = _patterns.get(key)
        if hit is None:
            parsed = parse(p, flags)
            code = code_of(parsed, flags)
            names = dict(parsed.state.groupdict)
            index: list[str | None] = [None] * parsed.state.groups
            for name, i in names.items():
                index[i] = name
            hit = (int(flags | parsed.state.flags), to_list("I", code).tobytes(), parsed.state.groups - 1,
                   names, tuple(index))
            _patterns[key] = hit
            _new.append(key)
        _used.add(key)
        final_flags, code_bytes, groups, names, index_names = hit
        words = to_list("I")
        words.frombytes(code_bytes)
        return engine(p, final_flags, words.tolist(), groups, dict(names), index_names)

    # Replay must give what the original gives, here and now: a probe pattern with flags, named and
    # numbered groups, compiled both ways, must agree on everything a caller can see. An interpreter whose
    # internals differ (a later CPython) keeps the original compiler.
    probe = r"(?P<n>\d+)(?:[,.]\d+)?\s*(万|亿)?(?i:ab)|^x$"
    try:
        mine, theirs = compile_(probe, 8), original(probe, 8)
        ok = (mine.flags == theirs.flags and mine.groups == theirs.groups and mine.groupindex == theirs.groupindex
              and [m.span(0) for m in mine.finditer("12,5 亿AB x\nx")]
              == [m.span(0) for m in theirs.finditer("12,5 亿AB x\nx")])
    except Exception:
        ok = False
    _patterns.pop((probe, 8), None)  # the probe is not a pattern of ours: not kept, not a reason to rewrite
    _used.discard((probe, 8))
    if (probe, 8) in _new:
        _new.remove((probe, 8))
    if not ok:
        return
    compile_._factcheck_cached = True  # type: ignore[attr-defined]
    _compiler.compile = compile_


def _save() -> None:
    if not _new or _state.get("target") is None:
        return
    import marshal

    from factcheck.refcache import write_private

    target = _state["target"]
    try:
        classes, patterns = _classes, _patterns
        if len(classes) + len(patterns) > MAX_ENTRIES:  # stale entries of edited classes and patterns
            classes = {k: v for k, v in classes.items() if k in _used}
            patterns = {k: v for k, v in patterns.items() if k in _used}
        write_private(target, ".code-", [marshal.dumps((_key(), classes, patterns))])
    except Exception:  # a read-only or full disk: costs speed next time, never this run
        return


def install() -> None:
    """Read the cache and hook dataclasses and ``re`` (once per process); written back at exit if grown."""
    if _state or sys.implementation.name != "cpython":
        return
    _state["target"] = None
    try:
        target = _file()
        if target is None:
            return
        _read(target)
        _hook_dataclasses()
        _hook_re()
        _state["target"] = target
        import atexit

        atexit.register(_save)
    except Exception:  # never a reason for the tool not to run
        return
