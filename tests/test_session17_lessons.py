"""Lessons of the seventeenth session, in invented text of the shapes real pages showed.

Budget figures of a narrative report are written as sentences about the money, not under
labels: 「下达…衔接资金100万元」, 「已拨付工程款700万元」, 「实际到位资金…」, 「执行率为97%」. The
reader took them only behind a few fixed labels (年初预算, 实际支出, 预算执行率), so about
two thirds of the budget figures of real narrative reports were not read."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_report

NARRATIVE = """{org}2023年度{project}项目绩效自评报告

一、项目基本情况
{project}项目由{org}组织实施，主要用于村内道路硬化和排水沟渠改造。

二、项目资金情况
{money}

三、绩效目标完成情况
全年完成道路硬化12.5公里，新建排水沟渠3.2公里，受益群众4860人。

四、存在的问题
部分村组施工进度偏慢。

五、改进措施
2024年3月底前完成剩余工程的验收。
"""


def _budget(tmp_path, money: str, org: str = "青石县农业农村局", project: str = "村内道路改造"):
    f = tmp_path / "r.txt"
    f.write_text(NARRATIVE.format(org=org, project=project, money=money), encoding="utf-8")
    b = read_report(str(f)).budget
    return {k: getattr(b, k).value for k in ("initial_budget", "adjusted_budget", "actual_spending", "completion_rate")
            if getattr(b, k) is not None}


# the same account of the year's money in the wordings real reports use: each must give
# the figures, whatever verb and order carry them
@pytest.mark.parametrize("money, want", [
    ("县财政下达2023年衔接推进乡村振兴补助资金318万元，实际执行302.1万元，执行率为95%。",
     {"initial_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
    ("年初批复下达我局项目资金318万元。截至12月31日，已支出302.1万元，资金执行率95%。",
     {"initial_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
    ("项目资金预算318万元，实际到位318万元，已拨付工程款302.1万元，项目执行率为95%。",
     {"initial_budget": 318, "adjusted_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
    ("本项目经费预算３１８万元，全年共发放３０２．１万元，支付率９５％。",
     {"initial_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
    ("区财政通过一般债券安排资金318万元；截至年底累计支出302.1万元，完成预算的95%。",
     {"initial_budget": 318, "actual_spending": 302.1, "completion_rate": 95}),
])
def test_budget_sentences_are_read_whatever_their_wording(tmp_path, money, want):
    got = _budget(tmp_path, money)
    assert got == pytest.approx(want)


def test_the_first_funds_sentence_gives_the_figure_not_a_part_named_after_it(tmp_path):
    got = _budget(tmp_path, "各级财政共下达我县补贴资金4186.49万元，其中省级下达1165.84万元、县级下达1887.85万元。"
                            "全年共发放3957.55万元（其中上年结转资金52.73万元）。")
    assert got == pytest.approx({"initial_budget": 4186.49, "actual_spending": 3957.55})


@pytest.mark.parametrize("money", [
    # a target: what the money should do is no account of what it did
    "绩效目标：资金执行率不低于95%，年度预算下达318万元。",
    # a 其中 clause names a part
    "项目资金情况详见附表，其中省级下达补助资金120万元。",
    # money not paid out
    "截至年底尚未拨付资金52万元，将于次年支付。",
    # a rule the text quotes
    "执行率未达到90%的项目，按规定扣减下年度预算安排资金。",
])
def test_sentences_that_give_no_figure_of_the_years_money_are_passed_over(tmp_path, money):
    got = _budget(tmp_path, money)
    assert got == {}


def test_a_figure_read_from_a_sentence_points_at_its_own_digits(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(NARRATIVE.format(org="青石县农业农村局", project="村内道路改造",
                                  money="县财政下达补助资金318万元，已拨付302.1万元。"), encoding="utf-8")
    r = read_report(str(f))
    for v in (r.budget.initial_budget, r.budget.actual_spending):
        assert r.text[v.start:v.end] == v.text
    assert r.currency_unit == "万元"
