"""Indicator tables whose cells were glued with no separator (nlp_pipeline/ingest/glued.py)."""
from __future__ import annotations

from pathlib import Path

from nlp_pipeline.ingest import read_report
from nlp_pipeline.ingest.glued import (
    _points_pair,
    _repeat_split,
    glued_header,
    goal_outcome_spans,
)
from nlp_pipeline.ingest.table import find_tables

DATA = Path(__file__).parent / "data" / "reader"


def _rows(text: str) -> list[dict]:
    return [r.values for t in find_tables(text) for r in t.rows]


def test_glued_header_gives_the_column_order():
    hit = glued_header("项目名称某某绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施产出指标")
    assert hit is not None
    cols = [c for c, _a, _b in hit[0]]
    assert cols == ["label", "level1", "level2", "name", "target", "actual", "reason"]
    assert glued_header("一级指标和二级指标的设置说明") is None


def test_header_brackets_and_prefix_gaps():
    s = "二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出指标"
    hit = glued_header(s.replace(" ", ""))
    assert [c for c, _a, _b in hit[0]] == ["level2", "name", "target", "actual", "score"]
    assert s.replace(" ", "")[hit[1]:].startswith("产出指标")


def test_repeated_suffix_is_target_and_actual():
    s = "成本控制不超过预算不超过预算"
    assert [s[a:b] for a, b in _repeat_split(s)] == ["成本控制", "不超过预算", "不超过预算"]
    s = "保证补助专款专用专款专用专款专用"
    assert [s[a:b] for a, b in _repeat_split(s)] == ["保证补助专款专用", "专款专用", "专款专用"]
    assert _repeat_split("库存数量真实率") is None


def test_weight_and_score_glued():
    assert _points_pair("1010") == 2
    assert _points_pair("109.7") == 2
    assert _points_pair("88") is None  # too short to tell
    assert _points_pair("95") is None


def test_rows_rebuilt_from_glued_cells():
    text = ("1、某某资金绩效自评表绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"
            "产出指标(50分)数量指标3000吨小麦、200吨食用油储备到位率≥98%99%1010质量 指标抽检合格率100%100%1010\n"
            "2、时效指标资金拨付及时性按时拨付按时拨付109满意度指标服务对象满意度指标群众满意度≥90%95%1010总分10099\n")
    rows = _rows(text)
    assert [r["name"] for r in rows] == ["3000吨小麦、200吨食用油储备到位率", "抽检合格率", "资金拨付及时性", "群众满意度"]
    assert rows[0]["target"] == "≥98%" and rows[0]["actual"] == "99%" and rows[0]["weight"] == "10"
    assert rows[2]["target"] == rows[2]["actual"] == "按时拨付" and rows[2]["score"] == "9"
    assert rows[2]["level1"] == "产出指标" and rows[3]["level2"] == "服务对象满意度指标"
    tables = find_tables(text)
    assert tables[0].total_weight == 100 and tables[0].total_score == 99


def test_values_beyond_the_columns_open_the_name():
    text = ("二级指标三级指标年初目标值(A)实际完成值(B)得分产出指标数量指标培训人次≥500人次560人次10"
            "成本每人补助200元200元200元10时效1年1年1年10")
    rows = _rows(text)
    assert [(r["level2"], r["name"], r["target"], r["actual"], r["score"]) for r in rows] == [
        ("数量指标", "培训人次", "≥500人次", "560人次", "10"),
        ("成本", "每人补助200元", "200元", "200元", "10"),
        ("时效", "1年", "1年", "1年", "10")]


def test_a_glued_table_without_values_is_no_table():
    text = "长期绩效指标一级指标二级指标指标内容指标值备注产出指标数量指标88100…质量指标88100…时效指标88100…"
    assert find_tables(text) == []


def test_goal_and_outcome_after_glued_labels():
    raw = "年度总体目标预期目标实际完成情况完成全县10处工程建设。全年完成10处工程建设。绩效指标一级指标"
    (a, b), (c, d) = goal_outcome_spans(raw)
    assert raw[a:b] == "完成全县10处工程建设。" and raw[c:d] == "全年完成10处工程建设。"
    assert goal_outcome_spans("年初设定目标全年实际完成情况保持储备规模储备规模达标绩效指标") is None


def test_glued_fixture_reads_sections_rows_and_total():
    r = read_report(DATA / "c_glued_proj_water.txt")
    inds = [i for t in r.tasks for i in t.indicators]
    assert len(inds) == 8 and inds[0].reason == "一处工程因征地问题延期，已列入下年计划。"
    assert r.sections["G"].paragraphs[0].text.startswith("完成全县32处")
    assert r.sections["O"].paragraphs[0].text.startswith("全年完成31处")
    assert r.total_score == 99.7


def test_level_words_with_their_points():
    text = ("绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 培训场次 ≥12场 12场 50 50 效益指标（30分） 社会效益指标 受训人数 ≥300人 320人 30 30\n")
    rows = _rows(text)
    assert [(r["level1"], r["name"], r["reason"]) for r in rows] == [
        ("产出指标", "培训场次", ""), ("效益指标", "受训人数", "")]


def test_budget_figures_after_their_labels_on_one_line():
    r = read_report(DATA / "c_flat_proj_points.txt")
    b = r.budget
    assert (b.initial_budget.value, b.adjusted_budget.value, b.actual_spending.value, b.completion_rate.value) == \
        (24, 24, 23.6, 98.3)
    assert r.sections["G"].paragraphs[0].text.startswith("保障柳塘镇文化站")


def test_evaluation_conclusion_is_the_overall_part(tmp_path):
    # (a conclusion states the score, the grade and what was achieved overall: section P,
    # which the reader scores as an outcome kind)
    p = tmp_path / "r.txt"
    p.write_text("某某项目支出绩效自评报告\n一、项目概况\n项目资金60万元，年末使用完毕。\n二、评价结论\n"
                 "本项目自评得分95分，达成了预期的绩效目标。\n三、存在问题\n宣传力度不够。\n", encoding="utf-8")
    r = read_report(p)
    assert r.sections["P"].paragraphs[0].text.startswith("本项目自评得分95分")


def test_a_table_whose_header_was_cut_off():
    text = ("产出指标数量指标慰问人数≥500人 30 走访次数≤4次 20 时效指标资金发放及时率=100% 30 "
            "效益指标社会效益指标困难群众生活水平有所提高 20 合计100\n评价结论 按时发放。\n")
    rows = _rows(text)
    assert [(r["level2"], r["name"], r["target"], r["weight"]) for r in rows] == [
        ("数量指标", "慰问人数", "≥500人", "30"), ("数量指标", "走访次数", "≤4次", "20"),
        ("时效指标", "资金发放及时率", "=100%", "30"), ("社会效益指标", "困难群众生活水平", "有所提高", "20")]
    # a narrative line naming level words is no table
    assert find_tables("产出指标数量指标方面，全年完成了各项任务。\n") == []


def test_fields_glued_after_the_table():
    from nlp_pipeline.ingest.glued import tail_fields

    raw = "总分10098评价结论按时足额发放。存在问题暂无改进措施暂无项目负责人:财务负责人:"
    assert [(label, raw[c:e]) for label, _a, c, e in tail_fields(raw)] == [
        ("评价结论", "按时足额发放。"), ("存在问题", "暂无"), ("改进措施", "暂无")]
    r = read_report(DATA / "c_glued_proj_water.txt")
    assert r.sections["Q"].paragraphs[0].text == "个别工程前期征地协调不够。"
    assert any(u.field == "improvement" and u.text == "暂无" for u in r.unfilled)


def test_goal_glued_to_its_label_with_the_outcome_after_it():
    r = read_report(DATA / "c_glued_proj_maternal.txt")
    assert r.sections["G"].paragraphs[0].text == "为辖区孕产妇提供免费产前检查，降低孕产妇和新生儿健康风险"
    assert r.sections["O"].paragraphs[0].text.startswith("按照年初设定目标，全年为3260人次")
    # without a glued table on the line, 年度总体目标 before prose is left to the parsers
    assert goal_outcome_spans("年度总体目标为全县群众提供服务按照年初设定目标完成了任务") is None


def test_goal_and_outcome_written_as_rows_and_values_with_words_twice():
    r = read_report(DATA / "c_glued_proj_roads.txt")
    assert r.sections["G"].paragraphs[0].text == "完成全县农村公路日常养护，路况优良率稳步提升"
    assert r.sections["O"].paragraphs[0].text.startswith("全年完成农村公路日常养护860公里")
    inds = {i.name: i for t in r.tasks for i in t.indicators}
    assert inds["养护任务完成时限"].target == inds["养护任务完成时限"].result == "2022年底前"
