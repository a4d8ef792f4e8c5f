"""Spans the rules read instead of their own regular expressions (issue 12): figures of
short strings, years, written expressions (text/numbers.py), and the spans a paragraph
opens with, titles and clause ends (text/segment.py). Every function reads full-width
and half-width text alike and gives offsets into the text it was given."""
import pytest

from nlp_pipeline.text.numbers import (
    bare_figure,
    figures,
    first_figure,
    has_digit,
    masked_figures,
    without_figures,
    written_expressions,
    years,
)
from nlp_pipeline.text.segment import (
    clause_end,
    lead_item,
    lead_label,
    opening_subject,
    plain_clauses,
    project_name,
    titles,
    without_spans,
)

# --- figures ---------------------------------------------------------------------------


def test_figures_thousands_separator_and_decimals():
    text = "实际支出1,236.48万元，其中12,3456项"
    fs = figures(text)
    assert [f.text for f in fs] == ["1,236.48", "12", "3456"]
    assert fs[0].value == 1236.48 and fs[0].plain == "1236.48" and fs[0].decimals == 2
    assert text[fs[0].start:fs[0].end] == "1,236.48"


def test_figures_full_width_digits_and_percent():
    text = "完成率达到９８．５％，支出１，２３６．４８万元"
    fs = figures(text)
    assert [f.value for f in fs] == [98.5, 1236.48]
    assert fs[0].percent and fs[0].written == "98.5%" and not fs[1].percent
    # offsets are those of the original, full-width text
    assert text[fs[0].start:fs[0].end] == "９８．５"
    assert text[fs[1].start:fs[1].end] == "１，２３６．４８"


def test_every_digit_belongs_to_one_figure():
    text = "第3批1.2.3与2021-05-01，电话12345"
    covered = {k for f in figures(text) for k in range(f.start, f.end)}
    assert {k for k, ch in enumerate(text) if ch.isdigit()} <= covered


def test_first_and_bare_figure():
    assert first_figure("满意度90分").value == 90
    assert first_figure("满意度90分，覆盖率95%", 6).value == 95
    assert first_figure("没有数字") is None
    assert bare_figure(" 1,234 ").value == 1234
    assert bare_figure("１２．５").value == 12.5
    assert bare_figure("12个") is None and bare_figure("约12") is None and bare_figure("") is None


def test_masked_figures_keeps_units_and_signs():
    assert masked_figures("完成12.5%和3个，1,236人") == "完成#%和#个，#人"
    assert masked_figures("完成１２％") == "完成#％"
    # with percent the sign goes with its figure; a % written alone stays
    assert masked_figures("同比增长12%和3个%", "", percent=True) == "同比增长和个%"
    assert masked_figures("完成１２％", "", percent=True) == "完成"


def test_has_digit_any_width():
    assert has_digit("第3批") and has_digit("第３批")
    assert not has_digit("三批") and not has_digit("")


def test_without_figures_drops_the_target_a_name_carries():
    assert without_figures("养老服务站12个", "个") == "养老服务站"
    assert without_figures("新建3.5万吨储备库", "吨") == "新建储备库"
    assert without_figures("覆盖率１００％", "%") == "覆盖率"
    assert without_figures("培训12期", "个") == "培训期"  # 期 is not a unit asked for


# --- years -------------------------------------------------------------------------------


def _years(text):
    return [(text[y.start:y.end], y.role, y.suffix) for y in years(text)]


def test_years_written_as_years():
    assert _years("2021年完成，２０２２年度验收") == [("2021", "year", "年"), ("２０２２", "year", "年")]
    assert _years("2021学年") == [("2021", "year", "学年")]
    assert _years("2019至今累计") == [("2019", "year", "")]


def test_year_ranges_mark_both_ends():
    assert _years("2021-2023年") == [("2021", "from", ""), ("2023", "to", "年")]
    assert _years("2021年至2023年") == [("2021", "from", "年"), ("2023", "to", "年")]
    assert _years("2021—2023年") == [("2021", "from", ""), ("2023", "to", "年")]
    assert _years("力争到2025年") == [("2025", "to", "年")]


def test_numbers_that_are_no_years():
    assert years("2021-05-01") == []
    assert years("新建12000个，完成2000次") == []
    assert years("2021个站点") == []
    assert years("2021-2023") == []  # a range of what? no 年 says years


# --- written expressions -------------------------------------------------------------------


def test_written_expressions_both_forms():
    text = "补助93.6万元（312*3000元），占比153/1980=7.7%"
    first, second = written_expressions(text)
    assert (first.expression, first.written, first.unit) == ("312*3000元", "93.6", "万元")
    assert text[first.start:first.end] == "93.6万元（312*3000元）"
    assert (second.expression, second.written, second.unit, second.value) == ("153/1980", "7.7", "%", 7.7)


def test_written_expressions_full_width_and_thousands():
    text = "合计１，２３６．４８万元（６１８．２４＊２）"
    (e,) = written_expressions(text)
    assert e.written == "1,236.48" and e.value == 1236.48 and e.expression == "618.24*2"
    assert e.start == 2 and e.end == len(text)
    assert written_expressions("完成1-2场") == []


def test_written_expression_units_operators_and_bare_form():
    (e,) = written_expressions("补助93.6万元（312 * 3000元）")
    assert e.units == {"元"} and e.arithmetic and e.bare == "312*3000"
    (r,) = written_expressions("共12人（15人-3人）")
    assert r.units == {"人"} and not r.arithmetic  # a - alone may be a range
    (y,) = written_expressions("合计1.2亿元（0.6亿元*2）")
    assert y.units == {"亿元"} and y.bare == "0.6*2"


# --- spans a paragraph opens with -------------------------------------------------------------


def test_lead_label():
    text = "资金管理方面：严格执行预算"
    a, b = lead_label(text)
    assert text[a:b] == "资金管理方面"
    assert lead_label("  河长制项目:完成") == (2, 7)
    assert lead_label("2023年：完成") is None  # a digit: no label
    assert lead_label("完成，其中：A") is None  # a comma before the colon


def test_opening_subject():
    text = "医保信息平台运维项目。全年支出12万元"
    a, b = opening_subject(text)
    assert text[a:b] == "医保信息平台运维项目"
    assert opening_subject("完成3个项目，") is None
    assert opening_subject("甲，") is None  # one character is no subject


@pytest.mark.parametrize("text, rest", [
    ("1.完成培训", "完成培训"),
    ("2.完成培训", "完成培训"),
    ("2、完成培训", "完成培训"),
    ("（2）完成培训", "完成培训"),
    ("(2)完成培训", "完成培训"),
    ("（２）完成培训", "完成培训"),
    ("２．完成培训", "完成培训"),
    ("2) 完成培训", "完成培训"),
    ("  3. 完成培训", "完成培训"),
    ("1.5万元已支付", "1.5万元已支付"),
    ("2021年完成", "2021年完成"),
    ("完成培训", "完成培训"),
])
def test_lead_item(text, rest):
    assert text[lead_item(text):] == rest


# --- titles, project names, clause ends -----------------------------------------------------------


def test_titles_and_document_numbers():
    text = "根据《2023年工作方案》（政发〔2023〕5号）和[2022]9号"
    assert [text[a:b] for a, b in titles(text)] == ["《2023年工作方案》", "〔2023〕", "[2022]"]
    assert without_spans(text, titles(text), "#") == "根据" + "#" * 11 + "（政发######5号）和######9号"
    assert len(without_spans(text, titles(text), "#")) == len(text)
    assert without_spans(text, titles(text)) == "根据（政发5号）和9号"


def test_project_name():
    text = "农村饮水安全巩固项目年度预算500万元"
    a, b = project_name(text)
    assert text[a:b] == "农村饮水安全巩固项目"
    assert project_name("完成年度预算") is None


def test_clause_end_keeps_numbers_whole():
    text = "共1,260人，完成98%"
    assert clause_end(text, 0) == text.index("，")
    assert clause_end("共1,260人,完成", 0) == 7  # an ASCII comma between words cuts
    assert clause_end("共120万元", 0) == 6
    assert clause_end("共120万元，其中", 0, 3) == 3


def test_full_stop_before_qizhong_ends_the_clause():
    text = "共120万元。其中A项50万元，B项70万元。"
    assert clause_end(text, 0) == text.index("。")
    assert [text[a:b] for a, b in plain_clauses(text)] == ["共120万元", "其中A项50万元", "B项70万元"]


def test_plain_clauses_at_colon():
    text = "目标：完成1,260人，8:30开始"
    assert [text[a:b] for a, b in plain_clauses(text)] == ["目标：完成1,260人", "8:30开始"]
    assert [text[a:b] for a, b in plain_clauses(text, at_colon=True)] == ["目标", "完成1,260人", "8:30开始"]
