"""Lessons of blind21's first run (own invented text in the shapes it showed)."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text


def _analyze(tmp_path, text):
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return analyze(f, mode="lexical")


def _codes(tmp_path, text) -> list[str]:
    return [x.code for x in _analyze(tmp_path, text).findings]


WECHAT = """【绩效公开】青溪县中医医院2023年度部门整体支出绩效自评报告
青溪县中医医院　2024-03-20 09:15

【年度目标】
●门急诊服务不低于20万人次。
●推广中医适宜技术不少于30项。
【完成情况】
▲全年完成门急诊21.3万人次。
▲推广中医适宜技术32项。
【自评结论】
★综合得分94.7分，自评等级为“优”。
【问题与不足】
●中医药人才储备不足。
【下一步措施】
●2024年6月前引进中医药专业技术人员5名，由人事科负责。
—END—
"""


def test_a_wechat_article_with_bracketed_headings_and_marks():
    r = read_text(WECHAT, "wx.txt")
    text = {sid: [p.text for p in s.paragraphs] for sid, s in r.sections.items()}
    assert text["O"] == ["全年完成门急诊21.3万人次。", "推广中医适宜技术32项。"]
    assert text["I"] == ["2024年6月前引进中医药专业技术人员5名，由人事科负责。"]
    assert text["Q"] == ["中医药人才储备不足。"]


def test_a_heading_word_is_no_section_inside_an_item():
    # 完成情况 names a section only as a heading of its own
    text = ("青溪县2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.新建道路3公里。\n二、目标完成情况\n"
            "1.道路建设完成情况：新建道路3公里。\n2.资金支付完成情况：支付120万元。\n")
    r = read_text(text, "t.txt")
    assert len(r.paragraphs("O")) == 2


CAPITAL = """青溪县第一中学2023年国家助学金绩效自评报告
壹、项目概况
我校2023年在校学生3,126人。
贰、绩效目标
1.资助家庭经济困难学生不少于1,260人。
叁、目标完成情况
1.资助家庭经济困难学生1,286人。
肆、存在问题
1.资助工作人员均为兼职。
伍、改进措施
1.2024年5月底前组织资助工作人员参加县级业务培训。
"""


def test_headings_numbered_with_capital_numerals():
    r = read_text(CAPITAL, "c.txt")
    assert [len(r.paragraphs(s)) for s in "GOQI"] == [1, 1, 1, 1]


TWO_COLUMN = """青溪县2023年土地综合整治项目支出绩效自评报告
项　　目     | 内　　容
项目名称     | 2023年土地综合整治项目
项目概况     | 项目在3个镇实施，共8个片区，建设规模1.2万亩，全年预算860.00万元。
绩效目标     | 1.新增耕地不少于600亩。
             | 2.8个片区工程质量合格率100%。
目标完成情况 | 1.新增耕地620亩，其中旱地420亩、水田200亩，完成年度目标的103.3%。
             | 2.8个片区全部通过验收，合格率100%。
存在问题     | 1.部分新增耕地耕作层偏薄。
改进措施     | 1.2024年起由县土地整理中心对新增耕地实施培肥。
"""


def test_a_report_as_one_two_column_table(tmp_path):
    from nlp_pipeline.ingest.reading import join_dumped_rows

    assert join_dumped_rows(TWO_COLUMN) is None  # its rows carry their pipes: no browser dump
    a = _analyze(tmp_path, TWO_COLUMN)
    r = a.report
    assert [len(r.paragraphs(s)) for s in "GOQI"] == [2, 2, 1, 1]
    assert r.paragraphs("B") and r.paragraphs("B")[0].text.startswith("项目在3个镇实施")
    # 620 of 600 is 103.3%: the share is of the total, not of its last part
    assert "ARITHMETIC_MISMATCH" not in [x.code for x in a.findings]


def test_one_slip_written_twice_is_one_finding(tmp_path):
    text = ("青溪县2023年土地整治项目绩效自评报告\n一、年度绩效目标\n1.新增耕地不少于1,200亩。\n二、目标完成情况\n"
            "1.新增耕地1,286.4亩，完成年度目标的107.2%。\n2.新增耕地1,286.4亩已纳入耕地保护目标管理。\n"
            "三、存在问题\n1.新增耕地1,268.4亩中约180亩需持续培肥。\n四、改进措施\n1.2024年起由县农业农村局组织培肥。\n")
    a = _analyze(tmp_path, text)
    found = [x for x in a.findings if x.code == "NUMBER_CONFLICT"]
    assert len(found) == 1
    assert {e.paragraph for e in found[0].evidence} == {"O1", "O2", "Q1"}


QA = """一问一答解读青溪县2023年度特困人员救助供养补助资金绩效自评情况
问一：这项资金主要用在哪些方面？
答：该项资金用于保障城乡特困人员基本生活。2023年全年预算860.40万元，全年执行840.12万元。
问二：年初设定了哪些绩效目标？
答：1.足额发放基本生活费，每人每年6,240元。
2.特困人员满意度不低于90%。
问三：这些目标完成得怎么样？
答：1.全年为862名特困人员发放基本生活费537.89万元。
2.委托第三方开展满意度调查，满意度96.5%。
问四：自评中发现了哪些问题？
答：1.部分敬老院消防设施老化。
问五：下一步如何改进？
答：1.2024年6月底前完成7所敬老院消防设施改造，由县民政局负责。
"""


def test_a_question_and_answer_page():
    r = read_text(QA, "qa.txt")
    text = {sid: [p.text for p in s.paragraphs] for sid, s in r.sections.items()}
    assert text["G"] == ["足额发放基本生活费，每人每年6,240元。", "特困人员满意度不低于90%。"]
    assert len(text["O"]) == 2 and text["O"][0].startswith("全年为862名")
    assert text["Q"] == ["部分敬老院消防设施老化。"]
    assert text["I"] == ["2024年6月底前完成7所敬老院消防设施改造，由县民政局负责。"]
    assert text["B"][0].startswith("该项资金用于")


@pytest.mark.parametrize("counter,found", [
    ("三、存在问题\n1.第四季度专项资金3.6万元因考核未结束尚未拨付。\n", True),
    ("2.该项目根据全年总体绩效目标正在进行中，专项资金将按进度使用。\n三、存在问题\n1.演出场地简陋。\n", False),
])
def test_funds_received_in_full_against_work_under_way(tmp_path, counter, found):
    text = ("青溪县文旅局2023年文化专项资金绩效自评报告\n一、绩效目标\n1.完成送戏下乡30场。\n二、绩效目标完成情况\n"
            "1.项目资金到位情况：专项资金20万元已全部到位，完成送戏下乡30场。\n" + counter +
            "四、改进措施\n1.2024年6月前由文旅局协调乡镇新增演出场地3处。\n")
    codes = _codes(tmp_path, text)
    assert ("CLAIM_CONTRADICTED" in codes) is found


ITEMS = """青溪县第一中学2023年国家助学金绩效自评报告
一、绩效目标
1.资助家庭经济困难学生不少于1,260人。
二、绩效指标完成情况
（一）数量指标。指标名称：受助学生人数；指标值：≥1,260人；完成值：1,286人；得分：10分（分值10分）。指标名称：免学杂费学生人数；指标值：≥580人；完成值：580人；得分：10分（分值10分）。
（二）成本指标。指标名称：生均资助标准；指标值：2,000元/生·年；完成值：2,000元/生·年；得分：5分（分值5分）。
（三）综合成效。资助育人成效显著，学生学习内生动力明显增强。
三、存在问题
1.资助工作人员均为兼职。
四、改进措施
1.2024年5月底前组织资助工作人员参加县级业务培训。
"""


def test_indicator_fields_inside_items_stay_the_items(tmp_path):
    a = _analyze(tmp_path, ITEMS)
    assert [p.number for p in a.report.paragraphs("O")] == ["（一）", "（二）", "（三）"]
    # a figure with its unit written as target and result is no repeated clause
    assert "REPEATED_TEXT" not in [x.code for x in a.findings]


PRINTOUT = """【项目名称】青溪县村医培训项目
【绩效指标】
三级指标：培训人数；年度指标值：≥400人；实际完成值：412人；得分：10分（分值10分）
三级指标：培训合格率；年度指标值：≥95%；实际完成值：96.5%；得分：10分（分值10分）
"""


def test_labelled_rows_of_a_printout_with_weights_in_brackets():
    r = read_text(PRINTOUT, "p.txt")
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in r.tasks for i in t.indicators]
    assert rows == [("培训人数", "≥400人", "412人", 10, 10), ("培训合格率", "≥95%", "96.5%", 10, 10)]


DITTO = """部门整体支出绩效自评表
部门名称\t青溪县妇女联合会
年度总体目标\t预期目标\t实际完成情况
〃\t①开展妇女技能培训不少于800人次；②救助困难妇女不少于60人；③新建“妇女之家”10个。\t1.培训妇女832人次。2.救助困难妇女63人。
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
〃\t产出指标\t数量指标\t妇女技能培训人次\t≥800人次\t832人次\t30\t30\t
〃\t〃\t〃\t“巾帼宣讲”场次\t≥{lectures}场\t46场\t20\t20\t
〃\t〃\t质量指标\t维权案件办结率\t≥95%\t{rate}\t30\t{score}\t{reason}
〃\t满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t94.6%\t20\t20\t
总分\t\t\t\t\t\t100\t{total}\t
"""


def _ditto(tmp_path, **kw):
    values = dict(lectures="40", rate="96.1%", score="30", reason="", total="100")
    values.update(kw)
    return _analyze(tmp_path, DITTO.format(**values))


def test_ditto_marks_and_circled_goals(tmp_path):
    a = _ditto(tmp_path)
    r = a.report
    assert [p.text for p in r.paragraphs("G")][0].startswith("开展妇女技能培训")
    assert len(r.paragraphs("G")) == 3  # ①②③ in one cell are three goals
    assert len([i for t in r.tasks for i in t.indicators]) == 4
    assert not [x.code for x in a.findings if x.code not in ("GOAL_WITHOUT_OUTCOME",)]


@pytest.mark.parametrize("kw,code", [
    (dict(lectures="XX"), "UNFILLED_FORM"),  # a target the template masked
    (dict(rate="92.26%", reason="满足指标要求"), "INDICATOR_SHORTFALL"),  # a shortfall said to meet it
    (dict(rate="92.26%", score="29.1", reason="不可控因素", total="99.1"), "DEVIATION_UNEXPLAINED"),
])
def test_ditto_form_defects(tmp_path, kw, code):
    assert code in [x.code for x in _ditto(tmp_path, **kw).findings]


@pytest.mark.parametrize("basis,rate,codes", [
    ("《青溪县财政局关于下达2023年土地整治项目资金的通知》（青财资〔2023〕18号）", "92.74%", set()),
    ("《青溪县财政局关于下达2023年土地整治项目资金的通知》（青财资〔2023〕〕18号）", "92.74%", {"CITATION_MALFORMED"}),
    ("《青溪县财政局关于下达2023年土地整治项目资金的通知》（青财资〔2023〕18号）", "93.74%", {"ARITHMETIC_MISMATCH"}),
])
def test_the_basic_rows_of_a_two_column_report(tmp_path, basis, rate, codes):
    text = ("青溪县2023年土地综合整治项目支出绩效自评报告\n项　　目     | 内　　容\n"
            f"项目依据     | {basis}\n"
            f"资金情况     | 项目全年预算1,846.50万元，全年执行1,712.38万元，预算执行率{rate}。\n"
            "绩效目标     | 1.新增耕地不少于600亩。\n"
            "目标完成情况 | 1.新增耕地620亩。\n"
            "存在问题     | 1.部分新增耕地耕作层偏薄。\n"
            "改进措施     | 1.2024年起由县土地整理中心对新增耕地实施培肥。\n")
    got = {x.code for x in _analyze(tmp_path, text).findings}
    assert got & {"CITATION_MALFORMED", "ARITHMETIC_MISMATCH"} == codes


@pytest.mark.parametrize("total,found", [("93.7", False), ("94.7", True)])
def test_scores_with_bracketed_weights_as_separate_lines(tmp_path, total, found):
    text = WECHAT.replace("★综合得分94.7分", "★投入（15分）：得分14.2分\n★过程（15分）：得分13.6分\n"
                                           "★产出（40分）：得分37.5分\n★效益（30分）：得分28.4分\n"
                                           f"★综合得分{total}分")
    codes = _codes(tmp_path, text)
    assert ("SCORE_MISMATCH" in codes) is found


@pytest.mark.parametrize("sentence,found", [
    ("医院服务能力持续向好，中医药特色优势进一步彰显，群众口碑稳步攀升。", True),
    ("全年门急诊量较上年增长6.8%，群众口碑持续向好。", False),
])
def test_trends_told_with_no_figure(tmp_path, sentence, found):
    text = WECHAT.replace("▲推广中医适宜技术32项。", "▲推广中医适宜技术32项。\n▲" + sentence)
    codes = _codes(tmp_path, text)
    assert ("UNSUPPORTED_CLAIM" in codes) is found


@pytest.mark.parametrize("sentence,found", [
    ("坚持中西医并重，推进中西医协同诊疗，坚持中西医并重，全年联合会诊1,286例。", True),
    ("坚持中西医并重，推进中西医协同诊疗，全年联合会诊1,286例。", False),
])
def test_a_short_clause_written_twice_in_one_sentence(tmp_path, sentence, found):
    text = WECHAT.replace("▲推广中医适宜技术32项。", "▲推广中医适宜技术32项。\n▲" + sentence)
    codes = _codes(tmp_path, text)
    assert ("REPEATED_TEXT" in codes) is found


PAIRS = """青溪镇人民政府2023年度部门整体支出绩效自评报告
一、年度绩效目标
1.完成农村户厕改造120户。
二、目标完成情况
1.完成农村户厕改造120户。
三、存在的问题及改进措施
1.问题：部分村组道路管护责任落实不到位，路肩破损时有发生。措施：2024年3月底前由镇交通站与各村签订道路管护责任书。
2.问题：镇级可用财力有限，部分民生项目配套资金保障压力较大。
"""


def test_problems_and_measures_written_in_pairs(tmp_path):
    a = _analyze(tmp_path, PAIRS)
    r = a.report
    assert [p.text for p in r.paragraphs("Q")] == ["部分村组道路管护责任落实不到位，路肩破损时有发生。",
                                                 "镇级可用财力有限，部分民生项目配套资金保障压力较大。"]
    assert [p.text for p in r.paragraphs("I")] == ["2024年3月底前由镇交通站与各村签订道路管护责任书。"]
    found = [x for x in a.findings if x.code == "PROBLEM_WITHOUT_MEASURE"]
    assert found and {e.paragraph for e in found[0].evidence} == {"Q2"}


@pytest.mark.parametrize("tail,cut", [
    ("社会效益指标\t受益群众满意度\t≥90%\t95%\t10\t10\n", False),  # the table complete
    ("生态效益指标\t\t\t\t\t\n可持续影响指标\t\t\t\t\t\n……\n满意", True),  # stops at the next group
    ("可持续影响", True),
])
def test_a_table_cut_where_the_next_group_starts(tmp_path, tail, cut):
    from nlp_pipeline.detect._textcommon import table_cut_short

    text = ("青溪县村级补助经费2023年项目支出绩效自评表\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            "产出指标\t数量指标\t补助村数\t12个\t12个\t30\t30\t\n"
            "\t质量指标\t资金发放准确率\t100%\t100%\t30\t30\t\n"
            "效益指标\t经济效益指标\t村集体增收\t≥5万元\t5.2万元\t20\t20\t\n" + tail)
    a = _analyze(tmp_path, text)
    assert table_cut_short(a.report) is cut


@pytest.mark.parametrize("result,found", [("300吨", True), ("310亩", False), ("0.2万亩", False)])
def test_a_target_and_result_in_one_sentence_in_other_measures(tmp_path, result, found):
    text = ("青溪县五德镇2023年肉牛养殖项目绩效自评报告\n一、绩效目标\n1.配套种植饲草不少于300亩。\n二、目标完成情况\n"
            f"1.配套种植青贮玉米等饲草，年度指标值为不少于300亩，实际完成{result}。\n")
    codes = _codes(tmp_path, text)
    assert ("UNIT_MISMATCH" in codes) is found


@pytest.mark.parametrize("average,found", [("6,350元", True), ("6,240元", False)])
def test_an_average_per_person_per_year(tmp_path, average, found):
    text = ("青溪县民政局2023年特困人员救助供养资金绩效自评报告\n一、绩效目标\n1.按每人每年6,240元标准足额发放基本生活费。\n"
            f"二、目标完成情况\n1.全年为1,862名特困人员发放基本生活费1,161.89万元，人均每年{average}。\n")
    codes = _codes(tmp_path, text)
    assert ("ARITHMETIC_MISMATCH" in codes) is found


@pytest.mark.parametrize("outcome,found", [
    ("为全县特困人员统一购买意外伤害保险，参保率100%。", True),
    ("为全县特困人员统一购买意外伤害保险，支出保费18.62万元，参保1,862人。", False),
])
def test_an_outcome_adding_figures_to_its_goal_reports_them(tmp_path, outcome, found):
    text = ("青溪县民政局2023年特困人员救助供养资金绩效自评报告\n一、绩效目标\n1.为全县特困人员统一购买意外伤害保险，参保率100%。\n"
            f"二、目标完成情况\n1.{outcome}\n")
    codes = _codes(tmp_path, text)
    assert ("OUTCOME_RESTATES_GOAL" in codes) is found


@pytest.mark.parametrize("said,found", [("96.17", False), ("94.17", True)])
def test_the_score_in_the_text_against_the_tables_total(tmp_path, said, found):
    text = ("青溪县第二中学2023年度部门整体支出绩效自评报告\n一、自评结论\n"
            f"1.经自评，本单位自评得分{said}分，评价等级为优。\n"
            "二、绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t数量指标\t维修校舍面积\t≥6000平方米\t6240平方米\t40\t40\n"
            "\t质量指标\t验收合格率\t100%\t100%\t30\t30\n"
            "效益指标\t社会效益指标\t学生满意度\t≥90%\t92%\t20\t20\n"
            "预算执行\t\t预算执行率\t100%\t96.17%\t10\t6.17\n"
            "总分\t\t\t\t\t100\t96.17\n")
    codes = _codes(tmp_path, text)
    assert ("SCORE_MISMATCH" in codes) is found


@pytest.mark.parametrize("outcome,found", [
    ("满意度：本年度要确保周边群众满意度达到90%以上。", True),
    ("满意度：委托第三方调查，周边群众满意度为93.5%。", False),
])
def test_an_item_title_is_no_word_the_outcome_adds(tmp_path, outcome, found):
    text = ("北京市青溪区园林绿化局2023年平原生态林养护项目绩效报告\n一、绩效目标\n1.周边群众满意度达到90%以上。\n"
            f"二、目标完成情况\n1.{outcome}\n")
    codes = _codes(tmp_path, text)
    assert ("OUTCOME_RESTATES_GOAL" in codes) is found


@pytest.mark.parametrize("said,found", [("32项", True), ("36项", False)])
def test_one_work_said_where_and_when(tmp_path, said, found):
    text = ("青溪县中医医院2023年度部门整体支出绩效自评报告\n一、年度目标\n1.推广中医适宜技术不少于30项。\n"
            "二、完成情况\n1.在院内和基层推广中医适宜技术36项。\n三、自评结论\n"
            f"1.总体来看，医院全年推广中医适宜技术{said}，年度目标均已实现。\n")
    codes = _codes(tmp_path, text)
    assert ("NUMBER_CONFLICT" in codes) is found
