"""One YAML fixture file per rule (sqlfluff style), run by one parametrised test.

``tests/fixtures/rules/FCnnn.yaml``::

    rule: FC201
    cases:
      - name: zh wrong percentage for its endpoints
        expect: fail            # the rule fires (at least once) | pass: it does not fire
        text: "..."             # or texts: [..., ...] for cross-file rules (files a.txt, b.txt, ...)
        date: 2024-02-23        # optional --date
        region: zhangjiakou     # optional --region
        format: markdown        # optional
        line: 1                 # optional: the line a fail case must be reported at

Every rule of the catalog must have at least one fail and one pass case in Chinese
and in English (proselint's rule: a check without examples fails the suite).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.checks import FAMILIES, all_rules, family
from factcheck.models import Loaded
from factcheck.pipeline import Options, check_loaded
from factcheck.reference import default_reference_path, load_reference

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(FIXTURES.glob("FC*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((data["rule"], case))
    return out


def _run(case: dict[str, Any]) -> list[Any]:
    ref = load_reference(default_reference_path())
    texts = case.get("texts") or [case["text"]]
    fmt = case.get("format", "text")
    items = [Loaded(path=f"{chr(ord('a') + i)}.txt", text=t, encoding="utf-8", format=fmt)
             for i, t in enumerate(texts)]
    date = case.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    result = check_loaded(items, ref, Options(date=date, region=case.get("region")))
    return [f for fr in result.files for f in fr.findings] + list(result.findings)


@pytest.mark.parametrize(("rule", "case"), _cases(), ids=lambda v: v if isinstance(v, str) else v["name"])
def test_rule_fixture(rule: str, case: dict[str, Any]) -> None:
    hits = [f for f in _run(case) if f.rule == rule]
    if case["expect"] == "fail":
        assert hits, f"{rule} did not fire on: {case.get('text') or case.get('texts')}"
        if "line" in case:
            assert any(f.line == case["line"] for f in hits), [(f.line, f.message) for f in hits]
    else:
        assert not hits, [f.message for f in hits]


def test_every_registered_family_has_rules_and_a_check() -> None:
    for name in FAMILIES:
        module = family(name)
        assert module.RULES, name
        assert hasattr(module, "check") or hasattr(module, "check_run"), name


def test_every_rule_has_fail_and_pass_examples_in_both_languages() -> None:
    cases = _cases()
    missing = []
    for rule in all_rules():
        if rule.category == "input":
            continue
        mine = [c for r, c in cases if r == rule.id]
        for expect in ("fail", "pass"):
            langs = {"zh" if CJK.search(" ".join(c.get("texts") or [c["text"]])) else "en"
                     for c in mine if c["expect"] == expect}
            for lang in ("zh", "en"):
                if lang not in langs:
                    missing.append(f"{rule.id} {expect} {lang}")
    assert not missing, missing
