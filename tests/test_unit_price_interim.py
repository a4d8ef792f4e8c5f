"""UNIT_MISMATCH from a count times a unit price, and DATE_OUT_OF_PERIOD from 今年以来 in a
year-end report. Own invented sentences in a narrative report; positives in several
wordings, negative controls, rewrites."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions


def report(o2: str, title: str = "某县民政局2023年度部门整体支出绩效自评报告") -> str:
    return (f"{title}\n一、部门基本情况\n本局年度预算总额为860.00万元，实际支出842.30万元。\n"
            "二、年度绩效目标\n1.完成困难群众救助任务。\n"
            f"三、目标完成情况\n1.全年救助困难群众1,260人次。\n2.{o2}\n四、部门整体绩效\n部门整体运行良好。\n"
            "五、存在问题\n1.基层经办力量不足。\n六、改进措施\n1.2024年6月底前由社会救助股组织经办人员培训。\n")


def found(text: str, rule: str):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if f.rule_id == rule]


PRICE_SLIPS = [
    "为85名困难老人每人发放慰问金400元，共计3.4元。",
    "按每户1,200元标准为326户脱贫户发放产业奖补资金，合计391,200万元。",
    "购置消防器材36套，单价2,800元/套，总价10.08元。",
    "培训学员420人次，人均培训成本650元，培训经费支出27.3元。",
    "为１２０名环卫工人每人购买意外保险２５０元，共计３元。",
]


@pytest.mark.parametrize("sentence", PRICE_SLIPS, ids=range(len(PRICE_SLIPS)))
def test_unit_price_slip(sentence):
    fs = found(report(sentence), "NUM.UNIT_PRICE")
    assert len(fs) == 1 and fs[0].code == "UNIT_MISMATCH"
    assert [e.role for e in fs[0].evidence] == ["part", "part", "total"]
    assert "10,000" in fs[0].message


@pytest.mark.parametrize("sentence", [
    "为85名困难老人每人发放慰问金400元，共计3.4万元。",      # right
    "为85名困难老人每人发放慰问金400元，共计34,000元。",     # right, in 元
    "培训学员420人次，人均培训成本650元，培训经费支出30.6万元。",  # other costs: not a slip
    "购置消防器材36套，总价10.08万元。",                     # no price
])
def test_unit_price_clean(sentence):
    assert found(report(sentence), "NUM.UNIT_PRICE") == []


@pytest.mark.parametrize("old,new", [("共计", "合计"), ("400元", "４００元"), ("，共计", "。共计")])
def test_unit_price_rewrites(old, new):
    assert len(found(report(PRICE_SLIPS[0].replace(old, new)), "NUM.UNIT_PRICE")) == 1


@pytest.mark.parametrize("sentence", [
    "今年以来，累计发放临时救助金36.5万元。",
    "年初至今共发放临时救助金36.5万元，惠及群众1,120人次。",
    "今年上半年完成低保对象动态复核3,260户。",
    "本年以来，新增特困供养对象42人。",
    "截至目前，今年以来累计办理救助事项860件。",
])
def test_interim_phrase_in_year_end_report(sentence):
    fs = found(report(sentence), "NUM.INTERIM")
    assert len(fs) == 1 and fs[0].code == "DATE_OUT_OF_PERIOD" and fs[0].evidence[0].paragraph == "O2"


@pytest.mark.parametrize("sentence,title", [
    ("全年累计发放临时救助金36.5万元。", None),
    ("今年以来，累计发放临时救助金36.5万元。", "某县民政局2023年上半年绩效运行监控报告"),
])
def test_interim_phrase_clean(sentence, title):
    text = report(sentence) if title is None else report(sentence, title=title)
    assert found(text, "NUM.INTERIM") == []


PRODUCT_WRONG = [
    "全年发放岗位补贴1,572人月，每人每月800元，合计发放1,275,600元。",
    "为326户脱贫户每户发放奖补资金1,200元，共计发放39.5万元。",
    "购置消防器材36套，单价2,800元/套，总价10.8万元。",
    "为１２０名环卫工人每人购买意外保险２５０元，共计３.２万元。",
    "为85名困难老人每人发放慰问金400元。共计发放3.6万元。",
]


@pytest.mark.parametrize("sentence", PRODUCT_WRONG, ids=range(len(PRODUCT_WRONG)))
def test_product_not_its_total(sentence):
    fs = found(report(sentence), "NUM.PRODUCT")
    assert len(fs) == 1 and fs[0].code == "ARITHMETIC_MISMATCH"
    assert [e.role for e in fs[0].evidence] == ["part", "part", "total"]


@pytest.mark.parametrize("sentence", [
    "全年发放岗位补贴1,572人月，每人每月800元，合计发放1,257,600元。",      # right
    "按照每户每月200元的补贴标准，全年为120户发放补贴共计28.80万元。",     # × 12 months: not stated whole
    "兑现省级研发机构奖励5家，每家30万元，计150万元，合计430万元。",        # the product is there; 430 sums more
    "培训学员420人次，人均培训成本650元，培训经费支出30.6万元。",         # 支出 may cover more than the count
    "为85名困难老人每人发放慰问金400元，共计3.4元。",                     # a unit slip: UNIT_MISMATCH's
])
def test_product_total_clean(sentence):
    assert found(report(sentence), "NUM.PRODUCT") == []


RATE_WRONG = [
    "项目预算4,380万元，已支付4,212.6万元，未支付167.4万元，资金支付率95%。",
    "已支付4,212.6万元，未支付167.4万元，支付率95.0%。",                    # paid + unpaid as the base
    "上级下达补助资金97万元，实际到位96.4万元，资金到位率100%。",
    "下达补助资金500万元，已拨付到位460万元，拨付率95%。",
    "项目预算１２０万元，实际支出１０８万元，预算执行率９５％。",
]


@pytest.mark.parametrize("sentence", RATE_WRONG, ids=range(len(RATE_WRONG)))
def test_rate_not_given_by_its_amounts(sentence):
    fs = found(report(sentence), "NUM.RATE_FIGURES") + found(report(sentence), "NUM.ARITH")
    fs = [f for f in fs if "率" in f.message]
    assert len(fs) == 1 and fs[0].code == "ARITHMETIC_MISMATCH"


@pytest.mark.parametrize("sentence", [
    "项目预算4,380万元，已支付4,212.6万元，未支付167.4万元，资金支付率96.18%。",
    "已支付4,212.6万元，未支付167.4万元，支付率96.2%。",
    "项目预算4,380万元，已支付4,212.6万元，支付率96.1%。",          # cut off, not rounded
    "项目预算约1.2亿元，实际支出11,508万元，执行率95.9%。",          # a rounded amount gives no rate
    "项目预算1,280.00万元，实际支出1,265,700万元，执行率98.88%。",   # a unit slip: the magnitude check's
])
def test_rate_given_by_its_amounts(sentence):
    assert found(report(sentence), "NUM.RATE_FIGURES") == []


def test_two_rules_on_one_rate_give_one_finding():
    """NUM.ARITH's prose rate check and NUM.RATE_FIGURES both read 预算执行率: one defect,
    one finding (the resolver keeps the more confident)."""
    r = read_text(report("项目预算420.00万元，实际支出386.40万元，预算执行率93.2%。"))
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    fs = [f for f in run_detectors(ctx) if f.code == "ARITHMETIC_MISMATCH"]
    assert len(fs) == 1


PART_ABOVE = [
    "项目总预算120万元，其中购置设备支出136万元。",
    "全年支出560万元，其中人员经费612万元，公用经费48万元。",
    "下达补助资金85.6万元。其中发放到户补贴91.2万元。",
    "项目资金总额３２０万元，其中财政资金３５０万元。",
    "专项经费合计46.5万元，分别为培训费52万元、资料费4.5万元。",
]


@pytest.mark.parametrize("sentence", PART_ABOVE, ids=range(len(PART_ABOVE)))
def test_part_above_its_whole(sentence):
    fs = found(report(sentence), "NUM.PART_ABOVE_WHOLE")
    assert len(fs) == 1 and fs[0].code == "IMPLAUSIBLE_MAGNITUDE"
    assert [e.role for e in fs[0].evidence] == ["total", "part"]


@pytest.mark.parametrize("sentence", [
    "项目总预算120万元，其中购置设备支出36万元，培训支出20万元。",
    "项目预算120万元，实际支出126万元，其中超支6万元为追加部分。",
    "全年支出560万元，其中人员经费占比62%，服务对象1,200人。",
    "项目总预算120.00万元，其中设备购置120.004万元。",  # rounding
])
def test_part_within_its_whole(sentence):
    assert found(report(sentence), "NUM.PART_ABOVE_WHOLE") == []


@pytest.mark.parametrize("sentence", [
    "根据《关于下达2023年补助资金的通知》（泉财社〔2023 15号）要求，完成资金拨付。",
    "依据鲤民2023〕21号文件开展救助。",
    "按照《救助资金管理办法》(闽财社[2022〕8号)执行。",
    "按照闽财社［2022〕８号文件执行。",
    "根据泉政办【2021〕102号文件精神开展工作。",
])
def test_malformed_document_number(sentence):
    fs = found(report(sentence), "TXT.CITATION")
    assert len(fs) == 1 and fs[0].code == "CITATION_MALFORMED"


@pytest.mark.parametrize("sentence", [
    "依据泉财社〔2023〕15号文件执行。",
    "依据泉财社（2023）15号文件执行。",
    "依据泉财社[2023]15号文件执行。",
    "全年完成2023年15号台风灾后救助。",
])
def test_well_formed_or_no_document_number(sentence):
    assert found(report(sentence), "TXT.CITATION") == []


@pytest.mark.parametrize("sentence,flag", [
    ("另2处因水源地调整转入2024年实施。", False),
    ("未支付部分为质量保证金，待2024年质保期满后支付。", False),
    ("剩余工程顺延至2024年6月完工。", False),
    ("该项目已于2024年5月完成竣工验收。", True),
])
def test_a_later_year_in_a_plan_is_no_result(sentence, flag):
    assert bool(found(report(sentence), "NUM.DATE")) is flag


@pytest.mark.parametrize("sentence", [
    "选聘生态护林员420名，每人每月补助800元，全年发放护林员补助403.2元。",
    "按照每户每月200元的补贴标准，全年为120户发放补贴共计28.80元。",
])
def test_a_monthly_price_over_a_year_in_the_wrong_unit(sentence):
    fs = found(report(sentence), "NUM.UNIT_PRICE")
    assert len(fs) == 1 and "12个月" in fs[0].message


def test_a_monthly_price_over_a_year_that_is_right():
    assert found(report("选聘生态护林员420名，每人每月补助800元，全年发放护林员补助403.2万元。"), "NUM.UNIT_PRICE") == []
    assert found(report("选聘生态护林员420名，每人每月补助800元，全年发放护林员补助403.2万元。"), "NUM.PRODUCT") == []


def stale_report(goal: str) -> str:
    return ("某县文化和旅游局2024年度部门整体支出绩效自评报告\n一、年度绩效目标\n"
            f"1.{goal}\n二、目标完成情况\n1.古城传统民居保护修缮工程主体施工于2024年10月完工。\n"
            "三、存在问题\n1.夜间消费产品单一。\n四、改进措施\n1.2025年由旅游发展股新培育夜间消费项目5个。\n")


@pytest.mark.parametrize("goal", [
    "2023年底前完成古城传统民居保护修缮工程主体施工。",
    "２０２３年１２月底前完成古城民居修缮。",
    "于2022年6月前完成文物安全巡查全覆盖。",
    "2023年9月底前建成城市书房8个。",
    "确保2023年前完成非遗保护名录申报。",
])
def test_a_goal_with_last_years_deadline(goal):
    fs = found(stale_report(goal), "NUM.STALE_TARGET")
    assert len(fs) == 1 and fs[0].code == "DATE_OUT_OF_PERIOD" and fs[0].evidence[0].paragraph == "G1"


@pytest.mark.parametrize("goal", [
    "2024年底前完成古城传统民居保护修缮工程主体施工。",
    "在2023年已经建成30个服务站基础上，再建设16个。",
    "游客人次较2023年增长10%以上。",
    "巩固2023年创建成果，文物安全巡查全覆盖。",
])
def test_a_goal_of_this_year_or_a_baseline(goal):
    assert found(stale_report(goal), "NUM.STALE_TARGET") == []


@pytest.mark.parametrize("layout", ["pipe", "tsv", "cells"])
def test_an_indicator_target_with_last_years_deadline(layout):
    from test_form_checks import OK_ROWS, form

    rows = list(OK_ROWS)
    rows[1] = ("", "时效指标", "资助资金发放时间", "2022年12月底前", "2022年12月", "20", "20", "")
    text = form(rows=rows, layout=layout)
    fs = found(text, "NUM.STALE_TARGET")
    assert len(fs) == 1 and fs[0].evidence[0].paragraph.startswith("TBL")


@pytest.mark.parametrize("a,b", [
    ("依法收缴罚没款864,000万元，全部上缴国库。", "全年罚没收入86.4万元。"),
    ("发放临时救助金36.5元。", "临时救助金支出36.5万元。"),
    ("下达专项资金1,280.00万元。", "专项资金1,280万元已拨付。"),  # same amount: no finding
])
def test_the_same_amount_ten_thousand_apart(a, b):
    text = report(a).replace("四、部门整体绩效\n部门整体运行良好。", f"四、部门整体绩效\n{b}")
    fs = found(text, "NUM.SLIP_PAIR")
    assert len(fs) == (0 if "1,280" in a else 1)


def goal_report(goal: str, outcome: str) -> str:
    return ("某市城市管理局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n"
            f"1.{goal}\n二、目标完成情况\n1.{outcome}\n"
            "三、存在问题\n1.执法力量不足。\n四、改进措施\n1.2024年6月底前由执法大队增配执法人员。\n")


@pytest.mark.parametrize("goal,outcome,flag", [
    ("综合执法：全年查处违法建设120起以上。", "综合执法：全年违法建设查处率100%，拆除违法建筑3.42万平方米。", True),
    ("开展食品安全抽检1,200批次。", "食品安全抽检完成率100%。", True),
    ("综合执法：全年查处违法建设120起以上。", "综合执法：全年查处违法建设126起，查处率100%。", False),
    ("综合执法：全年查处违法建设120起以上。", "综合执法：群众满意率96.5%。", False),
])
def test_a_count_goal_answered_with_a_rate(goal, outcome, flag):
    assert bool(found(goal_report(goal, outcome), "NUM.COUNT_AS_RATE")) is flag


def test_a_rate_per_person_and_the_total_paid_are_no_conflict():
    a = "全年累计拨付签约服务补助331.865万元。"
    b = "签约服务补助标准为每人每年60元。"
    text = report(a).replace("四、部门整体绩效\n部门整体运行良好。", f"四、部门整体绩效\n{b}")
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    assert [f for f in run_detectors(ctx) if f.code == "NUMBER_CONFLICT"] == []


@pytest.mark.parametrize("sentence,message", [
    ("按照《巫山县地质灾害防治专项资金管理办法》（巫规资发〔〕36号）组织实施。", "TXT.CITATION.no_year"),
    ("根据《培训补贴实施方案》（安政办发(2023)15号）开展培训。", "TXT.CITATION.brackets"),
    # 〔〕 for one number and （） for another in the same report: the second is off the standard
    ("依据泉财社〔2023〕15号和泉民（2023）8号文件执行。", "TXT.CITATION.brackets"),
])
def test_document_number_off_the_standard(sentence, message):
    fs = found(report(sentence), "TXT.CITATION")
    assert [f.message_id for f in fs] == [message]


def test_the_same_number_cited_twice_is_one_finding():
    text = report("依据泉财社〔2023 15号文件执行，泉财社〔2023 15号文件另有规定的从其规定。")
    assert len(found(text, "TXT.CITATION")) == 1
