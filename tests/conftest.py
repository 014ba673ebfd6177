from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_000 = SEEDS / "000_9a5ee806d8a87708.txt"
SEED_002 = SEEDS / "002_0eab06648632afac.txt"


@pytest.fixture
def seeds() -> tuple[Path, Path]:
    if not (SEED_000.exists() and SEED_002.exists()):
        pytest.skip("seed articles (../shared/seeds) not present")
    return SEED_000, SEED_002
