"""Several reference files as one: later files win, conflicts are reported as warnings.

A newsroom keeps the bundled ``claims.yaml`` and adds its own file (a desk's
figures, corrections, a local bureau's bulletin). ``load_merged(paths)`` loads
each with :func:`factcheck.reference.load_reference` and merges them in order:

- regions and metrics by id: the later entry's names come first, the earlier
  names are kept as aliases; a different ``parent`` (region) or ``unit`` (metric)
  is a conflict and the later one is kept;
- a name that two files give to different ids goes to the later id (conflict);
- standards and events by id: the later entry replaces the earlier (conflict
  when the limit or date differs);
- facts by (region, metric, year, kind, baseline year, unit): the later file's
  facts replace the earlier file's; a different value is a conflict, unless the
  later fact records the earlier value among its ``variants``.

Every file must be a complete reference on its own (declare the regions and
metrics its facts use), because each is loaded and checked by itself first.
Conflicts never stop a run: they are returned as :class:`Conflict` (printed by
the CLI as warnings).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from factcheck.reference import Event, Fact, Metric, Reference, Region, Standard

FactKey = tuple[str, str, int, str, int | None, str]


@dataclass(frozen=True)
class Conflict:
    """Two reference files disagree; the later one (``path``, ``line``) was kept."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: warning: {self.message}"


def _fmt(value: object) -> str:
    from decimal import Decimal

    from factcheck.interval import fmt

    return fmt(value) if isinstance(value, Decimal) else str(value)


def _fact_key(f: Fact) -> FactKey:
    return (f.region, f.metric, f.year, f.kind, f.baseline_year, f.unit)


def _describe(key: FactKey) -> str:
    region, metric, year, kind, baseline, unit = key
    return f"{region} {metric} {year}" + (f" vs {baseline}" if baseline is not None else "") + f" ({kind}, {unit})"


class _Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def names(self) -> tuple[str, ...]: ...
    @property
    def line(self) -> int: ...


N = TypeVar("N", bound=_Named)


def _move_names(kind: str, table: dict[str, N], mine: set[str], origin: dict[str, str], here: str,
                note: Callable[[str, int, int, str], None]) -> None:
    """Drop from the other ids of ``table`` every name that an id of the current file (``mine``) has."""
    owner: dict[str, str] = {}
    for ident in sorted(mine):
        for n in table[ident].names:
            owner.setdefault(n.strip().lower(), ident)
    for ident, entry in list(table.items()):
        if ident in mine:
            continue
        kept = tuple(n for n in entry.names if owner.get(n.strip().lower(), ident) == ident)
        for n in entry.names:
            if n not in kept:
                new_owner = table[owner[n.strip().lower()]]
                note(here, new_owner.line, 1, f"{kind} name {n!r} now means '{new_owner.id}', no longer "
                                              f"'{ident}' ({origin[ident]} line {entry.line})")
        if kept != entry.names:
            table[ident] = replace(entry, names=kept)  # type: ignore[type-var]


def merge(refs: Sequence[Reference]) -> tuple[Reference, list[Conflict]]:
    """Merge loaded references in order (later wins). One reference is returned unchanged."""
    from factcheck.reference import Reference

    if not refs:
        raise ValueError("merge() needs at least one reference")
    if len(refs) == 1:
        return refs[0], []
    conflicts: list[Conflict] = []
    regions: dict[str, Region] = {}
    metrics: dict[str, Metric] = {}
    region_from: dict[str, str] = {}
    metric_from: dict[str, str] = {}
    standards: dict[str, tuple[Standard, str]] = {}
    events: dict[str, tuple[Event, str]] = {}
    facts: dict[FactKey, list[tuple[Fact, str]]] = {}

    def note(path: str, line: int, column: int, message: str) -> None:
        conflicts.append(Conflict(path, line, column, message))

    for ref in refs:
        here = ref.path
        for r in ref.regions.values():
            old = regions.get(r.id)
            if old is None:
                regions[r.id] = r
            else:
                if r.parent is not None and old.parent is not None and r.parent != old.parent:
                    note(here, r.line, 1, f"region '{r.id}': parent '{r.parent}' replaces '{old.parent}' "
                                          f"({region_from[r.id]} line {old.line})")
                names = tuple(dict.fromkeys((*r.names, *old.names)))
                regions[r.id] = replace(r, names=names, parent=r.parent if r.parent is not None else old.parent)
            region_from[r.id] = here
        for m in ref.metrics.values():
            old_m = metrics.get(m.id)
            if old_m is None:
                metrics[m.id] = m
            else:
                if m.unit != old_m.unit:
                    note(here, m.line, 1, f"metric '{m.id}': unit '{m.unit}' replaces '{old_m.unit}' "
                                          f"({metric_from[m.id]} line {old_m.line})")
                metrics[m.id] = replace(m, names=tuple(dict.fromkeys((*m.names, *old_m.names))))
            metric_from[m.id] = here
        # A name now given to another id of the same kind moves to the later id.
        _move_names("region", regions, set(ref.regions), region_from, here, note)
        _move_names("metric", metrics, set(ref.metrics), metric_from, here, note)
        for s in ref.standards:
            old_s = standards.get(s.id)
            if old_s is not None and (s.limit, s.metric, s.comparison) != (old_s[0].limit, old_s[0].metric,
                                                                             old_s[0].comparison):
                note(here, s.line, 1, f"standard '{s.id}': {s.metric} {s.comparison} {_fmt(s.limit)} replaces "
                                      f"{old_s[0].metric} {old_s[0].comparison} {_fmt(old_s[0].limit)} "
                                      f"({old_s[1]} line {old_s[0].line})")
            standards[s.id] = (s, here)
        for e in ref.events:
            old_e = events.get(e.id)
            if old_e is not None and e.date != old_e[0].date:
                note(here, e.line, 1, f"event '{e.id}': date {e.date.isoformat()} replaces "
                                      f"{old_e[0].date.isoformat()} ({old_e[1]} line {old_e[0].line})")
            events[e.id] = (e, here)
        mine_facts: dict[FactKey, list[Fact]] = {}
        for f in ref.facts:
            mine_facts.setdefault(_fact_key(f), []).append(f)
        for key, new in mine_facts.items():
            old_f = facts.get(key)
            if old_f:
                new_values = {f.value for f in new} | {v.value for f in new for v in f.variants}
                for f, origin_path in old_f:
                    if f.value not in new_values:
                        n = new[0]
                        note(here, n.line, n.column,
                             f"fact {_describe(key)}: {_fmt(n.value)} ({n.source}) replaces {_fmt(f.value)} "
                             f"({f.source}, {origin_path} line {f.line})")
            facts[key] = [(f, here) for f in new]

    paths = [r.path for r in refs]
    digest = hashlib.sha256("\n".join(r.digest for r in refs).encode("ascii")).hexdigest()
    merged = Reference(
        path=" + ".join(paths),
        regions=regions,
        metrics=metrics,
        standards=tuple(replace(s, file=here) for s, here in standards.values()),
        facts=tuple(replace(f, file=here) for group in facts.values() for f, here in group),
        events=tuple(e for e, _ in events.values()),
        digest=digest,
    )
    return merged, conflicts


def load_merged(paths: Sequence[str | Path]) -> tuple[Reference, list[Conflict]]:
    """Load each file (raises :class:`factcheck.reference.ReferenceError`) and merge them in order."""
    from factcheck.reference import load_reference

    return merge([load_reference(p) for p in paths])
