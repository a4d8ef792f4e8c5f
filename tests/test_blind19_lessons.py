"""Lessons of blind19's first run (own invented text in the shapes it showed)."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text

SLIDES = """{slide} 1
青溪县文化馆
2023年度部门整体支出绩效自评汇报

{slide} 2
{outline}
一、部门基本情况
二、年度绩效目标
三、目标完成情况
四、存在问题
五、改进措施

{slide} 3
一、部门基本情况
{b} 内设3个股室，2023年全年预算212.40万元，实际支出205.16万元
{slide} 4
二、年度绩效目标
{b} 目标1：举办公益文化活动不少于40场
{b} 目标2：完成3个村级文化室设备配置
{slide} 5
三、目标完成情况
{b} 举办公益文化活动46场，参与群众约1.2万人次
{b} 3个村级文化室设备配置全部完成
{slide} 6
四、存在问题
{b} 文化志愿者队伍不稳定
{slide} 7
五、改进措施
{b} 2024年6月底前招募文化志愿者30名
{slide} 8
谢谢！
敬请各位领导批评指正
"""


@pytest.mark.parametrize("slide,outline,b", [("幻灯片", "汇报提纲", "•"), ("Slide", "目录", "-"), ("幻灯片", "汇报提纲", "▪")])
def test_a_slide_deck(slide, outline, b):
    r = read_text(SLIDES.format(slide=slide, outline=outline, b=b), "deck.txt")
    text = {sid: [p.text for p in s.paragraphs] for sid, s in r.sections.items()}
    assert text["G"] == ["目标1：举办公益文化活动不少于40场", "目标2：完成3个村级文化室设备配置"]
    assert text["O"][0].startswith("举办公益文化活动46场") and len(text["O"]) == 2
    assert text["I"] == ["2024年6月底前招募文化志愿者30名"]  # the closing slide is no measure


CHAPTERS = """青溪县2023年农村学校校舍维修项目绩效自评报告
目  录
第一章 项目概况\tPAGEREF _Toc15302 \\h 1
第二章 项目绩效目标\tPAGEREF _Toc9641 \\h 2
第三章 绩效目标完成情况\tPAGEREF _Toc22186 \\h 3
第一章 项目概况
第一节 项目背景
全县农村学校校舍多建于上世纪九十年代。
第二章 项目绩效目标
第一节 总体目标
对全县12所农村学校校舍实施维修改造，改造面积不少于2万平方米。
第三章 绩效目标完成情况
第一节 产出情况
1.全年完成12所学校校舍维修改造，改造面积2.1万平方米。
第二节 效益情况
2.项目惠及在校学生6,200人。
"""


def test_chapters_with_sections_and_a_contents_list_with_field_codes():
    r = read_text(CHAPTERS, "ch.txt")
    text = {sid: [p.text for p in s.paragraphs] for sid, s in r.sections.items()}
    assert text["G"] == ["对全县12所农村学校校舍实施维修改造，改造面积不少于2万平方米。"]
    assert text["O"] == ["全年完成12所学校校舍维修改造，改造面积2.1万平方米。", "项目惠及在校学生6,200人。"]
    assert not any("PAGEREF" in p.text for p in r.paragraphs())


PER_INDICATOR = """青溪县商务局2023年度部门整体支出绩效自评报告
一、部门概况
1.2023年年初预算512.30万元，全年预算588.46万元，实际支出571.05万元。
二、年度绩效目标
1.预算执行率不低于95%。
2.举办促消费活动不少于20场。
三、{head}
（一）投入指标（分值20分）
1.预算执行率。全年实际支出571.05万元，预算执行率97.04%。（分值10分，得分9.7分）
2.“三公”经费控制率。“三公”经费决算5.84万元，预算7.20万元，控制率81.11%。（分值10分，得分10分）
（二）产出指标（分值30分）
3.促消费活动。全年举办促消费活动24场。（分值10分，得分10分）
四、自评结论
1.自评得分96.5分，评价等级为优。
"""


@pytest.mark.parametrize("head", ["绩效指标完成情况", "各项指标完成情况"])
def test_results_written_indicator_by_indicator_under_an_unknown_heading(tmp_path, head):
    from nlp_pipeline.pipeline import analyze

    text = PER_INDICATOR.format(head=head)
    r = read_text(text, "r.txt")
    assert [p.text[:5] for p in r.paragraphs("O")] == ["预算执行率", "“三公”经", "促消费活动"]
    assert r.paragraphs("P")[0].text.startswith("自评得分96.5分")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    found = analyze(f, mode="lexical").findings
    # the 三公 budget is no restatement of the department's budget
    assert not [x for x in found if x.code == "NUMBER_CONFLICT"]
    assert not [x for x in found if x.code == "GOAL_WITHOUT_OUTCOME"]


GUIDED = """青溪县残联2023年度部门整体支出绩效自评报告
一、部门（单位）基本情况（主要包括部门职能、机构设置、人员编制、预算收支等情况）
1.青溪县残联内设3个部室，2023年实际支出291.24万元。
二、部门整体支出绩效目标（按照年初申报的绩效目标逐项填写）
1.为不少于100名残疾儿童提供康复救助服务。
2.{item}
三、绩效目标完成情况（对照年度绩效目标逐项说明完成情况，须有数据支撑）
1.为106名残疾儿童提供康复救助服务。
四、存在问题：{problem}
五、改进措施（针对存在问题逐条提出）
1.2024年6月底前新增1家定点康复机构。
"""


def test_headings_still_carrying_the_templates_guide(tmp_path):
    from nlp_pipeline.pipeline import analyze

    text = GUIDED.format(item="（其他绩效目标，根据部门实际填写，无则删除）", problem="康复机构偏少。")
    r = read_text(text, "g.txt")
    assert [p.text[:6] for p in r.paragraphs("G")] == ["为不少于10"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["为106名残"]  # the guide is no outcome
    assert [u.paragraph for u in r.unfilled if u.field == "goal"] == ["G2"]
    f = tmp_path / "g.txt"
    f.write_text(text, encoding="utf-8")
    unfilled = [x for x in analyze(f, mode="lexical").findings if x.code == "UNFILLED_FORM"]
    assert len(unfilled) == 1 and unfilled[0].evidence[0].paragraph == "G2"


def test_a_field_whose_only_value_is_the_guide_is_unfilled():
    text = GUIDED.format(item="完成无障碍改造不少于50户。", problem="（对照绩效目标完成情况，分析存在的问题及原因）")
    r = read_text(text, "g.txt")
    assert [u.field for u in r.unfilled] == ["problem"]


# The central-transfer 区域绩效自评表 with full-width 「｜」 cells.
REGIONAL = """中央对地方转移支付区域绩效自评表
（2023年度）
｜转移支付（项目）名称｜农机购置与应用补贴｜｜｜｜｜
｜年度总体目标｜预期目标｜｜｜实际完成目标｜｜｜
｜｜1.补贴各类农业机械不少于2,000台。｜｜｜1.补贴农业机械2,148台。｜｜｜
｜绩效指标｜一级指标｜二级指标｜三级指标｜指标值｜全年实际完成值｜分值｜得分｜未完成原因和改进措施｜
｜｜产出指标｜数量指标｜补贴机具数量｜≥2,000台｜{machines}｜20｜20｜—｜
｜｜产出指标｜数量指标｜报废更新机具数量｜≥120台｜{scrapped}｜20｜20｜—｜
｜｜效益指标｜经济效益指标｜农机作业服务面积｜≥40万亩｜37.6万亩｜30｜26｜{reason}｜
｜｜满意度指标｜服务对象满意度指标｜受益农户满意度｜≥90%｜{satisfied}｜30｜30｜—｜
"""


def _regional(tmp_path, **kw):
    from nlp_pipeline.pipeline import analyze

    values = dict(machines="2,148台", scrapped="146.2万元", reason="不影响年度总体目标实现", satisfied="XX%")
    values.update(kw)
    f = tmp_path / "r.txt"
    f.write_text(REGIONAL.format(**values), encoding="utf-8")
    return analyze(f, mode="lexical")


def test_a_regional_form_with_full_width_cells(tmp_path):
    a = _regional(tmp_path)
    assert [p.text for p in a.report.paragraphs("O")] == ["补贴农业机械2,148台。"]  # 实际完成目标 is the outcome
    codes = [x.code for x in a.findings]
    assert "UNIT_MISMATCH" in codes  # a count answered in 万元
    assert "DEVIATION_UNEXPLAINED" in codes  # 「不影响年度总体目标实现」 is no cause
    assert "UNFILLED_FORM" in codes  # XX% is the template's mask


def test_the_same_form_filled_and_explained(tmp_path):
    a = _regional(tmp_path, scrapped="146台", reason="受春季连续降雨影响作业天数减少", satisfied="95%")
    codes = [x.code for x in a.findings]
    assert not {"UNIT_MISMATCH", "DEVIATION_UNEXPLAINED", "UNFILLED_FORM"} & set(codes)


NOTICE = """关于青溪乡２０２３年度衔接资金项目绩效自评结果的公示
一、项目基本情况
１．项目依据《关于下达２０２３年第二批衔接资金的通知》（{number}）立项。
二、绩效目标
１．新建产业路３．２公里，２０２３年１１月底前完工。
三、绩效目标完成情况
１．新建产业路：目标值≥３．２公里，完成值３．２公里。
２．完工时间：目标值２０２３年１１月底前，完成值{done}完工并通过交工验收。
"""


@pytest.mark.parametrize("number,found", [("郧财农发〕２０２３〔１２号", True), ("郧财农发〔２０２３〕１２号", False)])
def test_year_brackets_written_the_wrong_way_round(tmp_path, number, found):
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "n.txt"
    f.write_text(NOTICE.format(number=number, done="２０２３年１１月２０日"), encoding="utf-8")
    assert ("CITATION_MALFORMED" in [x.code for x in analyze(f, mode="lexical").findings]) == found


@pytest.mark.parametrize("done,found", [("２０２１年１１月２０日", True), ("２０２３年１１月２０日", False)])
def test_a_result_dated_years_before_its_target(tmp_path, done, found):
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "n.txt"
    f.write_text(NOTICE.format(number="郧财农发〔２０２３〕１２号", done=done), encoding="utf-8")
    assert ("DATE_OUT_OF_PERIOD" in [x.code for x in analyze(f, mode="lexical").findings]) == found


@pytest.mark.parametrize("dao", ["达到", "达"])
def test_a_goal_restated_with_plan_words(dao):
    from nlp_pipeline.detect import restated_goal as R
    from nlp_pipeline.lexicons import load_yaml
    from nlp_pipeline.model import Paragraph

    cues = load_yaml("cues_goal_language.yaml")
    g = f"目标4：完成国民体质监测不少于1,200人，监测合格率{dao}90%以上"
    o = f"按照年度计划，将完成国民体质监测不少于1,200人，力争监测合格率{dao}90%以上"
    goal = Paragraph(id="G4", section="G", kind="goal", number=None, text=g, start=0, end=len(g))
    out = Paragraph(id="O4", section="O", kind="outcome", number=None, text=o, start=0, end=len(o))
    assert R._assess(out, goal, cues, R.COPY_RATIO) is not None
