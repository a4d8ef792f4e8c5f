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
