"""CLAIM_CONTRADICTED from the overall-claim rule: every goal claimed done while the report
says some work is unfinished or an indicator is short. Own invented reports in the
narrative layout; positives in several wordings, negative controls, rewrites."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions

DONE_O1 = "1.全年新建村级文化广场12个，均已建成并投入使用。"
SHORT_O1 = "1.全年计划新建村级文化广场12个，已建成9个，其余3个因用地调整尚未完工，预计2024年6月投入使用。"


def report(claim: str, o1: str = SHORT_O1, o2: str = "2.组织送戏下乡演出86场，观众4.3万人次。") -> str:
    return (
        "某县文化和旅游局2023年度部门整体支出绩效自评报告\n"
        "一、部门基本情况\n本局负责全县公共文化服务和旅游管理。\n"
        "二、年度绩效目标\n1.新建村级文化广场12个。\n2.组织送戏下乡演出80场以上。\n"
        f"三、目标完成情况\n{o1}\n{o2}\n"
        f"四、部门整体绩效\n{claim}\n"
        "五、存在问题\n1.基层文化设施管护力量不足。\n"
        "六、改进措施\n1.2024年3月底前由县文化馆组织村级文化管理员培训。\n"
    )


def overall(text: str):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if f.values.get("rule") == "OVERALL_CLAIM"]


POSITIVE = [
    "2023年，我局已全部完成年初确定的2项年度绩效目标，部门整体支出绩效良好。",
    "全年各项工作均圆满完成，群众文化生活更加丰富。",
    "总体来看，年度绩效目标完成情况完全符合预期。",
    "本年度所有绩效指标均已达到，资金使用规范。",
    "经自评，部门年度各项任务全面完成。",
]


@pytest.mark.parametrize("claim", POSITIVE, ids=range(len(POSITIVE)))
def test_overall_claim_against_unfinished_work(claim):
    fs = overall(report(claim))
    assert len(fs) == 1
    roles = [e.role for e in fs[0].evidence]
    assert roles[0] == "claim" and "counter" in roles
    assert any("尚未完工" in e.quote for e in fs[0].evidence)


def test_overall_claim_against_a_short_indicator():
    o1 = "1.村级文化广场年度指标值12个，实际完成值9个。"
    fs = overall(report(POSITIVE[0], o1=o1))
    assert len(fs) == 1 and any(e.paragraph == "O1" for e in fs[0].evidence)


NEGATIVE = [
    # every piece of work is done
    (POSITIVE[0], DONE_O1),
    # a claim about one task only, with no overall scope
    ("送戏下乡任务已全部完成，群众满意度较高。", SHORT_O1),
    # the overall statement itself admits the gap
    ("除3个文化广场尚未完工外，其余各项目标均已完成。", SHORT_O1),
    # 基本完成 is no claim of completion
    ("年度各项目标任务基本完成。", SHORT_O1),
]


@pytest.mark.parametrize("claim,o1", NEGATIVE, ids=range(len(NEGATIVE)))
def test_no_overall_claim_finding(claim, o1):
    assert overall(report(claim, o1=o1)) == []


@pytest.mark.parametrize("old,new", [("已全部完成", "已经全部完成"), ("2项", "２项"), ("2023年，", "2023年。")])
def test_overall_claim_survives_rewrites(old, new):
    text = report(POSITIVE[0])
    assert old in text
    assert len(overall(text.replace(old, new))) == 1


PLAN_ACTUAL = [
    "1.全年计划抽检1,200批次，实际完成食品安全监督抽检1,050批次，年度抽检任务圆满完成。",
    "1.年度计划新建集中供水工程12处，实际建成并通水10处，全面完成年度建设任务。",
    "1.计划新建村级文化广场12个，实际建成9个，已全部完成。",
    "1.全年计划培训１２０人次，实际培训９６人次，培训任务已经完成。",
    "1.送戏下乡计划80场，全年实际开展72场，顺利完成年度任务。",
]


def plan_actual(text):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if f.code in ("CLAIM_CONTRADICTED", "INDICATOR_SHORTFALL")]


@pytest.mark.parametrize("o1", PLAN_ACTUAL, ids=range(len(PLAN_ACTUAL)))
def test_plan_and_smaller_result_claimed_done(o1):
    fs = plan_actual(report("部门整体运行良好。", o1=o1))
    assert [f.code for f in fs] == ["CLAIM_CONTRADICTED"]


@pytest.mark.parametrize("o1", [
    "1.全年计划抽检1,200批次，实际完成1,260批次，年度抽检任务圆满完成。",       # more than planned
    "1.全年计划抽检1,200批次，实际完成1,050批次，其余150批次改由市局抽检。",    # no claim
    "1.全年计划抽检1,200批次，实际完成1,050批次，未完成年度任务。",            # the gap admitted
])
def test_plan_and_result_without_contradiction(o1):
    assert plan_actual(report("部门整体运行良好。", o1=o1)) == []


def test_a_counted_set_of_goals_all_done_is_an_overall_claim():
    fs = overall(report("预算执行方面，全年2项年度绩效目标全部完成。"))
    assert len(fs) == 1


@pytest.mark.parametrize("o1,code", [
    # the claim is that the target was reached: the indicator's shortfall
    ("1.全县主要农作物耕种收综合机械化率达到70.6%（年度目标72%），达到预期目标。", "INDICATOR_SHORTFALL"),
    ("1.新增城市绿地面积23.8万平方米（年度目标25万平方米），园林绿化目标全部实现。", "INDICATOR_SHORTFALL"),
    ("1.送戏下乡计划80场，全年实际开展72场，已达到预期目标。", "INDICATOR_SHORTFALL"),
    # the claim is that the task was done: a contradicted claim
    ("1.送戏下乡计划80场，全年实际开展72场，顺利完成年度任务。", "CLAIM_CONTRADICTED"),
    ("1.新增城市绿地面积23.8万平方米（年度目标25万平方米），绿化任务圆满完成。", "CLAIM_CONTRADICTED"),
])
def test_what_a_claim_is_about_decides_its_code(o1, code):
    assert [f.code for f in plan_actual(report("部门整体运行良好。", o1=o1))] == [code]


def test_a_bracketed_target_met_is_clean():
    o1 = "1.全县主要农作物耕种收综合机械化率达到72.6%（年度目标72%），达到预期目标。"
    assert plan_actual(report("部门整体运行良好。", o1=o1)) == []


def goal_outcome(goal: str, outcome: str) -> str:
    return ("某县民政局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n"
            f"1.{goal}\n二、目标完成情况\n1.{outcome}\n"
            "三、存在问题\n1.基层经办力量不足。\n四、改进措施\n1.2024年6月底前由养老服务股组织培训。\n")


@pytest.mark.parametrize("goal,outcome,flag", [
    # a bare task claim is about the paragraph's work
    ("对不少于40家调查对象开展统计执法检查。", "统计执法检查任务圆满完成。全年对32家调查对象开展统计执法检查。", True),
    ("防雷安全检查单位不少于80家。", "全年共检查单位62家，完成年度目标任务。", True),
    # a claim naming other work is not contradicted by this shortfall
    ("新增居家养老服务站8个。", "8所乡镇敬老院全部完成消防设施改造，新增居家养老服务站6个。", False),
])
def test_a_claim_is_contradicted_only_by_its_own_work(goal, outcome, flag):
    fs = [f for f in plan_actual(goal_outcome(goal, outcome)) if f.code == "CLAIM_CONTRADICTED"]
    assert bool(fs) is flag


def test_a_project_meeting_expectations_over_a_shortfall_is_a_contradicted_claim():
    o1 = "1.危险废物专项：计划检查涉危企业60家，实际检查52家，检查覆盖率86.67%，项目绩效完全符合预期。"
    assert [f.code for f in plan_actual(report("部门整体运行良好。", o1=o1))] == ["CLAIM_CONTRADICTED"]


@pytest.mark.parametrize("goal,outcome,flag", [
    ("促进就业，全年新增城镇就业800人以上。", "全年新增城镇就业726人，开展就业培训12期。", True),
    ("地表水优良水体比例达到80%以上。", "全年监测断面6个，优良水体比例66.7%。", True),
    ("全年新增城镇就业800人以上。", "全年新增城镇就业826人。", False),                          # met
    ("全年新增城镇就业800人以上。", "受疫情影响，全年新增城镇就业726人。", False),              # cause given
    ("全年接待游客不少于600万人次。", "上半年接待游客268万人次，下半年360.5万人次。", False),    # parts of the year
])
def test_a_goal_missed_in_its_outcome_without_a_cause(goal, outcome, flag):
    r = read_text(goal_outcome(goal, outcome))
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    fs = [f for f in run_detectors(ctx) if f.code == "DEVIATION_UNEXPLAINED"]
    assert bool(fs) is flag
