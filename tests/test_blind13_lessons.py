"""What the first run of blind13 taught, on own invented text: a whole claim against the
problems (TXT.CLAIM_PROBLEM), signature values one per line, a 注： note left in a field,
a running page header, a settlement the fund pays, a field name is no metric, a bar missed
(未达100%) is no value, claim words of a 偏差 cell."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions


def report(outcomes: list[str], problems: list[str], measures: list[str] | None = None,
           goals: list[str] | None = None) -> str:
    def items(xs):
        return "".join(f"{k}.{x}\n" for k, x in enumerate(xs, 1))
    return ("青山镇人民政府2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n"
            + items(goals or ["完成农村户厕问题整改。", "做好两项补贴发放。"])
            + "二、目标完成情况\n" + items(outcomes) + "三、存在问题\n" + items(problems)
            + "四、改进措施\n" + items(measures or ["2024年6月底前由农业办完成剩余问题户厕整改销号。"]))


def found(text: str, code: str | None = None, rule: str | None = None):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if (code is None or f.code == code) and (rule is None or f.rule_id == rule)]


CLAIMS = [
    ("全镇436户问题户厕截至年底已全部整改到位，整改销号率100%。", "仍有23户问题户厕至年底尚未整改销号。"),
    ("符合条件的困难残疾人已全部纳入补贴范围，做到了应补尽补。", "37名已核实符合条件的新申请对象未能纳入当年补贴。"),
    ("两项补贴已全部足额发放到位，实现应补尽补。", "312名重度残疾人的护理补贴因账户变更未发放。"),
    ("全镇12个村的饮水安全问题已全部整改到位。", "2个村的饮水安全问题因水源调整滞后，整改未到位。"),
    ("辖区低保对象已全部纳入动态监测，实现应保尽保。", "仍有部分新增低保对象未纳入动态监测。"),
]


@pytest.mark.parametrize("claim,counter", CLAIMS, ids=range(len(CLAIMS)))
def test_whole_claim_against_the_problems(claim, counter):
    fs = found(report([claim], [counter]), rule="TXT.CLAIM_PROBLEM")
    assert len(fs) == 1 and fs[0].code == "CLAIM_CONTRADICTED"
    assert [e.role for e in fs[0].evidence] == ["claim", "counter"]


@pytest.mark.parametrize("claim,counter", [
    # the problem is about other work
    ("3个粮库维修改造工程全部完工并通过验收，改造仓容4.8万吨。", "现有仓容中仍有约1.2万吨不具备低温储粮条件。"),
    # the claim admits the gap itself
    ("问题户厕已整改413户，仍有23户尚未整改。", "仍有23户问题户厕至年底尚未整改销号。"),
    # no shortfall in the problems
    ("全镇436户问题户厕已全部整改到位。", "户厕后续管护经费不足。"),
], ids=range(3))
def test_whole_claim_clean(claim, counter):
    assert found(report([claim], [counter]), rule="TXT.CLAIM_PROBLEM") == []


def test_claim_problem_rewrites():
    claim, counter = CLAIMS[0]
    for old, new in (("已全部", "已经全部"), ("436", "４３６"), ("，整改销号率", "。整改销号率")):
        assert len(found(report([claim.replace(old, new)], [counter]), rule="TXT.CLAIM_PROBLEM")) == 1


def test_signature_values_one_per_line_are_no_measures():
    text = report(["完成年度任务。"], ["人员不足。"]) + "\n项目负责人：\n\n王某某\n\n填报日期：\n\n2024年2月26日\n"
    r = read_text(text)
    assert [p.text for p in r.paragraphs("I")] == ["2024年6月底前由农业办完成剩余问题户厕整改销号。"]


def test_a_labelled_note_is_the_template_left_in():
    from nlp_pipeline.ingest.builder import _is_unfilled

    assert _is_unfilled("注：对照年度绩效目标，逐项分析存在的问题及原因，并提出下一步改进措施。") is True
    assert _is_unfilled("请对照预期目标逐项填写完成情况") is True
    assert _is_unfilled("注重对照年度绩效目标开展工作，全年完成任务12项。") is None


def test_a_settlement_the_fund_pays_is_not_the_offices_spending():
    text = report(["全年办理跨省异地就医直接结算1.28万人次，结算金额3,016.45万元。"], ["人员不足。"]).replace(
        "二、目标完成情况", "部门年度预算2,402.75万元。\n二、目标完成情况")
    assert found(text, "IMPLAUSIBLE_MAGNITUDE") == []


def test_a_missed_bar_is_no_value():
    text = report(["食堂从业人员持证上岗率93.7%。"], ["食堂从业人员持证上岗率未达100%。"])
    assert found(text, "NUMBER_CONFLICT") == []


def test_field_names_are_no_metric():
    text = report(["指标名称：竣工验收一次合格率，年度目标值：100%，实际完成值：94.4%。",
                   "指标名称：居民满意度，年度目标值：90%，实际完成值：95.2%。"], ["人员不足。"])
    assert found(text, "NUMBER_CONFLICT") == []


def test_a_source_rows_rate_against_its_own_figures():
    from test_budget_parts import flat  # the same form shapes

    rows = ["其中：基本支出 1,402.10 1,438.26 1,431.55 — 99.53% —", "项目支出 460.30 577.50 536.47 — {r} —"]
    text = flat("1,862.40 2,015.76 1,968.02 10 97.63% 9.76", [r.replace("{r}", "{r}") for r in rows])
    ok, bad = text.replace("{r}", "92.90%"), text.replace("{r}", "95.12%")
    rule = "NUM.BUDGET_PARTS"
    assert not [f for f in found(ok, rule=rule) if f.message_id == "NUM.BUDGET_PARTS.rate"]
    fs = [f for f in found(bad, rule=rule) if f.message_id == "NUM.BUDGET_PARTS.rate"]
    assert len(fs) == 1 and "92.90" in fs[0].message


PROJECT = ("青山市2023年城镇老旧小区改造项目绩效自评报告\n一、项目基本情况\n"
           "（一）项目资金情况。项目总投资6,184.37万元，截至2023年12月31日累计支付资金5,213.48万元，支付率84.30%。\n"
           "二、项目绩效目标\n1.改造老旧小区18个。\n三、绩效目标完成情况\n1.共改造老旧小区18个。\n"
           "四、项目整体绩效\n1.项目资金均已全部拨付到位并支付完毕，项目实施达到预期效果。\n"
           "五、存在问题\n1.部分工程款未在年内支付。\n六、改进措施\n1.2024年6月底前完成工程款结算支付。\n")


def test_a_funds_claim_against_the_projects_own_payment_rate():
    fs = found(PROJECT, rule="NUM.FUNDS_CLAIM")
    assert len(fs) == 1 and {e.paragraph for e in fs[0].evidence} >= {"P1", "B1"}
    # a department's basic part speaks of all its money, not of one fund's claim
    dept = PROJECT.replace("2023年城镇老旧小区改造项目绩效自评报告", "住房和城乡建设局2023年度部门整体支出绩效自评报告")
    assert found(dept, rule="NUM.FUNDS_CLAIM") == []


def test_transposed_head_counts_in_two_measure_words_and_a_field_in_prose():
    text = report(["全年为9,436名重度残疾人按月发放护理补贴。",
                   "指标名称：改造惠及居民户数，年度目标值：≥3,200户，实际完成值：3,246户，超额完成。"],
                  ["护理补贴发放对象9,346人中有12人账户变更。"], ["2024年改造惠及居民3,426户的小区配套完善。"])
    places = sorted(tuple(sorted({e.paragraph for e in f.evidence})) for f in found(text, rule="NUM.TRANSPOSED"))
    assert ("O1", "Q1") in places


@pytest.mark.parametrize("cause,n", [
    ("未完成的2部位于新华小区，因该小区部分住户意见不一致，尚未签订协议。", 0),
    ("未完成的２部因部分住户意见不一致尚未签订协议。", 0),
    ("电梯均已投入使用。", 1),
])
def test_a_cause_in_the_sentence_after_the_result(cause, n):
    text = report([f"指标名称：加装电梯数量，年度目标值：6部，实际完成值：4部。{cause}"], ["人员不足。"],
                  goals=["加装电梯6部。"])
    assert len(found(text, "DEVIATION_UNEXPLAINED")) == n


@pytest.mark.parametrize("opener", ["一是", "其一，", "二是"])
def test_an_item_of_a_yishi_list_pasted_into_a_measure(opener):
    item = "柑橘新植区域部分农户缺乏修剪和病虫害防治技术，后期管护跟不上，影响挂果率"
    problems = [f"{opener}{item}；三是村级集体经济发展不均衡。"]
    measures = [f"强化技术服务。{item}。2024年4月底前举办管护培训班6期，由3名农技员包片指导。"]
    fs = found(report(["完成柑橘种植。"], problems, measures), "REPEATED_TEXT")
    assert len(fs) == 1 and {e.paragraph for e in fs[0].evidence} == {"Q1", "I1"}


def test_spending_broken_down_after_shi_ji_zhi_chu_zhong():
    text = report(["完成年度任务。"], ["人员不足。"]).replace(
        "一、年度绩效目标", "一、部门概况\n全年实际支出2,351.09万元，预算执行率97.85%。实际支出中，基本支出1,206.37万元，项目支出{p}万元。\n二、年度绩效目标")
    assert len(found(text.replace("{p}", "1,135.27"), "ARITHMETIC_MISMATCH")) == 1
    assert found(text.replace("{p}", "1,144.72"), "ARITHMETIC_MISMATCH") == []


@pytest.mark.parametrize("outcome,n", [
    ("修缮建筑面积5,460平方米，为计划面积的111.0%。", 1),
    ("修缮建筑面积５，４６０平方米，为计划面积的１１１．０％。", 1),
    ("修缮建筑面积5,460平方米，完成年度目标任务的121.3%。", 1),
    ("修缮建筑面积5,460平方米，达到计划的91.1%。", 1),
    ("修缮建筑面积5,460平方米，为计划面积的101.1%。", 0),
    ("修缮建筑面积5,460平方米，完成年度目标的101.1%。", 0),
    ("修缮建筑面积5,460平方米，占全县修缮总面积的11.0%。", 0),   # a share of something else
])
def test_a_share_of_the_plan_against_the_goals_target(outcome, n):
    text = report([outcome], ["人员不足。"], goals=["修缮建筑面积5,400平方米。"])
    assert len(found(text, rule="NUM.PLAN_SHARE")) == n
