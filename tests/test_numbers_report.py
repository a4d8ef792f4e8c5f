"""extract_mentions on a whole report: offsets, paragraph ids, funds, budget."""
from pathlib import Path

import pytest

from nlp_pipeline.text import extract_mentions

SEED = Path(__file__).resolve().parent.parent / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"


@pytest.fixture(scope="module")
def seed():
    from nlp_pipeline.ingest import read_report

    report = read_report(SEED)
    return report, extract_mentions(report)


def test_offsets_map_to_report_text(seed):
    report, ms = seed
    assert len(ms) > 100
    for m in ms:
        assert report.text[m.start : m.end] == m.text


def test_every_mention_has_a_known_kind_and_paragraph(seed):
    report, ms = seed
    ids = {p.id for p in report.paragraphs()}
    kinds = {"MONEY", "PERCENT", "COUNT", "QUANTITY", "AREA", "DATE", "YEAR", "DURATION", "RANGE", "EXPR"}
    for m in ms:
        assert m.kind in kinds
        assert m.paragraph is None or m.paragraph in ids
        assert m.paragraph is not None or m.role == "budget"


def test_indicator_result_takes_the_indicator_name_as_metric(seed):
    report, ms = seed
    for task in report.tasks:
        for ind in task.indicators:
            if ind.result_paragraph is None or ind.name_paragraph is None:
                continue
            for m in ms:
                if m.paragraph == ind.result_paragraph.id and m.role != "budget" and m.metric:
                    # the metric is (part of) the name, never a bare verb of the result cell
                    assert m.metric in ind.name_paragraph.text or ind.name_paragraph.text in m.metric or len(m.metric) >= 2


def test_funds_and_budget_are_money_with_budget_role(seed):
    report, ms = seed
    # funds cells are bare numbers in the currency unit of the header
    funds = [m for m in ms if m.role == "budget" and m.paragraph and m.paragraph.startswith("T") and m.text.replace(".", "").isdigit()]
    expected = [i.funds for t in report.tasks for i in t.indicators if i.funds is not None]
    assert sorted(m.value for m in funds) == sorted(expected)
    for m in funds:
        assert m.kind == "MONEY" and m.base_value == pytest.approx(m.value * report.currency_factor)
    budget = [m for m in ms if m.paragraph is None]
    assert budget and all(m.role == "budget" for m in budget)
    assert report.budget.adjusted_budget.text in {m.text for m in budget}


def test_goal_numbers_are_targets(seed):
    report, ms = seed
    goal = [m for m in ms if m.paragraph and m.paragraph.startswith("G") and m.kind in ("PERCENT", "COUNT", "MONEY")]
    assert goal and all(m.role == "target" for m in goal)
