"""Detect and repair byte-shifted garbled runs (see ../shared/notes/seed-text.md, layer 1).

INTERFACE (being implemented): ``find_runs(text) -> list[GarbleRun]``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GarbleRun:
    """A garbled run in ``text[start:end]`` (offsets into the text given to find_runs).

    ``restored`` is the text that should replace ``text[start:end]`` when the run
    could be restored unambiguously, else None (the span is unreadable).
    """

    start: int
    end: int
    text: str
    restored: str | None
    signals: tuple[str, ...] = ()


def find_runs(text: str) -> list[GarbleRun]:
    raise NotImplementedError("garble.find_runs is being implemented")
