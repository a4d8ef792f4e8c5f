"""A goal missed while the outcome claims the work done: a rate short of its target rate is
the indicator's shortfall (INDICATOR_SHORTFALL); a count of work short of the planned count
is a completion claim contradicted (CLAIM_CONTRADICTED). One finding, never both. Sentences
written for these tests; each case also in other words."""
from __future__ import annotations

import pytest

from nlp_pipeline.pipeline import analyze


def _report(goal: str, outcome: str) -> str:
    return ("某市农业农村局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n"
            f"1.{goal}\n2.完成农机购置补贴发放工作。\n二、目标完成情况\n1.{outcome}\n"
            "2.全年发放农机购置补贴1,260万元。\n三、存在问题\n1.基层农技人员不足。\n"
            "四、改进措施\n1.2024年6月底前由人事科公开招聘农技人员10名。\n")


def _codes(tmp_path, goal, outcome):
    f = tmp_path / "r.txt"
    f.write_text(_report(goal, outcome), encoding="utf-8")
    return sorted(x.code for x in analyze(f).findings if x.code in ("INDICATOR_SHORTFALL", "CLAIM_CONTRADICTED"))


@pytest.mark.parametrize("outcome", [
    "主要农作物良种覆盖率96.3%，圆满完成任务。",
    "主要农作物良种覆盖率９６．３％，圆满完成任务。",
    "主要农作物良种覆盖率达到96.3%，年度目标均已完成。",
])
def test_rate_short_of_its_target_is_a_shortfall(tmp_path, outcome):
    assert _codes(tmp_path, "主要农作物良种覆盖率达到98%以上。", outcome) == ["INDICATOR_SHORTFALL"]


@pytest.mark.parametrize("outcome", [
    "全年建成高标准农田2.1万亩，圆满完成任务。",
    "全年建成高标准农田2.1万亩，全面完成年度建设任务。",
])
def test_count_short_of_its_plan_is_a_claim_contradicted(tmp_path, outcome):
    assert _codes(tmp_path, "全年新建高标准农田2.5万亩。", outcome) == ["CLAIM_CONTRADICTED"]


def test_rate_that_meets_its_target_is_clean(tmp_path):
    assert _codes(tmp_path, "主要农作物良种覆盖率达到98%以上。", "主要农作物良种覆盖率98.3%，圆满完成任务。") == []
