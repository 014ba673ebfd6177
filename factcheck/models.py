"""Plain data passed between the pipeline stages.

Every model is a frozen dataclass. Offsets named ``start``/``end`` are half-open
character offsets; the docstring of each model says which text they index:
the ORIGINAL decoded file text or the NORMALIZED text of :class:`Normalized`.

Stages and what they produce::

    load        bytes -> Loaded (original text + encoding)
    normalize   Loaded.text -> Normalized (clean simplified text + offset map)
    segment     Normalized.text -> Sentence[] (with Clause[])
    extract     Normalized.text + Sentence[] -> Quantity[] and TimeExpr[]
    resolve     ... + Reference -> Claim[] (region, metric, year attached)
    checks      Claim[] + Reference -> Finding[]
    report      Result -> text (human, json, ...)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# --------------------------------------------------------------------------- load


@dataclass(frozen=True)
class Loaded:
    """A decoded input file. ``text`` is the ORIGINAL text every position refers to."""

    path: str  # as given by the user; "<stdin>" for "-"
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", ...
    format: str = "text"  # "text" | "markdown" | "html"


# ---------------------------------------------------------------------- normalize


@dataclass(frozen=True)
class Repair:
    """A garbled run that was restored unambiguously (ORIGINAL offsets)."""

    start: int
    end: int
    garbled: str
    restored: str


@dataclass(frozen=True)
class Unreadable:
    """A garbled run that could not be restored (ORIGINAL offsets).

    Its characters appear in the normalized text as U+FFFD so that no number is
    ever read out of it.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Normalized:
    """Clean text for matching plus a map back to the original.

    ``text[i]`` came from ``original[starts[i]:ends[i]]`` (an empty range for an
    inserted character, e.g. a paragraph break standing for dropped text).
    Both maps are monotonic non-decreasing. Dropped material (boilerplate, pinyin
    annotations) simply has no normalized character pointing at it.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    repairs: tuple[Repair, ...] = ()
    unreadable: tuple[Unreadable, ...] = ()
    dropped: tuple[tuple[int, int, str], ...] = ()  # (start, end, reason) in ORIGINAL offsets

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """ORIGINAL (start, end) covering normalized ``text[start:end]``."""
        if not self.text:
            return (0, 0)
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return (self.starts[start], max(self.ends[end - 1], self.starts[start]))


# ------------------------------------------------------------------------ segment


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence (NORMALIZED offsets)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence (NORMALIZED offsets). ``heading`` marks a short title line."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    clauses: tuple[Clause, ...] = ()
    heading: bool = False


# ------------------------------------------------------------------------ extract

# Canonical units. Values are always scaled to these (万/亿/million applied).
UNIT_UGM3 = "μg/m³"
UNIT_PERCENT = "%"
UNIT_POINTS = "pp"  # percentage points


@dataclass(frozen=True)
class Quantity:
    """A number found in the text (NORMALIZED offsets).

    ``value`` is scaled to the base unit (3565万千瓦 -> 35650000, unit "kW").
    ``precision`` is half a unit of the last stated digit, scaled the same way
    (38.6 -> 0.05; 3565万 -> 5000), so the stated number stands for
    ``[value - precision, value + precision]``.
    ``value_high`` is set for ranges (3至5万 -> value 30000, value_high 50000).

    ``kind``: "level" (an amount at a time), "change" (a rise or fall, with
    ``direction``), "multiple" (翻一番, 2倍; value is the factor).
    ``role`` ties the parts of one change phrase together: all parts share a
    ``group`` number and have roles "from", "to", "delta".
    ``year`` / ``baseline_year`` are years stated inside the phrase itself
    (从2014年的35 -> year 2014; 比2014年下降 -> baseline_year 2014).
    ``unit_text`` is the unit as written (normalized), ``subject`` the words the
    number measures when the extractor saw them (measure word phrase), if any.
    """

    start: int
    end: int
    text: str
    value: Decimal
    unit: str | None
    kind: str = "level"
    precision: Decimal = Decimal(0)
    value_high: Decimal | None = None
    qualifier: str | None = None  # about | at_least | more_than | nearly | less_than | at_most
    direction: str | None = None  # up | down
    year: int | None = None
    baseline_year: int | None = None
    comparison: str | None = None  # yoy | mom | None
    group: int | None = None
    role: str | None = None  # from | to | delta
    unit_text: str = ""


@dataclass(frozen=True)
class TimeExpr:
    """A date or period (NORMALIZED offsets).

    kind: "date" (a day/month/year), "year", "since" (2014年以来), "ago" (10年前),
    "span" (这十年, 9年间, 十年来), "anniversary" (十周年), "relative_year" (去年, 今年),
    "plan" (十四五期间). ``years`` is the length for ago/span/anniversary;
    ``year``/``month``/``day`` the concrete date when the text states it or the
    resolver computed it from the article date.
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    years: int | None = None


@dataclass(frozen=True)
class Extraction:
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpr, ...]


# ------------------------------------------------------------------------ resolve


@dataclass(frozen=True)
class Claim:
    """A located quantitative claim, as reported.

    ``line``/``column`` are 1-based in the ORIGINAL file, ``quote`` the original
    text of the span, ``sentence`` the clean normalized sentence.
    ``start``/``end`` are ORIGINAL offsets; ``nstart``/``nend`` NORMALIZED ones.
    ``related`` holds ids of claims of the same change phrase (from/to/delta).
    """

    id: str
    path: str
    line: int
    column: int
    quote: str
    sentence: str
    kind: str
    value: Decimal
    unit: str | None
    year: int | None
    baseline_year: int | None
    direction: str | None
    region: str | None
    metric: str | None
    qualifier: str | None
    precision: Decimal
    start: int
    end: int
    nstart: int
    nend: int
    sentence_index: int
    value_high: Decimal | None = None
    comparison: str | None = None
    role: str | None = None
    related: tuple[str, ...] = ()
    end_line: int = 0
    end_column: int = 0


# ------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    """One result of a check. ``claim`` is a claim id or None for input findings."""

    rule: str
    category: str  # reference | arithmetic | sum | standard | cross-source | baseline | time | input
    severity: str  # error | warning | info
    message: str
    path: str
    line: int
    column: int
    claim: str | None = None
    expected: str | None = None
    actual: str | None = None
    source: str | None = None
    locations: tuple[Location, ...] = ()
    explanation: str = ""


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Verdict:
    """Per-claim status for the human report: agrees | contradicts | unchecked."""

    claim: str
    status: str
    detail: str = ""


# -------------------------------------------------------------------------- run


@dataclass(frozen=True)
class FileResult:
    path: str
    encoding: str | None
    published: str | None  # ISO date
    home_region: str | None
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    repairs: tuple[dict[str, object], ...] = ()
    unreadable: tuple[dict[str, object], ...] = ()
    status: str = "checked"  # checked | failed | skipped
    error: str | None = None


@dataclass(frozen=True)
class RunResult:
    files: tuple[FileResult, ...]
    findings: tuple[Finding, ...] = ()  # findings that span several files
    reference_path: str = ""
    extra: dict[str, object] = field(default_factory=dict)
