"""What blind17's first run taught (own invented text in its shapes): a form saved as CSV
(cells joined by commas, quoted cells holding commas), a reason cell that claims the target
reached in other words (已完成年度目标) or rates the gap without a cause (属正常波动)."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text
from nlp_pipeline.pipeline import analyze

CSV = """项目支出绩效自评表,,,,,,,,
（2023年度）,,,,,,,,
项目名称,2023年村级动物防疫补助,,,,,,,
主管部门,青溪县农业农村局,,,实施单位,青溪县动物疫病预防控制中心,,,
年度总体目标,预期目标,,,实际完成情况,,,,
,"1.应免畜禽免疫密度达到90%以上，免疫抗体合格率达到70%以上。",,,"1.全年累计免疫畜禽21.6万头（羽），免疫密度{density}。",,,,
绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
,产出指标,数量指标,应免畜禽免疫密度,≥90%,{density},10,{score},{reason}
,产出指标,数量指标,采样监测样品数,"≥1,200份","1,236份",40,40,无
,效益指标,社会效益指标,病死畜禽无害化处理率,100%,100%,40,40,无
,满意度指标,服务对象满意度指标,养殖户满意度,≥90%,93.5%,10,10,无
总分,,,,,,100,{total},
"""


def _csv(density="91.2%", score="10", reason="无", total="100"):
    return CSV.format(density=density, score=score, reason=reason, total=total)


def test_a_form_saved_as_csv_is_read_as_its_table():
    r = read_text(_csv(), "f.csv")
    assert r.reader == "csv"
    rows = {i.name: i for t in r.tasks for i in t.indicators}
    assert rows["采样监测样品数"].target == "≥1,200份" and rows["采样监测样品数"].result == "1,236份"
    assert [p.text[:6] for p in r.paragraphs("G")] == ["应免畜禽免疫"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["全年累计免疫"]
    assert r.total_score == 100


def test_a_narrative_with_commas_is_no_csv():
    text = "".join(f"{k}.全年完成培训{k}期,覆盖{k * 10}人,群众满意度{90 + k}%。\n" for k in range(1, 9))
    assert read_text(text, "n.txt").reader != "csv"


@pytest.mark.parametrize("reason", ["已完成年度目标", "已完成年度任务", "已达到预期目标"])
def test_a_reason_cell_that_claims_the_target_reached(tmp_path, reason):
    f = tmp_path / "f.csv"
    f.write_text(_csv(density="87.6%", score="9", reason=reason, total="99"), encoding="utf-8")
    assert "INDICATOR_SHORTFALL" in [x.code for x in analyze(f).findings]


@pytest.mark.parametrize("reason,found", [("属正常波动", True), ("偏差较小", True),
                                          ("部分散养户外出务工，补免不及时", False)])
def test_a_reason_cell_that_only_rates_the_gap(tmp_path, reason, found):
    f = tmp_path / "f.csv"
    f.write_text(_csv(density="87.6%", score="9", reason=reason, total="99"), encoding="utf-8")
    assert ("DEVIATION_UNEXPLAINED" in [x.code for x in analyze(f).findings]) == found


DECIMAL = """某街道办事处2023年度部门整体支出绩效评价报告
目  录
1.引言 ………………………… 1
1.3年度绩效目标 …………………… 2
3.3产出 ………………………… 3
某街道办事处2023年度部门整体支出绩效评价报告
1.引言
1.3年度绩效目标
1.完成4个老旧小区提质改造。
2.矛盾纠纷调处成功率达到95%以上。
3.部门整体支出绩效分析
3.1投入
年初预算编制完整，预算调整率为8.2%。
3.3产出
1.完成4个老旧小区提质改造，新增停车位160个。
3.4效果
1.矛盾纠纷调处成功率97.6%。
4.绩效评价结论
4.2存在的问题
1.部分小区无物业服务企业。
5.改进建议
1.2024年6月底前由城管办引入物业服务企业。
"""


def test_decimal_outline_headings():
    r = read_text(DECIMAL, "r.txt")
    assert [p.text[:6] for p in r.paragraphs("G")] == ["完成4个老旧", "矛盾纠纷调处"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["完成4个老旧", "矛盾纠纷调处"]
    assert [p.text[:6] for p in r.paragraphs("P")] == ["年初预算编制"]
    assert len(r.paragraphs("Q")) == 1 and len(r.paragraphs("I")) == 1


@pytest.mark.parametrize("line", ["1.5万元", "2.5公里", "3.6亿元"])
def test_a_decimal_figure_alone_on_a_line_is_no_heading(line):
    from nlp_pipeline.ingest.items import split_number
    from nlp_pipeline.ingest.mapped import Mapped

    assert split_number(Mapped.synthetic(line)).style is None


def test_a_level_word_is_a_section_only_as_a_numbered_heading():
    from nlp_pipeline.ingest.labels import match_section

    assert match_section("产出") is None and match_section("效果") is None


FORMULAS = ("某县自然资源局2023年度部门整体支出绩效自评报告\n一、部门整体支出绩效目标\n1.全年办理不动产登记不少于3,000件。\n"
            "二、部门整体支出绩效情况\n（一）投入情况\n"
            "1.预算调整率=（调整预算数-年初预算数）/年初预算数×100%=（2,413.68-2,086.30）/2,086.30×100%={adj}。\n"
            "2.结转结余率=结转结余总额/调整预算数×100%=95.22/2,413.68×100%={rest}。\n"
            "（二）产出情况\n1.全年办理不动产登记3,264件。\n三、评价结论\n根据《关于印发预算绩效管理工作规程的通知》（{cite}），自评得分92分。\n")


def _arith(tmp_path, **kw):
    args = {"adj": "15.69%", "rest": "3.95%", "cite": "湘财绩〔2020〕7号"}
    args.update(kw)
    f = tmp_path / "r.txt"
    f.write_text(FORMULAS.format(**args), encoding="utf-8")
    return [(x.code, x.values) for x in analyze(f).findings]


def test_formulas_with_bracketed_groups_that_hold(tmp_path):
    assert [c for c, _ in _arith(tmp_path) if c == "ARITHMETIC_MISMATCH"] == []


@pytest.mark.parametrize("kw,computed", [({"rest": "3.59%"}, 3.945), ({"adj": "16.59%"}, 15.69)])
def test_formulas_that_do_not_hold(tmp_path, kw, computed):
    got = [v for c, v in _arith(tmp_path, **kw) if c == "ARITHMETIC_MISMATCH"]
    assert len(got) == 1 and abs(got[0]["computed"] - computed) < 0.01  # in percent, not ×100 again


def test_a_two_digit_year_in_a_document_number(tmp_path):
    assert "CITATION_MALFORMED" in [c for c, _ in _arith(tmp_path, cite="新财预〔24〕3号")]


def test_a_page_that_stars_out_names_has_masks(tmp_path):
    text = ("**县2023年度中央水利发展资金绩效自评报告\n（本页内容已做脱敏处理）\n一、绩效目标\n1.完成农村供水工程维修养护。\n"
            "二、目标完成情况\n1.更换水泵32台，保障了**村等山区村庄群众饮水安全。\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert "UNFILLED_FORM" not in [x.code for x in analyze(f).findings]


def test_a_word_that_begins_with_a_status_word_is_no_status():
    from nlp_pipeline.text.annotate import default_cues

    cues = default_cues()
    assert not cues.has("将进一步推进中医药服务能力建设", "not_done")
    assert cues.has("该项目正在推进中", "not_done")


@pytest.mark.parametrize("miss", ["未达到90%的年度目标", "未达90%的年度目标"])
def test_a_miss_written_with_the_short_verb(miss):
    from nlp_pipeline.text.annotate import default_cues

    cues = default_cues()
    text = f"孕产妇系统管理率88.6%，{miss}。"
    assert cues.has(text, "not_done") and cues.has(text, "unfinished")


@pytest.mark.parametrize("result,found", [("已接收", True), ("已建档", True), ("3,216卷", False), ("未接收", False)])
def test_a_done_verb_alone_is_no_figure(tmp_path, result, found):
    text = ("部门整体支出绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n"
            f"产出指标\t数量指标\t接收进馆档案\t≥3000卷\t{result}\t50\t50\t无\n"
            "满意度指标\t服务对象满意度指标\t查档群众满意度\t≥90%\t95.2%\t50\t50\t无\n")
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    assert ("INDICATOR_NO_FIGURE" in [x.code for x in analyze(f).findings]) == found


PEOPLE = ("某县民政局2023年度部门整体支出绩效自评报告\n01 部门基本情况\n全县户籍人口52.86万人，辖14个乡镇。\n"
          "02 年度绩效目标\n1.按月发放高龄津贴。\n03 目标完成情况\n1.全年为{count}80周岁以上老年人按月发放高龄津贴。\n")


@pytest.mark.parametrize("count,found", [("61.24万名", True), ("6.124万名", False), ("61.24万人次", False)])
def test_more_people_than_the_population(tmp_path, count, found):
    f = tmp_path / "r.txt"
    f.write_text(PEOPLE.format(count=count), encoding="utf-8")
    assert ("IMPLAUSIBLE_MAGNITUDE" in [x.code for x in analyze(f).findings]) == found


def test_a_number_and_a_space_before_a_title_is_a_top_heading():
    r = read_text(PEOPLE.format(count="6.124万名"), "r.txt")
    assert [p.text[:6] for p in r.paragraphs("B")] == ["全县户籍人口"]


@pytest.mark.parametrize("sep", ["\u3000", "\t", " | "])
def test_a_status_column_that_says_done(tmp_path, sep):
    head = sep.join(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "完成情况", "分值", "得分", "偏差原因"])
    row = sep.join(["产出指标", "质量指标", "查阅利用按时办结率", "≥98%", "{v}", "{s}", "50", "48", "无"])
    ok = sep.join(["满意度指标", "服务对象满意度指标", "查档群众满意度", "≥90%", "95.2%", "完成", "50", "50", "无"])
    f = tmp_path / "f.txt"
    f.write_text("部门整体支出绩效自评表\n" + head + "\n" + row.format(v="96.3%", s="完成") + "\n" + ok + "\n", encoding="utf-8")
    assert "INDICATOR_SHORTFALL" in [x.code for x in analyze(f).findings]
    f.write_text("部门整体支出绩效自评表\n" + head + "\n" + row.format(v="96.3%", s="未完成") + "\n" + ok + "\n", encoding="utf-8")
    assert "INDICATOR_SHORTFALL" not in [x.code for x in analyze(f).findings]


FOUR_LEVELS = """某市水务局2023年农村供水保障项目绩效自评报告
一、绩效目标分解下达情况
（一）资金下达情况
根据《关于下达2023年衔接资金的通知》（州财农〔2023〕17号），下达资金860万元。
（二）绩效目标
1.完成14处村级集中供水工程巩固提升。
2.工程供水水质检测合格率达到95%以上。
二、绩效目标自评完成情况分析
（一）项目资金情况分析
1.项目资金管理情况分析
项目资金实行专账核算、专款专用。
（二）项目绩效指标完成情况分析
1.项目完成数量
14处工程已全部完工。
"""


def test_a_budget_sub_heading_before_the_goals_is_the_basic_part():
    r = read_text(FOUR_LEVELS, "r.txt")
    assert [p.text[:6] for p in r.paragraphs("B")] == ["根据《关于下"]
    assert [p.text[:6] for p in r.paragraphs("G")] == ["完成14处村", "工程供水水质"]
    assert any("专账核算" in p.text for p in r.paragraphs("O"))


def test_a_starred_title_takes_the_organisation_from_the_signature(tmp_path):
    text = ("**县2023年度中央水利发展资金绩效自评报告\n一、项目概况\n凉山县水利局组织实施中央水利发展资金项目。\n"
            "二、绩效目标\n1.完成小型水库维修养护16座。\n三、目标完成情况\n1.完成小型水库维修养护16座。\n"
            "四、自评结论\n经自评，梁山县水利局2023年度自评得分95分。\n凉山县水利局\n2024年3月28日\n")
    r = read_text(text, "r.txt")
    assert r.organisation == "凉山县水利局"
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert "NAME_VARIANT" in [x.code for x in analyze(f).findings]


@pytest.mark.parametrize("grade,found", [("（根据总分自动生成）", True), ("优", False)])
def test_a_grade_cell_left_with_the_template_note(tmp_path, grade, found):
    f = tmp_path / "f.csv"
    f.write_text(_csv() + f"评价等级,{grade},,,,,,,\n", encoding="utf-8")
    assert ("UNFILLED_FORM" in [x.code for x in analyze(f).findings]) == found


def test_a_goal_no_outcome_names_is_owed_one_whatever_the_alignment(tmp_path):
    text = ("某县民政局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.城乡低保：农村低保标准不低于每人每月520元。\n"
            "2.养老服务：新建农村互助幸福院6个，按月发放高龄津贴。\n3.殡葬改革：推进乡镇公益性公墓建设，遗体火化率较上年提高。\n"
            "二、目标完成情况\n1.城乡低保。全年累计保障城乡低保对象12,846人，农村低保标准提高到每人每月540元。\n"
            "2.养老服务。新建农村互助幸福院6个。\n3.高龄津贴。全年为6,124名80周岁以上老年人按月发放高龄津贴。\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    got = [x for x in analyze(f).findings if x.code == "GOAL_WITHOUT_OUTCOME"]
    assert got and [e.paragraph for e in got[0].evidence] == ["G3"]
    f.write_text(text + "4.殡葬改革。新建乡镇公益性公墓2处，遗体火化率提高到68%。\n", encoding="utf-8")
    assert "GOAL_WITHOUT_OUTCOME" not in [x.code for x in analyze(f).findings]
