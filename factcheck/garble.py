"""Detect and repair byte-shifted garbled runs (see ../shared/notes/seed-text.md, layer 1).

How the damage arises
---------------------
A GBK page had ``(pinyin)`` annotations inserted after traditional characters by a find/replace on raw BYTES.
When the trail byte of one character and the lead byte of the next spelled an annotated character, the
annotation landed INSIDE a character: ``官廳`` = ``B9D9 8F64``; ``D9 8F`` is 購, so ``(gòu)`` went between ``8F``
and ``64``. The decoder then turned the orphaned lead byte (and the ``(`` after it) into a marker ``?`` (or
U+FFFD), and read what followed one byte out of step (``埣铱谛侣劸``, private-use characters, stray ASCII
letters) until the stream re-synchronised. ASCII-range fullwidth forms (``！`` ``？`` ``，`` …) were folded
to ASCII afterwards, so inside a shifted stretch ``!`` stands for the bytes ``A3 A1``.

The byte model used here (byte-exact, no dictionaries):

* IN STEP, a marker followed by an orphan annotation ``?pinyin)`` (also ``?(pinyin)``, and ``pinyin)`` with no
  marker for decoders that drop bad bytes) lost the LEAD byte ``L`` of the next character. The pair
  (trail byte of the previous character, ``L``) is the character the converter matched, so it must read
  ``pinyin``. A marker with no annotation (``心?!笔…``) lost a lead byte too, with no clue to its value.
* OUT OF STEP, every decoded character is re-encoded with gb18030 (not gbk: gbk cannot encode the
  private-use characters the user-defined areas decode to). The stream is back in step after:
  an ASCII byte ``0x40-0x7E`` read as a letter (``d`` ``@`` ``B`` ``W``: it was a trail byte); a character whose
  re-encoded second byte is ASCII (an original ASCII letter swallowed as a trail byte); or a marker (the decoder
  met an invalid pair: the character's TRAIL byte is lost, and with it either the ``(`` of an annotation —
  then ``?pinyin)`` names the damaged character — or an unknown original ASCII byte, e.g. a digit).
  An ASCII character below 0x40 is a folded fullwidth form (``A3 xx``); a complete ``(pinyin)`` is an annotation
  the converter inserted after a mis-aligned pair (its bytes are dropped). Two readings compete and are
  weighed: ``?`` may be a folded ``？`` (kept out of step only when that reading ends on strong evidence), and
  a letter may be a folded fullwidth letter (kept out of step when that explains an orphan or a pinyin
  annotation right after it, or garbage after it; when both readings fit, the run is never restored).
  Whitespace, control characters or non-GBK characters cannot occur out of step: the hypothesis fails there
  (after at most 64 characters; 32 after a bare marker).

Run boundaries
--------------
``text[start:end]`` runs from the FIRST DAMAGED CHARACTER — the marker (or the first pinyin letter of a marker-less
orphan); the character before it decoded correctly and is not part of the run — to the point where the byte
stream re-synchronised: the re-synchronising ASCII letter, the absorbing character, or the ``)`` of the closing
orphan are INCLUDED. An annotation right after the run (``W(wǎng)``) is the annotation of the run's last restored
character; it stays OUTSIDE the run (the pinyin stripper removes it). If the out-of-step reading breaks before
re-synchronising, the run ends before the offending character and is unreadable.

Digits: an ASCII or fullwidth number (``[0-9０-９]+`` with ``.``/``,`` between digit groups) immediately after the
run belongs to the run — the lost byte may have been one of its digits, so a truncated number must never be
read as a claim. When the run is restored the digits were read in step after a verified re-synchronisation and
are appended to ``restored`` verbatim; otherwise they are part of the unreadable span. A digit INSIDE a run is a
folded fullwidth form of a shifted byte pair and is never kept as a digit.

Restoration
-----------
The unknown byte(s) are enumerated; a candidate survives only if every orphan annotation reads right
(pypinyin, heteronyms, tone marks) and the rebuilt bytes decode STRICTLY as gbk with no private-use character,
no ``?`` and no U+FFFD. ``restored`` is set only when exactly one distinct text survives AND every character of
it is common (GB2312 level 1, Big5 level 1, CJK punctuation, fullwidth forms): a unique but rare reading is
more likely a wrong reading of the bytes than a rare word, so it is reported unreadable (signal
``implausible``). ``restored`` is in the ORIGINAL script (traditional, as the page was), with every pinyin
annotation inside the run — the orphan(s) included — dropped, and fullwidth forms as decoded (not folded).
A run with an unconstrained lost byte (bare marker), a lost original byte (a marker out of step without
annotation) or two fitting readings is never restored.

Detection signals
-----------------
Strong (each enough alone): an orphan annotation; U+FFFD; a private-use character U+E000–U+F8FF in the shifted
stretch; the stretch re-synchronising on an ASCII letter followed by a pinyin annotation; a closing orphan.
A bare ASCII ``?`` (real questions, ``吗?``, URLs and code are full of them) starts a run only when its
out-of-step reading re-synchronises, skips no annotation (in-step text carries one after most traditional
characters, a shifted stretch hardly ever), implies decodable bytes no rarer than the text as written, and has
strong evidence or two medium signals: ``?!`` (a folded ``！`` = ``A3 A1``: ``。”`` lost its first byte); a lone
ASCII letter between CJK characters at the re-synchronisation; the stretch ending on a second marker (+1 more
if a digit follows it: a swallowed digit); two or more uncommon characters (outside GB2312 level 1 and Big5
level 1 — a cheap stand-in for "outside GB2312 after t2s") that the in-step reading does not have; a rare
absorbing character. A ``?`` followed by clean common text and an orphan is read as a real question mark
followed by an orphan that STARTS a run. Leftovers with no run start found (a private-use character next to
CJK whose out-of-step reading re-synchronises; a pinyin annotation after a non-CJK character) become
unreadable runs covering at most 16 adjacent CJK characters before them.

Known limits: a legit ``?!?`` or ``??`` + digits after Chinese text is flagged (both are the seeds' damage
pattern); a ``。`` that lost its lead byte before an ordinary CJK character (``?N…``) is only found when the
stretch after it carries evidence; restored text can still be wrong if the one byte-exact, common reading is
not the original (not seen on the seeds or on thousands of re-enacted garbles, see tests).

Cost: one pre-scan regex over the text; the byte model only runs at its hits. Readings come from pypinyin's
character table, read from its data file (~20 ms, once per process) only when an orphan annotation has to be
checked; pypinyin itself is never imported (its import trains a word segmenter: ~0.25 s). The candidates for a lost
byte are cached per (neighbouring byte, reading). The scan is linear in the text (see tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["GarbleRun", "find_runs"]


@dataclass(frozen=True)
class GarbleRun:
    """A garbled run in ``text[start:end]`` (offsets into the text given to find_runs).

    ``restored`` is the text that should replace ``text[start:end]`` when the run
    could be restored unambiguously, else None (the span is unreadable).
    ``candidates`` is how many distinct restorations survived (capped at 2; 0 = none
    or not attempted because a byte was lost beyond recovery).
    """

    start: int
    end: int
    text: str
    restored: str | None
    signals: tuple[str, ...] = ()
    candidates: int = 0


# ----------------------------------------------------------------------------- patterns

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PY = rf"(?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}"
_CJK = "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_MARKERS = "?\ufffd"

_ANNOT = re.compile(rf"\(({_PY})\)")
_ANNOT_BEFORE = re.compile(rf"\(({_PY})\)$")
_ORPHAN_TAIL = re.compile(rf"\(?({_PY})\)")  # after a marker
_DIGITS = re.compile(r"[0-9０-９]+(?:[.,．][0-9０-９]+)*")

# The pre-scan: markers and private-use characters (one character class), annotations after a non-CJK
# character (anchored on the literal "("), orphans without marker or "(" (only when parentheses are unbalanced).
_TRIGGER = re.compile("[?\ufffd\ue000-\uf8ff]")
_AFTER = re.compile(rf"\((?={_PY}\))")  # an annotation; the character before it is checked in Python


@lru_cache(maxsize=1)
def _after_non_han() -> re.Pattern[str]:
    """An annotation not after a character of the main CJK block (the common, legitimate case), compiled only
    for text that has annotations at all."""
    return re.compile(rf"\((?<![\u4e00-\u9fff]\()(?={_PY}\))")
_PY_FULL = re.compile(_PY)
_PY_LETTERS = f"a-zü{_TONED}"
# Read in the REVERSED text: ")" and the (at most 6) pinyin letters before it, taken as far back as they go; the
# character before them is not "(" (else an ordinary annotation). Reversed, the search can skip to each ")".
_CLOSE_LETTERS = re.compile(rf"\)[{_PY_LETTERS}]{{1,6}}+(?!\()")

_MAX_SHIFT = 64  # characters read out of step before giving up (after an orphan: a certain start)
_BARE_SPAN = 32  # the same after a bare marker (an uncertain start)
_NEAR = 6  # a folded-letter reading that closes this soon competes with the in-step reading
_MAX_BACK = 16  # fallback runs: CJK characters taken before a leftover signal
_TRAIL_BYTES = (*range(0x40, 0x7F), *range(0x80, 0xFF))
_LEAD_BYTES = tuple(range(0x81, 0xFF))
_FOLDED_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?[\\]^_`{|}~")
_COMMON_PUNCT = frozenset("，。、；：？！“”‘’《》（）【】—…·「」『』〈〉")


# ----------------------------------------------------------------------------- byte model


@dataclass
class _Slot:
    """A byte the decoder lost. ``reading``: pinyin the pair (previous byte, this byte) must read."""

    role: str  # "lead" | "trail"
    reading: str | None
    partner: int | None = None  # previous byte when it lies before the run (lead slots)
    lost_original: bool = False  # an unknown original byte was swallowed with it


_Item = int | _Slot


@dataclass
class _Seg:
    ok: bool
    end: int
    items: list[_Item]
    sync: str  # "letter" | "absorbed" | "orphan" | "marker" | "fail"
    garbled: list[str] = field(default_factory=list)
    folded_question: bool = False
    folded_letter: bool = False
    ambiguous: bool = False  # another reading of the stretch fits as well: never restore
    mark_at: int = -1  # position of the closing marker (sync "orphan" / "marker")
    annotations: int = 0  # complete annotations skipped inside the stretch


def _gbk_pair(c: str) -> bytes | None:
    """The two bytes a GBK-family decoder read to produce ``c`` (None if it cannot have)."""
    try:
        b = c.encode("gb18030")
    except UnicodeEncodeError:
        return None
    if len(b) != 2 or b[0] < 0x81:
        return None
    return b


def _is_cjk(c: str) -> bool:
    return len(c) == 1 and (
        "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff" or c in "\u3005\u3007"
    )


def _is_pua(c: str) -> bool:
    return "\ue000" <= c <= "\uf8ff"


@lru_cache(maxsize=8192)
def _is_common(c: str) -> bool:
    if c in _COMMON_PUNCT or ord(c) < 0x80 or "\uff01" <= c <= "\uff5e":
        return True
    try:
        g = c.encode("gb2312")
        if 0xB0 <= g[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = c.encode("big5")
        if len(b) == 2 and 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E:
            return True
    except UnicodeEncodeError:
        pass
    return False


def _scan_shifted(
    text: str,
    i: int,
    items: list[_Item],
    garbled: list[str],
    budget: int = 2,
    annotations: int = 0,
    limit: int = _MAX_SHIFT,
) -> _Seg:
    """Read ``text[i:]`` as the out-of-step stream until it re-synchronises (see module docstring).

    ``annotations`` counts the complete annotations met so far (they are rare out of step: a competing
    reading that needs one is rejected, since in-step text carries one after most traditional characters).
    """
    items = list(items)
    garbled = list(garbled)
    n = len(text)
    j = i
    while j < n:
        if len(garbled) >= limit:
            return _Seg(False, j, items, "fail", garbled, annotations=annotations)
        c = text[j]
        if c in _MARKERS:
            m = _ORPHAN_TAIL.match(text, j + 1)
            if m:
                items.append(_Slot("trail", m.group(1)))
                return _Seg(True, m.end(), items, "orphan", garbled, mark_at=j, annotations=annotations)
            if c == "?" and budget > 0:
                alt = _scan_shifted(
                    text,
                    j + 1,
                    [*items, 0xA3, 0xBF],
                    [*garbled, "?"],
                    budget - 1,
                    annotations,
                    limit,
                )
                if alt.ok and alt.annotations == annotations and _strong(text, alt, since=len(garbled) + 1):
                    alt.folded_question = True
                    return alt
            items.append(_Slot("trail", None, lost_original=True))
            return _Seg(True, j + 1, items, "marker", garbled, mark_at=j, annotations=annotations)
        if c == "(":
            m = _ANNOT.match(text, j)
            if m:  # inserted by the converter after a mis-aligned pair: not original bytes
                j = m.end()
                annotations += 1
                continue
        o = ord(c)
        if 0x40 <= o <= 0x7E:
            if budget > 0:  # or a folded fullwidth letter (A3 xx), the stream still out of step?
                alt = _scan_shifted(
                    text,
                    j + 1,
                    [*items, 0xA3, o + 0x80],
                    [*garbled, c],
                    budget - 1,
                    annotations,
                    limit,
                )
                choice = "primary"
                if alt.annotations == annotations:
                    choice = _letter_choice(text, j, alt, len(garbled) + 1, len(items) + 1)
                if choice != "primary":
                    alt.folded_letter = True
                    alt.ambiguous = alt.ambiguous or choice == "ambiguous"
                    return alt
            items.append(o)
            return _Seg(True, j + 1, items, "letter", garbled, annotations=annotations)
        if 0x21 <= o <= 0x3F:  # folded fullwidth form
            items += [0xA3, o + 0x80]
            garbled.append(c)
            j += 1
            continue
        b = _gbk_pair(c) if o >= 0x80 else None
        if b is None:
            return _Seg(False, j, items, "fail", garbled, annotations=annotations)
        items += b
        garbled.append(c)
        j += 1
        if b[1] < 0x80:  # an original ASCII byte was absorbed as this pair's trail
            return _Seg(True, j, items, "absorbed", garbled, annotations=annotations)
    return _Seg(False, n, items, "fail", garbled, annotations=annotations)


def _letter_choice(text: str, j: int, alt: _Seg, upto: int, first_true: int) -> str:
    """How to read the ASCII letter at j out of step: "primary" (a trail byte: back in step), "folded" (a
    folded fullwidth letter ``A3 xx``: still out of step) or "ambiguous" (both fit: never restore).

    ``alt`` is the stretch read the folded way; ``alt.garbled[upto:]`` and ``alt.items[first_true:]`` are
    what comes after the letter.
    """
    if not alt.ok or _ANNOT.match(text, j + 1):  # the letter's own annotation: it completed a character
        return "primary"
    rest = alt.garbled[upto:]
    if any(_is_pua(c) for c in rest):
        return "folded"
    stop = alt.mark_at if alt.sync in ("orphan", "marker") else alt.end
    if stop - j <= _NEAR:
        if alt.sync == "orphan":  # read in step, the orphan would have to START a run there
            return "ambiguous" if _start_orphan_viable(text, j, alt.mark_at) else "folded"
        if alt.sync == "marker":
            return "ambiguous"
        if alt.sync == "letter" and _ANNOT.match(text, alt.end) and not any(c in _MARKERS for c in text[j:stop]):
            return "folded"  # read in step, that annotation would follow a non-CJK character
    g_unc = sum(1 for c in rest if ord(c) >= 0x80 and not _is_common(c))
    if g_unc == 0:
        return "primary"
    known = _known_true_chars(alt.items, first_true)
    if known is not None and sum(1 for c in known if not _is_common(c)) < g_unc:
        return "folded"
    return "primary"


def _strong(text: str, seg: _Seg, since: int = 0) -> bool:
    """Strong evidence in the stretch (only in ``seg.garbled[since:]`` and at its end)."""
    if any(_is_pua(c) for c in seg.garbled[since:]) or seg.sync == "orphan":
        return True
    return seg.sync == "letter" and _ANNOT.match(text, seg.end) is not None


def _known_true_chars(items: list[_Item], k: int = 0) -> list[str] | None:
    """The in-step characters (from ``items[k]``, a character start) that involve no lost byte.

    None if one of them cannot be decoded or is private-use.
    """
    out: list[str] = []
    while k < len(items):
        a = items[k]
        if isinstance(a, _Slot):
            k += 2
            continue
        if a < 0x80:
            out.append(chr(a))
            k += 1
            continue
        if k + 1 >= len(items):
            return None
        b = items[k + 1]
        k += 2
        if isinstance(b, _Slot):
            continue
        try:
            ch = bytes((a, b)).decode("gbk")
        except UnicodeDecodeError:
            return None
        if _is_pua(ch):
            return None
        out.append(ch)
    return out


# ----------------------------------------------------------------------------- restoration


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, str]:
    """pypinyin's own table, code point (decimal string) -> readings ("wàn,mò"), read from its data file.

    Importing pypinyin costs ~0.25 s (it loads a 400k-phrase dictionary and trains a segmenter); single
    characters need none of that: ``pinyin(ch, Style.TONE, heteronym=True)`` returns exactly this table's
    readings (tests/test_garble.py checks it for every GBK character).
    """
    import importlib.util
    import json
    import os

    spec = importlib.util.find_spec("pypinyin")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = os.path.join(folder, "pinyin_dict.json")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as fh:
                table = json.load(fh)  # ~20 ms, once per process, only for text with an orphan annotation
            if isinstance(table, dict):
                return table
    from pypinyin.pinyin_dict import pinyin_dict  # another layout: the slow way

    return {str(k): v for k, v in pinyin_dict.items()}


@lru_cache(maxsize=4096)
def _readings(ch: str) -> frozenset[str]:
    """The tone-marked readings of one character (all heteronyms), empty when it has none."""
    got = _pinyin_table().get(str(ord(ch)))
    return frozenset(got.split(",")) if got else frozenset()


@lru_cache(maxsize=512)
def _column(a: int, lead: bool) -> tuple[tuple[int, str], ...]:
    """(b, character) for every byte ``b`` the lost byte may be (a lead byte after ``a`` when ``lead``, else a
    trail byte) such that the pair ``(a, b)`` decodes as gbk to a CJK character."""
    out = []
    for b in _LEAD_BYTES if lead else _TRAIL_BYTES:
        try:
            ch = bytes((a, b)).decode("gbk")
        except UnicodeDecodeError:
            continue
        if _is_cjk(ch):
            out.append((b, ch))
    return tuple(out)


@lru_cache(maxsize=8192)
def _fitting(a: int, reading: str, lead: bool) -> tuple[int, ...]:
    """The values of a lost byte after ``a`` for which the pair ``(a, value)`` reads ``reading``, in byte order."""
    return tuple(b for b, ch in _column(a, lead) if reading in _readings(ch))


def _restore(items: list[_Item]) -> tuple[str | None, int]:
    """(restored, number of distinct survivors capped at 2)."""
    slots = [k for k, it in enumerate(items) if isinstance(it, _Slot)]
    buf = [0 if isinstance(it, _Slot) else it for it in items]
    found: set[str] = set()

    def rec(idx: int) -> None:
        if len(found) > 1:
            return
        if idx == len(slots):
            try:
                s = bytes(buf).decode("gbk")
            except UnicodeDecodeError:
                return
            if any(_is_pua(c) or c in _MARKERS for c in s):
                return
            found.add(s)
            return
        pos = slots[idx]
        slot = items[pos]
        assert isinstance(slot, _Slot)
        lead = slot.role == "lead"
        partner = buf[pos - 1] if pos > 0 else slot.partner
        values: tuple[int, ...]
        if slot.reading is not None and partner is not None:
            values = _fitting(partner, slot.reading, lead)
        else:
            values = _LEAD_BYTES if lead else _TRAIL_BYTES
        for v in values:
            buf[pos] = v
            rec(idx + 1)

    rec(0)
    if len(found) == 1:
        return next(iter(found)), 1
    return None, len(found)


# ----------------------------------------------------------------------------- run assembly


def _prev_trail(text: str, k: int) -> int | None:
    """Trail byte of the character before ``text[k]``, skipping one pinyin annotation."""
    j = k
    m = _ANNOT_BEFORE.search(text, max(0, j - 9), j)
    if m:
        j = m.start()
    if j == 0:
        return None
    c = text[j - 1]
    if c in _FOLDED_PUNCT:  # ASCII punctuation here was folded from its fullwidth form A3xx
        return ord(c) + 0x80
    b = _gbk_pair(c)
    return b[1] if b is not None else None


def _with_digits(text: str, end: int) -> int:
    m = _DIGITS.match(text, end)
    return m.end() if m else end


def _make_run(
    text: str, start: int, end: int, items: list[_Item] | None, signals: list[str], ambiguous: bool = False
) -> GarbleRun:
    full_end = _with_digits(text, end)
    if full_end > end:
        signals.append("digits-after")
    restored: str | None = None
    candidates = 0
    if items is None:
        signals.append("unrecoverable")
    elif any(isinstance(it, _Slot) and it.lost_original for it in items):
        signals.append("lost-original-byte")
    elif ambiguous:
        signals.append("ambiguous-reading")
    else:
        restored, candidates = _restore(items)
        if restored is None:
            signals.append("ambiguous" if candidates > 1 else "no-candidate")
        elif not all(_is_common(c) for c in restored):
            signals.append("implausible")  # the only byte-exact reading holds a rare character: do not trust it
            restored = None
        else:
            restored += text[end:full_end]
    return GarbleRun(start, full_end, text[start:full_end], restored, tuple(dict.fromkeys(signals)), candidates)


def _seg_signals(text: str, seg: _Seg) -> list[str]:
    sig: list[str] = []
    if any(_is_pua(c) for c in seg.garbled):
        sig.append("private-use")
    if seg.folded_question:
        sig.append("folded-question-mark")
    if seg.folded_letter:
        sig.append("folded-letter")
    if seg.sync == "letter" and _ANNOT.match(text, seg.end):
        sig.append("pinyin-after-non-cjk")
    if seg.sync == "orphan":
        sig.append("closing-orphan")
    if seg.sync == "marker":
        sig.append("closing-marker")
    if not seg.ok:
        sig.append("no-resync")
    return sig


def _orphan_run(text: str, k: int, tail_end: int, reading: str) -> GarbleRun:
    lead = _Slot("lead", reading, partner=_prev_trail(text, k))
    if lead.partner is None:
        lead.reading = None  # nothing the converter could have matched: no clue to the lost byte
    seg = _scan_shifted(text, tail_end, [lead], [])
    signals = ["orphan-pinyin", *_seg_signals(text, seg)]
    if not seg.ok or lead.reading is None:
        return _make_run(text, k, seg.end, None, signals)
    return _make_run(text, k, seg.end, seg.items, signals, seg.ambiguous)


def _bare_run(text: str, k: int) -> GarbleRun | None:
    """A marker with no annotation after it: a lost lead byte with no clue, IF the text after it reads as an
    out-of-step stretch with enough evidence. For ``?`` (usually a real question mark) None otherwise; for
    U+FFFD (always damage) a run of the marker alone (and any digits right after it)."""
    marker = text[k]
    seg = _scan_shifted(text, k + 1, [_Slot("lead", None)], [], limit=_BARE_SPAN)
    signals = ["replacement-char" if marker == "\ufffd" else "bare-marker", *_seg_signals(text, seg)]
    if _bare_evidence(text, k, seg, signals):
        return _make_run(text, k, seg.end, seg.items, signals, seg.ambiguous)
    if marker == "\ufffd":
        return _make_run(text, k, k + 1, None, ["replacement-char"])
    return None


def _bare_evidence(text: str, k: int, seg: _Seg, signals: list[str]) -> bool:
    if not seg.ok or seg.annotations:
        return False  # in-step text carries annotations, an out-of-step stretch hardly ever does
    known = _known_true_chars(seg.items)
    if known is None:
        return False
    g_unc = sum(1 for c in seg.garbled if ord(c) >= 0x80 and not _is_common(c))
    t_unc = sum(1 for c in known if not _is_common(c))
    if t_unc > g_unc:
        return False
    if seg.sync == "orphan":
        between = text[k + 1 : seg.mark_at]
        if all(c == "?" or (ord(c) >= 0x80 and _is_common(c)) for c in between) and _start_orphan_viable(
            text, k, seg.mark_at
        ):
            return False  # better read as: a real "?" (folded ？), clean text, then an orphan that STARTS a run
    if _strong(text, seg):
        return True
    medium = 0
    if text[k + 1 : k + 2] == "!":  # a folded ！ (A3 A1): the trail of the lost character + a lead
        medium += 1
        signals.append("question-next-to-exclamation")
    if seg.sync == "marker":
        medium += 1
        if text[seg.end : seg.end + 1].isdigit():  # the second marker may have swallowed a digit
            medium += 1
            signals.append("digit-after-marker")
    lone = seg.end >= 2 and _is_cjk(text[seg.end - 2]) and _is_cjk(text[seg.end : seg.end + 1])
    if seg.sync == "letter" and lone:
        medium += 1
        signals.append("lone-letter")
    if g_unc >= 2 and t_unc == 0 and known:
        medium += 1
        signals.append("rare-chars")
    elif seg.sync == "absorbed" and not _is_common(seg.garbled[-1]) and t_unc == 0:
        medium += 1  # a rare character whose ASCII trail byte was an original ASCII character
        signals.append("rare-absorbing-char")
    return medium >= 2


def _start_orphan_viable(text: str, k: int, m: int) -> bool:
    """Can ``text[k+1:m]`` be in-step text and the orphan at m start a run that re-synchronises?"""
    if any(_is_pua(c) or c == "\ufffd" for c in text[k + 1 : m]):
        return False
    tail = _ORPHAN_TAIL.match(text, m + 1)
    partner = _prev_trail(text, m)
    if tail is None or partner is None:
        return False
    reading = tail.group(1)
    if not _fitting(partner, reading, True):
        return False
    return _scan_shifted(text, tail.end(), [_Slot("lead", reading, partner)], []).ok


def _fffd_pair_run(text: str, k: int) -> GarbleRun:
    """``_bare_run`` for U+FFFD right before another U+FFFD that no annotation follows, without the scan: the
    second marker closes the stretch at once (a lost original byte), which is evidence only with a digit after
    it. Unreadable blocks are many U+FFFD in a row (normalize reads its own output once more)."""
    if text[k + 2 : k + 3].isdigit():
        items: list[_Item] = [_Slot("lead", None), _Slot("trail", None, lost_original=True)]
        return _make_run(text, k, k + 2, items, ["replacement-char", "closing-marker", "digit-after-marker"])
    return _make_run(text, k, k + 1, None, ["replacement-char"])


def _plain_shifted(c: str) -> bool:
    """Does ``_scan_shifted`` simply take ``c`` as one more character of the stretch (a folded punctuation mark
    other than "?" and "(", or a GBK pair with a non-ASCII trail byte)?"""
    o = ord(c)
    if 0x21 <= o <= 0x3F:
        return c not in "?("
    if o < 0x80 or c == "\ufffd":
        return False
    b = _gbk_pair(c)
    return b is not None and b[1] >= 0x80


def _plain_end(text: str, p: int, memo: list[int]) -> int:
    """The first position from ``p`` on that is not plain (or the end). ``memo`` = [lo, hi]: positions lo..hi-1
    are plain and hi is not; positions asked for only grow, so each character is looked at once."""
    if memo[0] <= p <= memo[1]:
        return memo[1]
    q = p
    n = len(text)
    while q < n and _plain_shifted(text[q]):
        q += 1
    memo[0], memo[1] = p, q
    return q


def _fallback_run(text: str, k: int, end: int, signal: str) -> GarbleRun:
    """A leftover signal with no run start found: cover the CJK/PUA stretch before it, unreadable."""
    start = k
    while start > 0 and k - start < _MAX_BACK:
        c = text[start - 1]
        if not (_is_cjk(c) or _is_pua(c)):
            break
        start -= 1
    return _make_run(text, start, end, None, [signal])


def _candidates(text: str) -> list[tuple[int, str]]:
    """Positions worth a closer look, sorted; empty for clean text (the cheap path)."""
    cands: list[tuple[int, str]] = []
    for m in _TRIGGER.finditer(text):
        k = m.start()
        c = text[k]
        if c == "\ufffd" or (c == "?" and text[k + 1 : k + 2].strip()):
            cands.append((k, "mark"))
        elif c != "?":
            cands.append((k, "pua"))
    if "(" in text and _AFTER.search(text, 1):
        for m in _after_non_han().finditer(text, 1):
            prev = text[m.start() - 1]
            if not (_is_cjk(prev) or prev.isspace()):
                cands.append((m.start(), "after"))
    if text.count("(") != text.count(")"):
        cands.extend((k, "bare") for k in _bare_orphans(text))
    cands.sort()
    return cands


def _bare_orphans(text: str) -> list[int]:
    """Starts of ``pinyin)`` with neither marker nor ``(`` before it (decoders that drop bad bytes).

    The letters taken are the (at most 6) pinyin letters right before the ``)``; the character before them
    must not be ``(`` (then it is an ordinary annotation) and they must read as pinyin.
    """
    n = len(text)
    out: list[int] = []
    for m in _CLOSE_LETTERS.finditer(text[::-1]):
        start, close = n - m.end(), n - 1 - m.start()
        if _PY_FULL.fullmatch(text, start, close):
            out.append(start)
    out.reverse()
    return out


def find_runs(text: str) -> list[GarbleRun]:
    """Every garbled run in ``text``, sorted, non-overlapping (see the module docstring)."""
    runs: list[GarbleRun] = []
    plain = [-1, -1]  # _plain_end's memo
    for k, kind in _candidates(text):
        if runs and k < runs[-1].end:
            continue
        run: GarbleRun | None = None
        if kind == "mark":
            tail = _ORPHAN_TAIL.match(text, k + 1)
            if tail:
                run = _orphan_run(text, k, tail.end(), tail.group(1))
            elif text[k] == "\ufffd" and text[k + 1 : k + 2] == "\ufffd" and not _ORPHAN_TAIL.match(text, k + 2):
                run = _fffd_pair_run(text, k)
            else:
                run = _bare_run(text, k)
        elif kind == "bare":
            prev = text[k - 1] if k else ""
            if _is_cjk(prev) or (prev == ")" and _ANNOT_BEFORE.search(text, max(0, k - 9), k)):
                tail = _ORPHAN_TAIL.match(text, k)
                assert tail is not None
                run = _orphan_run(text, k, tail.end(), tail.group(1))
        elif kind == "pua":
            # Only next to CJK; and the shifted reading gives up after _MAX_SHIFT characters: when that many plain
            # ones follow, it fails without being read.
            if (_is_cjk(text[k - 1 : k]) or _is_cjk(text[k + 1 : k + 2])) and (
                _plain_end(text, k + 1, plain) - (k + 1) < _MAX_SHIFT - 1
            ):
                seg = _scan_shifted(text, k + 1, [], [text[k]])
                if seg.ok:
                    run = _fallback_run(text, k, seg.end, "private-use")
        elif not (runs and runs[-1].end == k):  # "after"; else the annotation of the run's last character
            run = _fallback_run(text, k - 1, k, "pinyin-after-non-cjk")
        if run is None:
            continue
        if runs and run.start < runs[-1].end:  # a fallback reached back into the previous run
            run = _make_run(text, runs[-1].end, run.end, None, list(run.signals))
        if run.end > run.start:
            runs.append(run)
    return runs
