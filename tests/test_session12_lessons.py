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
    # wrapped lines of a goal cell and an outcome cell, each line's clauses written twice in turn
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


# --- lessons of realcheck13 (in invented text of the shapes the auditor's verdicts showed) ---

BUDGET_EXTRA_CELL = ("项目支出绩效自评表\n项目名称 乡村学校图书配置\n"
                     "项目资金(万元) 年初预算数 全年预算数(A) 全年执行数(B) 分值 预算执行率(B/A) 得分\n"
                     "年度资金总额: 46.5 46.5 46.5 46.5 10 100% 10\n"
                     " 其中:中央资金 46.5 46.5 46.5 46.5 10 100% 10\n"
                     "年度总体目标 年初设定目标 全年实际完成情况\n"
                     "为12所乡村学校配置图书。 完成12所乡村学校图书配置，验收合格率100%。\n")


def test_a_budget_row_printing_a_cell_more_than_its_header(tmp_path):
    a = _analysis(tmp_path, BUDGET_EXTRA_CELL)
    b = a.report.budget
    assert b.completion_rate is not None and b.completion_rate.value == 100
    assert b.actual_spending is not None and b.actual_spending.value == 46.5
    codes = _codes(a)
    assert "ARITHMETIC_MISMATCH" not in codes and "SCORE_MISMATCH" not in codes
    # one goal cell answered by its outcome cell in other words
    assert "GOAL_WITHOUT_OUTCOME" not in codes


@pytest.mark.parametrize("name, suspect", [
    ("完成", True), ("年度指标值", True), ("已完成", True), ("图书配置学校数", False)])
def test_a_result_word_or_a_column_label_read_as_a_name_is_suspect(name, suspect):
    from nlp_pipeline.ingest.doubt import row_suspect

    why = row_suspect({"name": name, "target": "≥98%", "actual": "100%", "weight": "25", "score": "25"})
    assert ("name" in why) is suspect


@pytest.mark.parametrize("text, reports", [
    ("数量指标:2023年,应补助人数9人,实际补助人数9人。", True),
    ("数量指标:2023年应补助人数9人。", False),
    ("实际工作中坚持应补尽补。", False),
])
def test_a_goal_paragraph_stating_its_actual_figure_reports(text, reports):
    from nlp_pipeline.detect.goal_without_outcome import _reports_not_aims

    assert _reports_not_aims(text, {}) is reports


CUT_GOALS = ("青河县2022年度农村危房改造补助资金绩效自评报告\n一、绩效目标\n"
             "1.完成农村危房改造120户，户均补助1.2万元。\n"
             "二、绩效目标完成情况\n全年完成农村危房改造126户，发放补助资金151.2万元，改造后房屋全部达到安全标准。\n"
             "三、绩效指标\n1、数量指标\n{tail}")


def test_a_goal_cut_off_by_the_end_of_the_page_is_no_goal(tmp_path):
    a = _analysis(tmp_path, CUT_GOALS.format(tail="2、质量指标\n农村危房改造补"))
    assert "GOAL_WITHOUT_OUTCOME" not in _codes(a)


@pytest.mark.parametrize("text, claims", [
    ("为圆满完成建制镇污水处理设施建设目标任务，我厅坚持问题导向。", False),
    ("为了全面完成年度任务，我局加强调度。", False),
    ("建制镇污水处理设施建设目标任务已圆满完成。", True),
    ("全年圆满完成建制镇污水处理设施建设目标任务。", True),
])
def test_a_claim_after_a_word_of_purpose_is_an_aim(text, claims):
    from nlp_pipeline.text.annotate import default_cues

    assert bool(default_cues().find(text, "whole_done")) is claims


TWO_YEARS = ("某省农业农村厅高标准农田建设资金绩效评价报告\n一、绩效目标\n"
             "1.总体目标。大力推进高标准农田建设。\n"
             "2.{y1}年度绩效目标。新建高标准农田620万亩，亩均投入财政资金1500元。\n"
             "3.{y2}年度绩效目标。新建高标准农田640万亩，亩均投入财政资金1950元。\n"
             "二、绩效目标完成情况\n两年共新建高标准农田1260万亩。\n")


def test_targets_of_two_years_are_no_conflict(tmp_path):
    assert "NUMBER_CONFLICT" not in _codes(_analysis(tmp_path, TWO_YEARS.format(y1="2021", y2="2022")))
    assert "NUMBER_CONFLICT" in _codes(_analysis(tmp_path, TWO_YEARS.format(y1="2022", y2="2022")))


MASKED = ("青河县疾控中心2021年度部门整体支出绩效自评表\n"
          "一、年度目标\n1.适龄儿童免疫规划疫苗接种率{rate}。\n二、完成情况\n全年适龄儿童免疫规划疫苗接种率98.6%，"
          "{more}\n文档上传人:{who} 文档编号:29244 到这儿已超出免费预览范围\n")


def test_a_site_masked_person_name_is_no_unfilled_slot(tmp_path):
    a = _analysis(tmp_path, MASKED.format(who="王**", rate="≥90%", more="由疾控科牵头完成。"))
    assert "UNFILLED_FORM" not in _codes(a)
    b = _analysis(tmp_path, MASKED.format(who="王五", rate="≥90%", more="由××科牵头完成。"))
    assert "UNFILLED_FORM" in _codes(b)


def test_a_target_rate_whose_bound_sign_became_a_2(tmp_path):
    a = _analysis(tmp_path, MASKED.format(who="王五", rate="290%", more="完成年度任务。"))
    assert "RATE_OVER_100" not in _codes(a)
    b = _analysis(tmp_path, MASKED.format(who="王五", rate="≥90%", more="疫苗接种覆盖率105%。"))
    assert "RATE_OVER_100" in _codes(b)
