"""What blind16's first run taught (own invented text in its shapes): headings marked bold
in markdown (**第一部分　部门概况**), a conclusion heading (四、自评结论) is the overall
performance part, prose scores written as weight-then-score pairs (产出指标50分得47.5分 …
合计95.6分; 过程（权重20分）得21.5分), and a grade's bound (90分及以上为优) is no part."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text
from nlp_pipeline.pipeline import analyze

BOLD = """青石镇人民政府2023年度部门整体支出绩效自评报告

{a}第一部分　部门概况{b}

青石镇辖18个行政村，2023年度部门预算2,150.30万元。

{a}第二部分　年度绩效目标{b}

1.完成12个行政村生活污水治理。

2.新增民宿8家以上。

{a}第三部分　绩效目标实现情况{b}

1.完成12个行政村生活污水治理，新建管网16.2公里。

2.新增民宿9家。

{a}第四部分　存在问题{b}

1.旅游专业人才缺乏。

{a}第五部分　改进措施{b}

1.2024年6月底前由镇文旅办组织民宿从业人员培训2期。
"""


@pytest.mark.parametrize("a,b", [("**", "**"), ("__", "__"), ("## ", "")])
def test_headings_marked_bold_in_markdown(a, b):
    r = read_text(BOLD.format(a=a, b=b), "r.txt")
    assert [p.text[:6] for p in r.paragraphs("G")] == ["完成12个行", "新增民宿8家"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["完成12个行", "新增民宿9家"]
    assert len(r.paragraphs("Q")) == 1 and len(r.paragraphs("I")) == 1


def test_stars_inside_a_line_are_kept():
    r = read_text(BOLD.format(a="", b="").replace("新增民宿8家以上", "新增民宿**家以上"), "r.txt")
    assert any("**家" in p.text for p in r.paragraphs("G"))


NARR = ("白河县教育局2023年度项目支出绩效自评报告\n一、绩效目标\n1.改造校舍3所。\n二、绩效目标完成情况\n"
        "1.改造校舍3所，面积4,200平方米。\n三、{head}\n{body}\n四、存在问题\n1.部分工程结算滞后。\n"
        "五、改进措施\n1.2024年4月底前由计财股完成工程结算。\n")


def _scores(tmp_path, head, body):
    f = tmp_path / "r.txt"
    f.write_text(NARR.format(head=head, body=body), encoding="utf-8")
    return [(x.code, [e.paragraph for e in x.evidence]) for x in analyze(f).findings
            if x.code in ("SCORE_MISMATCH", "ARITHMETIC_MISMATCH")]


@pytest.mark.parametrize("head", ["自评结论", "评价结论"])
def test_a_conclusion_heading_is_the_overall_part(head):
    r = read_text(NARR.format(head=head, body="自评得分95分，等级为优。"), "r.txt")
    assert [p.text for p in r.paragraphs("P")] == ["自评得分95分，等级为优。"]


@pytest.mark.parametrize("body", [
    "预算执行10分得9.6分、产出指标50分得47.5分、效益指标30分得28分、满意度指标10分得9.5分，合计95.6分。",
    "预算执行10分得9.6分，产出指标50分得47.5分，效益指标30分得28分，满意度指标10分得9.5分，总计95.6分。",
])
def test_weight_then_score_pairs_against_their_total(tmp_path, body):
    got = _scores(tmp_path, "自评结论", body)
    assert [c for c, _ in got] == ["SCORE_MISMATCH"]
    assert _scores(tmp_path, "自评结论", body.replace("95.6", "94.6")) == []


def test_a_score_above_its_bracketed_weight(tmp_path):
    body = "决策（权重15分）得15分、过程（权重20分）得21.5分、产出（权重40分）得36分、效益（权重25分）得21分，合计93.5分。"
    assert [c for c, _ in _scores(tmp_path, "自评结论", body)] == ["SCORE_MISMATCH"]
    assert _scores(tmp_path, "自评结论", body.replace("得21.5分", "得19.5分").replace("93.5", "91.5")) == []


def test_a_grade_bound_is_no_part(tmp_path):
    body = "自评得分93.59分，其中预算执行9.79分、产出指标38.5分、效益指标27.3分、满意度指标18.0分，自评等级为优（90分及以上为优）。"
    assert _scores(tmp_path, "自评结论", body) == []
    assert [c for c, _ in _scores(tmp_path, "自评结论", body.replace("27.3分", "26.3分"))] == ["SCORE_MISMATCH"]


AFTER_TABLE = """某县农业农村局2024年农村户厕改造项目绩效目标申报表及绩效自评报告
一、项目绩效目标申报表
年度总体目标\t1.新（改）建农村卫生户厕2,400户以上。
\t2.配套建设粪污收集转运点8个，粪污无害化处理率达到90%以上。
二、绩效自评情况
1.项目基本情况。本项目由县农业农村局牵头，各乡镇组织实施，项目总投资720万元。
2.绩效目标完成情况。
（1）产出指标。新（改）建农村卫生户厕2,436户；建设粪污收集转运点8个。
（2）效益指标。全县卫生厕所普及率提高到84.1%，粪污无害化处理率92.6%。
3.自评得分情况。经自评，总分95分，等级为优。
4.存在的问题。
（1）部分农户改厕后使用率不高。
5.改进措施。
（1）2025年由县农业农村局组织入户宣传，提高使用率。
"""


def test_a_profile_item_after_the_goals_opens_the_basic_part():
    r = read_text(AFTER_TABLE, "r.txt")
    assert not any("项目总投资" in p.text for p in r.paragraphs("G"))
    assert any(p.text.startswith("本项目由县农业农村局牵头") for p in r.paragraphs("B"))
    assert [p.text for p in r.paragraphs("P")] == ["经自评，总分95分，等级为优。"]


def test_a_goal_two_outcomes_report_in_parts_is_covered(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(AFTER_TABLE, encoding="utf-8")
    assert "GOAL_WITHOUT_OUTCOME" not in [x.code for x in analyze(f).findings]
    # the goal's work named nowhere in the outcomes is still missing
    f.write_text(AFTER_TABLE.replace("\t2.配套建设", "\t2.建立户厕长效管护机制，落实管护人员。\n\t3.配套建设"),
                 encoding="utf-8")
    assert "GOAL_WITHOUT_OUTCOME" in [x.code for x in analyze(f).findings]


PDF = """清江市卫生健康委员会
2023年度基本公共卫生服务项目支出绩效自评报告
一、项目基本情况
　　国家基本公共卫生服务项目是我市面向全体城乡居民免费提供的公共卫生
服务，由市卫生健康委员会组织实施，各乡镇卫生院和村卫生室具体承担，全
年实际支出3,263.17万元。
二、项目绩效目标
　　1.城乡居民健康档案：居民电子健康档案建档率达到90%以上，档案动态
使用率达到70%以上。
　　2.老年人健康管理：65岁及以上老年人健康管理率达到65%以上，群众满
意度达到85%以上。

— 1 —

清江市卫生健康委员会2023年度基本公共卫生服务项目支出绩效自评报告
三、绩效目标完成情况
　　1.城乡居民健康档案。全市累计建立居民电子健康档案37.62万份，电子
建档率93.97%，档案动态使用率71.3%，高于年度目标，
各项指标均达到年度目标。全年向村卫生室拨付补助1,128.36万元，按季度结算。
　　2.老年人健康管理。全年接受健康管理40,046人，老年人健康管理率
{rate}（年度目标≥65%），该项指标如期达标。

— 2 —

清江市卫生健康委员会2023年度基本公共卫生服务项目支出绩效自评报告
四、存在的问题
　　1.村级公共卫生服务队伍老化，部分村医对信息化随访操作不熟练，随访记
录不规范。
五、改进措施
　　1.2024年内由市卫生健康委基层卫生股组织村医信息化随访操作轮训2期。
"""


def test_a_pdf_text_wrapped_at_a_fixed_width():
    r = read_text(PDF.format(rate="66.20%"), "r.txt")
    assert len(r.paragraphs("B")) == 1 and r.paragraphs("B")[0].text.endswith("3,263.17万元。")
    assert [p.text[:6] for p in r.paragraphs("G")] == ["城乡居民健康", "老年人健康管"]
    outcomes = r.paragraphs("O")
    assert [p.text[:6] for p in outcomes] == ["城乡居民健康", "老年人健康管"]
    assert "均达到年度目标。全年向村卫生室" in outcomes[0].text.replace("\n", "")
    assert not any("自评报告" in p.text for s in "BGOQI" for p in r.paragraphs(s))


def test_a_rate_short_of_its_target_rate_claimed_met(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(PDF.format(rate="61.80%"), encoding="utf-8")
    codes = [x.code for x in analyze(f).findings]
    assert "INDICATOR_SHORTFALL" in codes and "CLAIM_CONTRADICTED" not in codes
    f.write_text(PDF.format(rate="66.20%"), encoding="utf-8")
    assert "INDICATOR_SHORTFALL" not in [x.code for x in analyze(f).findings]


@pytest.mark.parametrize("cited,bad", [
    ("（赣财社指〔2023〕号）", True), ("（益财建〔2024〕37）", True), ("按益财建〔2024〕37文件", True),
    ("（赣财社指〔2023〕21号）", False), ("于〔2024〕年", False),
])
def test_a_document_number_without_its_serial_or_its_hao(tmp_path, cited, bad):
    text = NARR.format(head="自评结论", body="自评得分95分，等级为优。").replace(
        "1.改造校舍3所。\n", f"1.根据{cited}要求，改造校舍3所。\n", 1)
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert ("CITATION_MALFORMED" in [x.code for x in analyze(f).findings]) == bad


CELLS = """项目支出绩效自评表
（2023年度）
项目名称
2023年公共文化服务补助资金
年度总体目标
预期目标
实际完成情况
1.全年开展送戏下乡演出100场以上。
1.全年开展送戏下乡演出104场。
2.县图书馆全年免费开放2,000小时以上。
2.县图书馆全年免费开放300天。
绩效指标
一级指标
二级指标
三级指标
年度指标值
实际完成值
分值
得分
偏差原因分析及改进措施
产出指标
数量指标
送戏下乡演出场次
≥100场
104场
20
20
无
农家书屋补充图书
≥10,000册
{books}
20
20
无

— 1 —

项目支出绩效自评表（续）
一级指标
二级指标
三级指标
年度指标值
实际完成值
分值
得分
偏差原因分析及改进措施
图书馆免费开放时长
≥2,000小时
{hours}
20
20
无
效益指标
社会效益指标
群众参与文化活动人次
≥8万人次
7.42万人次
30
24
{reason}
总分
100
{total}
"""


def _cells(**kw):
    args = {"books": "10,260册", "hours": "2,016小时", "reason": "受汛期影响，部分演出取消", "total": "94"}
    args.update(kw)
    return CELLS.format(**args)


def test_a_form_one_cell_a_line_continued_over_a_page():
    r = read_text(_cells(), "f.txt")
    assert [p.text[:8] for p in r.paragraphs("G")] == ["全年开展送戏下乡", "县图书馆全年免费"]
    assert [p.text[:8] for p in r.paragraphs("O")] == ["全年开展送戏下乡", "县图书馆全年免费"]
    rows = {i.name: i for t in r.tasks for i in t.indicators}
    assert list(rows) == ["送戏下乡演出场次", "农家书屋补充图书", "图书馆免费开放时长", "群众参与文化活动人次"]
    assert (rows["图书馆免费开放时长"].level2, rows["图书馆免费开放时长"].result) == ("数量指标", "2,016小时")
    assert r.total_score == 94


@pytest.mark.parametrize("kw,code", [
    ({"books": "已补充"}, "INDICATOR_NO_FIGURE"),
    ({"hours": "288天"}, "UNIT_MISMATCH"),
    ({"reason": "见附件说明"}, "DEVIATION_UNEXPLAINED"),
])
def test_what_the_continued_form_hides(tmp_path, kw, code):
    f = tmp_path / "f.txt"
    f.write_text(_cells(), encoding="utf-8")
    assert code not in [x.code for x in analyze(f).findings]
    f.write_text(_cells(**kw), encoding="utf-8")
    assert code in [x.code for x in analyze(f).findings]


TOTALS = ("某县林业局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.新造和改造油茶林2,000亩，带动林农增收。\n"
          "二、绩效目标完成情况\n1.全年新造油茶林{new}亩、改造低产油茶林870亩，合计{total}亩，超额完成年度任务。\n"
          "2.全年城镇新增就业1,286人，失业人员再就业574人，城镇登记失业率2.86%。\n"
          "三、存在问题\n1.油茶林管护资金不足。\n四、改进措施\n1.2024年由县林业局争取油茶林管护资金50万元。\n")


def test_the_parts_total_is_what_the_target_counts(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(TOTALS.format(new="1,280", total="2,150"), encoding="utf-8")
    codes = [x.code for x in analyze(f).findings]
    assert "CLAIM_CONTRADICTED" not in codes and "DEVIATION_UNEXPLAINED" not in codes
    # a total short of the target is still short
    f.write_text(TOTALS.format(new="1,080", total="1,950"), encoding="utf-8")
    assert "CLAIM_CONTRADICTED" in [x.code for x in analyze(f).findings]


def test_a_population_rate_is_not_computed_from_nearby_counts(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(TOTALS.format(new="1,280", total="2,150"), encoding="utf-8")
    assert "ARITHMETIC_MISMATCH" not in [x.code for x in analyze(f).findings]


def test_a_web_page_s_metadata_is_no_title():
    from nlp_pipeline.ingest import header

    assert not header.is_title("关键词：整体支出 绩效自评")
    assert header.is_title("青山县林业局2023年度部门整体支出绩效自评报告")
    page = ("首页 > 信息公开 > 青山县林业局\n发布机构：青山县林业局\n关键词：整体支出 绩效自评\n"
            "青山县林业局2023年度部门整体支出绩效自评报告\n来源：青山县林业局　发布时间：2024-04-16\n"
            "一、年度绩效目标\n1.完成人工造林1.2万亩。\n二、绩效目标完成情况\n1.完成人工造林1.26万亩。\n"
            "三、部门整体绩效\n按照评价指标体系，青岭县林业局2023年度自评得分93分。\n")
    r = read_text(page, "p.txt")
    assert (r.organisation, r.year) == ("青山县林业局", 2023)


def test_a_report_opening_on_its_basic_part_with_text(tmp_path):
    text = ("白河市教育局２０２３年薄弱环节改善补助资金绩效自评报告\n"
            "一、专项资金基本情况：根据《关于下达２０２３年补助资金的通知》（白财教〔２０２３ ２１号），我市获得补助资金１２８６万元。\n"
            "二、绩效目标：\n１．完成５所学校校舍改造。\n三、绩效目标完成情况：\n１．完成５所学校校舍改造，面积６８４０平方米。\n")
    r = read_text(text, "r.txt")
    assert [p.text[:6] for p in r.paragraphs("B")] == ["根据《关于下"]
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert "CITATION_MALFORMED" in [x.code for x in analyze(f).findings]
