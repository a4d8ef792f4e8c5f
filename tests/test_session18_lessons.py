"""Lessons of the eighteenth session, in invented text of the shapes real pages showed.

A 项目支出绩效自评表 exported to text with single spaces between its cells drops the empty
cells: a row of 三级指标 | 指标性质 | 年度指标值 | 度量单位 | 实际完成值 | 完成率 | 分值 | 得分
with no 指标性质 and no 度量单位 comes out as 「名称 52 10 19.23% 20.00 3.85」. The reader put the
target in the comparison column and shifted every figure after it (the result read as the
target, the weight as the result), and stopped the header at 完成率, a column it did not know."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_report

FORM = """项目支出绩效自评表
项目名称: 3301-乡村学校营养餐补助 填报人: 周一明
主管部门: 青石县教育局 实施单位: 青石县第二中学
资金构成(元) 年初预算数 全年预算数 执行数 分值 执行率(%) 得分
资金总额: 240,000.00 240,000.00 180,000.00 10.00 75 7.5
年度目标 年度目标完成情况
为在校学生提供营养午餐 全年为在校学生提供营养午餐182天。
{header}
产出指标 数量指标 受助学生人数 {sep}860 812 94.42% 30.00 28.33 部分学生转学。
产出指标 质量指标 食品抽检合格率 {sep}100 % 100 100.00% 30.00 30
效益指标 社会效益指标 学生营养状况改善 {sep}90 % 93 103.33% 20.00 20
满意度指标 服务对象满意度 家长满意度 {sep}90 % 96 106.67% 10.00 10
合计 100.00 95.83
"""

HEADER = "一级指标 二级指标 三级指标 指标性质 年度指标值 度量单位 实际完成值 {rate} 分值 得分 未完成原因分析"


def _rows(tmp_path, rate="完成率", sep=""):
    f = tmp_path / "f.txt"
    f.write_text(FORM.format(header=HEADER.format(rate=rate), sep=sep), encoding="utf-8")
    return [(i.name, i.target, i.result, i.weight, i.score) for t in read_report(str(f)).tasks for i in t.indicators]


# the header's unknown column under any name, and the empty comparison cell left out or
# written as ≥: the rows read the same
@pytest.mark.parametrize("rate, sep", [("完成率", ""), ("指标完成比", ""), ("完成率", "≥ ")])
def test_rows_flattened_without_their_empty_cells_keep_their_columns(tmp_path, rate, sep):
    rows = _rows(tmp_path, rate, sep)
    assert len(rows) == 4
    name, target, actual, weight, score = rows[0]
    assert name == "受助学生人数"
    assert target.replace("≥", "") == "860" and actual == "812"
    assert float(weight) == 30 and float(score) == pytest.approx(28.33)
    assert [r[2] for r in rows[1:]] == ["100", "93", "96"]
    assert [float(r[3]) for r in rows] == [30, 30, 20, 10]


# --- excerpts cut off -------------------------------------------------------------------
# Real pages come as search excerpts that break off inside a sentence or a table row. The
# tool read the break as the report's own gap: the last row's result "unfilled", the last
# problem "without a measure", though what would answer them lies beyond the cut.

from nlp_pipeline.ingest.cut import cut_off  # noqa: E402
from nlp_pipeline.pipeline import analyze  # noqa: E402

NARR = """青石县文化旅游局2023年度乡村文化广场建设项目绩效自评报告

一、项目基本情况
项目总投资86万元，用于建设村级文化广场6处。

二、绩效目标完成情况
全年建成村级文化广场6处，配套健身器材48套，群众文化活动场次较上年增加12场。

三、存在的主要问题
1.部分广场照明设施不足，夜间使用率不高。
2.{problem}
"""


def _codes(tmp_path, text: str, name: str = "r.txt") -> list[str]:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return [x.code for x in analyze(str(f), mode="lexical").findings]


# the break after a comma, after a figure that follows one, in full-width text, inside a
# word: each is a sentence broken off
@pytest.mark.parametrize("tail", [
    "个别村组管护责任落实不到位，日常保洁由村民轮流承担，",
    "个别村组管护责任落实不到位，日常保洁由村民轮流承担，经费仅有2023",
    "个别村组管护责任落实不到位，日常保洁由村民轮流承担，经费仅有２０２３",
    "个别村组管护责任落实不到位，日常保洁由村民轮流承担，经费主要依靠村集体经济收入支",
])
def test_a_report_cut_in_its_problems_is_not_said_to_lack_measures(tmp_path, tail):
    text = NARR.format(problem=tail)
    assert cut_off(text) is not None
    assert "PROBLEM_WITHOUT_MEASURE" not in _codes(tmp_path, text)


def test_a_whole_report_with_problems_and_no_measures_still_lacks_them(tmp_path):
    text = NARR.format(problem="个别村组管护责任落实不到位，日常保洁由村民轮流承担。") + "\n四、其他需要说明的情况\n无。\n"
    assert cut_off(text) is None
    assert "PROBLEM_WITHOUT_MEASURE" in _codes(tmp_path, text)


PIPE = """青石县图书馆2023年数字阅读推广项目绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 产出指标 | 数量指标 | 线上阅读活动场次 | ≥12场 | 14场 | 20 | 20 | |
| 产出指标 | 质量指标 | 数字资源更新率 | ≥90% | 93% | 20 | 20 | |
| 效益指标 | 社会效益指标 | 数字阅读注册读者 | ≥5000人 | 5260人 | 30 | 30 | |
{last}
"""


def test_a_form_cut_in_its_last_row_leaves_no_unfilled_result(tmp_path):
    text = PIPE.format(last="| 满意度指标 | 服务对象满意度指标 | 读者满意度")
    assert cut_off(text) is not None
    assert "UNFILLED_FORM" not in _codes(tmp_path, text)


def test_a_whole_form_with_an_empty_result_is_still_unfilled(tmp_path):
    text = PIPE.format(last="| 满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥90% | | 10 | 10 | |")
    assert cut_off(text) is None
    assert "UNFILLED_FORM" in _codes(tmp_path, text)


# whole texts that end without a sentence mark: a list written without 。, a signature
# and date, a page footer, a run of titles after the report
@pytest.mark.parametrize("end", [
    "改进措施：\n1、建立管护台账，明确每处广场的管护责任人\n2、2024年3月前为3处广场加装太阳能照明灯\n"
    "3、每季度组织一次设施安全检查，发现问题限期维修",
    "改进措施：2024年3月前为3处广场加装太阳能照明灯。\n\n青石县文化旅游局\n2024年2月26日",
    "改进措施：2024年3月前为3处广场加装太阳能照明灯。\n主办单位：青石县人民政府办公室 网站标识码：3607000001",
    "改进措施：2024年3月前为3处广场加装太阳能照明灯。\n相关阅读\n青石县召开2024年文化旅游工作会议\n"
    "青石县图书馆开展世界读书日系列阅读推广活动",
])
def test_a_whole_text_ending_without_a_mark_is_not_cut(end):
    assert cut_off(NARR.format(problem="个别村组管护责任落实不到位。") + "\n四、改进措施\n" + end) is None


def test_measures_cut_in_their_last_item_answer_for_every_problem(tmp_path):
    text = NARR.format(problem="个别村组管护责任落实不到位，日常保洁由村民轮流承担。") + (
        "\n四、下一步改进措施\n一是2024年3月前为3处广场加装太阳能照明灯，提高夜间使用率；二是建立管护台账，"
        "明确每处广场的管护责任人和保洁经费来源，由乡镇文化站每季度检")
    assert cut_off(text) is not None
    assert "PROBLEM_WITHOUT_MEASURE" not in _codes(tmp_path, text)
    # the same measures whole, the second problem left without one: the gap is the report's
    whole = NARR.format(problem="个别村组管护责任落实不到位，日常保洁由村民轮流承担。") + (
        "\n四、下一步改进措施\n2024年3月前为3处广场加装太阳能照明灯，提高夜间使用率。\n")
    assert cut_off(whole) is None
    assert "PROBLEM_WITHOUT_MEASURE" in _codes(tmp_path, whole, "whole.txt")


# --- learned from blind31 (after its first run) ------------------------------------------

def _write(tmp_path, text: str, name: str = "r.txt") -> str:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return str(f)


BASE = """青石县体育局2023年度健身设施建设项目绩效自评报告

一、项目基本情况
项目年度资金300万元，全部为县级财政资金。

二、绩效目标完成情况
{body}

三、存在的问题
个别场地夜间照明不足。

四、改进措施
2024年5月底前为4处场地加装照明灯。
"""


# a price held to a bound (≤, 不超过, 控制在…以内) is the target, not the price paid: the
# total is the count times the price actually written
@pytest.mark.parametrize("body", [
    "多功能运动场平均造价38.6万元/个，年度目标值为≤40万元/个，6个运动场合计造价231.60万元。",
    "多功能运动场平均造价38.6万元/个，单价不超过40万元/个，6个运动场合计造价231.60万元。",
    "多功能运动场每个造价38.6万元，目标为每个不高于40万元，建成6个运动场，合计造价231.60万元。",
])
def test_a_price_bound_is_no_price(tmp_path, body):
    codes = [x.code for x in analyze(_write(tmp_path, BASE.format(body=body)), mode="lexical").findings]
    assert "ARITHMETIC_MISMATCH" not in codes


def test_a_product_off_its_total_is_still_found(tmp_path):
    body = "多功能运动场平均造价38.6万元/个，年度目标值为≤40万元/个，6个运动场合计造价241.60万元。"
    found = [x for x in analyze(_write(tmp_path, BASE.format(body=body)), mode="lexical").findings
             if x.code == "ARITHMETIC_MISMATCH"]
    assert found and "38.6" in found[0].message


# the rates of two parts are no shares of the overall rate: they do not add up to it
@pytest.mark.parametrize("body", [
    "群众满意度94.3%，其中对改厕和垃圾清运两项工作的单项满意度分别为93.1%和92.6%。",
    "群众满意度94.3%。其中，城区满意度95.2%，农村满意度93.5%。",
    "综合验收合格率９８．５％，其中道路工程合格率９９％、排水工程合格率９８％。",
])
def test_rates_of_parts_are_not_summed(tmp_path, body):
    codes = [x.code for x in analyze(_write(tmp_path, BASE.format(body=body)), mode="lexical").findings]
    assert "ARITHMETIC_MISMATCH" not in codes


def test_shares_that_do_not_make_their_whole_are_still_found(tmp_path):
    body = "项目支出300万元，其中设备购置120万元，场地建设170万元。"
    codes = [x.code for x in analyze(_write(tmp_path, BASE.format(body=body)), mode="lexical").findings]
    assert "ARITHMETIC_MISMATCH" in codes


# a heading's translation beside it (bilingual reports of minority regions) is no paragraph
@pytest.mark.parametrize("tr", ["존재하는 문제", "Existing problems", "ᠪᠠᠢᠭ᠎ᠠ ᠠᠰᠠᠭᠤᠳᠠᠯ"])
@pytest.mark.parametrize("sep", ["\u3000", "\n"])
def test_a_headings_translation_is_no_paragraph(tmp_path, tr, sep):
    text = BASE.format(body="全年建成多功能运动场6个。").replace("三、存在的问题\n", f"三、存在的问题{sep}{tr}\n")
    r = read_report(_write(tmp_path, text))
    assert [p.text for p in r.sections["Q"].paragraphs] == ["个别场地夜间照明不足。"]


# a system's query output: one record per indicator, a field | value line per column
RECORDS = """青石县人民医院 项目自评数据查询记录
{sep}
三级指标   | 在岗培训学员人数
年度指标值 | ≥60人
实际完成值 | 64人
分值       | 10
得分       | 10
偏差原因   |
{sep}
三级指标   | 结业考核通过率
年度指标值 | ≥85%
实际完成值 | 80.5%
分值       | 10
得分       | 8
偏差原因   | 部分学员因病缓考
{sep}
三级指标   | 学员满意度
年度指标值 | ≥90%
实际完成值 | 92.8%
分值       | 10
得分       | 10
偏差原因   |
"""


@pytest.mark.parametrize("sep", ["-[ RECORD ]-+------------------", "+------------+-----------------+", ""])
@pytest.mark.parametrize("bar", ["|", "｜"])
def test_records_of_field_value_lines_are_indicator_rows(tmp_path, sep, bar):
    r = read_report(_write(tmp_path, RECORDS.replace("{sep}", sep).replace(" | ", f" {bar} ").replace(" |\n", f" {bar}\n")))
    rows = [(i.name, i.target, i.result, i.score, i.reason) for t in r.tasks for i in t.indicators]
    assert [x[0] for x in rows] == ["在岗培训学员人数", "结业考核通过率", "学员满意度"]
    assert rows[1][1:] == ("≥85%", "80.5%", 8.0, "部分学员因病缓考")
    assert rows[0][4] == "" and rows[2][2] == "92.8%"


# --- learned from real19 and its auditor (after their first run) ------------------------

GOALS = """青石县教育局2023年学前教育补助项目绩效自评表
绩效目标：
1.根据县政府办公室《关于印发学前教育发展提升行动方案（2023-2025年）的通知》要求，对普惠性民办园按每生每年800元给予补助。
2.按照《关于印发学前教育发展提升行动方案（2023-2025年）的通知》要求，保证补助资金及时足额发放到园。
目标完成情况：
1.全年对12所普惠性民办园发放补助，共计1360名幼儿受益。
2.补助资金于2023年11月前全部发放到园。
"""


def test_two_goals_citing_one_notice_copy_nothing(tmp_path):
    codes = [x.code for x in analyze(_write(tmp_path, GOALS), mode="lexical").findings]
    assert "DUPLICATE_PARAGRAPH" not in codes


def test_a_goal_written_twice_is_still_a_copy(tmp_path):
    text = GOALS.replace("2.按照《关于印发学前教育发展提升行动方案（2023-2025年）的通知》要求，保证补助资金及时足额发放到园。",
                         "2.根据县政府办公室《关于印发学前教育发展提升行动方案（2023-2025年）的通知》要求，对普惠性民办园按每生每年800元给予补助。")
    codes = [x.code for x in analyze(_write(tmp_path, text), mode="lexical").findings]
    assert "DUPLICATE_PARAGRAPH" in codes


@pytest.mark.parametrize("label", ["实际完成：", "实际完成情况：", "实际完成值为"])
def test_a_target_met_exactly_is_no_repeated_text(tmp_path, label):
    body = (f"项目目标：资助精神障碍患者服药230人，残疾儿童康复救助39人，辅具适配200人。"
            f"{label}资助精神障碍患者服药230人，残疾儿童康复救助52人，辅具适配206人。")
    codes = [x.code for x in analyze(_write(tmp_path, BASE.format(body=body)), mode="lexical").findings]
    assert "REPEATED_TEXT" not in codes


def test_a_clause_written_twice_without_a_result_between_is_still_repeated(tmp_path):
    body = "资助精神障碍患者服药230人，残疾儿童康复救助52人，资助精神障碍患者服药230人，辅具适配206人。"
    codes = [x.code for x in analyze(_write(tmp_path, BASE.format(body=body)), mode="lexical").findings]
    assert "REPEATED_TEXT" in codes


@pytest.mark.parametrize("mark", ["；", "。"])
@pytest.mark.parametrize("num", ["{}.", "{}、", "({})", "（{}）"])
def test_a_numbered_list_cut_in_its_next_item(mark, num):
    items = "\n".join(f"{num.format(k)}街道第{k}项工作获评市级先进集体{mark}" for k in range(1, 5))
    five = num.format(5)
    assert cut_off(f"二、主要绩效\n2023年度获得市级以上荣誉：\n{items}\n{five}街道被评为岳阳市信") is not None
    assert cut_off(f"二、主要绩效\n2023年度获得市级以上荣誉：\n{items}\n{five}街道被评为市文明标兵单位{mark}") is None
    # a figure after the list is no fifth item (5.5万元 is an amount, not item 5)
    assert cut_off(f"二、主要绩效\n2023年度获得市级以上荣誉：\n{items}\n5.5万元用于购置设备") is None
    # items that never end with a mark: the last one's open end says nothing
    bare = items.replace(mark, "")
    assert cut_off(f"二、主要绩效\n2023年度获得市级以上荣誉：\n{bare}\n{five}街道被评为岳阳市信") is None
