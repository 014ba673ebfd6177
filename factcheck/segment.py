"""Split NORMALIZED text into sentences and clauses.

Sentences end at ``。！？!?`` (any run of them, plus the closing quotes or brackets right
after: ``。”`` belongs to the sentence it closes) and at line breaks. English sentences end
at ``. ! ?`` followed by white space and a capital letter, digit, quote or the end of
the line — never at a decimal point (``38.6``), inside ``PM2.5``, or after an
abbreviation (``e.g.``, ``U.S.``, ``Dr.``, ``No.``, ``Jan.``, single initials).
A hard-wrapped English line that ends mid-sentence (next line starting in lower case)
continues the sentence.

Clauses split a sentence at ``, ， ; ； : ： 、`` — except a comma inside a number
(``1,100``) or a colon inside a clock time (``07:30``). ``;`` is a clause break, not a
sentence break: ``2023年数据显示,北京…32…;河北…38.6…`` stays one sentence so that its
leading year reaches every clause.

``paragraph`` numbers the blocks separated by line breaks (a soft-wrapped English line
stays in its paragraph). ``heading`` marks a short line (≤ 36 characters of CJK text or
≤ 80 characters / 12 words of Latin text) that stands alone as a paragraph, has no
sentence punctuation, and is not a dateline/source line or a list item; Markdown ``#``
lines are always headings.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from factcheck.models import Clause, Sentence
from factcheck.numbers import bind_lazy, lazy_re

CJK_HEADING_MAX = 36
LATIN_HEADING_MAX = 80
LATIN_HEADING_WORDS = 12

_CLOSERS = "”’」』）)]\"'》】"
_TERMINATORS = "。！？!?"
# A run of CJK/ASCII terminators (a lone ASCII !/? included), with the closers after it.
_CJK_END = lazy_re(r"(?:[。！？]|[!?])[。！？!?…]*[" + re.escape(_CLOSERS) + r"]*")
# An English full stop: "." (or "!"/"?") + closers, then space + a sentence start, or end of line.
_EN_END = lazy_re(r"\.[" + re.escape(_CLOSERS) + r"]*(?=[ \t]+[\"“‘'(\[]?[A-Z0-9\u4e00-\u9fff]|[ \t]*$)")
_ABBREVIATIONS = frozenset(str.split(
    "mr mrs ms dr prof st no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp gov "
    "sen rep gen lt col sgt jr sr approx est fig vol pp cf al mt ft dept univ assn bros ave blvd rd"
))
_CLAUSE_SEP = re.compile(r"[，；：、,;:]")
# Where a sentence may end: everything else is skipped at C speed.
_STOP_CANDIDATE = re.compile(r"[。！？!?.]")
_MD_HEADING = lazy_re(r"[ \t]*#{1,6}[ \t]+")
_LIST_ITEM = lazy_re(r"[ \t]*(?:[-*+•·][ \t]|\d{1,3}[.、)][ \t]?|[(（]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
_NOT_HEADING = lazy_re(
    r"\d{1,2}:\d{2}|来源|来自|编辑|作者|记者|稿件|责任编辑|source:|updated|published|posted|"
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}",
    re.IGNORECASE,
)
_CJK_LO, _CJK_HI = "\u3400", "\u9fff"  # CJK as this module means it (a regex class this wide costs ms to compile)
_THOUSANDS = re.compile(r"\d{3}(?!\d)")
_ENDS_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz,")
_NEXT_LOWER = lazy_re(r"[ \t]*[a-z0-9(]")


def _is_cjk(c: str) -> bool:
    return _CJK_LO <= c <= _CJK_HI


def _has_cjk(s: str) -> bool:
    return any(_CJK_LO <= c <= _CJK_HI for c in s)


_DIGIT = re.compile(r"\d")
_NOT_HEADING_WORDS = ("source:", "updated", "published", "posted")
_CASE_FOLD_EXOTIC = ("\u0130", "\u0131", "\u212a", "\u017f")  # İ ı K ſ: match ASCII letters under IGNORECASE


def _not_heading(body: str) -> bool:
    """``_NOT_HEADING.search(body)``, skipped when ``body`` holds none of what each of its forms needs
    (a digit, 来, 编, 作, 记, 稿, 责 or one of its English words)."""
    if (_DIGIT.search(body) is None and not any(c in body for c in "来编作记稿责")
            and not any(c in body for c in _CASE_FOLD_EXOTIC)):
        low = body.lower()
        if not any(w in low for w in _NOT_HEADING_WORDS):
            return False
    return _NOT_HEADING.search(body) is not None


def _has_wordish(s: str) -> bool:
    return any(("a" <= c <= "z") or ("A" <= c <= "Z") or (_CJK_LO <= c <= _CJK_HI) for c in s)


def sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> Sentence | None:
    """The sentence holding NORMALIZED offset ``pos`` (``starts`` = the sentences' starts, ascending)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return None
    s = sentences[i]
    return s if s.start <= pos < max(s.end, s.start + 1) else None


def segment(text: str) -> list[Sentence]:
    """Sentences (with clauses) of ``text``, in order; offsets index ``text``."""
    sentences: list[Sentence] = []
    paragraph = -1
    pos = 0
    n = len(text)
    pending: tuple[int, int] | None = None  # an open English sentence continued on the next line
    prev_soft = False
    while pos <= n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        line = text[pos:line_end]
        if line.strip():
            if not prev_soft:
                paragraph += 1
            pending = _split_line(text, pos, line_end, paragraph, sentences, pending)
            prev_soft = pending is not None
        else:
            if pending is not None:
                _emit(text, pending[0], pending[1], paragraph, sentences)
                pending = None
            prev_soft = False
        if nl < 0:
            break
        pos = nl + 1
    if pending is not None:
        _emit(text, pending[0], pending[1], paragraph, sentences)
    _mark_headings(text, sentences)
    return sentences


def _split_line(text: str, start: int, end: int, paragraph: int, out: list[Sentence],
                pending: tuple[int, int] | None) -> tuple[int, int] | None:
    """Emit the sentences of one line; return an unfinished English sentence to continue."""
    sent_start = pending[0] if pending is not None else start
    for stop in _sentence_ends(text, start, end):
        _emit(text, sent_start, stop, paragraph, out)
        sent_start = stop
    if not text[max(sent_start, start):end].strip():
        return None
    if _continues(text, max(sent_start, start), end):
        return (sent_start, end)
    _emit(text, sent_start, end, paragraph, out)
    return None


def _continues(text: str, start: int, end: int) -> bool:
    """A hard-wrapped English line: it stops mid-sentence and the next line goes on in lower case."""
    line = text[start:end].rstrip()
    # (line is stripped: "[a-z,]$" is its last character)
    if not line or _is_cjk(line[-1]) or line[-1] in _TERMINATORS + ".:;" or _MD_HEADING.match(text, start):
        return False
    if line[-1] not in _ENDS_LOWER or len(line.split()) < 4:
        return False
    nxt = text[end + 1: end + 200] if end < len(text) else ""
    return bool(_NEXT_LOWER.match(nxt)) and not _LIST_ITEM.match(nxt)


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends: list[int] = []
    i = start
    find = _STOP_CANDIDATE.search
    while i < end:
        cand = find(text, i, end)
        if cand is None:
            break
        i = cand.start()  # characters before it can neither end a sentence nor be skipped differently
        c = text[i]
        if c in "!?" and i + 1 < end and text[i + 1].isascii() and (text[i + 1].isalnum() or text[i + 1] in "=&"):
            i += 1  # a URL query or "Yahoo!Finance", not a sentence end
            continue
        if c in "。！？!?":
            m = _CJK_END.match(text, i, end)
            stop = m.end() if m else i + 1
            ends.append(stop)
            i = stop
            continue
        if c == "." and _is_english_stop(text, i, start, end):
            m = _EN_END.match(text, i, end)
            if m:
                ends.append(m.end())
                i = m.end()
                continue
        i += 1
    return ends


def _is_english_stop(text: str, i: int, line_start: int, line_end: int) -> bool:
    if i + 1 < line_end and text[i + 1].isdigit():
        return False  # 38.6, PM2.5
    if i + 1 < line_end and text[i + 1] not in " \t" + _CLOSERS:
        return False  # U.S., e.g., example.com
    if not _EN_END.match(text, i, line_end):
        return False
    j = i
    while j > line_start and (text[j - 1].isalpha() and text[j - 1].isascii()):
        j -= 1
    word = text[j:i]
    if word.lower() in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():
        return False  # initials, U.S., e.g.
    if j > line_start and text[j - 1] == "." and len(word) <= 2:
        return False  # the last letter group of U.S. / a.m.
    if j == i and i > line_start and text[i - 1].isdigit():
        # "No. 5." or "in 2023." — a number ends the sentence unless it is a list marker at line start
        return bool(text[line_start:i].strip(" \t0123456789"))
    return True


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    # (positional: index, start, end, text, paragraph, clauses; keywords cost twice as much)
    out.append(Sentence(len(out), start, end, text[start:end], paragraph, _clauses(text, start, end)))


def _clauses(text: str, start: int, end: int) -> tuple[Clause, ...]:
    out: list[Clause] = []
    cut = start
    for m in _CLAUSE_SEP.finditer(text, start, end):
        i = m.start()
        c = text[i]
        if c == "," and i > start and text[i - 1].isdigit() and _THOUSANDS.match(text[i + 1: i + 5]):
            continue  # 1,100
        if c in ":：" and i > start and text[i - 1].isdigit() and i + 1 < end and text[i + 1].isdigit():
            continue  # 07:30
        if cut < i and not text[cut].isspace() and not text[i - 1].isspace():
            out.append(Clause(cut, i, text[cut:i]))  # what _add_clause does when there is nothing to strip
        else:
            _add_clause(text, cut, i, out)
        cut = i + 1
    _add_clause(text, cut, end, out)
    return tuple(out)


def _add_clause(text: str, start: int, end: int, out: list[Clause]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Clause(start, end, text[start:end]))


def _mark_headings(text: str, sentences: list[Sentence]) -> None:
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)
    for indexes in by_paragraph.values():
        if len(indexes) != 1:
            continue
        i = indexes[0]
        s = sentences[i]
        if _is_heading(text, s):
            sentences[i] = Sentence(s.index, s.start, s.end, s.text, s.paragraph, s.clauses, heading=True)


def _is_heading(text: str, s: Sentence) -> bool:
    line_start = text.rfind("\n", 0, s.start) + 1
    if _MD_HEADING.match(text, line_start):
        return True
    body = s.text.strip()
    if len(body) > max(CJK_HEADING_MAX, LATIN_HEADING_MAX):
        return False  # too long for a heading whatever its script (the last test below); keeps the rest cheap
    if not _has_wordish(body) or body[-1] in _TERMINATORS + ".;；:：,，":
        return False
    if any(c in body for c in _TERMINATORS + ";；") or _LIST_ITEM.match(body) or _not_heading(body):
        return False
    if body.startswith("|") or body.startswith("---"):
        return False
    if _has_cjk(body):
        return len(body) <= CJK_HEADING_MAX
    return len(body) <= LATIN_HEADING_MAX and len(body.split()) <= LATIN_HEADING_WORDS


bind_lazy(globals())
