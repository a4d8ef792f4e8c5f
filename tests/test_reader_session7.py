"""Reader lessons of the seventh session (own invented text in the shapes of real pages)."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text

# A form exported with its merged cells dropped: the goal row, the two header rows
# (年度指标值 spanning 指标性质 / 指标值 / 度量单位) and the first indicator row all land
# on one line.
TWO_TIERS = """2023年度项目支出绩效自评表 | 部门:青溪县第三小学 |
| 公开表 | 项目名称 | 校园安全设施改造资金 | 主管部门 | 青溪县教育局 | 实施单位 | 青溪县第三小学 | 项目资金 (元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
| 260000.00 | 260000.00 | 10 | 100% | 10 |
| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 完成校园监控与消防设施改造 | 已完成监控与消防设施改造 | {label} | {target_head} | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 新增监控点位 | ≧ | 48 | 个 | 48 | 20 | 20 |
| 质量指标 | 设施验收合格率 | ═ | 100 | % | 100% | 20 | 20 |
| 时效指标 | 改造完成及时率 | ≧ | 95 | % | 90% | 20 | 16 | 雨季延误工期 |
| 效益指标 | 社会效益 指标 | 校园安全事故下降率 | ≧ | 10 | % | 12% | 20 | 20 |
| 经济效益 指标 | 减少安全隐患损失 |
| 明显 |
| 明显 | 10 | 10 |
| 满意度指标 | 服务对象满意度指标等 | 师生满意度 | ≧ | 90 | % | 96% | 10 | 10 |
| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |
"""


def _rows(label="绩效指标", target_head="年度指标值"):
    r = read_text(TWO_TIERS.format(label=label, target_head=target_head), "form.txt")
    return [i for t in r.tasks for i in t.indicators]


@pytest.mark.parametrize("label,target_head", [("绩效指标", "年度指标值"), ("年度绩效指标", "年度目标值")])
def test_a_two_row_header_on_one_line_gives_the_columns_in_their_real_order(label, target_head):
    rows = _rows(label, target_head)
    assert [i.name for i in rows] == ["新增监控点位", "设施验收合格率", "改造完成及时率", "校园安全事故下降率",
                                      "减少安全隐患损失", "师生满意度"]
    first = rows[0]
    assert (first.target, first.result, first.weight, first.score) == ("≧48个", "48", 20, 20)
    late = rows[2]
    assert (late.target, late.result, late.weight, late.score) == ("≧95%", "90%", 20, 16)
    assert late.reason == "雨季延误工期"
    assert rows[1].level2 == "质量指标" and rows[0].level1 == "产出指标"


def test_a_row_whose_values_come_on_the_lines_after_its_name():
    words = _rows()[4]
    assert (words.target, words.result, words.weight, words.score) == ("明显", "明显", 10, 10)


def test_a_level_in_the_templates_own_wording_with_deng():
    last = _rows()[-1]
    assert last.level1 == "满意度指标" and last.level2 == "服务对象满意度指标等"
    assert (last.target, last.result, last.weight, last.score) == ("≧90%", "96%", 10, 10)


# A spreadsheet form whose PDF text came out on one line with its header scrambled: rows
# are found by their shape (name, target, result, weight, score).
SCRAMBLED = ("{title} (2023年度) 项目名称 家庭医生签约服务 主管部门 青溪县卫生健康局 年初预算 数 0 项目资金 (万元) "
             "全年预算数 全年执行数 分值 执行率 得分 0 86.5 10 100% 10 年度 实际 指标值 完成值 "
             "{m1}上门随访人次 5200人次 {m2}签约宣传活动 不少于8 次 不少于4 次 二级指标 三级指标 分值 得分 31 3 3 9次 1 1 "
             "{m3}建立签约档案 1850份 1850份 5 5 {m4}重点人群签约数 1200人 1080人 5 4.5 "
             "{m5}老年人随访控制数 960人 820人 5 4.3 {m6}孕产妇访视人数 {m7}新生儿访视人数 310人 310人 5 5 "
             "305人 290人 5 4.8 {m8}慢病随访覆盖人数 2400人 2400人 5 5 质量指标 {m9}提升签约服务")


def _scrambled(markers=True):
    ms = {f"m{k}": (f"指标{k}:" if markers else "") for k in range(1, 10)}
    return read_text(SCRAMBLED.format(title="青溪县项目支出绩效自评表", **ms), "form.txt")


def test_rows_found_by_their_shape_in_a_scrambled_flattened_form():
    r = _scrambled()
    rows = [(i.name, i.target, i.result, i.weight, i.score) for t in r.tasks for i in t.indicators]
    assert rows == [
        ("指标3:建立签约档案", "1850份", "1850份", 5, 5),
        ("指标4:重点人群签约数", "1200人", "1080人", 5, 4.5),
        ("指标5:老年人随访控制数", "960人", "820人", 5, 4.3),
        # two names written before their figures take them in order
        ("指标6:孕产妇访视人数", "310人", "310人", 5, 5),
        ("指标7:新生儿访视人数", "305人", "290人", 5, 4.8),
        ("指标8:慢病随访覆盖人数", "2400人", "2400人", 5, 5),
    ]
    # the scrambled rows 1 and 2 are dropped, not guessed, and the report says so
    assert r.rows_unread and any("指标1" in r.text[a:b] for a, b in r.rows_unread)


def test_plain_names_without_row_labels_are_read_too():
    names = [i.name for t in _scrambled(markers=False).tasks for i in t.indicators]
    assert names[:3] == ["建立签约档案", "重点人群签约数", "老年人随访控制数"]


def test_a_table_with_rows_unread_is_not_summed_against_full_marks(tmp_path):
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "form.txt"
    f.write_text(SCRAMBLED.format(title="青溪县项目支出绩效自评表", **{f"m{k}": f"指标{k}:" for k in range(1, 10)}),
                 encoding="utf-8")
    a = analyze(f, mode="lexical")
    assert not [f for f in a.findings if f.rule_id == "FORM.SCORE_SUM"]
    # a count of patients under control is more-is-better: 820 of 960 is a miss, not a met target
    assert not [f for f in a.findings if f.rule_id == "FORM.SCORE_RULE"]
    assert any(f.rule_id == "NUM.DEVIATION" and "老年人随访控制数" in f.message for f in a.findings)
    # the numbers of row labels (指标6, 指标7) are no figures
    assert not [f for f in a.findings if f.rule_id == "NUM.TRANSPOSED"]


def test_goal_and_outcome_cells_after_their_two_labels():
    r = read_text(TWO_TIERS.format(label="绩效指标", target_head="年度指标值"), "form.txt")
    assert [p.text for p in r.sections["G"].paragraphs] == ["完成校园监控与消防设施改造"]
    assert [p.text for p in r.sections["O"].paragraphs] == ["已完成监控与消防设施改造"]


# A target table (绩效目标申报表) with each project's goal in a column before 一级指标 and
# the target split over 指标性质 | 指标值 | 度量单位.
TARGETS = """| 部门预算项目绩效目标申报表(2024年度) | ||||||||||||
| 金额单位:元 | ||||||||||||
| 单位名称 | 项目名称 | 预算数 | {goal_head} | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 | |
| 601-东坪镇部门 | 1,250,000.00 | |||||||||||
| 601001-东坪镇人民政府 | 农村公路养护经费 | 820,000.00 | 完成辖区农村公路日常养护 | 产出指标 | 数量指标 | 养护里程 | ≥ | 86 | 公里 | 20 | 正向指标 | |
| 产出指标 | 质量指标 | 路面完好率 | ≥ | 90 | % | 20 | 正向指标 | |||||
| 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥ | 90 | % | 10 | 正向指标 | |||||
| 村级活动场所维护 | 430,000.00 | 保障12个村级活动场所正常使用 | 产出指标 | 数量指标 | 维护场所数量 | = | 12 | 个 | 20 | 正向指标 | ||
| 效益指标 | 社会效益指标 | 群众议事活动正常开展 | ≥ | 95 | % | 10 | 正向指标 | |||||
"""


@pytest.mark.parametrize("goal_head", ["年度目标", "项目绩效目标"])
def test_a_target_tables_goal_column_and_split_targets(goal_head):
    r = read_text(TARGETS.format(goal_head=goal_head), "targets.txt")
    assert [p.text for p in r.sections["G"].paragraphs] == ["完成辖区农村公路日常养护", "保障12个村级活动场所正常使用"]
    targets = {i.name: i.target for t in r.tasks for i in t.indicators}
    assert targets["养护里程"] == "≥86公里" and targets["路面完好率"] == "≥90%" and targets["维护场所数量"] == "=12个"


def test_a_split_target_keeps_its_unit_off_when_the_result_is_a_bare_figure():
    text = ("绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            "\t产出指标\t数量指标\t巡查里程\t≥\t320\t公里\t326\t10\t10\t无\n"
            "\t产出指标\t时效指标\t处置时限\t≤\t3\t天\t4.5\t10\t10\t达到指标值\n"
            "\t效益指标\t社会效益指标\t问题整改率\t≥\t95\t%\t97\t10\t10\t无\n")
    rows = {i.name: i for t in read_text(text, "f.tsv").tasks for i in t.indicators}
    # the comparison is read (≤ makes smaller better); the unit stays with the column both share
    assert rows["处置时限"].target == "≤3" and rows["处置时限"].result == "4.5"


# A two-page report copied from a document-sharing site: one line, headings run into their
# text with nothing between, bracketed sub-headings with nothing before them.
RUN_ON = ("《青溪县第二小学专项资金绩效自评价报告.docx》由会员分享,可在线阅读。\n"
          "青溪县第二小学专项资金绩效自评价报告一、基本情况(一)项目基本概况我校2023年项目为一个:校舍维修项目"
          "(二){goal_label}我校2023年安排维修资金86万元,修缮教学楼屋面2400平方米,项目绩效目标是消除校舍安全隐患"
          "二、项目资金使用及管理情况我校校舍维修资金严格按照上级文件要求使用,专款专用"
          "三、项目组织实施情况项目于2023年7月开工,8月底完工"
          "四、{outcome_label}{outcome}"
          "五、存在的问题及原因分析维修工期较紧,部分材料进场较晚"
          "六、几点建议{advice}七、其他需要说明的问题暂无")


@pytest.mark.parametrize("goal_label,outcome_label,outcome,advice", [
    ("资金及项目绩效目标", "预算支出绩效情况", "消除了校舍安全隐患", "维修资金应提前下达"),
    ("项目绩效目标", "项目实施效果", "教学楼屋面不再渗漏", "下一年度提前组织招标"),
])
def test_a_run_on_report_with_headings_run_into_their_text(goal_label, outcome_label, outcome, advice):
    r = read_text(RUN_ON.format(goal_label=goal_label, outcome_label=outcome_label, outcome=outcome,
                                advice=advice), "r.txt")
    text = {sid: [p.text for p in s.paragraphs] for sid, s in r.sections.items()}
    assert len(text["G"]) == 1 and text["G"][0].startswith("我校2023年安排")  # the outline's next heading ends it
    assert text["O"] == [outcome]
    assert text["I"] == [advice]
    assert text["Q"][0].startswith("维修工期较紧")


@pytest.mark.parametrize("stop", [",", "，", "。"])
def test_labels_after_a_comma_or_a_half_width_stop_in_running_text(stop):
    text = ("青溪县林业局2023年度部门整体支出绩效自评报告\n"
            "一、部门整体支出绩效自评开展情况\n"
            f"按照预算绩效管理要求,本部门对2023年整体支出开展绩效自评,自评得分91分{stop}存在的问题:一是年初预算编制对"
            "造林面积测算不够准确.二是专项资金申报不够及时.下一步改进措施:一是编制预算前对造林地块逐一核实.二是按进度申报资金计划.\n")
    r = read_text(text, "r.txt")
    assert r.sections["Q"].paragraphs[0].text.startswith("一是年初预算编制")
    assert r.sections["I"].paragraphs[0].text.startswith("一是编制预算前")


def test_glued_cells_with_the_weight_before_the_target():
    from nlp_pipeline.ingest.table import find_tables

    text = ("绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
            "产出指标(70分)数量指标新建蓄水池10≥12口≥12口10质量指标工程验收合格率20100%100%20"
            "成本指标项目计划总投资1035万元35万元10效益指标(20分)社会效益指标灌溉条件改善状况10明显改善明显改善10"
            "满意度指标(10分)服务对象满意度指标受益群众满意度10≥95%≥96%10总分100100")
    rows = {r.values["name"]: r.values for t in find_tables(text) for r in t.rows}
    assert (rows["工程验收合格率"]["weight"], rows["工程验收合格率"]["target"]) == ("20", "100%")
    assert (rows["项目计划总投资"]["weight"], rows["项目计划总投资"]["target"]) == ("10", "35万元")
    assert rows["灌溉条件改善状况"]["target"] == rows["灌溉条件改善状况"]["actual"] == "明显改善"


# A PDF text layer of a 自评表 whose qualitative rows give only 分值 and 得分, with the
# template's empty rows (指标2: / ……) left in and level names wrapped in their cells.
PLACEHOLDERS = """    年度绩效指标完成情况 一级
    指标
    二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
    (50分)
    数量指标 指标1:新建机耕道数量 3 3 10 10
    指标2:硬化渠道长度 2.4 2.4 10 10
    ……
    质量指标 指标1:工程质量合格 10 10
    指标2:
    ……
    (30分)
    {level_a}
    {level_b}
    指标1:灌溉面积稳定 10 10
    指标2:
    ……
    满意度指标 指标1:受益群众满意度 {target} 100% 10 10
"""


@pytest.mark.parametrize("level_a,level_b", [("经济效益", "指标"), ("可持续影", "响指标")])
def test_placeholder_rows_wrapped_levels_and_rows_of_points_only(level_a, level_b):
    from nlp_pipeline.ingest.table import find_tables

    text = PLACEHOLDERS.format(level_a=level_a, level_b=level_b, target="90%")
    rows = [r.values for t in find_tables(text) for r in t.rows]
    byname = {r["name"]: r for r in rows}
    assert set(byname) == {"指标1:新建机耕道数量", "指标2:硬化渠道长度", "指标1:工程质量合格", "指标1:灌溉面积稳定",
                           "指标1:受益群众满意度"}
    q = byname["指标1:工程质量合格"]
    assert (q["target"], q["actual"], q["weight"], q["score"]) == ("", "", "10", "10") and not q["reason"]
    assert byname["指标1:灌溉面积稳定"]["level2"] == level_a + level_b


def test_a_satisfaction_target_passed_is_no_deviation(tmp_path):
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "r.txt"
    f.write_text("青溪县水利局2023年度项目支出绩效自评表\n" + PLACEHOLDERS.format(
        level_a="经济效益", level_b="指标", target="90%"), encoding="utf-8")
    assert not [x for x in analyze(f, mode="lexical").findings if x.rule_id == "NUM.DEVIATION"]
