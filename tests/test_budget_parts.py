"""NUM.BUDGET_PARTS: the source rows of a form's 项目资金 block against its total, column by
column; own invented forms in the layouts forms come in (pipe, tsv, rows flattened with
spaces, PDF columns)."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions

HEAD = "项目支出绩效自评表\n（2024年度）\n"
TAIL = ("年度总体目标 预期目标 实际完成情况\n1.完成校舍维修12所。 1.完成校舍维修12所。\n"
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
        "产出指标 数量指标 维修学校数 12所 12所 50 50 无\n效益指标 社会效益指标 师生满意度 ≥90% 95% 50 50 无\n"
        "总分 100 100\n")


def flat(total: str, rows: list[str]) -> str:
    return (HEAD + "项目名称 2024年校舍维修项目\n主管部门 青山县教育局 实施单位 青山县教育局\n"
            "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
            f"年度资金总额 {total}\n" + "".join(r + "\n" for r in rows) + TAIL)


def pipe(total: str, rows: list[str]) -> str:
    def cells(s: str) -> str:
        return "| " + " | ".join(s.split()) + " |"
    return (HEAD + "| 项目名称 | 2024年校舍维修项目 |  |  |  |  |  |\n"
            "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            + cells(f"年度资金总额 {total}") + "\n" + "".join(cells(r) + "\n" for r in rows) + TAIL)


def found(text: str):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if f.rule_id == "NUM.BUDGET_PARTS"]


GOOD = ("480.00 526.00 468.35 10 89.04% 8.9", ["其中：中央补助 300.00 300.00 282.60 — — —",
                                               "省级补助 120.00 146.00 137.75 — — —", "县级配套 60.00 80.00 48.00 — — —"])


@pytest.mark.parametrize("shape", [flat, pipe])
@pytest.mark.parametrize("slip", [
    ("282.60", "292.60"),          # spending column
    ("146.00", "164.00"),          # budget column, digits swapped
    ("60.00 80.00", "60.00 90.00"),
    ("300.00 300.00", "300.00 30.00"),
    ("137.75", "１４７．７５"),   # full-width digits
])
def test_rows_that_do_not_add_up(shape, slip):
    total, rows = GOOD
    text = shape(total, [r.replace(*slip) for r in rows])
    fs = found(text)
    assert len(fs) == 1 and fs[0].code == "ARITHMETIC_MISMATCH"
    assert {e.role for e in fs[0].evidence} == {"total", "part"}


@pytest.mark.parametrize("shape", [flat, pipe])
def test_rows_that_add_up_and_full_width(shape):
    total, rows = GOOD
    assert found(shape(total, rows)) == []
    assert found(shape(total.replace("468.35", "４６８．３５"), [r.replace("282.60", "２８２．６０") for r in rows])) == []


def test_one_row_or_a_blank_row_is_not_summed():
    total, rows = GOOD
    assert found(flat(total, rows[:1])) == []
    # a row left blank in the spending column: what is missing may be there
    assert found(pipe(total, [rows[0], rows[1], "县级配套 60.00 80.00 — — — —"])) == []
