"""Reader lessons from held-out real pages (own invented text in their shapes): a pipe
form whose rows start at their first filled cell (merged cells dropped, not left empty),
with 其中 sub-rows that have no points, level cells on lines of their own, a header whose
first cells sit on a line of their own, and a reason column titled in other words."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text
from nlp_pipeline.ingest.table import match_header

FORM = """绩效目标自评表 | ||||||||||
(2024年度) | ||||||||||
项目名称 | 东湖村特色养殖奖补项目 | 项目负责人及电话 | 周某 | |||||||
主管部门 | 县农业农村局 | 实施单位 | 青石镇人民政府 | |||||||
资金情况 (万元) |
全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | |||||
年度资金总额: | 12.60 | 12.60 | 10 | 100% | 10 | |||||
年度总体目标 | {goal_head} | 年度总体目标完成情况综述 | ||||||||
落实52户特色养殖奖补政策,带动脱贫户增收 | 完成52户特色养殖奖补,户均增收2100元 | |||||||||
绩效指标 | 一级 指标 |
二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | {reason_head} | ||
产 出 指 标 (50分) |
数量指标 | ★补助养殖池塘面积 | 20 | 16亩 | 16亩 | 20 | ||||
其中鲈鱼养殖面积 | 10亩 | 10亩 | ||||||||
其中虾蟹养殖面积 | 6亩 | 6亩 | ||||||||
★补助肉牛养殖数量 | 20 | 64头 | 60头 | 18 | 4头犊牛未达出栏标准 | |||||
质量指标 | ||||||||||
养殖成活率 | 10 | 95% | 97% | 10 | ||||||
效 益 指 标 (30分) |
社会效益 指标 |
受益脱贫人口数量 | 30 | 150人 | 150人 | 30 | |||||
"""


def _form(goal_head="年初设定目标", reason_head="未完成原因及拟采取的改进措施"):
    return read_text(FORM.format(goal_head=goal_head, reason_head=reason_head), "form.txt")


def _rows(r):
    return [i for t in r.tasks for i in t.indicators]


@pytest.mark.parametrize("cell", ["未完成原因及拟采取的改进措施", "偏差原因及整改情况说明", "未达标原因分析"])
def test_a_reason_column_in_other_words_is_the_reason(cell):
    assert match_header(cell) == "reason"


def test_rows_that_start_at_their_first_filled_cell():
    rows = {i.name: i for i in _rows(_form())}
    assert set(rows) >= {"★补助养殖池塘面积", "其中鲈鱼养殖面积", "其中虾蟹养殖面积", "★补助肉牛养殖数量",
                         "养殖成活率", "受益脱贫人口数量"}
    cattle = rows["★补助肉牛养殖数量"]
    assert (cattle.target, cattle.result, cattle.weight, cattle.score) == ("64头", "60头", 20, 18)
    assert cattle.reason == "4头犊牛未达出栏标准"
    sub = rows["其中鲈鱼养殖面积"]
    assert (sub.target, sub.result, sub.weight, sub.score) == ("10亩", "10亩", None, None)


def test_level_cells_on_lines_of_their_own_are_inherited():
    rows = {i.name: i for i in _rows(_form())}
    assert "产出指标" in rows["★补助养殖池塘面积"].level1.replace(" ", "")
    assert rows["养殖成活率"].level2 == "质量指标"
    people = rows["受益脱贫人口数量"]
    assert "效益指标" in people.level1.replace(" ", "") and "社会效益" in people.level2.replace(" ", "")


@pytest.mark.parametrize("goal_head", ["年初设定目标", "预期目标"])
def test_a_goal_row_exported_without_its_merged_label(goal_head):
    r = _form(goal_head=goal_head)
    sec = {s.id: [p.text for p in s.paragraphs] for s in r.sections.values()} if isinstance(r.sections, dict) else {
        s.id: [p.text for p in s.paragraphs] for s in r.sections}
    assert any(t.startswith("落实52户") for t in sec.get("G", []))
    assert any(t.startswith("完成52户") for t in sec.get("O", []))
    assert not any(t.startswith("完成52户") for t in sec.get("G", []))


BASIC_ITEMS = """关于2023年度东岭村通组道路工程绩效评价报告
一、项目基本情况
（一）项目概况：为解决东岭村出行难问题，2023年实施通组道路硬化工程，项目总投资26万元。
（二）{goal_label}：道路硬化≥0.8km；项目验收合格率100%；受益群众满意度≥95%。
二、评价结论和绩效分析
（一）评价结论：该项目按照年初设定的目标实施，完成道路硬化0.82km，验收合格。
（二）绩效分析：项目由村民申请，经民主评议申报实施，群众出行条件明显改善。
三、存在的问题
1.项目前期勘察不够细致，部分路段设计变更。
四、改进措施
1.2024年起由镇建设办在立项前完成实地勘察。
"""


@pytest.mark.parametrize("goal_label", ["绩效目标", "年度绩效目标", "项目绩效目标"])
def test_an_item_labelled_with_a_section_name_is_that_section(goal_label):
    r = read_text(BASIC_ITEMS.format(goal_label=goal_label), "r.txt")
    g = [p.text for p in r.paragraphs("G")]
    assert g and g[0].startswith("道路硬化≥0.8km")
    assert not any("≥0.8km" in p.text for p in r.paragraphs("B"))
    # 评价结论和绩效分析: the conclusion is the overall part (P)
    o = [p.text for p in r.paragraphs("O") + r.paragraphs("P")]
    assert any("该项目按照年初设定" in t for t in o)
    assert not any("该项目按照年初设定" in p.text for p in r.paragraphs("U"))


def test_an_item_of_the_basic_part_without_a_section_name_stays_there():
    r = read_text(BASIC_ITEMS.format(goal_label="资金来源"), "r.txt")
    assert not r.paragraphs("G")
    assert any("≥0.8km" in p.text for p in r.paragraphs("B"))


TARGET_ROWS = """再生资源回收管理经费项目绩效目标表
一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注
产出指标 数量指标 出差人次 正向 =24 人/次 4
产出指标 质量指标 工作任务完成率 正向 =100 % 4
产出指标 成本指标 出差总成本 反向 ≤1.5 万元 4
"""


def test_a_comparison_written_with_its_number_takes_its_unit():
    rows = {i.name: i.target for t in read_text(TARGET_ROWS, "t.txt").tasks for i in t.indicators}
    assert rows == {"出差人次": "=24人/次", "工作任务完成率": "=100%", "出差总成本": "≤1.5万元"}
