"""The whole path: inputs -> documents -> findings -> RunResult. No output formatting here.

``check_paths`` is the library entry point the CLI uses; ``check_text`` checks one
string (tests, the API). A bad input never stops the run: it becomes a FileResult
with status "failed" and an ``input`` finding, and the other files are checked.
Files are reported in path order, each once, whatever the order of the arguments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from factcheck.models import FileResult, Finding, Loaded, RunResult, Verdict
from factcheck.numbers import lazy_re

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.reference import Reference


@dataclass(frozen=True)
class Options:
    date: dt.date | None = None
    region: str | None = None
    max_size: int | None = None


def read_document(loaded: Loaded, ref: Reference, options: Options) -> Document:
    from factcheck.document import Document
    from factcheck.extract import extract
    from factcheck.normalize import normalize
    from factcheck.positions import LineIndex
    from factcheck.resolve import resolve
    from factcheck.segment import segment

    norm = normalize(loaded.text, loaded.format)
    sentences = tuple(segment(norm.text))
    extraction = extract(norm.text, sentences)
    lines = LineIndex(loaded.text)
    res = resolve(loaded, norm, sentences, extraction, ref, date=options.date, region=options.region, lines=lines)
    return Document(loaded, norm, sentences, extraction, res.claims, lines, res.published, res.home_region)


def input_finding(path: str, message: str, line: int = 1, column: int = 1, severity: str = "error",
                  rule: str = "FC001") -> Finding:
    from factcheck.models import Location

    return Finding(rule=rule, category="input", severity=severity, message=message, path=path, line=line,
                   column=column, locations=(Location(path, line, column),))


def unreadable_findings(doc: Document) -> list[Finding]:
    out = []
    for span in doc.norm.unreadable:
        line, column = doc.lines.line_col(span.start)
        out.append(input_finding(
            doc.path, f"unreadable garbled text {span.text!r}: no number is read from it",
            line, column, severity="warning", rule="FC002"))
    return out


# Site boilerplate a reader never sees as the article (not code, front matter or comments, which the writer put
# there on purpose). A figure with a unit or a percent sign in such a line is worth one info line: if the line was
# misjudged, the editor sees what was not checked.
_BOILERPLATE_REASONS = frozenset({"navigation", "seo", "widget", "image", "copyright", "tail"})
_FIGURE = lazy_re(r"\d(?:[\d,.]*\d)?\s*(?:%|％|‰|[万亿]|[\u4e00-\u9fff]{0,2}(?:元|吨|千瓦|公里|人次|微克|个|天)"
                     r"|(?:percent|per cent|million|billion|trillion|tonnes|yuan|micrograms|days)\b)", re.IGNORECASE)


def skipped_findings(doc: Document) -> list[Finding]:
    """FC004: one info finding per skipped boilerplate line that holds a figure (line, column, quoted text)."""
    out = []
    text = doc.loaded.text
    for start, end, reason in doc.norm.dropped:
        if reason not in _BOILERPLATE_REASONS:
            continue
        pos = start
        for raw in text[start:end].split("\n"):
            if _FIGURE.search(raw):
                line, column = doc.lines.line_col(pos)
                quote = " ".join(raw.split())  # (an ideographic space would print as \u3000)
                quote = quote if len(quote) <= 80 else quote[:77] + "..."
                out.append(input_finding(
                    doc.path, f"skipped as site boilerplate ({reason}), not checked: {quote!r}",
                    line, column, severity="info", rule="FC004"))
            pos += len(raw) + 1
    return out


def _split(results: Iterable[Finding | Verdict]) -> tuple[list[Finding], list[Verdict]]:
    findings: list[Finding] = []
    verdicts: list[Verdict] = []
    for r in results:
        if isinstance(r, Finding):
            findings.append(r)
        else:
            verdicts.append(r)
    return findings, verdicts


def _sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    unique = {(f.rule, f.path, f.line, f.column, f.claim, f.message): f for f in findings}
    return tuple(sorted(unique.values(), key=lambda f: (f.path, f.line, f.column, f.rule, f.message)))


def file_result(doc: Document, findings: Sequence[Finding], verdicts: Sequence[Verdict]) -> FileResult:
    repairs = []
    for rep in doc.norm.repairs:
        line, column = doc.lines.line_col(rep.start)
        repairs.append({"line": line, "column": column, "garbled": rep.garbled, "restored": rep.restored})
    unreadable = []
    for span in doc.norm.unreadable:
        line, column = doc.lines.line_col(span.start)
        unreadable.append({"line": line, "column": column, "text": span.text})
    # One verdict per claim: a contradiction outweighs a doubt, which outweighs agreement.
    rank = {"contradicts": 0, "doubtful": 1, "agrees": 2, "confirmed": 3}
    best: dict[str, Verdict] = {}
    for v in sorted(verdicts, key=lambda v: (v.claim, rank.get(v.status, 9), v.detail)):
        best.setdefault(v.claim, v)
    return FileResult(
        path=doc.path, encoding=doc.loaded.encoding,
        published=doc.published.isoformat() if doc.published else None,
        home_region=doc.home_region, claims=doc.claims,
        findings=_sort_findings([*unreadable_findings(doc), *findings]),
        verdicts=tuple(best[c.id] for c in doc.claims if c.id in best),
        repairs=tuple(repairs), unreadable=tuple(unreadable),
    )


FileOutcome = tuple["Document", list[Finding], list[Verdict]]


def read_and_check(item: Loaded, ref: Reference, options: Options) -> FileOutcome | FileResult:
    """The per-file part of a run: reading stages and file checks (what a ``--jobs`` worker does)."""
    from factcheck.checks import run_file_checks

    try:
        doc = read_document(item, ref, options)
    except Exception as exc:  # a bug in a reading stage must not cost the other files
        return failed(item.path, f"internal error while reading: {type(exc).__name__}: {exc}")
    findings, verdicts = _split(run_file_checks(doc, ref))
    return doc, [*skipped_findings(doc), *findings], verdicts


def slim(doc: Document) -> Document:
    """A document as the run-wide pass keeps it: path, claims, dates, line index and the positions of repairs;
    not the text, its offset maps, sentences or extraction (together ~100x the size of the text). Run checks
    (``check_run``) and FileResults see only these, so a run holds memory in proportion to its claims."""
    from factcheck.document import Document
    from factcheck.models import Extraction, Normalized

    loaded = Loaded(doc.path, "", doc.loaded.encoding, doc.loaded.format)
    norm = Normalized("", (), (), doc.norm.repairs, doc.norm.unreadable)
    return Document(loaded, norm, (), Extraction((), ()), doc.claims, doc.lines, doc.published, doc.home_region)


def check_loaded(items: Sequence[Loaded | FileResult], ref: Reference, options: Options,
                 jobs: int = 1) -> RunResult:
    """Check already-loaded inputs; FileResults (failed loads) pass through in order.

    ``jobs`` > 1 reads and checks the files in that many worker processes (``factcheck.parallel``) when there
    are enough of them to pay for the start-up; the result is the same as with ``jobs=1``.
    """
    outcomes: Iterable[FileOutcome | FileResult]
    if jobs != 1:
        from factcheck.parallel import read_and_check_all

        outcomes = read_and_check_all(items, ref, options, jobs)
    else:
        outcomes = (it if isinstance(it, FileResult) else read_and_check(it, ref, options) for it in items)
    return assemble(outcomes, ref)


def assemble(outcomes: Iterable[FileOutcome | FileResult], ref: Reference) -> RunResult:
    """The run-wide part, over every file's outcome in input order: cross-file checks, then the results.

    Documents are kept :func:`slim` from here on, whichever process read them."""
    from factcheck.checks import run_run_checks

    docs: list[Document] = []
    results: dict[int, FileResult] = {}
    per_doc: list[tuple[int, list[Finding], list[Verdict]]] = []
    count = 0
    for i, outcome in enumerate(outcomes):
        count = i + 1
        if isinstance(outcome, FileResult):
            results[i] = outcome
            continue
        doc, findings, verdicts = outcome
        docs.append(slim(doc))
        per_doc.append((i, findings, verdicts))
    run_findings, run_verdicts = _split(run_run_checks(docs, ref))
    by_path: dict[str, list[Finding]] = {}
    cross: list[Finding] = []
    for f in run_findings:
        # A finding whose locations all lie in one file belongs to that file.
        paths = {loc.path for loc in f.locations} or {f.path}
        if len(paths) == 1:
            by_path.setdefault(f.path, []).append(f)
        else:
            cross.append(f)
    # Run verdicts ("path#claim") grouped by path once: linear in files, not files x verdicts.
    verdicts_by_path: dict[str, list[tuple[str, Verdict]]] = {}
    for v in run_verdicts:
        path, _, claim = v.claim.rpartition("#")
        verdicts_by_path.setdefault(path, []).append((claim, v))
    for doc, (i, findings, verdicts) in zip(docs, per_doc, strict=True):
        ids = {c.id for c in doc.claims}
        extra_verdicts = [Verdict(claim, v.status, v.detail)
                          for claim, v in verdicts_by_path.get(doc.path, ()) if claim in ids]
        results[i] = file_result(doc, [*findings, *by_path.get(doc.path, [])], [*verdicts, *extra_verdicts])
    return RunResult(files=tuple(results[i] for i in range(count)), findings=_sort_findings(cross),
                     reference_path=str(ref.path))


def failed(path: str, message: str) -> FileResult:
    return FileResult(path=path, encoding=None, published=None, home_region=None,
                      findings=(input_finding(path, message),), status="failed", error=message)


def load_inputs(args: Sequence[str], options: Options, stdin: BinaryIO | None = None) -> list[Loaded | FileResult]:
    """Every input once, in path order (so the output does not depend on the order of the arguments):
    a Loaded, or a failed FileResult saying why it cannot be read. Nothing given is left out."""
    from factcheck.load import InputError, expand, load_path, load_stdin

    items: list[Loaded | FileResult] = []
    expanded = dict(expand(args))  # a path named twice (or found twice) is checked once
    for path in sorted(expanded, key=lambda p: "<stdin>" if p == "-" else p):
        error = expanded[path]
        if error is not None:
            items.append(failed(path, error.message))
            continue
        try:
            if path == "-":
                if stdin is None:
                    raise InputError("<stdin>", "no standard input")
                items.append(load_stdin(stdin, options.max_size))
            else:
                items.append(load_path(path, options.max_size))
        except InputError as exc:
            items.append(failed(exc.path, exc.message))
    return items


def check_paths(args: Sequence[str], ref: Reference, options: Options | None = None,
                stdin: BinaryIO | None = None) -> RunResult:
    options = options or Options()
    return check_loaded(load_inputs(args, options, stdin), ref, options)


def check_text(text: str, ref: Reference, path: str = "<text>", fmt: str = "text",
               options: Options | None = None) -> RunResult:
    loaded = Loaded(path=path, text=text, encoding="utf-8", format=fmt)
    return check_loaded([loaded], ref, options or Options())

