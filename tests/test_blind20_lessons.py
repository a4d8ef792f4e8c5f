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


def _codes(tmp_path, text) -> list[str]:
    return [x.code for x in _analyze(tmp_path, text).findings]


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


# a report with a three-level decimal outline (1 / 1.1 / 1.1.1), items numbered with a space
DECIMAL = """青溪县中医医院2023年度部门整体支出绩效自评报告

1 单位基本情况
1.1 预算收支情况
2023年医院收入合计3.12亿元（31,206.50万元），其中财政拨款收入1,862.40万元；支出合计30,418.26万元，其中基本支出27,905.10万元。财政拨款全年预算1,862.40万元，实际执行1,790.52万元。

2 年度绩效目标
2.1 医疗服务目标
2.1.1 全年门急诊服务32万人次以上。
2.1.2 平均住院日不超过8天。
2.2 能力建设目标
2.2.1 完成中医馆标准化建设3个。

3 目标完成情况
3.1.1 全年完成门急诊33.6万人次。
3.1.2 平均住院日7.4天。
3.2.1 完成中医馆标准化建设3个，{done}。

4 存在的问题
4.1 中医药人才引进难度较大。

5 改进措施
5.1 2024年6月底前与省中医药大学签订人才培养协议，由人事科负责。
"""


def test_a_three_level_decimal_outline(tmp_path):
    a = _analyze(tmp_path, DECIMAL.format(done="通过市级验收"))
    r = a.report
    assert [p.text for p in r.paragraphs("G")] == ["全年门急诊服务32万人次以上。", "平均住院日不超过8天。",
                                                 "完成中医馆标准化建设3个。"]
    assert [p.number for p in r.paragraphs("O")] == ["3.1.1", "3.1.2", "3.2.1"]
    assert [p.text for p in r.paragraphs("I")] == ["2024年6月底前与省中医药大学签订人才培养协议，由人事科负责。"]
    # a hospital spends far more than its government funds: its own totals set the scale
    assert "IMPLAUSIBLE_MAGNITUDE" not in [x.code for x in a.findings]


@pytest.mark.parametrize("line,number", [("4.1 全年支出", "4.1"), ("2.1.1 全年", "2.1.1"), ("6.1 2024年6月底前", "6.1"),
                                         ("1.5 万元", None), ("3.5 亿元资金", None)])
def test_decimal_item_numbers_are_never_figures(line, number):
    from nlp_pipeline.ingest.labels import item_number

    assert item_number(line)[1] == number


STAT_FORM = """青溪县机关事务服务中心2023年度部门整体支出绩效自评表
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分
\t\t\t（预期）\t（实际）\t\t
栏次\t1\t2\t3\t4\t5\t6
产出指标\t数量指标\t物业服务单位数\t≥30个\t30个\t40\t40
\t成本指标\t单车年均运行费用\t≤1.8万元\t{cost}\t30\t30
效益指标\t社会效益指标\t服务满意度\t≥90%\t95.2%\t30\t30
总分\t\t\t\t\t100\t100
"""


@pytest.mark.parametrize("cost,found", [("1.62万公里", True), ("1.62万元", False)])
def test_a_numbered_column_row_and_a_cost_answered_in_kilometres(tmp_path, cost, found):
    a = _analyze(tmp_path, STAT_FORM.format(cost=cost))
    names = [i.name for t in a.report.tasks for i in t.indicators]
    assert names == ["物业服务单位数", "单车年均运行费用", "服务满意度"]  # 栏次 is no row
    codes = [x.code for x in a.findings]
    assert "SCORE_MISMATCH" not in codes
    assert ("UNIT_MISMATCH" in codes) is found


@pytest.mark.parametrize("number,found", [("青机管发《2023》9号", True), ("青机管发〔2023〕9号", False)])
def test_a_year_in_title_marks(tmp_path, number, found):
    text = ("青溪县机关事务服务中心2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.完成物业服务保障。\n"
            f"二、目标完成情况\n1.依据{number}文件完成物业服务保障，服务单位30个。\n")
    a = _analyze(tmp_path, text)
    assert ("CITATION_MALFORMED" in [x.code for x in a.findings]) is found


TEMPLATE = """北京市青溪区园林绿化局2023年平原生态林养护项目绩效报告
一、项目基本情况
项目名称：2023年平原生态林养护项目
二、项目绩效目标及其设立依据和调整情况
1、绩效目标
（1）完成平原生态林养护5.2万亩。
2、设立目标依据：依据区园林绿化局2023年重点工作安排设定。
3、目标调整情况：年度执行中未调整绩效目标。
三、项目执行情况和目标完成情况
（1）养护面积：完成养护作业5.2万亩。
四、自评情况
（一）业务自评情况
1、规划和立项情况：立项依据充分（得分15分）。
（二）财务自评情况
1、预算管理情况：预算执行率96.50%（得分9.65分）。
五、未完成的绩效目标及其原因分析
1、林木保存率未达到年度目标，原因是夏季持续高温干旱。
六、下一步改进工作的意见及建议
1、2024年4月底前完成补植，由造林营林科负责。
"""


def test_a_template_scored_item_by_item():
    r = read_text(TEMPLATE, "t.txt")
    assert [p.text[:6] for p in r.paragraphs("P")] == ["规划和立项情", "预算管理情况"]
    assert [p.text[:6] for p in r.paragraphs("Q")] == ["林木保存率未"]  # not a goal: 未完成的绩效目标
    assert not r.paragraphs("U")


def test_how_goals_were_set_is_no_goal(tmp_path):
    a = _analyze(tmp_path, TEMPLATE)
    assert "GOAL_WITHOUT_OUTCOME" not in [x.code for x in a.findings]


RIVER = """青溪县水务局2023年中小河流治理工程绩效自评报告
一、项目概况
项目依据{number}文件实施，总投资860.00万元。
二、绩效目标
（一）新建护岸6.2公里。
（二）受益群众满意度≥90%。
三、目标完成情况
（一）新建护岸6.2公里，{late}
（二）发放满意度调查问卷200份，群众满意度94.5%。
四、自评结论
项目各项建设任务均在2023年内按期完成，自评得分93.5分。
{effect}
"""


def _river(tmp_path, **kw):
    values = dict(number="青财农〔2023〕14号", late="均达到设计要求。",
                  effect="项目实施后，群众满意度94.5%，护岸6.2公里全部通过验收。")
    values.update(kw)
    return _analyze(tmp_path, RIVER.format(**values))


def test_the_river_report_clean(tmp_path):
    assert not [x.code for x in _river(tmp_path).findings]


@pytest.mark.parametrize("late", [
    "其中下坪村段0.8公里护岸因7月强降雨停工40天，于2024年2月完工。",
    "其中下坪村段0.8公里护岸受汛期影响延期，2024年2月完工。",
])
def test_a_late_part_disclosed_with_its_cause(tmp_path, late):
    codes = [x.code for x in _river(tmp_path, late=late).findings]
    # the next year's date, with the delay said in the same sentence, is evidence of the
    # delay, not a date out of period; and it contradicts 「均…按期完成」
    assert "DATE_OUT_OF_PERIOD" not in codes
    assert "CLAIM_CONTRADICTED" in codes


@pytest.mark.parametrize("effect,found", [
    ("项目实施后，防洪安全感显著增强，有力促进了乡村振兴，取得了良好的社会效益。", True),
    ("项目实施后，防洪安全感显著增强，组织了沿河6个村的防汛演练。", False),
])
def test_aspect_le_after_a_verb_of_effect_is_no_evidence(tmp_path, effect, found):
    codes = [x.code for x in _river(tmp_path, effect=effect).findings]
    assert ("UNSUPPORTED_CLAIM" in codes) is found


@pytest.mark.parametrize("number,found", [("青财农〔20232〕14号", True), ("青财农〔2023〕14号", False)])
def test_a_year_with_a_digit_too_many(tmp_path, number, found):
    codes = [x.code for x in _river(tmp_path, number=number).findings]
    assert ("CITATION_MALFORMED" in codes) is found


TOWN = """青溪镇人民政府2023年度部门整体支出绩效自评报告
一、部门基本情况
2023年度部门收入1,862.45万元，其中一般公共预算财政拨款1,706.25万元、政府性基金预算财政拨款156.20万元；全年支出1,803.60万元，预算执行率{rate}。
二、年度绩效目标
1.农村生活垃圾收运覆盖率达到95%以上。
2.新建产业路6.8公里。
三、目标完成情况
1.全镇农村生活垃圾收运覆盖率{covered}，{claim}。
2.{road}
四、存在问题
1.部分村保洁员年龄偏大。
五、改进措施
1.{measure}
"""


def _town(tmp_path, **kw):
    values = dict(rate="96.84%", covered="96.2%", claim="完成年度目标", road="2023年新建产业路6.8公里，路面宽4.5米。",
                  measure="2024年3月底前由镇农办为各村补充保洁员12名。")
    values.update(kw)
    return _analyze(tmp_path, TOWN.format(**values))


def test_the_town_report_clean(tmp_path):
    assert not [x.code for x in _town(tmp_path).findings]


def test_a_rate_over_the_whole_income_is_right_but_a_wrong_one_is_not(tmp_path):
    # 1,803.60 / 1,862.45 = 96.84%: over the income, not over the 财政拨款 part
    assert "ARITHMETIC_MISMATCH" in [x.code for x in _town(tmp_path, rate="98.84%").findings]


@pytest.mark.parametrize("claim", ["完成年度目标", "已完成年度任务", "达到年度目标"])
def test_a_shortfall_claimed_as_the_years_goal_done(tmp_path, claim):
    codes = [x.code for x in _town(tmp_path, covered="93.2%", claim=claim).findings]
    assert "INDICATOR_SHORTFALL" in codes and "DEVIATION_UNEXPLAINED" not in codes


def test_a_share_of_the_years_task_is_no_claim(tmp_path):
    codes = [x.code for x in _town(tmp_path, covered="93.2%", claim="为年度任务的97.9%").findings]
    assert "INDICATOR_SHORTFALL" not in codes


@pytest.mark.parametrize("road,found", [
    ("2021年新建产业路6.8公里，路面宽4.5米。", True),
    ("2022年共完成产业路6.8公里路基。", True),
    ("2023年新建产业路6.8公里，较2021年新建的4.2公里增加2.6公里。", False),
    ("截至2021年已新建产业路12公里，今年新建6.8公里。", False),
])
def test_a_result_sentence_opening_with_an_earlier_year(tmp_path, road, found):
    codes = [x.code for x in _town(tmp_path, road=road).findings]
    assert ("DATE_OUT_OF_PERIOD" in codes) is found


@pytest.mark.parametrize("measure", ["牢固树立过紧日子思想，持续抓好作风建设，全力推动各项工作提质增效。",
                                     "坚持问题导向，扎实推进人居环境整治。"])
def test_slogans_are_a_vague_measure(tmp_path, measure):
    assert "VAGUE_MEASURE" in [x.code for x in _town(tmp_path, measure=measure).findings]


# a form exported one cell a line with blank lines between, its head cells wrapped over two
# cells (年初 / 预算数, 年度 / 指标值), empty cells as lines holding a space, and the
# template's empty rows (指标2 / ……) left in
def _cells(*cells):
    return "\n\n".join(cells) + "\n"


WRAPPED = _cells(
    "项目支出绩效自评表", "项目名称", "青溪县职教中心实训楼维修经费", "主管部门", "青溪县教育局",
    "项目资金\n(万元)", " ", "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
    "年度资金总额", "52.6", "52.6", "48.39", "10", "92%", "9.2",
    "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析及改进措施",
    "产出指标", "数量指标", "指标1维修面积", "1200平方米", "1200平方米", "30", "30", " ",
    "指标2", " ", " ", " ", " ", " ", "……", " ", " ", " ", " ", " ",
    "质量指标", "指标1验收合格率", "100%", "100%", "30", "30", " ",
    "效益指标", "社会效益", "指标", "指标1实训工位使用率", "≥90%", "93%", "30", "30", " ",
    "生态效益", "指标", "指标1", " ", " ", " ", " ", " ", "指标2", " ", " ", " ", " ", " ",
    "总分", "100", "99.2",
)


def test_a_cell_per_line_form_with_wrapped_head_cells():
    r = read_text(WRAPPED, "wrapped.txt")
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in r.tasks for i in t.indicators]
    assert rows == [("指标1维修面积", "1200平方米", "1200平方米", 30, 30), ("指标1验收合格率", "100%", "100%", 30, 30),
                    ("指标1实训工位使用率", "≥90%", "93%", 30, 30)]
    b = r.budget
    assert (b.initial_budget.value, b.adjusted_budget.value, b.actual_spending.value, b.completion_rate.value) == \
        (52.6, 52.6, 48.39, 92.0)


@pytest.mark.parametrize("label", ["产出指标", "满意度", "谢谢！", "总分"])
def test_a_label_read_as_a_measure_is_no_vague_measure(tmp_path, label):
    text = ("青溪县文化馆2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.举办公益演出40场。\n"
            "二、目标完成情况\n1.举办公益演出42场。\n三、存在问题\n1.演出场地不足。\n四、改进措施\n"
            f"1.2024年6月前由馆办公室协调乡镇文化站新增演出场地3处。\n2.{label}\n")
    codes = _codes(tmp_path, text)
    assert "VAGUE_MEASURE" not in codes


YUNNAN = """中共青溪县委办公室2023年度项目支出绩效自评报告
一、项目基本情况
2023年财政预算项目资金16万元。
二、项目绩效自评工作开展情况
成立自评工作小组，对照绩效目标逐项开展自评。
三、项目绩效实现情况
1.项目资金执行情况：财政预算项目资金16万元，支付16万元。
2.产出指标完成情况：完成信息报送120期。
四、绩效目标未完成原因和下一步改进措施
无
五、绩效自评结果
自评分为100分。
六、结果公开情况和应用打算
待县财政局审核后公开。
七、绩效自评工作的经验、问题和建议
2024年起由办公室每季度检查一次项目资金支出进度。
八、其他需说明的问题
无
"""


def test_the_yunnan_template_outline():
    r = read_text(YUNNAN, "yn.txt")
    assert not r.paragraphs("U")  # how the evaluation was run and what is done with it open nothing
    assert [p.text for p in r.paragraphs("I")] == ["2024年起由办公室每季度检查一次项目资金支出进度。"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["项目资金执行", "产出指标完成"]


def test_a_report_run_onto_one_line_from_its_first_heading():
    line = ("一、绩效目标分解下达情况青溪县文旅局下达2023年文化专项资金20万元,二、绩效目标完成情况分析"
            "(一)资金投入情况分析,专项资金20万元全部到位,(二)总体绩效目标完成情况分析,完成送戏下乡30场,"
            "三、存在问题,部分乡镇演出场地简陋,")
    r = read_text("青溪县文旅局2023年文化专项资金绩效自评报告\n" + line + "\n", "one.txt")
    assert r.paragraphs("G") and r.paragraphs("O") and r.paragraphs("Q")
    assert r.paragraphs("G")[0].text.startswith("青溪县文旅局下达")


@pytest.mark.parametrize("parts,found", [
    ("其中：预算编制30万元；审计30万元；设计测绘29.99万元。", True),
    ("其中：30万元用于预算编制；30万元用于审计；29.99万元用于设计测绘。", True),
    ("其中：30万元用于预算编制；30万元用于审计；29.97万元用于设计测绘。", False),
    ("其中预算编制30万元、审计30万元、设计测绘29.29万元。", True),
    ("其中预算编制30万元、审计30万元、设计测绘29.97万元。", False),
])
def test_a_breakdown_listed_after_a_colon(tmp_path, parts, found):
    text = ("青溪县财政局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n青溪县财政局年初预算数为300.00万元。\n"
            "二、年度绩效目标\n1.完成基建工程委托业务项目50个。\n三、目标完成情况\n"
            f"1.本项目共完成预算资金89.97万元。{parts}\n")
    a = _analyze(tmp_path, text)
    assert ("ARITHMETIC_MISMATCH" in [x.code for x in a.findings]) is found
