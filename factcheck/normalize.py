"""ORIGINAL text -> :class:`~factcheck.models.Normalized`: clean simplified text plus an exact offset map.

Every later stage matches against the normalized text; every normalized character
maps back to the ORIGINAL span it came from (``starts[i]``/``ends[i]``), so a claim
found in clean text is reported at its real line and column.

Steps (../shared/notes/seed-text.md gives the order and why):

0. Format: HTML -> text (html.parser, entities mapped to their spans); Markdown ->
   front matter, code blocks and inline code spans, comments and link targets dropped.
1. Garbled runs (factcheck.garble): restored text replaces a run (a Repair is
   recorded); a run that cannot be restored becomes U+FFFD (an Unreadable).
   The folding of step 4 runs once before this too: the garble model expects
   fullwidth forms folded (as they were upstream in the seeds), and a second
   normalize() then sees the same characters the first one did.
2. Pinyin annotations glued after characters, ``萬(wàn)``, are dropped.
3. Traditional -> simplified with OpenCC t2s, 1:1 per character (loaded only if needed).
4. A few foldings: fullwidth ASCII forms, ideographic space and NBSP, CRLF.
5. Spaced Latin tokens rejoined: ``P M2.5`` -> ``PM2.5``.
6. Boilerplate: SEO first line, navigation and breadcrumb bars, widgets, image
   file names, and the tail from a "related articles"/copyright/editor line on.
7. A fixed point: the garble detector reads the result once more. Steps 2-6 change
   what it sees (an annotation or a line is gone, a character simplified, a run
   already masked as U+FFFD now stands next to a digit or ends a shifted reading), so
   a second normalize() could find damage the first did not. Whatever it finds is
   applied now and steps 2-6 rerun, until nothing changes: normalizing twice equals
   normalizing once. Clean text costs one cheap scan; only texts with garble signals
   left in the result take another round (real articles: none).

Each step is a list of edits on the current text; applying an edit composes the
offset maps, so no step needs to know about the others. Steps that replace
characters one for one (folding, t2s) change only the text, never the maps.

Cost: nothing is compiled or loaded at import (html.parser, OpenCC, the garble
detector and every pattern wait for the first text that needs them). OpenCC converts
only the Han runs it would change, all in one call. Hundreds of pinyin annotations are
dropped without a Python step per annotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import mul, ne, sub

from factcheck.models import Normalized, Repair, Unreadable
from factcheck.numbers import bind_lazy, lazy_re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Protocol

    from factcheck.garble import GarbleRun

    class _Converter(Protocol):
        def convert(self, text: str) -> str: ...


# ------------------------------------------------------------------ mapped text


class _Text:
    """A text plus, per character, the ORIGINAL half-open span it came from."""

    __slots__ = ("ends", "size", "starts", "text")

    def __init__(self, text: str, starts: list[int], ends: list[int], size: int) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends
        self.size = size  # length of the ORIGINAL text


def _identity(text: str) -> _Text:
    n = len(text)
    # ends[i] == starts[i + 1]: the two maps share their int objects (one allocation and one free per character
    # instead of two; ~20% of the maps' cost, measured).
    starts = list(range(n + 1))
    ends = starts[1:]
    del starts[n]
    return _Text(text, starts, ends, n)


def _retext(src: _Text, text: str) -> _Text:
    """The same maps under a text of the same length (characters replaced one for one)."""
    return src if text == src.text else _Text(text, src.starts, src.ends, src.size)


ONE = "one"  # replacement of the same length: character i keeps the span of source character i
SPAN = "span"  # every replacement character maps to the whole source span
POINT = "point"  # the replacement stands for dropped material: an empty range where it was


class _Edit:
    __slots__ = ("end", "mode", "reason", "start", "text")

    def __init__(self, start: int, end: int, text: str = "", mode: str = SPAN, reason: str | None = None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.mode = mode
        self.reason = reason  # recorded in Normalized.dropped when set


class _Result:
    """Collects what the steps record, in ORIGINAL offsets."""

    def __init__(self) -> None:
        self.dropped: list[tuple[int, int, str]] = []
        self.repairs: list[Repair] = []
        self.unreadable: list[Unreadable] = []


def _apply(src: _Text, edits: Sequence[_Edit], result: _Result) -> _Text:
    """Apply sorted, non-overlapping edits (an edit overlapping an earlier one is ignored).

    Maps stay monotonic: a replacement never maps before the character before it.
    """
    if not edits:
        return src
    text, starts, ends = src.text, src.starts, src.ends
    n = len(text)
    pieces: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    dropped = result.dropped
    pos = 0
    for ed in edits:
        a, b = ed.start, ed.end
        if a < pos or b < a or b > n:
            continue
        if a > pos:
            pieces.append(text[pos:a])
            out_s += starts[pos:a]
            out_e += ends[pos:a]
        if ed.reason is not None and a < b:
            dropped.append((starts[a], max(ends[b - 1], starts[a]), ed.reason))
        rep = ed.text
        if rep:
            if ed.mode == ONE and len(rep) == b - a:
                pieces.append(rep)
                out_s += starts[a:b]
                out_e += ends[a:b]
            else:
                last_s = out_s[-1] if out_s else 0
                last_e = out_e[-1] if out_e else 0
                if ed.mode == POINT or a == b:
                    p = starts[a] if a < n else src.size
                    s = max(last_s, p)
                    e = max(last_e, s)
                else:
                    s = max(last_s, starts[a])
                    e = max(last_e, ends[b - 1], s)
                pieces.append(rep)
                k = len(rep)
                out_s += [s] * k
                out_e += [e] * k
        pos = b
    if pos < n:
        pieces.append(text[pos:])
        out_s += starts[pos:]
        out_e += ends[pos:]
    return _Text("".join(pieces), out_s, out_e, src.size)


def _wordy(s: str) -> bool:
    """Has an ASCII letter or a (basic or extension A) Han character."""
    return any(("a" <= c <= "z" or "A" <= c <= "Z" or "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")
               for c in s)


def _is_han(ch: str) -> bool:
    """A Han character: U+3400-4DBF, 4E00-9FFF, F900-FAFF or 20000-3134F."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


# ------------------------------------------------------------------ 0. formats

_HTML_SKIP = frozenset({"script", "style", "nav", "footer", "head", "title", "noscript", "template", "svg",
                        "iframe", "aside", "select", "button"})
_HTML_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "thead",
                         "tbody", "tfoot", "section", "article", "header", "main", "blockquote", "pre", "hr", "dd",
                         "dt", "dl", "figure", "figcaption", "form", "fieldset", "address", "caption", "details",
                         "summary", "body", "html"})
_HTML_CELL = frozenset({"td", "th"})
_WS = " \t\n\r\f\v"
_WS_OR_NOT = lazy_re(r"[ \t\n\r\f\v]+|[^ \t\n\r\f\v]+")
_NEWLINE = lazy_re("\n")


class _HTMLState:
    """What the HTML reader collects: text characters mapped to their ORIGINAL spans."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(src))]
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.skip: list[str] = []
        self.skip_from = 0
        self.pre = 0
        self.space: tuple[int, int] | None = None
        self.dropped: list[tuple[int, int, str]] = []

    def emit(self, ch: str, s: int, e: int) -> None:
        if self.starts:
            s = max(s, self.starts[-1])
            e = max(e, self.ends[-1])
        self.chars.append(ch)
        self.starts.append(s)
        self.ends.append(max(s, e))

    def text_char(self, ch: str, s: int, e: int) -> None:
        if self.skip:
            return
        if not self.pre and ch in _WS:
            self.space = (self.space[0], e) if self.space else (s, e)
            return
        self.flush_space()
        self.emit(ch, s, e)

    def flush_space(self) -> None:
        if self.space is not None:
            if self.chars and self.chars[-1] != "\n":
                self.emit(" ", *self.space)
            self.space = None

    def text_at(self, data: str, p: int) -> None:
        """``data`` as written at ORIGINAL offset ``p``: whitespace runs collapse, other characters map 1:1."""
        if self.pre:
            for i, ch in enumerate(data):
                self.text_char(ch, p + i, p + i + 1)
            return
        for m in _WS_OR_NOT.finditer(data):
            i, j = m.start(), m.end()
            if data[i] in _WS:
                self.space = (self.space[0], p + j) if self.space else (p + i, p + j)
                continue
            self.flush_space()
            if not self.starts or (self.starts[-1] <= p + i and self.ends[-1] <= p + i + 1):
                self.chars.extend(data[i:j])
                self.starts.extend(range(p + i, p + j))
                self.ends.extend(range(p + i + 1, p + j + 1))
            else:
                for k in range(i, j):
                    self.emit(data[k], p + k, p + k + 1)

    def newline(self, p: int, force: bool = False) -> None:
        if self.skip:
            return
        self.space = None
        if self.chars and (force or self.chars[-1] != "\n"):
            self.emit("\n", p, p)


@lru_cache(maxsize=1)
def _html_reader() -> type:
    """The HTML reader class (html.parser is imported only for HTML input)."""
    import html
    from html.parser import HTMLParser

    class _HTMLText(HTMLParser, _HTMLState):
        """Text of an HTML document, each character mapped to its ORIGINAL span."""

        def __init__(self, src: str) -> None:
            HTMLParser.__init__(self, convert_charrefs=False)
            _HTMLState.__init__(self, src)

        def pos(self) -> int:
            line, col = self.getpos()
            return min(self.line_starts[min(line, len(self.line_starts)) - 1] + col, len(self.src))

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            p = self.pos()
            if tag == "body" and "head" in self.skip:  # a <head> nobody closed
                self.end_skip("head", p)
            if tag in _HTML_SKIP:
                if not self.skip:
                    self.skip_from = p
                self.skip.append(tag)
            elif tag == "br":
                self.newline(p, force=True)
            elif tag in _HTML_BLOCK:
                self.newline(p)
                if tag == "pre":
                    self.pre += 1
            elif tag in _HTML_CELL and not self.skip and self.chars and self.chars[-1] != "\n":
                self.space = (p, p)

        def end_skip(self, tag: str, p: int) -> None:
            if tag in self.skip:
                while self.skip:
                    if self.skip.pop() == tag:
                        break
                if not self.skip:
                    close = self.src.find(">", p)
                    end = close + 1 if close >= 0 else p
                    self.dropped.append((self.skip_from, end, f"html-{tag}"))

        def handle_endtag(self, tag: str) -> None:
            p = self.pos()
            if tag in _HTML_SKIP:
                self.end_skip(tag, p)
            elif tag in _HTML_BLOCK:
                if tag == "pre" and self.pre:
                    self.pre -= 1
                self.newline(p)

        def handle_data(self, data: str) -> None:
            if self.skip:
                return
            p = self.pos()
            if self.src.startswith(data, p):
                self.text_at(data, p)
            else:  # not expected: keep the text, anchored where the parser says it is
                for ch in data:
                    self.text_char(ch, p, p)

        def _ref(self, raw: str) -> None:
            if self.skip:
                return
            p = self.pos()
            end = p + len(raw) + (1 if self.src.startswith(";", p + len(raw)) else 0)
            decoded = html.unescape(self.src[p:end]) if self.src.startswith(raw, p) else html.unescape(raw + ";")
            for ch in decoded:
                self.text_char(ch, p, end)

        def handle_entityref(self, name: str) -> None:
            self._ref(f"&{name}")

        def handle_charref(self, name: str) -> None:
            self._ref(f"&#{name}")

    return _HTMLText


def _from_html(text: str, result: _Result) -> _Text:
    parser = _html_reader()(text)
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser may still choke on hostile markup: fall back to the raw text
        return _identity(text)
    if parser.skip:  # an element never closed: record what it swallowed
        parser.dropped.append((parser.skip_from, len(text), f"html-{parser.skip[0]}"))
    result.dropped.extend(parser.dropped)
    return _Text("".join(parser.chars), parser.starts, parser.ends, len(text))


_FENCE_OPEN = lazy_re(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
_HTML_COMMENT = lazy_re(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Bounded and "[" excluded from the link text: "[[[[…" or "[a]([a]([a](…" must not rescan the line from every "[".
_MD_LINK = lazy_re(r"(!?\[)([^\[\]\n]{0,1000})(\]\((?:<[^>\n]{0,2048}>|[^)\s\[\]]{0,2048})"
                 r"(?:[ \t]+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?[ \t]*\)|\]\[[^\]\n]{0,500}\])")
# An inline code span (CommonMark): a run of backticks, then the same run closing it on the same line, neither
# touching another backtick. `--jobs 4`, `v2.3` are code, not figures.
_MD_CODE_SPAN = lazy_re(r"(?<!`)(`{1,8})(?!`)[^\n]{1,500}?(?<!`)\1(?!`)")
# (a footnote definition "[^1]: text" is article text: only its marker is dropped, like an inline "[^1]")
_MD_REF_DEF = lazy_re(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.MULTILINE)
_MD_FOOTNOTE = lazy_re(r"\[\^[^\]\s]{1,40}\]:?")


def _markdown_blocks(text: str) -> list[_Edit]:
    """Front matter, fenced and indented code blocks, HTML comments, reference definitions."""
    from factcheck.load import front_matter_span

    edits: list[_Edit] = []
    fm = front_matter_span(text)
    pos = 0
    if fm:
        edits.append(_Edit(0, fm[1], "\n", POINT, "front-matter"))
        pos = fm[1]
    lines = _lines(text)
    fence_open = _FENCE_OPEN
    i = 0
    prev_blank = True
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        if s < pos:
            i += 1
            continue
        m = fence_open.match(line) if line[:4].lstrip(" ")[:1] in ("`", "~") else None
        if m:
            fence = m.group(1)
            j = i + 1
            while j < len(lines):
                inner = text[lines[j][0]:lines[j][1]].strip()
                if inner.startswith(fence[0] * len(fence)) and not inner.strip(fence[0]):
                    break
                j += 1
            end = lines[min(j, len(lines) - 1)][1]
            edits.append(_Edit(s, end, "\n", POINT, "code"))
            i = j + 1
            prev_blank = True
            continue
        if prev_blank and (line.startswith("    ") or line.startswith("\t")) and line.strip():
            j = i  # one paragraph of indented lines; each is judged on its own
            while j < len(lines):
                body = text[lines[j][0]:lines[j][1]]
                if not body.strip() or not (body.startswith("    ") or body.startswith("\t")):
                    break
                j += 1
            block = text[s:lines[j - 1][1]]
            if not any(map(_is_han, block)):  # an indented Chinese paragraph is prose, not code
                edits.append(_Edit(s, lines[j - 1][1], "\n", POINT, "code"))
                i = j
                prev_blank = False
                continue
        prev_blank = not line.strip()
        i += 1
    taken = [(ed.start, ed.end) for ed in edits]  # sorted, non-overlapping
    for pattern, reason, needle in ((_HTML_COMMENT, "comment", "<!--"), (_MD_REF_DEF, "link", "]:"),
                                    (_MD_FOOTNOTE, "link", "[^")):
        if needle not in text:
            continue
        taken_starts = [a for a, _ in taken]
        taken_ends = [b for _, b in taken]  # sorted too: the spans do not overlap
        found = []
        for m in pattern.finditer(text):
            a, b = m.span()
            i = bisect_right(taken_ends, a)  # the first taken span ending after a
            if i < len(taken) and taken_starts[i] < b:
                continue  # inside a code block (or a comment)
            edits.append(_Edit(a, b, "", SPAN, reason))
            found.append((a, b))
        taken = sorted(taken + found)
    return sorted(edits, key=lambda ed: ed.start)


def _from_markdown(src: _Text, result: _Result) -> _Text:
    cur = _apply(src, _markdown_blocks(src.text), result)
    if "`" in cur.text:  # inline code spans first: a link's text may hold one
        spans = [_Edit(m.start(), m.end(), "", SPAN, "code") for m in _MD_CODE_SPAN.finditer(cur.text)]
        if spans:
            cur = _apply(cur, spans, result)
    edits = []
    if "[" in cur.text:
        for m in _MD_LINK.finditer(cur.text):
            edits.append(_Edit(m.start(1), m.end(1), "", SPAN, "link"))
            edits.append(_Edit(m.start(3), m.end(3), "", SPAN, "link"))
    return _apply(cur, edits, result)


# ------------------------------------------------------------------ 1. garbled runs


def _find_runs(text: str) -> list[GarbleRun]:
    from factcheck import garble

    try:
        return list(garble.find_runs(text))
    except NotImplementedError:  # garble detection not available yet: nothing found
        return []


_FFFD_RUN = lazy_re("\ufffd+")


def _garble_edits(cur: _Text, result: _Result, original: str | None, again: bool = False) -> list[_Edit]:
    """Edits for garbled runs; ``original`` is given when it holds the runs as written (plain text).

    ``again``: ``cur`` is already normalized (step 7). A run that only covers U+FFFD masks nothing new and is
    skipped; an unreadable run records only the characters it newly masks; a restored run replaces what an
    earlier round recorded inside it.
    """
    text, n = cur.text, len(cur.text)
    edits: list[_Edit] = []
    covered: list[tuple[int, int]] = []
    pos = 0
    for run in sorted(_find_runs(text), key=lambda r: (r.start, r.end)):
        a, b = int(run.start), int(run.end)
        if a < pos or not 0 <= a < b <= n:
            continue
        pos = b
        covered.append((a, b))
        restored = run.restored
        if again and not isinstance(restored, str):
            if text.count("\ufffd", a, b) == b - a:
                continue
            _record_new_mask(cur, result, original, a, b)
            edits.append(_Edit(a, b, "\ufffd" * (b - a), ONE))
            continue
        os, oe = cur.starts[a], max(cur.ends[b - 1], cur.starts[a])
        garbled = original[os:oe] if original is not None else text[a:b]
        if isinstance(restored, str):
            if again:
                _forget_inside(result, os, oe)
            result.repairs.append(Repair(os, oe, garbled, restored))
            edits.append(_Edit(a, b, restored, SPAN))
        else:
            result.unreadable.append(Unreadable(os, oe, garbled))
            edits.append(_Edit(a, b, "\ufffd" * (b - a), ONE))
    if not again and "\ufffd" in text:  # U+FFFD outside every run (a detector that found nothing) is unreadable
        i = 0  # covered is sorted and non-overlapping: one sweep
        for m in _FFFD_RUN.finditer(text):
            a, b = m.span()
            while i < len(covered) and covered[i][1] <= a:
                i += 1
            if i < len(covered) and covered[i][0] < b:
                continue
            os, oe = cur.starts[a], cur.ends[b - 1]
            result.unreadable.append(Unreadable(os, oe, original[os:oe] if original is not None else m.group(0)))
    return edits


def _forget_inside(result: _Result, start: int, end: int) -> None:
    """Drop what an earlier round recorded inside ORIGINAL [start, end): a later round restored it."""
    if any(start <= u.start and u.end <= end for u in result.unreadable):
        result.unreadable = [u for u in result.unreadable if not (start <= u.start and u.end <= end)]
    if any(start <= r.start and r.end <= end for r in result.repairs):
        result.repairs = [r for r in result.repairs if not (start <= r.start and r.end <= end)]


def _record_new_mask(cur: _Text, result: _Result, original: str | None, a: int, b: int) -> None:
    """Record each stretch of ``cur.text[a:b]`` not yet masked as U+FFFD as an Unreadable (ORIGINAL offsets)."""
    text = cur.text
    i = a
    while i < b:
        if text[i] == "\ufffd":
            i += 1
            continue
        j = i
        while j < b and text[j] != "\ufffd":
            j += 1
        os, oe = cur.starts[i], max(cur.ends[j - 1], cur.starts[i])
        result.unreadable.append(Unreadable(os, oe, original[os:oe] if original is not None else text[i:j]))
        i = j


# ------------------------------------------------------------------ 2. pinyin

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# Glued to the character before it; at least one tone mark, so (PM2.5) or (see) survive. (The lookbehind comes
# after the bracket so that the search can skip from bracket to bracket.)
PINYIN = lazy_re(rf"[(（](?<=\S[(（])(?=[a-zü{TONE_VOWELS}]*[{TONE_VOWELS}])[a-zü{TONE_VOWELS}]{{1,6}}[)）]")


def _pinyin_spans(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the annotations."""
    if "(" not in text and "（" not in text:
        return [], []
    found = list(PINYIN.finditer(text))
    return list(map(re.Match.start, found)), list(map(re.Match.end, found))


def _drop(src: _Text, spans: tuple[list[int], list[int]], reason: str | None, result: _Result) -> _Text:
    """Delete text[a:b] for the sorted, non-overlapping, non-empty spans given as (starts, ends).

    ``_apply`` with plain deletions, without a Python step per span: annotations are hundreds per article.
    """
    cut_starts, cut_ends = spans
    if not cut_starts:
        return src
    text, starts, ends = src.text, src.starts, src.ends
    kept = list(map(slice, [0, *cut_ends], [*cut_starts, len(text)]))
    if reason is not None:
        first = list(map(starts.__getitem__, cut_starts))
        last = map(ends.__getitem__, map(sub, cut_ends, repeat(1)))
        result.dropped.extend(zip(first, map(max, last, first), repeat(reason)))
    return _Text("".join(map(text.__getitem__, kept)), list(chain.from_iterable(map(starts.__getitem__, kept))),
                 list(chain.from_iterable(map(ends.__getitem__, kept))), src.size)


# ------------------------------------------------------------------ 3. traditional -> simplified

# The GB2312 characters that OpenCC t2s changes on their own (tests/test_normalize.py
# checks this against OpenCC); every other GB2312 character is left as it is.
_GB2312_CHANGED = "乾菸薹拚捱摺吒後徵夥榘於袷麴醣麽"
_HAN_RUN = lazy_re(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)")  # one group: split
_CHANGED = lazy_re(f"[{_GB2312_CHANGED}]")


@lru_cache(maxsize=1)
def _gb2312_unchanged() -> frozenset[str]:
    """Every GB2312 character OpenCC t2s leaves alone (``_safe`` decides the same without this table)."""
    chars: set[str] = set()
    for lead in range(0xA1, 0xF8):
        row = bytes(b for lo in range(0xA1, 0xFF) for b in (lead, lo))
        chars.update(row.decode("gb2312", errors="replace"))
    return frozenset(chars - set(_GB2312_CHANGED) - {"\ufffd"})


def _safe(han: str) -> bool:
    """Are all these Han characters ones t2s leaves alone (in GB2312, not one of ``_GB2312_CHANGED``)?"""
    return len(han.encode("gb2312", "ignore")) == 2 * len(han) and not _CHANGED.search(han)


def needs_t2s(text: str) -> bool:
    """True when ``text`` has a Han character that OpenCC t2s might change (cheap, no OpenCC)."""
    try:
        text.encode("gb2312")  # the common case for simplified text: every character is in GB2312
    except UnicodeEncodeError:
        return not _safe("".join(_HAN_RUN.findall(text)))
    return bool(_CHANGED.search(text))


@lru_cache(maxsize=1)
def _converter() -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


_HAN_PROBE = "factcheck-han-probe"


class _HanOutsideGB2312(Exception):
    """Raised by the ``factcheck-han-probe`` encoding error handler."""


def _han_probe(exc: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: skip characters GB2312 lacks, unless one of them is Han."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    if _HAN_RUN.search(exc.object, exc.start, exc.end):
        raise _HanOutsideGB2312
    return "", exc.end


@lru_cache(maxsize=1)
def _register_han_probe() -> None:
    import codecs

    codecs.register_error(_HAN_PROBE, _han_probe)


def _t2s(cur: _Text) -> _Text:
    """Simplified text, one character for one (the maps do not change).

    Only Han runs holding a character t2s may change are converted (all in one OpenCC call), each on its own:
    no dictionary entry spans a line break, so converting the runs joined by "\\n" converts each alone.
    """
    text = cur.text
    _register_han_probe()
    try:
        # Characters outside GB2312 (³, –, emoji, …) are skipped unless one is Han: then the runs are looked at.
        text.encode("gb2312", _HAN_PROBE)
    except _HanOutsideGB2312:
        pass
    else:
        if not _CHANGED.search(text):
            return cur
    parts = _HAN_RUN.split(text)  # text between runs, run, text between runs, ...
    runs = parts[1::2]
    joined = "\n".join(runs)
    # A Han character is 2 bytes in GB2312, one it cannot encode 1 byte ("?"): a run is in GB2312 iff 2 bytes each.
    sizes = map(len, joined.encode("gb2312", "replace").split(b"\n"))
    unsafe = list(map(ne, sizes, map(mul, map(len, runs), repeat(2))))
    if _CHANGED.search(joined):
        changed = _CHANGED
        unsafe = [u or changed.search(run) is not None for u, run in zip(unsafe, runs, strict=True)]
    originals = list(compress(runs, unsafe))
    if not originals:
        return cur
    convert = _converter().convert
    converted = convert("\n".join(originals)).split("\n")
    if len(converted) != len(originals):
        converted = [convert(run) for run in originals]
    for j in list(compress(range(len(originals)), map(ne, map(len, converted), map(len, originals)))):
        run = originals[j]  # a phrase changed length: character by character keeps 1:1
        converted[j] = "".join(c if len(c := convert(ch)) == 1 else ch for ch in run)
    it = iter(converted)
    parts[1::2] = [next(it) if u else run for u, run in zip(unsafe, runs, strict=True)]
    return _retext(cur, "".join(parts))


# ------------------------------------------------------------------ 4. folding

_FOLD = lazy_re("\r\n|[\r\uff01-\uff5e\u3000\u00a0\u202f\u2000-\u200a\u200b\u2060\ufeff]")
_INVISIBLE = "\u200b\u2060\ufeff"


_FOLD_ONE = lazy_re("[\uff01-\uff5e\u3000\u00a0\u202f\u2000-\u200a]")  # the one-for-one foldings


def _fold_char(m: re.Match[str]) -> str:
    o = ord(m.group(0))
    return chr(o - 0xFEE0) if o >= 0xFF01 else " "


def _fold_one(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in ("\r\n", "\r"):
        return "\n"
    if ch in _INVISIBLE:
        return ""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    return " "


def _fold(cur: _Text, result: _Result) -> _Text:
    """Step 4. One-for-one foldings (fullwidth forms, wide and no-break spaces) change only the text;
    CRLF, CR and invisible characters are edits."""
    text = cur.text
    if not text.isascii():
        one = _FOLD_ONE
        if one.search(text):
            cur = _retext(cur, one.sub(_fold_char, text))
            text = cur.text
        if "\r" not in text and not any(ch in text for ch in _INVISIBLE):
            return cur
    elif "\r" not in text:
        return cur
    edits = [_Edit(m.start(), m.end(), _fold_one(m), SPAN) for m in _FOLD.finditer(text)]
    return _apply(cur, [ed for ed in edits if ed.text != text[ed.start:ed.end]], result)


# ------------------------------------------------------------------ 5. spaced Latin tokens

_SPACED_RUN = lazy_re(r"(?<![A-Za-z0-9.])[A-Za-z0-9.]+(?: [A-Za-z0-9.]+)+(?![A-Za-z0-9.])")
_PM25 = lazy_re(r"(?<![A-Za-z])PM (?=2\.5(?![\d.]))")
_OPEN = "(（[【“‘《「『"
_CLOSE = ")）]】”’》」』"


def _cjk_side(text: str, i: int, step: int) -> bool:
    """Is there a Chinese character (or CJK punctuation) at ``i``, looking past one bracket?"""
    if 0 <= i < len(text) and text[i] in (_OPEN if step < 0 else _CLOSE):
        i += step
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    o = ord(ch)
    return _is_han(ch) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’—…·"


def _token_ok(tok: str) -> bool:
    return len(tok) <= 4 and any(c.isalpha() for c in tok) and not tok.startswith(".") and ".." not in tok


def _rejoin_spans(text: str) -> tuple[list[int], list[int]]:
    """The spaces to drop, as (starts, ends)."""
    if " " not in text:
        return [], []
    cuts: set[int] = set()  # positions of spaces to drop
    for m in _SPACED_RUN.finditer(text):
        # A group is joined only when it touches the run's first token (Chinese before it) or its last
        # (Chinese after it): a run with Chinese on neither side has nothing to join.
        start, end = m.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        # _cjk_side is true only at a non-ASCII character or an ASCII bracket: most runs have neither.
        left_cjk = (before > "\x7f" or before in "([") and _cjk_side(text, start - 1, -1)
        right_cjk = (after > "\x7f" or after in ")]") and _cjk_side(text, end, 1)
        if not (left_cjk or right_cjk):
            continue
        toks: list[tuple[int, str]] = []
        p = m.start()
        for tok in m.group(0).split(" "):
            toks.append((p, tok))
            p += len(tok) + 1
        i = 0
        while i < len(toks):
            if not _token_ok(toks[i][1]):
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and _token_ok(toks[j + 1][1]):
                j += 1
            group = toks[i:j + 1]
            singles = sum(1 for _, t in group if len(t) == 1)
            joined = "".join(t for _, t in group)
            left = i == 0 and left_cjk
            right = j == len(toks) - 1 and right_cjk
            if len(group) >= 2 and 2 * singles >= len(group) and len(joined) >= 3 and (left or right):
                cuts.update(q - 1 for q, _ in group[1:])
            i = j + 1
    if "PM " in text:
        cuts.update(m.end() - 1 for m in _PM25.finditer(text))
    at = sorted(cuts)
    return at, [q + 1 for q in at]


# ------------------------------------------------------------------ 6. boilerplate

# Compiled by _compile_boilerplate() on the first call of _boilerplate_edits (nothing at import).
_SENTENCE_PUNCT: re.Pattern[str]
_FULL_DATE: re.Pattern[str]
_IMAGE_LINE: re.Pattern[str]
_WIDGET_WORDS: re.Pattern[str]
_WIDGET_ANCHOR: re.Pattern[str]
_SHARE_LINE: re.Pattern[str]
_BREADCRUMB_HEAD: re.Pattern[str]
_BREADCRUMB_SEP: re.Pattern[str]
_MENU_SEP: re.Pattern[str]
_SEO_SEP: re.Pattern[str]
_NUMBER: re.Pattern[str]
_TAIL_STRONG: re.Pattern[str]
_COPYRIGHT_START: re.Pattern[str]
_ALL_RIGHTS: re.Pattern[str]
_NOTICE: re.Pattern[str]
_TAIL_WEAK: re.Pattern[str]
_SEO_STOP: re.Pattern[str]
_DIGIT: re.Pattern[str]
_WIDGET_REST: re.Pattern[str]
_BP_READY = False


def _compile_boilerplate() -> None:
    global _SENTENCE_PUNCT, _FULL_DATE, _IMAGE_LINE, _WIDGET_WORDS, _WIDGET_ANCHOR, _SHARE_LINE, _BREADCRUMB_HEAD
    global _BREADCRUMB_SEP, _MENU_SEP, _SEO_SEP, _NUMBER, _TAIL_STRONG, _COPYRIGHT_START, _ALL_RIGHTS, _NOTICE
    global _TAIL_WEAK, _SEO_STOP, _DIGIT, _WIDGET_REST, _BP_READY
    if _BP_READY:
        return
    _SENTENCE_PUNCT = re.compile(r"[。！？；：，“”\"!?;:]|[.,](?!\d)")
    _FULL_DATE = re.compile(
        r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"
        r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
        r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d"
        r"|\b\d{1,2}:\d\d\b")
    _IMAGE_LINE = re.compile(r"^\s*!?\[?[\w\-. ()（）]*\.(?:png|jpe?g|gif|webp|bmp|svg|tiff?)\]?\s*$", re.IGNORECASE)
    _WIDGET_WORDS = re.compile(r"小字号|中字号|大字号|字号|字体|打印本页|打印|关闭窗口|关闭|返回顶部|回到顶部"
                               r"|收藏本文|纠错|back to top|print this page|advertisement", re.IGNORECASE)
    _WIDGET_ANCHOR = re.compile(r"字号|字体|打印|返回顶部|回到顶部|back to top|advertisement", re.IGNORECASE)
    _SHARE_LINE = re.compile(r"^(?:分享到|分享至|扫一扫|Share (?:this|on|via|to)\b|Share$|Follow us\b)", re.IGNORECASE)
    _BREADCRUMB_HEAD = re.compile(r"(?:您当前的位置|您的位置|当前位置|所在位置|现在位置|当前的位置)\s*[:：]")
    _BREADCRUMB_SEP = re.compile(r"\s*(?:>>|>|»|›|＞)\s*")
    _MENU_SEP = re.compile(r"\s*[|｜•]\s*")
    _SEO_SEP = re.compile(r"[,，|_]")
    _NUMBER = re.compile(r"[\d.,%\s]+\S?")
    _TAIL_STRONG = re.compile(
        r"(?:推荐阅读|相关阅读|相关新闻|相关文章|相关报道|相关链接|延伸阅读|热点推荐|热门推荐|精彩推荐|猜你喜欢|往期回顾|更多精彩"
        r"|分享让更多人看到|related (?:stories|articles|news|coverage|content|reading|posts|links)"
        r"|read more|more stories"
        r"|recommended(?: for you| stories| reading)?|you may also like|most read|most popular"
        # a press release's trailer: notes and contacts for journalists, not the story
        r"|notes? (?:to|for) editors|editor'?s notes?|media (?:contacts?|enquiries|inquiries)|press contacts?)",
        re.IGNORECASE)
    _COPYRIGHT_START = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
    _ALL_RIGHTS = re.compile(r"all rights reserved", re.IGNORECASE)
    _NOTICE = re.compile(r"版权声明|免责声明|转载声明|版权所有")
    _TAIL_WEAK = re.compile(
        r"^[(（【\[]?\s*(?:(?:责编|责任编辑|编辑|主编|审核|审校|校对|值班编辑|编审|监制|终审|初审)\s*[:：]"
        r"|(?:editor|edited by|editing by|reporting by|writing by)\b)", re.IGNORECASE)
    _SEO_STOP = re.compile(r"[。！？；：“”\"!?;:%％]|\d\.\d")
    _DIGIT = re.compile(r"\d")
    _WIDGET_REST = re.compile(r"[大中小|/:：\s【】\[\]()（）]")
    _BP_READY = True


_BRACKETS = "【】[]()（）《》<>:： \t"


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the "\\n"."""
    out = []
    pos = 0
    for part in text.split("\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _is_dateline(line: str) -> bool:
    return len(line) <= 100 and bool(_FULL_DATE.search(line))


def _is_prose(line: str, min_len: int) -> bool:
    return len(line.strip()) >= min_len and bool(_SENTENCE_PUNCT.search(line))


def _is_seo(line: str) -> bool:
    parts = [p.strip() for p in _SEO_SEP.split(line)]
    if len(parts) < 4 or not all(2 <= len(p) <= 20 for p in parts):
        return False
    if _SEO_STOP.search(line):
        return False
    with_han = sum(1 for p in parts if any(map(_is_han, p)))
    with_digit = sum(1 for p in parts if _DIGIT.search(p))
    return 2 * with_han >= len(parts) and 2 * with_digit < len(parts)


def _is_nav(line: str) -> bool:
    s = line.strip()
    if len(s) <= 80 and _BREADCRUMB_HEAD.search(s):
        return True
    if len(s) > 120 or _SENTENCE_PUNCT.search(s.replace(":", "").replace("：", "")):
        return False
    crumbs = _BREADCRUMB_SEP.split(s)
    if (len(crumbs) >= 2 and len(s) <= 60 and all(1 <= len(p) <= 15 for p in crumbs)
            and all(_wordy(p) and not _NUMBER.fullmatch(p) for p in crumbs)):
        return True
    menu = _MENU_SEP.split(s)
    if (len(menu) >= 3 and not s.startswith(("|", "｜")) and all(1 <= len(p) <= 20 for p in menu)
            and all(len(p.split()) <= 4 and _wordy(p) and not _NUMBER.fullmatch(p) for p in menu)):
        return True
    words = s.split()
    return (len(words) >= 4 and all(len(w) <= 6 for w in words)
            and 4 * sum(1 for w in words if any(map(_is_han, w))) >= 3 * len(words))


def _is_widget(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 30:
        return False
    if _SHARE_LINE.search(s):
        return True
    rest = _WIDGET_WORDS.sub("", s)
    rest = _WIDGET_REST.sub("", rest)
    return not rest and bool(_WIDGET_ANCHOR.search(s))


def _core(line: str) -> str:
    return line.strip().strip(_BRACKETS).strip()


def _is_strong_tail(line: str) -> bool:
    core = _core(line)
    if not core or len(core) > 120:
        return False
    if len(core) <= 40 and _TAIL_STRONG.fullmatch(core.rstrip(":：>»›. ")):
        return True
    return _is_copyright(core)


def _is_copyright(core: str) -> bool:
    """A copyright or notice line (not a sentence that merely mentions copyright)."""
    if len(core) > 120:
        return False
    if len(core) <= 40 and _NOTICE.search(core):
        return True
    return bool(_COPYRIGHT_START.search(core) or _ALL_RIGHTS.search(core))


def _boilerplate_edits(text: str) -> list[_Edit]:
    _compile_boilerplate()
    lines = text.split("\n")
    strips = list(map(str.strip, lines))
    drop: dict[int, str] = {}
    kept_any = False
    # Each check is guarded by the length limit it starts with (a long prose line skips them all).
    for k, line in enumerate(lines):
        st = strips[k]
        if not st:
            continue
        if len(line) <= 100 and _DIGIT.search(line) and _FULL_DATE.search(line):  # a dateline: kept
            kept_any = True
            continue
        # A file name; on a long line the pattern backtracks.
        if len(line) <= 300 and "." in line and _IMAGE_LINE.match(line):
            drop[k] = "image"
        elif len(st) <= 30 and _is_widget(line):
            drop[k] = "widget"
        elif len(st) <= 120 and _is_nav(line):
            drop[k] = "navigation"
        elif _is_copyright(st.strip(_BRACKETS).strip()):
            drop[k] = "copyright"  # or the start of the tail, decided below
        elif not kept_any and _is_seo(line):
            drop[k] = "seo"
        else:
            kept_any = True
    # "Menu" lines that are really a plain-text table: a run of two or more adjacent bar lines with the same
    # number of cells, one of them with figures in two cells (線路｜全長｜用時 over 京津城際｜約120公里｜30分鐘).
    # A lone line of counters (转发 286 ｜ 评论 131 ｜ 赞 1024) or a menu stays navigation.
    cells = {k: len(_MENU_SEP.split(strips[k])) for k, why in drop.items() if why == "navigation"}
    for k in sorted(cells):
        if k - 1 in cells and cells[k - 1] == cells[k]:
            continue  # not the first line of its run
        run = [k]
        while run[-1] + 1 in cells and cells[run[-1] + 1] == cells[k]:
            run.append(run[-1] + 1)
        if cells[k] >= 3 and len(run) >= 2 and any(
                sum(1 for p in _MENU_SEP.split(strips[j]) if _DIGIT.search(p)) >= 2 for j in run):
            for j in run:
                del drop[j]
    # The tail: from the first qualifying marker line on.
    tail: int | None = None
    prose_before = False
    for k, line in enumerate(lines):
        st = strips[k]
        if not st or drop.get(k, "copyright") != "copyright":
            continue
        if prose_before:
            if _is_strong_tail(line):
                tail = k
                break
            if len(st) <= 60 and _TAIL_WEAK.search(st):
                quiet = True
                for k2 in range(k + 1, len(lines)):
                    if drop.get(k2, "copyright") != "copyright":
                        continue
                    other = lines[k2]
                    if _is_strong_tail(other):
                        break
                    if _is_prose(other, 40):
                        quiet = False
                        break
                if quiet:
                    tail = k
                    break
        elif len(st) >= 20 and _SENTENCE_PUNCT.search(line):
            prose_before = True
    edits: list[_Edit] = []
    if not drop and tail is None:
        return edits
    n = len(text)
    pos = 0
    for k, line in enumerate(lines):
        if tail is not None and k >= tail:
            edits.append(_Edit(pos, n, "\n", POINT, "tail"))
            break
        end = pos + len(line)
        reason = drop.get(k)
        if reason:
            edits.append(_Edit(pos, min(end + 1, n), "\n", POINT, reason))
        pos = end + 1
    return edits


# ------------------------------------------------------------------ driver

_MAX_ROUNDS = 4  # step 7: rounds after the first (real articles need none; garbage converges in one or two)


def _after_garble(cur: _Text, result: _Result) -> _Text:
    """Steps 2-6."""
    cur = _drop(cur, _pinyin_spans(cur.text), "pinyin", result)
    cur = _t2s(cur)
    cur = _fold(cur, result)
    cur = _drop(cur, _rejoin_spans(cur.text), None, result)
    return _apply(cur, _boilerplate_edits(cur.text), result)


def normalize(text: str, fmt: str = "text") -> Normalized:
    """Clean, simplified text for matching plus the map back to ``text`` (see module docstring)."""
    result = _Result()
    cur = _identity(text)
    if fmt == "html":
        cur = _from_html(text, result)
    elif fmt == "markdown":
        cur = _from_markdown(cur, result)
    original = text if fmt not in ("html", "markdown") else None
    cur = _fold(cur, result)  # garble reads folded forms (as in the seeds)
    read = cur.text
    edits = _garble_edits(cur, result, original)
    cur = _after_garble(_apply(cur, edits, result), result)
    # Step 7: until a second normalize() would change nothing. Nothing to do when the text is still what the
    # detector read (no run changed it, steps 2-6 neither): a second normalize() would repeat this one exactly.
    rounds = _MAX_ROUNDS if cur.text != read else 0
    for _ in range(rounds):
        edits = _garble_edits(cur, result, original, again=True)
        if not edits and not (("(" in cur.text or "（" in cur.text) and PINYIN.search(cur.text)):
            break
        cur = _after_garble(_apply(cur, edits, result), result)
    return Normalized(
        text=cur.text, starts=tuple(cur.starts), ends=tuple(cur.ends),
        repairs=tuple(sorted((r for r in result.repairs if _visible(cur, r.start, r.end)),
                             key=lambda r: (r.start, r.end))),
        unreadable=tuple(sorted((u for u in result.unreadable if _visible(cur, u.start, u.end)),
                                key=lambda u: (u.start, u.end))),
        dropped=tuple(sorted(set(result.dropped))),
    )


def _visible(cur: _Text, start: int, end: int) -> bool:
    """Does some normalized character still come from ORIGINAL [start, end)?"""
    j = bisect_left(cur.starts, start)
    if j < len(cur.starts) and cur.starts[j] < end and cur.ends[j] > cur.starts[j]:
        return True
    return j > 0 and cur.ends[j - 1] > start


bind_lazy(globals())
