"""ORIGINAL character offsets -> 1-based (line, column), as an editor shows them."""

from __future__ import annotations

import re
from bisect import bisect_right

# "\r\n" is one line break; a lone "\r" (old Mac files) or "\n" is one too.
_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Built once from an ORIGINAL text; answers ``line_col`` by bisection over line starts."""

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        self._starts: list[int] = [0, *(m.end() for m in _BREAK.finditer(text))]
        self._length = len(text)

    @property
    def lines(self) -> int:
        """Number of lines (a final line break does not open a new, counted line)."""
        n = len(self._starts)
        return n - 1 if n > 1 and self._starts[-1] == self._length else n

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; column counts code points.

        Offsets outside the text are clamped to it. The "\\n" of a "\\r\\n" pair
        belongs to the line the "\\r" ends.
        """
        offset = min(max(offset, 0), self._length)
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def line_start(self, line: int) -> int:
        """ORIGINAL offset where 1-based ``line`` starts (clamped to the text)."""
        line = min(max(line, 1), len(self._starts))
        return self._starts[line - 1]
