"""What a fresh sample of real published pages taught (own invented text in their shapes):
a total and its batches are no conflict, metrics that differ by one word are two metrics,
the same sentence frame with other figures is no copy, a goals section's report of what
was done owes no outcome, 计划 as a noun is no goal language, a count per area is a rate."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions


def report(goals: list[str], outcomes: list[str], perf: list[str] | None = None) -> str:
    def items(xs):
        return "".join(f"{k}.{x}\n" for k, x in enumerate(xs, 1))
    return ("青山市生态环境局2023年度中央专项资金绩效自评报告\n一、绩效目标\n" + items(goals)
            + "二、目标完成情况\n" + items(outcomes) + "三、整体绩效\n" + items(perf or ["资金使用规范。"])
            + "四、存在问题\n1.项目前期工作进度偏慢。\n五、改进措施\n1.2024年6月底前由规划科完成项目前期工作。\n")


def found(text: str, code: str):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if f.code == code]


BATCHES = ["全年中央下达我市土壤污染防治资金共1737万元，已全部下拨至旗县。",
           "第一批中央下达我市土壤污染防治资金1300万元，用于实施地块调查项目。",
           "第二批中央下达我市土壤污染防治资金437万元，用于耕地安全利用项目。"]


def test_a_total_and_its_batches_are_no_conflict():
    assert found(report(["完成土壤污染防治项目3个。"], BATCHES), "NUMBER_CONFLICT") == []
    # the same figures where the batches do not make the total are still read
    bad = [BATCHES[0], BATCHES[1].replace("1300", "1200"), BATCHES[2]]
    assert found(report(["完成土壤污染防治项目3个。"], bad[:2]), "NUMBER_CONFLICT")


@pytest.mark.parametrize("a,b,u", [("土壤污染防治资金", "大气污染防治资金", "万元"), ("城镇新增就业", "城镇新增创业", "人")])
def test_metrics_that_differ_by_one_word_are_two(a, b, u):
    text = report(["完成年度任务。"], [f"全年{a}1737{u}。"], [f"全年{b}2404{u}。"])
    assert found(text, "NUMBER_CONFLICT") == []
    same = report(["完成年度任务。"], [f"全年{a}1737{u}。"], [f"全年{a}1837{u}。"])
    assert found(same, "NUMBER_CONFLICT")


def test_one_frame_with_other_figures_is_no_copy():
    a = "2022年12月23日，自治区财政厅以《关于提前下达2023年中央土壤污染防治专项资金预算的通知》向我市下达资金1300万元，我市于2023年1月6日下拨至前旗。"
    b = "2023年8月1日，自治区财政厅以《关于提前下达2023年中央土壤污染防治专项资金预算的通知》向我市下达资金437万元，我市于2023年8月7日下拨至后旗。"
    assert found(report(["完成年度任务。"], [a, b]), "DUPLICATE_PARAGRAPH") == []
    # a real copy keeps its figures, in any unit
    assert found(report(["完成年度任务。"], [a, a.replace("1300万元", "13,000,000元")]), "DUPLICATE_PARAGRAPH")


@pytest.mark.parametrize("goal", [
    "2022年12月23日，自治区财政厅向我市下达资金1300万元，我市于2023年1月6日下拨至前旗。",
    "年初确定的绩效目标已基本完成。",
    "全局较好地完成了年初制定的各项工作。",
])
def test_a_goals_section_that_reports_owes_no_outcome(goal):
    text = report(["完成农村污水治理村庄12个。", goal], ["完成农村污水治理村庄12个，均已通过验收。"])
    fs = found(text, "GOAL_WITHOUT_OUTCOME")
    assert not fs or "G2" not in [e.paragraph for f in fs for e in f.evidence]


def test_a_real_goal_without_outcome_is_still_read():
    text = report(["完成农村污水治理村庄12个。", "计划新建污水管网8公里。"], ["完成农村污水治理村庄12个，均已通过验收。"])
    assert [e.paragraph for f in found(text, "GOAL_WITHOUT_OUTCOME") for e in f.evidence] == ["G2"]


def test_plan_as_a_noun_is_no_goal_language():
    text = report(["完成年度任务。"], ["资金计划、到位及使用情况。全年到位资金820万元，支出812万元。"])
    assert found(text, "OUTCOME_RESTATES_GOAL") == []


@pytest.mark.parametrize("figure,n", [("0.064次/10万公顷", 0), ("每10万公顷0.064次", 0), ("16起", 1)])
def test_a_count_per_area_is_a_rate(figure, n):
    text = report(["完成森林防火任务。"], [f"全年森林火灾发生率为{figure}，受害率为0.0046‰。"])
    assert len(found(text, "UNIT_MISMATCH")) == n


def test_figures_of_two_quoted_projects_are_no_conflict():
    a = "下拨资金用于实施“青山化肥厂地块土壤污染状况初步调查项目”(723万元)。"
    b = "下拨资金用于实施“青山前旗污染地块土壤污染状况详细调查项目”(272万元)。"
    assert found(report(["完成土壤调查项目2个。"], [a], [b]), "NUMBER_CONFLICT") == []
