"""Lessons of the seventeenth session, in invented text of the shapes real pages showed.

Budget figures of a narrative report are written as sentences about the money, not under
labels: 「下达…衔接资金100万元」, 「已拨付工程款700万元」, 「实际到位资金…」, 「执行率为97%」. The
reader took them only behind a few fixed labels (年初预算, 实际支出, 预算执行率), so about
two thirds of the budget figures of real narrative reports were not read."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_report

NARRATIVE = """{org}2023年度{project}项目绩效自评报告

一、项目基本情况
{project}项目由{org}组织实施，主要用于村内道路硬化和排水沟渠改造。

二、项目资金情况
{money}

三、绩效目标完成情况
全年完成道路硬化12.5公里，新建排水沟渠3.2公里，受益群众4860人。

四、存在的问题
部分村组施工进度偏慢。

五、改进措施
2024年3月底前完成剩余工程的验收。
"""


def _budget(tmp_path, money: str, org: str = "青石县农业农村局", project: str = "村内道路改造"):
    f = tmp_path / "r.txt"
    f.write_text(NARRATIVE.format(org=org, project=project, money=money), encoding="utf-8")
    b = read_report(str(f)).budget
    return {k: getattr(b, k).value for k in ("initial_budget", "adjusted_budget", "actual_spending", "completion_rate")
            if getattr(b, k) is not None}


# the same account of the year's money in the wordings real reports use: each must give
# the figures, whatever verb and order carry them
@pytest.mark.parametrize("money, want", [
    ("县财政下达2023年衔接推进乡村振兴补助资金318万元，实际执行302.1万元，执行率为95%。",
     {"initial_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
    ("年初批复下达我局项目资金318万元。截至12月31日，已支出302.1万元，资金执行率95%。",
     {"initial_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
    ("项目资金预算318万元，实际到位318万元，已拨付工程款302.1万元，项目执行率为95%。",
     {"initial_budget": 318, "adjusted_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
    ("本项目经费预算３１８万元，全年共发放３０２．１万元，支付率９５％。",
     {"initial_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
    ("区财政通过一般债券安排资金318万元；截至年底累计支出302.1万元，完成预算的95%。",
     {"initial_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
])
def test_budget_sentences_are_read_whatever_their_wording(tmp_path, money, want):
    got = _budget(tmp_path, money)
    assert got == pytest.approx(want)


def test_the_first_funds_sentence_gives_the_figure_not_a_part_named_after_it(tmp_path):
    got = _budget(tmp_path, "各级财政共下达我县补贴资金4186.49万元，其中省级下达1165.84万元、县级下达1887.85万元。"
                            "全年共发放3957.55万元（其中上年结转资金52.73万元）。")
    assert got == pytest.approx({"initial_budget": 4186.49, "actual_spending": 3957.55})


@pytest.mark.parametrize("money", [
    # a target: what the money should do is no account of what it did
    "绩效目标：资金执行率不低于95%，年度预算下达318万元。",
    # a 其中 clause names a part
    "项目资金情况详见附表，其中省级下达补助资金120万元。",
    # money not paid out
    "截至年底尚未拨付资金52万元，将于次年支付。",
    # a rule the text quotes
    "执行率未达到90%的项目，按规定扣减下年度预算安排资金。",
])
def test_sentences_that_give_no_figure_of_the_years_money_are_passed_over(tmp_path, money):
    got = _budget(tmp_path, money)
    assert got == {}


def test_a_figure_read_from_a_sentence_points_at_its_own_digits(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(NARRATIVE.format(org="青石县农业农村局", project="村内道路改造",
                                  money="县财政下达补助资金318万元，已拨付302.1万元。"), encoding="utf-8")
    r = read_report(str(f))
    for v in (r.budget.initial_budget, r.budget.actual_spending):
        assert r.text[v.start:v.end] == v.text
    assert r.currency_unit == "万元"


# A short-form report as a province's template prints it: a row label, a sub-label and the
# text, the row label's cell merged over the rows below it (left empty there), and the
# cells' later lines starting at the first column. The sub-label says what the cell holds;
# the row label decides its section.
SHORT_FORM = """{org}2023年度项目绩效自评报告

项目名称：{project}　　　主管部门：{dept}

自评得分	93.40分
{done_label}	{money_label}	全年预算数120.00万元；全年执行数114.00万元；执行率95.00%。
	完成的绩效目标	1.全年开展巡回诊疗46次，服务群众3820人次。
2.配备便携式诊疗设备12套。
	{missed_label}	送医下乡计划50次，实际46次，主要因7月汛期道路中断，4次顺延至次年一季度。
{problem_label}	上年度绩效评价结果应用情况	无。上年度自评未提出整改事项。
	本年度绩效存在的问题和原因	1.基层医务人员流动性大，巡诊队伍不稳定。
{measure_label}	{measure_sub}	1.2024年6月底前与县医院签订巡诊人员轮派协议，由医务科负责。
2.2024年起按季度考核巡诊次数，结果与绩效工资挂钩。
	自评结果应用情况，包括拟与预算安排相结合等	（说明自评结果拟与预算安排相结合的情况）

附件2

{org}2023年度项目绩效自评表
项目名称	{project}
项目类别	1、上级专项√　2、本级专项	项目属性	1、持续性项目√　2、新增性项目
"""


def _short_form(tmp_path, **kw):
    words = dict(org="青石县卫生健康局", project="巡回诊疗补助资金", dept="青石县人民政府",
                 done_label="绩效目标完成情况", money_label="执行率情况", missed_label="未完成的绩效目标",
                 problem_label="存在的问题和原因", measure_label="下一步拟改进措施",
                 measure_sub="项目整改和绩效目标调整完善等")
    words.update(kw)
    f = tmp_path / "r.txt"
    f.write_text(SHORT_FORM.format(**words), encoding="utf-8")
    return read_report(str(f))


def _texts(report, sid):
    return [p.text for p in report.sections[sid].paragraphs] if sid in report.sections else []


@pytest.mark.parametrize("kw", [
    {},
    # the same form with the labels other provinces print
    {"done_label": "绩效目标实现情况", "missed_label": "未实现的绩效目标", "measure_label": "改进措施",
     "measure_sub": "整改措施及绩效目标调整"},
    {"money_label": "预算执行情况", "problem_label": "存在问题及原因", "measure_sub": "下一步工作打算"},
])
def test_a_sub_label_names_what_its_cell_holds_the_row_label_its_section(tmp_path, kw):
    r = _short_form(tmp_path, **kw)
    outcomes, problems, measures = _texts(r, "O"), _texts(r, "Q"), _texts(r, "I")
    # the missed target is an outcome of the year, not a problem; no sub-label is a paragraph
    assert any("送医下乡计划50次" in t for t in outcomes)
    assert not any(t.startswith(("完成的绩效目标", "未完成", "未实现", "执行率情况", "预算执行情况")) for t in outcomes)
    assert any(t.startswith("无。") for t in problems) and any("流动性大" in t for t in problems)
    assert not any("结果应用情况" in t for t in problems)
    # the measures stay measures though their sub-label speaks of 绩效目标
    assert "G" not in r.sections or not r.sections["G"].paragraphs
    assert sum("2024年" in t for t in measures) == 2
    # the money's cell is the basic part, not an outcome
    assert any("全年预算数120.00万元" in t for t in _texts(r, "B"))
    # the template's instruction under the last sub-label is read as unfilled
    assert any("说明自评结果" in u.text for u in r.unfilled)
    # the second form's option rows are fields of that form, no paragraphs
    assert not any("上级专项" in p.text for s in r.sections.values() for p in s.paragraphs)


def test_a_combined_row_label_lets_its_sub_labels_divide_the_rows(tmp_path):
    text = ("某县农业农村局2023年度项目绩效自评报告\n\n自评得分\t92分\n"
            "绩效目标完成情况\t完成的绩效目标\t1.完成高标准农田建设1.2万亩。\n"
            "存在问题及改进措施\t存在问题\t1.部分项目开工较晚，进度偏慢。\n"
            "\t改进措施\t1.2024年3月底前完成全部项目招标，由规划股负责。\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    r = read_report(str(f))
    assert any("开工较晚" in t for t in _texts(r, "Q"))
    assert any("招标" in t for t in _texts(r, "I"))


def test_goal_and_outcome_cells_under_their_column_headers_are_both_read(tmp_path):
    # 预期目标 | 实际完成情况: the goal cell is short, and still the goal, not a sub-label
    text = ("2023年度项目支出绩效自评表\n项目名称\t乡村道路养护经费\n"
            "主管部门\t青石县交通运输局\t实施单位\t青石县公路养护中心\n"
            "年度总体目标\t预期目标\t实际完成情况\n"
            "\t乡村道路日常养护\t完成乡村道路日常养护326公里\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    r = read_report(str(f))
    assert _texts(r, "G") == ["乡村道路日常养护"]
    assert any("326公里" in t for t in _texts(r, "O"))


@pytest.mark.parametrize("labels", ["预期目标 实际完成情况", "年度目标 年度目标完成情况",
                                    "年度总体目标完成情况 预期目标 实际完成情况"])
def test_goal_and_outcome_cells_flattened_with_one_space_are_two_cells(tmp_path, labels):
    # a form flattened with single spaces: the labels on one line, the two cells on the next
    text = ("2023年度项目支出绩效自评表\n项目名称: 乡村道路养护经费\n"
            "资金总额: 80.00 80.00 78.40 10.00 98% 9.8\n"
            f"{labels}\n"
            "完成全县乡村道路日常养护，保障道路安全畅通 全年完成乡村道路日常养护326公里，未发生养护责任事故。\n"
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    r = read_report(str(f))
    assert _texts(r, "G") == ["完成全县乡村道路日常养护，保障道路安全畅通"]
    assert _texts(r, "O")[0].startswith("全年完成乡村道路日常养护326公里")
