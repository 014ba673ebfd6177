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


# ---------------------------------------------------------------- hypothesis profiles (tests/test_properties.py)
# "ci" (the default) keeps the suite fast; HYPOTHESIS_PROFILE=long runs 10,000 examples per property.
def _hypothesis_profiles() -> None:
    import os

    from hypothesis import HealthCheck, settings

    slow = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=slow)
    settings.register_profile("long", max_examples=10_000, deadline=None, suppress_health_check=slow)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()
