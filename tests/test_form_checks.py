"""UNFILLED_FORM and the scoring rule on forms the reader rebuilt: five positives and three
negative controls each, written in the layouts of real forms, and rewrites that keep the
meaning and must keep the finding."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons

HEAD = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |"
OK_ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥500人次", "560人次", "20", "20", ""),
    ("", "质量指标", "培训合格率", "≥95%", "96.2%", "20", "20", ""),
    ("效益指标", "社会效益指标", "就业人数", "≥200人", "180人", "30", "27", "部分学员外出务工，下年加强跟踪"),
    ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", "20", "20", ""),
]


def form(rows=OK_ROWS, goal="完成技能培训500人次。", outcome="完成技能培训560人次。", problem="无。",
         measure="无。", total="87", layout="pipe"):
    if layout == "pipe":
        table = "\n".join([HEAD] + ["| " + " | ".join(r) + " |" for r in rows] + [f"| 总分 | | | | | 90 | {total} | |"])
    elif layout == "tsv":
        table = "\n".join([HEAD.strip("| ").replace(" | ", "\t")] + ["\t".join(r) for r in rows]
                          + [f"总分\t\t\t\t\t90\t{total}\t"])
    else:  # one cell per line, an empty cell as a lone pipe
        cells = [c.strip() for c in HEAD.strip("|").split("|")]
        for r in rows:
            cells += [c if c else "|" for c in r[:7]] + [r[7] or "|"]
        table = "\n".join(cells + ["总分", "90", total])
    return (f"某县2023年度就业培训项目支出绩效自评表\n| 年度总体目标 | 预期目标 | 实际完成情况 |\n| | {goal} | {outcome} |\n"
            f"{table}\n| 存在问题 | {problem} |\n| 改进措施 | {measure} |\n")


def findings(text, codes=("UNFILLED_FORM", "SCORE_MISMATCH", "DEVIATION_UNEXPLAINED")):
    r = read_text(text)
    ctx = Context(report=r, mentions=[], alignments={}, lexicons=Lexicons())
    from nlp_pipeline.text import extract_mentions

    ctx.mentions = extract_mentions(r)
    return [f for f in run_detectors(ctx) if f.code in codes]


def test_clean_form_has_no_finding():
    assert findings(form()) == []


@pytest.mark.parametrize("kw", [
    {"outcome": "（对照年度目标，说明各项任务目标的实际完成情况，100字以内）"},
    {"problem": "简要说明项目实施中存在的问题及原因（200字以内）"},
    {"measure": "（填写针对存在问题拟采取的改进措施）"},
    {"goal": "无"},
    {"outcome": "暂无"},
])
def test_unfilled_fields(kw):
    fs = findings(form(**kw), ("UNFILLED_FORM",))
    assert len(fs) == 1 and fs[0].evidence[0].quote.strip()


@pytest.mark.parametrize("layout", ["pipe", "tsv", "cells"])
def test_empty_result_or_score_cell(layout):
    rows = list(OK_ROWS)
    rows[1] = ("", "质量指标", "培训合格率", "≥95%", "96.2%", "20", "", "")
    fs = findings(form(rows=rows, total="67", layout=layout), ("UNFILLED_FORM",))
    assert [f.values["column"] for f in fs] == ["score"]


@pytest.mark.parametrize("kw", [{"problem": "无。", "measure": "无。"}, {"problem": "暂无"},
                                {"problem": "项目实施中未发现问题。", "measure": "无"}])
def test_justified_nothing_is_no_gap(kw):
    assert findings(form(**kw), ("UNFILLED_FORM",)) == []


@pytest.mark.parametrize("layout", ["pipe", "tsv", "cells"])
def test_met_target_without_full_marks(layout):
    rows = list(OK_ROWS)
    rows[1] = ("", "质量指标", "培训合格率", "≥95%", "96.2%", "20", "18", "")
    fs = findings(form(rows=rows, total="85", layout=layout), ("SCORE_MISMATCH",))
    assert len(fs) == 1 and "已达到目标" in fs[0].message and fs[0].evidence[0].paragraph.startswith("TBL.")


@pytest.mark.parametrize("actual", ["400人次", "４００人次", "400 人次"])
def test_missed_target_with_full_marks_is_one_finding(actual):
    rows = list(OK_ROWS)
    rows[0] = ("产出指标", "数量指标", "培训人次", "≥500人次", actual, "20", "20", "")
    fs = findings(form(rows=rows))
    # one defect, one finding: the scoring rule's finding says the deviation is unexplained
    assert [f.code for f in fs] == ["SCORE_MISMATCH"] and "未达到目标" in fs[0].message


def test_missed_target_with_reason_or_reduced_score_is_clean():
    rows = list(OK_ROWS)
    rows[0] = ("产出指标", "数量指标", "培训人次", "≥500人次", "400人次", "20", "16", "报名人数不足")
    assert findings(form(rows=rows, total="83")) == []
    rows[0] = ("产出指标", "数量指标", "培训人次", "≥500人次", "400人次", "20", "20", "受疫情影响停训两个月")
    assert findings(form(rows=rows), ("SCORE_MISMATCH",)) == []


def test_rounding_within_the_last_digit_is_clean():
    rows = list(OK_ROWS)
    rows[1] = ("", "质量指标", "培训合格率", "≥95%", "94.96%", "20", "20", "")
    assert findings(form(rows=rows), ("SCORE_MISMATCH",)) == []


def test_score_above_weight_and_wrong_total():
    rows = list(OK_ROWS)
    rows[3] = ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", "20", "22", "")
    fs = findings(form(rows=rows, total="89"), ("SCORE_MISMATCH",))
    assert any("超过其分值" in f.message for f in fs)
    fs = findings(form(total="90"), ("SCORE_MISMATCH",))
    assert len(fs) == 1 and "不符" in fs[0].message


@pytest.mark.parametrize("layout", ["pipe", "tsv", "cells"])
@pytest.mark.parametrize("cell", ["已全部完成", "已完成。", "已经完成", "全面完成"])
def test_reason_cell_that_only_claims_completion_is_a_claim(layout, cell):
    """A 偏差原因 cell saying only 已全部完成 on a row short of its target gives no cause:
    the row claims completion, so the shortfall is INDICATOR_SHORTFALL."""
    rows = list(OK_ROWS)
    rows[0] = ("产出指标", "数量指标", "培训人次", "≥500人次", "460人次", "20", "18", cell)
    fs = findings(form(rows=rows, total="85", layout=layout), ("INDICATOR_SHORTFALL", "DEVIATION_UNEXPLAINED"))
    assert [f.code for f in fs] == ["INDICATOR_SHORTFALL"]


@pytest.mark.parametrize("cell", ["LED改造未全部完成，剩余部分完成后可达到目标", "受汛期影响部分工程未完工",
                                  "已完成主体工程，附属设施因征地延误"])
def test_reason_cell_with_a_cause_is_no_claim(cell):
    rows = list(OK_ROWS)
    rows[0] = ("产出指标", "数量指标", "培训人次", "≥500人次", "460人次", "20", "18", cell)
    fs = findings(form(rows=rows, total="85"), ("INDICATOR_SHORTFALL", "DEVIATION_UNEXPLAINED"))
    assert fs == []


@pytest.mark.parametrize("layout", ["pipe", "tsv", "cells"])
def test_total_against_written_scores_with_a_blank(layout):
    """A blank score counts nothing on the form as published: 20 + 27 + 20 = 67 written,
    the total says 72 (one score left blank)."""
    rows = list(OK_ROWS)
    rows[1] = ("", "质量指标", "培训合格率", "≥95%", "96.2%", "20", "", "")
    fs = findings(form(rows=rows, total="72", layout=layout), ("SCORE_MISMATCH",))
    assert len(fs) == 1 and "未填" in fs[0].message and "67" in fs[0].message


@pytest.mark.parametrize("layout", ["pipe", "tsv", "cells"])
@pytest.mark.parametrize("note", ["（据实填写，与年度指标值口径一致）", "（请填写实际完成值）"])
def test_result_cell_holding_the_template_note(layout, note):
    rows = list(OK_ROWS)
    rows[3] = ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", note, "20", "20", "")
    fs = findings(form(rows=rows, layout=layout), ("UNFILLED_FORM",))
    assert len(fs) == 1 and fs[0].evidence[0].paragraph.startswith("TBL.r") and "填写说明" in fs[0].message


def _prose(p: str) -> str:
    return ("某县文化和旅游局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.组织送戏下乡80场。\n"
            "二、目标完成情况\n1.组织送戏下乡86场。\n三、部门整体绩效\n" + p + "\n"
            "四、存在问题\n1.基层文化设施管护力量不足。\n五、改进措施\n1.2024年3月底前由县文化馆组织培训。\n")


@pytest.mark.parametrize("p", [
    "1.自评得分：本局自评得分95.12分。其中：预算执行9.62分、产出指标48.5分、效益指标26分、满意度指标9分。",
    "1.本局2023年度自评总分97.62分。其中：产出指标52分（满分50分）、效益指标27分（满分30分）、满意度指标9分（满分10分）、预算执行9.62分（满分10分）。",
    "1.综合得分９０分，其中产出指标４５分、效益指标２６分、满意度指标９分、预算执行９．５分。",
    "1.自评得分88分。其中：产出指标40分（分值40分）、效益指标31分（分值30分）、满意度指标8分（分值10分）、预算执行9分（分值10分）。",
    "1.总分为92.5分，其中产出指标46.5分、效益指标27分、满意度指标9分、预算执行9分。",
])
def test_prose_score_breakdown_is_a_score_mismatch(p):
    fs = findings(_prose(p), ("SCORE_MISMATCH", "ARITHMETIC_MISMATCH"))
    assert [f.code for f in fs] == ["SCORE_MISMATCH"]


@pytest.mark.parametrize("p", [
    "1.自评得分：本局自评得分93.12分。其中：预算执行9.62分、产出指标48.5分、效益指标26分、满意度指标9分。",
    "1.本局2023年度自评总分95.62分。其中：产出指标50分（满分50分）、效益指标27分（满分30分）、满意度指标9分（满分10分）、预算执行9.62分（满分10分）。",
    "1.自评得分96.7分，评价等级为优。",
])
def test_prose_score_breakdown_that_adds_up(p):
    assert findings(_prose(p), ("SCORE_MISMATCH", "ARITHMETIC_MISMATCH")) == []


@pytest.mark.parametrize("rate,flag", [("97.68%", True), ("90.87%", False)])
def test_execution_rate_over_the_initial_budget_is_the_wrong_base(rate, flag):
    """781.45 ÷ 800.00 (年初预算数) = 97.68%, but 执行率 is 全年执行数 ÷ 全年预算数 = 781.45 ÷ 860.00 =
    90.87%; the budget row is part of the form's table (TBL)."""
    text = form().replace(
        "| 一级指标 |",
        "| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        f"| | 年度资金总额 | 800.00 | 860.00 | 781.45 | 10 | {rate} | 9.09 |\n| 一级指标 |", 1)
    fs = [f for f in findings(text, ("ARITHMETIC_MISMATCH",)) if "执行" in f.message or "完成率" in f.message]
    assert bool(fs) is flag
    if flag:
        assert fs[0].evidence[0].paragraph == "TBL"


@pytest.mark.parametrize("target,flag", [("290%", False), ("≥90%", True)])
def test_a_share_target_above_100_is_a_reading_slip(target, flag):
    rows = list(OK_ROWS)
    rows[3] = ("满意度指标", "服务对象满意度指标", "学员满意度", target, "80%", "20", "16", "")
    fs = findings(form(rows=rows, total="83"), ("DEVIATION_UNEXPLAINED",))
    assert bool(fs) is flag


def test_subtotal_rows_owe_no_result():
    rows = list(OK_ROWS) + [("产出指标小计", "", "", "", "", "40", "", "")]
    fs = findings(form(rows=rows), ("UNFILLED_FORM",))
    assert fs == []


@pytest.mark.parametrize("note", ["（对照绩效目标完成情况，分析存在的问题及原因）", "（逐项列明存在的问题）"])
def test_a_bracketed_note_asking_for_problems_is_unfilled(note):
    fs = findings(form(problem=note), ("UNFILLED_FORM",))
    assert len(fs) == 1


@pytest.mark.parametrize("p,flag", [
    ("1.自评：产出指标50分得48分，效益指标30分得27.5分，满意度指标10分得9分，预算执行10分得9.39分，自评总分94.89分。", True),
    ("1.自评：产出指标50分得48分，效益指标30分得27.5分，满意度指标10分得9分，预算执行10分得9.39分，自评总分93.89分。", False),
    ("1.自评：产出指标50分得52分，效益指标30分得27.5分，满意度指标10分得9分，预算执行10分得9.39分，自评总分97.89分。", True),
])
def test_scores_written_as_weight_and_score_pairs(p, flag):
    fs = findings(_prose(p), ("SCORE_MISMATCH",))
    assert bool(fs) is flag


@pytest.mark.parametrize("target,actual,weight,score", [
    ("415万元", "15万元", "4", "4"),     # a weight glued in front of the target
    ("6", "30分", "10", "10"),           # a score read as the result
])
def test_columns_run_together_are_no_deviation(target, actual, weight, score):
    rows = list(OK_ROWS)
    rows[2] = ("效益指标", "成本指标", "办公所需成本", target, actual, weight, score, "")
    fs = findings(form(rows=rows), ("DEVIATION_UNEXPLAINED",))
    assert fs == []
