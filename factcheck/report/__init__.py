"""Output formats, one module each. The checking core never formats; a report never checks.

``FORMATS`` maps a format name to the module that renders it; each module has
``render(result: RunResult) -> str``.
"""

from __future__ import annotations

import importlib

from factcheck.models import RunResult

FORMATS: dict[str, str] = {
    "human": "factcheck.report.human",
    "json": "factcheck.report.json",
    "jsonl": "factcheck.report.jsonl",
    "sarif": "factcheck.report.sarif",
    "github": "factcheck.report.github",
}
# Formats read by programs: plain bytes, never rich styling, never a progress bar.
MACHINE_FORMATS = frozenset({"json", "jsonl", "sarif", "github"})


def render(result: RunResult, fmt: str, **kwargs: object) -> str:
    module = importlib.import_module(FORMATS[fmt])
    text: str = module.render(result, **kwargs)
    return text
