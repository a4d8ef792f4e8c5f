"""Lessons of blind25 (its misses, learned from after its first run), in invented text of
the shapes it showed: a mid-year monitoring table beside the year-end values under a
header of two rows; an indicator tree printed as text (├─ └─); a bound written inside an
outcome (不少于146人); a progress note in a reason cell; a 、-list written twice."""
from __future__ import annotations

import pytest

from test_session12_lessons import _analysis

from nlp_pipeline.detect.repeated_text import _clause_repeats
from nlp_pipeline.ingest import read_text
from nlp_pipeline.ingest.builder import untree


def _indicators(report):
    return [i for t in report.tasks for i in t.indicators]


NARRATIVE = (
    "青松县第二中学2023年度部门整体支出绩效自评报告\n\n"
    "一、年度绩效目标\n"
    "1.教学保障：组织教师业务培训不少于80人，开设校本课程不少于24门。\n"
    "2.后勤保障：完成食堂改造600平方米。\n\n"
    "二、目标完成情况\n"
    "1.教学保障方面。全年组织教师业务培训76人，开设校本课程25门。\n"
    "2.后勤保障方面。暑期完成食堂改造600平方米。\n"
)

# line 1: the cells merged over both rows, then the group labels over their columns;
# line 2: empty under the merged cells, the group's own columns
GROUPED_ROWS = [
    ["指标名称", "年度目标值", "运行监控（截至6月30日）", "", "年终自评", "", ""],
    ["", "", "1—6月完成值", "完成进度", "全年完成值", "是否完成", "偏差原因及纠偏措施"],
    ["教师业务培训人数", "≥80人", "30人", "37.5%", "76人", "否", "按计划推进"],
    ["开设校本课程", "≥24门", "12门", "50.0%", "25门", "是", ""],
    ["食堂改造面积", "600平方米", "0平方米", "0%", "600平方米", "是", "暑期施工，8月完工"],
]


def _grouped(sep: str, pipes: bool) -> str:
    rows = [sep.join(r) for r in GROUPED_ROWS]
    if pipes:
        rows = [f"| {r} |" for r in rows]
    return NARRATIVE + "绩效目标运行监控与年终自评对照表\n" + "\n".join(rows) + "\n\n三、存在问题\n1.部分课程依赖外聘教师。\n"


@pytest.mark.parametrize("sep, pipes", [("\t", False), (" | ", True)])
def test_grouped_two_row_header_reads_the_year_end_column(sep, pipes):
    r = read_text(_grouped(sep, pipes), "r.txt")
    inds = _indicators(r)
    assert [i.name for i in inds] == ["教师业务培训人数", "开设校本课程", "食堂改造面积"]
    # the year-end value is the result, not the mid-year one under its group
    assert [i.result for i in inds] == ["76人", "25门", "600平方米"]
    assert [i.target for i in inds] == ["≥80人", "≥24门", "600平方米"]
    # the table's cells are no goals
    assert len(r.paragraphs("G")) == 2


def test_grouped_header_needs_cells_merged_over_both_rows():
    # a second header-like line with nothing left empty under the first is a row, not a tier
    rows = ["指标名称\t年度目标值\t全年完成值\t偏差原因",
            "培训人数\t≥80人\t76人\t外聘讲师未到位"]
    r = read_text(NARRATIVE + "\n".join(rows) + "\n", "r.txt")
    assert [i.result for i in _indicators(r)] == ["76人"]


def test_progress_note_is_no_reason_and_bound_in_outcome_is_no_result(tmp_path):
    a = _analysis(tmp_path, _grouped("\t", False))
    dev = [f for f in a.findings if f.code == "DEVIATION_UNEXPLAINED"]
    assert any("教师业务培训人数" in f.message for f in dev)
    # G1's 不少于80人 written again in a goal is a bound, and the outcome's 76人 is no
    # second reading of it: no conflict between a promise and a result
    assert not any(f.code == "NUMBER_CONFLICT" and "不少于" in f.message for f in a.findings)


def test_bound_restated_in_outcome_conflicts_with_nothing(tmp_path):
    text = NARRATIVE.replace("全年组织教师业务培训76人", "组织教师业务培训不少于80人") + (
        "指标名称\t年度目标值\t全年完成值\t偏差原因\n"
        "教师业务培训人数\t≥80人\t76人\t2名教师病休，已安排补训\n"
        "开设校本课程\t≥24门\t25门\t\n")
    a = _analysis(tmp_path, text)
    assert not any(f.code == "NUMBER_CONFLICT" for f in a.findings)


TREE = (
    "预算管理一体化系统　项目支出绩效自评（指标树视图）\n"
    "项目名称：2023年乡村学校少年宫运行补助项目\n"
    "主管部门：白溪县教育局　　评价年度：2023年　　金额单位：万元\n\n"
    "■ 年度总体目标\n"
    "├─ 预期目标：支持全县18所乡村学校少年宫常态化运行，每校每周开展活动不少于3次，辅导教师培训不少于90人次。\n"
    "└─ 实际完成：18所乡村学校少年宫全部常态化运行，每校每周开展活动3次以上；组织辅导教师培训84人次。\n\n"
    "■ 绩效指标（满分100分）\n"
    "├─ 产出指标（50分）　小计得分：46\n"
    "│　├─ 数量指标\n"
    "│　│　├─ 运行少年宫数量　指标值：≥18所　完成值：18所　分值：20　得分：20　偏差原因：—\n"
    "│　│　└─ 辅导教师培训人次　指标值：≥90人次　完成值：84人次　分值：20　得分：16　偏差原因：\n"
    "│　└─ 质量指标\n"
    "│　　　└─ 活动开展达标率　指标值：100%　完成值：100%　分值：10　得分：10　偏差原因：—\n"
    "├─ 满意度指标（10分）　小计得分：10\n"
    "│　└─ 服务对象满意度指标\n"
    "│　　　└─ 学生满意度　指标值：≥90%　完成值：95.1%　分值：10　得分：10　偏差原因：—\n"
    "└─ 总分：92　　评价等级：优\n\n"
    "■ 存在问题\n"
    "├─ 1.部分少年宫辅导教师为兼职，流动性较大。\n"
    "└─ 2.个别学校活动器材老化。\n\n"
    "■ 改进措施\n"
    "├─ 1.2024年春季学期起建立辅导教师备案制度，兼职教师调整须提前一个月报县教育局。\n"
    "└─ 2.2024年6月底前为4所学校更新活动器材。\n"
)


def test_tree_view_branches_become_spaces_one_for_one():
    flat = untree(TREE)
    assert len(flat) == len(TREE)
    assert "├" not in flat and "│" not in flat and "└" not in flat
    # a text with a stray branch mark or two is left as it is
    assert untree("一、目标\n├─ 完成\n正文") == "一、目标\n├─ 完成\n正文"


def test_tree_view_reads_rows_levels_sections_and_total():
    r = read_text(TREE, "r.txt")
    inds = _indicators(r)
    assert [i.name for i in inds] == ["运行少年宫数量", "辅导教师培训人次", "活动开展达标率", "学生满意度"]
    assert [i.result for i in inds] == ["18所", "84人次", "100%", "95.1%"]
    assert [i.score for i in inds] == [20, 16, 10, 10]
    # the branch it hangs from is each row's level
    assert [i.level2 for i in inds] == ["数量指标", "数量指标", "质量指标", "服务对象满意度指标"]
    assert r.total_score == 92
    assert [p.text[:6] for p in r.paragraphs("G")] == ["支持全县18"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["18所乡村学"]
    assert len(r.paragraphs("Q")) == 2 and len(r.paragraphs("I")) == 2
    # evidence still quotes the text as printed
    assert r.text == TREE


def test_tree_view_misses_are_found(tmp_path):
    a = _analysis(tmp_path, TREE)
    dev = [f for f in a.findings if f.code == "DEVIATION_UNEXPLAINED"]
    assert any("辅导教师培训人次" in f.message for f in dev)


@pytest.mark.parametrize("text", [
    "开设科技、艺术、体育等特色课程，参与学生1,200人次；开设科技、艺术、体育等特色课程，全年开设课程42门。",
    # (the list in another order of clauses around it, the same slip)
    "全年开设课程42门，组织美术、书法、合唱等兴趣小组活动；参与学生1,200人次，组织美术、书法、合唱等兴趣小组活动。",
])
def test_enumeration_written_twice_is_one_clause_repeated(text):
    reps = _clause_repeats(text, [])
    assert len(reps) == 2
    a, b, _ = reps[0]
    assert "、" in text[a:b]


def test_a_box_drawn_grid_is_no_tree():
    # its rules (├──┼──┤) open with a branch mark but draw on: the grid is read as it is
    grid = ("┌────┬────┐\n│ 项目 │ 内容 │\n├────┼────┤\n│ 目标 │ 完成 │\n├────┼────┤\n"
            "│ 问题 │ 无 │\n├────┼────┤\n│ 措施 │ 无 │\n└────┴────┘\n")
    assert untree(grid) == grid


# an Excel sheet printed with its frame: column letters on top, each row opening with its
# row number; a 评分表 scored by deductions (标准分 | 评分标准 | … | 扣分 | 扣分原因)
SHEET_ROWS = [
    ["", "A", "B", "C", "D", "E", "F", "G", "H", "I"],
    ["1", "清河县2023年农机购置补贴项目绩效自评评分表"],
    ["2", "主管部门：清河县农业农村局", "", "实施单位：清河县农机服务中心"],
    ["3", "项目资金", "全年预算数", "120.00", "全年执行数", "112.00"],
    ["4", "年度绩效目标", "补贴机具不少于400台，核验合格率100%。"],
    ["5", "目标完成情况", "补贴机具388台，核验合格率100%。"],
    ["6", "一级指标", "二级指标", "三级指标", "标准分", "评分标准", "年度目标值", "实际完成值", "扣分", "扣分原因"],
    ["7", "过程（20分）", "资金管理", "预算执行率", "10", "执行率×分值", "100%", "95.00%", "0.5", "部分补贴待核验后兑付"],
    ["8", "", "组织实施", "档案管理规范性", "10", "发现1处不规范扣1分", "规范", "抽查档案40份，规范", "0", ""],
    ["9", "产出（50分）", "数量指标", "补贴机具数量", "25", "未达目标按比例扣分", "≥400台", "388台（已达标）", "0", ""],
    ["10", "", "质量指标", "机具核验合格率", "25", "未达目标按比例扣分", "100%", "100%", "0", ""],
    ["11", "满意度（30分）", "服务对象满意度", "购机户满意度", "30", "每低1个百分点扣1分", "≥90%", "88%", "2", "部分购机户反映兑付周期长"],
    ["12", "合计", "", "", "100", "", "", "", "2.5", ""],
    ["13", "自评得分", "98.5", "", "评价等级", "优"],
]


def _sheet(rows=SHEET_ROWS) -> str:
    return "\n".join("\t".join(r) for r in rows) + "\n\t第 1 页，共 1 页\n"


def test_spreadsheet_frame_is_read_past():
    r = read_text(_sheet(), "r.txt")
    inds = _indicators(r)
    assert [i.name for i in inds] == ["预算执行率", "档案管理规范性", "补贴机具数量", "机具核验合格率", "购机户满意度"]
    assert [i.weight for i in inds] == [10, 10, 25, 25, 30]
    # each row's score is its points less the points taken off
    assert [i.score for i in inds] == [9.5, 10, 25, 25, 28]
    assert [i.deduction for i in inds] == [0.5, 0, 0, 0, 2]
    # the 合计 row sums the deductions, the 自评得分 cell beside its label is the total
    assert r.total_score == 98.5
    # a header cell holding its label and its value: the unit is the value after the
    # label's colon, not the next cell's label and value
    assert r.organisation == "清河县农业农村局"


def test_deduction_scores_that_miss_the_total_and_a_claimed_result_cell(tmp_path):
    a = _analysis(tmp_path, _sheet())
    # the deductions sum to 2.5: the rows give 97.5, not the 98.5 written
    sm = [f for f in a.findings if f.code == "SCORE_MISMATCH"]
    assert any("97.5" in f.message and "98.5" in f.message for f in sm)
    # 388台（已达标） claims a target of ≥400台 met, whatever the 评分标准 cell says of misses
    assert any(f.code == "INDICATOR_SHORTFALL" and "补贴机具数量" in f.message for f in a.findings)
    rows = [list(r) for r in SHEET_ROWS]
    rows[11][8], rows[12][8] = "1", "1.5"  # deductions now summing to the 1.5 written off
    a = _analysis(tmp_path, _sheet(rows))
    assert not any(f.code == "SCORE_MISMATCH" for f in a.findings)


def test_frame_needs_letters_in_order_and_counted_rows():
    # a tab table whose first line happens to hold capitals out of order is no frame
    text = "\tB\tA\tC\tD\n1\t项目\n2\t内容\n3\t一\n4\t二\n5\t三\n"
    from nlp_pipeline.ingest.builder import unframe
    assert unframe(text) == text
    framed = _sheet()
    flat = unframe(framed)
    assert len(flat) == len(framed) and "\tA\tB" not in flat
    assert flat.splitlines()[7].lstrip().startswith("过程（20分）")


def test_an_indicator_name_about_funds_claims_nothing(tmp_path):
    rows = [list(r) for r in SHEET_ROWS]
    rows[8][3] = "补贴资金兑付完成时间"
    rows[8][6], rows[8][7] = "2023年12月31日前", "2023年12月20日"
    a = _analysis(tmp_path, _sheet(rows))
    assert not any(f.code == "CLAIM_CONTRADICTED" for f in a.findings)


# lessons of real14's reader misses, in invented text of their shapes
RUN_ON = (
    "乡村卫生室建设项目绩效自评报告\n"
    "一、项目概况 (一)项目基本情况。建设村卫生室6所。\n"
    "(二)项目绩效目标。\n绩效目标:新建村卫生室6所,资金完成120万元。\n"
    "申报预算资金120万元,已完成批复。 二、项目资金管理及组织实施情况 (一)资金到位情况。资金已拨付。 三、绩效目标完成情况 (一)项目完成情况。\n"
    "1.新建村卫生室6所,资金完成118.5万元。\n2.群众就医距离缩短。\n"
    "四、存在的问题 无\n"
)


def test_outline_heading_run_into_a_line_and_a_field_left_with_a_placeholder():
    r = read_text(RUN_ON, "r.txt")
    # 三、 after a sentence and a space continues the outline: its section starts there
    outcomes = "".join(p.text for p in r.paragraphs("O"))
    assert "新建村卫生室6所,资金完成118.5万元" in outcomes and "群众就医距离缩短" in outcomes
    assert not any("项目资金管理" in p.text for p in r.paragraphs("G"))
    # 四、存在的问题 无: the field left with 无, not a heading named 「存在的问题 无」
    assert [(u.field, u.text) for u in r.unfilled] == [("problem", "无")]


VERTICAL = (
    "2023年区域绩效目标自评表\n单位名称 青山县卫生健康局\n"
    "年度\n目标\n完成\n情况\n预期目标\n目标实际完成情况\n\n"
    " 目标1:完成重点人群健康随访\n 目标2:开展健康知识宣传\n\n"
    " 目标1:随访重点人群3,120人次\n 目标2:开展宣传活动12场\n"
)


def test_label_down_its_cell_and_two_numbered_blocks_under_two_heads():
    r = read_text(VERTICAL, "r.txt")
    assert [p.text for p in r.paragraphs("G")] == ["目标1:完成重点人群健康随访", "目标2:开展健康知识宣传"]
    assert [p.text for p in r.paragraphs("O")] == ["目标1:随访重点人群3,120人次", "目标2:开展宣传活动12场"]
