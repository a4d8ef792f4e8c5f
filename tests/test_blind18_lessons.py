"""Lessons of blind18's first run (own invented text, in the shapes that run showed)."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text
from nlp_pipeline.pipeline import analyze

# A summary report over several projects: one part per project, each written as labelled
# items (绩效目标： / 完成情况： / 自评得分：).
SUMMARY = """青溪县水利局2023年度项目支出绩效自评汇总报告
一、{basic_head}
2023年本局纳入绩效自评的项目共2个，全年预算合计520.00万元，实际支出502.40万元。
二、{projects_head}
（一）河道保洁项目
1.绩效目标：对全县河道86公里实施常态化保洁，保洁覆盖率不低于95%。
2.完成情况：全年对河道86公里实施常态化保洁，保洁覆盖率97.5%。
3.自评得分：95.6分。
（二）农村饮水维修项目
1.绩效目标：完成32处农村饮水工程维修，按期足额拨付维修补助，保障群众饮水安全。
2.完成情况：完成32处农村饮水工程维修，{outcome_tail}
3.自评得分：91.2分。
三、{overall_head}
2023年，本局2个项目资金使用规范，项目绩效目标总体实现。
四、存在的问题
1.河道保洁以人工为主，效率不高。
五、改进措施
1.2024年6月底前购置保洁船2艘，由河道管理站负责。
"""


def _summary(tmp_path, **kw):
    values = dict(basic_head="项目支出总体情况", projects_head="分项目绩效自评情况", overall_head="总体评价",
                  outcome_tail="将按期足额拨付维修补助，力争保障群众饮水安全。")
    values.update(kw)
    f = tmp_path / "summary.txt"
    f.write_text(SUMMARY.format(**values), encoding="utf-8")
    return f


@pytest.mark.parametrize("projects_head", ["分项目绩效自评情况", "各项目自评情况"])
def test_a_summary_reports_project_parts_are_key_projects(tmp_path, projects_head):
    f = _summary(tmp_path, projects_head=projects_head)
    r = read_text(f.read_text(encoding="utf-8"), str(f))
    ks = r.paragraphs("K")
    assert len(ks) == 6 and [p.kind for p in ks].count("goal") == 2
    assert r.paragraphs("B")[0].text.startswith("2023年本局纳入")
    assert r.paragraphs("P")[0].text.startswith("2023年，本局2个项目")


def test_a_projects_goal_item_is_no_claim_and_its_restatement_is_found(tmp_path):
    found = [(x.code, x.evidence[0].paragraph) for x in analyze(_summary(tmp_path), mode="lexical").findings]
    # the goal item (按期足额拨付) claims nothing; the result item in plan words restates it
    assert not [c for c, _ in found if c == "CLAIM_CONTRADICTED"]
    assert not [c for c, _ in found if c == "DUPLICATE_PARAGRAPH"]
    restated = [x for x in analyze(_summary(tmp_path), mode="lexical").findings if x.code == "OUTCOME_RESTATES_GOAL"]
    assert restated and {e.paragraph for e in restated[0].evidence} == {"K4", "K5"}


@pytest.mark.parametrize("tail", ["已按期足额拨付维修补助，群众饮水安全得到保障。", "维修补助已全部拨付到位。"])
def test_a_result_item_is_no_restatement(tmp_path, tail):
    f = _summary(tmp_path, outcome_tail=tail)
    assert not [x for x in analyze(f, mode="lexical").findings if x.code == "OUTCOME_RESTATES_GOAL"]


@pytest.mark.parametrize("clause", ["剩余6处于2024年4月完工", "其余6处顺延至2024年4月完工"])
def test_a_late_part_disclosed_with_its_date_is_no_date_defect(tmp_path, clause):
    f = _summary(tmp_path, outcome_tail=f"受汛期影响，{clause}。")
    assert not [x for x in analyze(f, mode="lexical").findings if x.code == "DATE_OUT_OF_PERIOD"]


# A print-out of a budget system: fields labelled in 【】, indicator rows as labelled fields.
PRINTOUT = """预算管理一体化系统
项目支出绩效自评报告
【项目名称】2023年农村公路养护项目
【主管部门】青溪县交通运输局
【项目概况】
全县农村公路里程612公里，其中县道108公里、乡道504公里。
【年度绩效目标】
1.完成612公里农村公路日常养护。
【绩效指标完成情况】
一级指标：产出指标{sep}二级指标：数量指标{sep}三级指标：日常养护里程{sep}年度指标值：≥612公里{sep}实际完成值：612公里{sep}分值：20{sep}得分：20{sep}偏差原因：无
一级指标：产出指标{sep}二级指标：成本指标{sep}三级指标：每公里养护补助{sep}年度指标值：≤0.5万元{sep}实际完成值：0.48元{sep}分值：20{sep}得分：20{sep}偏差原因：无
一级指标：满意度指标{sep}二级指标：服务对象满意度指标{sep}三级指标：沿线群众满意度{sep}年度指标值：≥90%{sep}实际完成值：93%{sep}分值：10{sep}得分：10{sep}偏差原因：无
【目标完成情况】
1.全年完成612公里农村公路日常养护，每公里补助0.48万元。
【存在问题】
1.养护机械不足。
【改进措施】
1.2024年6月底前购置养护机械2台。
"""


@pytest.mark.parametrize("sep", ["；", ";", "  "])
def test_bracket_labels_and_rows_of_labelled_fields(sep):
    r = read_text(PRINTOUT.format(sep=sep), "p.txt")
    assert [p.text[:6] for p in r.paragraphs("G")] == ["完成612公"]
    assert [p.text[:6] for p in r.paragraphs("Q")] == ["养护机械不足"]
    assert r.paragraphs("B")[0].text.startswith("全县农村公路里程")
    rows = [(i.level2, i.name, i.target, i.result, i.weight, i.score) for t in r.tasks for i in t.indicators]
    assert rows[0] == ("数量指标", "日常养护里程", "≥612公里", "612公里", 20, 20)
    assert rows[2][1:4] == ("沿线群众满意度", "≥90%", "93%")


def test_a_unit_slip_is_one_finding_not_also_a_magnitude(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text(PRINTOUT.format(sep="；"), encoding="utf-8")
    codes = [x.code for x in analyze(f, mode="lexical").findings]
    assert "UNIT_MISMATCH" in codes and "IMPLAUSIBLE_MAGNITUDE" not in codes


# A 情况说明 letter: half-width 「一.」 headings, (一) items with their text, ① items, a key-value
# indicator table (one field a line, a blank line between rows) and a signature dated in
# Chinese numerals.
LETTER = """关于青溪镇2023年度部门整体支出绩效自评情况的说明
一.基本情况
(一)机构职能。青溪镇辖12个行政村。
二.年度绩效目标
①垃圾分类：新建垃圾分类投放点80个。
三.{outcome_head}
①垃圾分类：新建垃圾分类投放点80个，配备督导员30名。
四.绩效指标完成情况
指标序号：1
一级指标：产出指标
二级指标：数量指标
三级指标：新建垃圾分类投放点
年度指标值：≥80个
实际完成值：80个
分值：10
自评得分：10
偏差原因：无

指标序号：2
一级指标：满意度指标
二级指标：服务对象满意度指标
三级指标：群众满意度
年度指标值：≥90%
实际完成值：94%
分值：10
自评得分：10
偏差原因：无

五.自评结论
(一)自评得分。我镇自评得分95分，等级为优。
(二)主要成效。全年新建垃圾分类投放点80个。
六.整改措施
①进一步加大宣传力度，切实提高群众垃圾分类意识，推动垃圾分类工作提质增效。

青溪镇人民政府
{date}
"""


@pytest.mark.parametrize("outcome_head", ["目标完成情况", "主要履职成效"])
@pytest.mark.parametrize("date", ["二〇二四年三月八日", "2024年3月8日"])
def test_a_letter_with_blocks_of_fields_and_a_signature_in_numerals(tmp_path, outcome_head, date):
    text = LETTER.format(outcome_head=outcome_head, date=date)
    r = read_text(text, "letter.txt")
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in r.tasks for i in t.indicators]
    assert rows == [("新建垃圾分类投放点", "≥80个", "80个", 10, 10), ("群众满意度", "≥90%", "94%", 10, 10)]
    assert [p.text[:4] for p in r.paragraphs("O")] == ["垃圾分类"]
    # the conclusion's items stay in it, the one naming its results too
    assert [p.text[:4] for p in r.paragraphs("P")] == ["自评得分", "主要成效"]
    # the signature is no part of the last measure, which is vague
    assert r.paragraphs("I")[-1].text.endswith("提质增效。")
    f = tmp_path / "letter.txt"
    f.write_text(text, encoding="utf-8")
    assert "VAGUE_MEASURE" in [x.code for x in analyze(f, mode="lexical").findings]


@pytest.mark.parametrize("lead", ["由", "向", "经"])
def test_a_one_character_county_writes_its_short_name_after_a_word(tmp_path, lead):
    f = tmp_path / "r.txt"
    f.write_text("磁县教育局2023年度部门整体支出绩效自评报告\n一、部门概况\n磁县教育局负责全县教育管理。\n"
                 "二、年度绩效目标\n1.完成校舍维修12所。\n三、目标完成情况\n1.全年完成校舍维修12所。\n"
                 f"四、改进措施\n1.2024年6月底前完成全部校舍安全排查，{lead}县教育局基建股负责。\n", encoding="utf-8")
    assert "NAME_VARIANT" not in [x.code for x in analyze(f, mode="lexical").findings]


# A whole form run onto one line (a .wps file's text with its properties in front).
ONE_LINE = ("admin 2 2024-01-09T01:27:00Z 2052-11.1.0.15417 False 项目支出绩效自评表 （2023年度） 项目名称 "
            "2023年青溪县学生营养改善项目 主管部门 青溪县教育局 年度总体目标 预期目标 实际完成情况 "
            "1.为全县学生提供营养餐补助，覆盖学生4,800人。 2.食品安全抽检合格率达到98%以上。 "
            "1.全年为4,800名学生提供营养餐补助。 2.食品安全抽检合格率97.1%。 "
            "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 受助学生人数 ≥4800人 4800人 20 20 无 质量指标 食品安全抽检合格率 ≥98% 97.1% 20 18 "
            "{claim} 时效指标 补助发放及时率 ≥95% 91.5% 10 8 无 效益指标(40分) 社会效益指标 学生营养状况改善 {target} "
            "明显改善 40 40 无 满意度指标(10分) 服务对象满意度指标 家长满意度 ≥90% 95% 10 10 无 总分 100 96 "
            "存在问题 1.部分学校食堂设施陈旧，抽检合格率未达98%。 改进措施 1.2024年6月底前更新12所学校食堂设备。")


@pytest.mark.parametrize("claim", ["达成预期指标", "已达到预期目标"])
def test_a_form_on_one_line(tmp_path, claim):
    text = ONE_LINE.format(claim=claim, target="（请填写）")
    r = read_text(text, "one.txt")
    assert [p.text[:6] for p in r.paragraphs("G")] == ["为全县学生提", "食品安全抽检"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["全年为4,8", "食品安全抽检"]
    rows = {i.name: i for t in r.tasks for i in t.indicators}
    assert rows["食品安全抽检合格率"].reason == claim and rows["补助发放及时率"].level2 == "时效指标"
    f = tmp_path / "one.txt"
    f.write_text(text, encoding="utf-8")
    found = analyze(f, mode="lexical").findings
    codes = [x.code for x in found]
    # a miss the row calls reached; a miss with no cause in its own row (the problems speak of
    # the other one); the template's instruction left in a target cell
    assert "INDICATOR_SHORTFALL" in codes and "DEVIATION_UNEXPLAINED" in codes
    assert any(x.code == "UNFILLED_FORM" and "请填写" in x.message for x in found)


@pytest.mark.parametrize("clause", ["加强执法装备配置", "完善渔港管护制度"])
def test_a_clause_of_words_written_twice_in_one_sentence(tmp_path, clause):
    f = tmp_path / "r.txt"
    f.write_text("青溪县渔业局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.完成渔船安全检查800艘次。\n"
                 "二、目标完成情况\n1.全年完成渔船安全检查826艘次。\n三、存在问题\n1.执法船艇不足。\n"
                 f"四、改进措施\n1.2024年6月底前申请增加执法编制4名，{clause}，新购置执法快艇2艘，{clause}，由执法大队负责。\n",
                 encoding="utf-8")
    assert "REPEATED_TEXT" in [x.code for x in analyze(f, mode="lexical").findings]


def test_a_phrase_said_again_in_the_next_item_is_no_repeat(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("青溪县渔业局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.完成渔船安全检查800艘次。\n"
                 "二、目标完成情况\n1.组织执法人员到各渔港开展安全检查宣传活动；2.全年到各渔港开展安全检查宣传活动，共检查渔船826艘次。\n",
                 encoding="utf-8")
    assert "REPEATED_TEXT" not in [x.code for x in analyze(f, mode="lexical").findings]


def test_a_printouts_header_fields_give_its_unit_and_year():
    r = read_text(PRINTOUT.format(sep="；"), "p.txt")
    assert r.organisation == "青溪县交通运输局" and r.year == 2023


def test_the_profile_pasted_into_the_outcomes_is_a_duplicate(tmp_path):
    text = PRINTOUT.format(sep="；").replace(
        "1.全年完成612公里农村公路日常养护，每公里补助0.48万元。",
        "1.全年完成612公里农村公路日常养护，每公里补助0.48万元。\n2.全县农村公路里程612公里，其中县道108公里、乡道504公里。")
    f = tmp_path / "p.txt"
    f.write_text(text, encoding="utf-8")
    dup = [x for x in analyze(f, mode="lexical").findings if x.code == "DUPLICATE_PARAGRAPH"]
    assert dup and {e.section for e in dup[0].evidence} == {"B", "O"}


@pytest.mark.parametrize("verb", ["投入维修资金", "支出维修资金"])
def test_money_put_into_one_site_above_the_whole_budget(tmp_path, verb):
    text = PRINTOUT.format(sep="；").replace(
        "1.全年完成612公里农村公路日常养护，每公里补助0.48万元。",
        f"1.全年完成612公里农村公路日常养护，其中对青石桥{verb}612.40万元。")
    text = text.replace("【项目概况】", "【资金情况】\n全年预算：486.00万元；全年执行：472.38万元。\n【项目概况】")
    f = tmp_path / "p.txt"
    f.write_text(text, encoding="utf-8")
    assert any(x.code == "IMPLAUSIBLE_MAGNITUDE" and "612.40" in x.message for x in analyze(f, mode="lexical").findings)


# A department form as an HTML table, one field of it left with nothing in it.
HTML_FORM = """<html><body><table>
<tr><td>部门名称</td><td colspan="3">青溪县统计局</td></tr>
<tr><td>年度绩效目标</td><td colspan="3">1.完成常规统计调查任务不少于20项。</td></tr>
<tr><td>目标完成情况</td><td colspan="3">1.全年完成常规统计调查22项。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>统计调查任务数</td><td>≥20项</td><td>22项</td><td>50</td><td>50</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>数据使用者满意度</td><td>≥90%</td><td>95%</td><td>50</td><td>50</td></tr>
<tr><td>存在问题</td><td colspan="3">1.基层统计人员不足。</td></tr>
<tr><td>改进措施</td><td colspan="3">1.2024年6月底前招聘统计员2名。</td></tr>
<tr><td>{label}</td><td colspan="3">{value}</td></tr>
<tr><td>填表人</td><td>王某</td><td>填报日期</td><td>2024年3月1日</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("label", ["自评结论", "评价结论"])
def test_a_form_field_left_empty_is_unfilled(tmp_path, label):
    f = tmp_path / "form.html"
    f.write_text(HTML_FORM.format(label=label, value=""), encoding="utf-8")
    found = [x for x in analyze(f, mode="lexical").findings if x.code == "UNFILLED_FORM"]
    assert found and "自评结论" in found[0].message
    g = tmp_path / "form2.html"
    g.write_text(HTML_FORM.format(label=label, value="自评得分95分，等级为优。"), encoding="utf-8")
    assert not [x for x in analyze(g, mode="lexical").findings if x.code == "UNFILLED_FORM"]


@pytest.mark.parametrize("measure", [
    "进一步加强森林草原防火队伍建设，不断提高思想认识，切实增强责任意识，推动全旗林草防火工作再上新台阶。",
    "进一步加强基层统计队伍建设，不断提升业务能力，切实增强服务意识，推动全县统计工作迈上新台阶。",
])
def test_a_long_measure_of_generic_clauses_is_vague(tmp_path, measure):
    f = tmp_path / "r.txt"
    f.write_text("青溪县林业局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.完成造林1.2万亩。\n"
                 "二、目标完成情况\n1.全年完成造林1.26万亩。\n三、存在问题\n1.扑火装备老化。\n"
                 f"四、改进措施\n1.{measure}\n", encoding="utf-8")
    assert "VAGUE_MEASURE" in [x.code for x in analyze(f, mode="lexical").findings]


@pytest.mark.parametrize("problem,found", [("1.造林地块分散，补植任务较重。", True), ("1.护林员队伍年龄偏大，招聘困难。", False)])
def test_a_reason_pointing_to_problems_that_do_not_name_it(tmp_path, problem, found):
    text = LETTER.format(outcome_head="目标完成情况", date="2024年3月8日").replace(
        "实际完成值：94%\n分值：10\n自评得分：10\n偏差原因：无",
        "实际完成值：84%\n分值：10\n自评得分：8\n偏差原因：详见存在的问题部分").replace(
        "三级指标：群众满意度", "三级指标：护林员到岗率").replace(
        "六.整改措施", f"六.存在问题\n{problem}\n七.整改措施")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    codes = [x.code for x in analyze(f, mode="lexical").findings]
    assert ("DEVIATION_UNEXPLAINED" in codes) == found


@pytest.mark.parametrize("said,found", [("28项", True), ("26项", False)])
def test_a_sentence_and_a_table_row_counting_one_work(tmp_path, said, found):
    f = tmp_path / "form.html"
    body = HTML_FORM.format(label="自评结论", value="自评得分95分。").replace(
        "1.全年完成常规统计调查22项。", f"1.全年完成国家、省、市布置的常规统计调查{said}，数据均按时上报。").replace(
        "<td>统计调查任务数</td><td>≥20项</td><td>22项</td>", "<td>常规统计调查任务完成数</td><td>≥20项</td><td>26项</td>")
    f.write_text(body, encoding="utf-8")
    codes = [x.code for x in analyze(f, mode="lexical").findings]
    assert ("NUMBER_CONFLICT" in codes) == found


@pytest.mark.parametrize("late", ["剩余批次苗种调整至2024年春季放流", "其余苗种推迟至2024年春季放流"])
def test_a_whole_claim_against_a_part_left_for_next_year(tmp_path, late):
    f = tmp_path / "r.txt"
    f.write_text("青溪县渔业局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.实施增殖放流，全年放流苗种1.2亿尾。\n"
                 "2.开展渔船安全检查不少于1,200艘次。\n二、目标完成情况\n"
                 f"1.增殖放流方面，全年放流苗种1.06亿尾。受台风影响，{late}。\n2.渔业安全方面，全年检查渔船1,326艘次。\n"
                 "三、自评结论\n2023年，本局全面完成增殖放流、渔业安全等年度目标任务。\n", encoding="utf-8")
    found = [x for x in analyze(f, mode="lexical").findings if x.code == "CLAIM_CONTRADICTED"]
    assert found and {e.paragraph for e in found[0].evidence} == {"P1", "O1"}
