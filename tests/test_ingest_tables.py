"""The table reader: one indicator table written in every shape real reports use gives the
same rows; forms that are no report text are refused; unfilled fields are marked."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp_pipeline.errors import ReportError
from nlp_pipeline.evaluate_reader import evaluate_folder, summary
from nlp_pipeline.ingest import read_text
from nlp_pipeline.ingest.table import assign_rows, find_tables, match_header, repair_number, split_lines

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
# an invented table: 一级/二级 merged over several rows, one missed target with its reason
ROWS = [
    ["产出指标", "数量指标", "修缮校舍面积", "≥4800平方米", "5120平方米", "15", "15", ""],
    ["", "", "配备课桌椅套数", "≥600套", "560套", "10", "9", "两所学校合并，需求减少"],
    ["", "质量指标", "工程验收合格率", "100%", "100%", "15", "15", ""],
    ["", "时效指标", "开学前完工率", "100%", "100%", "10", "10", ""],
    ["效益指标", "社会效益指标", "办学条件改善", "明显改善", "明显改善", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "95.5%", "20", "20", ""],
]
EXPECTED = [
    ("产出指标", "数量指标", "修缮校舍面积", "≥4800平方米", "5120平方米", "15", "15"),
    ("产出指标", "数量指标", "配备课桌椅套数", "≥600套", "560套", "10", "9"),
    ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", "15", "15"),
    ("产出指标", "时效指标", "开学前完工率", "100%", "100%", "10", "10"),
    ("效益指标", "社会效益指标", "办学条件改善", "明显改善", "明显改善", "20", "20"),
    ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "95.5%", "20", "20"),
]


def _pipe(sep: bool = True, repeat: bool = False) -> str:
    lines = ["| " + " | ".join(HEADER) + " |"]
    if sep:
        lines.append("|" + "---|" * len(HEADER))
    last = ["", ""]
    for r in ROWS:
        r = list(r)
        if repeat:
            last = [r[0] or last[0], r[1] or last[1]]
            r[0], r[1] = last
        lines.append("| " + " | ".join(r) + " |")
    lines.append("| 总分 | | | | | 90 | 89 | |")
    return "\n".join(lines)


def _pipe_broken_header() -> str:
    """A pipe table exported with its header cells wrapped over three lines and no leading
    pipes (| 一级指标 | 二级指标 | 三级指标 | 年度 指标值 | / 实际 完成值 | / 分值 | …)."""
    head = ["一级指标 | 二级指标 | 三级指标 | 年度 指标值 |", "实际 完成值 |",
            "分值 | 得分 | 偏差原因分析及改进措施 | |||||"]
    body = [" | ".join(r) + " | ||" for r in ROWS]
    return "\n".join(head + body + ["总分 | | | | | 90 | 89 | |"])


def _tsv() -> str:
    return "\n".join(["\t".join(HEADER)] + ["\t".join(r) for r in ROWS] + ["总分\t\t\t\t\t90\t89\t"])


def _cell_per_line(blank: bool) -> str:
    cells = HEADER + [c for r in ROWS for c in r if c] + ["总分", "90", "89"]
    return ("\n\n" if blank else "\n").join(cells)


def _flattened_rows() -> str:
    return "\n".join([" ".join(HEADER)] + [" ".join(c for c in r if c) for r in ROWS] + ["总分 90 89"])


def _one_line() -> str:
    return "绩效指标表 " + " ".join(HEADER + [c for r in ROWS for c in r if c])


def _aligned() -> str:
    widths = [12, 22, 18, 14, 14, 6, 6, 24]

    def line(cells: list[str]) -> str:
        out = ""
        for c, w in zip(cells, widths):
            c = c or ""
            pad = w - sum(2 if ord(ch) > 0x2E80 else 1 for ch in c)
            out += c + " " * max(pad, 2)
        return out.rstrip()

    body = [line(HEADER)]
    for k, r in enumerate(ROWS):
        body.append(line(r))
        if k == 2:
            body += ["", "                        — 2 —", "", line(HEADER)]  # page break, header repeated
    return "\n".join(body + ["总分" + " " * 80 + "90    89"])


def _rows(text: str) -> list[tuple]:
    tables = find_tables(text)
    assert len(tables) == 1, [t.shape for t in tables]
    return [tuple(r.values[c] for c in ("level1", "level2", "name", "target", "actual", "weight", "score"))
            for r in tables[0].rows]


@pytest.mark.parametrize("make", [
    lambda: _pipe(sep=True), lambda: _pipe(sep=False), lambda: _pipe(repeat=True), _pipe_broken_header, _tsv,
    lambda: _cell_per_line(True), lambda: _cell_per_line(False), _flattened_rows, _one_line, _aligned,
], ids=["pipe-sep", "pipe-nosep", "pipe-repeated", "pipe-broken-header", "tsv", "cells-blank", "cells-tight", "flat-rows",
        "one-line", "aligned"])
def test_every_shape_gives_the_same_rows(make):
    assert _rows(make()) == EXPECTED


def test_reason_and_total_are_read():
    t = find_tables(_pipe())[0]
    assert t.rows[1].values["reason"] == "两所学校合并，需求减少"
    assert t.rows[0].values["reason"] == ""
    assert (t.total_weight, t.total_score) == (90, 89)


def test_ocr_slips_repaired_only_in_numeric_cells():
    assert repair_number("1O0%") == "100%"
    assert repair_number("l0") == "10"
    assert repair_number("3。62万亩") == "3.62万亩"
    assert repair_number("Office") == "Office"  # no digit: not a number
    text = _pipe().replace("| 95.5% |", "| 9S.5% |").replace("| 5120平方米 |", "| 5l20平方米 |")
    rows = _rows(text)
    assert rows[0][4] == "5120平方米"


def test_spans_map_back_to_the_text():
    text = _aligned()
    for row in find_tables(text)[0].rows:
        for col, m in row.spans.items():
            assert text[m.start:m.end].replace(" ", "") == m.chars.replace(" ", ""), col


def test_header_synonyms_and_non_headers():
    assert match_header("年度指标值（%）") == "target"
    assert match_header("实际完成值") == "actual"
    assert match_header("自评得分") == "score"
    assert match_header("偏差原因分析及改进措施") == "reason"
    assert match_header("群众满意度") is None
    assert match_header("产出指标") is None


def test_row_program_drops_merged_cells():
    lines = split_lines("\n".join(["产出指标", "数量指标", "培训人次", "≥500人次", "560人次", "10", "10",
                                   "发放手册", "≥2000份", "2100份", "10", "10"]))
    toks = [ln.cells[0] for ln in lines]
    rows, _ = assign_rows(toks, ["level1", "level2", "name", "target", "actual", "weight", "score", "reason"])
    assert [r.text("name") for r in rows] == ["培训人次", "发放手册"]
    assert rows[1].text("level1") is None and rows[1].text("target") == "≥2000份"


# --- whole reports ------------------------------------------------------------------------

_FORM = """某县2023年度校舍维修项目支出绩效自评表
| 项目名称 | 校舍维修改造 | | |
| 年度总体目标 | 预期目标 | 实际完成情况 | |
| | 完成4所学校校舍维修改造。 | 完成4所学校校舍维修改造，新增课桌椅560套。 | |
{table}
| 存在问题 | {problem} | | |
| 改进措施 | 加强项目前期论证。 | | |
"""


def test_a_pipe_form_is_read_not_refused():
    r = read_text(_FORM.format(table=_pipe(sep=False), problem="部分学校需求测算不准。"))
    assert r.layout == "pipe" and r.form == "project_form"
    assert len(r.tasks) == 1 and len(r.tasks[0].indicators) == 6
    ind = r.tasks[0].indicators[1]
    assert (ind.target, ind.result, ind.weight, ind.score) == ("≥600套", "560套", 10.0, 9.0)
    assert ind.name_paragraph.id == "TBL.k2"
    assert r.text[ind.name_paragraph.start:ind.name_paragraph.end] == "配备课桌椅套数"
    assert [p.text[:6] for p in r.sections["G"].paragraphs] == ["完成4所学校"]
    assert r.sections["O"].paragraphs[0].text.startswith("完成4所学校校舍维修改造，新增")
    assert r.total_score == 89


@pytest.mark.parametrize("placeholder,instruction", [("无", False), ("暂无。", False), ("（填写存在的问题）", True),
                                                     ("简要说明项目实施中存在的问题（200字以内）", True)])
def test_unfilled_fields_are_marked_not_content(placeholder, instruction):
    r = read_text(_FORM.format(table=_pipe(), problem=placeholder))
    assert not r.sections.get("Q") or not r.sections["Q"].paragraphs
    assert [(u.field, u.instruction) for u in r.unfilled] == [("problem", instruction)]


def test_a_justified_nothing_is_not_unfilled_content():
    r = read_text(_FORM.format(table=_pipe(), problem="项目实施中无重大问题，个别学校施工与教学时间有冲突。"))
    assert r.unfilled == [] and r.sections["Q"].paragraphs


def test_report_without_headings_is_classified_not_refused():
    text = ("某某街道2023年度工作情况\n全年共完成老旧小区改造12个，惠及居民3200户。\n"
            "部分小区改造进度滞后，居民协调工作不到位。\n下一步将进一步加强统筹调度，完善居民议事机制。\n")
    r = read_text(text)
    assert [s for s, sec in r.sections.items() if sec.paragraphs] == ["O", "Q", "I"]
    assert any("按内容归类" in w for w in r.warnings)


def test_text_without_chinese_is_refused():
    with pytest.raises(ReportError) as exc:
        read_text("Quarterly numbers 1 2 3\nnothing else here\n", "x.txt")
    assert "没有中文" in exc.value.problem


def test_target_table_is_not_missing_outcomes():
    table = "\n".join(["| 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |",
                       "| 产出指标 | 数量指标 | 培训人次 | ≥500人次 | 20 |",
                       "| | 质量指标 | 培训合格率 | ≥95% | 20 |"])
    r = read_text("某县2024年度项目绩效目标申报表\n| 年度绩效目标 | 完成培训500人次。 |\n" + table)
    assert r.form == "target_table"
    assert [i.target for i in r.tasks[0].indicators] == ["≥500人次", "≥95%"]
    assert "O" not in r.missing_sections


def test_stacked_headings_fill_in_turn():
    text = ("某县2023年度项目支出绩效自评表\n年度总体目标\n预期目标\n实际完成情况\n"
            "1.完成培训500人次。\n2.发放手册2000份。\n1.完成培训560人次。\n2.发放手册2100份。\n")
    r = read_text(text)
    assert [p.text[:7] for p in r.sections["G"].paragraphs] == ["完成培训500", "发放手册200"]
    assert [p.text[:7] for p in r.sections["O"].paragraphs] == ["完成培训560", "发放手册210"]


DEV = Path(__file__).parent / "data" / "reader"


def test_dev_fixtures_reach_their_floor():
    """The own fixtures of every layout (tests/data/reader): a floor that must not drop."""
    s = summary(evaluate_folder(DEV))
    assert s["read"] == 1.0
    assert s["rows_exact"] >= 0.95
    assert s["sections"] >= 0.85
    assert s["rows_lost"] <= 1


def test_pdf_text_layer_without_rulings_keeps_its_columns(tmp_path):
    """Cells drawn at column positions with no ruling lines: pdfplumber finds no table, the
    text layer keeps the columns as runs of spaces, and the table reader rebuilds the rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from nlp_pipeline.ingest import read_report

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "unruled.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 8)
    c.drawString(30, 810, "某县2023年度校舍维修项目支出绩效自评表")
    xs = [30, 80, 165, 245, 310, 370, 400, 430]
    y = 780
    for row in [HEADER] + ROWS:
        for x, cell in zip(xs, row):
            c.drawString(x, y, cell[:9])
        y -= 16
    c.save()
    r = read_report(path)
    inds = r.tasks[-1].indicators
    assert [i.name for i in inds] == [row[2] for row in EXPECTED]
    assert [(i.target, i.result, i.score) for i in inds][1] == ("≥600套", "560套", 9.0)


def test_inline_items_and_qizhong_lines():
    text = ("某县2023年度项目绩效自评报告\n一、存在的问题\n1.进度滞后 2.资料不全 3.宣传不够\n"
            "二、绩效目标完成情况\n全年共支出资金120万元。\n其中：培训40万元，设备80万元。\n"
            "三、改进措施\n1.加快进度，共3.5万元 2.完善资料。\n")
    r = read_text(text)
    assert [p.text for p in r.sections["Q"].paragraphs] == ["进度滞后", "资料不全", "宣传不够"]
    assert len(r.sections["O"].paragraphs) == 1 and "其中" in r.sections["O"].paragraphs[0].text
    assert [p.text for p in r.sections["I"].paragraphs] == ["加快进度，共3.5万元", "完善资料。"]


def test_form_printed_as_text_with_single_spaces():
    """A form printed as text: labels and their text on one line, a space between; the goal
    and outcome cells side by side after a row of labels."""
    text = ("某县2023年度项目支出绩效自评表\n项目名称 校舍维修改造\n年度总体目标 预期目标 实际完成情况\n"
            "完成4所学校校舍维修。 完成4所学校校舍维修，新增课桌椅560套。\n"
            + _flattened_rows() + "\n存在问题 部分学校需求测算不准，课桌椅数量偏多。\n"
            "改进措施 加强前期论证，按实际需求配置。\n")
    r = read_text(text)
    assert r.sections["G"].paragraphs[0].text == "完成4所学校校舍维修。"
    assert r.sections["O"].paragraphs[0].text.startswith("完成4所学校校舍维修，新增")
    assert r.sections["Q"].paragraphs[0].text.startswith("部分学校需求测算不准")
    assert r.sections["I"].paragraphs[0].text.startswith("加强前期论证")
    assert len(r.tasks[0].indicators) == 6


@pytest.mark.parametrize("heading", ["（二）项目绩效目标。", "（二）项目绩效目标：", "项目绩效目标"])
def test_heading_forms(heading):
    text = f"某县2023年度项目绩效自评报告\n一、基本情况\n（一）项目概况\n本项目由县教育局实施。\n{heading}\n完成4所学校校舍维修。\n"
    r = read_text(text)
    assert [p.text for p in r.sections["G"].paragraphs] == ["完成4所学校校舍维修。"]


def test_heading_with_its_text_after_a_full_stop():
    text = "某县2023年度项目绩效自评报告\n一、绩效目标完成情况。全年完成4所学校校舍维修。\n二、存在的问题\n1.进度偏慢。\n"
    r = read_text(text)
    assert r.sections["O"].paragraphs[0].text == "全年完成4所学校校舍维修。"


def test_pipe_rows_without_leading_pipe_and_numbered_goals():
    text = ("某区2024年度项目支出绩效目标申报表\n项目名称 | 生均公用经费补助 | ||||\n"
            "年度绩效目标 | 目标1：保障18所公办园运转。目标2：公办园幼儿占比达到55%以上。 | ||||\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |\n产出指标 | 数量指标 | 补助幼儿园数量 | 18所 | 10 |\n")
    r = read_text(text)
    assert [p.text[:6] for p in r.sections["G"].paragraphs] == ["目标1：保障", "目标2：公办"]
    assert r.form == "target_table" and r.tasks[0].indicators[0].target == "18所"


@pytest.mark.parametrize("sentence,total", [("经自评，项目综合得分96.5分。", 96.5), ("部门整体支出绩效得分为 88 分。", 88.0),
                                            ("该指标得分8分。", None)])
def test_total_stated_in_prose(sentence, total):
    r = read_text(f"某县2023年度项目绩效自评报告\n一、绩效目标完成情况\n1.全年完成培训500人次。{sentence}\n")
    assert r.total_score == total


def test_whole_bracketed_template_note_is_unfilled():
    r = read_text(_FORM.format(table=_pipe(), problem="（针对项目实施中的问题进行说明，200字以内）"))
    assert [(u.field, u.instruction) for u in r.unfilled] == [("problem", True)]


def test_report_run_together_on_one_line_is_cut_at_its_headings():
    text = ("某镇2023年度部门整体支出绩效自评报告\n一、基本情况本镇共有干部职工40人。二、绩效目标完成情况全年完成道路硬化12公里，"
            "新建公厕3座。三、存在的问题部分村资金拨付较慢。四、改进措施下一步加快资金拨付进度。\n")
    r = read_text(text)
    assert r.sections["Q"].paragraphs[0].text.startswith("部分村资金拨付较慢")
    assert r.sections["I"].paragraphs[0].text.startswith("下一步加快资金拨付")


def test_label_with_colon_after_a_sentence_starts_a_section():
    text = "某县2023年度项目绩效自评报告\n一、存在问题及改进\n存在问题：资金拨付较慢，影响进度。改进措施：按月调度，加快拨付。\n"
    r = read_text(text)
    assert r.sections["Q"].paragraphs[0].text.startswith("资金拨付较慢")
    assert r.sections["I"].paragraphs[0].text.startswith("按月调度")


def test_short_numbered_sentence_is_an_item_not_a_heading():
    text = "某县2023年度项目绩效自评报告\n一、绩效目标完成情况\n全年完成改造12处。\n二、设施完好率达到95%；\n三、存在的问题\n进度偏慢。\n"
    r = read_text(text)
    assert any("完好率达到95%" in p.text for p in r.sections["O"].paragraphs)


def test_cells_closed_by_a_pipe_and_length_limits_are_instructions():
    text = ("项目支出绩效自评表(2023年度) |\n项目年度目标 |\n年度目标完成情况 |\n保障工资足额发放。 |\n"
            "对照年度目标,说明相关任务目标的完成情况(100字以内) |\n存在问题 |\n结合自评情况,分析存在的问题及原因。(200字以内) |\n")
    r = read_text(text)
    assert r.organisation is None
    assert [p.text for p in r.sections["G"].paragraphs] == ["保障工资足额发放。"]
    assert {u.field for u in r.unfilled} == {"outcome", "problem"} and all(u.instruction for u in r.unfilled)


def test_value_cells_split_in_three_and_a_total_beside_a_remark():
    text = "\n".join(["| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
                      "| 产出指标 | 数量指标 | 受助学生人数 | ≧ | 735 | 人次 | 735人次 | 10 | 10 |",
                      "| 质量指标 | 营养餐覆盖率 | ≥ | 100 | % | 100% | 10 | 9 |",
                      "| 其他说明 | 无 | 总分 | 20 | 19 |"])
    t = find_tables(text)[0]
    assert [(r.values["target"], r.values["actual"], r.values["score"]) for r in t.rows] == [
        ("≧735人次", "735人次", "10"), ("≥100%", "100%", "9")]
    assert t.rows[1].values["level1"] == "产出指标"
    assert (t.total_weight, t.total_score) == (20, 19)


def test_rows_under_a_goal_outcome_header_go_to_their_columns():
    """| 年度总体目标 | | 实际完成情况 | with one numbered item per row: every row's first cell
    is a goal and its last an outcome (not only the first row's)."""
    from nlp_pipeline.ingest import read_text

    text = ("部门整体支出绩效自评表\n| 部门名称 | 某县市场监督管理局 | | 被评价年度 | 2023年 |\n"
            "| 年度总体目标 | | | 实际完成情况 | |\n"
            "| 1.完成食品抽检1,200批次。 | | | 1.完成食品抽检1,260批次。 | |\n"
            "| 2.特种设备定期检验率98%以上。 | | | 2.特种设备定期检验率99.2%。 | |\n"
            "| 3.新增发明专利30件以上。 | | | 3.新增发明专利34件。 | |\n"
            "| 存在问题 | 基层执法力量不足。 | | | |\n")
    r = read_text(text)
    assert [p.text for p in r.paragraphs("G")] == ["完成食品抽检1,200批次。", "特种设备定期检验率98%以上。",
                                                  "新增发明专利30件以上。"]
    assert [p.text for p in r.paragraphs("O")] == ["完成食品抽检1,260批次。", "特种设备定期检验率99.2%。",
                                                  "新增发明专利34件。"]
    assert [p.text for p in r.paragraphs("Q")] == ["基层执法力量不足。"]


def test_placeholder_cells():
    from nlp_pipeline.ingest.items import is_placeholder

    for cell in ("无", "无。", "略.", " 暂无 ", "/", "／", "—", "———", "--", "空", "略", "不涉及"):
        assert is_placeholder(cell), cell
    for cell in ("", "资金到位较晚", "无法按期完成", "—3"):
        assert not is_placeholder(cell), cell


def test_goal_and_outcome_side_by_side_in_space_aligned_rows():
    """An .xls saved as text with runs of spaces between cells: 年度总体目标 | 预期目标 |
    实际完成情况, then one numbered item of each per row (an outcome item may glue its
    number to a figure: 1.38处 is item 1 of 38处); the 偏差大或目标未完成原因分析 field is the
    problems section."""
    text = ("项目支出绩效自评表\n（2024年度）\n项目名称    2024年某县农村供水工程维修养护项目\n"
            "年度总体目标    预期目标    实际完成情况\n"
            "    1.对全县38处集中供水工程开展维修养护。    1.38处集中供水工程维修养护已经完成。\n"
            "    2.更换入户智能水表2,460块。    2.全年更换入户智能水表2,460块。\n"
            "绩效指标    一级指标    二级指标    三级指标    年度指标值    实际完成值    分值    得分    偏差原因分析及改进措施\n"
            "    产出指标    数量指标    维修养护处数    38处    38处    50    50    无\n"
            "            智能水表更换数量    2,460块    2,460块    40    40    无\n"
            "总分                        90    90    \n"
            "偏差大或目标未完成原因分析    部分工程管护人员多为村级兼职，巡检记录不完整。\n"
            "改进措施及结果应用方案    2025年4月底前完成管护人员全员培训。\n")
    r = read_text(text, "x.txt")
    assert [p.text for p in r.sections["G"].paragraphs] == ["对全县38处集中供水工程开展维修养护。", "更换入户智能水表2,460块。"]
    assert [p.text for p in r.sections["O"].paragraphs] == ["38处集中供水工程维修养护已经完成。", "全年更换入户智能水表2,460块。"]
    assert [p.text for p in r.sections["Q"].paragraphs] == ["部分工程管护人员多为村级兼职，巡检记录不完整。"]


def test_docx_rows_without_outer_pipes_and_two_cell_rows():
    """A .docx table saved as text: cells joined by 「 | 」 with no outer pipes, the merged
    label repeated on every row, and two-cell rows (存在问题 | 1.…) with a single pipe."""
    text = ("某市司法局2023年度部门整体支出绩效自评表\n部门名称 | 某市司法局 | 某市司法局\n"
            "年度总体目标 | 预期目标 | 实际完成情况\n"
            "年度总体目标 | 1.健全三级调解网络。 | 1.全年受理矛盾纠纷1,188件。\n"
            "年度总体目标 | 2.办理法律援助案件不少于520件。 | 2.全年办理法律援助案件563件。\n"
            "存在问题 | 1.法律援助办案补贴结算链条较长。\n存在问题 | 2.基层司法所力量薄弱。\n"
            "改进措施 | 1.2024年6月底前由法律援助中心简化结算流程。\n")
    r = read_text(text, "x.txt")
    assert [p.text for p in r.sections["G"].paragraphs] == ["健全三级调解网络。", "办理法律援助案件不少于520件。"]
    assert [p.text for p in r.sections["O"].paragraphs] == ["全年受理矛盾纠纷1,188件。", "全年办理法律援助案件563件。"]
    assert [p.text for p in r.sections["Q"].paragraphs] == ["法律援助办案补贴结算链条较长。", "基层司法所力量薄弱。"]
