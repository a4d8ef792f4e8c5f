"""Forms read as published (own invented rows): a 小计 row is checked against the rows of its
group, never counted again in the totals; weights that cannot be weights (a sum far past
the full marks, 11.376) mean the columns were read wrong, and no sum is reported; a budget
row with its empty 全年执行数 cell dropped is placed around its one percentage."""
from __future__ import annotations

from nlp_pipeline.ingest import read_text
from nlp_pipeline.ingest.table import _budget_row, split_lines
from nlp_pipeline.pipeline import analyze


def _form(rows: list[str]) -> str:
    head = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施"]
    return "项目支出绩效自评表\n（2023年度）\n项目名称\t某县科技特派员项目\n" + "\n".join(head + rows) + "\n"


ROWS = ["产出指标\t数量指标\t选派特派员人数\t≥30人\t32人\t20\t20\t",
        "产出指标\t数量指标\t推广新技术\t≥40项\t41项\t20\t{s}\t",
        "产出指标\t质量指标\t考核合格率\t≥95%\t98%\t10\t10\t",
        "产出指标小计\t\t\t\t\t50\t48\t",
        "效益指标\t社会效益指标\t培训农民\t≥800人次\t860人次\t30\t30\t",
        "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t95%\t10\t10\t",
        "总分\t\t\t\t\t90\t{t}\t"]


def _score_findings(tmp_path, text):
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    return [x for x in analyze(f).findings if x.rule_id == "FORM.SCORE_SUM"]


def test_a_subtotal_that_adds_up_is_clean_and_not_counted_twice(tmp_path):
    text = _form([r.format(s="18", t="88") for r in ROWS])
    assert _score_findings(tmp_path, text) == []


def test_a_subtotal_that_does_not_add_up(tmp_path):
    text = _form([r.format(s="16", t="86") for r in ROWS])  # 20 + 16 + 10 = 46, the row says 48
    fs = _score_findings(tmp_path, text)
    assert [f.message_id for f in fs] == ["FORM.SCORE_SUM.subtotal"]
    assert "46" in fs[0].message and "48" in fs[0].message


def test_weights_that_cannot_be_weights_give_no_sum(tmp_path):
    rows = ["产出指标\t数量指标\t种植面积\t29.5亩\t29.5亩\t20\t20\t",
            "产出指标\t数量指标\t鱼塘面积\t3亩\t3亩\t310\t10\t",
            "效益指标\t经济效益指标\t农户增收\t≥11.376万元\t12万元\t11.376\t20\t",
            "满意度指标\t满意度指标\t满意度\t≥90%\t95%\t145\t10\t"]
    assert _score_findings(tmp_path, _form(rows)) == []


def test_budget_row_with_a_dropped_cell():
    text = ("| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 387664.62 | 387664.62 | 10 | 100% | 10 |\n")
    lines = split_lines(text)
    header = ["initial_budget", "adjusted_budget", "actual_spending", "weight", "completion_rate", "score"]
    got = {k: v.s for k, v in _budget_row(header, lines[1].filled).items()}
    assert got == {"initial_budget": "387664.62", "adjusted_budget": "387664.62", "weight": "10",
                   "completion_rate": "100%", "score": "10"}
    full = lines[1].filled[:2] + [lines[1].filled[0]] + lines[1].filled[2:]
    assert len(_budget_row(header, full)) == 6  # a whole row is read by position


def test_real_shape_budget_block_reads_no_spending_from_the_weight():
    text = ("2022年度项目支出绩效自评表\n| 项目名称 | 营养改善计划专项资金 | 项目资金 (元) |\n"
            "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n"
            "| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |\n")
    r = read_text(text, "x.txt")
    assert r.budget.actual_spending is None and r.budget.completion_rate.value == 100


def test_budget_row_with_its_rate_left_empty():
    header = ["initial_budget", "adjusted_budget", "actual_spending", "weight", "completion_rate", "score"]
    lines = split_lines("年度资金总额: 880 880 880 10 10\n")
    got = {k: v.s for k, v in _budget_row(header, lines[0].words()[1:]).items()}
    assert got == {"initial_budget": "880", "adjusted_budget": "880", "actual_spending": "880",
                   "weight": "10", "score": "10"}


def test_a_value_read_as_a_name_is_no_indicator():
    from nlp_pipeline.ingest.form import _value_like

    assert _value_like("1.5亩") and _value_like("10") and _value_like("≥95%")
    assert not _value_like("1.5万亩高标准农田建设") and not _value_like("种植面积") and not _value_like("0-6岁儿童健康管理数")


def test_a_goal_that_is_only_its_fields_label_is_owed_no_outcome():
    from nlp_pipeline.detect.goal_without_outcome import _label_only

    assert _label_only("年度总体") and _label_only("年度 总体 目标 86.19%")
    assert not _label_only("完成年度总体目标中的农村供水计量设施改造")


def test_a_problem_item_that_ends_saying_none():
    from nlp_pipeline.detect.problem_without_measure import _says_none

    assert _says_none("我校生均公用经费项目运转正常，暂无问题。")
    assert _says_none("资金管理方面：无。")
    assert not _says_none("部分设备老化，维修不及时，存在问题较多。")
    assert not _says_none("项目运转正常，但资金拨付仍有延迟。")
