"""Lessons of blind26 (learned from after its first run), in invented text of the shapes it
showed: evidence references on every item (附件2-1); a share written after another share's
占; a part and its whole whose digits look swapped; a trading centre's transaction sums; a
per-head standard answered with a total; a last year's date in a row dated this year; an
entry screen's character counters; a workbook dump's sheet banners; the year's goals claimed
done as a whole; a state claimed reached in full beside its rate."""
from __future__ import annotations

import pytest

from test_session12_lessons import _analysis, _codes

from nlp_pipeline.ingest.builder import uncount
from nlp_pipeline.ingest.table import is_furniture
from nlp_pipeline.text import extract_numbers


def _texts(text: str) -> list[str]:
    return [m.text for m in extract_numbers(text)]


@pytest.mark.parametrize("text", ["（佐证材料：附件2-1交易统计月报）", "（见附表3－2）", "（详见附件1—4）"])
def test_the_second_part_of_an_items_number_is_no_quantity(text):
    assert _texts(text) == []


def test_a_count_after_a_numbered_item_still_counts():
    assert _texts("附表1-2中12项") == ["12项"]
    # a count's measure word after the number keeps it a count, not a name's second part
    assert any(t.endswith("个") for t in _texts("项目2-3个"))


def _report(body: str, org: str = "青川县农业农村局") -> str:
    return (f"{org}2023年度部门整体支出绩效自评报告\n\n一、基本情况\n"
            "2023年年初预算380.00万元，调整预算412.00万元，全年支出401.00万元，预算执行率97.33%。\n\n"
            "二、绩效目标完成情况\n" + body + "\n\n三、存在问题\n1.专业技术人员不足。\n\n"
            "四、改进措施\n1.2024年6月前招聘专业技术人员2名。\n")


SHARES = ("1.资金支付。已支付工程款612.50万元，占合同金额638.42万元的{pct}，剩余25.92万元中，"
          "结算尾款6.77万元待审计后支付，质保金19.15万元（合同金额的3%）留待期满后支付。")


def test_a_share_after_another_shares_zhan_is_not_read_against_it(tmp_path):
    a = _analysis(tmp_path, _report(SHARES.format(pct="95.94%")))
    assert "ARITHMETIC_MISMATCH" not in _codes(a)


def test_a_wrong_share_is_still_found(tmp_path):
    a = _analysis(tmp_path, _report(SHARES.format(pct="92.94%")))
    assert "ARITHMETIC_MISMATCH" in _codes(a)


SWAP = ("1.交易规模。全年完成进场交易项目1,286宗，交易额86.42亿元。\n"
        "2.电子化交易。全年电子化交易项目1,268宗{rest}。")


@pytest.mark.parametrize("rest", ["，其余18宗按规定在线下组织", "；另有18宗为涉密采购，在线下组织"])
def test_a_part_whose_gap_to_the_whole_is_written_is_no_swapped_figure(tmp_path, rest):
    a = _analysis(tmp_path, _report(SWAP.format(rest=rest)))
    assert "NUMBER_CONFLICT" not in _codes(a)


def test_swapped_digits_without_a_written_gap_are_still_found(tmp_path):
    a = _analysis(tmp_path, _report(SWAP.format(rest="，交易平台运行平稳")))
    assert "NUMBER_CONFLICT" in _codes(a)


VOLUME = "1.节资成效。政府采购项目预算金额11.96亿元，中标金额11.28亿元，节约资金0.68亿元，节资率5.69%。"


def test_a_trading_centres_procurement_sums_are_not_its_budget(tmp_path):
    a = _analysis(tmp_path, _report(VOLUME, org="青川县公共资源交易中心"))
    assert "IMPLAUSIBLE_MAGNITUDE" not in _codes(a)


def test_the_same_sums_in_an_ordinary_bureaus_report_are_implausible(tmp_path):
    a = _analysis(tmp_path, _report(VOLUME))
    assert "IMPLAUSIBLE_MAGNITUDE" in _codes(a)


def _form(rows: list[list[str]]) -> str:
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    body = "\n".join("\t".join(r) for r in [head] + rows)
    return ("项目支出绩效自评表\n（2023年度）\n项目名称\t2023年家庭医生签约服务补助资金\n主管部门\t青川县卫生健康局\n\n"
            + body + "\n总分\t\t\t\t\t100\t100\t\n")


def _row(name, target, result, kind="数量指标"):
    return ["产出指标", kind, name, target, result, "20", "20", ""]


FILLER = [_row("签约居民满意度", "≥90%", "92.4%", "质量指标"), _row("续约率", "≥70%", "78.2%", "质量指标"),
          _row("重点人群签约覆盖率", "≥75%", "76.0%", "质量指标")]


@pytest.mark.parametrize("answer", ["按计划组建", "按要求完成", "如期完成"])
def test_a_count_answered_by_following_the_plan_has_no_figure(tmp_path, answer):
    a = _analysis(tmp_path, _form([_row("家庭医生团队数量", "≥600个", answer)] + FILLER))
    assert "INDICATOR_NO_FIGURE" in _codes(a)


def test_a_bare_number_in_the_target_cell_is_no_target_to_answer(tmp_path):
    a = _analysis(tmp_path, _form([_row("管理制度", "2", "按规定执行")] + FILLER))
    assert "INDICATOR_NO_FIGURE" not in _codes(a)


@pytest.mark.parametrize("name, target, result", [
    ("人均签约服务补助标准", "≥10元/人", "265.80万元"),
    ("生均公用经费", "≥650元/生", "142.66万元"),
    ("门诊次均费用", "≤260元", "231.6万元"),
])
def test_a_per_unit_standard_answered_with_a_total(tmp_path, name, target, result):
    a = _analysis(tmp_path, _form([_row(name, target, result, "成本指标")] + FILLER))
    f = [x for x in a.findings if x.code == "UNIT_MISMATCH"]
    assert f and result in f[0].message


@pytest.mark.parametrize("result", ["12元/人", "11.5元", "每人12元"])
def test_a_per_unit_standard_answered_per_unit_is_no_mismatch(tmp_path, result):
    a = _analysis(tmp_path, _form([_row("人均签约服务补助标准", "≥10元/人", result, "成本指标")] + FILLER))
    assert "UNIT_MISMATCH" not in _codes(a)


@pytest.mark.parametrize("target, result, found", [
    ("2023年12月底前", "2022年12月20日", True),
    ("2023年12月31日前", "2022年11月28日完成", True),
    ("2023年12月底前", "2023年12月20日", False),
    ("12月底前", "2022年12月20日", False),  # no year in the target: nothing to set against
])
def test_a_row_dated_the_year_before_its_target(tmp_path, target, result, found):
    a = _analysis(tmp_path, _form([_row("补助资金拨付完成时间", target, result, "时效指标")] + FILLER))
    assert ("DATE_OUT_OF_PERIOD" in _codes(a)) is found


@pytest.mark.parametrize("line, furniture", [
    ("=============== 工作表3：绩效指标 ===============", True),
    ("----- Sheet2 -----", True),
    ("====== 四、存在问题 ======", False),  # a heading drawn between rules stays a heading
    ("全年完成工作表3张", False),
])
def test_a_workbook_dumps_sheet_banner_is_furniture(line, furniture):
    assert is_furniture(line) is furniture


def test_an_entry_screens_character_counters_are_read_past():
    text = "*实际完成情况：全年组织活动1,086场。　　（71/500）\r\n*存在问题：请输入存在的问题　　(0/500)\n"
    out = uncount(text)
    assert len(out) == len(text)
    assert "71/500" not in out and "0/500" not in out
    assert "1,086场" in out
    # a ratio in running text is the report's own
    keep = "抽检合格率达到98%（49/50）。\n完成（45/100） 后续\n"
    assert uncount(keep) == keep


def test_counters_do_not_leave_a_problem_behind(tmp_path):
    text = ("项目支出绩效自评表\n*项目名称：2023年乡镇文化站免费开放补助资金\n"
            "【年度总体目标】\n*预期目标：全年组织群众文体活动不少于1,200场。　　（84/500）\n"
            "*实际完成情况：全年组织群众文体活动1,236场。　　（71/500）\n\n"
            "【存在问题及改进措施】\n*存在问题：请输入存在的问题（限500字）　　（0/500）\n"
            "*改进措施：2024年上半年开展1次集中业务培训。　　（104/500）\n")
    a = _analysis(tmp_path, text)
    assert all("/500" not in e.quote for f in a.findings for e in f.evidence)
    assert "PROBLEM_WITHOUT_MEASURE" not in _codes(a)


CLAIM = "2023年，{claim}，完成户厕改造462户。"
SHORT = "1.污水治理。建成集镇污水管网4.08公里，完成计划的85.0%，剩余0.72公里顺延至2024年5月底前完工。"


@pytest.mark.parametrize("claim", ["我镇年度绩效目标全部完成", "本单位年度目标均已完成", "全年目标任务全面完成"])
def test_the_years_goals_claimed_done_as_a_whole(tmp_path, claim):
    body = SHORT + "\n\n五、自评结论\n" + CLAIM.format(claim=claim)
    a = _analysis(tmp_path, _report(body))
    assert "CLAIM_CONTRADICTED" in _codes(a)


def test_one_projects_annual_task_claimed_done_is_no_whole_claim(tmp_path):
    body = SHORT + "\n2.国家储备林建设投资计划项目年度任务已完成，完成造林1,200亩。"
    a = _analysis(tmp_path, _report(body))
    assert "CLAIM_CONTRADICTED" not in _codes(a)


WHOLE = "1.电子化交易。全年电子化交易项目1,268宗，电子化率{rate}。\n\n五、自评结论\n{claim}，交易平台全年平稳运行。"


@pytest.mark.parametrize("claim", ["全面实现进场交易项目全流程电子化", "进场交易项目全部实现电子化"])
def test_a_state_claimed_in_full_against_its_rate(tmp_path, claim):
    a = _analysis(tmp_path, _report(WHOLE.format(rate="98.60%", claim=claim)))
    f = [x for x in a.findings if x.code == "CLAIM_CONTRADICTED"]
    assert f and "98.60%" in f[0].message


@pytest.mark.parametrize("rate, claim", [
    ("100%", "全面实现进场交易项目全流程电子化"),
    ("98.60%", "稳步推进进场交易项目全流程电子化"),
])
def test_no_whole_claim_or_a_full_rate_is_no_contradiction(tmp_path, rate, claim):
    a = _analysis(tmp_path, _report(WHOLE.format(rate=rate, claim=claim)))
    assert "CLAIM_CONTRADICTED" not in _codes(a)


def test_a_rate_told_with_the_claim_is_its_measure(tmp_path):
    a = _analysis(tmp_path, _report("1.全面推行分时段预约诊疗，门诊预约诊疗率为63.5%，平均候诊时间缩短至25分钟。"))
    assert "CLAIM_CONTRADICTED" not in _codes(a)


# --- blind27 (learned from after its first run) ---------------------------------------------

from nlp_pipeline.text.normalize import normalize  # noqa: E402


@pytest.mark.parametrize("text, want", [
    ("调整预算21,386,415.60元,全年实际支出20,742,608.35元,预算执行率96.89%。",
     "调整预算21,386,415.60元，全年实际支出20,742,608.35元，预算执行率96.89%。"),
    ("覆盖率62.4%;全年未发生火灾", "覆盖率62.4%；全年未发生火灾"),
    ("时间:2023年", "时间：2023年"),
    ("10:00前到岗", "10:00前到岗"),  # a clock time keeps its colon
    ("1,2,3", "1,2,3"),
])
def test_half_width_clause_marks_beside_chinese_are_read_as_chinese(text, want):
    assert normalize(text) == want


HALF = ("2.2023年部门调整预算21,386,415.60元{c}全年实际支出20,742,608.35元{c}预算执行率{rate}。")


@pytest.mark.parametrize("c", [",", "，"])
def test_a_wrong_budget_rate_is_found_whatever_width_its_commas(tmp_path, c):
    def report(rate):
        return _report("").replace("2023年年初预算380.00万元，调整预算412.00万元，全年支出401.00万元，预算执行率97.33%。",
                                   HALF.format(c=c, rate=rate))
    a = _analysis(tmp_path, report("96.89%"))
    f = [x for x in a.findings if x.code == "ARITHMETIC_MISMATCH"]
    assert len(f) == 1 and "96.99" in f[0].message  # one wrong figure, one finding
    a = _analysis(tmp_path, report("96.99%"))
    assert "ARITHMETIC_MISMATCH" not in _codes(a)


PAID = ("1.完成农村户厕改造318户{c}补助资金已全部通过“一卡通”发放到户。\n\n五、自评结论\n"
        "2023年{c}我镇各类惠民惠农补贴资金{claim}{c}群众满意度95.38%。")
UNPAID = ("\n\n六、存在问题\n1.补贴发放环节仍有薄弱点{c}截至2023年12月31日{c}尚有37户耕地地力保护补贴因账户冻结未能发放。")


@pytest.mark.parametrize("claim", ["均已足额发放到户", "均已足额发放", "均已发放到人"])
@pytest.mark.parametrize("c", [",", "，"])
def test_money_paid_in_full_against_a_problem_counting_the_unpaid(tmp_path, claim, c):
    text = _report(PAID.format(c=c, claim=claim)).replace("\n\n三、存在问题\n1.专业技术人员不足。", UNPAID.format(c=c))
    a = _analysis(tmp_path, text)
    f = [x for x in a.findings if x.code == "CLAIM_CONTRADICTED"]
    # one problem answers one claim, the overall part's; the counter quoted is the clause
    # that counts what is left
    assert len(f) == 1
    assert f[0].evidence[0].paragraph.startswith("P") and "37户" in f[0].evidence[1].quote


def test_money_paid_in_full_with_no_problem_left_is_no_contradiction(tmp_path):
    a = _analysis(tmp_path, _report(PAID.format(c="，", claim="均已足额发放到户")))
    assert "CLAIM_CONTRADICTED" not in _codes(a)


# --- realcheck15 (an auditor's verdicts on real15, learned from after the first run) --------

from nlp_pipeline.ingest import read_text  # noqa: E402

CONCLUSION_FIRST = (
    "青松县第二小学2023年度项目支出绩效自评报告\n"
    "一、自评结论\n(一)自评得分\n经自评小组评价，本项目自评得分98分，自评结果为优。\n"
    "(二)绩效目标完成情况\n1. 执行率情况。\n全年项目资金12.40万元，拨付使用12.40万元，执行率100%。\n"
    "2. {met}。\n①数量指标：全年资助学生62人。\n②时效指标：资金到位率为100%。\n"
    "3. {unmet}。\n无。\n"
    "(三)存在的问题和原因分析\n无。\n"
    "(四)下一步拟改进措施及有关建议\n2024年3月前完成资助对象复核。\n"
    "二、佐证材料\n(一)项目基本情况\n1.项目立项目的和年度绩效目标\n资助家庭经济困难学生60人，保障其顺利完成学业。\n"
    "2.项目资金情况。\n全年项目资金12.40万元，拨付使用12.40万元，执行率100%。\n"
)


@pytest.mark.parametrize("met, unmet", [("完成的绩效目标", "未完成的绩效目标"), ("已完成的绩效目标", "未完成的目标")])
def test_goals_met_and_not_met_under_the_outcomes_are_no_goals(met, unmet):
    r = read_text(CONCLUSION_FIRST.format(met=met, unmet=unmet), "r.txt")
    goals = [p.text for p in r.paragraphs("G")]
    assert goals == ["资助家庭经济困难学生60人，保障其顺利完成学业。"]
    assert [p.text[:5] for p in r.paragraphs("O")][-2:] == ["数量指标：", "时效指标："]
    # 无 under 未完成的绩效目标 says no goal was missed: no goal field is left unfilled
    assert all(u.field != "goal" for u in r.unfilled)
    # the budget sub-heading after the goal in the basic part is the basic part's
    assert any(p.text.startswith("全年项目资金12.40万元") for p in r.paragraphs("B"))


def test_a_justified_none_under_the_unmet_goals_is_no_finding(tmp_path):
    a = _analysis(tmp_path, CONCLUSION_FIRST.format(met="完成的绩效目标", unmet="未完成的绩效目标"))
    assert "UNFILLED_FORM" not in _codes(a)


def test_the_years_goals_claimed_done_beside_unfinished_work_in_one_paragraph(tmp_path):
    # the paragraph's own 尚未完工 contradicts its whole claim; a shortfall against a target
    # alone would be INDICATOR_SHORTFALL's (tests/test_rate_vs_count_shortfall.py)
    body = "1.年度目标均已完成，新建村级服务站12个，其中2个尚未完工。"
    a = _analysis(tmp_path, _report(body))
    assert "CLAIM_CONTRADICTED" in _codes(a)
