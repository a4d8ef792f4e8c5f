"""Forms drawn with box-drawing characters (a Word table saved as plain text): the
vertical lines separate cells, the rules are no text, and long cells wrap onto the lines
below inside their own column."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_report, read_text
from nlp_pipeline.ingest.decode import decode

FORM = """项目支出绩效自评表
（2024年度）
┌──────────────┬──────────────────────────────────────┐
│ 项目名称     │ 2024年青溪县高标准农田建设项目       │
├──────────────┼──────────────────────────────────────┤
│ 主管部门     │ 青溪县农业农村局                     │
└──────────────┴──────────────────────────────────────┘
┌──────────────────────────────┬──────────────────────────────┐
│ {goal_head}                  │ 实际完成情况                 │
├──────────────────────────────┼──────────────────────────────┤
│ 1.在东坪、石门2个乡镇新建高  │ 1.全年新建高标准农田3.2万亩，│
│ 标准农田3万亩。              │ 完成计划的106.7%。           │
├──────────────────────────────┼──────────────────────────────┤
│ 2.配套建设灌溉渠道18公里，改 │ 2.建成灌溉渠道18公里，受益农 │
│ 善灌溉条件。                 │ 户2100户。                   │
└──────────────────────────────┴──────────────────────────────┘
┌──────────┬────────────┬──────────────────┬──────────┬──────────┬──────┬──────┬──────────┐
│ 一级指标 │ 二级指标   │ 三级指标         │ 年度指标值 │ 实际完成值 │ 分值 │ 得分 │ 偏差原因 │
├──────────┼────────────┼──────────────────┼──────────┼──────────┼──────┼──────┼──────────┤
│ 产出指标 │ 数量指标   │ 新建高标准农田   │ ≥3万亩   │ 3.2万亩  │ 20   │ 20   │ 无       │
├──────────┼────────────┼──────────────────┼──────────┼──────────┼──────┼──────┼──────────┤
│ 产出指标 │ 质量指标   │ 工程验收合格率   │ 100%     │ 100%     │ 20   │ 20   │ 无       │
├──────────┼────────────┼──────────────────┼──────────┼──────────┼──────┼──────┼──────────┤
│ 效益指标 │ 社会效益   │ 受益农户         │ ≥2000户  │ 2100户   │ 30   │ 30   │ 无       │
├──────────┼────────────┼──────────────────┼──────────┼──────────┼──────┼──────┼──────────┤
│ 满意度指标 │ 服务对象满意度 │ 农户满意度   │ ≥90%     │ 95%      │ 30   │ 30   │ 无       │
└──────────┴────────────┴──────────────────┴──────────┴──────────┴──────┴──────┴──────────┘
┌────────────────┬──────────────────────────────────────┐
│ {problem_head} │ 1.部分田块土壤改良未完成，待2025 │
│                │ 年春耕前完成。                       │
├────────────────┼──────────────────────────────────────┤
│ 改进措施       │ 1.2025年3月底前由县农业农村局完成剩 │
│                │ 余田块的土壤改良和验收。             │
└────────────────┴──────────────────────────────────────┘
"""


def _read(goal_head="年度总体目标（预期目标）", problem_head="偏差原因分析"):
    return read_text(FORM.format(goal_head=goal_head, problem_head=problem_head), "box.txt")


def test_a_box_drawn_form_is_text_not_binary():
    text, enc = decode(FORM.format(goal_head="预期目标", problem_head="存在问题").encode("utf-8"))
    assert enc == "utf-8" and text.startswith("项目支出绩效自评表")


def test_box_drawn_indicator_rows():
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in _read().tasks for i in t.indicators]
    assert rows == [("新建高标准农田", "≥3万亩", "3.2万亩", 20, 20), ("工程验收合格率", "100%", "100%", 20, 20),
                    ("受益农户", "≥2000户", "2100户", 30, 30), ("农户满意度", "≥90%", "95%", 30, 30)]


@pytest.mark.parametrize("goal_head", ["年度总体目标（预期目标）", "预期目标"])
def test_cells_wrapped_inside_their_column_stay_one_paragraph(goal_head):
    r = _read(goal_head=goal_head)
    assert [p.text for p in r.sections["G"].paragraphs] == ["在东坪、石门2个乡镇新建高标准农田3万亩。",
                                                           "配套建设灌溉渠道18公里，改善灌溉条件。"]
    assert [p.text for p in r.sections["O"].paragraphs] == ["全年新建高标准农田3.2万亩，完成计划的106.7%。",
                                                           "建成灌溉渠道18公里，受益农户2100户。"]
    assert [p.text for p in r.sections["I"].paragraphs] == ["2025年3月底前由县农业农村局完成剩余田块的土壤改良和验收。"]


@pytest.mark.parametrize("problem_head", ["偏差原因分析", "存在问题"])
def test_a_forms_deviation_causes_field_is_its_problems(problem_head):
    r = _read(problem_head=problem_head)
    assert [p.text for p in r.sections["Q"].paragraphs] == ["部分田块土壤改良未完成，待2025年春耕前完成。"]


def test_a_box_drawn_file(tmp_path):
    f = tmp_path / "box.txt"
    f.write_text(FORM.format(goal_head="预期目标", problem_head="存在问题"), encoding="utf-8")
    assert len([i for t in read_report(str(f)).tasks for i in t.indicators]) == 4


def test_a_cell_wrapped_before_a_figure_keeps_its_sentence_whole():
    from nlp_pipeline.ingest.mapped import Mapped, join_lines

    def m(s):
        return Mapped(s, list(range(len(s))))

    assert join_lines([m("占全县播种面积28.58万亩的"), m("45.3%。")]).chars == "占全县播种面积28.58万亩的45.3%。"
    assert join_lines([m("完成检查"), m("2.全年开展培训")]).chars == "完成检查\n2.全年开展培训"  # an item
    assert join_lines([m("资金共计2023"), m("45万元")]).chars == "资金共计2023\n45万元"  # never one number of two
