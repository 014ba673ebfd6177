"""The check families and the rule catalog.

``FAMILIES`` is the explicit registry (yamllint style): family name -> module path.
Modules are imported on first use so that ``factcheck --help`` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from factcheck.checks.base import Result, Rule

if TYPE_CHECKING:
    from collections.abc import Sequence

    from factcheck.document import Document
    from factcheck.reference import Reference

FAMILIES: dict[str, str] = {
    "reference": "factcheck.checks.reference",  # FC101-FC102
    "implied": "factcheck.checks.implied",  # FC103-FC104
    "arithmetic": "factcheck.checks.arithmetic",  # FC201-FC203
    "sums": "factcheck.checks.sums",  # FC301-FC302
    "standards": "factcheck.checks.standards",  # FC401-FC402
    "baselines": "factcheck.checks.baselines",  # FC501-FC502
    "crosssource": "factcheck.checks.crosssource",  # FC601
    "dates": "factcheck.checks.dates",  # FC701-FC703
}


def family(name: str) -> ModuleType:
    return importlib.import_module(FAMILIES[name])


def all_rules() -> list[Rule]:
    rules = [rule for name in FAMILIES for rule in family(name).RULES]
    return sorted(rules, key=lambda r: r.id)


def rule_by_id(rule_id: str) -> Rule | None:
    wanted = rule_id.upper()
    return next((r for r in all_rules() if r.id == wanted or r.name == rule_id.lower()), None)


def run_file_checks(doc: Document, ref: Reference) -> Iterator[Result]:
    for name in FAMILIES:
        module = family(name)
        if hasattr(module, "check"):
            yield from module.check(doc, ref)


def run_run_checks(docs: Sequence[Document], ref: Reference) -> Iterator[Result]:
    for name in FAMILIES:
        module = family(name)
        if hasattr(module, "check_run"):
            yield from module.check_run(docs, ref)
