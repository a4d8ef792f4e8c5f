"""INDICATOR_NO_FIGURE: a quantitative indicator answered with 完成/达标 instead of its value.
Own invented forms in the layouts of published 自评表 (pipe table, tab-separated, one cell
per line) and a narrative sentence; negative controls; rewrites."""
from __future__ import annotations

import pytest

from test_form_checks import OK_ROWS, findings, form

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions


def no_figure(text):
    return findings(text, ("INDICATOR_NO_FIGURE",))


@pytest.mark.parametrize("layout", ["pipe", "tsv", "cells"])
@pytest.mark.parametrize("result", ["完成", "已完成", "达成预期指标", "达标", "已经完成"])
def test_count_answered_without_figure(layout, result):
    rows = list(OK_ROWS)
    rows[0] = ("产出指标", "数量指标", "培训人次", "≥500人次", result, "20", "20", "")
    fs = no_figure(form(rows=rows, layout=layout))
    assert len(fs) == 1 and fs[0].values["result"] == result and "500" in fs[0].values["target"]
    assert any(e.role == "actual" for e in fs[0].evidence)


def test_rate_and_cost_answered_without_figure():
    rows = list(OK_ROWS)
    rows[1] = ("", "质量指标", "培训合格率", "≥95%", "达到预期", "20", "20", "")
    rows[2] = ("效益指标", "成本指标", "人均培训成本", "≤800元", "符合要求", "30", "30", "")
    assert len(no_figure(form(rows=rows, total="90"))) == 2


@pytest.mark.parametrize("target,result", [
    ("2023年12月底前", "按期完成"),      # a deadline is no quantity
    ("有效提升", "完成"),                # a qualitative target
    ("≥500人次", "560人次"),             # a figure is given
    ("≥500人次", "未完成，实际430人次"),  # a figure is given
])
def test_not_figureless(target, result):
    rows = list(OK_ROWS)
    rows[0] = ("产出指标", "数量指标", "培训人次", target, result, "20", "20", "")
    assert no_figure(form(rows=rows)) == []


def test_empty_result_is_unfilled_not_figureless():
    rows = list(OK_ROWS)
    rows[0] = ("产出指标", "数量指标", "培训人次", "≥500人次", "", "20", "", "")
    assert no_figure(form(rows=rows)) == []


def narrative(sentence: str) -> str:
    return (
        "某县人力资源和社会保障局2023年度职业技能培训项目绩效自评报告\n"
        "一、项目绩效目标\n1.全年培训城乡劳动者500人次以上。\n"
        f"二、绩效目标完成情况\n1.{sentence}\n"
        "三、存在的问题\n1.部分学员参训积极性不高。\n"
        "四、改进措施\n1.2024年3月底前由县就业服务中心建立学员回访制度。\n"
    )


@pytest.mark.parametrize("sentence", [
    "培训人次指标：年度指标值不少于500人次，实际完成值：完成。",
    "学员满意度指标年度指标值≥90%，实际完成值为达成预期指标。",
])
def test_narrative_field_without_figure(sentence):
    r = read_text(narrative(sentence))
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    fs = [f for f in run_detectors(ctx) if f.code == "INDICATOR_NO_FIGURE"]
    assert len(fs) == 1 and fs[0].evidence[0].paragraph == "O1"


def test_narrative_field_with_figure_is_clean():
    r = read_text(narrative("培训人次指标：年度指标值不少于500人次，实际完成值：526人次。"))
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    assert [f for f in run_detectors(ctx) if f.code == "INDICATOR_NO_FIGURE"] == []


@pytest.mark.parametrize("sentence,flag", [
    ("成本指标。单台（套）机具平均补贴控制在6,000元以内，已完成。", True),
    ("数量指标：培训人次不少于500人次，已全部完成。", True),
    ("时效指标。补贴资金在30个工作日内兑付，已完成。", False),    # a deadline, no quantity bound
    ("成本指标。单台（套）平均补贴5,432元，控制在6,000元以内，已完成。", False),  # the value is given
    ("数量指标：培训人次不少于500人次，实际培训526人次。", False),
])
def test_a_labelled_indicator_paragraph_answered_with_done(sentence, flag):
    r = read_text(narrative(sentence))
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    fs = [f for f in run_detectors(ctx) if f.code == "INDICATOR_NO_FIGURE"]
    assert bool(fs) is flag


def test_form_fields_set_apart_by_semicolons():
    r = read_text(narrative("路面技术状况。年度指标值：PQI≥80；实际完成值：达到目标；完成情况：已完成。"))
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    assert len([f for f in run_detectors(ctx) if f.code == "INDICATOR_NO_FIGURE"]) == 1
