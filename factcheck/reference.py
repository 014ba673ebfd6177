"""The curated reference (``claims.yaml``): loading, validation and lookups.

Format, version 1 (every section but ``version`` may be left out)::

    version: 1
    regions:                      # id -> entry; ids are lowercase ASCII (pinyin)
      zhangjiakou: {names: [张家口, 張家口, Zhangjiakou], parent: hebei}
    metrics:                      # id -> entry
      pm25_annual_mean: {names: [PM2.5年均浓度, annual average PM2.5 concentration], unit: μg/m³}
    standards:
      - {id: gb3095_grade2_pm25, metric: pm25_annual_mean, limit: 35, names: [国家二级标准], source: GB 3095-2012}
    facts:
      - {region: beijing, metric: pm25_annual_mean, year: 2023, value: 32, unit: μg/m³, source: "…"}
    events:
      - {id: jjj_symposium_2014, date: 2014-02-26, names: [京津冀协同发展座谈会], source: "…"}

Keys, required ones marked ``*``:

- region: ``names*`` (list), ``parent`` (a region id), ``note``.
- metric: ``names*``, ``unit*``, ``note``.
- standard: ``id*``, ``metric*``, ``limit*`` (number), ``source*``, ``names``, ``comparison`` (``<=`` by
  default; ``<``, ``>=``, ``>``, ``≤``, ``≥`` also accepted), ``quote``, ``note``.
- fact: ``region*``, ``metric*``, ``year*``, ``value*`` (a plain, unquoted number), ``source*`` and

  - ``unit``: defaults to the metric's unit for a level, ``%`` for a change, ``×`` for a multiple;
  - ``kind``: ``level`` (default), ``change`` or ``multiple``; a change or multiple needs ``baseline_year``
    and its value is signed (a decrease is negative). A change is relative (``%``), in percentage points
    (``pp``) or absolute (in the metric's unit);
  - ``tolerance``: absolute, in the fact's unit; a claim within it agrees;
  - ``qualifier``: the fact is a bound or an approximation as published (``about``, ``nearly``,
    ``more_than``, ``at_least``, ``less_than``, ``at_most``), e.g. "1亿多" -> 100000000, ``more_than``;
  - ``quality``: ``official`` (default), ``secondary`` (a compilation or paper, not the official
    bulletin) or ``low``;
  - ``quote`` (the words of the source that state the value), ``note``;
  - ``variants``: other published values of the same figure, each ``{value*, source*, quote, note,
    quality}`` (e.g. Greenpeace's 90.1 beside Beijing's official 89.5 for 2013).
- event: ``id*``, ``date*`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), ``names*``, ``source*``,
  ``precision`` (``day`` | ``month`` | ``year``; inferred from the date as written), ``region``, ``quote``,
  ``note``.

Values are stored in base units (万/亿 applied: 3565万千瓦 is 35650000 kW). A few unit spellings are
folded on load (``ug/m3`` -> ``μg/m³``, ``days`` -> ``天``, ``percent`` -> ``%``, ``yuan`` -> ``元``).

Everything wrong with a file raises :class:`ReferenceError` (``path:line:column: message``): unreadable
file, malformed YAML, wrong version, unknown or missing keys, wrong types, undeclared ids, duplicate
keys, a name given to two entries of one kind, YAML anchors and aliases (refused outright, which also
stops billion-laughs bombs). Only the YAML event stream of the safe (C when available) parser is
used; no Python object is ever constructed from tags. Problems that are not fatal (conflicting facts,
changes that disagree with the levels they compare) come from :func:`validate`.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.units import canonical_unit

__all__ = [
    "Event",
    "Fact",
    "Metric",
    "Problem",
    "Reference",
    "ReferenceError",
    "Region",
    "Standard",
    "Variant",
    "clear_cache",
    "default_reference_path",
    "load_reference",
    "parse_reference",
    "validate",
]

KINDS = ("level", "change", "multiple")
QUALIFIERS = ("about", "nearly", "more_than", "at_least", "less_than", "at_most")
QUALITIES = ("official", "secondary", "low")
PRECISIONS = ("day", "month", "year")
COMPARISONS = {"<=": "<=", "≤": "<=", "<": "<", ">=": ">=", "≥": ">=", ">": ">"}
NAME_KINDS = ("region", "metric", "standard", "event")


# ---------------------------------------------------------------------------- errors


class ReferenceError(Exception):  # shadows the builtin (weakref's); the documented name
    """A reference file that cannot be used. ``str()`` is ``path:line:column: message`` (1-based)."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = " ".join(str(message).split())
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Problem:
    """A non-fatal finding of :func:`validate` (severity ``warning`` or ``info``)."""

    path: str
    line: int
    column: int
    message: str
    severity: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


# ---------------------------------------------------------------------------- models


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    names: tuple[str, ...]
    parent: str | None = None
    note: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Metric:
    id: str
    names: tuple[str, ...]
    unit: str
    note: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Standard:
    id: str
    metric: str
    limit: Decimal
    names: tuple[str, ...]
    source: str
    comparison: str = "<="
    quote: str = ""
    note: str = ""
    line: int = 0
    region: str | None = None  # where the standard holds (GB 3095: china); its quoted limit is filed there
    file: str = ""  # the reference file it came from when several are merged (else the reference's own path)

    def complies(self, value: Decimal) -> bool:
        """Whether ``value`` meets the standard."""
        c = self.comparison
        if c == "<=":
            return value <= self.limit
        if c == "<":
            return value < self.limit
        if c == ">=":
            return value >= self.limit
        return value > self.limit


@dataclass(frozen=True, slots=True)
class Variant:
    """Another published value of a fact's figure, with its own source."""

    value: Decimal
    source: str
    quote: str = ""
    note: str = ""
    quality: str = "official"
    line: int = 0


@dataclass(frozen=True, slots=True)
class Fact:
    """One reference figure. ``value`` is signed for changes; ``line``/``column`` locate it in the file."""

    region: str
    metric: str
    year: int
    value: Decimal
    unit: str
    source: str
    tolerance: Decimal | None = None
    kind: str = "level"
    baseline_year: int | None = None
    quote: str = ""
    note: str = ""
    variants: tuple[Variant, ...] = ()
    line: int = 0
    column: int = 0
    qualifier: str | None = None
    quality: str = "official"
    file: str = ""  # the reference file it came from when several are merged (else the reference's own path)


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event. ``date`` is the first day of the month/year for coarser ``precision``."""

    id: str
    date: dt.date
    names: tuple[str, ...]
    source: str
    precision: str = "day"
    region: str | None = None
    quote: str = ""
    note: str = ""
    line: int = 0


def _name_key(name: str) -> str:
    return name.strip().lower()


@dataclass(frozen=True, eq=False)
class Reference:
    """A loaded reference with its lookup indexes (built once, in ``__post_init__``).

    Identity-hashable (``eq=False``), so it can key caches.
    """

    path: str
    regions: Mapping[str, Region]
    metrics: Mapping[str, Metric]
    standards: tuple[Standard, ...]
    facts: tuple[Fact, ...]
    events: tuple[Event, ...] = ()
    digest: str = ""  # sha256 of the file's bytes
    _facts: dict[tuple[str, str, int, str, int | None], tuple[Fact, ...]] = field(
        init=False, repr=False, compare=False)
    _names: dict[str, dict[str, str]] = field(init=False, repr=False, compare=False)
    _table: tuple[tuple[str, str, str], ...] = field(init=False, repr=False, compare=False)
    _standards: dict[str, Standard] = field(init=False, repr=False, compare=False)
    _events: dict[str, Event] = field(init=False, repr=False, compare=False)

    def where(self, entry: Fact | Standard) -> str:
        """Where a fact or standard is written, for a message: ``claims.yaml line 12`` (the file's name)."""
        path = entry.file or self.path
        return f"{path.replace(chr(92), '/').rsplit('/', 1)[-1]} line {entry.line}"

    def __post_init__(self) -> None:
        grouped: dict[tuple[str, str, int, str, int | None], list[Fact]] = {}
        for f in self.facts:
            key = (f.region, f.metric, f.year, f.kind, f.baseline_year)
            bucket = grouped.get(key)
            if bucket is None:
                grouped[key] = [f]
            else:
                bucket.append(f)
        object.__setattr__(self, "_facts", {k: tuple(v) for k, v in grouped.items()})
        entries: dict[str, Iterable[tuple[str, tuple[str, ...]]]] = {
            "region": ((r.id, r.names) for r in self.regions.values()),
            "metric": ((m.id, m.names) for m in self.metrics.values()),
            "standard": ((s.id, s.names) for s in self.standards),
            "event": ((e.id, e.names) for e in self.events),
        }
        names: dict[str, dict[str, str]] = {}
        table: set[tuple[str, str, str]] = set()
        for kind, items in entries.items():
            lookup: dict[str, str] = {}
            for ident, item_names in items:
                for n in item_names:
                    lookup.setdefault(_name_key(n), ident)
                    table.add((n, kind, ident))
            names[kind] = lookup
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_table", tuple(sorted(table, key=lambda t: (-len(t[0]), t[0], t[1], t[2]))))
        object.__setattr__(self, "_standards", {s.id: s for s in self.standards})
        object.__setattr__(self, "_events", {e.id: e for e in self.events})

    if not TYPE_CHECKING:  # invisible to mypy: every other attribute keeps its static type

        def __getattr__(self, name: str) -> Any:
            # A reference from the on-disk cache (factcheck.refcache) builds its Fact objects on demand:
            # ``facts_for`` materializes one figure's facts, and ``facts`` appears here on first use.
            if name == "facts":
                materialize = getattr(self.__dict__.get("_facts"), "materialize", None)
                if materialize is not None:
                    facts = materialize()
                    object.__setattr__(self, "facts", facts)
                    return facts
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # --- facts

    def facts_for(self, region: str, metric: str, year: int, kind: str = "level",
                  baseline_year: int | None = None) -> tuple[Fact, ...]:
        """The facts for one figure (O(1)); a level ignores ``baseline_year``."""
        return self._facts.get((region, metric, year, kind, baseline_year if kind != "level" else None), ())

    def fact_keys(self) -> Iterable[tuple[str, str, int, str, int | None]]:
        """Every (region, metric, year, kind, baseline_year) that has facts."""
        return self._facts.keys()

    # --- names

    def _by_name(self, kind: str, name: str) -> str | None:
        return self._names[kind].get(_name_key(name))

    def region_by_name(self, name: str) -> str | None:
        """Exact name (case-insensitive for Latin) or id -> region id."""
        found = self._by_name("region", name)
        if found is None and name.strip() in self.regions:
            return name.strip()
        return found

    def metric_by_name(self, name: str) -> str | None:
        found = self._by_name("metric", name)
        if found is None and name.strip() in self.metrics:
            return name.strip()
        return found

    def standard_by_name(self, name: str) -> str | None:
        found = self._by_name("standard", name)
        if found is None and name.strip() in self._standards:
            return name.strip()
        return found

    def event_by_name(self, name: str) -> str | None:
        found = self._by_name("event", name)
        if found is None and name.strip() in self._events:
            return name.strip()
        return found

    @property
    def standards_by_name(self) -> Mapping[str, Standard]:
        """Lower-cased standard name -> Standard."""
        return {n: self._standards[i] for n, i in self._names["standard"].items()}

    def standard(self, ident: str) -> Standard | None:
        return self._standards.get(ident)

    def standards_for(self, metric: str) -> tuple[Standard, ...]:
        return tuple(s for s in self.standards if s.metric == metric)

    def event(self, ident: str) -> Event | None:
        return self._events.get(ident)

    def name_table(self) -> tuple[tuple[str, str, str], ...]:
        """(name, kind, id) for every name of every region/metric/standard/event, longest name first."""
        return self._table

    def all_names(self, kind: str) -> tuple[tuple[str, str], ...]:
        """(name, id) pairs of one kind (region | metric | standard | event), in file order."""
        if kind == "region":
            return tuple((n, r.id) for r in self.regions.values() for n in r.names)
        if kind == "metric":
            return tuple((n, m.id) for m in self.metrics.values() for n in m.names)
        if kind == "standard":
            return tuple((n, s.id) for s in self.standards for n in s.names)
        if kind == "event":
            return tuple((n, e.id) for e in self.events for n in e.names)
        raise ValueError(f"unknown name kind {kind!r} (expected one of {', '.join(NAME_KINDS)})")

    def display_name(self, kind: str, ident: str | None, lang: str = "zh") -> str:
        """A name to show for an id: the first name, or with ``lang="en"`` the first ASCII name."""
        if ident is None:
            return "?"
        entry: Region | Metric | Standard | Event | None
        if kind == "region":
            entry = self.regions.get(ident)
        elif kind == "metric":
            entry = self.metrics.get(ident)
        elif kind == "standard":
            entry = self._standards.get(ident)
        else:
            entry = self._events.get(ident)
        if entry is None or not entry.names:
            return ident
        if lang == "en":
            return next((n for n in entry.names if n.isascii()), ident)
        return entry.names[0]

    def ancestors(self, region: str) -> tuple[str, ...]:
        """Parent, grandparent, … of a region (nearest first)."""
        out: list[str] = []
        current = self.regions.get(region)
        while current is not None and current.parent is not None and current.parent not in out:
            out.append(current.parent)
            current = self.regions.get(current.parent)
        return tuple(out)


# ------------------------------------------------------------------- light YAML nodes
#
# The event stream of the (C) parser is turned into these, not into yaml.Node objects: it is two to
# three times faster and keeps only what the checks below need. A scalar is a tuple
# (text, plain, line, column) with 1-based positions; plain means unquoted and untagged.

_Scalar = tuple[str, bool, int, int]


class _Map:
    __slots__ = ("column", "dup", "entries", "line", "pending")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.entries: dict[str, tuple[_Scalar, _Node]] = {}
        self.pending: _Scalar | None = None
        self.dup: tuple[_Scalar, _Scalar] | None = None  # (repeated key, first key)


class _Seq:
    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.items: list[_Node] = []


_Node = _Scalar | _Map | _Seq

_STR_TAGS = frozenset({"tag:yaml.org,2002:str"})
_PLAIN_TAGS = frozenset({"!", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def _position(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_MAX_DEPTH = 32


def _compose(text: str, path: str) -> _Node | None:
    """Parse one YAML document into light nodes; YAML errors, anchors and aliases raise ReferenceError.

    This loop runs once per YAML event (about 16 per fact), so it is written for speed: the open
    container is held in locals and a scalar is attached inline.
    """
    import yaml
    from yaml import events as ev

    loader_class: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    loader = loader_class(text)
    scalar_cls, alias_cls = ev.ScalarEvent, ev.AliasEvent
    map_cls, seq_cls = ev.MappingStartEvent, ev.SequenceStartEvent
    map_end, seq_end = ev.MappingEndEvent, ev.SequenceEndEvent
    doc_start, stream_end = ev.DocumentStartEvent, ev.StreamEndEvent
    stack: list[_Map | _Seq] = []
    top: Any = None  # the open container: stack[-1] or None
    entries: dict[str, tuple[_Scalar, _Node]] = {}  # top.entries when top is a _Map
    items: list[_Node] = []  # top.items when top is a _Seq
    in_map = False
    root: _Node | None = None
    documents = 0
    try:
        get = loader.get_event
        while True:
            event = get()
            cls = event.__class__
            node: _Node
            if cls is scalar_cls:
                mark = event.start_mark
                plain = not event.style
                if event.anchor is not None or event.tag is not None:
                    plain = _check_scalar(event, mark, path, plain)
                node = (event.value, plain, mark.line + 1, mark.column + 1)
                if in_map:
                    key = top.pending
                    if key is None:
                        if node[0] in entries and top.dup is None:
                            top.dup = (node, entries[node[0]][0])
                        top.pending = node
                    else:
                        if key[0] not in entries:
                            entries[key[0]] = (key, node)
                        top.pending = None
                elif top is not None:
                    items.append(node)
                else:
                    root = node
                continue
            if cls is map_cls or cls is seq_cls:
                mark = event.start_mark
                if event.anchor is not None:
                    raise _anchor_error(path, mark, event.anchor)
                if event.tag is not None and event.tag not in _COLLECTION_TAGS and event.tag != "!":
                    raise ReferenceError(path, mark.line + 1, mark.column + 1,
                                         f"YAML tag {event.tag!r} is not supported in a reference file")
                if len(stack) >= _MAX_DEPTH:  # the schema needs 6; a deep bomb is slow to parse
                    raise ReferenceError(path, mark.line + 1, mark.column + 1,
                                         f"nested more than {_MAX_DEPTH} levels deep: not a reference file")
                container: _Map | _Seq = (_Map if cls is map_cls else _Seq)(mark.line + 1, mark.column + 1)
                if in_map:
                    key = top.pending
                    if key is None:
                        raise ReferenceError(path, mark.line + 1, mark.column + 1,
                                             "a mapping key must be a plain string, not a mapping or a list")
                    if key[0] not in entries:
                        entries[key[0]] = (key, container)
                    top.pending = None
                elif top is not None:
                    items.append(container)
                stack.append(container)
            elif cls is map_end or cls is seq_end:
                done = stack.pop()
                if not stack:
                    root = done
            elif cls is alias_cls:
                mark = event.start_mark
                raise ReferenceError(
                    path, mark.line + 1, mark.column + 1,
                    f"YAML alias '*{event.anchor}' is not allowed in a reference file: "
                    "write the value out (anchors and aliases are refused)")
            elif cls is doc_start:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise ReferenceError(path, mark.line + 1, mark.column + 1,
                                         "a reference file holds one YAML document; found a second one")
                continue
            elif cls is stream_end:
                return root
            else:
                continue
            # the open container changed
            top = stack[-1] if stack else None
            in_map = top.__class__ is _Map
            if in_map:
                entries = top.entries
            elif top is not None:
                items = top.items
    except ReferenceError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "malformed YAML"
        if exc.context:
            problem = f"{problem} ({exc.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise ReferenceError(path, line, column, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", None)
        line, column = _position(text, position) if isinstance(position, int) else (1, 1)
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise ReferenceError(path, line, column, f"malformed YAML: {reason}") from None
    finally:
        loader.dispose()


def _check_scalar(event: Any, mark: Any, path: str, plain: bool) -> bool:
    """Refuse an anchored scalar or an unsupported tag; return whether the scalar counts as plain."""
    if event.anchor is not None:
        raise _anchor_error(path, mark, event.anchor)
    tag = event.tag
    if tag in _STR_TAGS:
        return False
    if tag not in _PLAIN_TAGS:
        raise ReferenceError(path, mark.line + 1, mark.column + 1,
                             f"YAML tag {tag!r} is not supported in a reference file")
    return plain


def _anchor_error(path: str, mark: Any, anchor: str) -> ReferenceError:
    return ReferenceError(path, mark.line + 1, mark.column + 1,
                          f"YAML anchor '&{anchor}' is not allowed in a reference file: "
                          "anchors and aliases are refused (write values out)")


def _pos(node: _Node) -> tuple[int, int]:
    if isinstance(node, tuple):
        return node[2], node[3]
    return node.line, node.column


def _what(node: _Node) -> str:
    if node.__class__ is tuple:
        return f"{node[0]!r}"
    return "a mapping" if node.__class__ is _Map else "a list"


# --------------------------------------------------------------------- conversion

_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")
_INTEGER = re.compile(r"[-+]?\d+\Z")
# Numbers the checks can do exact arithmetic on (Decimal's 28 digits): 1e999999999 or 1e-999999999 would
# overflow or fail to quantize there.
_MAX_DIGITS, _MIN_ADJUSTED, _MAX_ADJUSTED = 20, -12, 17


def _sane(value: Decimal) -> bool:
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or not -_MAX_DIGITS <= exponent <= _MAX_ADJUSTED or len(digits) > _MAX_DIGITS:
        return False
    return not value or _MIN_ADJUSTED <= value.adjusted() <= _MAX_ADJUSTED
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\Z")

TOP_KEYS = ("version", "regions", "metrics", "standards", "facts", "events")
REGION_KEYS = ("names", "parent", "note")
METRIC_KEYS = ("names", "unit", "note")
STANDARD_KEYS = ("id", "metric", "limit", "names", "source", "comparison", "quote", "note", "region")
FACT_KEYS = ("region", "metric", "year", "value", "unit", "source", "tolerance", "kind", "baseline_year",
             "quote", "note", "variants", "qualifier", "quality")
VARIANT_KEYS = ("value", "source", "quote", "note", "quality")
EVENT_KEYS = ("id", "date", "names", "source", "precision", "region", "quote", "note")
_FACT_KEYSET = frozenset(FACT_KEYS)


class _Builder:
    """Walks the light nodes once, converting and checking every entry."""

    def __init__(self, path: str) -> None:
        self.path: str = path
        self.regions: dict[str, Region] = {}
        self.metrics: dict[str, Metric] = {}
        self.names: dict[str, dict[str, tuple[str, int]]] = {k: {} for k in NAME_KINDS}

    # --- errors and small converters

    def error(self, node: _Node, message: str) -> ReferenceError:
        line, column = _pos(node)
        return ReferenceError(self.path, line, column, message)

    def mapping(self, node: _Node, label: str, allowed: tuple[str, ...],
                required: tuple[str, ...] = ()) -> dict[str, tuple[_Scalar, _Node]]:
        if node.__class__ is not _Map:
            raise self.error(node, f"{label}: expected a mapping with keys {', '.join(allowed)}; got {_what(node)}")
        m: _Map = node
        if m.dup is not None:
            again, first = m.dup
            raise self.error(again, f"{label}: duplicate key '{again[0]}' (first given at line {first[2]})")
        entries = m.entries
        if len(entries) > len(allowed) or not frozenset(allowed).issuperset(entries):
            for key, (knode, _) in entries.items():
                if key not in allowed:
                    raise self.error(knode, self._unknown(label, key, allowed))
        for key in required:
            if key not in entries:
                extra = " (every fact must cite where its value was published)" if key == "source" else ""
                raise self.error(m, f"{label}: missing required key '{key}'{extra}")
        return entries

    @staticmethod
    def _unknown(label: str, key: str, allowed: Iterable[str]) -> str:
        import difflib  # lazy: only an invalid reference needs a suggestion

        allowed = sorted(allowed)
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"{label}: unknown key '{key}' (expected one of: {', '.join(allowed)}){hint}"

    def text(self, node: _Node, label: str, key: str) -> str:
        if node.__class__ is not tuple:
            raise self.error(node, f"{label}: '{key}' must be a string, got {_what(node)}")
        value, plain = node[0], node[1]
        if (plain and value in _NULLS) or not value.strip():
            raise self.error(node, f"{label}: '{key}' must not be empty")
        return value.strip()

    def opt_text(self, entries: dict[str, tuple[_Scalar, _Node]], label: str, key: str) -> str:
        item = entries.get(key)
        if item is None:
            return ""
        node = item[1]
        if node.__class__ is tuple and node[1] and node[0] in _NULLS:
            return ""
        if node.__class__ is not tuple:
            raise self.error(node, f"{label}: '{key}' must be a string, got {_what(node)}")
        return node[0].strip()

    def number(self, node: _Node, label: str, key: str) -> Decimal:
        if node.__class__ is tuple:
            value, plain = node[0], node[1]
            if plain and _NUMBER.match(value):
                try:
                    number = Decimal(value)
                except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
                    pass
                else:
                    if _sane(number):
                        return number
                    raise self.error(node, f"{label}: '{key}' {value!r} is out of range (at most "
                                           f"{_MAX_DIGITS} digits, between 1e{_MIN_ADJUSTED} and "
                                           f"1e{_MAX_ADJUSTED + 1} in size, or 0)")
            if not plain and _NUMBER.match(value.strip()):
                raise self.error(node, f"{label}: '{key}' must be a number, got the quoted string {value!r} "
                                       "(remove the quotes)")
        raise self.error(node, f"{label}: '{key}' must be a number, got {_what(node)}")

    def year(self, node: _Node, label: str, key: str) -> int:
        if node.__class__ is tuple and node[1] and _INTEGER.match(node[0]):
            year = int(node[0])
            if 1000 <= year <= 9999:
                return year
            raise self.error(node, f"{label}: '{key}' must be a four-digit year, got {year}")
        raise self.error(node, f"{label}: '{key}' must be a four-digit year, got {_what(node)}")

    def choice(self, node: _Node, label: str, key: str, options: Iterable[str]) -> str:
        value = self.text(node, label, key)
        if value not in options:
            raise self.error(node, f"{label}: '{key}' must be one of {', '.join(options)}; got {value!r}")
        return value

    def ident(self, node: _Node, label: str, what: str) -> str:
        value = self.text(node, label, what)
        if not _ID.match(value):
            raise self.error(node, f"{label}: {what} id {value!r} must be lowercase ASCII letters, digits and "
                                   "underscores, starting with a letter (pinyin, e.g. 'zhangjiakou')")
        return value

    def declared(self, node: _Node, label: str, key: str, table: Mapping[str, object], section: str) -> str:
        value = self.text(node, label, key)
        if value not in table:
            import difflib

            close = difflib.get_close_matches(value, list(table), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise self.error(node, f"{label}: {key} '{value}' is not declared under '{section}'{hint}")
        return value

    def name_list(self, node: _Node, label: str, kind: str, ident: str) -> tuple[str, ...]:
        if node.__class__ is not _Seq:
            raise self.error(node, f"{label}: 'names' must be a list of strings, got {_what(node)}")
        seq: _Seq = node
        if not seq.items:
            raise self.error(node, f"{label}: 'names' must not be empty")
        seen = self.names[kind]
        out: list[str] = []
        mine: set[str] = set()
        for item in seq.items:
            name = self.text(item, label, "names")
            key = _name_key(name)
            if key in mine:
                continue
            owner = seen.get(key)
            if owner is not None and owner[0] != ident:
                raise self.error(item, f"{label}: name {name!r} already names {kind} '{owner[0]}' "
                                       f"(line {owner[1]}); a name must identify one {kind}")
            seen[key] = (ident, _pos(item)[0])
            mine.add(key)
            out.append(name)
        return tuple(out)

    def unit(self, node: _Node, label: str) -> str:
        value = self.text(node, label, "unit")
        return canonical_unit(value) or value

    # --- sections

    def build(self, root: _Node | None, digest: str) -> Reference:
        if root is None:
            raise ReferenceError(self.path, 1, 1, "empty reference file: expected a mapping starting with 'version: 1'")
        if root.__class__ is not _Map:
            raise self.error(root, "a reference file must be a mapping with keys "
                                   f"{', '.join(TOP_KEYS)}; got {_what(root)}")
        top = self.mapping(root, "top level", TOP_KEYS, ())
        if "version" not in top:
            raise self.error(root, "top level: missing required key 'version' (write 'version: 1')")
        vnode = top["version"][1]
        if not (vnode.__class__ is tuple and vnode[1] and vnode[0] == "1"):
            raise self.error(vnode, f"unsupported reference version {_what(vnode)}: this factcheck reads version 1")
        self.read_regions(top.get("regions"))
        self.read_metrics(top.get("metrics"))
        standards = self.read_standards(top.get("standards"))
        facts = self.read_facts(top.get("facts"))
        events = self.read_events(top.get("events"))
        return Reference(self.path, self.regions, self.metrics, standards, facts, events, digest)

    @staticmethod
    def _section(item: tuple[_Scalar, _Node] | None) -> _Node | None:
        if item is None:
            return None
        node = item[1]
        if isinstance(node, tuple) and node[1] and node[0] in _NULLS:
            return None
        return node

    def map_section(self, item: tuple[_Scalar, _Node] | None, name: str) -> _Map | None:
        node = self._section(item)
        if node is None or isinstance(node, _Map):
            return node
        raise self.error(node, f"'{name}' must be a mapping of id -> entry, got {_what(node)}")

    def seq_section(self, item: tuple[_Scalar, _Node] | None, name: str) -> _Seq | None:
        node = self._section(item)
        if node is None or isinstance(node, _Seq):
            return node
        raise self.error(node, f"'{name}' must be a list of entries, got {_what(node)}")

    def read_regions(self, item: tuple[_Scalar, _Node] | None) -> None:
        section = self.map_section(item, "regions")
        if section is None:
            return
        self.mapping(section, "regions", tuple(section.entries))  # duplicate ids
        parents: list[tuple[str, _Node]] = []
        for key, (knode, node) in section.entries.items():
            label = f"region '{key}'"
            ident = self.ident(knode, label, "region")
            e = self.mapping(node, label, REGION_KEYS, ("names",))
            names = self.name_list(e["names"][1], label, "region", ident)
            parent = None
            if "parent" in e:
                parent = self.ident(e["parent"][1], label, "region")
                parents.append((ident, e["parent"][1]))
            self.regions[ident] = Region(ident, names, parent, self.opt_text(e, label, "note"), knode[2])
        for ident, pnode in parents:
            label = f"region '{ident}'"
            self.declared(pnode, label, "parent", self.regions, "regions")
            seen = {ident}
            current = self.regions[ident].parent
            while current is not None:
                if current in seen:
                    raise self.error(pnode, f"{label}: parent chain loops back to '{current}'")
                seen.add(current)
                current = self.regions[current].parent

    def read_metrics(self, item: tuple[_Scalar, _Node] | None) -> None:
        section = self.map_section(item, "metrics")
        if section is None:
            return
        self.mapping(section, "metrics", tuple(section.entries))
        for key, (knode, node) in section.entries.items():
            label = f"metric '{key}'"
            ident = self.ident(knode, label, "metric")
            e = self.mapping(node, label, METRIC_KEYS, ("names", "unit"))
            names = self.name_list(e["names"][1], label, "metric", ident)
            unit = self.unit(e["unit"][1], label)
            self.metrics[ident] = Metric(ident, names, unit, self.opt_text(e, label, "note"), knode[2])

    def read_standards(self, item: tuple[_Scalar, _Node] | None) -> tuple[Standard, ...]:
        section = self.seq_section(item, "standards")
        if section is None:
            return ()
        out: list[Standard] = []
        ids: dict[str, int] = {}
        for i, node in enumerate(section.items, 1):
            label = f"standard #{i}"
            e = self.mapping(node, label, STANDARD_KEYS, ("id", "metric", "limit", "source"))
            ident = self.ident(e["id"][1], label, "standard")
            label = f"standard '{ident}'"
            if ident in ids:
                raise self.error(e["id"][1], f"{label}: id already used at line {ids[ident]}")
            ids[ident] = _pos(node)[0]
            metric = self.declared(e["metric"][1], label, "metric", self.metrics, "metrics")
            limit = self.number(e["limit"][1], label, "limit")
            names = self.name_list(e["names"][1], label, "standard", ident) if "names" in e else ()
            comparison = "<="
            if "comparison" in e:
                comparison = COMPARISONS.get(self.choice(e["comparison"][1], label, "comparison", COMPARISONS), "<=")
            region = self.declared(e["region"][1], label, "region", self.regions, "regions") if "region" in e else None
            out.append(Standard(ident, metric, limit, names, self.text(e["source"][1], label, "source"),
                                comparison, self.opt_text(e, label, "quote"), self.opt_text(e, label, "note"),
                                _pos(node)[0], region))
        return tuple(out)

    def read_facts(self, item: tuple[_Scalar, _Node] | None) -> tuple[Fact, ...]:
        section = self.seq_section(item, "facts")
        if section is None:
            return ()
        regions, metrics = self.regions, self.metrics
        keyset = _FACT_KEYSET
        number_match = _NUMBER.match
        out: list[Fact] = []
        append = out.append
        for i, node in enumerate(section.items, 1):
            label = f"fact #{i}"
            if not isinstance(node, _Map) or node.dup is not None or not keyset.issuperset(node.entries):
                self.mapping(node, label, FACT_KEYS)  # raises the precise error
                continue  # pragma: no cover - mapping() raised
            e = node.entries
            if "source" not in e or "region" not in e or "metric" not in e or "year" not in e or "value" not in e:
                self.mapping(node, label, FACT_KEYS, ("region", "metric", "year", "value", "source"))
            rnode = e["region"][1]
            region = rnode[0] if rnode.__class__ is tuple and rnode[0] in regions else \
                self.declared(rnode, label, "region", regions, "regions")
            mnode = e["metric"][1]
            metric = mnode[0] if mnode.__class__ is tuple and mnode[0] in metrics else \
                self.declared(mnode, label, "metric", metrics, "metrics")
            # fast paths for well-formed scalars; the helpers produce the precise errors otherwise
            ynode = e["year"][1]
            ytext = ynode[0] if ynode.__class__ is tuple and ynode[1] else ""
            if len(ytext) == 4 and ytext.isdigit() and ytext[0] != "0":
                year = int(ytext)
            else:
                year = self.year(ynode, label, "year")
            vnode = e["value"][1]
            value = Decimal(vnode[0]) if vnode.__class__ is tuple and vnode[1] and number_match(vnode[0]) else None
            if value is None or not _sane(value):
                value = self.number(vnode, label, "value")
            snode = e["source"][1]
            source = snode[0].strip() if snode.__class__ is tuple and not snode[1] else ""
            if not source:
                source = self.text(snode, label, "source")
            kind = "level"
            baseline: int | None = None
            tolerance: Decimal | None = None
            qualifier: str | None = None
            quality = "official"
            variants: tuple[Variant, ...] = ()
            if len(e) > 5:
                if "kind" in e:
                    kind = self.choice(e["kind"][1], label, "kind", KINDS)
                if "baseline_year" in e:
                    if kind == "level":
                        raise self.error(e["baseline_year"][0],
                                         f"{label}: 'baseline_year' applies only to kind: change or multiple")
                    baseline = self.year(e["baseline_year"][1], label, "baseline_year")
                    if baseline == year:
                        raise self.error(e["baseline_year"][1], f"{label}: 'baseline_year' equals 'year' ({year})")
                if "tolerance" in e:
                    tolerance = self.number(e["tolerance"][1], label, "tolerance")
                    if tolerance < 0:
                        raise self.error(e["tolerance"][1], f"{label}: 'tolerance' must not be negative")
                if "qualifier" in e:
                    qualifier = self.choice(e["qualifier"][1], label, "qualifier", QUALIFIERS)
                if "quality" in e:
                    quality = self.choice(e["quality"][1], label, "quality", QUALITIES)
                if "variants" in e:
                    variants = self.read_variants(e["variants"][1], label)
            if kind != "level" and baseline is None:
                raise self.error(node, f"{label}: kind: {kind} needs 'baseline_year' (the year compared with)")
            if "unit" in e:
                unit = self.unit(e["unit"][1], label)
            else:
                unit = metrics[metric].unit if kind == "level" else ("%" if kind == "change" else "×")
            append(Fact(region, metric, year, value, unit, source, tolerance, kind, baseline,
                        self.opt_text(e, label, "quote") if "quote" in e else "",
                        self.opt_text(e, label, "note") if "note" in e else "",
                        variants, node.line, node.column, qualifier, quality))
        return tuple(out)

    def read_variants(self, node: _Node, label: str) -> tuple[Variant, ...]:
        if node.__class__ is not _Seq:
            raise self.error(node, f"{label}: 'variants' must be a list of mappings, got {_what(node)}")
        out = []
        for j, item in enumerate(node.items, 1):
            vlabel = f"variant #{j} of {label}"
            e = self.mapping(item, vlabel, VARIANT_KEYS, ("value", "source"))
            quality = self.choice(e["quality"][1], vlabel, "quality", QUALITIES) if "quality" in e else "official"
            out.append(Variant(self.number(e["value"][1], vlabel, "value"), self.text(e["source"][1], vlabel, "source"),
                               self.opt_text(e, vlabel, "quote"), self.opt_text(e, vlabel, "note"), quality,
                               _pos(item)[0]))
        return tuple(out)

    def read_events(self, item: tuple[_Scalar, _Node] | None) -> tuple[Event, ...]:
        section = self.seq_section(item, "events")
        if section is None:
            return ()
        out: list[Event] = []
        ids: dict[str, int] = {}
        for i, node in enumerate(section.items, 1):
            label = f"event #{i}"
            e = self.mapping(node, label, EVENT_KEYS, ("id", "date", "names", "source"))
            ident = self.ident(e["id"][1], label, "event")
            label = f"event '{ident}'"
            if ident in ids:
                raise self.error(e["id"][1], f"{label}: id already used at line {ids[ident]}")
            ids[ident] = _pos(node)[0]
            date, written = self.date(e["date"][1], label)
            precision = written
            if "precision" in e:
                precision = self.choice(e["precision"][1], label, "precision", PRECISIONS)
                if PRECISIONS.index(precision) < PRECISIONS.index(written):
                    raise self.error(e["precision"][1], f"{label}: precision '{precision}' is finer than the date "
                                                        f"as written ({written})")
                if precision == "month":
                    date = date.replace(day=1)
                elif precision == "year":
                    date = date.replace(month=1, day=1)
            region = self.declared(e["region"][1], label, "region", self.regions, "regions") if "region" in e else None
            names = self.name_list(e["names"][1], label, "event", ident)
            out.append(Event(ident, date, names, self.text(e["source"][1], label, "source"), precision, region,
                             self.opt_text(e, label, "quote"), self.opt_text(e, label, "note"), _pos(node)[0]))
        return tuple(out)

    def date(self, node: _Node, label: str) -> tuple[dt.date, str]:
        if node.__class__ is tuple:
            m = _DATE.match(node[0].strip())
            if m:
                y, mo, d = int(m.group(1)), m.group(2), m.group(3)
                try:
                    return dt.date(y, int(mo or 1), int(d or 1)), ("day" if d else "month" if mo else "year")
                except ValueError as exc:
                    raise self.error(node, f"{label}: 'date' {node[0]!r} is not a valid date ({exc})") from None
        raise self.error(node, f"{label}: 'date' must be YYYY-MM-DD, YYYY-MM or YYYY, got {_what(node)}")


# ------------------------------------------------------------------------ loading

_CACHE: dict[tuple[str, str], Reference] = {}
_CACHE_SIZE = 8


def _decode(raw: bytes, path: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise ReferenceError(path, line, column,
                             f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the reference as UTF-8") from None


def parse_reference(text: str, path: str = "<string>", digest: str = "") -> Reference:
    """Parse reference YAML text. Raises :class:`ReferenceError`."""
    was_enabled = gc.isenabled()
    gc.disable()  # the walk allocates millions of small objects for big files; GC passes only cost time
    try:
        root = _compose(text, path)
        return _Builder(path).build(root, digest or hashlib.sha256(text.encode("utf-8")).hexdigest())
    except ReferenceError as exc:
        if not exc.path:  # raised below _compose without a path
            raise ReferenceError(path, exc.line, exc.column, exc.message) from None
        raise
    finally:
        if was_enabled:
            gc.enable()


def load_reference(path: str | Path) -> Reference:
    """Load and check a reference file; cached by content (sha256), so repeated loads are free.

    The built reference is also kept on disk (``factcheck.refcache``: the user's cache directory, keyed by
    the sha256 and the code version), so the next process skips the YAML altogether."""
    shown = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ReferenceError(shown, 1, 1, f"cannot read reference file: {exc.strerror or exc}") from None
    digest = hashlib.sha256(raw).hexdigest()
    key = (digest, shown)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    from factcheck import refcache

    cached_ref = refcache.load(digest, shown)
    if cached_ref is not None:
        ref = cached_ref
    else:
        ref = parse_reference(_decode(raw, shown), shown, digest)
        refcache.store(ref)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = ref
    return ref


def clear_cache() -> None:
    _CACHE.clear()


def default_reference_path() -> Path:
    """The bundled claims.yaml: package data (``factcheck/data/claims.yaml``) in an installed wheel, else the
    repository's top-level ``claims.yaml`` (a source checkout or an editable install)."""
    bundled = _package_data() / "claims.yaml"
    if bundled.is_file():
        return bundled
    return Path(__file__).resolve().parent.parent / "claims.yaml"


def _package_data() -> Path:
    """``importlib.resources.files("factcheck") / "data"`` for a package on disk (a zipped package has no file
    to give anyway), without importing importlib.resources: ~8 ms on every start of the command."""
    return Path(__file__).resolve().parent / "data"


# ----------------------------------------------------------------------- validation


def _half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


def _fmt(value: Decimal) -> str:
    from factcheck.interval import fmt

    return fmt(value)


def validate(ref: Reference) -> list[Problem]:
    """Non-fatal problems: conflicting or duplicate facts, units that do not fit the metric, changes that
    disagree with the levels they compare, names shared between kinds. Sorted by position."""
    from factcheck.interval import Interval, stated

    path = ref.path
    out: list[Problem] = []

    def add(line: int, column: int, message: str, severity: str) -> None:
        out.append(Problem(path, line, column, message, severity))

    for key, facts in ref._facts.items():
        if len(facts) < 2:
            continue
        first_by_unit: dict[str, Fact] = {}
        for f in facts:
            first = first_by_unit.setdefault(f.unit, f)
            if first is f:
                continue
            what = f"{key[0]} {key[1]} {key[2]}" + (f" vs {key[4]}" if key[4] is not None else "")
            if f.value == first.value:
                add(f.line, f.column, f"duplicate fact {what} = {_fmt(f.value)} {f.unit} "
                                      f"(same as line {first.line})", "info")
            else:
                add(f.line, f.column, f"conflicting facts for {what}: {_fmt(f.value)} {f.unit} ({f.source}) vs "
                                      f"{_fmt(first.value)} {first.unit} at line {first.line} ({first.source}); "
                                      "keep the official figure and record the other under 'variants'", "warning")

    for f in ref.facts:
        metric_unit = ref.metrics[f.metric].unit
        if f.kind == "level" and f.unit != metric_unit:
            add(f.line, f.column, f"unit '{f.unit}' differs from the unit of metric '{f.metric}' ('{metric_unit}')",
                "warning")
        elif f.kind == "change" and f.unit not in ("%", metric_unit) and not (f.unit == "pp" and metric_unit == "%"):
            add(f.line, f.column, f"a change of '{f.metric}' is in '%', 'pp' or '{metric_unit}', not '{f.unit}'",
                "warning")
        for v in f.variants:
            if v.value == f.value:
                add(v.line, 1, f"variant equals the fact's value {_fmt(f.value)}", "info")

    for f in ref.facts:
        if f.kind != "change" or f.baseline_year is None:
            continue
        metric_unit = ref.metrics[f.metric].unit
        if f.unit not in ("%", metric_unit) or (f.unit == "%" and metric_unit == "%"):
            continue
        now = [x for x in ref.facts_for(f.region, f.metric, f.year) if x.unit == metric_unit and x.qualifier is None]
        then = [x for x in ref.facts_for(f.region, f.metric, f.baseline_year)
                if x.unit == metric_unit and x.qualifier is None]
        if not now or not then:
            continue
        a, b = now[0], then[0]
        iv_a = stated(a.value, a.tolerance if a.tolerance is not None else _half_unit(a.value))
        iv_b = stated(b.value, b.tolerance if b.tolerance is not None else _half_unit(b.value))
        if f.unit == "%":
            if iv_b.lo <= 0:
                continue
            implied = (iv_a / iv_b - Interval(Decimal(1), Decimal(1))) * Interval(Decimal(100), Decimal(100))
            point = (a.value / b.value - 1) * 100
        else:
            implied = iv_a - iv_b
            point = a.value - b.value
        claimed = stated(f.value, f.tolerance if f.tolerance is not None else _half_unit(f.value), f.qualifier)
        if not claimed.overlaps(implied):
            add(f.line, f.column,
                f"{f.region} {f.metric} {f.year} vs {f.baseline_year}: the stated change {_fmt(f.value)} {f.unit} "
                f"disagrees with the levels {_fmt(a.value)} (line {a.line}) and {_fmt(b.value)} (line {b.line}), "
                f"which give {_fmt(point.quantize(Decimal('0.1')))} {f.unit} (a restated or unrounded baseline?)",
                "info")

    lines: dict[tuple[str, str], int] = {("region", r.id): r.line for r in ref.regions.values()}
    lines.update({("metric", m.id): m.line for m in ref.metrics.values()})
    lines.update({("standard", s.id): s.line for s in ref.standards})
    lines.update({("event", e.id): e.line for e in ref.events})
    kinds_of: dict[str, set[tuple[str, str]]] = {}
    for name, kind, ident in ref.name_table():
        kinds_of.setdefault(_name_key(name), set()).add((kind, ident))
    for name, owners in sorted(kinds_of.items()):
        if len({k for k, _ in owners}) > 1:
            listed = ", ".join(f"{k} '{i}'" for k, i in sorted(owners))
            line = max(lines.get(o, 0) for o in owners) or 1
            add(line, 3 if line > 1 else 1, f"name {name!r} is shared by {listed}", "warning")

    return sorted(out, key=lambda p: (p.line, p.column, p.message))
