"""What blind17's first run taught (own invented text in its shapes): a form saved as CSV
(cells joined by commas, quoted cells holding commas), a reason cell that claims the target
reached in other words (已完成年度目标) or rates the gap without a cause (属正常波动)."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text
from nlp_pipeline.pipeline import analyze

CSV = """项目支出绩效自评表,,,,,,,,
（2023年度）,,,,,,,,
项目名称,2023年村级动物防疫补助,,,,,,,
主管部门,青溪县农业农村局,,,实施单位,青溪县动物疫病预防控制中心,,,
年度总体目标,预期目标,,,实际完成情况,,,,
,"1.应免畜禽免疫密度达到90%以上，免疫抗体合格率达到70%以上。",,,"1.全年累计免疫畜禽21.6万头（羽），免疫密度{density}。",,,,
绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
,产出指标,数量指标,应免畜禽免疫密度,≥90%,{density},10,{score},{reason}
,产出指标,数量指标,采样监测样品数,"≥1,200份","1,236份",40,40,无
,效益指标,社会效益指标,病死畜禽无害化处理率,100%,100%,40,40,无
,满意度指标,服务对象满意度指标,养殖户满意度,≥90%,93.5%,10,10,无
总分,,,,,,100,{total},
"""


def _csv(density="91.2%", score="10", reason="无", total="100"):
    return CSV.format(density=density, score=score, reason=reason, total=total)


def test_a_form_saved_as_csv_is_read_as_its_table():
    r = read_text(_csv(), "f.csv")
    assert r.reader == "csv"
    rows = {i.name: i for t in r.tasks for i in t.indicators}
    assert rows["采样监测样品数"].target == "≥1,200份" and rows["采样监测样品数"].result == "1,236份"
    assert [p.text[:6] for p in r.paragraphs("G")] == ["应免畜禽免疫"]
    assert [p.text[:6] for p in r.paragraphs("O")] == ["全年累计免疫"]
    assert r.total_score == 100


def test_a_narrative_with_commas_is_no_csv():
    text = "".join(f"{k}.全年完成培训{k}期,覆盖{k * 10}人,群众满意度{90 + k}%。\n" for k in range(1, 9))
    assert read_text(text, "n.txt").reader != "csv"


@pytest.mark.parametrize("reason", ["已完成年度目标", "已完成年度任务", "已达到预期目标"])
def test_a_reason_cell_that_claims_the_target_reached(tmp_path, reason):
    f = tmp_path / "f.csv"
    f.write_text(_csv(density="87.6%", score="9", reason=reason, total="99"), encoding="utf-8")
    assert "INDICATOR_SHORTFALL" in [x.code for x in analyze(f).findings]


@pytest.mark.parametrize("reason,found", [("属正常波动", True), ("偏差较小", True),
                                          ("部分散养户外出务工，补免不及时", False)])
def test_a_reason_cell_that_only_rates_the_gap(tmp_path, reason, found):
    f = tmp_path / "f.csv"
    f.write_text(_csv(density="87.6%", score="9", reason=reason, total="99"), encoding="utf-8")
    assert ("DEVIATION_UNEXPLAINED" in [x.code for x in analyze(f).findings]) == found
