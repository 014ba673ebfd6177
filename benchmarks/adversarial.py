"""Adversarial inputs: do the reading stages (and the whole pipeline) stay linear?

    python benchmarks/adversarial.py [--n 100000] [--budget 2.0] [--pipeline-budget 5.0] [--only NAME]

For each input shape (100k digits, 100k dots, ``1.1.1.1…``, ``万万万…``, ``((((…``, ``(ā)(ā)…``,
``?`` next to CJK, long lines of ``、`` …) it times normalize+segment+extract, then the whole
pipeline (resolve and checks against the bundled reference), at size n and 2n. A ratio
t(2n)/t(n) near 2 means linear; near 4 quadratic. Exit status 1 when a case is over its budget
at size n or its ratio is above --max-ratio; the table says which. A case already over budget
at n/10 is not run at the larger sizes (it could take hours).

Also times how fast the reference loader refuses a billion-laughs and a deep-nesting bomb.
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

Shape = Callable[[int], str]


def _repeat(unit: str) -> Shape:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


CLAIM = "2023年,河北PM2.5平均浓度为38.6微克/立方米,比2014年下降57.6%。\n"
PROSE = "京津冀协同发展是一个重大国家战略,各地围绕生态环境保护开展了大量工作,市民普遍反映空气变好了。"

SHAPES: dict[str, Shape] = {
    "digits 1111…": _repeat("1"),
    "dots ....": _repeat("."),
    "1.1.1.1…": _repeat("1."),
    "1,1,1,1…": _repeat("1,"),
    "万万万…": _repeat("万"),
    "1万1万…": _repeat("1万"),
    "十百千万亿…": _repeat("十百千万亿"),
    "brackets ((((…": _repeat("("),
    "brackets (((…)))": lambda n: "(" * (n // 2) + ")" * (n - n // 2),
    "pinyin (ā)(ā)…": _repeat("(ā)"),
    "pinyin 萬(wàn)…": _repeat("萬(wàn)"),
    "orphan ?yàn)…": _repeat("?yàn)"),
    "???… after CJK": lambda n: "中" + "?" * (n - 1),
    "?中?中…": _repeat("?中"),
    "private use \\ue000…": _repeat("\ue000中"),
    "U+FFFD next to CJK": _repeat("\ufffd中"),
    "U+FFFD blocks + digits": _repeat("\ufffd\ufffd\ufffd5"),
    "、、、… one line": _repeat("、"),
    "1、1、… one line": _repeat("1、"),
    "spaced P M …": _repeat("P M "),
    "fullwidth ０１２…": _repeat("０１２．"),
    "%%%…": _repeat("%"),
    "年年年…": _repeat("2023年"),
    "比比比…": _repeat("比2014年下降"),
    "从…降至…": _repeat("从2014年的35降至"),
    "《《《…": _repeat("《"),
    "dashes ----": _repeat("-"),
    "spaces then x": lambda n: " " * (n - 1) + "x",
    "one line, sparse claims": _repeat(PROSE * 40 + "2023年,河北PM2.5平均浓度为38.6微克/立方米。"),
    "one line, dense claims": _repeat(CLAIM.replace("\n", "")),
    "lines, dense claims": _repeat(CLAIM),
}

MARKUP: dict[str, tuple[str, Shape]] = {
    "html <<<<…": ("html", _repeat("<")),
    "html <p><p>…": ("html", _repeat("<p>")),
    "html &#&#…": ("html", _repeat("&#")),
    "markdown [[[…": ("markdown", _repeat("[")),
    "markdown [a](…": ("markdown", _repeat("[a](")),
    "markdown ```…": ("markdown", _repeat("```\n")),
    "markdown <!--…": ("markdown", _repeat("<!--")),
    "markdown [a]: b lines": ("markdown", _repeat("[a]: b\n")),
    "markdown <!-- x --> lines": ("markdown", _repeat("<!-- x -->\n")),
}


def _stages(text: str, fmt: str) -> None:
    from factcheck.extract import extract
    from factcheck.normalize import normalize
    from factcheck.segment import segment

    norm = normalize(text, fmt)
    extract(norm.text, segment(norm.text))


def _pipeline(text: str, fmt: str) -> None:
    from factcheck.pipeline import check_text
    from factcheck.reference import default_reference_path, load_reference

    check_text(text, load_reference(default_reference_path()), fmt=fmt)


def _time(fn: Callable[[str, str], None], text: str, fmt: str) -> float:
    """Seconds for one call; the best of two when it is quick (less noise in the ratio)."""
    best = float("inf")
    for _ in range(2):
        gc.collect()
        start = time.perf_counter()
        fn(text, fmt)
        best = min(best, time.perf_counter() - start)
        if best > 1.0:
            break
    return best


def measure(fn: Callable[[str, str], None], shape: Shape, fmt: str, n: int, budget: float,
            max_ratio: float) -> tuple[str, bool]:
    """One table cell group: 't(n/10) t(n) t(2n) ratio verdict', and whether it passed."""
    small = _time(fn, shape(n // 10), fmt)
    if small > budget:
        return f"{small:8.3f} {'-':>8} {'-':>8} {'-':>6}  OVER BUDGET at n/10 (skipped larger sizes)", False
    if small > 0.05:  # extrapolate from n/10 and n/5 before paying for n (a quadratic case takes minutes)
        fifth = _time(fn, shape(n // 5), fmt)
        exponent = min(3.0, max(1.0, math.log2(max(fifth, 1e-9) / small)))
        predicted = fifth * 5 ** exponent
        if predicted > 3 * budget:
            return (f"{small:8.3f} {'-':>8} {'-':>8} {'-':>6}  OVER BUDGET: t(n/5) = {fifth:.2f} s, growth "
                    f"n^{exponent:.1f}, predicted t(n) = {predicted:.0f} s (not run)"), False
    t1 = _time(fn, shape(n), fmt)
    if t1 > 3 * budget:
        return f"{small:8.3f} {t1:8.3f} {'-':>8} {'-':>6}  OVER BUDGET (skipped 2n)", False
    t2 = _time(fn, shape(2 * n), fmt)
    ratio = t2 / t1 if t1 > 0.005 else 2.0  # below 5 ms the ratio is noise
    ok_time, ok_ratio = t1 <= budget, ratio <= max_ratio
    verdict = "ok" if ok_time and ok_ratio else ("OVER BUDGET" if not ok_time else "SUPER-LINEAR")
    if ok_time and not ok_ratio and t1 < budget / 10:
        verdict, ok_ratio = "ok (ratio of small times)", True
    return f"{small:8.3f} {t1:8.3f} {t2:8.3f} {ratio:6.2f}  {verdict}", ok_time and ok_ratio


def bombs() -> list[tuple[str, float, str]]:
    from factcheck.reference import ReferenceError, parse_reference

    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{'abcdefghi'[i]}"] * 9) + "]")
    cases = {
        "billion laughs (9 levels of 9 aliases)": "version: 1\n" + "\n".join(levels) + "\nregions: *i\n",
        "100k nested [[[…]]]": "version: 1\nregions: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "100k nested {a: {a: …}}": "version: 1\nregions: " + "{a: " * 100_000 + "}" * 100_000 + "\n",
    }
    parse_reference("version: 1\n", "warm.yaml")  # imports yaml: not the bombs' cost
    out = []
    for name, text in cases.items():
        start = time.perf_counter()
        try:
            parse_reference(text, "bomb.yaml")
            outcome = "ACCEPTED"
        except ReferenceError as exc:
            outcome = exc.message[:60]
        out.append((name, time.perf_counter() - start, outcome))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="the base size in characters (default 100000)")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds allowed at n for the stages")
    parser.add_argument("--pipeline-budget", type=float, default=5.0, help="seconds allowed at n, whole pipeline")
    parser.add_argument("--max-ratio", type=float, default=2.8, help="t(2n)/t(n) above this is super-linear")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--no-pipeline", action="store_true", help="time the reading stages only")
    args = parser.parse_args(argv)

    _stages(CLAIM * 3, "text")  # warm up: imports, OpenCC, the reference
    _pipeline(CLAIM * 3, "text")
    cases = [(name, "text", shape) for name, shape in SHAPES.items()]
    cases += [(name, fmt, shape) for name, (fmt, shape) in MARKUP.items()]
    if args.only:
        cases = [c for c in cases if args.only in c[0]]
    n = args.n
    print(f"n = {n} characters; budget {args.budget} s (stages), {args.pipeline_budget} s (pipeline) at n; "
          f"ratio t(2n)/t(n) <= {args.max_ratio}")
    print(f"{'case':<28} {'what':<9} {'t(n/10)':>8} {'t(n)':>8} {'t(2n)':>8} {'ratio':>6}  verdict")
    failures = []
    for name, fmt, shape in cases:
        runs = [("stages", _stages, args.budget)]
        if not args.no_pipeline:
            runs.append(("pipeline", _pipeline, args.pipeline_budget))
        for what, fn, budget in runs:
            row, ok = measure(fn, shape, fmt, n, budget, args.max_ratio)
            print(f"{name:<28} {what:<9} {row}", flush=True)
            if not ok:
                failures.append(f"{name} ({what})")
    print()
    for name, seconds, outcome in bombs():
        print(f"reference bomb: {name:<40} {seconds * 1000:8.1f} ms  {outcome}")
        if outcome == "ACCEPTED" or seconds > 1.0:
            failures.append(f"bomb: {name}")
    if failures:
        print(f"\n{len(failures)} case(s) failed: " + "; ".join(failures))
        return 1
    print("\nall cases linear and within budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
