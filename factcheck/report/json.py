"""``--format json``: the whole run as one JSON document (schema ``factcheck/1``)."""

from __future__ import annotations

from factcheck.models import RunResult
from factcheck.report.jsontext import dumps_indented
from factcheck.report.records import run_record


def render(result: RunResult, **_: object) -> str:
    # = json.dumps(run_record(result), ensure_ascii=False, indent=2) + "\n", faster (see jsontext)
    return dumps_indented(run_record(result)) + "\n"
