"""Input rules: findings about the files themselves, not about their claims.

This module has no ``check``: FC001 and FC002 are raised by ``factcheck.pipeline``
while reading, FC003 by ``factcheck.suppress`` after checking. It only declares the
rules so that the catalog (``factcheck rules``, ``explain``, SARIF) knows them.

FC001 unreadable-input (error)
    A file that cannot be read: missing, not text in any supported encoding, too large.
FC002 garbled-text (warning)
    A byte-shifted garbled run that could not be restored; no number is read from it.
FC003 unused-suppression (info)
    A ``factcheck: ignore`` directive that suppressed nothing (stale after an edit).
FC004 skipped-figures (info)
    A line skipped as site boilerplate (navigation, share and print widgets, copyright, the page tail after
    责任编辑 / "Related stories") that holds a figure with a unit: nothing in it is checked, and the finding says so
    with the line and the quoted text, so a misjudged line is seen rather than lost.

    FAIL (FC004 reported): a page tail after 责任编辑 that repeats "全年PM2.5平均浓度38微克/立方米".
    PASS: a menu line "首页 | 新闻 | 专题", a copyright line "© 2024 某报", a date line.
"""

from __future__ import annotations

from factcheck.checks.base import Rule

UNREADABLE = Rule(
    "FC001", "unreadable-input", "input", "error",
    "A file could not be read (missing, not text in a supported encoding, or too large).",
    "a binary file given as an article", "a UTF-8, GB18030, Big5 or UTF-16 text file",
)
GARBLED = Rule(
    "FC002", "garbled-text", "input", "warning",
    "A garbled run of text could not be restored; no number is read from it.",
    "张家口埣铱谛侣劸(gòu)水库", "张家口官厅水库",
)
UNUSED_SUPPRESSION = Rule(
    "FC003", "unused-suppression", "input", "info",
    "A 'factcheck: ignore' directive suppressed no finding (stale after an edit?).",
    "<!-- factcheck: ignore FC201 --> above a sentence with no FC201 finding",
    "<!-- factcheck: ignore FC201 --> above a sentence whose percentage FC201 flags",
)
SKIPPED_FIGURES = Rule(
    "FC004", "skipped-figures", "input", "info",
    "A line skipped as site boilerplate holds a figure with a unit; it is not checked.",
    "责任编辑：张三 / 相关阅读：全年PM2.5平均浓度38微克/立方米 (after the article)",
    "© 2024 某报 版权所有",
)
RULES = (UNREADABLE, GARBLED, UNUSED_SUPPRESSION, SKIPPED_FIGURES)


def catalog() -> list[Rule]:
    """Every rule: the check families' catalog plus the input rules, sorted by id."""
    from factcheck.checks import all_rules

    rules = {r.id: r for r in RULES}
    rules.update({r.id: r for r in all_rules()})
    return sorted(rules.values(), key=lambda r: r.id)


def find_rule(rule_id: str) -> Rule | None:
    """A rule by id (``FC101``, any case) or by name (``reference-mismatch``)."""
    wanted = rule_id.strip()
    return next((r for r in catalog() if r.id == wanted.upper() or r.name == wanted.lower()), None)
