"""Lessons of the nineteenth session, in invented text of the shapes real pages showed.

realcheck19 (an auditor reading twenty real pages) listed defects the tool did not find:
a word written twice in a row (主要包括包括辅具适配), and a 部门整体 report whose 年度工作计划
paragraph under 部门基本情况 is pasted whole as its 绩效目标. The gold sets also showed the
rate of a 项目资金 row found but named B where the form's table is meant (TBL)."""
from __future__ import annotations

import pytest

from nlp_pipeline.pipeline import analyze

NARR = """青石县残疾人联合会2023年度残疾人康复项目支出绩效自评报告
一、项目基本情况
青石县残疾人联合会负责全县残疾人康复、就业和托养服务。
二、绩效目标
全年为120名残疾儿童提供康复训练，为80名残疾人适配辅助器具。
三、绩效目标完成情况
{outcome}
四、存在的问题
个别乡镇康复机构专业人员不足，康复训练时长不够。
五、改进措施
2024年3月前为乡镇康复机构培训专业人员10名，确保每名儿童每周训练不少于5小时。
"""

OUTCOME = "全年为120名残疾儿童提供康复训练，{body}为80名残疾人适配辅助器具，康复服务覆盖全县15个乡镇。"


def _report(tmp_path, outcome: str, name: str = "r.txt") -> list:
    f = tmp_path / name
    f.write_text(NARR.format(outcome=outcome), encoding="utf-8")
    return analyze(str(f)).findings


def _doubled(findings) -> list:
    return [f for f in findings if f.rule_id == "TXT.DOUBLED_WORD"]


# the slip in several words, places and widths: each is one finding quoting the doubled word
@pytest.mark.parametrize("body, word", [
    ("项目主要包括包括辅具适配和康复训练，", "包括"),
    ("对辅具进行进行了统一调试，", "进行"),
    ("各乡镇康复站开展开展上门服务２６次，", "开展"),
    ("按时完成了康复康复评估，", "康复"),
    ("组织组织专家复核适配方案，", "组织"),
])
def test_a_word_written_twice_in_a_row_is_a_slip(tmp_path, body, word):
    found = _doubled(_report(tmp_path, OUTCOME.format(body=body)))
    assert len(found) == 1
    f = found[0]
    assert f.code == "REPEATED_TEXT"
    assert f.evidence[0].quote == word + word
    assert f.evidence[0].paragraph.startswith("O")


# words doubled on purpose or by counting out, a word and a longer word that begins with it,
# header cells run together and two cells joined: none is a slip
@pytest.mark.parametrize("body", [
    ("辅具一批一批分发到户，"),
    ("康复完成完成率达到100%，"),
    ("请专家研究研究后再定方案，"),
    ("家家户户都有康复联络员，"),
    ("二级指标指标内容均已填报，"),
    (""),
])
def test_no_slip_without_a_doubled_word(tmp_path, body):
    assert _doubled(_report(tmp_path, OUTCOME.format(body=body))) == []


TABLE = """青石县民政局2023年度临时救助项目支出绩效自评表
| 序号 | 项目 | 年度目标 | 实际完成 |
| 1 | 人道救助 | 救助困难群众不少于600户 | 走访慰问困难群众642户 |
| 2 | 应急救助 | 救助受灾群众不少于100户 | 救助受灾群众118户 |
存在问题：救助标准偏低。
改进措施：2024年将救助标准提高到每户1,500元。
"""


def test_two_cells_ending_and_beginning_with_a_word_are_no_slip(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text(TABLE, encoding="utf-8")
    assert _doubled(analyze(str(f)).findings) == []


# --- a paragraph of the basic part pasted whole as the goals ------------------------------

PLAN = "以人为本，科学管理，巩固成果，积极创新，提高教学质量，提升办学水平，向学校管理科学化、办学条件标准化、教学手段现代化迈进，努力办好人民满意的教育。"
DEPT = """青石县第三小学2023年度部门整体支出绩效自评报告
一、部门基本情况
（一）部门概况
1、部门职能
实施小学义务教育，促进基础教育发展。
2、年度工作计划及重点工作任务情况
{plan}
（二）当年部门整体支出绩效目标
{goal}
德育工作：健全德育机构，开展主题班会每月不少于2次。
二、绩效目标完成情况
全年开展主题班会26次，学生体质健康测试合格率96.5%。
三、存在的问题
部分教师信息化教学能力不足。
四、改进措施
2024年上半年组织全体教师参加信息化教学培训不少于20学时。
"""


def _dup(tmp_path, plan: str, goal: str) -> list:
    f = tmp_path / "d.txt"
    f.write_text(DEPT.format(plan=plan, goal=goal), encoding="utf-8")
    return [x for x in analyze(str(f)).findings if x.code == "DUPLICATE_PARAGRAPH"]


@pytest.mark.parametrize("goal", [
    PLAN,
    PLAN.replace("，", ","),  # half-width commas, as many sites publish
    PLAN.replace("努力办好人民满意的教育。", "努力办好人民满意的教育"),
])
def test_the_plan_of_the_basic_part_pasted_whole_as_the_goal_is_a_copy(tmp_path, goal):
    found = _dup(tmp_path, PLAN, goal)
    assert len(found) == 1
    places = {e.paragraph for e in found[0].evidence}
    assert any(p.startswith("B") for p in places) and any(p.startswith("G") for p in places)


@pytest.mark.parametrize("goal", [
    # the plan restated in the goal's own words: expected, no copy
    "坚持以人为本和科学管理，全年教学质量稳步提升，学校管理和办学条件向标准化迈进。",
    # a short clause of the plan quoted in a longer goal
    "以人为本，科学管理，全年组织教研活动不少于30次，开展校本培训12期，建成录播教室1间，完成图书更新2,000册。",
])
def test_the_plan_restated_or_quoted_in_part_is_no_copy(tmp_path, goal):
    assert _dup(tmp_path, PLAN, goal) == []


# --- the rows of a project form's funds block are the form's table -----------------------

FORM = """项目支出绩效自评表
（2023年度）
{bar}项目名称{bar}青石县农机购置补贴{bar}
{bar}主管部门{bar}青石县农业农村局{bar}
{bar}{funds}{bar}{bar}全年预算数{bar}全年执行数{bar}执行率{bar}
{bar}{bar}年度资金总额{bar}500.00{bar}480.00{bar}96.00%{bar}
{bar}{bar}其中：中央财政资金{bar}400.00{bar}388.00{bar}98.00%{bar}
{bar}{bar}地方资金{bar}100.00{bar}92.00{bar}92.00%{bar}
{bar}绩效指标{bar}一级指标{bar}二级指标{bar}三级指标{bar}年度指标值{bar}实际完成值{bar}分值{bar}得分{bar}
{bar}{bar}产出指标{bar}数量指标{bar}补贴机具数量{bar}≥600台{bar}612台{bar}50{bar}50{bar}
{bar}{bar}满意度指标{bar}服务对象满意度{bar}农户满意度{bar}≥90%{bar}95%{bar}50{bar}50{bar}
"""


@pytest.mark.parametrize("bar, funds", [("|", "资金情况（万元）"), ("｜", "资金情况（万元）"), ("|", "项目资金（万元）")])
def test_a_wrong_row_rate_in_the_funds_block_is_named_as_the_table(tmp_path, bar, funds):
    f = tmp_path / "f.txt"
    f.write_text(FORM.format(bar=bar, funds=funds), encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.rule_id == "NUM.BUDGET_PARTS"]
    assert len(found) == 1
    assert "97.00" in found[0].message  # 388.00 / 400.00
    assert {e.paragraph for e in found[0].evidence} == {"TBL"}


# --- learned from blind32 (scored first at ad7ff05) --------------------------------------
# A department form gives its total twice, by source and by kind; a reason cell that names
# only a vague kind of cause; a 偏差 cell that says the target was reached; a claim of
# praise written with 得到了; a process heading holding the word 绩效目标; a form's goal row
# exported with tabs.

DEPT_FORM = """青石县农业农村局2023年度部门整体支出绩效自评表
填报单位：青石县农业农村局\t\t\t单位：万元
整体支出规模\t项目\t全年预算数\t全年执行数\t执行率
\t合计\t1,000.00\t950.00\t95.00%
\t资金来源：（1）财政拨款\t900.00\t860.00\t95.56%
\t（2）其他资金\t100.00\t90.00\t90.00%
\t资金结构：（1）基本支出\t600.00\t{basic}\t98.33%
\t（2）项目支出\t400.00\t360.00\t90.00%
年度总体目标\t年初设定目标\t\t全年完成情况
\t稳定粮食生产，全年新建高标准农田1.2万亩以上。\t\t全年新建高标准农田1.26万亩，粮食生产保持稳定。
分解目标\t二级指标\t三级指标\t年度指标值\t全年完成值\t分值\t得分\t偏差及原因分析
产出指标\t数量指标\t新建高标准农田面积\t≥1.2万亩\t1.26万亩\t50\t50\t
\t质量指标\t畜禽粪污综合利用率\t≥85%\t{rate}\t25\t25\t{cell}
满意度指标\t满意度\t农户满意度\t≥90%\t93.6%\t25\t25\t
合计\t\t\t\t\t100\t100\t
"""


def _dept(tmp_path, basic="590.00", rate="86.0%", cell=""):
    f = tmp_path / "dept.txt"
    f.write_text(DEPT_FORM.format(basic=basic, rate=rate, cell=cell), encoding="utf-8")
    return analyze(str(f))


def test_two_partitions_of_one_total_are_summed_each_on_its_own(tmp_path):
    a = _dept(tmp_path)
    assert not [f for f in a.findings if f.rule_id == "NUM.BUDGET_PARTS" and "各来源行" in f.message]
    # the second list short of the total by 10: found, and only that list is named
    bad = _dept(tmp_path, basic="580.00")
    found = [f for f in bad.findings if f.rule_id == "NUM.BUDGET_PARTS" and "各来源行" in f.message]
    assert len(found) == 1 and "580.00+360.00" in found[0].message and "860.00" not in found[0].message


@pytest.mark.parametrize("cell", ["达成目标值", "已达成目标值", "达成年度目标值"])
def test_a_deviation_cell_that_says_the_target_was_reached_is_a_claim(tmp_path, cell):
    a = _dept(tmp_path, rate="82.6%", cell=cell)
    assert [f for f in a.findings if f.code == "INDICATOR_SHORTFALL" and "82.6%" in f.message]


@pytest.mark.parametrize("cell", ["受多种因素影响", "由于各方面的原因", "因其他一些客观因素", "受多方面因素影响。"])
def test_a_vague_kind_of_cause_is_no_reason(tmp_path, cell):
    a = _dept(tmp_path, rate="82.6%", cell=cell)
    assert [f for f in a.findings if f.code == "DEVIATION_UNEXPLAINED" and "82.6%" in f.message]


@pytest.mark.parametrize("cell", ["受春季持续干旱影响，新建粪污处理设施延期投用", "因3家规模养殖场停产整顿，利用量减少"])
def test_a_named_cause_is_a_reason(tmp_path, cell):
    a = _dept(tmp_path, rate="82.6%", cell=cell)
    assert not [f for f in a.findings if f.code == "DEVIATION_UNEXPLAINED" and "82.6%" in f.message]


def test_the_goal_row_of_a_tab_form_is_a_goal_and_its_outcome(tmp_path):
    r = _dept(tmp_path).report
    goals, outs = r.paragraphs("G"), r.paragraphs("O")
    assert len(goals) == 1 and goals[0].text.startswith("稳定粮食生产")
    assert len(outs) == 1 and outs[0].text.startswith("全年新建高标准农田1.26万亩")
    assert not [f for f in _dept(tmp_path).findings if f.code == "GOAL_WITHOUT_OUTCOME"]


PRAISE = ["全年农业农村工作成效显著，综合生产能力大幅提升，得到了上级部门和社会各界的充分肯定。",
          "全年工作成效显著，群众获得感明显增强，得到了上级部门的一致好评。",
          "各项工作取得明显成效，受到了社会各界的广泛好评。"]


@pytest.mark.parametrize("claim", PRAISE)
def test_praise_received_is_no_output_done(tmp_path, claim):
    text = NARR.format(outcome="全年为120名残疾儿童提供康复训练，为80名残疾人适配辅助器具。").replace(
        "四、存在的问题", f"（二）总体评价\n{claim}\n四、存在的问题")
    f = tmp_path / "p.txt"
    f.write_text(text, encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.code == "UNSUPPORTED_CLAIM"]
    assert len(found) == 1


def test_an_output_done_in_its_own_clause_still_supports_the_claim(tmp_path):
    claim = "开展了辅具适配上门服务，得到了上级部门的充分肯定。"
    text = NARR.format(outcome="全年为120名残疾儿童提供康复训练，为80名残疾人适配辅助器具。").replace(
        "四、存在的问题", f"（二）总体评价\n{claim}\n四、存在的问题")
    f = tmp_path / "p.txt"
    f.write_text(text, encoding="utf-8")
    assert not [x for x in analyze(str(f)).findings if x.code == "UNSUPPORTED_CLAIM"]


PROCESS = """青石县白沙镇人民政府
关于2023年白沙镇茶叶加工厂房建设项目绩效目标自评报告
一、绩效目标分解下达情况
1.新建标准化茶叶加工厂房1,200平方米以上。
2.年加工干茶能力达到300吨以上。
二、{process}
镇政府成立了由分管副镇长任组长的自评工作小组，对照绩效目标逐项开展自评。
三、绩效目标自评完成情况分析
1.新建标准化茶叶加工厂房1,260平方米。
2.全年加工干茶320吨。
四、存在问题
厂房管护制度还不够细化。
五、改进措施
2024年5月底前制定厂房管护办法。
"""


@pytest.mark.parametrize("process", ["绩效目标自评工作开展情况", "绩效自评工作开展情况", "绩效目标自评工作组织情况"])
def test_a_process_heading_holding_the_word_goal_opens_no_goals(tmp_path, process):
    f = tmp_path / "g.txt"
    f.write_text(PROCESS.format(process=process), encoding="utf-8")
    goals = analyze(str(f)).report.paragraphs("G")
    assert len(goals) == 2
    assert not any("自评工作小组" in g.text for g in goals)


# --- a 评分表 that states each target in its scoring rule and each result under 完成情况 ----

SCORE_SHEET = """青石县司法局2023年度部门整体支出绩效自评报告
一、部门基本情况
青石县司法局负责全县法律援助、人民调解和普法宣传。
二、绩效目标完成情况
全年受理法律援助案件428件，办结396件；调处矛盾纠纷1,368件。
三、存在的问题
法律援助案件办结率未达到年度目标。
四、改进措施
2024年6月前增配法律援助律师2名。
附件：青石县司法局2023年度部门整体支出绩效评价评分表
一级指标{t}二级指标{t}三级指标{t}分值{t}{rule}{t}{done}{t}得分{t}扣分原因
产出{t}数量指标{t}调解矛盾纠纷数量{t}10{t}≥1,200件得10分，未达到按比例得分{t}1,368件{t}10{t}
{t}质量指标{t}法律援助案件办结率{t}10{t}≥95%得10分，每低1个百分点扣0.5分{t}92.52%{t}8.76{t}{why}
效益{t}满意度{t}服务对象满意度{t}10{t}≥90%得10分，每低1个百分点扣1分{t}95.2%{t}10{t}
合计{t}{t}{t}30{t}{t}{t}28.76{t}
"""


def _sheet(tmp_path, why="未达到目标值", t="\t", rule="评分标准", done="完成情况"):
    f = tmp_path / "s.txt"
    f.write_text(SCORE_SHEET.format(t=t, why=why, rule=rule, done=done), encoding="utf-8")
    return analyze(str(f))


@pytest.mark.parametrize("t, rule, done", [("\t", "评分标准", "完成情况"), (" | ", "评分标准", "完成情况"),
                                           ("\t", "评分规则", "全年完成情况")])
def test_a_score_sheet_reads_targets_from_its_rules_and_results_from_its_status_column(tmp_path, t, rule, done):
    a = _sheet(tmp_path, t=t, rule=rule, done=done)
    rows = {i.name: (i.target, i.result) for task in a.report.tasks for i in task.indicators}
    assert rows["法律援助案件办结率"] == ("≥95%", "92.52%")
    assert rows["调解矛盾纠纷数量"] == ("≥1,200件", "1,368件")
    found = [f for f in a.findings if f.code == "DEVIATION_UNEXPLAINED"]
    assert len(found) == 1 and "92.52%" in found[0].message


def test_a_missed_row_with_its_cause_in_a_score_sheet_is_explained(tmp_path):
    a = _sheet(tmp_path, why="受援人口增加，2名律师全年借调外地办案")
    assert not [f for f in a.findings if f.code == "DEVIATION_UNEXPLAINED"]


def test_a_status_column_beside_a_result_column_stays_a_status(tmp_path):
    text = """青石县文化馆2023年度项目支出绩效自评表
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t完成情况\t分值\t得分\t偏差原因
产出指标\t数量指标\t举办展览\t≥12场\t10场\t未完成\t50\t41.67\t
满意度指标\t满意度\t观众满意度\t≥90%\t96%\t完成\t50\t50\t
"""
    f = tmp_path / "st.txt"
    f.write_text(text, encoding="utf-8")
    rows = {i.name: (i.target, i.result) for t in analyze(str(f)).report.tasks for i in t.indicators}
    assert rows["举办展览"] == ("≥12场", "10场")


# --- outlines of ordinary provincial reports ----------------------------------------------

SICHUAN = """青石县水利局2023年山洪灾害防治运行维护项目支出绩效自评报告
一、项目概况
（一）项目基本情况
青石县山洪灾害防治系统共有自动监测站点60个。
（二）项目绩效目标
1.完成60个自动监测站点运行维护。
2.监测数据到报率不低于95%。
（三）{steps}
成立由局分管领导任组长的自评工作组，按照资料核查和实地抽查相结合的方式开展自评。
二、{funds}
全年到位资金80.00万元，实际支出76.00万元。
三、{run}
项目运维通过公开比选确定专业运维单位，签订年度运维合同。
四、项目绩效目标完成情况
1.完成的数量。全年完成60个自动监测站点运行维护。
2.完成的质量。监测数据到报率98.2%。
五、存在的问题
部分水位站通信方式单一。
六、相关建议
2024年汛前为12个水位站加装北斗卫星备份信道。
"""


@pytest.mark.parametrize("steps, funds, run", [
    ("项目自评步骤及方法", "项目资金申报及使用情况", "项目实施及管理情况"),
    ("自评步骤及方法", "资金申报及使用情况", "项目实施管理情况"),
])
def test_the_sichuan_outline_keeps_process_and_money_out_of_goals_and_results(tmp_path, steps, funds, run):
    f = tmp_path / "sc.txt"
    f.write_text(SICHUAN.format(steps=steps, funds=funds, run=run), encoding="utf-8")
    r = analyze(str(f)).report
    assert [g.text for g in r.paragraphs("G")] == ["完成60个自动监测站点运行维护。", "监测数据到报率不低于95%。"]
    outs = r.paragraphs("O")
    assert len(outs) == 2 and not any("公开比选" in o.text for o in outs)
    assert any("76.00万元" in b.text for b in r.paragraphs("B"))


GUANGDONG = """青石县林业局2023年度省级生态公益林效益补偿资金绩效自评报告
一、项目基本情况及自评结论
（一）项目用款单位简要情况。
青石县林业局是县政府工作部门，负责全县林业资源保护。
（二）项目资金安排及使用情况。
全年下达补偿资金1,200.00万元，实际支出1,180.00万元。
（三）项目绩效目标。
1.按时足额发放补偿资金。
2.落实补偿面积30万亩。
（四）自评结论。
本项目自评得分95分，评价等级为优。
二、绩效目标完成情况分析
（一）资金管理情况{end}
项目资金实行专账核算、专款专用。
补偿资金通过“一卡通”直接发放到户。
（二）项目产出情况{end}
全县30万亩补偿面积全部落实到村到户。
三、存在问题及原因分析
部分村组林权界线争议尚未调处完毕。
四、下一步改进措施
2024年6月底前完成林权争议调处。
"""


@pytest.mark.parametrize("end", ["。", "。 "])
def test_topic_headings_closed_by_a_full_stop_head_their_own_paragraphs(tmp_path, end):
    f = tmp_path / "gd.txt"
    f.write_text(GUANGDONG.format(end=end), encoding="utf-8")
    r = analyze(str(f)).report
    outs = [o.text for o in r.paragraphs("O")]
    assert outs == ["项目资金实行专账核算、专款专用。", "补偿资金通过“一卡通”直接发放到户。",
                    "全县30万亩补偿面积全部落实到村到户。"]
    assert any("1,180.00万元" in b.text for b in r.paragraphs("B"))
    assert any("95分" in p.text for p in r.paragraphs("P"))
    assert len(r.paragraphs("G")) == 2


def test_a_short_item_closed_by_a_full_stop_before_its_explanation_stays_an_item(tmp_path):
    # a measure's title with its explanation below is no topic heading: it names no 情况
    text = GUANGDONG.format(end="。").replace("2024年6月底前完成林权争议调处。",
                                             "1.加快调处。\n2024年6月底前完成林权争议调处。")
    f = tmp_path / "gd2.txt"
    f.write_text(text, encoding="utf-8")
    measures = analyze(str(f)).report.paragraphs("I")
    assert measures and measures[0].text.startswith("加快调处")


# --- an event said not to have happened, counted elsewhere ----------------------------------

ZERO = """青石县人民医院2023年度部门整体支出绩效自评报告
一、部门基本情况
青石县人民医院是全县医疗救治中心，编制床位500张。
二、年度绩效目标
1.全年门诊服务不少于30万人次。
2.确保全年不发生医疗纠纷和安全事故。
三、绩效目标完成情况
1.全年完成门诊服务32.6万人次。
2.{claim}
3.{counter}
四、存在的问题
医患沟通机制还不够健全。
五、改进措施
2024年3月前设立医患沟通办公室，专人受理投诉。
"""


@pytest.mark.parametrize("claim, counter", [
    ("全年严格落实医疗核心制度，全年未发生医疗纠纷和安全事故。", "医患沟通办公室全年调解处理医疗纠纷2起，均达成调解协议。"),
    ("全年没有发生医疗纠纷。", "全年调解医疗纠纷３起。"),
    ("全年医疗纠纷零发生。", "全年发生医疗纠纷1起，已调解结案。"),
    ("全年未出现安全事故及医疗纠纷。", "年内共发生医疗纠纷2件，均依法处理。"),
    ("全院全年实现安全事故零发生。", "全年发生安全事故1起，未造成人员伤亡。"),
])
def test_an_event_said_not_to_happen_but_counted_elsewhere_is_contradicted(tmp_path, claim, counter):
    f = tmp_path / "z.txt"
    f.write_text(ZERO.format(claim=claim, counter=counter), encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.rule_id == "TXT.ZERO_CLAIM"]
    assert len(found) == 1
    assert [e.role for e in found[0].evidence] == ["claim", "counter"]


@pytest.mark.parametrize("claim, counter", [
    # another grade of the event
    ("全年未发生重大医疗纠纷。", "全年调解处理一般医疗纠纷2起。"),
    # a fall on last year, not this year's events
    ("全年未发生医疗纠纷。", "医疗投诉较上年减少2起。"),
    # the count is last year's
    ("全年未发生医疗纠纷。", "上年发生医疗纠纷3起，今年加强了医患沟通。"),
    # the count names another event
    ("全年未发生安全事故。", "全年受理投诉11件，均已办结。"),
])
def test_no_contradiction_without_a_count_of_the_same_event_this_year(tmp_path, claim, counter):
    f = tmp_path / "z.txt"
    f.write_text(ZERO.format(claim=claim, counter=counter), encoding="utf-8")
    assert not [x for x in analyze(str(f)).findings if x.rule_id == "TXT.ZERO_CLAIM"]


# --- a breakdown of another total; a template's slot left in the text ---------------------

CASES = """青石县司法局2023年度部门整体支出绩效自评报告
一、部门基本情况
青石县司法局负责全县法律援助和人民调解。
二、绩效目标完成情况
1.{line}
2.开展普法宣传活动60场。经第三方问卷调查，服务对象满意度为{slot}。
三、存在的问题
法律援助律师数量不足。
四、改进措施
2024年6月前增配法律援助律师2名。
"""


def _cases(tmp_path, line, slot="95.2%"):
    f = tmp_path / "c.txt"
    f.write_text(CASES.format(line=line, slot=slot), encoding="utf-8")
    return analyze(str(f)).findings


@pytest.mark.parametrize("line", [
    "全年受理法律援助案件428件，办结396件，其中刑事案件142件、民事案件286件。",
    "全年受理法律援助案件428件，办结396件。其中刑事案件142件、民事案件286件。",
    "全年受理案件４２８件，办结３９６件，其中刑事１４２件，民事２８６件。",
])
def test_parts_that_add_up_to_another_total_of_the_sentence_break_that_one_down(tmp_path, line):
    assert not [f for f in _cases(tmp_path, line) if f.code == "ARITHMETIC_MISMATCH"]


def test_parts_that_add_up_to_no_total_of_the_sentence_are_still_a_slip(tmp_path):
    line = "全年受理法律援助案件428件，办结396件，其中刑事案件152件、民事案件286件。"
    assert [f for f in _cases(tmp_path, line) if f.code == "ARITHMETIC_MISMATCH"]


@pytest.mark.parametrize("slot", ["【填写调查结果】", "【请填写满意度】", "«满意度»", "{{满意度}}", "[填写数值]"])
def test_a_template_slot_left_in_the_text_is_unfilled(tmp_path, slot):
    found = [f for f in _cases(tmp_path, "全年办结法律援助案件396件。", slot) if f.code == "UNFILLED_FORM"]
    assert len(found) == 1 and slot in found[0].evidence[0].quote


def test_a_bracketed_label_is_no_slot(tmp_path):
    text = CASES.format(line="全年办结法律援助案件396件。", slot="95.2%") + "【填报人】王一明　【填报日期】2024年3月1日\n"
    f = tmp_path / "c2.txt"
    f.write_text(text, encoding="utf-8")
    assert not [x for x in analyze(str(f)).findings if x.code == "UNFILLED_FORM"]


def test_a_merge_field_in_the_header_is_unfilled(tmp_path):
    text = "项目名称：青石县法律援助补助\n项目概况：«项目概况»\n" + CASES.format(line="全年办结法律援助案件396件。", slot="95.2%")
    f = tmp_path / "c3.txt"
    f.write_text(text, encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.code == "UNFILLED_FORM"]
    assert len(found) == 1 and "«项目概况»" in found[0].evidence[0].quote


# --- learned from blind33 (scored first at 2cf1bcf) and the real pages ----------------------

HUNAN = """青石县商务局2023年度部门整体支出绩效自评报告
一、部门基本情况
（一）部门职能
青石县商务局是县人民政府工作部门。
二、一般公共预算支出情况
2023年度我局一般公共预算调整后预算748.36万元，全年实际支出716.52万元。
（一）基本支出情况
基本支出调整预算417.16万元，实际支出412.86万元。
（二）项目支出情况
{spend}
三、政府性基金预算支出情况
无。本部门无政府性基金预算收支。
四、部门整体支出绩效情况
（一）年度绩效目标
1.新建村级电商服务站20个。
（二）绩效目标完成情况
1.新建村级电商服务站22个。
五、存在的问题及原因分析
1.部分村级电商服务站运营乏力。
六、下一步改进措施
1.2024年6月底前对新建站点开展运营评估。
"""


@pytest.mark.parametrize("spend, bad", [
    ("项目支出调整预算331.20万元，实际支出303.66万元，执行率93.68%。", True),
    ("项目支出调整预算331.20万元，实际支出303.66万元，执行率91.68%。", False),
    ("项目支出全年预算331.20万元，项目支出实际支出303.66万元，预算执行率93.68%。", True),
])
def test_the_hunan_outline_reads_its_budget_parts_and_their_rates(tmp_path, spend, bad):
    f = tmp_path / "hn.txt"
    f.write_text(HUNAN.format(spend=spend), encoding="utf-8")
    a = analyze(str(f))
    assert any("331.20" in b.text for b in a.report.paragraphs("B"))
    assert not a.report.paragraphs("U")
    found = [x for x in a.findings if x.rule_id == "NUM.RATE_FIGURES"]
    assert bool(found) == bad
    if bad:
        assert "91.68" in found[0].message


NATIONAL = """青石县农业农村局2023年稻田综合种养示范项目绩效自评报告
一、基本情况
（一）项目概况
项目下达资金500.00万元。
（二）项目绩效目标
1.新建稻虾综合种养示范基地1.2万亩以上。
2.种养主体满意度不低于90%。
二、{process}
我局成立由分管局长任组长的自评工作组，采取资料核查与实地抽查相结合的方式开展评价。
三、{analysis}
1.全县新建稻虾综合种养示范基地1.26万亩。
2.收回有效问卷200份，种养主体满意度95.5%。
四、存在的问题及原因分析
1.部分基地尾水净化设施配套不足。
五、有关建议
1.2024年为尾水净化设施不足的基地配建生态沟渠。
"""


@pytest.mark.parametrize("process, analysis", [("绩效评价工作开展情况", "绩效评价指标分析"),
                                               ("评价工作开展情况", "评价指标分析")])
def test_the_national_outline_reads_its_indicator_analysis_as_the_results(tmp_path, process, analysis):
    f = tmp_path / "na.txt"
    f.write_text(NATIONAL.format(process=process, analysis=analysis), encoding="utf-8")
    outs = [o.text for o in analyze(str(f)).report.paragraphs("O")]
    assert outs == ["全县新建稻虾综合种养示范基地1.26万亩。", "收回有效问卷200份，种养主体满意度95.5%。"]


ONE_PROBLEM = """青石县图书馆2023年度免费开放补助资金绩效自评报告
一、绩效目标
全年免费开放服务360天。
二、绩效目标完成情况
全年免费开放服务362天。
三、存在的问题和原因分析
{problem}
四、下一步拟改进措施及有关建议
1.措施：加强对各部门申报项目的指导，使项目编制更加符合绩效评价相关要求。
2.建议：{measure}
"""


@pytest.mark.parametrize("problem, measure, answered", [
    ("经费不足，以目前的金额，无法为群众提供更多更好的服务。", "加大对公共图书馆免费开放资金的投入力度。", True),
    ("经费不足，馆藏图书更新慢。", "积极争取上级补助，2024年新增购书经费5万元。", True),
    ("经费不足，馆藏图书更新慢。", "抓好人才队伍建设，2024年引进专业馆员2名。", False),
])
def test_a_reports_only_problem_is_answered_by_a_measure_naming_its_need(tmp_path, problem, measure, answered):
    f = tmp_path / "op.txt"
    f.write_text(ONE_PROBLEM.format(problem=problem, measure=measure), encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.code == "PROBLEM_WITHOUT_MEASURE"]
    assert (not found) == answered


def test_a_slip_in_running_text_outside_the_sections_is_found_but_not_in_a_flattened_form(tmp_path):
    text = NATIONAL.format(process="绩效评价工作开展情况", analysis="绩效评价指标分析").replace(
        "采取资料核查与实地抽查相结合的方式开展评价。", "评价内容主要包括包括资金管理、产出和效益，采取资料核查的方式开展评价。")
    text += "附表 自评总分97.93年初预算数全年预算数全年执行数执行率执行率权重执行率得分\n"
    f = tmp_path / "dw.txt"
    f.write_text(text, encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.rule_id == "TXT.DOUBLED_WORD"]
    assert [x.evidence[0].quote for x in found] == ["包括包括"]


# --- the text output tells what the reader could not read ------------------------------------

def test_the_text_output_lists_the_readers_warnings_in_the_language_asked(tmp_path):
    from nlp_pipeline.report.serialize import render_text

    cut = NARR.format(outcome="全年为120名残疾儿童提供康复训练，为80名残疾人适配辅助器具。").split("五、改进措施")[0] \
        + "五、改进措施\n2024年3月前为乡镇康复机构培训专业人员10名，确保每名儿童每周训练不少"
    f = tmp_path / "cut.txt"
    f.write_text(cut, encoding="utf-8")
    a = analyze(str(f))
    assert a.report.warnings
    zh, en = render_text(a, "zh"), render_text(a, "en")
    assert "读取提示:" in zh and "中断" in zh and "breaks off" not in zh
    assert "reading notes:" in en and "breaks off" in en and "中断" not in en.split("reading notes:")[1]


def test_a_report_read_cleanly_lists_no_reading_notes(tmp_path):
    from nlp_pipeline.report.serialize import render_text

    f = tmp_path / "ok.txt"
    f.write_text(NARR.format(outcome="全年为120名残疾儿童提供康复训练，为80名残疾人适配辅助器具。"), encoding="utf-8")
    a = analyze(str(f))
    assert ("读取提示:" in render_text(a, "zh")) == bool(a.report.warnings)


# --- a whole budget too small to be one ---------------------------------------------------

FLOOR = """青石县残联2022年度残疾人康复项目支出绩效自评报告
一、基本情况
（一）项目概况。主要内容包括辅具适配、康复救助和假肢安装。{budget}
（二）项目绩效目标。全年资助精神病患者服药230人，为52名残疾儿童提供康复救助。
二、绩效目标完成情况
全年资助精神病患者服药230人，为52名残疾儿童提供康复救助。
三、存在的问题
康复机构专业人员不足。
四、改进措施
2023年引进康复专业人员2名。
"""


@pytest.mark.parametrize("budget, slip", [
    ("年初预算资金数100元，全年预算数100元，全年执行数33.78元，执行率为33.78%。", True),
    ("全年预算数８６０元，全年执行数８１０元。", True),
    ("年初预算资金数100万元，全年预算数100万元，全年执行数33.78万元，执行率为33.78%。", False),
    ("年初预算资金数100,000元，全年预算数100,000元，全年执行数33,780元。", False),
])
def test_a_whole_budget_of_a_few_hundred_yuan_is_implausible(tmp_path, budget, slip):
    f = tmp_path / "bf.txt"
    f.write_text(FLOOR.format(budget=budget), encoding="utf-8")
    found = [x for x in analyze(str(f)).findings if x.rule_id == "NUM.BUDGET_FLOOR"]
    assert bool(found) == slip


def test_doubled_words_are_found_by_the_text_stage_clause_by_clause():
    from nlp_pipeline.text.segment import doubled_words

    text = "项目主要包括包括辅具适配，对设备进行进行检查；完成完成率100%，家家户户已覆盖。"
    assert [(text[a:b], w) for a, b, w in doubled_words(text)] == [("包括包括", "包括"), ("进行进行", "进行")]
    assert doubled_words("全年完成门诊服务32.6万人次。") == []
