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
