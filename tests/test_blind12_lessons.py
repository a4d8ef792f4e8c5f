"""What the first run of blind12 taught, each as a rule with positives, negative controls
and rewrites that keep the meaning. Own invented reports in the layouts of that set (not
its text): transposed digits, parts above wholes in any measure, prices per area and per
named unit, goals' targets missed in their outcomes, the form's foot rows, merged goal
rows and inline （1）（2） items."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions


def narrative(goals: list[str], outcomes: list[str], perf: str = "部门整体运行良好。",
              problems: tuple[str, ...] = ("基层技术力量不足。",),
              measures: tuple[str, ...] = ("2025年6月底前由业务股组织技术培训2次。",)) -> str:
    def items(xs):
        return "".join(f"{k}.{x}\n" for k, x in enumerate(xs, 1))
    return ("青山县农业农村局2024年度部门整体支出绩效自评报告\n一、部门基本情况\n本局年度预算总额为860.00万元，实际支出842.30万元。\n"
            f"二、年度绩效目标\n{items(goals)}三、目标完成情况\n{items(outcomes)}四、部门整体绩效\n{perf}\n"
            f"五、存在问题\n{items(problems)}六、改进措施\n{items(measures)}")


def found(text: str, rule: str | None = None, code: str | None = None):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if (rule is None or f.rule_id == rule) and (code is None or f.code == code)]


# --- NUM.TRANSPOSED ---------------------------------------------------------------------

TRANSPOSED = [
    # outcome against overall performance, the metric named in other words
    (["完成农村供水保障工程。"], ["新增和改善2.63万农村人口供水条件。"], "全年改善了2.36万农村群众的饮水条件。", (), ()),
    # outcome against a problem
    (["完成人工造林。"], ["全年完成人工造林1.26万亩。"], "部门整体运行良好。", ("全年完成的1.62万亩新造林管护压力大。",), ()),
    # a problem against the measure that answers it
    (["做好残疾人补贴发放。"], ["全年发放补贴4,210人。"], "部门整体运行良好。",
     ("仍有37名符合条件的新申请对象未能纳入当年补贴。",), ("2025年1月底前为73名符合条件的新申请对象补发补贴。",)),
    # money in two outcomes
    (["完成高标准农田建设。"], ["完成农田建设投资1,352.6万元。", "农田建设共投入资金1,532.6万元，带动农户增收。"], "部门整体运行良好。", (), ()),
    # a count
    (["完成动物防疫。"], ["全年完成动物免疫抽检146批次。"], "全年动物免疫抽检164批次，合格率98%。", (), ()),
]


def _report(case):
    goals, outcomes, perf, problems, measures = case
    kw = {}
    if problems:
        kw["problems"] = problems
    if measures:
        kw["measures"] = measures
    return narrative(goals, outcomes, perf, **kw)


@pytest.mark.parametrize("case", TRANSPOSED, ids=range(len(TRANSPOSED)))
def test_transposed_digits(case):
    # one finding for the pair; where the metric is named alike NUM.CONFLICT finds it too
    # and the resolver keeps one
    fs = found(_report(case), code="NUMBER_CONFLICT")
    assert len(fs) == 1 and len({e.paragraph for e in fs[0].evidence}) == 2
    if fs[0].rule_id == "NUM.TRANSPOSED":
        assert [e.role for e in fs[0].evidence] == ["claim", "counter"]
        assert "相邻两位数字互换" in fs[0].message


def test_transposed_is_read_where_the_metric_is_named_otherwise():
    assert [f.rule_id for f in found(_report(TRANSPOSED[0]), code="NUMBER_CONFLICT")] == ["NUM.TRANSPOSED"]


@pytest.mark.parametrize("old,new", [("2.63万", "２．６３万"), ("改善了", "改善")])
def test_transposed_rewrites_keep_the_finding(old, new):
    assert len(found(_report(TRANSPOSED[0]).replace(old, new), "NUM.TRANSPOSED")) == 1


@pytest.mark.parametrize("case", [
    # a goal's target against its result: a deviation, not a slip
    (["完成退化草原修复65亩。"], ["完成退化草原修复56亩，因雨季推迟。"], "部门整体运行良好。", (), ()),
    # a result against next year's plan in a measure
    (["完成古树保护。"], ["建档挂牌一级古树42株。"], "部门整体运行良好。", (), ("2025年对剩余24株古树实施复壮。",)),
    # two figures listed in one sentence
    (["完成培训。"], ["培训村干部37人、农技员73人。"], "部门整体运行良好。", (), ()),
    # two rates
    (["完成绿化。"], ["城区绿地率96.2%。"], "绿化覆盖率92.6%。", (), ()),
    # nothing in common but the figure
    (["完成采购。"], ["采购农机具146台。"], "培训骨干164人次。", (), ()),
], ids=range(5))
def test_transposed_clean(case):
    assert found(_report(case), "NUM.TRANSPOSED") == []


# --- parts above wholes, prices per area or per named unit ---------------------------------

@pytest.mark.parametrize("sentence", [
    "建成高标准农田3.2万亩，其中高效节水灌溉面积4.6万亩。",
    "建成高标准农田3.2万亩。其中高效节水灌溉面积4.6万亩。",
    "修建田间道路12.5公里，其中硬化道路15.2公里。",
])
def test_part_above_whole_in_any_measure(sentence):
    fs = found(narrative(["完成农田建设。"], [sentence]), "NUM.PART_ABOVE_WHOLE")
    assert len(fs) == 1 and [e.role for e in fs[0].evidence] == ["total", "part"]


@pytest.mark.parametrize("sentence", [
    "建成高标准农田3.2万亩，其中高效节水灌溉面积1.1万亩。",
    "产出指标25分，其中数量指标27.5分。",      # scores are not summed here
    "实施项目12个，其中覆盖乡镇15个。",         # a generic measure word counts other things
])
def test_part_above_whole_clean(sentence):
    assert found(narrative(["完成农田建设。"], [sentence]), "NUM.PART_ABOVE_WHOLE") == []


@pytest.mark.parametrize("sentence,rule", [
    ("修复青石板巷道1,260平方米，按综合单价420元/平方米结算，费用52.92元。", "NUM.UNIT_PRICE"),
    ("修复青石板巷道1,260平方米，按每平方米420元结算，共计52.92元。", "NUM.UNIT_PRICE"),
    ("全年抽检1,260批次，平均每批次检验费用1,850元，检验费用合计223.10万元。", "NUM.PRODUCT"),
    ("全年抽检１，２６０批次，每批次检验费用１，８５０元，合计２２３．１０万元。", "NUM.PRODUCT"),
])
def test_prices_per_area_and_per_named_unit(sentence, rule):
    assert len(found(narrative(["完成年度任务。"], [sentence]), rule)) == 1


@pytest.mark.parametrize("sentence", [
    "修复青石板巷道1,260平方米，按综合单价420元/平方米结算，费用52.92万元。",
    "全年抽检1,260批次，平均每批次检验费用1,850元，检验费用合计233.10万元。",
    "收储粮食1.2万吨，每吨补贴100元，共计120万元。",   # 1.2万吨 is 12,000吨
])
def test_prices_clean(sentence):
    fs = found(narrative(["完成年度任务。"], [sentence]))
    assert not [f for f in fs if f.rule_id in ("NUM.UNIT_PRICE", "NUM.PRODUCT")]


# --- a goal's target missed in its outcome ------------------------------------------------

def test_rate_goal_missed_while_outcome_claims_it_reached():
    text = narrative(["检验报告按时出具率100%。"], ["全年出具检验报告1,260份，按时出具率98.4%，达到年度目标。"])
    assert len(found(text, "NUM.SHORTFALL")) == 1
    assert found(text.replace("98.4%", "100%"), "NUM.SHORTFALL") == []


@pytest.mark.parametrize("outcome,n", [
    ("完成退化草原修复3,200亩。", 1),
    ("完成退化草原修复３，２００亩。", 1),
    ("完成退化草原修复4,800亩。", 0),                       # within the tolerance of a plain volume
    ("完成退化草原修复3,200亩，因持续干旱推迟补播。", 0),    # the cause is given
])
def test_volume_goal_missed_without_a_cause(outcome, n):
    assert len(found(narrative(["完成退化草原修复5,000亩。"], [outcome]), "NUM.DEVIATION")) == n


def test_overall_claim_against_a_result_below_its_plan():
    text = narrative(["完成森林抚育2万亩。", "完成人工造林1.2万亩。"],
                     ["全面完成了年度各项目标任务。", "完成森林抚育1.64万亩，为年度任务的82.0%。", "完成人工造林1.26万亩。"])
    fs = found(text, "NUM.OVERALL_CLAIM")
    assert len(fs) == 1 and "O2" in [e.paragraph for e in fs[0].evidence]
    assert found(text.replace("82.0%", "100%"), "NUM.OVERALL_CLAIM") == []


def test_table_without_cause_column_needs_no_cause_for_a_small_gap():
    table = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
             "| 产出指标 | 质量指标 | 农家书屋图书更新率 | ≥10% | {x} | 10 | 9.5 |\n"
             "| 产出指标 | 数量指标 | 送戏下乡演出场次 | ≥120场 | 126场 | 10 | 10 |\n")
    for x, n in (("9.6%", 0), ("6.1%", 1)):
        text = narrative(["开展送戏下乡演出不少于120场。"], ["全年开展送戏下乡演出126场。"],
                         perf="自评总分96.5分，各项指标得分见下表。\n" + table.format(x=x))
        assert len(found(text, "NUM.DEVIATION")) == n, x


def test_vague_measure_opening_with_gaodu_zhongshi():
    text = narrative(["完成年度任务。"], ["完成年度任务。"], problems=("景区服务不规范。",),
                     measures=("高度重视旅游市场监管工作，切实抓好各项任务落实。",))
    assert len(found(text, "TXT.VAGUE")) == 1


def test_short_name_after_tongguo_is_no_name_variant():
    text = narrative(["完成年度任务。"], ["全年项目均已通过县农业农村局组织的竣工验收。"]).replace(
        "青山县农业农村局", "歙县农业农村局", 1)
    assert found(text, "TXT.NAME_VARIANT") == []
    assert len(found(text.replace("通过县农业", "由翕县农业"), "TXT.NAME_VARIANT")) == 1


# --- the reader ---------------------------------------------------------------------------

FORM = """项目支出绩效自评表
（2024年度）
| 项目名称 | 2024年古民居修缮项目 |  |  |  |
| --- | --- | --- | --- | --- |
| 主管部门 | 某县文化旅游体育局 |  | 实施单位 | 某县文物中心 |
| 年度总体目标 | 预期目标 |  | 实际完成情况 |  |
| 年度总体目标 | 1.修缮古民居8处。 |  | 1.8处古民居全部修缮完成。 |  |
|  | 2.修复巷道900平方米。 |  | 2.修复巷道920平方米。 |  |
|  | 3.建立修缮档案。 |  | 3.修缮档案全部建立。 |  |
| 绩效指标 | 一级指标 | 三级指标 | 年度指标值 | 实际完成值 |
| 绩效指标 | 产出指标 | 修缮古民居数量 | 8处 | 8处 |
| 评价等级 | 优 |  |  |  |
| 存在问题 | 无。 |  |  |  |
| 改进措施 | 2025年3月底前将古民居纳入安全巡查平台。 |  |  |  |
| 项目负责人 | 王某 | 财务负责人 | 李某 | 填报日期 2025年3月12日 |
"""


def test_merged_goal_rows_keep_their_columns_and_foot_rows_are_no_text():
    r = read_text(FORM)
    assert [p.text.rstrip("。") for p in r.paragraphs("G")] == ["修缮古民居8处", "修复巷道900平方米", "建立修缮档案"]
    assert [p.text.rstrip("。") for p in r.paragraphs("O")] == ["8处古民居全部修缮完成", "修复巷道920平方米", "修缮档案全部建立"]
    assert [p.text for p in r.paragraphs("I")] == ["2025年3月底前将古民居纳入安全巡查平台。"]


def test_bracketed_items_after_a_heading_on_its_line():
    text = narrative(["完成年度任务。"], ["完成年度任务。"]).replace(
        "五、存在问题\n1.基层技术力量不足。\n", "五、存在问题 （1）基层技术力量不足。（2）仍有12户未纳入补贴。\n")
    r = read_text(text)
    assert [p.text for p in r.paragraphs("Q")] == ["基层技术力量不足。", "仍有12户未纳入补贴。"]


# --- side-by-side cells, two goals, numbered twins, weights in brackets, list items ---------

FLAT = """项目支出绩效自评表
（2024年度）
项目名称 2024年困难群众救助补助项目
主管部门 青山县民政局 实施单位 青山县民政局
年度总体目标 预期目标 实际完成情况
1.按每人每月100元标准为困难老人发放生活补贴，月均保障不少于1,500人。 1.全年发放困难老人生活补贴，月均保障1,512人，累计发放181.44万元。
2.按每人每月80元标准为重度残疾人发放护理补贴，月均保障不少于900人。 2.全年发放重度残疾人护理补贴，月均保障903人，累计发放86.69万元。
3.对补贴对象实行动态管理，做到应补尽补、应退尽退。 3.符合条件的老人和残疾人已全部纳入补贴范围，做到了应补尽补。
存在问题 无。
改进措施 2025年3月底前完成补贴对象年度复核。
"""


def test_side_by_side_cells_on_every_line():
    r = read_text(FLAT)
    assert [p.text[:6] for p in r.paragraphs("G")] == ["按每人每月1", "按每人每月8", "对补贴对象实"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["全年发放困难", "全年发放重度", "符合条件的老"]
    r2 = read_text(FLAT.replace("。 2.", "。　2."))   # an ideographic space between the cells
    assert len(r2.paragraphs("O")) == 3


def test_two_outcomes_of_two_goals_are_no_conflict_and_twins_pair():
    fs = found(FLAT)
    assert not [f for f in fs if f.code == "NUMBER_CONFLICT"]
    assert not [f for f in fs if f.code == "GOAL_WITHOUT_OUTCOME"]
    # the same outcome with a number that disagrees within the goal's own item is still read
    bad = FLAT.replace("3.符合条件的老人和残疾人已全部纳入补贴范围，做到了应补尽补。",
                       "3.符合条件的老人和残疾人已全部纳入补贴范围，做到了应补尽补；全年发放困难老人生活补贴月均保障1,521人。")
    assert [f.rule_id for f in found(bad, code="NUMBER_CONFLICT")]


@pytest.mark.parametrize("perf,n", [
    ("预算执行率得分9.5分（分值10分），产出指标得分46分（分值50分），效益指标得分30分（分值30分），自评总分85.5分。", 0),
    ("预算执行率得分9.5分（分值10分），产出指标得分46分（分值50分），效益指标得分30分（分值30分），自评总分86.5分。", 1),
    ("预算执行率得分9.5分（满分10分），产出指标得分52分（满分50分），效益指标得分30分（满分30分），自评总分91.5分。", 1),
    ("预算执行率得分９．５分（分值１０分），产出指标得分４６分（分值５０分），效益指标得分３０分（分值３０分），自评总分８６．５分。", 1),
])
def test_scores_with_their_weights_in_brackets_after_them(perf, n):
    assert len(found(narrative(["完成年度任务。"], ["完成年度任务。"], perf=perf), "FORM.SCORE_PROSE")) == n


@pytest.mark.parametrize("outcome,n", [
    ("森林防火方面：建成瞭望塔3座；新增视频监控点位26个；组建扑火队12支；新增视频监控点位26个。", 1),
    ("森林防火方面：建成瞭望塔３座；新增视频监控点位２６个；组建扑火队１２支；新增视频监控点位２６个。", 1),
    ("森林防火方面：建成瞭望塔3座；新增视频监控点位26个；组建扑火队12支；新增视频监控点位16个。", 0),
    ("森林防火方面：建成瞭望塔3座；覆盖全县15个乡镇；组建扑火队12支，覆盖全县15个乡镇的重点林区。", 0),
])
def test_list_item_written_twice(outcome, n):
    assert len(found(narrative(["完成森林防火任务。"], [outcome]), "TXT.REPEATED")) == n


# --- the basic part (部门概况) is read by the number checks ---------------------------------

BASIC = ("某县文化旅游体育局2024年度部门整体支出绩效自评报告\n一、部门概况\n"
         "（一）主要职能。负责全县公共文化服务、旅游资源开发等工作。\n"
         "（二）预算收支情况。2024年部门年初预算2,615.00万元，调整后预算3,086.42万元；全年实际支出2,940.15万元，"
         "预算执行率95.26%。其中基本支出1,268.40万元，占总支出的{share}。\n"
         "二、部门整体支出绩效目标\n1.开展送戏下乡演出不少于120场。\n"
         "三、绩效目标实现情况\n1.全年开展送戏下乡演出126场。\n"
         "四、存在的问题\n1.基层文化站人员不足。\n五、下一步改进措施\n1.2025年6月底前为乡镇文化站补充管理员8名。\n")


def test_basic_part_is_a_section_the_number_checks_read():
    r = read_text(BASIC.format(share="43.1%"))
    assert [p.id for p in r.paragraphs("B")] == ["B1", "B2"]
    assert r.paragraphs("G") and r.paragraphs("O")
    assert found(BASIC.format(share="43.1%"), code="ARITHMETIC_MISMATCH") == []
    fs = found(BASIC.format(share="46.8%"), code="ARITHMETIC_MISMATCH")
    assert len(fs) == 1 and {e.paragraph for e in fs[0].evidence} == {"B2"}
    assert len(found(BASIC.format(share="４６．８％"), code="ARITHMETIC_MISMATCH")) == 1


def test_basic_part_is_no_goal_outcome_problem_or_measure():
    fs = found(BASIC.format(share="43.1%"))
    assert not [f for f in fs if f.code in ("GOAL_WITHOUT_OUTCOME", "UNSUPPORTED_CLAIM", "VAGUE_MEASURE",
                                             "PROBLEM_WITHOUT_MEASURE", "OUTCOME_RESTATES_GOAL")]


def test_gold_place_b_covers_the_basic_paragraphs():
    from nlp_pipeline.evaluate import covers

    assert covers("B", "B2") and covers("B", "B") and not covers("B", "BX") and not covers("B2", "B")


def test_change_amounts_are_no_whole():
    text = BASIC.format(share="43.1%").replace(
        "（一）主要职能。", "（一）收入情况。全年收入792.22万元，同比上年度增加189.25万元，其中财政拨款收入792.22万元。")
    assert found(text, "NUM.PART_ABOVE_WHOLE") == []
