"""Lessons of real10's first run, in invented text of the shapes those pages showed:
a form exported one cell a line with a lone pipe after each cell, labels wrapped over
three lines or cut after a conjunction, notes under a form, document-site previews that
print each page on one numbered line, and headings run into their text."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text


def _cells(*cells: str) -> str:
    """Each cell on a line of its own with a lone pipe after it, a row closed by pipes."""
    return "".join(f"{c}\n|\n" for c in cells) + "||||\n"


FORM = ("2023年度项目支出绩效自评表\n单位名称:青溪县民政局 填报日期:2024年3月6日\n"
        + _cells("项目名称", "困难群众春节慰问经费")
        + _cells("预算执行情况(万元)\n(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)")
        + _cells("{total_label}", "{budget}", "{spent}", "98%", "19.6")
        + _cells("年度绩效目标\n(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分")
        + _cells("产出指标(60分)", "数量指标", "慰问困难群众人数", "≥500人", "512人", "30")
        + _cells("质量指标", "慰问金足额发放率", "100%", "100%", "30")
        + _cells("满意度指标(20分)", "服务对象满意度指标", "慰问对象满意率", "≥95%", "97%", "20")
        + _cells("总分(100分)", "99.6", "自评等级", "优")
        + _cells("偏差大或\n目标未完成\n原因分析", "无")
        + _cells("改进措施及\n结果应用方案", "无")
        + "备注:1.预算数为调整后财政资金总额。\n2.定量指标按实际完成值计分。\n")


def _form(**kw) -> str:
    v = {"total_label": "年度财政资金总额", "budget": "25.00", "spent": "24.50"}
    v.update(kw)
    return FORM.format(**v)


def test_a_form_with_a_lone_pipe_after_each_cell():
    r = read_text(_form(), "f.txt")
    rows = [i for t in r.tasks for i in t.indicators]
    assert [(i.name, i.target, i.result, i.score) for i in rows] == [
        ("慰问困难群众人数", "≥500人", "512人", 30.0),
        ("慰问金足额发放率", "100%", "100%", 30.0),
        ("慰问对象满意率", "≥95%", "97%", 20.0)]
    assert r.total_score == 99.6
    assert (r.budget.adjusted_budget.value, r.budget.actual_spending.value) == (25.0, 24.5)


@pytest.mark.parametrize("label", ["年度财政资金总额", "年度资金总额"])
def test_budget_cells_with_their_unit_written_in(label):
    r = read_text(_form(total_label=label, budget="25万", spent="24.5万"), "f.txt")
    assert (r.budget.adjusted_budget.value, r.budget.actual_spending.value) == (25.0, 24.5)
    assert r.text[r.budget.actual_spending.start:r.budget.actual_spending.end] == "24.5万"


def test_labels_wrapped_over_lines_and_notes_under_the_form():
    r = read_text(_form(), "f.txt")
    fields = {u.field for u in r.unfilled}
    assert {"problem", "improvement"} <= fields  # 「无」 in both, read as such
    texts = [p.text for sec in r.sections.values() for p in sec.paragraphs]
    assert not any("备注" in t or "定量指标" in t or t in ("自评等级", "优") for t in texts), texts


def test_a_note_that_is_a_fields_only_text_is_kept():
    text = ("项目支出绩效自评表\n项目名称\t青溪县农村道路养护\n存在问题\t注：对照年度绩效目标，逐项分析存在的问题及原因。\n"
            "改进措施\t2024年由县交通局每季度巡查一次。\n")
    r = read_text(text, "f.txt")
    assert r.paragraphs("Q") or any(u.field == "problem" for u in r.unfilled)


PAGE_1 = ("1、青溪县2023年乡镇运转保障资金项目支出绩效自评报告一、项目基本情况(一)项目概况青溪镇现有干部职工58人，"
          "县财政局下达保障资金32.5万元，用于镇政府行政运行。" + "镇党委、镇政府研究决定将该项资金专项用于运行保障，" * 8 +
          "(二)项目绩效目标一是保障镇政府日常运转；二是提高便民服务中心办件效率；三是通过提高办事效率，提升辖区")
PAGE_2 = ("2、内群众满意度。二、项目资金情况项目资金32.5万元于2023年9月下达，全部为财政资金，年底前全部支出。"
          "三、绩效目标完成情况分析全年便民服务中心办件4,120件，群众满意度96%。" + "各项运转经费及时支付，保障了干部职工正常工作，" * 4 +
          "四、存在的问题部分经费支付进度偏慢。五、改进措施2024年起由镇财政所按月通报支付进度。")


def test_a_preview_that_prints_each_page_on_a_numbered_line():
    r = read_text("《青溪县自评报告.docx》由会员分享，可在线阅读。\n" + PAGE_1 + "\n" + PAGE_2 + "\n", "p.txt")
    goal = [p.text for p in r.paragraphs("G")]
    assert len(goal) == 1 and goal[0].startswith("一是保障") and goal[0].endswith("提升辖区内群众满意度。")
    assert [p.text[:8] for p in r.paragraphs("O")] == ["全年便民服务中心"]
    assert r.paragraphs("Q") and r.paragraphs("I")
    basic = " ".join(p.text for p in r.paragraphs("B"))
    assert "项目资金32.5万元于2023年9月下达" in basic


def test_numbered_items_are_no_pages():
    items = "".join(f"{k}、" + "本项工作按计划推进，资金及时拨付到位，群众反映良好。" * 8 + "\n" for k in (1, 2, 3))
    text = "青溪县2023年度绩效自评报告\n一、绩效目标完成情况\n" + items + "二、存在的问题\n部分工作进度偏慢。\n"
    r = read_text(text, "t.txt")
    assert len(r.paragraphs("O")) == 3


@pytest.mark.parametrize("rest,goal", [
    ("一是保障镇政府日常运转；二是提高办件效率。", True),
    ("1.保障镇政府日常运转；2.提高办件效率。", True),
])
def test_a_deeper_heading_run_into_its_items(rest, goal):
    text = ("青溪县2023年度项目支出绩效自评报告\n一、项目基本情况\n（一）项目概况。本项目用于运行保障。\n"
            f"（二）项目绩效目标{rest}\n二、绩效目标完成情况\n全年办件4,120件。\n")
    r = read_text(text, "t.txt")
    assert bool(r.paragraphs("G")) == goal


def test_a_problem_naming_the_goals_is_no_goal_heading():
    text = ("青溪县2023年度项目支出绩效自评报告\n一、绩效目标完成情况\n全年办件4,120件。\n二、存在的问题\n"
            "（一）项目绩效目标设置不够细化，一是部分指标无法量化；二是目标值偏低。\n"
            "三、改进措施\n2024年3月前由县财政局培训目标编制。\n")
    r = read_text(text, "t.txt")
    assert not r.paragraphs("G") and r.paragraphs("Q")
