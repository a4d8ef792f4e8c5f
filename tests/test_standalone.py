"""The tests stand on their own in a clone: the seed's gold lives in tests/data, and no
test reaches outside the repository for it (or skips when it is not there)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from seed_data import SEED, SEED_GOLD

TESTS = Path(__file__).resolve().parent


def test_seed_and_gold_are_in_tests_data():
    assert SEED.is_file() and SEED.stat().st_size > 10_000
    gold = yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))
    assert gold and len(gold.get("findings") or []) >= 20


def test_no_test_reads_the_seed_from_outside_the_repository_or_skips_without_it():
    offenders = []
    for f in sorted(TESTS.glob("*.py")):
        text = f.read_text(encoding="utf-8")
        if re.search(r'"shared"\s*/\s*"(seed|gold)"|parents\[2\]\s*/\s*"shared"', text):
            offenders.append(f"{f.name}: path outside the repository")
        for m in re.finditer(r"skip(if)?\(([^)]*)\)", text):
            if re.search(r"SEED|GOLD|seed|gold", m.group(2)):
                offenders.append(f"{f.name}: skips on missing seed data: {m.group(0)[:60]}")
    assert offenders == []
