"""Lessons of blind22's first run (own invented text in the shapes it showed): a report
marked only by lead phrases, a heading whose section name goes on with 及, indicator rows
as dotted-leader lines, a recommendation written as slogans, a sentence announcing a list."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text


def _codes(tmp_path, text) -> list[str]:
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return [x.code for x in analyze(f, mode="lexical").findings]


LEAD = ("青溪县实验小学2023年度部门整体支出绩效自评报告\n\n"
        "{basic}，青溪县实验小学是县教育局所属公益一类事业单位，在校学生1,240人。\n\n"
        "{goal}，本校2023年确定的教学目标为：开展校本教研活动不少于30次。\n\n"
        "安全目标为：全年不发生安全责任事故。\n\n"
        "{done}，教学工作中，全年开展校本教研活动34次。\n\n"
        "安全工作中，全年开展应急演练10次，未发生安全责任事故。\n\n"
        "{problem}，第一，部分校舍老化；第二，专任教师结构性缺编。\n\n"
        "{measure}，2024年8月底前由总务处完成校舍维修；2024年9月前向县教育局申请补充教师3名。\n")


@pytest.mark.parametrize("words", [
    dict(basic="单位概况方面", goal="年度目标方面", done="目标完成方面", problem="存在不足方面", measure="下一步"),
    dict(basic="基本情况方面", goal="绩效目标方面", done="目标完成情况方面", problem="存在问题方面", measure="今后"),
])
def test_a_report_marked_only_by_lead_phrases(words):
    r = read_text(LEAD.format(**words), "t.txt")
    assert [p.text[:5] for p in r.paragraphs("G")] == ["本校202", "安全目标为"]
    assert [p.text[:5] for p in r.paragraphs("O")] == ["教学工作中", "安全工作中"]
    assert len(r.paragraphs("Q")) == 1 and len(r.paragraphs("I")) == 1
    assert r.paragraphs("B")[0].text.startswith("青溪县实验小学")


def test_a_lead_phrase_that_names_no_section_continues_the_section():
    text = LEAD.format(basic="单位概况方面", goal="年度目标方面", done="目标完成方面",
                       problem="存在不足方面", measure="下一步")
    text = text.replace("安全工作中，", "从安全管理看，")
    r = read_text(text, "t.txt")
    assert [p.text[:7] for p in r.paragraphs("O")][1] == "从安全管理看，"


def test_a_heading_whose_name_goes_on_with_a_joined_word():
    text = ("青溪县2023年项目绩效评价报告\n一、绩效目标\n1.改造管道38公里。\n"
            "二、绩效目标完成情况及指标得分\n改造管道38.6公里，得分10/10。\n")
    r = read_text(text, "t.txt")
    assert len(r.paragraphs("G")) == 1 and r.paragraphs("O")[0].text.startswith("改造管道38.6公里")


LEADER = ("青溪县图书馆2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.全年流通人次不少于30万人次，读者满意度不低于95%。\n"
          "二、绩效指标完成情况\n"
          "（指标名称（目标值，分值）……完成值　得分）\n"
          "年度流通人次（≥30万人次，30分）…………………31.2万人次　30分\n"
          "乡镇（街道）分馆数量（12个，30分）………………12个　30分\n"
          "读者满意度（≥95%，40分）………………………{sat}　{s}分{why}\n"
          "合计（{total_w}分）………………………………{total}分\n"
          "三、整体绩效\n本馆自评总分{said}分，等级为“优”。\n")


def _leader(**kw) -> str:
    v = dict(sat="96.1%", s="40", why="", total_w="100", total="100", said="100")
    v.update(kw)
    return LEADER.format(**v)


def test_dotted_leader_lines_are_read_as_rows():
    r = read_text(_leader(), "t.txt")
    rows = [i for t in r.tasks for i in t.indicators]
    assert [(i.name, i.target, i.result, i.weight, i.score) for i in rows] == [
        ("年度流通人次", "≥30万人次", "31.2万人次", 30.0, 30.0),
        ("乡镇（街道）分馆数量", "12个", "12个", 30.0, 30.0),
        ("读者满意度", "≥95%", "96.1%", 40.0, 40.0)]
    assert r.total_score == 100
    assert not any("指标名称" in p.text for p in r.paragraphs("O"))


@pytest.mark.parametrize("kw,code,found", [
    (dict(said="97"), "SCORE_MISMATCH", True),
    (dict(said="100"), "SCORE_MISMATCH", False),
    (dict(sat="93.8%", s="38", total="98", said="98"), "DEVIATION_UNEXPLAINED", True),
    (dict(sat="93.8%", s="38", total="98", said="98", why="（9月系统升级停机45天，部分读者未能参与调查）"),
     "DEVIATION_UNEXPLAINED", False),
])
def test_leader_rows_feed_the_row_checks(tmp_path, kw, code, found):
    assert (code in _codes(tmp_path, _leader(**kw))) == found


@pytest.mark.parametrize("measure,vague", [
    ("建议进一步压实主体责任，切实加强项目全过程管理，不断提升财政资金使用效益。", True),
    ("夯实基础管理，筑牢安全防线，不断提升服务水平。", True),
    ("建议县住建局于2024年6月底前补齐2笔材料款的到货验收单。", False),
])
def test_a_recommendation_of_slogans_is_vague(tmp_path, measure, vague):
    text = ("青溪县2023年项目绩效评价报告\n一、绩效目标\n改造管道38公里。\n二、绩效目标完成情况\n改造管道38.6公里。\n"
            "三、存在的主要问题\n个别单体工程尚未通过验收。\n四、改进建议\n" + measure + "\n")
    assert ("VAGUE_MEASURE" in _codes(tmp_path, text)) == vague


def test_a_sentence_announcing_a_list_is_no_paragraph():
    text = ("青溪县2023年度绩效自评报告\n一、年度绩效目标\n1.新建道路3公里。\n二、目标完成情况\n"
            "现将各项指标的完成情况逐项列示如下：\n1.新建道路3.2公里。\n")
    r = read_text(text, "t.txt")
    assert [p.text for p in r.paragraphs("O")] == ["新建道路3.2公里。"]


@pytest.mark.parametrize("second,found", [
    ("坚持以游戏为基本活动、保教并重", True),
    ("坚持以游戏为主要形式开展活动", False),
])
def test_a_clause_written_again_without_its_subject(tmp_path, second, found):
    text = ("青溪县幼儿园2023年度绩效自评报告\n一、年度目标\n开展园本教研活动不少于40次。\n二、目标完成情况\n"
            f"保教工作中，本园坚持以游戏为基本活动、保教并重，全年开展园本教研活动46次，{second}，幼儿体质合格率97.1%。\n")
    assert ("REPEATED_TEXT" in _codes(tmp_path, text)) == found
