"""Lessons of blind27 (learned from after its first run), in invented text of the shapes it
showed: a report told with no headings at all (a press conference: lists opened by spoken
lead lines); an item of a 、-list written again on its own; a measure of slogans only; an
outcome that states the year's task instead of its result; a problem admitting work put off
to next year beside a claim that all was done on time."""
from __future__ import annotations

import pytest

from test_session12_lessons import _analysis, _codes

from nlp_pipeline.ingest import read_report

# a spoken account with no section heading: each list is opened by a lead line
TRANSCRIPT = """峡江县2023年度农村人居环境整治资金绩效自评情况通报会实录

【主持人】
各位媒体朋友，下午好！下面请县农业农村局介绍有关情况。

【周建明】
谢谢主持人。2023年全县安排农村人居环境整治资金3,860万元，其中中央资金2,100万元、省级资金1,160万元、县级资金600万元。
{goal_lead}
1.完成农村户厕改造2,400户，改造合格率不低于95%。
2.新建村级污水处理设施30座。
3.农村生活垃圾收运处置体系覆盖全部行政村。
{outcome_lead}
1.全年完成户厕改造2,416户，经县级抽查合格率96.2%。
2.建成村级污水处理设施30座，均已通水运行。
3.全县156个行政村全部纳入垃圾收运体系，配备保洁员1,240名。
经各乡镇自评、县级复核，项目自评得分94.5分，等级为优。

【记者】
存在哪些不足？

【周建明】
谢谢提问。{problem_lead}
一是部分改厕户使用习惯尚未养成，后续管护机制不健全。
二是个别污水处理设施进水量不足，运行效率偏低。
{measure_lead}
一是2024年3月底前出台户厕后续管护办法，由县农业农村局牵头落实。
二是对进水量不足的8座设施在2024年6月前完成管网延伸改造。

【主持人】
今天的通报会到此结束，谢谢大家。
"""

LEADS = [
    dict(goal_lead="年初，我们确定了三项年度绩效目标：", outcome_lead="从完成情况看：",
         problem_lead="从自评情况看，主要有两个方面的短板：", measure_lead="针对这些问题，下一步我们将重点抓好以下工作："),
    dict(goal_lead="今年的绩效目标主要有三项：", outcome_lead="目标完成情况如下：",
         problem_lead="也存在一些不足：", measure_lead="下一步，我们打算：")]


@pytest.mark.parametrize("leads", LEADS)
def test_lists_after_spoken_lead_lines_take_the_section_the_lead_names(tmp_path, leads):
    f = tmp_path / "r.txt"
    f.write_text(TRANSCRIPT.format(**leads), encoding="utf-8")
    report = read_report(f)
    texts = {sid: [p.text for p in report.paragraphs(sid)] for sid in "GOQI"}
    assert [t[:6] for t in texts["G"]] == ["完成农村户厕", "新建村级污水", "农村生活垃圾"]
    assert [t[:6] for t in texts["O"]] == ["全年完成户厕", "建成村级污水", "全县156个"]
    assert [t[:6] for t in texts["Q"]] == ["一是部分改厕", "二是个别污水"]
    assert [t[:6] for t in texts["I"]] == ["一是2024", "二是对进水量"]
    # the lead lines are headings, no paragraph of any section
    leads_read = [p.text for p in report.paragraphs() if p.text.rstrip().endswith("：")]
    assert leads_read == []
    # a self-evaluation's score and grade are its conclusion
    assert any("自评得分94.5分" in p.text for p in report.paragraphs("P"))


def test_a_lead_line_followed_by_no_list_is_no_heading(tmp_path):
    text = TRANSCRIPT.format(**LEADS[0]).replace("1.全年完成户厕", "全年完成户厕")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    report = read_report(f)
    # 「从完成情况看：」 opens nothing; the goals' list ended where its items did
    assert not any(p.text.startswith("全年完成户厕") for p in report.paragraphs("G"))


REPEAT = ("1.污水治理。全年建成村级污水处理设施30座，{first}所有设施均由第三方运维，{second}"
          "做到了建管并重。")


@pytest.mark.parametrize("first,second", [
    ("坚持设施跟着规划走、规划跟着村庄走，", "坚持设施跟着规划走，"),
    ("我们坚持设施跟着规划走、运维跟着设施走，", "坚持设施跟着规划走，"),
    ("坚持设施跟着规划走、运维跟着设施走，", "始终坚持设施跟着规划走，")])
def test_an_item_of_a_list_written_again_on_its_own_is_repeated_text(tmp_path, first, second):
    from test_session14_lessons import _report

    a = _analysis(tmp_path, _report(REPEAT.format(first=first, second=second)))
    assert "REPEATED_TEXT" in _codes(a)


@pytest.mark.parametrize("body", [
    "1.供水保障。工程建成后新增受益人口3.56万人，进化、琊川等镇季节性缺水问题得到解决。",
    "1.设施建设。坚持设施跟着规划走、运维跟着设施走，全年建成污水处理设施30座。"])
def test_a_list_and_its_last_item_are_one_writing(tmp_path, body):
    from test_session14_lessons import _report

    assert "REPEATED_TEXT" not in _codes(_analysis(tmp_path, _report(body)))


def _with_measure(measure: str) -> str:
    from test_session14_lessons import _report

    return _report("1.户厕改造。全年完成户厕改造2,416户，合格率96.2%。").replace(
        "1.2024年6月前招聘专业技术人员2名。", measure)


@pytest.mark.parametrize("measure", [
    "二是进一步提高思想认识，持续压紧压实责任，久久为功、常抓不懈，切实推动设施提质增效。",
    "一是持续压实责任，驰而不息、常抓不懈，不断提升管护水平。"])
def test_a_measure_of_slogans_is_vague(tmp_path, measure):
    assert "VAGUE_MEASURE" in _codes(_analysis(tmp_path, _with_measure(measure)))


def test_a_measure_with_an_act_beside_its_slogans_is_not_vague(tmp_path):
    measure = "一是久久为功、常抓不懈，2024年6月前完成8座设施管网延伸改造，由县农业农村局负责。"
    assert "VAGUE_MEASURE" not in _codes(_analysis(tmp_path, _with_measure(measure)))


def _task_report(outcome: str) -> str:
    return ("旴江县2023年度产业路建设项目绩效自评报告\n\n一、绩效目标\n1.新建改建农村产业路96公里，解决群众出行难题。\n"
            "2.产业路沿线配套建设错车道40处。\n\n二、绩效目标完成情况\n1." + outcome +
            "\n2.全年建成错车道42处。\n\n三、存在问题\n1.个别路段养护经费不足。\n\n四、改进措施\n"
            "1.2024年将养护经费纳入县级预算。\n")


@pytest.mark.parametrize("outcome", [
    "产业路建设方面，今年我们的任务是新建改建农村产业路96公里，要确保项目早开工、早见效。",
    "关于产业路，本年度的主要任务是新建改建农村产业路96公里，确保群众出行更方便。"])
def test_an_outcome_that_states_the_years_task_restates_its_goal(tmp_path, outcome):
    assert "OUTCOME_RESTATES_GOAL" in _codes(_analysis(tmp_path, _task_report(outcome)))


def test_an_outcome_reporting_the_task_done_is_a_result(tmp_path):
    outcome = "产业路建设方面，今年我们的任务是新建改建农村产业路96公里，已全部建成通车，确保了群众出行。"
    assert "OUTCOME_RESTATES_GOAL" not in _codes(_analysis(tmp_path, _task_report(outcome)))


def _late_report(problem: str) -> str:
    return ("武溪县2023年度农村供水工程项目绩效自评报告\n\n一、绩效目标\n1.新建集中供水工程12处。\n\n"
            "二、绩效目标完成情况\n1.全年新建集中供水工程12处。\n\n三、自评结论\n全年12处供水工程全部按期完工并投入使用。\n\n"
            "四、存在问题\n1." + problem + "\n\n五、改进措施\n1.2024年起实行工程进度月调度，由县水利局负责。\n")


@pytest.mark.parametrize("problem", [
    "有2处供水工程因征地调整，延至2024年1月才完工，影响了当年效益发挥。",
    "受征地调整影响，2处供水工程推迟到2024年2月完工。",
    "2处供水工程未能按期完工，于次年1月投入使用。"])
def test_work_admitted_late_in_the_problems_contradicts_all_on_time(tmp_path, problem):
    assert "CLAIM_CONTRADICTED" in _codes(_analysis(tmp_path, _late_report(problem)))


def test_work_stopped_by_the_weather_but_done_contradicts_nothing(tmp_path):
    problem = "部分供水工程位于山区，雨季停工频繁，施工组织难度较大。"
    assert "CLAIM_CONTRADICTED" not in _codes(_analysis(tmp_path, _late_report(problem)))


def _read(tmp_path, text: str):
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return read_report(f)


GAZETTE = """石门市人民政府公报
2024年第3期（总第41期）

石门市农业农村局2023年度部门整体支出绩效自评报告

一、绩效目标
全年完成高标准农田建设2.5万亩。
二、绩效目标完成情况
全年建成高标准农田2.62万亩，
{head_a}
经验收全部合格。
三、存在问题
部分项目区后期管护不到位。
{head_b}
四、改进措施
2024年6月前建立管护台账，由局农田建设股负责。
"""


@pytest.mark.parametrize("heads", [
    ("2024年第3期　　　　　　　　石门市人民政府公报", "石门市人民政府公报　　　　　　　　2024年第3期"),
    ("2024年第3期        石门市人民政府公报", "2024年第3期        石门市人民政府公报")])
def test_a_periodicals_running_heads_are_no_text(tmp_path, heads):
    report = _read(tmp_path, GAZETTE.format(head_a=heads[0], head_b=heads[1]))
    assert not any("公报" in p.text or "第3期" in p.text for p in report.paragraphs() if p.section in "GOQI")
    assert "DATE_OUT_OF_PERIOD" not in _codes(_analysis(tmp_path, GAZETTE.format(head_a=heads[0], head_b=heads[1])))


def test_a_name_slip_is_reported_once_not_as_its_shorter_tail(tmp_path):
    from test_session14_lessons import _report

    body = "1.文化惠民。全年在乌兰浩特市举办文化活动36场，鸟兰浩特市图书馆开放率100%，乌兰浩特市文化馆接待群众2.1万人次。"
    a = _analysis(tmp_path, _report(body, org="乌兰浩特市文化旅游体育局"))
    found = [f for f in a.findings if f.code == "NAME_VARIANT"]
    assert len(found) == 1
    # the slip once, not the name's tail inside every correct writing of it
    assert [e.quote for e in found[0].evidence] == ["鸟兰浩特"]


RUN_ON = ("东岭县第一中学2023年度专项资金绩效自评报告\n"
          "一、基本情况（一）项目概况我校是县教育局所属公办高中，现有学生1,820人。（二）资金安排本年度安排专项资金120.00万元。"
          "二、项目绩效目标1.完成实验楼屋面防水1,500平方米。2.更新学生课桌椅600套。"
          "三、目标完成情况1.完成实验楼屋面防水1,500平方米。2.更新学生课桌椅600套。"
          "四、项目绩效情况（一）社会效益办学条件明显改善，学生满意度96%。（二）自评结论本项目自评得分95分，等级为优。"
          "五、存在的问题1.课桌椅采购验收晚于计划1个月。"
          "六、改进措施1.{first}2.{second}\n")


@pytest.mark.parametrize("first,second", [
    ("2024年起采购项目提前一个季度启动。", "2024年暑假期间完成实验室设备检修，由总务处负责。"),
    ("采购项目提前一个季度启动，由总务处负责。", "2025年3月前完成实验室设备检修。")])
def test_a_report_run_onto_one_line_is_cut_at_every_parts_own_items(tmp_path, first, second):
    report = _read(tmp_path, RUN_ON.format(first=first, second=second))
    measures = [p.text for p in report.paragraphs("I")]
    assert measures == [first, second]
    # each part's （一）（二） is cut, not only the first part's
    overall = [p.text[:4] for p in report.paragraphs("K")]
    assert overall == ["社会效益", "自评结论"]


# --- blind28 (learned from after its first run) ---------------------------------------

DRAFT_LINES = [
    "泸溪县图书馆2023年度部门整体支出绩效自评报告",
    "（送审稿）",
    "",
    "　　一、部门基本情况",
    "　　泸溪县图书馆为县文化旅游广电局所属公益一类事业单位，主要承担公共",
    "图书借阅、数字资源服务和全民阅读推广等职能，核定编制12名。",
    "　　2023年全年预算215.60万元（年初预算198.00万元），实际支出208.35万",
    "元，预算执行率96.64%。",
    "",
    "　　二、年度绩效目标",
    "　　1.开展全民阅读推广活动不少于40场次、参与读者3,000人次。",
    "　　2.新增馆藏图书不少于6,000册。",
    "",
    "　　三、绩效目标完成情况",
    "　　1.开展全民阅读推广活动44场次，参与读者2,860人次，较目标少140人次，",
    "主要原因是7月馆舍维修暂停线下活动。",
    "　　2.全年新增馆藏图书6,320册。",
    "",
    "　　四、部门整体绩效",
    "　　1.对照年初设定的绩效目标，各项指标均已全面超额完成。",
    "",
    "　　五、存在问题",
    "　　1.数字资源更新较慢。",
    "",
    "　　六、改进措施",
    "　　1.2024年6月底前完成数字资源平台升级，由馆办公室负责。",
]


def _numbered(lines: list[str]) -> str:
    out, n = [], 0
    for ln in lines:
        if ln:
            n += 1
            out.append(f"{n:>3}  {ln}")
        else:
            out.append("")
    return "\n".join(out) + "\n"


def test_a_drafts_line_numbers_are_no_text(tmp_path):
    report = _read(tmp_path, _numbered(DRAFT_LINES))
    basic = [p.text for p in report.paragraphs("B")]
    # the wrapped lines of a paragraph are one paragraph again, with no line number inside
    assert any(t.startswith("泸溪县图书馆为") and t.endswith("核定编制12名。") for t in basic)
    assert report.budget.actual_spending is not None and report.budget.actual_spending.value == 208.35
    assert [p.text[:6] for p in report.paragraphs("G")] == ["开展全民阅读", "新增馆藏图书"]


def test_text_with_numbers_opening_some_lines_keeps_them(tmp_path):
    # a list of figures one per line is no draft's line numbers
    text = "\n".join(DRAFT_LINES[:9]) + "\n" + "\n".join(f"{k}  个乡镇完成任务" for k in (12, 7, 30)) + "\n"
    from nlp_pipeline.ingest.builder import unnumber

    assert unnumber(text) == text


@pytest.mark.parametrize("unit", ["万\n元", "万元"])
def test_an_amount_whose_unit_the_layout_wrapped_keeps_its_unit(tmp_path, unit):
    text = "\n".join(DRAFT_LINES).replace("215.60万元", "2156000元").replace("208.35万\n元", f"208.35{unit}")
    report = _read(tmp_path, text)
    spent, budget = report.budget.actual_spending, report.budget.adjusted_budget
    assert spent is not None and budget is not None
    assert "ARITHMETIC_MISMATCH" not in _codes(_analysis(tmp_path, text))


@pytest.mark.parametrize("claim", ["各项指标均已全面超额完成", "年度各项绩效目标全部超额完成"])
def test_all_exceeded_is_contradicted_by_a_figure_listed_under_one_bound(tmp_path, claim):
    text = "\n".join(DRAFT_LINES).replace("各项指标均已全面超额完成", claim)
    a = _analysis(tmp_path, text)
    found = [f for f in a.findings if f.code == "CLAIM_CONTRADICTED"]
    assert found and any("2,860" in e.quote for f in found for e in f.evidence)


def test_every_figure_met_leaves_all_exceeded_standing(tmp_path):
    text = "\n".join(DRAFT_LINES).replace("参与读者2,860人次，较目标少140人次，\n主要原因是7月馆舍维修暂停线下活动。",
                                          "参与读者3,120人次。")
    assert "CLAIM_CONTRADICTED" not in _codes(_analysis(tmp_path, text))


def test_bounds_typed_as_their_variants_read_as_bounds():
    from nlp_pipeline.text.normalize import normalize

    assert normalize("≧60个，≦5%") == "≥60个，≤5%"


PIPE_FORM = """蓝湾区农业技术推广站2023年度项目支出绩效自评表

| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 产出指标 | 数量指标 | 土样化验数量 | {sign}60个 | 105个 | 20 | 20 | |
| 产出指标 | 质量指标 | 化验结果合格率 | ≥95% | 98% | 20 | 20 | |
| 满意度指标 | 服务对象满意度 | 农户满意度 | ≥90% | 93% | 10 | 10 | |
"""


@pytest.mark.parametrize("sign", ["≥", "≧", "＞＝"])
def test_a_floor_beaten_is_no_deviation_whatever_its_sign_is_typed_as(tmp_path, sign):
    codes = _codes(_analysis(tmp_path, PIPE_FORM.format(sign=sign)))
    assert "DEVIATION_UNEXPLAINED" not in codes and "INDICATOR_SHORTFALL" not in codes


@pytest.mark.parametrize("line,sid", [
    ("从完成情况看：", "O"),
    ("谢谢你的提问。从自评情况看，主要有两个方面的短板：", "Q"),
    ("针对这些问题，下一步我们将重点抓好以下工作：", "I"),
    # the report handing over to itself is its preamble, whatever words of goals it holds
    ("根据县财政局关于开展绩效自评的要求，现将2023年度绩效目标完成情况报告如下：", "U"),
    ("我乡对衔接资金项目开展了绩效自评，现将自评结果公示如下：", "U"),
])
def test_a_lead_lines_section(line, sid):
    from nlp_pipeline.ingest.content import lead_section

    assert lead_section(line) == sid
