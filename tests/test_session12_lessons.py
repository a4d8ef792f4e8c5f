"""Lessons of realcheck12 (an auditor's verdicts on real pages), in invented text of the
shapes they showed: two wide form cells (预期目标 | 实际完成情况) flattened line by line into
one run of text; a form exported one cell a line whose goal and outcome cells alternate and
whose indicator header lost its points cell; one total cut twice, by source and by use."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect.repeated_text import _clause_repeats, _interleaved
from nlp_pipeline.ingest import read_text


def _analysis(tmp_path, text: str):
    """The lexical analysis of ``text`` written as a report file."""
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return analyze(f, mode="lexical")


def _codes(analysis) -> list[str]:
    return [f.code for f in analysis.findings]


# each wrapped line of the goal cell, then the same line of the outcome cell (wrapped at
# another width), joined by spaces: a spreadsheet row exported as one line of text
INTERLEAVED = (
    "附件2 项目支出绩效自评表 （2022年度） 项目名称 农村公路养护经费 主管部门 青河县交通运输局 项目资金(万元) "
    "实施单位 青河县公路事务中心 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 386.5万元 "
    "386.5万元 380.2万元 10 98.37% 9.8 预期目标 实际完成情况 "
    "1.完成县乡道路日常养护，保持路面完好率，及时处置路面病害，确 1.完成县乡道路日常养护，保持路面完好率，及时处置路面病害，"
    "确保道路安全通 保道路安全通行。加强养护人员业务培训，提升养护作业规范化水平，全 行。加强养护人员业务培训，"
    "提升养护作业规范化水平，全年组织集中培训。 年组织集中培训。 2.推进农村公路安全生命防护工程，消除临水临崖路段"
    "安全隐患，改善 2.推进农村公路安全生命防护工程，消除临水临崖路段安全隐患，改善群众出行 群众出行条件。开展路域环境"
    "整治，清理路肩堆积物，保持边沟畅通，提 条件。开展路域环境整治，清理路肩堆积物，保持边沟畅通，提升通行品质。 升通行品质。\n"
)


def test_two_form_columns_interleaved_are_no_repeated_text(tmp_path):
    a = _analysis(tmp_path, INTERLEAVED)
    assert "REPEATED_TEXT" not in _codes(a)
    # the goal and outcome cells replace the paragraph the content classifier made of the
    # whole line: no text belongs to two paragraphs
    spans = sorted((p.start, p.end) for p in a.report.paragraphs())
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:]))
    assert a.report.paragraphs("G") and a.report.paragraphs("O")


@pytest.mark.parametrize("text, expected", [
    # two lines of two columns: [A，B][A，B] … [C][C]
    ("完成县乡道路日常养护，保持路面完好率，及时处置路面病害，确 1.完成县乡道路日常养护，保持路面完好率，及时处置路面病害，"
     "确保道路安全通 保道路安全通行。加强养护人员业务培训，提升养护作业规范化水平，全 行。加强养护人员业务培训，"
     "提升养护作业规范化水平，全年组织集中培训。 年组织集中培训。", True),
    # a clause written twice by slip: one block
    ("加强养护人员业务培训，提升养护作业规范化水平，加强养护人员业务培训，全年组织集中培训", False),
    # a whole passage written twice: one block of two clauses
    ("加强养护人员业务培训，提升养护作业规范化水平。加强养护人员业务培训，提升养护作业规范化水平。", False),
    # two clauses each written twice, the second pair inside the first: no column order
    ("加强养护人员业务培训，消除临水临崖路段安全隐患，加强养护人员业务培训，开展路域环境整治，"
     "消除临水临崖路段安全隐患", False),
])
def test_interleaved_columns_against_written_repeats(text, expected):
    assert _interleaved(text, _clause_repeats(text, [])) is expected


def test_a_clause_repeated_in_prose_is_still_found(tmp_path):
    text = ("青河县交通运输局2022年度农村公路养护经费绩效自评报告\n一、绩效目标\n完成县乡道路日常养护120公里。\n"
            "二、绩效目标完成情况\n全年完成县乡道路日常养护126公里，及时处置路面病害，确保道路安全通行，"
            "及时处置路面病害，确保道路安全通行。\n")
    assert "REPEATED_TEXT" in _codes(_analysis(tmp_path, text))


def _cells(outcomes: list[str], sep: str = "\n\n") -> str:
    cells = ["绿水县畜禽粪污资源化利用补助资金区域绩效目标自评表", "专项名称", "畜禽粪污资源化利用补助资金",
             "省级主管部门", "绿水县农业农村局", "自评得分", "96",
             "年度目标完成情况", "预期目标", "目标实际完成情况", "20"]
    goals = ["目标1:完成规模养殖场粪污处理设施配套建设。", "目标2:提升畜禽粪污综合利用水平。", "目标3:开展粪肥还田技术培训。"]
    for g, o in zip(goals, outcomes):
        cells += [g, o]
    cells += ["年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成指标值", "50",
              "产出指标", "数量指标", "指标1:配套建设养殖场数", "≥35个", "38个", "10",
              "指标2:粪肥还田面积", "≥1.2万亩", "1.3万亩", "10",
              "质量指标", "指标1:设施验收合格率", "100%", "100%", "10",
              "时效指标", "指标1:项目完成时间", "2023年11月底前", "2023年11月", "10",
              "效益指标", "生态效益指标", "指标1:畜禽粪污综合利用率", "≥85%", "87%", "10",
              "满意度指标", "服务对象满意度指标", "指标1:养殖户满意度", "≥90%", "93%", "10"]
    return sep.join(cells) + "\n"


DONE = ["目标1:完成38个规模养殖场粪污处理设施配套建设，全部通过验收。",
        "目标2:畜禽粪污综合利用率达87%，较上年提高3个百分点。",
        "目标3:举办粪肥还田技术培训6期，培训养殖户420人次。"]
COPIED = ["目标1:完成规模养殖场粪污处理设施配套建设。", "目标2:提升畜禽粪污综合利用水平。", "目标3:开展粪肥还田技术培训。"]


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_alternating_goal_and_outcome_cells_go_to_their_columns(sep):
    r = read_text(_cells(DONE, sep), "r.txt")
    assert [p.text[:3] for p in r.paragraphs("G")] == ["目标1", "目标2", "目标3"]
    assert [p.text for p in r.paragraphs("O")] == DONE
    # the block's points (20) is no goal
    assert not any(p.text.startswith("20") for p in r.paragraphs("G"))


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_rows_under_a_header_that_lost_its_points_cell(sep):
    r = read_text(_cells(DONE, sep), "r.txt")
    ind = [i for t in r.tasks for i in t.indicators]
    rows = [(i.name, i.target, i.result) for i in ind]
    assert rows[0] == ("指标1:配套建设养殖场数", "≥35个", "38个")
    assert len(rows) == 6 and all(t[2] for t in rows)
    assert all(i.score == 10 or i.weight == 10 for i in ind)


def test_copied_outcome_cells_are_found_and_filled_cells_are_not_empty(tmp_path):
    copied = _codes(_analysis(tmp_path, _cells(COPIED)))
    assert copied.count("OUTCOME_RESTATES_GOAL") == 3
    done = _codes(_analysis(tmp_path, _cells(DONE)))
    assert "OUTCOME_RESTATES_GOAL" not in done
    assert "UNFILLED_FORM" not in done and "DUPLICATE_PARAGRAPH" not in done and "UNFILLED_FORM" not in copied


BREAKDOWNS = ("青河县水利局2022年度水库移民后期扶持资金绩效自评报告\n一、项目基本情况\n"
              "共下达我县移民后期扶持资金{total}万元，其中：中央资金1200万元，省级资金300万元{more}；"
              "用于直发直补资金620.5万元、项目扶持资金79.5万元、切块项目资金800万元。\n"
              "二、绩效目标\n完成移民后期扶持项目12个。\n三、绩效目标完成情况\n全年完成扶持项目12个。\n")


@pytest.mark.parametrize("total", ["1500", "1,500", "１５００"])
def test_one_total_cut_by_source_and_by_use_adds_up(tmp_path, total):
    a = _analysis(tmp_path, BREAKDOWNS.format(total=total, more=""))
    assert "ARITHMETIC_MISMATCH" not in _codes(a)


def test_a_breakdown_that_does_not_add_up_is_still_found(tmp_path):
    a = _analysis(tmp_path, BREAKDOWNS.format(total="1500", more="，市级资金20万元"))
    assert "ARITHMETIC_MISMATCH" in _codes(a)
