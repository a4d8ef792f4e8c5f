"""The seed export (部门整体支出绩效自评表 as tab-separated text) against the auditor's gold."""
from __future__ import annotations

import json

import pytest
import yaml

from seed_data import require
from ingest_fixtures import GOLD, assert_offsets, budget_values, section_counts, seed_path
from nlp_pipeline.ingest import read_report
from nlp_pipeline.model import Report, from_dict, to_dict

SEED_COUNTS = {"G": 12, "O": 9, "T": 13, "K": 9, "P": 11, "Q": 7, "I": 11}
SEED_INDICATORS = [11, 3, 4, 1, 2, 13, 2, 8, 7, 3, 3, 6, 3]


@pytest.fixture(scope="module")
def seed():
    return read_report(seed_path())


@pytest.fixture(scope="module")
def gold():
    require(GOLD)
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def test_seed_section_counts(seed):
    assert seed.reader == "form-tsv"
    assert seed.encoding == "utf-8"
    assert section_counts(seed) == SEED_COUNTS
    assert [len(t.indicators) for t in seed.tasks] == SEED_INDICATORS
    assert sum(SEED_INDICATORS) == 66
    assert seed.missing_sections == []
    assert seed.warnings == []


def test_seed_ids_follow_conventions(seed):
    for sid, n in SEED_COUNTS.items():
        if sid == "T":
            continue
        assert [p.id for p in seed.sections[sid].paragraphs] == [f"{sid}{k}" for k in range(1, n + 1)]
    assert "T" not in seed.sections
    for k, t in enumerate(seed.tasks, 1):
        assert t.id == f"T{k}" and t.number == f"任务{k}"
        assert t.target.id == t.id and t.target.kind == "task"
        assert t.outcome.id == f"{t.id}.outcome" and t.outcome.kind == "task_outcome"
        for j, ind in enumerate(t.indicators, 1):
            assert ind.name_paragraph.id == f"{t.id}.k{j}" and ind.name_paragraph.kind == "indicator"
            assert ind.result_paragraph.id == f"{t.id}.r{j}"
            assert ind.name == ind.name_paragraph.text and ind.result == ind.result_paragraph.text


def test_seed_items_numbers_split_off(seed):
    for sid in ("G", "O", "K", "P", "Q", "I"):
        for k, p in enumerate(seed.sections[sid].paragraphs, 1):
            # every item of the seed is numbered 1., 2., … in its section
            assert p.number == f"{k}.", p.id
            assert not p.text.startswith(f"{k}."), p.id
            assert "<p>" not in p.text and "</p>" not in p.text


def test_seed_shifted_indicator_rows_stay_with_their_task(seed):
    by_task = {t.id: t for t in seed.tasks}
    # rows whose merged cells were lost arrive at column 0 and belong to the task above
    assert by_task["T6"].indicators[-1].result == "100%"
    assert by_task["T8"].indicators[-1].result == "已完成"
    last9 = by_task["T9"].indicators[-1]
    assert last9.result == "收费全部完成" and last9.funds == 1333.57
    # 任务3 goes on over an empty row
    assert len(by_task["T3"].indicators) == 4


def test_seed_funds(seed):
    funds = {t.id: [i.funds for i in t.indicators if i.funds is not None] for t in seed.tasks}
    assert funds["T4"] == [4.6]
    assert funds["T9"] == [10, 200, 1333.57]
    assert funds["T10"] == [51.29, 9.54, 23.04]
    assert funds["T12"] == [2.02]
    assert sum(len(v) for v in funds.values()) == 8
    assert seed.tasks[8].funds == pytest.approx(1543.57)


def test_seed_budget_matches_gold(seed, gold):
    g = gold["budget"]
    want = {
        "adjusted_budget": g["adjusted_budget"], "initial_budget": g["initial_budget"],
        "actual_spending": g["actual_spending"], "adjustment": g["adjustment"],
        "general_public_budget": g["general_public_budget"],
        "completion_rate": g["completion_rate_pct"], "adjustment_rate": g["adjustment_rate_pct"],
    }
    assert budget_values(seed) == pytest.approx(want)
    for name in want:
        v = getattr(seed.budget, name)
        assert seed.text[v.start:v.end] == v.text
        assert float(v.text.replace(",", "").rstrip("%")) == pytest.approx(v.value)
    assert seed.budget.completion_rate.text.endswith("%")


def test_seed_header(seed):
    assert seed.currency_unit == "万元" and seed.currency_factor == 10000
    assert seed.year == 2021
    assert seed.organisation and seed.organisation in seed.text
    assert seed.title and "自评表" in seed.title


def test_seed_offsets(seed):
    assert assert_offsets(seed) == 12 + 9 + 9 + 11 + 7 + 11 + 13 * 2 + 66 * 2
    # a text file's offsets are into the decoded file content
    raw = seed_path().read_bytes().decode("utf-8-sig")
    assert seed.text == raw


def test_seed_json_round_trip(seed):
    data = json.loads(json.dumps(to_dict(seed), ensure_ascii=False))
    assert from_dict(Report, data) == seed
