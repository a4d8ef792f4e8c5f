"""Lessons of the twentieth session, in invented text of the shapes blind34 showed.

blind34 (eight reports written by a helper who had not read the code) showed: the
central-department outline's 三、偏离绩效目标的原因和下一步改进措施 split into a causes half and
a measures half; an item number glued to a figure with its own decimal point (2.37.64万元…);
a measure that is a problem pasted whole (a copied paragraph, not a sentence repeated);
one outcome paragraph that reports several goals' indicators (产出指标完成情况分析。…); and a
video summary's subtitle file (.srt), its cue numbers and timing lines no words of the
report."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest.labels import item_number, match_section
from nlp_pipeline.pipeline import analyze

# --- the outline's causes half ----------------------------------------------------------

OUTLINE = """清河县水务局2023年小型水库除险加固项目支出绩效自评报告
一、项目基本情况
项目总投资600.00万元，由县水务局组织实施。
二、项目绩效目标
（1）完成小型水库除险加固6座；
（2）工程验收合格率100%。
三、绩效目标完成情况分析
1.产出指标完成情况分析。完成小型水库除险加固6座，工程验收合格率100%。
四、偏离绩效目标的原因和下一步改进措施
（一）{causes}
1.部分工程款按合同作为质量保证金留存，导致当年预算执行率未达到100%。
2.{second}
（二）下一步改进措施
1.2024年4月底前完成质量保证金台账，缺陷责任期满后10个工作日内支付。
2.由县水务局工程股牵头，2024年6月前完成两处溢洪道的复核设计。
"""


@pytest.mark.parametrize("causes", ["偏离绩效目标的原因", "偏离绩效目标原因", "偏离目标的原因：", "偏离绩效目标的原因分析"])
def test_the_causes_half_of_the_outline_holds_problems(tmp_path, causes):
    f = tmp_path / "r.txt"
    f.write_text(OUTLINE.format(causes=causes, second="两处溢洪道设计变更，工期顺延15天。"), encoding="utf-8")
    r = analyze(str(f)).report
    assert [p.text[:6] for p in r.paragraphs("Q")] == ["部分工程款按", "两处溢洪道设"]
    assert len(r.paragraphs("I")) == 2


@pytest.mark.parametrize("label", ["偏差原因", "偏离原因", "未完成原因", "偏差原因分析及改进措施"])
def test_an_indicators_cause_field_is_no_section(label):
    assert match_section(label) is None or match_section(label)[0] != "Q"


@pytest.mark.parametrize("second, text", [
    ("37.64万元质量保证金须待2024年11月支付。", "37.64万元质量保证金"),
    ("12.5%的工程款未支付。", "12.5%的工程款未支付"),
    ("3.2万元设计变更费用尚未结算。", "3.2万元设计变更费用"),
])
def test_an_item_number_glued_to_a_decimal_figure_is_still_an_item(tmp_path, second, text):
    f = tmp_path / "r.txt"
    f.write_text(OUTLINE.format(causes="偏离绩效目标的原因", second=second), encoding="utf-8")
    qs = analyze(str(f)).report.paragraphs("Q")
    assert len(qs) == 2 and qs[1].text.startswith(text)


@pytest.mark.parametrize("text, expected", [
    ("2.37.64万元质量保证金须待", ("num", "2.")),
    ("2.1.1 全年门急诊", ("dec3", "2.1.1")),   # a three-level outline's item stays one
    ("12.5.6项目管理", ("dec3", "12.5.6")),
    ("1.2021年完成", ("num", "1.")),
    ("1.5万元已到位", (None, None)),          # a figure, no item
])
def test_item_numbers_beside_decimal_figures(text, expected):
    assert item_number(text)[:2] == expected


# --- a problem pasted whole as a measure ---------------------------------------------------

PASTED = """白河镇人民政府2023年度部门整体支出绩效自评报告
一、部门基本情况
白河镇辖8个行政村。
二、绩效目标完成情况
全年完成农村道路养护42公里，群众满意度93.5%。
三、存在的问题
1.部分村级保洁员兼职较多，日常巡查记录不完整，个别村保洁频次未达要求。
2.{problem2}
四、改进措施
1.2024年3月前为8个村配齐专职保洁员，镇农业服务中心每月抽查一次。
2.{measure2}
"""


def _pasted(tmp_path, problem2: str, measure2: str) -> list:
    f = tmp_path / "p.txt"
    f.write_text(PASTED.format(problem2=problem2, measure2=measure2), encoding="utf-8")
    return [(x.code, x.rule_id) for x in analyze(str(f)).findings if x.code in ("REPEATED_TEXT", "DUPLICATE_PARAGRAPH")]


@pytest.mark.parametrize("problem2, measure2", [
    ("村级公益性岗位人员培训不足，应急演练次数少，处置能力偏弱。", "村级公益性岗位人员培训不足，应急演练次数少，处置能力偏弱。"),
    ("村级公益性岗位人员培训不足，应急演练次数少，处置能力偏弱。", "村级公益性岗位人员培训不足，应急演练次数少，处置能力偏弱"),
    ("镇级财政资金拨付进度偏慢，第四季度集中支付比例较高，资金效益发挥滞后。",
     "镇级财政资金拨付进度偏慢，第四季度集中支付比例较高，资金效益发挥滞后。"),
])
def test_a_whole_problem_pasted_as_a_measure_is_a_copied_paragraph(tmp_path, problem2, measure2):
    found = _pasted(tmp_path, problem2, measure2)
    assert ("DUPLICATE_PARAGRAPH", "TXT.DUPLICATE") in found
    assert not any(code == "REPEATED_TEXT" for code, _ in found)


def test_a_problem_sentence_inside_a_longer_measure_stays_a_repeated_sentence(tmp_path):
    # control: the measure pastes the problem's sentence and adds an action of its own
    found = _pasted(tmp_path, "村级公益性岗位人员培训不足，应急处置能力偏弱。",
                    "村级公益性岗位人员培训不足，应急处置能力偏弱，2024年由镇应急办每季度组织一次集中培训和实战演练。")
    assert ("REPEATED_TEXT", "TXT.REPEATED") in found


# --- one outcome paragraph reporting several goals -------------------------------------------

SEVERAL = """松山县水务局2023年水土保持项目支出绩效自评报告
一、项目基本情况
项目由县水务局实施。
二、项目绩效目标
（1）新增水土流失综合治理面积≥18平方公里；
（2）新修水平梯田≥3,200亩；
（3）新建谷坊≥40座；
（4）工程验收合格率100%。
三、绩效目标完成情况分析
1.产出指标完成情况分析。{outcome}
2.满意度指标完成情况分析。发放问卷260份，满意度94.6%。
四、存在的问题
无。
"""


def _several(tmp_path, outcome: str):
    f = tmp_path / "s.txt"
    f.write_text(SEVERAL.format(outcome=outcome), encoding="utf-8")
    return analyze(str(f)).findings


@pytest.mark.parametrize("outcome", [
    "新增水土流失综合治理面积18.6平方公里，超过目标；新修水平梯田2,960亩，达到年度目标；新建谷坊40座；工程验收合格率100%。",
    "工程验收合格率100%；新建谷坊40座；新修水平梯田2,960亩，已完成年度目标；新增水土流失综合治理面积18.6平方公里。",
    "新增水土流失综合治理面积１８．６平方公里；新修水平梯田２，９６０亩，已全面实现年度目标；新建谷坊４０座；工程验收合格率１００％。",
])
def test_a_goal_reported_in_a_paragraph_aligned_with_another_is_checked(tmp_path, outcome):
    found = _several(tmp_path, outcome)
    short = [f for f in found if f.code == "INDICATOR_SHORTFALL"]
    assert len(short) == 1 and "2,960" in short[0].message.replace("２，９６０", "2,960")
    # every goal's figure is reported in the one paragraph: none is without outcome
    assert not [f for f in found if f.code == "GOAL_WITHOUT_OUTCOME"]


def test_a_goal_whose_metric_no_outcome_reports_is_still_owed_one(tmp_path):
    # control: the 谷坊 goal's figure is not in the paragraph (only a near name of another metric)
    found = _several(tmp_path, "新增水土流失综合治理面积18.6平方公里；新修水平梯田3,260亩；工程验收合格率100%。")
    gaps = [f for f in found if f.code == "GOAL_WITHOUT_OUTCOME"]
    assert len(gaps) == 1 and [e.paragraph for e in gaps[0].evidence] == ["G3"]
    assert not [f for f in found if f.code == "INDICATOR_SHORTFALL"]


# --- a subtitle file -----------------------------------------------------------------------

CUES = [
    "【三分钟看懂】青川县交通运输局2023年度部门整体支出绩效自评",
    "一、基本情况",
    "全县有18个乡镇、236个建制村。",
    "2023年，局里调整后的预算是6,120.40万元，",
    "全年支出5,884.15万元，",
    "预算执行率96.14%。",
    "二、年度目标",
    "新改建农村公路95公里。",
    "三、完成情况",
    "全年新改建农村公路98公里，",
    "超过年度目标。",
    "四、存在问题",
    "部分农村公路路面较窄，会车困难。",
    "五、下一步怎么干",
    "2024年对30公里窄路面增设错车道120处，年底前完工。",
]


def _srt(vtt: bool) -> str:
    out = ["WEBVTT", ""] if vtt else []
    t = 0
    for k, cue in enumerate(CUES, 1):
        a, b = t, t + 3200
        t = b + 100
        if vtt:
            stamp = f"{a // 60000:02d}:{a // 1000 % 60:02d}.{a % 1000:03d} --> {b // 60000:02d}:{b // 1000 % 60:02d}.{b % 1000:03d}"
        else:
            stamp = f"00:{a // 60000:02d}:{a // 1000 % 60:02d},{a % 1000:03d} --> 00:{b // 60000:02d}:{b // 1000 % 60:02d},{b % 1000:03d}"
        out += [str(k), stamp, cue, ""]
    return "\n".join(out)


@pytest.mark.parametrize("vtt", [False, True])
def test_a_subtitle_file_reads_as_its_sentences(tmp_path, vtt):
    f = tmp_path / ("v.vtt" if vtt else "v.srt")
    f.write_text(_srt(vtt), encoding="utf-8")
    a = analyze(str(f))
    texts = [p.text for p in a.report.paragraphs()]
    assert not any("-->" in t for t in texts)
    assert not any(t.strip().isdigit() for t in texts)
    # a sentence cut across two cues is one paragraph
    assert "全年新改建农村公路98公里，超过年度目标。" in texts
    assert [p.text for p in a.report.paragraphs("O")] == ["全年新改建农村公路98公里，超过年度目标。"]
    assert not [x for x in a.findings if x.code in ("NUMBER_CONFLICT", "OUTCOME_RESTATES_GOAL")]


# --- a payment the contract sets in the next year, an unticked grade line, 各类 ------------

DATED = """平川镇人民政府2023年农村供水保障项目支出绩效自评报告
一、项目基本情况
项目资金286.00万元，由镇农业服务中心实施。
二、绩效目标
新建蓄水池4座，铺设管网12公里。
三、绩效目标完成情况
1.资金执行。项目实际支出278.60万元，预算执行率97.41%；剩余7.40万元为工程质保金，{when}。
2.产出完成。新建蓄水池4座，铺设管网12公里，项目于2023年10月26日通过验收。
四、自评结论
本项目自评得分91.5分。
评价等级：□优　□良　□中　□差
"""


@pytest.mark.parametrize("when", ["按合同于2024年10月支付", "按合同约定于2024年10月支付", "须于2024年10月缺陷责任期满后支付"])
def test_a_payment_the_contract_sets_next_year_is_no_work_out_of_period(tmp_path, when):
    f = tmp_path / "d.txt"
    f.write_text(DATED.format(when=when), encoding="utf-8")
    assert not [x for x in analyze(str(f)).findings if x.code == "DATE_OUT_OF_PERIOD"]


def test_work_reported_as_done_next_year_is_still_out_of_period(tmp_path):
    f = tmp_path / "d.txt"
    f.write_text(DATED.format(when="已于2024年10月支付完毕"), encoding="utf-8")
    assert [x for x in analyze(str(f)).findings if x.code == "DATE_OUT_OF_PERIOD"]


def test_an_unticked_grade_line_is_quoted_where_the_reader_put_it(tmp_path):
    f = tmp_path / "d.txt"
    f.write_text(DATED.format(when="按合同于2024年10月支付"), encoding="utf-8")
    a = analyze(str(f))
    found = [x for x in a.findings if x.code == "UNFILLED_FORM"]
    assert len(found) == 1
    ev = found[0].evidence[0]
    held = [p for p in a.report.paragraphs() if p.id == ev.paragraph]
    assert ev.paragraph.startswith("P") and held and "□优" in held[0].text
    assert "□优" in ev.quote


@pytest.mark.parametrize("a, b", [("受理各类案件", "受理案件"), ("开展各类培训", "开展培训"), ("办理各项业务", "办理业务")])
def test_words_naming_no_kind_are_no_part_of_a_metric(a, b):
    from nlp_pipeline.detect import _metrics as M

    assert M.normalise_metric(a) == M.normalise_metric(b)


# --- the 单位整体 dimensions as sections of their own -------------------------------------

DIMENSIONS = """东坪县农业技术推广中心2023年度单位整体支出绩效自评报告
一、单位基本情况
单位核定事业编制40名，2023年调整预算520.00万元。
二、年度绩效目标
1.推广农业主推技术不少于10项。
2.培训农民不少于3,000人次。
三、履职效能
（一）主推技术推广。全年遴选发布农业主推技术12项。
（二）农民技术培训。全年培训农民3,260人次。
四、{second}
（一）预算管理。全年预算执行率96.20%，“三公”经费支出1.86万元。
五、{third}
（一）促进农业转型。全县农业生产方式加快转变，农民科学种田水平显著提升，社会反响良好。
六、存在问题
1.专业技术人员年龄结构老化，35岁以下仅4人。
七、改进措施
1.2024年公开招聘植保专业技术人员3名，由中心人事股负责，9月底前完成。
"""


@pytest.mark.parametrize("second, third", [("管理效率", "社会效应"), ("管理效率情况", "社会效应情况")])
def test_the_dimensions_after_performance_are_outcomes(tmp_path, second, third):
    f = tmp_path / "u.txt"
    f.write_text(DIMENSIONS.format(second=second, third=third), encoding="utf-8")
    a = analyze(str(f))
    outcomes = a.report.paragraphs("O")
    assert len(outcomes) == 4 and not a.report.paragraphs("U")
    claims = [x for x in a.findings if x.code == "UNSUPPORTED_CLAIM"]
    assert claims and claims[0].evidence[0].paragraph == outcomes[-1].id


# --- money claimed wholly received in a unit's report, its basic part saying otherwise -------

UNIT = """南湖水库管理站2023年度单位整体支出绩效自评报告
一、单位基本情况
2023年本站调整预算1,426.80万元，其中县级财政拨款1,240.80万元、省级水利工程维修养护补助186.00万元；{arrived}全年实际支出1,378.65万元，预算执行率96.63%。
二、年度绩效目标
全年安全度汛，水库水质达标率100%。
三、绩效目标完成情况
全年安全度汛，水库水质达标率100%。
四、自评结论
本站2023年度自评得分94.5分。{claim}
"""


@pytest.mark.parametrize("arrived, claim", [
    ("省级补助年末实际到位168.00万元。", "各级补助资金均已足额到位。"),
    ("省级补助资金年末到位168.00万元。", "各项补助资金已全部到位。"),
    ("截至年末省级补助实际到账168.00万元。", "补助资金均已足额到位，保障了工程运行。"),
])
def test_money_claimed_wholly_received_against_the_basic_part(tmp_path, arrived, claim):
    f = tmp_path / "u.txt"
    f.write_text(UNIT.format(arrived=arrived, claim=claim), encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.code == "CLAIM_CONTRADICTED"]
    assert len(found) == 1
    # the counter-evidence is the subsidy and what of it arrived, not the whole budget
    assert "186.00" in found[0].message and "168.00" in found[0].message


@pytest.mark.parametrize("arrived, claim", [
    ("省级补助年末实际到位186.00万元。", "各级补助资金均已足额到位。"),      # it did arrive
    ("省级补助年末实际到位168.00万元。", "各项工作均按计划完成。"),          # no claim of money
    ("省级补助年末实际到位186.00万元。", "项目资金已全部支付完毕。"),        # a payment claim: the unit's execution rate is all its money
])
def test_no_claim_or_no_gap_is_no_contradiction(tmp_path, arrived, claim):
    f = tmp_path / "u.txt"
    f.write_text(UNIT.format(arrived=arrived, claim=claim), encoding="utf-8")
    assert not [x for x in analyze(str(f)).findings if x.code == "CLAIM_CONTRADICTED"]


# --- a share written with names only, its whole left out after the first -------------------

SHARES = """华亭县幼儿园2023年度部门整体支出绩效自评报告
一、部门概况
我园为县教育体育局所属公益一类事业单位。
二、部门财政资金收支情况
全年实际支出1,148.62万元，预算执行率96.79%。按支出性质分，基本支出986.30万元（人员经费862.14万元、公用经费124.16万元），项目支出162.32万元。{shares}
三、部门整体支出绩效目标
1.在园幼儿不少于420名。
四、绩效目标完成情况
1.在园幼儿438名。
"""


@pytest.mark.parametrize("shares", [
    "人员经费占实际支出的75.06%，项目支出占16.13%。",
    "人员经费占实际支出的比重为75.06%，项目支出占16.13%。",
    "项目支出占实际支出的16.13%。",
    "人员经费占实际支出的７５．０６％，项目支出占１６．１３％。",
])
def test_a_share_written_with_names_only_is_checked(tmp_path, shares):
    f = tmp_path / "s.txt"
    f.write_text(SHARES.format(shares=shares), encoding="utf-8")
    a = analyze(str(f))
    found = [x for x in a.findings if x.code == "ARITHMETIC_MISMATCH"]
    assert len(found) == 1 and "14.13" in found[0].message
    # the budget part is the basic part, whatever its heading calls it
    assert found[0].evidence[0].paragraph.startswith("B")


@pytest.mark.parametrize("shares", [
    "人员经费占实际支出的75.06%，项目支出占14.13%。",
    "项目支出占实际支出的14.13%。",
    "项目支出占比较上年提高2.1个百分点，达16.13%。",   # no share of a named whole
])
def test_a_right_share_or_no_named_share_is_no_finding(tmp_path, shares):
    f = tmp_path / "s.txt"
    f.write_text(SHARES.format(shares=shares), encoding="utf-8")
    assert not [x for x in analyze(str(f)).findings if x.code == "ARITHMETIC_MISMATCH"]


# --- a name misspelt after a word its first character could close ----------------------------

NAMED = """华宁县幼儿园2023年度部门整体支出绩效自评报告
一、部门概况
我园为华宁县教育体育局下属公益一类事业单位。
二、绩效目标完成情况
全年在园幼儿438名，保教活动按计划开展。
三、存在的问题
塑胶跑道面层尚未铺设。
四、改进措施
{measure}
华宁县幼儿园
2024年3月20日
"""


@pytest.mark.parametrize("measure", [
    "督促施工单位在2024年4月30日前完成化宁县幼儿园塑胶跑道面层铺设。",
    "2024年4月30日前由化宁县幼儿园后勤组完成塑胶跑道面层铺设。",
    "确保化宁县幼儿园塑胶跑道面层于2024年4月30日前铺设完成。",
])
def test_a_name_misspelt_after_a_word_is_still_a_slip(tmp_path, measure):
    f = tmp_path / "n.txt"
    f.write_text(NAMED.format(measure=measure), encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.code == "NAME_VARIANT"]
    assert len(found) == 1 and found[0].evidence[0].quote == "化宁"


def test_the_right_name_after_a_word_is_no_slip(tmp_path):
    f = tmp_path / "n.txt"
    f.write_text(NAMED.format(measure="督促施工单位在2024年4月30日前完成华宁县幼儿园塑胶跑道面层铺设。"), encoding="utf-8")
    assert not [x for x in analyze(str(f)).findings if x.code == "NAME_VARIANT"]


# --- one count written twice with two values, a subtype of it beside ------------------------

COURT = """长宁县人民法院2023年度部门整体支出绩效自评报告
一、部门基本情况
我院内设8个部门，核定政法专项编制72名。
二、绩效目标完成情况
1.审判执行质效。{first}，审结4,415件，员额法官人均结案210件。
2.诉源治理。诉前调解成功案件1,286件。
3.执行工作。受理执行案件1,236件，执结1,108件，执结率89.64%。
三、自评结论
1.{second}，审结4,415件，诉讼服务中心接待群众1.2万人次。
"""


@pytest.mark.parametrize("first, second", [
    ("全年受理各类案件4,628件", "2023年我院受理案件4,826件"),
    ("全年共受理各类案件4,628件", "2023年本院受理案件4,826件"),
    ("全年受理案件4,628件", "全年我院共受理各类案件4,826件"),
])
def test_one_count_with_two_values_beside_a_subtype_of_it(tmp_path, first, second):
    f = tmp_path / "c.txt"
    f.write_text(COURT.format(first=first, second=second), encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.code == "NUMBER_CONFLICT"]
    assert len(found) == 1
    # the two writings of the one count, not the 执行案件 beside them
    assert sorted({e.paragraph for e in found[0].evidence}) == ["O1", "P1"]


def test_one_count_written_alike_is_no_conflict(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text(COURT.format(first="全年受理各类案件4,628件", second="2023年我院受理案件4,628件"), encoding="utf-8")
    assert not [x for x in analyze(str(f)).findings if x.code == "NUMBER_CONFLICT"]


@pytest.mark.parametrize("first, second", [
    ("全年受理案件4,628件", "2023年我院受理案件4,628件；受理执行案件4,235件"),   # a kind, not far smaller: still a count
])
def test_a_kind_close_in_size_is_still_compared(tmp_path, first, second):
    f = tmp_path / "c.txt"
    f.write_text(COURT.format(first=first, second=second), encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.code == "NUMBER_CONFLICT"]
    assert found  # 受理执行案件4,235件 and 1,236件: one kind, two values
