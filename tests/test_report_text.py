"""The human report without rich, and the indented JSON without the pure-Python encoder: the same bytes.

``factcheck.report.human`` writes uncoloured reports without rich (a pre-commit hook's output is not a
terminal) and ``factcheck.report.jsontext`` writes ``indent=2`` JSON without the standard library's slow
path. Both must produce exactly what rich / ``json.dumps`` produce: compared here on the real samples and
seeds and on generated reports and values (control characters, tabs, newlines, CJK, odd numbers).
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.models import Claim, FileResult, Finding, Location, RunResult, Verdict
from factcheck.pipeline import Options, check_paths
from factcheck.reference import default_reference_path, load_reference
from factcheck.report import human, render
from factcheck.report.jsontext import dumps_indented
from factcheck.report.records import run_record
from factcheck.suppress import postprocess

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def _real_result() -> RunResult:
    paths = sorted(str(p) for p in (ROOT / "samples").iterdir()) + sorted(
        str(p) for p in (ROOT / "tests" / "gold" / "articles").iterdir())
    if SEEDS.is_dir():
        paths += sorted(str(p) for p in SEEDS.glob("*.txt"))
    ref = load_reference(default_reference_path())
    raw = check_paths(paths, ref, Options())
    sources = {p: Path(p).read_text(encoding="utf-8", errors="replace") for p in paths}
    return postprocess(raw, sources, baseline=None, disable=set(), severity={}, min_severity="info")


@pytest.fixture(scope="module")
def real() -> RunResult:
    return _real_result()


@pytest.mark.parametrize("quiet", [False, True])
def test_plain_human_report_is_what_rich_writes(real: RunResult, quiet: bool) -> None:
    plain = human.render(real, color=False, quiet=quiet)
    assert plain == human.render_rich(real, color=False, quiet=quiet)
    assert human.render(real, color=None, quiet=quiet) == plain
    assert "\x1b[" not in plain and plain.count("\n") > 50


def test_json_and_sarif_are_what_json_dumps_writes(real: RunResult) -> None:
    record = run_record(real)
    assert render(real, "json") == json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    from factcheck.report.sarif import sarif_log

    assert render(real, "sarif") == json.dumps(sarif_log(real), ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------------------ generated

# Text with what rich treats specially: control codes it strips, newlines it splits on, tabs it expands.
TEXT = st.lists(st.sampled_from([*"ab 12.,:%\"'\\/", "\n", "\t", "\r", "\x07", "\x08", "\x0b", "\x0c", "\x1b",
                                 "张", "家", "口", "μ", "³", "—", "\u200b", "\U0001f600", "[bold]", "[/]", ":smile:"]),
                max_size=30).map("".join)
SMALL = st.integers(min_value=0, max_value=300)


@st.composite
def findings(draw: st.DrawFn, path: str, claim: str | None) -> Finding:
    locs = draw(st.lists(st.builds(Location, st.just(path), SMALL, SMALL), max_size=3))
    return Finding(rule=draw(st.sampled_from(["FC101", "FC201", "FC601"])),
                   category=draw(st.sampled_from(["reference", "arithmetic"])),
                   severity=draw(st.sampled_from(["error", "warning", "info"])), message=draw(TEXT), path=path,
                   line=draw(SMALL), column=draw(SMALL), claim=claim, source=draw(st.none() | TEXT),
                   locations=tuple(locs), explanation=draw(TEXT))


@st.composite
def file_results(draw: st.DrawFn, index: int) -> FileResult:
    path = f"{draw(TEXT)}{index}.txt"
    claims = []
    for i in range(draw(st.integers(0, 3))):
        claims.append(Claim(
            id=f"c{i + 1}", path=path, line=draw(SMALL), column=draw(SMALL), quote=draw(TEXT), sentence=draw(TEXT),
            kind=draw(st.sampled_from(["level", "change", "multiple"])),
            value=draw(st.decimals(min_value=-1000, max_value=1000, places=2)),
            unit=draw(st.none() | st.sampled_from(["%", "μg/m³", "个"])),
            year=draw(st.none() | st.integers(1990, 2030)),
            baseline_year=draw(st.none() | st.integers(1990, 2030)),
            direction=draw(st.none() | st.sampled_from(["up", "down"])), region=draw(st.none() | TEXT),
            metric=draw(st.none() | TEXT), qualifier=draw(st.none() | st.sampled_from(["about", "at_least"])),
            precision=Decimal("0.1"), start=0, end=1, nstart=0, nend=1, sentence_index=0))
    found = [draw(findings(path, draw(st.sampled_from([None, *[c.id for c in claims]])))) for _ in
             range(draw(st.integers(0, 3)))]
    verdicts = [Verdict(c.id, draw(st.sampled_from(["agrees", "confirmed", "contradicts", "doubtful"])), draw(TEXT))
                for c in claims if draw(st.booleans())]
    repairs = tuple({"line": draw(SMALL), "column": draw(SMALL), "garbled": draw(TEXT), "restored": draw(TEXT)}
                    for _ in range(draw(st.integers(0, 2))))
    return FileResult(path=path, encoding=draw(st.none() | st.just("utf-8")), published=draw(st.none() | TEXT),
                      home_region=draw(st.none() | TEXT), claims=tuple(claims), findings=tuple(found),
                      verdicts=tuple(verdicts), repairs=repairs,
                      status=draw(st.sampled_from(["checked", "checked", "failed"])), error=None)


@st.composite
def run_results(draw: st.DrawFn) -> RunResult:
    files = tuple(draw(file_results(i)) for i in range(draw(st.integers(0, 3))))
    cross = tuple(draw(st.lists(findings("x.txt", None), max_size=2)))
    extra: dict[str, object] = {"suppressed": (1, 2)} if draw(st.booleans()) else {}
    return RunResult(files=files, findings=cross, reference_path="ref.yaml", extra=extra)


@given(run_results(), st.booleans())
def test_generated_reports_render_as_rich_renders_them(result: RunResult, quiet: bool) -> None:
    assert human.render(result, color=False, quiet=quiet) == human.render_rich(result, color=False, quiet=quiet)


def test_a_tab_is_left_to_rich() -> None:
    f = Finding(rule="FC101", category="reference", severity="error", message="a\tb 张\tc", path="p.txt", line=1,
                column=1)
    result = RunResult(files=(FileResult(path="p.txt", encoding="utf-8", published=None, home_region=None,
                                         findings=(f,)),))
    out = human.render(result, color=False)
    assert "\t" not in out and out == human.render_rich(result, color=False)


JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
                | st.text(max_size=12) | st.sampled_from(["%s", "%%", "\"", "\\", "\u2028", "\x00", "\ud800"]))
JSON_KEYS = st.text(max_size=6) | st.sampled_from(["%s", "%(x)s", "id", "\""])
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
                   | st.dictionaries(JSON_KEYS, inner, max_size=4)
                   | st.dictionaries(st.integers() | st.none() | st.booleans() | st.floats(), inner, max_size=3)),
    max_leaves=25,
)


@given(JSON_VALUES)
def test_dumps_indented_is_json_dumps(value: Any) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_dumps_indented_reuses_shapes_and_handles_other_types() -> None:
    rows = [{"id": f"c{i}", "value": i / 3, "tags": [], "more": {}, "n": None} for i in range(50)]
    assert dumps_indented({"rows": rows}) == json.dumps({"rows": rows}, ensure_ascii=False, indent=2)
    odd: list[Any] = [math.inf, -math.inf, True, False, 10**30, {1: "a", 2.5: [], None: {}}]
    assert dumps_indented(odd) == json.dumps(odd, ensure_ascii=False, indent=2)

    class Sub(int):
        pass

    with pytest.raises(TypeError):
        dumps_indented({"x": object()})
    assert dumps_indented([Sub(3)]) == json.dumps([Sub(3)], ensure_ascii=False, indent=2)


@given(run_results())
def test_generated_json_reports_are_what_json_dumps_writes(result: RunResult) -> None:
    # report.json writes files, claims and findings straight from the dataclasses, without record dicts
    expected = json.dumps(run_record(result), ensure_ascii=False, indent=2) + "\n"
    assert render(result, "json") == expected


def test_json_report_writes_related_claims_and_locations(real: RunResult) -> None:
    from dataclasses import replace

    fr = next(fr for fr in real.files if fr.claims and fr.findings)
    claims = (replace(fr.claims[0], related=("c9", "c\"10")), *fr.claims[1:])
    result = replace(real, files=(replace(fr, claims=claims),), findings=fr.findings)
    text = render(result, "json")
    assert text == json.dumps(run_record(result), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text)["files"][0]["claims"][0]["related"] == ["c9", "c\"10"]
