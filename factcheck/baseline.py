"""A baseline: the findings a newsroom has accepted, so that only new ones are reported.

Each entry is keyed by rule, path and the normalized text of the claim's sentence
(for a finding without a claim: its message) — never by line number, so edits
elsewhere in the file keep the baseline valid. A key may hold several findings
(``count``); a run suppresses at most that many findings with the key.

File format (JSON, sorted, deterministic)::

    {"schema": "factcheck-baseline/1",
     "findings": [{"rule": "FC101", "path": "drafts/a.md", "sentence": "...", "count": 1,
                   "message": "..."}]}

``path`` is relative to the baseline file's directory (POSIX separators), so the
baseline works from any working directory. ``message`` is for the reader only.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.models import Claim, Finding, RunResult

SCHEMA = "factcheck-baseline/1"

Key = tuple[str, str, str]  # (rule, path, sentence)


class BaselineError(Exception):
    """An unreadable or malformed baseline file (the message names the file)."""


def normalize_sentence(text: str) -> str:
    """Whitespace-insensitive form of a sentence: runs of blanks become one space, ends stripped."""
    return re.sub(r"\s+", " ", text).strip()


def claim_index(result: RunResult) -> dict[tuple[str, str], Claim]:
    """(path, claim id) -> claim, for every file of the run."""
    return {(fr.path, c.id): c for fr in result.files for c in fr.claims}


def claim_of(f: Finding, claims: dict[tuple[str, str], Claim]) -> Claim | None:
    """The claim a finding concerns; accepts plain ids and ``path#id`` ids."""
    if f.claim is None:
        return None
    path, sep, cid = f.claim.rpartition("#")
    if sep and (path, cid) in claims:
        return claims[(path, cid)]
    return claims.get((f.path, f.claim))


def finding_text(f: Finding, claims: dict[tuple[str, str], Claim]) -> str:
    claim = claim_of(f, claims)
    return normalize_sentence(claim.sentence if claim is not None else f.message)


def relative_path(path: str, base: Path) -> str:
    """``path`` relative to ``base`` with POSIX separators; pseudo paths (``<stdin>``) unchanged."""
    if path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(Path(path).resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        rel = str(Path(path).resolve())
    return Path(rel).as_posix()


def fingerprint(f: Finding, claims: dict[tuple[str, str], Claim]) -> str:
    """A stable hash of rule, path and sentence (SARIF partialFingerprints)."""
    text = "\x1f".join((f.rule, Path(f.path).as_posix(), finding_text(f, claims)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass
class Baseline:
    """Accepted findings by key; ``base`` is the directory paths are relative to."""

    base: Path
    counts: Counter[Key] = field(default_factory=Counter)
    messages: dict[Key, str] = field(default_factory=dict)

    def key(self, f: Finding, claims: dict[tuple[str, str], Claim]) -> Key:
        return (f.rule, relative_path(f.path, self.base), finding_text(f, claims))

    def matcher(self) -> BaselineMatcher:
        return BaselineMatcher(self)


class BaselineMatcher:
    """Consumes baseline entries as findings match them (each entry covers ``count`` findings)."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.left: Counter[Key] = Counter(baseline.counts)

    def take(self, f: Finding, claims: dict[tuple[str, str], Claim]) -> bool:
        key = self.baseline.key(f, claims)
        if self.left[key] > 0:
            self.left[key] -= 1
            return True
        return False

    def unused(self) -> int:
        return sum(n for n in self.left.values() if n > 0)


def build(findings: Iterable[Finding], result: RunResult, path: str | Path) -> Baseline:
    """A baseline accepting ``findings`` (of ``result``), to be written at ``path``."""
    baseline = Baseline(base=Path(path).resolve().parent)
    claims = claim_index(result)
    for f in findings:
        key = baseline.key(f, claims)
        baseline.counts[key] += 1
        baseline.messages.setdefault(key, f.message)
    return baseline


def dumps(baseline: Baseline) -> str:
    entries = [
        {"rule": rule, "path": path, "sentence": sentence, "count": baseline.counts[(rule, path, sentence)],
         "message": baseline.messages.get((rule, path, sentence), "")}
        for rule, path, sentence in sorted(baseline.counts, key=lambda k: (k[1], k[0], k[2]))
    ]
    import json  # lazy: a plain run without a baseline never needs it

    return json.dumps({"schema": SCHEMA, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def write(baseline: Baseline, path: str | Path) -> None:
    try:
        Path(path).write_text(dumps(baseline), encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from exc


def load(path: str | Path) -> Baseline:
    import json

    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{p}: cannot read baseline: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{p}: baseline is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{p}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{p}: not a factcheck baseline (expected schema {SCHEMA!r} and a findings list)")
    baseline = Baseline(base=p.resolve().parent)
    for i, entry in enumerate(data["findings"], 1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("rule", "path", "sentence")):
            raise BaselineError(f"{p}: entry {i}: needs string fields rule, path and sentence")
        count = entry.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise BaselineError(f"{p}: entry {i}: count must be a positive integer")
        key = (entry["rule"], entry["path"], normalize_sentence(entry["sentence"]))
        baseline.counts[key] += count
        message = entry.get("message")
        if isinstance(message, str):
            baseline.messages.setdefault(key, message)
    return baseline
