"""Lessons of real16 and its auditor's pass (realcheck16), in invented text of the shapes
those pages showed: a form exported one cell per line whose reason header is wrapped over
three lines; a budget row whose written 执行率 is wrong and scored at full marks; a count
followed by the list of what it counts, naming another number of items; money claimed all
paid out in one paragraph and shown short in another that names the same sum."""
from __future__ import annotations

import pytest

from test_session12_lessons import _analysis, _codes

from nlp_pipeline.ingest import read_report

# a 部门整体 form as a site's text export gives it: one cell per line, blank lines between,
# header cells wrapped over two and three lines
CELL_FORM = """2022年度部门整体支出绩效自评表

单位名称

{unit}

年初

预算数

全年预算数

全年

执行数

分值

执行率

得分

年度资金总额

{budget}万元

{budget}万元

{spent}万元

10

{rate}

{score}

一级指标

二级指标

三级指标

年度

指标值

实际

完成值

分值

得分

{reason_head}

产出指标

(50)

数量

指标

新建村级文化广场

12个

12个

30

30

 

送戏下乡场次

80场

64场

30

24

 

效益指标

(30)

社会效

益指标

群众文化活动参与人次

5万人次

5.2万人次

30

30

 
"""

REASON_HEADS = ["偏差原因\n\n分析及\n\n改进措施", "偏差原因\n\n分析及改进\n\n措施", "偏差原因分\n\n析及改进措施"]


@pytest.mark.parametrize("head", REASON_HEADS)
def test_a_header_cell_wrapped_over_three_lines_is_one_column(tmp_path, head):
    f = tmp_path / "r.txt"
    f.write_text(CELL_FORM.format(unit="溪口县文化广电旅游局", budget="860.00", spent="688.00", rate="80%",
                                  score="8", reason_head=head), encoding="utf-8")
    report = read_report(f)
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in report.tasks for i in t.indicators]
    assert ("新建村级文化广场", "12个", "12个", 30, 30) in rows
    assert ("送戏下乡场次", "80场", "64场", 30, 24) in rows
    assert len(rows) == 3


def test_a_missed_target_in_such_a_form_with_an_empty_reason_cell_is_unexplained(tmp_path):
    a = _analysis(tmp_path, CELL_FORM.format(unit="溪口县文化广电旅游局", budget="860.00", spent="688.00",
                                             rate="80%", score="8", reason_head=REASON_HEADS[0]))
    dev = [f for f in a.findings if f.code == "DEVIATION_UNEXPLAINED"]
    assert any("送戏下乡场次" in f.message for f in dev)


@pytest.mark.parametrize("rate,score,spent", [("100%", "10", "688.00"), ("100.00%", "10", "731.00"),
                                              ("95%", "9.5", "688.00")])
def test_a_budget_score_is_held_against_the_rate_its_figures_give(tmp_path, rate, score, spent):
    a = _analysis(tmp_path, CELL_FORM.format(unit="溪口县文化广电旅游局", budget="860.00", spent=spent,
                                             rate=rate, score=score, reason_head=REASON_HEADS[0]))
    found = [f for f in a.findings if f.code == "SCORE_MISMATCH" and "全年执行数" in f.message]
    assert found, _codes(a)
    want = round(10 * float(spent) / 860.0, 2)
    assert f"= {want:g}分" in found[0].message or f"= {want}分" in found[0].message
    # the wrong rate is its own defect, with its unit written once
    arith = [f for f in a.findings if f.code == "ARITHMETIC_MISMATCH"]
    assert arith and "万元万元" not in arith[0].message


def test_a_budget_score_that_follows_its_true_rate_is_clean(tmp_path):
    a = _analysis(tmp_path, CELL_FORM.format(unit="溪口县文化广电旅游局", budget="860.00", spent="688.00",
                                             rate="80%", score="8", reason_head=REASON_HEADS[0]))
    assert not [f for f in a.findings if f.code in ("SCORE_MISMATCH", "ARITHMETIC_MISMATCH")
                and ("执行率" in f.message or "完成率" in f.message)], [f.message for f in a.findings]


NARRATIVE = """梅岭县财政局2022年度部门整体支出绩效自评报告

一、部门基本情况
{units}
本局内设机构8个，编制人数62人，实有人数58人。

二、绩效目标完成情况
（一）资金情况。{claim}
（二）执行情况。{counter}
全年完成财政预算编制、国库集中支付、政府采购监管等工作。

三、存在的问题
部分项目预算编制不够精细，年中调整较多。

四、改进措施
2023年6月底前修订项目支出预算编制规程，由预算股牵头落实。
"""

UNITS_OK = "所属事业单位3个，即县国库支付中心、县财政信息中心、县会计服务中心。"
LIST_MISSES = [
    "所属事业单位4个，即县国库支付中心、县财政信息中心、县会计服务中心。",
    "下设二级单位5个，分别是县国库支付中心、县财政信息中心、县会计服务中心、县投资评审中心。",
    "共有直属事业单位4个：包括县国库支付中心、县财政信息中心、县会计服务中心、县投资评审中心、县债务服务中心。",
    "所属事业单位４个，即县国库支付中心、县财政信息中心、县会计服务中心。",
]
LIST_CLEAN = [
    UNITS_OK,
    "所属事业单位3个，即县国库支付中心、县财政信息中心和县会计服务中心。",
    "所属事业单位4个，即县国库支付中心、县财政信息中心、县会计服务中心和县投资评审中心。",
    "所属事业单位6个，包括县国库支付中心、县财政信息中心、县会计服务中心等。",
    "所属事业单位10个，主要有县国库支付中心、县财政信息中心、县会计服务中心。",
    "所属单位10个，即行政单位3个、事业单位7个、企业0个。",
    # (即将: a word, not the opening of a list)
    "新建服务站3个即将投用：县国库支付中心、县财政信息中心、县会计服务中心、县投资评审中心。",
]
CLAIM = "县级衔接资金1,260万元已全部拨付到位，及时安排到相关项目。"
COUNTER = "项目资金共1,260万元，截至2022年12月20日，已拨付1,188.40万元，执行率94.3%。"


@pytest.mark.parametrize("units", LIST_MISSES)
def test_a_count_its_own_list_does_not_give_is_flagged(tmp_path, units):
    a = _analysis(tmp_path, NARRATIVE.format(units=units, claim="资金按时下达。", counter="全年支出按计划执行。"))
    found = [f for f in a.findings if f.code == "ARITHMETIC_MISMATCH" and "列举" in f.message]
    assert len(found) == 1, [f.message for f in a.findings]
    quotes = [e.quote for e in found[0].evidence]
    assert any(q.endswith("个") for q in quotes) and any("县财政信息中心" in q for q in quotes)


@pytest.mark.parametrize("units", LIST_CLEAN)
def test_a_list_that_gives_its_count_or_names_only_some_is_clean(tmp_path, units):
    a = _analysis(tmp_path, NARRATIVE.format(units=units, claim="资金按时下达。", counter="全年支出按计划执行。"))
    assert not [f for f in a.findings if f.code == "ARITHMETIC_MISMATCH" and "列举" in f.message]


@pytest.mark.parametrize("claim,counter", [
    (CLAIM, COUNTER),
    ("县级衔接资金1,260万元，目前已足额拨付。", "项目资金1,260万元，截止年底拨付资金1,188.40万元。"),
])
def test_money_claimed_all_paid_is_held_against_another_paragraph_on_the_same_sum(tmp_path, claim, counter):
    a = _analysis(tmp_path, NARRATIVE.format(units=UNITS_OK, claim=claim, counter=counter))
    found = [f for f in a.findings if f.code == "CLAIM_CONTRADICTED"]
    assert found, [f.message for f in a.findings]
    assert any("1,188.40" in e.quote for e in found[0].evidence)


def test_a_paragraph_about_another_sum_is_no_counter(tmp_path):
    other = "另安排县级配套资金860万元，截至2022年12月20日，已拨付812.00万元。"
    a = _analysis(tmp_path, NARRATIVE.format(units=UNITS_OK, claim=CLAIM, counter=other))
    assert not [f for f in a.findings if f.code == "CLAIM_CONTRADICTED"], [f.message for f in a.findings]


# 重庆's target table: 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值, the unit before the value
UNIT_FIRST_ROWS = [("培训农村实用人才", "20", "人次", "≥", "300"), ("补助发放及时率", "10", "%", "≥", "95"),
                   ("群众满意度", "10", "%", "≥", "90"), ("补助资金", "20", "万元", "≤", "12.5")]
WANT_TARGETS = ["≥300人次", "≥95%", "≥90%", "≤12.5万元"]


def _unit_first(shape: str) -> str:
    head = ["三级指标", "指标权重", "计量单位", "指标性质", "指标值"]
    lines = ["2023年一般性项目绩效目标表", "单位名称", "双溪镇人民政府", "当年绩效目标", "按时足额发放各类补助，保障群众权益。"]
    if shape == "cells":
        lines += [f"{c} |" for c in head]
        for r in UNIT_FIRST_ROWS:
            lines += [f"{c} |" for c in r]
    else:
        lines += ["| " + " | ".join(head) + " |", "| --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(r) + " |" for r in UNIT_FIRST_ROWS]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("shape", ["cells", "pipe"])
def test_a_unit_column_before_the_comparison_joins_the_target(tmp_path, shape):
    f = tmp_path / "r.txt"
    f.write_text(_unit_first(shape), encoding="utf-8")
    report = read_report(f)
    targets = [i.target for t in report.tasks for i in t.indicators]
    assert targets == WANT_TARGETS


# a 安徽 project form as a site prints it: cells split by single spaces, a header whose
# two-line cells leave their second halves on the next line, the 执行率 as a ratio
FLAT_FORM = """市级非遗保护专项经费绩效自评表({year}年度)
项目名称 市级非遗保护专项经费
主管部门 桐溪区文化和旅游局   实施单位 桐溪区文化和旅游局
项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
(万元) 年度资金总额 40 40 {spent} 10 {rate} {score}
年度总体目标 预期目标 实际完成情况
完成3个非遗项目的记录整理和2场展演，提升非遗保护水平。 完成3个项目记录整理，举办展演2场。
绩效指标 一级指标 二级指标 三级指标 {head1} 分值 得分 偏差原因分析及改进措施
{head2}
产出指标 数量指标 指标1:记录整理项目数 3个 3个 20 20
指标2:非遗展演场次 2场 2场 20 20
质量指标 指标1:资料归档合格率 100% 96% 20 18 部分影像资料清晰度不够，已安排补拍
效益指标 社会效益指标 群众参与人次 ≥2000人次 2600人次 15 15
满意度指标 服务对象满意度指标 观众满意度 ≥90% 93% 15 15
"""
HEADS = [("年度 实际", "指标值 完成值"), ("年初 全年实际", "目标值 完成值")]


@pytest.mark.parametrize("head1,head2", HEADS)
def test_a_spaced_header_finished_on_the_next_line_reads_the_rows(tmp_path, head1, head2):
    f = tmp_path / "r.txt"
    f.write_text(FLAT_FORM.format(year=2022, spent="38.3", rate="0.957", score="9.57", head1=head1, head2=head2),
                 encoding="utf-8")
    report = read_report(f)
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in report.tasks for i in t.indicators]
    assert ("指标2:非遗展演场次", "2场", "2场", 20, 20) in rows
    assert ("指标1:资料归档合格率", "100%", "96%", 20, 18) in rows
    assert len(rows) == 5


@pytest.mark.parametrize("rate,score", [("0.957", "9.57"), ("0.95", "9.5"), ("0.9575", "9.58")])
def test_an_execution_rate_written_as_a_ratio_is_read_in_percent(tmp_path, rate, score):
    a = _analysis(tmp_path, FLAT_FORM.format(year=2022, spent="38.3", rate=rate, score=score,
                                             head1=HEADS[0][0], head2=HEADS[0][1]))
    assert abs(a.report.budget.completion_rate.value - float(rate) * 100) < 1e-6
    assert a.report.budget.completion_rate.text == rate
    assert not [f for f in a.findings if f.code in ("ARITHMETIC_MISMATCH", "SCORE_MISMATCH")], \
        [f.message for f in a.findings]


def test_a_ratio_its_figures_do_not_give_is_still_wrong(tmp_path):
    a = _analysis(tmp_path, FLAT_FORM.format(year=2022, spent="30.0", rate="0.957", score="9.57",
                                             head1=HEADS[0][0], head2=HEADS[0][1]))
    assert [f for f in a.findings if f.code == "ARITHMETIC_MISMATCH"], [f.message for f in a.findings]


# a target table attached to a 下达 letter: one cell a line ending in " |", merged cells
# leaving runs of empty cells (指标值 | |), a first level named 实施效果指标
LETTER_TABLE = """附件
{region}农业绿色发展专项2023年中央预算内投资计划绩效目标表
专项名称 |
农业绿色发展专项 | ||||
下达中央预算内投资(万元) |
1860 | ||||
总 体 目 标 |
提高畜禽粪污综合利用率。 | ||||
绩 效 指 标 |
一级指标 |
二级指标 |
三级指标 |
指标值 | |
{level1} |
产出指标 |
建设项目个数 |
2 | ||
竣工验收合格率 |
100% | ||||
效益指标 |
畜禽粪污综合利用率 |
≥90% | |||
"""


@pytest.mark.parametrize("level1", ["实施效果指标", "绩效指标"])
def test_a_cell_per_line_table_with_merged_empty_cells_reads_its_rows(tmp_path, level1):
    f = tmp_path / "r.txt"
    f.write_text(LETTER_TABLE.format(region="清河区", level1=level1), encoding="utf-8")
    report = read_report(f)
    rows = [(i.name, i.target) for t in report.tasks for i in t.indicators]
    assert rows == [("建设项目个数", "2"), ("竣工验收合格率", "100%"), ("畜禽粪污综合利用率", "≥90%")]


@pytest.mark.parametrize("target,actual", [("200", "200余人"), ("≥300", "300人")])
def test_a_target_and_a_result_of_the_same_number_are_two_cells(tmp_path, target, actual):
    text = FLAT_FORM.format(year=2022, spent="38.3", rate="0.957", score="9.57", head1=HEADS[0][0],
                            head2=HEADS[0][1]).replace("指标1:记录整理项目数 3个 3个", f"指标1:培训人数 {target} {actual}")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    rows = {i.name: (i.target, i.result) for t in read_report(f).tasks for i in t.indicators}
    assert rows["指标1:培训人数"] == (target, actual)


# --- blind29 lessons -----------------------------------------------------------------------

JSON_REPORT = """某市公共数据开放平台 > 数据目录 > 财政 > 绩效自评结果
数据集名称：{county}2023年度项目支出绩效自评表
接口返回数据如下：
{{
  "code": 200,
  "data": {{
    "表名": "项目支出绩效自评表",
    "项目名称": "2023年村级文化活动补助项目",
    "单位": "万元",
    "项目资金": {{"年初预算数": "80.00", "全年预算数": "80.00", "全年执行数": "76.40", "分值": "10", "执行率": "95.50%", "得分": "9.55"}},
    "年度总体目标": ["1.支持全县48个行政村开展群众文化活动，每村不少于4场。", "2.群众满意度不低于90%。"],
    "总体目标完成情况": ["1.全县48个行政村共开展群众文化活动206场。", "2.群众满意度93.1%。"],
    "绩效指标": [
      {{"一级指标": "产出指标", "二级指标": "数量指标", "三级指标": "文化活动场次", "年度指标值": "≥192场", "实际完成值": "206场", "分值": "45", "得分": "45", "偏差原因": ""}},
      {{"一级指标": "满意度指标", "二级指标": "服务对象满意度指标", "三级指标": "群众满意度", "年度指标值": "≥90%", "实际完成值": "{satisfaction}", "分值": "45", "得分": "45", "偏差原因": ""}}
    ],
    "总分": "99.55",
    "评价等级": "{grade}",
    "存在问题": "1.部分偏远村活动场地不足。",
    "改进措施": "1.2024年6月底前为6个偏远村各配建1处文化活动场地，由县文旅局负责。"
  }}
}}
"""


@pytest.mark.parametrize("county", ["清水县", "南岭区"])
def test_a_report_served_as_json_is_read_as_the_form_it_stands_for(tmp_path, county):
    f = tmp_path / "r.txt"
    f.write_text(JSON_REPORT.format(county=county, satisfaction="93.1%", grade="优"), encoding="utf-8")
    report = read_report(f)
    assert report.currency_unit == "万元"
    assert report.budget.actual_spending.value == 76.4 and report.budget.completion_rate.value == 95.5
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in report.tasks for i in t.indicators]
    assert rows == [("文化活动场次", "≥192场", "206场", 45, 45), ("群众满意度", "≥90%", "93.1%", 45, 45)]
    assert [p.text[:8] for p in report.paragraphs("G")][:1] == ["支持全县48个行"]
    assert report.paragraphs("Q") and report.paragraphs("I")


def test_a_json_report_keeps_its_findings(tmp_path):
    a = _analysis(tmp_path, JSON_REPORT.format(county="清水县", satisfaction="80.0%", grade="（优/良/中/差，按总分区间选填）"))
    codes = _codes(a)
    assert "INDICATOR_SHORTFALL" in codes or "SCORE_MISMATCH" in codes
    assert "UNFILLED_FORM" in codes


def test_json_that_is_no_report_is_left_alone():
    from nlp_pipeline.ingest.jsondoc import json_table

    assert json_table('{"a": 1, "b": [1, 2, 3]}') is None
    assert json_table("二、绩效目标完成情况\n{一}全年完成…") is None


# an OCR'd ruled score sheet: vertical rules read as 丨, horizontal ones as runs of 一 or —,
# one header name misread (扣分原囚, 评分标谁)
OCR_SHEET = """（扫描件OCR识别）
{county}2023年度项目支出绩效自评评分表
一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一
一级指标{bar}二级指标{bar}三级指标{bar}分值{bar}评分标谁{bar}指标值{bar}实际完成值{bar}得分{bar}扣分原囚
一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一
产出（40）{bar}数量指标{bar}送戏下乡场次{bar}20{bar}完成得满分{bar}≥60场{bar}52场{bar}17.3{bar}受客观因素影响
{bar}质量指标{bar}演出合格率{bar}20{bar}达到目标值得满分{bar}100%{bar}100%{bar}20{bar}
{bar}档案管理{bar}档案规范性{bar}5{bar}资料齐全得满分{bar}规范{bar}规范{bar}5.5{bar}
————————————————————————————————
合计{bar}{bar}{bar}45{bar}{bar}{bar}{bar}42.8{bar}
存在问题{bar}部分乡镇演出场地简陋。
改进建议{bar}2024年6月底前改造3个乡镇演出场地，由县文化馆负责。
"""


@pytest.mark.parametrize("bar", ["丨", "｜"])
def test_an_ocr_ruled_sheet_reads_its_rows_and_fields(tmp_path, bar):
    f = tmp_path / "r.txt"
    text = OCR_SHEET.format(county="和平县", bar=bar)
    f.write_text(text, encoding="utf-8")
    report = read_report(f)
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in report.tasks for i in t.indicators]
    assert ("送戏下乡场次", "≥60场", "52场", 20, 17.3) in rows
    assert ("档案规范性", "规范", "规范", 5, 5.5) in rows
    assert report.text == text  # evidence is quoted from the page as written
    assert [p.text[:6] for p in report.paragraphs("Q")] == ["部分乡镇演出"]


def test_an_ocr_sheet_keeps_its_findings(tmp_path):
    a = _analysis(tmp_path, OCR_SHEET.format(county="和平县", bar="丨"))
    msgs = [(f.code, f.message) for f in a.findings]
    assert any(c == "SCORE_MISMATCH" and "档案规范性" in m for c, m in msgs), msgs
    assert any(c == "DEVIATION_UNEXPLAINED" and "送戏下乡场次" in m for c, m in msgs), msgs


@pytest.mark.parametrize("reason,found", [("受客观因素影响", True), ("由于其他原因导致", True), ("客观原因", True),
                                          ("受汛期影响，8月停演5场", False)])
def test_a_reason_that_names_only_the_kind_of_its_cause_explains_nothing(tmp_path, reason, found):
    text = OCR_SHEET.format(county="和平县", bar="丨").replace("受客观因素影响", reason)
    a = _analysis(tmp_path, text)
    dev = [f for f in a.findings if f.code == "DEVIATION_UNEXPLAINED" and "送戏下乡场次" in f.message]
    assert bool(dev) is found


# a director's speech at the review meeting: spoken headings the section lexicon does not know
SPEECH = """{title}
局长　林国强
（2024年3月12日）

同志们：
今天把2023年度部门整体支出绩效自评的情况跟大家通个气。

一、{goal_head}
第一，全年办理不动产登记业务不少于1.5万件。
第二，完成农村宅基地确权登记2,000宗。

二、{outcome_head}
第一，全年办理不动产登记业务1.62万件。
第二，完成农村宅基地确权登记1,760宗，没有达到2,000宗的目标，主要是部分村组权属争议未解决。

三、{score_head}
对照评价指标体系，总分92.4分，等级为优，{claim}。

四、{problem_head}
第一，基层登记窗口人手不足，高峰期群众排队时间长。

五、下一步怎么改
第一，2024年6月底前由登记中心牵头，在3个中心镇增设登记窗口，每个窗口配备2名工作人员。
第二，要进一步提高认识、压实责任，切实把登记服务抓紧抓实抓出成效。
"""
HEADS16 = [dict(goal_head="再说年初定下的目标", outcome_head="目标完成得怎么样", score_head="自评打了多少分",
                problem_head="几个问题必须正视"),
           dict(goal_head="年初定了哪些目标", outcome_head="完成得怎么样", score_head="自评打分情况",
                problem_head="还有哪些问题")]


@pytest.mark.parametrize("heads", HEADS16)
def test_spoken_headings_take_the_section_their_words_speak_of(tmp_path, heads):
    f = tmp_path / "r.txt"
    f.write_text(SPEECH.format(title="在全局2023年度绩效自评总结会上的讲话", claim="年初定的目标任务全部完成", **heads),
                 encoding="utf-8")
    report = read_report(f)
    assert [p.text[:6] for p in report.paragraphs("G")] == ["第一，全年办", "第二，完成农"]
    assert [p.text[:6] for p in report.paragraphs("O")] == ["第一，全年办", "第二，完成农"]
    assert [p.text[:6] for p in report.paragraphs("Q")] == ["第一，基层登"]
    assert report.paragraphs("P")
    assert report.organisation is None  # 在全局…会上的讲话 names an occasion, not a unit


@pytest.mark.parametrize("claim", ["年初定的目标任务全部完成", "年初制定的各项目标均已完成"])
def test_a_whole_claim_against_work_said_not_to_reach_its_target(tmp_path, claim):
    a = _analysis(tmp_path, SPEECH.format(title="在全局2023年度绩效自评总结会上的讲话", claim=claim, **HEADS16[0]))
    found = [f for f in a.findings if f.code == "CLAIM_CONTRADICTED"]
    assert found and any("没有达到" in e.quote for e in found[0].evidence), [f.message for f in a.findings]
    assert not [f for f in a.findings if f.code == "NAME_VARIANT"]


def test_a_measure_of_drive_only_is_vague(tmp_path):
    a = _analysis(tmp_path, SPEECH.format(title="在全局2023年度绩效自评总结会上的讲话", claim="等级为优", **HEADS16[0]))
    vague = [f for f in a.findings if f.code == "VAGUE_MEASURE"]
    assert [e.paragraph for f in vague for e in f.evidence] == ["I2"]


@pytest.mark.parametrize("sentence,found", [
    ("全年应付利息183.00万元（12,000万元×3.05%÷2）。", False),
    ("全年应付利息183.00万元（12,000万元×3.05%）。", True),
    ("提取风险准备金36.6万元（1,220万元×3%）。", False),
    ("项目完成率为45.45%（50/110×100%）。", False),
])
def test_a_percentage_inside_a_written_expression_is_its_fraction(tmp_path, sentence, found):
    text = NARRATIVE.format(units=UNITS_OK, claim=sentence, counter="全年支出按计划执行。")
    a = _analysis(tmp_path, text)
    got = [f for f in a.findings if f.code == "ARITHMETIC_MISMATCH" and "算式" in f.message]
    assert bool(got) is found, [f.message for f in a.findings]


@pytest.mark.parametrize("scale", ["按90分（含）以上为优、80（含）—90分为良的标准", "按90分(含)以上为优的标准", "按90分以上为优的标准"])
def test_a_grade_bound_marked_inclusive_is_no_part_of_the_score(tmp_path, scale):
    text = NARRATIVE.format(units=UNITS_OK, claim="资金按时下达。",
                            counter=f"经自评，自评得分88.6分，其中决策14分、过程18.5分、产出34.6分、效益21.5分，{scale}，评价等级为良。")
    a = _analysis(tmp_path, text)
    assert not [f for f in a.findings if f.code == "SCORE_MISMATCH"], [f.message for f in a.findings]


def test_a_json_report_in_full_width_digits_reads_the_same(tmp_path):
    text = JSON_REPORT.format(county="清水县", satisfaction="93.1%", grade="优")
    wide = text.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))
    f = tmp_path / "r.txt"
    f.write_text(wide, encoding="utf-8")
    rows = [(i.name, i.result) for t in read_report(f).tasks for i in t.indicators]
    assert rows == [("文化活动场次", "206场"), ("群众满意度", "93.1%")]
