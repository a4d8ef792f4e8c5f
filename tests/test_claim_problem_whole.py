"""TXT.CLAIM_PROBLEM in other words (own invented narratives): a claim whose work is named
in the clause before it (实现应纳尽纳, 已如数拨付), a quantifier with a done verb (全部改造户…通过
竣工验收, 项目…均按期交付使用), and a delay admitted in another outcome paragraph. Rewrites
that keep the meaning keep the finding; other work, or the same paragraph, stays clean."""
from __future__ import annotations

import pytest

from nlp_pipeline.pipeline import analyze


def _report(outcomes: list[str], problem: str, measure: str = "2024年3月底前由业务股逐户督促完成，完成一户、验收一户。") -> str:
    items = "".join(f"{k}.{x}\n" for k, x in enumerate(outcomes, 1))
    return ("白沙县农业农村局2023年度项目支出绩效自评报告\n一、年度绩效目标\n1.完成年度各项工作任务，资金按规定拨付。\n"
            "二、绩效目标完成情况\n" + items + "三、存在的问题\n1." + problem + "\n四、改进措施\n1." + measure + "\n")


def _rules(tmp_path, text):
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return [(x.rule_id, [e.paragraph for e in x.evidence]) for x in analyze(f).findings if x.code == "CLAIM_CONTRADICTED"]


HOUSING_Q = "部分改造户因外出务工、建房进度慢，截至2023年12月31日仍有12户未完成竣工验收，第二批补助资金未能拨付。"


@pytest.mark.parametrize("claim", [
    "218户农村危房改造任务已完成。全部改造户于年底前顺利通过竣工验收。",
    "218户农村危房改造任务业已完成，所有改造户均在年底前通过竣工验收。",
    "２１８户农村危房改造任务已经完成。全部改造户于年底前通过竣工验收。",
])
def test_a_quantifier_with_a_done_verb_against_the_problem(tmp_path, claim):
    got = _rules(tmp_path, _report([claim], HOUSING_Q))
    assert [r for r, _ in got] == ["TXT.CLAIM_PROBLEM"]
    assert set(got[0][1]) >= {"O1", "Q1"}


@pytest.mark.parametrize("claim,problem", [
    ("全年将862名困难群众纳入临时救助范围，实现应纳尽纳。",
     "经年末复核，仍有9名符合条件的困难群众因资料不全，尚未纳入临时救助范围。"),
    ("按季度结算的技术服务补贴共计312,000元，已如数拨付至各服务站。",
     "全年应拨付的31.2万元技术服务补贴中，第四季度4.8万元截至12月31日仍未拨付。"),
])
def test_a_claim_whose_work_is_named_before_it(tmp_path, claim, problem):
    assert [r for r, _ in _rules(tmp_path, _report([claim], problem))] == ["TXT.CLAIM_PROBLEM"]


def test_a_delay_in_another_outcome_paragraph(tmp_path):
    text = _report(["全年实施村组道路、小型水利等基础设施项目9个（含东岭提灌站），均按期交付使用。",
                    "资金使用：项目预算120万元，已支付96万元。东岭提灌站因电力接入手续办理滞后，预计2024年4月建成交付。"],
                   "项目前期手续办理不够及时。")
    got = _rules(tmp_path, text)
    assert ("TXT.CLAIM_PROBLEM", ["O1", "O2"]) in got


@pytest.mark.parametrize("claim,problem", [
    # the problem is about other work
    ("218户农村危房改造任务已完成。全部改造户于年底前顺利通过竣工验收。",
     "村级公益性岗位人员培训不够系统，仍有部分人员未参加集中培训。"),
    ("全年将862名困难群众纳入临时救助范围，实现应纳尽纳。", "部分乡镇资金拨付进度滞后于序时进度。"),
])
def test_a_problem_about_other_work_is_clean(tmp_path, claim, problem):
    assert _rules(tmp_path, _report([claim], problem)) == []


def test_a_delay_said_in_the_claim_paragraph_itself_is_clean(tmp_path):
    text = _report(["全年实施基础设施项目9个，均按期交付使用；东岭提灌站受汛期影响工期推迟一周，仍于年内建成。"],
                   "项目前期手续办理不够及时。")
    assert _rules(tmp_path, text) == []
