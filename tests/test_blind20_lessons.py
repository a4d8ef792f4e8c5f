"""Lessons of blind20's first run (own invented text in the shapes it showed)."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text
from nlp_pipeline.ingest.reading import join_dumped_rows

# a form as a text browser dumps an HTML table: first cell at the margin, every further
# cell on its own line behind an indent and a pipe, merged (rowspan) cells missing
DUMP = """青溪县卫生健康局2023年度项目支出绩效自评表

项目名称
{ind}| 2023年村医培训专项经费
主管部门
{ind}| 青溪县卫生健康局
项目资金
{wrap}（万元）
{ind}| 
{ind}| 年初预算数
{ind}| 全年预算数
{ind}| 全年执行数
{ind}| 执行率
年度资金总额
{ind}| 80.00
{ind}| 80.00
{ind}| 76.40
{ind}| 95.50%
年度总体
{wrap}目标
{ind}| 预期目标
{ind}| 实际完成情况
1.全年培训村医{planned}人次。
{ind}| 1.全年培训村医{trained}人次，支出培训费用76.40万元，平均每人次培训费用{avg}元。
绩效
{wrap}指标
{ind}| 一级指标
{ind}| 二级指标
{ind}| 三级指标
{ind}| 年度指标值
{ind}| 实际完成值
{ind}| 分值
{ind}| 得分
{ind}| 偏差原因分析
{wrap}及改进措施
产出指标
{ind}| 数量指标
{ind}| 培训村医人次
{ind}| ≥{planned}人次
{ind}| {trained}人次
{ind}| 40
{ind}| 40
{ind}| 
培训合格率
{ind}| ≥95%
{ind}| {passed}
{ind}| 30
{ind}| {pass_score}
{ind}| {reason}
时效指标
{ind}| 培训证书发放时限
{ind}| ≤15个工作日
{ind}| {days}
{ind}| 30
{ind}| 30
{ind}| 
"""


def _dump(**kw):
    values = dict(ind="        ", wrap="       ", planned="1,000", trained="1,000", avg="764", passed="96.2%",
                  pass_score="30", reason="", days="12个工作日")
    values.update(kw)
    return DUMP.format(**values)


@pytest.mark.parametrize("ind", ["        ", "    ", "\t\t"])
def test_a_text_browser_dump_of_a_form_is_read_row_by_row(ind):
    text = _dump(ind=ind)
    joined = join_dumped_rows(text)
    assert joined is not None and len(joined) == len(text)  # one character for one
    r = read_text(text, "dump.txt")
    assert r.text == text  # evidence is quoted from the text as it came
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in r.tasks for i in t.indicators]
    assert rows == [("培训村医人次", "≥1,000人次", "1,000人次", 40, 40), ("培训合格率", "≥95%", "96.2%", 30, 30),
                    ("培训证书发放时限", "≤15个工作日", "12个工作日", 30, 30)]
    assert [p.text for p in r.paragraphs("O")][0].startswith("1.全年培训村医1,000人次") or \
        [p.text for p in r.paragraphs("O")][0].startswith("全年培训村医1,000人次")


def test_indented_prose_is_no_dump():
    prose = "\n".join(["    一、基本情况", "    全县共有村卫生室120个。"] * 8)
    assert join_dumped_rows(prose) is None


def _analyze(tmp_path, text):
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return analyze(f, mode="lexical")


def test_the_dumped_form_is_checked_like_any_form(tmp_path):
    clean = _analyze(tmp_path, _dump())
    assert not [x.code for x in clean.findings]
    bad = _analyze(tmp_path, _dump(passed="91.0%", pass_score="28.7", reason="下一步将加强培训考核，做到应训尽训。",
                                   days="98%", avg="810"))
    codes = [x.code for x in bad.findings]
    # a reason cell that only says what will be done next gives no cause
    assert "DEVIATION_UNEXPLAINED" in codes
    # a time target answered by a share
    assert "UNIT_MISMATCH" in codes
    # 1,000 × 810元 = 81万元, but 76.40万元 was spent
    arith = [x for x in bad.findings if x.code == "ARITHMETIC_MISMATCH"]
    assert arith and "1,000人次" in arith[0].message and "810元" in arith[0].message


@pytest.mark.parametrize("reason,found", [
    ("下一步将加强培训考核。", True),
    ("今后继续加大培训力度", True),
    ("部分村医因农忙未参加补考，下一步将加强考核", False),
    ("受疫情影响培训推迟", False),
])
def test_a_reason_cell_holding_only_the_next_step(tmp_path, reason, found):
    a = _analyze(tmp_path, _dump(passed="91.0%", pass_score="28.7", reason=reason))
    assert ("DEVIATION_UNEXPLAINED" in [x.code for x in a.findings]) is found


@pytest.mark.parametrize("sentence,found", [
    # the average of the spending stated before it, over the count the price is per
    ("全年培训村医1,000人次，支出培训费用76.40万元，平均每人次培训费用810元。", True),
    ("全年培训村医1,000人次，支出培训费用76.40万元，人均培训费用764元。", False),
    # an average of something else (增收 is no share of the spending)
    ("全年培训村医1,000人次，支出培训费用76.40万元，平均每人次增收1,200元。", False),
])
def test_an_average_against_its_total(tmp_path, sentence, found):
    text = ("青溪县卫生健康局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.全年培训村医1,000人次。\n"
            f"二、目标完成情况\n1.{sentence}\n")
    a = _analyze(tmp_path, text)
    assert ("ARITHMETIC_MISMATCH" in [x.code for x in a.findings]) is found


# a scoring table saved as CSV: cells in quotes holding line breaks, a 评分标准 column,
# merged 一级/二级 cells left empty, one of them naming a section (绩效目标)
CSV = '''青溪县2023年耕地保护补贴项目支出绩效自评评分表,,,,,,,,
一级指标,二级指标,三级指标,分值,评分标准,年度指标值,实际完成值,得分,扣分原因
决策（10分）,项目立项,立项依据充分性,5,"依据充分得5分；
不充分酌情扣分",充分,依据充分,5,
,绩效目标,绩效目标合理性,5,"目标合理得5分；
每处不合理扣1分",合理,目标合理,5,
产出（60分）,数量指标,补贴面积,30,"达到目标值得满分；
未达到按比例得分",≥12.6万亩,12.68万亩,30,
,质量指标,面积核实准确率,30,"达到目标值得满分；
每低1个百分点扣1分",≥99%,{accuracy},30,{why}
效益（30分）,社会效益,政策知晓率,30,达到目标值得满分,≥95%,96.1%,30,
合计,,,100,,,,100,
'''


@pytest.mark.parametrize("accuracy,why,found", [("98.4%", "达到目标值", True), ("99.2%", "", False)])
def test_a_csv_scoring_table_with_line_breaks_in_its_cells(tmp_path, accuracy, why, found):
    a = _analyze(tmp_path, CSV.format(accuracy=accuracy, why=why))
    names = [i.name for t in a.report.tasks for i in t.indicators]
    assert names == ["立项依据充分性", "绩效目标合理性", "补贴面积", "面积核实准确率", "政策知晓率"]
    # 「达到目标值」 in the reason cell is a claim of completion, not a cause
    assert ("INDICATOR_SHORTFALL" in [x.code for x in a.findings]) is found


@pytest.mark.parametrize("answer,found", [("全部发放到户", True), ("6.9万户", False)])
def test_a_count_answered_by_a_distribution_claim(tmp_path, answer, found):
    text = ("青溪县2023年耕地保护补贴项目支出绩效自评表\n项目资金\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
            "年度资金总额\t4,500.00\t4,500.00\t4,369.22\t97.09%\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            f"产出指标\t数量指标\t补贴发放农户数\t≥6.8万户\t{answer}\t50\t50\t\n"
            "效益指标\t社会效益指标\t政策知晓率\t≥95%\t96.1%\t50\t50\t\n")
    a = _analyze(tmp_path, text)
    codes = [x.code for x in a.findings]
    assert ("INDICATOR_NO_FIGURE" in codes) is found
    # the households' answer is no claim about the project's money
    assert "CLAIM_CONTRADICTED" not in codes
