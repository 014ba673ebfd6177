from __future__ import annotations

from decimal import Decimal as D

from factcheck.interval import INF, Interval, fmt, stated


def test_stated_precision_is_half_a_unit_of_the_last_digit() -> None:
    iv = stated(D("38.6"), D("0.05"))
    assert iv == Interval(D("38.55"), D("38.65"))
    assert iv.contains(D("38.6")) and not iv.contains(D("38.2"))


def test_qualifiers_are_bounds_not_averages() -> None:
    assert stated(D(1490000), D(5000), "at_least") == Interval(D(1490000), INF)
    assert stated(D(50), D("0.5"), "less_than").hi == D(50)
    about = stated(D(100), D("0.5"), "about")
    assert about.contains(D(104)) and not about.contains(D(106))


def test_ranges_cover_both_ends() -> None:
    iv = stated(D(18), D("0.5"), None, D(25))
    assert iv == Interval(D("17.5"), D("25.5"))


def test_relative_change_of_rounded_endpoints_contains_stated_change() -> None:
    start, end = stated(D(35), D("0.5")), stated(D(18), D("0.5"))
    change = (end - start) / start * Interval(D(100), D(100))
    assert change.contains(D("-48.6"))
    assert not change.contains(D("-54.6"))


def test_division_by_an_interval_containing_zero_is_unbounded() -> None:
    assert (Interval(D(1), D(2)) / Interval(D(-1), D(1))) == Interval(-INF, INF)


def test_fmt_writes_numbers_as_people_do() -> None:
    assert fmt(D("203722000000")) == "203722000000"
    assert fmt(D("38.60")) == "38.6"
    assert fmt(D("2.28E+4")) == "22800"
