"""The budget block of a form whose cells were glued together on export: figures cut by
the form's own arithmetic (nlp_pipeline/ingest/glued_budget.py). Own invented lines in the
shapes real exports take."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text
from nlp_pipeline.ingest.glued_budget import glued_budget
from nlp_pipeline.ingest.mapped import Mapped


def _line(text: str) -> Mapped:
    return Mapped.span(text, 0, len(text))


def _values(text: str) -> dict[str, str]:
    return {v.field: v.text for v in glued_budget(_line(text))}


@pytest.mark.parametrize("line,want", [
    ("项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额286.5286.5100%其中:市级资金286.5",
     {"adjusted_budget": "286.5", "actual_spending": "286.5", "completion_rate": "100%"}),
    ("项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分年度资金总额:412.6206.31050%5执行率*分值",
     {"initial_budget": "412.6", "actual_spending": "206.3", "weight": "10", "completion_rate": "50%", "score": "5"}),
    ("资金(万元) (20 分)预算数(A)执行数(B)执行率(B/A1得分(20分*执行率)年度财政 资金总额20002000100%20度效标",
     {"adjusted_budget": "2000", "actual_spending": "2000", "completion_rate": "100%", "score": "20"}),
    ("年初预算数全年预算数全年执行数分值执行率得分年度资金总额120.00135.60128.421094.71%9.47其中",
     {"initial_budget": "120.00", "adjusted_budget": "135.60", "actual_spending": "128.42", "weight": "10",
      "completion_rate": "94.71%", "score": "9.47"}),
])
def test_glued_block_is_cut_by_its_arithmetic(line, want):
    assert _values(line) == want


@pytest.mark.parametrize("line", [
    # the rate does not follow from any cut: nothing is guessed
    "全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额286.5286.597%",
    # no rate column to check a cut against
    "年初预算数全年预算数全年执行数年度资金总额286.5286.5280.1",
    # too few labels
    "全年执行数(B)年度资金总额286.5",
])
def test_unconfirmed_runs_are_not_read(line):
    assert _values(line) == {}


def test_a_glued_form_reads_its_budget_with_offsets():
    text = ("某县粮食和物资储备局2023年度项目支出绩效自评表\n"
            "项目名称县级储备粮保管项目主管部门某县商务局项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)"
            "年度资金总额194.9194.9100%其中:县级资金194.9194.9100%年度总体目标保持地方粮食储备规模\n")
    r = read_text(text)
    b = r.budget
    assert (b.adjusted_budget.value, b.actual_spending.value, b.completion_rate.value) == (194.9, 194.9, 100.0)
    for v in (b.adjusted_budget, b.actual_spending, b.completion_rate):
        assert r.text[v.start:v.end] == v.text
