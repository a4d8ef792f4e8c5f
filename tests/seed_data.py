"""The seed report and its auditor's gold, kept in tests/data/seed so that a clone checks
the seed's figures on its own. A missing file fails the test that needs it: a skip would
let a broken checkout pass without checking anything."""
from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "seed"
SEED = DATA / "000_addc822f361de425.txt"
SEED_GOLD = DATA / "seed_expected.yaml"


def require(*paths: Path) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.fail("seed data missing from the checkout: " + ", ".join(missing))
