"""NAME_VARIANT at every level of the name: the city part, the district part and the
department's own stem, each one character off; other real places and units (福州 beside
泉州, 财政局 beside 民政局, a neighbouring district) are not slips. Own invented report."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions


def report(o2: str) -> str:
    return ("泉州市鲤城区民政局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"
            "泉州市鲤城区民政局负责全区民政工作，年度预算总额为860.00万元。\n"
            "二、年度绩效目标\n1.完成鲤城区困难群众救助任务。\n"
            f"三、目标完成情况\n1.全年为鲤城区困难群众发放救助资金320万元。\n2.{o2}\n"
            "四、部门整体绩效\n部门整体运行良好。\n五、存在问题\n1.基层经办力量不足。\n"
            "六、改进措施\n1.2024年6月底前由社会救助股组织经办人员培训。\n")


def variants(o2: str):
    r = read_text(report(o2))
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if f.code == "NAME_VARIANT"]


@pytest.mark.parametrize("sentence,slip", [
    ("配合泉洲市民政局完成全市养老机构等级评定。", "泉洲市"),      # the city part
    ("鲤成区社会福利院完成改造。", "鲤成"),                        # the district part
    ("泉州市鲤城区民正局牵头开展专项行动。", "民正局"),            # the department's stem
    ("全市（泉卅市）养老服务综合评估排名第三。", "泉卅市"),
    ("由鲤诚区民政局牵头完成低保核查。", "鲤诚"),
])
def test_a_slip_at_any_level(sentence, slip):
    fs = variants(sentence)
    assert len(fs) == 1 and slip in fs[0].message and fs[0].evidence[0].paragraph == "O2"


@pytest.mark.parametrize("sentence", [
    "协助福州市民政局开展培训。",                 # another city
    "会同泉州市丰泽区民政局开展联合检查。",       # a neighbouring district
    "配合区财政局完成预算绩效评价。",             # another department
    "全年为鲤城区低保对象发放资金。",             # the name itself
])
def test_other_places_and_units_are_no_slip(sentence):
    assert variants(sentence) == []


def test_the_places_the_header_puts_before_the_name_are_read():
    """部门名称 gives 崇义县市场监督管理局, the 填报单位 line 赣州市崇义县市场监督管理局: the city
    part can slip too (赣洲市)."""
    text = ("崇义县市场监督管理局2023年度部门整体支出绩效自评报告\n填报单位：赣州市崇义县市场监督管理局\n"
            "一、部门基本情况\n本局负责全县市场监管工作。\n二、年度绩效目标\n1.完成食品安全抽检1,200批次。\n"
            "三、目标完成情况\n1.全年完成食品安全抽检1,260批次。\n2.配合赣洲市市场监督管理局开展联合抽查2次。\n"
            "四、存在问题\n1.基层执法力量不足。\n五、改进措施\n1.2024年6月底前由人事股调配执法人员。\n")
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    fs = [f for f in run_detectors(ctx) if f.code == "NAME_VARIANT"]
    assert len(fs) == 1 and "赣洲市" in fs[0].message
