"""``--format json``: the whole run as one JSON document (schema ``factcheck/1``).

The text is exactly ``json.dumps(run_record(result), ensure_ascii=False, indent=2) + "\\n"``. Files, claims
and findings (nearly all of the document) are written straight from their dataclasses into the ``%``
template of their record at its depth (:mod:`factcheck.report.jsontext`), without building the record
dicts of :mod:`factcheck.report.records` first; the keys and values come from there.
"""

from __future__ import annotations

from factcheck.models import Claim, FileResult, Finding, RunResult
from factcheck.report.jsontext import dict_template, encode_values, list_text
from factcheck.report.records import (
    CLAIM_KEYS,
    FILE_KEYS,
    FINDING_KEYS,
    LOCATION_KEYS,
    RUN_KEYS,
    SCHEMA,
    claim_values,
    finding_values,
    statuses,
    summary,
)


class _Templates:
    """A record's ``%`` template at each depth (the newline + indent before its opening brace)."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys
        self.by_depth: dict[str, str] = {}

    def at(self, nl: str) -> str:
        template = self.by_depth.get(nl)
        if template is None:
            template = self.by_depth[nl] = dict_template(self.keys, nl)
        return template


_RUN = _Templates(RUN_KEYS)
_FILE = _Templates(FILE_KEYS)
_CLAIM = _Templates(CLAIM_KEYS)
_FINDING = _Templates(FINDING_KEYS)
_LOCATION = _Templates(LOCATION_KEYS)


def render(result: RunResult, **_: object) -> str:
    nl = "\n"
    inner = nl + "  "
    item = inner + "  "  # the elements of the run's lists
    # One join writes the document (tens of MB for an archive): the files' texts are not copied into a list's
    # text first and that into the document then.
    files: list[str] = ["[]"]
    if result.files:
        files = ["[", item]
        for fr in result.files:
            files += (_file(fr, item), "," + item)
        files[-1] = inner + "]"
    findings = list_text([_finding(f, item) for f in result.findings], inner)
    schema, reference, summary_text = encode_values((SCHEMA, result.reference_path, summary(result)), inner)
    before, after = _around_files(nl)
    return "".join([before % (schema, reference), *files, after % (findings, summary_text)])


def _around_files(nl: str) -> tuple[str, str]:
    """The run's template before and after its "files" value (each still a ``%`` template)."""
    template = _RUN.at(nl) + "\n"
    cut = template.index("%s", template.index("%s", template.index("%s") + 2) + 2)  # the third slot: "files"
    return template[:cut], template[cut + 2:]


def _file(fr: FileResult, nl: str) -> str:
    status = statuses(fr)
    inner = nl + "  "
    item = inner + "  "
    claims = list_text([_claim(c, status[c.id], item) for c in fr.claims], inner)
    findings = list_text([_finding(f, item) for f in fr.findings], inner)
    head = encode_values((fr.path, fr.status, fr.error, fr.encoding, fr.published, fr.home_region), inner)
    tail = encode_values((list(fr.repairs), list(fr.unreadable)), inner)
    return _FILE.at(nl) % (*head, claims, findings, *tail)


def _claim(c: Claim, status: str, nl: str) -> str:
    return _CLAIM.at(nl) % tuple(encode_values(claim_values(c, status), nl + "  "))


def _finding(f: Finding, nl: str) -> str:
    inner = nl + "  "
    item = inner + "  "
    template = _LOCATION.at(item)
    locations = list_text([template % tuple(encode_values((loc.path, loc.line, loc.column), item + "  "))
                           for loc in f.locations], inner)
    return _FINDING.at(nl) % (*encode_values(finding_values(f), inner), locations)
