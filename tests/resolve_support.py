"""Helpers shared by the resolve test files: the claims of a text run through the whole pipeline."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.models import Claim
from factcheck.pipeline import Options, check_text
from factcheck.reference import default_reference_path, load_reference


def claims(text: str, fmt: str = "text", **options: Any) -> list[Claim]:
    ref = load_reference(default_reference_path())
    return list(check_text(text, ref, fmt=fmt, options=Options(**options)).files[0].claims)


def by_value(cs: list[Claim], value: str, nth: int = 0) -> Claim:
    hits = [c for c in cs if c.value == Decimal(value)]
    assert len(hits) > nth, [(c.quote, c.value) for c in cs]
    return hits[nth]
