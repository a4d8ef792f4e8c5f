"""Arithmetic in other words (written for these tests): a rate of work done against work
planned or due named by any verb (完成率, 签约率, 覆盖率), parts after 分别为, and 约 inside a
word (签约) that qualifies no number. Each positive has its control with the right figure."""
from __future__ import annotations

import pytest

from nlp_pipeline.text.numbers import extract_numbers

from tests.test_detect_numeric import build, run

PAIRS = [
    ("计划为65岁以上老人体检12,000人，实际体检10,860人，完成率90.5%。", "90.5%", "95.0%"),
    ("全年应签约9,800户，已签约9,212户，签约率94.0%。", "94.0%", "96.0%"),
    ("年度任务新建村级服务站40个，实际建成38个，完成比例95%。", "95%", "98%"),
    ("全年应接种儿童4,200人，已接种4,116人，接种率98.0%。", "98.0%", "99.0%"),
    ("全年培训乡村医生420人次，分别为县级培训180人次、乡级培训240人次。", "240人次", "260人次"),
]


@pytest.mark.parametrize("good,old,new", PAIRS, ids=range(len(PAIRS)))
def test_right_figure_clean_wrong_figure_found(good, old, new):
    assert run(build({"O": [good]}), ["ARITHMETIC_MISMATCH"]) == []
    assert good.count(old) == 1
    assert len(run(build({"O": [good.replace(old, new)]}), ["ARITHMETIC_MISMATCH"])) == 1


def test_a_quality_rate_is_not_done_over_planned():
    # 196 / 200 = 98% is the share checked, not the share passed: 合格率 says nothing of it
    text = "计划抽检食品200批次，实际抽检196批次，合格率97.5%。"
    assert run(build({"O": [text]}), ["ARITHMETIC_MISMATCH"]) == []


def test_signing_is_no_approximation():
    (m,) = extract_numbers("应签约9,800户")
    assert m.qualifier == "exact" and m.text == "9,800户"
    (m,) = extract_numbers("约9,800户")
    assert m.qualifier == "approximate"


def test_a_rate_over_its_two_figures_named_by_its_verb():
    good = "全市秸秆可收集量146.3万吨，综合利用量132.6万吨，综合利用率90.6%。"
    assert run(build({"O": [good]}), ["ARITHMETIC_MISMATCH"]) == []
    for bad in (good.replace("90.6%", "93.4%"), good.replace("90.6%", "９３．４％")):
        assert len(run(build({"O": [bad]}), ["ARITHMETIC_MISMATCH"])) == 1


@pytest.mark.parametrize("good,old,new", [
    ("全年更换入户智能水表2,460块，按每块260元标准支出63.96万元。", "63.96", "67.96"),
    ("全年新建村级服务站12处，每处补助3.5万元，共计42万元。", "42万元", "45万元"),
])
def test_price_per_counted_thing(good, old, new):
    assert run(build({"O": [good]}), ["ARITHMETIC_MISMATCH"]) == []
    assert len(run(build({"O": [good.replace(old, new)]}), ["ARITHMETIC_MISMATCH"])) == 1


def test_a_written_product_before_a_larger_sum():
    text = "兑现省级研发机构奖励5家，每家30万元，计150万元，合计430万元。"
    assert run(build({"O": [text]}), ["ARITHMETIC_MISMATCH"]) == []
