"""``--format jsonl``: one finding per line (a ``factcheck/1`` finding record), then nothing else.

Only findings are emitted — claims are not (use ``--format json`` for those). Each
line is a complete JSON object with the same fields as a finding of the JSON
report (``rule``, ``severity``, ``path``, ``line``, ``column``, ``message`` ...);
file findings come first, in file order, then the findings that span several
files. A run without findings prints nothing at all, so ``wc -l`` counts findings.
"""

from __future__ import annotations

import json

from factcheck.models import RunResult
from factcheck.report.records import all_findings, finding_record


def render(result: RunResult, **_: object) -> str:
    return "".join(json.dumps(finding_record(f), ensure_ascii=False, sort_keys=False) + "\n"
                   for f in all_findings(result))
