"""Interval arithmetic on stated numbers, so that rounding is never reported as an error.

A number stated as ``38.6`` stands for every value that rounds to it: [38.55, 38.65].
A qualifier widens or bounds that interval ("约" about, "余" at least, "不到" less than).
Checks compute with intervals and flag only what cannot round to the claim
(the AggChecker rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# How far "about" / "nearly" may stray from the stated value, as a fraction of it.
ABOUT = Decimal("0.05")
NEARLY = Decimal("0.10")
INF = Decimal("Infinity")


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    def contains(self, x: Decimal) -> bool:
        return self.lo <= x <= self.hi

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        products = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            return Interval(-INF, INF)
        return self * Interval(1 / other.hi, 1 / other.lo)

    def describe(self, places: int = 2) -> str:
        q = Decimal(1).scaleb(-places)
        lo = "-inf" if self.lo == -INF else str(self.lo.quantize(q))
        hi = "inf" if self.hi == INF else str(self.hi.quantize(q))
        return f"[{lo}, {hi}]"


def point(x: Decimal) -> Interval:
    return Interval(x, x)


def stated(value: Decimal, precision: Decimal, qualifier: str | None = None,
           value_high: Decimal | None = None) -> Interval:
    """The interval a stated number stands for, given its precision and qualifier."""
    hi_value = value_high if value_high is not None else value
    lo, hi = value - precision, hi_value + precision
    if qualifier == "about":
        lo = min(lo, value - abs(value) * ABOUT)
        hi = max(hi, hi_value + abs(hi_value) * ABOUT)
    elif qualifier == "nearly":
        lo = min(lo, value - abs(value) * NEARLY)
    elif qualifier in ("at_least", "more_than"):
        lo, hi = value, INF
    elif qualifier in ("less_than", "at_most"):
        lo = -INF
        hi = hi_value
    return Interval(lo, hi)


def fmt(x: Decimal) -> str:
    """A Decimal as a human writes it: no exponent, no trailing zeros."""
    if x in (INF, -INF):
        return "inf" if x > 0 else "-inf"
    s = format(x.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s
