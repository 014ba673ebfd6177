"""Fuzzy search over the reference's names: Chinese, pinyin and English.

Every name of every region, metric, standard and event is a search key, plus the
entry's id and, for names with Chinese characters, their toneless pinyin
(``张家口`` -> ``zhangjiakou``) so an English-keyboard query finds Chinese-only
entries. Queries are folded the same way (case, tone marks, spaces; a traditional
query is also tried in simplified). Scoring is rapidfuzz's WRatio; the best key of
each entry counts. rapidfuzz, pypinyin and opencc are imported on first use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.reference import Reference

KINDS = ("region", "metric", "standard", "event")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MIN_SCORE = 70.0


@dataclass(frozen=True)
class Hit:
    score: float
    kind: str
    ident: str
    matched: str  # the key that matched best (a name, the id, or "name (pinyin)")
    names: tuple[str, ...]


def fold(text: str) -> str:
    """Lower case, tone marks and other accents dropped, blanks collapsed (CJK untouched)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", stripped)).strip().lower()


def pinyin(text: str) -> str | None:
    """Toneless pinyin of the Chinese characters of ``text``, joined (None without any)."""
    if not CJK.search(text):
        return None
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower()


def _queries(text: str) -> list[str]:
    q = fold(text)
    out = [q, q.replace(" ", "")]
    if CJK.search(text):
        try:
            import opencc

            out.append(fold(opencc.OpenCC("t2s").convert(text)))
        except Exception:  # conversion is a bonus, never a failure
            pass
    return list(dict.fromkeys(o for o in out if o))


def _entries(ref: Reference) -> list[tuple[str, str, tuple[str, ...]]]:
    out = [("region", r.id, r.names) for r in ref.regions.values()]
    out += [("metric", m.id, m.names) for m in ref.metrics.values()]
    out += [("standard", s.id, s.names) for s in ref.standards]
    out += [("event", e.id, e.names) for e in ref.events]
    return out


def search(ref: Reference, text: str, limit: int = 10, kind: str | None = None,
           min_score: float = MIN_SCORE) -> list[Hit]:
    """The best-matching entries, best first (ties: the closer whole key, then kind, then id)."""
    from rapidfuzz import fuzz

    queries = _queries(text)
    if not queries:
        return []
    ranked: list[tuple[float, Hit]] = []
    for entry_kind, ident, names in _entries(ref):
        if kind is not None and entry_kind != kind:
            continue
        keys: list[tuple[str, str]] = [(fold(ident.replace("_", " ")), ident)]
        for n in names:
            keys.append((fold(n), n))
            py = pinyin(n)
            if py:
                keys.append((py, f"{n} ({py})"))
        best, closeness, matched = 0.0, 0.0, ""
        for key, shown in keys:
            for q in queries:
                score = 100.0 if q == key else float(fuzz.WRatio(q, key))
                whole = float(fuzz.ratio(q, key))  # tie-break: a key close as a whole beats a long one containing q
                if (score, whole) > (best, closeness):
                    best, closeness, matched = score, whole, shown
        if best >= min_score:
            ranked.append((closeness, Hit(round(best, 1), entry_kind, ident, matched, names)))
    ranked.sort(key=lambda r: (-r[1].score, -r[0], KINDS.index(r[1].kind), r[1].ident))
    return [h for _, h in ranked[: max(limit, 0)]]
