"""A file after the pipeline's reading stages: what the checks look at."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from factcheck.models import Claim, Extraction, Loaded, Normalized, Sentence
from factcheck.positions import LineIndex


@dataclass(frozen=True)
class Document:
    loaded: Loaded
    norm: Normalized
    sentences: tuple[Sentence, ...]
    extraction: Extraction
    claims: tuple[Claim, ...]
    lines: LineIndex
    published: dt.date | None = None
    home_region: str | None = None

    @property
    def path(self) -> str:
        return self.loaded.path

    def position(self, nstart: int) -> tuple[int, int]:
        """ORIGINAL 1-based (line, column) of a NORMALIZED offset."""
        start, _ = self.norm.original_span(nstart, nstart + 1)
        return self.lines.line_col(start)
