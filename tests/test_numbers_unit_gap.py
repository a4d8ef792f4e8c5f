"""A space between a figure and its unit (PDF text layers: 「123.45 万元」「96.5 %」「2023 年度」)
reads as the figure with its unit; spaces between two figures, or a tab or line break after
one, never join them."""
from __future__ import annotations

import pytest

from nlp_pipeline.text.numbers import close_unit_gaps, extract_numbers, figures


def _read(text):
    return [(text[m.start:m.end], m.kind, m.unit) for m in extract_numbers(text)]


@pytest.mark.parametrize("joined,spaced", [
    ("实际支出123.45万元。", "实际支出123.45 万元。"),
    ("执行率96.5%。", "执行率96.5 %。"),
    ("完成培训520人次。", "完成培训520\u3000人次。"),
    ("2023年度预算", "2023 年度预算"),
    ("共3万人参加", "共3 万人参加"),
])
def test_a_spaced_unit_reads_as_the_joined_one(joined, spaced):
    a, b = _read(joined), _read(spaced)
    assert [(k, u) for _, k, u in a] == [(k, u) for _, k, u in b]
    assert all(q.replace(" ", "").replace("\u3000", "") == p for (p, _, _), (q, _, _) in zip(a, b))


@pytest.mark.parametrize("text", ["得分 10 10 100", "目标值 95\t%", "完成 12\n个"])
def test_figures_apart_stay_apart(text):
    units = [u for _, _, u in _read(text)]
    assert all(u == "" for u in units)


def test_a_figure_knows_where_its_unit_starts():
    f = figures("合格211 个，合格率93.8 %")
    assert [x.text for x in f] == ["211", "93.8"]
    assert f[1].percent and f[0].after == f[0].end + 1
    assert not figures("得分10 10")[0].percent and figures("得分10 10")[0].after == figures("得分10 10")[0].end


def test_closing_gaps_keeps_figures_apart():
    assert close_unit_gaps("完成25 个乡镇，得分 10 10") == "完成25个乡镇，得分 10 10"
