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


_FORM = "\n".join([
    "某某县农机中心2022年度部门整体支出绩效自评表",
    "单位：万元",
    "主要任务\t预期目标\t目标完成情况\t关键指标\t指标完成情况\t任务涉及资金",
    "任务1\t推广机插秧面积3万亩。\t已完成\t机插秧推广面积\t3.2万亩\t2,400.00",
    "任务2\t培训农机手200人次。\t已完成\t<p>农机手培训人次</p> <p>培训合格率</p>\t<p>215人次</p> <p>100%</p>\t100.00",
    "存在问题\t1.部分农机具老化。",
    "改进措施\t1.2023年更新农机具30台。",
])


def test_funds_cell_is_the_tasks_money_not_a_result_value():
    from nlp_pipeline.ingest import read_text

    report = read_text(_FORM, "form.txt")
    ms = extract_mentions(report)
    results = {i.result_paragraph.id for t in report.tasks for i in t.indicators if i.result_paragraph}
    # no result paragraph holds money: each result cell has its own value only
    for pid in results:
        got = [m for m in ms if m.paragraph == pid]
        assert len(got) == 1 and got[0].kind != "MONEY", (pid, got)
    funds = [m for m in ms if m.role == "budget" and m.paragraph and m.paragraph.startswith("T")]
    assert [(m.paragraph, m.text, m.value) for m in funds] == [("T1", "2,400.00", 2400.0), ("T2", "100.00", 100.0)]
    for m in funds:
        assert report.text[m.start:m.end] == m.text
        assert m.metric == "任务涉及资金" and m.base_value == pytest.approx(m.value * 10000)
    # the 100% of the second indicator is not taken for the task's 100.00
    pct = [m for m in ms if m.text == "100%"]
    assert len(pct) == 1 and pct[0].paragraph == "T2.r2" and pct[0].metric == "培训合格率"
