"""Form fields as real forms fill them (own invented TSV form): the budget row's score against
weight × 执行率, a grade whose choices are all unticked, a 偏差原因 cell that only restates the
miss, a full score on a missed ≤ row that the row calls complete (one finding), and the outline
heading 四、存在问题及改进措施 that is no goal."""
from __future__ import annotations

import pytest

from nlp_pipeline.pipeline import analyze


def _total(score: str, big: str) -> str:
    points = 30 + 18.38 + float(big.split("\t")[1]) + 22 + 10 + float(score)
    return f"{points:.2f}".rstrip("0").rstrip(".")


def _form(score="9.51", grade="自评等级\t☑优 □良 □中 □差", reason4="培训时间与春耕冲突，部分教师未能参训",
          big="8\t8\t已全部消除") -> str:
    return ("2023年度项目绩效目标自评表\n项目名称\t2023年学前教育发展资金\n主管部门\t互助县教育局\n"
            "一、预算执行情况（单位：万元）\n资金项目\t年初预算数\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
            f"合计\t1,280.00\t1,386.50\t1,318.10\t95.07%\t10\t{score}\n"
            "二、绩效指标完成情况\n一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            "产出指标\t数量指标\t公办幼儿园运转补助覆盖园数\t≥42所\t42所\t30\t30\t\n"
            f"\t\t幼儿园教师培训人次\t≥420人次\t386人次\t20\t18.38\t{reason4}\n"
            f"\t质量指标\t超过35人的大班额班级数\t≤6个\t9个\t{big}\n"
            "效益指标\t社会效益指标\t学前三年毛入园率\t≥90%\t92.8%\t22\t22\t\n"
            "满意度指标\t服务对象满意度指标\t幼儿家长满意度\t≥90%\t93.4%\t10\t10\t\n"
            f"总分\t\t\t\t\t100\t{_total(score, big)}\t\n{grade}\n"
            "三、年度总体目标完成情况\n年度目标\t实际完成情况\n"
            "1.保障全县42所公办幼儿园正常运转。\t1.全年拨付42所公办幼儿园运转补助688.00万元。\n"
            "2.培训幼儿园园长和教师不少于420人次。\t2.组织园长、教师参加各级培训386人次。\n"
            "四、存在问题及改进措施\n存在问题\t1.城区幼儿园学位紧张，大班额问题仍较突出。\n"
            "改进措施\t1.2024年9月前在城区新增公办幼儿园1所，由县教育局基建股负责。\n"
            "填报人：张某\t填报日期：2024年3月22日\n")


def _ids(tmp_path, text, code):
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    a = analyze(f)
    return a, [x.message_id for x in a.findings if x.code == code]


def test_the_clean_form_reads_and_has_no_form_finding(tmp_path):
    a, _ = _ids(tmp_path, _form(big="8\t6.67\t因城区学位不足，大班额未能按计划消除"), "UNFILLED_FORM")
    assert [p.text for p in a.report.sections["G"].paragraphs][-1] == "培训幼儿园园长和教师不少于420人次。"
    assert not [x for x in a.findings if x.code in ("UNFILLED_FORM", "GOAL_WITHOUT_OUTCOME", "SCORE_MISMATCH")]


@pytest.mark.parametrize("score,found", [("9.51", False), ("9.5", False), ("10", True), ("9", True)])
def test_budget_score_against_weight_times_rate(tmp_path, score, found):
    _, got = _ids(tmp_path, _form(score=score), "SCORE_MISMATCH")
    assert ("FORM.SCORE_RULE.budget" in got) is found


def test_a_grade_left_unticked(tmp_path):
    _, got = _ids(tmp_path, _form(grade="自评等级\t□优 □良 □中 □差"), "UNFILLED_FORM")
    assert got == ["FORM.UNFILLED.unticked"]


@pytest.mark.parametrize("reason,found", [("未达到指标值", True), ("未完成年度目标", True),
                                          ("培训时间与春耕冲突，部分教师未能参训", False)])
def test_a_reason_cell_that_only_restates_the_miss(tmp_path, reason, found):
    _, got = _ids(tmp_path, _form(reason4=reason), "DEVIATION_UNEXPLAINED")
    assert bool(got) is found


def test_a_full_score_on_a_missed_row_called_complete_is_one_shortfall(tmp_path):
    a, _ = _ids(tmp_path, _form(big="8\t8\t全部完成"), "INDICATOR_SHORTFALL")
    codes = [x.code for x in a.findings if any("大班额" in e.quote or "9个" in e.quote for e in x.evidence)]
    assert codes == ["INDICATOR_SHORTFALL"]
