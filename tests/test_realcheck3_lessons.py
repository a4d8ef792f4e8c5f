"""Lessons of the third auditor's check on real pages (own invented text in their shapes)."""
from __future__ import annotations

import pytest

from nlp_pipeline.pipeline import analyze


def _codes(tmp_path, text, name="r.txt"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return [x.code for x in analyze(f, mode="lexical").findings]


HEAD = "青溪县交通运输局2023年度项目支出绩效自评报告\n一、项目基本情况\n"


@pytest.mark.parametrize("open_,close", [("（", "）"), ("(", ")")])
def test_batches_each_with_its_bracketed_breakdown(tmp_path, open_, close):
    text = HEAD + (f"一批项目批复总投资3374.3万元{open_}其中建筑工程3292万元{close}，二批项目批复总投资2069.51万元"
                   f"{open_}其中建筑工程1975.775万元{close}，三批项目批复总投资778.59万元{open_}其中建筑工程757.44万元{close}，"
                   "合计6222.4万元。\n")
    assert "ARITHMETIC_MISMATCH" not in _codes(tmp_path, text)


def test_two_breakdowns_run_together_without_a_stop(tmp_path):
    ok = HEAD + ("收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他859.6万元"
                 "2023年支出2310.4万元,其中中央资金1352.2万元,地方资金98.6万元,其他859.6万元。\n")
    assert "ARITHMETIC_MISMATCH" not in _codes(tmp_path, ok)
    wrong = ok.replace("其他859.6万元2023年", "其他869.6万元2023年")
    assert "ARITHMETIC_MISMATCH" in _codes(tmp_path, wrong)


@pytest.mark.parametrize("label", ["附件 2:", "附表1", "附件2："])
def test_an_attachment_number_is_no_figure(tmp_path, label):
    text = (f"{label}部门整体支出绩效目标申报表\n单位：万元\n支出构成 金额 占比\n基本支出 724.2318 74.8% 项目支出 243.96 25.2% "
            "合计 968.1918 100%\n")
    assert "ARITHMETIC_MISMATCH" not in _codes(tmp_path, text)


def test_a_fund_named_then_its_allocation_notice_cited(tmp_path):
    fund = "2023年中央财政林业草原生态保护恢复资金国家公园专项补助资金"
    text = HEAD.replace("一、项目基本情况", "一、项目绩效目标") + (
        f"1.{fund}303万元，根据《青溪县财政局关于下达{fund}预算的通知》安排使用。\n二、目标完成情况\n1.资金已拨付到位。\n")
    assert "REPEATED_TEXT" not in _codes(tmp_path, text)


def test_glued_zero_target_and_zero_result():
    from nlp_pipeline.ingest.table import find_tables

    text = ("一级指标二级指标三级指标年度指标值实际完成值偏差原因分析及改进措施"
            "产出指标数量指标储备粮到位率100%100%质量指标库存粮食变质比例00时效指标贷款付息及时率100%100%")
    rows = {r.values["name"]: r.values for t in find_tables(text) for r in t.rows}
    assert (rows["库存粮食变质比例"]["target"], rows["库存粮食变质比例"]["actual"]) == ("0", "0")


@pytest.mark.parametrize("number", ["湘政发〔201910号", "湘财绩〔20207号"])
def test_a_malformed_number_in_the_preamble_before_any_heading(tmp_path, number):
    text = (f"青溪县城管局2023年度部门整体支出绩效自评报告\n根据《关于全面实施预算绩效管理的实施意见》（{number}）文件精神，"
            "我局开展了绩效自评工作。\n一、部门概况\n青溪县城管局内设5个股室。\n")
    found = [x for x in analyze((lambda f: (f.write_text(text, encoding="utf-8"), f)[1])(tmp_path / "r.txt"),
                                mode="lexical").findings if x.code == "CITATION_MALFORMED"]
    assert found and number in found[0].message
