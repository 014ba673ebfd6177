"""Hand-built documents for unit tests of the checks (no extractor involved).

``build(("从2014年的35降至2023年的18,下降48.6%。", [Q("35", ...), Q("18", ...), Q("48.6", ...)]))``
lays the sentences out one per line, finds each quote in its sentence (in order) and
makes a :class:`Claim` for it; claims with the same ``group`` get each other's ids in
``related``. Precision defaults to half a unit of the quote's last digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.document import Document
from factcheck.models import Claim, Extraction, Loaded, Normalized, Sentence
from factcheck.positions import LineIndex


@dataclass(frozen=True)
class Q:
    quote: str
    unit: str | None = None
    kind: str = "level"
    value: str | None = None
    precision: str | None = None
    year: int | None = None
    baseline_year: int | None = None
    direction: str | None = None
    qualifier: str | None = None
    value_high: str | None = None
    role: str | None = None
    group: int | None = None
    region: str | None = "r"
    metric: str | None = "m"


def half_unit(digits: str) -> Decimal:
    d = Decimal(digits)
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(min(exponent, 0) - 1)


def build(*sentences: tuple[str, list[Q]], path: str = "t.txt") -> Document:
    text = "\n".join(s for s, _ in sentences) + "\n"
    sents: list[Sentence] = []
    raw: list[tuple[Q, int, int, int]] = []
    pos = 0
    for index, (s, marks) in enumerate(sentences):
        sents.append(Sentence(index, pos, pos + len(s), s, index))
        cursor = 0
        for q in marks:
            at = s.index(q.quote, cursor)
            raw.append((q, pos + at, pos + at + len(q.quote), index))
            cursor = at + len(q.quote)
        pos += len(s) + 1
    ids = [f"c{i + 1}" for i in range(len(raw))]
    groups: dict[int, list[str]] = {}
    for (q, *_), cid in zip(raw, ids, strict=True):
        if q.group is not None:
            groups.setdefault(q.group, []).append(cid)
    lines = LineIndex(text)
    claims = []
    for (q, start, end, index), cid in zip(raw, ids, strict=True):
        digits = q.value or re.search(r"\d+(?:\.\d+)?", q.quote).group(0)  # type: ignore[union-attr]
        line, column = lines.line_col(start)
        related = tuple(i for i in groups.get(q.group, []) if i != cid) if q.group is not None else ()
        claims.append(Claim(
            id=cid, path=path, line=line, column=column, quote=q.quote, sentence=sentences[index][0],
            kind=q.kind, value=Decimal(digits), unit=q.unit, year=q.year, baseline_year=q.baseline_year,
            direction=q.direction, region=q.region, metric=q.metric, qualifier=q.qualifier,
            precision=Decimal(q.precision) if q.precision is not None else half_unit(digits),
            start=start, end=end, nstart=start, nend=end, sentence_index=index,
            value_high=Decimal(q.value_high) if q.value_high else None, role=q.role, related=related,
        ))
    norm = Normalized(text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    loaded = Loaded(path, text, "utf-8")
    return Document(loaded, norm, tuple(sents), Extraction((), ()), tuple(claims), lines)
