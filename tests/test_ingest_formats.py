"""Every reader on a fixture built here: the seed's form as an HTML table, a Word table and
spreadsheets must give the seed's counts and budget; narrative pages give their sections."""
from __future__ import annotations

import pytest

import ingest_fixtures as F
from nlp_pipeline.ingest import read_report

SEED_COUNTS = {"G": 12, "O": 9, "T": 13, "K": 9, "P": 11, "Q": 7, "I": 11}
SEED_INDICATORS = [11, 3, 4, 1, 2, 13, 2, 8, 7, 3, 3, 6, 3]
SEED_BUDGET = {"adjusted_budget": 11419.55, "initial_budget": 11553.76, "actual_spending": 11139.13,
               "adjustment": 134.21, "general_public_budget": 11044.96, "completion_rate": 97.54,
               "adjustment_rate": 1.16}
SEED_FUNDS = [("T4", 4.6), ("T9", 10), ("T9", 200), ("T9", 1333.57), ("T10", 51.29), ("T10", 9.54),
              ("T10", 23.04), ("T12", 2.02)]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("formats")


@pytest.mark.parametrize("builder,reader", [
    (F.seed_html, "html"), (F.seed_docx, "docx"), (F.seed_xlsx, "xlsx"), (F.seed_xls, "xls")])
def test_seed_form_in_every_table_format(tmp, builder, reader):
    r = read_report(builder(tmp))
    assert r.reader == reader
    assert F.section_counts(r) == SEED_COUNTS
    assert [len(t.indicators) for t in r.tasks] == SEED_INDICATORS
    assert F.budget_values(r) == pytest.approx(SEED_BUDGET)
    funds = [(t.id, i.funds) for t in r.tasks for i in t.indicators if i.funds is not None]
    assert [t for t, _ in funds] == [t for t, _ in SEED_FUNDS]
    assert [v for _, v in funds] == pytest.approx([v for _, v in SEED_FUNDS])
    assert r.year == 2021 and r.currency_unit == "万元"
    assert r.missing_sections == []
    F.assert_offsets(r)
    # a binary format's offsets are into the rendered text the report stores
    for name in SEED_BUDGET:
        v = getattr(r.budget, name)
        assert r.text[v.start:v.end] == v.text


def test_html_form_is_rendered_without_markup(tmp):
    r = read_report(F.seed_html(tmp))
    assert "<td" not in r.text and "<p>" not in r.text and "<table" not in r.text
    assert r.encoding == "utf-8"


@pytest.mark.parametrize("builder,reader", [
    (F.narrative_html, "html"), (F.narrative_docx, "docx"), (F.narrative_pdf, "pdf")])
def test_narrative_in_every_page_format(tmp, builder, reader):
    r = read_report(builder(tmp))
    assert r.reader == reader
    assert F.section_counts(r) == F.NARRATIVE_COUNTS
    assert F.budget_values(r) == pytest.approx(F.NARRATIVE_BUDGET)
    assert r.organisation == "某某县水务局" and r.year == 2022
    F.assert_offsets(r)


def test_html_page_ignores_scripts_and_decodes_gbk(tmp):
    r = read_report(F.narrative_html(tmp))
    assert r.encoding == "gb18030"
    assert "var x" not in r.text
    # &nbsp; indentation is cleaned off the paragraph but stays in the rendered text
    assert all(not p.text.startswith((" ", "\xa0")) for p in r.paragraphs())


def test_pdf_text_layer_keeps_chinese(tmp):
    r = read_report(F.narrative_pdf(tmp))
    assert "部门整体支出绩效自评报告" in r.text
    assert r.sections["I"].paragraphs[1].text == "细化绩效目标，强化过程监控。"


def test_pdf_over_several_pages(tmp):
    long = F.NARRATIVE.replace("四、部门整体绩效\n", "四、部门整体绩效\n" + "".join(
        f"{k}.第{k}项工作按计划完成。\n" for k in range(1, 61)))
    r = read_report(F.narrative_pdf(tmp, long, "long.pdf"))
    # the unnumbered lines after item 60 continue it
    assert len(r.sections["P"].paragraphs) == 60
    assert r.sections["P"].paragraphs[-1].text.endswith("全年未发生水利安全事故。")
    assert r.sections["K"].paragraphs[0].text.startswith("项目预算300万元")


def _check_national(r):
    assert r.year == 2023 and r.organisation == "YY市文化旅游局" and r.currency_unit == "万元"
    assert F.section_counts(r) == {"G": 2, "O": 2, "Q": 1, "I": 1, "T": 3}
    # columnar budget: labels in one row, values under them
    assert F.budget_values(r) == pytest.approx(
        {"initial_budget": 1000, "adjusted_budget": 1200, "actual_spending": 1140, "completion_rate": 95,
         "weight": 10, "score": 9.5})
    # tasks named in a 任务名称 column, not numbered
    assert [t.number for t in r.tasks[:2]] == ["公共文化服务", "文物保护"]
    assert r.tasks[0].target.text.startswith("1.举办群众文化活动40场")
    # the indicator table becomes one task holding its indicators with their targets
    t3 = r.tasks[2]
    assert t3.number == "年度绩效指标" and t3.target is None
    assert [(i.name, i.target, i.result) for i in t3.indicators] == [
        ("群众文化活动场次", "≥40场", "42场"), ("文物修缮验收合格率", "100%", "100%"), ("群众满意度", "≥90%", "93%")]
    assert r.warnings == []
    F.assert_offsets(r)


def test_ministry_layout_as_text():
    from nlp_pipeline.ingest import read_text

    _check_national(read_text(F.NATIONAL_FORM, "national.txt"))


def test_ministry_layout_as_xlsx(tmp):
    table = [line.split("\t") for line in F.NATIONAL_FORM.split("\n")]
    r = read_report(F.table_xlsx(tmp, table, "national.xlsx"))
    assert r.reader == "xlsx"
    _check_national(r)


def test_ministry_layout_as_pdf_table(tmp):
    table = [line.split("\t") for line in F.NATIONAL_FORM.split("\n")]
    r = read_report(F.table_pdf(tmp, table, "national.pdf"))
    assert r.reader == "pdf"
    _check_national(r)
    # cell lines wrapped by the column width are joined again
    assert r.sections["O"].paragraphs[1].text == "完成文物修缮1处，另1处进行中。"


def test_html_rowspan_keeps_columns(tmp):
    page = """<html><body><h1>XX局2022年度部门整体支出绩效自评表</h1><table>
    <tr><td>主要任务</td><td>预期目标</td><td>目标完成情况</td><td>关键指标</td><td>指标完成情况</td><td>任务涉及资金</td></tr>
    <tr><td rowspan="3">任务1</td><td rowspan="3">修缮校舍</td><td rowspan="3">已完成</td><td>修缮面积</td><td>3000平方米</td><td>120</td></tr>
    <tr><td>验收合格率</td><td>100%</td><td></td></tr>
    <tr><td>按期完成率</td><td>100%</td><td>5</td></tr>
    <tr><td>存在问题</td><td colspan="5"><p>1.进度偏慢。</p><p>2.资金到位迟。</p></td></tr>
    </table></body></html>"""
    p = tmp / "rowspan.html"
    p.write_text(page, encoding="utf-8")
    r = read_report(p)
    assert [(i.name, i.result, i.funds) for i in r.tasks[0].indicators] == [
        ("修缮面积", "3000平方米", 120), ("验收合格率", "100%", None), ("按期完成率", "100%", 5)]
    assert [x.text for x in r.sections["Q"].paragraphs] == ["进度偏慢。", "资金到位迟。"]
    F.assert_offsets(r)


def test_html_page_chrome_and_signature_are_not_paragraphs(tmp):
    # without the closing 八、其他 heading, so the signature follows the last item
    body = "".join(f"<p>{line}</p>" for line in F.NARRATIVE.strip().split("\n")[:-2])
    page = (f"<html><body><div class='top-nav'><a>首页</a><a>政务公开</a></div>"
            f"<div class='article'>{body}<p>某某县水务局</p><p>2023年3月15日</p></div>"
            f"<div id='footer'>主办：某某县人民政府 版权所有</div></body></html>")
    p = tmp / "chrome.html"
    p.write_text(page, encoding="utf-8")
    r = read_report(p)
    assert "版权所有" not in r.text and "政务公开" not in r.text
    assert F.section_counts(r) == F.NARRATIVE_COUNTS
    assert all("2023年3月15日" not in x.text for x in r.paragraphs())
    assert r.sections["I"].paragraphs[-1].text == "细化绩效目标，强化过程监控。"


def test_cell_lines_numbered_before_digits_follow_their_sequence(tmp):
    # a workbook cell holds its items as lines; "2.2023届…" and "3.12345热线…" are items 2
    # and 3, not the decimals 2.2023 and 3.12345
    table = [line.split("\t") for line in F.seed_text().split("\n")]
    goal_row = next(k for k, cells in enumerate(table) if cells and cells[0].strip() == "年度目标")
    cells = table[goal_row]
    right = next(j for j in range(len(cells) - 1, 0, -1) if cells[j].strip())
    cells[right] = "<p>1.2023年秋季招收新生1,286人。</p><p>2.2023届毕业生就业率96.2%。</p><p>3.12345热线办结率98%。</p>"
    r = read_report(F.table_xlsx(tmp, table, "digits.xlsx"))
    outs = r.sections["O"].paragraphs
    assert [p.number for p in outs[:3]] == ["1.", "2.", "3."]
    assert outs[1].text.startswith("2023届毕业生") and outs[2].text.startswith("12345热线")
    F.assert_offsets(r)
