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
