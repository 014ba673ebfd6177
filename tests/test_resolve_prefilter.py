"""The resolver's speed-ups answer exactly as the plain scans they skip: literal prefilters and the folded name scan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import resolve as R
from factcheck.numbers import compiled
from factcheck.reference import default_reference_path, load_reference

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
PATTERNS = sorted((name, compiled(value)) for name, value in vars(R).items()
                  if name.isupper() and isinstance(value, (re.Pattern, type(R.lazy_re("x")))))
# Characters a case-insensitive match joins to another (ſ/s, K/k, İ/i, ı/i, ς/σ, ϱ/ρ, µ/μ) and full-width forms.
TRICKY = "ſKİıΣσςϱρµμＰＭ"


def _texts() -> list[str]:
    paths = sorted((ROOT / "samples").glob("*")) + sorted(SEEDS.glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()]


def test_required_literals_of_known_patterns() -> None:
    assert R.required_literals(compiled(R.PART_OF_YEAR)) is not None
    assert "月" in (R.required_literals(compiled(R.PART_OF_YEAR)) or ())
    assert "respectively" in (R.required_literals(compiled(R.RESPECTIVELY_EN)) or ())
    # Nothing is required of a pattern that may match without a literal.
    assert R.required_literals(re.compile(r"\d+|万")) is None
    assert R.required_literals(re.compile(r"(?:ab)?c*")) is None
    # Lookarounds look outside the match: their text is never required.
    assert R.required_literals(re.compile(r"(?<=foo)bar(?=baz)")) == ("bar",)


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_prefilter_never_hides_a_match_in_real_text(name: str, pattern: re.Pattern[str]) -> None:
    texts = _texts()
    if not texts:
        pytest.skip("no sample texts")
    for text in texts:
        for lo in range(0, len(text), 97):
            hi = lo + 240
            fast, slow = R.search_in(pattern, text, lo, hi), pattern.search(text, lo, hi)
            assert (fast and fast.span()) == (slow and slow.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["月", "季度", "半年", "Output", "OZONE", "sales", "NO2", "no2", "respectively",
                                 "累计", "目前", " ", "，", "2023年", "1-11", "x", TRICKY]), max_size=12),
       st.sampled_from([n for n, _ in PATTERNS]))
def test_prefilter_is_a_superset(pieces: list[str], name: str) -> None:
    pattern = dict(PATTERNS)[name]
    text = "".join(pieces)
    if pattern.search(text) is not None:
        assert R.may_match(pattern, text)


def test_case_fold_joins_what_ignorecase_joins() -> None:
    ref = load_reference(default_reference_path())
    names = R.matcher_for(ref).lookup
    chars = sorted({ch for n in names for ch in n if not "\u4e00" <= ch <= "\u9fff"}
                   | set("abcdefghijklmnopqrstuvwxyz0123456789ρσμ"))
    universe = "".join(chr(i) for i in range(0x2400)) + "".join(chr(i) for i in range(0xFF00, 0xFFF0)) + "\u212a"
    folded = R.case_fold(universe)
    assert len(folded) == len(universe)
    for p in chars:
        joined = {m.start() for m in re.finditer(re.escape(p), universe, re.IGNORECASE)}
        same = {i for i, ch in enumerate(folded) if ch == R.case_fold(p)}
        assert joined == same, p
    word = {m.start() for m in re.finditer("[A-Za-z0-9]", universe, re.IGNORECASE)}
    assert word == {m.start() for m in re.finditer("[a-z0-9]", folded)}


def test_folded_name_scan_equals_case_insensitive_scan() -> None:
    matcher = R.matcher_for(load_reference(default_reference_path()))
    assert matcher.folded_pattern is not None
    texts = [*_texts(), "BEIJING and ſhijiazhuang, HEBEİ PROVINCE: PM2.5 ТIANJIN Kangbao", TRICKY * 3]
    for text in texts:
        plain = [m.span() for m in matcher.pattern.finditer(text)]
        assert [m.span() for m in matcher.folded_pattern.finditer(R.case_fold(text))] == plain


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_scanner_finds_exactly_what_the_pattern_finds(name: str, pattern: re.Pattern[str]) -> None:
    """scanner() puts a first-character lookahead before a pattern for whole-text scans: the same spans and groups,
    on the samples and seeds and on text made of the characters a case-insensitive match treats specially."""
    fast = R.scanner(pattern)
    texts = [*_texts(), TRICKY * 3, "Ｐ M2.5 and ozone; 分别为 respectively 累计 目前 ſince 2013年"]
    for text in texts:
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)], name
