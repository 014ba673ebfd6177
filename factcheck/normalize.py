"""ORIGINAL text -> :class:`~factcheck.models.Normalized`: clean simplified text plus an exact offset map.

Every later stage matches against the normalized text; every normalized character
maps back to the ORIGINAL span it came from (``starts[i]``/``ends[i]``), so a claim
found in clean text is reported at its real line and column.

Steps (../shared/notes/seed-text.md gives the order and why):

0. Format: HTML -> text (html.parser, entities mapped to their spans); Markdown ->
   front matter, code blocks, comments and link targets dropped.
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

Each step is a list of edits on the current text; applying an edit composes the
offset maps, so no step needs to know about the others.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from factcheck.models import Normalized, Repair, Unreadable

# ------------------------------------------------------------------ mapped text


@dataclass
class _Text:
    """A text plus, per character, the ORIGINAL half-open span it came from."""

    text: str
    starts: list[int]
    ends: list[int]
    size: int  # length of the ORIGINAL text


def _identity(text: str) -> _Text:
    n = len(text)
    return _Text(text, list(range(n)), list(range(1, n + 1)), n)


ONE = "one"  # replacement of the same length: character i keeps the span of source character i
SPAN = "span"  # every replacement character maps to the whole source span
POINT = "point"  # the replacement stands for dropped material: an empty range where it was


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str = ""
    mode: str = SPAN
    reason: str | None = None  # recorded in Normalized.dropped when set


class _Result:
    """Collects what the steps record, in ORIGINAL offsets."""

    def __init__(self) -> None:
        self.dropped: list[tuple[int, int, str]] = []
        self.repairs: list[Repair] = []
        self.unreadable: list[Unreadable] = []


def _apply(src: _Text, edits: Iterable[_Edit], result: _Result) -> _Text:
    """Apply sorted, non-overlapping edits (an edit overlapping an earlier one is ignored)."""
    text, starts, ends = src.text, src.starts, src.ends
    n = len(text)
    pieces: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    pos = 0
    for ed in edits:
        a, b = ed.start, ed.end
        if a < pos or b < a or b > n:
            continue
        if a > pos:
            pieces.append(text[pos:a])
            out_s.extend(starts[pos:a])
            out_e.extend(ends[pos:a])
        if ed.reason is not None and a < b:
            result.dropped.append((starts[a], max(ends[b - 1], starts[a]), ed.reason))
        if ed.mode == ONE and len(ed.text) == b - a:
            pieces.append(ed.text)
            out_s.extend(starts[a:b])
            out_e.extend(ends[a:b])
        elif ed.text:
            last_s = out_s[-1] if out_s else 0
            last_e = out_e[-1] if out_e else 0
            if ed.mode == POINT or a == b:
                p = starts[a] if a < n else src.size
                s = max(last_s, p)
                e = max(last_e, s)
            else:
                s = max(last_s, starts[a])
                e = max(last_e, ends[b - 1], s)
            pieces.append(ed.text)
            out_s.extend([s] * len(ed.text))
            out_e.extend([e] * len(ed.text))
        pos = b
    if pos < n:
        pieces.append(text[pos:])
        out_s.extend(starts[pos:])
        out_e.extend(ends[pos:])
    return _Text("".join(pieces), out_s, out_e, src.size)


def _regex_edits(pattern: re.Pattern[str], text: str, replace: Callable[[re.Match[str]], str] | str = "",
                 mode: str = SPAN, reason: str | None = None) -> list[_Edit]:
    out = []
    for m in pattern.finditer(text):
        rep = replace if isinstance(replace, str) else replace(m)
        if rep != m.group(0):
            out.append(_Edit(m.start(), m.end(), rep, mode, reason))
    return out


# ------------------------------------------------------------------ 0. formats

_HTML_SKIP = frozenset({"script", "style", "nav", "footer", "head", "title", "noscript", "template", "svg",
                        "iframe", "aside", "select", "button"})
_HTML_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "thead",
                         "tbody", "tfoot", "section", "article", "header", "main", "blockquote", "pre", "hr", "dd",
                         "dt", "dl", "figure", "figcaption", "form", "fieldset", "address", "caption", "details",
                         "summary", "body", "html"})
_HTML_CELL = frozenset({"td", "th"})


class _HTMLText(HTMLParser):
    """Text of an HTML document, each character mapped to its ORIGINAL span."""

    def __init__(self, src: str) -> None:
        super().__init__(convert_charrefs=False)
        self.src = src
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", src))]
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.skip: list[str] = []
        self.skip_from = 0
        self.pre = 0
        self.space: tuple[int, int] | None = None
        self.dropped: list[tuple[int, int, str]] = []

    def pos(self) -> int:
        line, col = self.getpos()
        return min(self.line_starts[min(line, len(self.line_starts)) - 1] + col, len(self.src))

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
        if not self.pre and ch in " \t\n\r\f\v":
            self.space = (self.space[0], e) if self.space else (s, e)
            return
        if self.space is not None:
            if self.chars and self.chars[-1] != "\n":
                self.emit(" ", *self.space)
            self.space = None
        self.emit(ch, s, e)

    def newline(self, p: int, force: bool = False) -> None:
        if self.skip:
            return
        self.space = None
        if self.chars and (force or self.chars[-1] != "\n"):
            self.emit("\n", p, p)

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
            for i, ch in enumerate(data):
                self.text_char(ch, p + i, p + i + 1)
        else:  # not expected: keep the text, anchored where the parser says it is
            for ch in data:
                self.text_char(ch, p, p)

    def _ref(self, raw: str) -> None:
        if self.skip:
            return
        import html

        p = self.pos()
        end = p + len(raw) + (1 if self.src.startswith(";", p + len(raw)) else 0)
        decoded = html.unescape(self.src[p:end]) if self.src.startswith(raw, p) else html.unescape(raw + ";")
        for ch in decoded:
            self.text_char(ch, p, end)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name}")


def _from_html(text: str, result: _Result) -> _Text:
    parser = _HTMLText(text)
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser may still choke on hostile markup: fall back to the raw text
        return _identity(text)
    if parser.skip:  # an element never closed: record what it swallowed
        parser.dropped.append((parser.skip_from, len(text), f"html-{parser.skip[0]}"))
    result.dropped.extend(parser.dropped)
    return _Text("".join(parser.chars), parser.starts, parser.ends, len(text))


_FENCE_OPEN = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Bounded and "[" excluded from the link text: "[[[[…" or "[a]([a]([a](…" must not rescan the line from every "[".
_MD_LINK = re.compile(r"(!?\[)([^\[\]\n]{0,1000})(\]\((?:<[^>\n]{0,2048}>|[^)\s\[\]]{0,2048})"
                      r"(?:[ \t]+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?[ \t]*\)|\]\[[^\]\n]{0,500}\])")
_MD_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.MULTILINE)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


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
    i = 0
    prev_blank = True
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        if s < pos:
            i += 1
            continue
        m = _FENCE_OPEN.match(line)
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
            if not _HAN.search(block):  # an indented Chinese paragraph is prose, not code
                edits.append(_Edit(s, lines[j - 1][1], "\n", POINT, "code"))
                i = j
                prev_blank = False
                continue
        prev_blank = not line.strip()
        i += 1
    taken = [(ed.start, ed.end) for ed in edits]
    for pattern, reason in ((_HTML_COMMENT, "comment"), (_MD_REF_DEF, "link")):
        for m in pattern.finditer(text):
            if not _overlaps(taken, m.start(), m.end()):
                edits.append(_Edit(m.start(), m.end(), "", SPAN, reason))
                taken.append((m.start(), m.end()))
    return sorted(edits, key=lambda ed: ed.start)


def _overlaps(spans: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def _from_markdown(src: _Text, result: _Result) -> _Text:
    cur = _apply(src, _markdown_blocks(src.text), result)
    edits = []
    for m in _MD_LINK.finditer(cur.text):
        edits.append(_Edit(m.start(1), m.end(1), "", SPAN, "link"))
        edits.append(_Edit(m.start(3), m.end(3), "", SPAN, "link"))
    return _apply(cur, edits, result)


# ------------------------------------------------------------------ 1. garbled runs


def _find_runs(text: str) -> list[Any]:
    from factcheck import garble

    try:
        return list(garble.find_runs(text))
    except NotImplementedError:  # garble detection not available yet: nothing found
        return []


_FFFD_RUN = re.compile("\ufffd+")


def _garble_edits(cur: _Text, result: _Result, original: str | None) -> list[_Edit]:
    """Edits for garbled runs; ``original`` is given when it holds the runs as written (plain text)."""
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
        os, oe = cur.starts[a], max(cur.ends[b - 1], cur.starts[a])
        garbled = original[os:oe] if original is not None else text[a:b]
        restored = run.restored
        if isinstance(restored, str):
            result.repairs.append(Repair(os, oe, garbled, restored))
            edits.append(_Edit(a, b, restored, SPAN))
        else:
            result.unreadable.append(Unreadable(os, oe, garbled))
            edits.append(_Edit(a, b, "\ufffd" * (b - a), ONE))
    for m in _FFFD_RUN.finditer(text):
        if not _overlaps(covered, m.start(), m.end()):
            os, oe = cur.starts[m.start()], cur.ends[m.end() - 1]
            result.unreadable.append(Unreadable(os, oe, original[os:oe] if original is not None else m.group(0)))
    return edits


# ------------------------------------------------------------------ 2. pinyin

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# Glued to the character before it; at least one tone mark, so (PM2.5) or (see) survive.
PINYIN = re.compile(rf"(?<=\S)[(（](?=[a-zü{TONE_VOWELS}]*[{TONE_VOWELS}])[a-zü{TONE_VOWELS}]{{1,6}}[)）]")


# ------------------------------------------------------------------ 3. traditional -> simplified

# The GB2312 characters that OpenCC t2s changes on their own (tests/test_normalize.py
# checks this against OpenCC); every other GB2312 character is left as it is.
_GB2312_CHANGED = "乾菸薹拚捱摺吒後徵夥榘於袷麴醣麽"
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


@lru_cache(maxsize=1)
def _gb2312_unchanged() -> frozenset[str]:
    chars: set[str] = set()
    for lead in range(0xA1, 0xF8):
        row = bytes(b for lo in range(0xA1, 0xFF) for b in (lead, lo))
        chars.update(row.decode("gb2312", errors="replace"))
    return frozenset(chars - set(_GB2312_CHANGED) - {"\ufffd"})


def needs_t2s(text: str) -> bool:
    """True when ``text`` has a Han character that OpenCC t2s might change (cheap, no OpenCC)."""
    safe = _gb2312_unchanged()
    return any(ch not in safe for run in _HAN_RUN.findall(text) for ch in run)


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _t2s_edits(text: str) -> list[_Edit]:
    if not needs_t2s(text):
        return []
    cc = _converter()
    safe = _gb2312_unchanged()
    edits = []
    for m in _HAN_RUN.finditer(text):
        run = m.group(0)
        if all(ch in safe for ch in run):
            continue
        out = cc.convert(run)
        if len(out) != len(run):  # a phrase changed length: character by character keeps 1:1
            out = "".join(c if len(c := cc.convert(ch)) == 1 else ch for ch in run)
        if out != run:
            edits.append(_Edit(m.start(), m.end(), out, ONE))
    return edits


# ------------------------------------------------------------------ 4. folding

_FOLD = re.compile("\r\n|[\r\uff01-\uff5e\u3000\u00a0\u202f\u2000-\u200a\u200b\u2060\ufeff]")
_INVISIBLE = "\u200b\u2060\ufeff"


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


def _fold_edits(text: str) -> list[_Edit]:
    return _regex_edits(_FOLD, text, _fold_one, SPAN)


# ------------------------------------------------------------------ 5. spaced Latin tokens

_SPACED_RUN = re.compile(r"(?<![A-Za-z0-9.])[A-Za-z0-9.]+(?: [A-Za-z0-9.]+)+(?![A-Za-z0-9.])")
_PM25 = re.compile(r"(?<![A-Za-z])PM (?=2\.5(?![\d.]))")
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
    return bool(_HAN.match(ch)) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’—…·"


def _token_ok(tok: str) -> bool:
    return len(tok) <= 4 and any(c.isalpha() for c in tok) and not tok.startswith(".") and ".." not in tok


def _rejoin_edits(text: str) -> list[_Edit]:
    edits: list[_Edit] = []
    for m in _SPACED_RUN.finditer(text):
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
            start, end = group[0][0], group[-1][0] + len(group[-1][1])
            left = i == 0 and _cjk_side(text, start - 1, -1)
            right = j == len(toks) - 1 and _cjk_side(text, end, 1)
            if len(group) >= 2 and 2 * singles >= len(group) and len(joined) >= 3 and (left or right):
                edits.extend(_Edit(q - 1, q, "", SPAN) for q, _ in group[1:])
            i = j + 1
    edits.extend(_Edit(m.end() - 1, m.end(), "", SPAN) for m in _PM25.finditer(text))
    return sorted(set(edits), key=lambda ed: ed.start)


# ------------------------------------------------------------------ 6. boilerplate

_SENTENCE_PUNCT = re.compile(r"[。！？；：，“”\"!?;:]|[.,](?!\d)")
_FULL_DATE = re.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d"
    r"|\b\d{1,2}:\d\d\b")
_IMAGE_LINE = re.compile(r"^\s*!?\[?[\w\-. ()（）]*\.(?:png|jpe?g|gif|webp|bmp|svg|tiff?)\]?\s*$", re.IGNORECASE)
_WIDGET_WORDS = re.compile(r"小字号|中字号|大字号|字号|字体|打印本页|打印|关闭窗口|关闭|返回顶部|回到顶部|收藏本文|纠错"
                           r"|back to top|print this page|advertisement", re.IGNORECASE)
_WIDGET_ANCHOR = re.compile(r"字号|字体|打印|返回顶部|回到顶部|back to top|advertisement", re.IGNORECASE)
_SHARE_LINE = re.compile(r"^(?:分享到|分享至|扫一扫|Share (?:this|on|via|to)\b|Share$|Follow us\b)", re.IGNORECASE)
_BREADCRUMB_HEAD = re.compile(r"(?:您当前的位置|您的位置|当前位置|所在位置|现在位置|当前的位置)\s*[:：]")
_BREADCRUMB_SEP = re.compile(r"\s*(?:>>|>|»|›|＞)\s*")
_MENU_SEP = re.compile(r"\s*[|｜•]\s*")
_SEO_SEP = re.compile(r"[,，|_]")
_WORDY = re.compile(r"[A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")
_NUMBER = re.compile(r"[\d.,%\s]+\S?")

_TAIL_STRONG = re.compile(
    r"(?:推荐阅读|相关阅读|相关新闻|相关文章|相关报道|相关链接|延伸阅读|热点推荐|热门推荐|精彩推荐|猜你喜欢|往期回顾|更多精彩"
    r"|分享让更多人看到|related (?:stories|articles|news|coverage|content|reading|posts|links)|read more|more stories"
    r"|recommended(?: for you| stories| reading)?|you may also like|most read|most popular)",
    re.IGNORECASE)
_COPYRIGHT_START = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_ALL_RIGHTS = re.compile(r"all rights reserved", re.IGNORECASE)
_NOTICE = re.compile(r"版权声明|免责声明|转载声明|版权所有")
_TAIL_WEAK = re.compile(
    r"^[(（【\[]?\s*(?:(?:责编|责任编辑|编辑|主编|审核|审校|校对|值班编辑|编审|监制|终审|初审)\s*[:：]"
    r"|(?:editor|edited by|editing by|reporting by|writing by)\b)", re.IGNORECASE)
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
    if re.search(r"[。！？；：“”\"!?;:%％]|\d\.\d", line):
        return False
    with_han = sum(1 for p in parts if _HAN.search(p))
    with_digit = sum(1 for p in parts if re.search(r"\d", p))
    return 2 * with_han >= len(parts) and 2 * with_digit < len(parts)


def _is_nav(line: str) -> bool:
    s = line.strip()
    if _BREADCRUMB_HEAD.search(s) and len(s) <= 80:
        return True
    if len(s) > 120 or _SENTENCE_PUNCT.search(s.replace(":", "").replace("：", "")):
        return False
    crumbs = _BREADCRUMB_SEP.split(s)
    if (len(crumbs) >= 2 and len(s) <= 60 and all(1 <= len(p) <= 15 for p in crumbs)
            and all(_WORDY.search(p) and not _NUMBER.fullmatch(p) for p in crumbs)):
        return True
    menu = _MENU_SEP.split(s)
    if (len(menu) >= 3 and not s.startswith(("|", "｜")) and all(1 <= len(p) <= 20 for p in menu)
            and all(len(p.split()) <= 4 and _WORDY.search(p) and not _NUMBER.fullmatch(p) for p in menu)):
        return True
    words = s.split()
    return (len(words) >= 4 and all(len(w) <= 6 for w in words)
            and 4 * sum(1 for w in words if _HAN.search(w)) >= 3 * len(words))


def _is_widget(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 30:
        return False
    if _SHARE_LINE.search(s):
        return True
    rest = _WIDGET_WORDS.sub("", s)
    rest = re.sub(r"[大中小|/:：\s【】\[\]()（）]", "", rest)
    return not rest and bool(_WIDGET_ANCHOR.search(s))


def _core(line: str) -> str:
    return line.strip().strip(_BRACKETS).strip()


def _is_strong_tail(line: str) -> bool:
    core = _core(line)
    if not core:
        return False
    if len(core) <= 40 and _TAIL_STRONG.fullmatch(core.rstrip(":：>»›. ")):
        return True
    return _is_copyright(core)


def _is_copyright(core: str) -> bool:
    """A copyright or notice line (not a sentence that merely mentions copyright)."""
    if len(core) <= 40 and _NOTICE.search(core):
        return True
    return len(core) <= 120 and bool(_COPYRIGHT_START.search(core) or _ALL_RIGHTS.search(core))


def _boilerplate_edits(text: str) -> list[_Edit]:
    lines = _lines(text)
    drop: dict[int, str] = {}
    kept_any = False
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        if not line.strip():
            continue
        if _is_dateline(line):
            kept_any = True
            continue
        if len(line) <= 300 and _IMAGE_LINE.match(line):  # a file name; on a long line the pattern backtracks
            drop[k] = "image"
        elif _is_widget(line):
            drop[k] = "widget"
        elif _is_nav(line):
            drop[k] = "navigation"
        elif _is_copyright(_core(line)):
            drop[k] = "copyright"  # or the start of the tail, decided below
        elif not kept_any and _is_seo(line):
            drop[k] = "seo"
        else:
            kept_any = True
    # The tail: from the first qualifying marker line on.
    tail: int | None = None
    prose_before = False
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        if drop.get(k, "copyright") != "copyright" or not line.strip():
            continue
        if prose_before and _is_strong_tail(line):
            tail = k
            break
        if prose_before and len(line.strip()) <= 60 and _TAIL_WEAK.search(line.strip()):
            rest = (text[s2:e2] for k2, (s2, e2) in enumerate(lines[k + 1:], k + 1)
                    if drop.get(k2, "copyright") == "copyright")
            quiet = True
            for other in rest:
                if _is_strong_tail(other):
                    break
                if _is_prose(other, 40):
                    quiet = False
                    break
            if quiet:
                tail = k
                break
        if _is_prose(line, 20):
            prose_before = True
    edits = []
    for k, (s, e) in enumerate(lines):
        if tail is not None and k >= tail:
            edits.append(_Edit(s, len(text), "\n", POINT, "tail"))
            break
        reason = drop.get(k)
        if reason:
            edits.append(_Edit(s, min(e + 1, len(text)), "\n", POINT, reason))
    return edits


# ------------------------------------------------------------------ driver


def normalize(text: str, fmt: str = "text") -> Normalized:
    """Clean, simplified text for matching plus the map back to ``text`` (see module docstring)."""
    result = _Result()
    cur = _identity(text)
    if fmt == "html":
        cur = _from_html(text, result)
    elif fmt == "markdown":
        cur = _from_markdown(cur, result)
    cur = _apply(cur, _fold_edits(cur.text), result)  # garble reads folded forms (as in the seeds)
    cur = _apply(cur, _garble_edits(cur, result, text if fmt not in ("html", "markdown") else None), result)
    cur = _apply(cur, _regex_edits(PINYIN, cur.text, "", SPAN, "pinyin"), result)
    cur = _apply(cur, _t2s_edits(cur.text), result)
    cur = _apply(cur, _fold_edits(cur.text), result)
    cur = _apply(cur, _rejoin_edits(cur.text), result)
    cur = _apply(cur, _boilerplate_edits(cur.text), result)
    return Normalized(
        text=cur.text, starts=tuple(cur.starts), ends=tuple(cur.ends),
        repairs=tuple(r for r in result.repairs if _visible(cur, r.start, r.end)),
        unreadable=tuple(u for u in result.unreadable if _visible(cur, u.start, u.end)),
        dropped=tuple(sorted(set(result.dropped))),
    )


def _visible(cur: _Text, start: int, end: int) -> bool:
    """Does some normalized character still come from ORIGINAL [start, end)?"""
    j = bisect_left(cur.starts, start)
    if j < len(cur.starts) and cur.starts[j] < end and cur.ends[j] > cur.starts[j]:
        return True
    return j > 0 and cur.ends[j - 1] > start
