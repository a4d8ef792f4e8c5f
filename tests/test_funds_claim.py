"""CLAIM_CONTRADICTED from the funds rule: a claim that the money was wholly paid or
wholly received against the report's own figures. Five and more positives in the layouts
of published reports, negative controls, and rewrites that keep the meaning and must keep
the finding (own invented sentences)."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions


def narrative(outcome: str, goal: str = "1.全年完成村级道路硬化18公里，项目资金按进度支付。",
              basic: str = "本局负责全县农村公路建设和养护。") -> str:
    return (
        "某县交通运输局2023年度农村公路建设项目绩效自评报告\n"
        f"一、项目基本情况\n{basic}\n"
        f"二、项目绩效目标\n{goal}\n"
        f"三、绩效目标完成情况\n1.全年完成村级道路硬化18.6公里，验收合格率100%。\n2.{outcome}\n"
        "四、存在的问题\n1.部分路段养护责任落实不到位。\n"
        "五、改进措施\n1.2024年6月底前由县公路中心与各乡镇签订养护责任书。\n"
    )


def form(claim: str, spent: str = "612.40", rate: str = "95.69%") -> str:
    return (
        "项目支出绩效自评表\n（2023年度）\n"
        "| 项目名称 | 某县农村饮水安全巩固提升项目 | | | | | | |\n"
        "| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        f"| | 年度资金总额 | 640.00 | 640.00 | {spent} | 10 | {rate} | 9.57 |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
        "| 产出指标 | 数量指标 | 新建集中供水工程 | ≥6处 | 6处 | 20 | 20 | |\n"
        "| 总分 | | | | | 100 | 96 | |\n"
        "自评报告\n一、项目绩效目标\n1.新建集中供水工程6处，解决1.2万人饮水问题。\n"
        f"二、绩效目标完成情况\n1.新建集中供水工程6处，受益1.26万人。\n2.{claim}\n"
        "三、存在的问题\n1.部分工程水质检测频次不足。\n"
        "四、改进措施\n1.2024年起由县水务局每季度委托第三方检测水质。\n"
    )


def funds_findings(text: str):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if f.code == "CLAIM_CONTRADICTED" and f.values.get("rule") == "FUNDS_CLAIM"]


POSITIVE = [
    # paid in full while the same sentence gives less spent than planned
    narrative("项目全年预算850.00万元，实际支出812.36万元，项目资金已全部支付完毕，无结余资金。"),
    # the claim first, the figures after it in the next sentence
    narrative("项目资金已全部拨付并支付到位，无结余。全年下达资金850.00万元，累计支付资金812.36万元。"),
    # a stated execution rate below 100%
    narrative("资金使用方面，项目资金全部使用完毕，预算执行率71.3%。"),
    # money received: 96.4 of 97 arrived, yet 资金全部到位
    narrative("上级补助资金97万元，实际到位资金96.4万元，资金已全部到位。"),
    # the project form's own budget row gives the rate; the text claims payment in full
    form("项目资金已按合同全部支付，无资金结余。"),
    # an amount in 元 against a plan in 万元
    narrative("下达专项资金85.6万元，实际兑付补贴资金812,300元，补贴资金已全部兑付到户。"),
]


@pytest.mark.parametrize("text", POSITIVE, ids=range(len(POSITIVE)))
def test_funds_claim_found(text):
    fs = funds_findings(text)
    assert len(fs) == 1, [f.message for f in fs]
    f = fs[0]
    # the claim is quoted, and the figures that contradict it are evidence too
    assert len(f.evidence) >= 2
    assert any(w in f.evidence[0].quote for w in ("全部", "足额", "无结余", "完毕"))


NEGATIVE = [
    # money all received, not all spent: 到位 is not 支付
    narrative("上级补助资金97万元已全部到位，实际支出90.2万元，预算执行率92.99%，剩余资金结转下年使用。"),
    # the figures agree with the claim (rounding in the last digit shown)
    narrative("项目全年预算850.00万元，实际支出850.00万元，项目资金已全部支付完毕，无结余资金。"),
    # negated claim
    narrative("项目全年预算850.00万元，实际支出812.36万元，资金未全部支付，剩余37.64万元为质保金。"),
    # a plan in the goals is no claim
    narrative("完成村级道路硬化18.6公里。", goal="1.全年完成道路硬化18公里，项目资金全部支付到位，预算执行率不低于95%。"),
    # the form row gives 100% and the text claims payment in full
    form("项目资金已按合同全部支付，无资金结余。", spent="640.00", rate="100.00%"),
]


@pytest.mark.parametrize("text", NEGATIVE, ids=range(len(NEGATIVE)))
def test_funds_claim_not_found(text):
    assert funds_findings(text) == []


@pytest.mark.parametrize("old,new", [
    ("已全部支付完毕", "已经全部支付完毕"),
    ("812.36", "８１２．３６"),
    ("，项目资金已全部支付完毕", "。项目资金已全部支付完毕"),
])
def test_funds_claim_survives_rewrites(old, new):
    text = POSITIVE[0]
    assert old in text
    assert len(funds_findings(text.replace(old, new))) == 1


def test_a_lead_label_does_not_name_the_amount():
    """资金支付：…项目预算1,860.00万元 — the label 资金支付 is the paragraph's topic; the amount
    is a budget, and the claim 已全部支付到位 is contradicted by 已支付1,655.40万元."""
    text = narrative("资金支付：市政道路维修改造项目预算1,860.00万元，已支付1,655.40万元，项目资金已全部支付到位。")
    assert len(funds_findings(text)) == 1


GENERAL = [
    # the budget figure the reader also takes as the budget stays the sentence's own
    narrative("全年预算1,200.00万元，实际支付1,086.50万元，补贴资金全部支付完毕。"),
    # money left over named as such contradicts a payment claim
    narrative("全年到位资金1,200.00万元，截至年底支出1,086.50万元，结余113.50万元，项目资金均已支付完成。"),
    # money arrived but not all spent is not money wholly paid
    narrative("本年到位资金1,200.00万元，截至年底支出1,086.50万元，资金已足额支付到项目单位。"),
    # an amount due (应到位) against what arrived
    narrative("应到位资金1,200.00万元，实际到位1,086.50万元，项目资金已全部拨付到位。"),
    # other words for the whole paid or received
    narrative("下达资金1,200.00万元，已支付1,086.50万元，各项资金均已按时足额支付。"),
    narrative("应到位资金1,200.00万元，实际到位1,086.50万元，上级补助资金均已按时足额下达到位。"),
    # money not received named as such
    narrative("省级补助资金未到位86.00万元，项目资金已全额到位。"),
]


@pytest.mark.parametrize("text", GENERAL, ids=range(len(GENERAL)))
def test_funds_claim_in_other_words(text):
    assert len(funds_findings(text)) == 1


GENERAL_CLEAN = [
    # money brought in from last year is a source, not money left over
    narrative("全年预算1,200.00万元（含上年结转资金120.00万元），实际支付1,200.00万元，项目资金已全部支付完毕。"),
    # the whole arrived and the whole was paid
    narrative("应到位资金1,200.00万元，实际到位1,200.00万元，资金已全部拨付到位。"),
    # a remainder of nothing
    narrative("全年预算1,200.00万元，实际支付1,200.00万元，结余0.00万元，项目资金均已支付完成。"),
]


@pytest.mark.parametrize("text", GENERAL_CLEAN, ids=range(len(GENERAL_CLEAN)))
def test_funds_claim_other_words_clean(text):
    assert funds_findings(text) == []
