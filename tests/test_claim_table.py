"""TXT.CLAIM_TABLE: a whole claim in the outcomes against the report's own indicator row for
the same work below 100% (own invented pipe form); rewrites keep it, controls stay clean."""
from __future__ import annotations

import pytest

from nlp_pipeline.pipeline import analyze


def _form(claim: str, rate: str = "92.86%") -> str:
    return ("部门整体支出绩效自评表\n（2023年度）\n| 部门名称 | 某县应急管理局 | | | | | | | |\n"
            "| 年度总体目标 | 1.对排查出的重大事故隐患实行挂牌督办、闭环管理。 | | | | 1." + claim + " | | | |\n"
            "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            "| | 产出指标 | 数量指标 | 安全生产执法检查 | ≥1,200家次 | 1,236家次 | 50 | 50 | |\n"
            f"| | | 质量指标 | 重大事故隐患整改率 | 100% | {rate} | 40 | 40 | 1项需停产改造，2024年6月底前完成整改 |\n"
            "| | 满意度指标 | 服务对象满意度指标 | 群众安全感满意度 | ≥90% | 93.6% | 10 | 10 | |\n")


def _codes(tmp_path, text):
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    return [x.rule_id for x in analyze(f).findings if x.code == "CLAIM_CONTRADICTED"]


@pytest.mark.parametrize("claim", [
    "排查重大事故隐患14项，重大事故隐患均已完成整改并销号。",
    "排查重大事故隐患14项，重大事故隐患已全部整改到位。",
    "排查重大事故隐患１４项，重大事故隐患全部整改完毕。",
])
def test_whole_claim_against_the_row(tmp_path, claim):
    assert _codes(tmp_path, _form(claim)) == ["TXT.CLAIM_TABLE"]


def test_the_row_at_100_percent_is_clean(tmp_path):
    assert _codes(tmp_path, _form("重大事故隐患均已完成整改并销号。", rate="100%")) == []


def test_a_claim_about_other_work_is_clean(tmp_path):
    assert _codes(tmp_path, _form("全年执法检查生产经营单位1,236家次，执法检查任务全部完成。")) == []


def _narrative(claim: str, problem: str) -> str:
    return ("某县农业农村局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.做好耕地地力保护补贴发放工作。\n"
            f"二、目标完成情况\n1.耕地地力保护补贴按时发放，{claim}。\n三、存在问题\n1.{problem}\n"
            "四、改进措施\n1.2024年3月底前由经管站完成补贴对象信息核验。\n")


@pytest.mark.parametrize("claim", ["做到应补尽补", "实现应补尽补", "真正做到了应补尽补"])
def test_a_set_phrase_names_its_work(tmp_path, claim):
    text = _narrative(claim, "仍有37户符合条件的农户未纳入补贴范围。")
    assert _codes(tmp_path, text) == ["TXT.CLAIM_PROBLEM"]


def test_a_problem_about_other_work_is_clean(tmp_path):
    assert _codes(tmp_path, _narrative("做到应补尽补", "部分乡镇农技人员年龄偏大，仍有岗位未配齐。")) == []


def test_two_key_projects_budgets_are_no_conflict(tmp_path):
    text = ("某镇2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.改善农村人居环境。\n二、目标完成情况\n1.全年完成户厕改造436户。\n"
            "三、重点项目一：2023年农村人居环境整治项目绩效情况\n1.完成情况：完成户厕改造436户。\n2.资金使用：项目预算268.40万元，实际支出261.72万元。\n"
            "四、重点项目二：2023年柑橘产业园基础设施提升项目绩效情况\n1.完成情况：新建生产便道4.8公里。\n2.资金使用：项目预算186.50万元，已支付142.80万元。\n"
            "五、存在问题\n1.前期准备不足。\n六、改进措施\n1.2024年4月底前完成用电手续。\n")
    f = tmp_path / "k.txt"
    f.write_text(text, encoding="utf-8")
    assert [x for x in analyze(f).findings if x.code == "NUMBER_CONFLICT"] == []
